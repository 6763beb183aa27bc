"""Tests for knowledge.builder on the seed article: determinism, credit, facts, entities, bad input.

The expected facts are what the article says (read from its text, not from the builder's output);
a fact the builder misses fails its case.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from expected_facts import describe_candidates, entity_named, find_fact, refers_to

from knowledge import ArticleError, FactBase, build_fact_base
from knowledge.store import SEED_FACTS, seed_article_path

SEED_FACTS_PATH = seed_article_path().with_name(SEED_FACTS)


def _dump(fact_base: FactBase) -> str:
    """The exact text save_fact_base writes."""
    return json.dumps(fact_base.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"


def test_committed_seed_fact_base_is_a_fresh_build(seed_fact_base: FactBase) -> None:
    """knowledge/data/seed.facts.json is byte for byte what the builder makes of seed.txt now."""
    assert SEED_FACTS_PATH.read_text(encoding="utf-8") == _dump(seed_fact_base), (
        "rebuild it: article-bot build knowledge/data/seed.txt -o knowledge/data/seed.facts.json"
    )


def test_same_article_gives_identical_json(seed_text: str, seed_fact_base: FactBase) -> None:
    """Building the same text twice gives the same JSON."""
    assert _dump(build_fact_base(seed_text)) == _dump(seed_fact_base)


def test_build_does_not_depend_on_the_hash_seed(seed_fact_base: FactBase) -> None:
    """Another PYTHONHASHSEED (another set order) gives the same fact base."""
    code = (
        "import sys; from knowledge import build_fact_base; "
        "from knowledge.store import read_article, seed_article_path; "
        "sys.stdout.write(build_fact_base(read_article(seed_article_path())).model_dump_json())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
        check=True,
    )
    assert FactBase.model_validate_json(result.stdout) == seed_fact_base


def test_seed_credit_is_afp(seed_fact_base: FactBase) -> None:
    """The seed's 'With AFP' line gives the credit AFP."""
    assert seed_fact_base.article.credit == "AFP"


