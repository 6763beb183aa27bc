"""Bounded memory for the Telegram front-end: per-chat context, answered messages, button texts.

Every map here forgets its least recently used entries beyond a maximum size and entries idle for
longer than a time to live, so the bot's memory stays flat however many chats it sees.
"""

from __future__ import annotations

import secrets
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from knowledge import Conversation

__all__ = ["BoundedMap", "ButtonStore", "ChatContexts"]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

CALLBACK_DATA_BYTES = 64
"""Telegram's limit on an inline button's callback data."""
_INLINE_PREFIX, _STORED_PREFIX = "a:", "k:"


class BoundedMap(Generic[K, V]):
    """A mapping that keeps at most ``max_size`` entries, each for at most ``ttl`` idle seconds.

    Reading an entry counts as using it: it moves to the young end and its idle clock restarts.
    """

    def __init__(
        self, max_size: int, ttl: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if max_size < 1 or ttl <= 0:
            raise ValueError("max_size must be at least 1 and ttl positive")
        self.max_size, self.ttl, self._clock = max_size, ttl, clock
        self._entries: OrderedDict[K, tuple[float, V]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: K) -> V | None:
        """Return the live value for ``key`` (and mark it used), or None."""
        now = self._clock()
        self._expire(now)
        entry = self._entries.get(key)
        if entry is None:
            return None
        self._entries[key] = (now, entry[1])
        self._entries.move_to_end(key)
        return entry[1]

    def put(self, key: K, value: V) -> None:
        """Store ``value`` under ``key``, forgetting the oldest entries beyond the bound."""
        now = self._clock()
        self._expire(now)
        self._entries[key] = (now, value)
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_size:
            self._entries.popitem(last=False)

    def pop(self, key: K) -> V | None:
        """Forget ``key``; return its value if it was live."""
        entry = self._entries.pop(key, None)
        return None if entry is None or self._clock() - entry[0] > self.ttl else entry[1]

    def _expire(self, now: float) -> None:
        # Entries are ordered by last use, so expired ones are all at the old end.
        while self._entries:
            used, _ = next(iter(self._entries.values()))
            if now - used <= self.ttl:
                return
            self._entries.popitem(last=False)


class ChatContexts:
    """One :class:`Conversation` per chat, forgotten when idle or least recently used."""

    def __init__(
        self, max_chats: int, ttl: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._chats: BoundedMap[int, Conversation] = BoundedMap(max_chats, ttl, clock)

    def __len__(self) -> int:
        return len(self._chats)

    @property
    def bounds(self) -> tuple[int, float]:
        """The most chats kept, and the seconds an idle chat's context lives."""
        return self._chats.max_size, self._chats.ttl

    def get(self, chat_id: int) -> Conversation:
        """Return the chat's conversation, starting a fresh one when there is none."""
        conversation = self._chats.get(chat_id)
        if conversation is None:
            conversation = Conversation()
            self._chats.put(chat_id, conversation)
        return conversation

    def forget(self, chat_id: int) -> None:
        """Drop the chat's context."""
        self._chats.pop(chat_id)


class ButtonStore:
    """Turns a question into inline-button callback data, and callback data back into it.

    A question that fits in 64 bytes travels inside the button itself; a longer one is kept here
    under a random id (random, not a counter, so a button from before a restart can never name a
    different question) and is forgotten like any other bounded entry.
    """

    def __init__(
        self, max_size: int, ttl: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._questions: BoundedMap[str, str] = BoundedMap(max_size, ttl, clock)

    def __len__(self) -> int:
        return len(self._questions)

    def data_for(self, question: str) -> str:
        """Return callback data (at most 64 bytes) that stands for ``question``."""
        inline = _INLINE_PREFIX + question
        if len(inline.encode("utf-8")) <= CALLBACK_DATA_BYTES:
            return inline
        key = secrets.token_urlsafe(9)
        self._questions.put(key, question)
        return _STORED_PREFIX + key

    def question_for(self, data: str) -> str | None:
        """Return the question a button stands for, or None when unknown or forgotten."""
        if data.startswith(_INLINE_PREFIX):
            return data[len(_INLINE_PREFIX) :] or None
        if data.startswith(_STORED_PREFIX):
            return self._questions.get(data[len(_STORED_PREFIX) :])
        return None
