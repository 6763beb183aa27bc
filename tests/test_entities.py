"""Tests for knowledge.entities: the kind of a name."""

from __future__ import annotations

import pytest

from knowledge import build_fact_base

KINDS = [
    ("Shares in Deutsche Bank rose on Monday.", "Deutsche Bank", "organisation"),
    ("Settlers moved into the West Bank on Monday.", "West Bank", "place"),
    ("Ferri visited the worst-hit town of Faenza on Friday.", "Faenza", "place"),
    (
        "Monitors from the Organisation for Democratic Elections arrived.",
        "Organisation for Democratic Elections",
        "organisation",
    ),
    ("The charity, Bright Start, said it had recovered the money.", "Bright Start", "organisation"),
    ("The ministry in Solmen's capital, Tarsa, said it would wait.", "Tarsa", "place"),
    ("Kavaria began filling the reservoir behind the Benna Dam.", "Benna Dam", "place"),
    (
        "Priya Ramaswamy works at the research firm Holloway & Grant.",
        "Holloway & Grant",
        "organisation",
    ),
    (
        "A rocket built by the private launch company Northgate Orbital broke apart.",
        "Northgate Orbital",
        "organisation",
    ),
    ("The trade publication Orbital Ledger reported it.", "Orbital Ledger", "organisation"),
    (
        "The National Weather and Climate Service paid for it.",
        "National Weather and Climate Service",
        "organisation",
    ),
    (
        "Finance Minister Clara Vogt and Green Alliance leader Jonas Brekke met.",
        "Clara Vogt",
        "person",
    ),
    ("The roof fell in the Kestrel Ridge mine on Tuesday.", "Kestrel Ridge", "place"),
    (
        "The strike was called by the Dock and Harbour Workers' Union on Monday.",
        "Dock and Harbour Workers' Union",
        "organisation",
    ),
    ("Ships diverted cargo to the rival port of Selby Point, far north.", "Selby Point", "place"),
    ("The Brantford Ledger reported Wednesday that it paid.", "Brantford Ledger", "organisation"),
    ("Tom Brandt, an analyst at Harlow & Pike, said so.", "Harlow & Pike", "organisation"),
    ("Anna Berg reported on Monday that prices rose.", "Anna Berg", "person"),
    (
        "The mine is operated by Brannock Minerals, officials said.",
        "Brannock Minerals",
        "organisation",
    ),
    (
        "The fire started outside the village of Harrow Combe on Wednesday.",
        "Harrow Combe",
        "place",
    ),
    ("Marit Vollan, whose son Erik is among those held, spoke.", "Erik", "person"),
    (
        "The talks will resume in the Sarvenian capital, Korvana, next week.",
        "Korvana",
        "place",
    ),
]


@pytest.mark.parametrize(("text", "name", "kind"), KINDS, ids=[k[1] for k in KINDS])
def test_kind(text: str, name: str, kind: str) -> None:
    """A bank is an organisation unless a compass word makes it a region; 'X for Y' is one name."""
    entities = {e.name: e.kind for e in build_fact_base(text).entities}
    assert entities.get(name) == kind


def test_spelled_out_acronym_is_no_organisation() -> None:
    """'respiratory syncytial virus (RSV)' names a thing, not an organisation."""
    text = (
        "A vaccine against respiratory syncytial virus (RSV) worked, the World Health "
        "Organization said. RSV kills thousands."
    )
    kinds = {e.name: e.kind for e in build_fact_base(text).entities}
    assert "RSV" not in kinds
    assert kinds.get("World Health Organization") == "organisation"


def test_word_after_a_dateline_is_no_name() -> None:
    """'NAIRAVI, March 4 (Reuters) - A measles outbreak': 'A' opens the sentence."""
    text = "NAIRAVI, March 4 (Reuters) - A measles outbreak in Orvan province has killed 17."
    assert "A" not in {e.name for e in build_fact_base(text).entities}


@pytest.mark.parametrize(
    ("text", "name", "gender"),
    [
        (
            "Former defender Owen Tate will take charge of training, chief executive Nadia "
            "Farrow said. She said the club had received interest in the job.",
            "Nadia Farrow",
            "female",
        ),
        (
            "Former defender Owen Tate will take charge of training, chief executive Nadia "
            "Farrow said. She said the club had received interest in the job.",
            "Owen Tate",
            None,
        ),
        (
            "A jury found Tobias Wrenfield guilty. Judge Rosalind Ferreira handed down the "
            "sentence and ordered him to repay the money within two years of his release.",
            "Rosalind Ferreira",
            None,
        ),
        (
            "Ministry spokeswoman Yara Denholm denied the report.\n",
            "Yara Denholm",
            "female",
        ),
        (
            "Piet Aslan, a spokesman for President Ilka Voss, denied the report.",
            "Piet Aslan",
            "male",
        ),
        (
            "Petra Lund said she had seen the letter. It was not known whether he would meet "
            "Lund again before his departure.",
            "Petra Lund",
            "female",
        ),
    ],
    ids=[
        "speaker-then-she",
        "not-the-first-named",
        "him-is-someone-else",
        "spokeswoman",
        "spokesman",
        "he-before-the-name",
    ],
)
def test_a_person_s_gender_comes_from_pronouns_that_refer_to_them(
    text: str, name: str, gender: str | None
) -> None:
    """'X said. She said ...': she is the speaker X; 'ordered him to repay ... his release':
    'him' and the 'his' after it are someone other than the judge; a 'spokeswoman' is a
    woman, not the president she speaks for; 'whether he would meet Lund again before his
    departure': 'his' is not Lund's."""
    entity = next(e for e in build_fact_base(text + "\n").entities if e.name == name)
    assert entity.gender == gender
