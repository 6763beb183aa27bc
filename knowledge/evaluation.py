"""Scoring the engine on a question set (format: tests/data/README.md)."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from knowledge.answers import Answer
from knowledge.dialogue import Conversation
from knowledge.engine import Engine
from knowledge.errors import KnowledgeError
from knowledge.store import load_source

__all__ = ["Outcome", "Report", "evaluate", "is_correct", "load_question_set"]


@dataclass(frozen=True)
class Outcome:
    """One scored turn."""

    id: str
    category: str
    question: str
    accept: list[str]
    answer: Answer
    correct: bool


@dataclass
class Report:
    """Accuracy overall and per category, with every outcome."""

    outcomes: list[Outcome] = field(default_factory=list)

    def accuracy(self, category: str | None = None) -> float:
        """Share of correct turns (in one category, or overall)."""
        chosen = [o for o in self.outcomes if category is None or o.category == category]
        return sum(o.correct for o in chosen) / len(chosen) if chosen else 0.0

    def by_category(self) -> dict[str, tuple[int, int]]:
        """Category -> (correct, total)."""
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for outcome in self.outcomes:
            counts[outcome.category][0] += outcome.correct
            counts[outcome.category][1] += 1
        return {k: (v[0], v[1]) for k, v in sorted(counts.items())}

    def abstention_rate(self) -> float:
        """Share of questions without an answer in the article that got no sourced answer."""
        chosen = [o for o in self.outcomes if not o.accept]
        return sum(o.correct for o in chosen) / len(chosen) if chosen else 1.0


def is_correct(answer: Answer, accept: list[str]) -> bool:
    """Right when the first source contains an accepted snippet, or when it abstains on []."""
    if not accept:
        return not answer.answered and not answer.sources
    if not answer.answered or not answer.sources:
        return False
    first = answer.sources[0].text
    return any(snippet in first for snippet in accept)


def load_question_set(path: Path) -> tuple[Path | None, list[dict[str, Any]]]:
    """Read a question-set file: the article it is about and its items."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        article = data["article"]
        items: list[dict[str, Any]] = data["items"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise KnowledgeError(f"{path}: not a question set ({error})") from None
    return (None if article == "seed" else (path.parent / article).resolve()), items


def evaluate(path: Path, engine: Engine | None = None) -> Report:
    """Run every question of a set through the engine; dialogues share one conversation."""
    article, items = load_question_set(path)
    engine = engine or Engine(load_source(article))
    report = Report()
    for item in items:
        conversation = Conversation()
        turns = item.get("turns") or [item]
        for number, turn in enumerate(turns, start=1):
            answer = engine.ask(turn["question"], conversation)
            accept = list(turn.get("accept", []))
            report.outcomes.append(
                Outcome(
                    id=f"{item['id']}#{number}" if "turns" in item else item["id"],
                    category=item["category"],
                    question=turn["question"],
                    accept=accept,
                    answer=answer,
                    correct=is_correct(answer, accept),
                )
            )
    return report
