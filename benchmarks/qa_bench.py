"""Answer accuracy and latency: the engine against a BM25 sentence retriever, side by side.

Run: .venv/bin/python benchmarks/qa_bench.py [--passes 3] [--process-runs 5]

For every question set in tests/data/questions/, each turn is scored with
knowledge.evaluation.is_correct (via evaluate() for the engine). The baseline is BM25 (bm25s,
English stop words, Snowball stems) over the same article sentences: it answers with its top
sentence when the BM25 score reaches a threshold, else abstains. The threshold is the best one
for each set, chosen on that same set, so its accuracy is an upper bound, not a fair estimate.
BM25 sees each turn alone (it has no conversation context).

Latency is per question, in process, over several passes: the engine (including the follow-up
context of dialogues) on each set's article, then on the seed and on the ~1 MB article, then
`article-bot ask` as a whole process.
"""

from __future__ import annotations

import argparse
import gc
import platform
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import bm25s
import snowballstemmer
from big_article import big_article
from figures import median, p95, table

from knowledge import Answer, Conversation, Engine, FactBase, Source, build_fact_base
from knowledge.evaluation import evaluate, is_correct, load_question_set
from knowledge.store import load_source, read_article, seed_article_path

QUESTIONS = Path(__file__).resolve().parent.parent / "tests" / "data" / "questions"
SEED_TARGET_MS = 0.3
BIG_TARGET_MS = 3.0
PROCESS_TARGET_S = 0.5
PROCESS_QUESTION = "Who did the head of the Mossad meet?"
_STEM = snowballstemmer.stemmer("english").stemWords


class TimedEngine(Engine):
    """The engine, recording how long each ask() takes."""

    def __init__(self, fact_base: FactBase) -> None:
        super().__init__(fact_base)
        self.latencies: list[float] = []

    def ask(self, question: str, conversation: Conversation | None = None) -> Answer:
        start = time.perf_counter()
        answer = super().ask(question, conversation)
        self.latencies.append(time.perf_counter() - start)
        return answer


@dataclass
class Turn:
    """One question of a set with what it accepts."""

    question: str
    accept: list[str]


@dataclass
class SetResult:
    """Accuracy and latencies of both systems on one question set."""

    name: str
    turns: int
    engine_accuracy: float = 0.0
    engine_latencies: list[float] = field(default_factory=list)
    bm25_accuracy: float = 0.0
    bm25_threshold: float = 0.0
    bm25_latencies: list[float] = field(default_factory=list)


def turns_of(path: Path) -> list[Turn]:
    """Every scored turn of a question set, dialogue turns included, in order."""
    _, items = load_question_set(path)
    return [
        Turn(turn["question"], list(turn.get("accept", [])))
        for item in items
        for turn in item.get("turns") or [item]
    ]


class Bm25:
    """BM25 over an article's sentences, answering with the top sentence."""

    def __init__(self, fact_base: FactBase) -> None:
        self.sentences = fact_base.article.sentences
        corpus = [sentence.text for sentence in self.sentences]
        self.retriever = bm25s.BM25()
        tokens = bm25s.tokenize(corpus, stopwords="en", stemmer=_STEM, show_progress=False)
        self.retriever.index(tokens, show_progress=False)

    def top(self, question: str) -> tuple[Source, float]:
        """The best sentence for the question and its BM25 score."""
        query = bm25s.tokenize(
            [question], stopwords="en", stemmer=_STEM, return_ids=False, show_progress=False
        )
        documents, scores = self.retriever.retrieve(query, k=1, show_progress=False)
        sentence = self.sentences[int(documents[0][0])]
        source = Source(text=sentence.text, paragraph=sentence.paragraph, sentence=sentence.index)
        return source, float(scores[0][0])


def _reply(question: str, source: Source | None) -> Answer:
    """The Answer BM25 gives: its top sentence, or an abstention."""
    return Answer(
        question=question,
        answered=source is not None,
        answer=source.text if source else None,
        reply=source.text if source else "",
        sources=[source] if source else [],
        confidence=1.0 if source else 0.0,
    )


def run_bm25(
    fact_base: FactBase, turns: list[Turn], passes: int
) -> tuple[float, float, list[float]]:
    """Oracle-threshold accuracy, that threshold, and per-question latencies of BM25."""
    bm25 = Bm25(fact_base)
    latencies: list[float] = []
    scored: list[tuple[float, bool, bool]] = []
    for number in range(passes):
        for turn in turns:
            start = time.perf_counter()
            source, score = bm25.top(turn.question)
            latencies.append(time.perf_counter() - start)
            if number == 0:
                answering = is_correct(_reply(turn.question, source), turn.accept)
                abstaining = is_correct(_reply(turn.question, None), turn.accept)
                scored.append((score, answering, abstaining))
    best = (-1, 0.0)
    for threshold in sorted({score for score, _, _ in scored} | {float("inf")}):
        right = sum(ok if score >= threshold else no for score, ok, no in scored)
        best = max(best, (right, threshold), key=lambda pair: pair[0])
    return best[0] / len(scored), best[1], latencies


