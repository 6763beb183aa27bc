"""Follow-up questions: pronouns, ellipsis ('Where?', 'And Barnea?') and 'that' resolved against
the conversation, while a new, fully specified question is left alone."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from knowledge.dialogue import Conversation
from knowledge.index import Index, concepts_of, holds, is_known, phrase_concepts
from knowledge.lexicon import lexicon, tokens
from knowledge.question import Question, analyse

__all__ = ["FollowUp", "resolve"]

_PRONOUN = re.compile(
    r"\b(?:he|she|him|her|his|hers|they|them|their|it|its|there|that|this|then|those)\b", re.I
)
_EXISTENTIAL = re.compile(
    r"\b(?:(?:is|are|was|were|will|would|could|can|might|has|have|had)\s+there\b"
    r"|there\s+(?:is|are|was|were|will|would|could|can|might|has|have|had|'s)\b)",
    re.I,
)
"""'How many suspects are there?', 'Will there be a statement?': 'there' points at nothing."""
_PERSONAL = re.compile(r"\b(?:he|she|him|her|his|hers)\b", re.I)
_DEMONSTRATIVE = re.compile(r"\b(?:that|this|it|there|those|then)\b", re.I)
_OBJECT_IT = re.compile(
    r"\b(?:about|on|to|of|with|confirm|deny|denied|dispute|disputed|reject|rejected) "
    r"(?:it|that|this)\W*$",
    re.I,
)
_AUXILIARY_PRONOUN = re.compile(
    r"\b(?:did|does|do|has|have|had|is|was|are|were|will|would|can|could)\s+(?:he|she)\b", re.I
)
"""'How often has he talked ...': 'he' is the subject, whatever words come before."""
_SUBJECT = re.compile(r"^(?:\w+ ){0,2}(?:he|she|they)\b", re.I)
_BARE_WH = re.compile(
    r"^(?:and |so |but )?(?:when|where|why|how|who|what|with whom|how come|why not|"
    r"(?:for )?how (?:long|many|much|far|old|often)|(?:since|until|till|by) when|"
    r"for what(?: reason| purpose)?|to whom|from whom|from where|in what way|"
    r"(?:when|where|why|who) exactly)\W*$",
    re.I,
)
_SOURCE = re.compile(
    r"^(?:and |so |but )?(?:according to (?:whom|who)|says who|who says(?: so)?|"
    r"who (?:said|says|reported|claimed|estimated|announced|stated) (?:so|that|this|it)|"
    r"(?:what|who) (?:is|are|was|were|'s) (?:the|its|their|his|her) sources?|sources?|"
    r"on whose authority|"
    r"where (?:does|did|do) (?:that|this|it|(?:that|this|the) (?:figure|number|claim|"
    r"information|estimate|data|account|report|story|detail)s?) come from|"
    r"where (?:does|did|do) (?:it|they|he|she|you) (?:get|have|take) (?:that|this|it)(?: from)?|"
    r"how (?:do|does|did) (?:we|they|you|anyone) know(?: that| this| it)?|"
    r"(?:what|who) (?:is|was) (?:that|this|it) based on)\W*$",
    re.I,
)
"""'According to whom?', 'Says who?': asks who is the source of the last answer."""
_REST = re.compile(
    r"^(?:the |all the )?(?:rest|others|other ones|remaining ones|remainder)(?: of them)?\W*$"
    r"|^(?:everyone|everybody|anyone) else\W*$",
    re.I,
)
_SWITCH = re.compile(r"^(?:and|what about|how about|and what about|what of)\b\s*", re.I)
_QUESTION_START = re.compile(
    r"^(?:who|whom|whose|what|when|where|why|how|which|did|does|do|is|was|are|were|has|have|"
    r"had|can|could|will|would)\b",
    re.I,
)
_ABOUT = re.compile(r"^(?:and )?(?:what )?about\b", re.I)
_ELSE = re.compile(r"\b(?:else|instead)\b", re.I)


@dataclass(frozen=True)
class FollowUp:
    """The resolved question and the sentence the conversation is focused on (if any)."""

    question: Question
    focus: int | None
    loose: bool = False
    """The last turn asked what something is: its answer introduced it, so the focus only
    breaks ties the follow-up's own words leave open."""
    besides: int | None = None
    """'What else ...?': the sentence of the last answer, which is not asked for again."""
    told: bool = False
    """The focus is the sentence that tells of the one the follow-up's pronoun means: with no
    other word to match ('What happened to him?'), it is the answer."""
    reaction: int | None = None
    """'Did the ministry confirm it?', 'Does the company agree?' after a report: the sentence
    at or right after the last answer that tells how someone reacted to it ('The ministry
    declined to comment'), which answers whatever word the reaction is asked with."""


