"""Tests for knowledge.segment: body paragraphs, credit line, boilerplate and verbatim sentences."""

from __future__ import annotations

import pytest

from knowledge.schema import Article
from knowledge.segment import article_from_text, find_layout

SEED_BOILERPLATE = [
    "Subscribe to our newsletter",
    "Newsletter signup",
    "Please wait...",
    "Thank you for sign up!",
]


def _texts(article: Article) -> list[str]:
    return [sentence.text for sentence in article.sentences]


def _assert_verbatim(article: Article) -> None:
    """Every sentence is the article text at its span, inside its paragraph's span."""
    paragraphs = {paragraph.number: paragraph for paragraph in article.paragraphs}
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text
        paragraph = paragraphs[sentence.paragraph]
        assert paragraph.start <= sentence.start < sentence.end <= paragraph.end
        assert sentence.id in paragraph.sentences


CREDITS = [
    ("The talks ended on Friday.\n\nWith AFP", "AFP", "With AFP"),
    ("The talks ended on Friday.\n\nWith Reuters", "Reuters", "With Reuters"),
    ("The talks ended on Friday.\n\n(Reuters)", "Reuters", "(Reuters)"),
    ("The talks ended on Friday.\n\n(Reuters).", "Reuters", "(Reuters)."),
    ("The talks ended on Friday.\n\nWith AFP, Reuters.", "AFP", "With AFP, Reuters."),
    ("The talks ended on Friday.\n\n— AP", "AP", "— AP"),
    (
        "LINDHAVEN, Jan. 15 (Reuters) - Leaders met on Tuesday.\n\nThe talks ended on Friday.",
        "Reuters",
        None,
    ),
    (
        "The talks ended on Friday.\n\nReporting by Clara Voss in Chicago; Editing by Mark Heller",
        "Reporting by Clara Voss in Chicago; Editing by Mark Heller",
        "Reporting by Clara Voss in Chicago; Editing by Mark Heller",
    ),
    (
        "The talks ended on Friday.\n\n(Reporting by Ana Voss; Editing by Tom Hale)",
        "(Reporting by Ana Voss; Editing by Tom Hale)",
        "(Reporting by Ana Voss; Editing by Tom Hale)",
    ),
    ("The talks ended on Friday.\n\nNobody said anything more.", None, None),
]


@pytest.mark.parametrize(
    ("text", "credit", "credit_line"),
    CREDITS,
    ids=[
        "with-afp",
        "with-reuters",
        "paren-reuters",
        "paren-reuters-full-stop",
        "with-two-agencies-full-stop",
        "dash-ap",
        "dateline",
        "reporting-by",
        "reporting-by-in-parentheses",
        "none",
    ],
)
def test_credit_line(text: str, credit: str | None, credit_line: str | None) -> None:
    """The agency comes from a credit line after the body, or else from a '(Reuters) -' dateline."""
    article = article_from_text(text)
    assert (article.credit, article.credit_line) == (credit, credit_line)
    assert all(credit_line not in sentence for sentence in _texts(article) if credit_line)
    _assert_verbatim(article)


CREDIT_LOOKALIKES = [
    (
        "Talks resume in Cairo\n\nBy John Smith\n\nLeaders met on Tuesday. They talked."
        "\n\nThe talks ended.",
        "The talks ended.",
    ),
    (
        "Leaders met on Tuesday.\n\nWith Ramadan approaching, mediators pushed for a deal."
        "\n\nThe talks ended on Friday without a result.",
        "The talks ended on Friday without a result.",
    ),
    (
        "Leaders met on Tuesday.\n\nWith Hamas absent, no deal was possible in Cairo.",
        "With Hamas absent, no deal was possible in Cairo.",
    ),
]


@pytest.mark.parametrize(
    ("text", "last_sentence"),
    CREDIT_LOOKALIKES,
    ids=["byline-under-headline", "with-clause-mid-body", "with-clause-last-paragraph"],
)
def test_credit_lookalike_does_not_cut_the_body(text: str, last_sentence: str) -> None:
    """A byline at the top or a body sentence starting 'With ...' keeps the rest of the body."""
    article = article_from_text(text)
    assert article.credit is None
    assert _texts(article)[-1] == last_sentence
    assert article.boilerplate == []


