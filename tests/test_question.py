"""Question analysis: the verb a question asks about."""

from __future__ import annotations

import pytest

from knowledge import Engine
from knowledge.question import analyse

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
]


@pytest.mark.parametrize(("question", "noun"), COUNTED, ids=[c[0] for c in COUNTED])
def test_how_many_names_what_is_counted(engine: Engine, question: str, noun: str | None) -> None:
    """'How many X' counts X: the engine prefers a sentence whose number counts X."""
    counted = analyse(question, engine.index).counted
    assert (noun in counted) if noun else not counted
