"""Tests for knowledge.statements: speaker, cue, addressee and on-whose-behalf of a statement."""

from __future__ import annotations

import pytest

from knowledge.segment import article_from_text
from knowledge.statements import find_reports, find_statements

CASES = [
    (
        "Prosecutors accuse him of selling state secrets, a charge he denies.",
        {"speaker": "Prosecutors", "cue": "accuse"},
    ),
    (
        "His wife, Marit Lund, told Reuters he had called her on Saturday.",
        {"cue": "told Reuters", "addressee": "Reuters", "content": "he had called her on Saturday"},
    ),
    (
        "Both sides agreed to a news blackout, a diplomat said, though it has been broken.",
        {"speaker": "a diplomat", "content": "Both sides agreed to a news blackout"},
    ),
    (
        "Ministers met on Tuesday, as a leaked memo suggested a deal was close.",
        {"speaker": "a leaked memo", "content": "a deal was close"},
    ),
    (
        "A safety notice issued on Monday by the Northern Shipping Office, seen by Reuters, said"
        " ships faced a high risk.",
        {
            "speaker": "A safety notice issued on Monday by the Northern Shipping Office",
            "content": "ships faced a high risk",
        },
    ),
    (
        "The leaders met for an hour, a Korean official told reporters on condition of anonymity.",
        {"speaker": "a Korean official", "content": "The leaders met for an hour"},
    ),
    (
        "Most cases were in children, the Health Agency said, urging parents to vaccinate them.",
        {"speaker": "the Health Agency", "content": "Most cases were in children"},
    ),
    (
        "Floods killed nine people, officials said on Thursday, as rescuers searched for two.",
        {"speaker": "officials", "content": "Floods killed nine people"},
    ),
    (
        '"We have never seen this," he told state broadcaster RAI.',
        {"cue": "told state broadcaster RAI", "addressee": "state broadcaster RAI"},
    ),
    (
        "BRUSSELS (Reuters) - Finance ministers said on Tuesday they would wait.",
        {"speaker": "Finance ministers", "cue": "said"},
    ),
    (
        "Ministers agreed to delay the rules, officials said.",
        {"speaker": "officials", "cue": "said"},
    ),
    (
        "The plan will cost more, Mairead Byrne said on Wednesday, adding that it would pass.",
        {"speaker": "Mairead Byrne", "content": "The plan will cost more"},
    ),
    (
        "“We warned them,” said miners’ union leader Marek Holan, whose brother is missing.",
        {"speaker": "miners’ union leader Marek Holan", "mode": "direct"},
    ),
    (
        '"It rained," said on Monday Marta Ilves.',
        {"speaker": "(previous speaker)"},
    ),
    (
        '"It rained," said Marta Ilves on Wednesday.',
        {"speaker": "Marta Ilves", "cue": "said", "time": "on Wednesday"},
    ),
    (
        "Henrik Lund called the results good but cautioned that the trial was short.",
        {"speaker": "Henrik Lund", "cue": "cautioned"},
    ),
    (
        "Brekke, whose party holds 14 of the 101 seats, has said he will not back the bill.",
        {"speaker": "Brekke", "cue": "said"},
    ),
    (
        '"It was a plan," prosecutor Daniel Ashby told the jury last week.',
        {"speaker": "prosecutor Daniel Ashby", "cue": "told the jury", "addressee": "the jury"},
    ),
    (
        "Dr. Helena Marsh called on Mr. Falk to hold a snap election.",
        {"speaker": "Dr. Helena Marsh", "cue": "called on", "addressee": "Mr. Falk"},
    ),
    (
        "The agency urged residents not to return to their homes.",
        {"speaker": "The agency", "cue": "urged", "addressee": "residents"},
    ),
    (
        '"It rained," said Marta Ilves, a spokeswoman for the agency.',
        {"speaker": "Marta Ilves", "cue": "said", "on_behalf_of": "the agency"},
    ),
    (
        "The vaccine cut admissions by 71% in a late-stage trial, its developer said on Monday.",
        {
            "speaker": "its developer",
            "content": "The vaccine cut admissions by 71% in a late-stage trial",
        },
    ),
    (
        "Prices rose in Canada and Japan, the ministry said.",
        {"speaker": "the ministry", "content": "Prices rose in Canada and Japan"},
    ),
    (
        "Amara Osei, the chief investigator said the drug worked.",
        {"speaker": "Amara Osei", "content": "the drug worked"},
    ),
    (
        "Of 940 cases, 300 have been confirmed, the ministry said in a statement.",
        {"speaker": "the ministry", "cue": "said in a statement"},
    ),
    (
        "Schools will stay shut until Friday, a period which Dresner said could be extended.",
        {"speaker": "Dresner", "content": "could be extended"},
    ),
    (
        "LUSANA, Velmora (Reuters) - Floods killed nine people, the interior ministry said.",
        {"speaker": "the interior ministry", "content": "Floods killed nine people"},
    ),
    (
        "Chief executive Ingrid Solberg apologised in a video and said the recall would cost more.",
        {"speaker": "Chief executive Ingrid Solberg", "content": "the recall would cost more"},
    ),
    (
        "Minister Tomas Beck welcomed the decision but said the government would wait.",
        {"speaker": "Minister Tomas Beck", "content": "the decision"},
    ),
    (
        "On Friday, the union said the strike was over.",
        {"speaker": "the union", "time": "On Friday"},
    ),
    (
        "Meanwhile, the union said the strike was over.",
        {"speaker": "the union", "time": None},
    ),
    (
        "The recall covers kettles made between March 2022 and August 2023, it said.",
        {"speaker": "it", "time": None},
    ),
    (
        "Turnout was 71.2 percent, the electoral commission said, the highest since 1998.",
        {"speaker": "the electoral commission", "content": "Turnout was 71.2 percent"},
    ),
    (
        "The European Union and the African Union both welcomed the deal.",
        {"speaker": "The European Union and the African Union", "content": "the deal"},
    ),
    (
        "GENEVA (AP) - The European Union and the African Union said the deal was good.",
        {"speaker": "The European Union and the African Union"},
    ),
    (
        "In a message to Ardent's 2,400 employees on Tuesday, Mr. Menon said the campus stays.",
        {"speaker": "Mr. Menon", "time": "on Tuesday", "addressee": "Ardent's 2,400 employees"},
    ),
    (
        "BRENNIK, Halvard — Leaders of the six Northern Sea states pledged on Saturday to act.",
        {"speaker": "Leaders of the six Northern Sea states", "cue": "pledged"},
    ),
    (
        'Fishing groups in Norland, however, called the cuts "a death sentence".',
        {"speaker": "Fishing groups in Norland", "cue": "called"},
    ),
    (
        "Norland's fisheries minister, Per Vik, signed the deal but told reporters he had doubts.",
        {"speaker": "Norland's fisheries minister, Per Vik", "content": "he had doubts"},
    ),
    (
        "Brandt said the pipeline would cost more, but he did not say how it would be financed.",
        {"content": "the pipeline would cost more"},
    ),
    (
        'The talks were "constructive", a spokesperson for the Commission said.',
        {"content": 'The talks were "constructive"', "mode": "indirect"},
    ),
    (
        "The company, which employs 4,000 people, said sales fell 8%.",
        {"speaker": "The company", "content": "sales fell 8%"},
    ),
    (
        "Consumer groups in Germany and France called on regulators to investigate.",
        {"speaker": "Consumer groups in Germany and France", "addressee": "regulators"},
    ),
    (
        "In a statement posted on a messaging channel on Wednesday, Red Dune Brigades spokesman"
        " Selim Bakhtar said the hostages were in good health.",
        {"speaker": "Red Dune Brigades spokesman Selim Bakhtar", "cue": "said"},
    ),
    (
        "Castavian officials have repeatedly denied that any prisoner exchange is planned.",
        {"speaker": "Castavian officials", "content": "any prisoner exchange is planned"},
    ),
    (
        'Strand declined to confirm the report, saying only that "all options remain open".',
        {"speaker": "Strand", "cue": "said", "content": '"all options remain open"'},
    ),
    (
        "Varneth's deputy fire chief, Sofia Lind, resigned on Friday, saying in a letter published"
        " by the agency that she took responsibility for the delay.",
        {
            "speaker": "Varneth's deputy fire chief, Sofia Lind",
            "content": "she took responsibility for the delay",
        },
    ),
    (
        "Reyvik, speaking briefly to reporters as he left Tessary House, warned that a "
        "ceasefire on paper would cost lives.",
        {"speaker": "Reyvik"},
    ),
    (
        "The talks focused on compensation and on the company's safety records, a ministry "
        "official said.",
        {"speaker": "a ministry official"},
    ),
    (
        '"We cannot ask our crews to sail there," he said at a news conference on Thursday.',
        {"cue": "said", "place": "at a news conference", "time": "on Thursday"},
    ),
    (
        "Strand told a briefing in Marsen that talks would go on.",
        {"place": None},
    ),
]


