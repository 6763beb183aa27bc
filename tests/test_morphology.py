"""Derivational roots: words of one family meet, unrelated look-alikes stay apart."""

from __future__ import annotations

import pytest

from knowledge.lexicon import stem
from knowledge.morphology import root

FAMILIES = [
    ("injured", "injuries"),
    ("strike", "strikers"),
    ("striking", "striker"),
    ("evacuees", "evacuation"),
    ("negotiator", "negotiate"),
    ("decide", "decision"),
    ("respond", "response"),
    ("admit", "admission"),
    ("fail", "failure"),
    ("pay", "payment"),
    ("agree", "agreement"),
    ("organise", "organization"),
    ("vote", "voters"),
    ("win", "winner"),
    ("rob", "robbery"),
    ("produce", "production"),
    ("discover", "discovery"),
    ("report", "reporters"),
    ("office", "officer"),
]
STRANGERS = [
    ("police", "policy"),
    ("mayor", "may"),
    ("story", "store"),
    ("strike", "stroke"),
    ("sense", "send"),
]


@pytest.mark.parametrize(("one", "other"), FAMILIES, ids=[f"{a}-{b}" for a, b in FAMILIES])
def test_words_of_one_family_share_a_root(one: str, other: str) -> None:
    """'injured' and 'injuries' have different Snowball stems but one root."""
    assert root(stem(one)) == root(stem(other))


@pytest.mark.parametrize(("one", "other"), STRANGERS, ids=[f"{a}-{b}" for a, b in STRANGERS])
def test_look_alikes_keep_different_roots(one: str, other: str) -> None:
    """'police' and 'policy' differ by one letter but are not one family."""
    assert root(stem(one)) != root(stem(other))


def test_a_suffix_is_kept_where_too_little_would_be_left() -> None:
    """Short words are left alone: 'user' keeps its 'er', 'bee' its 'e'."""
    assert [root(stem(w)) for w in ("user", "bee", "mayor")] == ["user", "bee", "mayor"]


@pytest.mark.parametrize(
    ("person", "thing"), [("reporters", "report"), ("officer", "office"), ("prisoners", "prison")]
)
def test_an_agent_noun_keeps_a_stem_of_its_own(person: str, thing: str) -> None:
    """Snowball gives 'reporters' the stem of 'report': 'told reporters' is no report."""
    assert stem(person) != stem(thing) and stem(person) == stem(person.removesuffix("s"))
