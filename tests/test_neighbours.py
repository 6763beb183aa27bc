"""Words a sentence-embedding model places near a word (knowledge/neighbours.py), the script
that makes them, and the paraphrases they bridge."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from knowledge.builder import build_fact_base
from knowledge.engine import Engine
from knowledge.index import Index, build_index, is_known, related
from knowledge.lexicon import stem
from knowledge.neighbours import neighbours
from knowledge.question import concepts_of
from knowledge.relatives import relatives

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("word", "other"),
    [("inmates", "prisoner"), ("cash", "money"), ("jail", "prison"), ("employer", "company")],
    ids=["inmates", "cash", "jail", "employer"],
)
def test_a_word_reaches_everyday_equivalents_wordnet_lacks(word: str, other: str) -> None:
    """The model places these pairs together, both ways; WordNet's relatives do not."""
    assert stem(other) in neighbours(stem(word)) and stem(word) in neighbours(stem(other))
    assert stem(other) not in relatives(stem(word))


@pytest.mark.parametrize(
    ("word", "other"),
    [("buy", "sell"), ("win", "lose"), ("increase", "decrease"), ("today", "yesterday")],
    ids=["buy-sell", "win-lose", "increase-decrease", "today-yesterday"],
)
def test_opposites_and_other_times_are_not_neighbours(word: str, other: str) -> None:
    """The model puts 'buy' and 'sell' close (0.76), but one never stands for the other."""
    assert stem(other) not in neighbours(stem(word))


def test_numbers_have_no_neighbours() -> None:
    """'two' must never reach 'three'."""
    assert neighbours(stem("two")) == frozenset() and neighbours("qwzx") == frozenset()


ARTICLE = (
    "Guards said 40 prisoners escaped from the Drevna jail on Monday night.\n\n"
    "Farmers said they would sell their cattle before the winter.\n\n"
    "The rebels' armed wing attacked a convoy near the border.\n"
)


@pytest.fixture(scope="module")
def index() -> Index:
    """The index of a short article about an escape, a market and an attack."""
    return build_index(build_fact_base(ARTICLE))


def test_a_neighbour_bridges_a_word_the_article_never_uses(index: Index) -> None:
    """'inmates' is not in the article, nor any WordNet relative of it; 'prisoners' is."""
    widened = related(concepts_of(["inmates"])[0], index)
    assert f"*{stem('prisoner')}" in widened and is_known(widened, index)


def test_an_opposite_does_not_bridge(index: Index) -> None:
    """The farmers sell: a question about buying must not find them."""
    assert not is_known(related(concepts_of(["buy"])[0], index), index)


def test_a_neighbour_the_question_itself_uses_does_not_count_again(index: Index) -> None:
    """'What weapons does the armed wing have?': 'armed' is the question's own word, so
    'weapons' does not reach it a second time."""
    concept = concepts_of(["weapons"])[0]
    assert f"*{stem('armed')}" in related(concept, index)
    assert f"*{stem('armed')}" not in related(concept, index, said={stem("armed")})


def test_a_paraphrase_is_answered_through_a_neighbour() -> None:
    """'How many inmates escaped?' is answered from the sentence about the prisoners."""
    answer = Engine(build_fact_base(ARTICLE)).ask("How many inmates escaped?")
    assert answer.answered and "40 prisoners escaped" in answer.sources[0].text


def _script() -> ModuleType:
    path = ROOT / "scripts" / "make_neighbours.py"
    spec = importlib.util.spec_from_file_location("make_neighbours", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_neighbours"] = module
    spec.loader.exec_module(module)
    return module


def test_the_script_finds_opposites_through_synonyms_and_satellites(tmp_path: Path) -> None:
    """WordNet says 'large' is the opposite of 'small' and 'huge' is similar to 'large': the
    script drops 'huge'/'small' and 'big'/'small' as well as 'large'/'small'."""
    data = {
        "data.noun": [],
        "data.verb": [],
        "data.adj": [
            "00000001 00 a 02 large 0 big 0 001 ! 00000002 a 0101 | above average in size",
            "00000002 00 a 01 small 0 001 ! 00000001 a 0101 | below average in size",
            "00000003 00 s 01 huge 0 001 & 00000001 a 0000 | unusually great in size",
        ],
        "data.adv": [],
    }
    for name, lines in data.items():
        (tmp_path / name).write_text("".join(f"{line}\n" for line in lines), encoding="latin-1")
    script = _script()
    opposed = script.antonyms(script._synsets(tmp_path))
    for word in ("large", "big", "huge"):
        assert frozenset({stem(word), stem("small")}) in opposed
    assert frozenset({stem("large"), stem("huge")}) not in opposed
