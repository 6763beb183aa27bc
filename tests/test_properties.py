"""Properties over arbitrary text: the builder and the engine never fail in an undocumented way."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge import MAX_QUESTION_CHARS, Answer, ArticleError, Engine, FactBase, build_fact_base

BOUNDED = settings(
    max_examples=150,
    deadline=None,
    # The session-scoped engine fixture is shared on purpose: it keeps no state between questions.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

FRAGMENTS = [
    "\n\n", "\n", " ", "\t", ".", "?", "!", "…", "“", "”", "‘", "’", '"', "'", "(", ")", "—",
    "Mr. ", "U.S.", "No. 1", "3.5%", "Dr. ", "Jan. 15", " said ", " met ", " with ", " did not ",
    "With AFP", "(Reuters)", "Please wait...", "Barnea", "Hamas", "Israel",
    "😀", "👩‍👩‍👧", "שלום עולם", "مرحبا بالعالم", "\u202e", "\u200b", "\u00a0", "\ufeff",
    "\x00", "\x07", "\x1b[31m", "\r", "\u2028", "<b>", "&amp;",
]  # fmt: skip
"""Pieces that stress layout and sentence splitting: quotes, abbreviations, RTL, controls."""

article_texts = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=40).map("".join),
)
questions = st.one_of(
    st.text(max_size=10_000),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=60).map(
        "".join
    ),
    st.builds(lambda word, n: word * n, st.sampled_from(["who ", "?", "Barnea ", "😀"]),
              st.integers(100, 2500)),
)  # fmt: skip

PUBLIC_KEYS: dict[str, type | tuple[type, ...]] = {
    "question": str,
    "answered": bool,
    "answer": (str, type(None)),
    "reply": str,
    "sources": list,
    "confidence": float,
    "suggestions": list,
}
SOURCE_KEYS: dict[str, type] = {"text": str, "paragraph": int, "sentence": int}


def _check_fact_base(fact_base: FactBase) -> None:
    """Round-trips through JSON; sentences are verbatim and evidence lies inside its sentence."""
    assert FactBase.model_validate_json(fact_base.model_dump_json()) == fact_base
    text = fact_base.article.text
    sentences = fact_base.sentence_index()
    for sentence in sentences.values():
        assert text[sentence.start : sentence.end] == sentence.text
    for fact in fact_base.facts:
        for evidence in fact.evidence:
            assert 0 <= evidence.start < evidence.end <= len(sentences[evidence.sentence].text)


@BOUNDED
@given(article_texts)
def test_build_any_text_gives_a_valid_fact_base_or_article_error(text: str) -> None:
    """For any text the builder returns a fact base that re-validates, or raises ArticleError."""
    try:
        fact_base = build_fact_base(text)
    except ArticleError as error:
        assert "\n" not in str(error)
        return
    _check_fact_base(fact_base)


def _check_public_dict(answer: Answer) -> None:
    """The JSON shape is exactly the documented keys and types."""
    public = answer.public_dict()
    assert set(public) == set(PUBLIC_KEYS)
    for key, kind in PUBLIC_KEYS.items():
        assert isinstance(public[key], kind), (key, public[key])
    assert 0.0 <= public["confidence"] <= 1.0
    assert all(isinstance(s, str) for s in public["suggestions"])
    for source in public["sources"]:
        assert set(source) == set(SOURCE_KEYS)
        assert all(isinstance(source[k], t) for k, t in SOURCE_KEYS.items())


@BOUNDED
@given(questions)
def test_ask_any_text_gives_a_well_formed_answer(engine: Engine, question: str) -> None:
    """Any text up to 10,000 characters gets an answer of the documented shape, never an error."""
    answer = engine.ask(question)
    _check_public_dict(answer)
    assert answer.answered == bool(answer.sources)
    assert answer.answered == (answer.answer is not None)
    assert answer.question == question[:MAX_QUESTION_CHARS]
    article = engine.fact_base.article.text
    assert all(source.text in article for source in answer.sources)
