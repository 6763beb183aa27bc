"""The console front-end: an interactive chat in a terminal, or JSON lines for scripts."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from bot import replies
from knowledge import Answer, Conversation, Engine

__all__ = ["answer_line", "command_reply", "run_console"]

_BOLD, _DIM, _CYAN, _RESET = "\033[1m", "\033[2m", "\033[36m", "\033[0m"
COMMANDS = ("/help", "/about", "/source", "/facts", "/reset", "/start")


def command_reply(engine: Engine, conversation: Conversation, command: str) -> str:
    """Run a console command (a line starting with '/') and return its reply."""
    name = command.split()[0].lower().split("@")[0]
    fact_base = engine.fact_base
    handlers: dict[str, Callable[[], str]] = {
        "/start": lambda: replies.greeting_text(engine),
        "/help": lambda: replies.help_text(engine),
        "/about": lambda: replies.about_text(fact_base),
        "/source": lambda: "\n\n".join(replies.source_text(fact_base)),
        "/facts": lambda: replies.facts_text(fact_base),
    }
    if name == "/reset":
        conversation.reset()
        return "Forgotten: ask me anything about the article."
    handler = handlers.get(name)
    if handler is None:
        return f"Unknown command {name}. Commands: {', '.join(COMMANDS)}."
    return handler()


def answer_line(engine: Engine, conversation: Conversation, line: str) -> dict[str, Any]:
    """Turn one input line into the JSON object the --json mode prints."""
    if line.startswith("/"):
        return {"command": line.split()[0], "reply": command_reply(engine, conversation, line)}
    return engine.ask(line, conversation).public_dict()


def _lines(stream: IO[bytes]) -> Iterator[str]:
    """Decode stdin line by line; invalid UTF-8 becomes U+FFFD instead of an error."""
    for raw in stream:
        yield raw.decode("utf-8", errors="replace").rstrip("\r\n")


def _run_json(engine: Engine, lines: Iterable[str], out: IO[str]) -> int:
    conversation = Conversation()
    for line in lines:
        if not line.strip():
            continue
        out.write(json.dumps(answer_line(engine, conversation, line.strip()), ensure_ascii=False))
        out.write("\n")
        out.flush()
    return 0


def _paint(text: str, style: str, colour: bool) -> str:
    return f"{style}{text}{_RESET}" if colour else text


def _show(answer: Answer, out: IO[str], colour: bool) -> None:
    if answer.answer and answer.sources:
        out.write(_paint(answer.answer, _BOLD, colour) + "\n")
        source = answer.sources[0]
        quote = f"  {source.text}\n  (paragraph {source.paragraph})"
        out.write(_paint(quote, _DIM, colour) + "\n")
    else:
        out.write(answer.reply + "\n")
    if answer.suggestions and answer.answered:
        out.write(_paint("You could also ask: " + " | ".join(answer.suggestions), _CYAN, colour))
        out.write("\n")


def _interactive(engine: Engine, out: IO[str], colour: bool) -> int:
    conversation = Conversation()
    if colour:
        import readline  # noqa: F401  (line editing and history for input())
    out.write(replies.greeting_text(engine) + "\nEnd with Ctrl-D.\n")
    while True:
        try:
            line = input(_paint("> ", _CYAN, colour) if colour else "")
        except (EOFError, KeyboardInterrupt):
            out.write("\n")
            return 0
        line = line.strip()
        if not line:
            continue
        if line.startswith("/"):
            out.write(command_reply(engine, conversation, line) + "\n")
        else:
            _show(engine.ask(line, conversation), out, colour)


def run_console(engine: Engine, json_mode: bool = False) -> int:
    """Run the console until end of input; return the exit status."""
    try:
        if json_mode:
            return _run_json(engine, _lines(sys.stdin.buffer), sys.stdout)
        return _interactive(engine, sys.stdout, colour=sys.stdin.isatty() and sys.stdout.isatty())
    except KeyboardInterrupt:
        return 0
    except BrokenPipeError:
        return 0
