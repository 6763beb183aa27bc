"""Benchmark the Telegram bot against a bare python-telegram-bot echo bot, side by side.

Both bots run in this process, one after the other, with the same concurrency and connection pool,
polling the same local Bot API stand-in (``python -m bot.botapi_standin``), which runs as a separate
process so it does not compete with the bot for the GIL and timestamps every question and reply on
its own clock. Phases, each run for both bots:

1. throughput: a burst of questions from many chats at once; questions answered per second.
2. latency: questions paced at a steady rate; reply latency, median and 95th percentile.
3. faults: 10% of sendMessage calls fail (500, 429 with retry_after, connection dropped before
   processing); questions lost (no reply) and answered twice.
4. ambiguous faults: 10% of sendMessage calls are processed but their connection is dropped
   before the answer, so the bot cannot know they arrived; lost and answered twice again. This
   measures the documented cost of retrying ambiguous failures (see bot/delivery.py).

The article bot runs with its flood limiter on but its limits raised far above what the stand-in
can serve (the stand-in enforces none; with Telegram's 30 messages/s the limiter, not the code,
would set the pace).

    .venv/bin/python benchmarks/telegram_bench.py [--questions 2000] [--chats 200]

Exits 0 when the bot reaches 0.9x the echo bot's throughput and loses and doubles no question
under the phase-3 faults; 1 otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from pydantic import SecretStr
from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters
from telegram.request import HTTPXRequest

from bot.settings import Settings
from bot.telegram_app import ALLOWED_UPDATES, TelegramApp, TelegramConfig, build_application
from bot.telegram_transport import FloodLimits
from knowledge import Engine, load_source

TOKEN = "123456789:" + "BenchmarkTokenBenchmarkToken0123456"
ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "tests" / "data" / "questions" / "seed_dev.json"
FAULTS = ("500", "429", "drop")
THROUGHPUT_TARGET = 0.9


# -- the stand-in, in its own process ------------------------------------------------------------


class StandIn:
    """A ``python -m bot.botapi_standin`` subprocess and its control API."""

    def __init__(self, process: subprocess.Popen[str], base_url: str) -> None:
        self.process, self.base_url = process, base_url
        self.control_url = base_url.removesuffix("/bot") + "/_test"

    def get(self, path: str) -> Any:
        with urllib.request.urlopen(f"{self.control_url}/{path}", timeout=30) as response:
            return json.loads(response.read())

    def post(self, path: str, body: object) -> Any:
        request = urllib.request.Request(f"{self.control_url}/{path}", json.dumps(body).encode())
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())


@contextlib.contextmanager
def standin_process() -> Iterator[StandIn]:
    """Start the stand-in on a free port; stop it at the end."""
    command = [sys.executable, "-m", "bot.botapi_standin", "--port", "0", "--quiet"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert process.stdout is not None
        listening = json.loads(process.stdout.readline())
        yield StandIn(process, listening["base_url"])
    finally:
        process.terminate()
        process.wait(10)


# -- the two bots --------------------------------------------------------------------------------


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Echo the user message."""
    if update.message is not None and update.message.text is not None:
        await update.message.reply_text(update.message.text)


def echo_bot(base_url: str, concurrency: int) -> TelegramApp:
    """PTB's echobot example, with the same concurrency and pool as the article bot."""
    app: TelegramApp = (
        Application.builder()
        .token(TOKEN)
        .base_url(base_url)
        .request(HTTPXRequest(connection_pool_size=concurrency + 16))
        .concurrent_updates(concurrency)
        .build()
    )
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    return app


def article_bot(base_url: str, concurrency: int, workdir: Path) -> TelegramApp:
    """The real bot, as run_telegram builds it, on the bundled seed article."""
    settings = Settings(
        _env_file=None,
        telegram_bot_token=SecretStr(TOKEN),
        telegram_api_base_url=base_url,
        heartbeat_file=workdir / "heartbeat",
    )
    unbounded = FloodLimits(overall_per_second=1e6, group_per_minute=1e6)
    config = TelegramConfig(concurrency=concurrency, flood=unbounded)
    return build_application(settings, Engine(load_source(None)), config=config)


@contextlib.asynccontextmanager
async def polling(app: TelegramApp) -> AsyncIterator[TelegramApp]:
    """Run an application's polling loop, as run_polling does, for the body's duration."""
    await app.initialize()
    if app.post_init is not None:
        await app.post_init(app)
    assert app.updater is not None
    await app.updater.start_polling(
        timeout=timedelta(seconds=2),
        allowed_updates=ALLOWED_UPDATES,
        # As run_polling does: polling errors go to the application's error handler.
        error_callback=lambda error: app.create_task(app.process_error(None, error)),
    )
    await app.start()
    try:
        yield app
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()


