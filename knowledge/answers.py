"""What the engine returns for one question: the answer, its sources, and how sure it is."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Answer", "AnswerKind", "Source"]

AnswerKind = Literal["answer", "not_known", "suggest", "abstain", "greeting", "empty"]


class Source(BaseModel):
    """A cited sentence of the article, verbatim, with where it stands."""

    model_config = ConfigDict(frozen=True)

    text: str
    paragraph: int
    sentence: int


class Answer(BaseModel):
    """The engine's answer to one question."""

    model_config = ConfigDict(frozen=True)

    question: str = Field(description="The question as asked (after cutting to the limit).")
    answered: bool = Field(description="True when the article answers it, with a source.")
    answer: str | None = Field(description="The concise answer; None when not answered.")
    reply: str = Field(description="The full plain-text reply a user sees.")
    sources: list[Source] = Field(default_factory=list, description="Cited sentences, best first.")
    confidence: float = Field(ge=0.0, le=1.0)
    suggestions: list[str] = Field(default_factory=list, description="Questions to try instead.")
    kind: AnswerKind = "abstain"
    truncated: bool = Field(default=False, description="True when the question was cut.")

    def public_dict(self) -> dict[str, Any]:
        """Return the documented JSON shape of an answer (the console's --json output)."""
        return {
            "question": self.question,
            "answered": self.answered,
            "answer": self.answer,
            "reply": self.reply,
            "sources": [source.model_dump() for source in self.sources],
            "confidence": round(self.confidence, 3),
            "suggestions": list(self.suggestions),
        }
