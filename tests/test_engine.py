"""Behaviour of the answering engine: answers with sources, abstentions, follow-ups, limits."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import MAX_QUESTION_CHARS, Conversation, Engine, build_fact_base, load_source
from knowledge.engine import _tenure_unsaid
from knowledge.evaluation import evaluate
from knowledge.matching import _fit
from knowledge.question import analyse, clean

QUESTIONS = Path(__file__).parent / "data" / "questions"

# Regression floors: what the engine reaches today, rounded down. The targets (95%
# overall and 95% of unanswerable questions abstained) are NOT met yet; see issue 3's note.
FLOORS = [
    ("seed_dev.json", 0.98, 0.95),
    ("seed_holdout.json", 0.92, 0.90),
    # Written blind in the fifth session by a helper that saw only the seed article; measured
    # once on arrival (72.4%; the session's starting code 73.0%), a development set since.
    ("seed_extra.json", 0.82, 0.96),
    ("politics.json", 0.84, 0.90),
    ("health.json", 1.00, 1.00),
    ("business.json", 0.88, 0.80),
    ("sports.json", 0.90, 0.90),
    ("court.json", 0.77, 0.91),
    ("climate.json", 0.91, 1.00),
    ("tech.json", 0.86, 1.00),
    ("election.json", 0.70, 0.91),
    ("diplomacy.json", 0.76, 0.83),
    ("outbreak.json", 0.74, 0.75),
    # Written blind by helper sessions that never saw the code or the other sets (first
    # measured at 66.3%, 69.0%, 73.8% and 69.0%); development sets since the third session.
    ("strike.json", 0.90, 0.93),
    ("wildfire.json", 0.86, 0.87),
    ("mine.json", 0.85, 0.93),
    ("launch.json", 0.83, 0.68),
    # Written in the third session by a helper session that never saw the code, to be read
    # (first measured at 62.1%).
    ("hostage.json", 0.74, 0.81),
    ("summit.json", 0.77, 1.00),  # the same, on summit talks (first measured at 54.8%)
    # Written blind in the third session (first measured at 55.7% and 68.0%), watched through it
    # by their totals; development sets since the fourth session.
    ("ceasefire.json", 0.72, 1.00),
    ("probe.json", 0.84, 0.93),
    # Written blind at the end of the third session and measured once (57.7% and 59.6%; the
    # session's starting code: 54.8% and 54.8%); development sets since the fourth session.
    ("envoy.json", 0.73, 0.81),
    ("factory.json", 0.74, 0.81),
    # Written blind at the start of the fourth session by helper sessions that never saw the
    # code or another set; measured once, at its end (the session's starting code: 58.7%,
    # 57.1%, 62.1% and 51.9%; abstention 87.5%, 62.5%, 81.2%, 75.0%).
    ("journalist.json", 0.74, 0.87),
    ("prisoners.json", 0.71, 0.81),
    ("tariffs.json", 0.73, 0.93),
    ("tanker.json", 0.70, 0.93),
    # Written blind at the start of the fifth session by helper sessions that never saw the
    # code or another set; measured once, at its end (the session's starting code: 47.1%,
    # 52.4%, 67.3% and 60.2%; abstention 68.8%, 81.2%, 68.8%, 68.8%).
    ("expulsion.json", 0.51, 0.75),
    ("ransomware.json", 0.53, 0.81),
    ("dam.json", 0.72, 0.81),
    ("evacuation.json", 0.66, 0.75),
]


@pytest.fixture(scope="module")
def engine() -> Engine:
    """One engine over the bundled seed article."""
    return Engine(load_source(None))


@pytest.mark.parametrize(("name", "accuracy", "abstention"), FLOORS, ids=[f[0] for f in FLOORS])
def test_question_set_floor(name: str, accuracy: float, abstention: float) -> None:
    """Accuracy and abstention on each question set do not fall below today's level."""
    report = evaluate(QUESTIONS / name)
    assert report.accuracy() >= accuracy, report.by_category()
    assert report.abstention_rate() >= abstention


CASES = [
    ("Who did David Barnea meet?", "met yesterday (Friday)"),
    ("who did barnea meat with", "met yesterday (Friday)"),
    ("Who is the CIA director?", "Bill Burns"),
    ("What did US President Joe Biden warn?", "could be very, very dangerous"),
    ("According to the Wall Street Journal, what is Qatar threatening?", "expel Hamas"),
    ("Where did Hamas go after Cairo?", "heading to Qatar"),
    ("What is the name of the CIA director?", "Bill Burns"),
]


@pytest.mark.parametrize(("question", "snippet"), CASES, ids=[c[0] for c in CASES])
def test_answers_cite_the_sentence(engine: Engine, question: str, snippet: str) -> None:
    """A question the article answers gets an answer whose first source holds the fact."""
    answer = engine.ask(question)
    assert answer.answered and answer.answer
    assert snippet in answer.sources[0].text
    assert answer.sources[0].text in engine.fact_base.article.text


UNANSWERABLE = [
    "Who won the 2022 World Cup?",
    "What is the capital of France?",
    "How many hostages are still held in Gaza?",
    "What did Donald Trump say about the talks?",
    "How do I sign up for the newsletter?",
    "What is a truce?",
    "What is the name of the official who spoke to the newspaper?",
    "What is the name of the Hamas armed wing spokesman?",
    "What is the Hamas armed wing spokesman's name?",
    "Who ran the CIA before Bill Burns?",
    "Where did Barnea fly after the meeting?",
]


@pytest.mark.parametrize("question", UNANSWERABLE)
def test_abstains_without_a_source(engine: Engine, question: str) -> None:
    """When the article does not say, the engine says so, cites nothing and suggests questions."""
    answer = engine.ask(question)
    assert not answer.answered
    assert answer.sources == [] and answer.answer is None
    assert answer.suggestions
    assert "doesn't say" in answer.reply or "Did you mean" in answer.reply


def test_not_known_is_answered_with_its_sentence(engine: Engine) -> None:
    """'Where did they meet?' is answered by the sentence saying the place was not specified."""
    answer = engine.ask("Where did Barnea and Burns meet?")
    assert answer.answered
    assert "did not specify where" in answer.sources[0].text
    assert answer.answer is not None and "doesn't say" in answer.answer


