"""The search index of one fact base: concepts per sentence, their weights, entity phrases.

A *concept* is what a word means for matching: its Snowball stem, plus the ids of the generic
synonym groups it belongs to ("expel" and "throw out" share one). Weights come from the article
itself (inverse sentence frequency), so no word list is tuned to a particular text.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import pairwise

from knowledge.clauses import find_purpose, find_reason, time_pattern
from knowledge.lexicon import lexicon, stem, tokens
from knowledge.morphology import root
from knowledge.neighbours import neighbours
from knowledge.relatives import is_verb, relatives
from knowledge.schema import Entity, Fact, FactBase, Sentence

__all__ = [
    "EntityPhrase",
    "Index",
    "build_index",
    "concepts_of",
    "holds",
    "is_known",
    "phrase_concepts",
    "related",
    "unknown_asks",
]


@cache
def _synonym_index() -> tuple[dict[str, frozenset[str]], dict[tuple[str, ...], frozenset[str]]]:
    """Word -> group ids, and multi-word phrase (as stems) -> group ids."""
    words: dict[str, set[str]] = defaultdict(set)
    phrases: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for number, group in enumerate(lexicon().synonyms):
        gid = f"#{number}"
        for member in group:
            parts = tuple(stem(t) for t in tokens(member))
            if len(parts) == 1:
                words[parts[0]].add(gid)
            elif parts:
                phrases[parts].add(gid)
    return (
        {k: frozenset(v) for k, v in words.items()},
        {k: frozenset(v) for k, v in phrases.items()},
    )


def concepts_of(
    words: list[str], fold: bool = False, known: Collection[str] = ()
) -> list[frozenset[str]]:
    """One concept set per content word (stopwords dropped); phrases add their group ids.

    With `fold`, every word of a phrase carries the phrase's groups, not only its first word:
    in a question, 'lives' in 'lost their lives' means what the phrase means ('died'), where
    on its own it would be a topic the article never mentions. A later word of a phrase that
    is not in `known` (the article's concepts) joins the phrase's first concept instead of
    standing alone: 'took part' is one thing asked, not two words the article lacks.
    """
    if not known:
        return list(_concepts(tuple(words), fold))
    return _fold_concepts(words, fold, known)


@lru_cache(maxsize=16384)
def _concepts(words: tuple[str, ...], fold: bool) -> tuple[frozenset[str], ...]:
    """concepts_of without `known`, cached: questions ask about the same words again."""
    return tuple(_fold_concepts(list(words), fold, ()))


def _fold_concepts(words: list[str], fold: bool, known: Collection[str]) -> list[frozenset[str]]:
    word_groups, phrase_groups = _synonym_index()
    stops = lexicon().stopwords
    stems = [stem(w) for w in words]
    spread: list[set[str]] = [set() for _ in words]
    owner: list[int | None] = [None] * len(words)
    result: list[frozenset[str]] = []
    for i, (word, stemmed) in enumerate(zip(words, stems, strict=True)):
        extra: set[str] = set()
        later: list[int] = []
        for length in (2, 3, 4):
            key = tuple(stems[i : i + length])
            if len(key) == length and key in phrase_groups:
                extra |= phrase_groups[key]
                for j in range(i + 1, i + length) if fold else ():
                    spread[j] |= phrase_groups[key]
                    later.append(j)
        carried = any(words[j] not in stops for j in later)
        # A phrase opening with a stopword ('in charge') is carried by its content words.
        if word in stops and (not extra or carried):
            continue
        own = {stemmed} | word_groups.get(stemmed, frozenset())
        first = owner[i]
        if first is not None and known and stemmed not in known:
            result[first] = result[first] | own | spread[i]
            continue
        result.append(frozenset(own | extra | spread[i]))
        for j in later:
            owner[j] = owner[j] if owner[j] is not None else len(result) - 1
    return result


def phrase_concepts(text: str) -> list[frozenset[str]]:
    """Concept sets of a phrase's content words."""
    return concepts_of(tokens(text))


@dataclass(frozen=True)
class EntityPhrase:
    """A way the article names or describes an entity, as matching text and concepts."""

    entity: str
    text: str
    concepts: tuple[frozenset[str], ...]
    is_name: bool


@dataclass
class Index:
    """Everything the engine needs to score sentences quickly."""

    fact_base: FactBase
    sentences: list[Sentence]
    concepts: list[set[str]]
    """Per sentence: every concept its words (and the entities it mentions) carry."""
    postings: dict[str, list[int]]
    idf: dict[str, float]
    default_idf: float
    content_vocabulary: list[str]
    stems: dict[str, str]
    """The stem of each content word -> the word ('issu' -> 'issued'), for typo correction."""
    """The article's words other than stopwords, for typo correction."""
    base_forms: list[str]
    """Other forms of its words it does not use ('warn', 'hostage'), for typo correction."""
    words: set[str]
    pairs: set[tuple[str, str]]
    """Every two words that stand next to each other in a sentence ('foreign ministry')."""
    phrases: list[EntityPhrase]
    entities: dict[str, Entity]
    sentence_entities: list[set[str]]
    salient: list[list[str]]
    """Per sentence: the entities it names, in order of first mention."""
    facts_by_sentence: list[list[Fact]]
    numbers: list[bool]
    counted: list[frozenset[str]]
    """Per sentence: the concepts of the nouns its numbers count ('3,400 people')."""
    loose: list[bool]
    """Per sentence: a number stands without the noun it counts ('the toll rose to 40')."""
    leaning: list[bool]
    """Per sentence: it goes on from the sentence before in its paragraph ('Those fires led to
    a law ...', 'He joined the bank in 1994')."""
    times: list[bool]
    durations: list[bool]
    measures: list[bool]
    """Per sentence: whether it gives a measure ('41-metre', '600 metres', '38C')."""
    reasons: list[bool]
    """Per sentence: it gives a reason or purpose ('because ...', 'as part of ...')."""
    places: set[str]
    agents: set[str]
    """'@id' of every person and organisation (possible answers to 'who')."""
    entity_kinds: dict[str, str] = field(default_factory=dict)
    slot_concepts: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    """(fact id, slot name) -> every concept of the slot's text, computed once."""
    speakers: set[str] = field(default_factory=set)
    """Entities that speak somewhere in the article (a statement's speaker or its chain)."""
    chains: dict[str, set[str]] = field(default_factory=dict)
    """Fact id -> entities of every statement by the same speaker (one statement, told in
    several sentences: 'Netanyahu's office said', 'it said', 'the Israeli statement said')."""
    families: dict[str, frozenset[str]] = field(default_factory=dict)
    """Derivational root -> the article's stems with that root ('strik' -> strike, striker)."""
    verbs: frozenset[str] = frozenset()
    """Stems the article uses only as verbs ('would pay'): no relative of a noun ('salary')."""
    names: list[EntityPhrase] = field(default_factory=list)
    """The phrases that are names (the fuzzy name matcher's choices)."""
    name_exact: dict[str, int] = field(default_factory=dict)
    """Name text -> its first position in `names`."""
    names_by_letter: dict[str, tuple[list[str], list[int]]] = field(default_factory=dict)
    """First letter -> the names' texts starting with it and their positions in `names`."""


_NUMBER = re.compile(
    r"\d|\b(?:once|twice|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens)\b",
    re.IGNORECASE,
)


_COUNT = re.compile(
    r"(?:\b\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"(?:thir|four|fif|six|seven|eigh|nine)teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety|hundred|dozen))(?: (?:million|billion|thousand|hundred))?"
    r"[ -]([A-Za-z]+)(?: ([A-Za-z]+))?",
    re.IGNORECASE,
)


