"""The knowledge side of article-bot: fact bases, their builder, and question answering.

Nothing here knows about Telegram or terminals; front-ends in ``bot`` call :class:`Engine`.
"""

from knowledge.answers import Answer, Source
from knowledge.builder import build_fact_base
from knowledge.dialogue import Conversation
from knowledge.engine import MAX_QUESTION_CHARS, Engine
from knowledge.errors import ArticleError, FactBaseError, KnowledgeError
from knowledge.schema import FactBase
from knowledge.store import load_fact_base, load_source, save_fact_base

__all__ = [
    "MAX_QUESTION_CHARS",
    "Answer",
    "ArticleError",
    "Conversation",
    "Engine",
    "FactBase",
    "FactBaseError",
    "KnowledgeError",
    "Source",
    "build_fact_base",
    "load_fact_base",
    "load_source",
    "save_fact_base",
]
