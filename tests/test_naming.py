"""Whether a sentence names what a 'which N' question asks to identify."""

from __future__ import annotations

import pytest

from knowledge.naming import asked_agent_verb, leaves_agent_unnamed, leaves_unnamed

UNNAMED = [
    (("outside", "firm"), "The company said it had hired an outside firm to review the software."),
    (("shipping", "lines"), "Ships waited, and two shipping lines had begun diverting cargo."),
    (("hamas", "leaders"), "Qatar is threatening to expel Hamas leaders from the country."),
    (("governor",), "The prime minister met regional governors and the heads of the services."),
]

NAMED = [
    (("coach",), "Kingsmere United sacked head coach Viktor Hale on Monday."),
    (("chief", "executive"), '"We lost it," Jo Whit, the company\'s chief executive, said.'),
    (("villages",), "Authorities ordered the evacuation of 14 villages below the Sarny dam."),
    (("offer",), "Members rejected an offer of a 4.5 percent raise spread over two years."),
    (("mediator",), "She appointed a senior mediator, former judge Tobias Lindqvist, on Tuesday."),
    (("rival",), "Kestrel had approached Solvane Automation, a smaller rival, before Ardent."),
    (("plant",), "Kestrel will close its plant in St. Louis by the end of June."),
]

ELSEWHERE = [
    (("party",), "Leaders of the three party coalition met on Tuesday."),
    (("firm",), "The company said it would appeal."),
]


@pytest.mark.parametrize(("asked", "text"), UNNAMED, ids=[u[1][:40] for u in UNNAMED])
def test_an_indefinite_or_bare_mention_leaves_the_noun_unnamed(
    asked: tuple[str, ...], text: str
) -> None:
    """'an outside firm to review ...', 'two shipping lines had ...': no name, no detail."""
    assert leaves_unnamed(asked, text)


@pytest.mark.parametrize(("asked", "text"), NAMED, ids=[n[1][:40] for n in NAMED])
def test_a_name_or_a_detail_by_the_noun_names_it(asked: tuple[str, ...], text: str) -> None:
    """A name beside the noun, a possessive or definite article, or a detail after it with a
    name or number pins the noun down."""
    assert not leaves_unnamed(asked, text)


@pytest.mark.parametrize(("asked", "text"), ELSEWHERE, ids=[e[1][:40] for e in ELSEWHERE])
def test_a_noun_modifying_another_or_absent_is_no_verdict(
    asked: tuple[str, ...], text: str
) -> None:
    """'the three party coalition' is about a coalition; a sentence without the noun says
    nothing about naming it."""
    assert not leaves_unnamed(asked, text)


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("Who founded Northgate Orbital?", "founded"),
        ("who leaked the memo to the paper", "leaked"),
        ("Who was arrested?", None),
        ("Who did she meet?", None),
        ("Who is the envoy?", None),
        ("What was founded in 2017?", None),
    ],
)
def test_only_an_active_who_question_asks_for_the_doer(question: str, verb: str | None) -> None:
    """'Who founded X?' asks who did it; 'Who was arrested?' asks who it was done to."""
    assert asked_agent_verb(question) == verb


AGENTLESS = [
    ("founded", "Northgate has raised $600 million since it was founded in 2017."),
    ("leaked", "The Courier reported, citing a leaked memo, that talks had stalled."),
    ("built", "The bridge was built in 1962 and closed on Monday."),
    ("founded", "Founded in 2011 and based in Fenwick Park, the firm employs 3,400 people."),
]

AGENT_NAMED = [
    ("founded", "The company was founded by two engineers in 2017."),
    ("leaked", "An aide leaked the memo to the Courier on Tuesday."),
    ("heads", "The head of the Mossad met the head of the CIA."),
    ("built", "The town has no bridge."),
    ("founded", "Founded by two engineers in 2011, the firm employs 3,400 people."),
]


@pytest.mark.parametrize(("verb", "text"), AGENTLESS, ids=[a[1][:40] for a in AGENTLESS])
def test_a_passive_without_by_leaves_the_doer_unnamed(verb: str, text: str) -> None:
    assert leaves_agent_unnamed(verb, text)


@pytest.mark.parametrize(("verb", "text"), AGENT_NAMED, ids=[a[1][:40] for a in AGENT_NAMED])
def test_an_active_verb_a_by_phrase_a_noun_or_no_use_is_no_verdict(verb: str, text: str) -> None:
    """'founded by two engineers' and 'An aide leaked' name the doer; 'the head of' is a
    noun; a sentence without the verb says nothing about it."""
    assert not leaves_agent_unnamed(verb, text)