_ASIDE = re.compile(
    r"^(?:(?:by the way|anyway)\b,?\s*|(?:ok(?:ay)?|well|right|so),\s*)+(?=\w)"
    r"|(?:,\s*|\s+)(?:by the way|anyway|exactly|please)(?=\W*$)",
    re.I,
)
"""'by the way', 'anyway', 'exactly': asides in talk that ask nothing of the article."""


_GLUE = re.compile(
    r"^(?:and|so|but|then|also)\s+(?=(?:who|whom|whose|what|when|where|why|how|which|did|does|do|"
    r"is|was|are|were|has|have|had|can|could|will|would)\b\s*\w)",
    re.I,
)
"""'And what did she say?': the 'and' joins the question to the talk, it asks nothing."""


def resolve(text: str, context: Conversation, index: Index) -> FollowUp:
    """Spell out a follow-up against the context; a standalone question passes unchanged.
    'What else did it open?' asks without the lean to the last answer ('else' no topic word),
    and not for the last answer's sentence again."""
    text = _ASIDE.sub("", text) or text
    text = _GLUE.sub("", text)
    if not _ELSE.search(text) or context.fact is None or context.asked:
        found = _resolve(_topic_first(text), context, index)
        reaction = _reaction(text, found.question, context, index)
        return found if reaction is None else replace(found, reaction=reaction)
    rest = re.sub(r"\s+", " ", _ELSE.sub(" ", text)).strip()
    found = _resolve(_topic_first(rest), context, index)
    # 'else' asks for something besides the last answer: not its sentence again
    return FollowUp(found.question, None, found.loose, besides=_focus(context, index))


def _resolve(text: str, context: Conversation, index: Index) -> FollowUp:
    question = analyse(text, index)
    previous_text = context.question
    if previous_text is None and context.asked is None:
        return FollowUp(question, None)
    pronoun = _PRONOUN.search(_EXISTENTIAL.sub(" ", text))
    switch = bool(_SWITCH.match(text)) and not _QUESTION_START.match(_SWITCH.sub("", text))
    if question.entities and not pronoun and not switch:
        return FollowUp(question, None)
    focus = _focus(context, index)
    if not question.entities and not context.asked and _definite(question, context, index):
        return FollowUp(question, focus)
    source = bool(_SOURCE.match(text))
    if pronoun and _OBJECT_IT.search(text) and _reported(context, index):
        # 'Did the minister confirm it?' after a report: 'it' is the report, not its source,
        # and the answer is a reaction to it, elsewhere than the report's own sentence.
        question.concepts += [c for c in concepts_of(["report"]) if c not in question.concepts]
        return FollowUp(question, None)
    after = _unnamed_next(text, question, context, index, focus)
    if after is not None:
        return FollowUp(question, after, told=True)
    referred = _with_referent(text, replace(question), context, index) if pronoun else question
    thin = pronoun and not context.asked and not referred.entities and _thin(question)
    # 'Why?' after a question that went unanswered still asks about that question.
    again = context.asked or previous_text
    if (source or thin or _BARE_WH.match(text)) and again:
        return FollowUp(_reasked(text, again, question, source, index), focus)
    if switch and previous_text and _REST.match(_SWITCH.sub("", text)):
        # 'And the rest?': the last question for the others of the group it was about, which
        # the sentence that counted some of them goes on to tell
        return FollowUp(_reasked(text, previous_text, question, False, index), focus)
    if switch and again:
        # 'And Brenning?' after 'How old is the Ostranian minister?' went unanswered still
        # asks that question of Brenning.
        return FollowUp(_switched(text, again, question, index), None)
    if pronoun:
        loose = bool(previous_text) and analyse(previous_text or "", index).definition
        return FollowUp(referred, focus, loose)
    if not question.entities and not context.asked:
        if not question.concepts and previous_text:
            # 'Will there be more?' names nothing at all: more of what the last question asked
            earlier = analyse(previous_text, index)
            question.concepts, question.entities = earlier.concepts, earlier.entities
        # Nothing named, no pronoun ('How many people were hurt?'): still the same topic, so
        # the last answer's sentence wins where it holds the words as well as another.
        return FollowUp(question, focus)
    return FollowUp(question, None)


