"""Tests for knowledge.entities: the kind of a name."""

from __future__ import annotations

import pytest

from knowledge import build_fact_base

KINDS = [
    ("Tankers cross the Strait of Kerro every day.", "Strait of Kerro", "place"),
    ("The palace stands on the banks of the River Oll near the capital.", "River Oll", "place"),
    (
        "Rights group Open Court Watch says ten reporters are held.",
        "Open Court Watch",
        "organisation",
    ),
    ("The steelmaker, Brevik Ironworks, said it had cut jobs.", "Brevik Ironworks", "organisation"),
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
        "Nadia Ferrant, president of the Relief Council of the Northern States, spoke.",
        "Relief Council of the Northern States",
        "organisation",
    ),
    ("Blankets were handed out by the Red Cross on Monday.", "Red Cross", "organisation"),
    (
        "Workers of the charity Open Hands International were seized.",
        "Open Hands International",
        "organisation",
    ),
    (
        "Local television station Channel 9 Halden reported on Tuesday that exits were locked.",
        "Channel 9 Halden",
        "organisation",
    ),
    (
        "Police searched the offices, the State Prosecutor's Office for Economic Crime said.",
        "State Prosecutor's Office for Economic Crime",
        "organisation",
    ),
    (
        "Trucks paid $4.5 million, according to the Tevarian Chamber of Commerce.",
        "Tevarian Chamber of Commerce",
        "organisation",
    ),
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


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Fire Chief Oren Talvik said the fire was out.", "Oren Talvik", "Fire Chief"),
        ("Chairman Tomas Harlen, 61, resigned on Tuesday.", "Tomas Harlen", "Chairman"),
        (
            "Labour Minister Teodora Vasko toured the site of the labour dispute.",
            "Teodora Vasko",
            "Labour Minister",
        ),
    ],
    ids=["modifier-and-title", "lone-title", "common-modifier"],
)
def test_title_that_opens_a_sentence_is_kept(text: str, name: str, title: str) -> None:
    """A title word opening a sentence, with the common word before it, is the person's title."""
    entity = next(e for e in build_fact_base(text).entities if e.name == name)
    assert title in entity.titles


def test_company_named_like_a_title_is_no_person() -> None:
    """'General Motors' opening a sentence is no person called 'Motors'."""
    kinds = {e.name: e.kind for e in build_fact_base("General Motors said sales rose.").entities}
    assert kinds.get("Motors") != "person"


def test_a_name_the_article_turns_into_an_adjective_is_a_country() -> None:
    """'Qaradan' beside 'a Qaradani mediator' is a country; the adjective is its alias."""
    text = (
        "A Qaradani mediator met the envoys on Tuesday in talks hosted by Qaradan, and "
        "two Qaradanis joined the talks."
    )
    entities = {e.name: e for e in build_fact_base(text).entities}
    assert entities["Qaradan"].kind == "place"
    assert "Qaradani" in entities["Qaradan"].aliases
    assert all(entities[n].kind == "place" for n in ("Qaradani", "Qaradanis") if n in entities)


def test_a_country_s_adjective_used_after_it_leaves_no_second_place() -> None:
    """'Sorvan' then 'a Sorvani official': the adjective is the country's alias, and no place
    named by the adjective is left behind without a mention of its own."""
    text = (
        "The talks were hosted by Sorvan on Monday.\n\n"
        "The ministers met for an hour, a Sorvani official said."
    )
    entities = build_fact_base(text).entities
    assert [e.name for e in entities if e.kind == "place"] == ["Sorvan"]
    sorvan = next(e for e in entities if e.name == "Sorvan")
    assert [m.text for m in sorvan.mentions] == ["Sorvan", "Sorvani"]


@pytest.mark.parametrize(
    ("country", "adjective"),
    [("Hallmark", "Hallish"), ("Vestland", "Vestish"), ("Oberen", "Oberish")],
    ids=["-mark", "-land", "-en"],
)
def test_an_ish_adjective_names_its_country(country: str, adjective: str) -> None:
    """'Poland' and 'Polish': a country ending in -land, -mark or -en makes its adjective with
    -ish; the adjective is no organisation of its own and the country is a place."""
    text = (
        f"{country} has no embassy in Parvo. The {adjective} journalist was freed on Monday, "
        f"and {adjective} officials said {country} would wait."
    )
    entities = {e.name: e for e in build_fact_base(text).entities}
    assert entities[country].kind == "place"
    assert adjective in entities[country].aliases
    assert adjective not in entities