# -- measuring -----------------------------------------------------------------------------------


@dataclass
class Outcome:
    """What one phase measured for one bot."""

    questions: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    lost: int = 0
    doubled: int = 0
    cpu: float = 0.0
    """CPU seconds this process (the bot) spent during the phase."""

    @property
    def throughput(self) -> float:
        return self.questions / self.seconds if self.seconds else 0.0

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def outcome(api: StandIn) -> Outcome:
    """Match every reply the stand-in accepted to its question; count, time and judge them."""
    questions = [q for q in api.get("injected") if q["kind"] == "message"]
    by_id = {(q["chat"], q["message_id"]): q for q in questions}
    unanswered: dict[tuple[int, str], list[dict[str, Any]]] = {}
    for question in questions:
        unanswered.setdefault((question["chat"], question["text"]), []).append(question)
    replies: dict[int, list[float]] = {q["update_id"]: [] for q in questions}
    for call in api.get("sent?method=sendMessage"):
        params = call["params"]
        quoted = params.get("reply_parameters", {}).get("message_id")
        if quoted is not None:
            question = by_id[(params["chat_id"], quoted)]
        else:  # The echo bot does not quote: its reply is the question's own text.
            question = unanswered[(params["chat_id"], params["text"])][0]
        replies[question["update_id"]].append(call["time"])
    starts = {q["update_id"]: q["time"] for q in questions}
    firsts = {uid: min(times) for uid, times in replies.items() if times}
    end = max(firsts.values(), default=min(starts.values()))
    return Outcome(
        questions=len(questions),
        seconds=end - min(starts.values()),
        latencies=[firsts[uid] - starts[uid] for uid in firsts],
        lost=sum(1 for times in replies.values() if not times),
        doubled=sum(1 for times in replies.values() if len(times) > 1),
    )


async def settle(api: StandIn, count: int, patience: float) -> None:
    """Wait until ``count`` replies arrived, or none arrived for ``patience`` seconds."""
    last, since, checked = -1, time.monotonic(), -1
    while True:
        await asyncio.sleep(0.05)
        state = await asyncio.to_thread(api.get, "state")  # Never block the bot's event loop.
        done = state["processed"].get("sendMessage", 0)
        if done >= count and done != checked:
            checked = done  # Replies may include duplicates: check every question got one.
            if (await asyncio.to_thread(outcome, api)).lost == 0:
                return
        if done != last:
            last, since = done, time.monotonic()
        elif time.monotonic() - since > patience:
            return


async def phase(
    api: StandIn, messages: list[dict[str, Any]], rate: float | None = None, patience: float = 5
) -> Outcome:
    """Inject the messages (at once, or ``rate`` per second) and measure the replies."""
    body: dict[str, Any] = {"messages": messages}
    if rate is not None:
        body["rate"] = rate
    await asyncio.to_thread(api.post, "messages", body)
    await settle(api, len(messages), patience)
    return await asyncio.to_thread(outcome, api)


def workload(count: int, chats: int, questions: list[str], offset: int = 0) -> list[dict[str, Any]]:
    """``count`` questions spread over ``chats`` chats; no chat asks the same thing twice."""
    return [
        {"chat": 1000 + offset + n % chats, "text": f"{questions[(n // chats) % len(questions)]}"}
        for n in range(count)
    ]


PHASES = {  # name: (sendMessage faults, paced)
    "burst": (None, False),
    "paced": (None, True),
    "faults": (",".join(FAULTS), False),
    "ambiguous": ("drop_after", False),
}


def questions() -> list[str]:
    """The seed article's dev questions (the single-turn ones)."""
    items = json.loads(QUESTIONS.read_text())["items"]
    return [item["question"] for item in items if "question" in item]


async def measure(
    make: Callable[[], TelegramApp], api: StandIn, name: str, options: argparse.Namespace
) -> Outcome:
    """Start a fresh bot, warm it up, run one phase, stop it."""
    faults, paced = PHASES[name]
    count = options.paced if paced else options.questions
    async with polling(make()):
        await asyncio.to_thread(api.get, "reset")
        await phase(api, workload(100, 50, questions()))  # warm-up: connections, caches
        await asyncio.to_thread(api.get, "reset")
        if faults:
            spec = f"fault?method=sendMessage&rate=0.1&kinds={faults}&seed=7"
            await asyncio.to_thread(api.get, spec)
        messages = workload(count, min(options.chats, count), questions())
        rate = options.rate if paced else None
        cpu = time.process_time()
        result = await phase(api, messages, rate, patience=5.0 if faults else 30.0)
        result.cpu = time.process_time() - cpu
        return result


