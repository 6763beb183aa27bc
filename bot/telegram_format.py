"""How answers look in Telegram: escaped HTML, messages split under the length limit, buttons.

Every piece of user or article text goes through :func:`escape` before it meets a tag, so a question
containing ``<b>`` or ``&`` can never break a reply.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Sequence

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
)
from telegram.constants import MessageLimit, ParseMode

from bot.telegram_state import ButtonStore
from knowledge import MAX_QUESTION_CHARS, Answer

__all__ = [
    "MAX_MESSAGE_LENGTH",
    "answer_html",
    "clip",
    "escape",
    "inline_result",
    "offers_suggestions",
    "question_keyboard",
    "split_text",
    "text_html",
    "titled_answer_html",
    "utf16_len",
]

MAX_MESSAGE_LENGTH = int(MessageLimit.MAX_TEXT_LENGTH)
"""Telegram counts a message's length in UTF-16 code units, after entity parsing."""
_ANSWER_CHARS, _QUOTE_CHARS, _REPLY_CHARS, _BUTTON_CHARS = 1000, 2000, 3500, 60
_BREAKS = ("\n\n", "\n", ". ", " ")
_TRUNCATED = (
    f"<i>Your question was long, so I read only its first {MAX_QUESTION_CHARS} characters.</i>"
)


def escape(text: str) -> str:
    """Escape text for Telegram's HTML parse mode."""
    return html.escape(text, quote=False)


def utf16_len(text: str) -> int:
    """The length of ``text`` as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def clip(text: str, limit: int) -> str:
    """Shorten ``text`` to at most ``limit`` characters, marking the cut with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _longest_prefix(text: str, limit: int) -> int:
    """How many characters of ``text`` fit in ``limit`` UTF-16 code units."""
    size = min(len(text), limit)
    while (over := utf16_len(text[:size]) - limit) > 0:
        size -= max(1, (over + 1) // 2)
    return size


def _break_point(head: str) -> int:
    """Where to cut ``head``: after its last paragraph, line, sentence or word break."""
    for separator in _BREAKS:
        index = head.rfind(separator)
        if index >= len(head) // 2:
            return index + (1 if separator == ". " else 0)
    return len(head)


def split_text(text: str, limit: int = MAX_MESSAGE_LENGTH) -> list[str]:
    """Split plain text into messages of at most ``limit`` UTF-16 code units each.

    Cuts fall on paragraph breaks where possible, then line, sentence and word breaks; only the
    whitespace at a cut is lost.
    """
    if limit < 2:
        raise ValueError("limit must leave room for at least one character")
    chunks: list[str] = []
    rest = text.strip()
    while rest:
        if utf16_len(rest) <= limit:
            chunks.append(rest)
            break
        cut = max(1, _break_point(rest[: _longest_prefix(rest, limit)]))
        chunks.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return [chunk for chunk in chunks if chunk]


def text_html(text: str) -> list[str]:
    """Plain text as escaped HTML messages, each under Telegram's limit."""
    return [escape(chunk) for chunk in split_text(text)]


def offers_suggestions(answer: Answer) -> bool:
    """True when the answer should come with "Did you mean ..." buttons."""
    return bool(answer.suggestions) and (answer.kind == "suggest" or not answer.answered)


def _body(answer: Answer) -> str:
    if answer.answered and answer.answer and answer.sources:
        source = answer.sources[0]
        return (
            f"<b>{escape(clip(answer.answer, _ANSWER_CHARS))}</b>\n"
            f"<blockquote>{escape(clip(source.text, _QUOTE_CHARS))}</blockquote>\n"
            f"<i>Paragraph {source.paragraph} of the article</i>"
        )
    return escape(clip(answer.reply, _REPLY_CHARS))


def answer_html(answer: Answer) -> str:
    """The reply to a question: the concise answer, then its source sentence quoted."""
    blocks = [_body(answer)]
    listed = any(suggestion in answer.reply for suggestion in answer.suggestions)
    if offers_suggestions(answer) and not listed:
        blocks.append("Did you mean one of these?")
    if answer.truncated:
        blocks.append(_TRUNCATED)
    return "\n\n".join(blocks)


def titled_answer_html(question: str, answer: Answer) -> str:
    """An answer headed by its question, for replies that do not quote a user's message."""
    return f"❓ <i>{escape(clip(question, 300))}</i>\n\n{answer_html(answer)}"


def question_keyboard(questions: Sequence[str], buttons: ButtonStore) -> InlineKeyboardMarkup:
    """One inline button per question; pressing it asks that question."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    clip(question, _BUTTON_CHARS), callback_data=buttons.data_for(question)
                )
            ]
            for question in questions
        ]
    )


def inline_result(question: str, answer: Answer) -> InlineQueryResultArticle:
    """An inline-mode result that posts the question and its answer into any chat."""
    source = answer.sources[0].text if answer.sources else answer.reply
    title = answer.answer if answer.answered and answer.answer else answer.reply
    return InlineQueryResultArticle(
        id=hashlib.sha256(question.encode("utf-8")).hexdigest()[:32],
        title=clip(title, 100),
        description=clip(source, 200),
        input_message_content=InputTextMessageContent(
            titled_answer_html(question, answer), parse_mode=ParseMode.HTML
        ),
    )
