"""End-to-end tests: the real Application polls the local Bot API stand-in over HTTP (PTB's own
HTTPX transport), and the stand-in records what the bot sends and injects faults."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from telegram_fixtures import (
    BOT_USERNAME,
    STICKER,
    ScriptedEngine,
    TelegramApp,
    answered,
    engine,
    live_bot,
    quoted_ids,
    seed_fact_base,
    sent_texts,
    standin,
    suggesting,
)

from bot.botapi_standin import BotApiStandIn
from bot.telegram_app import delivery_of

__all__ = ["engine", "live_bot", "seed_fact_base", "standin"]  # fixtures used by name below

Live = tuple[TelegramApp, BotApiStandIn]


def replies_in(chat_id: int, count: int = 1) -> object:
    return lambda api: len(api.sent("sendMessage", chat_id)) >= count


async def test_command_menu_and_start(live_bot: Live, engine: ScriptedEngine) -> None:
    """The bot publishes its command menu and answers /start with the article and buttons."""
    _, api = live_bot
    assert [c["command"] for c in api.state()["commands"]][:3] == ["help", "about", "source"]
    api.inject_message(11, "/start")
    await api.wait_for(replies_in(11))
    [call] = api.sent("sendMessage", 11)
    assert engine.fact_base.article.title[:20] in call["params"]["text"]
    assert len(call["params"]["reply_markup"]["inline_keyboard"]) == 3


async def test_question_is_answered_quoting_it(live_bot: Live) -> None:
    """A question gets one HTML reply quoting the user's message, with a blockquoted source."""
    _, api = live_bot
    message = api.inject_message(12, "Who did the head of the Mossad meet?")
    await api.wait_for(replies_in(12))
    [call] = api.sent("sendMessage", 12)
    assert call["params"]["parse_mode"] == "HTML"
    assert "<blockquote>" in call["params"]["text"]
    assert quoted_ids(api, 12) == [message["message_id"]]


async def test_typing_indicator_shows_while_a_reply_is_late(live_bot: Live) -> None:
    """While a reply waits to be retried, the chat shows "typing"."""
    _, api = live_bot
    api.fail_next("sendMessage", "500", 2)
    api.inject_message(13, "Who met Burns?")
    await api.wait_for(replies_in(13))
    actions = api.sent("sendChatAction", 13)
    assert actions
    assert actions[0]["params"]["action"] == "typing"