def _reasked(
    text: str, previous_text: str, question: Question, source: bool, index: Index
) -> Question:
    """The last question asked again for the new question word ('Where?'), or for its source
    ('According to whom?')."""
    previous = analyse(previous_text, index)
    wh = previous.wh if question.wh == "none" else question.wh  # 'And the rest?'
    previous.wh, previous.text = "person" if source else wh, text
    if source:
        # The source of 'What is Qatar threatening?' is not a definition of Qatar.
        previous.definition = False
        # 'Who reported that?' names the kind of source; 'Where does that come from?' not.
        verb = re.match(r"^(?:and |so |but )?who\b", text, re.I)
        asked = [c for c in question.concepts if verb and is_known(c, index)]
        previous.concepts += [c for c in asked if c not in previous.concepts]
    return previous


_TOPIC_FIRST = re.compile(
    r"^(?:and|but|so|what about|how about|as for)\s+(?P<topic>[^,]{2,60}),\s*"
    r"(?P<question>(?:who|whom|what|when|where|why|how|which|did|does|do|is|was|are|were|has|"
    r"have|had|can|could|will|would)\b.*)$",
    re.I,
)
_STANDING = re.compile(r"\b(?:he|she|it|they|him|her|them)\b", re.I)


def _topic_first(text: str) -> str:
    """'And the union, what did it say?' asks 'What did the union say?'."""
    found = _TOPIC_FIRST.match(text)
    if found is None:
        return text
    topic, question = found.group("topic"), found.group("question")
    if _STANDING.search(question):
        return _STANDING.sub(topic, question, count=1)
    return f"{question.rstrip(' ?')} {topic}?"


def _thin(question: Question) -> bool:
    """'When was that?', 'Why did it do that?': a pronoun and a question word, nothing of its
    own to match, so as elliptical as 'When?'."""
    if question.wh in ("none", "yesno") or question.entities:
        return False
    placeholders = frozenset().union(*phrase_concepts("take place"))
    return all(c & placeholders for c in question.concepts)


def _focus(context: Conversation, index: Index) -> int | None:
    if context.fact is None:
        return None
    for i, sentence in enumerate(index.sentences):
        if sentence.id == context.fact:
            return i
    return None


def _switched(text: str, previous_text: str, question: Question, index: Index) -> Question:
    """'And Barnea?' after 'Who did Burns meet?' asks 'Who did Barnea meet?'."""
    rest = _SWITCH.sub("", text).strip(" ?!.")
    words = tokens(previous_text)
    if question.entities:
        span = _last_name_span(words, index) or _subject_span(words)
        if span is not None:
            replacement = tokens(rest)
            while replacement and replacement[0] in ("the", "a", "an") and span[0] > 0:
                if words[span[0] - 1] not in ("the", "a", "an"):
                    break
                replacement = replacement[1:]
            words = words[: span[0]] + replacement + words[span[1] :]
            rewritten = analyse(" ".join(words), index)
            rewritten.text = text
            return rewritten
    if _ABOUT.match(text) or not question.entities:
        cut = _about_position(words)
        words = (words[:cut] if cut is not None else words) + ["about", *tokens(rest)]
    rewritten = analyse(" ".join(words), index)
    rewritten.text = text
    return rewritten


_AUXILIARY = re.compile(r"^(?:did|does|do|is|was|are|were|has|have|had|can|could|will|would)$")


def _subject_span(words: list[str]) -> tuple[int, int] | None:
    """'the firm' in 'did the firm respond': the subject the previous question named without
    a name, right after its auxiliary, for 'And Lang?' to stand in for."""
    for i, word in enumerate(words[:4]):
        if _AUXILIARY.match(word):
            if i + 2 < len(words) and words[i + 1] == "the":
                return (i + 1, i + 3)
            return None
    return None


def _last_name_span(words: list[str], index: Index) -> tuple[int, int] | None:
    names = {tuple(p.text.split()) for p in index.phrases if p.is_name}
    best: tuple[int, int] | None = None
    for length in (4, 3, 2, 1):
        for start in range(len(words) - length + 1):
            if tuple(words[start : start + length]) in names and (best is None or start >= best[1]):
                best = (start, start + length)
    return best


def _about_position(words: list[str]) -> int | None:
    positions = [i for i, w in enumerate(words) if w == "about"]
    return positions[-1] if positions else None


def _reported(context: Conversation, index: Index) -> bool:
    """The last answer came from a report ('According to the Herald, ...')."""
    focus = None if context.asked else _focus(context, index)
    return focus is not None and any(f.kind == "report" for f in index.facts_by_sentence[focus])


