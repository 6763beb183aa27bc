"""Scoring sentences (and the facts they carry) against an analysed question."""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

from knowledge.index import Index, holds, phrase_concepts, predicate_kinds, unknown_asks
from knowledge.lexicon import lexicon, stem, tokens
from knowledge.naming import asked_agent_verb, leaves_agent_unnamed, leaves_unnamed
from knowledge.question import Question
from knowledge.schema import Fact

__all__ = ["Match", "rank"]

ENTITY_WEIGHT = 1.0
"""An entity the question names weighs this many times its article-frequency weight."""
ECHO_WEIGHT = 0.25
"""The words that named the entity count again at this weight where a sentence repeats them."""
RESOLVED = 0.7
"""Credit for an entity a sentence refers to only by description or pronoun."""

UNKNOWN_WEIGHT = 2.5
"""A word the article never uses weighs this many times the rarest article word: the question
is then mostly about something the article does not cover."""
FAMILY = 0.5
"""Credit for a word of the same derivational family ('strikers' for 'strike'), not the word."""
KIN = 0.5
"""Credit for a word that can mean the question's word (knowledge/relatives.py)."""
NEAR = 0.4
"""Credit for a word a sentence-embedding model places near the question's word
(knowledge/neighbours.py): less sure than a WordNet relative ('repair' for 'fix', but also
'spend' for 'money'). Over the 26 sets 0.3 won 1 answer, 0.4 won 6, 0.5 won 5 and answered
two more unanswerable questions."""
PLACEHOLDER_WEIGHT = 0.3
"""'take place' in a where/when question restates the question more than it names a topic."""
FOCUS_BONUS = 0.1
"""A follow-up ('Who reported that?') leans towards the sentence of the last answer."""
NEXT_BONUS = 0.05
"""The sentence after the last answer's: a follow-up often asks what the story says next."""
LITERAL_BONUS = 0.02
"""Per question word a sentence holds as written (not through a synonym): breaks ties."""
SHORTLIST = 40
"""Sentences scored in full: the best this many by word coverage."""
LIGHT_WEIGHT = 0.5
"""An unknown light word ('think', 'seen', 'letting') weighs this much of the rarest word."""
AGENT_BONUS = 0.05
"""The question's first topic word names who acts or speaks in the sentence."""
SLOT_BONUS = 0.12
"""A sentence whose facts fill the slot the question asks for (time for 'when', ...)."""
MISSING_SLOT_FIT = 0.85
"""Coverage multiplier for a sentence that cannot fill the asked slot (no time for 'when')."""
PREDICATE_MISMATCH_FIT = 0.65
NEVER_SPOKE_FIT = 0.4
"""'What did X say' where X says nothing anywhere in the article."""
"""Coverage multiplier when the asked person did not say / meet / report anything here."""
NOT_KNOWN_BONUS = 0.25
"""A sentence saying that exactly what is asked is not known."""

UNNAMED_FIT = 0.3
"""'Which outside firm was hired?' and a sentence that leaves it unnamed ('an outside firm')."""
MISCOUNT_FIT = 0.6
"""'How many cranes': a sentence whose numbers count other things than the cranes it names."""

COUNT_BONUS = 0.1
"""'How many people': a sentence whose number counts people ('3,400 people')."""
PREDICATE_BONUS = 0.05
"""A fact of the asked kind (statement, meeting, report) with the asked entity in its role."""

_WH_SLOTS = {
    "time": ("time",),
    "place": ("place",),
    "reason": ("reason", "purpose", "condition"),
    "person": ("speaker", "agent", "partner", "source"),
}


_IDENTIFY = ("what", "person")
"""Questions whose 'which N' / 'who is the N' asks for a name (not a time, place, number)."""


@dataclass(frozen=True)
class Match:
    """One scored sentence."""

    sentence: int
    score: float
    coverage: float
    not_known: bool


def _weight(concept: frozenset[str], index: Index) -> float:
    known = [index.idf[c] for c in concept if c in index.idf]
    if known:
        return max(known)
    if concept & _light_stems():
        return LIGHT_WEIGHT * index.default_idf
    return UNKNOWN_WEIGHT * index.default_idf


@cache
def _light_stems() -> frozenset[str]:
    return frozenset(stem(word) for word in lexicon().light_words)


def _entity_idf(entity: str, index: Index) -> float:
    return max(index.idf.get(f"@{entity}", 0.0), index.idf.get(f"~@{entity}", 0.0)) or (
        index.default_idf
    )


