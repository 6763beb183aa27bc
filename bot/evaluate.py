"""`article-bot eval`: print the engine's accuracy on a question set, by category."""

from __future__ import annotations

import json
from pathlib import Path

from knowledge import Engine, load_source
from knowledge.evaluation import evaluate

__all__ = ["run_eval"]


def run_eval(
    path: Path, as_json: bool = False, show_errors: bool = False, article: Path | None = None
) -> int:
    """Evaluate and print the report; exit 0 (the numbers are the result, not the status).

    `article` (a .txt or .json) replaces the article the question file names.
    """
    report = evaluate(path, Engine(load_source(article)) if article else None)
    if as_json:
        payload = {
            "overall": report.accuracy(),
            "abstention": report.abstention_rate(),
            "categories": {
                k: {"correct": c, "total": t} for k, (c, t) in report.by_category().items()
            },
        }
        print(json.dumps(payload, indent=1))
        return 0
    for category, (correct, total) in report.by_category().items():
        print(f"{category:14} {correct:4d}/{total:<4d} {correct / total:7.1%}")
    total = len(report.outcomes)
    correct = sum(o.correct for o in report.outcomes)
    print(f"{'overall':14} {correct:4d}/{total:<4d} {report.accuracy():7.1%}")
    print(
        f"{'abstained':14} {report.abstention_rate():17.1%} of questions the article can't answer"
    )
    if show_errors:
        for outcome in report.outcomes:
            if not outcome.correct:
                got = outcome.answer.sources[0].text[:70] if outcome.answer.sources else "-"
                print(f"✗ {outcome.id} [{outcome.category}] {outcome.question!r}\n    got: {got}")
    return 0