def test_follow_up_uses_the_conversation(engine: Engine) -> None:
    """A pronoun in a follow-up refers to the person of the previous answer."""
    conversation = Conversation()
    first = engine.ask("Who is Bill Burns?", conversation)
    second = engine.ask("Who did he meet?", conversation)
    assert first.answered and second.answered
    assert "Barnea" in second.sources[0].text


def test_new_question_is_not_hijacked(engine: Engine) -> None:
    """A fully specified question after a dialogue is answered on its own terms."""
    conversation = Conversation()
    engine.ask("Who is Bill Burns?", conversation)
    answer = engine.ask("What did Joe Biden warn?", conversation)
    assert "Biden" in answer.sources[0].text


def test_greeting_gets_help(engine: Engine) -> None:
    """A greeting is answered with a greeting and example questions, not a source."""
    answer = engine.ask("hello!")
    assert not answer.answered and answer.sources == []
    assert answer.reply.startswith("Hello") and answer.suggestions


@pytest.mark.parametrize(
    ("said", "opening"),
    [
        ("thanks a lot!", "You're welcome"),
        ("ok thanks", "You're welcome"),
        ("thanks, that's really helpful", "You're welcome"),
        ("see you later", "Goodbye"),
        ("who made you?", "Hello"),
        ("hey bot", "Hello"),
        ("what is your name", "Hello"),
        ("tell me a joke", "Hello"),
        ("how does this work?", "Hello"),
        ("interesting", "Hello"),
        ("good bot", "Hello"),
    ],
)
def test_small_talk_gets_small_talk_not_a_source(engine: Engine, said: str, opening: str) -> None:
    """Thanks, goodbyes, reactions and questions about the bot itself are no questions about
    the article: no sourced answer ('who made you?' had met 'made' in the article)."""
    answer = engine.ask(said)
    assert not answer.answered and answer.sources == []
    assert answer.reply.startswith(opening) and answer.suggestions


@pytest.mark.parametrize(
    "asked", ["What is this article about?", "summarize the article", "tl;dr", "give me a summary"]
)
def test_what_the_article_is_about_is_its_lead(asked: str) -> None:
    """'What is the article about?' gets the lead sentence, without its dateline, as answer
    and source (it was 'The article doesn't say')."""
    engine = Engine(
        build_fact_base(
            "PORT SAMARA, Velandia (Reuters) - Velandia's labour minister toured a burned-out"
            " factory on Tuesday.\n\nThe fire broke out on Monday.\n"
        )
    )
    answer = engine.ask(asked)
    assert answer.answered and answer.answer is not None
    assert answer.answer.startswith("Velandia's labour minister toured")
    assert answer.sources[0].text.startswith("PORT SAMARA")


@pytest.mark.parametrize(
    "asked",
    [
        "Thanks! Who did David Barnea meet?",
        "ok who did barnea meet",
        "hey there, who did Barnea meet?",
    ],
)
def test_a_question_about_the_article_is_no_small_talk(engine: Engine, asked: str) -> None:
    """Words of small talk before a real question do not stop it being answered."""
    answer = engine.ask(asked)
    assert answer.answered and "met yesterday (Friday)" in answer.sources[0].text


def test_tell_me_about_a_person_asks_who_they_are(engine: Engine) -> None:
    """'Tell me about Bill Burns' is 'Who is Bill Burns?', and 'he' is Burns after it."""
    conversation = Conversation()
    answer = engine.ask("Tell me about Bill Burns", conversation)
    assert answer.answer == "Bill Burns is the head of the CIA"
    follow_up = engine.ask("Who did he meet?", conversation)
    assert follow_up.answered and "David Barnea" in (follow_up.answer or "")


def test_long_question_is_cut_and_says_so(engine: Engine) -> None:
    """A question over the limit is cut to it, and the reply says the question was cut."""
    answer = engine.ask("Who met Burns? " + "x" * 10_000)
    assert answer.truncated
    assert len(answer.question) == MAX_QUESTION_CHARS
    assert "longer than" in answer.reply


@pytest.mark.parametrize("text", ["", "   ", "?!?!", "🙂🙂", "\u200f\u202e", "<b></b>"])
def test_empty_questions_get_a_hint(engine: Engine, text: str) -> None:
    """Input with no words gets one well-formed 'ask in words' reply."""
    answer = engine.ask(text)
    assert not answer.answered and answer.reply


def test_html_in_a_question_is_ignored(engine: Engine) -> None:
    """Markup around a question does not change the answer."""
    plain = engine.ask("Who did David Barnea meet?")
    marked = engine.ask("<b>Who did David Barnea meet?</b> &amp;")
    assert marked.sources == plain.sources


def test_examples_come_from_the_article(engine: Engine) -> None:
    """Example questions are generated from the fact base and each is answered."""
    examples = engine.examples(3)
    assert len(examples) == 3
    for question in examples:
        assert engine.ask(question).answered, question


HALE = (
    "Chairman Gordon Pryce met Viktor Hale at the training ground in Wexley on Monday to tell "
    "him of the decision.\n\nHale later thanked the supporters in an interview with Radio "
    "Calder.\n\nThe club said the search for a new coach would begin this week.\n"
)


def test_one_word_the_article_lacks_does_not_sink_a_clear_answer() -> None:
    """'discreetly' is not in the article, but only one sentence holds Hale, 'thank' and
    'supporters': the paraphrase is answered from it; with two such words it is not."""
    engine = Engine(build_fact_base(HALE))
    answer = engine.ask("Where did Hale discreetly thank the supporters?")
    assert answer.answered and "thanked the supporters" in answer.sources[0].text
    assert not engine.ask("Where did Hale discreetly and warmly thank the supporters?").answered


TEXTILES = (
    "A fire at a garment factory in Halden killed 31 workers on Monday.\n\n"
    "Textiles account for about 18 percent of Velandia's exports, according to the trade "
    "ministry.\n\n"
    "The ministry said exports of shoes rose last year.\n"
)


