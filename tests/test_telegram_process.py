"""Process-level tests: a real `article-bot telegram` subprocess against the Bot API stand-in
(shutdown on signals, webhook mode, a rejected token), configuration errors, and the stand-in's own
command line and control API."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from telegram_fixtures import TOKEN, standin

from bot.botapi_standin import BotApiStandIn
from bot.cli import main

__all__ = ["standin"]  # a fixture used by name below

SHUTDOWN_LIMIT = 5.0


def bot_env(tmp_path: Path, api: BotApiStandIn, **extra: str) -> dict[str, str]:
    """The environment of a bot subprocess: the stand-in's URL, nothing inherited from Telegram."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))}
    env.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=api.base_url,
        HEARTBEAT_FILE=str(tmp_path / "heartbeat"),
        LOG_LEVEL="INFO",
        **extra,
    )
    return env


@pytest.fixture
def run_bot(tmp_path: Path) -> Iterator[list[subprocess.Popen[str]]]:
    """Start `article-bot telegram` subprocesses; kill any still running at the end."""
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait()


def start(
    started: list[subprocess.Popen[str]], env: dict[str, str], cwd: Path, *args: str
) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "telegram", *args],
        env=env,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    started.append(process)
    return process


def wait_for(
    api: BotApiStandIn, process: subprocess.Popen[str], predicate: Any, timeout: float
) -> None:
    """Wait for a stand-in condition; on timeout fail with the bot's output."""
    try:
        api.wait_until(predicate, timeout=timeout)
    except TimeoutError:
        process.kill()
        output, _ = process.communicate()
        pytest.fail(f"timed out after {timeout} s; the bot said:\n{output}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_signal_finishes_the_reply_in_flight_and_confirms_the_offset(
    standin: BotApiStandIn,
    run_bot: list[subprocess.Popen[str]],
    tmp_path: Path,
    signum: signal.Signals,
) -> None:
    """On SIGTERM/SIGINT the bot delivers the reply in flight, confirms its offset, exits in 5 s."""
    process = start(run_bot, bot_env(tmp_path, standin), tmp_path)
    wait_for(standin, process, lambda api: api.state()["polls"] >= 1, 20)
    standin.fail_next("sendMessage", "slow", delay=1.5)
    message = standin.inject_message(31, "Who met Burns?")
    wait_for(standin, process, lambda api: bool(api.calls("sendMessage")), 10)
    process.send_signal(signum)
    signalled = time.monotonic()
    output, _ = process.communicate(timeout=SHUTDOWN_LIMIT + 5)
    elapsed = time.monotonic() - signalled
    assert elapsed < SHUTDOWN_LIMIT, output
    assert process.returncode == 0, output
    [reply] = standin.sent("sendMessage", 31)
    assert reply["params"]["reply_parameters"]["message_id"] == message["message_id"]
    assert standin.confirmed_offset == standin.state()["next_update_id"]
    assert TOKEN not in output


def test_reply_stuck_past_the_deadline_is_abandoned_and_logged(
    standin: BotApiStandIn, run_bot: list[subprocess.Popen[str]], tmp_path: Path
) -> None:
    """A reply that cannot finish still lets the bot exit within 5 s, logged with its chat id."""
    process = start(run_bot, bot_env(tmp_path, standin), tmp_path)
    wait_for(standin, process, lambda api: api.state()["polls"] >= 1, 20)
    standin.fail_next("sendMessage", "slow", delay=30)
    standin.inject_message(32, "Who met Burns?")
    wait_for(standin, process, lambda api: bool(api.calls("sendMessage")), 10)
    process.send_signal(signal.SIGTERM)
    signalled = time.monotonic()
    output, _ = process.communicate(timeout=SHUTDOWN_LIMIT + 5)
    assert time.monotonic() - signalled < SHUTDOWN_LIMIT, output
    assert process.returncode == 0, output
    assert "sendMessage to chat 32 not delivered" in output
    assert standin.confirmed_offset == standin.state()["next_update_id"]


