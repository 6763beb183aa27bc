"""Phrase finders shared by the fact extractors: times, places, reasons, quotes, noun phrases."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from knowledge.lexicon import lexicon

__all__ = [
    "MASKED_DOT",
    "Phrase",
    "clause_start",
    "find_place",
    "find_purpose",
    "find_reason",
    "find_time",
    "mask_abbreviations",
    "quote_spans",
    "time_pattern",
]

MASKED_DOT = "\u2024"
"""Stands in for the full stop of an abbreviation ('St. Louis') while clauses are cut at '.'."""
_ABBREVIATION = re.compile(
    r"\b(?:St|Mt|Ft|Dr|Mr|Mrs|Ms|Prof|No|Gen|Col|Lt|Sgt|Capt|Sen|Rep|Gov|Inc|Corp|Co|Ltd|Jr|Sr|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|approx)\.(?=\s|,)"
    r"|\b(?:[A-Z]\.){2,}|\b[ap]\.m\."
)
_BOUNDARY = re.compile(
    r",\s|;\s|:\s|\s(?:and|but|while|as|after|before|because|since|when|whereas)\s|[“”\"]"
)


@dataclass(frozen=True)
class Phrase:
    """A span of a sentence: its text and offsets."""

    text: str
    start: int
    end: int


def mask_abbreviations(text: str) -> str:
    """The text with every abbreviation's full stop replaced by MASKED_DOT (same length)."""
    return _ABBREVIATION.sub(lambda m: m.group().replace(".", MASKED_DOT), text)


@cache
def time_pattern() -> re.Pattern[str]:
    """Dates and times: 'on Friday', 'yesterday (Friday)', 'this week', 'Jan. 15', 'in 2023'."""
    lex = lexicon()
    days = "|".join(sorted(lex.weekdays, key=len, reverse=True))
    months = "|".join(
        re.escape(m.title()).replace(r"\.", f"[.{MASKED_DOT}]")
        for m in sorted(lex.months, key=len, reverse=True)
    )
    relative = "|".join(re.escape(r) for r in lex.relative_times if r != "as early as")
    day = rf"(?:{days.title()}|{days})"
    return re.compile(
        rf"(?:(?:early|late|earlier|later) )?(?:on |this |last |next |by |from |until |since )?"
        rf"(?:(?:{relative})(?: \({day}\))?|{day}(?: (?:morning|afternoon|evening|night))?"
        rf"|(?:the )?(?:end|start|beginning|middle) of (?:{months}|the year|the month)"
        rf"|(?:{months}) \d{{1,2}}(?!\d)(?:, \d{{4}})?|(?:{months})(?: \d{{4}})?"
        rf"|(?:in )?(?:19|20)\d\d"
        rf"|\d{{1,2}}(?::\d\d)? ?[ap][.{MASKED_DOT}]m[.{MASKED_DOT}]"
        rf"|(?:before|after|during|until|ahead of) (?-i:[A-Z])[a-z]{{3,}}"
        rf"|(?:in|over|during|within) the (?:past|last|next|coming) (?:\w+ )?"
        rf"(?:days?|weeks?|months?|years?|decades?)"
        rf"(?= |,|\.|$))"
        rf"(?:,? (?:as early as |by )?{day})?",
        re.IGNORECASE,
    )


def find_time(text: str, start: int = 0, end: int | None = None) -> Phrase | None:
    """The first time expression in text[start:end]."""
    match = time_pattern().search(text, start, len(text) if end is None else end)
    if not match:
        return None
    phrase = match.group().strip()
    return Phrase(phrase, match.start(), match.start() + len(phrase))


def find_place(text: str, start: int = 0, places: frozenset[str] = frozenset()) -> Phrase | None:
    """'in Cairo', 'at the prime minister's residence in Lindhaven': a locative phrase."""
    for match in _LOCATIVE.finditer(text, start):
        words = match.group(1)
        name = _PLACE_NAME.match(words)
        preposition = "in" if name and name.group("of") else match.group().split()[0]
        if name and _is_place(name.group("name"), preposition, places):
            end = match.start(1) + name.end()
            return Phrase(text[match.start(1) : end], match.start(1), end)
    return None