def _by_gender(entities: list[str], other: str | None, index: Index) -> list[str]:
    """'she' is not someone the article calls 'he'; and she is rather someone it calls 'she'
    than someone whose pronoun it never uses."""
    if other is None:
        return entities
    genders = {e: index.entities[e].gender for e in entities if e in index.entities}
    known = [e for e in entities if genders.get(e) not in (None, other)]
    fitting = known + [e for e in entities if genders.get(e) is None]
    # The article's pronouns can mislead ('His sister, Clara Reyke' made her 'he'): when no
    # one of the last turn fits, the reader still means the one it was about.
    people = [e for e in entities if index.entity_kinds.get(e) == "person"]
    if any(e in people for e in fitting):
        return fitting
    return fitting + people[:1]


_OWN = {
    "male": re.compile(r"\b(?:he|him|his)\b", re.I),
    "female": re.compile(r"\b(?:she|her)\b", re.I),
}


def _unnamed_next(
    text: str, question: Question, context: Conversation, index: Index, focus: int | None
) -> int | None:
    """'What happened to him?' after 'Marovy said her younger brother ... she last saw him':
    'him' is no one the conversation named (she is a woman) but the man the last answer left
    unnamed, and the next sentence, opening 'He was arrested ...', goes on about him (or, in
    the same paragraph, tells of him further on: 'In it, he told her ...')."""
    other = _other_gender(text)
    if other is None or question.entities or focus is None or focus + 1 >= len(index.sentences):
        return None
    own = "female" if other == "male" else "male"
    people = [e for e in context.entities if index.entity_kinds.get(e) == "person"]
    if any(index.entities[e].gender in (own, None) for e in people if e in index.entities):
        return None
    here, after = index.sentences[focus], index.sentences[focus + 1]
    if after.paragraph != here.paragraph or not _OWN[own].search(after.text):
        return None
    return focus + 1 if _OWN[own].search(here.text) else None


def _other_gender(text: str) -> str | None:
    """The gender the question's first personal pronoun rules out (its subject, most often:
    'he' in 'What did he tell her?')."""
    found = _PERSONAL.search(text)
    if found is None:
        return None
    return "male" if found.group(0).lower() in ("she", "her", "hers") else "female"


def _with_referent(text: str, question: Question, context: Conversation, index: Index) -> Question:
    """Give 'he', 'it', 'they' the entity (or the topic) of the last turn."""
    personal = bool(_PERSONAL.search(text))
    if question.entities:
        return _with_person(text, question, context, index) if personal else question
    plural = bool(_PLURAL.search(text))
    if context.asked and not personal:
        earlier = analyse(context.asked, index)
        if earlier.concepts and not earlier.entities:
            # The last turn went unanswered, but 'they' still means what it asked about.
            question.concepts = question.concepts + earlier.concepts
            return question
    people = [e for e in context.entities if index.entity_kinds.get(e) == "person"]
    if plural and len(people) >= 2:
        question.entities = people[:2]
        _spell_out(question, people[:2], index)
        question.subjects = question.subjects or (people[:2] if _SUBJECT.search(text) else [])
        return question
    for entity in _by_gender(context.entities, _other_gender(text), index):
        kind = index.entity_kinds.get(entity)
        if kind == "date" or (personal and kind != "person"):
            continue
        if plural and kind in ("person", "place"):
            continue  # 'them' is not one person or a place: it is what was asked about
        question.entities = [entity]
        _spell_out(question, [entity], index)
        if _SUBJECT.search(text):
            question.subjects = question.subjects or [entity]
        question.primary = question.primary or entity
        return question
    if (context.asked and _DEMONSTRATIVE.search(text)) or re.search(r"\bthey\b", text, re.I):
        earlier = analyse(context.asked or "", index)
        question.concepts = question.concepts + [
            c for c in earlier.concepts if c not in question.concepts
        ]
    if plural and not context.asked and context.question:
        question.entity_words = question.entity_words + _topic(question, context, index)
    return question


def _definite(question: Question, context: Conversation, index: Index) -> bool:
    """'What did the minister say?' after an answer naming 'Foreign Minister Radek Solm': 'the'
    and a title point back, like 'he', at the person of the last turn who holds that title."""
    words, titles = question.words, lexicon().titles
    for i, word in enumerate(words[1:], start=1):
        if word not in titles or words[i - 1] != "the":
            continue
        asked = concepts_of([word])
        holders = [
            e
            for e in context.entities
            if index.entity_kinds.get(e) == "person" and _titled(e, asked, index)
        ]
        if not holders:
            continue
        question.entities = question.described = [holders[0]]
        question.primary = holders[0]
        question.concepts = [c for c in question.concepts if c not in asked]
        if i <= 3:
            question.subjects = [holders[0]]
        question.words = words[: i - 1] + tokens(index.entities[holders[0]].name) + words[i + 1 :]
        return True
    return False