def run_set(path: Path, passes: int) -> SetResult:
    """Both systems on one question set."""
    article, _ = load_question_set(path)
    fact_base = load_source(article)
    turns = turns_of(path)
    result = SetResult(path.stem, len(turns))
    for number in range(passes):
        engine = TimedEngine(fact_base)
        gc.collect()
        report = evaluate(path, engine)
        result.engine_latencies += engine.latencies
        if number == 0:
            result.engine_accuracy = report.accuracy()
    result.bm25_accuracy, result.bm25_threshold, result.bm25_latencies = run_bm25(
        fact_base, turns, passes
    )
    return result


def engine_latencies(fact_base: FactBase, questions: list[str], passes: int) -> list[float]:
    """Seconds per ask() of each question (fresh conversation each), over several passes."""
    engine = TimedEngine(fact_base)
    for _ in range(passes):
        gc.collect()
        for question in questions:
            engine.ask(question)
    return engine.latencies


def process_times(runs: int) -> list[float]:
    """Wall-clock seconds of `article-bot ask QUESTION` as a new process, after one warm-up."""
    script = Path(sys.executable).with_name("article-bot")
    times: list[float] = []
    for number in range(runs + 1):
        start = time.perf_counter()
        subprocess.run([str(script), "ask", PROCESS_QUESTION], check=True, capture_output=True)
        if number:
            times.append(time.perf_counter() - start)
    return times


def _ms(values: list[float]) -> str:
    return f"{median(values) * 1e3:.3f} / {p95(values) * 1e3:.3f}"


def accuracy_table(passes: int) -> str:
    """Accuracy and latency of the engine and of BM25 on every question set."""
    rows = []
    for path in sorted(QUESTIONS.glob("*.json")):
        r = run_set(path, passes)
        rows.append(
            [
                r.name,
                str(r.turns),
                f"{r.engine_accuracy:.1%}",
                f"{r.bm25_accuracy:.1%}",
                f"{r.bm25_threshold:.2f}",
                _ms(r.engine_latencies),
                _ms(r.bm25_latencies),
            ]
        )
    headers = ["question set", "turns", "engine", "BM25 (oracle)", "BM25 threshold"]
    return table([*headers, "engine ms", "BM25 ms"], rows)  # fmt: skip


def latency_table(passes: int, process_runs: int) -> str:
    """Engine latency on the seed and on the ~1 MB article, and `article-bot ask` as a process."""
    questions = [turn.question for name in ("seed_dev", "seed_holdout")
                 for turn in turns_of(QUESTIONS / f"{name}.json")]  # fmt: skip
    seed = build_fact_base(read_article(seed_article_path()))
    big = build_fact_base(big_article())
    process = process_times(process_runs)
    rows = [
        _latency_row("seed article", engine_latencies(seed, questions, passes), SEED_TARGET_MS),
        _latency_row(f"~1 MB article ({len(big.article.sentences):,} sentences)",
                     engine_latencies(big, questions, passes), BIG_TARGET_MS),
        ["article-bot ask (process)", str(len(process)), f"{median(process):.3f} s",
         f"{p95(process):.3f} s", f"{PROCESS_TARGET_S:.1f} s",
         f"{median(process) / PROCESS_TARGET_S:.2f}"],
    ]  # fmt: skip
    return table(["latency", "asked", "median", "p95", "target (median)", "ratio"], rows)


def _latency_row(name: str, values: list[float], target_ms: float) -> list[str]:
    value = median(values) * 1e3
    return [
        name,
        str(len(values)),
        f"{value:.3f} ms",
        f"{p95(values) * 1e3:.3f} ms",
        f"{target_ms} ms",
        f"{value / target_ms:.2f}",
    ]


def main() -> None:
    """Measure and print the two tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=3, help="passes over each question set")
    parser.add_argument("--process-runs", type=int, default=5)
    args = parser.parse_args()
    print(
        f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}; "
        f"latencies median / p95 over {args.passes} passes; ratio = median / target"
    )
    print(accuracy_table(args.passes))
    print()
    print(latency_table(args.passes, args.process_runs))


if __name__ == "__main__":
    main()
