"""The health check behind `article-bot health` and the container's HEALTHCHECK.

It prints one line and exits 0 (healthy) or 1 (unhealthy), after two checks:

1. The fact base loads: the one the bot answers from (``--article``, else ``ARTICLE_BOT_ARTICLE``,
   else the bundled seed). A mounted article that went missing or broke is unhealthy.
2. The update loop of a running bot makes progress, read from the heartbeat file
   (``HEARTBEAT_FILE``, bumped by :func:`bot.heartbeat.beat`):

   - no file: no bot has beaten here yet. That is a ``console`` or ``ask`` run, or a bot still
     starting (the image's HEALTHCHECK start period covers that), so it is healthy, provided the
     file's directory is writable: a bot that cannot write its heartbeat could never prove progress.
   - a file at most ``HEARTBEAT_MAX_AGE`` seconds old: healthy.
   - an older file: the loop has stalled (say, a poller hung after a network failure): unhealthy,
     so an orchestrator restarts the container.

What this expects from the Telegram front-end (``bot.telegram_app``):

- Polling: call ``beat`` after every successful getUpdates. A long poll returns at least every
  poll timeout even when nobody writes, so an idle bot stays fresh. Also beat once at start-up,
  just before polling begins, so a poller whose first getUpdates never succeeds goes stale instead
  of looking like a bot that has not started.
- Webhook mode has no getUpdates: beat for every update received, and from a repeating job every
  ``HEARTBEAT_MAX_AGE / 3`` seconds or so, so an idle webhook bot stays fresh as long as its event
  loop turns. Without that job an idle webhook bot would be reported stalled.
- Keep ``HEARTBEAT_MAX_AGE`` well above the getUpdates timeout plus the longest back-off between
  failed polls, so a short network outage is not mistaken for a stall.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from bot import heartbeat
from bot.settings import Settings
from knowledge import KnowledgeError, load_source

__all__ = [
    "EXIT_HEALTHY",
    "EXIT_UNHEALTHY",
    "Check",
    "check_fact_base",
    "check_heartbeat",
    "run_health",
]

EXIT_HEALTHY = 0
EXIT_UNHEALTHY = 1  # Docker reserves 2; any other failure is 1.


@dataclass(frozen=True)
class Check:
    """The outcome of one check: whether it passed and a short phrase saying why."""

    ok: bool
    detail: str


def check_fact_base(source: Path | None) -> Check:
    """Load the fact base the bot answers from (None: the bundled seed)."""
    try:
        fact_base = load_source(source)
    except KnowledgeError as error:
        return Check(False, f"the fact base does not load: {error}")
    return Check(
        True,
        f"fact base loads ({len(fact_base.article.sentences)} sentences, "
        f"{len(fact_base.facts)} facts)",
    )


def check_heartbeat(path: Path, max_age: float, now: float | None = None) -> Check:
    """Judge the bot's liveness from the age of its heartbeat file (see the module docstring)."""
    seconds = heartbeat.age(path, now)
    if seconds is None:
        directory = path.parent
        if not os.access(directory, os.W_OK | os.X_OK):
            return Check(False, f"the heartbeat cannot be written: {directory} is not writable")
        return Check(True, "no heartbeat yet (starting up, or no bot running)")
    if seconds > max_age:
        return Check(
            False, f"no progress for {seconds:.0f}s (limit {max_age:.0f}s): the update loop stalled"
        )
    return Check(True, f"last heartbeat {seconds:.0f}s ago")


def run_health(settings: Settings, article_path: Path | None, out: TextIO | None = None) -> int:
    """Run every check, print one line saying healthy or why not, and return the exit status."""
    checks = [
        check_fact_base(article_path or settings.article_bot_article),
        check_heartbeat(settings.heartbeat_file, settings.heartbeat_max_age),
    ]
    healthy = all(check.ok for check in checks)
    verdict = "healthy" if healthy else "unhealthy"
    print(f"{verdict}: " + "; ".join(check.detail for check in checks), file=out or sys.stdout)
    return EXIT_HEALTHY if healthy else EXIT_UNHEALTHY