def _titled(entity: str, asked: list[frozenset[str]], index: Index) -> bool:
    """One of the entity's titles holds the asked title word."""
    return any(
        not phrase.is_name and all(any(c & t for t in phrase.concepts) for c in asked)
        for phrase in index.phrases
        if phrase.entity == entity
    )


_PLURAL = re.compile(r"^(?:(?!\b(?:he|she|him|his)\b).)*\b(?:they|them|their)\b", re.I)
"""'they' asked about before any 'he' or 'she': in 'How long did he give them?' the one to
find is 'he' ('them' is whom he gave it to)."""


def _with_person(text: str, question: Question, context: Conversation, index: Index) -> Question:
    """'What did he say about the Ledger report?' names the report, and 'he' is still the
    man of the last turn: a question that names no person gets him besides what it names."""
    kinds = index.entity_kinds
    named = [e for e in question.entities if kinds.get(e) == "person"]
    # 'How often has he talked to the envoy?': 'he' is the subject and the envoy is someone
    # else, so he is still the person of the last turn
    asks_of = bool(_SUBJECT.search(text) or _AUXILIARY_PRONOUN.search(text))
    subject = asks_of and not set(named) & set(question.subjects)
    if named and not subject:
        return question
    people = [e for e in context.entities if kinds.get(e) == "person" and e not in named]
    for entity in _by_gender(people, _other_gender(text), index)[:1]:
        question.entities = [entity, *question.entities]
        _spell_out(question, [entity], index)
        if _SUBJECT.search(text):
            question.subjects = [entity, *question.subjects]
        question.primary = entity
    return question


_REFERRING = frozenset(
    {"he", "she", "him", "her", "his", "hers", "they", "them", "their", "it", "its"}
)


def _spell_out(question: Question, entities: list[str], index: Index) -> None:
    """Name the referent in the question's words ('what did he say' -> 'what did teodor manev
    say'), so that a later 'And Dobreva?' or 'Where?' re-asks it with a name in it."""
    named = tokens(" and ".join(index.entities[e].name for e in entities))
    for i, word in enumerate(question.words):
        if word in _REFERRING:
            question.words = question.words[:i] + named + question.words[i + 1 :]
            return


def _topic(question: Question, context: Conversation, index: Index) -> list[frozenset[str]]:
    """The words the last question used for what 'they' now stands for."""
    earlier = analyse(context.question or "", index).concepts
    return [c for c in earlier if c not in question.concepts and is_known(c, index)]


_ASKS_REACTION = re.compile(
    r"\b(?:confirm|deny|denied|respond|react|reply|replied|comment|agree|admit|acknowledge|"
    r"accept|dispute|reject)\w*\b|\bsa(?:y|id) anything\b",
    re.I,
)
_REACTS = re.compile(
    r"\b(?:denied|denies|deny|denying|declined to comment|refused to comment|would not comment"
    r"|did not (?:respond|comment|reply)|could not be reached|confirmed|rejected|disputed"
    r"|dismissed|acknowledged|admitted|(?:did not|would not|refused to) (?:give|offer) "
    r"(?:\w+ ){0,2}(?:answer|reply|response))\b",
    re.I,
)
"""How news writing tells a reaction: denied, declined to comment, could not be reached."""


def _reaction(text: str, question: Question, context: Conversation, index: Index) -> int | None:
    """The sentence telling the reaction 'Did the firm respond?' asks about: the last answer's
    own ('a charge he has always denied') or, most often, the next one (a report, then 'The
    ministry declined to comment'), when it names whatever the question names."""
    focus = _focus(context, index)
    if focus is None or not _ASKS_REACTION.search(text):
        return None
    named = [e for e in question.entities if index.entity_kinds.get(e) != "date"]
    for i in (focus, focus + 1):
        if i >= len(index.sentences) or not _REACTS.search(index.sentences[i].text):
            continue
        have = index.concepts[i]
        # 'the prime minister's office' and 'a spokesman for the prime minister': the words
        # that named the entity are there, if not the entity the builder found
        worded = bool(question.entity_words) and all(holds(c, have) for c in question.entity_words)
        if worded or all({f"@{e}", f"~@{e}", f"^@{e}"} & have for e in named):
            return i
    return None
