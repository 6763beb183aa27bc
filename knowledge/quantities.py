"""Quantities: what a number in the article measures ('Civic Renewal took 38.4 percent of the
vote', 'revenue of $2.31 billion', 'Quillon employs about 3,400 people', '31 people ... were')."""

from __future__ import annotations

import re

from knowledge.clauses import clause_start, mask_abbreviations, quote_spans
from knowledge.lexicon import lexicon, past_forms
from knowledge.schema import Sentence
from knowledge.statements import DATELINE, FactDraft

__all__ = ["find_quantities"]

_QUALIFIER = (
    r"(?:(?:about|around|roughly|nearly|almost|some|over|under|more than|less than|fewer than|"
    r"at least|at most|up to|just over|just under|an estimated|approximately) )"
)
_NOUN = (
    rf"(?!(?:{'|'.join(sorted(lexicon().stopwords, key=len, reverse=True))}|percent|said|says|"
    rf"below|above|across|among|around|earlier|later|last|next|each|every|a)\b)[a-z][a-z-]*[a-z]"
)
_COUNTED = rf"(?: {_NOUN}(?: {_NOUN})?)"
_QUANTITY = re.compile(
    rf"(?<![\w.,$€£¥-])(?P<value>"
    rf"(?P<number>(?P<money>[$€£¥] ?)?\d(?:[\d,]*\d)?(?:\.\d+)?(?! ?[ap][.\u2024]?m\b))"
    rf"(?P<unit>(?: ?%| percent\b| per cent\b)(?: of (?:the |its |their )?{_NOUN}(?: {_NOUN})?)?"
    rf"| of (?:the )?\d[\d,]* [a-z]+"
    rf"|(?: (?:million|billion|trillion)\b)?{_COUNTED}?))"
    rf"(?![\w-]|\.\d)"
)
_DIGIT = re.compile(r"\d")
_LEAD = re.compile(rf"(?i:{_QUALIFIER})$")
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_AUXILIARY = {
    "be", "been", "being", "is", "are", "was", "were", "has", "have", "had", "will", "would",
    "could", "can", "may", "might", "must", "should", "did", "does", "do", "not", "also",
    "still", "now", "already", "just", "only", "then", "reportedly",
}  # fmt: skip
_DETERMINERS = {"all", "the", "its", "their", "his", "her", "another", "a", "an", "some"}
_PREPOSITIONS = {"by", "to", "from", "for", "at", "with", "than", "up", "over", "about", "in"}
_PREPOSITIONS |= {"between", "among", "around"}
_PARTICLES = {"out", "up", "down", "off", "back", "away"}
_MEASURED_BY = {"by", "to", "from", "for"}
"""'revenue by 5%', 'the fund from 4.2 billion', 'Ardent for $4.2 billion': the noun before."""
_CONJUNCTIONS = {"and", "but", "while", "whereas", "as", "so", "or"}
_PRONOUNS = {"it", "they", "he", "she", "we", "i", "you", "this", "that", "these", "those"}
_RELATIVES = {"which", "who", "whose"}
_CLAUSE_WORDS = _AUXILIARY | _RELATIVES | {"that", "if", "when", "because"}
"""A subject holding one of these is a whole clause: the verb was guessed wrong."""
_SKIP_BEFORE = re.compile(
    r"\b(?:aged|No|Nos|number|page|chapter|article|section|minute|round|grade|level|Jan|Feb|Mar|"
    r"Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|May|June|July|August|"
    r"September|October|November|December)[.\u2024]?\s*$"
)
_NAME_BEFORE = re.compile(r"\w [A-Z][\w-]*\s$")
_WORD = re.compile(r"[\w’'.\u2024%$-]+")


def find_quantities(sentences: list[Sentence]) -> list[FactDraft]:
    """Every number the article gives, as an attribute of what it measures."""
    drafts: list[FactDraft] = []
    for sentence in sentences:
        if _DIGIT.search(sentence.text) is None:
            continue
        text = mask_abbreviations(sentence.text)
        quotes = quote_spans(text)
        for match in _QUANTITY.finditer(text):
            if any(a <= match.start() < b for a, b in quotes) or _not_a_quantity(text, match):
                continue
            lead = _LEAD.search(text, max(0, match.start() - 16), match.start())
            start = lead.start() if lead else match.start()
            subject = _measured(text, match, start)
            if subject:
                draft = FactDraft("attribute", sentence, start, match.end())
                draft.put("subject", subject)
                draft.put("value", text[start : match.end()])
                drafts.append(draft)
    return drafts