_SHARE_OF = re.compile(
    r"\b\d[\d,.]*(?: ?%| percent| per cent)? of (?:the |its |their |his |her |all )?([A-Za-z]+)",
    re.IGNORECASE,
)
"""'18 percent of households', '19 of the victims': the number counts the noun after 'of'."""


_LOOSE = re.compile(
    r"\b(?!(?:19|20)\d\d\b)(?:\d[\d,.]*\d|\d)(?=[,;.](?!\d)|$| (?:and|or|to|in|on|at|were|"
    r"was|are|had|have|including|among|out)\b)",
    re.IGNORECASE,
)
"""A number (not a year) followed by punctuation or a word that cannot be what it counts."""


def _counted(text: str) -> frozenset[str]:
    """Concepts of the one or two words after each number (or after its 'of'): what the
    number counts."""
    words = [w for found in _COUNT.finditer(text) for w in found.groups() if w]
    words += [found.group(1) for found in _SHARE_OF.finditer(text)]
    return frozenset().union(*concepts_of([w.lower() for w in words]))


_MEASURE = re.compile(
    r"\d[\d,.]*[ -]?(?:(?:square|cubic) )?(?:(?:kilo|centi|milli)?met(?:re|er)s?|km|m|cm|mm|feet"
    r"|foot|ft|inch(?:es)?"
    r"|miles?|yards?|kilo(?:gram|gramme)?s?|kg|tonnes?|tons?|pounds?|lbs?|degrees?|°|C|F|hectares?"
    r"|acres?|storeys?|stories|floors?|knots?|mph|kph|km/h|magnitude|percent|%)(?![a-z])"
    r"|\bmagnitude[ -]\d",
    re.IGNORECASE,
)
"""A number with a unit of size, weight, speed or temperature: what 'how tall' asks for."""
_DURATION = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen|several|few|many|an?"
    r"|half an?)[ -]"
    r"(?:minutes?|hours?|days?|weeks?|months?|years?|decades?)\b",
    re.IGNORECASE,
)
"""'three days', 'a week', 'less than an hour': a span of time, what 'how long' asks for."""