@pytest.mark.parametrize(("text", "slots"), CASES, ids=[c[0][:24] for c in CASES])
def test_statement(text: str, slots: dict[str, str]) -> None:
    """The first statement of the sentence fills these slots as written."""
    drafts = find_statements(article_from_text(text).sentences)
    assert {name: drafts[0].slots.get(name) for name in slots} == slots


def test_speaker_goes_on_to_say() -> None:
    """'X welcomed ... but said ...' gives a second statement by the same speaker."""
    text = "Minister Ilse Norberg welcomed the results but said the government would wait."
    drafts = find_statements(article_from_text(text).sentences)
    assert [(d.slots["speaker"], d.slots["cue"]) for d in drafts] == [
        ("Minister Ilse Norberg", "welcomed"),
        ("Minister Ilse Norberg", "said"),
    ]


REPORTS = [
    (
        "The report found that payments under 50,000 crowns needed one signature.",
        {"source": "The report", "content": "payments under 50,000 crowns needed one signature"},
    ),
    (
        "A study by the Kestrel Institute showed most patients recovered.",
        {"source": "A study by the Kestrel Institute", "content": "most patients recovered"},
    ),
    (
        "Labour won the most seats, official results showed on Monday, setting up coalition talks.",
        {"source": "official results", "content": "Labour won the most seats"},
    ),
    (
        "Vaccination rates fell to 58% during the pandemic, a UNICEF report found last year.",
        {
            "source": "a UNICEF report",
            "content": "Vaccination rates fell to 58% during the pandemic",
        },
    ),
    (
        "The Meridian Press Agency reported on Tuesday evening, citing two diplomats, that"
        " negotiators had agreed on a draft deal.",
        {
            "source": "The Meridian Press Agency",
            "content": "negotiators had agreed on a draft deal",
            "cites": "two diplomats",
        },
    ),
    (
        "Ashkar's state news agency ANA reported on Tuesday that the ship had been detained.",
        {"source": "Ashkar's state news agency ANA", "content": "the ship had been detained"},
    ),
    (
        "The Harbour Ledger, a Valdorian business newspaper, reported on Wednesday, citing two"
        " people familiar with the talks, that officials had asked for $4.5 million.",
        {
            "source": "The Harbour Ledger",
            "content": "officials had asked for $4.5 million",
            "cites": "two people familiar with the talks",
        },
    ),
    (
        "Weekly magazine Kontrast reported in March, citing bank documents, that Westmarch paid"
        " 2.8 million euros in fees.",
        {
            "source": "Weekly magazine Kontrast",
            "content": "Westmarch paid 2.8 million euros in fees",
        },
    ),
    (
        "The Brenholt Gazette, a weekly paper, reported on Friday, citing a court clerk, that"
        " the hearing had been moved.",
        {"source": "The Brenholt Gazette", "content": "the hearing had been moved"},
    ),
    (
        "The Ostvik Daily, citing an unnamed official, reported that the port would reopen.",
        {"source": "The Ostvik Daily", "content": "the port would reopen"},
    ),
    (
        "A second outlet, the public broadcaster RVN, reported that talks had stalled, citing"
        " two aides.",
        {
            "source": "the public broadcaster RVN",
            "content": "talks had stalled",
            "cites": "two aides",
        },
    ),
    (
        "Weekly magazine Pernik reported in March, citing bank records, that the loans were"
        " never repaid.",
        {"source": "Weekly magazine Pernik", "content": "the loans were never repaid"},
    ),
    (
        "The spray cut admissions by 71% in a late-stage trial, its developer said.",
        {"source": "late-stage trial", "content": "The spray cut admissions by 71%"},
    ),
]


