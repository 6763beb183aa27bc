"""Words that can stand for a word (knowledge/relatives.py) and the script that makes them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.lexicon import stem
from knowledge.relatives import is_verb, relatives

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("word", "other"),
    [("attorney", "lawyer"), ("jail", "imprison"), ("petrol", "gasoline"), ("detention", "detain")],
)
def test_a_word_reaches_its_synonyms_and_family(word: str, other: str) -> None:
    assert stem(other) in relatives(stem(word))


def test_a_noun_reaches_only_its_noun_senses() -> None:
    """'name' as a verb can mean 'call'; 'the name of' cannot."""
    assert stem("call") in relatives(stem("name"))
    assert stem("call") not in relatives(stem("name"), noun=True)


def test_a_word_it_does_not_know_has_no_relatives() -> None:
    assert relatives("qwzx") == frozenset()
    assert not is_verb("qwzx")
    assert is_verb(stem("pay")) and not is_verb(stem("salary"))


# A WordNet database in miniature: 'lawyer'/'attorney' share a noun synset, 'jail' (verb) has
# 'imprison' and, through a derivational pointer, the noun 'jailer'; 'swum' is listed as an
# irregular form of 'swim', which can mean 'bathe'.
DATA = {
    "data.noun": [
        "00000001 18 n 02 lawyer 0 attorney 0 000 | a professional person",
        "00000002 18 n 01 jailer 0 001 + 00000003 v 0101 | someone who guards prisoners",
    ],
    "data.verb": [
        "00000003 41 v 03 jail 0 imprison 0 gaol 0 001 + 00000002 n 0101 | lock up",
        "00000004 38 v 02 swim 0 bathe 0 000 | travel through water",
    ],
    "data.adj": [],
    "data.adv": [],
    "index.noun": [
        "attorney n 1 0 1 0 00000001",
        "jailer n 1 1 + 1 0 00000002",
        "lawyer n 1 0 1 0 00000001",
    ],
    "index.verb": [
        "gaol v 1 0 1 0 00000003",
        "imprison v 1 0 1 0 00000003",
        "jail v 1 1 + 1 0 00000003",
        "bathe v 1 0 1 0 00000004",
        "swim v 1 0 1 0 00000004",
    ],
    "index.adj": [],
    "index.adv": [],
    "noun.exc": [],
    "verb.exc": ["swum swim"],
    "adj.exc": [],
    "adv.exc": [],
}


def test_the_script_reads_a_wordnet_database(tmp_path: Path) -> None:
    for name, lines in DATA.items():
        (tmp_path / name).write_text("".join(f"{line}\n" for line in lines), encoding="latin-1")
    out = tmp_path / "relatives.txt"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "make_relatives.py"),
            str(tmp_path),
            "-o",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    table = dict(line.split("\t", 1) for line in out.read_text(encoding="utf-8").splitlines())
    assert table[stem("lawyer")] == f"n:{stem('attorney')}"
    assert (
        table[stem("jail")]
        == f"v:{' '.join(sorted({stem('gaol'), stem('imprison'), stem('jailer')}))}"
    )
    assert table[stem("swum")] == f"v:{stem('bathe')} {stem('swim')}"
