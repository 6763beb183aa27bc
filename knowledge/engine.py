"""The question-answering engine: a question in, an answer with its source out.

Pipeline: clean -> small talk -> follow-up context -> analyse -> rank sentences -> decide
(answer / suggest / abstain by calibrated thresholds) -> render from the fact's slots.
"""

from __future__ import annotations

import re

from knowledge.answers import Answer, AnswerKind, Source
from knowledge.credit import CreditAsk, asks_credit, credit_answer
from knowledge.dialogue import Conversation
from knowledge.followups import resolve
from knowledge.index import Index, build_index, holds, is_known
from knowledge.lexicon import lexicon, stem
from knowledge.matching import Match, rank
from knowledge.naming import asked_agent_verb
from knowledge.question import Question, analyse, asks_career, clean
from knowledge.render import (
    clip_answer,
    concise_answer,
    defining_role,
    example_for,
    example_questions,
)
from knowledge.schema import Entity, FactBase, Sentence
from knowledge.statements import DATELINE

__all__ = ["ANSWER_THRESHOLD", "MAX_QUESTION_CHARS", "SUGGEST_THRESHOLD", "Engine"]

MAX_QUESTION_CHARS = 500
"""Longer questions are cut to this many characters (and the reply says so)."""
ANSWER_THRESHOLD = 0.6
SUGGEST_THRESHOLD = 0.35
BONUS_CAP = 0.1
"""Type bonuses reorder candidates but lift confidence above word coverage by at most this."""
COVERAGE_MIN = 0.4
"""Below this word coverage, neither bonuses nor a clear lead lift the confidence."""
MARGIN_CAP = 0.1
"""A clear lead over the runner-up adds up to this much confidence."""

_GREETING = re.compile(
    r"^(?:hi|hello|hey|hiya|howdy|yo|good (?:morning|afternoon|evening)|greetings|"
    r"thanks?(?: you)?|thank you(?: very much| so much)?|thx|ty|cheers|bye|goodbye|see you|ok|okay|"
    r"cool|great|nice|who are you|what are you|what can you do|how are you|help|start|"
    r"are you a bot|are you human)(?: (?:there|bot|again|everyone|all|friend))?\b[\s!.?]*$"
    # small talk with more words: thanks and goodbyes, reactions, asking about the bot itself
    r"|^(?:(?:ok(?:ay)?|great|cool|nice|perfect|got it)[, ]+)?(?:thanks?|thank you|cheers)"
    r"(?: (?:a lot|so much|very much|mate|again|for (?:the|your) help))*[\s!.?]*$"
    r"|^(?:see you(?: later| soon)?|later|bye for now|good ?night|take care|sorry|never mind"
    r"|nevermind|interesting|wow|awesome|amazing|lol|haha|hmm+|good bot|bad bot|well done"
    r"|test(?:ing)?|ping|yes|no|nope|yep|sure|fine"
    r"|(?:that(?:'s| is| was) )?(?:really |very |so |super )?(?:helpful|useful|great|interesting"
    r"|good|nice|cool|perfect|clear)|that helps)\b[\s!.?]*$"
    r"|^(?:\w+ ){0,3}(?:made|built|created|programmed|designed|trained|developed|wrote) you\b"
    r"[\s!.?]*$|^(?:\w+ ){0,3}your (?:name|creator|maker|owner|purpose|job)\b[\s!.?]*$"
    r"|^(?:tell me a joke|how (?:does|do) (?:this|it|you) work|what (?:can|should|do) (?:i|we)"
    r" ask(?: you)?|how (?:can|do) i use (?:this|you)|are you (?:a |an )?(?:robot|machine|ai|real)"
    r"|what(?:'s| is) up)\b[\s!.?]*$",
    re.IGNORECASE,
)