_LOCATIVE = re.compile(
    r"\b(?:in|at|to|from|near|inside|outside|through|across) (?=((?:the )?[^,.;]+))"
)
_PLACE_NAME = re.compile(
    rf"(?:the )?(?:(?:central|northern|southern|eastern|western|downtown|rural) )?"
    rf"(?P<of>(?:[A-Za-z]+ )?(?:city|town|village|province|region|district|state|port) of )?"
    rf"(?P<name>[A-Z][\w’'.{MASKED_DOT}-]*(?: [A-Z][\w’'.-]*)*)"
    rf"(?: (?:capital|city|town|port|border|coast|region|province)\b)?"
)
"""'the town of Faenza' (a place after any preposition), 'the Arvenian capital'."""


def _is_place(name: str, preposition: str, places: frozenset[str]) -> bool:
    """A gazetteer place, a known place, or a capitalised name after 'in', 'at' or 'near' that
    is not a month, a weekday or an organisation ('in St. Louis', not 'in November')."""
    lex = lexicon()
    low = name.lower()
    if low in lex.places or name in places:
        return True
    if preposition not in ("in", "at", "near", "outside", "inside", "through", "across"):
        return False
    words = re.sub(r"['’]s\b", "", low).split()
    calendar = lex.months | lex.weekdays
    return not (words[0] in calendar or f"{words[0]}." in calendar or set(words) & lex.org_words)


def _phrase_after(text: str, pattern: str, start: int) -> Phrase | None:
    match = re.compile(pattern).search(text, start)
    if not match:
        return None
    rest = match.end()
    stop = re.compile(r"[,;.](?:\s|$)|[”\"]").search(text, rest)
    end = stop.start() if stop else len(text)
    phrase = text[match.start() : end].strip()
    return Phrase(phrase, match.start(), match.start() + len(phrase)) if len(phrase) > 4 else None


def find_reason(text: str, start: int = 0) -> Phrase | None:
    """'after expressing frustration ...', 'because demand collapsed': why something happened."""
    return _phrase_after(
        text,
        r"\b(?:after|because(?: of)?|due to|amid|following|in protest at|on suspicion of"
        r"|over(?! (?:the )?(?:next |past |last |coming )?(?:\d|a |an |one|two|three|four|five"
        r"|six|seven|eight|nine|ten|several|many|half)\b)"
        r"|for (?=[a-z]+ing\b)|for (?=what (?:it|he|she|they) (?:called|described as)\b)"
        r"|citing|as a result of|in response to|in the wake of|owing to|in retaliation for"
        r"|for fear (?:of|that)|prompted by|on (?:the )?grounds (?:of|that)|in connection with"
        r"|on charges? of|in protest (?:at|against|over))\b\s?",
        start,
    )


def find_purpose(text: str, start: int = 0) -> Phrase | None:
    """'as part of efforts to ...', 'to discuss ...', 'for consultation with ...'."""
    return _phrase_after(
        text,
        r"\b(?:as part of|in an? (?:bid|effort|attempt) to|in order (?:to|that)|to discuss"
        r"|so (?:that|as to)|with the (?:aim|goal|intention) of|aimed at|with a view to"
        r"|as (?:the |it |they |he |she )?[\w -]{0,40}?(?:tries|try|seeks|seek|aims|aim|looks|"
        r"struggles|attempts) to"
        r"|(?<!according )to (?!the |a |an |its |his |her |their |this |that |\d|one |two |three "
        r"|four |five |six |seven |eight |nine |ten |about |around |nearly |more |less )(?=[a-z]+ )"
        r"|for (?=consultations?|talks|discussions|a meeting))",
        start,
    )


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation including its marks; an unclosed quote runs to the end."""
    spans: list[tuple[int, int]] = []
    if '"' not in text and "“" not in text and "”" not in text:
        return spans  # most sentences: skip the scan character by character
    opened: int | None = None
    for i, char in enumerate(text):
        straight = char == '"'
        if opened is None and (char == "“" or (straight and _opens(text, i))):
            opened = i
        elif opened is not None and (char == "”" or straight):
            spans.append((opened, i + 1))
            opened = None
    if opened is not None:
        spans.append((opened, len(text)))
    return spans


def _opens(text: str, i: int) -> bool:
    return i == 0 or not text[i - 1].isalnum() or text[i - 1] in " ([—-"


def clause_start(text: str, end: int) -> int:
    """Where the clause that ends at `end` begins: after the last comma, 'and', quote or colon."""
    start = 0
    for match in _BOUNDARY.finditer(text, 0, end):
        if match.end() <= end:
            start = match.end()
    return start