def test_a_how_question_with_one_word_the_article_lacks_is_answered() -> None:
    """'How important are textiles to Velandia's exports?': 'important' is not in the article,
    but one sentence holds textiles, exports and Velandia; 'imports' too is a different topic."""
    engine = Engine(build_fact_base(TEXTILES))
    answer = engine.ask("How important are textiles to Velandia's exports?")
    assert answer.answered and "18 percent" in answer.sources[0].text
    assert not engine.ask("How important are textiles to Velandia's imports?").answered


BEACH = (
    "The rocket lifted off from the coast on Saturday.\n\n"
    "Hundreds of spectators on a beach north of the site watched the rocket explode.\n\n"
    "The company said it would study the flight data.\n"
)


def test_a_word_like_anybody_weighs_little_when_the_article_lacks_it() -> None:
    """'anybody', 'else', 'soon' ask nothing the article must hold: the sentence holding
    the rest answers; a question whose topic word ('land') is missing still does not."""
    engine = Engine(build_fact_base(BEACH))
    answer = engine.ask("Did anybody see the rocket explode from the beach?")
    assert answer.answered and "spectators" in answer.sources[0].text
    assert not engine.ask("Did anyone watch the rocket land?").answered


QUILLON = (
    "Hackers stole the records of 2.4 million customers of Quillon Systems.\n\n"
    "Under the law, Quillon could be fined up to 4% of its annual revenue.\n\n"
    "The company said it would pay for credit monitoring.\n"
)


def test_what_a_company_could_face_is_what_it_could_be_fined() -> None:
    """'face' only says the penalty would fall on Quillon: the fine's sentence answers, and
    a penalty the article does not mention ('prison term') still is not answered."""
    engine = Engine(build_fact_base(QUILLON))
    answer = engine.ask("What is the biggest fine Quillon could face?")
    assert answer.answered and "4%" in answer.sources[0].text
    assert not engine.ask("What prison term could Quillon's boss face?").answered


DRIVER = (
    "Bogdan Kessel, a 52-year-old truck driver, has been stuck at the border since February. "
    "He said he sleeps in his cab most nights. "
    "His company has stopped paying him, and he has not seen his daughters since February.\n\n"
    "The border crossing has been shut for three months.\n"
)


def test_what_someone_said_is_not_answered_where_no_one_speaks() -> None:
    """'What did Kessel's company say about stopping his pay?' is not answered by 'His company
    has stopped paying him': that sentence tells what happened, not what anyone said."""
    engine = Engine(build_fact_base(DRIVER))
    assert not engine.ask("What did Kessel's company say about stopping his pay?").answered
    paid = engine.ask("Is Kessel still being paid?")
    assert paid.answered and "stopped paying him" in paid.sources[0].text


PORT = (
    "Dockworkers at the port of Carrow Bay went on strike on Monday.\n\n"
    "The operator said it had hired an outside firm to review how its scheduling software "
    "assigns night work.\n\n"
    "The union said the new schedules at the port left many crane operators working "
    "twelve-hour shifts.\n\n"
    "Two shipping lines, Nordmark and Velta, diverted cargo to Selby Point.\n"
)


def test_a_sentence_that_leaves_the_asked_one_unnamed_does_not_answer_which() -> None:
    """'Which outside firm was hired?' is not answered by 'an outside firm'; 'which shipping
    lines' is, by the sentence that names them."""
    engine = Engine(build_fact_base(PORT))
    assert not engine.ask("Which outside firm was hired to review the software?").answered
    answer = engine.ask("Which shipping lines diverted cargo?")
    assert answer.answered and "Nordmark" in answer.sources[0].text


def test_who_did_it_is_not_answered_by_a_passive_without_its_doer() -> None:
    """'Who leaked the memo?': 'citing a leaked memo' tells of the leak, not who leaked it."""
    engine = Engine(
        build_fact_base(
            "The Belmira Courier reported on Wednesday, citing a leaked memo from the foreign"
            " ministry, that the talks had stalled.\n\n"
            "Finance Minister Ana Ruiz said on Thursday the budget would be cut.\n"
        )
    )
    assert not engine.ask("Who leaked the foreign ministry memo to the Belmira Courier?").answered
    assert engine.ask("Who reported that the talks had stalled?").answered


def test_where_before_a_move_is_where_the_move_started() -> None:
    """'Where was he held before he was moved?': 'moved from a centre in Pelsk' tells where he
    was before, though it says no 'before'; a sentence without the move does not."""
    engine = Engine(
        build_fact_base(
            "Tomas Reyke, a reporter, was arrested at a hotel in Pelsk on March 4.\n\n"
            "His family believe he was moved from a detention centre in Pelsk to the capital in"
            " late April.\n"
        )
    )
    answer = engine.ask("Where was Reyke held before he was moved?")
    assert answer.answered and "detention centre" in answer.sources[0].text
    assert not engine.ask("Where was Reyke held before his trial?").answered


def test_what_an_outlet_said_is_what_it_reported() -> None:
    """'What did ANA say about the ship?': the agency reported, it made no statement."""
    engine = Engine(
        build_fact_base(
            "MARSEN, Valdoria (Reuters) - Valdoria stepped up efforts on Thursday to free a"
            " cargo ship.\n\n"
            "Ashkar's state news agency ANA reported on Tuesday that the ship had been detained"
            " because it entered Ashkari waters.\n\n"
            "Corvell Shipping denied the accusation.\n"
        )
    )
    answer = engine.ask("What did ANA say about the ship?")
    assert answer.answered and "ANA reported" in answer.sources[0].text


def test_numbers_that_count_other_things_do_not_answer_how_many() -> None:
    """'How many cranes': 'many crane operators working twelve-hour shifts' names cranes,
    but its number counts hours."""
    engine = Engine(build_fact_base(PORT))
    assert not engine.ask("How many cranes does the port of Carrow Bay have?").answered


def test_what_was_said_as_someone_left_a_meeting_was_said_after_it() -> None:
    """'What did Ravelli say after the meeting?': 'told reporters as he left the meeting' is
    after it, so the quotation answers."""
    engine = Engine(
        build_fact_base(
            "Ravelli met the mediator in Azmir on Tuesday.\n\n"
            '"We are not negotiating our law abroad," Ravelli told reporters as he left the'
            " meeting.\n"
        )
    )
    answer = engine.ask("What did Ravelli say after the meeting?")
    assert answer.answered and "not negotiating" in answer.sources[0].text


