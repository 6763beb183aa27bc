"""Question analysis: the verb a question asks about."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import Engine, build_fact_base
from knowledge.index import build_index
from knowledge.lexicon import stem
from knowledge.question import analyse
from knowledge.store import load_source

VERBS = [
    ("Did Qatar comment on the Wall Street Journal report?", "comment"),
    ("Did the spy chiefs meet on Friday?", "meet"),
    ("What did Biden warn?", "warn"),
]


@pytest.mark.parametrize(("question", "verb"), VERBS, ids=[v[0] for v in VERBS])
def test_the_verb_is_not_a_noun_after_a_determiner(
    engine: Engine, question: str, verb: str
) -> None:
    """'on the ... report' is a noun; the question's verb is the one its subject does."""
    analysed = analyse(question, engine.index)
    assert analysed.predicate and any(verb in concept for concept in analysed.predicate)


COUNTED = [
    ("How many hostages are still held?", "hostag"),
    ("how many more seats does it hold", "seat"),
    ("How much money is left?", None),
    ("And how many are missing?", None),
]


@pytest.mark.parametrize(("question", "noun"), COUNTED, ids=[c[0] for c in COUNTED])
def test_how_many_names_what_is_counted(engine: Engine, question: str, noun: str | None) -> None:
    """'How many X' counts X: the engine prefers a sentence whose number counts X."""
    counted = analyse(question, engine.index).counted
    assert (noun in counted) if noun else not counted


ASKED = [
    ("Which shipping lines diverted cargo?", ("shipping", "lines", "diverted", "cargo")),
    ("Which outside firm was hired?", ("outside", "firm")),
    ("What offer did the union reject?", ("offer",)),
    ("Who is the chief executive of Northgate?", ("chief", "executive")),
    ("What caused the rain?", ()),
    ("Who did Barnea meet?", ()),
]


@pytest.mark.parametrize(("question", "asked"), ASKED, ids=[a[0] for a in ASKED])
def test_which_noun_names_what_is_to_be_identified(
    engine: Engine, question: str, asked: tuple[str, ...]
) -> None:
    """'Which outside firm', 'what offer did', 'who is the chief executive': the noun whose
    identity is asked; 'what caused' opens with a verb and asks for none."""
    assert analyse(question, engine.index).asked == asked


def test_an_auxiliary_before_an_auxiliary_is_a_misspelt_question_word(engine: Engine) -> None:
    """'were were they taken' opens with a misspelt 'where'."""
    analysed = analyse("were were the hostages taken", engine.index)
    assert analysed.words[0] == "where" and analysed.wh == "place"


FUNCTION_WORD_TYPOS = [
    ("how many peple wer kiled", 3, "were"),
    ("how many are stil missing", 3, "still"),
    ("how much aid wil the government release", 3, "will"),
    ("wher did the hamas delegation go", 0, "where"),
    ("what is israel preparing for durring ramadan", 5, "during"),
]


@pytest.mark.parametrize(
    ("question", "position", "word"), FUNCTION_WORD_TYPOS, ids=[t[0] for t in FUNCTION_WORD_TYPOS]
)
def test_a_misspelt_function_word_is_read_as_that_word(
    engine: Engine, question: str, position: int, word: str
) -> None:
    """A letter left out of 'were' or 'still' (or one wrong) does not leave an unknown word, and a
    missing letter wins over a wrong one ('wher' is 'where', not 'when')."""
    assert analyse(question, engine.index).words[position] == word


def test_a_three_letter_word_is_not_read_as_a_function_word_with_a_wrong_letter(
    engine: Engine,
) -> None:
    """'won' is not 'were' or 'will': only a missing letter makes a three-letter word one."""
    assert analyse("who won the vote", engine.index).words[1] == "won"


def test_swapped_letters_give_the_article_word_even_when_they_spell_another() -> None:
    """'trail' is read as the article's 'trial' when the article never says 'trail'."""
    index = build_index(load_source(Path(__file__).parent / "data" / "articles" / "health.txt"))
    assert "trial" in analyse("How many volunteers were in the trail?", index).words


def test_a_name_matched_loosely_does_not_swallow_the_word_before_it() -> None:
    """'owns Kingsmere United' is close to 'Kingsmere United', but 'owns' stays a topic word."""
    index = build_index(load_source(Path(__file__).parent / "data" / "articles" / "sports.txt"))
    analysed = analyse("Who owns Kingsmere United?", index)
    assert any("own" in concept for concept in analysed.concepts)