def _demonyms(entities: list[Entity]) -> dict[str, str]:
    """A place's adjective -> the stem of its name ('sarvenian' -> 'sarvenia'), so that
    'the president of Sarvenia' meets the title 'Sarvenian President'."""
    found: dict[str, str] = {}
    for entity in entities:
        if entity.kind != "place" or " " in entity.name:
            continue
        for alias in entity.aliases:
            if " " not in alias and alias.lower().startswith(entity.name.lower().rstrip("e")):
                found[stem(alias.lower())] = stem(entity.name.lower())
    return found


def _entity_phrases(entity: Entity, demonyms: dict[str, str] | None = None) -> list[EntityPhrase]:
    phrases = []
    names = {entity.name, *entity.aliases}
    for text in sorted(names):
        matchable = " ".join(tokens(text))
        phrases.append(EntityPhrase(entity.id, matchable, tuple(phrase_concepts(text)), True))
    capitals = [w for w in entity.name.split() if w[:1].isupper()]
    if len(capitals) >= 3:
        initials = "".join(w[0] for w in capitals).lower()
        phrases.append(EntityPhrase(entity.id, initials, (frozenset({initials}),), True))
    for title in entity.titles:
        concepts = tuple(
            c | {demonyms[k] for k in c if k in demonyms} if demonyms else c
            for c in phrase_concepts(title)
        )
        if len(concepts) >= 1:
            phrases.append(EntityPhrase(entity.id, " ".join(tokens(title)), concepts, False))
    return phrases


