"""Tests for knowledge.events: meetings, actions and attributes read from single sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from knowledge.clauses import Phrase, find_purpose, find_reason
from knowledge.events import find_actions, find_attributes, find_meetings
from knowledge.segment import article_from_text
from knowledge.statements import FactDraft

CASES = [
    (
        find_actions,
        "Judge Ann Reyes handed down the sentence a day later and left.",
        {"agent": "Judge Ann Reyes", "verb": "handed down", "object": "the sentence"},
    ),
    (
        find_actions,
        "The brother-in-law, Aldous Penhale, 61, was arrested on Monday.",
        {"object": "Aldous Penhale", "verb": "arrested", "time": "on Monday"},
    ),
    (
        find_actions,
        "Kestrel declined to comment on the report.",
        {"agent": "Kestrel", "verb": "declined to comment"},
    ),
    (
        find_actions,
        "Power was cut to half of the homes.",
        {"object": "Power", "verb": "cut"},
    ),
    (
        find_actions,
        "About 3,000 workers marched through central Lindhaven on Saturday.",
        {"verb": "marched", "place": "central Lindhaven", "time": "on Saturday"},
    ),
    (
        find_actions,
        "Kestrel Inc. said on Tuesday it had agreed to buy Ardent Robotics.",
        {"agent": "Kestrel Inc", "verb": "had agreed to buy", "time": "on Tuesday"},
    ),
    (
        find_actions,
        "The draft budget, which Vogt presented in May, would cut spending by 3.5%.",
        {"agent": "The draft budget", "verb": "would cut", "object": "spending by 3.5%"},
    ),
    (
        find_attributes,
        "Vogt, a former central bank economist, argues that cuts are needed.",
        {"subject": "Vogt", "value": "a former central bank economist"},
    ),
    (
        find_actions,
        "Insurers have not yet paid the claims.",
        {"agent": "Insurers", "verb": "have not yet paid", "negated": "yes"},
    ),
    (
        find_actions,
        "LISBON (AFP) - The Socialist Party won Sunday's election with 41.7 percent.",
        {"agent": "The Socialist Party", "verb": "won", "object": "Sunday's election"},
    ),
    (
        find_attributes,
        "Turnout was 59.3 percent, the commission said.",
        {"subject": "Turnout", "value": "59.3 percent"},
    ),
    (
        find_attributes,
        "Mayor Colette Vance, who took office in 2023, resigned.",
        {"subject": "Mayor Colette Vance", "value": "took office in 2023"},
    ),
    (
        find_actions,
        "VARNO, Aldoria (Reuters) - Aldoria's central bank raised its main rate on Thursday.",
        {"agent": "Aldoria's central bank", "verb": "raised", "time": "on Thursday"},
    ),
    (
        find_actions,
        "A jury in Port Selwyn on Tuesday found the former administrator guilty of fraud.",
        {"agent": "A jury in Port Selwyn", "verb": "found", "time": "on Tuesday"},
    ),
    (
        find_actions,
        "Analysts polled by Reuters last week had expected a rise of 0.25 points.",
        {"agent": "Analysts", "verb": "had expected", "object": "a rise of 0.25 points"},
    ),
    (
        find_actions,
        "The company has already cut its profit forecast for the year.",
        {"agent": "The company", "verb": "has already cut", "object": "its profit forecast"},
    ),
    (
        find_actions,
        "Home appliance maker Nordvik is recalling 1.2 million kettles after reports of fires.",
        {"agent": "Home appliance maker Nordvik", "verb": "is recalling", "time": None},
    ),
    (
        find_actions,
        "Labour took 41 of the 120 seats in parliament.",
        {"agent": "Labour", "verb": "took", "object": "41 of the 120 seats"},
    ),
    (
        find_actions,
        "The far-right Freedom Front won 14 seats, up from six.",
        {"agent": "The far-right Freedom Front", "verb": "won", "object": "14 seats"},
    ),
    (
        find_actions,
        "GENEVA (AP) - The ministers of Kavaria and Solmen agreed on Monday to reopen embassies.",
        {
            "agent": "The ministers of Kavaria and Solmen",
            "verb": "agreed to reopen",
            "time": "on Monday",
        },
    ),
    (
        find_actions,
        "Labour won the most seats in Sunday's election.",
        {"agent": "Labour", "place": None},
    ),
    (
        find_actions,
        "Kestrel said it had agreed to buy U.K.-based Ardent Robotics for $4.2 billion.",
        {"agent": "Kestrel", "object": "U.K.-based Ardent Robotics"},
    ),
    (
        find_actions,
        "Quillon began notifying customers on Tuesday.",
        {"agent": "Quillon", "verb": "began notifying", "object": "customers"},
    ),
    (
        find_actions,
        "Martin Vey left the company in June for what it called personal reasons.",
        {"verb": "left", "reason": "for what it called personal reasons"},
    ),
    (
        find_actions,
        "Penhale is due to appear before a magistrate on Friday.",
        {"agent": "Penhale", "verb": "is due to appear", "time": "on Friday"},
    ),
    (
        find_attributes,
        "Ashford coach Mirela Kovac, 39, became the first woman to lead a side to the trophy.",
        {
            "subject": "Ashford coach Mirela Kovac",
            "value": "the first woman to lead a side to the trophy",
        },
    ),
    (
        find_actions,
        "Under the plan, each country will set up a monitoring office.",
        {"agent": "each country", "verb": "will set up", "object": "a monitoring office"},
    ),
    (
        find_actions,
        "On Monday, the police arrested two men.",
        {"agent": "the police", "verb": "arrested", "time": "On Monday"},
    ),
    (
        find_actions,
        "The drivers' union, GDL Ostmark, is demanding a 9% pay rise over two years.",
        {"agent": "GDL Ostmark", "verb": "is demanding", "reason": None},
    ),
    (
        find_actions,
        "Health workers have vaccinated about 85,000 children in the past two weeks.",
        {
            "agent": "Health workers",
            "verb": "have vaccinated",
            "object": "about 85,000 children",
            "time": "in the past two weeks",
        },
    ),
    (
        find_actions,
        "Regional officials closed all 40 schools in Orvan on Monday.",
        {"agent": "Regional officials", "verb": "closed", "place": "Orvan", "time": "on Monday"},
    ),
    (
        find_actions,
        "Her rival, former finance minister Tomas Ribeiro, took 47.6%.",
        {"agent": "former finance minister Tomas Ribeiro", "verb": "took", "object": "47.6%"},
    ),
    (
        find_actions,
        "The results must be certified by the Constitutional Court before she is sworn in.",
        {"object": "The results", "agent": "the Constitutional Court", "verb": "certified"},
    ),
    (
        find_actions,
        "The mission will publish its final report within two months.",
        {"object": "its final report"},
    ),
    (
        find_actions,
        "She will travel to the border town of Hessel on Friday.",
        {"place": "the border town of Hessel"},
    ),
    (
        find_actions,
        "The presidents held talks in the Arvenian capital on Thursday.",
        {"place": "the Arvenian capital"},
    ),
    (
        find_actions,
        "The party won 52% of the vote, according to preliminary results.",
        {"purpose": None},
    ),
    (
        find_actions,
        "Talks broke down last week.",
        {"verb": "broke down", "object": None, "time": "last week"},
    ),
    (
        find_actions,
        "State rail operator OstRail has offered 5%.",
        {"verb": "has offered", "object": "5%"},
    ),
    (
        find_meetings,
        "Minister Irena Dusek and her counterpart, Rashid Omar, met for four hours in Geneva.",
        {"agent": "Minister Irena Dusek", "partner": "her counterpart, Rashid Omar"},
    ),
    (
        find_meetings,
        "President Lukas Brandt spoke by phone with Elena Varga on Tuesday.",
        {"agent": "President Lukas Brandt", "partner": "Elena Varga", "time": "on Tuesday"},
    ),
    (
        find_meetings,
        "Brandt and Varga spoke by phone on Tuesday to discuss the pipeline.",
        {"agent": "Brandt", "partner": "Varga", "purpose": "to discuss the pipeline"},
    ),
    (
        find_meetings,
        "Prime Minister Anna Berg met regional governors in the city of Lorvaine.",
        {"partner": "regional governors", "place": "the city of Lorvaine"},
    ),
    (
        find_actions,
        "The fishermen, all Sarvenian citizens, were arrested by the Tolmari coast guard on"
        " March 14 after their trawlers strayed into disputed waters.",
        {"object": "The fishermen", "agent": "the Tolmari coast guard", "verb": "arrested"},
    ),
    (
        find_actions,
        "The five workers, employees of the charity Open Hands, were seized on March 3 near"
        " the town of Durrak.",
        {"object": "The five workers", "verb": "seized", "place": "the town of Durrak"},
    ),
    (
        find_attributes,
        "Quillon, a 61-year-old former judge who has led the mediation since June, flew home.",
        {"subject": "Quillon", "value": "61 years old"},
    ),
    (
        find_attributes,
        "The pilot, 44-year-old Marek Dolin, has flown for the airline for 12 years.",
        {"subject": "Marek Dolin", "value": "44 years old"},
    ),
    (
        find_meetings,
        "AZMIR, Qaradan (Reuters) - The intelligence chiefs of Castavia and Norvane met a"
        " Qaradani mediator in Azmir on Tuesday, officials said.",
        {
            "agent": "The intelligence chiefs of Castavia and Norvane",
            "partner": "a Qaradani mediator",
            "place": "Azmir",
        },
    ),
]


@pytest.mark.parametrize(("extract", "text", "slots"), CASES, ids=[c[1][:24] for c in CASES])
def test_first_fact(extract: object, text: str, slots: dict[str, str]) -> None:
    """The extractor's first fact on the sentence fills these slots as written."""
    assert callable(extract)
    drafts: list[FactDraft] = extract(article_from_text(text).sentences)
    assert {name: drafts[0].slots.get(name) for name in slots} == slots


