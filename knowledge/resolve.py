"""Resolve what a reader resolves: pronoun speakers, "it said", descriptions of people already
named ("its spy chief" is the Mossad head named in the next paragraph), "the movement"; then link
every slot to the entity it names."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from knowledge.entities import ENDS_SAID, EntityDraft, mention_pattern
from knowledge.schema import Sentence
from knowledge.statements import FactDraft

__all__ = ["link_slots", "resolve_descriptions", "resolve_holders", "resolve_speakers"]

_PRONOUN_SPEAKERS = {"he", "she", "it", "they", "(previous speaker)"}
_KINDS: dict[str, frozenset[str]] = {
    kind: frozenset(words.split())
    for kind, words in {
        "company": "company firm developer maker carmaker retailer manufacturer lender insurer "
        "airline operator bank inc inc. corp corp. corporation co. ltd ltd. llc plc holdings "
        "systems technologies motors airlines airways pharmaceuticals pharma robotics capital "
        "securities partners analytics labs laboratories energy bancorp",
        "club": "club team side fc united rovers athletic wanderers",
        "party": "party alliance democrats republicans greens socialists conservatives bloc",
        "government": "government ministry department cabinet administration",
        "agency": "agency regulator authority commission bureau inspectorate board",
        "union": "union federation association confederation",
        "court": "court tribunal",
        "police": "police",
        "school": "university institute college school academy",
        "outlet": "newspaper broadcaster outlet journal times post news tribune gazette herald "
        "courier echo radio television network channel",
    }.items()
}
"""What kind of organisation a reference noun ('the ministry') or a name word ('Rovers') says."""
_GENERIC_NOUNS = "movement|group|organisation|organization|" + "|".join(
    sorted({w for words in _KINDS.values() for w in words if w.isalpha() and len(w) > 3})
)
_DETERMINERS = re.compile(r"^(?:its|his|her|their|the|a|an)\s+", re.IGNORECASE)
_ORG_PRONOUNS = {"It", "it", "they"}
_GENERIC = re.compile(
    rf"^(?P<det>the|its|his|her|their) (?:[a-z]+ )?(?P<noun>{_GENERIC_NOUNS})\b"
    rf"|\b(?P<det2>the|its|his|her|their) (?P<noun2>{_GENERIC_NOUNS})\b",
    re.IGNORECASE,
)
"""'the disaster agency' as the whole slot; 'a spokesman for the ministry' inside one."""
_EXPLETIVE = re.compile(
    r"^It (?:is|was|remains|remained|has been|had been)(?: still)? (?:not |also )?"
    r"(?:clear|unclear|known|unknown|likely|unlikely|possible|impossible|expected|too early)\b"
)
_THEIR_PEOPLE = re.compile(
    r"^(?:his|her) (?:office|spokes(?:man|woman|person)|aides?|lawyers?|campaign|"
    r"representatives?|press secretary)$",
    re.IGNORECASE,
)
"""'his office said': speaks for the person 'his' means."""
_HOLDER_PRONOUNS = {"", "he", "she", "they", "it"}
_ENTITY_SLOTS = ("speaker", "agent", "partner", "source", "subject", "holder", "on_behalf_of")


def _is_person_text(text: str, people: list[EntityDraft]) -> bool:
    return any(p.name in text or any(a in text for a in p.aliases) for p in people)


def resolve_speakers(
    facts: list[FactDraft], drafts: list[EntityDraft], sentences: list[Sentence]
) -> None:
    """Replace 'he said', 'it said' and quote-only sentences with the speaker meant; 'He is
    due to appear ...' with the person acting."""
    people = [d for d in drafts if d.kind == "person"]
    recent = _recent_people(sentences, people)
    previous: list[tuple[str, bool]] = []
    for fact in facts:
        agent = fact.slots.get("agent", "")
        if fact.kind in ("action", "meeting") and agent in {"He", "She"}:
            person = recent.get((fact.sentence.id, agent.lower()))
            if person:
                fact.slots["agent_as_written"] = agent
                fact.slots["agent"] = person
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
    named before it (in this sentence or the two before), skipping one of the other gender;
    a 'he' or 'she' named before anyone in its sentence is the subject of the sentence before."""
    result: dict[tuple[str, str], str] = {}
    window: list[tuple[Sentence, list[tuple[int, EntityDraft]]]] = []
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
        here = [(at, person) for at, person, _ in found]
        window = [*window[-2:], (sentence, here)]
        mentions = [person for _, chunk in window for _, person in chunk]
        pronoun = _PRONOUN.search(sentence.text)
        opening = pronoun is not None and not any(at < pronoun.start() for at, _ in here)
        for word, gender in (("he", "male"), ("she", "female")):
            subject = _subject(window[:-1], gender) if opening else None
            last = next((p for p in reversed(mentions) if p.gender in (None, gender)), None)
            person = subject or last
            if person is not None:
                result[(sentence.id, word)] = person.name
    return result


_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")


def _subject(
    before: list[tuple[Sentence, list[tuple[int, EntityDraft]]]], gender: str
) -> EntityDraft | None:
    """The person a sentence opening with 'he'/'she' continues from the sentences before: the
    speaker a sentence ends with ('..., Nadia Farrow said.'), else its first-named person of
    that gender (news writing names its subject first: 'Olander said she met Wenzel. She ...')."""
    for sentence, named in reversed(before):
        fitting = [person for _, person in named if person.gender in (None, gender)]
        if not fitting:
            continue
        if ENDS_SAID.search(sentence.text) and named[-1][1] in fitting:
            return named[-1][1]
        agreeing = [person for person in fitting if person.gender == gender]
        return agreeing[0] if len(set(map(id, agreeing))) == 1 else fitting[0]
    return None


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
    """Whether the person a speaker's words name may be 'he' or 'she'; a full name decides
    before a surname ('Clara Reyke' is not her brother Tomas, whose alias is 'Reyke')."""
    named = [p for p in people if p.name in speaker] or [
        p for p in people if any(a in speaker for a in p.aliases)
    ]
    return named[0].gender in (None, gender) if named else True


def _bare(description: str) -> str:
    return _DETERMINERS.sub("", description.strip())


def resolve_descriptions(facts: list[FactDraft], drafts: list[EntityDraft]) -> None:
    """A meeting told first by description ('its spy chief had met with his US counterpart')
    and then by name gives the names' entities those descriptions as aliases."""
    people = [d for d in drafts if d.kind == "person"]
    meetings = [f for f in facts if f.kind == "meeting"]
    pairs = [m for m in meetings if _named_pair(m, people)]  # once: a long article has many
    for fact in meetings:
        agent, partner = fact.slots.get("agent", ""), fact.slots.get("partner", "")
        if not agent or not partner or _is_person_text(agent + partner, people):
            continue
        named = [m for m in pairs if m is not fact]
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
        if fact not in pairs and _named_pair(fact, people):
            pairs.append(fact)  # named now, it can name the descriptions of later meetings


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
    mentions: _OrgMentions | None = None
    spoken: dict[str, str] = {}
    described: dict[str, int] = {}
    for fact in facts:
        speaker = fact.slots.get("speaker", "")
        if "speaker_as_written" in fact.slots and speaker in spoken:
            # 'it said' resolved to 'the company' of an earlier sentence means what that did
            fact.entities["speaker"] = spoken[speaker]
        for slot in _ENTITY_SLOTS:
            written = fact.slots.get(f"{slot}_as_written")
            pronoun = fact.kind in ("action", "meeting") and written in {"He", "She"}
            if slot in fact.entities or pronoun:
                # An action's 'He' is left to the index, which keeps such references apart
                # from the sentence's entities (see index._pronoun_references).
                continue
            text = fact.slots.get(slot)
            if not text or pattern is None:
                continue
            holder = _role_holder(text, drafts) if slot in _WHO_SLOTS else None
            if holder is not None:
                fact.entities[slot] = ids[holder]
                continue
            match = _best(pattern, text, slot, kinds)
            if match is not None:
                fact.entities[slot] = ids[owner[match]]
            elif text in _ORG_PRONOUNS and _EXPLETIVE.match(fact.sentence.text):
                continue  # 'It was unclear how many ...' is about no one
            elif text == "it" and (
                subject := _subordinate_subject(fact.sentence.text, pattern, kinds)
            ):
                fact.entities[slot] = ids[owner[subject]]
            elif _THEIR_PEOPLE.match(text):
                if mentions is None:
                    mentions = _OrgMentions.of(drafts, sentences or [fact.sentence])
                person = _owner(text, fact, drafts, mentions)
                if person is not None:
                    fact.entities[slot] = ids[person]
            elif orgs and (text in _ORG_PRONOUNS or _GENERIC.search(text)):
                if mentions is None:
                    mentions = _OrgMentions.of(drafts, sentences or [fact.sentence])
                referent = _referent(text, fact, drafts, orgs, mentions)
                if referent is None:
                    # 'the company said' far from any company's name is the one an earlier
                    # 'the company' was
                    referent = described.get(text.lower())
                if referent is not None:
                    fact.entities[slot] = ids[referent]
                    described.setdefault(text.lower(), referent)
        if fact.kind == "statement" and "speaker" in fact.entities:
            spoken[speaker] = fact.entities["speaker"]


