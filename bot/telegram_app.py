"""The Telegram front-end: :func:`build_application` wires every handler, :func:`run_telegram`
runs the bot by long polling or as a webhook server until SIGTERM or SIGINT."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import signal
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from telegram import Update
from telegram.error import InvalidToken, NetworkError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest, HTTPXRequest

from bot.delivery import DEFAULT_RETRY_POLICY, Delivery, RetryPolicy
from bot.engine_worker import DEFAULT_WORKER_CONFIG, Answers, WorkerAnswers, WorkerConfig
from bot.logs import setup_logging
from bot.settings import ConfigError, Settings
from bot.telegram_handlers import Addressed, Context, Handlers
from bot.telegram_state import BoundedMap, ButtonStore, ChatContexts
from bot.telegram_transport import (
    DEFAULT_FLOOD_LIMITS,
    FloodLimiter,
    FloodLimits,
    Heartbeat,
    HeartbeatRequest,
)
from knowledge import Engine, FactBase

__all__ = [
    "ALLOWED_UPDATES",
    "DEFAULT_TELEGRAM_CONFIG",
    "TelegramApp",
    "TelegramConfig",
    "build_application",
    "run_telegram",
]

log = logging.getLogger(__name__)
TelegramApp = Application[Any, Any, Any, Any, Any, Any]
ALLOWED_UPDATES = [
    Update.MESSAGE,
    Update.EDITED_MESSAGE,
    Update.CALLBACK_QUERY,
    Update.INLINE_QUERY,
]
EXIT_UNREACHABLE = 1


@dataclass(frozen=True)
class TelegramConfig:
    """The bot's tunables, with the values used in production as defaults."""

    concurrency: int = 32
    """Updates handled at once, so one slow chat never blocks the others."""
    in_flight: int = 4
    """Requests on the wire at once (retries waiting their turn do not count)."""
    max_chats: int = 10_000
    context_ttl: float = 30 * 60
    """Seconds a chat's conversation context survives without a question."""
    max_remembered: int = 20_000
    """Answered messages (for edits) and long button texts kept, each."""
    remember_ttl: float = 24 * 60 * 60
    poll_timeout: float = 10.0
    typing_after: float = 1.0
    """A reply not delivered within this many seconds (or retried) shows "typing…"."""
    drain_seconds: float = 3.0
    """After SIGTERM, replies in flight get this long before they are abandoned."""
    retry: RetryPolicy = DEFAULT_RETRY_POLICY
    flood: FloodLimits | None = DEFAULT_FLOOD_LIMITS
    """None turns throttling off (only sensible against a local stand-in)."""
    engine_worker: bool = True
    """Answer in a child process, keeping the event loop for I/O (see bot/engine_worker.py)."""
    worker: WorkerConfig = DEFAULT_WORKER_CONFIG


DEFAULT_TELEGRAM_CONFIG = TelegramConfig()


def _file_url(base_url: str) -> str:
    """The file-download base that goes with an API base: '.../bot' becomes '.../file/bot'."""
    root, bot, _ = base_url.rpartition("/bot")
    return f"{root}/file/bot" if bot else base_url


def build_application(
    settings: Settings,
    engine: Engine,
    *,
    config: TelegramConfig = DEFAULT_TELEGRAM_CONFIG,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
    delivery: Delivery | None = None,
) -> TelegramApp:
    """Build the bot's Application with every handler registered.

    ``request`` and ``get_updates_request`` replace PTB's HTTP transport (tests pass an offline
    one); ``delivery`` lets a caller read the delivery statistics afterwards.
    """
    delivery = delivery or Delivery(
        config.retry, waiting_after=config.typing_after, in_flight=config.in_flight
    )
    chats = ChatContexts(config.max_chats, config.context_ttl)
    answering = (
        WorkerAnswers(
            engine,
            chats,
            log_as=(settings.log_level, settings.log_format),
            config=config.worker,
        )
        if config.engine_worker
        else Answers(engine, chats)
    )
    handlers = Handlers(
        engine,
        delivery,
        answering,
        BoundedMap(config.max_remembered, config.remember_ttl),
        ButtonStore(config.max_remembered, config.remember_ttl),
    )
    poll_request = get_updates_request or HTTPXRequest(connection_pool_size=2)
    builder: ApplicationBuilder[Any, Any, Any, Any, Any, Any] = (
        Application.builder()
        .token(settings.bot_token())
        .base_url(settings.telegram_api_base_url)
        .base_file_url(_file_url(settings.telegram_api_base_url))
        # Room beyond the in-flight bound for "typing…", which does not queue for a slot.
        .request(request or HTTPXRequest(connection_pool_size=config.in_flight + 8))
        .get_updates_request(HeartbeatRequest(poll_request, Heartbeat(settings.heartbeat_file)))
        .concurrent_updates(config.concurrency)
        .post_init(handlers.post_init)
        .post_shutdown(handlers.post_shutdown)
    )
    if config.flood is not None:
        builder = builder.rate_limiter(FloodLimiter(config.flood))
    application: TelegramApp = builder.build()
    application.bot_data["delivery"] = delivery
    application.bot_data["answering"] = answering

    new_only, addressed = filters.UpdateType.MESSAGE, Addressed()
    commands: dict[str, Callable[[Update, Context], Coroutine[Any, Any, None]]] = {
        "start": handlers.start,
        "help": handlers.help,
        "about": handlers.about,
        "source": handlers.source,
        "facts": handlers.facts,
        "reset": handlers.reset,
    }
    for name, callback in commands.items():
        application.add_handler(CommandHandler(name, callback, filters=new_only))
    application.add_handler(CommandHandler("ask", handlers.ask))
    text_question = filters.UpdateType.MESSAGES & filters.TEXT & ~filters.COMMAND & addressed
    application.add_handler(MessageHandler(text_question, handlers.question))
    private_command = new_only & filters.COMMAND & filters.ChatType.PRIVATE
    application.add_handler(MessageHandler(private_command, handlers.unknown_command))
    non_text = new_only & ~filters.TEXT & ~filters.StatusUpdate.ALL & addressed
    application.add_handler(MessageHandler(non_text, handlers.non_text))
    application.add_handler(CallbackQueryHandler(handlers.button))
    application.add_handler(InlineQueryHandler(handlers.inline_query))
    application.add_error_handler(handlers.on_error)
    return application


