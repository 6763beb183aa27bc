"""Tests for bot.cli: the commands, their help, --article and $ARTICLE_BOT_ARTICLE, exit statuses.

Most run bot.cli.main in process; the ones about the process as a whole (the installed script,
`python -m bot`, what gets imported) run it in a subprocess with a timeout.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import EXIT_CONFIG, EXIT_INPUT, main
from knowledge import Engine, FactBase, build_fact_base, load_fact_base, save_fact_base
from knowledge.store import read_article

ARTICLES = Path(__file__).parent / "data" / "articles"
QUESTIONS = Path(__file__).parent / "data" / "questions"
SEED_QUESTION = "Who did the head of the Mossad meet?"
SEED_SNIPPET = "met yesterday (Friday) with the head of the CIA"
POLITICS_QUESTION = "What did the Lindhaven Courier report?"
POLITICS_SNIPPET = "restore 600 million crowns"
ANSWER_KEYS = {"question", "answered", "answer", "reply", "sources", "confidence", "suggestions"}
COMMANDS = ["build", "console", "ask", "eval", "telegram", "health"]
TIMEOUT = 60


def _json_out(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    data: dict[str, object] = json.loads(out)
    return data


@pytest.mark.usefixtures("bot_env")
def test_ask_json_has_exactly_the_documented_keys(capsys: pytest.CaptureFixture[str]) -> None:
    """`ask --json` prints one JSON object with the documented keys and a cited source."""
    assert main(["ask", SEED_QUESTION, "--json"]) == 0
    answer = _json_out(capsys)
    assert set(answer) == ANSWER_KEYS
    assert answer["question"] == SEED_QUESTION
    assert answer["answered"] is True
    assert isinstance(answer["answer"], str)
    assert isinstance(answer["confidence"], float)
    assert isinstance(answer["suggestions"], list)
    sources = answer["sources"]
    assert isinstance(sources, list) and sources
    assert all(set(source) == {"text", "paragraph", "sentence"} for source in sources)
    assert SEED_SNIPPET in sources[0]["text"]
    assert (sources[0]["paragraph"], sources[0]["sentence"]) == (2, 1)


@pytest.mark.usefixtures("bot_env")
def test_ask_json_unanswerable(capsys: pytest.CaptureFixture[str]) -> None:
    """A question the article cannot answer gives answered false, no answer and no sources."""
    assert main(["ask", "--json", "Who won the 2022 World Cup?"]) == 0
    answer = _json_out(capsys)
    assert (answer["answered"], answer["answer"], answer["sources"]) == (False, None, [])


@pytest.mark.usefixtures("bot_env")
def test_ask_plain_prints_the_reply(capsys: pytest.CaptureFixture[str], engine: Engine) -> None:
    """Without --json, `ask` prints the reply text a user would see, and nothing else."""
    assert main(["ask", SEED_QUESTION]) == 0
    assert capsys.readouterr().out == engine.ask(SEED_QUESTION).reply + "\n"


def _politics_source(tmp_path: Path, suffix: str) -> Path:
    """The politics article as a .txt file or as a built .json fact base."""
    if suffix == ".txt":
        return ARTICLES / "politics.txt"
    path = tmp_path / "politics.json"
    save_fact_base(build_fact_base(read_article(ARTICLES / "politics.txt")), path)
    return path


@pytest.mark.parametrize("suffix", [".txt", ".json"], ids=["text-article", "json-fact-base"])
def test_ask_article_option(
    bot_env: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    """--article answers from another article, given as text or as a fact base."""
    source = _politics_source(tmp_path, suffix)
    assert main(["ask", "--json", "--article", str(source), POLITICS_QUESTION]) == 0
    answer = _json_out(capsys)
    assert answer["answered"] is True
    assert isinstance(answer["sources"], list)
    assert POLITICS_SNIPPET in answer["sources"][0]["text"]


@pytest.mark.parametrize("suffix", [".txt", ".json"], ids=["text-article", "json-fact-base"])
def test_ask_article_from_environment(
    bot_env: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    suffix: str,
) -> None:
    """$ARTICLE_BOT_ARTICLE picks the article when --article is not given."""
    monkeypatch.setenv("ARTICLE_BOT_ARTICLE", str(_politics_source(tmp_path, suffix)))
    assert main(["ask", "--json", POLITICS_QUESTION]) == 0
    answer = _json_out(capsys)
    assert isinstance(answer["sources"], list)
    assert POLITICS_SNIPPET in answer["sources"][0]["text"]


@pytest.mark.usefixtures("bot_env")
def test_article_option_wins_over_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """--article overrides $ARTICLE_BOT_ARTICLE."""
    monkeypatch.setenv("ARTICLE_BOT_ARTICLE", str(ARTICLES / "sports.txt"))
    assert (
        main(["ask", "--json", "--article", str(ARTICLES / "politics.txt"), POLITICS_QUESTION]) == 0
    )
    answer = _json_out(capsys)
    assert isinstance(answer["sources"], list)
    assert POLITICS_SNIPPET in answer["sources"][0]["text"]


@pytest.mark.usefixtures("bot_env")
def test_missing_article_from_environment_is_an_input_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A $ARTICLE_BOT_ARTICLE that does not exist: exit 1 and one line naming it on stderr."""
    monkeypatch.setenv("ARTICLE_BOT_ARTICLE", "/nonexistent/article.txt")
    assert main(["ask", "Who?"]) == EXIT_INPUT
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "article-bot: /nonexistent/article.txt: no such file\n"


