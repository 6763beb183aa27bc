"""Layout and sentences: split a scraped article into body paragraphs, credit line and boilerplate.

Sentence boundaries come from pysbd (rule-based, handles abbreviations such as "Dr.", "U.S." and
"Jan.", decimals and quotes); this module keeps every sentence's exact span in the article text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pysbd

from knowledge.schema import Article, Paragraph, Sentence

__all__ = ["Layout", "article_from_text", "find_layout", "split_sentences"]

_CREDIT_LINE = re.compile(
    r"^\(?(?:with|additional reporting by|reporting by|writing by|written by|editing by|by)\s+"
    r"(?P<who>[^\n]{2,180}?)\)?$"
    r"|^[(\[](?P<paren>[A-Z][A-Za-z&. ]{1,30})[)\]]\.?$"
    r"|^[-—–]\s*(?P<dash>[A-Z][A-Za-z&. ]{1,30})$",
    re.IGNORECASE,
)
_DATELINE_CREDIT = re.compile(
    r"^[A-Z][A-Za-z0-9 ,.'-]{0,50}\((?P<who>[A-Z][A-Za-z]{1,15})\)\s*[-—–]"
)
_BOILERPLATE = re.compile(
    r"subscribe|newsletter|sign(?:ed)? up|please wait|thank you for|read more|related:|"
    r"advertisement|share this|follow us|click here|cookies?\b|all rights reserved|copyright|"
    r"download (?:our|the) app|privacy policy|terms of (?:use|service)",
    re.IGNORECASE,
)
_LABELLED = re.compile(r"^[A-Z][a-z]+(?: [A-Z]?[a-z]+)?: \S")
"""'Our Standards: The Trust Principles.', 'Topics: Europe': a short labelled line of the page."""
_LABELLED_WORDS = 8
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
_ONE_SENTENCE = re.compile(r"\s*[^\s.!?…][^.!?…\n]*[.!?…]?[\"'”’)\]]*\s*$")
_SEGMENTER = pysbd.Segmenter(language="en", clean=False)
_TITLE_CHARS = 90


@dataclass(frozen=True)
class Layout:
    """Where the body paragraphs are, which block is the credit line and what is boilerplate."""

    body: list[tuple[int, int]]
    credit: str | None
    credit_line: str | None
    boilerplate: list[str]


def _blocks(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each non-empty block; blocks are separated by blank lines."""
    separator = r"\n[ \t]*\n" if re.search(r"\n[ \t]*\n", text) else r"\n"
    blocks: list[tuple[int, int]] = []
    cursor = 0
    for match in [*re.finditer(separator, text), None]:
        stop = match.start() if match else len(text)
        chunk = text[cursor:stop]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            blocks.append((cursor + lead, cursor + lead + len(stripped)))
        if match:
            cursor = match.end()
    return blocks


_BYLINE = re.compile(
    r"^\(?(?:reporting|writing|written|editing|additional reporting) by\b[^.!?]*$", re.IGNORECASE
)


def _credit_of(block: str) -> str | None:
    """Return the agency named by a credit line ("With AFP" gives "AFP"), or None."""
    byline = _BYLINE.match(block.strip())
    if len(block) > (200 if byline else 90) or "\n" in block or _reads_like_body(block):
        return None  # a Reuters byline with several reporters may run long
    match = _CREDIT_LINE.match(block.strip())
    if not match:
        return None
    if re.match(r"(?i)\(?(?:reporting|writing|written|editing|additional)\b", block.strip()):
        # A Reuters-style byline names reporters and editors, not an agency: keep it whole.
        return block.strip()
    who = match.group("who") or match.group("paren") or match.group("dash") or ""
    who = re.split(r";|\band\b|,", who)[0].strip().rstrip(".")
    if not who or not who[0].isupper():
        return None
    return who


def _reads_like_body(block: str) -> bool:
    """A sentence of the article, not a credit line: several words and a sentence ending.

    "With Ramadan approaching, mediators pushed for a deal." starts like "With AFP" but is body.
    """
    return len(block.split()) > 6 and bool(_SENTENCE_END.search(block))


