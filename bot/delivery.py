"""Delivering the bot's replies: retried with backoff until they get through, within a bound.

PTB confirms an update to Telegram before its handler runs, so a reply that fails is a lost question
unless the bot retries it. :class:`Delivery` is the one retry layer for everything the bot sends
(the flood limiter in front of it throttles but never retries, so the two do not multiply).

Which failures are retried, and how double answers are avoided:

- **Surely not delivered**, retried: 429 Too Many Requests (after the ``retry_after`` Telegram asks
  for), 5xx and other error statuses the server answered with, connection refused, connect and
  pool timeouts, a failed write. Telegram did not post anything, so a retry cannot duplicate.
- **Ambiguous**, retried as well: the request was written but no response came back (read
  timeout, connection dropped). Telegram may already have posted the message, and the Bot API has
  no idempotency key to ask. A lost answer is worse than a rare duplicate, so these are retried
  too (at-least-once); each one is logged at WARNING and counted in
  :attr:`DeliveryStats.ambiguous`, and the benchmark measures the duplicates it causes.
- **Final**, not retried: 400 Bad Request, 403 Forbidden (the user blocked the bot), an invalid
  token, a migrated chat. Retrying cannot help; the failure is logged with the chat id.

A delivery gives up after :attr:`RetryPolicy.attempts` attempts or :attr:`RetryPolicy.budget`
seconds, and once :meth:`Delivery.drain` has been called, at the shutdown deadline.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
import warnings
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Literal, TypeVar

import httpx
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.warnings import PTBDeprecationWarning

__all__ = [
    "DEFAULT_RETRY_POLICY",
    "Delivery",
    "DeliveryStats",
    "Indicator",
    "Outcome",
    "RetryPolicy",
    "classify",
    "retry_after_seconds",
]

log = logging.getLogger(__name__)
T = TypeVar("T")
Outcome = Literal["retry", "ambiguous", "final"]

_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.WriteError)
_FINAL = (BadRequest, Forbidden, InvalidToken, ChatMigrated, Conflict, EndPointNotFound)
TYPING_LASTS = 4.5
"""Telegram shows a chat action for at most 5 seconds; repeat it a little sooner."""


@dataclass(frozen=True)
class RetryPolicy:
    """How hard the bot tries to deliver one message."""

    attempts: int = 6
    first_delay: float = 0.25
    max_delay: float = 8.0
    budget: float = 90.0
    """Seconds one delivery may take in all, flood-control waits included."""
    jitter: float = 0.2
    """Each backoff delay is shortened by up to this fraction, so retries do not march in step."""

    def backoff(self, retry: int, fraction: float) -> float:
        """The pause before retry number ``retry`` (1-based) given a random ``fraction``."""
        delay = min(self.max_delay, self.first_delay * 2.0 ** (retry - 1))
        return delay * (1.0 - self.jitter * fraction)


DEFAULT_RETRY_POLICY = RetryPolicy()


@dataclass
class DeliveryStats:
    """What happened to the messages the bot sent."""

    delivered: int = 0
    retries: int = 0
    ambiguous: int = 0
    lost: int = 0


def classify(error: BaseException) -> Outcome:
    """Say whether a failed request surely did not arrive, may have arrived, or cannot succeed."""
    if isinstance(error, RetryAfter):
        return "retry"
    if isinstance(error, _FINAL) or not isinstance(error, NetworkError):
        return "final"
    cause = error.__cause__
    if isinstance(cause, _NOT_SENT):
        return "retry"
    if cause is None and not isinstance(error, TimedOut):
        return "retry"  # The server answered, with an error status: nothing was posted.
    return "ambiguous"


def retry_after_seconds(error: RetryAfter) -> float:
    """The wait Telegram asked for, in seconds."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class Delivery:
    """Sends through a retry loop and keeps count; one instance serves the whole bot."""

    def __init__(
        self,
        policy: RetryPolicy = DEFAULT_RETRY_POLICY,
        *,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        rng: Callable[[], float] = random.random,
        waiting_after: float = 1.0,
        in_flight: int = 4,
    ) -> None:
        self.policy, self.stats, self.waiting_after = policy, DeliveryStats(), waiting_after
        # Attempts on the wire at once. Updates are handled with more concurrency than this, so a
        # chat waiting out a retry never holds up the others; but PTB's HTTP stack spends far
        # more CPU per request with many in flight (the benchmark: 1.7 ms at 1-4, 5 ms at 32).
        self._in_flight = asyncio.Semaphore(in_flight)
        self._sleep, self._clock, self._rng = sleep, clock, rng
        self._deadline: float | None = None
        self._scopes: set[asyncio.Timeout] = set()

    @property
    def draining(self) -> bool:
        """True once shutdown has begun."""
        return self._deadline is not None

    def drain(self, seconds: float) -> None:
        """Begin shutdown: attempts still running ``seconds`` from now are abandoned."""
        self._deadline = asyncio.get_running_loop().time() + seconds
        for scope in self._scopes:
            scope.reschedule(self._deadline)

    async def call(
        self,
        method: str,
        chat_id: int | None,
        request: Callable[[], Awaitable[T]],
        *,
        waiting: Callable[[], Awaitable[object]] | None = None,
    ) -> T | None:
        """Run ``request`` until it succeeds or a bound is hit; None when it never got through.

        ``waiting`` (say, sending "typing…") is shown while the delivery is late: from the first
        failure, or once it has taken :attr:`waiting_after` seconds.
        """
        started = self._clock()
        indicator = Indicator(waiting, self.waiting_after) if waiting is not None else None
        try:
            for attempt in range(1, self.policy.attempts + 1):
                try:
                    result = await self._attempt(request)
                except Exception as error:  # Every failure is classified below.
                    wait = self._wait(error, attempt)
                    if not self._retryable(error, attempt, started, wait):
                        self._give_up(method, chat_id, attempt, error)
                        return None
                    self._note_retry(method, chat_id, attempt, error, wait)
                    if indicator is not None:
                        indicator.hurry()
                    await self._sleep(wait)
                else:
                    self.stats.delivered += 1
                    return result
            raise AssertionError("unreachable: the last attempt returns")  # pragma: no cover
        finally:
            if indicator is not None:
                indicator.stop()

    async def _attempt(self, request: Callable[[], Awaitable[T]]) -> T:
        async with asyncio.timeout(self._deadline) as scope:
            self._scopes.add(scope)
            try:
                async with self._in_flight:
                    return await request()
            finally:
                self._scopes.discard(scope)

    def _wait(self, error: BaseException, attempt: int) -> float:
        if isinstance(error, RetryAfter):
            return retry_after_seconds(error)
        return self.policy.backoff(attempt, self._rng())

    def _retryable(self, error: Exception, attempt: int, started: float, wait: float) -> bool:
        """Whether another attempt may help and fits in the attempt, time and shutdown bounds."""
        if isinstance(error, TimeoutError) or classify(error) == "final":
            return False  # A TimeoutError is the shutdown deadline, not a network timeout.
        if attempt == self.policy.attempts:
            return False
        if self._clock() + wait > started + self.policy.budget:
            return False
        return self._deadline is None or (asyncio.get_running_loop().time() + wait < self._deadline)

    def _note_retry(
        self, method: str, chat_id: int | None, attempt: int, error: BaseException, wait: float
    ) -> None:
        self.stats.retries += 1
        extra = {"chat_id": chat_id, "method": method, "attempt": attempt}
        if classify(error) == "ambiguous":
            self.stats.ambiguous += 1
            log.warning(
                "%s to chat %s: no response (%s); retrying in %.2f s, it may arrive twice",
                method,
                chat_id,
                _describe(error),
                wait,
                extra=extra,
            )
        else:
            log.info(
                "%s to chat %s failed (%s); retry %d in %.2f s",
                method,
                chat_id,
                _describe(error),
                attempt,
                wait,
                extra=extra,
            )

    def _give_up(
        self, method: str, chat_id: int | None, attempt: int, error: BaseException
    ) -> None:
        self.stats.lost += 1
        reason = "shutting down" if isinstance(error, TimeoutError) else _describe(error)
        log.error(
            "%s to chat %s not delivered after %d attempt(s): %s",
            method,
            chat_id,
            attempt,
            reason,
            extra={"chat_id": chat_id, "method": method, "attempt": attempt},
        )


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


