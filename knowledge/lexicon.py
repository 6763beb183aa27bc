"""Generic English word lists (from data files) and the small text helpers built on them."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import snowballstemmer

__all__ = ["Lexicon", "lexicon", "normalise", "past_forms", "stem", "tokens"]

_WORD = re.compile(r"[A-Za-z0-9]+(?:[-'’.][A-Za-z0-9]+)*")
_STEMMER = snowballstemmer.stemmer("english")


@dataclass(frozen=True)
class Lexicon:
    """Word lists the builder and the engine share; see knowledge/data/*.json."""

    titles: frozenset[str]
    relatives: frozenset[str]
    """Kin nouns ('brother', 'wife'): people, though no title."""
    cue_verbs: tuple[str, ...]
    meeting_verbs: tuple[str, ...]
    unknown_verbs: tuple[str, ...]
    demonyms: frozenset[str]
    org_words: frozenset[str]
    place_words: frozenset[str]
    event_words: frozenset[str]
    places: frozenset[str]
    weekdays: frozenset[str]
    months: frozenset[str]
    relative_times: tuple[str, ...]
    stopwords: frozenset[str]
    light_words: frozenset[str]
    """Common verbs and modifiers that carry little of a question's topic ('think', 'seen')."""
    synonyms: tuple[frozenset[str], ...]


_SYNONYM_FILES = ("synonyms.json", "synonyms_news.json", "synonyms_everyday.json")


def _exists(name: str) -> bool:
    return (resources.files("knowledge") / "data" / name).is_file()


def _load(name: str) -> dict[str, list[object]]:
    text = (resources.files("knowledge") / "data" / name).read_text(encoding="utf-8")
    data: dict[str, list[object]] = json.loads(text)
    return data


@cache
def lexicon() -> Lexicon:
    """Load the word lists once."""
    raw = _load("lexicon.json")
    words = {
        key: [str(w) for w in value]
        for key, value in raw.items()
        if key not in ("_comment", "irregular")
    }
    groups = [g for name in _SYNONYM_FILES if _exists(name) for g in _load(name)["groups"]]
    return Lexicon(
        titles=frozenset(words["titles"]),
        relatives=frozenset(words["relatives"]),
        cue_verbs=tuple(sorted(set(words["cue_verbs"]), key=len, reverse=True)),
        meeting_verbs=tuple(words["meeting_verbs"]),
        unknown_verbs=tuple(sorted(set(words["unknown_verbs"]), key=len, reverse=True)),
        demonyms=frozenset(words["demonyms"]),
        org_words=frozenset(words["org_words"]),
        place_words=frozenset(words["place_words"]),
        event_words=frozenset(words["event_words"]),
        places=frozenset(words["places"]),
        weekdays=frozenset(words["weekdays"]),
        months=frozenset(words["months"]),
        relative_times=tuple(sorted(words["relative_times"], key=len, reverse=True)),
        stopwords=frozenset(words["stopwords"]),
        light_words=frozenset(words["light_words"]),
        synonyms=tuple(
            frozenset(str(w) for w in group) for group in groups if isinstance(group, list)
        ),
    )


def normalise(text: str) -> str:
    """Lower-case, straighten quotes and apostrophes, and drop possessive endings."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"'s\b", "", text.lower())


_US = re.compile(r"\bU\.?S\.?(?=\W|$)")


def tokens(text: str) -> list[str]:
    """Lower-case word tokens of a text, possessives dropped ("Hamas’s" gives "hamas").

    "US" becomes "usa" first, so the country is not mistaken for the pronoun "us".
    """
    text = _US.sub("USA", text)
    words = (part.strip(".") for t in _WORD.findall(normalise(text)) for part in t.split("-"))
    return [w for w in words if w]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem of a lower-case word; irregular verb forms ('met', 'told')
    are first taken back to their base form, which Snowball alone does not do."""
    result: str = _STEMMER.stemWord(_irregular().get(word, word))
    if word.endswith(("er", "ers")) and word.startswith(f"{result}er"):
        # Snowball takes 'reporter' to 'report' and 'officer' to 'office': the person is
        # not the thing. Agent nouns keep their ending; morphology.root still relates them.
        return f"{result}er"
    return result


@cache
def _irregular() -> dict[str, str]:
    raw = _load("lexicon.json")["irregular"]
    assert isinstance(raw, dict)
    return {str(k): str(v) for k, v in raw.items()}


@cache
def past_forms() -> frozenset[str]:
    """Irregular verb forms ('left', 'took', 'held'): a word a clause's verb may be."""
    return frozenset(_irregular())
