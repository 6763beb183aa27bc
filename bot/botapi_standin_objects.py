"""Bot API objects as the stand-in (:mod:`bot.botapi_standin`) builds them: users, chats, message
entities, error answers, and the summary of an update that its control API lists."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["ApiError", "chat", "entities_of", "summary", "user"]

_COMMAND = re.compile(r"^/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?")
_MENTION = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{3,}")


class ApiError(Exception):
    """A Bot API error answer."""

    def __init__(self, status: int, description: str, parameters: dict[str, Any] | None = None):
        super().__init__(description)
        self.status, self.description, self.parameters = status, description, parameters


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def summary(update: dict[str, Any], at: float) -> dict[str, Any]:
    """What /_test/injected lists about an update: its id, kind, chat, message and time."""
    kind = next(key for key in update if key != "update_id")
    body = update[kind]
    message = body.get("message", body) if kind == "callback_query" else body
    return {
        "update_id": update["update_id"],
        "kind": kind,
        "chat": message.get("chat", {}).get("id"),
        "message_id": message.get("message_id"),
        "text": body.get("text", body.get("query", body.get("data"))),
        "time": at,
    }


def entities_of(text: str) -> list[dict[str, Any]]:
    """Bot-command and mention entities, with offsets in UTF-16 units as Telegram sends them."""
    found = []
    if command := _COMMAND.match(text):
        found.append({"type": "bot_command", "offset": 0, "length": _utf16(command.group())})
    for mention in _MENTION.finditer(text):
        offset = _utf16(text[: mention.start()])
        found.append({"type": "mention", "offset": offset, "length": _utf16(mention.group())})
    return found


def user(user_id: int) -> dict[str, Any]:
    """A (human) User object."""
    return {"id": user_id, "is_bot": False, "first_name": f"User {user_id}"}


def chat(chat_id: int, chat_type: str) -> dict[str, Any]:
    """A Chat object: private chats have a first name, groups a title."""
    found: dict[str, Any] = {"id": chat_id, "type": chat_type}
    if chat_type == "private":
        found["first_name"] = f"User {chat_id}"
    else:
        found["title"] = f"Group {chat_id}"
    return found