def test_a_question_word_of_an_article_word_family_is_not_unknown() -> None:
    """'strikers' is known through the article's 'striking', so it is no unknown topic."""
    index = build_index(build_fact_base("Striking dockers marched through Portwell on Monday.\n"))
    analysed = analyse("Where did the strikers march?", index)
    assert "strikers" not in analysed.unknown
    assert any("%strike" in concept for concept in analysed.concepts)


def test_a_common_word_is_not_read_as_a_name_with_another_first_letter() -> None:
    """'lives' is one letter-swap from the name 'Ilves', but people rarely mistype a first
    letter: in 'lost their lives' it stays a word, and the phrase means 'died'."""
    index = build_index(load_source(Path(__file__).parent / "data" / "articles" / "climate.txt"))
    analysed = analyse("How many people lost their lives in the floods?", index)
    assert "lives" in analysed.words and not analysed.entities
    assert "lives" not in analysed.unknown


AMOUNTS = [
    ("What share of the farmland was flooded?", "share"),
    ("What proportion of the farmland was flooded?", "proport"),
    ("How much money did the government promise?", "money"),
    ("How many times has the river flooded?", "time"),
    ("How far is Lorvaine from the river?", "far"),
    ("What percent of the farmland was flooded?", "percent"),
]


@pytest.mark.parametrize(("question", "noun"), AMOUNTS, ids=[a[0] for a in AMOUNTS])
def test_an_amount_noun_only_restates_that_an_amount_is_asked(question: str, noun: str) -> None:
    """'What share of X' asks for an amount like 'how much': the noun is no topic word."""
    index = build_index(load_source(Path(__file__).parent / "data" / "articles" / "climate.txt"))
    analysed = analyse(question, index)
    assert analysed.wh == "number"
    assert not any(noun in concept for concept in analysed.concepts)


DURATIONS = [
    ("How long will Wrenfield spend behind bars?", "spend"),
    ("How long did the deliberations last?", "last"),
    ("How long did the jury take?", "take"),
]


@pytest.mark.parametrize(("question", "verb"), DURATIONS, ids=[d[0] for d in DURATIONS])
def test_a_duration_verb_only_restates_how_long(question: str, verb: str) -> None:
    """'How long did it last (take)?': the verb asks for the duration, it is no topic word."""
    index = build_index(load_source(Path(__file__).parent / "data" / "articles" / "court.txt"))
    analysed = analyse(question, index)
    assert analysed.wh == "duration"
    assert not any(verb in concept for concept in analysed.concepts)


def test_a_compound_meets_the_article_written_apart_or_together() -> None:
    """'underwater' meets the article's 'under water'; 'heat wave' its 'heatwave'."""
    index = build_index(
        build_fact_base("A heatwave left the farmland under water on Monday, officials said.\n")
    )
    assert analyse("How much farmland was underwater?", index).words[-2:] == ["under", "water"]
    assert "heatwave" in analyse("When did the heat wave start?", index).words


def test_two_words_the_article_has_are_not_joined_into_its_compound() -> None:
    """'lift off' meets the article's 'lifting off', not only its 'liftoff'."""
    index = build_index(
        build_fact_base("The rocket broke apart after lifting off, seconds after liftoff.\n")
    )
    assert analyse("When did the rocket lift off?", index).words[-2:] == ["lift", "off"]


def test_who_is_doing_something_is_no_definition() -> None:
    """'Who is overseeing the inquiry?' asks who does it; 'Who is Lind?' who someone is."""
    index = build_index(build_fact_base("The board said it would oversee the inquiry.\n"))
    assert not analyse("Who is overseeing the inquiry?", index).definition
    assert analyse("Who is the board?", index).definition


def test_who_underwent_something_is_no_definition() -> None:
    """'Who was arrested?' asks who underwent it; 'Who was Fred?' who someone was."""
    index = build_index(build_fact_base("Police arrested Fred Lang, the plant's manager.\n"))
    assert not analyse("Who was arrested?", index).definition
    assert not analyse("Who was held?", index).definition
    assert analyse("Who was Fred?", index).definition


def test_what_was_done_to_someone_is_no_definition() -> None:
    """'What was Wrenfield found guilty of?', 'What was he doing there?' ask about what
    happened to or was done by Wrenfield, not what he is (the answer had been 'Tobias
    Wrenfield is the former city treasurer')."""
    index = build_index(
        build_fact_base(
            "Tobias Wrenfield, the former city treasurer, was found guilty of fraud and was"
            " reporting on protests in Pelsk.\n"
        )
    )
    assert not analyse("What was Wrenfield found guilty of?", index).definition
    assert not analyse("What is Wrenfield charged with?", index).definition
    assert not analyse("What was Wrenfield doing there?", index).definition
    assert analyse("Who is Wrenfield?", index).definition