_SUBORDINATE_OPENING = re.compile(
    r"^(?:Because|Since|As|Although|Though|While|When|After|Before|If|Once|Until) (?:the )?"
)


def _subordinate_subject(text: str, pattern: re.Pattern[str], kinds: dict[str, str]) -> str | None:
    """'Because Lindmark has no embassy there, it asked Valmora ...': the 'it' of the main
    clause is the country or body that opens the clause before it."""
    opening = _SUBORDINATE_OPENING.match(text)
    name = pattern.match(text, opening.end()) if opening else None
    if name is None or kinds[name.group()] not in ("organisation", "place"):
        return None
    return name.group()


_WHO_SLOTS = frozenset({"speaker", "agent", "partner", "subject"})
_OWNED_ROLE = re.compile(r"^(?:[Tt]he )?(?P<owner>[A-Z][\w-]*)['’]s (?P<role>[a-z][a-z -]*[a-z])$")


def _role_holder(text: str, drafts: list[EntityDraft]) -> int | None:
    """'Velandia's labour minister toured ...' is the one person whose title is that role
    ('Labour Minister Teodora Vasko'), not the country the words name."""
    match = _OWNED_ROLE.match(text.strip())
    if match is None:
        return None
    role = match.group("role")
    holders = {
        i
        for i, draft in enumerate(drafts)
        if draft.kind == "person"
        and any(_OWNED_ROLE.sub(r"\g<role>", t).lower() == role for t in draft.titles)
    }
    return holders.pop() if len(holders) == 1 else None


