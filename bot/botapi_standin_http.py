"""The HTTP layer of the Bot API stand-in (:mod:`bot.botapi_standin`): tornado handlers for
``/bot<TOKEN>/<method>`` and for the ``/_test/...`` control API described there."""

from __future__ import annotations

import asyncio
import contextlib
import json
from typing import TYPE_CHECKING, Any

import tornado.http1connection
import tornado.web

from bot.botapi_standin_faults import Fault
from bot.botapi_standin_objects import ApiError

if TYPE_CHECKING:
    from bot.botapi_standin import BotApiStandIn

__all__ = ["make_app"]

_JSON_KEYS = frozenset(
    {
        "reply_markup",
        "reply_parameters",
        "results",
        "commands",
        "allowed_updates",
        "entities",
        "link_preview_options",
        "scope",
        "input_message_content",
        "button",
    }
)
_INT_KEYS = frozenset(
    {
        "chat_id",
        "message_id",
        "offset",
        "limit",
        "user_id",
        "cache_time",
        "message_thread_id",
        "max_connections",
        "timeout",
    }
)
_BOOL_KEYS = frozenset({"drop_pending_updates", "show_alert", "is_personal"})


def _decode(key: str, value: str) -> Any:
    if key in _JSON_KEYS:
        return json.loads(value)
    if key in _INT_KEYS:
        with contextlib.suppress(ValueError):
            return int(float(value))
    if key in _BOOL_KEYS:
        return value.lower() == "true"
    return value


def _params(handler: tornado.web.RequestHandler) -> dict[str, Any]:
    request = handler.request
    raw: dict[str, str] = {k: v[-1].decode() for k, v in request.query_arguments.items()}
    if request.headers.get("Content-Type", "").startswith("application/json") and request.body:
        return {**raw, **json.loads(request.body)}
    raw.update({k: v[-1].decode() for k, v in request.body_arguments.items()})
    return {key: _decode(key, value) for key, value in raw.items()}


class _ApiHandler(tornado.web.RequestHandler):
    """/bot<TOKEN>/<method>."""

    def initialize(self, api: BotApiStandIn) -> None:
        self.api, self.closed = api, False

    def on_connection_close(self) -> None:
        self.closed = True

    async def get(self, token: str, method: str) -> None:
        await self.post(token, method)

    async def post(self, token: str, method: str) -> None:
        try:
            self.api.check_token(token)
            params = _params(self)
            if method == "getUpdates":
                await self._poll(params)
                return
            await self._call(method, params)
        except ApiError as error:
            body: dict[str, Any] = {
                "ok": False,
                "error_code": error.status,
                "description": error.description,
            }
            if error.parameters:
                body["parameters"] = error.parameters
            self._answer(error.status, body)

    async def _poll(self, params: dict[str, Any]) -> None:
        """getUpdates: failed before anything is confirmed, when a fault is due."""
        if await self._fail(self.api.faults.take("getUpdates")):
            return
        self._answer(200, {"ok": True, "result": await self.api.get_updates(params)})

    async def _fail(self, fault: Fault | None) -> bool:
        """Apply a fault due before processing: raise an error answer, or drop and return True."""
        kind = fault.kind if fault else None
        if kind == "500":
            raise ApiError(500, "Internal Server Error")
        if kind == "429" and fault is not None:
            description = f"Too Many Requests: retry after {fault.retry_after}"
            raise ApiError(429, description, {"retry_after": fault.retry_after})
        if kind == "drop":
            self._drop()
            return True
        if kind == "slow" and fault is not None:
            await asyncio.sleep(fault.delay)
            # The client gave up: a real server might have processed it anyway; we do not.
            return self.closed
        return False

    async def _call(self, method: str, params: dict[str, Any]) -> None:
        fault = self.api.faults.take(method)
        call = self.api.record_call(method, params, fault)
        if await self._fail(fault):
            return
        kind = fault.kind if fault else None
        result = self.api.call_method(method, params)
        self.api.finish_call(call, result)
        if kind == "drop_after":
            self._drop()
            return
        self._answer(200, {"ok": True, "result": result})

    def _drop(self) -> None:
        """Close the connection without an answer, as a crashing proxy would."""
        connection = self.request.connection
        if isinstance(connection, tornado.http1connection.HTTP1Connection):
            connection.stream.close()
        self.closed = True

    def _answer(self, status: int, body: dict[str, Any]) -> None:
        if self.closed:
            return
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(body))


class _ControlHandler(tornado.web.RequestHandler):
    """/_test/<action>: inject updates, read records, set faults."""

    def initialize(self, api: BotApiStandIn) -> None:
        self.api = api

    def get(self, action: str) -> None:
        args = {k: v[-1].decode() for k, v in self.request.query_arguments.items()}
        try:
            result = self._act(action, args)
        except (KeyError, ValueError) as error:
            self.set_status(400)
            result = {"error": f"{type(error).__name__}: {error}"}
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(result))

    def post(self, action: str) -> None:
        body = json.loads(self.request.body or b"null")
        if action == "update":
            result: Any = {"update_id": self.api.inject_update(body)}
        elif action == "messages":
            pairs = [(int(item["chat"]), str(item["text"])) for item in body["messages"]]
            self.api.inject_messages(pairs, body.get("rate"))
            result = {"count": len(pairs)}
        else:
            self.get(action)
            return
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(result))

    def _act(self, action: str, args: dict[str, str]) -> Any:
        api = self.api
        if action == "inject":
            reply_to = int(args["reply_to"]) if "reply_to" in args else None
            user = int(args["user"]) if "user" in args else None
            message = api.user_message(
                int(args["chat"]),
                args["text"],
                chat_type=args.get("type"),
                user_id=user,
                reply_to=reply_to,
            )
            update_id = api.inject_update({"message": message})
            return {"update_id": update_id, "message_id": message["message_id"]}
        if action == "sent":
            chat = int(args["chat"]) if "chat" in args else None
            return api.sent(args.get("method", "sendMessage"), chat)
        if action == "injected":
            return api.injected()
        if action == "calls":
            return api.calls(args.get("method"))
        if action == "fault":
            return self._fault(args)
        if action == "state":
            return api.state()
        if action == "reset":
            api.reset()
            return {"ok": True}
        raise KeyError(f"unknown action {action}")

    def _fault(self, args: dict[str, str]) -> dict[str, Any]:
        method, retry_after = args["method"], int(args.get("retry_after", "1"))
        if "rate" in args:
            kinds = tuple(args.get("kinds", "500,429,drop").split(","))
            seed = int(args.get("seed", "0"))
            self.api.fail_randomly(
                method, float(args["rate"]), kinds, retry_after=retry_after, seed=seed
            )
        else:
            count, delay = int(args.get("count", "1")), float(args.get("delay", "0"))
            self.api.fail_next(method, args["kind"], count, retry_after=retry_after, delay=delay)
        return {"ok": True}


def make_app(api: BotApiStandIn) -> tornado.web.Application:
    """The tornado application serving ``api``."""
    return tornado.web.Application(
        [
            (r"/bot([^/]+)/([A-Za-z]+)", _ApiHandler, {"api": api}),
            (r"/_test/([a-z_]+)", _ControlHandler, {"api": api}),
        ],
        log_function=lambda handler: None,
    )