_OPENING_CHAT = re.compile(
    r"^(?:(?:hi|hello|hey|thanks?|thank you|sorry|please)(?: there| bot)?[\s,!.]+"
    r"|(?:ok(?:ay)?|great|cool)(?:[,!.]+\s*|\s+(?=(?:who|what|when|where|why|how|which|did|does"
    r"|do|is|are|was|were|and|so|can|could|tell)\b)))+(?=\w)",
    re.IGNORECASE,
)
"""'Thanks! Who did he meet?': small talk before a question is no part of it ('Great Britain'
is no small talk: 'ok', 'great', 'cool' count only before a comma or a question word)."""
_SUMMARY = re.compile(
    r"^(?:(?:can you |could you |please )?(?:summari[sz]e|sum up)(?: (?:the|this|it))?"
    r"(?: (?:article|story|news|report))?"
    r"|(?:give me |what(?:'s| is) )?(?:a |the )?(?:summary|gist|main point|tl;?dr)"
    r"(?: of (?:the|this) (?:article|story|news|report))?"
    r"|what(?:'s| is) (?:the|this) (?:article|story|report|piece|news) about"
    r"|what(?:'s| is) (?:it|this) about|what(?:'s| is) the (?:news|story))[\s!.?]*$",
    re.IGNORECASE,
)
"""'What is this article about?', 'summarise it', 'tl;dr': answered by the lead sentence."""
_TELL_ABOUT = re.compile(
    r"^(?:can you |could you |please )?(?:tell me(?: more)?|what (?:do you know|can you tell me)"
    r"|(?:give me )?(?:some )?info(?:rmation)?)(?: more)? (?:about|on) (?P<topic>.+)$",
    re.IGNORECASE,
)
"""'Tell me about Bill Burns', 'What do you know about Barnea?': who that person is."""
_THANKS = re.compile(r"\b(?:thanks?|thank you|thx|ty|cheers)\b", re.IGNORECASE)
_GOODBYE = re.compile(r"\b(?:bye|goodbye|see you|later|good ?night|take care)\b", re.IGNORECASE)


