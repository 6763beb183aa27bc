"""Plain-text replies shared by every front-end: help, about, the article and its facts."""

from __future__ import annotations

from collections import Counter

from knowledge import Engine, FactBase

__all__ = ["about_text", "facts_text", "greeting_text", "help_text", "source_text"]


def greeting_text(engine: Engine) -> str:
    """The first message a user sees: what the bot is about and what to ask."""
    title = engine.fact_base.article.title
    return f"Hello! I answer questions about one news article:\n“{title}”\n\n" + help_text(engine)


def help_text(engine: Engine) -> str:
    """How to use the bot, with example questions drawn from the article."""
    examples = "\n".join(f"• {question}" for question in engine.examples(3))
    return (
        "Ask me a question about the article in plain words; I answer briefly and quote the "
        "sentence my answer comes from. If the article doesn't say, I tell you so.\n\n"
        f"For example:\n{examples}\n\n"
        "“What is the article about?” gets its opening sentence; follow-ups such as “Who did "
        "he meet?” or “Where?” carry on from my last answer.\n\n"
        "Commands: /help, /about (the article), /source (its full text), /facts (what I "
        "extracted), /reset (forget our conversation)."
    )


def about_text(fact_base: FactBase) -> str:
    """The article's title, credit and the size of its fact base."""
    article = fact_base.article
    credit = f"Credit: {article.credit_line or article.credit}\n" if article.credit else ""
    return (
        f"Article: “{article.title}”\n{credit}"
        f"{len(article.paragraphs)} paragraphs, {len(article.sentences)} sentences, "
        f"{len(fact_base.entities)} entities, {len(fact_base.facts)} facts."
    )


def source_text(fact_base: FactBase) -> list[str]:
    """The article body, one string per paragraph, numbered."""
    article = fact_base.article
    return [f"[{p.number}] {article.text[p.start : p.end]}" for p in article.paragraphs]


def facts_text(fact_base: FactBase, limit: int = 40) -> str:
    """A readable list of the extracted facts (kind and slots), for editors reviewing them."""
    counts = Counter(fact.kind for fact in fact_base.facts)
    lines = [", ".join(f"{count} {kind}" for kind, count in sorted(counts.items())) or "no facts"]
    sentences = fact_base.sentence_index()
    for fact in fact_base.facts[:limit]:
        slots = "; ".join(f"{name}={slot.text}" for name, slot in fact.slots.items())
        paragraph = sentences[fact.sentences[0]].paragraph
        lines.append(f"[{fact.kind}, ¶{paragraph}] {slots}")
    if len(fact_base.facts) > limit:
        lines.append(f"… and {len(fact_base.facts) - limit} more")
    return "\n".join(lines)