@pytest.mark.parametrize(
    ("variable", "value"),
    [("LOG_LEVEL", "LOUD"), ("PORT", "not-a-port"), ("HEARTBEAT_MAX_AGE", "-5")],
    ids=["log-level", "port", "heartbeat-age"],
)
@pytest.mark.usefixtures("bot_env")
def test_bad_setting_is_a_config_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], variable: str, value: str
) -> None:
    """A malformed setting gives exit status 2 and one stderr line naming the variable."""
    monkeypatch.setenv(variable, value)
    assert main(["ask", "Who?"]) == EXIT_CONFIG
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"article-bot: configuration error: {variable}: ")


@pytest.mark.usefixtures("bot_env")
def test_build_writes_the_fact_base(
    tmp_path: Path, seed_text: str, seed_fact_base: FactBase, capsys: pytest.CaptureFixture[str]
) -> None:
    """`build` writes the article's fact base and reports its size on stderr, not stdout."""
    (tmp_path / "seed.txt").write_text(seed_text, encoding="utf-8")
    assert main(["build", "seed.txt", "-o", "seed.json"]) == 0
    assert load_fact_base(tmp_path / "seed.json") == seed_fact_base
    captured = capsys.readouterr()
    assert captured.out == ""
    assert re.fullmatch(r"wrote seed\.json: 11 sentences, \d+ entities, \d+ facts\n", captured.err)


@pytest.mark.usefixtures("bot_env")
def test_eval_json_reports_accuracy(capsys: pytest.CaptureFixture[str]) -> None:
    """`eval --json` prints overall accuracy, abstention and per-category counts."""
    assert main(["eval", "--json", str(QUESTIONS / "seed_dev.json")]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"overall", "abstention", "categories"}
    assert 0.0 <= report["overall"] <= 1.0
    assert all(set(counts) == {"correct", "total"} for counts in report["categories"].values())


def _top_level_help(capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    """Command -> its one-line help, as `article-bot --help` lists them."""
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    listed = {}
    for line in capsys.readouterr().out.splitlines():
        words = line.split(maxsplit=1)
        if line.startswith("    ") and len(words) == 2 and words[0] in COMMANDS:
            listed[words[0]] = " ".join(words[1].split())
    return listed


def test_top_level_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    """`--help` exits 0 and lists every subcommand with a one-line help."""
    listed = _top_level_help(capsys)
    assert sorted(listed) == sorted(COMMANDS)
    assert all(len(text.split()) >= 3 for text in listed.values())


@pytest.mark.parametrize("command", COMMANDS, ids=COMMANDS)
def test_every_command_has_help_text(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Each subcommand's own --help exits 0 and says what it does, as the command list does."""
    listed = _top_level_help(capsys)
    with pytest.raises(SystemExit) as exited:
        main([command, "--help"])
    assert exited.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert out.startswith(f"usage: article-bot {command} ")
    assert listed[command] in out


def _run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, capture_output=True, text=True, timeout=TIMEOUT, env=env, cwd=cwd, check=False
    )


def test_python_m_bot_help(bot_env: dict[str, str], tmp_path: Path) -> None:
    """`python -m bot --help` is the same program: exit 0 and the article-bot usage."""
    result = _run([sys.executable, "-m", "bot", "--help"], bot_env, tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("usage: article-bot ")
    assert result.stderr == ""


def test_installed_script_ask_json(bot_env: dict[str, str], tmp_path: Path) -> None:
    """The installed `article-bot ask --json` prints one JSON answer citing the article."""
    script = Path(sys.executable).with_name("article-bot")
    result = _run([str(script), "ask", SEED_QUESTION, "--json"], bot_env, tmp_path)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert set(answer) == ANSWER_KEYS
    assert SEED_SNIPPET in answer["sources"][0]["text"]


def test_ask_does_not_import_telegram(bot_env: dict[str, str], tmp_path: Path) -> None:
    """Answering a question never imports python-telegram-bot (it is slow and not needed)."""
    code = (
        "import sys\n"
        "from bot.cli import main\n"
        f"status = main(['ask', {SEED_QUESTION!r}])\n"
        "loaded = sorted(m for m in sys.modules if m == 'telegram' or m.startswith('telegram.'))\n"
        "print('TELEGRAM MODULES:', loaded)\n"
        "sys.exit(status)\n"
    )
    result = _run([sys.executable, "-c", code], bot_env, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "TELEGRAM MODULES: []"
