"""Follow-up questions resolved against the conversation (knowledge/followups.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from knowledge import Conversation, Engine, build_fact_base
from knowledge.followups import _by_gender, _other_gender

CRASH = (
    "Two people were hurt in a fire at the central market last year.\n\n"
    "A bus carrying 30 passengers crashed on the coast road near Velna on Monday after its "
    "brakes failed, injuring four people, police said.\n\n"
    "The driver was arrested on suspicion of dangerous driving.\n"
)


@pytest.fixture(scope="module")
def crash() -> Engine:
    """An engine over a short article about a bus crash."""
    return Engine(build_fact_base(CRASH))


def test_a_follow_up_naming_nothing_leans_to_the_last_answer(crash: Engine) -> None:
    """'How many people were injured?' after 'Where did the bus crash?' counts the crash's
    injured, not those of an older fire the article mentions first."""
    conversation = Conversation()
    assert crash.ask("Where did the bus crash?", conversation).answered
    answer = crash.ask("How many people were hurt?", conversation)
    assert answer.answered and "four people" in answer.sources[0].text


def test_the_sentence_after_the_last_answer_breaks_a_tie() -> None:
    """A follow-up the last answer's sentence does not hold is, other things equal, answered
    by the sentence after it, which goes on with the same story."""
    engine = Engine(
        build_fact_base(
            "Two people were hurt in a fire at the central market last year.\n\n"
            "A bus crashed on the coast road near Velna on Monday.\n\n"
            "Four people were hurt, police said.\n"
        )
    )
    conversation = Conversation()
    assert engine.ask("Where did the bus crash?", conversation).answered
    answer = engine.ask("How many people were hurt?", conversation)
    assert answer.answered and "Four people" in answer.sources[0].text


@pytest.mark.parametrize(
    "follow_up",
    [
        "What did he warn, by the way?",
        "By the way, what did he warn?",
        "Well, what did he warn exactly?",
    ],
    ids=["trailing", "leading", "both"],
)
def test_an_aside_is_no_word_of_the_question(follow_up: str) -> None:
    """'by the way', 'well,' and 'exactly' ask nothing of the article: 'What did he warn, by
    the way?' is 'What did he warn?'."""
    engine = Engine(
        build_fact_base(
            "Dario Venskar, a former diplomat, is the government's spokesman.\n\n"
            "The talks resumed on Wednesday in Tolmar.\n\n"
            "Venskar warned that the government would not sign a bad deal.\n"
        )
    )
    conversation = Conversation()
    assert engine.ask("Who is Dario Venskar?", conversation).answered
    answer = engine.ask(follow_up, conversation)
    assert answer.answered and "bad deal" in answer.sources[0].text


def test_a_bare_why_after_an_unanswered_question_asks_about_that_question() -> None:
    """'Why?' after a question that went unanswered asks why of that question, not of
    nothing: 'Who was arrested?' then 'Why?' asks why someone was arrested."""
    engine = Engine(
        build_fact_base(
            "A fire at a textile factory in Port Samara killed 41 workers on Monday.\n\n"
            "Police arrested the factory manager, Lucan Mereth, on Tuesday because survivors "
            "said the doors on the upper floors had been locked.\n\n"
            "The owners declined to comment.\n"
        )
    )
    conversation = Conversation()
    engine.ask("Who was arrested?", conversation)
    answer = engine.ask("Why?", conversation)
    assert answer.answered and "doors on the upper floors" in answer.sources[0].text


def test_he_before_them_is_the_one_person_asked_about() -> None:
    """In 'How long did he give them?' the one to find is 'he'; 'them' is whom he gave it
    to, so the plural does not keep 'he' from the man of the last answer."""
    engine = Engine(
        build_fact_base(
            "Talks on the release of five aid workers resumed in Azmir on Tuesday.\n\n"
            "Rebel spokesman Selim Bakhtar called on the families to pressure their "
            "governments, setting a deadline of 30 days before the group would end talks.\n\n"
            "The talks are expected to last for 12 hours.\n"
        )
    )
    conversation = Conversation()
    assert engine.ask("Who did Bakhtar call on?", conversation).answered
    answer = engine.ask("And how long did he give them?", conversation)
    assert answer.answered and "30 days" in answer.sources[0].text