@pytest.mark.parametrize(("text", "slots"), REPORTS, ids=[r[0][:24] for r in REPORTS])
def test_report_finding(text: str, slots: dict[str, str]) -> None:
    """What a report or study found is a report fact with the document as its source."""
    drafts = find_reports(article_from_text(text).sentences)
    assert [{name: d.slots.get(name) for name in slots} for d in drafts] == [slots]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            '"We cannot ask our crews to sail there," he said at a news conference on Thursday.',
            "at a news conference",
        ),
        (
            "Dravenhal told reporters outside the ministry that both sides wanted to talk.",
            "outside the ministry",
        ),
        ("The minister said the talks in Cairo had failed.", None),
    ],
)
def test_where_words_were_said(text: str, place: str | None) -> None:
    """The occasion after the cue is where it was said; a place inside what was said is not."""
    drafts = find_statements(article_from_text(text).sentences)
    assert [d.slots.get("place") for d in drafts] == [place]


def test_a_passive_report_names_no_outlet() -> None:
    """'No injuries were reported': nobody reported anything."""
    text = "No injuries were reported, and Northgate said none of the debris had landed."
    assert find_reports(article_from_text(text).sentences) == []


def test_a_function_word_is_no_speaker() -> None:
    """'whether a ceasefire, if agreed, would cover the valley': no one agreed to anything."""
    text = "It was not clear whether a ceasefire, if agreed, would cover the Hollin valley."
    assert find_statements(article_from_text(text).sentences) == []


def test_a_plural_noun_is_no_cue() -> None:
    """'member states', 'insurance claims' are nouns; 'states that' is a cue."""
    texts = ["The six member states pledged to act.", "The union states that pay is too low."]
    cues = [
        [d.slots["cue"] for d in find_statements(article_from_text(t).sentences)] for t in texts
    ]
    assert cues == [["pledged"], ["states"]]


def test_going_on_after_a_quotation() -> None:
    """'called the cuts "a death sentence" and vowed to ...': the quotation is the first cue's."""
    text = 'Fishing groups called the cuts "a death sentence" and vowed to sue.'
    drafts = find_statements(article_from_text(text).sentences)
    assert [(d.slots["cue"], d.slots["content"]) for d in drafts] == [
        ("called", 'the cuts "a death sentence"'),
        ("vowed", "to sue"),
    ]


def test_a_participle_without_speech_is_no_statement() -> None:
    """'..., adding to the pressure' says nothing: no statement without 'that' or a quote."""
    text = "Lind resigned on Friday, adding to the pressure on the agency."
    assert find_statements(article_from_text(text).sentences) == []