EXPECTED_SEED_FACTS = [
    pytest.param(
        "meeting", 2, "met yesterday (Friday) with the head of the CIA",
        {"agent": "Barnea", "partner": "Burns", "time": "Friday",
         "purpose": "hostage release deal"},
        id="p2-barnea-met-burns",
    ),
    pytest.param(
        "meeting", 1, "its spy chief had met with his US counterpart",
        {"agent": "David Barnea", "partner": "Bill Burns", "purpose": "release of hostages"},
        id="p1-descriptions-resolved",
    ),
    pytest.param(
        "meeting", 5, "Friday’s meeting between Barnea and Burns",
        {"agent": "Barnea", "partner": "Burns", "time": "Friday"},
        id="p5-fridays-meeting",
    ),
    pytest.param(
        "statement", 1, "Israel said on Saturday",
        {"speaker": "Israel", "cue": "said", "mode": "indirect", "time": "Saturday",
         "content": "spy chief had met"},
        id="p1-israel-said",
    ),
    pytest.param(
        "statement", 2, "office said in a statement on behalf of the Mossad",
        {"speaker": "Netanyahu’s office", "cue": "said", "mode": "direct",
         "on_behalf_of": "Mossad", "content": "met yesterday (Friday)"},
        id="p2-netanyahus-office",
    ),
    pytest.param(
        "statement", 6, "it said",
        {"speaker": "Netanyahu’s office", "cue": "said", "mode": "direct",
         "content": "Hamas is entrenching its positions"},
        id="p6-it-said-same-speaker",
    ),
    pytest.param(
        "statement", 11, "Saturday’s Israeli statement said",
        {"speaker": "Netanyahu’s office", "cue": "said", "mode": "direct", "time": "Saturday",
         "content": "contacts and cooperation with the mediators"},
        id="p11-saturdays-statement",
    ),
    pytest.param(
        "report", 7, "According to the Wall Street Journal",
        {"source": "Wall Street Journal", "content": "threatening to expel Hamas leaders",
         "cites": "unnamed Hamas official and an Egyptian official"},
        id="p7-wsj-report",
    ),
    pytest.param(
        "not_known", 7, "citing an unnamed Hamas official",
        {"subject": "Hamas official", "aspect": "identity"},
        id="p7-unnamed-official",
    ),
    pytest.param(
        "action", 4, "Israel did not send a delegation",
        {"agent": "Israel", "verb": "send", "object": "delegation", "negated": "yes"},
        id="p4-no-israeli-delegation",
    ),
    pytest.param(
        "action", 4, "Hamas left on Thursday",
        {"agent": "Hamas", "verb": "left", "time": "Thursday",
         "reason": "after expressing frustration with Israel’s positions"},
        id="p4-hamas-left-thursday",
    ),
    pytest.param(
        "action", 4, "heading to Qatar for consultation",
        {"agent": "Hamas", "place": "Qatar", "purpose": "consultation with the movement"},
        id="p4-hamas-heading-to-qatar",
    ),
    pytest.param(
        "statement", 8, "Daniel Hagari said",
        {"speaker": "Hagari", "cue": "said", "mode": "indirect",
         "content": "all possible operational scenarios"},
        id="p8-hagari-indirect",
    ),
    pytest.param(
        "statement", 9, "Biden warned this week",
        {"speaker": "Biden", "cue": "warned", "time": "this week",
         "content": "very, very dangerous"},
        id="p9-biden-warned",
    ),
    pytest.param(
        "statement", 10, "armed wing called on",
        {"speaker": "spokesman for Hamas’s armed wing", "cue": "called on",
         "content": "mobilize"},
        id="p10-spokesman-called-on",
    ),
    pytest.param(
        "statement", 10, "armed wing called on",
        {"speaker": "spokesman", "cue": "called on", "time": "Friday"},
        id="p10-spokesman-called-on-friday",
    ),
    pytest.param(
        "statement", 10, "armed wing called on",
        {"speaker": "spokesman", "cue": "called on", "addressee": "our people"},
        id="p10-spokesman-called-on-our-people",
    ),
    pytest.param(
        "attribute", 3, "five-month-old war in Gaza",
        {"subject": "war", "value": "five"},
        id="p3-war-five-months-old",
    ),
    pytest.param(
        "attribute", 3, "could begin as early as Sunday",
        {"subject": "Ramadan", "value": "Sunday", "condition": "depending on the lunar calendar"},
        id="p3-ramadan-could-begin-sunday",
    ),
    pytest.param(
        "attribute", 3, "the Muslim fasting month",
        {"subject": "Ramadan", "value": "Muslim fasting month"},
        id="p3-ramadan-fasting-month",
    ),
    pytest.param(
        "action", 3, "mediators scrambled to secure a new truce",
        {"agent": "mediators", "verb": "scrambled", "purpose": "secure a new truce"},
        id="p3-mediators-scrambled",
    ),
    pytest.param(
        "attribute", 10, "has been a flashpoint for violence",
        {"subject": "Al-Aqsa", "value": "flashpoint"},
        id="p10-al-aqsa-flashpoint",
    ),
    pytest.param(
        "not_known", 5, "did not specify where Friday’s meeting",
        {"subject": "meeting", "aspect": "place", "holder": "Israeli statement"},
        id="p5-meeting-place-not-known",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "paragraph", "sentence", "slots"), EXPECTED_SEED_FACTS)
def test_seed_fact(
    seed_fact_base: FactBase, kind: str, paragraph: int, sentence: str, slots: dict[str, str]
) -> None:
    """The builder extracts this fact of the seed article, with these slots, in this paragraph."""
    fact = find_fact(seed_fact_base, kind, sentence, slots)
    assert fact is not None, describe_candidates(seed_fact_base, kind, sentence)
    assert seed_fact_base.sentence(fact.sentences[0]).paragraph == paragraph