class Engine:
    """Answers questions about one fact base. Pure and synchronous; share one per article."""

    def __init__(self, fact_base: FactBase) -> None:
        self.fact_base = fact_base
        self.index: Index = build_index(fact_base)
        self._examples = example_questions(self.index, 6)

    def examples(self, count: int = 3) -> list[str]:
        """Questions this article can answer, for help texts and buttons."""
        return self._examples[:count]

    def ask(self, question: str, conversation: Conversation | None = None) -> Answer:
        """Answer one question, using and updating the conversation's context."""
        context = conversation if conversation is not None else Conversation()
        truncated = len(question) > MAX_QUESTION_CHARS
        asked = question[:MAX_QUESTION_CHARS]
        text = clean(asked)
        if not re.search(r"[A-Za-z0-9]", text):
            return self._empty(asked, truncated)
        rest = _OPENING_CHAT.sub("", text)
        if _GREETING.match(text) or _GREETING.match(rest):
            return self._greeting(asked, truncated)
        text = self._who_is(rest or text)
        credited, context.credited = context.credited, False
        article = self.fact_base.article
        ask = asks_credit(text, article.credit_line, credited or context.turns == 0)
        if ask is not None and (ask.name is None or not analyse(text, self.index).entities):
            return self._credit(asked, ask, context, truncated)
        if _SUMMARY.match(text) and self.index.sentences:
            return self._summary(asked, context, truncated)
        follow_up = resolve(text, context, self.index)
        analysed = follow_up.question
        matches = rank(analysed, self.index, focus=follow_up.focus, loose=follow_up.loose)
        matches = [m for m in matches if m.sentence != follow_up.besides]
        if not matches and follow_up.told and follow_up.focus is not None:
            matches = [Match(follow_up.focus, ANSWER_THRESHOLD, ANSWER_THRESHOLD, False)]
        if follow_up.reaction is not None and not _reacted(matches, follow_up.reaction):
            reaction = Match(follow_up.reaction, ANSWER_THRESHOLD, ANSWER_THRESHOLD, False)
            matches = [reaction, *[m for m in matches if m.sentence != follow_up.reaction]]
        context.asked = text
        return self._decide(asked, analysed, matches, context, truncated)

    def _decide(
        self,
        asked: str,
        question: Question,
        matches: list[Match],
        context: Conversation,
        truncated: bool,
    ) -> Answer:
        best = matches[0] if matches else None
        confidence = _lifted(question, self.index, matches, _confidence(matches))
        if _unknown_role(question, self.index) and not (
            best and (best.not_known or _role_named(question, self.index, best.sentence))
        ):
            confidence = min(confidence, SUGGEST_THRESHOLD - 0.01)
        if best is not None and _unnamed_person(question, self.index, best.sentence):
            confidence = min(confidence, SUGGEST_THRESHOLD - 0.01)
        if best is not None and _action_only_related(question, self.index, best.sentence):
            confidence = min(confidence, ANSWER_THRESHOLD - 0.01)
        if best is not None and _tenure_unsaid(question, self.index, best.sentence):
            confidence = min(confidence, ANSWER_THRESHOLD - 0.01)
        if best is not None and _undefined_term(question, self.index, best.sentence):
            confidence = min(confidence, SUGGEST_THRESHOLD - 0.01)
        if best is not None and _other_time(question, self.index, best.sentence):
            confidence = min(confidence, ANSWER_THRESHOLD - 0.01)
        if best is None or confidence < SUGGEST_THRESHOLD:
            return self._abstain(asked, truncated, confidence)
        if confidence < ANSWER_THRESHOLD:
            return self._suggest(asked, question, matches, truncated, confidence)
        best = _defining(question, self.index, matches) or best
        answer, not_known = concise_answer(question, self.index, best.sentence)
        sentence = self.index.sentences[best.sentence]
        candidates = self.index.sentence_entities[best.sentence] - set(question.entities)
        answered = self._entities_in(answer, candidates)
        context.entities = answered + [
            e for e in [*question.entities, *self.index.salient[best.sentence]] if e not in answered
        ]
        context.entities = list(dict.fromkeys(context.entities))
        context.question = " ".join(question.words) if len(question.words) > 1 else context.question
        context.fact = sentence.id
        context.asked = None
        context.turns += 1
        kind: AnswerKind = "not_known" if not_known else "answer"
        return _sourced(asked, answer, sentence, confidence, kind, truncated)

    def _who_is(self, text: str) -> str:
        """'Tell me about Bill Burns' asks 'Who is Bill Burns?' (about anything else, the
        question stays as it is: its words find the sentences about it)."""
        found = _TELL_ABOUT.match(text)
        if found is None:
            return text
        who = f"who is {found.group('topic')}"
        people = analyse(who, self.index).entities
        return who if any(self.index.entity_kinds.get(e) == "person" for e in people) else text

    def _summary(self, asked: str, context: Conversation, truncated: bool) -> Answer:
        """'What is the article about?': the lead sentence, which says it in news writing."""
        sentence = self.index.sentences[0]
        context.fact = sentence.id
        context.entities = list(self.index.salient[0])
        # a new start, as after any answer: an older question is no longer what 'Why?' asks
        context.question = context.asked = None
        context.turns += 1
        answer = clip_answer(DATELINE.sub("", sentence.text))
        return _sourced(asked, answer, sentence, 1.0, "answer", truncated)

    def _credit(self, asked: str, ask: CreditAsk, context: Conversation, truncated: bool) -> Answer:
        """'Who wrote this article?': the credit line says, when it names someone; a line
        naming only an agency ('With AFP') is said, not cited as an answer."""
        article = self.fact_base.article
        answer = credit_answer(ask, article.credit_line) if article.credit_line else None
        if answer is None:
            work = "edited" if ask.editing else "wrote"
            agency = f"; it is credited to {article.credit}" if article.credit else ""
            intro = f"The article doesn't say who {work} it{agency}. You could ask:"
            return _unanswered(asked, truncated, "abstain", intro, self.examples(3), 0.0)
        context.credited = True
        context.asked = None
        paragraph = max((p.number for p in article.paragraphs), default=0) + 1
        line = article.credit_line or ""
        start = max(0, article.text.find(line))
        source = Sentence(
            id=f"p{paragraph}s1",
            paragraph=paragraph,
            index=1,
            text=line,
            start=start,
            end=start + len(line),
        )
        return _sourced(asked, clip_answer(answer), source, 1.0, "answer", truncated)

    def _entities_in(self, text: str, candidates: set[str]) -> list[str]:
        """People and organisations a rendered answer names (what 'he' will mean next); only
        the sentence's own entities can appear in an answer drawn from it."""
        found = []
        for entity_id in candidates:
            entity = self.index.entities.get(entity_id)
            if entity is None or entity.kind not in ("person", "organisation"):
                continue
            positions = [text.find(n) for n in [entity.name, *entity.aliases] if n in text]
            if positions:
                found.append((min(positions), entity_id))
        return [entity_id for _, entity_id in sorted(found)]

    def _abstain(self, asked: str, truncated: bool, confidence: float) -> Answer:
        intro = "The article doesn't say. I can only answer from this article; you could ask:"
        return _unanswered(asked, truncated, "abstain", intro, self.examples(3), confidence)

    def _suggest(
        self, asked: str, question: Question, matches: list[Match], truncated: bool, conf: float
    ) -> Answer:
        suggestions = _suggestions(self.index, matches) or self.examples(3)
        intro = "I'm not sure the article answers that. Did you mean:"
        return _unanswered(asked, truncated, "suggest", intro, suggestions, conf)

    def _greeting(self, asked: str, truncated: bool) -> Answer:
        if _THANKS.search(asked):
            intro = "You're welcome! Ask me anything else about the article, for example:"
        elif _GOODBYE.search(asked):
            intro = "Goodbye! If you come back, you could ask:"
        else:
            intro = (
                "Hello! I answer questions about one news article, quoting the sentence each"
                " answer comes from. Try:"
            )
        return _unanswered(asked, truncated, "greeting", intro, self.examples(3), 1.0)

    def _empty(self, asked: str, truncated: bool) -> Answer:
        intro = "Please ask a question in words, for example:"
        return _unanswered(asked, truncated, "empty", intro, self.examples(3), 0.0)


