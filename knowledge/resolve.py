"""Resolve what a reader resolves: pronoun speakers, "it said", descriptions of people already
named ("its spy chief" is the Mossad head named in the next paragraph), "the movement"; then link
every slot to the entity it names."""

from __future__ import annotations

import re

from knowledge.entities import EntityDraft, mention_pattern
from knowledge.schema import Sentence
from knowledge.statements import FactDraft

__all__ = ["link_slots", "resolve_descriptions", "resolve_holders", "resolve_speakers"]

_PRONOUN_SPEAKERS = {"he", "she", "it", "they", "(previous speaker)"}
_GENERIC_NOUNS = (
    r"movement|group|company|firm|club|party|team|organisation|organization|agency|developer|"
    r"maker|regulator|side|carmaker|retailer|bank|ministry|government|union|board"
)
_DETERMINERS = re.compile(r"^(?:its|his|her|their|the|a|an)\s+", re.IGNORECASE)
_ORG_PRONOUNS = {"It", "it", "they"}
_GENERIC = re.compile(rf"\b(?:the|its) (?:{_GENERIC_NOUNS})\b", re.IGNORECASE)
_HOLDER_PRONOUNS = {"", "he", "she", "they", "it"}
_ENTITY_SLOTS = ("speaker", "agent", "partner", "source", "subject", "holder", "on_behalf_of")


def _is_person_text(text: str, people: list[EntityDraft]) -> bool:
    return any(p.name in text or any(a in text for a in p.aliases) for p in people)


def resolve_speakers(
    facts: list[FactDraft], drafts: list[EntityDraft], sentences: list[Sentence]
) -> None:
    """Replace 'he said', 'it said' and quote-only sentences with the speaker meant."""
    people = [d for d in drafts if d.kind == "person"]
    recent = _recent_people(sentences, people)
    previous: list[tuple[str, bool]] = []
    for fact in facts:
        if fact.kind != "statement":
            continue
        speaker = fact.slots.get("speaker", "")
        low = speaker.lower()
        if low in {"he", "she"}:
            resolved = recent.get((fact.sentence.id, low)) or _pick(previous, low, people)
        elif low in _PRONOUN_SPEAKERS or "statement" in low:
            resolved = _pick(previous, low, people)
        else:
            resolved = None
        if resolved:
            fact.slots["speaker_as_written"] = speaker
            fact.slots["speaker"] = resolved
        if fact.slots.get("speaker") and fact.slots["speaker"] != "(previous speaker)":
            in_statement = "statement" in fact.sentence.text.lower()
            previous.append((fact.slots["speaker"], in_statement))


def resolve_holders(facts: list[FactDraft]) -> None:
    """'She said ... but did not say who ...': a not-known fact with no holder, or a pronoun
    for one, is held by the speaker of the statement its sentence makes."""
    speakers: dict[str, str] = {}
    for fact in facts:
        if fact.kind == "statement" and fact.slots.get("speaker"):
            speakers.setdefault(fact.sentence.id, fact.slots["speaker"])
    for fact in facts:
        holder = fact.slots.get("holder", "")
        if fact.kind == "not_known" and holder.lower() in _HOLDER_PRONOUNS:
            speaker = speakers.get(fact.sentence.id)
            if speaker and speaker != "(previous speaker)":
                fact.slots["holder"] = speaker


def _recent_people(
    sentences: list[Sentence], people: list[EntityDraft]
) -> dict[tuple[str, str], str]:
    """For each sentence, the person a 'he' or 'she' in it most likely means: the last person
    named before it (in this sentence or the two before), skipping one of the other gender."""
    mentions: list[tuple[EntityDraft, str]] = []
    result: dict[tuple[str, str], str] = {}
    window: list[list[tuple[EntityDraft, str]]] = []
    for sentence in sentences:
        found = sorted(
            (
                (sentence.text.find(name), person, name)
                for person in people
                for name in [person.name, *sorted(person.aliases)]
                if name in sentence.text
            ),
            key=lambda item: (item[0], item[2], item[1].name),
        )
        here = [(person, name) for _, person, name in found]
        window = [*window[-2:], here]
        mentions = [item for chunk in window for item in chunk]
        for pronoun, gender in (("he", "male"), ("she", "female")):
            for person, _ in reversed(mentions):
                if person.gender in (None, gender):
                    result[(sentence.id, pronoun)] = person.name
                    break
    return result


def _pick(previous: list[tuple[str, bool]], pronoun: str, people: list[EntityDraft]) -> str | None:
    written = [s for s, in_statement in previous if in_statement]
    if ("statement" in pronoun or pronoun == "it") and written:
        return written[-1] if "statement" in pronoun else _pick_plain(written, pronoun, people)
    return _pick_plain([s for s, _ in previous], pronoun, people)