@pytest.mark.parametrize(
    ("text", "name", "gender"),
    [
        (
            "Tomas Brenn was arrested in May. His sister, Clara Brenn, said the last news she "
            "had from him was a letter. In it, he told her he was well. He asked her not to "
            "worry about him, she said. “He still sounds like himself,” she said.",
            "Clara Brenn",
            "female",
        ),
        ("His wife, Marit Holm, told reporters he had called.", "Marit Holm", "female"),
        ("Her son Erik was at school when the storm hit.", "Erik", "male"),
    ],
    ids=["sister-among-his-pronouns", "wife", "son"],
)
def test_a_relative_s_word_gives_the_gender(text: str, name: str, gender: str) -> None:
    """'His sister, Clara Brenn': a sister is a woman, though the 'he' and 'him' around her
    name are her brother's."""
    entity = next(e for e in build_fact_base(text).entities if e.name == name)
    assert entity.gender == gender


def test_word_opening_a_sentence_inside_a_quotation_is_no_name() -> None:
    """'"... a month. Their lives ..."' is one sentence to the splitter; 'Their' opens the
    second sentence of the quotation and names nothing."""
    text = '"They earned 310 talers a month. Their lives were worth more," Marta Ivel said.'
    assert "Their" not in {e.name for e in build_fact_base(text).entities}


def test_dateline_names_a_city_and_its_country() -> None:
    """'BELMIRA, Sarnova (Reuters)': the city is a place under its usual spelling too, and
    the country after it is a place, however the article names them later."""
    text = (
        "BELMIRA, Sarnova (Reuters) - The envoy arrived on Tuesday. He is due to leave Belmira "
        "on Thursday, officials said, and the talks hosted by Sarnova went on."
    )
    kinds = {e.name: e.kind for e in build_fact_base(text).entities}
    assert kinds.get("Belmira") == "place" and kinds.get("Sarnova") == "place"


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "He carried a letter from Tevaria's prime minister, Ruslan Aveda, to the president.",
            "Ruslan Aveda",
            "Tevaria's prime minister",
        ),
        (
            "Pavel Rusk, an opposition lawmaker who sits on the finance committee, spoke.",
            "Pavel Rusk",
            "opposition lawmaker",
        ),
        (
            "Hadrian Oselu, deputy secretary-general of the Union of Highland States, joined.",
            "Hadrian Oselu",
            "deputy secretary-general of the Union of Highland States",
        ),
        (
            "Tevaria's special envoy Anselm Rovik arrived in the capital on Tuesday.",
            "Anselm Rovik",
            "Tevaria's special envoy",
        ),
    ],
    ids=["possessive-owner", "then-who", "of-a-long-name", "owner-before-a-title"],
)
def test_apposition_gives_a_title(text: str, name: str, title: str) -> None:
    """A role set beside a name by commas is the person's title, whoever owns the role."""
    entity = next(e for e in build_fact_base(text).entities if e.name == name)
    assert title in entity.titles


def test_first_name_before_and_a_full_name_shares_the_surname() -> None:
    """'owners Anselm and Rita Dorrow': two people, Anselm Dorrow and Rita Dorrow."""
    text = "The minister met owners Anselm and Rita Dorrow in an office behind the building."
    entities = {e.name: e.kind for e in build_fact_base(text).entities}
    assert entities.get("Anselm Dorrow") == "person" and entities.get("Rita Dorrow") == "person"
    assert "Anselm" not in entities


def test_number_after_a_month_does_not_join_a_name() -> None:
    """'on March 3 Castavia closed ...': the date and the country stay apart."""
    text = "On March 3 Castavia closed the border with Qaradan, officials said."
    assert "March 3 Castavia" not in {e.name for e in build_fact_base(text).entities}


def test_a_name_cut_short_at_the_start_of_a_sentence_is_no_entity() -> None:
    """'Open Door Trust, which ...' loses its common first word when it opens a
    sentence; the rest is only ever part of the whole name."""
    text = (
        "The workers were employees of the charity Open Door Trust. Open Door Trust, which "
        "has worked there for 11 years, suspended its work."
    )
    assert "Door Trust" not in {e.name for e in build_fact_base(text).entities}


def test_a_name_inside_a_title_is_a_mention_of_its_entity() -> None:
    """'Greta Olander, head of the Financial Supervisory Authority, said ...' mentions the
    authority too, though the title's words are first a mention of Olander."""
    text = "Greta Olander, head of the Financial Supervisory Authority, said deposits were safe."
    entity = next(
        e for e in build_fact_base(text).entities if e.name == "Financial Supervisory Authority"
    )
    assert [m.text for m in entity.mentions] == ["Financial Supervisory Authority"]


def test_an_organisation_s_last_word_alone_is_that_organisation() -> None:
    """'The Courier also reported' after 'The Azmir Courier reported': one newspaper."""
    text = (
        "The Azmir Courier reported on Wednesday that a ransom was proposed. The Courier also "
        "reported that the group wanted 14 fighters freed."
    )
    entities = {e.name: e for e in build_fact_base(text).entities}
    assert "Courier" not in entities and "Courier" in entities["Azmir Courier"].aliases


