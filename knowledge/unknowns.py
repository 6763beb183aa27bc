"""What the article says is not known: 'did not say when ...', 'it was not clear whether ...',
'a fee the clubs did not reveal', 'the date ... was not disclosed', 'an unnamed official'."""

from __future__ import annotations

import re

from knowledge.clauses import clause_start, mask_abbreviations
from knowledge.lexicon import lexicon
from knowledge.schema import Sentence
from knowledge.statements import FactDraft

__all__ = ["find_unknowns"]

_LEADS = (
    (re.compile(r"^(?:whether|if)\b"), "other"),
    (re.compile(r"^(?:how long|when|what time|the (?:date|timing|time))\b"), "time"),
    (re.compile(r"^(?:how many|how much)\b"), "number"),
    (re.compile(r"^where\b|^the (?:location|venue|place)\b"), "place"),
    (
        re.compile(r"^(?:why|(?:a|the|any) (?:reasons?|causes?)|what (?:caused|started|led to))\b"),
        "reason",
    ),
    (re.compile(r"^(?:who|whom|whose|the (?:identity|identities|names?))\b"), "identity"),
    (re.compile(r"^how\b"), "other"),
)
"""The aspect a not-known phrase is about, from the words that open it."""
_ASPECTS = {
    "where": "place",
    "when": "time",
    "why": "reason",
    "who": "identity",
    "whom": "identity",
    "how many": "number",
    "how much": "number",
}
_NUMBER_WORDS = re.compile(
    r"\b(?:price|cost|amount|fee|number|figure|how much|how many|value|size|sum|toll)\b"
)
_ANONYMOUS = {"unnamed", "undisclosed", "unidentified", "anonymous"}
_EMPTY_HOLDER = re.compile(r"^(?:(?:[Ii]t|[Tt]here)(?: (?:is|was|remains|remained))?|[Ii]t)$")
_LEADING = re.compile(r"^(?:and|but|while|as|so)\s+")
_TRAILING = re.compile(r"\s+(?:also|still|yet|so far|however|has|have|had)$")
_PASSIVE = re.compile(r"(?i)(?:is|was|were|are|has|have|had|remains?|remained|still|not|it)\b")
"""'was not disclosed', 'remains unknown', 'still unclear': what is unknown comes before."""
_RELATIVE = re.compile(
    r"(?P<subject>\b(?:a|an|the|its|his|her|their|any) (?:[\w’'-]+ ){0,2}?[\w’'-]+) "
    r"(?P<holder>(?:the |its |his |her |their )[\w’'-]+|[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*"
    r"|they|he|she|it)$"
)
"""'a fee the clubs [did not reveal]': what is not known, then who does not say."""
_PREPOSITIONS = {"of", "for", "in", "on", "at", "to", "by", "with", "from", "about"}
_WHICH_HOLDER = re.compile(r"^(?:which|whom|who|that) (?P<holder>.+)$")
_ANTECEDENT = re.compile(r"\b(?:an?|the|its|his|her|their) (?:[\w’'-]+ ){0,3}?[\w’'-]+,? $")
"""The noun phrase a ', which ...' clause is about: the last one before the comma."""


def _unknown_pattern() -> re.Pattern[str]:
    verbs = "|".join(re.escape(v) for v in lexicon().unknown_verbs)
    return re.compile(
        rf"\b(?P<verb>{verbs})\b(?P<rest>[^.;]*?)(?=, and |, but |; |\.|$)", re.IGNORECASE
    )


_UNKNOWN = _unknown_pattern()


def find_unknowns(sentences: list[Sentence]) -> list[FactDraft]:
    """'did not specify where ...', 'it was not clear who ...', 'an unnamed official'."""
    drafts: list[FactDraft] = []
    for sentence in sentences:
        text = mask_abbreviations(sentence.text)
        for match in _UNKNOWN.finditer(text):
            draft = FactDraft("not_known", sentence, match.start(), match.end())
            verb, rest = match.group("verb").lower(), match.group("rest").strip(" ,")
            if verb in _ANONYMOUS:
                noun = re.match(r"[\w’' -]+?(?=$| and | or |,)", rest)
                draft.put("subject", f"the identity of the {verb} {noun.group() if noun else ''}")
                draft.put("aspect", "identity")
            else:
                _put_what_and_who(draft, text, match, rest)
            drafts.append(draft)
    return drafts


def _put_what_and_who(draft: FactDraft, text: str, match: re.Match[str], rest: str) -> None:
    """Subject, aspect and holder: 'X did not say how ...', 'a fee X did not reveal', 'The date
    of the talks was not disclosed'."""
    before = _TRAILING.sub(
        "", _LEADING.sub("", text[clause_start(text, match.start()) : match.start()].strip(" ,"))
    )
    if not before:  # 'X, a spokeswoman for Y, declined to comment': the subject and its apposition
        before = text[: match.start()].strip(" ,")
    holder: str | None = before
    if re.match(r"(?:and|but|or)\b", rest):
        rest = ""  # 'the cause had not been determined and that ...': a new clause follows
    which = _WHICH_HOLDER.match(before)
    if not rest and which:
        # 'a thermostat from an outside supplier, which the company declined to name'
        antecedent = _ANTECEDENT.search(text, 0, clause_start(text, match.start()))
        rest = antecedent.group().strip(" ,") if antecedent else ""
        holder = which.group("holder")
    if not rest:
        relative = _RELATIVE.search(before)
        if relative and relative.group("subject").split()[-1] in _PREPOSITIONS:
            relative = None  # 'the cause of the fire [had not been determined]'
        if relative:
            rest, holder = relative.group("subject"), relative.group("holder")
        elif _PASSIVE.match(match.group("verb")):
            # 'The date ... was not disclosed': nobody named; 'warned that the cause of the
            # fire had not been determined': what follows 'that'
            rest, holder = re.split(r"\bthat ", before)[-1], None
    if holder and (_EMPTY_HOLDER.match(holder) or len(holder.split()) > 8):
        holder = None
    draft.put("subject", rest)
    naming = re.search(r"\b(?:name|identify)$", match.group("verb").lower())
    draft.put("aspect", "identity" if naming and not rest.startswith("wh") else _aspect(rest))
    draft.put("holder", holder)


def _aspect(rest: str) -> str:
    low = rest.lower()
    for lead, aspect in _LEADS:
        if lead.match(low):
            return aspect
    for word, aspect in _ASPECTS.items():
        if f" {word} " in f" {low[:40]} ":
            return aspect
    if _NUMBER_WORDS.search(low):
        return "number"
    for word in ("date", "time", "timing"):
        if re.search(rf"\b{word}\b", low):
            return "time"
    return "other"
