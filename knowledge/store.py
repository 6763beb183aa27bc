"""Reading articles and fact bases from disk, and writing fact bases atomically."""

from __future__ import annotations

import json
import os
import tempfile
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from knowledge.errors import ArticleError, FactBaseError
from knowledge.schema import FactBase

__all__ = [
    "MAX_ARTICLE_BYTES",
    "SEED_ARTICLE",
    "SEED_FACTS",
    "decode_article",
    "load_fact_base",
    "load_source",
    "read_article",
    "save_fact_base",
]

MAX_ARTICLE_BYTES = 2_000_000
SEED_ARTICLE = "seed.txt"
SEED_FACTS = "seed.facts.json"


def _data_path(name: str) -> Path:
    return Path(str(resources.files("knowledge") / "data" / name))


def _read_bytes(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise ArticleError(f"{path}: {size:,} bytes is over the limit of {limit:,} bytes")
        return path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ArticleError(f"{path}: is a directory, not a file") from None
    except PermissionError:
        raise ArticleError(f"{path}: permission denied") from None
    except OSError as error:
        raise ArticleError(f"{path}: cannot read ({error.strerror})") from None


def decode_article(data: bytes, name: str = "article") -> str:
    """Decode article bytes as UTF-8 text with Unix newlines, rejecting binary data."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(
            f"{name}: {len(data):,} bytes is over the limit of {MAX_ARTICLE_BYTES:,}"
        )
    if b"\x00" in data:
        raise ArticleError(f"{name}: looks like a binary file, not UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(f"{name}: not UTF-8 text (bad byte at offset {error.start})") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError(f"{name}: the article is empty")
    return text


def read_article(path: Path) -> str:
    """Read an article text file (UTF-8, at most MAX_ARTICLE_BYTES)."""
    return decode_article(_read_bytes(path, MAX_ARTICLE_BYTES), str(path))


def load_fact_base(path: Path) -> FactBase:
    """Load and validate a fact-base JSON file, naming the first bad field on failure."""
    try:
        data = _read_bytes(path, 8 * MAX_ARTICLE_BYTES)
    except ArticleError as error:
        raise FactBaseError(str(error)) from None
    try:
        return FactBase.model_validate_json(data)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "(top level)"
        message = first["msg"].removeprefix("Value error, ")
        raise FactBaseError(f"{path}: invalid fact base at {field}: {message}") from None


def load_source(path: Path | None) -> FactBase:
    """Load what --article names: a .json fact base, a text article (built now), or the seed."""
    from knowledge.builder import build_fact_base

    if path is None:
        return load_fact_base(_data_path(SEED_FACTS))
    if path.suffix.lower() == ".json":
        return load_fact_base(path)
    return build_fact_base(read_article(path))


def save_fact_base(fact_base: FactBase, path: Path) -> None:
    """Write a fact base as indented JSON via a temporary file and a rename (never half-written).

    Raises:
        FactBaseError: the file cannot be written (no such directory, a directory, no permission).
    """
    payload = json.dumps(fact_base.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as error:
        raise FactBaseError(f"{path}: cannot write ({error.strerror})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(payload)
        # mkstemp makes the file private (0600); a fact base is meant to be read by others.
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, path)
    except BaseException as error:
        Path(temp_name).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise FactBaseError(f"{path}: cannot write ({error.strerror})") from None
        raise


def seed_article_path() -> Path:
    """Path of the bundled seed article."""
    return _data_path(SEED_ARTICLE)
