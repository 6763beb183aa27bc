"""Tests for knowledge.resolve on short articles: who holds what is not known, what 'It' is."""

from __future__ import annotations

from knowledge import build_fact_base


def test_holder_is_the_speaker_of_the_sentence() -> None:
    """'X said ... but did not say who ...': X holds what is not known."""
    fact_base = build_fact_base(
        "Nadia Farrow said the club had received offers but did not say who was on its list."
    )
    holders = [f.slots["holder"].text for f in fact_base.facts if f.kind == "not_known"]
    assert holders == ["Nadia Farrow"]


def test_it_as_an_agent_is_the_organisation_named_before() -> None:
    """'It began notifying customers' is done by the company the article just named."""
    fact_base = build_fact_base(
        "Quillon Systems said hackers stole data. It began notifying customers on Tuesday."
    )
    agents = [f.slots["agent"] for f in fact_base.facts if f.kind == "action"]
    assert [(a.text, a.entity) for a in agents if a.text == "It"] == [
        ("It", "organisation:quillon-systems")
    ]
