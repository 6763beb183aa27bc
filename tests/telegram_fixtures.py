"""Fixtures and fakes for the Telegram tests: an offline request, a scripted engine, update
builders, and a running bot against the local Bot API stand-in. No test reaches the network."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr
from telegram import Update
from telegram.request import BaseRequest, HTTPXRequest, RequestData

from bot.botapi_standin import BOT_USERNAME, BotApiStandIn, entities_of
from bot.delivery import Delivery, RetryPolicy
from bot.settings import Settings
from bot.telegram_app import ALLOWED_UPDATES, TelegramApp, TelegramConfig, build_application
from knowledge import Answer, Conversation, Engine, FactBase, Source, load_source

TOKEN = "123456789:" + "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"
BOT_ID = 123456789
BOT_USER = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "Article Bot",
    "username": BOT_USERNAME,
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": True,
}
FAST_RETRY = RetryPolicy(attempts=4, first_delay=0.01, max_delay=0.05, budget=10.0)
# The scripted engine answers in the test's process, so these bots do not start an engine worker.
FAST_CONFIG = TelegramConfig(retry=FAST_RETRY, flood=None, poll_timeout=1.0, engine_worker=False)


def make_settings(tmp_path: Path, base_url: str = "http://127.0.0.1:9/bot") -> Settings:
    """Settings for a test bot: no .env, a heartbeat file under tmp_path."""
    return Settings(
        _env_file=None,
        telegram_bot_token=SecretStr(TOKEN),
        telegram_api_base_url=base_url,
        heartbeat_file=tmp_path / "heartbeat",
    )


class ScriptedEngine:
    """An Engine look-alike: scripted answers for some questions, the real engine for the rest.

    It records every question with the Conversation object it came with.
    """

    def __init__(self, fact_base: FactBase, answers: dict[str, Answer] | None = None) -> None:
        self.fact_base = fact_base
        self.real = Engine(fact_base)
        self.answers = dict(answers or {})
        self.asked: list[tuple[str, Conversation | None]] = []

    def ask(self, question: str, conversation: Conversation | None = None) -> Answer:
        self.asked.append((question, conversation))
        if question in self.answers:
            return self.answers[question]
        return self.real.ask(question, conversation)

    def examples(self, count: int = 3) -> list[str]:
        return self.real.examples(count)


def answered(question: str, answer: str, sentence: str, paragraph: int = 2, **extra: Any) -> Answer:
    """An Answer that the article answers, citing one sentence."""
    source = Source(text=sentence, paragraph=paragraph, sentence=1)
    fields: dict[str, Any] = {
        "question": question,
        "answered": True,
        "answer": answer,
        "reply": f"{answer}\n{sentence}",
        "sources": [source],
        "confidence": 0.9,
        "kind": "answer",
    }
    return Answer(**{**fields, **extra})


def suggesting(question: str, suggestions: list[str], kind: str = "suggest") -> Answer:
    """An unanswered Answer offering other questions."""
    return Answer(
        question=question,
        answered=False,
        answer=None,
        reply="I'm not sure what you mean.",
        confidence=0.4,
        suggestions=suggestions,
        kind=kind,
    )


class OfflineRequest(BaseRequest):
    """Answers Bot API calls from a table and fails the test on any call it does not know.

    ``fail(method, status, body)`` queues an error answer for the next call of a method.
    """

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.results: dict[str, Any] = {
            "getMe": BOT_USER,
            "setMyCommands": True,
            "sendChatAction": True,
            "answerCallbackQuery": True,
            "answerInlineQuery": True,
            "deleteWebhook": True,
        }
        self.failures: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        self._message_ids = 1000

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    def fail(self, method: str, status: int, description: str = "Internal Server Error") -> None:
        """Make the next call of ``method`` get an error answer."""
        body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        if status == 429:
            body["parameters"] = {"retry_after": 1}
        self.failures.setdefault(method, []).append((status, body))

    def sent(self, method: str = "sendMessage") -> list[dict[str, Any]]:
        """The parameters of every call of ``method``, oldest first."""
        return [params for name, params in self.calls if name == method]

    def methods(self) -> list[str]:
        """The names of the methods called, in order."""
        return [name for name, _ in self.calls]

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        name = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        self.calls.append((name, params))
        if self.failures.get(name):
            status, body = self.failures[name].pop(0)
            return status, json.dumps(body).encode()
        if name in ("sendMessage", "editMessageText"):
            result = self._message(params)
        elif name in self.results:
            result = self.results[name]
        else:
            pytest.fail(f"unexpected Bot API call {name}({params})")
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def _message(self, params: dict[str, Any]) -> dict[str, Any]:
        self._message_ids += 1
        chat_id = int(params["chat_id"])
        return {
            "message_id": params.get("message_id", self._message_ids),
            "date": 0,
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
            "from": BOT_USER,
            "text": params.get("text", ""),
        }


def message_data(
    chat_id: int,
    text: str | None,
    message_id: int = 1,
    *,
    reply_to: dict[str, Any] | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A user's message as the Bot API sends it (private chat for a positive id, else a group)."""
    kind = "private" if chat_id > 0 else "supergroup"
    chat: dict[str, Any] = {"id": chat_id, "type": kind}
    chat["first_name" if kind == "private" else "title"] = f"Chat {chat_id}"
    message: dict[str, Any] = {
        "message_id": message_id,
        "date": 0,
        "chat": chat,
        "from": {"id": abs(chat_id), "is_bot": False, "first_name": "Ann"},
    }
    if text is not None:
        message["text"] = text
        if entities := entities_of(text):
            message["entities"] = entities
    if reply_to is not None:
        message["reply_to_message"] = reply_to
    message.update(extra or {})
    return message