@pytest.mark.parametrize(
    "question", ["What did Ravelli say after the talks?", "hello", "", "Who won?"]
)
def test_a_reply_with_nothing_to_suggest_does_not_end_on_a_colon(question: str) -> None:
    """An article too short to suggest questions: the reply is a whole sentence, not 'Did you
    mean:' followed by nothing."""
    engine = Engine(build_fact_base("Ravelli met the mediator in Azmir on Tuesday.\n"))
    answer = engine.ask(question)
    assert not answer.answered and not answer.suggestions
    assert answer.reply[-1:] in ".!?"


def test_a_yes_needs_a_sentence_that_says_what_was_asked() -> None:
    """'Did the ministry confirm the offer?' against only the newspaper's report of the offer:
    the reply quotes the report instead of claiming 'Yes'; 'Did X meet Y?' where they met is
    a plain 'Yes'."""
    engine = Engine(
        build_fact_base(
            "The Dravska Tribuna reported last week, citing a leaked memo from the foreign"
            " ministry, that Sarvenia had offered to pay compensation to the fishing cooperatives."
            "\n\nDravnik met Oberin at the palace on Tuesday.\n"
        )
    )
    reported = engine.ask("Did the foreign ministry confirm the compensation offer?")
    assert reported.answer is None or not reported.answer.startswith(("Yes", "No"))
    assert engine.ask("Did Dravnik meet Oberin?").answer == "Yes"


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("Are passenger ferries affected?", "Passenger ferries were not affected."),
        (
            "Did the Wednesday meeting end with a deal?",
            "Ames met Haldane on Wednesday, but the meeting ended without a deal.",
        ),
        ("Did Ostrel Advisory comment?", "Ostrel Advisory declined to comment on Tuesday."),
        ("Is Hamas still in Cairo?", "Hamas left the talks in Cairo on Thursday."),
        (
            "Was this Northgate's first failure?",
            "The failure was Northgate's second; the first came in 2023.",
        ),
        (
            "Did the statement say where the meeting took place?",
            "The statement did not specify where the meeting took place.",
        ),
    ],
)
def test_no_plain_yes_from_a_sentence_that_says_otherwise(question: str, sentence: str) -> None:
    """The sentence holds every word asked, yet says no: the reply quotes it, never 'Yes'."""
    answer = Engine(build_fact_base(sentence + "\n")).ask(question)
    assert answer.answered and answer.answer != "Yes"


def test_who_is_cites_the_sentence_that_gives_the_role() -> None:
    """'Who is Tomas Reyke?' is answered with his role: the source is the sentence that gives
    it, not the lead that only names him (which held more of the question's words)."""
    engine = Engine(
        build_fact_base(
            "MORVEL, Kastavia (Reuters) - An envoy sought on Tuesday the release of Lindish"
            " journalist Tomas Reyke, who has been held for 97 days.\n\n"
            "Reyke, 38, a correspondent for the Harbourline News Agency, was arrested on March 4"
            " at a hotel in Pelsk.\n"
        )
    )
    answer = engine.ask("Who is Tomas Reyke?")
    assert answer.answer is not None and "correspondent" in answer.answer
    assert answer.sources[0].text.startswith("Reyke, 38, a correspondent")


def test_who_is_answers_with_the_role_the_cited_sentence_gives() -> None:
    """Someone with two roles: the answer gives the one in the quoted sentence, and a
    possessive role takes no 'the' ('Tevaria's special envoy')."""
    engine = Engine(
        build_fact_base(
            "BELMIRA, Sarnova (Reuters) - Tevaria's special envoy Anselm Rovik arrived in the"
            " Sarnovan capital on Tuesday for talks with President Ilena Marsk.\n\n"
            "Rovik, a 61-year-old former defence minister, met Marsk at the palace.\n"
        )
    )
    answer = engine.ask("Who is Anselm Rovik?")
    role = (answer.answer or "").removeprefix("Anselm Rovik is ")
    assert role in answer.sources[0].text and not role.startswith("the Tevaria")


def test_who_reported_is_the_outlet_and_who_it_cited_is_not_known(engine: Engine) -> None:
    """The Journal's sentence also says its Hamas source is unnamed: that answers whom it
    cited, not who reported."""
    assert engine.ask("Who reported that Qatar might expel Hamas leaders?").answer == (
        "The Wall Street Journal"
    )
    cited = engine.ask("Who did the Wall Street Journal cite?")
    assert cited.kind == "not_known"


def test_a_short_answer_comes_from_the_clause_asked_about() -> None:
    """'Who was arrested?' in a lead about a minister's tour 'while police arrested the
    plant's manager': not the minister (the tour's agent), but the clause of the arrest,
    without the dateline."""
    engine = Engine(
        build_fact_base(
            "PORT SAMARA, Velandia (Reuters) - Velandia's labour minister toured a burned-out"
            " textile factory on Tuesday and met its owners, a day after a fire killed at least"
            " 31 workers, while police arrested the plant's manager on suspicion of negligence."
            "\n\nLabour Minister Teodora Vasko said the inspectorate would be reviewed.\n"
        )
    )
    answer = engine.ask("Who was arrested?")
    assert answer.answer == "Police arrested the plant's manager on suspicion of negligence."


def test_restating_words_do_not_count_as_topics(engine: Engine) -> None:
    """'the Mossad chief's name' asks who he is; 'How many months has the war lasted?' asks
    how long (the article says 'five-month-old war' and never 'lasted')."""
    named = engine.ask("wat is the mossad chiefs name")
    assert named.answered and "Barnea" in (named.answer or "")
    lasted = engine.ask("How many months has the Gaza war lasted?")
    assert lasted.answered and "five-month-old" in lasted.sources[0].text


def test_when_a_described_thing_happens_is_the_time_its_description_gives(
    engine: Engine,
) -> None:
    """'When does Ramadan start?': 'Ramadan, the Muslim fasting month which could begin as
    early as Sunday' - not 'before Ramadan', the time of the mediators' scramble."""
    assert engine.ask("when does ramadan start").answer == "As early as Sunday"
    assert engine.ask("When did Barnea meet Burns?").answer == "Yesterday (Friday)"


