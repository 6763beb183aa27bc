"""Benchmark the Telegram bot against a bare python-telegram-bot echo bot, side by side.

The bots run in this process one after the other, polling the same local Bot API stand-in
(``python -m bot.botapi_standin``), which runs as a separate process so that it does not compete
with them for the GIL, and which timestamps every question and reply on its own clock:

- echo: PTB's echobot example as written (``Application.builder().token(...).build()`` and one
  MessageHandler): updates one at a time, PTB's default transport.
- article: this bot, as ``run_telegram`` builds it, answering from the bundled seed article (in
  its engine worker process, whose CPU time counts as the bot's).
- front-end: this bot with every answer computed beforehand, so the question-answering engine
  costs nothing: what the Telegram front-end itself (retrying delivery, state, formatting, flood
  limiter) costs compared with the echo bot.

Phases:

1. throughput: a burst of questions from many chats at once; questions answered per second. The
   bots take turns over several rounds (the order rotating) so that drift in the machine's load
   falls on all of them; the median round counts, and so does the median of each round's ratio.
2. latency: questions paced at a steady rate; reply latency, median and 95th percentile.
3. faults: 10% of sendMessage calls fail (500, 429 with retry_after, connection dropped before
   processing); questions lost (no reply) and answered twice.
4. ambiguous faults: 10% of sendMessage calls are processed but their connection is dropped
   before the answer, so the bot cannot know they arrived; lost and answered twice again. This
   measures the documented cost of retrying ambiguous failures (see bot/delivery.py).

The article bot keeps its flood limiter on, with limits raised far above what the stand-in can
serve (the stand-in enforces none; with Telegram's 30 messages/s the limiter would set the pace).

    .venv/bin/python benchmarks/telegram_bench.py [--questions 1000] [--rounds 5]

Exits 0 when the article bot reaches 0.9x the echo bot's throughput and loses and doubles no
question under the phase-3 faults; 1 otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
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

from bot.engine_worker import WorkerAnswers
from bot.settings import Settings
from bot.telegram_app import ALLOWED_UPDATES, TelegramApp, TelegramConfig, build_application
from bot.telegram_transport import FloodLimits
from knowledge import Answer, Engine, load_source

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


# -- the bots ------------------------------------------------------------------------------------


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Echo the user message."""
    if update.message is not None and update.message.text is not None:
        await update.message.reply_text(update.message.text)


def echo_bot(base_url: str) -> TelegramApp:
    """PTB's echobot example, pointed at the stand-in."""
    app: TelegramApp = Application.builder().token(TOKEN).base_url(base_url).build()
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    return app


class Precomputed:
    """An Engine look-alike that answers from a table made beforehand by the real engine."""

    def __init__(self, engine: Engine, questions: list[str]) -> None:
        self.fact_base, self._engine = engine.fact_base, engine
        self._answers = {question: engine.ask(question) for question in questions}

    def ask(self, question: str, conversation: object = None) -> Answer:
        return self._answers[question]

    def examples(self, count: int = 3) -> list[str]:
        return self._engine.examples(count)


def article_bot(base_url: str, workdir: Path, engine: Engine | Precomputed) -> TelegramApp:
    """This bot, as run_telegram builds it, with its default configuration."""
    settings = Settings(
        _env_file=None,
        telegram_bot_token=SecretStr(TOKEN),
        telegram_api_base_url=base_url,
        heartbeat_file=workdir / "heartbeat",
    )
    unbounded = FloodLimits(overall_per_second=1e6, group_per_minute=1e6)
    # Precomputed answers cost nothing: no engine worker to hand them to.
    config = TelegramConfig(flood=unbounded, engine_worker=isinstance(engine, Engine))
    return build_application(settings, engine, config=config)  # type: ignore[arg-type]


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
        if app.post_shutdown is not None:
            await app.post_shutdown(app)


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
    """CPU seconds the bot spent during the phase: this process and its engine worker."""

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


