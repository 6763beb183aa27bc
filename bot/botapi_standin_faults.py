"""Scripted and random faults for the Bot API stand-in (:mod:`bot.botapi_standin`)."""

from __future__ import annotations

import random
import threading
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["FAULT_KINDS", "Fault", "FaultPlan"]

FAULT_KINDS = ("500", "429", "drop", "drop_after", "slow")
"""Server error; flood control with retry_after; connection closed before processing; processed,
then the connection closed; answered late (or not processed if the client gave up)."""


@dataclass
class Fault:
    """A failure to inject into calls of one method."""

    kind: str
    count: int = 1
    retry_after: int = 1
    delay: float = 0.0


@dataclass
class _RandomFaults:
    rate: float
    kinds: tuple[str, ...]
    retry_after: int
    rng: random.Random


class FaultPlan:
    """Which calls of which method fail, and how; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._next: dict[str, list[Fault]] = {}
        self._random: dict[str, _RandomFaults] = {}

    def fail_next(
        self, method: str, kind: str, count: int = 1, *, retry_after: int = 1, delay: float = 0.0
    ) -> None:
        """Make the next ``count`` calls of ``method`` fail with ``kind``."""
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; known: {', '.join(FAULT_KINDS)}")
        with self._lock:
            self._next.setdefault(method, []).append(Fault(kind, count, retry_after, delay))

    def fail_randomly(
        self,
        method: str,
        rate: float,
        kinds: Sequence[str] = ("500", "429", "drop"),
        *,
        retry_after: int = 1,
        seed: int = 0,
    ) -> None:
        """Fail a fraction ``rate`` of the calls of ``method`` with one of ``kinds``."""
        if unknown := set(kinds) - set(FAULT_KINDS):
            raise ValueError(f"unknown fault kinds {sorted(unknown)}")
        with self._lock:
            self._random[method] = _RandomFaults(
                rate, tuple(kinds), retry_after, random.Random(seed)
            )

    def clear(self) -> None:
        """No more faults."""
        with self._lock:
            self._next.clear()
            self._random.clear()

    def take(self, method: str) -> Fault | None:
        """The fault due for this call of ``method``, if any (scripted ones first)."""
        with self._lock:
            queue = self._next.get(method)
            if queue:
                fault = queue[0]
                fault.count -= 1
                if fault.count <= 0:
                    queue.pop(0)
                return Fault(fault.kind, 1, fault.retry_after, fault.delay)
            chance = self._random.get(method)
            if chance is not None and chance.rng.random() < chance.rate:
                return Fault(chance.rng.choice(chance.kinds), 1, chance.retry_after)
        return None
