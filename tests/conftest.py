"""Shared fixtures: the seed article, its fact base (built once per session), an engine on it,
and a clean environment for running the command line."""

from __future__ import annotations

import os
from pathlib import Path

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


BOT_VARIABLES = (
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_API_BASE_URL",
    "ARTICLE_BOT_ARTICLE",
    "LOG_LEVEL",
    "LOG_FORMAT",
    "WEBHOOK_URL",
    "WEBHOOK_SECRET",
    "PORT",
    "HEARTBEAT_FILE",
    "HEARTBEAT_MAX_AGE",
)


@pytest.fixture
def bot_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Run in an empty directory (no .env) without the bot's variables; returns that environment.

    In-process calls of bot.cli.main see it through os.environ; pass it as env= to subprocesses.
    """
    monkeypatch.chdir(tmp_path)
    for name in BOT_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PYTHONIOENCODING", "utf-8")
    return dict(os.environ)