def test_whether_something_will_happen_is_not_answered_by_an_effort_towards_it() -> None:
    """'Will there be a ceasefire before Ramadan?': mediators scrambling to secure one does
    not say; a policy that rules something out does ('Will Norvane pay the ransom?')."""
    engine = Engine(
        build_fact_base(
            "Mediators scrambled to secure a new truce in Gaza before Ramadan.\n\n"
            "Norvane did not pay ransoms as a matter of policy, its foreign minister said.\n"
        )
    )
    assert not engine.ask("Will there be a truce before Ramadan?").answered
    assert engine.ask("Will Norvane pay the ransom?").answered


def test_how_many_counts_the_things_a_sentence_lists(engine: Engine) -> None:
    """'How many officials did the Wall Street Journal cite?': no number in the sentence, but
    'citing an unnamed Hamas official and an Egyptian official' lists two."""
    answer = engine.ask("How many officials did the Wall Street Journal cite?")
    assert answer.answer == "Two: an unnamed Hamas official and an Egyptian official"


def test_did_someone_confirm_a_report_is_answered_by_their_reaction() -> None:
    """'Did Kalvstan confirm the Herald report?': not the report itself, which
    says nothing of Kalvstan's reaction, but the sentence where Kalvstan denies it."""
    engine = Engine(
        build_fact_base(
            "The Orlesian daily Kestrel Herald reported on Wednesday, citing two officials,"
            " that a draft would see Dravenia release 1,200 detainees and Kalvstan free 850,"
            " figures far above earlier estimates.\n\n"
            "Orlesia confirmed that the talks would resume on Thursday.\n\n"
            "Kalvstan's foreign ministry denied the report.\n"
        )
    )
    answer = engine.ask("Did Kalvstan confirm the Kestrel Herald report?")
    assert answer.answered and "denied the report" in answer.sources[0].text


def test_a_refusal_to_comment_is_quoted_not_turned_into_the_article_not_saying() -> None:
    """'declined to comment on the report' answers 'Did Sand confirm the report?' as it
    stands, not as 'The article doesn't say on the report'."""
    engine = Engine(
        build_fact_base(
            "The Lindhaven Courier reported on Wednesday that Falk had offered a deal.\n\n"
            "Peter Sand, a spokesman for the prime minister, declined to comment on the report.\n"
        )
    )
    answer = engine.ask("Did Peter Sand confirm the Courier report?")
    assert answer.answer == (
        "Peter Sand, a spokesman for the prime minister, declined to comment on the report."
    )


def test_getting_somewhere_is_arriving() -> None:
    """'When did Kostanic get to Orlesia?': 'Kostanic arrived on Monday evening'."""
    engine = Engine(
        build_fact_base(
            "Negotiators from Dravenia sat down in Orlesia on Tuesday for the first time in 14"
            " months.\n\nThe Dravenian delegation is led by Aurel Kostanic, a former general who"
            " commanded troops until 2021.\n\nKostanic arrived on Monday evening and met the"
            " mediator over dinner.\n"
        )
    )
    answer = engine.ask("When did Kostanic get to Orlesia?")
    assert answer.answered and "arrived" in answer.sources[0].text


def test_reaching_a_verdict_is_about_the_verdict() -> None:
    """'reach' in 'reach its verdict' adds little to the noun: an article that never says
    'reach' still answers from 'A jury found him guilty on Tuesday'."""
    engine = Engine(
        build_fact_base(
            "A jury found Tobias Wrenfield guilty on Tuesday of six counts of fraud.\n\n"
            "The judge said a written ruling would follow.\n"
        )
    )
    answer = engine.ask("When did the jury reach its verdict?")
    assert answer.answered and "found Tobias Wrenfield guilty" in answer.sources[0].text


def test_what_caused_asks_why_and_wants_the_cause_of_what_it_names() -> None:
    """'What caused the fire?' is a why-question: the sentence saying its cause is not yet
    known answers it. 'What caused the war?' does not find its slot filled by what the talks
    aim at, while 'Why did the negotiators meet?' does."""
    fact_base = build_fact_base(
        "Negotiators from Dravenia and Kalvstan met on Tuesday in talks aimed at agreeing a"
        " ceasefire.\n\nThe war has killed more than 9,000 people since it erupted in March.\n\n"
        "The fire broke out on Wednesday near a quarry.\n\n"
        "Investigators have not yet determined what started the fire.\n"
    )
    engine = Engine(fact_base)
    fire = engine.ask("What caused the fire?")
    assert fire.answered and "not yet determined" in fire.sources[0].text
    war = analyse(clean("What caused the war between Dravenia and Kalvstan?"), engine.index)
    met = analyse(clean("Why did the negotiators from Dravenia meet?"), engine.index)
    assert _fit(war, engine.index, 0)[0] < 1.0
    assert _fit(met, engine.index, 0)[0] == 1.0


def test_a_hedging_adverb_is_no_topic_the_article_lacks() -> None:
    """'allegedly', 'reportedly', 'soon' hedge the question; an article that never uses them
    still answers it."""
    engine = Engine(
        build_fact_base(
            "Prosecutors raided Westmarch Regional Bank on Tuesday.\n\n"
            "Weekly magazine Kontrast reported in March that Westmarch paid 2.8 million euros in"
            " fees to Ostrel Advisory, a small firm.\n\nWestmarch shares fell 7.4 percent.\n"
        )
    )
    answer = engine.ask("How much did Westmarch allegedly pay Ostrel Advisory?")
    assert answer.answered and "2.8 million euros" in answer.sources[0].text
    soon = Engine(
        build_fact_base(
            "The fire burned 20,000 hectares.\n\nNo rain is expected in the province for at"
            " least ten days, the weather service said.\n\nThe agency denied the report.\n"
        )
    ).ask("Is any rain expected soon?")
    assert soon.answered and "No rain is expected" in soon.sources[0].text