def build_index(fact_base: FactBase) -> Index:
    """Index a fact base's sentences, entities and facts."""
    sentences = fact_base.article.sentences
    position = {s.id: i for i, s in enumerate(sentences)}
    sentence_entities: list[set[str]] = [set() for _ in sentences]
    for entity in fact_base.entities:
        for mention in entity.mentions:
            sentence_entities[position[mention.sentence]].add(entity.id)
    facts_by_sentence: list[list[Fact]] = [[] for _ in sentences]
    for fact in fact_base.facts:
        i = position[fact.sentences[0]]
        facts_by_sentence[i].append(fact)
        sentence_entities[i].update(s.entity for s in fact.slots.values() if s.entity)
    entities = {e.id: e for e in fact_base.entities}
    chains = _statement_chains(fact_base)
    facts_by_id = {f.id: f for f in fact_base.facts}
    for fact_id, chained in chains.items():
        sentence_entities[position[facts_by_id[fact_id].sentences[0]]].update(chained)
    for i, referred in _definite_references(sentences, facts_by_sentence).items():
        sentence_entities[i] |= referred
    for i, referred in _head_references(sentences, fact_base.entities).items():
        sentence_entities[i] |= referred
    demonyms = _demonyms(fact_base.entities)
    phrases = [p for e in fact_base.entities for p in _entity_phrases(e, demonyms)]
    names = _names_by_words(fact_base.entities)
    sentence_tokens = [tokens(s.text) for s in sentences]
    named = [_named(s, found, names) for s, found in zip(sentences, sentence_tokens, strict=True)]
    concepts = []
    for i, sentence in enumerate(sentences):
        sentence_entities[i] |= named[i]
        concepts.append(
            _sentence_concepts(
                sentence, sentence_tokens[i], sentence_entities[i], entities, named[i]
            )
        )
    salient = _salience(fact_base, position)
    for i, people in enumerate(
        _pronoun_references(sentences, sentence_entities, entities, salient)
    ):
        concepts[i] |= {f"^@{person}" for person in people}
    postings: dict[str, list[int]] = defaultdict(list)
    for i, found in enumerate(concepts):
        for concept in found:
            postings[concept].append(i)
    total = len(sentences)
    idf = {c: math.log(1.0 + total / len(ids)) for c, ids in postings.items()}
    words = {w for found in sentence_tokens for w in found}
    pairs = {pair for found in sentence_tokens for pair in pairwise(found)}
    words |= {
        w for e in fact_base.entities for n in [e.name, *e.aliases, *e.titles] for w in tokens(n)
    }
    name_phrases = [p for p in phrases if p.is_name]
    name_exact: dict[str, int] = {}
    by_letter: dict[str, tuple[list[str], list[int]]] = {}
    for at, phrase in enumerate(name_phrases):
        name_exact.setdefault(phrase.text, at)
        texts, places_at = by_letter.setdefault(phrase.text[:1], ([], []))
        texts.append(phrase.text)
        places_at.append(at)
    return Index(
        fact_base=fact_base,
        sentences=sentences,
        concepts=concepts,
        postings=dict(postings),
        idf=idf,
        default_idf=math.log(1.0 + total / 0.5),
        content_vocabulary=sorted(words - lexicon().stopwords),
        stems={stem(w): w for w in sorted(words - lexicon().stopwords, reverse=True)},
        base_forms=sorted(_base_forms(words) - lexicon().stopwords),
        words=words,
        pairs=pairs,
        phrases=phrases,
        names=name_phrases,
        name_exact=name_exact,
        names_by_letter=by_letter,
        entities=entities,
        sentence_entities=sentence_entities,
        salient=salient,
        facts_by_sentence=facts_by_sentence,
        numbers=[bool(_NUMBER.search(s.text)) for s in sentences],
        counted=[_counted(s.text) for s in sentences],
        loose=[bool(_LOOSE.search(s.text)) for s in sentences],
        leaning=[
            i > 0 and s.paragraph == sentences[i - 1].paragraph and bool(_LEANING.match(s.text))
            for i, s in enumerate(sentences)
        ],
        times=[bool(time_pattern().search(s.text)) for s in sentences],
        durations=[bool(_DURATION.search(s.text)) for s in sentences],
        measures=[bool(_MEASURE.search(s.text)) for s in sentences],
        reasons=[bool(find_reason(s.text) or find_purpose(s.text)) for s in sentences],
        places={f"@{e.id}" for e in fact_base.entities if e.kind == "place"},
        agents={
            f"@{e.id}" for e in fact_base.entities if e.kind in ("person", "organisation", "group")
        },
        entity_kinds={e.id: e.kind for e in fact_base.entities},
        chains=chains,
        families=_families(postings),
        verbs=_verbs_only(sentences),
        speakers=_speakers(fact_base, chains),
        slot_concepts={
            (fact.id, name): frozenset().union(*phrase_concepts(slot.text))
            for fact in fact_base.facts
            for name, slot in fact.slots.items()
        },
    )


_VERB_MARKERS = frozenset(
    {"to", "will", "would", "could", "can", "should", "may", "might", "must", "did", "does"}
)


def _verbs_only(sentences: list[Sentence]) -> frozenset[str]:
    """The stems every use of which follows 'to', a modal or 'did' ('would pay')."""
    uses: dict[str, set[bool]] = defaultdict(set)
    for sentence in sentences:
        words = tokens(sentence.text)
        for before, word in zip(["", *words], words, strict=False):
            uses[stem(word)].add(before in _VERB_MARKERS)
    return frozenset(k for k, v in uses.items() if v == {True})


