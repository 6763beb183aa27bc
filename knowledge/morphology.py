"""Derivational families: 'injured' and 'injuries', 'strike' and 'strikers', 'decide' and
'decision' share a root that their Snowball stems ('injur'/'injuri', 'strike'/'striker',
'decid'/'decis') do not, because Snowball only removes inflections and a few suffixes.

The root is found by a short, fixed series of generic English suffix rules applied to a stem;
nothing here is about one article. Two words are related only when both roots agree, so the
rules err towards leaving a word alone (short remainders are never stripped).
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["root"]

_SPELLING = ((re.compile(r"(?<=..)iz$"), "is"), (re.compile(r"(?<=...)our$"), "or"))
"""American and British spellings meet: 'organiz' -> 'organis', 'labour' -> 'labor'."""

_STEPS: tuple[tuple[re.Pattern[str], str], ...] = (
    # 'organis(ation)', 'criticis(e)' -> the noun or adjective they are made from.
    (re.compile(r"(?<=.{5})is$"), ""),
    # 'injuri(es)', 'discoveri' -> 'injur', 'discover': a noun in -y from a verb.
    (re.compile(r"(?<=.{4}r)i$"), ""),
    # Agent, patient and result nouns: 'strik(er)', 'evacu(ee)', 'fail(ur)', 'pay(ment)'.
    (re.compile(r"(?<=.{3})(?:er|ee|ur)$|(?<=.{4})or$|(?<=.{3})ment$"), ""),
    # Latinate alternations: 'decis(ion)' / 'decid(e)', 'respons(e)' / 'respond',
    # 'admiss(ion)' / 'admit', 'product(ion)' / 'produc(e)', 'recept(ion)' / 'receiv(e)'.
    (re.compile(r"(?<=.{3}[aeiou])s$"), "d"),
    (re.compile(r"(?<=.{4})ns$"), "nd"),
    (re.compile(r"(?<=.{2})miss$"), "mit"),
    (re.compile(r"(?<=.{3})uct$"), "uc"),
    (re.compile(r"(?<=.{2})cept$"), "ceiv"),
)
_DOUBLE = re.compile(r"([bdgmnprt])\1$")
"""'winn(er)', 'robb(er)': the consonant doubled before a suffix (not 'kill', 'pass')."""


@lru_cache(maxsize=65536)
def root(stemmed: str) -> str:
    """The derivational root of a Snowball stem: 'striker' and 'strike' give 'strik'."""
    if not stemmed.isalpha():
        return stemmed
    word = stemmed
    for pattern, replacement in _SPELLING:
        word = pattern.sub(replacement, word)
    for pattern, replacement in _STEPS:
        word = pattern.sub(replacement, word)
    word = _DOUBLE.sub(r"\1", word)
    # 'agree' is stemmed 'agre' but 'agreement' keeps both: every final 'e' goes.
    return re.sub(r"(?<=...)e+$", "", word)