def test_webhook_mode_answers_updates_pushed_with_the_secret(
    standin: BotApiStandIn, run_bot: list[subprocess.Popen[str]], tmp_path: Path
) -> None:
    """With WEBHOOK_URL set, the bot registers its webhook with the secret and answers pushes."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    env = bot_env(tmp_path, standin, WEBHOOK_URL=url, PORT=str(port), WEBHOOK_SECRET="s3cret-_")
    process = start(run_bot, env, tmp_path)
    wait_for(standin, process, lambda api: api.state()["webhook_url"] == url, 20)
    [set_webhook] = standin.sent("setWebhook")
    assert set_webhook["params"]["secret_token"] == "s3cret-_"
    message = standin.inject_message(41, "Who met Burns?")
    wait_for(standin, process, lambda api: bool(api.sent("sendMessage", 41)), 10)
    forged = urllib.request.Request(
        url,
        data=json.dumps({"update_id": 999}).encode(),
        headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": "wrong"},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(forged, timeout=5)
    assert refused.value.code == 403
    process.send_signal(signal.SIGTERM)
    output, _ = process.communicate(timeout=SHUTDOWN_LIMIT + 5)
    assert process.returncode == 0, output
    reply = standin.sent("sendMessage", 41)[0]
    assert reply["params"]["reply_parameters"]["message_id"] == message["message_id"]
    assert "s3cret-_" not in output


def test_rejected_token_is_a_configuration_error(tmp_path: Path) -> None:
    """A token the Bot API rejects (401) gives one line on stderr and exit status 2."""
    with BotApiStandIn(token="1:" + "B" * 35) as api:
        done = subprocess.run(
            [sys.executable, "-m", "bot", "telegram"],
            env=bot_env(tmp_path, api),
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=20,
        )
    assert done.returncode == 2, done.stdout
    assert done.stderr.count("\n") == 1
    assert "TELEGRAM_BOT_TOKEN was rejected" in done.stderr
    assert TOKEN not in done.stdout + done.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "TELEGRAM_BOT_TOKEN is not set"),
        ({"TELEGRAM_BOT_TOKEN": "12345:too-short-secret"}, "TELEGRAM_BOT_TOKEN is malformed"),
        (
            {
                "TELEGRAM_BOT_TOKEN": TOKEN,
                "WEBHOOK_URL": "https://x.example/hook",
                "WEBHOOK_SECRET": "a b",
            },
            "WEBHOOK_SECRET",
        ),
    ],
    ids=["missing", "malformed", "bad-webhook-secret"],
)
def test_configuration_errors_exit_2_with_one_line(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    env: dict[str, str],
    message: str,
) -> None:
    """A missing or malformed token (or webhook secret) is one line on stderr and exit 2."""
    monkeypatch.chdir(tmp_path)
    for name in list(os.environ):
        if name.startswith(("TELEGRAM_", "WEBHOOK_")):
            monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert main(["telegram"]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1
    assert "too-short-secret" not in err


def test_webhook_mode_needs_a_url(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--webhook without WEBHOOK_URL is a configuration error naming the variable."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WEBHOOK_URL", raising=False)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    assert main(["telegram", "--webhook"]) == 2
    assert "WEBHOOK_URL is not set" in capsys.readouterr().err


def control(api_url: str, path: str = "") -> Any:
    """GET a URL (the control API's, or a Bot API method) and decode its JSON."""
    with urllib.request.urlopen(f"{api_url}/{path}" if path else api_url, timeout=5) as response:
        return json.loads(response.read())


def test_standin_command_line_and_control_api(tmp_path: Path) -> None:
    """`python -m bot.botapi_standin` prints where it listens, injects over HTTP, logs calls."""
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.botapi_standin", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        listening = json.loads(process.stdout.readline())
        assert listening["event"] == "listening"
        control_url = listening["base_url"].removesuffix("/bot") + "/_test"
        injected = control(control_url, "inject?chat=5&text=hello%20%3Cb%3E")
        assert injected == {"update_id": 1, "message_id": 1}
        getupdates = f"{listening['base_url']}{TOKEN}/getUpdates?timeout=0"
        [update] = control(getupdates).get("result")
        assert update["message"]["text"] == "hello <b>"
        send = f"{listening['base_url']}{TOKEN}/sendMessage?chat_id=5&text=hi"
        assert control(send)["ok"] is True
        [sent] = control(control_url, "sent")
        assert sent["params"] == {"chat_id": 5, "text": "hi"}
        assert control(control_url, "fault?method=sendMessage&kind=500") == {"ok": True}
        with pytest.raises(urllib.error.HTTPError):
            control(send)
        call = json.loads(process.stdout.readline())
        assert (call["event"], call["method"]) == ("call", "sendMessage")
        assert control(control_url, "state")["confirmed_offset"] == 0
        bulk = {"messages": [{"chat": 6, "text": "a"}, {"chat": 7, "text": "b"}]}
        posted = urllib.request.Request(f"{control_url}/messages", data=json.dumps(bulk).encode())
        with urllib.request.urlopen(posted, timeout=5) as response:
            assert json.loads(response.read()) == {"count": 2}
        injected = control(control_url, "injected")
        assert [(i["chat"], i["text"]) for i in injected] == [(5, "hello <b>"), (6, "a"), (7, "b")]
    finally:
        process.terminate()
        process.wait(5)


def test_standin_paces_injected_messages(standin: BotApiStandIn) -> None:
    """With a rate, the stand-in injects messages that many per second, timestamping each."""
    standin.inject_messages([(1, "a"), (2, "b"), (3, "c"), (4, "d")], rate=20)
    standin.wait_until(lambda api: len(api.injected()) == 4, timeout=5)
    times = [entry["time"] for entry in standin.injected()]
    assert times[3] - times[0] >= 0.14
