"""Answering questions for the Telegram bot, in the bot's process or in a child process.

The engine is synchronous and CPU-bound (about half a millisecond a question on a short article,
several on a long one). Run on the event loop, that time is taken from every other chat's I/O; run
in a child process (``python -m bot.engine_worker``), it is spent on another core while the event
loop only sends and receives. The child holds the per-chat conversations and answers requests in
the order they were sent, so follow-ups resolve exactly as they would in-process.

The child is supervised: until it is ready, after it dies and while it restarts, questions are
answered in the bot's process, so no question waits on it or is lost (only the follow-up context
of the chats it held is). Frames on its stdin and stdout are a 4-byte big-endian length followed
by a pickle; both ends are this module, so the pickles never cross a trust boundary.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import os
import pickle
import signal
import struct
import sys
from dataclasses import dataclass
from typing import IO, Any

from bot.logs import setup_logging
from bot.telegram_state import ChatContexts
from knowledge import Answer, Engine
from knowledge.schema import FactBase

__all__ = ["Answers", "WorkerAnswers", "WorkerConfig", "serve"]

log = logging.getLogger(__name__)

_HEADER = struct.Struct(">I")
_STOP_SECONDS = 2.0
"""How long a stopping child may take to answer what it was sent and exit, before it is killed."""
_STEADY_SECONDS = 60.0
"""A child that ran this long before it died is restarted after the shortest wait again."""


@dataclass(frozen=True)
class WorkerConfig:
    """How the engine worker is started, watched and restarted."""

    ready_timeout: float = 120.0
    """Seconds the child may take to index the article (a 1 MB article takes a few)."""
    answer_timeout: float = 10.0
    """A child that has not answered for this long is stuck: it is killed and restarted."""
    restart_delay: float = 1.0
    """First wait before restarting a child that died; doubled each time, up to the maximum."""
    max_restart_delay: float = 300.0


DEFAULT_WORKER_CONFIG = WorkerConfig()


class EngineFailed(RuntimeError):
    """The engine raised while answering (in the child: its log has the traceback)."""


class WorkerGone(RuntimeError):
    """The child stopped before it answered."""


class Answers:
    """Answers questions in the bot's own process, keeping one conversation per chat."""

    def __init__(self, engine: Engine, chats: ChatContexts) -> None:
        self.engine, self.chats = engine, chats

    async def start(self) -> None:
        """Nothing to start in-process."""

    async def stop(self) -> None:
        """Nothing to stop in-process."""

    async def ask(self, chat_id: int | None, question: str) -> Answer:
        """Answer a question in a chat's context (None: without any context, as inline mode)."""
        return self.answer_here(chat_id, question)

    def answer_here(self, chat_id: int | None, question: str) -> Answer:
        """Answer now, in this process (the child answers with this too)."""
        conversation = self.chats.get(chat_id) if chat_id is not None else None
        return self.engine.ask(question, conversation)

    def forget(self, chat_id: int) -> None:
        """Forget a chat's conversation (/reset)."""
        self.chats.forget(chat_id)