async def _best_effort(send: Callable[[], Awaitable[object]]) -> None:
    try:
        await send()
    except Exception as error:  # A missing "typing…" must never fail a reply.
        log.debug("chat action not shown: %s", _describe(error))


class Indicator:
    """Shows a chat action after ``after`` seconds (or at once on :meth:`hurry`), then every few
    seconds (it fades after 5) until stopped.

    A reply that goes through at once shows none: for a sub-millisecond answer a "typing…" would
    only double the requests that count against Telegram's flood limits, and under load it would
    double them exactly when the bot can least afford it. A reply that is slow, or failed and
    waits to be retried, shows it.
    """

    def __init__(
        self, show: Callable[[], Awaitable[object]], after: float, every: float = TYPING_LASTS
    ) -> None:
        self._show, self._every = show, every
        self._loop = asyncio.get_running_loop()
        self._pending: set[asyncio.Task[None]] = set()
        self._started = False
        self._timer = self._loop.call_later(after, self._fire)

    def hurry(self) -> None:
        """Show it now, if it is not showing yet."""
        if not self._started:
            self._timer.cancel()
            self._fire()

    def _fire(self) -> None:
        self._started = True
        task = self._loop.create_task(_best_effort(self._show))
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)
        self._timer = self._loop.call_later(self._every, self._fire)

    def stop(self) -> None:
        """Show it no more."""
        self._timer.cancel()
