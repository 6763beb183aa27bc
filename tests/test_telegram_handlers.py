"""Handler tests: updates built from plain data, fed to the real Application, whose every request
goes to an offline request class that fails the test on anything unexpected."""

from __future__ import annotations

import logging

import pytest
from telegram_fixtures import (
    BOT_USERNAME,
    PHOTO,
    STICKER,
    TOKEN,
    VOICE,
    OfflineRequest,
    ScriptedEngine,
    TelegramApp,
    answered,
    bot_message_data,
    callback_query_data,
    engine,
    inline_query_data,
    message_data,
    offline_bot,
    seed_fact_base,
    suggesting,
    update_of,
)

from bot.telegram_handlers import BOT_COMMANDS, EXPIRED_BUTTON, RESET_TEXT, SORRY_TEXT
from knowledge import MAX_QUESTION_CHARS

__all__ = ["engine", "offline_bot", "seed_fact_base"]  # fixtures used by name below

Bot = tuple[TelegramApp, OfflineRequest]


async def ask(app: TelegramApp, chat_id: int, text: str, message_id: int = 1) -> None:
    await app.process_update(update_of(app, message=message_data(chat_id, text, message_id)))


async def test_post_init_publishes_the_command_menu(offline_bot: Bot) -> None:
    """post_init calls setMyCommands with every command the bot offers."""
    app, request = offline_bot
    assert app.post_init is not None
    await app.post_init(app)
    [params] = request.sent("setMyCommands")
    names = [command["command"] for command in params["commands"]]
    assert names == [command.command for command in BOT_COMMANDS]


async def test_start_greets_with_example_buttons(offline_bot: Bot, engine: ScriptedEngine) -> None:
    """/start names the article and offers the engine's example questions as buttons."""
    app, request = offline_bot
    await ask(app, 5, "/start")
    [params] = request.sent()
    assert engine.fact_base.article.title[:30] in params["text"]
    buttons = [row[0] for row in params["reply_markup"]["inline_keyboard"]]
    assert [button["text"] for button in buttons] == engine.examples(3)
    assert all(len(button["callback_data"].encode()) <= 64 for button in buttons)
    assert params["reply_parameters"]["message_id"] == 1


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/help", "/reset"),
        ("/about", "facts"),
        ("/reset", RESET_TEXT),
        ("/facts", "¶"),
        ("/nosuch", "Unknown command /nosuch"),
    ],
    ids=["help", "about", "reset", "facts", "unknown"],
)
async def test_commands_reply_once(offline_bot: Bot, command: str, expected: str) -> None:
    """Each command gets exactly one reply, quoting it, with the expected content."""
    app, request = offline_bot
    await ask(app, 5, command)
    [params] = request.sent()
    assert expected in params["text"]
    assert params["parse_mode"] == "HTML"


async def test_about_gives_title_credit_and_fact_count(
    offline_bot: Bot, engine: ScriptedEngine
) -> None:
    """/about names the article's credit and how many facts the bot knows."""
    app, request = offline_bot
    await ask(app, 5, "/about")
    text = request.sent()[0]["text"]
    assert str(engine.fact_base.article.credit) in text
    assert f"{len(engine.fact_base.facts)} facts" in text


async def test_source_sends_the_whole_article(offline_bot: Bot, engine: ScriptedEngine) -> None:
    """/source sends every paragraph of the article, each message under Telegram's limit."""
    app, request = offline_bot
    await ask(app, 5, "/source")
    texts = [params["text"] for params in request.sent()]
    assert all(len(text) <= 4096 for text in texts)
    joined = "\n".join(texts)
    for paragraph in engine.fact_base.article.paragraphs:
        assert f"[{paragraph.number}]" in joined


async def test_reset_forgets_the_conversation(offline_bot: Bot, engine: ScriptedEngine) -> None:
    """After /reset the next question comes with a fresh Conversation object."""
    app, _ = offline_bot
    await ask(app, 5, "Who met Burns?", 1)
    await ask(app, 5, "And where?", 2)
    await ask(app, 5, "/reset", 3)
    await ask(app, 5, "Who met Burns?", 4)
    first, second, third = (conversation for _, conversation in engine.asked)
    assert first is second
    assert third is not first


async def test_question_reply_quotes_answer_and_source(
    offline_bot: Bot, engine: ScriptedEngine
) -> None:
    """A question gets the answer in bold, the source sentence in a blockquote, its paragraph."""
    engine.answers["Who met Burns?"] = answered("Who met Burns?", "Barnea", "Barnea met Burns.", 2)
    app, request = offline_bot
    await ask(app, 7, "Who met Burns?", 42)
    [params] = request.sent()
    assert params["text"] == (
        "<b>Barnea</b>\n<blockquote>Barnea met Burns.</blockquote>\n"
        "<i>Paragraph 2 of the article</i>"
    )
    assert params["reply_parameters"] == {"message_id": 42, "allow_sending_without_reply": True}
    assert params["parse_mode"] == "HTML"