def test_expected_to_is_no_attribute() -> None:
    """'Lind is expected to approach the Greens' says what may happen, not what Lind is."""
    sentences = article_from_text("Lind is expected to approach the Greens.").sentences
    assert find_attributes(sentences) == []


def test_progressive_is_no_attribute() -> None:
    """'X is recalling kettles' is something X does, not what X is."""
    sentences = article_from_text("Nordvik is recalling 1.2 million kettles.").sentences
    assert [d.slots.get("value") for d in find_attributes(sentences)] == []
    assert [d.slots.get("verb") for d in find_actions(sentences)] == ["is recalling"]


def test_coordinated_verb_is_a_second_action() -> None:
    """'had agreed to buy X and would cut about 1,800 jobs': two actions by the same agent."""
    text = "Kestrel said it had agreed to buy Ardent and would cut about 1,800 jobs, or 12%."
    actions = find_actions(article_from_text(text).sentences)
    assert [(a.slots.get("verb"), a.slots.get("object")) for a in actions] == [
        ("had agreed to buy", "Ardent"),
        ("would cut", "about 1,800 jobs"),
    ]


def test_verb_coordinated_inside_a_subordinate_clause_is_not_the_agent_s() -> None:
    """'X toured the factory a day after a fire swept through it and killed 31 workers': the
    fire killed them, not X."""
    text = (
        "The minister toured the factory on Tuesday, a day after a fire swept through the "
        "building and killed at least 31 workers."
    )
    actions = find_actions(article_from_text(text).sentences)
    assert [a.slots.get("verb") for a in actions] == ["toured"]


