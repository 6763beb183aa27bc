"""The fact base: a versioned, reviewable description of one article and what it says.

Every sentence is stored verbatim with its character span in the article text; every fact points at
the sentence(s) it rests on and at an evidence span inside each of them. Loading a fact base checks
all of that (see :func:`FactBase.check_references`), so a hand-edited or corrupted file is rejected
with the name of the field that is wrong.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Entity",
    "EntityKind",
    "Evidence",
    "Fact",
    "FactBase",
    "FactKind",
    "Mention",
    "Paragraph",
    "Sentence",
    "Slot",
]

SCHEMA_VERSION = 1

EntityKind = Literal["person", "organisation", "place", "event", "date", "group"]
FactKind = Literal["meeting", "statement", "report", "action", "attribute", "not_known"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Sentence(_Model):
    """One sentence of the article body, verbatim."""

    id: str = Field(description="Stable id, 'p<paragraph>s<sentence>'.")
    paragraph: int = Field(ge=1, description="1-based paragraph number.")
    index: int = Field(ge=1, description="1-based sentence number within its paragraph.")
    text: str = Field(min_length=1)
    start: int = Field(ge=0, description="Offset of the first character in Article.text.")
    end: int = Field(ge=0, description="Offset just past the last character in Article.text.")


class Paragraph(_Model):
    """One paragraph of the body and the ids of its sentences."""

    number: int = Field(ge=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    sentences: list[str]


class Article(_Model):
    """The article text, split into body paragraphs and sentences; boilerplate kept apart."""

    text: str = Field(description="The whole article as read (newlines normalised).")
    title: str = Field(description="A short label: the first sentence, shortened.")
    credit: str | None = Field(default=None, description="Agency credit, e.g. 'AFP'.")
    credit_line: str | None = Field(default=None, description="The credit line as written.")
    paragraphs: list[Paragraph]
    sentences: list[Sentence] = Field(min_length=1)
    boilerplate: list[str] = Field(
        default_factory=list, description="Page furniture after the body, never used as a source."
    )


class Mention(_Model):
    """Where an entity is named or referred to: a span inside one sentence."""

    sentence: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Entity(_Model):
    """A person, organisation, place, event, date or group the article talks about."""

    id: str
    kind: EntityKind
    name: str = Field(min_length=1, description="Canonical name, the fullest form used.")
    aliases: list[str] = Field(default_factory=list, description="Other names and references.")
    titles: list[str] = Field(default_factory=list, description="Roles: 'head of the CIA'.")
    description: str | None = Field(default=None, description="The longest descriptive phrase.")
    mentions: list[Mention] = Field(default_factory=list)
    gender: Literal["male", "female"] | None = Field(
        default=None, description="A person's, as the article's pronouns for them tell."
    )


class Slot(_Model):
    """One filled role of a fact: its text as written, and the entity it refers to, if any."""

    text: str = Field(min_length=1)
    entity: str | None = None


class Evidence(_Model):
    """The part of a sentence a fact rests on; offsets are relative to the sentence text."""

    sentence: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Fact(_Model):
    """One thing the article says, with its kind, its slots and where it says it."""

    id: str
    kind: FactKind
    slots: dict[str, Slot]
    sentences: list[str] = Field(min_length=1)
    evidence: list[Evidence] = Field(min_length=1)


class FactBase(_Model):
    """The whole fact base of one article."""

    schema_version: int = SCHEMA_VERSION
    generator: str = "article-bot"
    article: Article
    entities: list[Entity]
    facts: list[Fact]

    @field_validator("schema_version")
    @classmethod
    def check_version(cls, version: int) -> int:
        """Reject another schema version; as the first field its error is reported first."""
        if version != SCHEMA_VERSION:
            raise ValueError(f"schema_version {version} is not {SCHEMA_VERSION}")
        return version

    @model_validator(mode="after")
    def check_references(self) -> FactBase:
        """Reject sentences not verbatim in the text, stray spans and dangling references."""
        sentences = _check_sentences(self.article)
        entity_ids = _check_entity_ids(self.entities)
        for i, entity in enumerate(self.entities):
            for j, mention in enumerate(entity.mentions):
                where = f"entities[{i}].mentions[{j}]"
                _check_span(sentences, mention.sentence, mention.start, mention.end, where)
        for i, fact in enumerate(self.facts):
            _check_fact(fact, i, sentences, entity_ids)
        return self

    def sentence(self, sentence_id: str) -> Sentence:
        """Return the sentence with this id."""
        return self.sentence_index()[sentence_id]

    def sentence_index(self) -> dict[str, Sentence]:
        """Map sentence ids to sentences."""
        return {s.id: s for s in self.article.sentences}

    def entity_index(self) -> dict[str, Entity]:
        """Map entity ids to entities."""
        return {e.id: e for e in self.entities}


def _check_sentences(article: Article) -> dict[str, Sentence]:
    sentences: dict[str, Sentence] = {}
    for i, sentence in enumerate(article.sentences):
        where = f"article.sentences[{i}]"
        if sentence.id in sentences:
            raise ValueError(f"{where}.id: duplicate sentence id {sentence.id!r}")
        if article.text[sentence.start : sentence.end] != sentence.text:
            raise ValueError(f"{where}.text: not verbatim in article.text at its span")
        sentences[sentence.id] = sentence
    for i, paragraph in enumerate(article.paragraphs):
        for sentence_id in paragraph.sentences:
            if sentence_id not in sentences:
                raise ValueError(f"article.paragraphs[{i}].sentences: unknown id {sentence_id!r}")
    return sentences


def _check_entity_ids(entities: list[Entity]) -> set[str]:
    entity_ids: set[str] = set()
    for i, entity in enumerate(entities):
        if entity.id in entity_ids:
            raise ValueError(f"entities[{i}].id: duplicate entity id {entity.id!r}")
        entity_ids.add(entity.id)
    return entity_ids


def _check_span(
    sentences: dict[str, Sentence], sentence_id: str, start: int, end: int, where: str
) -> None:
    sentence = sentences.get(sentence_id)
    if sentence is None:
        raise ValueError(f"{where}.sentence: unknown sentence id {sentence_id!r}")
    if not 0 <= start < end <= len(sentence.text):
        raise ValueError(f"{where}: span {start}..{end} is not inside sentence {sentence_id!r}")


def _check_fact(
    fact: Fact, index: int, sentences: dict[str, Sentence], entity_ids: set[str]
) -> None:
    where = f"facts[{index}]"
    for sentence_id in fact.sentences:
        if sentence_id not in sentences:
            raise ValueError(f"{where}.sentences: unknown sentence id {sentence_id!r}")
    for j, evidence in enumerate(fact.evidence):
        if evidence.sentence not in fact.sentences:
            raise ValueError(f"{where}.evidence[{j}].sentence: not one of the fact's sentences")
        _check_span(
            sentences, evidence.sentence, evidence.start, evidence.end, f"{where}.evidence[{j}]"
        )
    for name, slot in fact.slots.items():
        if slot.entity is not None and slot.entity not in entity_ids:
            raise ValueError(f"{where}.slots.{name}.entity: unknown entity id {slot.entity!r}")
