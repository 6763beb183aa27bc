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