class WorkerAnswers(Answers):
    """Answers questions in a supervised child process; in-process whenever it is not ready."""

    def __init__(
        self,
        engine: Engine,
        chats: ChatContexts,
        *,
        log_as: tuple[str, str] = ("INFO", "text"),
        config: WorkerConfig = DEFAULT_WORKER_CONFIG,
    ) -> None:
        """The child keeps its chats within the bounds of ``chats`` (which serve only while it is
        not there) and logs with ``log_as``: (level, format), as LOG_LEVEL and LOG_FORMAT."""
        super().__init__(engine, chats)
        self.config = config
        self._init = ("init", engine.fact_base, chats.bounds, log_as)
        self._process: asyncio.subprocess.Process | None = None
        self._pending: dict[int, asyncio.Future[Answer]] = {}
        self._ids = itertools.count()
        self._supervisor: asyncio.Task[None] | None = None
        self._stopping = False
        self.starts = 0
        """Children started so far (the first one included)."""

    @property
    def pid(self) -> int | None:
        """The running child's process id."""
        return self._process.pid if self._process is not None else None

    @property
    def ready(self) -> bool:
        """True while questions go to a running child."""
        return self._process is not None

    async def start(self) -> None:
        """Start the child in the background; questions are answered here until it is ready."""
        if self._supervisor is None:
            self._stopping = False
            self._supervisor = asyncio.get_running_loop().create_task(self._supervise())

    async def stop(self) -> None:
        """Stop the child: it answers what it was sent, sees end of input and exits."""
        self._stopping = True
        process, self._process = self._process, None
        if process is not None and process.stdin is not None:
            process.stdin.close()
        if self._supervisor is not None:
            try:  # The supervisor hands out the child's last answers, then returns.
                async with asyncio.timeout(_STOP_SECONDS):
                    await asyncio.shield(self._supervisor)
            except TimeoutError:
                self._supervisor.cancel()  # Its clean-up kills the child.
                with contextlib.suppress(asyncio.CancelledError):
                    await self._supervisor
            self._supervisor = None

    async def ask(self, chat_id: int | None, question: str) -> Answer:
        process = self._process
        if process is None or process.stdin is None:
            return self.answer_here(chat_id, question)
        ident = next(self._ids)
        future: asyncio.Future[Answer] = asyncio.get_running_loop().create_future()
        self._pending[ident] = future
        process.stdin.write(_frame(("ask", ident, chat_id, question)))
        try:
            return await future
        except WorkerGone:
            return self.answer_here(chat_id, question)
        finally:
            self._pending.pop(ident, None)

    def forget(self, chat_id: int) -> None:
        super().forget(chat_id)
        process = self._process
        if process is not None and process.stdin is not None:
            process.stdin.write(_frame(("forget", chat_id)))

    # -- supervision ------------------------------------------------------------------------------

    async def _supervise(self) -> None:
        delay = self.config.restart_delay
        while not self._stopping:
            started = asyncio.get_running_loop().time()
            why = await self._run_child()
            if self._stopping:
                return
            if asyncio.get_running_loop().time() - started > _STEADY_SECONDS:
                delay = self.config.restart_delay  # It had been doing well: back to a short wait.
            log.warning(
                "engine worker stopped (%s); answering in the bot process, restarting in %.0f s",
                why,
                delay,
            )
            await asyncio.sleep(delay)
            delay = min(delay * 2, self.config.max_restart_delay)

    async def _run_child(self) -> str:
        """Start one child and route questions to it while it lives; return why it stopped."""
        try:
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot.engine_worker",
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
            )
        except OSError as error:
            return f"could not start it: {error}"
        self.starts += 1
        why = "it closed its output"
        try:
            await self._serve_from(process)
        except asyncio.IncompleteReadError as error:
            if error.partial:
                why = "it stopped in the middle of an answer"
        except (ConnectionError, pickle.PickleError) as error:
            why = f"{type(error).__name__} reading from it"
        except TimeoutError:
            why = f"not ready within {self.config.ready_timeout:.0f} s"
        finally:
            if self._process is process:
                self._process = None
            for future in self._pending.values():
                if not future.done():
                    future.set_exception(WorkerGone())
            if process.returncode is None:  # Its output is closed: it is done either way.
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
            await process.wait()
        return f"{why}; exit status {process.returncode}"

    async def _serve_from(self, process: asyncio.subprocess.Process) -> None:
        """Hand the child the fact base, wait until it is ready, then route questions to it."""
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(_frame(self._init))
        async with asyncio.timeout(self.config.ready_timeout):
            await _read(process.stdout)  # ("ready",)
        if self._stopping:
            process.stdin.close()
            return
        log.info("engine worker %d ready", process.pid)
        self._process = process
        await self._receive(process.stdout)

    async def _receive(self, stdout: asyncio.StreamReader) -> None:
        """Hand each answer to the question waiting for it, until the child stops."""
        watchdog = asyncio.get_running_loop().create_task(self._watch())
        try:
            while True:
                ident, answer = await _read(stdout)
                future = self._pending.get(ident)
                if future is not None and not future.done():
                    if answer is None:
                        future.set_exception(EngineFailed("the engine failed on this question"))
                    else:
                        future.set_result(answer)
        finally:
            watchdog.cancel()

    async def _watch(self) -> None:
        """Kill a child that sits on questions for longer than the answer timeout."""
        while True:
            oldest = min(self._pending, default=None)
            await asyncio.sleep(self.config.answer_timeout)
            if oldest is not None and oldest in self._pending and self._process is not None:
                log.error("engine worker has not answered for %.0f s", self.config.answer_timeout)
                with contextlib.suppress(ProcessLookupError):
                    self._process.kill()
                return


def _frame(message: object) -> bytes:
    body = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(body)) + body


async def _read(stream: asyncio.StreamReader) -> Any:
    (size,) = _HEADER.unpack(await stream.readexactly(_HEADER.size))
    return pickle.loads(await stream.readexactly(size))


# -- the child ------------------------------------------------------------------------------------


def _read_blocking(source: IO[bytes]) -> Any:
    header = source.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(header)
    return pickle.loads(source.read(size))


def serve(source: IO[bytes], sink: IO[bytes]) -> int:
    """The child's loop: build the engine, then answer questions in order until end of input."""
    init = _read_blocking(source)
    if init is None:
        return 0
    _, fact_base, (max_chats, context_ttl), (level, fmt) = init
    assert isinstance(fact_base, FactBase)
    setup_logging(level, fmt, stream=sys.stderr)
    answers = Answers(Engine(fact_base), ChatContexts(max_chats, context_ttl))
    sink.write(_frame(("ready",)))
    sink.flush()
    while (message := _read_blocking(source)) is not None:
        if message[0] == "forget":
            answers.forget(message[1])
            continue
        _, ident, chat_id, question = message
        try:
            answer: Answer | None = answers.answer_here(chat_id, question)
        except Exception:
            log.exception("the engine failed on a question from chat %s", chat_id)
            answer = None
        sink.write(_frame((ident, answer)))
        sink.flush()
    return 0


def main() -> int:
    """``python -m bot.engine_worker``: serve on stdin and stdout (the bot starts it)."""
    # The parent decides when the child stops (by closing its input): a Ctrl-C or SIGTERM sent
    # to the whole process group must not kill it before the parent's replies in flight.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    # Frames go to the original stdout; anything else printed lands on stderr.
    sink = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    return serve(sys.stdin.buffer, sink)


if __name__ == "__main__":
    sys.exit(main())