UNFILLED_SLOTS = [
    pytest.param(
        "meeting", "its spy chief had met with his US counterpart", "place",
        id="p1-meeting-has-no-place",
    ),
    pytest.param(
        "meeting", "met yesterday (Friday) with the head of the CIA", "place",
        id="p2-meeting-has-no-place",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "sentence", "slot"), UNFILLED_SLOTS)
def test_seed_slot_the_article_leaves_open(
    seed_fact_base: FactBase, kind: str, sentence: str, slot: str
) -> None:
    """The article says the meeting's place is not known, so no meeting fact may fill it."""
    facts = [
        fact
        for fact in seed_fact_base.facts
        if fact.kind == kind
        and sentence in seed_fact_base.sentence(fact.sentences[0]).text
        and slot in fact.slots
    ]
    assert facts == []


SEED_ENTITIES = [
    ("David Barnea", "person", ["Barnea", "head of the Mossad", "spy chief"]),
    ("Bill Burns", "person", ["Burns", "head of the CIA", "US counterpart"]),
    ("Joe Biden", "person", ["Biden", "US President"]),
    ("Daniel Hagari", "person", ["Hagari", "Israeli military spokesman"]),
    ("Benjamin Netanyahu", "person", ["Netanyahu", "Prime Minister"]),
    ("Mossad", "organisation", []),
    ("CIA", "organisation", []),
    ("Hamas", "organisation", []),
    ("Wall Street Journal", "organisation", []),
    ("Ramadan", "event", []),
    ("Cairo", "place", []),
    ("Qatar", "place", []),
    ("Gaza", "place", []),
    ("Jerusalem", "place", []),
]


@pytest.mark.parametrize(
    ("name", "kind", "references"), SEED_ENTITIES, ids=[e[0] for e in SEED_ENTITIES]
)
def test_seed_entity(seed_fact_base: FactBase, name: str, kind: str, references: list[str]) -> None:
    """The entity is found under its full name and kind, with its aliases, titles and roles."""
    entity = entity_named(seed_fact_base, name)
    assert entity is not None, [e.name for e in seed_fact_base.entities]
    assert entity.kind == kind
    missing = [ref for ref in references if not refers_to(entity, ref)]
    assert missing == [], (entity.aliases, entity.titles, entity.description)


def test_barnea_title_and_alias_are_kept_apart(seed_fact_base: FactBase) -> None:
    """'head of the Mossad' is Barnea's title and 'Barnea' an alias, not the other way round."""
    barnea = entity_named(seed_fact_base, "David Barnea")
    assert barnea is not None
    assert "head of the Mossad" in barnea.titles
    assert "Barnea" in barnea.aliases


def test_every_fact_rests_on_verbatim_evidence(seed_fact_base: FactBase) -> None:
    """Each fact's evidence span lies inside one of its sentences, which are verbatim."""
    text = seed_fact_base.article.text
    for fact in seed_fact_base.facts:
        for evidence in fact.evidence:
            sentence = seed_fact_base.sentence(evidence.sentence)
            assert evidence.sentence in fact.sentences
            assert 0 <= evidence.start < evidence.end <= len(sentence.text)
            assert text[sentence.start : sentence.end] == sentence.text


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n"], ids=["empty", "spaces", "blank-lines"])
def test_build_rejects_empty_text(text: str) -> None:
    """An empty or blank text raises ArticleError with a one-line message."""
    with pytest.raises(ArticleError, match=r"^the article is empty$"):
        build_fact_base(text)


def test_two_people_sharing_a_surname_build() -> None:
    """An article naming two people with one surname builds; 'Smith' is one of them."""
    fact_base = build_fact_base(
        "Finance Minister Anna Smith met Trade Minister Joe Smith on Monday in Lindhaven."
        "\n\nSmith said the talks went well. He said they would meet again."
    )
    names = {entity.name for entity in fact_base.entities}
    assert {"Anna Smith", "Joe Smith"} <= names
