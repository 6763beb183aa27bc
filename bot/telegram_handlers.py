"""The Telegram bot's handlers: each one small, all sharing the engine, the bounded state and the
retrying :class:`~bot.delivery.Delivery` through one :class:`Handlers` instance."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable
from typing import Any

from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.error import BadRequest, Conflict, NetworkError
from telegram.ext import Application, CallbackContext, filters

from bot import replies
from bot.delivery import Delivery
from bot.engine_worker import Answers
from bot.telegram_format import (
    answer_html,
    escape,
    inline_result,
    offers_suggestions,
    question_keyboard,
    text_html,
    titled_answer_html,
)
from bot.telegram_state import BoundedMap, ButtonStore
from knowledge import Answer, Engine

__all__ = ["BOT_COMMANDS", "Addressed", "Context", "Handlers"]

log = logging.getLogger(__name__)
Context = CallbackContext[Any, Any, Any, Any]

BOT_COMMANDS = (
    BotCommand("help", "How to ask, with example questions"),
    BotCommand("about", "The article, its credit and what I know"),
    BotCommand("source", "The article's full text"),
    BotCommand("facts", "The facts I extracted from it"),
    BotCommand("ask", "Ask a question (the way to ask in a group)"),
    BotCommand("reset", "Forget our conversation"),
)
RESET_TEXT = "Forgotten: ask me anything about the article."
SORRY_TEXT = "Sorry, something went wrong answering that. Please ask again."
EXPIRED_BUTTON = "This button has expired: please type your question."
GROUP_HINT = "In a group, ask with /ask QUESTION, mention me, or reply to one of my messages."
_NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
_MAX_SUGGESTIONS = 3


class Addressed(filters.MessageFilter):
    """Messages meant for the bot: all in a private chat; in a group, a mention or a reply to it."""

    def filter(self, message: Message) -> bool:
        """True when the message is addressed to this bot."""
        if message.chat.type == ChatType.PRIVATE:
            return True
        bot = message.get_bot()
        replied = message.reply_to_message
        if replied is not None and replied.from_user is not None and replied.from_user.id == bot.id:
            return True
        mention = f"@{bot.username}".lower()
        found = message.parse_entities([MessageEntity.MENTION])
        found |= message.parse_caption_entities([MessageEntity.MENTION])
        return any(text.lower() == mention for text in found.values())


def _question_text(message: Message) -> str:
    """The question in a message, without the bot's @username."""
    text = message.text or ""
    if message.chat.type != ChatType.PRIVATE:
        text = re.sub(rf"@{re.escape(message.get_bot().username)}\b", " ", text, flags=re.I)
    return " ".join(text.split()).strip(" ,:")


def _command_argument(message: Message) -> str:
    """What follows the command word, spacing kept."""
    parts = (message.text or "").split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


def _future() -> asyncio.Future[None]:
    return asyncio.get_running_loop().create_future()