def _sourced(
    asked: str,
    answer: str,
    sentence: Sentence,
    confidence: float,
    kind: AnswerKind,
    truncated: bool,
) -> Answer:
    """An answer and the sentence it comes from, verbatim, with its paragraph."""
    source = Source(text=sentence.text, paragraph=sentence.paragraph, sentence=sentence.index)
    reply = f"{answer}\n\nSource, paragraph {sentence.paragraph}: {sentence.text}"
    return Answer(
        question=asked,
        answered=True,
        answer=answer,
        reply=f"{reply}{_truncation_note(truncated)}",
        sources=[source],
        confidence=confidence,
        suggestions=[],
        kind=kind,
        truncated=truncated,
    )


def _unanswered(
    asked: str,
    truncated: bool,
    kind: AnswerKind,
    intro: str,
    suggestions: list[str],
    confidence: float,
) -> Answer:
    """A reply without a sourced answer: a line of explanation, then questions to try (an
    article too short to suggest any leaves the line alone, without its colon)."""
    listed = "\n".join(f"• {s}" for s in suggestions)
    if not suggestions:
        intro = re.sub(r"(?:,? for example|;? you could ask| Did you mean| Try)?:$", "", intro)
        intro = intro if intro.endswith((".", "!", "?")) else f"{intro}."
    reply = f"{intro}\n{listed}" if suggestions else intro
    return Answer(
        question=asked,
        answered=False,
        answer=None,
        reply=f"{reply}{_truncation_note(truncated)}",
        confidence=confidence,
        suggestions=suggestions,
        kind=kind,
        truncated=truncated,
    )


def _reacted(matches: list[Match], reaction: int) -> bool:
    """The ranking already answers with the reaction sentence, confidently."""
    return (
        bool(matches)
        and matches[0].sentence == reaction
        and _confidence(matches) >= (ANSWER_THRESHOLD)
    )


def _confidence(matches: list[Match]) -> float:
    """Word coverage of the best sentence, lifted a little by fit bonuses and a clear lead."""
    if not matches:
        return 0.0
    best = matches[0]
    second = matches[1].score if len(matches) > 1 else 0.0
    margin = min(MARGIN_CAP, max(0.0, best.score - second))
    grounded = min(best.score, best.coverage + BONUS_CAP)
    if best.coverage < COVERAGE_MIN:
        grounded = min(grounded, best.coverage)
    return max(0.0, min(1.0, grounded + margin))