def test_a_leading_and_does_not_hide_who_the_question_is_about() -> None:
    """'And what did she tell reporters?' asks what she said, like 'What did she tell
    reporters?': the last answer's sentence, where someone else briefs the media, is not it."""
    engine = Engine(
        build_fact_base(
            "Two leaders met at Vellamy Palace on Tuesday for talks on a fishing dispute.\n\n"
            "Renata Quillon, a former judge, shuttled between the two delegations six times, "
            "according to an official who was not authorised to brief the media.\n\n"
            "She later told reporters that both sides had shown courage.\n"
        )
    )
    conversation = Conversation()
    assert engine.ask("Who shuttled between the delegations?", conversation).answered
    answer = engine.ask("And what did she tell reporters?", conversation)
    assert answer.answered and "shown courage" in answer.sources[0].text


def test_and_a_name_stands_in_for_a_subject_named_without_a_name() -> None:
    """'And Lang?' after 'Did the bank respond?' asks whether Lang responded: the name
    takes the place of 'the bank', as it would take the place of another name."""
    engine = Engine(
        build_fact_base(
            "Weekly magazine Kontrast reported that the bank paid 2.8 million euros to Ostrel "
            "Advisory, a small firm linked to former treasurer Viktor Lang.\n\n"
            "The bank's press office did not respond to questions on Tuesday.\n\n"
            "Lang could not be reached for comment, and Ostrel Advisory did not respond "
            "either.\n"
        )
    )
    conversation = Conversation()
    assert engine.ask("Did the bank respond?", conversation).answered
    answer = engine.ask("And Lang?", conversation)
    assert answer.answered and "could not be reached" in answer.sources[0].text


@pytest.mark.parametrize(
    "follow_up", ["How many suspects are there?", "Are there any suspects?"], ids=["are", "are-q"]
)
def test_there_of_there_are_points_at_nothing(follow_up: str) -> None:
    """'How many suspects are there?' after an answer about a raid in Kesslau asks how many
    suspects there are, not how many are in Kesslau: that 'there' refers to nothing."""
    engine = Engine(
        build_fact_base(
            "Prosecutors raided the headquarters of Westmarch Bank in Kesslau on Tuesday.\n\n"
            "The prosecutors' office said five people were suspects in the bribery case.\n"
        )
    )
    conversation = Conversation()
    assert engine.ask("Where did prosecutors raid?", conversation).answered
    answer = engine.ask(follow_up, conversation)
    assert answer.answered and "five people were suspects" in answer.sources[0].text


def test_he_is_resolved_in_a_question_that_names_something_else() -> None:
    """'What did he say about the Orbital Ledger report?' names the report, yet 'he' is
    still the man of the last answer: his comment is asked, not the report."""
    engine = Engine(
        build_fact_base(
            "Jonah Whitcombe, the company's chief executive, told a news conference in Cape "
            "Merrow that the rocket lost power after stage separation.\n\n"
            "The trade publication Orbital Ledger reported that engineers were examining a "
            "pressure drop in a fuel line.\n\n"
            'Asked about the report, Whitcombe said "every possibility is on the table."\n'
        )
    )
    conversation = Conversation()
    assert engine.ask("Who is Jonah Whitcombe?", conversation).answered
    answer = engine.ask("What did he say about the Orbital Ledger report?", conversation)
    assert answer.answered and "every possibility" in answer.sources[0].text


def test_a_pronoun_no_one_of_the_last_turn_fits_still_means_its_person() -> None:
    """'she' after a turn about one person the article (wrongly) calls 'he' ('His sister,
    Clara Reyke') still means that person, not no one; with a fitting person, that one."""
    people = {
        "person:clara": SimpleNamespace(gender="male"),
        "person:ana": SimpleNamespace(gender="female"),
    }
    kinds = {"person:clara": "person", "person:ana": "person", "place:pelsk": "place"}
    index = SimpleNamespace(entities=people, entity_kinds=kinds)
    assert "person:clara" in _by_gender(["place:pelsk", "person:clara"], "male", index)
    both = ["person:clara", "person:ana"]
    assert _by_gender(both, "male", index) == ["person:ana"]


ENVOY = (
    "Ines Dravenhal, Valmora's special envoy, met Foreign Minister Radek Solm in Morvel on "
    "Tuesday.\n\n"
    "Solm said afterwards that the courts were independent.\n\n"
    "Lindish Foreign Minister Per Aldvik said the minister in Morvel had been told about the "
    "case many times.\n"
)


def test_the_and_a_title_is_the_person_of_the_last_answer_with_that_title() -> None:
    """'What did the minister say?' right after an answer naming Foreign Minister Radek Solm
    asks what Solm said, not what another minister (or the word 'minister') says."""
    engine = Engine(build_fact_base(ENVOY))
    conversation = Conversation()
    engine.ask("Who did Dravenhal meet?", conversation)
    answer = engine.ask("What did the minister say?", conversation)
    assert answer.answered and answer.sources[0].text.startswith("Solm said afterwards")


