"""Write knowledge/data/relatives.txt: per English word stem, the stems of words that can mean
the same ('attorney' -> 'lawyer', 'imprison' -> 'jail') or of its own derivational family
('detention' -> 'detain'), read from Princeton WordNet 3.0.

WordNet is read from its database files (Debian: `apt-get install wordnet-base`, which puts them
in /usr/share/wordnet). Only a word's most frequent sense in each part of speech counts (the
index files list senses most frequent first), so rarer senses ('boss' as a raised ornament) do
not bridge unrelated words; two senses each cost more abstentions than they won answers.
Each line: the stem, then per part of speech (n, v, a, r) the relatives' stems. The engine
only looks a word up when the article never uses it, and only keeps relatives the article
uses: see knowledge/relatives.py.

Run: python scripts/make_relatives.py [WORDNET_DIR] [-o knowledge/data/relatives.txt]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from knowledge.lexicon import lexicon, stem

POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
SENSES = {"n": 1, "v": 1, "a": 1, "r": 1}
"""How many of a word's most frequent senses give it relatives."""
SYNSET_SIZE = 8
"""A sense with more lemmas than this is a loose grouping ('do', 'make', 'get'): skipped."""
_LEMMA = re.compile(r"^[a-z]+$")


def read_data(
    folder: Path, pos: str, lower: bool = True
) -> dict[str, tuple[list[str], list[tuple[str, str, int]]]]:
    """offset -> (lemmas, [(pointer, target offset + pos, source/target word number)]); with
    `lower` False the lemmas keep their case (scripts/make_neighbours.py tells names by it)."""
    synsets: dict[str, tuple[list[str], list[tuple[str, str, int]]]] = {}
    for line in (folder / f"data.{pos}").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split(" | ")[0].split()
        offset, count = fields[0], int(fields[3], 16)
        lemmas = [fields[4 + 2 * i] for i in range(count)]
        lemmas = [lemma.lower() for lemma in lemmas] if lower else lemmas
        rest = fields[4 + 2 * count :]
        pointers = []
        for p in range(int(rest[0])):
            symbol, target, target_pos, numbers = rest[1 + 4 * p : 5 + 4 * p]
            target_pos = "a" if target_pos == "s" else target_pos
            pointers.append((symbol, f"{target}{target_pos}", int(numbers, 16)))
        synsets[f"{offset}{POS[pos]}"] = (lemmas, pointers)
    return synsets


def _read_index(folder: Path, pos: str) -> dict[str, list[str]]:
    """lemma -> its synsets, most frequent sense first."""
    senses: dict[str, list[str]] = {}
    for line in (folder / f"index.{pos}").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        lemma, count = fields[0], int(fields[2])
        senses[lemma] = [f"{o}{POS[pos]}" for o in fields[-count:]]
    return senses


def _clean(lemma: str) -> str | None:
    lemma = re.sub(r"\(.*\)$", "", lemma)
    return lemma if _LEMMA.match(lemma) else None


def build(folder: Path) -> dict[str, dict[str, set[str]]]:
    synsets: dict[str, tuple[list[str], list[tuple[str, str, int]]]] = {}
    for pos in POS:
        synsets.update(read_data(folder, pos))
    stops = lexicon().stopwords
    relatives: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for pos, tag in POS.items():
        for lemma, offsets in _read_index(folder, pos).items():
            word = _clean(lemma)
            if word is None or word in stops:
                continue
            key = stem(word)
            for offset in offsets[: SENSES[tag]]:
                lemmas, pointers = synsets[offset]
                found: list[str] = []
                if len(lemmas) <= SYNSET_SIZE:
                    found += lemmas
                number = next((n for n, w in enumerate(lemmas, 1) if w == lemma), 0)
                for symbol, target, source in pointers:
                    # '+': a derivationally related form of this very word ('detain').
                    if symbol == "+" and source >> 8 == number:
                        found.append(synsets[target][0][(source & 0xFF) - 1])
                for other in found:
                    clean = _clean(other)
                    if clean and clean not in stops and stem(clean) != key:
                        relatives[key][tag].add(stem(clean))
    _inflections(folder, relatives)
    return relatives


def _inflections(folder: Path, relatives: dict[str, dict[str, set[str]]]) -> None:
    """Irregular forms ('stolen' -> 'steal') share their base word's relatives."""
    for pos, tag in POS.items():
        path = folder / f"{pos}.exc"
        for line in path.read_text(encoding="latin-1").splitlines():
            parts = line.split()
            if len(parts) < 2 or not _LEMMA.match(parts[0]):
                continue
            form, base = stem(parts[0]), stem(parts[1])
            if form != base and tag in relatives.get(base, {}):
                relatives[form][tag] |= relatives[base][tag] | {base}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wordnet", nargs="?", default="/usr/share/wordnet", type=Path)
    parser.add_argument("-o", "--output", default="knowledge/data/relatives.txt", type=Path)
    args = parser.parse_args()
    relatives = build(args.wordnet)
    lines = [
        f"{key}\t" + "\t".join(f"{tag}:{' '.join(sorted(found[tag]))}" for tag in sorted(found))
        for key, found in sorted(relatives.items())
    ]
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} words -> {args.output}")


if __name__ == "__main__":
    main()
