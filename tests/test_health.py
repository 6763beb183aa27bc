"""Tests for bot.health: the fact-base and heartbeat checks behind `article-bot health`."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import pytest

from bot.cli import main
from bot.health import EXIT_HEALTHY, EXIT_UNHEALTHY, check_fact_base, check_heartbeat, run_health
from bot.settings import Settings

DATA = Path(__file__).parent / "data"
NOW = 1_700_000_000.0
MAX_AGE = 180.0


@pytest.fixture
def heartbeat_file(tmp_path: Path) -> Path:
    """A heartbeat path in an empty, writable directory (no beat yet)."""
    return tmp_path / "article-bot.heartbeat"


def _settings(heartbeat_file: Path, article: Path | None = None) -> Settings:
    return Settings(
        _env_file=None,
        heartbeat_file=heartbeat_file,
        heartbeat_max_age=MAX_AGE,
        article_bot_article=article,
    )


def _beat_ago(path: Path, seconds: float) -> None:
    path.touch()
    stamp = time.time() - seconds
    os.utime(path, (stamp, stamp))


def _run(settings: Settings, article: Path | None = None) -> tuple[int, str]:
    out = io.StringIO()
    status = run_health(settings, article, out=out)
    return status, out.getvalue()


@pytest.mark.parametrize(
    ("beat_age", "healthy"),
    [(None, True), (0.0, True), (MAX_AGE - 1, True), (MAX_AGE, True), (MAX_AGE + 1, False)],
    ids=["no-beat-yet", "just-beat", "nearly-stale", "at-the-limit", "stale"],
)
def test_check_heartbeat_by_age(
    heartbeat_file: Path, beat_age: float | None, healthy: bool
) -> None:
    """The heartbeat check passes up to HEARTBEAT_MAX_AGE seconds after the last beat, then not."""
    if beat_age is not None:
        heartbeat_file.touch()
        os.utime(heartbeat_file, (NOW - beat_age, NOW - beat_age))
    assert check_heartbeat(heartbeat_file, MAX_AGE, now=NOW).ok is healthy


def test_check_heartbeat_beat_in_the_future_is_fresh(heartbeat_file: Path) -> None:
    """A heartbeat stamped ahead of the clock (clock skew) counts as fresh, not as an error."""
    heartbeat_file.touch()
    os.utime(heartbeat_file, (NOW + 60, NOW + 60))
    assert check_heartbeat(heartbeat_file, MAX_AGE, now=NOW).ok


def test_check_heartbeat_unwritable_directory_fails(tmp_path: Path) -> None:
    """Without a heartbeat and without a directory to write one in, the check fails and says so."""
    result = check_heartbeat(tmp_path / "missing-dir" / "article-bot.heartbeat", MAX_AGE, now=NOW)
    assert not result.ok
    assert "cannot be written" in result.detail


def test_check_heartbeat_stale_names_the_stall(heartbeat_file: Path) -> None:
    """A stale heartbeat is reported with its age, the limit and the word 'stalled'."""
    heartbeat_file.touch()
    os.utime(heartbeat_file, (NOW - 600, NOW - 600))
    detail = check_heartbeat(heartbeat_file, MAX_AGE, now=NOW).detail
    assert "600s" in detail and "180s" in detail and "stalled" in detail


def test_check_fact_base_seed_loads() -> None:
    """The bundled seed fact base loads and the check reports its size."""
    result = check_fact_base(None)
    assert result.ok
    assert "sentences" in result.detail


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("missing.txt", None),
        ("empty.txt", b""),
        ("binary.txt", b"\x00\x01\x02\xff" * 64),
        ("broken.json", b'{"not": "a fact base"}'),
    ],
    ids=["missing", "empty", "binary", "invalid-fact-base"],
)
def test_check_fact_base_bad_source_fails(tmp_path: Path, name: str, content: bytes | None) -> None:
    """A missing, empty, binary or invalid article or fact base fails the check with its reason."""
    source = tmp_path / name
    if content is not None:
        source.write_bytes(content)
    result = check_fact_base(source)
    assert not result.ok
    assert result.detail.startswith("the fact base does not load:")


def test_run_health_healthy_before_first_beat(heartbeat_file: Path) -> None:
    """Before any beat (console runs, start-up) the bot is healthy if the fact base loads."""
    status, output = _run(_settings(heartbeat_file))
    assert status == EXIT_HEALTHY
    assert output.startswith("healthy: ") and output.count("\n") == 1


def test_run_health_healthy_with_fresh_beat(heartbeat_file: Path) -> None:
    """A running bot that beat a few seconds ago is healthy."""
    _beat_ago(heartbeat_file, 5)
    status, output = _run(_settings(heartbeat_file))
    assert status == EXIT_HEALTHY
    assert "last heartbeat" in output


def test_run_health_unhealthy_when_poller_stalls(heartbeat_file: Path) -> None:
    """A heartbeat older than HEARTBEAT_MAX_AGE makes the bot unhealthy though the facts load."""
    _beat_ago(heartbeat_file, MAX_AGE + 60)
    status, output = _run(_settings(heartbeat_file))
    assert status == EXIT_UNHEALTHY
    assert output.startswith("unhealthy: ") and "stalled" in output


def test_run_health_unhealthy_when_article_missing(heartbeat_file: Path, tmp_path: Path) -> None:
    """A configured article that is gone makes the bot unhealthy even with a fresh heartbeat."""
    _beat_ago(heartbeat_file, 1)
    status, output = _run(_settings(heartbeat_file, article=tmp_path / "gone.txt"))
    assert status == EXIT_UNHEALTHY
    assert "gone.txt" in output


def test_run_health_argument_overrides_setting(heartbeat_file: Path, tmp_path: Path) -> None:
    """An --article path given to run_health wins over ARTICLE_BOT_ARTICLE."""
    settings = _settings(heartbeat_file, article=tmp_path / "gone.txt")
    status, _ = _run(settings, article=DATA / "articles" / "sports.txt")
    assert status == EXIT_HEALTHY


def test_cli_health_reads_the_environment(
    heartbeat_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`article-bot health` takes HEARTBEAT_FILE and HEARTBEAT_MAX_AGE from the environment."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ARTICLE_BOT_ARTICLE", raising=False)
    monkeypatch.setenv("HEARTBEAT_FILE", str(heartbeat_file))
    monkeypatch.setenv("HEARTBEAT_MAX_AGE", "30")
    _beat_ago(heartbeat_file, 10)
    assert main(["health"]) == EXIT_HEALTHY
    _beat_ago(heartbeat_file, 60)
    assert main(["health"]) == EXIT_UNHEALTHY