def test_a_sentence_leans_on_the_one_before_it_in_its_paragraph() -> None:
    """'What law did last summer's fires lead to?': 'Those fires led to a law ...' says which
    fires only through the sentence before it ('Last summer, fires in the province ...')."""
    engine = Engine(
        build_fact_base(
            "The fire broke out on Wednesday near a quarry.\n\n"
            "Last summer, fires in the province burned nearly 20,000 hectares and killed three"
            " people. Those fires led to a law requiring farmers to clear dry brush from their"
            " fields.\n\nThe agency did not confirm the report.\n"
        )
    )
    answer = engine.ask("What law did last summer's fires lead to?")
    assert answer.answered and "requiring farmers" in answer.sources[0].text


def test_when_will_asks_what_is_to_come() -> None:
    """'When will the Dravik Bridge crossing reopen?': not the day the envoy arrived to press
    for its reopening, but the sentence saying it is not known when it will."""
    engine = Engine(
        build_fact_base(
            "BELMIRA, Sarnova (Reuters) - Tevaria's envoy arrived on Tuesday to press for the"
            " reopening of the Dravik Bridge crossing.\n\nThe crossing, the main land route"
            " between the two countries, was closed on March 14 after a shooting.\n\nTrade"
            " between the two countries has fallen by 38 percent since March.\n\nIt was not"
            " clear when the crossing would reopen. Officials declined to give a date.\n"
        )
    )
    answer = engine.ask("When will the Dravik Bridge crossing reopen?")
    assert answer.answered and answer.sources[0].text.startswith("It was not clear")


def test_the_president_of_a_country_is_not_any_president_named() -> None:
    """'Who is the president of Calvessa?': 'Sarvenian President Ilsa Dravnik' holds a
    presidency, not Calvessa's; the article names no Calvessan president."""
    engine = Engine(
        build_fact_base(
            "SAINT-LORAN, Calvessa (Reuters) - Sarvenian President Ilsa Dravnik and Tolmari Prime"
            " Minister Tomas Oberin met for talks on Tuesday.\n\nCalvessan officials said the"
            " talks would resume.\n\nCalvessa's foreign minister, Renata Quillon, carried"
            " proposals between them.\n"
        )
    )
    assert not engine.ask("Who is the president of Calvessa?").answered
    assert engine.ask("Who is the president of Sarvenia?").answer == (
        "Ilsa Dravnik is the Sarvenian President"
    )


def test_how_long_is_a_thing_asks_for_its_length() -> None:
    """'How long is the detour?' wants 'a detour of more than 400 km', not a time."""
    engine = Engine(
        build_fact_base(
            "The crossing was closed for 14 days after a shooting.\n\n"
            "Lorries must now take a detour of more than 400 km through the mountains.\n"
        )
    )
    answer = engine.ask("How long is the detour lorries take now?")
    assert answer.answered and "400 km" in answer.sources[0].text


DOCKS = (
    "Dockworkers at the port of Selby began an indefinite strike on Monday, halting container "
    "traffic.\n\nThe national chamber of commerce estimated that the stoppage was costing the "
    "economy around 60 million euros a day.\n\nThe last major strike at the port, in 2019, "
    "lasted eleven days and ended after the government stepped in.\n\nAt least 37 container "
    "ships were waiting outside the harbour by Wednesday, port director Anna Berg said.\n\nThe "
    "port did not say how many of the anchored ships were carrying perishable goods.\n"
)


@pytest.fixture(scope="module")
def docks() -> Engine:
    """An engine over a short article about a port strike, for dialogue tests."""
    return Engine(build_fact_base(DOCKS))


@pytest.mark.parametrize(
    "follow_up",
    [
        "According to whom?",
        "Says who?",
        "Who said so?",
        "What is the source?",
        "Where does that come from?",
        "How do we know that?",
        "Who were its sources?",
        "What was their source?",
        "Where does that information come from?",
        "Where did they get that from?",
    ],
)
def test_elliptical_source_question_asks_who_gave_the_last_answer(
    docks: Engine, follow_up: str
) -> None:
    """'According to whom?' asks for the source of the last answer, from its sentence."""
    conversation = Conversation()
    first = docks.ask("How much is the stoppage costing?", conversation)
    second = docks.ask(follow_up, conversation)
    assert first.answered and second.answered
    assert second.answer is not None and "chamber of commerce" in second.answer


def test_them_in_a_follow_up_is_the_group_just_asked_about(docks: Engine) -> None:
    """'How many of them ...' after a question about ships counts ships, not the person who
    gave the last answer."""
    conversation = Conversation()
    docks.ask("How many ships were waiting outside the harbour?", conversation)
    answer = docks.ask("And how many of them carry perishable goods?", conversation)
    assert answer.answered and "perishable goods" in answer.sources[0].text


@pytest.mark.parametrize("follow_up", ["How long?", "For how long?"])
def test_a_bare_how_long_asks_the_last_question_again(docks: Engine, follow_up: str) -> None:
    """'How long?' after a question about the last strike asks how long it lasted."""
    conversation = Conversation()
    docks.ask("When was the last major strike at the port?", conversation)
    answer = docks.ask(follow_up, conversation)
    assert answer.answered and "lasted eleven days" in answer.sources[0].text


def test_a_two_word_question_is_context_for_the_next() -> None:
    """'Who resigned?' is short, but 'When?' after it still asks when the resignation was."""
    engine = Engine(
        build_fact_base(DOCKS + "\nThe deputy harbour master, Sofia Lind, resigned on Friday.\n")
    )
    conversation = Conversation()
    first = engine.ask("Who resigned?", conversation)
    answer = engine.ask("When?", conversation)
    assert first.answered and answer.answered
    assert "resigned on Friday" in answer.sources[0].text


def test_mine_is_a_noun_not_a_stopword() -> None:
    """'Where is the mine?' is about a mine: news never means the pronoun 'mine'."""
    text = (
        "Rescuers brought 17 miners to the surface on Thursday.\n\n"
        "The collapsed mine lies near the eastern town of Sarovec.\n"
    )
    answer = Engine(build_fact_base(text)).ask("Where is the mine?")
    assert answer.answered and "collapsed mine" in answer.sources[0].text


