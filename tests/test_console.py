"""Tests for bot.console: JSON lines for scripts, the interactive chat, and the slash commands."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.console import command_reply, run_console
from knowledge import MAX_QUESTION_CHARS, Conversation, Engine

ANSWER_KEYS = {"question", "answered", "answer", "reply", "sources", "confidence", "suggestions"}
LONG_QUESTION = "Who did the head of the Mossad meet " + "and when exactly " * 600 + "?"
TIMEOUT = 60


def _feed(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    """Make data the process's standard input (a pipe, not a terminal)."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def _json_lines(
    engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    data: bytes,
) -> list[dict[str, Any]]:
    """Run `console --json` on data; return the objects it printed, checking one per line."""
    _feed(monkeypatch, data)
    assert run_console(engine, json_mode=True) == 0
    out = capsys.readouterr().out
    assert out.endswith("\n") or out == ""
    return [json.loads(line) for line in out.splitlines()]


def _well_formed(obj: dict[str, Any]) -> None:
    """An answer object has exactly the documented keys; answered iff it cites a source."""
    assert set(obj) == ANSWER_KEYS
    assert obj["answered"] == bool(obj["sources"])
    assert isinstance(obj["reply"], str) and obj["reply"]


def test_json_mode_one_object_per_non_empty_line_in_order(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Questions and commands come back in order, one object each; blank lines are skipped."""
    data = b"Who met Burns?\n\n   \n/about\nWhere did Hamas go?\r\n\nWho won the World Cup?"
    objects = _json_lines(engine, monkeypatch, capsys, data)
    assert [o.get("question", o.get("command")) for o in objects] == [
        "Who met Burns?",
        "/about",
        "Where did Hamas go?",
        "Who won the World Cup?",
    ]
    assert set(objects[1]) == {"command", "reply"}
    assert "With AFP" in objects[1]["reply"]
    for obj in (objects[0], objects[2], objects[3]):
        _well_formed(obj)
    assert (objects[0]["answered"], objects[3]["answered"]) == (True, False)


ODD_LINES = [
    (b"\xff\xfe Who met \xc3( Burns?", "\ufffd"),
    ("Who met Burns? 😀🇮🇱👩‍👩‍👧".encode(), "😀"),
    ("מי נפגש עם ברנס؟ من التقى بيرنز؟".encode(), "מי"),
    (b"<b>Who</b> met <i>Burns</i>? <script>alert(1)</script> &amp;", "<script>"),
    (b"?!... ;;; -- !!!", "?!..."),
    (b"\x1b[31mWho met Burns?\x1b[0m\x07", "\x1b[31m"),
    (("Burns " * 2000).encode(), "Burns "),
]


@pytest.mark.parametrize(
    ("line", "echoed"),
    ODD_LINES,
    ids=["invalid-utf-8", "emoji", "rtl", "html", "only-punctuation", "control-chars", "10k-chars"],
)
def test_json_mode_odd_line_gives_one_well_formed_object(
    engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    line: bytes,
    echoed: str,
) -> None:
    """Any line, however odd, gives exactly one well-formed JSON object that echoes it."""
    [obj] = _json_lines(engine, monkeypatch, capsys, line + b"\n")
    _well_formed(obj)
    assert echoed in obj["question"]
    assert len(obj["question"]) <= MAX_QUESTION_CHARS


def test_json_mode_long_question_is_cut_and_says_so(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A question over the limit is answered from its start, and the reply says it was cut."""
    assert len(LONG_QUESTION) > 10_000
    [obj] = _json_lines(engine, monkeypatch, capsys, LONG_QUESTION.encode() + b"\n")
    _well_formed(obj)
    assert obj["question"] == LONG_QUESTION[:MAX_QUESTION_CHARS]
    assert f"longer than {MAX_QUESTION_CHARS} characters" in obj["reply"]


def test_json_mode_empty_input(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No input at all: nothing printed, exit status 0."""
    assert _json_lines(engine, monkeypatch, capsys, b"") == []


COMMANDS = [
    ("/start", "Hello!"),
    ("/help", "Commands: /help"),
    ("/about", "11 paragraphs, 11 sentences"),
    ("/source", "[11] “It should be noted"),
    ("/facts", "[meeting, ¶2]"),
    ("/reset", "Forgotten"),
    ("/ABOUT", "Credit: With AFP"),
    ("/about@article_bot extra words", "Credit: With AFP"),
    ("/weather", "Unknown command /weather. Commands: /help"),
]


@pytest.mark.parametrize(("command", "expected"), COMMANDS, ids=[c[0].split()[0] for c in COMMANDS])
def test_command_reply(engine: Engine, command: str, expected: str) -> None:
    """Each slash command answers with its text; an unknown one lists the commands."""
    assert expected in command_reply(engine, Conversation(), command)


def test_source_command_skips_boilerplate(engine: Engine) -> None:
    """/source shows the article body only, not the newsletter prompts after it."""
    reply = command_reply(engine, Conversation(), "/source")
    assert reply.count("\n\n") == 10
    assert "newsletter" not in reply.lower()


def test_reset_forgets_the_conversation(engine: Engine) -> None:
    """/reset clears the context a follow-up question would use."""
    conversation = Conversation()
    engine.ask("Who did David Barnea meet?", conversation)
    assert conversation.entities
    command_reply(engine, conversation, "/reset")
    assert (conversation.entities, conversation.question, conversation.turns) == ([], None, 0)


def test_interactive_on_a_pipe_is_plain_text(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Piped input: greeting, answer with its quoted source, no ANSI colours, exit 0 at the end."""
    _feed(monkeypatch, b"Who is Hagari?\n\n/about\nWho won the World Cup?\n")
    assert run_console(engine) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert out.startswith("Hello! I answer questions about one news article")
    assert "Israeli military spokesman Daniel Hagari said" in out
    assert "(paragraph 8)" in out
    assert "Credit: With AFP" in out
    assert "The article doesn't say." in out


def _console(args: list[str], data: bytes, env: dict[str, str], cwd: Path) -> tuple[int, str, str]:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "console", *args],
        input=data,
        capture_output=True,
        timeout=TIMEOUT,
        env=env,
        cwd=cwd,
        check=False,
    )
    return result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")


def test_console_json_process(bot_env: dict[str, str], tmp_path: Path) -> None:
    """`console --json` as a process: one JSON line per non-empty input line, exit 0 at EOF."""
    data = b"Who met Burns?\n\n/help\n\xff bad\n" + LONG_QUESTION.encode() + b"\n"
    status, out, err = _console(["--json"], data, bot_env, tmp_path)
    assert (status, err) == (0, "")
    objects = [json.loads(line) for line in out.splitlines()]
    assert len(objects) == 4
    assert objects[1]["command"] == "/help"
    for obj in (objects[0], objects[2], objects[3]):
        _well_formed(obj)


@pytest.mark.parametrize(
    "data", [b"Who is Hagari?\n/about\n", b""], ids=["questions", "immediate-end-of-input"]
)
def test_interactive_console_process(bot_env: dict[str, str], tmp_path: Path, data: bytes) -> None:
    """The interactive console through a pipe prints plain text and exits 0 at end of input."""
    status, out, err = _console([], data, bot_env, tmp_path)
    assert (status, err) == (0, "")
    assert "\x1b" not in out
    assert out.startswith("Hello!")
    if data:
        assert "Daniel Hagari" in out and "Credit: With AFP" in out