@pytest.mark.parametrize(
    ("asked", "words"),
    [
        ("is qatar gonna kick out hamas", ["is", "qatar", "will", "kick", "out", "hamas"]),
        ("what r they preparing 4 in ramadan", ["what", "are", "they", "preparing", "for"]),
        ("how long has the war been goin on", ["how", "long", "has", "the", "war", "been"]),
    ],
)
def test_chat_spellings_are_read_as_words(asked: str, words: list[str]) -> None:
    """'gonna', 'r', '4' between words, a dropped g ('goin'): what they stand for."""
    index = build_index(build_fact_base("Qatar is preparing for Ramadan as the war goes on.\n"))
    assert analyse(asked, index).words[: len(words)] == words
    assert "going" in analyse("how long has the war been goin on", index).words
    assert analyse("when does the war end again", index).words[-1] == "again"


@pytest.mark.parametrize(
    ("asked", "words"),
    [
        ("why haven't they searched the woods", ["why", "have", "not", "they", "searched"]),
        ("where they're keeping the hostages", ["where", "they", "are", "keeping"]),
        ("have they've seen the envoy", ["have", "they", "have", "seen"]),
    ],
)
def test_contractions_are_read_as_the_words_they_stand_for(asked: str, words: list[str]) -> None:
    """'haven't', 'they're', 'they've': two words each, not an unknown word or 'there'."""
    index = build_index(build_fact_base("Police searched the woods where they keep hostages.\n"))
    assert analyse(asked, index).words[: len(words)] == words


@pytest.mark.parametrize(
    "asked",
    [
        "Who is the spy chief the article talks about?",
        "Who is the spy chief mentioned in the article?",
        "According to the story, who is the spy chief?",
    ],
)
def test_words_about_the_article_are_no_part_of_the_question(asked: str) -> None:
    """'the article talks about' asks nothing of the story: 'talks' is not the truce talks."""
    index = build_index(build_fact_base("Israel said its spy chief met truce talks mediators.\n"))
    assert "talks" not in analyse(asked, index).words
    assert {"spy", "chief"} <= set(analyse(asked, index).words)


def test_what_exact_day_asks_when() -> None:
    """'What exact day does Ramadan start?' is a when-question; 'exact' names no topic."""
    index = build_index(build_fact_base("Ramadan could begin as early as Sunday.\n"))
    question = analyse("What exact day does Ramadan start?", index)
    assert question.wh == "time" and not question.unknown


@pytest.mark.parametrize(
    ("asked", "wh"),
    [
        ("What's the goal of the talks?", "reason"),
        ("What was the point of the meeting?", "reason"),
        ("What made Hamas walk out of the talks?", "reason"),
        ("who's the envoy", "person"),
    ],
)
def test_restated_question_types(asked: str, wh: str) -> None:
    """'What's' is 'what is' (not a possessive to drop), 'the point of' asks why as 'the goal
    of' does, 'what made X do Y' as 'what caused' does; none of those words is a topic."""
    index = build_index(build_fact_base("Hamas left the talks after the envoy's meeting.\n"))
    question = analyse(asked, index)
    assert question.wh == wh and not question.unknown
    assert "is" in question.words or not asked.startswith(("What's", "who's"))


def test_the_likeliest_slip_wins_a_tie() -> None:
    """Two article or lexicon words one edit away: a left-out letter ('lawer': 'lawyer', not
    'later'), a doubled one ('taaking') or a swap ('isral' is 'israel', not the stem 'israe')
    decides; after 'how', 'log' is 'long'."""
    index = build_index(
        build_fact_base(
            "Israel said later that the lawyer was taking the case; he had been held long.\n"
        )
    )
    words = analyse("how log was the lawer taaking the case for isral", index).words
    assert words == [
        "how",
        "long",
        "was",
        "the",
        "lawyer",
        "taking",
        "the",
        "case",
        "for",
        "israel",
    ]