GOVERNOR = (
    "At least 40 homes had been destroyed, the provincial governor, Ines Markovic, said on "
    "Thursday.\n\nFirefighters battled the blaze through the night.\n\nMarkovic on Friday "
    "announced an independent inquiry into the emergency response.\n"
)


def test_the_follow_ups_own_words_beat_the_lean_to_the_last_answer() -> None:
    """'What did she announce?' after 'Who is Ines Markovic?' is the sentence saying she
    announced something, not the one the last answer came from, where she only said."""
    engine = Engine(build_fact_base(GOVERNOR))
    conversation = Conversation()
    engine.ask("Who is Ines Markovic?", conversation)
    answer = engine.ask("What did she announce?", conversation)
    assert answer.answered and "independent inquiry" in answer.sources[0].text


LEDGER = (
    "According to the trade publication Orbital Ledger, which cited two people familiar with "
    "the flight data, engineers were examining a pressure drop in a fuel line.\n\n"
    "Jonah Whitcombe, the company's chief executive, declined to comment on that report.\n\n"
    "The company said none of the debris had landed on populated areas.\n"
)


@pytest.mark.parametrize(
    "follow_up", ["Did the company comment on it?", "What did Whitcombe say about it?"]
)
def test_it_after_a_report_is_the_report_not_its_source(follow_up: str) -> None:
    """'Did the company comment on it?' after 'What did Orbital Ledger report?' asks about a
    reaction to the report, not about the publication."""
    engine = Engine(build_fact_base(LEDGER))
    conversation = Conversation()
    engine.ask("What did Orbital Ledger report?", conversation)
    answer = engine.ask(follow_up, conversation)
    assert answer.answered and "declined to comment" in answer.sources[0].text


INSPECTORS = (
    "Chief Inspector Teodor Manev, who heads the regulator, said inspectors had found cracks "
    "in the supports of a tunnel in March.\n\nRescuers brought 17 miners to the surface.\n\n"
    "Mines Minister Halina Dobreva said a small earthquake was one possible cause.\n"
)


def test_and_someone_else_after_a_pronoun_question_swaps_the_person() -> None:
    """'And Dobreva?' after 'What did he say?' (he: Manev) asks what Dobreva said: the
    conversation remembers the question with the name in place of 'he'."""
    engine = Engine(build_fact_base(INSPECTORS))
    conversation = Conversation()
    engine.ask("Who is Teodor Manev?", conversation)
    engine.ask("What did he say?", conversation)
    answer = engine.ask("And Dobreva?", conversation)
    assert answer.answered and "small earthquake" in answer.sources[0].text


@pytest.mark.parametrize(
    ("first", "follow_up", "snippet"),
    [
        ("Who is Teodor Manev?", "And the minister, what did she say?", "small earthquake"),
        (
            "How many ships were waiting outside the harbour?",
            "And the last major strike, how long did it last?",
            "lasted eleven days",
        ),
    ],
    ids=["minister", "strike"],
)
def test_a_topic_put_first_stands_for_the_pronoun_after_it(
    first: str, follow_up: str, snippet: str
) -> None:
    """'And the minister, what did she say?' asks what the minister said, whatever was asked
    before."""
    engine = Engine(build_fact_base(INSPECTORS + "\n" + DOCKS))
    conversation = Conversation()
    engine.ask(first, conversation)
    answer = engine.ask(follow_up, conversation)
    assert answer.answered and snippet in answer.sources[0].text


def test_what_else_asks_again_without_else_as_a_topic_word() -> None:
    """'What else was damaged?' is about damage: 'else' is no word the article must hold."""
    text = (
        "At least 40 homes and a primary school had been destroyed, the governor said.\n\n"
        "Several barns and a small hotel were also damaged, she said.\n"
    )
    engine = Engine(build_fact_base(text))
    conversation = Conversation()
    engine.ask("How many homes were destroyed?", conversation)
    answer = engine.ask("What else was damaged?", conversation)
    assert answer.answered and "barns" in answer.sources[0].text


@pytest.mark.parametrize(
    ("first", "follow_up", "snippet"),
    [
        ("What did the chamber of commerce estimate?", "When was that?", "60 million"),
        ("When did the last major strike at the port end?", "Why did it end?", "stepped in"),
        ("When was the last major strike at the port?", "How long did it last?", "eleven days"),
        ("How many ships were waiting outside the harbour?", "By when?", "by Wednesday"),
    ],
    ids=["when-was-that", "why-did-it", "how-long-did-it", "by-when"],
)
def test_a_follow_up_with_nothing_but_a_pronoun_asks_the_last_question_again(
    docks: Engine, first: str, follow_up: str, snippet: str
) -> None:
    """'When was that?', 'How long did it last?' have no word of their own: like 'When?'
    they ask the last question again, for a time or a length."""
    conversation = Conversation()
    assert docks.ask(first, conversation).answered
    answer = docks.ask(follow_up, conversation)
    assert answer.answered and snippet in answer.sources[0].text


MINISTRY = (
    "Labour Minister Helena Strand said on Tuesday she had appointed a senior mediator, former "
    "judge Tobias Lindqvist, to bring the two sides back to the table.\n\n"
    "Lindqvist chaired the national wage commission for a decade.\n\n"
    '"I expect both sides to show up with something new," Strand told reporters outside the '
    "ministry in Eastholm.\n"
)


def test_she_is_the_woman_of_the_last_answer_not_the_man_it_named_first() -> None:
    """After 'Who did Strand appoint?' (answer: Lindqvist), 'she' is Strand, whom the
    article calls 'she', not the mediator the answer names."""
    engine = Engine(build_fact_base(MINISTRY))
    assert engine.index.entities["person:helena-strand"].gender == "female"
    conversation = Conversation()
    engine.ask("Who did Strand appoint as mediator?", conversation)
    answer = engine.ask("Where did she speak to reporters?", conversation)
    assert answer.answered and "outside the ministry" in answer.sources[0].text


FIRE = (
    "A fire at a textile factory in Port Samara killed 41 workers on Monday.\n\n"
    "Fire Chief Oren Talvik, who led the response, said most of the bodies were found near "
    "a stairwell door.\n\n"
    "Anselm Dorrow, the factory's owner, declined to comment.\n\n"
    "The night manager, 44-year-old Ilse Brand, was among the injured.\n"
)