def _base_forms(words: set[str]) -> set[str]:
    """Other forms of the article's words that it does not use itself ('warn' for 'warned',
    'hostage' for 'hostages'): the word less an inflection, where the stem stays the same."""
    found: set[str] = set()
    for word in words:
        if not word.isalpha() or len(word) <= 4:
            continue
        cut = [word[:-1], word[:-2], word[:-3], word[:-3] + "e", stem(word)]
        found.update(c for c in cut if len(c) >= 4 and stem(c) == stem(word))
    return found - words


def _families(postings: dict[str, list[int]]) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for concept in postings:
        if concept.isalpha():
            found[root(concept)].add(concept)
    return {key: frozenset(stems) for key, stems in found.items()}


def related(
    concept: frozenset[str], index: Index, nouns: Collection[str] = (), said: Collection[str] = ()
) -> frozenset[str]:
    """A question word's concept widened to the article's words of the same derivational
    family, marked '%' ('injured' also matches '%injuri', 'strikers' also '%strike'), and to
    the article's words that can mean it, marked '&' ('attorney' also matches '&lawyer'; see
    knowledge/relatives.py; only a noun's senses for the stems in `nouns`, and only a word
    whose own frequent senses lead back, so 'found' does not reach 'plant'), and to the
    article's words a sentence-embedding model places near it, marked '*' ('damaged' also
    matches '*break'; see knowledge/neighbours.py; only where the model places the question's
    word near that word too, and never a word the question itself uses (`said`): 'weapons'
    must not count again the 'armed' of "Hamas's armed wing"). A relative is weaker evidence
    than the word itself ('founded' is not 'founder'), so only a word the article never uses
    is widened."""
    if any(c in index.postings for c in concept):
        return concept
    extra = {
        f"%{other}"
        for c in concept
        if c.isalpha()
        for other in index.families.get(root(c), ())
        if other not in concept
    }
    extra |= {
        f"&{other}"
        for c in concept
        if c.isalpha()
        for other in relatives(c, c in nouns)
        if other in index.postings and c in relatives(other) and f"%{other}" not in extra
        if other not in index.verbs or (c not in nouns and is_verb(c))
    }
    extra |= {
        f"*{other}"
        for c in concept
        if c.isalpha()
        for other in neighbours(c)
        if other in index.postings and other not in said and c in neighbours(other)
        if f"%{other}" not in extra and f"&{other}" not in extra
    }
    return concept | extra if extra else concept


def holds(concept: frozenset[str], have: Collection[str]) -> bool:
    """Whether `have` (a sentence's concepts, the article's postings) holds the concept,
    itself or through a relative ('%', '&') or a neighbour ('*')."""
    return any(c.lstrip("%&*") in have for c in concept)


def is_known(concept: frozenset[str], index: Index) -> bool:
    """Whether the article holds the concept, itself or through a relative ('%', '&') or a
    neighbour ('*')."""
    return holds(concept, index.postings)


def _speakers(fact_base: FactBase, chains: dict[str, set[str]]) -> set[str]:
    found: set[str] = set()
    for fact in fact_base.facts:
        if fact.kind in ("statement", "report"):
            for role in ("speaker", "source"):
                slot = fact.slots.get(role)
                if slot is not None and slot.entity:
                    found.add(slot.entity)
            found |= chains.get(fact.id, set())
    return found


_DEFINITE = {
    "report": ("report", ("source",)),
    "statement": ("statement", ("speaker",)),
    "announcement": ("statement", ("speaker",)),
    "remarks": ("statement", ("speaker",)),
    "meeting": ("meeting", ("agent", "partner")),
    "talks": ("meeting", ("agent", "partner")),
}


@cache
def _definite_pattern(noun: str) -> re.Pattern[str]:
    return re.compile(rf"\bthe (?:\w+ )?{noun}\b", re.IGNORECASE)


def _definite_references(
    sentences: list[Sentence], facts_by_sentence: list[list[Fact]]
) -> dict[int, set[str]]:
    """'the report' in a sentence refers to the report of the sentences just before: the
    sentence then also refers to that report's outlet (likewise statements and meetings)."""
    found: dict[int, set[str]] = {}
    for i, sentence in enumerate(sentences):
        for noun, (kind, roles) in _DEFINITE.items():
            if not _definite_pattern(noun).search(sentence.text):
                continue
            for j in range(i - 1, max(-1, i - 4), -1):
                earlier = [f for f in facts_by_sentence[j] if f.kind == kind]
                refs = {f.slots[r].entity for f in earlier for r in roles if r in f.slots}
                refs.discard(None)
                if refs:
                    found.setdefault(i, set()).update(r for r in refs if r)
                    break
    return found


