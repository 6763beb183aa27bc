"""Questions about who wrote the article, answered from its credit line.

'Who wrote this article?' is about the page, not the story: the body's sentences cannot
answer it (one that says 'she had written to the minister' would), the credit line can
('Reporting by Lena Vasko in Velstrad; Editing by Mark Ostrow', 'With AFP'). A question about
someone else's story ('Who wrote the Courier story?') names that story and is left to the
article's sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["CreditAsk", "asks_credit", "credit_answer"]

_PAGE = r"(?:(?:this|the|that) (?:article|story|piece|report|news(?: story)?|item)|this|it)"
_WRITE = (
    r"(?P<verb>wrote|write|writes|written|reported|reports|report|authored|filed|compiled"
    r"|edited|edits|edit)"
)
_ASKS_PAGE = re.compile(
    rf"^(?:so |and )?(?:who|which (?:reporters?|journalists?|writers?|editors?))"
    rf"(?: (?:has|had|was|were|did|does|do))? {_WRITE}(?: (?P<page>{_PAGE}))?"
    rf"(?: (?:up|for you|for us))?[\s?!.]*$"
    rf"|^(?:so |and )?(?:who(?:'s| is| are| was| were)|what(?:'s| is) the name of)"
    rf" (?:the )?(?P<role>author|authors|writer|writers|reporter|reporters|journalist"
    rf"|journalists|editor|editors|byline)(?: (?:of|for|behind) {_PAGE})?[\s?!.]*$"
    rf"|^whose (?:article|story|piece|report) is (?:this|it)[\s?!.]*$",
    re.IGNORECASE,
)
_WHO_IS = re.compile(r"^(?:who(?:'s| is| was)) (?P<name>[\w .'’-]+?)[\s?!.]*$", re.IGNORECASE)
_PART = re.compile(
    r"(?P<role>(?:additional )?reporting|writing|editing|compiled|produced|written|reported)"
    r"(?: by)? (?P<who>[^;]+)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CreditAsk:
    """What a question asks of the credit line: its editors, its writers, or one name in it."""

    editing: bool = False
    name: str | None = None


def asks_credit(text: str, credit_line: str | None, follows_credit: bool) -> CreditAsk | None:
    """Whether the question asks who wrote or edited the article ('who edited it?' only
    right after such an answer, or with nothing before it), or who a person named only in
    the credit line is."""
    found = _ASKS_PAGE.match(text.strip())
    if found is not None:
        page = found.group("page")
        if page is not None and page.lower() == "it" and not follows_credit:
            return None  # 'Who reported it?' after a report in the body means that report
        word = (found.group("verb") or found.group("role") or "").lower()
        return CreditAsk(editing=word.startswith("edit"))
    who = _WHO_IS.match(text.strip())
    if who is not None and credit_line and len(who.group("name")) > 3:
        name = who.group("name").strip()
        if re.search(rf"\b{re.escape(name)}\b", credit_line, re.IGNORECASE):
            return CreditAsk(name=name)
    return None


def credit_answer(ask: CreditAsk, credit_line: str) -> str | None:
    """The short answer: the part of the line crediting the asked work ('Reporting by ...',
    'Editing by ...') or naming the person asked about; None when the line names no one for
    it ('With AFP' names an agency, not who wrote the article)."""
    parts = [(m.group("role").lower(), m.group().strip(" .")) for m in _PART.finditer(credit_line)]
    if ask.name is not None:
        for _, said in parts:
            if ask.name.lower() in said.lower():
                return f"{ask.name} is credited in the article's credit line: {said}"
        return f"{ask.name} is named in the article's credit line"
    wanted = [said for role, said in parts if role.startswith("edit") == ask.editing]
    return "; ".join(wanted) if wanted else None
