"""Logging set-up: text or one JSON object per line, with secrets scrubbed from every record."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import TextIO

__all__ = ["JsonFormatter", "RedactingFilter", "setup_logging"]

_TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactingFilter(logging.Filter):
    """Replace every occurrence of the given secrets in a record's message with '[REDACTED]'."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [secret for secret in secrets if secret]

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        try:
            message = record.getMessage()
        except Exception:
            # A malformed call (log.info("%d", "x")) must not raise into the caller, which is what
            # happens in a filter; logging would only have printed a "Logging error" in emit().
            message = f"{record.msg} (unformattable arguments: {record.args!r})"
        text = record.exc_text or ""
        if record.exc_info and not text:
            text = logging.Formatter().formatException(record.exc_info)
        for secret in self.secrets:
            message = message.replace(secret, "[REDACTED]")
            text = text.replace(secret, "[REDACTED]")
        record.msg, record.args = message, None
        if text:
            record.exc_text, record.exc_info = text, None
        return True


class JsonFormatter(logging.Formatter):
    """Format a record as one JSON object on one line."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key in ("chat_id", "update_id", "method", "attempt"):
            if key in record.__dict__:
                entry[key] = record.__dict__[key]
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False)


def setup_logging(
    level: str = "INFO",
    fmt: str = "text",
    secrets: list[str] | None = None,
    stream: TextIO | None = None,
) -> None:
    """Send logs to stdout (or ``stream``) in the chosen format, scrubbing secrets; quieten
    chatty libraries."""
    handler = logging.StreamHandler(stream or sys.stdout)
    handler.setFormatter(JsonFormatter() if fmt == "json" else logging.Formatter(_TEXT_FORMAT))
    handler.addFilter(RedactingFilter(secrets or []))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # httpx logs every request URL, and Telegram URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