def _head_references(sentences: list[Sentence], entities: list[Entity]) -> dict[int, set[str]]:
    """'The bank, founded in 1911, has ... 2,300 employees': 'the bank' is the one organisation
    whose name ends in 'Bank' (Westmarch Regional Bank), when only one does."""
    heads: dict[str, list[str]] = defaultdict(list)
    for entity in entities:
        words = entity.name.split()
        if entity.kind == "organisation" and len(words) > 1 and words[-1].isalpha():
            heads[words[-1].lower()].append(entity.id)
    unique = {head: ids[0] for head, ids in heads.items() if len(ids) == 1}
    if not unique:
        return {}
    pattern = re.compile(rf"\b[Tt]he ({'|'.join(sorted(unique))})\b(?! [A-Z])")
    found: dict[int, set[str]] = {}
    for i, sentence in enumerate(sentences):
        for match in pattern.finditer(sentence.text):
            found.setdefault(i, set()).add(unique[match.group(1)])
    return found


_LEANING = re.compile(r"^[\"“‘]?(?:He|She|It|They|His|Her|Its|Their|This|That|These|Those)\b")
"""A sentence opening with a pronoun or a demonstrative goes on from the one before it."""

_HE_OR_SHE = re.compile(r"^(?:(?P<he>He|His)|She|Her)(?=\W)")
"""'He'/'She' (or 'His'/'Her') opening a sentence: an opening 'It' is as often 'It was not
clear ...'."""


def _pronoun_references(
    sentences: list[Sentence],
    sentence_entities: list[set[str]],
    entities: dict[str, Entity],
    order: list[list[str]],
) -> list[set[str]]:
    """'He is due to appear ...' names no one: 'he' is a person the sentences before (in the
    paragraph, or the one before when it opens one) talk about, and in 'She said she had
    spoken to her' 'her' is the other one. Kept apart from the sentence's entities ('^@'
    concepts, scored like '~@'): as entities they also steer answers and the conversation,
    which lost held-out questions."""
    found: list[set[str]] = [set() for _ in sentences]
    subjects: dict[int, tuple[str, set[str]]] = {}
    for i in range(1, len(sentences)):
        if any(_kind(entities, e) == "person" for e in order[i]):
            continue  # names someone: its pronouns may mean them
        here = {e for e in sentence_entities[i] if _kind(entities, e) == "person"}
        opening = _HE_OR_SHE.search(sentences[i].text)
        pronoun = "" if opening is None else "He" if opening.group("he") else "She"
        if opening is not None and not here:
            person = _earlier_subject(
                i, pronoun, sentences, sentence_entities, entities, order, found, subjects
            )
            found[i] |= {person} if person else set()
        if opening is not None and (here or found[i]):
            subjects[i] = (pronoun, set(here or found[i]))
        if here or found[i]:
            found[i] |= _objects(
                sentences[i].text,
                sentence_entities[i - 1] | found[i - 1],
                here | found[i],
                entities,
            )
    return found


def _earlier_subject(
    i: int,
    pronoun: str,
    sentences: list[Sentence],
    sentence_entities: list[set[str]],
    entities: dict[str, Entity],
    order: list[list[str]],
    found: list[set[str]],
    subjects: dict[int, tuple[str, set[str]]],
) -> str | None:
    """The person an opening 'He'/'She' of sentence i goes on from, in the two sentences
    before: the same pronoun's subject ('He had led the board ... He joined it'), else a
    person of that gender there who is not the other pronoun's subject ('She asked him ...
    He did not give her an answer')."""
    for j in range(i - 1, max(-1, i - 3), -1):
        if sentences[j].paragraph not in (sentences[i].paragraph, sentences[i - 1].paragraph):
            break  # a paragraph opening 'He ...' goes on from the one before, no further back
        said, subject = subjects.get(j, ("", set()))
        if said == pronoun and len(subject) == 1:
            return next(iter(subject))
        before = [
            e
            for e in (sentence_entities[j] | found[j]) - (subject if said else set())
            if _kind(entities, e) == "person"
        ]
        person = _antecedent(before, order[j], entities, pronoun)
        if person is not None:
            return person
    return None