def delivery_of(application: TelegramApp) -> Delivery:
    """The Delivery an application built here sends through."""
    delivery = application.bot_data["delivery"]
    assert isinstance(delivery, Delivery)
    return delivery


def _webhook_secret(settings: Settings, token: str) -> str:
    """WEBHOOK_SECRET, or one derived from the token so every replica agrees on it."""
    secret = settings.webhook_secret_token()
    if secret is not None:
        return secret
    return hashlib.sha256(b"article-bot webhook secret:" + token.encode()).hexdigest()


def _webhook_options(settings: Settings, token: str) -> dict[str, Any]:
    url = settings.webhook_url
    if not url:
        raise ConfigError("WEBHOOK_URL is not set: webhook mode needs the URL Telegram posts to")
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.netloc:
        raise ConfigError("WEBHOOK_URL must be an https:// URL")
    return {
        "listen": "0.0.0.0",  # In a container the port is published from outside.
        "port": settings.port,
        "url_path": parts.path.lstrip("/"),
        "webhook_url": url,
        "secret_token": _webhook_secret(settings, token),
    }


def _on_start(
    application: TelegramApp, config: TelegramConfig, heartbeat: Heartbeat, beat_every: float | None
) -> Callable[[TelegramApp], Coroutine[Any, Any, None]]:
    """A post_init that also installs the shutdown signals and starts the heartbeat.

    ``beat_every`` (webhook mode, where there are no polls to beat on): also beat on every update
    and every so many seconds while the event loop turns.
    """
    publish = application.post_init
    delivery = delivery_of(application)

    def stop() -> None:
        if delivery.draining:
            return
        log.info("stopping: finishing replies in flight (at most %.1f s)", config.drain_seconds)
        delivery.drain(config.drain_seconds)
        application.stop_running()

    async def beat_forever(every: float) -> None:
        while True:
            await asyncio.sleep(every)
            heartbeat()

    async def beat_on_update(update: object, context: Context) -> None:
        heartbeat()

    async def post_init(app: TelegramApp) -> None:
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop)
        heartbeat()  # Before the first poll, so a poller that never gets through goes stale.
        if beat_every is not None:
            app.add_handler(TypeHandler(object, beat_on_update), group=-1)
            beating = loop.create_task(beat_forever(beat_every))
            app.post_shutdown = _also(app.post_shutdown, lambda _app: _cancel(beating))
        if publish is not None:
            await publish(app)

    return post_init


def _also(
    first: Callable[[TelegramApp], Coroutine[Any, Any, None]] | None,
    then: Callable[[TelegramApp], Coroutine[Any, Any, None]],
) -> Callable[[TelegramApp], Coroutine[Any, Any, None]]:
    """A hook that runs ``first`` (if any), then ``then``."""

    async def both(app: TelegramApp) -> None:
        if first is not None:
            await first(app)
        await then(app)

    return both


async def _cancel(task: asyncio.Task[None]) -> None:
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


def run_telegram(
    settings: Settings,
    fact_base: FactBase,
    webhook: bool = False,
    config: TelegramConfig = DEFAULT_TELEGRAM_CONFIG,
) -> int:
    """Run the Telegram bot until SIGTERM or SIGINT; return the exit status.

    Polls for updates, or serves a webhook when ``webhook`` is true or WEBHOOK_URL is set.
    Raises ConfigError (exit status 2) for a missing, malformed or rejected token.
    """
    token = settings.bot_token()
    use_webhook = webhook or bool(settings.webhook_url)
    options = _webhook_options(settings, token) if use_webhook else {}
    secrets = [token, options.get("secret_token", "")]
    setup_logging(settings.log_level, settings.log_format, secrets=secrets)
    application = build_application(settings, Engine(fact_base), config=config)
    beat_every = settings.heartbeat_max_age / 3 if use_webhook else None
    heartbeat = Heartbeat(settings.heartbeat_file)
    application.post_init = _on_start(application, config, heartbeat, beat_every)
    try:
        if use_webhook:
            log.info("serving the webhook on port %d", settings.port)
            application.run_webhook(
                **options, allowed_updates=ALLOWED_UPDATES, bootstrap_retries=3, stop_signals=None
            )
        else:
            log.info("polling %s for updates", settings.telegram_api_base_url)
            application.run_polling(
                timeout=timedelta(seconds=config.poll_timeout),
                allowed_updates=ALLOWED_UPDATES,
                bootstrap_retries=3,
                stop_signals=None,
            )
    except InvalidToken:
        raise ConfigError("TELEGRAM_BOT_TOKEN was rejected by the Bot API: check it") from None
    except NetworkError as error:
        log.error("cannot reach the Bot API at %s: %s", settings.telegram_api_base_url, error)
        return EXIT_UNREACHABLE
    log.info("stopped")
    return 0