def _best(pattern: re.Pattern[str], text: str, slot: str, kinds: dict[str, str]) -> str | None:
    """The entity name a slot is about: a person first for who-slots, never a date."""
    found = [m for m in pattern.finditer(text) if kinds[m.group()] != "date"]
    if not found:
        return None
    matches = [m.group() for m in found]
    people = [m for m in matches if kinds[m] == "person"]
    owned = [
        m.group()
        for m, before in zip(found[1:], found, strict=False)
        if kinds[before.group()] == "person" and text[before.end() : m.start()] in {"’s ", "'s "}
    ]
    if slot in {"speaker", "agent", "partner", "subject"} and owned:
        return owned[-1]  # "President Mira Solano's Renewal Party" is the party
    head = found[0]
    of_someone = kinds[head.group()] == "organisation" and text.startswith(" of ", head.end())
    if of_someone and not re.search(r"[,;]| and ", text[: head.start()]):
        return head.group()  # 'The conservative Civic Union of Prime Minister Anders Holm'
    if slot in {"speaker", "agent", "partner"} and people:
        return people[-1]
    bodies = [m for m in matches if kinds[m] == "organisation"]
    if slot in {"speaker", "agent", "partner", "source"} and bodies:
        return max(bodies, key=len)  # 'Norvanian broadcaster NRV': the country only qualifies
    if slot in {"subject", "holder"}:
        return matches[0]  # the head of 'The Al-Aqsa mosque compound in ... Jerusalem'
    return max(matches, key=len)


@dataclass
class _OrgMentions:
    """Which organisations each sentence names, in order (computed once per article); longest
    names first, so 'Estmark' inside 'Estmark Medicines Agency' is not Estmark."""

    sentences: list[Sentence]
    position: dict[str, int]
    named: list[list[int]]
    called: dict[int, set[str]]
    """The nouns the article calls each organisation by: 'the Red Dune Brigades, an armed
    group', 'the charity Open Hands International'."""

    @classmethod
    def of(cls, drafts: list[EntityDraft], sentences: list[Sentence]) -> _OrgMentions:
        """Scan the sentences once with every non-person name."""
        owner = {n: i for i, d in enumerate(drafts) if d.kind == "organisation" for n in _names(d)}
        others = [n for d in drafts if d.kind != "person" for n in _names(d)]
        pattern = mention_pattern([*owner, *others])
        named: list[list[int]] = []
        called: dict[int, set[str]] = {}
        for sentence in sentences:
            found = [m for m in pattern.finditer(sentence.text)] if pattern is not None else []
            named.append([owner[m.group()] for m in found if m.group() in owner])
            for match in found:
                if match.group() in owner:
                    nouns = called.setdefault(owner[match.group()], set())
                    nouns.update(_nouns_beside(sentence.text, match))
        return cls(sentences, {s.id: i for i, s in enumerate(sentences)}, named, called)


_NOUN_AFTER = re.compile(rf",? (?:an?|the) (?:[\w-]+ ){{0,3}}?(?P<noun>{_GENERIC_NOUNS})\b", re.I)
_NOUN_BEFORE = re.compile(rf"\b(?:an?|the) (?:[\w-]+ ){{0,2}}?(?P<noun>{_GENERIC_NOUNS}),? $", re.I)


