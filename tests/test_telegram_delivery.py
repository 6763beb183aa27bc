"""Tests of the retrying delivery: which failures are retried, backoff, flood waits, bounds,
shutdown, and the flood limiter and heartbeat transport around it."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx
import pytest
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram_fixtures import OfflineRequest

from bot.delivery import Delivery, Indicator, RetryPolicy, classify
from bot.telegram_transport import FloodLimiter, FloodLimits, Heartbeat, HeartbeatRequest

# PTB itself warns, on building every RetryAfter, that retry_after will become a timedelta.
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")


def caused(error: Exception, cause: Exception) -> Exception:
    error.__cause__ = cause
    return error


@pytest.mark.parametrize(
    ("error", "outcome"),
    [
        (RetryAfter(3), "retry"),
        (NetworkError("Internal Server Error"), "retry"),
        (caused(NetworkError("x"), httpx.ConnectError("refused")), "retry"),
        (caused(TimedOut("pool"), httpx.PoolTimeout("pool")), "retry"),
        (caused(TimedOut(), httpx.ConnectTimeout("connect")), "retry"),
        (caused(NetworkError("x"), httpx.WriteError("write")), "retry"),
        (caused(TimedOut(), httpx.ReadTimeout("read")), "ambiguous"),
        (caused(NetworkError("x"), httpx.RemoteProtocolError("dropped")), "ambiguous"),
        (caused(NetworkError("x"), httpx.ReadError("reset")), "ambiguous"),
        (TimedOut(), "ambiguous"),
        (BadRequest("Bad Request: can't parse entities"), "final"),
        (Forbidden("Forbidden: bot was blocked by the user"), "final"),
        (InvalidToken(), "final"),
        (ChatMigrated(-1001), "final"),
        (Conflict("Conflict"), "final"),
        (ValueError("a bug"), "final"),
    ],
    ids=[
        "429", "5xx", "connect-refused", "pool-timeout", "connect-timeout", "write-error",
        "read-timeout", "dropped", "reset", "timeout-unknown", "bad-request", "blocked",
        "bad-token", "migrated", "conflict", "bug",
    ],
)  # fmt: skip
def test_classify(error: Exception, outcome: str) -> None:
    """Failures that surely did not post are retried, ambiguous ones flagged, the rest final."""
    assert classify(error) == outcome


class FakeTime:
    """A clock that only moves when the code under test sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def failing(*errors: Exception) -> tuple[Callable[[], Awaitable[str]], list[int]]:
    """A request that raises the given errors in turn, then succeeds; and its call counter."""
    calls = [0]

    async def request() -> str:
        calls[0] += 1
        if calls[0] <= len(errors):
            raise errors[calls[0] - 1]
        return "sent"

    return request, calls


def delivery(fake: FakeTime, attempts: int = 5, budget: float = 90.0) -> Delivery:
    """A Delivery on fake time, without jitter."""
    rules = RetryPolicy(attempts, first_delay=0.5, max_delay=4.0, budget=budget, jitter=0.0)
    return Delivery(rules, sleep=fake.sleep, clock=fake.clock)


async def test_success_needs_one_attempt() -> None:
    """A request that works is made once and counted as delivered."""
    fake = FakeTime()
    sender = delivery(fake)
    request, calls = failing()
    assert await sender.call("sendMessage", 1, request) == "sent"
    assert (calls[0], sender.stats.delivered, fake.sleeps) == (1, 1, [])


async def test_backoff_doubles_up_to_the_cap() -> None:
    """Retries wait first_delay, doubling, capped at max_delay."""
    fake = FakeTime()
    sender = delivery(fake, attempts=6)
    request, calls = failing(*[NetworkError("Internal Server Error")] * 5)
    assert await sender.call("sendMessage", 1, request) == "sent"
    assert calls[0] == 6
    assert fake.sleeps == [0.5, 1.0, 2.0, 4.0, 4.0]
    assert sender.stats.retries == 5