def _is_boilerplate(block: str) -> bool:
    """Page furniture: a short block without a sentence ending, or a known prompt (or lines
    of them: 'Sign up here ...' / 'Read more: ...' / 'Our Standards: ...')."""
    if _BOILERPLATE.search(block) and len(block) < 160:
        return True
    if _LABELLED.match(block) and len(block.split()) <= _LABELLED_WORDS and "\n" not in block:
        return True
    lines = [line for line in block.splitlines() if line.strip()]
    if len(lines) > 1 and all(len(line) < 120 for line in lines):
        return any(_BOILERPLATE.search(line) for line in lines)
    return len(block.split()) <= 4 and not _SENTENCE_END.search(block)


def _body_follows(text: str, later: list[tuple[int, int]]) -> bool:
    """True when a sentence of the body comes later: a credit-like block there was a byline."""
    return any(_SENTENCE_END.search(text[a:b]) and not _is_boilerplate(text[a:b]) for a, b in later)


def find_layout(text: str) -> Layout:
    """Split text into body blocks, the credit line and the boilerplate after the body."""
    blocks = _blocks(text)
    credit: str | None = None
    credit_line: str | None = None
    end = len(blocks)
    for i, (start, stop) in enumerate(blocks):
        who = _credit_of(text[start:stop]) if i > 0 else None
        if who and not _body_follows(text, blocks[i + 1 :]):
            credit, credit_line, end = who, text[start:stop], i
            break
    body = blocks[:end]
    tail = [text[a:b] for a, b in blocks[end + 1 :]] if credit_line else []
    while len(body) > 1 and _is_boilerplate(text[body[-1][0] : body[-1][1]]):
        tail.insert(0, text[body[-1][0] : body[-1][1]])
        body = body[:-1]
    if credit is None and body:
        match = _DATELINE_CREDIT.match(text[body[0][0] : body[0][1]])
        credit = match.group("who") if match else None
    return Layout(body=body, credit=credit, credit_line=credit_line, boilerplate=tail)


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the (start, end) spans of the sentences in text[start:end], verbatim and stripped."""
    chunk = text[start:end]
    if _ONE_SENTENCE.match(chunk):
        # No full stop, question or exclamation mark before the end: one sentence, and pysbd
        # (slow: it compiles a regex per abbreviation it meets) has nothing to decide.
        lead = len(chunk) - len(chunk.lstrip())
        return [(start + lead, start + len(chunk.rstrip()))]
    spans: list[tuple[int, int]] = []
    cursor = 0
    # pysbd's processor gives the sentences; its segment() would then find each one again with
    # a regex compiled per sentence (a third of the time on a long article): the loop below
    # finds them with str.find instead
    for piece in _SEGMENTER.processor(chunk).process():
        stripped = piece.strip()
        if not stripped:
            continue
        found = chunk.find(stripped, cursor)
        if found < 0:
            continue
        spans.append((start + found, start + found + len(stripped)))
        cursor = found + len(stripped)
    return _merge_lowercase_continuations(text, spans)


def _merge_lowercase_continuations(
    text: str, spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Join a split that leaves a sentence starting in lower case ('"Why?" she asked.')."""
    merged: list[tuple[int, int]] = []
    for span in spans:
        first = text[span[0]]
        if merged and first.islower():
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    return merged


def _title(sentences: list[Sentence]) -> str:
    first = sentences[0].text
    if len(first) <= _TITLE_CHARS:
        return first
    return first[:_TITLE_CHARS].rsplit(" ", 1)[0] + "…"


def article_from_text(text: str) -> Article:
    """Build the Article of a fact base: paragraphs, verbatim sentences, credit, boilerplate."""
    layout = find_layout(text)
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for number, (start, end) in enumerate(layout.body, start=1):
        ids: list[str] = []
        for index, (s_start, s_end) in enumerate(split_sentences(text, start, end), start=1):
            sentence_id = f"p{number}s{index}"
            sentences.append(
                Sentence(
                    id=sentence_id,
                    paragraph=number,
                    index=index,
                    text=text[s_start:s_end],
                    start=s_start,
                    end=s_end,
                )
            )
            ids.append(sentence_id)
        paragraphs.append(Paragraph(number=number, start=start, end=end, sentences=ids))
    return Article(
        text=text,
        title=_title(sentences) if sentences else "",
        credit=layout.credit,
        credit_line=layout.credit_line,
        paragraphs=paragraphs,
        sentences=sentences,
        boilerplate=layout.boilerplate,
    )