LIFT_TYPES = ("person", "time", "place", "reason", "how")
"""Question types a one-word paraphrase is lifted for; not 'what', 'how many' or yes/no, where
a word the article lacks more often names a different thing than restates one (unanswerable
questions were then answered)."""


def _lifted(question: Question, index: Index, matches: list[Match], confidence: float) -> float:
    """A paraphrase with one word the article does not use ('Who broke the news to Hale?')
    is answered when one sentence alone holds every other word and entity of it."""
    if not matches or confidence >= ANSWER_THRESHOLD or confidence < SUGGEST_THRESHOLD:
        return confidence
    if question.wh not in LIFT_TYPES or len(question.unknown) != 1:
        return confidence
    known = [c for c in question.concepts if is_known(c, index)]
    if len(known) + len(question.entities) < 3:
        return confidence
    holding = [m for m in matches if _holds_all(question, known, index, m.sentence)]
    if len(holding) != 1 or holding[0] is not matches[0]:
        return confidence
    return ANSWER_THRESHOLD


def _holds_all(question: Question, known: list[frozenset[str]], index: Index, i: int) -> bool:
    have = index.concepts[i]
    entities = all({f"@{e}", f"~@{e}", f"^@{e}"} & have for e in question.entities)
    return entities and all(holds(k, have) for k in known)


def _unknown_role(question: Question, index: Index) -> bool:
    """'Who is the leader of X?' where no one in the article holds that role."""
    if question.wh != "person" or not question.definition or question.described:
        return False
    kinds = {index.entity_kinds.get(e) for e in question.entities}
    return "person" not in kinds


def _role_named(question: Question, index: Index, sentence: int) -> bool:
    """'Who is the fire chief?' is answered by a sentence that gives the role a name: 'Fire
    Chief Oren Talvik', 'Jonah Whitcombe, the company's chief executive'."""
    head = (question.asked or tuple(question.words))[-1]
    text = index.sentences[sentence].text
    # 'Who is the president of Calvessa?': the holder must be the country's ('Calvessan
    # President X'), not any president the sentence names ('Sarvenian President Ilsa Dravnik')
    owners = [
        re.escape(n)
        for e in question.entities
        if (place := index.entities.get(e)) is not None and _country(place)
        for n in [place.name, *place.aliases]
    ]
    for entity_id in index.sentence_entities[sentence]:
        entity = index.entities.get(entity_id)
        if entity is None or entity.kind != "person":
            continue
        for name in (re.escape(n) for n in [entity.name, *entity.aliases]):
            # 'Fire Chief Oren Talvik'; 'The captain, 58-year-old Piet Garrow'
            before = rf"\b{head}s?(?:\W{{1,3}}|,\s+(?:[\w'’-]+\s+){{1,2}}){name}"
            after = rf"{name},\s+(?:[\w'’-]+\s+){{0,5}}{head}s?\b"
            if owners:
                owner = "|".join(owners)
                before = rf"\b(?:{owner})\w*(?:['’]s)?\s+(?:[\w-]+\s+){{0,2}}{before[2:]}"
                after = rf"{name},\s+(?:[\w'’-]+\s+){{0,5}}{head}s?\s+of\s+(?:the\s+)?(?:{owner})"
            if re.search(f"{before}|{after}", text, re.IGNORECASE):
                return True
    return False


def _country(entity: Entity) -> bool:
    """A one-word place the article also turns into an adjective ('Calvessa', 'Calvessan')."""
    name = entity.name
    return (
        entity.kind == "place"
        and " " not in name
        and any(a != name and " " not in a and a[:4] == name[:4] for a in entity.aliases)
    )


_NAME_OF = re.compile(
    r"\bname of (?:the |a |an )?((?:[\w.'’-]+ )*?[\w.'’-]+)"
    r"((?: (?:who|whose|whom|that|which|where|for|of|in|at|to|from|on|with)\b.*)?)\W*$"
    r"|([\w-]+)['’]s name\b()",
    re.IGNORECASE,
)
"""'name of the Hamas armed wing spokesman', 'name of the spokesman for ...', 'Marovy's
brother's name': the noun whose name is asked is the head of its phrase."""
_PERSON_CLAUSE = re.compile(r"^\W*(?:who|whose|whom)\b", re.IGNORECASE)


