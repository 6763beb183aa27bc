"""A local stand-in for the Telegram Bot API, for tests, the benchmark and the container smoke test.

It speaks ``/bot<TOKEN>/<method>`` on 127.0.0.1 like api.telegram.org (form-encoded, multipart or
JSON parameters; ``{"ok": true, "result": ...}`` answers), long-polls ``getUpdates``, pushes updates
to a webhook once ``setWebhook`` is called, records every request the bot makes, and injects faults.
Point the bot at it with ``TELEGRAM_API_BASE_URL=http://127.0.0.1:PORT/bot``.

From Python::

    with BotApiStandIn() as api:          # serves from a background thread
        api.inject_message(42, "Who met Burns?")
        ...
        api.sent("sendMessage")           # what the bot sent and the stand-in accepted

From a shell::

    python -m bot.botapi_standin --port 8081 &      # --port 0 picks a free port
    # first stdout line: {"event": "listening", "port": 8081, "base_url": "http://127.0.0.1:8081/bot"}
    # then one JSON line per request the bot makes: {"event": "call", "method": ..., ...}
    curl -s 'http://127.0.0.1:8081/_test/inject?chat=42&text=Who%20met%20Burns%3F'
    curl -s 'http://127.0.0.1:8081/_test/sent?chat=42'    # the bot's replies, as a JSON list

Control API (plain HTTP on the same port; every answer is JSON):

``GET /_test/inject?chat=C&text=T``
    Inject a text message from chat C (optional: ``type=private|group|supergroup``, ``user=U``,
    ``reply_to=MESSAGE_ID``). Answers ``{"update_id": N, "message_id": M}``.
``POST /_test/update``
    Inject any update: the JSON body is the update (``update_id`` is assigned when missing).
``POST /_test/messages``
    Inject many text messages: body ``{"messages": [{"chat": C, "text": T}, ...], "rate": R}``;
    without ``rate`` all at once, with it R per second, paced by the stand-in itself.
``GET /_test/injected``
    Every injected update: ``update_id``, ``kind``, ``chat``, ``message_id``, ``text``, ``time``.
``GET /_test/sent[?method=sendMessage][&chat=C]``
    The requests the stand-in processed, oldest first (default method ``sendMessage``), each
    with ``method``, ``params`` (decoded), ``result``, ``fault``, ``time`` (arrived) and ``done``.
``GET /_test/calls[?method=M]``
    Every request, failed or not, with the fault that was injected into it (``getUpdates`` is
    counted in ``/_test/state`` instead).
``GET /_test/fault?method=M&kind=K[&count=N][&retry_after=S][&delay=S]``
    Make the next N calls of method M (``getUpdates`` too) fail. Kinds: ``500``; ``429`` (with
    ``retry_after``); ``drop`` (connection closed before processing); ``drop_after`` (processed,
    then the connection closed: the client cannot tell it arrived); ``slow`` (answered after
    ``delay`` seconds; not processed if the client gave up by then).
``GET /_test/fault?method=M&rate=R[&kinds=500,429,drop][&retry_after=S][&seed=N]``
    Fail a fraction R of the calls of method M at random with the listed kinds.
``GET /_test/state``
    ``{"confirmed_offset", "pending_updates", "next_update_id", "polls", "webhook_url",
    "processed": {method: count}, ...}``.

Times are seconds since the stand-in started, on one monotonic clock, so a reply's ``time``
minus its question's ``time`` is the bot's reply latency.
``GET /_test/reset``
    Forget injected faults, recorded calls and pending updates.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import sys
import threading
import time
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from typing import Any

import tornado.httpclient
import tornado.httpserver
import tornado.netutil

from bot.botapi_standin_faults import FAULT_KINDS, Fault, FaultPlan
from bot.botapi_standin_objects import ApiError, chat, entities_of, summary, user

__all__ = [
    "BOT_USERNAME",
    "FAULT_KINDS",
    "ApiError",
    "BotApiStandIn",
    "Fault",
    "entities_of",
    "main",
]

BOT_USERNAME = "article_test_bot"


@dataclass
class _State:
    next_update_id: int = 1
    confirmed_offset: int = 0
    polls: int = 0
    poll_generation: int = 0
    pending: list[dict[str, Any]] = field(default_factory=list)
    calls: list[dict[str, Any]] = field(default_factory=list)
    messages: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)
    chats: dict[int, dict[str, Any]] = field(default_factory=dict)
    next_message_id: dict[int, int] = field(default_factory=dict)
    webhook: dict[str, Any] = field(default_factory=dict)
    commands: list[Any] = field(default_factory=list)
    injected: list[dict[str, Any]] = field(default_factory=list)
    processed: dict[str, int] = field(default_factory=dict)


class BotApiStandIn:
    """The stand-in server; thread-safe, usable from sync and async code alike."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        token: str | None = None,
        username: str = BOT_USERNAME,
        on_call: Callable[[dict[str, Any]], None] | None = None,
    ) -> None:
        self.host, self.port, self.token, self.username = host, port, token, username
        self.bot_id = int(token.split(":")[0]) if token else 7000000001
        self._on_call = on_call
        self._lock = threading.Lock()
        self._state = _State()
        self.faults = FaultPlan()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._changed: asyncio.Event | None = None
        self._stopped: asyncio.Event | None = None
        self._thread: threading.Thread | None = None
        self._ids = itertools.count(1)
        self._tasks: set[asyncio.Task[None]] = set()
        self._started = time.monotonic()

    # -- running ---------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """The value for TELEGRAM_API_BASE_URL."""
        return f"http://{self.host}:{self.port}/bot"

    @property
    def control_url(self) -> str:
        """Where the control API lives."""
        return f"http://{self.host}:{self.port}/_test"

    def start(self) -> BotApiStandIn:
        """Serve from a background thread; return once listening."""
        ready = threading.Event()
        self._thread = threading.Thread(
            target=lambda: asyncio.run(self.serve(ready)), name="botapi-standin", daemon=True
        )
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError("the Bot API stand-in did not start")
        return self

    def stop(self) -> None:
        """Stop serving and wait for the thread."""
        if self._loop is not None and self._stopped is not None:
            self._loop.call_soon_threadsafe(self._stopped.set)
        if self._thread is not None:
            self._thread.join(10)
            self._thread = None

    def __enter__(self) -> BotApiStandIn:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    async def serve(self, ready: threading.Event | None = None) -> None:
        """Serve in the running event loop until :meth:`stop`."""
        self._loop = asyncio.get_running_loop()
        self._changed, self._stopped = asyncio.Event(), asyncio.Event()
        from bot.botapi_standin_http import make_app  # The HTTP layer needs this class.

        app = make_app(self)
        sockets = tornado.netutil.bind_sockets(self.port, self.host)
        self.port = sockets[0].getsockname()[1]
        server = tornado.httpserver.HTTPServer(app, idle_connection_timeout=60)
        server.add_sockets(sockets)
        if ready is not None:
            ready.set()
        try:
            await self._stopped.wait()
        finally:
            server.stop()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(server.close_all_connections(), 2)

    def _notify(self) -> None:
        """Wake every long poll (from any thread)."""
        loop = self._loop
        if loop is None:
            return
        if _running_loop() is loop:
            self._wake()
        else:
            loop.call_soon_threadsafe(self._wake)

    def _wake(self) -> None:
        if self._changed is not None:
            self._changed.set()
            self._changed = asyncio.Event()
        with self._lock:
            webhook = dict(self._state.webhook)
            updates = list(self._state.pending) if webhook.get("url") else []
            if updates:
                self._state.pending.clear()
        for update in updates:
            self._spawn(self._push(webhook, update))

    def _spawn(self, work: Coroutine[Any, Any, None]) -> None:
        """Run ``work`` in the stand-in's loop, keeping a reference until it is done."""
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # -- injecting updates -----------------------------------------------------------------------

    def inject_update(self, update: dict[str, Any]) -> int:
        """Queue any update for the bot; return its update_id."""
        with self._lock:
            update = dict(update)
            update.setdefault("update_id", self._state.next_update_id)
            self._state.next_update_id = max(self._state.next_update_id, update["update_id"]) + 1
            self._state.pending.append(update)
            self._state.injected.append(summary(update, self.clock()))
        self._notify()
        return int(update["update_id"])

    def _chat(self, chat_id: int, chat_type: str) -> dict[str, Any]:
        found = self._state.chats[chat_id] = chat(chat_id, chat_type)
        return found

    def _new_message_id(self, chat_id: int) -> int:
        number = self._state.next_message_id.get(chat_id, 1)
        self._state.next_message_id[chat_id] = number + 1
        return number

    def bot_user(self) -> dict[str, Any]:
        """The bot's own User object, as getMe returns it."""
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "Article Bot",
            "username": self.username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }

    def user_message(
        self,
        chat_id: int,
        text: str | None = None,
        *,
        chat_type: str | None = None,
        user_id: int | None = None,
        reply_to: int | None = None,
        extra: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """A new message from a user (text, or the fields in ``extra``), stored, not injected."""
        kind = chat_type or ("private" if chat_id > 0 else "supergroup")
        with self._lock:
            message: dict[str, Any] = {
                "message_id": self._new_message_id(chat_id),
                "date": int(time.time()),
                "chat": self._chat(chat_id, kind),
                "from": user(user_id or abs(chat_id)),
            }
            if text is not None:
                message["text"] = text
                if entities := entities_of(text):
                    message["entities"] = entities
            if reply_to is not None and (replied := self._state.messages.get((chat_id, reply_to))):
                message["reply_to_message"] = replied
            message.update(extra or {})
            self._state.messages[(chat_id, message["message_id"])] = message
        return message

    def inject_message(
        self, chat_id: int, text: str | None = None, **options: Any
    ) -> dict[str, Any]:
        """Inject a message from a user (see :meth:`user_message`); return the message."""
        message = self.user_message(chat_id, text, **options)
        self.inject_update({"message": message})
        return message

    def inject_messages(
        self, messages: Sequence[tuple[int, str]], rate: float | None = None
    ) -> None:
        """Inject text messages ``(chat_id, text)``: all at once, or ``rate`` per second.

        Paced injection runs in the stand-in's own event loop, so the time it records for each
        message is when it became available to the bot.
        """
        if rate is None:
            for chat_id, text in messages:
                self.inject_message(chat_id, text)
            return
        loop = self._loop
        if loop is None:
            raise RuntimeError("the stand-in is not serving")
        pending = list(messages)
        loop.call_soon_threadsafe(lambda: self._spawn(self._paced(pending, rate)))

    async def _paced(self, messages: list[tuple[int, str]], rate: float) -> None:
        loop = asyncio.get_running_loop()
        start = loop.time()
        for index, (chat_id, text) in enumerate(messages):
            delay = start + index / rate - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            self.inject_message(chat_id, text)

    def inject_edit(self, chat_id: int, message_id: int, text: str) -> dict[str, Any]:
        """Inject the edit of an earlier user message; return the edited message."""
        with self._lock:
            message = dict(self._state.messages[(chat_id, message_id)])
            message.update(text=text, edit_date=int(time.time()))
            message.pop("entities", None)
            if entities := entities_of(text):
                message["entities"] = entities
            self._state.messages[(chat_id, message_id)] = message
        self.inject_update({"edited_message": message})
        return message

    def inject_callback(
        self, chat_id: int, message_id: int, data: str, user_id: int | None = None
    ) -> str:
        """Inject the press of an inline button under a bot message; return the query id."""
        query_id = str(next(self._ids))
        with self._lock:
            message = self._state.messages[(chat_id, message_id)]
        query = {
            "id": query_id,
            "from": user(user_id or abs(chat_id)),
            "chat_instance": f"instance-{chat_id}",
            "data": data,
            "message": message,
        }
        self.inject_update({"callback_query": query})
        return query_id

    def inject_inline_query(self, user_id: int, query: str) -> str:
        """Inject an inline query (``@bot query`` typed in any chat); return its id."""
        query_id = str(next(self._ids))
        inline = {"id": query_id, "from": user(user_id), "query": query, "offset": ""}
        self.inject_update({"inline_query": inline})
        return query_id

    # -- faults and records ----------------------------------------------------------------------

    def fail_next(
        self, method: str, kind: str, count: int = 1, *, retry_after: int = 1, delay: float = 0.0
    ) -> None:
        """Make the next ``count`` calls of ``method`` fail with ``kind`` (see FAULT_KINDS)."""
        self.faults.fail_next(method, kind, count, retry_after=retry_after, delay=delay)

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
        self.faults.fail_randomly(method, rate, kinds, retry_after=retry_after, seed=seed)

    def reset(self) -> None:
        """Forget faults, records and pending updates (chats and message ids stay)."""
        self.faults.clear()
        with self._lock:
            self._state.calls.clear()
            self._state.pending.clear()
            self._state.injected.clear()
            self._state.processed.clear()

    def clock(self) -> float:
        """Seconds since the stand-in was created: the time base of every record."""
        return time.monotonic() - self._started

    def injected(self) -> list[dict[str, Any]]:
        """Every injected update, summarised, oldest first (see /_test/injected)."""
        with self._lock:
            return list(self._state.injected)

    def calls(self, method: str | None = None) -> list[dict[str, Any]]:
        """Every recorded request (getUpdates excepted), oldest first."""
        with self._lock:
            return [dict(c) for c in self._state.calls if method in (None, c["method"])]

    def sent(self, method: str = "sendMessage", chat_id: int | None = None) -> list[dict[str, Any]]:
        """The requests of ``method`` the stand-in processed (faulted ones excluded)."""
        return [
            call
            for call in self.calls(method)
            if call["processed"] and chat_id in (None, call["params"].get("chat_id"))
        ]

    def state(self) -> dict[str, Any]:
        """Offsets, counters and the webhook, as /_test/state reports them."""
        with self._lock:
            return {
                "confirmed_offset": self._state.confirmed_offset,
                "pending_updates": len(self._state.pending),
                "next_update_id": self._state.next_update_id,
                "polls": self._state.polls,
                "calls": len(self._state.calls),
                "webhook_url": self._state.webhook.get("url", ""),
                "commands": list(self._state.commands),
                "processed": dict(self._state.processed),
                "injected": len(self._state.injected),
            }

    @property
    def confirmed_offset(self) -> int:
        """The highest offset the bot confirmed with getUpdates."""
        with self._lock:
            return self._state.confirmed_offset

    async def wait_for(
        self, predicate: Callable[[BotApiStandIn], bool], timeout: float = 5.0
    ) -> None:
        """Wait (without blocking the event loop) until ``predicate(self)`` holds."""
        deadline = time.monotonic() + timeout
        while not predicate(self):
            if time.monotonic() > deadline:
                raise TimeoutError(f"stand-in condition not met within {timeout} s")
            await asyncio.sleep(0.01)

    def wait_until(self, predicate: Callable[[BotApiStandIn], bool], timeout: float = 5.0) -> None:
        """Block until ``predicate(self)`` holds (for code that is not async)."""
        deadline = time.monotonic() + timeout
        while not predicate(self):
            if time.monotonic() > deadline:
                raise TimeoutError(f"stand-in condition not met within {timeout} s")
            time.sleep(0.01)

    def record_call(
        self, method: str, params: dict[str, Any], fault: Fault | None
    ) -> dict[str, Any]:
        call = {
            "seq": next(self._ids),
            "time": self.clock(),
            "method": method,
            "params": params,
            "fault": fault.kind if fault else None,
            "processed": False,
            "result": None,
        }
        with self._lock:
            self._state.calls.append(call)
        if fault is not None:
            self._emit(call)
        return call

    def finish_call(self, call: dict[str, Any], result: Any) -> None:
        with self._lock:
            call["processed"], call["result"], call["done"] = True, result, self.clock()
            method = call["method"]
            self._state.processed[method] = self._state.processed.get(method, 0) + 1
        self._emit(call)

    def _emit(self, call: dict[str, Any]) -> None:
        if self._on_call is not None:
            self._on_call({"event": "call", **call})

    # -- the Bot API -----------------------------------------------------------------------------

    def check_token(self, token: str) -> None:
        """Reject a token other than the configured one, as Telegram does."""
        if self.token is not None and token != self.token:
            raise ApiError(401, "Unauthorized")

    async def get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Confirm updates below ``offset`` and long-poll for newer ones."""
        offset, limit = int(params.get("offset", 0)), int(params.get("limit", 100))
        timeout = float(params.get("timeout", 0))
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        with self._lock:
            if self._state.webhook.get("url"):
                raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active")
            self._state.polls += 1
            self._state.poll_generation += 1
            generation = self._state.poll_generation
        while True:
            with self._lock:
                if generation != self._state.poll_generation:
                    raise ApiError(409, "Conflict: terminated by other getUpdates request")
                if offset > 0:
                    self._state.confirmed_offset = max(self._state.confirmed_offset, offset)
                    self._state.pending = [
                        u for u in self._state.pending if u["update_id"] >= offset
                    ]
                ready = [u for u in self._state.pending if u["update_id"] >= offset][:limit]
            changed = self._changed
            remaining = deadline - loop.time()
            if ready or remaining <= 0 or changed is None:
                return [{k: v for k, v in u.items() if not k.startswith("_")} for u in ready]
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(changed.wait(), remaining)

    def call_method(self, method: str, params: dict[str, Any]) -> Any:
        """Answer every method but getUpdates."""
        with self._lock:
            handler = _METHODS.get(method)
            if handler is None:
                raise ApiError(400, f"Bad Request: the stand-in does not implement {method}")
            return handler(self, params)

    def _send_message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = params["chat_id"]
        chat = self._state.chats.get(chat_id) or self._chat(chat_id, "private")
        message: dict[str, Any] = {
            "message_id": self._new_message_id(chat_id),
            "date": int(time.time()),
            "chat": chat,
            "from": self.bot_user(),
            "text": params.get("text", ""),
        }
        if "reply_markup" in params:
            message["reply_markup"] = params["reply_markup"]
        self._state.messages[(chat_id, message["message_id"])] = message
        return message

    def _edit_message_text(self, params: dict[str, Any]) -> dict[str, Any]:
        key = (int(params.get("chat_id", 0)), int(params.get("message_id", 0)))
        message = self._state.messages.get(key)
        if message is None or message["from"]["id"] != self.bot_id:
            raise ApiError(400, "Bad Request: message to edit not found")
        if message["text"] == params.get("text") and "reply_markup" not in params:
            raise ApiError(400, "Bad Request: message is not modified")
        message = {**message, "text": params.get("text", ""), "edit_date": int(time.time())}
        if "reply_markup" in params:
            message["reply_markup"] = params["reply_markup"]
        self._state.messages[key] = message
        return message

    def _set_webhook(self, params: dict[str, Any]) -> bool:
        self._state.webhook = {"url": params.get("url", ""), "secret": params.get("secret_token")}
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._wake)  # Push what is already pending.
        return True

    def _delete_webhook(self, params: dict[str, Any]) -> bool:
        self._state.webhook = {}
        if params.get("drop_pending_updates"):
            self._state.pending.clear()
        return True

    def _set_my_commands(self, params: dict[str, Any]) -> bool:
        self._state.commands = list(params.get("commands", []))
        return True

    def _webhook_info(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "url": self._state.webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self._state.pending),
        }

    async def _push(self, webhook: dict[str, Any], update: dict[str, Any]) -> None:
        """Post one update to the webhook, retrying a few times like Telegram does."""
        headers = {"Content-Type": "application/json"}
        if webhook.get("secret"):
            headers["X-Telegram-Bot-Api-Secret-Token"] = webhook["secret"]
        body = json.dumps({k: v for k, v in update.items() if not k.startswith("_")})
        client = tornado.httpclient.AsyncHTTPClient()
        for _ in range(10):
            with contextlib.suppress(OSError, tornado.httpclient.HTTPClientError):
                response = await client.fetch(
                    webhook["url"], method="POST", body=body, headers=headers, raise_error=False
                )
                self.record_call("_webhook", {"update_id": update["update_id"]}, None)
                if response.code == 200:
                    return
            await asyncio.sleep(0.2)


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


_METHODS: dict[str, Callable[[BotApiStandIn, dict[str, Any]], Any]] = {
    "getMe": lambda api, params: api.bot_user(),
    "sendMessage": BotApiStandIn._send_message,
    "editMessageText": BotApiStandIn._edit_message_text,
    "sendChatAction": lambda api, params: True,
    "answerCallbackQuery": lambda api, params: True,
    "answerInlineQuery": lambda api, params: True,
    "setMyCommands": BotApiStandIn._set_my_commands,
    "deleteMyCommands": lambda api, params: True,
    "setWebhook": BotApiStandIn._set_webhook,
    "deleteWebhook": BotApiStandIn._delete_webhook,
    "getWebhookInfo": BotApiStandIn._webhook_info,
    "close": lambda api, params: True,
    "logOut": lambda api, params: True,
}


def _print_json(entry: dict[str, Any]) -> None:
    print(json.dumps(entry, ensure_ascii=False, default=str), flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the stand-in in the foreground, printing each request as a JSON line."""
    parser = argparse.ArgumentParser(prog="python -m bot.botapi_standin", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081, help="0 picks a free port")
    parser.add_argument("--token", default=None, help="accept only this token (default: any)")
    parser.add_argument("--username", default=BOT_USERNAME, help="the bot's @username")
    parser.add_argument("--quiet", action="store_true", help="print only the listening line")
    args = parser.parse_args(argv)
    api = BotApiStandIn(
        args.host,
        args.port,
        token=args.token,
        username=args.username,
        on_call=None if args.quiet else _print_json,
    )
    ready = threading.Event()

    async def run() -> None:
        server = asyncio.get_running_loop().create_task(api.serve(ready))
        while not ready.is_set():
            await asyncio.sleep(0.01)
        _print_json({"event": "listening", "port": api.port, "base_url": api.base_url})
        await server

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run())
    return 0


if __name__ == "__main__":
    # Run the imported module's main, not this __main__ copy, so that there is one ApiError class.
    from bot.botapi_standin import main as standin_main

    sys.exit(standin_main())
