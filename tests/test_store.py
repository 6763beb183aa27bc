"""Tests for knowledge.store: reading articles and fact bases, rejecting bad input in one line."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from knowledge import ArticleError, FactBase, FactBaseError, load_fact_base, save_fact_base
from knowledge.store import (
    MAX_ARTICLE_BYTES,
    SEED_FACTS,
    decode_article,
    load_source,
    read_article,
    seed_article_path,
)

SEED_FACTS_PATH = seed_article_path().with_name(SEED_FACTS)
FIVE_MEGABYTES = (
    b"Leaders met on Tuesday in Lindhaven to rescue the budget. " * 30 + b"\n\n"
) * 2900
DIRECTORY = "<a directory>"

BAD_ARTICLES: list[tuple[bytes | str | None, str]] = [
    (b"", "the article is empty"),
    (b"  \n\t\n   \n", "the article is empty"),
    (b"\xef\xbb\xbf\n", "the article is empty"),
    (b"PK\x03\x04\x00\x00\x08\x00 not an article", "binary file"),
    ("Café in Zürich: talks went well.".encode("latin-1"), "not UTF-8 text (bad byte at offset 3)"),
    (FIVE_MEGABYTES, "over the limit of 2,000,000 bytes"),
    (None, "no such file"),
    (DIRECTORY, "is a directory"),
]
BAD_ARTICLE_IDS = ["empty", "whitespace", "bom-only", "binary", "latin-1", "5-mb", "missing", "dir"]


def _bad_article(tmp_path: Path, content: bytes | str | None) -> Path:
    """Write content to tmp_path/article.txt (None: leave it missing; DIRECTORY: make a dir)."""
    path = tmp_path / "article.txt"
    if content == DIRECTORY:
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    return path


@pytest.mark.parametrize(("content", "message"), BAD_ARTICLES, ids=BAD_ARTICLE_IDS)
def test_read_article_rejects_bad_files(
    tmp_path: Path, content: bytes | str | None, message: str
) -> None:
    """A bad article file raises ArticleError: one line, naming the file and the problem."""
    path = _bad_article(tmp_path, content)
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    text = str(caught.value)
    assert message in text
    assert text.startswith(str(path))
    assert "\n" not in text


@pytest.mark.parametrize(
    ("size", "accepted"),
    [(MAX_ARTICLE_BYTES, True), (MAX_ARTICLE_BYTES + 1, False)],
    ids=["at-the-limit", "one-byte-over"],
)
def test_size_limit_is_inclusive(size: int, accepted: bool) -> None:
    """An article of exactly MAX_ARTICLE_BYTES bytes is read; one byte more is refused."""
    data = b"x" * (size - 1) + b"."
    if accepted:
        assert len(decode_article(data)) == size
    else:
        with pytest.raises(ArticleError, match="over the limit"):
            decode_article(data)


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"\xef\xbb\xbfIsrael said.", "Israel said."),
        (b"One.\r\n\r\nTwo.\r\n", "One.\n\nTwo.\n"),
        (b"One.\rTwo.", "One.\nTwo."),
    ],
    ids=["byte-order-mark", "crlf", "lone-cr"],
)
def test_decode_article_normalises(data: bytes, text: str) -> None:
    """A UTF-8 byte-order mark is dropped and Windows or old Mac newlines become '\\n'."""
    assert decode_article(data) == text


def _seed_json() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SEED_FACTS_PATH.read_text(encoding="utf-8"))
    return data


def _set_text(data: dict[str, Any]) -> None:
    data["article"]["sentences"][0]["text"] = "Israel said nothing at all."


def _stray_evidence(data: dict[str, Any]) -> None:
    data["facts"][0]["evidence"][0]["end"] = 10_000


def _dangling_entity(data: dict[str, Any]) -> None:
    data["facts"][0]["slots"]["speaker"]["entity"] = "person:nobody"


def _wrong_version(data: dict[str, Any]) -> None:
    data["schema_version"] = 99
    data["added_in_version_99"] = True


def _duplicate_entity(data: dict[str, Any]) -> None:
    data["entities"].append(data["entities"][0])


def _unknown_kind(data: dict[str, Any]) -> None:
    data["facts"][0]["kind"] = "rumour"


def _no_sentences(data: dict[str, Any]) -> None:
    data["article"]["sentences"] = []


def _stray_mention(data: dict[str, Any]) -> None:
    data["entities"][0]["mentions"][0]["sentence"] = "p99s1"


BAD_FACT_BASES: list[tuple[Callable[[dict[str, Any]], None], str]] = [
    (_set_text, "article.sentences[0].text: not verbatim in article.text at its span"),
    (_stray_evidence, "facts[0].evidence[0]: span 0..10000 is not inside sentence 'p1s1'"),
    (_dangling_entity, "facts[0].slots.speaker.entity: unknown entity id 'person:nobody'"),
    (_wrong_version, "at schema_version: schema_version 99 is not 1"),
    (_duplicate_entity, "entities[22].id: duplicate entity id 'place:israel'"),
    (_unknown_kind, "at facts.0.kind: Input should be 'meeting'"),
    (_no_sentences, "at article.sentences: List should have at least 1 item"),
    (_stray_mention, "entities[0].mentions[0].sentence: unknown sentence id 'p99s1'"),
]
BAD_FACT_BASE_IDS = [
    "sentence-not-verbatim",
    "evidence-outside-sentence",
    "dangling-entity",
    "wrong-schema-version",
    "duplicate-entity-id",
    "unknown-fact-kind",
    "no-sentences",
    "mention-of-unknown-sentence",
]


@pytest.mark.parametrize(("spoil", "message"), BAD_FACT_BASES, ids=BAD_FACT_BASE_IDS)
def test_load_fact_base_names_the_bad_field(
    tmp_path: Path, spoil: Callable[[dict[str, Any]], None], message: str
) -> None:
    """A fact base that fails validation raises FactBaseError: one line naming the field."""
    data = _seed_json()
    spoil(data)
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(FactBaseError) as caught:
        load_fact_base(path)
    text = str(caught.value)
    assert text.startswith(f"{path}: invalid fact base at ")
    assert message in text
    assert "\n" not in text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"schema_version": 1, "article": ', "Invalid JSON"),
        (b"[]", "Input should be an object"),
        (b"", "Invalid JSON"),
        (b"\xff\xfe{}", "Invalid JSON"),
        (None, "no such file"),
        (DIRECTORY, "is a directory"),
    ],
    ids=["truncated", "a-list", "empty", "not-utf-8", "missing", "dir"],
)
def test_load_fact_base_rejects_unreadable_files(
    tmp_path: Path, content: bytes | str | None, message: str
) -> None:
    """Malformed JSON or a path that is no file raises FactBaseError with one line."""
    path = _bad_article(tmp_path, content)
    with pytest.raises(FactBaseError) as caught:
        load_fact_base(path)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_committed_seed_fact_base_loads() -> None:
    """The bundled seed fact base passes its own validation."""
    fact_base = load_fact_base(SEED_FACTS_PATH)
    assert fact_base.article.credit == "AFP"


def test_save_then_load_round_trips(tmp_path: Path, seed_fact_base: FactBase) -> None:
    """A saved fact base loads back equal, is readable by others and leaves no temporary file."""
    path = tmp_path / "facts.json"
    save_fact_base(seed_fact_base, path)
    assert load_fact_base(path) == seed_fact_base
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["facts.json"]


@pytest.mark.parametrize(
    "target", ["missing-dir/facts.json", "a-dir"], ids=["missing-directory", "onto-a-directory"]
)
def test_save_fact_base_unwritable_path(
    tmp_path: Path, seed_fact_base: FactBase, target: str
) -> None:
    """An unwritable output path raises FactBaseError naming it and leaves no temporary file."""
    (tmp_path / "a-dir").mkdir()
    with pytest.raises(FactBaseError, match="cannot write"):
        save_fact_base(seed_fact_base, tmp_path / target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-dir"]
    assert list((tmp_path / "a-dir").iterdir()) == []


def test_load_source_default_is_the_seed(seed_fact_base: FactBase) -> None:
    """Without --article the bundled seed fact base is loaded."""
    assert load_source(None) == seed_fact_base


@pytest.mark.parametrize("name", ["facts.json", "FACTS.JSON"], ids=["json", "json-upper-case"])
def test_load_source_json_is_a_fact_base(
    tmp_path: Path, seed_fact_base: FactBase, name: str
) -> None:
    """A .json path (any case) is loaded as a fact base, not built as an article."""
    save_fact_base(seed_fact_base, tmp_path / name)
    assert load_source(tmp_path / name) == seed_fact_base


def test_load_source_text_is_built(
    tmp_path: Path, seed_text: str, seed_fact_base: FactBase
) -> None:
    """Any other path is read as an article and built in memory."""
    (tmp_path / "article.md").write_text(seed_text, encoding="utf-8")
    assert load_source(tmp_path / "article.md") == seed_fact_base


def _run_build(article: Path, output: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "build", str(article), "-o", str(output)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


@pytest.mark.parametrize(("content", "message"), BAD_ARTICLES, ids=BAD_ARTICLE_IDS)
def test_cli_build_bad_article_fails_cleanly(
    tmp_path: Path, content: bytes | str | None, message: str
) -> None:
    """`build BAD -o out.json` exits 1 with one stderr line, no traceback and no file written."""
    article = _bad_article(tmp_path, content)
    result = _run_build(article, tmp_path / "out.json", tmp_path)
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"article-bot: {article}: ")
    assert message in line
    assert not (tmp_path / "out.json").exists()


def test_cli_build_bad_article_keeps_existing_output(tmp_path: Path) -> None:
    """A failed build leaves an existing output file exactly as it was."""
    output = tmp_path / "out.json"
    output.write_text("previous contents\n", encoding="utf-8")
    result = _run_build(_bad_article(tmp_path, b"\x00\x01"), output, tmp_path)
    assert result.returncode == 1
    assert output.read_text(encoding="utf-8") == "previous contents\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt", "out.json"]


def test_cli_build_unwritable_output_fails_cleanly(tmp_path: Path, seed_text: str) -> None:
    """An output path in a missing directory gives one stderr line and exit 1, not a traceback."""
    article = tmp_path / "article.txt"
    article.write_text(seed_text, encoding="utf-8")
    result = _run_build(article, tmp_path / "missing" / "out.json", tmp_path)
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1
    assert "cannot write" in result.stderr


@pytest.mark.parametrize(("spoil", "message"), BAD_FACT_BASES[:5], ids=BAD_FACT_BASE_IDS[:5])
def test_cli_bad_fact_base_fails_cleanly(
    tmp_path: Path, spoil: Callable[[dict[str, Any]], None], message: str
) -> None:
    """`ask --article BAD.json` exits 1 with one stderr line naming the field, and no traceback."""
    data = _seed_json()
    spoil(data)
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--article", str(path), "Who met Burns?"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1
    assert message in result.stderr
    assert result.stdout == ""
