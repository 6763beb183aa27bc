"""Per-conversation context: what the last turns were about, so follow-ups can be resolved."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Conversation"]


@dataclass
class Conversation:
    """The context of one conversation; a front-end keeps one per chat and may drop it any time."""

    entities: list[str] = field(default_factory=list)
    """Entity ids the last answered turn was about, most salient first."""
    fact: str | None = None
    """Id of the sentence the last answer came from."""
    question: str | None = None
    """The last question that was answered (as understood, follow-ups spelt out)."""
    asked: str | None = None
    """The last question asked, when it went unanswered (None after an answer)."""
    turns: int = 0
    credited: bool = False
    """The last answer came from the credit line ('Who wrote this?'), so 'who edited it?'
    is about the article too."""

    def reset(self) -> None:
        """Forget everything."""
        self.entities.clear()
        self.fact = None
        self.question = None
        self.asked = None
        self.turns = 0
        self.credited = False
