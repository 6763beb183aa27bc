"""Matching expected facts (the format of tests/data/README.md) against a built fact base.

An expected fact matches a built one of the same kind whose sentence contains the expected
sentence snippet and whose every listed slot contains the expected value, case-insensitively, in
the slot's text or in the canonical name of the entity that fills it.
"""

from __future__ import annotations

from knowledge import FactBase
from knowledge.schema import Entity, Fact

__all__ = ["describe_candidates", "entity_named", "find_fact", "refers_to", "slot_matches"]


def slot_matches(fact_base: FactBase, fact: Fact, name: str, expected: str) -> bool:
    """True when the fact fills slot `name` with text or an entity containing `expected`."""
    slot = fact.slots.get(name)
    if slot is None:
        return False
    texts = [slot.text]
    if slot.entity is not None:
        texts.append(fact_base.entity_index()[slot.entity].name)
    return any(expected.lower() in text.lower() for text in texts)


def find_fact(fact_base: FactBase, kind: str, sentence: str, slots: dict[str, str]) -> Fact | None:
    """The first fact of this kind, resting on a sentence containing `sentence`, filling `slots`."""
    sentences = fact_base.sentence_index()
    for fact in fact_base.facts:
        if fact.kind != kind:
            continue
        if not any(sentence in sentences[s].text for s in fact.sentences):
            continue
        if all(slot_matches(fact_base, fact, name, value) for name, value in slots.items()):
            return fact
    return None


def describe_candidates(fact_base: FactBase, kind: str, sentence: str) -> str:
    """The facts of this kind on the sentence, slot by slot, for a failure message."""
    sentences = fact_base.sentence_index()
    lines = [
        f"{fact.id}: " + "; ".join(f"{k}={v.text!r}" for k, v in fact.slots.items())
        for fact in fact_base.facts
        if fact.kind == kind and any(sentence in sentences[s].text for s in fact.sentences)
    ]
    return "\n".join(lines) or f"no {kind} fact on a sentence containing {sentence!r}"


def entity_named(fact_base: FactBase, name: str) -> Entity | None:
    """The entity whose canonical name is `name`, if any."""
    return next((entity for entity in fact_base.entities if entity.name == name), None)


def refers_to(entity: Entity, reference: str) -> bool:
    """True when the entity lists `reference` among its aliases, titles or description."""
    known = [*entity.aliases, *entity.titles, entity.description or ""]
    return any(reference.lower() in text.lower() for text in known)
