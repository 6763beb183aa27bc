"""Questions about who wrote the article, answered from its credit line."""

from __future__ import annotations

import pytest

from knowledge import Conversation, Engine, build_fact_base
from knowledge.credit import CreditAsk, asks_credit, credit_answer

LINE = "Reporting by Lena Vasko in Velstrad and Tomas Reyl in Talbrook; Editing by Mark Ostrow"

ARTICLE = (
    "VELSTRAD, Korvenia (Meridian Wire) - Trade ministers met on Tuesday to defuse a tariff"
    " dispute.\n\n"
    "Its chairwoman, Ingrid Solvey, said she had written to the minister twice since June.\n\n"
    "The Ostranian daily Handelspost reported on Monday that a draft deal had been agreed.\n\n"
    f"{LINE}\n\n"
    "Sign up for our Morning Trade Briefing newsletter.\n"
)


@pytest.mark.parametrize(
    ("question", "editing"),
    [
        ("Who wrote this article?", False),
        ("who reported the story", False),
        ("Who is the author of this piece?", False),
        ("Which reporters wrote this?", False),
        ("Who edited the article?", True),
        ("who's the editor", True),
    ],
)
def test_questions_about_the_page_ask_its_credit(question: str, editing: bool) -> None:
    assert asks_credit(question, LINE, follows_credit=False) == CreditAsk(editing=editing)


@pytest.mark.parametrize(
    "question",
    [
        "Who wrote the Handelspost story?",
        "Who reported the draft deal?",
        "Who wrote to the minister?",
    ],
)
def test_questions_about_other_writing_are_left_to_the_body(question: str) -> None:
    """Another outlet's story, or writing the article tells of, is no question of the page."""
    assert asks_credit(question, LINE, follows_credit=False) is None


def test_it_is_the_article_only_right_after_a_credit_answer() -> None:
    assert asks_credit("who edited it", LINE, follows_credit=True) == CreditAsk(editing=True)
    assert asks_credit("who edited it", LINE, follows_credit=False) is None


def test_a_name_in_the_credit_line_is_asked_about_the_credit() -> None:
    assert asks_credit("Who is Lena Vasko?", LINE, follows_credit=False) == CreditAsk(
        name="Lena Vasko"
    )
    assert asks_credit("Who is Ingrid Solvey?", LINE, follows_credit=False) is None


def test_the_answer_names_the_asked_part_of_the_line() -> None:
    assert credit_answer(CreditAsk(), LINE) == (
        "Reporting by Lena Vasko in Velstrad and Tomas Reyl in Talbrook"
    )
    assert credit_answer(CreditAsk(editing=True), LINE) == "Editing by Mark Ostrow"
    assert credit_answer(CreditAsk(), "With AFP") is None


def test_the_engine_cites_the_credit_line_and_follows_up_on_it() -> None:
    """'Who wrote this article?' was answered 'Ingrid Solvey' ('she had written to ...')."""
    engine = Engine(build_fact_base(ARTICLE))
    conversation = Conversation()
    wrote = engine.ask("Who wrote this article?", conversation)
    assert wrote.answered and wrote.sources[0].text == LINE
    assert "Lena Vasko" in (wrote.answer or "") and "Solvey" not in (wrote.answer or "")
    assert wrote.sources[0].paragraph == 4
    edited = engine.ask("who edited it", conversation)
    assert edited.answered and edited.answer == "Editing by Mark Ostrow"


def test_without_a_credit_line_the_article_does_not_say() -> None:
    engine = Engine(build_fact_base(ARTICLE.replace(f"{LINE}\n\n", "")))
    answer = engine.ask("Who wrote this article?")
    assert not answer.answered and not answer.sources


def test_an_agency_credit_names_no_writer() -> None:
    """'With AFP' says where the story came from, not who wrote it: no answer, but the reply
    says the agency."""
    engine = Engine(build_fact_base(ARTICLE.replace(LINE, "With AFP")))
    answer = engine.ask("Who wrote this article?")
    assert not answer.answered and not answer.sources
    assert "AFP" in answer.reply
