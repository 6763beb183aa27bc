"""Tests of the bounded per-chat state and the message formatting for Telegram."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.telegram_format import (
    answer_html,
    clip,
    escape,
    inline_result,
    split_text,
    text_html,
    utf16_len,
)
from bot.telegram_state import BoundedMap, ButtonStore, ChatContexts
from knowledge import Answer, Source


class Clock:
    """A settable clock."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_bounded_map_forgets_the_least_recently_used() -> None:
    """Beyond max_size, the entry used longest ago goes first; reading counts as use."""
    entries: BoundedMap[str, int] = BoundedMap(2, ttl=60)
    entries.put("a", 1)
    entries.put("b", 2)
    assert entries.get("a") == 1
    entries.put("c", 3)
    assert (entries.get("a"), entries.get("b"), entries.get("c")) == (1, None, 3)
    assert len(entries) == 2


def test_bounded_map_expires_idle_entries() -> None:
    """An entry idle longer than the ttl is gone; using it restarts its idle time."""
    clock = Clock()
    entries: BoundedMap[str, int] = BoundedMap(10, ttl=30, clock=clock)
    entries.put("kept", 1)
    entries.put("idle", 2)
    clock.now = 20
    assert entries.get("kept") == 1
    clock.now = 40
    assert entries.get("idle") is None
    assert entries.get("kept") == 1
    assert len(entries) == 1


def test_chat_contexts_stay_bounded_under_many_chats() -> None:
    """However many chats ask, at most max_chats conversations are kept."""
    chats = ChatContexts(max_chats=100, ttl=1800)
    for chat_id in range(10_000):
        chats.get(chat_id).turns += 1
    assert len(chats) == 100
    assert chats.get(9_999).turns == 1
    assert chats.get(0).turns == 0


def test_chat_context_expires_after_idle_time() -> None:
    """A chat silent for longer than the ttl starts over with a fresh conversation."""
    clock = Clock()
    chats = ChatContexts(max_chats=10, ttl=1800, clock=clock)
    first = chats.get(1)
    clock.now = 1000
    assert chats.get(1) is first
    clock.now = 3000
    assert chats.get(1) is not first


def test_forget_drops_a_chat() -> None:
    """forget() makes the next question in that chat start afresh."""
    chats = ChatContexts(max_chats=10, ttl=60)
    first = chats.get(1)
    chats.forget(1)
    assert chats.get(1) is not first


@pytest.mark.parametrize(
    "question",
    ["Who met Burns?", "x" * 62, "Où est-ce que Barnea a rencontré Burns ? " * 3, "é" * 40],
    ids=["short", "fits-exactly", "long", "multibyte"],
)
def test_button_data_fits_64_bytes_and_round_trips(question: str) -> None:
    """Callback data is at most 64 bytes and always leads back to the full question."""
    buttons = ButtonStore(max_size=10, ttl=60)
    data = buttons.data_for(question)
    assert len(data.encode()) <= 64
    assert buttons.question_for(data) == question


def test_forgotten_or_foreign_button_data_is_unknown() -> None:
    """Data from an evicted entry, another deployment or another bot maps to None."""
    buttons = ButtonStore(max_size=1, ttl=60)
    old = buttons.data_for("A question long enough that it cannot travel inside the button!")
    buttons.data_for("Another question long enough that it cannot travel inside a button!")
    assert buttons.question_for(old) is None
    assert buttons.question_for("k:nonexistent") is None
    assert buttons.question_for("something else") is None


@given(st.text(alphabet=string.ascii_letters + " .\n😀é", max_size=3000))
def test_split_text_keeps_every_character_under_the_limit(text: str) -> None:
    """Chunks fit the limit in UTF-16 units and, whitespace aside, rebuild the text."""
    chunks = split_text(text, limit=200)
    assert all(0 < utf16_len(chunk) <= 200 for chunk in chunks)
    assert "".join("".join(chunks).split()) == "".join(text.split())


def test_split_text_prefers_paragraph_breaks() -> None:
    """A long text is cut between paragraphs, not inside them."""
    paragraphs = [f"[{n}] " + "word " * 150 for n in range(1, 13)]
    chunks = split_text("\n\n".join(p.strip() for p in paragraphs))
    assert len(chunks) > 1
    assert all(len(chunk) <= 4096 for chunk in chunks)
    assert all(chunk.startswith("[") for chunk in chunks)


def test_text_html_escapes_after_splitting() -> None:
    """Escaping happens per chunk, so no entity is ever cut in half."""
    chunks = text_html(("a & b < c. " * 600).strip())
    assert len(chunks) > 1
    assert all("&amp;" in chunk and "& " not in chunk for chunk in chunks)


def test_escape_and_clip() -> None:
    """escape() neutralises markup; clip() shortens with an ellipsis."""
    assert escape("<b>&</b>") == "&lt;b&gt;&amp;&lt;/b&gt;"
    assert clip("abcdef", 4) == "abc…"
    assert clip("abc", 4) == "abc"


def test_very_long_answers_still_fit_one_message() -> None:
    """An oversized answer and source are clipped so the reply stays under 4096 characters."""
    answer = Answer(
        question="q",
        answered=True,
        answer="a" * 5000,
        reply="r",
        sources=[Source(text="s" * 5000, paragraph=1, sentence=1)],
        confidence=1.0,
        kind="answer",
        truncated=True,
    )
    assert utf16_len(answer_html(answer)) <= 4096


def test_inline_result_carries_the_answer() -> None:
    """An inline result's title is the answer and its message the escaped question and answer."""
    answer = Answer(
        question="who <met> burns",
        answered=True,
        answer="Barnea",
        reply="Barnea",
        sources=[Source(text="Barnea met Burns.", paragraph=2, sentence=1)],
        confidence=1.0,
        kind="answer",
    )
    result = inline_result("who <met> burns", answer)
    assert result.title == "Barnea"
    assert "who &lt;met&gt; burns" in result.input_message_content.message_text
    assert len(result.id.encode()) <= 64


def test_chat_contexts_tell_their_bounds() -> None:
    """The engine worker keeps its own chats within the same bounds."""
    assert ChatContexts(7, 90.0).bounds == (7, 90.0)