FAULTED_BOTS = ("echo", "article")  # The front-end variant delivers with the same code.


async def measure(
    make: Callable[[], TelegramApp], api: StandIn, name: str, options: argparse.Namespace
) -> Outcome:
    """Start a fresh bot, warm it up, run one phase, stop it."""
    faults, paced = PHASES[name]
    count = options.paced if paced else options.questions
    async with polling(make()) as app:
        await worker_ready(app)
        await asyncio.to_thread(api.get, "reset")
        await phase(api, workload(100, 50, questions()))  # warm-up: connections, caches
        await asyncio.to_thread(api.get, "reset")
        if faults:
            spec = f"fault?method=sendMessage&rate=0.1&kinds={faults}&seed=7"
            await asyncio.to_thread(api.get, spec)
        messages = workload(count, min(options.chats, count), questions())
        rate = options.rate if paced else None
        cpu = bot_cpu(app)
        result = await phase(api, messages, rate, patience=5.0 if faults else 30.0)
        result.cpu = bot_cpu(app) - cpu
        return result


async def worker_ready(app: TelegramApp, patience: float = 30.0) -> None:
    """Wait until the bot's engine worker answers (questions go in-process until then)."""
    answering = app.bot_data.get("answering")
    deadline = time.monotonic() + patience
    while isinstance(answering, WorkerAnswers) and not answering.ready:
        if time.monotonic() > deadline:
            raise RuntimeError("the engine worker did not start")
        await asyncio.sleep(0.05)


def bot_cpu(app: TelegramApp) -> float:
    """CPU seconds used so far by this process and by the bot's engine worker, if it runs one."""
    seconds = time.process_time()
    answering = app.bot_data.get("answering")
    pid = answering.pid if isinstance(answering, WorkerAnswers) else None
    if pid is not None:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        seconds += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return seconds


def median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