def rank(
    question: Question, index: Index, limit: int = 5, focus: int | None = None, loose: bool = False
) -> list[Match]:
    """The best-scoring sentences for a question, best first; `focus` is the sentence the
    conversation is about, preferred when a follow-up leaves the choice open (with `loose`,
    only when no sentence holding as much holds more of the question's own words)."""
    weighted = [
        (frozenset({f"@{e}"}), ENTITY_WEIGHT * _entity_idf(e, index)) for e in question.entities
    ]
    vague = question.wh in ("place", "time")
    weighted += [
        (c, _weight(c, index) * (PLACEHOLDER_WEIGHT if vague and c & _placeholders() else 1.0))
        for c in question.concepts
    ]
    weighted += [(c, ECHO_WEIGHT * _weight(c, index)) for c in question.entity_words]
    total = sum(w for _, w in weighted)
    if total <= 0:
        return []
    literal_hits: dict[int, int] = defaultdict(int)
    got = _accumulate(weighted, index, literal_hits)
    shortlist = heapq.nlargest(SHORTLIST, got.items(), key=lambda item: (item[1], -item[0]))
    if focus is not None and focus in got and all(i != focus for i, _ in shortlist):
        shortlist.append((focus, got[focus]))
    if loose and focus is not None and focus in got:
        rivals = [i for i, weight in shortlist if i != focus and weight >= got[focus]]
        focus = None if _outworded(question, index, focus, rivals) else focus
    matches = []
    for i, weight in shortlist:
        weight += _context(weighted, index, i)
        coverage = weight / total
        fit, bonus, not_known = _fit(question, index, i)
        bonus += FOCUS_BONUS if i == focus else 0.0
        bonus += NEXT_BONUS if focus is not None and i == focus + 1 else 0.0
        matches.append(Match(i, coverage * fit + bonus, coverage * fit, not_known))
    # Ties (within a literal word or two) go to the sentence using the question's own words.
    matches.sort(
        key=lambda m: (-(m.score + _tie_break(question, index, m, literal_hits)), m.sentence)
    )
    return matches[:limit]


CONTEXT = 0.3
"""Credit for a question word a sentence that goes on from the one before it lacks and that
one holds ('Last summer, fires in the province ...' / 'Those fires led to a law ...')."""


def _context(weighted: list[tuple[frozenset[str], float]], index: Index, i: int) -> float:
    if not index.leaning[i]:
        return 0.0
    have, before = index.concepts[i], index.concepts[i - 1]
    return CONTEXT * sum(
        w for concept, w in weighted if not holds(concept, have) and holds(concept, before)
    )


def _outworded(question: Question, index: Index, focus: int, rivals: list[int]) -> bool:
    """Another sentence holds as much of the question and more of its own words as written
    ('What did she announce?': 'Markovic announced an inquiry', not the sentence where she
    said something last): the words say what the follow-up is about, so no lean to the focus."""
    own = _own_words(question, index, focus)
    return any(_own_words(question, index, i) > own for i in rivals)


def _own_words(question: Question, index: Index, i: int) -> int:
    have = index.concepts[i]
    return sum(
        any(c in have for c in concept if c[0] not in "#%&*") for concept in question.concepts
    )


def _tie_break(
    question: Question, index: Index, match: Match, literal_hits: dict[int, int]
) -> float:
    """Ranking credit that does not raise confidence: the question's own words, and a number
    that counts what 'how many' asks about."""
    counts = bool(question.counted & index.counted[match.sentence])
    return LITERAL_BONUS * literal_hits[match.sentence] + (COUNT_BONUS if counts else 0.0)