class Handlers:
    """Every handler of the bot, and the bounded state they share."""

    def __init__(
        self,
        engine: Engine,
        delivery: Delivery,
        answering: Answers,
        answers: BoundedMap[tuple[int, int], int],
        buttons: ButtonStore,
    ) -> None:
        self.engine, self.delivery, self.answering = engine, delivery, answering
        self._first_answers: dict[tuple[int, int], asyncio.Future[None]] = {}
        """Answers being sent, by (chat, question message): an edit waits for its first answer."""
        self.answers, self.buttons = answers, buttons

    # -- sending ---------------------------------------------------------------------------------

    async def _send(
        self,
        bot: Bot,
        chat_id: int,
        html: str,
        *,
        reply_to: Message | None = None,
        markup: InlineKeyboardMarkup | None = None,
        thread: int | None = None,
    ) -> Message | None:
        """Send one HTML message through Delivery, showing "typing…" while it is late."""
        quote = None
        if reply_to is not None:
            quote = ReplyParameters(reply_to.message_id, allow_sending_without_reply=True)
            thread = reply_to.message_thread_id if reply_to.is_topic_message else None

        def request() -> Awaitable[Message]:
            return bot.send_message(
                chat_id,
                html,
                parse_mode=ParseMode.HTML,
                reply_parameters=quote,
                reply_markup=markup,
                message_thread_id=thread,
                link_preview_options=_NO_PREVIEW,
            )

        def typing() -> Awaitable[bool]:
            return bot.send_chat_action(chat_id, ChatAction.TYPING, message_thread_id=thread)

        return await self.delivery.call("sendMessage", chat_id, request, waiting=typing)

    async def _reply(
        self, bot: Bot, message: Message, html: str, markup: InlineKeyboardMarkup | None = None
    ) -> Message | None:
        return await self._send(bot, message.chat_id, html, reply_to=message, markup=markup)

    async def _reply_all(self, bot: Bot, message: Message, htmls: list[str]) -> None:
        """Send several messages in order, the first quoting ``message``."""
        for index, html in enumerate(htmls):
            quoted = message if index == 0 else None
            await self._send(bot, message.chat_id, html, reply_to=quoted)

    async def _edit(
        self,
        bot: Bot,
        chat_id: int,
        message_id: int,
        html: str,
        markup: InlineKeyboardMarkup | None,
    ) -> bool:
        """Replace an earlier answer; False when it could not be edited."""

        async def request() -> bool:
            try:
                await bot.edit_message_text(
                    html,
                    chat_id=chat_id,
                    message_id=message_id,
                    parse_mode=ParseMode.HTML,
                    reply_markup=markup,
                    link_preview_options=_NO_PREVIEW,
                )
            except BadRequest as error:
                if "not modified" not in error.message.lower():
                    raise
            return True

        return await self.delivery.call("editMessageText", chat_id, request) is not None

    def _keyboard(self, questions: list[str]) -> InlineKeyboardMarkup | None:
        return question_keyboard(questions, self.buttons) if questions else None

    def _suggestions(self, answer: Answer) -> InlineKeyboardMarkup | None:
        """ "Did you mean" buttons, when the answer calls for them."""
        wanted = offers_suggestions(answer)
        return self._keyboard(answer.suggestions[:_MAX_SUGGESTIONS]) if wanted else None

    def _example(self) -> str:
        return (self.engine.examples(1) or ["Who is the article about?"])[0]

    # -- answering -------------------------------------------------------------------------------

    async def _answer(self, bot: Bot, message: Message, question: str, edited: bool) -> None:
        """Answer a question in its chat; for an edited one, edit the earlier answer."""
        chat_id = message.chat_id
        key = (chat_id, message.message_id)
        first = self._first_answers.get(key)
        if edited and first is not None:
            # The first answer is still on its way (say, being retried): edit it once it has
            # landed, rather than send a second reply beside it.
            await asyncio.shield(first)
        landed = None if edited else self._first_answers.setdefault(key, _future())
        try:
            answer = await self.answering.ask(chat_id, question)
            html, markup = answer_html(answer), self._suggestions(answer)
            earlier = self.answers.get(key) if edited else None
            if earlier is not None and await self._edit(bot, chat_id, earlier, html, markup):
                return
            sent = await self._reply(bot, message, html, markup)
            if sent is not None:
                self.answers.put(key, sent.message_id)
        finally:
            if landed is not None and not landed.done():
                landed.set_result(None)
                del self._first_answers[key]

    async def question(self, update: Update, context: Context) -> None:
        """Answer a text question, or re-answer an edited one in place."""
        message = update.effective_message
        if message is not None:
            edited = update.edited_message is not None
            await self._answer(context.bot, message, _question_text(message), edited)

    async def ask(self, update: Update, context: Context) -> None:
        """Answer ``/ask QUESTION``, the way to ask in a group."""
        message = update.effective_message
        if message is None:
            return
        question = _command_argument(message)
        if not question:
            usage = f"Ask like this: /ask {self._example()}"
            await self._reply(context.bot, message, escape(usage))
            return
        await self._answer(context.bot, message, question, update.edited_message is not None)

    async def button(self, update: Update, context: Context) -> None:
        """Answer the question a pressed button stands for."""
        query = update.callback_query
        if query is None:
            return
        question = self.buttons.question_for(query.data or "")
        chat_id = query.message.chat.id if query.message is not None else None
        notice = None if question else EXPIRED_BUTTON
        await self.delivery.call("answerCallbackQuery", chat_id, lambda: query.answer(notice))
        if question is None or chat_id is None:
            return
        answer = await self.answering.ask(chat_id, question)
        html, markup = titled_answer_html(question, answer), self._suggestions(answer)
        await self._send(context.bot, chat_id, html, markup=markup)

    async def inline_query(self, update: Update, context: Context) -> None:
        """Offer answers as inline results: to the query, or to example questions when empty."""
        query = update.inline_query
        if query is None:
            return
        text = query.query.strip()
        questions = [text] if text else self.engine.examples(3)
        results = [
            inline_result(question, await self.answering.ask(None, question))
            for question in questions
        ]
        await self.delivery.call(
            "answerInlineQuery", None, lambda: query.answer(results, cache_time=60)
        )

    # -- commands --------------------------------------------------------------------------------

    async def start(self, update: Update, context: Context) -> None:
        """Greet the user: what the article is, and example questions as buttons."""
        if message := update.effective_message:
            markup = self._keyboard(self.engine.examples(3))
            await self._reply(
                context.bot, message, escape(replies.greeting_text(self.engine)), markup
            )

    async def help(self, update: Update, context: Context) -> None:
        """Explain how to ask, with example questions as buttons."""
        if message := update.effective_message:
            text = replies.help_text(self.engine)
            if message.chat.type != ChatType.PRIVATE:
                text = f"{text}\n\n{GROUP_HINT}"
            await self._reply(
                context.bot, message, escape(text), self._keyboard(self.engine.examples(3))
            )

    async def about(self, update: Update, context: Context) -> None:
        """Say which article this is, its credit and how many facts the bot knows."""
        if message := update.effective_message:
            await self._reply(
                context.bot, message, escape(replies.about_text(self.engine.fact_base))
            )

    async def source(self, update: Update, context: Context) -> None:
        """Send the article's text, split into messages under Telegram's length limit."""
        if message := update.effective_message:
            text = "\n\n".join(replies.source_text(self.engine.fact_base))
            await self._reply_all(context.bot, message, text_html(text))

    async def facts(self, update: Update, context: Context) -> None:
        """List the facts extracted from the article."""
        if message := update.effective_message:
            text = replies.facts_text(self.engine.fact_base)
            await self._reply_all(context.bot, message, text_html(text))

    async def reset(self, update: Update, context: Context) -> None:
        """Forget the chat's conversation context."""
        if message := update.effective_message:
            self.answering.forget(message.chat_id)
            await self._reply(context.bot, message, escape(RESET_TEXT))

    async def unknown_command(self, update: Update, context: Context) -> None:
        """Name the commands when a private chat sends one the bot does not know."""
        if message := update.effective_message:
            name = (message.text or "/").split()[0]
            known = ", ".join(f"/{command.command}" for command in BOT_COMMANDS)
            await self._reply(
                context.bot, message, escape(f"Unknown command {name}. Commands: {known}.")
            )

    async def non_text(self, update: Update, context: Context) -> None:
        """Ask for a text question when sent a sticker, photo, voice message or other non-text."""
        if message := update.effective_message:
            hint = (
                f"I can only read text. Please type your question, for example: {self._example()}"
            )
            await self._reply(context.bot, message, escape(hint))

    # -- life cycle ------------------------------------------------------------------------------

    async def post_init(self, application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        """Start answering and publish the command menu once the bot knows who it is."""
        await self.answering.start()
        bot = application.bot
        await self.delivery.call("setMyCommands", None, lambda: bot.set_my_commands(BOT_COMMANDS))
        log.info(
            "signed in as @%s; answering about “%s”",
            bot.username,
            self.engine.fact_base.article.title,
        )

    async def post_shutdown(self, application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        """Stop answering, once the replies in flight are done."""
        await self.answering.stop()

    async def on_error(self, update: object, context: Context) -> None:
        """Log an error without the token; network noise while polling is one WARNING line."""
        error = context.error
        if update is None and isinstance(error, NetworkError):
            log.warning("polling: %s", error)
            return
        if isinstance(error, Conflict):
            log.error("another process is polling with this token (409 Conflict): run one replica")
            return
        if not isinstance(update, Update):
            log.error("error outside any update", exc_info=error)
            return
        chat_id = update.effective_chat.id if update.effective_chat is not None else None
        log.error(
            "error handling an update from chat %s",
            chat_id,
            exc_info=error,
            extra={"chat_id": chat_id},
        )
        if update.message is not None:  # The question must not go unanswered.
            await self._reply(context.bot, update.message, escape(SORRY_TEXT))
