"""How long building a fact base takes, and how much memory: the seed and a ~1 MB article.

Run: .venv/bin/python benchmarks/build_bench.py [--seed-runs 20] [--big-runs 3]

Times are wall-clock medians (time.perf_counter) after one warm-up build. Memory is the
tracemalloc peak of one build (Python allocations only, measured in a separate run because
tracing slows the build) and the process's ru_maxrss high-water mark after each phase.
"""

from __future__ import annotations

import argparse
import gc
import platform
import resource
import time
import tracemalloc

from big_article import big_article
from figures import median, table

from knowledge import FactBase, build_fact_base
from knowledge.store import read_article, seed_article_path

SEED_TARGET_S = 0.100
BIG_TARGET_S = 10.0


def build_times(text: str, runs: int) -> list[float]:
    """Seconds per build of text, runs times."""
    times: list[float] = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        build_fact_base(text)
        times.append(time.perf_counter() - start)
    return times


def traced_build(text: str) -> tuple[int, FactBase]:
    """One build under tracemalloc: the peak bytes Python allocated, and the fact base."""
    gc.collect()
    tracemalloc.start()
    try:
        fact_base = build_fact_base(text)
        return tracemalloc.get_traced_memory()[1], fact_base
    finally:
        tracemalloc.stop()


def max_rss_mb() -> float:
    """The process's peak resident set size so far, in MB (ru_maxrss is KiB on Linux)."""
    scale = 1 if platform.system() == "Darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 1e6


def _row(name: str, text: str, times: list[float], target: float, rss: float) -> list[str]:
    peak, fact_base = traced_build(text)
    value = median(times)
    return [
        name,
        f"{len(text.encode('utf-8')) / 1e3:,.0f} kB",
        f"{len(fact_base.article.sentences):,}",
        f"{len(fact_base.facts):,}",
        str(len(times)),
        f"{value * 1e3:,.1f} ms",
        f"{min(times) * 1e3:,.1f} ms",
        f"{target * 1e3:,.0f} ms",
        f"{value / target:.2f}",
        f"{peak / 1e6:,.1f} MB",
        f"{rss:,.0f} MB",
    ]


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed-runs", type=int, default=20)
    parser.add_argument("--big-runs", type=int, default=3)
    args = parser.parse_args()
    seed = read_article(seed_article_path())
    big = big_article()
    build_fact_base(seed)  # warm-up: imports, pysbd rules, regex caches
    seed_times = build_times(seed, args.seed_runs)
    seed_rss = max_rss_mb()
    big_times = build_times(big, args.big_runs)
    big_rss = max_rss_mb()
    headers = ["article", "size", "sentences", "facts", "runs", "median", "best", "target"]
    headers += ["ratio", "tracemalloc peak", "ru_maxrss"]
    rows = [
        _row("seed", seed, seed_times, SEED_TARGET_S, seed_rss),
        _row("~1 MB", big, big_times, BIG_TARGET_S, big_rss),
    ]
    print(
        f"build_fact_base on {platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}; ratio = median / target (below 1 meets it)"
    )
    print(table(headers, rows))


if __name__ == "__main__":
    main()
