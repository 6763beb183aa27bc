"""Scoring sentences (and the facts they carry) against an analysed question."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.index import Index
from knowledge.question import Question

__all__ = ["Match", "rank"]

ENTITY_WEIGHT = 1.5
"""An entity the question names weighs this many times its article-frequency weight."""
ECHO_WEIGHT = 0.5
"""The words that named the entity count again at this weight where a sentence repeats them."""
RESOLVED = 0.7
"""Credit for an entity a sentence refers to only by description or pronoun."""

_WH_SLOTS = {
    "time": ("time",),
    "place": ("place",),
    "reason": ("reason", "purpose"),
    "person": ("speaker", "agent", "partner", "source"),
}
_ASPECT_OF_WH = {"time": "time", "place": "place", "reason": "reason", "person": "identity"}


@dataclass(frozen=True)
class Match:
    """One scored sentence."""

    sentence: int
    score: float
    coverage: float
    not_known: bool


def _weight(concept: frozenset[str], index: Index) -> float:
    known = [index.idf[c] for c in concept if c in index.idf]
    return max(known) if known else index.default_idf


def _entity_idf(entity: str, index: Index) -> float:
    return max(index.idf.get(f"@{entity}", 0.0), index.idf.get(f"~@{entity}", 0.0)) or (
        index.default_idf
    )


def _candidates(question: Question, index: Index) -> set[int]:
    found: set[int] = set()
    for concept in [*question.concepts, *question.entity_words]:
        for c in concept:
            found.update(index.postings.get(c, ()))
    for entity in question.entities:
        found.update(index.postings.get(f"@{entity}", ()))
        found.update(index.postings.get(f"~@{entity}", ()))
    return found


def rank(question: Question, index: Index, limit: int = 5) -> list[Match]:
    """The best-scoring sentences for a question, best first."""
    entity_weights = [(e, ENTITY_WEIGHT * _entity_idf(e, index)) for e in question.entities]
    concept_weights = [(c, _weight(c, index)) for c in question.concepts]
    echo_weights = [(c, ECHO_WEIGHT * _weight(c, index)) for c in question.entity_words]
    total = sum(w for _, w in entity_weights) + sum(w for _, w in concept_weights)
    total += sum(w for _, w in echo_weights)
    if total <= 0:
        return []
    matches = []
    for i in _candidates(question, index):
        have = index.concepts[i]
        got = sum(
            w if f"@{e}" in have else RESOLVED * w if f"~@{e}" in have else 0.0
            for e, w in entity_weights
        )
        got += sum(w for c, w in concept_weights if c & have)
        got += sum(w for c, w in echo_weights if c & have)
        coverage = got / total
        bonus, not_known = _type_bonus(question, index, i)
        matches.append(Match(i, coverage + bonus, coverage, not_known))
    matches.sort(key=lambda m: (-m.score, m.sentence))
    return matches[:limit]


def _type_bonus(question: Question, index: Index, i: int) -> tuple[float, bool]:
    """How well the sentence can answer this kind of question (when, where, who, ...)."""
    facts = index.facts_by_sentence[i]
    aspect = _ASPECT_OF_WH.get(question.wh)
    not_known = any(
        f.kind == "not_known" and f.slots.get("aspect") and f.slots["aspect"].text == aspect
        for f in facts
    )
    bonus = 0.25 if not_known else 0.0
    slots = _WH_SLOTS.get(question.wh, ())
    if slots and any(slot in f.slots for f in facts for slot in slots):
        bonus += 0.12
    if question.wh == "person":
        asked = {f"@{e}" for e in question.entities}
        others = {c for c in index.concepts[i] if c.startswith("@") and c not in asked} & {
            f"@{e}" for e, kind in index.entity_kinds.items() if kind in ("person", "organisation")
        }
        bonus += 0.08 if others else -0.05
    if question.wh == "number":
        bonus += 0.1 if index.numbers[i] else -0.3
    if question.wh == "time" and not index.times[i] and not not_known:
        bonus -= 0.1
    if question.definition and question.entities:
        entity = index.entities.get(question.entities[0])
        titles = entity.titles if entity else []
        text = index.sentences[i].text
        if any(title in text for title in titles):
            bonus += 0.2
    bonus -= 0.01 * index.sentences[i].paragraph / max(1, len(index.sentences))
    return bonus, not_known