def _objects(
    text: str, before: set[str], subjects: set[str], entities: dict[str, Entity]
) -> set[str]:
    """'She told him ...' after a sentence naming two people: 'him' is the one who is not
    'she' (when only one such person of that gender is left)."""
    found: set[str] = set()
    for pronoun, gender in ((_HIM, "male"), (_HER, "female")):
        if not pronoun.search(text):
            continue
        others = [
            e
            for e in before - subjects
            if _kind(entities, e) == "person" and entities[e].gender in (None, gender)
        ]
        if len(others) == 1:
            found.add(others[0])
    return found


_HIM = re.compile(r"\bhim\b")
_HER = re.compile(r"\bher\b")


def _kind(entities: dict[str, Entity], entity: str) -> str | None:
    return entities[entity].kind if entity in entities else None


def _antecedent(
    people: list[str], order: list[str], entities: dict[str, Entity], pronoun: str
) -> str | None:
    """Of the people a sentence names, the one an opening 'He'/'She' of the next means: the
    only one, else the only one of that gender, else the one named first (news writing's
    subject comes first: 'Rovik met Marsk. He said ...')."""
    gender = "male" if pronoun == "He" else "female"
    people = [p for p in people if entities[p].gender in (None, gender)]
    if len(people) <= 1:
        return people[0] if people else None
    agreeing = [p for p in people if entities[p].gender == gender]
    if len(agreeing) == 1:
        return agreeing[0]
    first = [p for p in order if p in people]
    return first[0] if first else None


def _is_name(text: str) -> bool:
    """'Bill Burns', 'Burns', 'CIA' name an entity; 'US counterpart' only describes it."""
    return all(word[:1].isupper() or word in {"of", "the", "al"} for word in text.split())


def _salience(fact_base: FactBase, position: dict[str, int]) -> list[list[str]]:
    firsts: list[dict[str, int]] = [{} for _ in position]
    for entity in fact_base.entities:
        for mention in entity.mentions:
            seen = firsts[position[mention.sentence]]
            seen[entity.id] = min(seen.get(entity.id, mention.start), mention.start)
    return [sorted(seen, key=lambda e: (seen[e], e)) for seen in firsts]


def _statement_chains(fact_base: FactBase) -> dict[str, set[str]]:
    by_speaker: dict[str, list[Fact]] = defaultdict(list)
    for fact in fact_base.facts:
        if fact.kind == "statement" and "speaker" in fact.slots:
            by_speaker[fact.slots["speaker"].text].append(fact)
    entity_names = [(e.id, [e.name, *e.aliases]) for e in fact_base.entities]
    chains: dict[str, set[str]] = {}
    for facts in by_speaker.values():
        found: set[str] = set()
        for fact in facts:
            found |= {
                s.entity for s in fact.slots.values() if s.entity and s is fact.slots.get("speaker")
            }
            written = fact.slots.get("speaker_as_written")
            if written:
                found |= {i for i, names in entity_names if any(n in written.text for n in names)}
        for fact in facts:
            chains[fact.id] = found
    return chains


@cache
def _predicate_groups() -> dict[str, frozenset[str]]:
    word_groups, _ = _synonym_index()
    anchors = {
        "statement": ("said", "warn", "urg", "react", "confirm"),
        "meeting": ("met",),
        "report": ("report",),
    }
    return {
        kind: frozenset(g for word in words for g in word_groups.get(stem(word), frozenset()))
        for kind, words in anchors.items()
    }


def predicate_kinds(question: object) -> set[str]:
    """Fact kinds the question's verb asks about ('say' -> statement, 'meet' -> meeting)."""
    concepts = getattr(question, "predicate", [])
    return set(_kinds_of(tuple(concepts)))


@lru_cache(maxsize=1024)
def _kinds_of(concepts: tuple[frozenset[str], ...]) -> frozenset[str]:
    """The fact kinds a verb's concepts name (a few hundred verbs: cached)."""
    return frozenset(
        kind
        for kind, groups in _predicate_groups().items()
        if any(concept & groups for concept in concepts)
    )


