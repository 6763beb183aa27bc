"""The search index's readings of facts."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import build_fact_base
from knowledge.index import Index, build_index, concepts_of, is_known, related, unknown_asks
from knowledge.question import analyse
from knowledge.schema import Evidence, Fact, Slot
from knowledge.store import load_source

ARTICLES = Path(__file__).parent / "data" / "articles"

UNKNOWNS = [
    ("how many cattle and sheep had drowned", "number", "number"),
    ("how long the evacuees would have to stay", "other", "duration"),
    ("whether anyone was arrested", "other", "yesno"),
    ("how they had found him", "identity", "how"),
    ("the identity of the unnamed official", "identity", "person"),
    ("on the report", "other", "yesno"),
    ("a reason for refusing bail", "other", "reason"),
    ("the size of the fine", "other", "other"),
    ("where the prisoners are held or how many of them are civilians", "place", "place number"),
    ("when it would name a successor or whether he would be paid", "time", "time yesno"),
]


@pytest.mark.parametrize(("subject", "aspect", "asks"), UNKNOWNS, ids=[u[0] for u in UNKNOWNS])
def test_a_not_known_fact_leaves_open_the_question_its_subject_opens(
    subject: str, aspect: str, asks: str
) -> None:
    """'did not say how long ...' leaves a 'how long' question open, whatever the aspect says."""
    fact = Fact(
        id="f1",
        kind="not_known",
        slots={"subject": Slot(text=subject), "aspect": Slot(text=aspect)},
        sentences=["p1s1"],
        evidence=[Evidence(sentence="p1s1", start=0, end=1)],
    )
    assert unknown_asks(fact) == frozenset(asks.split())


def test_an_organisation_named_inside_a_phrase_is_mentioned() -> None:
    """'a spokeswoman for Quillon' mentions Quillon, though the builder records no mention."""
    index = build_index(load_source(ARTICLES / "tech.txt"))
    i = next(i for i, s in enumerate(index.sentences) if "a spokeswoman for Quillon" in s.text)
    quillon = next(e.id for e in index.fact_base.entities if e.name.startswith("Quillon"))
    assert f"@{quillon}" in index.concepts[i]


def test_an_opening_he_refers_to_the_one_person_of_the_sentence_before() -> None:
    """'He is due to appear before a magistrate' is about the man the sentence before names."""
    index = build_index(load_source(ARTICLES / "court.txt"))
    i = next(i for i, s in enumerate(index.sentences) if s.text.startswith("He is due to appear"))
    penhale = next(e.id for e in index.fact_base.entities if e.name.endswith("Penhale"))
    assert f"^@{penhale}" in index.concepts[i]


MEETING = (
    "Mr Aurel Kostanic met Foreign Minister Ilse Varnholt over dinner. "
    "She asked him to drop his demand. He did not give her an answer, officials said.\n"
)


def test_pronouns_after_a_meeting_refer_to_the_people_who_met() -> None:
    """After 'X met Y', 'She asked him ...' and 'He did not give her an answer' are about
    both: 'she' is not Mr Kostanic, so 'him' is; 'he' (not the 'she' of the sentence before)
    goes back to Kostanic, and 'her' is the other one."""
    index = build_index(build_fact_base(MEETING))
    ids = {e.name: e.id for e in index.fact_base.entities}
    i = next(i for i, s in enumerate(index.sentences) if s.text.startswith("He did not"))
    assert {f"^@{ids['Aurel Kostanic']}", f"^@{ids['Ilse Varnholt']}"} <= index.concepts[i]


DRIVER = (
    "Bogdan Kessel, a 52-year-old truck driver, has been stuck at the border since February. "
    "He said he sleeps in his cab most nights. "
    "His company has stopped paying him, and he has not seen his daughters since February.\n\n"
    "The border crossing has been shut for three months.\n"
)


def test_an_opening_his_refers_to_the_man_of_the_sentence_before() -> None:
    """'His company has stopped paying him' after a sentence about Kessel is about Kessel."""
    index = build_index(build_fact_base(DRIVER))
    i = next(i for i, s in enumerate(index.sentences) if s.text.startswith("His company"))
    kessel = next(e.id for e in index.fact_base.entities if e.name == "Bogdan Kessel")
    assert f"^@{kessel}" in index.concepts[i]


def test_a_paragraph_opening_he_goes_on_from_the_paragraph_before() -> None:
    """'He had led the board since 2016' opening a paragraph is about the chairman the
    paragraph before names."""
    text = (
        "Chairman Tomas Harlen announced his resignation on Tuesday.\n\nHe had led it since 2016.\n"
    )
    index = build_index(build_fact_base(text))
    harlen = next(e.id for e in index.fact_base.entities if e.name == "Tomas Harlen")
    assert f"^@{harlen}" in index.concepts[1]


STRIKE = (
    "Striking dockers marched through Portwell on Monday, police said.\n\n"
    "Three people suffered minor injuries when a barrier collapsed.\n"
)


@pytest.fixture(scope="module")
def strike_index() -> Index:
    """The index of a two-sentence article about a strike."""
    return build_index(build_fact_base(STRIKE))


def test_a_word_the_article_never_uses_reaches_its_family(strike_index: Index) -> None:
    """'strikers' is not in the article, but 'striking' is: the question word reaches it,
    marked as a relative."""
    widened = related(concepts_of(["strikers"])[0], strike_index)
    assert "%strike" in widened and is_known(widened, strike_index)


COURT = (
    "Drivers queued for petrol on Monday, and the mayor said the city would pay back the money.\n"
)


@pytest.fixture(scope="module")
def one_index() -> Index:
    """The index of a one-sentence article."""
    return build_index(build_fact_base(COURT))


def test_a_word_the_article_never_uses_reaches_a_word_that_can_mean_it(
    one_index: Index,
) -> None:
    """'gasoline' is not in the article, but 'petrol' is: the question word reaches it."""
    widened = related(concepts_of(["gasoline"])[0], one_index)
    assert "&petrol" in widened and is_known(widened, one_index)


def test_a_noun_does_not_reach_a_word_the_article_uses_as_a_verb(one_index: Index) -> None:
    """'salary' can mean 'pay', but the article only has 'would pay': no bridge."""
    widened = related(concepts_of(["salary"])[0], one_index)
    assert not is_known(widened, one_index)


def test_a_word_the_article_uses_is_not_widened(strike_index: Index) -> None:
    """'dockers' is in the article as written: no relatives are added to it."""
    concept = concepts_of(["dockers"])[0]
    assert related(concept, strike_index) == concept


APART = [
    ("win", "lost"),
    ("won", "defeat"),
    ("held", "arrested"),
    ("talk", "met"),
    ("department", "left"),
    ("led", "head"),
    ("armed", "weapons"),
    ("villages", "residents"),
    ("imports", "significant"),
    ("medical", "drug"),
    ("year", "annual"),
    ("taken", "stolen"),
    ("founded", "discovered"),
    ("operator", "runs"),
    ("earn", "pay"),
]


@pytest.mark.parametrize(("one", "other"), APART, ids=[f"{a}-{b}" for a, b in APART])
def test_words_of_different_senses_share_no_synonym_group(one: str, other: str) -> None:
    """A word with two senses ('held talks', 'held in custody') must not bridge them: 'win'
    and 'lost' are opposites, 'talk' is not 'meet', 'department' is not 'depart'."""
    assert not concepts_of([one])[0] & concepts_of([other])[0]


TOGETHER = [
    ("did he talk to reporters", "told"),
    ("can people go back home", "return"),
    ("what was the score", "drew"),
    ("the hackers got into a server", "breached"),
    ("volunteers handed out food", "distributed"),
    ("food parcels", "packages"),
    ("a larger share", "proportion"),
    ("what will they offer", "provide"),
    ("will he challenge the verdict", "appealed"),
    ("why was he denied bail", "remanded in custody"),
    ("when was the hospital built", "clinic"),
    ("the talks were suspended", "halted"),
    ("how much are the wages", "salaries"),
    ("the firefighters arrived", "fire crews"),
    ("how long will he spend behind bars", "prison"),
    ("the spray reduced admissions", "cut"),
    ("when was the coach hired", "appointed"),
    ("did the leaders strike a deal", "reach a deal"),
    ("how many marched according to police", "said"),
    ("what did the opposition demand", "called on"),
    ("what were engineers afraid of", "feared"),
    ("who speaks for the agency", "spokeswoman"),
    ("the statement did not specify where", "disclosed"),
    # Everyday words and phrasal verbs for news words (knowledge/data/synonyms_everyday.json).
    ("what were locals grumbling about", "complained"),
    ("the locals fled", "residents"),
    ("the mediator went back and forth", "shuttled"),
    ("why are the two countries quarrelling", "dispute"),
    ("what sparked the shutdown", "closure"),
    ("what caused the accident", "triggered"),
    ("will the breeze die down", "eased"),
    ("the diggers were rescued", "miners"),
    ("which firm runs the pit", "operated by"),
    ("who will chip in", "contribute"),
    ("the relatives held a vigil", "families"),
    ("the new computerised timetable", "automated scheduling"),
    ("which products were held up", "delayed"),
    ("how many vessels are queuing", "waiting"),
    ("what is the group's goal", "priority"),
    ("when did the dockers walk off", "strike"),
    ("what did the dockers want", "dockworkers"),
    ("was the watchdog's funding cut", "budget"),
    ("how many individuals are suspects", "people"),
    ("how many have lost their lives", "killed"),
    ("whom did the minister name", "appointed"),
    ("did the president's office confirm it", "denied"),
    ("what did they put on the table", "offered"),
    ("what is the local administration doing", "regional"),
    ("how many people were hurt", "treated for"),
]


@pytest.mark.parametrize(("phrase", "word"), TOGETHER, ids=[t[0] for t in TOGETHER])
def test_a_phrase_shares_a_group_with_its_one_word_paraphrase(phrase: str, word: str) -> None:
    """'talk to' is 'tell', 'go back' is 'return'; 'score' still meets a result verb."""
    target = frozenset().union(*concepts_of(word.split()))
    assert any(concept & target for concept in concepts_of(phrase.split()))


def test_every_word_of_a_question_phrase_carries_its_meaning() -> None:
    """Folded, 'lives' in 'lost their lives' shares the group of 'died'; unfolded (as in an
    article's sentences) only the phrase's first word does."""
    died = concepts_of(["died"])[0]
    assert concepts_of(["lost", "their", "lives"], fold=True)[1] & died
    assert not concepts_of(["lost", "their", "lives"])[1] & died


def test_a_four_word_idiom_is_one_phrase() -> None:
    """'heels' in 'digging in its heels' means what the idiom means ('entrenching'), not a
    topic of its own that the article lacks."""
    entrench = concepts_of(["entrenching"])[0]
    assert concepts_of(["digging", "in", "its", "heels"], fold=True)[-1] & entrench


def test_a_phrase_opening_with_a_stopword_is_carried_by_its_content_word() -> None:
    """Folded, 'in charge' is one concept on 'charge': the stopword 'in' adds no concept of
    its own that a sentence saying 'head of' would lack."""
    folded = concepts_of(["who", "is", "in", "charge"], fold=True)
    assert len(folded) == 1 and "charg" in folded[0]
    assert folded[0] & concepts_of(["head"])[0]


def test_a_phrase_word_the_article_lacks_joins_the_phrase() -> None:
    """'took part': where the article has no 'part', the phrase is one concept, not two words
    the article lacks; where it has 'part', the word keeps a concept of its own."""
    merged = concepts_of(["took", "part"], fold=True, known={"volunt"})
    assert len(merged) == 1 and {"took", "part"} <= merged[0]
    assert len(concepts_of(["took", "part"], fold=True, known={"part"})) == 2


def test_once_and_twice_are_numbers() -> None:
    """'postponed twice' answers 'how many times': the sentence holds a number."""
    index = build_index(build_fact_base("The launch had been postponed twice this month.\n"))
    assert index.numbers == [True]


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("The 41-metre rocket rose from the pad.", True),
        ("They were trapped about 600 metres underground.", True),
        ("Temperatures reached 38C on Sunday.", True),
        ("It provides a fishing zone of about 2,400 square kilometres.", True),
        ("The company paid $210 million for five launches.", False),
        ("Five men were rescued on Monday.", False),
    ],
)
def test_a_measure_is_a_number_with_a_unit(text: str, measure: bool) -> None:
    """'How tall?' wants a size: '41-metre' gives one, '$210 million' and 'five men' do not."""
    assert build_index(build_fact_base(text + "\n")).measures == [measure]


def test_a_duration_in_words_is_a_duration() -> None:
    """'lasted eleven days' answers 'how long'."""
    index = build_index(build_fact_base("The last strike, in 2019, lasted eleven days.\n"))
    assert index.durations == [True]


def test_a_share_counts_the_noun_after_its_of() -> None:
    """'18 percent of households', '19 of the victims': the number counts what follows 'of'."""
    index = build_index(
        build_fact_base("Power was cut to 18 percent of households.\n\n19 of the victims died.\n")
    )
    assert "household" in index.counted[0] and "victim" in index.counted[1]


def test_a_number_without_its_noun_is_loose() -> None:
    """'the toll rose to 40.' leaves its noun elsewhere; a year or '14,000 admissions' does not."""
    text = (
        "The toll rose to 40.\n\nThe strike in 2019 lasted eleven days.\n\n"
        "It causes 14,000 admissions and 1,100 deaths a year.\n"
    )
    assert build_index(build_fact_base(text)).loose == [True, False, False]


def test_a_title_with_a_country_adjective_meets_the_country_named() -> None:
    """'the president of Israel' meets the title 'Israeli President'."""
    text = "Israeli President Isaac Herzog met the envoy. Israel said talks would go on.\n"
    index = build_index(build_fact_base(text))
    question = analyse("Who is the president of Israel?", index)
    assert question.entities and question.entities[0].startswith("person:")


@pytest.mark.parametrize(
    "text",
    [
        "The last strike lasted eleven days.",
        "It went on for fifteen years.",
        "After a dozen weeks.",
    ],
    ids=["eleven", "teen", "dozen"],
)
def test_a_spelt_out_number_of_days_is_a_duration(text: str) -> None:
    """'lasted eleven days' answers 'how long', as '11 days' does."""
    index = build_index(build_fact_base(text + "\n"))
    assert index.durations == [True]


def test_the_head_of_one_organisations_name_refers_to_it() -> None:
    """'The bank ... has 2,300 employees' is about Westmarch Regional Bank, the one organisation
    whose name ends in 'Bank'; with two such names, 'the bank' is neither."""
    text = (
        "Prosecutors raided Westmarch Regional Bank on Tuesday.\n\n"
        "The bank, founded in 1911, has some 2,300 employees.\n"
    )
    index = build_index(build_fact_base(text))
    assert "organisation:westmarch-regional-bank" in index.sentence_entities[1]
    two = build_index(build_fact_base(text.replace("on Tuesday", "and Ostrel Savings Bank")))
    assert not two.sentence_entities[1]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("They met twice, for a total of less than an hour.", True),
        ("The strike lasted eleven days.", True),
        ("The strike ended on Monday.", False),
    ],
    ids=["an-hour", "eleven-days", "a-date"],
)
def test_a_span_of_time_is_a_duration_even_without_a_number(sentence: str, expected: bool) -> None:
    """'less than an hour' answers 'how long' as much as 'eleven days'; a date does not."""
    index = build_index(build_fact_base(f"Two leaders met in Velna.\n\n{sentence}\n"))
    assert index.durations[-1] is expected