async def test_html_in_questions_and_answers_is_escaped(
    offline_bot: Bot, engine: ScriptedEngine
) -> None:
    """Markup characters in the question, answer or source are escaped, never interpreted."""
    question = "Is <b>this</b> & that?"
    engine.answers[question] = answered(question, "<i>a</i> & b", "x < y & <b>z</b>")
    app, request = offline_bot
    await ask(app, 7, question)
    text = request.sent()[0]["text"]
    assert "&lt;i&gt;a&lt;/i&gt; &amp; b" in text
    assert "x &lt; y &amp; &lt;b&gt;z&lt;/b&gt;" in text


async def test_unknown_answer_shows_engine_reply_escaped(offline_bot: Bot) -> None:
    """A question the article cannot answer gets the engine's own reply, escaped."""
    app, request = offline_bot
    await ask(app, 7, "<script>what is the capital of France?</script>")
    text = request.sent()[0]["text"]
    assert "<script>" not in text
    assert "Paragraph" not in text


async def test_truncated_question_is_mentioned(offline_bot: Bot, engine: ScriptedEngine) -> None:
    """When the engine cut a long question, the reply says so."""
    engine.answers["long"] = answered("long", "yes", "It is.", truncated=True)
    app, request = offline_bot
    await ask(app, 7, "long")
    assert f"first {MAX_QUESTION_CHARS} characters" in request.sent()[0]["text"]


async def test_suggestions_become_buttons_that_answer(
    offline_bot: Bot, engine: ScriptedEngine
) -> None:
    """Middling confidence offers "Did you mean" buttons; pressing one answers that question."""
    long_question = "What did the Prime Minister's office say about the meeting in its statement?"
    engine.answers["meeting?"] = suggesting("meeting?", ["Who met Burns?", long_question])
    engine.answers[long_question] = answered(long_question, "A statement", "It said so.")
    app, request = offline_bot
    await ask(app, 7, "meeting?", 3)
    reply = request.sent()[0]
    assert "Did you mean" in reply["text"]
    buttons = [row[0] for row in reply["reply_markup"]["inline_keyboard"]]
    assert all(len(button["callback_data"].encode()) <= 64 for button in buttons)
    assert buttons[1]["callback_data"].startswith("k:")
    query = callback_query_data(bot_message_data(7, 1001), buttons[1]["callback_data"])
    await app.process_update(update_of(app, 2, callback_query=query))
    assert request.sent("answerCallbackQuery") == [{"callback_query_id": "q1"}]
    answer = request.sent()[1]["text"]
    assert "A statement" in answer
    assert "What did the Prime Minister" in answer


async def test_expired_button_is_answered_with_a_notice(offline_bot: Bot) -> None:
    """A button whose question was forgotten still gets its callback answered, with a notice."""
    app, request = offline_bot
    query = callback_query_data(bot_message_data(7, 1001), "k:forgotten", "q9")
    await app.process_update(update_of(app, callback_query=query))
    expected = [{"callback_query_id": "q9", "text": EXPIRED_BUTTON}]
    assert request.sent("answerCallbackQuery") == expected
    assert request.sent() == []


async def test_inline_query_offers_an_article_result(offline_bot: Bot) -> None:
    """An inline query is answered with an article result carrying the HTML answer."""
    app, request = offline_bot
    await app.process_update(update_of(app, inline_query=inline_query_data("who met burns")))
    [params] = request.sent("answerInlineQuery")
    [result] = params["results"]
    assert result["type"] == "article"
    assert "who met burns" in result["input_message_content"]["message_text"]
    assert result["input_message_content"]["parse_mode"] == "HTML"


async def test_empty_inline_query_offers_examples(offline_bot: Bot, engine: ScriptedEngine) -> None:
    """An empty inline query offers the example questions, answered."""
    app, request = offline_bot
    await app.process_update(update_of(app, inline_query=inline_query_data("")))
    [params] = request.sent("answerInlineQuery")
    assert len(params["results"]) == len(engine.examples(3))


@pytest.mark.parametrize(
    "extra",
    [STICKER, PHOTO, VOICE],
    ids=["sticker", "photo", "voice"],
)
async def test_non_text_messages_get_a_hint(offline_bot: Bot, extra: dict[str, object]) -> None:
    """A sticker, photo or voice message gets one friendly hint to ask in text."""
    app, request = offline_bot
    await app.process_update(update_of(app, message=message_data(7, None, 4, extra=extra)))
    [params] = request.sent()
    assert "only read text" in params["text"]
    assert params["reply_parameters"]["message_id"] == 4


