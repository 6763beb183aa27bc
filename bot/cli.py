"""The article-bot command line: a thin layer over the knowledge package and the front-ends."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.settings import ConfigError, Settings, load_settings
from knowledge import Engine, FactBase, KnowledgeError, build_fact_base, load_source
from knowledge.store import read_article, save_fact_base

__all__ = ["main"]

log = logging.getLogger(__name__)
EXIT_INPUT = 1
EXIT_CONFIG = 2


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, text: str
) -> argparse.ArgumentParser:
    """Add a subcommand whose one-line help is also the description its own --help shows."""
    return commands.add_parser(name, help=text, description=text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="article-bot",
        description="Answer questions about a news article, citing the sentence each answer "
        "comes from. Without a command: the Telegram bot when TELEGRAM_BOT_TOKEN is set, "
        "otherwise the console.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    build = _command(commands, "build", "Build a fact base (JSON) from an article text.")
    build.add_argument("article", type=Path, help="the article, a UTF-8 text file")
    build.add_argument("-o", "--output", type=Path, required=True, help="the JSON file to write")
    console = _command(commands, "console", "Chat about the article in the terminal.")
    console.add_argument("--json", action="store_true", help="read questions, write JSON lines")
    ask = _command(commands, "ask", "Answer one question and exit.")
    ask.add_argument("question", help="the question")
    ask.add_argument("--json", action="store_true", help="print the answer as JSON")
    evaluate = _command(commands, "eval", "Score the engine on a question-set file.")
    evaluate.add_argument("questions", type=Path, help="a question set (see tests/data/README.md)")
    evaluate.add_argument("--json", action="store_true", help="print the report as JSON")
    evaluate.add_argument("--show-errors", action="store_true", help="list the wrong answers")
    telegram = _command(commands, "telegram", "Run the Telegram bot.")
    telegram.add_argument("--webhook", action="store_true", help="serve a webhook, not polling")
    _command(commands, "health", "Exit 0 when the bot is healthy (container HEALTHCHECK).")
    for sub in (console, ask, evaluate, telegram, commands.choices["health"]):
        sub.add_argument(
            "--article",
            type=Path,
            default=None,
            help="a .txt article or a .json fact base (default: $ARTICLE_BOT_ARTICLE, "
            "else the bundled seed article)",
        )
    return parser


def _fact_base(args: argparse.Namespace, settings: Settings) -> FactBase:
    return load_source(args.article or settings.article_bot_article)


def _run_build(args: argparse.Namespace) -> int:
    fact_base = build_fact_base(read_article(args.article))
    save_fact_base(fact_base, args.output)
    print(
        f"wrote {args.output}: {len(fact_base.article.sentences)} sentences, "
        f"{len(fact_base.entities)} entities, {len(fact_base.facts)} facts",
        file=sys.stderr,
    )
    return 0


def _run_ask(args: argparse.Namespace, settings: Settings) -> int:
    engine = Engine(_fact_base(args, settings))
    answer = engine.ask(args.question)
    if args.json:
        print(json.dumps(answer.public_dict(), ensure_ascii=False))
    else:
        print(answer.reply)
    return 0


def _dispatch(args: argparse.Namespace, settings: Settings) -> int:
    command = args.command or ("telegram" if settings.telegram_bot_token else "console")
    if command == "build":
        return _run_build(args)
    if command == "ask":
        return _run_ask(args, settings)
    if command == "console":
        from bot.console import run_console

        return run_console(Engine(_fact_base(args, settings)), json_mode=args.json)
    if command == "eval":
        from bot.evaluate import run_eval

        return run_eval(
            args.questions, as_json=args.json, show_errors=args.show_errors, article=args.article
        )
    if command == "health":
        from bot.health import run_health

        return run_health(settings, args.article)
    from bot.telegram_app import run_telegram

    return run_telegram(settings, _fact_base(args, settings), webhook=args.webhook)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.article, args.json, args.webhook = None, False, False
    try:
        settings = load_settings()
        return _dispatch(args, settings)
    except ConfigError as error:
        print(f"article-bot: configuration error: {error}", file=sys.stderr)
        return EXIT_CONFIG
    except KnowledgeError as error:
        print(f"article-bot: {error}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 0
    except BrokenPipeError:
        # The reader went away (`article-bot ask ... | head`): not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