async def test_retry_after_is_honoured() -> None:
    """A 429 waits exactly the retry_after Telegram asked for."""
    fake = FakeTime()
    sender = delivery(fake)
    request, _ = failing(RetryAfter(7))
    assert await sender.call("sendMessage", 1, request) == "sent"
    assert fake.sleeps == [7.0]


async def test_final_errors_are_not_retried(caplog: pytest.LogCaptureFixture) -> None:
    """A 403 (the user blocked the bot) is not retried; the loss is logged with the chat id."""
    fake = FakeTime()
    sender = delivery(fake)
    request, calls = failing(Forbidden("Forbidden: bot was blocked by the user"))
    assert await sender.call("sendMessage", 77, request) is None
    assert calls[0] == 1
    assert sender.stats.lost == 1
    assert "sendMessage to chat 77 not delivered after 1 attempt(s)" in caplog.text


async def test_attempts_are_bounded(caplog: pytest.LogCaptureFixture) -> None:
    """After the last attempt the delivery gives up and logs an ERROR naming the chat."""
    fake = FakeTime()
    sender = delivery(fake, attempts=3)
    request, calls = failing(*[NetworkError("Bad Gateway")] * 10)
    with caplog.at_level(logging.ERROR):
        assert await sender.call("sendMessage", 5, request) is None
    assert calls[0] == 3
    [record] = caplog.records
    assert (record.levelno, record.chat_id) == (logging.ERROR, 5)


async def test_time_budget_bounds_flood_waits() -> None:
    """A flood wait that would overrun the time budget ends the delivery instead."""
    fake = FakeTime()
    sender = delivery(fake, budget=30.0)
    request, calls = failing(RetryAfter(10), RetryAfter(25))
    assert await sender.call("sendMessage", 5, request) is None
    assert (calls[0], fake.sleeps) == (2, [10.0])


async def test_ambiguous_failures_are_retried_and_counted(caplog: pytest.LogCaptureFixture) -> None:
    """A dropped connection is retried (at-least-once) and counted as ambiguous."""
    fake = FakeTime()
    sender = delivery(fake)
    dropped = caused(NetworkError("x"), httpx.RemoteProtocolError("Server disconnected"))
    request, _ = failing(dropped)
    assert await sender.call("sendMessage", 5, request) == "sent"
    assert (sender.stats.ambiguous, sender.stats.delivered) == (1, 1)
    assert "may arrive twice" in caplog.text


async def test_drain_abandons_attempts_at_the_deadline() -> None:
    """After drain(), an attempt still hanging at the deadline is abandoned and counted lost."""
    sender = Delivery(RetryPolicy(attempts=3))
    started = asyncio.Event()

    async def hang() -> str:
        started.set()
        await asyncio.sleep(60)
        return "never"

    task = asyncio.create_task(sender.call("sendMessage", 9, hang))
    await started.wait()
    sender.drain(0.05)
    assert await asyncio.wait_for(task, 2) is None
    assert sender.stats.lost == 1


async def test_drain_skips_retries_that_would_end_after_the_deadline() -> None:
    """While draining, a retry whose backoff ends past the deadline is not attempted."""
    sender = Delivery(RetryPolicy(attempts=5, first_delay=1.0, jitter=0.0))
    sender.drain(0.5)
    request, calls = failing(NetworkError("Internal Server Error"))
    assert await sender.call("sendMessage", 9, request) is None
    assert calls[0] == 1


async def test_attempts_in_flight_are_bounded() -> None:
    """No more than in_flight requests are on the wire at once; the rest wait their turn."""
    sender = Delivery(RetryPolicy(), in_flight=3)
    on_the_wire, most = 0, 0

    async def request() -> str:
        nonlocal on_the_wire, most
        on_the_wire += 1
        most = max(most, on_the_wire)
        await asyncio.sleep(0.01)
        on_the_wire -= 1
        return "sent"

    results = await asyncio.gather(*(sender.call("sendMessage", n, request) for n in range(12)))
    assert results == ["sent"] * 12
    assert most == 3


