"""A liveness heartbeat: the bot touches a file whenever its update loop makes progress,
and `article-bot health` fails when the file is older than a bound."""

from __future__ import annotations

import os
import time
from pathlib import Path

__all__ = ["age", "beat"]


def beat(path: Path) -> None:
    """Record progress now (create the file or bump its modification time)."""
    try:
        path.touch(exist_ok=True)
        os.utime(path)
    except OSError:
        pass  # A read-only or full disk must never stop the bot; health will report it.


def age(path: Path, now: float | None = None) -> float | None:
    """Seconds since the last beat, or None when there has been none."""
    try:
        modified = path.stat().st_mtime
    except OSError:
        return None
    return max(0.0, (time.time() if now is None else now) - modified)
