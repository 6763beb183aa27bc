"""Shared fixtures: the seed article, its fact base (built once per session) and an engine on it."""

from __future__ import annotations

import pytest

from knowledge import Engine, FactBase, build_fact_base
from knowledge.store import read_article, seed_article_path


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The bundled seed article, read as the builder reads any article."""
    return read_article(seed_article_path())


@pytest.fixture(scope="session")
def seed_fact_base(seed_text: str) -> FactBase:
    """The seed article's fact base, freshly built (not the committed JSON)."""
    return build_fact_base(seed_text)


@pytest.fixture(scope="session")
def engine(seed_fact_base: FactBase) -> Engine:
    """One engine over the seed fact base; it keeps no state between questions."""
    return Engine(seed_fact_base)