async def compare(
    bots: dict[str, Callable[[], TelegramApp]], api: StandIn, options: argparse.Namespace
) -> dict[str, dict[str, Outcome]]:
    """Every phase for every bot; the burst alternates bots over several rounds, so that drift
    in the machine's load falls on both, and the median round counts."""
    results: dict[str, dict[str, Outcome]] = {bot: {} for bot in bots}
    for name in PHASES:
        rounds: dict[str, list[Outcome]] = {bot: [] for bot in bots}
        for _ in range(options.rounds if name == "burst" else 1):
            for bot, make in bots.items():
                rounds[bot].append(await measure(make, api, name, options))
        for bot, outcomes in rounds.items():
            if len(outcomes) > 1:
                figures = ", ".join(f"{o.throughput:.0f}" for o in outcomes)
                print(f"  {name} rounds, {bot} bot: {figures} questions/s", flush=True)
            outcomes.sort(key=lambda outcome: outcome.throughput)
            results[bot][name] = outcomes[len(outcomes) // 2]
    return results


# -- reporting -----------------------------------------------------------------------------------


def ratio(bot: float, base: float) -> str:
    return f"{bot / base:.2f}x" if base else "-"


def report(
    echo_run: dict[str, Outcome], bot_run: dict[str, Outcome], options: argparse.Namespace
) -> bool:
    """Print the figures side by side; return whether the targets are met."""
    rows = [
        ("throughput, burst (questions/s)", "burst", lambda o: o.throughput, ".1f"),
        ("bot CPU per question, burst (ms)", "burst", lambda o: 1000 * o.cpu / o.questions, ".2f"),
        ("latency median, paced (ms)", "paced", lambda o: 1000 * o.percentile(0.5), ".1f"),
        ("latency p95, paced (ms)", "paced", lambda o: 1000 * o.percentile(0.95), ".1f"),
        ("latency median, burst (ms)", "burst", lambda o: 1000 * o.percentile(0.5), ".1f"),
        ("latency p95, burst (ms)", "burst", lambda o: 1000 * o.percentile(0.95), ".1f"),
    ]
    print(
        f"\n{options.questions} questions in a burst from {options.chats} chats; "
        f"{options.paced} paced at {options.rate:g}/s; concurrency {options.concurrency} for both; "
        f"burst figures: median of {options.rounds} alternating rounds"
    )
    print(f"{'':34}{'echo bot':>12}{'article bot':>14}{'ratio':>9}")
    for label, name, value, fmt in rows:
        base, bot = value(echo_run[name]), value(bot_run[name])
        print(f"{label:34}{base:>12{fmt}}{bot:>14{fmt}}{ratio(bot, base):>9}")
    for name, title in [
        ("faults", "10% of sends fail (500, 429, dropped before processing)"),
        ("ambiguous", "10% of sends processed, then the connection dropped (ambiguous)"),
    ]:
        print(f"{title}, {bot_run[name].questions} questions:")
        for label, attribute in [("lost", "lost"), ("answered twice", "doubled")]:
            base, bot = getattr(echo_run[name], attribute), getattr(bot_run[name], attribute)
            print(f"  {label:32}{base:>12}{bot:>14}")
    throughput = bot_run["burst"].throughput / echo_run["burst"].throughput
    safe = bot_run["faults"].lost == 0 and bot_run["faults"].doubled == 0
    print(
        f"\nthroughput ratio {throughput:.2f} (target >= {THROUGHPUT_TARGET}): "
        f"{'met' if throughput >= THROUGHPUT_TARGET else 'NOT met'}; "
        f"under faults {bot_run['faults'].lost} lost, {bot_run['faults'].doubled} answered twice: "
        f"{'met' if safe else 'NOT met'}"
    )
    return throughput >= THROUGHPUT_TARGET and safe


async def run(options: argparse.Namespace) -> int:
    with standin_process() as api, tempfile.TemporaryDirectory() as workdir:
        print(f"stand-in: {api.base_url} (separate process)")
        bots = {
            "echo": lambda: echo_bot(api.base_url, options.concurrency),
            "article": lambda: article_bot(api.base_url, options.concurrency, Path(workdir)),
        }
        results = await compare(bots, api, options)
    return 0 if report(results["echo"], results["article"], options) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=1000, help="burst and fault phases")
    parser.add_argument("--chats", type=int, default=100)
    parser.add_argument("--paced", type=int, default=300, help="questions in the latency phase")
    parser.add_argument("--rate", type=float, default=50.0, help="questions/s, latency phase")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=5, help="alternating burst rounds")
    parser.add_argument("--verbose", action="store_true", help="show the bots' logs")
    options = parser.parse_args()
    logging.basicConfig(level=logging.INFO if options.verbose else logging.CRITICAL)
    return asyncio.run(run(options))


if __name__ == "__main__":
    sys.exit(main())