_NAMED_KINDS = ("organisation",)
"""Organisation names inside a phrase ('a spokeswoman for Quillon', 'Kingsmere captain') are the
mentions the builder misses; people's names it finds, and adding more of them was no better."""


def _names_by_words(found: list[Entity]) -> dict[tuple[str, ...], list[tuple[str, str]]]:
    """The words of every proper name and alias -> (name as written, entity id)."""
    table: dict[tuple[str, ...], list[tuple[str, str]]] = defaultdict(list)
    for entity in found:
        if entity.kind not in _NAMED_KINDS:
            continue
        for name in {entity.name, *entity.aliases}:
            key = tuple(tokens(name))
            if key and len(key) <= 4 and name[:1].isupper() and _is_name(name):
                table[key].append((name, entity.id))
    return dict(table)


def _named(
    sentence: Sentence, words: list[str], names: dict[tuple[str, ...], list[tuple[str, str]]]
) -> set[str]:
    """Entities a sentence (its `words`) names word for word ('a spokeswoman for Quillon'),
    also where the builder recorded no mention of them there."""
    found: set[str] = set()
    for length in (1, 2, 3, 4):
        for start in range(len(words) - length + 1):
            for name, entity_id in names.get(tuple(words[start : start + length]), ()):
                if name in sentence.text:
                    found.add(entity_id)
    return found


def _sentence_concepts(
    sentence: Sentence,
    words: list[str],
    mentioned: set[str],
    entities: dict[str, Entity],
    named: set[str],
) -> set[str]:
    found: set[str] = set()
    for concept in concepts_of(words):
        found |= concept
    for entity_id in mentioned:
        entity = entities.get(entity_id)
        by_name = entity is not None and any(
            m.sentence == sentence.id and _is_name(m.text) for m in entity.mentions
        )
        if entity_id in named or by_name:
            found.add(f"@{entity_id}")
        else:
            found.add(f"~@{entity_id}")
    return found


_OPENERS = (
    ("how many ", "number"),
    ("how much ", "number"),
    ("how long ", "duration"),
    ("how old ", "age"),
    ("whether ", "yesno"),
    ("if ", "yesno"),
    ("who ", "person"),
    ("whom ", "person"),
    ("when ", "time"),
    ("where ", "place"),
    ("why ", "reason"),
    ("how ", "how"),
    # 'have not determined what started the fire': its cause
    ("what caused ", "reason"),
    ("what started ", "reason"),
    ("what led to ", "reason"),
    ("what triggered ", "reason"),
    ("what sparked ", "reason"),
    ("the cause ", "reason"),
    ("what ", "what"),
    ("which ", "what"),
    ("a reason ", "reason"),
    ("the reason ", "reason"),
    # 'declined to comment on the report' answers 'Did X comment on the report?'
    ("on ", "yesno"),
)
_ASPECTS = {"identity": "person", "time": "time", "place": "place", "reason": "reason"}


def unknown_asks(fact: Fact) -> frozenset[str]:
    """The question types a not-known fact leaves open ('did not say how many ...' -> number;
    'where the prisoners are held or how many of them are civilians' -> place and number),
    read from the words of its subject, else from the builder's aspect."""
    subject, aspect = fact.slots.get("subject"), fact.slots.get("aspect")
    return _asks(subject.text.lower() if subject else "", aspect.text if aspect else None)


@lru_cache(maxsize=4096)
def _asks(text: str, aspect: str | None) -> frozenset[str]:
    openings = [text, *(m.group(1) for m in _LATER_OPENING.finditer(text))]
    found = {wh for wh in (_opening_asks(opening) for opening in openings) if wh}
    if found:
        return frozenset(found)
    return frozenset({_ASPECTS.get(aspect, aspect)}) if aspect else frozenset()


_LATER_OPENING = re.compile(
    r"\b(?:or|and),? ((?:how|whether|if|who|whom|when|where|why|what|which) .*)"
)
"""'... or how many of them are civilians': a second thing the same sentence leaves open."""


def _opening_asks(opening: str) -> str | None:
    for opener, wh in _OPENERS:
        if opening.startswith(opener):
            return wh
    return None
