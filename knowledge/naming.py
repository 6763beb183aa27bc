"""Whether a sentence names what a question asks to identify ('Which outside firm ...?').

'Which outside firm was hired?' is not answered by 'it had hired an outside firm to review
...': the sentence holds every word of the question, yet the firm stays unnamed. A mention of
the asked noun pins it down when a name stands next to it ('head coach Viktor Hale', 'Jonah
Whitcombe, the company's chief executive'), when it is definite or possessed ('the city',
'its plant'), or when a detail with a name or a number follows it ('14 villages below the
Sarny dam', 'an offer of a 4.5 percent raise'). Bare and indefinite mentions ('two shipping
lines had begun ...', 'an outside firm to review ...', 'expel Hamas leaders from the country')
leave it open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from knowledge.lexicon import lexicon, past_forms, stem

__all__ = ["asked_agent_verb", "leaves_agent_unnamed", "leaves_unnamed"]

_TOKEN = re.compile(r"[A-Za-z0-9$][\w'’.$%-]*[\w%]|[A-Za-z0-9$%]|[,;:()\"“”]")
_POSSESSIVE = re.compile(r"['’]s?$")
_DEFINITE = frozenset(
    {"the", "its", "his", "her", "their", "this", "that", "these", "those", "our", "whose"}
)
_NAMING = frozenset({"called", "named", "known", "such", "including", "like", "dubbed"})
"""Words after a noun that go on to name it ('a rival, called ...', 'firms such as ...')."""
_PREPOSITIONS = frozenset(
    {"of", "in", "at", "from", "below", "above", "near", "on", "for", "with", "by", "based"}
)
DETAIL_REACH = 4
"""Words after a preposition searched for the name or number that pins the noun down."""


@dataclass(frozen=True)
class _Token:
    text: str
    stem: str
    possessive: bool


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[_Token, ...]:
    found = []
    for raw in _TOKEN.findall(text):
        word = _POSSESSIVE.sub("", raw)
        found.append(_Token(word, stem(word.lower()), word != raw))
    return tuple(found)


def leaves_unnamed(asked: tuple[str, ...], text: str) -> bool:
    """The sentence mentions the asked noun ('firm' of 'which outside firm') only in ways that
    leave it unnamed; False when it does not mention it at all or names it somewhere."""
    stems = {stem(w) for w in asked}
    tokens = _tokens(text)
    verdicts = [_pinned(tokens, start, end, stems) for start, end in _runs(tokens, stems)]
    mentions = [v for v in verdicts if v is not None]
    return bool(mentions) and not any(mentions)


def _runs(tokens: tuple[_Token, ...], stems: set[str]) -> list[tuple[int, int]]:
    """Spans of consecutive tokens that are all words of the asked noun phrase."""
    runs = []
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and tokens[j].stem in stems:
            j += 1
        if j > i:
            runs.append((i, j))
        i = max(j, i + 1)
    return runs


def _pinned(tokens: tuple[_Token, ...], start: int, end: int, stems: set[str]) -> bool | None:
    """Whether the mention tokens[start:end] names or pins down its noun; None when the
    mention only modifies another noun ('the three-party coalition', 'a fuel line')."""
    after = tokens[end].text if end < len(tokens) else ""
    if after[:1].islower() and after not in _PREPOSITIONS | _NAMING | lexicon().stopwords:
        return None
    before = tokens[start - 1] if start else None
    if _capital(tokens, end - 1) or after[:1].isupper() or after in _NAMING:
        return True
    if before is not None and (before.possessive or before.text.lower() in _DEFINITE):
        return True
    if before is not None and _capital(tokens, start - 1) and before.stem not in stems:
        return True
    if _apposed_after(tokens, start):
        return True
    detail = [t.text for t in tokens[end + 1 : end + 1 + DETAIL_REACH]]
    if after == ",":
        return any(w[:1].isupper() for w in detail)
    return after in _PREPOSITIONS and any(w[:1].isupper() or w[:1] in "$0123456789" for w in detail)


def _apposed_after(tokens: tuple[_Token, ...], start: int) -> bool:
    """'Solvane Automation, a smaller rival': the mention is set after a name and a comma."""
    i = start - 1
    while i >= 0 and tokens[i].text[:1].islower():
        i -= 1
    return i > 0 and tokens[i].text == "," and tokens[i - 1].text[:1].isupper()


def _capital(tokens: tuple[_Token, ...], i: int) -> bool:
    """A capitalised word that is not the sentence's first: part of a name."""
    return i > 0 and tokens[i].text[:1].isupper()


_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_ADJECTIVAL = frozenset({"a", "an", "the", "its", "his", "her", "their", "this", "that"})
_NOT_VERBS = _BE | frozenset(
    [
        "has",
        "have",
        "had",
        "did",
        "does",
        "do",
        "will",
        "would",
        "can",
        "could",
        "should",
        "else",
        "exactly",
        "the",
    ]
)
AGENT_REACH = 4
"""Words after a passive participle searched for the 'by' that names who did it."""


@lru_cache(maxsize=1024)
def asked_agent_verb(text: str) -> str | None:
    """The verb of 'Who founded X?' / 'Who leaked the memo?': a who-question about the doer
    of an action (not 'Who was arrested?', 'Who did she meet?', 'Who is X?')."""
    match = re.match(r"\s*who\s+([a-z]+)\b", text.lower())
    if match is None or match.group(1) in _NOT_VERBS:
        return None
    return match.group(1)


def leaves_agent_unnamed(verb: str, text: str) -> bool:
    """The sentence tells of the action only in the passive, without a 'by' naming its doer
    ('since it was founded in 2017', 'a leaked draft agreement'): asked who did it, it has
    no answer; False when it does not use the verb or uses it actively somewhere."""
    wanted = stem(verb)
    tokens = _tokens(text)
    uses = [i for i, token in enumerate(tokens) if token.stem == wanted]
    return bool(uses) and all(_agentless(tokens, i) for i in uses)


def _agentless(tokens: tuple[_Token, ...], i: int) -> bool:
    word = tokens[i].text.lower()
    if not word.endswith(("ed", "en")) and word not in past_forms():
        return False
    before = [t.text.lower() for t in tokens[max(0, i - 2) : i]]
    # 'Founded in 2011, Quillon employs ...': a participle opening the sentence is passive
    passive = i == 0 or (before[-1] in _BE | _ADJECTIVAL or (len(before) == 2 and before[0] in _BE))
    after = [t.text.lower() for t in tokens[i + 1 : i + 1 + AGENT_REACH]]
    return passive and "by" not in after