def test_a_title_before_a_name_names_the_person() -> None:
    """'Foreign Minister Benedikt Saule': 'foreign' and 'minister' are part of naming him, not
    topics that any sentence saying 'Foreign Minister' would hold."""
    index = build_index(
        build_fact_base(
            "Teodorian Foreign Minister Benedikt Saule met the delegations on Tuesday.\n\n"
            'Saule "urged both sides to put humanitarian concerns first," the statement said.\n'
        )
    )
    question = analyse("What did Foreign Minister Benedikt Saule urge both sides to do?", index)
    assert question.entities == ["person:benedikt-saule"]
    assert not any("minister" in concept for concept in question.concepts)


def test_a_preposition_is_no_topic_word() -> None:
    """'along with' asks nothing the article must say: 'along' is not an unknown word."""
    index = build_index(build_fact_base("The blast destroyed a satellite and the rocket.\n"))
    assert analyse("What was destroyed along with the rocket?", index).unknown == []


def test_a_function_word_is_not_split_into_article_words() -> None:
    """'however' is not 'how' and 'ever', even where the article has both."""
    index = build_index(build_fact_base("How the fire started is not known, if it ever will be.\n"))
    assert "however" in analyse("However, who saw the fire?", index).words


def test_what_reason_asks_why() -> None:
    """'What reason did X give for Y?' asks for a reason, and 'reason' is no topic word."""
    index = build_index(load_source(Path(__file__).parent / "data" / "articles" / "business.txt"))
    analysed = analyse("What reason did Kestrel give for the acquisition?", index)
    assert analysed.wh == "reason"
    assert not any("reason" in concept for concept in analysed.concepts)


def test_what_was_the_goal_asks_why(engine: Engine) -> None:
    """'What was the goal (aim, purpose) of the meeting?' asks for its purpose."""
    analysed = analyse("What was the goal of the spy chiefs' meeting?", engine.index)
    assert analysed.wh == "reason"
    assert not any("goal" in concept for concept in analysed.concepts)


def test_how_tall_asks_for_a_measure_and_tall_is_no_topic_word() -> None:
    """'How tall is the rocket?': a number with a unit is asked; 'tall' need not be written."""
    index = build_index(build_fact_base("The 41-metre rocket rose from the pad on Monday.\n"))
    analysed = analyse("How tall is the rocket?", index)
    assert analysed.measure and analysed.wh == "number" and analysed.unknown == []


def test_mine_is_a_noun_not_a_stopword() -> None:
    """'Where is the mine?' asks about a mine: the word is a topic, not the pronoun."""
    index = build_index(build_fact_base("The gold mine is in the town of Sarovec.\n"))
    assert analyse("Where is the mine?", index).concepts


@pytest.mark.parametrize(("typed", "meant"), [("strik", "strike"), ("labor", "labour")])
def test_a_slip_off_the_article_spelling_of_a_word_is_corrected(typed: str, meant: str) -> None:
    """'strik' and the US 'labor' share a root with the article's 'strike' and 'labour': they
    are read as those words, not as distant relatives of them."""
    index = build_index(build_fact_base("Labour Minister Eva Lund said the strike would end.\n"))
    assert meant in analyse(f"Did the {typed} minister speak?", index).words


def test_a_word_of_its_own_is_not_corrected_into_its_family() -> None:
    """'founded' is an English word, not a slip for the article's 'founder'."""
    index = build_index(build_fact_base("The founder of Kestrel said it would grow.\n"))
    assert "founded" in analyse("When was Kestrel founded?", index).words


def test_a_slip_whose_stem_looks_like_a_short_word_is_corrected() -> None:
    """'minning' has the stem of 'min', a word of its own, but is a slip for 'mining'."""
    index = build_index(build_fact_base("The head of the mining regulator said so.\n"))
    assert "mining" in analyse("who heads the minning regulater", index).words


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("wran", "warn"),
        ("fre", "fire"),
        ("hppened", "happened"),
        ("city", "city"),
        ("ofician", "official"),
        ("beinng", "being"),
    ],
)
def test_slips_are_read_as_the_article_words_they_miss(typed: str, meant: str) -> None:
    """'wran' is one swap from 'warn', the base of the article's 'warned'; 'fre' is one letter
    short of 'fire' and no word itself; 'hppened' misses a letter of a function word; 'city' is
    a word, not a slip for 'cite' (the base of the article's 'citing')."""
    index = build_index(
        build_fact_base("Officials warned on Monday that the fire had spread, citing winds.\n")
    )
    assert meant in analyse(f"what {typed} the officials", index).words