def _accumulate(
    weighted: list[tuple[frozenset[str], float]], index: Index, literal_hits: dict[int, int]
) -> dict[int, float]:
    """Sum, per sentence, the weights of the question concepts it holds (via the postings);
    count in literal_hits the concepts it holds as the question's own word, not a synonym."""
    got: dict[int, float] = defaultdict(float)
    for concept, weight in weighted:
        literal: set[int] = set()
        synonym: set[int] = set()
        partial: set[int] = set()
        family: set[int] = set()
        kin: set[int] = set()
        near: set[int] = set()
        for c in concept:
            if c.startswith("%"):
                family.update(index.postings.get(c[1:], ()))
                continue
            if c.startswith("&"):
                kin.update(index.postings.get(c[1:], ()))
                continue
            if c.startswith("*"):
                near.update(index.postings.get(c[1:], ()))
                continue
            (synonym if c.startswith("#") else literal).update(index.postings.get(c, ()))
            if c.startswith("@"):
                # '~@': named by description; '^@': by an opening 'He'/'She' (see index.py).
                partial.update(index.postings.get(f"~{c}", ()))
                partial.update(index.postings.get(f"^{c}", ()))
        for i in literal:
            got[i] += weight
            literal_hits[i] += 1
        for i in synonym - literal:
            got[i] += weight
        for i in partial - literal - synonym:
            got[i] += RESOLVED * weight
        for i in family - literal - synonym - partial:
            got[i] += FAMILY * weight
        for i in kin - literal - synonym - partial - family:
            got[i] += KIN * weight
        for i in near - kin - literal - synonym - partial - family:
            got[i] += NEAR * weight
    return got


def _fit(question: Question, index: Index, i: int) -> tuple[float, float, bool]:
    """How well sentence i can answer this kind of question.

    Returns a multiplier for its word coverage (a 'how many' question and a sentence without a
    number cannot fit), a small ranking bonus, and whether it says the asked thing is unknown.
    """
    facts = index.facts_by_sentence[i]
    not_known = _says_unknown(question, index, i)
    fit, bonus = 1.0, NOT_KNOWN_BONUS if not_known else 0.0
    slots = _WH_SLOTS.get(question.wh, ())
    kinds = predicate_kinds(question)
    relevant = [f for f in facts if f.kind in kinds] if kinds else facts
    if slots and not not_known:
        plain = not (kinds and relevant) and _plain_answer(question, index, i)
        unrelated = question.wh == "reason" and not _reason_of_asked(question, index, facts)
        if not unrelated and (_has_slot(question, relevant, slots) or plain):
            bonus += SLOT_BONUS
        else:
            fit *= MISSING_SLOT_FIT
    if (
        question.wh == "number"
        and not index.numbers[i]
        and not not_known
        and not _enumerates(question, index.sentences[i].text)
    ):
        fit *= 0.3
    elif question.wh == "number" and _miscounts(question, index, i) and not not_known:
        fit *= MISCOUNT_FIT
    if question.measure and not index.measures[i] and not not_known:
        fit *= 0.3
    unnamed = (
        question.wh in _IDENTIFY
        and question.asked
        and leaves_unnamed(question.asked, index.sentences[i].text)
    )
    unnamed = unnamed or _nothing_new(question, index, i)
    verb = asked_agent_verb(question.text) if question.wh == "person" else None
    unnamed = unnamed or bool(verb and leaves_agent_unnamed(verb, index.sentences[i].text))
    if unnamed and not not_known:
        fit *= UNNAMED_FIT
    if (
        question.wh in ("time", "yesno")
        and _future(question)
        and not not_known
        and not _FUTURE.search(index.sentences[i].text)
        # 'Will her country pay the ransom?' - 'Norvane did not pay ransoms as a matter of
        # policy': what someone rules out answers whether it will happen
        and not (question.wh == "yesno" and _RULES_OUT.search(index.sentences[i].text))
    ):
        fit *= PAST_FIT
    # 'How long is the front line?' asks for a length ('the 400-km frontier'), not a time
    length = question.wh == "duration" and index.measures[i] and _LENGTH_ASKED.search(question.text)
    if question.wh == "duration" and not index.durations[i] and not not_known and not length:
        fit *= 0.3
    elif question.wh == "duration" and _place_length(question, index) and not length:
        fit *= 0.3  # 'How long is the Dravik Bridge?': the bridge has no duration
    if question.wh == "age" and not _states_age(question, index, facts):
        fit *= 0.3
    predicate = _predicate_fit(question, index, facts)
    fit *= predicate
    bonus += PREDICATE_BONUS if predicate == 1.0 and kinds else 0.0
    bonus += _agent_bonus(question, index, facts)
    if question.definition and question.primary:
        entity = index.entities.get(question.primary)
        titles = entity.titles if entity else []
        if any(title in index.sentences[i].text for title in titles):
            bonus += 0.2
    bonus -= 0.01 * index.sentences[i].paragraph / max(1, len(index.sentences))
    return fit, bonus, not_known