def test_seed_boilerplate_is_kept_out_of_the_body(seed_text: str) -> None:
    """The seed's newsletter prompts after 'With AFP' are boilerplate, never body sentences."""
    article = article_from_text(seed_text)
    assert article.boilerplate == SEED_BOILERPLATE
    assert (article.credit, article.credit_line) == ("AFP", "With AFP")
    assert len(article.paragraphs) == 11
    body_end = article.paragraphs[-1].end
    assert all(article.text.index(block) > body_end for block in SEED_BOILERPLATE)
    assert not any("newsletter" in sentence.lower() for sentence in _texts(article))
    _assert_verbatim(article)


BOILERPLATE = [
    (
        "The talks ended on Friday.\n\nWith AP\n\nRead more:\n\nOlder adults skip winter jabs"
        "\n\nSign up for our newsletter\n\nPlease wait...",
        [
            "Read more:",
            "Older adults skip winter jabs",
            "Sign up for our newsletter",
            "Please wait...",
        ],
    ),
    (
        "The talks ended on Friday.\n\nThey resume on Monday.\n\nSubscribe to our newsletter"
        "\n\nPlease wait...",
        ["Subscribe to our newsletter", "Please wait..."],
    ),
    (
        "The talks ended on Friday.\n\nRelated: Fans queue overnight for tickets\n\nAdvertisement",
        ["Related: Fans queue overnight for tickets", "Advertisement"],
    ),
]


@pytest.mark.parametrize(
    ("text", "boilerplate"), BOILERPLATE, ids=["after-credit", "without-credit", "related-links"]
)
def test_boilerplate_after_the_body(text: str, boilerplate: list[str]) -> None:
    """Page furniture after the body, with or without a credit line, is set apart from it."""
    article = article_from_text(text)
    assert article.boilerplate == boilerplate
    assert not set(_texts(article)) & set(boilerplate)


SENTENCES = [
    (
        "Dr. Helena Marsh met Mr. Falk on Jan. 15 in Lindhaven. They talked for an hour.",
        ["Dr. Helena Marsh met Mr. Falk on Jan. 15 in Lindhaven.", "They talked for an hour."],
    ),
    (
        "Officials in the U.S. said on Monday that talks would resume. Hamas did not comment.",
        ["Officials in the U.S. said on Monday that talks would resume.", "Hamas did not comment."],
    ),
    (
        "The U.S.-based agency warned in December. It could cut the rating.",
        ["The U.S.-based agency warned in December.", "It could cut the rating."],
    ),
    (
        "Kingsmere were No. 1 in the league in March. They are 12th now.",
        ["Kingsmere were No. 1 in the league in March.", "They are 12th now."],
    ),
    (
        "Kestrel Systems Inc. said it would buy Ardent. It closes on Feb. 17 at 6 p.m. today.",
        [
            "Kestrel Systems Inc. said it would buy Ardent.",
            "It closes on Feb. 17 at 6 p.m. today.",
        ],
    ),
    (
        "Shares rose 4.6% to $57.80 on Tuesday. The index fell 0.5 points to 1,204.3.",
        ["Shares rose 4.6% to $57.80 on Tuesday.", "The index fell 0.5 points to 1,204.3."],
    ),
    (
        "The deficit reached 4.1% of GDP last year. The ceiling is 3%.",
        ["The deficit reached 4.1% of GDP last year.", "The ceiling is 3%."],
    ),
    (
        "“We have narrowed the gap, but we are not there yet,” Falk told reporters. He left.",
        ["“We have narrowed the gap, but we are not there yet,” Falk told reporters.", "He left."],
    ),
    (
        '"We will not," he said on Monday, "sign a budget that cuts trains." The Greens left.',
        ['"We will not," he said on Monday, "sign a budget that cuts trains."', "The Greens left."],
    ),
    ('"Why?" she asked. He shrugged.', ['"Why?" she asked.', "He shrugged."]),
    (
        "Falk was asked whether he would resign. He said: “That question does not arise.”",
        ["Falk was asked whether he would resign.", "He said: “That question does not arise.”"],
    ),
]


@pytest.mark.parametrize(
    ("text", "sentences"),
    SENTENCES,
    ids=[
        "titles-and-month",
        "u-s-mid-sentence",
        "u-s-hyphenated",
        "number-sign",
        "inc-feb-pm",
        "decimals-and-money",
        "percentages",
        "quote-then-attribution",
        "quote-split-by-attribution",
        "question-inside-quote",
        "quote-closes-paragraph",
    ],
)
def test_sentence_boundaries(text: str, sentences: list[str]) -> None:
    """Abbreviations, decimals and quotes do not split a sentence; real sentence ends do."""
    article = article_from_text(text)
    assert _texts(article) == sentences
    _assert_verbatim(article)