def bot_message_data(chat_id: int, message_id: int, text: str = "an answer") -> dict[str, Any]:
    """A message the bot sent earlier."""
    data = message_data(chat_id, text, message_id)
    data["from"] = BOT_USER
    data.pop("entities", None)
    return data


STICKER = {
    "sticker": {
        "file_id": "s",
        "file_unique_id": "s",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
    }
}
PHOTO = {"photo": [{"file_id": "p", "file_unique_id": "p", "width": 90, "height": 90}]}
VOICE = {"voice": {"file_id": "v", "file_unique_id": "v", "duration": 2}}


def inline_query_data(query: str, query_id: str = "iq", user_id: int = 7) -> dict[str, Any]:
    """An inline query as the Bot API sends it."""
    user = {"id": user_id, "is_bot": False, "first_name": "Ann"}
    return {"id": query_id, "from": user, "query": query, "offset": ""}


def callback_query_data(
    message: dict[str, Any], data: str, query_id: str = "q1", user_id: int = 7
) -> dict[str, Any]:
    """The press of an inline button under ``message``."""
    user = {"id": user_id, "is_bot": False, "first_name": "Ann"}
    return {"id": query_id, "from": user, "chat_instance": "c", "data": data, "message": message}


def update_of(app: TelegramApp, update_id: int = 1, **fields: Any) -> Update:
    """An Update with the given fields (message=..., edited_message=..., ...)."""
    update = Update.de_json({"update_id": update_id, **fields}, app.bot)
    assert update is not None
    return update


@pytest.fixture(scope="session")
def seed_fact_base() -> FactBase:
    """The bundled seed article's fact base, loaded once."""
    return load_source(None)


@pytest.fixture
def engine(seed_fact_base: FactBase) -> ScriptedEngine:
    """A scripted engine over the seed article (the real engine answers unscripted questions)."""
    return ScriptedEngine(seed_fact_base)


@pytest.fixture
async def offline_bot(
    tmp_path: Path, engine: ScriptedEngine
) -> AsyncIterator[tuple[TelegramApp, OfflineRequest]]:
    """An initialised Application whose every request goes to an OfflineRequest."""
    request = OfflineRequest()
    app = build_application(
        make_settings(tmp_path),
        engine,
        config=FAST_CONFIG,
        request=request,
        get_updates_request=request,
    )
    await app.initialize()
    yield app, request
    await app.shutdown()


@pytest.fixture
def standin() -> Iterator[BotApiStandIn]:
    """A Bot API stand-in serving on 127.0.0.1 from a background thread."""
    with BotApiStandIn(token=TOKEN) as api:
        yield api


async def start_bot(
    app: TelegramApp, allowed: list[str] | None = None, poll_timeout: float = 1.0
) -> None:
    """Initialise, post_init and start polling, as run_polling does minus the signal handling."""
    await app.initialize()
    if app.post_init is not None:
        await app.post_init(app)
    assert app.updater is not None
    await app.updater.start_polling(
        timeout=timedelta(seconds=poll_timeout),
        allowed_updates=allowed or ALLOWED_UPDATES,
        # As run_polling does: polling errors go to the application's error handler.
        error_callback=lambda error: app.create_task(app.process_error(None, error)),
    )
    await app.start()


async def stop_bot(app: TelegramApp) -> None:
    """Stop polling, finish handlers in flight and shut down, as run_polling does."""
    assert app.updater is not None
    if app.updater.running:
        await app.updater.stop()
    if app.running:
        await app.stop()
    await app.shutdown()


@pytest.fixture
async def live_bot(
    tmp_path: Path, standin: BotApiStandIn, engine: ScriptedEngine
) -> AsyncIterator[tuple[TelegramApp, BotApiStandIn]]:
    """The real Application, polling the stand-in over HTTP, with a short read timeout."""
    delivery = Delivery(FAST_RETRY)
    app = build_application(
        make_settings(tmp_path, standin.base_url),
        engine,
        config=FAST_CONFIG,
        request=HTTPXRequest(connection_pool_size=32, read_timeout=1.0),
        delivery=delivery,
    )
    await start_bot(app)
    yield app, standin
    await stop_bot(app)


def sent_texts(api: BotApiStandIn, chat_id: int | None = None) -> list[str]:
    """The texts of the messages the stand-in accepted, oldest first."""
    return [call["params"]["text"] for call in api.sent("sendMessage", chat_id)]


def quoted_ids(api: BotApiStandIn, chat_id: int) -> list[int]:
    """The user message ids the bot's messages in a chat quote, oldest first."""
    return [
        call["params"]["reply_parameters"]["message_id"]
        for call in api.sent("sendMessage", chat_id)
        if "reply_parameters" in call["params"]
    ]