def _unnamed_person(question: Question, index: Index, sentence: int) -> bool:
    """'What is the name of the employee who ...?' wants a person's name: a sentence that
    names no one but the people the question names ('an employee's password') does not give it."""
    found = _NAME_OF.search(question.text)
    if found is None:
        return False
    phrase, rest = (found.group(1), found.group(2)) if found.group(1) else (found.group(3), "")
    noun = phrase.split()[-1].lower()
    person = noun in lexicon().titles | lexicon().relatives or bool(_PERSON_CLAUSE.match(rest))
    # 'the Israeli military spokesman' may be a role the article gives a named person (in
    # 'Marovy's brother's name' the one described is the owner, not the one asked about).
    described = set(question.described) if found.group(1) else set()
    named = described | (index.sentence_entities[sentence] - set(question.entities))
    return person and not any(index.entity_kinds.get(e) == "person" for e in named)


def _action_only_related(question: Question, index: Index, sentence: int) -> bool:
    """'Who leads Hamas in Qatar?' and '... for consultation with the movement's leadership':
    a who-question asks who does something, and a sentence that holds a word of it only
    through a related word (family, relative, neighbour: 'leadership' for 'leads'), or that
    lacks the asked action altogether ('Who owns the Harbour Ledger?' and 'The Harbour
    Ledger, a business newspaper, reported ...'), does not tell who does it. (Over the other
    question types sentences holding a word only through a related one were mostly right.)"""
    if question.wh != "person":
        return False
    have = index.concepts[sentence]
    verb = asked_agent_verb(question.text)
    for concept in question.concepts:
        exact = any(c in have for c in concept if c[0] not in "%&*")
        if not exact and any(c[1:] in have for c in concept if c[0] in "%&*"):
            return True
        # 'Who leaked the draft to Handelspost?' and '... citing a draft seen by the paper'
        if not exact and verb is not None and stem(verb) in concept and question.entities:
            return True
    return False


_TENURE_ASKED = re.compile(
    r"^(?:how long|since when) (?:has|have|had) .+ been (?:an? |the )?(?!\w+(?:ing|ed|en)\b)"
    r"(?!gone\b|held\b|kept\b|in\b|at\b|on\b|there\b|away\b)\w+",
    re.IGNORECASE,
)
_TENURE_TOLD = re.compile(
    r"\b(?:since|took office|in office|appointed|elected|became|sworn in|named|served|has led"
    r"|had led|has held|had held|for (?:\w+ )?(?:years?|months?|decades?))\b",
    re.IGNORECASE,
)


def _tenure_unsaid(question: Question, index: Index, sentence: int) -> bool:
    """'How long has Oberin been prime minister?' asks how long someone has held a post; a
    sentence that names him in the post but gives the length of something else ('spent nearly
    five hours at the palace') does not say (one that says since when, or when he took office,
    may)."""
    if not _TENURE_ASKED.match(" ".join(question.words)):
        return False
    return not _TENURE_TOLD.search(index.sentences[sentence].text)


_TERM_QUESTION = re.compile(
    r"^what(?: is| are|'s| s) (?:an? )?((?:[a-z]+(?:-[a-z]+)* ?){1,3})\W*$", re.IGNORECASE
)


def _undefined_term(question: Question, index: Index, sentence: int) -> bool:
    """'What is ransomware?' asks what a word means; a sentence that only uses the word
    ('ransomware gangs') does not say, unless it defines it ('X is a ...', 'X, a ...')."""
    found = _TERM_QUESTION.match(question.text.strip())
    if found is None or question.entities or found.group(1).split()[0].lower() == "the":
        return False
    term = re.escape(found.group(1).strip())
    defines = (
        rf"\b{term}s?(?:,| is| are| was| were| means| refers to) (?:an?|the|one)\b"
        rf"|\b(?:called|known as|so-called) {term}"
    )
    return not re.search(defines, index.sentences[sentence].text, re.IGNORECASE)


