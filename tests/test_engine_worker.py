"""The engine worker: answers from a child process, in order, with per-chat context, and the bot
answers in its own process whenever the child is not there."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import AsyncIterator, Callable

import pytest

from bot.engine_worker import Answers, WorkerAnswers, WorkerConfig
from bot.telegram_state import ChatContexts
from knowledge import Engine, FactBase, load_source

DIALOGUE = ["Who is Bill Burns?", "Who did he meet?", "Where?", "And Barnea?"]
QUICK = WorkerConfig(answer_timeout=1.0, restart_delay=0.2, max_restart_delay=0.2)


@pytest.fixture(scope="module")
def fact_base() -> FactBase:
    return load_source(None)


def contexts() -> ChatContexts:
    return ChatContexts(100, 600.0)


@pytest.fixture
async def worker(fact_base: FactBase) -> AsyncIterator[WorkerAnswers]:
    """A started worker whose child is ready."""
    answers = WorkerAnswers(Engine(fact_base), contexts(), config=QUICK)
    await answers.start()
    await until(lambda: answers.ready)
    yield answers
    await answers.stop()


async def until(condition: Callable[[], bool], patience: float = 30.0) -> None:
    """Wait until ``condition()`` holds; fail the test after ``patience`` seconds."""
    async with asyncio.timeout(patience):
        while not condition():
            await asyncio.sleep(0.02)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


async def test_child_answers_like_the_engine_with_each_chats_context(
    worker: WorkerAnswers, fact_base: FactBase
) -> None:
    """Two chats' interleaved dialogues get the answers the engine gives each one alone."""
    here = Answers(Engine(fact_base), contexts())
    expected = [(await here.ask(1, question)).reply for question in DIALOGUE]
    asked = [worker.ask(chat, question) for question in DIALOGUE for chat in (7, 8)]
    replies = [answer.reply for answer in await asyncio.gather(*asked)]
    assert replies[0::2] == expected and replies[1::2] == expected
    assert worker.chats.get(7).turns == 0  # The context lived in the child, not here.


async def test_forget_drops_the_childs_context(worker: WorkerAnswers, fact_base: FactBase) -> None:
    """After /reset a follow-up no longer resolves against the earlier question."""
    fresh = await Answers(Engine(fact_base), contexts()).ask(1, "Who did he meet?")
    await worker.ask(5, "Who is Bill Burns?")
    worker.forget(5)
    assert (await worker.ask(5, "Who did he meet?")).reply == fresh.reply


async def test_inline_questions_have_no_context(worker: WorkerAnswers, fact_base: FactBase) -> None:
    """A question without a chat (inline mode) is answered on its own."""
    await worker.ask(None, "Who is Bill Burns?")
    fresh = await Answers(Engine(fact_base), contexts()).ask(None, "Who did he meet?")
    assert (await worker.ask(None, "Who did he meet?")).reply == fresh.reply


async def test_answers_in_process_until_started(fact_base: FactBase) -> None:
    """A worker that was never started still answers every question, in the bot's process."""
    answers = WorkerAnswers(Engine(fact_base), contexts())
    answer = await answers.ask(1, "Who did David Barnea meet?")
    assert answer.answered and not answers.ready and answers.pid is None
    assert answers.chats.get(1).turns == 1


async def test_dead_child_loses_no_question_and_is_restarted(worker: WorkerAnswers) -> None:
    """Questions asked while the child dies are answered in-process; a new child takes over."""
    first = worker.pid
    assert first is not None
    os.kill(first, signal.SIGKILL)
    answers = await asyncio.gather(
        *[worker.ask(n, "Who did David Barnea meet?") for n in range(20)]
    )
    assert all(answer.answered for answer in answers)
    await until(lambda: worker.ready and worker.pid != first)
    assert worker.starts == 2
    assert (await worker.ask(1, "Who did David Barnea meet?")).answered


async def test_stuck_child_is_killed_and_its_question_answered_here(
    worker: WorkerAnswers,
) -> None:
    """A child that stops answering is killed after the answer timeout; no question waits."""
    stuck = worker.pid
    assert stuck is not None
    os.kill(stuck, signal.SIGSTOP)
    answer = await asyncio.wait_for(
        worker.ask(1, "Who did David Barnea meet?"), 5 * QUICK.answer_timeout
    )
    assert answer.answered
    await until(lambda: not alive(stuck) or _zombie(stuck))
    await until(lambda: worker.ready and worker.pid != stuck)


def _zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


async def test_stop_ends_the_child(fact_base: FactBase) -> None:
    """Stopping closes the child's input; it exits and nothing is left running."""
    answers = WorkerAnswers(Engine(fact_base), contexts())
    await answers.start()
    await until(lambda: answers.ready)
    pid = answers.pid
    assert pid is not None
    await answers.stop()
    assert not answers.ready and not alive(pid)
    assert (await answers.ask(1, "Who did David Barnea meet?")).answered  # in-process again


async def test_questions_in_flight_at_stop_are_answered(worker: WorkerAnswers) -> None:
    """Stopping while questions are with the child still answers every one of them."""
    asked = [
        asyncio.ensure_future(worker.ask(n, "What is Qatar threatening to do?")) for n in range(50)
    ]
    await asyncio.sleep(0)  # Every question is written to the child before it is told to stop.
    await worker.stop()
    answers = await asyncio.gather(*asked)
    assert len(answers) == 50 and all(answer.answered for answer in answers)