def _nothing_new(question: Question, index: Index, i: int) -> bool:
    """'Which bank did Westmarch merge with?' and 'steering it through a costly merger': the
    sentence neither mentions the asked noun nor names anything the question does not."""
    if question.wh not in _IDENTIFY or not question.asked:
        return False
    asked = {stem(w) for w in question.asked}
    if asked & index.concepts[i]:
        return False
    return not index.sentence_entities[i] - set(question.entities)


_LENGTH_ASKED = re.compile(r"\bhow long (?:is|was|are|were|will be|would be)\b", re.IGNORECASE)


def _place_length(question: Question, index: Index) -> bool:
    """'How long is the Dravik Bridge?': how long a place is asks its length, not a time."""
    return (
        bool(_LENGTH_ASKED.search(question.text))
        and not question.concepts
        and bool(question.entities)
        and all(index.entity_kinds.get(e) == "place" for e in question.entities)
    )


PAST_FIT = 0.5
"""'When will the crossing reopen?' / 'Will there be a ceasefire before Ramadan?' and a
sentence that tells only of what has happened or is being tried."""
_FUTURE = re.compile(
    r"\b(?:will|would|shall|is due|are due|was due|were due|plans?|planned|expected|scheduled"
    r"|set to|next|upcoming|later this|hopes?|intends?|aims?|until|by the end of)\b",
    re.IGNORECASE,
)


_RULES_OUT = re.compile(r"\b(?:not|never|no longer|refused|ruled out|rejected)\b", re.IGNORECASE)


def _future(question: Question) -> bool:
    """'When will ...?', 'When is X due to ...?': a question about what is still to come."""
    return _future_text(question.text)


@lru_cache(maxsize=1024)
def _future_text(text: str) -> bool:
    return bool(re.search(r"\b(?:will|shall|going to|due to|next)\b", text.lower()))


def _enumerates(question: Question, text: str) -> bool:
    """'How many officials did the paper cite?' - '..., citing an unnamed Hamas official and
    an Egyptian official': no number, but the sentence names the counted things one by one."""
    counted = {c for c in question.counted if c[0] not in "#%&"}
    return bool(counted) and sum(s in counted for s in _stems(text)) >= 2


@lru_cache(maxsize=4096)
def _stems(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in tokens(text))


def _miscounts(question: Question, index: Index, i: int) -> bool:
    """'How many cranes': the sentence names cranes, but none of its numbers counts them
    ('left many crane operators working twelve-hour stretches'); a number standing alone
    ('the toll rose to 40') may be the count, told apart from its noun."""
    counted, numbers_count = question.counted, index.counted[i]
    if index.loose[i] or not numbers_count or not counted & index.concepts[i]:
        return False
    return not counted & numbers_count


def _states_age(question: Question, index: Index, facts: list[Fact]) -> bool:
    """An age attribute ('Falk, 58,', 'the five-month-old war') about what is asked."""
    asked = set(question.entities)
    for fact in facts:
        value = fact.slots.get("value")
        if fact.kind != "attribute" or value is None or " old" not in f" {value.text}":
            continue
        subject = fact.slots.get("subject")
        if not asked or (subject is not None and subject.entity in asked):
            return True
    return False


@cache
def _placeholders() -> frozenset[str]:
    """Concepts of 'take place': they restate a 'where'/'when' question, not its topic."""
    return frozenset().union(*phrase_concepts("take place"))


def _says_unknown(question: Question, index: Index, i: int) -> bool:
    """Sentence i says that exactly what is asked is unknown: a not-known fact of the asked
    type, in a sentence that holds every topic word and entity of the question."""
    unknowns = [
        f
        for f in index.facts_by_sentence[i]
        if f.kind == "not_known" and question.wh in unknown_asks(f)
    ]
    if not unknowns:
        return False
    # 'Police did not say whether anyone was arrested' leans on the sentences before it.
    paragraph = index.sentences[i].paragraph
    earlier = [j for j in (i - 1, i - 2) if j >= 0 and index.sentences[j].paragraph == paragraph]
    have = index.concepts[i].union(*(index.concepts[j] for j in earlier))
    topic = [c for c in question.concepts if not c & _placeholders()]
    # a place the question names ('the Dravik Bridge crossing') may go unnamed in the sentence
    # that says what is not known about it ('It was not clear when the crossing would reopen')
    entities = all(
        f"@{e}" in have or f"~@{e}" in have or index.entity_kinds.get(e) == "place"
        for e in question.entities
    )
    if question.wh == "person":
        # 'Who is the leader of X?' is not answered by 'an unnamed X official': the unknown
        # person must be the one asked about.
        named = set().union(
            *(index.slot_concepts.get((f.id, "subject"), frozenset()) for f in unknowns)
        )
        if not any(c & named for c in topic):
            return False
    return entities and all(c & have for c in topic)