_RELATIVE_TIME = re.compile(
    r"\b(before|after|prior to|following) (?:the |a |an |his |her |its )?\w"
)
_AFTER = (
    r"\b(?:after|following|since|later|then|afterwards?|leaving|emerging from|at the end of"
    r"|as (?:he|she|they|it|we) (?:left|emerged|walked out))\b"
)
"""'Ravelli told reporters as he left the meeting': said after it."""
_BEFORE = r"\b(?:before|prior to|ahead of|until|earlier)\b"
_SAME_RELATION = {
    "before": _BEFORE,
    "prior to": _BEFORE,
    "after": _AFTER,
    "following": _AFTER,
}


def _other_time(question: Question, index: Index, i: int) -> bool:
    """'Who was mayor before X?', 'Where did Burns travel after the meeting?' ask about a time
    set against another event; a sentence that places nothing before or after anything
    (the mayor's own sentence, the meeting's) answers a different question."""
    sentence = index.sentences[i].text
    asked = " ".join(question.words)  # typos mended ('before he was movved')
    found = _RELATIVE_TIME.search(asked)
    if found is None:
        return False
    clause = _CLAUSE_AFTER.match(asked, found.end(1))
    if clause and stem(clause.group(1)) in index.concepts[i]:
        return False  # 'Where was he held before he was moved?': 'moved from a centre in Pelsk'
    if asks_career(question) and re.search(r"\bformer\b", sentence, re.IGNORECASE):
        return False  # 'What did she do before that?': 'a former judge' says it
    if _before_person(question, index, asked, found.end(1)) and _clauses_only(sentence):
        # 'Who was labour minister before Vasko?' asks for a predecessor: 'walking through the
        # plant before meeting its owners' sets one action of the sentence before another
        return not _SUCCESSION.search(sentence)
    return not re.search(_SAME_RELATION[found.group(1)], sentence, re.IGNORECASE)


_SUCCESSION = re.compile(
    r"\b(?:predecessors?|successors?|succeed(?:ed|s)?|replac(?:ed|es|ing)|took over|former"
    r"|previous(?:ly)?)\b",
    re.IGNORECASE,
)


def _clauses_only(sentence: str) -> bool:
    """Every 'before'/'after' of the sentence opens a clause of its own ('before meeting ...')."""
    following = re.findall(r"\b(?:before|after)\s+(\w+)", sentence, re.IGNORECASE)
    return bool(following) and all(word.lower().endswith("ing") for word in following)


def _before_person(question: Question, index: Index, asked: str, end: int) -> bool:
    """'Who was minister before Vasko?': the time is set against a person's tenure."""
    following = asked[end:].split()
    if question.wh != "person" or not following:
        return False
    word = following[0]
    for entity_id in question.entities:
        entity = index.entities.get(entity_id)
        if entity is not None and entity.kind == "person":
            names = " ".join([entity.name, *entity.aliases]).lower().split()
            if word in names:
                return True
    return False


_CLAUSE_AFTER = re.compile(
    r" (?:he|she|they|it|we|i|you) (?:was |were |had |has |have |is |are |did )?(\w+)"
)
"""The clause of 'before he was moved', 'after they left the talks': its verb."""


DEFINING_MARGIN = 0.1
"""How far behind the best sentence the one giving the asked role may score and be cited."""


def _defining(question: Question, index: Index, matches: list[Match]) -> Match | None:
    """'Who is Tomas Reyke?' is answered with his role ('the correspondent for the
    Harbourline News Agency'): cite the sentence that gives it, when it is among the best,
    not the lead that only names him."""
    role = defining_role(question, index)
    if role is None:
        return None
    close = [m for m in matches if m.score >= matches[0].score - DEFINING_MARGIN]
    return next((m for m in close if role in index.sentences[m.sentence].text), None)


def _suggestions(index: Index, matches: list[Match]) -> list[str]:
    found: list[str] = []
    for match in matches[:3]:
        for fact in index.facts_by_sentence[match.sentence]:
            question = example_for(index, fact)
            if question and question not in found:
                found.append(question)
    return found[:3]


def _truncation_note(truncated: bool) -> str:
    if not truncated:
        return ""
    return f"\n\n(Your question was longer than {MAX_QUESTION_CHARS} characters; I read the start.)"
