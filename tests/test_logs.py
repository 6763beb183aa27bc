"""Tests for bot.logs: secrets scrubbed from messages and tracebacks, JSON lines, the set-up."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable, Iterator

import pytest

from bot.logs import JsonFormatter, RedactingFilter, setup_logging

TOKEN = "123456789:AAHfake-token_for_tests_only_0123456789"
URL = f"https://api.telegram.org/bot{TOKEN}/getUpdates"


@pytest.fixture
def root_logger() -> Iterator[logging.Logger]:
    """The root logger, with its handlers and level put back after the test."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield root
    root.handlers[:] = handlers
    root.setLevel(level)


def _logger(
    stream: io.StringIO, formatter: logging.Formatter, secrets: list[str]
) -> logging.Logger:
    """A private logger writing through one redacting handler into stream."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    handler.addFilter(RedactingFilter(secrets))
    logger = logging.getLogger(f"test-logs-{id(stream)}")
    logger.handlers[:] = [handler]
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    return logger


def _fail_with_token() -> None:
    raise ConnectionError(f"cannot reach {URL}")


CALLS: list[tuple[str, Callable[[logging.Logger], None]]] = [
    ("in-the-message", lambda log: log.info(f"POST {URL}")),
    ("in-the-arguments", lambda log: log.info("POST %s -> %d", URL, 200)),
    ("twice", lambda log: log.warning("%s and again %s", TOKEN, TOKEN)),
    ("in-an-object-argument", lambda log: log.info("request %r", {"url": URL})),
    ("bad-arguments", lambda log: log.info("%d requests to %s", "many", URL)),
]


@pytest.mark.parametrize("call", [c[1] for c in CALLS], ids=[c[0] for c in CALLS])
@pytest.mark.parametrize("formatter", [logging.Formatter(), JsonFormatter()], ids=["text", "json"])
def test_token_is_redacted_from_messages(
    call: Callable[[logging.Logger], None], formatter: logging.Formatter
) -> None:
    """Wherever the token appears in a message, the output shows [REDACTED] instead."""
    stream = io.StringIO()
    log = _logger(stream, formatter, [TOKEN])
    call(log)
    out = stream.getvalue()
    assert TOKEN not in out
    assert "[REDACTED]" in out


@pytest.mark.parametrize("formatter", [logging.Formatter(), JsonFormatter()], ids=["text", "json"])
def test_token_is_redacted_from_tracebacks(formatter: logging.Formatter) -> None:
    """A logged exception whose text holds the token is written without it."""
    stream = io.StringIO()
    log = _logger(stream, formatter, [TOKEN])
    try:
        _fail_with_token()
    except ConnectionError:
        log.exception("polling failed")
    out = stream.getvalue()
    assert TOKEN not in out
    assert "ConnectionError: cannot reach https://api.telegram.org/bot[REDACTED]/getUpdates" in out


def test_no_secrets_leaves_records_alone() -> None:
    """Without secrets (no token configured) the filter changes nothing; empty ones are ignored."""
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "a %s", ("b",), None)
    assert RedactingFilter(["", ""]).filter(record)
    assert (record.msg, record.args) == ("a %s", ("b",))


def test_json_lines_are_one_valid_object_each() -> None:
    """Every record is one line of JSON, even with newlines, quotes and extra fields."""
    stream = io.StringIO()
    log = _logger(stream, JsonFormatter(), [TOKEN])
    log.info('first line\nsecond "line"', extra={"chat_id": 42, "update_id": 7})
    log.error("ünïcödé ✓ %s", "עברית")
    try:
        _fail_with_token()
    except ConnectionError:
        log.exception("with a traceback")
    lines = stream.getvalue().splitlines()
    assert len(lines) == 3
    entries = [json.loads(line) for line in lines]
    assert [e["level"] for e in entries] == ["INFO", "ERROR", "ERROR"]
    assert entries[0]["message"] == 'first line\nsecond "line"'
    assert (entries[0]["chat_id"], entries[0]["update_id"]) == (42, 7)
    assert entries[1]["message"] == "ünïcödé ✓ עברית"
    assert "Traceback" in entries[2]["exception"]
    assert all({"time", "level", "logger", "message"} <= set(e) for e in entries)


@pytest.mark.usefixtures("root_logger")
def test_setup_logging_json_to_stdout_redacted(capsys: pytest.CaptureFixture[str]) -> None:
    """setup_logging sends JSON lines to stdout, scrubs the token and quietens httpx."""
    setup_logging("INFO", "json", secrets=[TOKEN])
    logging.getLogger("bot.test").info("calling %s", URL)
    logging.getLogger("httpx").info("HTTP Request: POST %s", URL)
    out = capsys.readouterr().out
    [line] = out.splitlines()
    assert (
        json.loads(line)["message"] == "calling https://api.telegram.org/bot[REDACTED]/getUpdates"
    )
    assert logging.getLogger("httpx").level == logging.WARNING


@pytest.mark.usefixtures("root_logger")
def test_setup_logging_text_level(capsys: pytest.CaptureFixture[str]) -> None:
    """Text format honours the level: DEBUG is dropped at INFO, WARNING is shown."""
    setup_logging("INFO", "text")
    logging.getLogger("bot.test").debug("hidden")
    logging.getLogger("bot.test").warning("shown")
    out = capsys.readouterr().out
    assert "hidden" not in out
    assert out.rstrip().endswith("WARNING bot.test: shown")
