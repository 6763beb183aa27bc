"""Tests for knowledge.quantities: what each number of a sentence measures."""

from __future__ import annotations

import pytest

from knowledge.quantities import find_quantities
from knowledge.segment import article_from_text

CASES = [
    ("Civic Renewal took 38.4 percent of the vote.", ("Civic Renewal", "38.4 percent of the vote")),
    ("The company reported revenue of $2.31 billion.", ("revenue", "$2.31 billion")),
    ("Quillon employs about 3,400 people.", ("Quillon", "about 3,400 people")),
    ("Shares of Quillon fell 14% on Monday.", ("Shares of Quillon", "14%")),
    ("31 people in the vaccine group were admitted.", ("people in the vaccine group", "31 people")),
    ("At least 12 people were still missing.", ("people", "At least 12 people")),
    ("The Stoxx 600 index rose 1.1%.", ("The Stoxx 600 index", "1.1%")),
    ("The two leaders held talks for about 90 minutes.", ("talks", "about 90 minutes")),
    ("The fund has paid out about 8 billion euros.", ("The fund", "about 8 billion euros")),
    ("Brekke, whose party holds 14 of the 101 seats, objected.", ("Brekke", "14 of the 101 seats")),
    (
        "NAIRAVI, March 4 (Reuters) - A measles outbreak has killed 17 children.",
        ("A measles outbreak", "17 children"),
    ),
]
NOT_QUANTITIES = [
    "Holm, 61, conceded defeat.",
    "Labour leader Maja Lind, 44, told supporters in Loranda that voters had chosen change.",
    "The hearing is on Feb. 17 in Harwick.",
    "Mayor Vance took office in 2023.",
    "He scored in the 23rd minute of a 2-1 win.",
    "\u201cWe sold 500 cars,\u201d she said.",
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:24] for c in CASES])
def test_quantity(text: str, expected: tuple[str, str]) -> None:
    """A number becomes an attribute: the thing it measures and the number as written."""
    drafts = find_quantities(article_from_text(text).sentences)
    assert [(d.slots["subject"], d.slots["value"]) for d in drafts] == [expected]


@pytest.mark.parametrize("text", NOT_QUANTITIES, ids=[t[:24] for t in NOT_QUANTITIES])
def test_not_a_quantity(text: str) -> None:
    """Ages, dates, years, ranks, scores and numbers inside quotations give no attribute."""
    assert find_quantities(article_from_text(text).sentences) == []