def test_a_slip_off_the_stem_of_an_article_word_is_corrected() -> None:
    """'hrads' is no word and one letter off the stem of the article's 'head' ('heads' is
    not in the article, so no word of it is one edit away)."""
    index = build_index(build_fact_base("David Barnea, the head of the Mossad, met Burns.\n"))
    assert "head" in analyse("who hrads the mossad", index).words


def test_a_short_slip_between_forms_of_one_word_is_corrected() -> None:
    """'hld' is one edit from both 'held' and 'hold' of the article: forms of one word."""
    index = build_index(
        build_fact_base("Police can hold him for 72 hours.\n\nThe vigil was held on Tuesday.\n")
    )
    assert "held" in analyse("when was the vigil hld", index).words


@pytest.mark.parametrize(("typed", "meant"), [("speaak", "speak"), ("floding", "flooding")])
def test_a_slip_for_a_word_the_lexicon_knows_is_corrected(typed: str, meant: str) -> None:
    """'speaak' is no word and no article word is near it, but 'speak' is a word the synonym
    lexicon knows (and so reaches the article's 'told reporters')."""
    index = build_index(build_fact_base("Castell told reporters outside the court on Monday.\n"))
    assert meant in analyse(f"where did castell {typed} to reporters", index).words


def test_the_name_of_a_noun_asks_to_identify_it() -> None:
    """'What are the names of the two women?' asks who the women are: an article that only
    says 'the two women' does not answer it."""
    index = build_index(build_fact_base("The two women would be freed first, officials said.\n"))
    analysed = analyse("What are the names of the two women being held?", index)
    assert analysed.asked == ("women",)
    assert analyse("What is the name of Mila Hasek's son?", index).asked == ("son",)


def test_a_count_pointing_back_at_people_is_no_topic_word() -> None:
    """'the two leaders' names the leaders; 'two' need not be repeated by the answer, but
    still leans towards a sentence that does."""
    index = build_index(build_fact_base("The leaders met face to face on Tuesday.\n"))
    analysed = analyse("Did the two leaders meet in person?", index)
    assert all("two" not in c for c in analysed.concepts)
    assert any("two" in c for c in analysed.entity_words)


@pytest.mark.parametrize("question", ["How far away is Selby Point?", "How far off is the port?"])
def test_away_in_how_far_away_only_restates_the_distance(question: str) -> None:
    """'How far away is it?': 'away' asks for a distance, it is no word the article must hold."""
    index = build_index(load_source(Path(__file__).parent / "data" / "articles" / "strike.txt"))
    analysed = analyse(question, index)
    assert not analysed.unknown
    assert not any({"away", "off"} & concept for concept in analysed.concepts)


def test_a_name_the_article_never_uses_is_one_unknown_thing() -> None:
    """'the United Nations' in an article that speaks of 'the two nations' but never of the UN
    is a name the article does not know, not the word 'nations' it uses; a capitalised
    'Foreign Ministry' the article writes in lower case stays its words."""
    index = build_index(
        build_fact_base(
            "Kalvstan's foreign ministry denied the report.\n\n"
            "Trade between the two nations has halved since the talks began.\n"
        )
    )
    asked = analyse("Has the United Nations commented on the talks?", index)
    assert asked.unknown == ["united nations"]
    assert (
        not Engine(build_fact_base("Trade between the two nations has halved.\n"))
        .ask("What did the United Nations say about trade?")
        .answered
    )
    assert "united nations" in analyse("What did The United Nations say?", index).unknown
    # a question typed in title case says nothing about names by its capitals
    assert analyse("When Did The Talks Begin?", index).unknown == []
    ministry = analyse("What did Kalvstan's Foreign Ministry say?", index)
    assert "foreign" not in ministry.unknown and "ministry" not in ministry.unknown


@pytest.mark.parametrize(
    ("question", "definition"),
    [
        ("Who was arrested?", False),
        ("Who was taken to hospital?", False),
        ("Who is the police spokeswoman?", True),
        ("Who is Mereth?", True),
    ],
)
def test_a_passive_who_question_asks_who_something_was_done_to(
    question: str, definition: bool
) -> None:
    """'Who was arrested?' is not 'Who is X?': no role to look up, a person to find."""
    index = build_index(
        build_fact_base(
            "Police said they had detained the factory manager, Lucan Mereth, on Monday.\n\n"
            "Police spokeswoman Nadia Folk said Mereth had not been charged.\n"
        )
    )
    assert analyse(question, index).definition is definition