async def test_group_ignores_messages_not_meant_for_the_bot(offline_bot: Bot) -> None:
    """In a group, plain chatter and stickers not replying to the bot get no answer."""
    app, request = offline_bot
    await ask(app, -100, "who met burns?")
    await app.process_update(update_of(app, 2, message=message_data(-100, None, 2, extra=STICKER)))
    assert request.sent() == []


@pytest.mark.parametrize(
    ("text", "question"),
    [
        (f"@{BOT_USERNAME} who met Burns?", "who met Burns?"),
        (f"Who met Burns, @{BOT_USERNAME}?", "Who met Burns, ?"),
        ("/ask who met Burns?", "who met Burns?"),
        (f"/ask@{BOT_USERNAME} who met Burns?", "who met Burns?"),
    ],
    ids=["mention-first", "mention-inside", "ask", "ask-addressed"],
)
async def test_group_answers_mentions_and_ask(
    offline_bot: Bot, engine: ScriptedEngine, text: str, question: str
) -> None:
    """In a group, a mention of the bot or /ask is answered, with the mention removed."""
    app, request = offline_bot
    await ask(app, -100, text, 5)
    assert engine.asked[0][0] == question
    assert request.sent()[0]["reply_parameters"]["message_id"] == 5


async def test_group_answers_replies_to_the_bot(offline_bot: Bot, engine: ScriptedEngine) -> None:
    """In a group, a reply to one of the bot's messages is a follow-up question."""
    app, request = offline_bot
    data = message_data(-100, "and where?", 6, reply_to=bot_message_data(-100, 3))
    await app.process_update(update_of(app, message=data))
    assert engine.asked[0][0] == "and where?"
    assert len(request.sent()) == 1


async def test_ask_without_a_question_explains_itself(offline_bot: Bot) -> None:
    """/ask alone answers with how to use it."""
    app, request = offline_bot
    await ask(app, -100, "/ask")
    assert "Ask like this: /ask" in request.sent()[0]["text"]


async def test_edited_question_edits_its_answer(offline_bot: Bot, engine: ScriptedEngine) -> None:
    """Editing a question edits the bot's earlier answer instead of sending a new one."""
    engine.answers["Who met Burns?"] = answered("Who met Burns?", "Barnea", "Barnea met Burns.")
    engine.answers["Who met Barnea?"] = answered("Who met Barnea?", "Burns", "Barnea met Burns.")
    app, request = offline_bot
    await ask(app, 7, "Who met Burns?", 10)
    answer_id = 1001
    edited = message_data(7, "Who met Barnea?", 10, extra={"edit_date": 1})
    await app.process_update(update_of(app, 2, edited_message=edited))
    [edit] = request.sent("editMessageText")
    assert edit["message_id"] == answer_id
    assert "<b>Burns</b>" in edit["text"]
    assert len(request.sent()) == 1


async def test_edit_of_an_unknown_message_is_answered_anew(offline_bot: Bot) -> None:
    """An edited question the bot has no answer for (say, forgotten) gets a fresh reply."""
    app, request = offline_bot
    edited = message_data(7, "Who met Burns?", 10, extra={"edit_date": 1})
    await app.process_update(update_of(app, edited_message=edited))
    assert request.sent("editMessageText") == []
    assert len(request.sent()) == 1


async def test_failed_sends_are_retried_until_delivered(offline_bot: Bot) -> None:
    """A 500 and a 502 before success still deliver exactly one answer."""
    app, request = offline_bot
    request.fail("sendMessage", 500)
    request.fail("sendMessage", 502, "Bad Gateway")
    await ask(app, 7, "Who met Burns?")
    assert len(request.sent()) == 3
    assert request.sent()[0] == request.sent()[2]


async def test_handler_error_is_logged_and_the_user_told(
    offline_bot: Bot, engine: ScriptedEngine, caplog: pytest.LogCaptureFixture
) -> None:
    """An exception in the engine reaches the error handler, which logs it and apologises."""

    def broken(question: str, conversation: object = None) -> None:
        raise RuntimeError(f"engine broke on {question}")

    engine.ask = broken  # type: ignore[method-assign]
    app, request = offline_bot
    with caplog.at_level(logging.ERROR):
        await ask(app, 7, "Who met Burns?")
    assert SORRY_TEXT in request.sent()[0]["text"]
    assert "engine broke" in caplog.text
    assert TOKEN not in caplog.text
