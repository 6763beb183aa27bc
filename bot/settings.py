"""Settings, read once from the environment (and a .env file) and passed down."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["DEFAULT_API_BASE_URL", "ConfigError", "Settings", "load_settings"]

DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
_TOKEN_SHAPE = re.compile(r"^\d{3,20}:[A-Za-z0-9_-]{20,100}$")
_SECRET_SHAPE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


class ConfigError(Exception):
    """A setting is missing or malformed; the message is one line and never holds a secret."""


class Settings(BaseSettings):
    """Everything the bot reads from its environment."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str = DEFAULT_API_BASE_URL
    article_bot_article: Path | None = None
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    log_format: Literal["text", "json"] = "text"
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    port: int = Field(default=8443, ge=1, le=65535)
    heartbeat_file: Path = Path(tempfile.gettempdir()) / "article-bot.heartbeat"
    heartbeat_max_age: float = Field(default=180.0, gt=0)

    def bot_token(self) -> str:
        """Return the Telegram token, checked for shape; raise ConfigError without echoing it."""
        if self.telegram_bot_token is None or not self.telegram_bot_token.get_secret_value():
            raise ConfigError(
                "TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather and set it "
                "in the environment or in .env"
            )
        token = self.telegram_bot_token.get_secret_value().strip()
        if not _TOKEN_SHAPE.match(token):
            raise ConfigError(
                "TELEGRAM_BOT_TOKEN is malformed: expected '<digits>:<letters, digits, _ or ->'"
            )
        return token

    def webhook_secret_token(self) -> str | None:
        """Return the webhook secret, checked against Telegram's allowed characters."""
        if self.webhook_secret is None:
            return None
        secret = self.webhook_secret.get_secret_value()
        if not _SECRET_SHAPE.match(secret):
            raise ConfigError("WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
        return secret


def load_settings(env_file: Path | None = Path(".env")) -> Settings:
    """Read the settings once; raise ConfigError naming the bad variable."""
    try:
        return Settings(_env_file=env_file)
    except ValidationError as error:
        first = error.errors()[0]
        name = str(first["loc"][0]).upper() if first["loc"] else "settings"
        raise ConfigError(f"{name}: {first['msg']}") from None
