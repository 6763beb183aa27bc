"""Rendering: a concise answer from the slots of the fact that answers the question."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.clauses import time_pattern
from knowledge.index import Index, holds, predicate_kinds, unknown_asks
from knowledge.lexicon import stem
from knowledge.question import Question
from knowledge.schema import Fact, Slot
from knowledge.statements import DATELINE

__all__ = ["clip_answer", "concise_answer", "example_for", "example_questions"]

_MAX_ANSWER = 220


def _slot(fact: Fact, name: str) -> str | None:
    slot = fact.slots.get(name)
    return slot.text if slot else None


def _clip(text: str) -> str:
    text = text.strip(" ,;:")
    if len(text) <= _MAX_ANSWER:
        return text
    return text[:_MAX_ANSWER].rsplit(" ", 1)[0] + "…"


def clip_answer(text: str) -> str:
    """A sentence or phrase as a short answer: capitalised, cut to the answer length."""
    return _clip(_cap(text))


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _pick_fact(question: Question, index: Index, facts: list[Fact]) -> Fact | None:
    wanted = {
        "time": ("time",),
        "place": ("place",),
        "reason": ("purpose", "reason"),
        "number": (),
        "age": ("value",),
    }.get(question.wh, ())
    kinds = predicate_kinds(question)
    # 'Who reported that ...?' asks the subject of the report the sentence tells of, not the
    # unnamed official it cites (who 'Who did the paper cite?' asks about)
    told = question.wh == "person" and not question.subjects and any(f.kind in kinds for f in facts)
    for fact in facts:
        if fact.kind == "not_known" and question.wh in unknown_asks(fact) and not told:
            return fact
    mentioned = set(question.entities)

    def fit(position: int) -> tuple[int, int, int, int, int]:
        fact = facts[position]
        words = set().union(*(index.slot_concepts.get((fact.id, n), ()) for n in fact.slots))
        overlap = sum(1 for concept in question.concepts if concept & words)
        about = mentioned & {s.entity for s in fact.slots.values() if s.entity}
        wanted_slot = any(name in fact.slots for name in wanted)
        if question.wh == "time":
            time = _slot(fact, "time")
            stated = fact.kind == "attribute" and bool(about) and _time_in_value(fact)
            wanted_slot = bool(time and not _about_asked(question, time)) or bool(stated)
        return (fact.kind in kinds, wanted_slot, overlap, bool(about), -position)

    if not facts:
        return None
    return facts[max(range(len(facts)), key=fit)]


def concise_answer(question: Question, index: Index, sentence: int) -> tuple[str, bool]:
    """The short answer and whether it says the article does not know."""
    facts = index.facts_by_sentence[sentence]
    fact = _pick_fact(question, index, facts)
    text = index.sentences[sentence].text
    if fact is not None and fact.kind == "not_known" and question.wh in unknown_asks(fact):
        subject = _slot(fact, "subject") or "that"
        if re.match(r"(?:on|about|to|regarding|over)\b", subject):
            # 'declined to comment on the report': the refusal itself is the answer
            return clip_answer(_clause(text)), True
        return _clip(f"The article doesn't say {subject}"), True
    role = defining_role(question, index)
    if role is not None and question.primary:
        entity = index.entities.get(question.primary)
        if entity is not None:
            # the role the cited sentence gives, when it gives one of them
            role = next((t for t in [role, *entity.titles] if t in text), role)
            owned = re.match(r"\S+['’]s ", role)  # "Tevaria's special envoy"
            article = "" if owned or role.lower().startswith(("the ", "a ", "an ")) else "the "
            return _clip(f"{entity.name} is {article}{role}"), False
    listed = _listed(question, text) if question.wh == "number" else None
    if listed is not None and not index.numbers[sentence]:
        return clip_answer(listed), False
    if fact is not None and (
        question.wh != "yesno" or _holds_every_word(question, index, sentence)
    ):
        rendered = _render(question, index, fact)
        if rendered and (rendered != "Yes" or _plainly_yes(question, text, facts)):
            return clip_answer(rendered), False
    return clip_answer(_part_asked(question, text)), False


_DENIES = re.compile(
    r"\b(?:not|no|never|without|neither|nor|none|nobody|nothing|declined|refused|denied|failed"
    r"|unable|instead|rather than)\b|n['’]t\b",
    re.IGNORECASE,
)
"""Words by which a sentence that holds every word of a yes/no question may still say no."""
_LIMITS = ("only", "first", "all", "every", "still", "ever", "already", "again", "yet")
"""'Is Hamas still in Cairo?': a 'Yes' needs the sentence to say 'still' too."""
_ORDINALS = frozenset(
    {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "last", "latest"}
)


def _plainly_yes(question: Question, text: str, facts: list[Fact]) -> bool:
    """A plain 'Yes' only from a sentence that says so without a 'not', 'no', 'without',
    'declined' ('Passenger ferries ... were not affected', 'the meeting ended without
    agreement'), that says no one is unknown, and that keeps the question's 'only', 'still',
    'first' ('Hamas left' does not say Hamas is still there)."""
    if _DENIES.search(text) or any(f.kind == "not_known" for f in facts):
        return False
    words = set(re.findall(r"[a-z]+", text.lower()))
    asked = set(question.words)
    if asked & _ORDINALS and words & _ORDINALS - asked:
        return False  # 'Was this its first failure?' - '... was its second'
    return all(limit in words for limit in _LIMITS if limit in asked)


def defining_role(question: Question, index: Index) -> str | None:
    """The role that answers 'Who is X?' ('correspondent for the Harbourline News Agency'),
    when the question asks what X is and X has one."""
    described_only = question.wh == "person" and question.described and not question.concepts
    if not (question.definition or described_only) or not question.primary:
        return None
    entity = index.entities.get(question.primary)
    if entity is None or not entity.titles:
        return None
    return entity.description or entity.titles[0]


_COUNT_WORDS = {2: "Two", 3: "Three", 4: "Four", 5: "Five", 6: "Six"}


def _listed(question: Question, text: str) -> str | None:
    """'How many officials did the paper cite?' - 'citing an unnamed Hamas official and an
    Egyptian official': 'Two: an unnamed Hamas official and an Egyptian official'."""
    counted = {c for c in question.counted if c[0] not in "#%&"}
    spans = [m for m in re.finditer(r"[\w'’-]+", text) if stem(m.group().lower()) in counted]
    if not 2 <= len(spans) <= max(_COUNT_WORDS):
        return None
    opening = re.search(
        r"\b(?:an?|the|one|another)\s+(?:[\w'’-]+\s+){0,3}$", text[: spans[0].start()]
    )
    start = opening.start() if opening else spans[0].start()
    return f"{_COUNT_WORDS[len(spans)]}: {text[start : spans[-1].end()]}"


def _holds_every_word(question: Question, index: Index, sentence: int) -> bool:
    """A plain 'Yes' or 'No' only from a sentence that says what was asked, every word of it
    or a synonym ('Did the ministry confirm the offer?' is not answered 'Yes' by the report of
    the offer: the sentence itself is the answer then)."""
    return all(holds(concept, index.concepts[sentence]) for concept in question.concepts)


def _render(question: Question, index: Index, fact: Fact) -> str | None:
    wh = question.wh
    if wh == "age" and fact.kind == "attribute" and " old" in f" {_slot(fact, 'value') or ''}":
        return f"{_slot(fact, 'subject')}: {_slot(fact, 'value')}"
    time = _slot(fact, "time")
    if wh == "time" and time and not _about_asked(question, time):
        return time
    if wh == "time" and fact.kind == "attribute":
        return _time_in_value(fact)
    if wh == "place" and _slot(fact, "place"):
        return _slot(fact, "place")
    if wh == "reason":
        parts = [_slot(fact, "reason"), _slot(fact, "purpose"), _slot(fact, "condition")]
        return "; ".join(p for p in parts if p) or None
    if fact.kind == "meeting" and wh == "person":
        return _meeting_who(question, index, fact)
    if fact.kind == "action" and wh == "person":
        told = set().union(*(index.slot_concepts.get((fact.id, n), ()) for n in fact.slots))
        if question.concepts and not any(concept & told for concept in question.concepts):
            return None  # 'Who was arrested?' and a fact of touring: the clause says more
        agent, obj = fact.slots.get("agent"), fact.slots.get("object")
        done_to = bool(
            re.match(
                r"(?:who|whom) (?:was|were|has been|have been|had been) ", question.text.lower()
            )
        )
        if agent and agent.entity not in question.entities and not done_to:
            return _who(index, agent)
        return _who(index, obj) if obj else None
    if fact.kind == "statement":
        speaker = _slot(fact, "speaker") or "someone"
        content = _slot(fact, "content")
        speaker_entity = fact.slots["speaker"].entity if "speaker" in fact.slots else None
        if wh == "person" and speaker_entity not in question.entities:
            return speaker
        return f"{speaker} {_slot(fact, 'cue') or 'said'}: {content}" if content else None
    if fact.kind == "report":
        source = fact.slots.get("source")
        if wh == "person" and source is not None and source.entity not in question.entities:
            return source.text  # 'Who reported that Qatar might expel Hamas leaders?'
        return f"{_slot(fact, 'source')} reported that {_slot(fact, 'content')}"
    if wh == "yesno":
        negated = _slot(fact, "negated") == "yes"
        return "No" if negated != question.negated else "Yes"
    return None


def _time_in_value(fact: Fact) -> str | None:
    """'When does Ramadan start?' - 'Ramadan, the Muslim fasting month which could begin as
    early as Sunday': the time a described thing's value gives."""
    return _time_in(_slot(fact, "value") or "")


@lru_cache(maxsize=2048)
def _time_in(value: str) -> str | None:
    found = time_pattern().search(value)
    if found is None:
        return None
    lead = re.search(
        r"\b(?:as (?:early|late|soon) as|around|about|by|on|in) $", value[: found.start()]
    )
    return (lead.group() if lead else "") + found.group()


def _about_asked(question: Question, text: str) -> bool:
    """A time slot naming the asked thing itself ('before Ramadan' for 'When does Ramadan
    start?') is not its time."""
    low = text.lower()
    return any(
        w in low.split() for concept in question.entity_words for w in concept if w.isalpha()
    )


def _meeting_who(question: Question, index: Index, fact: Fact) -> str:
    agent, partner = fact.slots.get("agent"), fact.slots.get("partner")
    asked = set(question.entities)
    if agent and agent.entity in asked and partner:
        answer = _who(index, partner)
    elif partner and partner.entity in asked and agent:
        answer = _who(index, agent)
    else:
        answer = " and ".join(_who(index, s) for s in (agent, partner) if s)
    when = _slot(fact, "time")
    return f"{answer}, {when}" if when else answer


def _who(index: Index, slot: Slot) -> str:
    """A participant as a reader wants it: 'Bill Burns, the head of the CIA'."""
    entity = index.entities.get(slot.entity or "")
    if entity is None or entity.kind != "person":
        return slot.text
    role = entity.titles[0] if entity.titles else None
    if role and role[:1].islower():
        return (
            f"{entity.name}, the {role}"
            if not role.startswith(("the ", "a "))
            else f"{entity.name}, {role}"
        )
    return f"{role} {entity.name}" if role else entity.name


def _clause(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


_PARTS = re.compile(r", (?:while|whereas|but|although|though) |; |, and (?=[a-z]+ [a-z]+ed\b)")
"""Where a long sentence joins clauses of its own ('..., while police arrested the manager')."""


def _part_asked(question: Question, text: str) -> str:
    """The sentence as a short answer, or, when it joins clauses, the one holding most of
    the question's words ('Who was arrested?': '... while police arrested the plant's
    manager on suspicion of negligence', not the minister's tour that opens it)."""
    text = _clause(DATELINE.sub("", text))
    parts = _PARTS.split(text)
    if len(parts) < 2:
        return text
    asked = [*question.concepts, *question.entity_words]
    wanted = {c for concept in asked for c in concept if c[0] not in "#%&"}

    def hits(part: str) -> int:
        return len(wanted & {stem(w) for w in re.findall(r"[a-z]+", part.lower())})

    best = max(parts, key=hits)
    return best if hits(best) > hits(parts[0]) else text


def example_questions(index: Index, count: int) -> list[str]:
    """Questions the article answers, generated from its facts (for help texts and buttons)."""
    found: list[str] = []
    for fact in index.fact_base.facts:
        question = example_for(index, fact)
        if question and question not in found:
            found.append(question)
    order = {"Who": 0, "What": 1, "Where": 2, "Why": 3, "When": 4}
    found.sort(key=lambda q: order.get(q.split()[0], 5))
    return _spread(found, count)


def _spread(found: list[str], count: int) -> list[str]:
    by_word: dict[str, list[str]] = {}
    for q in found:
        by_word.setdefault(q.split()[0], []).append(q)
    result: list[str] = []
    while len(result) < count and any(by_word.values()):
        for questions in by_word.values():
            if questions and len(result) < count:
                result.append(questions.pop(0))
    return result


def example_for(index: Index, fact: Fact) -> str | None:
    """An example question this fact answers, or None."""

    def name(slot: str) -> str | None:
        value = fact.slots.get(slot)
        if value is None or value.entity is None:
            return None
        entity = index.entities[value.entity]
        return entity.name if entity.kind in ("person", "organisation") else None

    if fact.kind == "meeting" and name("agent"):
        return f"Who did {name('agent')} meet?"
    if fact.kind == "statement" and name("speaker"):
        return f"What did {name('speaker')} say?"
    if fact.kind == "report" and name("source"):
        return f"What did {name('source')} report?"
    if fact.kind == "not_known" and _slot(fact, "aspect") == "place":
        return "Where did the meeting take place?"
    if (
        fact.kind == "action"
        and name("agent")
        and (_slot(fact, "reason") or _slot(fact, "purpose"))
    ):
        return f"Why did {name('agent')} {_slot(fact, 'verb') or 'act'}?"
    return None