BROTHER = (
    "Ilse Marovy leads the rebel delegation at the talks in Lavrenne.\n\n"
    "For Marovy, the talks are also personal. She told reporters that her younger brother is "
    "among the detainees and that she last saw him in 2016. He was arrested at a checkpoint "
    "after soldiers accused him of carrying messages, she said.\n\n"
    "The talks are due to end on Friday.\n"
)


def test_him_no_one_named_is_the_man_the_next_sentence_goes_on_about() -> None:
    """'What happened to him?' after an answer about Marovy's unnamed brother ('she last saw
    him') is not about Marovy: the next sentence, 'He was arrested ...', tells it."""
    engine = Engine(build_fact_base(BROTHER))
    conversation = Conversation()
    engine.ask("When did Marovy last see her brother?", conversation)
    answer = engine.ask("What happened to him?", conversation)
    assert answer.answered and answer.sources[0].text.startswith("He was arrested")


@pytest.mark.parametrize(
    ("question", "ruled_out"),
    [
        ("What did he tell her?", "female"),
        ("When did she last hear from him?", "male"),
        ("Did his wife speak to reporters?", "female"),
        ("Where did they go?", None),
    ],
    ids=["he-tell-her", "she-from-him", "his-wife", "they"],
)
def test_the_first_personal_pronoun_says_whom_the_question_is_about(
    question: str, ruled_out: str | None
) -> None:
    """'What did he tell her?' is about the man who told: the first pronoun, its subject,
    decides which gender the referent cannot have."""
    assert _other_gender(question) == ruled_out


SUMMIT = (
    "President Oberin flew to the summit in Velna on Monday.\n\n"
    "Oberin said on Tolmari television that he was ready to listen, but not to bend.\n\n"
    "He also said he wanted a lasting solution rather than a photo at a palace.\n"
)


def test_what_else_is_not_the_last_answer_again() -> None:
    """'What else did he say?' asks for something besides the last answer: its sentence, which
    holds the follow-up's words best, is not given again."""
    engine = Engine(build_fact_base(SUMMIT))
    conversation = Conversation()
    first = engine.ask("What did Oberin tell Tolmari television?", conversation)
    answer = engine.ask("What else did he say?", conversation)
    assert first.answered and answer.answered
    assert answer.sources[0].text.startswith("He also said")


ROVIK = (
    "BELMIRA (Reuters) - Tevaria's special envoy Anselm Rovik arrived in Belmira on Monday for "
    "talks on the prisoners.\n\n"
    "Rovik, a 61-year-old former defence minister, met President Marsk at the palace for two "
    "hours.\n\n"
    "He told reporters the talks had been useful.\n"
)


def test_what_did_he_do_before_that_asks_what_he_was_before() -> None:
    """'What did he do before that?' after 'Who is the envoy?' asks his earlier career: 'a
    former defence minister' answers it, though the sentence places nothing 'before'."""
    engine = Engine(build_fact_base(ROVIK))
    conversation = Conversation()
    engine.ask("Who is Tevaria's special envoy?", conversation)
    answer = engine.ask("What did he do before that?", conversation)
    assert answer.answered and "former defence minister" in answer.sources[0].text


MINERS = (
    "Rescuers brought 17 miners to the surface alive from a collapsed mine on Thursday.\n\n"
    "Doctors at the hospital in Lozna said 11 of the rescued miners were being treated for "
    "dehydration, three had broken bones and the other three were sent home.\n\n"
    "A fire broke out at a mine in the north last year.\n"
)


@pytest.mark.parametrize("follow_up", ["And the rest?", "What about the others?"])
def test_and_the_rest_asks_the_last_question_for_the_others(follow_up: str) -> None:
    """'And the rest?' after 'How many have broken bones?' asks about the other miners, which
    the sentence that counted those with broken bones goes on to tell."""
    engine = Engine(build_fact_base(MINERS))
    conversation = Conversation()
    engine.ask("How many of the rescued miners have broken bones?", conversation)
    answer = engine.ask(follow_up, conversation)
    assert answer.answered and "the other three were sent home" in answer.sources[0].text


def test_and_a_name_after_an_unanswered_question_asks_that_question_of_the_name() -> None:
    """'And Brenning?' after 'How old is the minister?' went unanswered asks how old
    Brenning is: the unanswered question is still the one the talk is about."""
    engine = Engine(
        build_fact_base(
            "Trade Minister Halvard Brenning hosted Adaeze Morrow-Talbot in Seligar on Monday.\n\n"
            "The talks ended without a deal.\n\n"
            "Brenning, 58, a former shipping executive, said he would try again.\n"
        )
    )
    conversation = Conversation()
    assert not engine.ask("How old is Morrow-Talbot?", conversation).answered
    answer = engine.ask("And Brenning?", conversation)
    assert answer.answered and "58" in answer.sources[0].text