async def test_button_press_answers_the_suggested_question(
    live_bot: Live, engine: ScriptedEngine
) -> None:
    """Pressing a "Did you mean" button answers that question and answers the callback."""
    engine.answers["burns?"] = suggesting("burns?", ["Who met Burns?"])
    engine.answers["Who met Burns?"] = answered("Who met Burns?", "Barnea", "Barnea met Burns.")
    _, api = live_bot
    api.inject_message(14, "burns?")
    await api.wait_for(replies_in(14))
    reply = api.sent("sendMessage", 14)[0]
    data = reply["params"]["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    query_id = api.inject_callback(14, reply["result"]["message_id"], data)
    await api.wait_for(replies_in(14, 2))
    assert [c["params"]["callback_query_id"] for c in api.sent("answerCallbackQuery")] == [query_id]
    assert "<b>Barnea</b>" in sent_texts(api, 14)[1]


async def test_inline_query_is_answered(live_bot: Live) -> None:
    """An inline query gets an article result with the answer."""
    _, api = live_bot
    query_id = api.inject_inline_query(15, "who met burns")
    await api.wait_for(lambda a: bool(a.sent("answerInlineQuery")))
    [call] = api.sent("answerInlineQuery")
    assert call["params"]["inline_query_id"] == query_id
    assert call["params"]["results"][0]["type"] == "article"


async def test_group_answers_only_what_is_addressed_to_it(live_bot: Live) -> None:
    """In a group: a mention, /ask and a reply to the bot are answered; chatter is not."""
    _, api = live_bot
    api.inject_message(-200, "who met burns?")  # chatter
    mention = api.inject_message(-200, f"@{BOT_USERNAME} who met burns?")
    ask = api.inject_message(-200, "/ask who met burns?")
    await api.wait_for(replies_in(-200, 2))
    answer_id = api.sent("sendMessage", -200)[0]["result"]["message_id"]
    follow_up = api.inject_message(-200, "and where?", reply_to=answer_id)
    await api.wait_for(replies_in(-200, 3))
    time.sleep(0.1)
    expected = {mention["message_id"], ask["message_id"], follow_up["message_id"]}
    assert set(quoted_ids(api, -200)) == expected


async def test_edited_question_edits_the_answer(live_bot: Live, engine: ScriptedEngine) -> None:
    """Editing a question makes the bot edit its answer in place."""
    engine.answers["Who met Burns?"] = answered("Who met Burns?", "Barnea", "Barnea met Burns.")
    engine.answers["Who met Barnea?"] = answered("Who met Barnea?", "Burns", "Barnea met Burns.")
    _, api = live_bot
    message = api.inject_message(16, "Who met Burns?")
    await api.wait_for(replies_in(16))
    api.inject_edit(16, message["message_id"], "Who met Barnea?")
    await api.wait_for(lambda a: bool(a.sent("editMessageText")))
    [edit] = api.sent("editMessageText")
    assert edit["params"]["message_id"] == api.sent("sendMessage", 16)[0]["result"]["message_id"]
    assert "<b>Burns</b>" in edit["params"]["text"]
    assert len(api.sent("sendMessage", 16)) == 1


async def test_edit_while_the_first_answer_is_on_its_way_edits_it(
    live_bot: Live, engine: ScriptedEngine
) -> None:
    """An edit that arrives while the first answer is still being sent edits that answer once it
    lands, instead of sending a second reply."""
    engine.answers["Who met Burns?"] = answered("Who met Burns?", "Barnea", "Barnea met Burns.")
    engine.answers["Who met Barnea?"] = answered("Who met Barnea?", "Burns", "Barnea met Burns.")
    _, api = live_bot
    api.fail_next("sendMessage", "slow", delay=0.6)
    message = api.inject_message(18, "Who met Burns?")
    await api.wait_for(lambda a: bool(a.calls("sendMessage")))  # on its way, not yet answered
    api.inject_edit(18, message["message_id"], "Who met Barnea?")
    await api.wait_for(lambda a: bool(a.sent("editMessageText")))
    [reply] = api.sent("sendMessage", 18)
    [edit] = api.sent("editMessageText")
    assert edit["params"]["message_id"] == reply["result"]["message_id"]
    assert "<b>Burns</b>" in edit["params"]["text"]


async def test_sticker_gets_a_hint(live_bot: Live) -> None:
    """A sticker gets a hint to ask in text."""
    _, api = live_bot
    api.inject_message(17, None, extra=STICKER)
    await api.wait_for(replies_in(17))
    assert "only read text" in sent_texts(api, 17)[0]


@pytest.mark.parametrize("kind", ["500", "429", "drop", "slow"])
async def test_failed_reply_is_delivered_exactly_once(live_bot: Live, kind: str) -> None:
    """A reply that fails (500, 429, dropped connection, timeout) is retried and delivered once."""
    app, api = live_bot
    api.fail_next("sendMessage", kind, delay=1.5)  # slow: past the 1 s read timeout
    started = time.monotonic()
    api.inject_message(18, "Who met Burns?")
    await api.wait_for(replies_in(18), timeout=8)
    time.sleep(0.2)
    assert len(api.sent("sendMessage", 18)) == 1
    assert len(api.calls("sendMessage")) == 2
    if kind == "429":
        assert time.monotonic() - started >= 1.0  # retry_after honoured
    stats = delivery_of(app).stats
    assert (stats.delivered >= 1, stats.lost) == (True, 0)


async def test_unrecoverable_failure_is_logged_with_the_chat(
    live_bot: Live, caplog: pytest.LogCaptureFixture
) -> None:
    """After the retry bound, the lost reply is logged at ERROR with its chat id."""
    app, api = live_bot
    api.fail_next("sendMessage", "500", 10)
    api.inject_message(19, "Who met Burns?")
    await api.wait_for(lambda a: delivery_of(app).stats.lost == 1, timeout=5)
    assert "sendMessage to chat 19 not delivered after 4 attempt(s)" in caplog.text
    assert api.sent("sendMessage", 19) == []


async def test_slow_chat_does_not_block_others(live_bot: Live) -> None:
    """While one chat's reply hangs, other chats are answered."""
    _, api = live_bot
    api.fail_next("sendMessage", "slow", delay=0.9)
    api.inject_message(20, "Who met Burns?")
    await api.wait_for(lambda a: bool(a.calls("sendMessage")))
    for chat in range(21, 26):
        api.inject_message(chat, "Who met Burns?")
    await api.wait_for(lambda a: all(a.sent("sendMessage", c) for c in range(20, 26)), timeout=8)
    slow = api.sent("sendMessage", 20)[0]["done"]
    assert all(api.sent("sendMessage", c)[0]["done"] < slow for c in range(21, 26))


async def test_polling_beats_the_heartbeat(live_bot: Live, tmp_path: Path) -> None:
    """Successful polls touch the heartbeat file that `article-bot health` reads."""
    _, api = live_bot
    path = tmp_path / "heartbeat"  # where make_settings puts it
    await api.wait_for(lambda a: path.exists(), timeout=3)
    assert path.stat().st_mtime > time.time() - 10


async def test_polling_network_errors_are_one_warning_line(
    live_bot: Live, caplog: pytest.LogCaptureFixture
) -> None:
    """A failing poll reaches the error handler, which logs one WARNING without a traceback."""
    _, api = live_bot
    api.fail_next("getUpdates", "500")
    await api.wait_for(lambda a: "polling:" in caplog.text, timeout=5)
    [record] = [r for r in caplog.records if r.getMessage().startswith("polling:")]
    assert record.levelname == "WARNING"
    assert record.exc_info is None
    api.inject_message(27, "Who met Burns?")
    await api.wait_for(replies_in(27), timeout=5)