PARAGRAPHS = [
    (
        "“It is over,” he said.\n\n“We go home now.”\n\nThe fans left.",
        [["“It is over,” he said."], ["“We go home now.”"], ["The fans left."]],
    ),
    (
        "First paragraph here.\nSecond paragraph here. It has two sentences.\nThird one.",
        [
            ["First paragraph here."],
            ["Second paragraph here.", "It has two sentences."],
            ["Third one."],
        ],
    ),
    (
        "  Indented first paragraph.  \n \t \n\n   Second paragraph after blank lines.   ",
        [["Indented first paragraph."], ["Second paragraph after blank lines."]],
    ),
]


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    PARAGRAPHS,
    ids=["quotes-open-and-close-paragraphs", "single-newlines", "blank-lines-with-spaces"],
)
def test_paragraphs(text: str, paragraphs: list[list[str]]) -> None:
    """Blank lines separate paragraphs; when there are none, each line is a paragraph."""
    article = article_from_text(text)
    by_paragraph = [
        [article.text[s.start : s.end] for s in article.sentences if s.paragraph == p.number]
        for p in article.paragraphs
    ]
    assert by_paragraph == paragraphs
    assert [p.number for p in article.paragraphs] == list(range(1, len(paragraphs) + 1))
    _assert_verbatim(article)


def test_seed_sentences_are_verbatim_with_stable_ids(seed_text: str) -> None:
    """The seed splits into one sentence per paragraph, ids p1s1..p11s1, each verbatim."""
    article = article_from_text(seed_text)
    assert [s.id for s in article.sentences] == [f"p{n}s1" for n in range(1, 12)]
    assert article.sentences[1].text.startswith("“The head of the Mossad")
    assert article.sentences[1].text.endswith("on behalf of the Mossad.")
    _assert_verbatim(article)


def test_find_layout_title_block_only() -> None:
    """A text of one block is the body even when it looks like furniture."""
    layout = find_layout("Please wait...")
    assert (len(layout.body), layout.credit, layout.boilerplate) == (1, None, [])


def test_long_first_sentence_makes_a_short_title() -> None:
    """The title is the first sentence cut at a word boundary with an ellipsis."""
    article = article_from_text("word " * 40 + "end.")
    assert article.title.endswith("…")
    assert len(article.title) <= 91
    assert article.sentences[0].text.startswith(article.title[:-1])


def test_lines_of_page_prompts_after_the_credit_are_boilerplate() -> None:
    """A Reuters byline followed by one block of three prompt lines: the byline is the credit
    and the block boilerplate, though the block is long and ends with a full stop."""
    text = (
        "AZMIR (Reuters) - Talks went on, officials said.\n\n"
        "Reporting by Lina Morvay in Azmir; Editing by Daniel Crewe\n\n"
        "Sign up here for our daily World News briefing.\n"
        "Read more: Aid groups weigh pull-back from the south of the country\n"
        "Our Standards: The Thomson Reuters Trust Principles.\n"
    )
    layout = find_layout(text)
    assert layout.credit_line is not None and layout.credit_line.startswith("Reporting by")
    assert len(layout.body) == 1 and len(layout.boilerplate) == 1


def test_a_long_reuters_byline_is_the_credit_line() -> None:
    """Three reporters and an editor run past 90 characters: still the credit line, not a
    sentence of the article (its names were taken for people and organisations)."""
    byline = (
        "Reporting by Anna Lindqvist in Saint-Loran; Additional reporting by Pavel Orsk in"
        " Korvana; Editing by Mark Hollis"
    )
    text = f"SAINT-LORAN (Reuters) - The leaders met on Tuesday, officials said.\n\n{byline}\n"
    layout = find_layout(text)
    assert layout.credit_line == byline and len(layout.body) == 1


def test_a_short_labelled_line_after_the_byline_is_boilerplate() -> None:
    """'Our Standards: The Trust Principles.' in a block of its own ends like a sentence, yet
    it is page furniture: the byline before it is still the credit line."""
    text = (
        "KESSLAU (Reuters) - Prosecutors raided the bank, officials said.\n\n"
        "Reporting by Anna Leclerc and Jonas Weir; Editing by Martin Hale\n\n"
        "Sign up for our Business Briefing newsletter to get the top stories every morning.\n\n"
        "Our Standards: The Trust Principles.\n"
    )
    layout = find_layout(text)
    assert layout.credit_line is not None and layout.credit_line.startswith("Reporting by")
    assert len(layout.body) == 1
