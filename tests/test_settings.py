"""Tests for bot.settings: read once from the environment; the token checked but never echoed."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import ConfigError, Settings, load_settings

TOKEN = "123456789:AAHfake-token_for_tests_only_0123456789"


def _settings(**values: object) -> Settings:
    """Settings from keyword values only (no .env file)."""
    return Settings(_env_file=None, **values)  # type: ignore[arg-type]


@pytest.mark.parametrize("token", [None, ""], ids=["unset", "empty"])
def test_missing_token_is_a_config_error(token: str | None) -> None:
    """Without a token, bot_token() raises a one-line ConfigError that says how to get one."""
    with pytest.raises(ConfigError) as caught:
        _settings(telegram_bot_token=token).bot_token()
    message = str(caught.value)
    assert message.startswith("TELEGRAM_BOT_TOKEN is not set")
    assert "@BotFather" in message
    assert "\n" not in message


MALFORMED = [
    "not-a-token",
    "123456789",
    "123456789:",
    "123456789:short",
    "abc:AAHfake-token_for_tests_only_0123456789",
    "123456789:AAH fake token for tests only 0123456789",
    "123456789:AAHfake-token\nfor_tests_only_0123456789",
    "123456789:AAHfake-token_for_tests_only_0123456789/getMe",
    "12:AAHfake-token_for_tests_only_0123456789",
    "bot123456789:AAHfake-token_for_tests_only_0123456789",
]


@pytest.mark.parametrize(
    "token",
    MALFORMED,
    ids=[
        "no-colon",
        "digits-only",
        "empty-secret",
        "short-secret",
        "letters-before-colon",
        "spaces",
        "newline",
        "url-suffix",
        "short-id",
        "bot-prefix",
    ],
)
def test_malformed_token_message_never_holds_it(token: str) -> None:
    """A malformed token raises a one-line ConfigError that contains no part of the token."""
    with pytest.raises(ConfigError) as caught:
        _settings(telegram_bot_token=token).bot_token()
    message = str(caught.value)
    assert message.startswith("TELEGRAM_BOT_TOKEN is malformed")
    assert "\n" not in message
    for part in token.replace("\n", ":").split(":"):
        if len(part) >= 5:
            assert part not in message


@pytest.mark.parametrize(
    "token", [TOKEN, f"  {TOKEN}\n"], ids=["plain", "surrounded-by-whitespace"]
)
def test_well_formed_token_is_returned(token: str) -> None:
    """A token of the right shape is returned, without surrounding whitespace."""
    assert _settings(telegram_bot_token=token).bot_token() == TOKEN


def test_token_is_not_in_repr() -> None:
    """Printing or logging the settings never shows the token."""
    settings = _settings(telegram_bot_token=TOKEN, webhook_secret="s3cret-value")
    for text in (repr(settings), str(settings), str(settings.model_dump())):
        assert TOKEN not in text
        assert "s3cret-value" not in text


@pytest.mark.parametrize(
    ("secret", "ok"),
    [("abc_DEF-123", True), ("a" * 256, True), ("a" * 257, False), ("has space", False)],
    ids=["allowed-characters", "256-chars", "257-chars", "space"],
)
def test_webhook_secret_shape(secret: str, ok: bool) -> None:
    """WEBHOOK_SECRET must be 1-256 of A-Z a-z 0-9 _ -; the error does not echo it."""
    settings = _settings(webhook_secret=secret)
    if ok:
        assert settings.webhook_secret_token() == secret
        return
    with pytest.raises(ConfigError) as caught:
        settings.webhook_secret_token()
    assert secret not in str(caught.value)


def test_load_settings_reads_dotenv_and_environment_wins(
    bot_env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """.env supplies settings; a variable set in the environment takes precedence over it."""
    env_file = tmp_path / ".env"
    env_file.write_text(f"TELEGRAM_BOT_TOKEN={TOKEN}\nLOG_LEVEL=DEBUG\n", encoding="utf-8")
    monkeypatch.setenv("LOG_LEVEL", "ERROR")
    settings = load_settings(env_file)
    assert settings.bot_token() == TOKEN
    assert settings.log_level == "ERROR"


@pytest.mark.parametrize(
    ("variable", "value"),
    [("LOG_LEVEL", "LOUD"), ("LOG_FORMAT", "xml"), ("PORT", "70000"), ("HEARTBEAT_MAX_AGE", "0")],
    ids=["log-level", "log-format", "port-range", "heartbeat-age"],
)
def test_load_settings_bad_value_names_the_variable(
    bot_env: dict[str, str], monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    """A malformed variable raises a one-line ConfigError that starts with its name."""
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigError) as caught:
        load_settings(None)
    message = str(caught.value)
    assert message.startswith(f"{variable}: ")
    assert "\n" not in message
    assert TOKEN not in message
