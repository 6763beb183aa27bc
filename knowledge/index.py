"""The search index of one fact base: concepts per sentence, their weights, entity phrases.

A *concept* is what a word means for matching: its Snowball stem, plus the ids of the generic
synonym groups it belongs to ("expel" and "throw out" share one). Weights come from the article
itself (inverse sentence frequency), so no word list is tuned to a particular text.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from knowledge.lexicon import lexicon, normalise, stem, tokens
from knowledge.schema import Entity, Fact, FactBase, Sentence

__all__ = ["EntityPhrase", "Index", "build_index", "concepts_of", "phrase_concepts"]


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


def concepts_of(words: list[str]) -> list[frozenset[str]]:
    """One concept set per content word (stopwords dropped); phrases add their group ids."""
    word_groups, phrase_groups = _synonym_index()
    stops = lexicon().stopwords
    stems = [stem(w) for w in words]
    result: list[frozenset[str]] = []
    for i, (word, stemmed) in enumerate(zip(words, stems, strict=True)):
        extra: set[str] = set()
        for length in (2, 3):
            key = tuple(stems[i : i + length])
            if len(key) == length and key in phrase_groups:
                extra |= phrase_groups[key]
        if word in stops and not extra:
            continue
        result.append(frozenset({stemmed} | word_groups.get(stemmed, frozenset()) | extra))
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
    vocabulary: list[str]
    """Stems and words of the article, for typo correction."""
    words: set[str]
    phrases: list[EntityPhrase]
    entities: dict[str, Entity]
    sentence_entities: list[set[str]]
    facts_by_sentence: list[list[Fact]]
    numbers: list[bool]
    times: list[bool]
    entity_kinds: dict[str, str] = field(default_factory=dict)


_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens)\b",
    re.IGNORECASE,
)


def _entity_phrases(entity: Entity) -> list[EntityPhrase]:
    phrases = []
    names = {entity.name, *entity.aliases}
    for text in sorted(names):
        phrases.append(EntityPhrase(entity.id, normalise(text), tuple(phrase_concepts(text)), True))
    for title in entity.titles:
        concepts = tuple(phrase_concepts(title))
        if len(concepts) >= 1:
            phrases.append(EntityPhrase(entity.id, normalise(title), concepts, False))
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
    concepts = [
        _sentence_concepts(s, sentence_entities[i], entities) for i, s in enumerate(sentences)
    ]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, found in enumerate(concepts):
        for concept in found:
            postings[concept].append(i)
    total = len(sentences)
    idf = {c: math.log(1.0 + total / len(ids)) for c, ids in postings.items()}
    words = {w for s in sentences for w in tokens(s.text)}
    words |= {
        w for e in fact_base.entities for n in [e.name, *e.aliases, *e.titles] for w in tokens(n)
    }
    return Index(
        fact_base=fact_base,
        sentences=sentences,
        concepts=concepts,
        postings=dict(postings),
        idf=idf,
        default_idf=math.log(1.0 + total / 0.5),
        vocabulary=sorted(words),
        words=words,
        phrases=[p for e in fact_base.entities for p in _entity_phrases(e)],
        entities=entities,
        sentence_entities=sentence_entities,
        facts_by_sentence=facts_by_sentence,
        numbers=[bool(_NUMBER.search(s.text)) for s in sentences],
        times=[any(f.slots.get("time") for f in facts_by_sentence[i]) for i in range(total)],
        entity_kinds={e.id: e.kind for e in fact_base.entities},
    )


def _sentence_concepts(
    sentence: Sentence, mentioned: set[str], entities: dict[str, Entity]
) -> set[str]:
    found: set[str] = set()
    for concept in phrase_concepts(sentence.text):
        found |= concept
    for entity_id in mentioned:
        entity = entities.get(entity_id)
        if entity is not None and any(m.sentence == sentence.id for m in entity.mentions):
            found.add(f"@{entity_id}")
        else:
            found.add(f"~@{entity_id}")
    return found