@pytest.mark.parametrize(
    ("question", "snippet"),
    [
        ("Who is the fire chief?", "Oren Talvik"),
        ("Who is the owner?", "Anselm Dorrow"),
        ("Who is the night manager?", "Ilse Brand"),
    ],
    ids=["title-before-name", "apposition", "title-then-age-then-name"],
)
def test_a_role_the_article_gives_a_name_is_answered(question: str, snippet: str) -> None:
    """'Who is the fire chief?' is answered where the article names the role's holder
    ('Fire Chief Oren Talvik', 'Anselm Dorrow, the factory's owner', 'The night manager,
    44-year-old Ilse Brand')."""
    answer = Engine(build_fact_base(FIRE)).ask(question)
    assert answer.answered and snippet in answer.sources[0].text


def test_a_role_no_one_holds_is_still_not_answered() -> None:
    """'Who is the mayor?' gets no answer from an article that names no mayor."""
    answer = Engine(build_fact_base(FIRE)).ask("Who is the mayor?")
    assert not answer.answered


def test_which_noun_needs_a_sentence_that_can_name_one() -> None:
    """'Which bank did X merge with?' is not answered by a sentence that neither mentions a
    bank nor names anything the question does not ('steered it through a merger')."""
    engine = Engine(
        build_fact_base(
            "Prosecutors raided Westmarch Regional Bank in Kesslau on Tuesday.\n\n"
            "Chairman Tomas Harlen resigned on Tuesday evening.\n\n"
            "His colleagues credited him with steering it through a costly merger in 2018.\n"
        )
    )
    merged = analyse(clean("Which bank did Westmarch merge with in 2018?"), engine.index)
    assert _fit(merged, engine.index, 2)[0] < 0.5
    assert not engine.ask("Which bank did Westmarch merge with in 2018?").answered


def test_who_does_it_needs_the_action_not_a_related_word() -> None:
    """'Who leads the union?' is not answered by a sentence that holds 'leads' only as the
    related noun 'leadership': it does not say who leads."""
    engine = Engine(
        build_fact_base(
            "Dock workers walked out at the port of Halden on Monday.\n\n"
            "The union left the talks on Thursday for consultation with the union's leadership"
            " in Marsen.\n\nThe port handles about 40 ships a week.\n"
        )
    )
    answer = engine.ask("Who leads the union in Marsen?")
    assert not answer.answered


def test_before_a_person_asks_for_a_predecessor() -> None:
    """'Who was labour minister before Vasko?' is not answered by Vasko's own sentence, whose
    'before' sets one of her actions before another ('before meeting the owners')."""
    engine = Engine(
        build_fact_base(
            "A fire killed 31 workers at a textile mill in Port Samara on Monday.\n\n"
            "Labour Minister Teodora Vasko walked through the plant for 40 minutes before"
            " meeting its owners on Tuesday.\n\nThe owners said they were devastated.\n"
        )
    )
    assert not engine.ask("Who was labour minister before Vasko?").answered
    assert engine.ask("Who is the labour minister?").answered


def test_a_defeat_by_a_side_says_who_won() -> None:
    """'Who won the final?' is answered by '... a 3-1 defeat by Ashford Rovers in the final'."""
    engine = Engine(
        build_fact_base(
            "Kingsmere United sacked head coach Viktor Hale on Monday, two days after a 3-1"
            " defeat by Ashford Rovers in the Castlebridge Cup final.\n\nHale, 54, had been in"
            " charge since 2021.\n\nThe club won the title in 2019.\n"
        )
    )
    answer = engine.ask("Who won the Castlebridge Cup final?")
    assert answer.answered and "defeat by Ashford Rovers" in answer.sources[0].text


def test_who_does_it_needs_a_sentence_with_the_action() -> None:
    """'Who owns the Harbour Ledger?' is not answered by a sentence that only names the paper
    ('The Harbour Ledger, a business newspaper, reported ...'): it says nothing of an owner."""
    engine = Engine(
        build_fact_base(
            "Armed men seized the cargo ship Selene Harbour in the Strait of Tomis on Friday.\n\n"
            "The Harbour Ledger, a Valdorian business newspaper, reported on Wednesday, citing"
            " two people familiar with the talks, that officials had asked for $4.5 million in"
            " fees in exchange for the release of the ship.\n\nThe company denied the report."
            "\n\nThe ship owner owns six ships.\n"
        )
    )
    assert not engine.ask("Who owns the Harbour Ledger?").answered
    assert engine.ask("Who reported that officials had asked for fees?").answered


def test_how_long_in_a_post_needs_a_sentence_that_says_so() -> None:
    """'How long has Oberin been prime minister?' is not answered by the length of a meeting
    ('spent nearly five hours'); a sentence saying since when he has held the post may be."""
    engine = Engine(
        build_fact_base(
            "Sarvenian President Ilsa Dravnik and Tolmari Prime Minister Tomas Oberin spent"
            " nearly five hours at the Vellamy Palace.\n\nThe two leaders did not sign a deal."
            "\n\nOberin, 61, has been prime minister since 2019.\n"
        )
    )
    asked = "How long has Oberin been prime minister?"
    question = analyse(clean(asked), engine.index)
    assert _tenure_unsaid(question, engine.index, 0)
    assert not _tenure_unsaid(question, engine.index, 2)
    meeting = Engine(build_fact_base(engine.fact_base.article.text.split("\n\nOberin")[0]))
    assert not meeting.ask(asked).answered


def test_how_long_a_place_is_asks_a_length() -> None:
    """'How long is the Dravik Bridge?' is not answered by how long the bridge has been closed."""
    engine = Engine(
        build_fact_base(
            "Tevaria's envoy arrived in Belmira on Tuesday for talks on reopening the Dravik"
            " Bridge, which has been closed for 11 weeks.\n\nThe two sides met for two hours."
            "\n\nOfficials declined to give a date for reopening the crossing.\n"
        )
    )
    assert not engine.ask("How long is the Dravik Bridge?").answered
    assert engine.ask("How long has the Dravik Bridge been closed?").answered
