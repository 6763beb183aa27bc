"""Tests for knowledge.unknowns: what a sentence says is not known, its aspect and who holds it."""

from __future__ import annotations

import pytest

from knowledge.segment import article_from_text
from knowledge.unknowns import find_unknowns

CASES = [
    (
        "Investigators have not yet determined what started the fire.",
        {"subject": "what started the fire", "aspect": "reason", "holder": "Investigators"},
    ),
    (
        "Talvik warned that the cause of the fire had not been determined and that crews could"
        " not enter the upper floors.",
        {"subject": "the cause of the fire", "aspect": "reason"},
    ),
    (
        "Officials did not say how long the evacuees would stay.",
        {"subject": "how long the evacuees would stay", "aspect": "time", "holder": "Officials"},
    ),
    (
        "It was not clear whether Menon, who owns 9% of Ardent, would stay.",
        {"subject": "whether Menon, who owns 9% of Ardent, would stay", "aspect": "other"},
    ),
    (
        "The judge did not give a reason for refusing bail.",
        {"subject": "a reason for refusing bail", "aspect": "reason", "holder": "The judge"},
    ),
    (
        "He signed from Dunmore for a fee the clubs did not reveal.",
        {"subject": "a fee", "aspect": "number", "holder": "the clubs"},
    ),
    (
        "Okonjo spoke, and the company did not disclose how much it paid.",
        {"subject": "how much it paid", "aspect": "number", "holder": "the company"},
    ),
    ("The central bank declined to comment.", {"aspect": "other", "holder": "The central bank"}),
    (
        "Ann Lee, a spokeswoman for Orla, declined to comment on the report.",
        {
            "subject": "on the report",
            "aspect": "other",
            "holder": "Ann Lee, a spokeswoman for Orla",
        },
    ),
    (
        "The date of the next round of talks was not disclosed.",
        {"subject": "The date of the next round of talks", "aspect": "time"},
    ),
    ("It gave no further details.", {"aspect": "other"}),
    (
        "The cost of compensating fishermen has not been agreed.",
        {"subject": "The cost of compensating fishermen", "aspect": "number"},
    ),
    (
        "The fault was traced to a part from an outside supplier, which the company declined "
        "to name.",
        {"subject": "an outside supplier", "aspect": "identity", "holder": "the company"},
    ),
]


@pytest.mark.parametrize(("text", "slots"), CASES, ids=[c[0][:24] for c in CASES])
def test_not_known(text: str, slots: dict[str, str]) -> None:
    """The subject, its aspect and the holder (only when the sentence names one)."""
    drafts = find_unknowns(article_from_text(text).sentences)
    assert [d.slots for d in drafts] == [slots]
