"""The builder: article text in, validated fact base out, as a short list of named steps."""

from __future__ import annotations

from pydantic import ValidationError

from knowledge.errors import ArticleError
from knowledge.schema import Article, FactBase
from knowledge.segment import article_from_text

__all__ = ["build_fact_base"]


def build_fact_base(text: str) -> FactBase:
    """Turn an article's text into a fact base.

    Raises:
        ArticleError: the text has no sentence to build from.
    """
    article = _article(text)
    return FactBase(article=article, entities=[], facts=[])


def _article(text: str) -> Article:
    if not text.strip():
        raise ArticleError("the article is empty")
    try:
        return article_from_text(text)
    except ValidationError:
        raise ArticleError("the article has no sentence to build facts from") from None