REPORT = (
    "Valdoria's foreign minister summoned the ambassador on Monday.\n\n"
    "The Harbour Ledger, a business newspaper, reported on Wednesday that officials had asked "
    "for $4.5 million in fees to release the ship.\n\n"
    "Strand's ministry denied that any payment was under discussion.\n\n"
    "The government has promised new patrols in the strait.\n"
)


@pytest.mark.parametrize(
    "follow_up",
    ["Did the government confirm that?", "Did the firm respond?"],
    ids=["confirm", "respond"],
)
def test_a_reaction_to_the_last_answer_is_the_denial_after_it(follow_up: str) -> None:
    """'Did the government confirm that?' after a report: the sentence after it that tells
    how someone reacted ('denied'), whichever reaction word the question uses."""
    engine = Engine(build_fact_base(REPORT))
    conversation = Conversation()
    assert engine.ask("What did the Harbour Ledger report?", conversation).answered
    answer = engine.ask(follow_up, conversation)
    assert answer.answered and "denied" in answer.sources[0].text


def test_a_bare_why_after_the_summary_does_not_ask_an_older_question_again() -> None:
    """'Why?' right after 'What is this article about?' is about the summary, not a question
    that went unanswered before it: the summary is an answer and starts the talk afresh."""
    engine = Engine(
        build_fact_base(
            "A fire at a textile factory in Port Samara killed 41 workers on Monday.\n\n"
            "Police arrested the factory manager, Lucan Mereth, on Tuesday because survivors "
            "said the doors on the upper floors had been locked.\n\n"
            "The owners declined to comment.\n"
        )
    )
    conversation = Conversation()
    engine.ask("Who was arrested?", conversation)
    assert engine.ask("What is this article about?", conversation).answered
    answer = engine.ask("Why?", conversation)
    assert not any("upper floors" in s.text for s in answer.sources)


def test_he_is_the_last_person_when_the_question_names_another_person() -> None:
    """'How often has he talked to the envoy?' after 'Who is Per Aldvik?': 'he' is Aldvik,
    the envoy the one he talked to, so the question is not about the envoy alone."""
    engine = Engine(
        build_fact_base(
            "Ines Dravenhal, Valmora's special envoy, met Foreign Minister Radek Solm on Tuesday "
            "and talked to reporters for an hour.\n\n"
            "Lindish Foreign Minister Per Aldvik has talked to Dravenhal by phone at least four "
            "times since then, his ministry said.\n\n"
            "Dravenhal will travel to Askeby on Thursday.\n"
        )
    )
    conversation = Conversation()
    assert engine.ask("Who is Per Aldvik?", conversation).answered
    answer = engine.ask("How often has he talked to the envoy?", conversation)
    assert answer.answered and "four times" in answer.sources[0].text


def test_he_no_one_named_is_the_man_the_same_paragraph_goes_on_about() -> None:
    """'What did he tell her?' after a sister's answer that leaves her brother unnamed ('the
    last news she had from him'): the sentence after it, telling of him, answers."""
    engine = Engine(
        build_fact_base(
            "Tomas Reyke, a journalist, was arrested in March.\n\n"
            "His sister, Clara Reyke, said the last news she had from him was a letter that "
            "reached her six weeks ago. In it, he told her he was sharing a cell with three "
            "other men.\n"
        )
    )
    conversation = Conversation()
    assert engine.ask("Who is Clara Reyke?", conversation).answered
    answer = engine.ask("What did he tell her?", conversation)
    assert answer.answered and "sharing a cell" in answer.sources[0].text


def test_a_follow_up_naming_nothing_at_all_asks_more_of_the_last_question() -> None:
    """'Will there be more?' after 'How many jobs has Arnholt cut?' names nothing of its own:
    it asks about more job cuts, and the sentence on further cuts answers it."""
    engine = Engine(
        build_fact_base(
            "Arnholt Steelworks said it had cut 1,150 jobs since March.\n\n"
            "Steel prices fell by a third over the year.\n\n"
            "Arnholt refused to say whether further job cuts were planned.\n"
        )
    )
    conversation = Conversation()
    assert engine.ask("How many jobs has Arnholt cut?", conversation).answered
    answer = engine.ask("Will there be more?", conversation)
    assert answer.answered and "further" in answer.sources[0].text