def test_a_role_no_one_in_the_article_holds_is_one_unknown_thing() -> None:
    """'the Egyptian president' in an article with an Egyptian official and a US president:
    someone the article does not mention, not its words 'Egyptian' and 'president'."""
    index = build_index(
        build_fact_base(
            "US President Joe Biden warned of a dangerous escalation.\n\n"
            "An Egyptian official said the talks would resume.\n"
        )
    )
    asked = analyse("What did the Egyptian president say about the talks?", index)
    assert asked.unknown == ["egyptian president"]
    assert analyse("What did the Egyptian official say?", index).unknown == []


MINISTERS = (
    "Korvenian Trade Minister Halvard Brenning met Ines Dravenhal, Valmora's special envoy for "
    "consular affairs, in Velstrad on Tuesday.\n\n"
    "Lindish Foreign Minister Per Aldvik and Korvenian Foreign Minister Radek Solm spoke by "
    "phone.\n"
)


@pytest.mark.parametrize(
    ("question", "entity"),
    [
        ("What did the Korvenian minister say?", None),
        ("What did the trade minister say?", "person:halvard-brenning"),
        ("Who did the Valmoran envoy meet?", "person:ines-dravenhal"),
        ("What did the Lindish minister say?", "person:per-aldvik"),
        ("What did the envoy say?", "person:ines-dravenhal"),
        ("What did the minister say?", None),
        ("Who is the envoy of Lindmark?", None),
        ("Who is the envoy for Lindmark's prisoners?", None),
    ],
    ids=[
        "two-korvenian-ministers",
        "trade-minister",
        "demonym-envoy",
        "lindish-minister",
        "the-one-envoy",
        "three-ministers",
        "envoy-of-another-place",
        "envoy-for-someone-else",
    ],
)
def test_a_shortened_title_names_the_one_entity_whose_title_holds_it(
    question: str, entity: str | None
) -> None:
    """'the Valmoran envoy' is 'Valmora's special envoy for consular affairs' when no one
    else's title holds its words; 'the Korvenian minister' of two stays open."""
    index = build_index(build_fact_base(MINISTERS))
    described = analyse(question, index).described
    assert described == ([entity] if entity else [])


STANCES = (
    "Ostrania accused Korvenian mills of selling steel below cost, a charge Korvenia rejects.\n\n"
    "Under the draft, Korvenia agreed to cap its steel exports at one million tonnes.\n\n"
    "The soldier was arrested after troops accused him of spying, a charge he has always "
    "denied.\n"
)


@pytest.mark.parametrize(
    ("question", "snippet"),
    [
        ("Does Korvenia accept the charge?", "a charge Korvenia rejects"),
        ("Does the soldier admit the charge?", "a charge he has always denied"),
    ],
    ids=["accept-rejects", "admit-denied"],
)
def test_whether_someone_admits_a_claim_is_answered_by_the_side_they_took(
    question: str, snippet: str
) -> None:
    """'Does X accept / admit the charge?' is answered where X rejects or denies it."""
    answer = Engine(build_fact_base(STANCES)).ask(question)
    assert answer.answered and snippet in answer.sources[0].text


@pytest.mark.parametrize(
    ("question", "word", "kept"),
    [
        ("How did the meeting go?", "go", False),
        ("How is the trial going?", "going", False),
        ("How did they go to court?", "go", True),
        ("How long has he been gone?", "gone", True),
    ],
    ids=["how-did-x-go", "how-is-x-going", "go-somewhere", "how-long-gone"],
)
def test_how_did_it_go_asks_how_it_turned_out(question: str, word: str, kept: bool) -> None:
    """'How did X go?' asks how X turned out: 'go' is no topic word (but 'go to' a place, and
    'gone' for away, are)."""
    index = build_index(load_source(Path(__file__).parent / "data" / "articles" / "court.txt"))
    analysed = analyse(question, index)
    assert any(stem(word) in concept for concept in analysed.concepts) is kept


DEMANDS = (
    "Prosecutors raided the headquarters of Westmarch Bank on Tuesday, and the bank wants the "
    "raid reviewed.\n\n"
    "Pavel Rusk, an opposition lawmaker, called on the finance committee to hold a hearing "
    "within two weeks.\n\n"
    "Rusk has sat in parliament since 2015.\n"
)


def test_what_someone_wants_is_what_they_call_for() -> None:
    """'What does Rusk want?' is answered where he calls on someone to do something, not
    where someone else 'wants' something."""
    answer = Engine(build_fact_base(DEMANDS)).ask("What does Rusk want?")
    assert answer.answered and "called on the finance committee" in answer.sources[0].text