def test_a_country_s_adjective_is_no_short_name_of_an_organisation() -> None:
    """'Velandian' of 'Velandian law' is the country's, not the union's short name."""
    text = (
        "Marta Ivel, general secretary of the Velandian Garment Workers' Union, spoke. He can "
        "be held under Velandian law, and textiles are 18 percent of exports by Velandia."
    )
    entities = {e.name: e for e in build_fact_base(text).entities}
    assert "Velandian" not in entities["Velandian Garment Workers' Union"].aliases


def test_the_role_only_one_person_holds_names_that_person() -> None:
    """'the envoy declined to say' after 'Tevaria's special envoy Anselm Rovik': Rovik."""
    text = (
        "Tevaria's special envoy Anselm Rovik arrived on Tuesday. Minister Ruslan Aveda wrote "
        "to him. The contents were not disclosed, and the envoy declined to comment."
    )
    entities = {e.name: e for e in build_fact_base(text).entities}
    assert "the envoy" in entities["Anselm Rovik"].aliases
    assert "the minister" not in entities["Ruslan Aveda"].aliases


@pytest.mark.parametrize(
    "text",
    [
        "LINDHAVEN, Jan. 15 (Reuters) - Leaders met on Tuesday.",
        "NEW BRANTFORD (AP) — Quillon Systems said on Tuesday it was hacked.",
    ],
    ids=["date-after-city", "no-country"],
)
def test_a_dateline_without_a_country_names_only_its_city(text: str) -> None:
    """'LINDHAVEN, Jan. 15 (Reuters)': 'Jan' is no country; 'NEW BRANTFORD (AP)' a city."""
    places = {e.name for e in build_fact_base(text).entities if e.kind == "place"}
    assert "Jan" not in places and places & {"Lindhaven", "New Brantford"}


def test_an_organisation_s_shorter_name_is_its_alias() -> None:
    """'Corvo Shipping' and 'Corvo' after 'Corvo Shipping Lines' are the same company; 'the
    United Nations' is not its Security Council."""
    text = (
        "The ship is run by Corvo Shipping Lines. Corvo Shipping denied it. The captain has "
        "worked for Corvo for years. The United Nations Security Council met, and the United "
        "Nations said it would help."
    )
    entities = {e.name: e for e in build_fact_base(text).entities}
    assert {"Corvo Shipping", "Corvo"} <= set(entities["Corvo Shipping Lines"].aliases)
    assert "United Nations" in entities


def test_the_role_of_whoever_said_it_is_no_title_of_the_name_before() -> None:
    """'... talks with the minister, Bahran Tal, a government spokeswoman said.': the
    spokeswoman is the speaker, not Tal."""
    text = (
        "Revik flew to Qeshmar for talks with the interior minister, Bahran Tal, a government "
        "spokeswoman said."
    )
    tal = next(e for e in build_fact_base(text).entities if e.name == "Bahran Tal")
    assert not any("spokeswoman" in t for t in tal.titles)
    assert tal.gender is None


def test_an_age_before_a_name_keeps_the_apposition_s_title() -> None:
    """'The captain, 58-year-old Piet Lund, has worked ...': Lund is the captain."""
    text = "The crew is safe. The captain, 58-year-old Piet Lund, has worked for Brenna for years."
    lund = next(e for e in build_fact_base(text).entities if e.name == "Piet Lund")
    assert lund.titles == ["captain"]


def test_a_title_for_a_portfolio_stays_off_the_name() -> None:
    """'his counterpart, Minister for Trade and Industry Ada Morrow,': the person is Ada Morrow,
    with the minister's title and the apposition's."""
    text = (
        "Brenning hosted his Ostranian counterpart, Minister for Trade and Industry Ada Morrow, "
        "on Monday."
    )
    morrow = next(e for e in build_fact_base(text).entities if e.kind == "person")
    assert morrow.name == "Ada Morrow"
    assert morrow.titles == ["Minister for Trade and Industry", "Ostranian counterpart"]


def test_a_ship_named_without_its_prefix_is_the_same_ship() -> None:
    """'the Orla Bay' after 'The MV Orla Bay' is the same ship, not a second place."""
    text = (
        "The MV Orla Bay was boarded on Friday. Officials did not say where the Orla Bay was "
        "being held."
    )
    entities = build_fact_base(text).entities
    ship = next(e for e in entities if e.name == "MV Orla Bay")
    assert ship.aliases == ["Orla Bay"]
    assert [e.name for e in entities if "Orla" in e.name] == ["MV Orla Bay"]
