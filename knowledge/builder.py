"""The builder: article text in, validated fact base out, as a short list of named steps."""

from __future__ import annotations

from pydantic import ValidationError

from knowledge.entities import collect_drafts, find_entities
from knowledge.errors import ArticleError
from knowledge.events import find_actions, find_attributes, find_meetings
from knowledge.quantities import find_quantities
from knowledge.resolve import (
    link_slots,
    resolve_descriptions,
    resolve_holders,
    resolve_speakers,
)
from knowledge.schema import Article, Evidence, Fact, FactBase, Slot
from knowledge.segment import article_from_text
from knowledge.statements import FactDraft, find_reports, find_statements
from knowledge.unknowns import find_unknowns

__all__ = ["EXTRACTORS", "build_fact_base"]

EXTRACTORS = (
    find_meetings,
    find_statements,
    find_reports,
    find_actions,
    find_attributes,
    find_quantities,
    find_unknowns,
)
"""One step per kind of fact; each takes the sentences and returns fact drafts."""


def build_fact_base(text: str) -> FactBase:
    """Turn an article's text into a fact base.

    Raises:
        ArticleError: the text is empty or has no sentence to build from.
    """
    article = _article(text)
    drafts = collect_drafts(article.sentences)
    facts = _extract(article)
    resolve_speakers(facts, drafts, article.sentences)
    resolve_holders(facts)
    resolve_descriptions(facts, drafts)
    entities = find_entities(drafts, article.sentences)
    link_slots(facts, drafts, [entity.id for entity in entities], article.sentences)
    return FactBase(article=article, entities=entities, facts=_facts(facts))


def _article(text: str) -> Article:
    if not text.strip():
        raise ArticleError("the article is empty")
    try:
        return article_from_text(text)
    except ValidationError:
        raise ArticleError("the article has no sentence to build facts from") from None


def _extract(article: Article) -> list[FactDraft]:
    drafts = [draft for extract in EXTRACTORS for draft in extract(article.sentences)]
    order = {sentence.id: i for i, sentence in enumerate(article.sentences)}
    drafts.sort(key=lambda d: (order[d.sentence.id], d.start))
    return drafts


def _facts(drafts: list[FactDraft]) -> list[Fact]:
    facts: list[Fact] = []
    seen: set[tuple[str, str, tuple[tuple[str, str], ...]]] = set()
    counters: dict[str, int] = {}
    for draft in drafts:
        key = (draft.kind, draft.sentence.id, tuple(sorted(draft.slots.items())))
        if key in seen or not draft.slots:
            continue
        seen.add(key)
        counters[draft.kind] = counters.get(draft.kind, 0) + 1
        length = len(draft.sentence.text)
        start = min(max(draft.start, 0), length - 1)
        end = min(max(draft.end, start + 1), length)
        facts.append(
            Fact(
                id=f"{draft.kind}-{counters[draft.kind]}",
                kind=draft.kind,
                slots={
                    name: Slot(text=value, entity=draft.entities.get(name))
                    for name, value in draft.slots.items()
                },
                sentences=[draft.sentence.id],
                evidence=[Evidence(sentence=draft.sentence.id, start=start, end=end)],
            )
        )
    return facts