def _not_a_quantity(text: str, match: re.Match[str]) -> bool:
    """A bare number (an age, a day of the month, a rank), a year, or 'aged 80'."""
    unit = match.group("unit")
    measure = bool(match.group("money")) or "%" in unit or " per" in unit
    if measure:
        return False
    if not unit.strip() or _YEAR.match(match.group("number")):
        return True
    if _NAME_BEFORE.search(text, 0, match.start()):
        return True  # 'the Stoxx 600 index', 'a Boeing 737 jet': part of a name
    return bool(_SKIP_BEFORE.search(text, 0, match.start("number")))


def _measured(text: str, match: re.Match[str], start: int) -> str | None:
    """What the number measures: 'revenue' in 'revenue of $2 billion', the clause's subject in
    'X took 38 percent', the noun after a number that opens a clause ('31 people ... were')."""
    clause = clause_start(text, start)
    dateline = DATELINE.match(text)  # 'NAIRAVI, March 4 (Reuters) - A measles outbreak ...'
    if dateline and clause < dateline.end() <= start:
        clause = dateline.end()
    while text.endswith("such as ", 0, clause):
        clause = clause_start(text, clause - len(" such as "))  # 'effects such as a cough'
    words = _WORD.findall(text[clause:start])
    if not words or words[-1] == "that" or words[-1] in lexicon().cue_verbs:
        return _noun_after(text, match)
    if words[-1] == "of":
        return _noun_before(words[:-1])
    preposition = ""
    while len(words) > 1 and words[-1] in _PREPOSITIONS:
        preposition = words.pop()
    while len(words) > 1 and _has_digit(words[-1]):
        words.pop()  # 'rose 4.6% to $57.80': skip back over the first quantity
    if preposition and not _is_verb(words[-1]) and not (len(words) > 1 and words[-2] in _AUXILIARY):
        return _noun_before(words) if preposition in _MEASURED_BY else None
    while words and words[-1] in _DETERMINERS:
        words.pop()
    if not words or not words[-1][:1].islower():
        return _noun_before(words) if words else None
    while len(words) > 1 and words[-1] in _PARTICLES:
        words.pop()  # 'has paid out about 8 billion euros'
    words.pop()  # the verb: 'took', 'employs', 'fell'
    while words and words[-1].lower() in _AUXILIARY:
        words.pop()
    return _clause_subject(text, clause, words)


def _is_verb(word: str) -> bool:
    return word.endswith("ed") or word in past_forms()


def _has_digit(word: str) -> bool:
    return any(char.isdigit() for char in word)


def _clause_subject(text: str, clause: int, words: list[str]) -> str | None:
    cues = [i for i, w in enumerate(words) if w in lexicon().cue_verbs or w == "that"]
    if cues:
        words = words[cues[-1] + 1 :]  # 'X said the trial enrolled 18,640 volunteers'
    while words and words[0].lower() in _CONJUNCTIONS:
        words = words[1:]
    if not words or len(words) > 10 or words[0].lower() in _PRONOUNS:
        return None
    if words[0].lower() in _RELATIVES:
        return _antecedent(text, clause)
    if any(w in _CLAUSE_WORDS or w in lexicon().cue_verbs or _is_verb(w) for w in words):
        return None
    return " ".join(words)


def _noun_before(words: list[str]) -> str | None:
    """The noun phrase that ends a list of words: 'fourth-quarter revenue', 'Ardent Robotics'."""
    stop = lexicon().stopwords
    phrase: list[str] = []
    for word in reversed(words):
        if _has_digit(word) or word in lexicon().cue_verbs:
            return None  # the counted noun of another number ('from 4.2 billion crowns to')
        capital = word[:1].isupper()
        if word.lower() in stop or (len(phrase) >= 2 and not capital) or _is_verb(word):
            break
        if phrase and phrase[0][:1].isupper() != capital:
            break
        phrase.insert(0, word)
    return " ".join(phrase) or None


def _noun_after(text: str, match: re.Match[str]) -> str | None:
    """'31 people in the vaccine group were admitted': the counted noun up to the verb."""
    after = re.match(
        r"(?P<np>(?:[\w’'-]+ ){0,5}?)(?:were|was|are|is|have|has|had|will|would|could|remain|"
        r"remained|died|account|accounted)\b",
        text[match.end() :].lstrip(),
    )
    counted = match.group("value").split()[-1]
    if after is None:
        return None
    np = after.group("np").strip()
    if not counted[:1].isalpha():
        return np or None
    return f"{counted} {np}".strip()


def _antecedent(text: str, clause: int) -> str | None:
    """The name a relative clause ('whose party holds ...') hangs on."""
    name = re.search(r"([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*),\s*$", text[:clause])
    return name.group(1) if name else None
