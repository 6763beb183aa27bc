"""Front-ends of article-bot: the command line, the console and the Telegram bot."""

__all__: list[str] = []