async def test_waiting_indicator_shows_only_for_late_replies() -> None:
    """A quick reply shows no "typing"; a failed one shows it at once; a slow one after a while."""
    shown: list[str] = []

    async def typing() -> bool:
        shown.append("typing")
        return True

    async def slow() -> str:
        await asyncio.sleep(0.15)
        return "sent"

    sender = Delivery(RetryPolicy(first_delay=0.01, jitter=0.0), waiting_after=0.1)
    request, _ = failing()
    await sender.call("sendMessage", 1, request, waiting=typing)
    await asyncio.sleep(0.15)
    assert shown == []
    request, _ = failing(NetworkError("Internal Server Error"))
    await sender.call("sendMessage", 1, request, waiting=typing)
    assert shown == ["typing"]
    await sender.call("sendMessage", 1, slow, waiting=typing)
    assert shown == ["typing", "typing"]


async def test_indicator_repeats_until_stopped_and_survives_failures() -> None:
    """The indicator repeats while running, stops when told, and ignores its own failures."""
    shown: list[str] = []

    async def flaky() -> bool:
        shown.append("typing")
        raise NetworkError("down")

    indicator = Indicator(flaky, after=0.0, every=0.03)
    await asyncio.sleep(0.1)
    indicator.stop()
    count = len(shown)
    await asyncio.sleep(0.08)
    assert count >= 3
    assert len(shown) == count


async def test_flood_limiter_never_retries_429() -> None:
    """The limiter raises RetryAfter at once, leaving retries to Delivery (no multiplying)."""
    limiter = FloodLimiter(FloodLimits(overall_per_second=1000, group_per_minute=1000))
    calls = [0]

    async def callback() -> dict[str, object]:
        calls[0] += 1
        raise RetryAfter(1)

    with pytest.raises(RetryAfter):
        await limiter.process_request(callback, (), {}, "sendMessage", {"chat_id": 1}, 5)
    assert calls[0] == 1


async def test_flood_limiter_throttles_messages_but_not_chat_actions() -> None:
    """Messages wait for the per-second budget; chat actions pass straight through."""
    limiter = FloodLimiter(FloodLimits(overall_per_second=2, group_per_minute=1000))
    loop = asyncio.get_running_loop()

    async def callback() -> bool:
        return True

    started = loop.time()
    for _ in range(20):
        await limiter.process_request(callback, (), {}, "sendChatAction", {"chat_id": 1}, None)
    assert loop.time() - started < 0.1
    for _ in range(4):
        await limiter.process_request(callback, (), {}, "sendMessage", {"chat_id": 1}, None)
    assert loop.time() - started >= 0.4


async def test_heartbeat_request_beats_on_successful_polls_only(tmp_path: Path) -> None:
    """Only a getUpdates answered 200 touches the heartbeat."""
    beats: list[str] = []
    inner = OfflineRequest()
    inner.results["getUpdates"] = []
    request = HeartbeatRequest(inner, lambda: beats.append("beat"))
    await request.do_request("http://x/botT/getMe", "POST")
    assert beats == []
    await request.do_request("http://x/botT/getUpdates", "POST")
    assert beats == ["beat"]
    inner.fail("getUpdates", 502, "Bad Gateway")
    await request.do_request("http://x/botT/getUpdates", "POST")
    assert beats == ["beat"]


def test_heartbeat_touches_the_file_at_most_once_per_interval(tmp_path: Path) -> None:
    """Heartbeat writes the file, then skips beats until its interval has passed."""
    now = [100.0]
    path = tmp_path / "beat"
    heartbeat = Heartbeat(path, interval=5.0, clock=lambda: now[0])
    heartbeat()
    assert path.exists()
    path.unlink()
    now[0] += 1
    heartbeat()
    assert not path.exists()
    now[0] += 5
    heartbeat()
    assert path.exists()