def _pick_plain(previous: list[str], pronoun: str, people: list[EntityDraft]) -> str | None:
    for speaker in reversed(previous):
        is_person = _is_person_text(speaker, people) and "’s " not in speaker
        if pronoun in {"he", "she"} and not is_person:
            continue
        if (pronoun == "it" or "statement" in pronoun) and is_person:
            continue
        if pronoun == "she" and not _gender_ok(speaker, people, "female"):
            continue
        if pronoun == "he" and not _gender_ok(speaker, people, "male"):
            continue
        return speaker
    return previous[-1] if previous and pronoun == "(previous speaker)" else None


def _gender_ok(speaker: str, people: list[EntityDraft], gender: str) -> bool:
    for person in people:
        if person.name in speaker or any(a in speaker for a in person.aliases):
            return person.gender in (None, gender)
    return True


def _bare(description: str) -> str:
    return _DETERMINERS.sub("", description.strip())


def resolve_descriptions(facts: list[FactDraft], drafts: list[EntityDraft]) -> None:
    """A meeting told first by description ('its spy chief had met with his US counterpart')
    and then by name gives the names' entities those descriptions as aliases."""
    people = [d for d in drafts if d.kind == "person"]
    meetings = [f for f in facts if f.kind == "meeting"]
    for fact in meetings:
        agent, partner = fact.slots.get("agent", ""), fact.slots.get("partner", "")
        if not agent or not partner or _is_person_text(agent + partner, people):
            continue
        named = [m for m in meetings if m is not fact and _named_pair(m, people)]
        named.sort(key=lambda m: abs(m.sentence.paragraph - fact.sentence.paragraph))
        if not named or abs(named[0].sentence.paragraph - fact.sentence.paragraph) > 2:
            continue
        for role in ("agent", "partner"):
            person = _person_in(named[0].slots[role], people)
            if person is not None:
                description = fact.slots[role]
                person.aliases.add(_bare(description))
                fact.slots[f"{role}_as_written"] = description
                fact.slots[role] = f"{person.name} ({description})"


def _named_pair(fact: FactDraft, people: list[EntityDraft]) -> bool:
    agent, partner = fact.slots.get("agent", ""), fact.slots.get("partner", "")
    return _person_in(agent, people) is not None and _person_in(partner, people) is not None


def _person_in(text: str, people: list[EntityDraft]) -> EntityDraft | None:
    found = [p for p in people if p.name in text or any(a in text for a in p.aliases)]
    return max(found, key=lambda p: len(p.name)) if found else None


def link_slots(
    facts: list[FactDraft],
    drafts: list[EntityDraft],
    ids: list[str],
    sentences: list[Sentence] | None = None,
) -> None:
    """Point each entity-bearing slot at the entity it names (longest name wins); 'the company'
    or 'its developer' point at the organisation named nearest before (or just after)."""
    owner: dict[str, int] = {}
    for i, draft in enumerate(drafts):
        for name in [draft.name, *sorted(draft.aliases)]:
            owner.setdefault(name, i)
    pattern = mention_pattern(list(owner))
    orgs = [i for i, d in enumerate(drafts) if d.kind == "organisation"]
    kinds: dict[str, str] = {name: drafts[i].kind for name, i in owner.items()}
    for fact in facts:
        for slot in _ENTITY_SLOTS:
            text = fact.slots.get(slot)
            if not text or pattern is None:
                continue
            match = _best(pattern, text, slot, kinds)
            if match is not None:
                fact.entities[slot] = ids[owner[match]]
            elif orgs and (text in _ORG_PRONOUNS or _GENERIC.search(text)):
                nearest = _nearest_org(fact, drafts, orgs, sentences or [fact.sentence])
                if nearest is not None:
                    fact.entities[slot] = ids[nearest]


def _best(pattern: re.Pattern[str], text: str, slot: str, kinds: dict[str, str]) -> str | None:
    """The entity name a slot is about: a person first for who-slots, never a date."""
    matches = [m.group() for m in pattern.finditer(text) if kinds[m.group()] != "date"]
    if not matches:
        return None
    people = [m for m in matches if kinds[m] == "person"]
    if slot in {"speaker", "agent", "partner"} and people:
        return people[-1]
    if slot in {"subject", "holder"}:
        return matches[0]  # the head of 'The Al-Aqsa mosque compound in ... Jerusalem'
    return max(matches, key=len)


def _nearest_org(
    fact: FactDraft, drafts: list[EntityDraft], orgs: list[int], sentences: list[Sentence]
) -> int | None:
    """The organisation named last in this sentence or the three before; else in the next."""
    order = [s.id for s in sentences]
    here = order.index(fact.sentence.id) if fact.sentence.id in order else 0
    window = [*reversed(sentences[max(0, here - 3) : here + 1]), *sentences[here + 1 : here + 2]]
    for sentence in window:
        best: tuple[int, int] | None = None
        for i in orgs:
            for name in [drafts[i].name, *sorted(drafts[i].aliases)]:
                position = sentence.text.rfind(name)
                if position >= 0 and (best is None or position > best[0]):
                    best = (position, i)
        if best is not None:
            return best[1]
    return None
