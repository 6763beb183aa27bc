"""The search index's readings of facts."""

from __future__ import annotations

import pytest

from knowledge.index import unknown_asks
from knowledge.schema import Evidence, Fact, Slot

UNKNOWNS = [
    ("how many cattle and sheep had drowned", "number", "number"),
    ("how long the evacuees would have to stay", "other", "duration"),
    ("whether anyone was arrested", "other", "yesno"),
    ("how they had found him", "identity", "how"),
    ("the identity of the unnamed official", "identity", "person"),
    ("on the report", "other", "yesno"),
    ("a reason for refusing bail", "other", "reason"),
    ("the size of the fine", "other", "other"),
]


@pytest.mark.parametrize(("subject", "aspect", "asks"), UNKNOWNS, ids=[u[0] for u in UNKNOWNS])
def test_a_not_known_fact_leaves_open_the_question_its_subject_opens(
    subject: str, aspect: str, asks: str
) -> None:
    """'did not say how long ...' leaves a 'how long' question open, whatever the aspect says."""
    fact = Fact(
        id="f1",
        kind="not_known",
        slots={"subject": Slot(text=subject), "aspect": Slot(text=aspect)},
        sentences=["p1s1"],
        evidence=[Evidence(sentence="p1s1", start=0, end=1)],
    )
    assert unknown_asks(fact) == asks
