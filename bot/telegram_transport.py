"""How requests reach the Bot API: flood throttling, and a heartbeat on every successful poll."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from telegram.constants import FloodLimit
from telegram.ext import AIORateLimiter
from telegram.request import BaseRequest, RequestData

from bot.heartbeat import beat

__all__ = ["DEFAULT_FLOOD_LIMITS", "FloodLimiter", "FloodLimits", "Heartbeat", "HeartbeatRequest"]

JSONDict = dict[str, Any]
_UNTHROTTLED = frozenset({"sendChatAction", "answerCallbackQuery", "answerInlineQuery"})


@dataclass(frozen=True)
class FloodLimits:
    """Telegram's documented send rates: overall per second, per group per minute."""

    overall_per_second: float = FloodLimit.MESSAGES_PER_SECOND
    group_per_minute: float = FloodLimit.MESSAGES_PER_MINUTE_PER_GROUP


DEFAULT_FLOOD_LIMITS = FloodLimits()


class FloodLimiter(AIORateLimiter):
    """PTB's AIORateLimiter, throttling only.

    Retries belong to :class:`bot.delivery.Delivery` alone, so a 429 is never retried by two
    layers at once. Chat actions and query answers are not messages and skip the throttle: a
    "typing…" must not take the place of an answer in the per-second budget.
    """

    def __init__(self, limits: FloodLimits = DEFAULT_FLOOD_LIMITS) -> None:
        super().__init__(
            overall_max_rate=limits.overall_per_second,
            overall_time_period=1,
            group_max_rate=limits.group_per_minute,
            group_time_period=60,
            max_retries=0,
        )
        # With no retries of its own, AIORateLimiter logs every 429 at ERROR with a traceback
        # before re-raising it; Delivery retries those and logs them itself.
        logging.getLogger("telegram.ext.AIORateLimiter").setLevel(logging.CRITICAL)

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | JSONDict | list[JSONDict]:
        """Throttle message-sending requests; pass the others straight through."""
        if endpoint in _UNTHROTTLED:
            return await callback(*args, **kwargs)
        return await super().process_request(callback, args, kwargs, endpoint, data, None)


class Heartbeat:
    """Touches the heartbeat file, at most once per ``interval`` seconds."""

    def __init__(
        self, path: Path, interval: float = 1.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.path, self.interval, self._clock = path, interval, clock
        self._last: float | None = None

    def __call__(self) -> None:
        now = self._clock()
        if self._last is None or now - self._last >= self.interval:
            self._last = now
            beat(self.path)


class HeartbeatRequest(BaseRequest):
    """Wraps the request that polls getUpdates, calling ``on_poll`` after each successful poll.

    A poller that silently stalls stops calling it, so ``article-bot health`` notices.
    """

    def __init__(self, inner: BaseRequest, on_poll: Callable[[], None]) -> None:
        self._inner, self._on_poll = inner, on_poll

    @property
    def read_timeout(self) -> float | None:
        """The wrapped request's read timeout."""
        return self._inner.read_timeout

    async def initialize(self) -> None:
        """Initialise the wrapped request."""
        await self._inner.initialize()

    async def shutdown(self) -> None:
        """Shut the wrapped request down."""
        await self._inner.shutdown()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Forward the request; beat when the server answered 200 to getUpdates."""
        status, payload = await self._inner.do_request(
            url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
        )
        if status == 200 and url.endswith("/getUpdates"):
            self._on_poll()
        return status, payload