def test_called_on_is_no_action() -> None:
    """'called on both sides to return' is a statement, not an action 'called'."""
    sentences = article_from_text("Minister Eva Lind called on both sides to talk.").sentences
    assert find_actions(sentences) == []


def test_talks_hosted_by_someone_are_no_meeting() -> None:
    """'talks ... hosted by the prime minister' do not say who met whom."""
    text = "The deal came after two days of talks in Brennik, hosted by Prime Minister Lotte Aas."
    assert find_meetings(article_from_text(text).sentences) == []


@pytest.mark.parametrize(
    ("text", "cue", "finder"),
    [
        ('He said he was stepping down "so that the bank can cooperate."', "so that", find_purpose),
        ("The talks were aimed at agreeing a truce.", "aimed at agreeing", find_purpose),
        ("The port closed in the wake of the storm.", "in the wake of", find_reason),
        ("Fares rose in response to higher fuel costs.", "in response to", find_reason),
        ("Shops shut for fear of looting.", "for fear of", find_reason),
        (
            "Officers detained a man in connection with a fraud inquiry.",
            "in connection with",
            find_reason,
        ),
    ],
)
def test_reason_and_purpose_cues(text: str, cue: str, finder: Callable[..., Phrase | None]) -> None:
    """Why-questions find their answer where a sentence gives a cause or an aim."""
    found = finder(text)
    assert found is not None and found.text.startswith(cue)


def test_a_name_before_an_indefinite_apposition_is_who_met() -> None:
    """'Rovik, a 61-year-old former defence minister, met Marsk': Rovik met Marsk."""
    text = "Rovik, a 61-year-old former defence minister, met Marsk at the palace for two hours."
    meetings = find_meetings(article_from_text(text).sentences)
    assert [(m.slots.get("agent"), m.slots.get("partner")) for m in meetings] == [
        ("Rovik", "Marsk")
    ]
