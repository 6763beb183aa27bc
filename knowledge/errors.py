"""Errors the knowledge package raises for bad input; each carries a one-line message."""

from __future__ import annotations

__all__ = ["ArticleError", "FactBaseError", "KnowledgeError"]


class KnowledgeError(Exception):
    """Base class: the message is one line a user can act on."""


class ArticleError(KnowledgeError):
    """An article text cannot be read or has nothing to build from."""


class FactBaseError(KnowledgeError):
    """A fact-base file is malformed or fails validation."""
