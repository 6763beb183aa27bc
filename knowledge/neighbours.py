"""Words a sentence-embedding model places near a word ('cash' -> 'money', 'damaged' ->
'break', 'inmates' -> 'prisoner'), as Snowball stems, read from knowledge/data/neighbours.txt
(distilled from the all-MiniLM-L6-v2 model by scripts/make_neighbours.py; the model's licence
is in knowledge/data/MINILM-LICENSE). A second source beside knowledge/relatives.py: WordNet
misses many everyday equivalences a reader's question uses.

Like a relative, a neighbour is looked up only for a question word the article never uses,
and only the neighbours the article uses count (see knowledge/index.py's related()).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["neighbours"]

_FILE = "neighbours.txt"


@cache
def _table() -> dict[str, str]:
    """stem -> its neighbours as written in the file (split on demand, as relatives are)."""
    path = resources.files("knowledge") / "data" / _FILE
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, rest = line.partition("\t")
        table[key] = rest
    return table


@cache
def neighbours(stemmed: str) -> frozenset[str]:
    """The stems of the words the model places nearest this stem's word (empty when unknown)."""
    return frozenset(_table().get(stemmed, "").split())