def _nouns_beside(text: str, match: re.Match[str]) -> set[str]:
    """'X, an armed group' and 'the charity X': the noun set beside a name."""
    found = set()
    after = _NOUN_AFTER.match(text, match.end())
    if after:
        found.add(after.group("noun").lower())
    before = _NOUN_BEFORE.search(text[max(0, match.start() - 60) : match.start()])
    if before:
        found.add(before.group("noun").lower())
    return found


def _names(draft: EntityDraft) -> list[str]:
    return [draft.name, *draft.aliases]


def _referent(
    text: str, fact: FactDraft, drafts: list[EntityDraft], orgs: list[int], mentions: _OrgMentions
) -> int | None:
    """The organisation 'it', 'the ministry' or 'his party' means: the nearest one of that kind
    ('the company' is not the agency named last); else the one the article is about. 'its
    developer' is not the organisation 'its' points back to in the same sentence."""
    generic = _GENERIC.search(text)
    skip = ""
    if generic is not None:
        noun = (generic.group("noun") or generic.group("noun2")).lower()
        orgs = [
            i
            for i in orgs
            if _is_kind(noun, drafts[i]) and not _called_otherwise(noun, mentions.called.get(i))
        ]
        called = [i for i in orgs if noun in mentions.called.get(i, set())]
        orgs = called or orgs
        if (generic.group("det") or generic.group("det2")).lower() == "its":
            skip = fact.sentence.id
    nearest = _nearest_org(fact, set(orgs), mentions, skip)
    if nearest is None and generic is not None:
        return _main_org(orgs, mentions)
    return nearest


def _owner(
    text: str, fact: FactDraft, drafts: list[EntityDraft], mentions: _OrgMentions
) -> int | None:
    """'his office said': the man named last in this sentence or the two before."""
    gender = "male" if text.lower().startswith("his") else "female"
    here = mentions.position.get(fact.sentence.id, 0)
    for i in range(here, max(-1, here - 3), -1):
        sentence = mentions.sentences[i].text
        end = sentence.find(text) if i == here and text in sentence else len(sentence)
        found = [
            (sentence.rfind(name, 0, end), j)
            for j, d in enumerate(drafts)
            if d.kind == "person" and d.gender in (None, gender)
            for name in _names(d)
        ]
        found = [(position, j) for position, j in found if position >= 0]
        if found:
            return max(found)[1]
    return None


def _main_org(orgs: list[int], mentions: _OrgMentions) -> int | None:
    """The organisation the article is about: the only candidate, or one named at least twice
    as often as any other."""
    if len(orgs) <= 1:
        return orgs[0] if orgs else None
    counts = Counter(i for named in mentions.named for i in named)
    ranked = sorted(((counts[i], i) for i in orgs), reverse=True)
    return ranked[0][1] if ranked[0][0] >= 2 * max(1, ranked[1][0]) else None


def _called_otherwise(noun: str, called: set[str] | None) -> bool:
    """'the company' is not 'the Harbour Ledger, a business newspaper': the article called that
    organisation by a noun of another kind."""
    kind = next((k for k, words in _KINDS.items() if noun in words), None)
    kinds = {k for word in called or () for k, words in _KINDS.items() if word in words}
    return kind is not None and bool(kinds) and kind not in kinds


def _is_kind(noun: str, draft: EntityDraft) -> bool:
    """'the ministry' can be the Health Ministry, 'the company' Corvane Biologics (its name says
    no other kind), never the Medicines Agency; 'the movement' or 'the group' can be any."""
    return _kind_fits(noun, draft.name, frozenset(draft.aliases))


@lru_cache(maxsize=65536)
def _kind_fits(noun: str, name: str, aliases: frozenset[str]) -> bool:
    kind = next((k for k, words in _KINDS.items() if noun in words), None)
    if kind is None:
        return True
    words = {w.lower() for text in [name, *aliases] for w in text.split()}
    if noun in words or words & _KINDS[kind]:
        return True
    if any(words & other for k, other in _KINDS.items() if k != kind):
        return False
    return kind in ("company", "club")


def _nearest_org(fact: FactDraft, orgs: set[int], mentions: _OrgMentions, skip: str) -> int | None:
    """The organisation named last in this sentence or the three before; else in the next
    (never in the sentence `skip`)."""
    here = mentions.position.get(fact.sentence.id, 0)
    window = [*range(here, max(-1, here - 4), -1), here + 1]
    for i in window:
        if i >= len(mentions.named) or mentions.sentences[i].id == skip:
            continue
        named: list[int] = [j for j in mentions.named[i] if j in orgs]
        if named:
            return named[-1]
    return None
