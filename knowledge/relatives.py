"""Words that can stand for a word: its synonyms in its most frequent senses and its
derivational family ('attorney' -> 'lawyer', 'locked' -> 'jail', 'detention' -> 'detain'), as
Snowball stems, read from knowledge/data/relatives.txt (made from Princeton WordNet 3.0 by
scripts/make_relatives.py; WordNet's licence is in knowledge/data/WORDNET-LICENSE).

A reader asks in their own words; the article uses its own. The engine looks a question word
up here only when the article never uses it, and keeps only the relatives the article does
use, so a relative can bridge a paraphrase but never adds a topic the article lacks.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["is_verb", "is_word", "relatives"]

_FILE = "relatives.txt"


@cache
def _table() -> dict[str, str]:
    """stem -> its relatives as written in the file (split on demand: most of the
    35,000 lines are never asked for, and splitting them all would slow every start)."""
    path = resources.files("knowledge") / "data" / _FILE
    text = path.read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        key, _, rest = line.partition("\t")
        table[key] = rest
    return table


@cache
def relatives(stemmed: str, noun: bool = False) -> frozenset[str]:
    """The stems of words that can mean what this stem's word means (empty when unknown);
    with `noun`, only in its senses as a noun ('the name of': not 'call')."""
    found: set[str] = set()
    for part in _table().get(stemmed, "").split("\t"):
        tag, _, stems = part.partition(":")
        if stems and (tag == "n" or not noun):
            found.update(stems.split())
    return frozenset(found)


@cache
def is_verb(stemmed: str) -> bool:
    """Whether the stem's word has senses as a verb ('pay' has, 'salary' has not)."""
    return any(part.startswith("v:") for part in _table().get(stemmed, "").split("\t"))


def is_word(stemmed: str) -> bool:
    """Whether the stem is an English word's with relatives ('found' is; 'strik' is not)."""
    return stemmed in _table()
