"""A ~1 MB article for the benchmarks, made from the repository's own test articles.

Only body paragraphs are used (no credit lines or page furniture, which would end the body
early); each copy takes them in another order and leaves one out, so neighbouring paragraphs
differ from copy to copy. One credit line closes the article, like a scraped page.
"""

from __future__ import annotations

import random
from pathlib import Path

from knowledge.segment import find_layout
from knowledge.store import MAX_ARTICLE_BYTES, read_article, seed_article_path

__all__ = ["TARGET_BYTES", "big_article", "body_paragraphs"]

TARGET_BYTES = 1_000_000
ARTICLES = Path(__file__).resolve().parent.parent / "tests" / "data" / "articles"


def body_paragraphs() -> list[str]:
    """The body paragraphs of the seed and of every test article, in file order."""
    paragraphs: list[str] = []
    for path in [seed_article_path(), *sorted(ARTICLES.glob("*.txt"))]:
        text = read_article(path)
        paragraphs += [text[start:end] for start, end in find_layout(text).body]
    return paragraphs


def big_article(target_bytes: int = TARGET_BYTES) -> str:
    """Copies of the body paragraphs, shuffled per copy, until the text reaches target_bytes."""
    source = body_paragraphs()
    chosen: list[str] = []
    size = 0
    copy = 0
    while size < target_bytes:
        paragraphs = source[:]
        random.Random(copy).shuffle(paragraphs)
        del paragraphs[copy % len(paragraphs)]
        for paragraph in paragraphs:
            chosen.append(paragraph)
            size += len(paragraph.encode("utf-8")) + 2
        copy += 1
    text = "\n\n".join(chosen) + "\n\nWith AFP\n"
    assert len(text.encode("utf-8")) < MAX_ARTICLE_BYTES, "over the article size limit"
    return text