async def compare(
    bots: dict[str, Callable[[], TelegramApp]], api: StandIn, options: argparse.Namespace
) -> tuple[dict[str, dict[str, Outcome]], dict[str, float]]:
    """Every phase for every bot; and, per bot, the median over the burst rounds of its
    throughput divided by the echo bot's in the same round."""
    results: dict[str, dict[str, Outcome]] = {bot: {} for bot in bots}
    ratios: dict[str, list[float]] = {bot: [] for bot in bots}
    for name, (faults, _) in PHASES.items():
        taking_part = [bot for bot in bots if not faults or bot in FAULTED_BOTS]
        rounds: dict[str, list[Outcome]] = {bot: [] for bot in taking_part}
        for number in range(options.rounds if name == "burst" else 1):
            order = (
                taking_part[number % len(taking_part) :] + taking_part[: number % len(taking_part)]
            )
            for bot in order:
                rounds[bot].append(await measure(bots[bot], api, name, options))
            if name == "burst":
                base = rounds["echo"][-1].throughput
                for bot in bots:
                    ratios[bot].append(rounds[bot][-1].throughput / base)
                figures = ", ".join(f"{bot} {rounds[bot][-1].throughput:.0f}" for bot in bots)
                print(f"  burst round {number + 1}: {figures} questions/s", flush=True)
        for bot, outcomes in rounds.items():
            outcomes.sort(key=lambda outcome: outcome.throughput)
            results[bot][name] = outcomes[len(outcomes) // 2]
    return results, {bot: median(values) for bot, values in ratios.items()}


# -- reporting -----------------------------------------------------------------------------------

ROWS: list[tuple[str, str, Callable[[Outcome], float], str]] = [
    ("throughput, burst (questions/s)", "burst", lambda o: o.throughput, ".0f"),
    ("CPU per question, burst (ms)", "burst", lambda o: 1000 * o.cpu / o.questions, ".2f"),
    ("latency median, paced (ms)", "paced", lambda o: 1000 * o.percentile(0.5), ".1f"),
    ("latency p95, paced (ms)", "paced", lambda o: 1000 * o.percentile(0.95), ".1f"),
    ("latency median, burst (ms)", "burst", lambda o: 1000 * o.percentile(0.5), ".0f"),
    ("latency p95, burst (ms)", "burst", lambda o: 1000 * o.percentile(0.95), ".0f"),
]


def report(
    results: dict[str, dict[str, Outcome]], ratios: dict[str, float], options: argparse.Namespace
) -> bool:
    """Print the figures side by side; return whether the targets are met."""
    echo, article, front = results["echo"], results["article"], results["front-end"]
    print(
        f"\n{options.questions} questions in a burst from {options.chats} chats (median of "
        f"{options.rounds} rounds); {options.paced} paced at {options.rate:g}/s"
    )
    print(f"{'':32}{'echo':>9}{'article':>9}{'ratio':>7}{'front-end':>11}{'ratio':>7}")
    for label, name, value, fmt in ROWS:
        base, bot, alone = value(echo[name]), value(article[name]), value(front[name])
        print(
            f"{label:32}{base:>9{fmt}}{bot:>9{fmt}}{bot / base:>6.2f}x"
            f"{alone:>11{fmt}}{alone / base:>6.2f}x"
        )
    print(f"{'throughput ratio, median of rounds':32}{'':9}{'':9}{ratios['article']:>6.2f}x"
          f"{'':11}{ratios['front-end']:>6.2f}x")  # fmt: skip
    for name, title in [
        ("faults", "10% of sends fail (500, 429, dropped before processing)"),
        ("ambiguous", "10% of sends processed, then the connection dropped (ambiguous)"),
    ]:
        print(f"{title}, {article[name].questions} questions:")
        for label, attribute in [("lost", "lost"), ("answered twice", "doubled")]:
            print(f"  {label:30}{getattr(echo[name], attribute):>9}"
                  f"{getattr(article[name], attribute):>9}")  # fmt: skip
    engine_ms = 1000 * (article["burst"].cpu - front["burst"].cpu) / article["burst"].questions
    fast = ratios["article"] >= THROUGHPUT_TARGET
    safe = article["faults"].lost == 0 and article["faults"].doubled == 0
    print(
        f"\nthroughput: article bot {ratios['article']:.2f}x the echo bot "
        f"(target {THROUGHPUT_TARGET}x: {'met' if fast else 'NOT met'}); the front-end alone "
        f"{ratios['front-end']:.2f}x; answering costs about {engine_ms:.2f} ms of CPU a question"
    )
    print(
        f"under faults: {article['faults'].lost} lost, {article['faults'].doubled} answered "
        f"twice (target 0 and 0: {'met' if safe else 'NOT met'})"
    )
    return fast and safe


async def run(options: argparse.Namespace) -> int:
    engine = Engine(load_source(None))
    with standin_process() as api, tempfile.TemporaryDirectory() as workdir:
        print(f"stand-in: {api.base_url} (separate process)")
        workspace, precomputed = Path(workdir), Precomputed(engine, questions())
        bots = {
            "echo": lambda: echo_bot(api.base_url),
            "article": lambda: article_bot(api.base_url, workspace, engine),
            "front-end": lambda: article_bot(api.base_url, workspace, precomputed),
        }
        results, ratios = await compare(bots, api, options)
    return 0 if report(results, ratios, options) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=1000, help="burst and fault phases")
    parser.add_argument("--chats", type=int, default=100)
    parser.add_argument("--paced", type=int, default=300, help="questions in the latency phase")
    parser.add_argument("--rate", type=float, default=50.0, help="questions/s, latency phase")
    parser.add_argument("--rounds", type=int, default=5, help="burst rounds")
    parser.add_argument("--verbose", action="store_true", help="show the bots' logs")
    options = parser.parse_args()
    logging.basicConfig(level=logging.INFO if options.verbose else logging.CRITICAL)
    return asyncio.run(run(options))


if __name__ == "__main__":
    sys.exit(main())