def _plain_answer(question: Question, index: Index, i: int) -> bool:
    """The sentence holds the asked kind of thing even where no fact slot records it."""
    if question.wh == "time":
        return index.times[i]
    if question.wh == "person":
        asked = {f"@{e}" for e in question.entities}
        return bool((index.concepts[i] - asked) & index.agents)
    if question.wh == "place":
        asked = {f"@{e}" for e in question.entities}
        return bool((index.concepts[i] - asked) & index.places)
    if question.wh == "reason":
        return index.reasons[i]
    return False


_ROLES = {
    "statement": ("speaker",),
    "not_known": ("holder",),
    "meeting": ("agent", "partner"),
    "report": ("source",),
}


def _predicate_fit(question: Question, index: Index, facts: list[Fact]) -> float:
    """'What did X say' wants a statement by X; 'who did X meet' a meeting with X."""
    kinds = predicate_kinds(question)
    if not kinds or not question.subjects:
        return 1.0
    asked = set(question.subjects)
    for fact in facts:
        # what an outlet reports is what it says: 'What did ANA say about the ship?'
        # (not whether it confirmed or denied something: an outlet's report does neither)
        reports = fact.kind == "report" and "report" not in kinds and question.wh != "yesno"
        says = fact.kind == "not_known" or reports
        kind = "statement" if says else fact.kind
        if kind not in kinds or fact.kind not in _ROLES:
            continue
        roles = {fact.slots[r].entity for r in _ROLES[fact.kind] if r in fact.slots}
        if roles & asked or index.chains.get(fact.id, set()) & asked:
            return 1.0
        texts = " ".join(fact.slots[r].text for r in _ROLES[fact.kind] if r in fact.slots)
        if any(_named_in(index, entity, texts) for entity in asked):
            return 1.0  # 'Israeli military spokesman Daniel Hagari' speaks for Israel
    if kinds & {"statement"} and not asked & index.speakers:
        return NEVER_SPOKE_FIT
    speaks = any(f.kind in ("statement", "not_known", "report") for f in facts)
    if question.wh == "what" and kinds == {"statement"} and not speaks:
        return NEVER_SPOKE_FIT  # 'What did X say ...?' and a sentence in which no one speaks
    return PREDICATE_MISMATCH_FIT


def _named_in(index: Index, entity_id: str, text: str) -> bool:
    entity = index.entities.get(entity_id)
    if entity is None:
        return False
    return any(re.search(rf"\b{re.escape(n)}\b", text) for n in [entity.name, *entity.aliases])


def _agent_bonus(question: Question, index: Index, facts: list[Fact]) -> float:
    """'What are the mediators trying to do?': a fact whose agent or speaker is the mediators;
    'What did the trial find?': a report whose source is the trial."""
    if not question.concepts or question.concepts[0] in question.predicate:
        return 0.0
    first = question.concepts[0]
    for fact in facts:
        for role in ("agent", "speaker", "source"):
            if first & index.slot_concepts.get((fact.id, role), frozenset()):
                return AGENT_BONUS
    return 0.0


def _reason_of_asked(question: Question, index: Index, facts: list[Fact]) -> bool:
    """A why-question's answer gives the reason of what is asked: a fact whose reason or
    purpose stands beside a word of the question ('the talks, aimed at agreeing a truce' does
    not say what caused the war); a sentence whose facts give no reason at all may still."""
    reasons = _WH_SLOTS["reason"]
    topic = [c for c in question.concepts if c not in question.predicate] or question.concepts
    giving = [f for f in facts if any(slot in f.slots for slot in reasons)]
    for fact in giving:
        rest = (index.slot_concepts.get((fact.id, n), ()) for n in fact.slots if n not in reasons)
        words = set().union(*rest)
        if not topic or any(c & words for c in topic):
            return True
    return not giving


def _has_slot(question: Question, facts: list[Fact], slots: tuple[str, ...]) -> bool:
    """A fact in the sentence fills the asked slot, about an entity the question names."""
    asked = set(question.entities)
    for fact in facts:
        if not any(slot in fact.slots for slot in slots):
            continue
        about = {s.entity for s in fact.slots.values() if s.entity}
        if not asked or about & asked or not about:
            return True
    return False
