"""Meetings, actions and attributes."""

from __future__ import annotations

import re

from knowledge.clauses import (
    clause_start,
    find_place,
    find_purpose,
    find_reason,
    find_time,
    mask_abbreviations,
    quote_spans,
    time_pattern,
)
from knowledge.lexicon import lexicon
from knowledge.schema import Sentence
from knowledge.statements import DATELINE as _DATELINE
from knowledge.statements import FactDraft

__all__ = ["find_actions", "find_attributes", "find_meetings"]

_MEETING = re.compile(
    r"\b(?:(?:had|has|have|will|would|to|did not|first|also|then|later) )*"
    r"(?P<verb>met|meets|meet|held talks|holds talks|sat down|hosted|hosts|conferred"
    r"|(?:spoke|talked|speaks|talks)(?= (?:by (?:tele)?phone|on the (?:tele)?phone)\b)"
    r"|(?:held|had|holds|has) an? (?:tele)?phone call)\b"
    r"(?P<rest>[^.;]*)"
)
_ADVERBIAL = re.compile(
    r"^\s*(?:(?:again|privately|briefly|separately|secretly|twice|once|also|early|late|later"
    r"|by (?:tele)?phone|on the (?:tele)?phone|for (?:about |more than |nearly |almost )?\w+ "
    r"(?:hours?|minutes))\b"
    r"|\(\w+\))\s*"
)


def _partner_start() -> re.Pattern[str]:
    single = [t for t in lexicon().titles if " " not in t and t.isalpha()]
    roles = "|".join(sorted((f"{t}s" for t in single), key=len))
    one = "|".join(sorted(single, key=len, reverse=True))
    return re.compile(
        r"^(?:with\s+(?P<with>.+)|(?P<object>(?:[A-Z]|(?:officials|representatives|leaders|"
        rf"members|delegates|executives|envoys|his|her|their|its|(?:[a-z]+ )?(?:{roles})"
        # 'a Qaradani mediator', 'the Egyptian foreign minister'
        rf"|(?:a|an|the) (?:[\w’'-]+ ){{0,2}}(?:{one}))\b).+))"
    )


_PARTNER_START = _partner_start()
"""Who was met: 'with X', a name, or people by role ('regional governors')."""
_PARTNER_END = re.compile(
    r",? (?:as|to|in order|in a bid|for|on|at|about|over|after|before|in|early|late|last|this|"
    r"next|and (?:unanimously|agreed|discussed|said))\b|[.;]|,\s(?![A-Z])|$"
)
_MEETING_NOUN = re.compile(
    r"(?P<when>[A-Z][a-z]+’s |[A-Z][a-z]+'s )?meeting between (?P<a>[A-Z][\w’'.-]*(?: [A-Z]"
    r"[\w’'.-]*)*) and (?P<b>[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*)"
)
_IRREGULAR = (
    "left|sent|went|came|took|made|gave|held|won|lost|began|rose|fell|cut|paid|sold|bought|"
    "brought|kept|led|ran|saw|spoke|wrote|became|chose|drew|drove|fled|flew|fought|found|grew|"
    "hit|hurt|knew|let|meant|put|quit|set|shot|shut|stood|struck|threw|beat|broke|built|caught|"
    "dealt|fed|felt|got|hid|hung|laid|lent|sank|slid|split|spent|spread|stole|stuck|swept|"
    "swung|taught|tore|woke|withdrew|overtook|undertook|upheld"
)
_AUX = (
    r"(?:(?:did|does|do|has|have|had|is|are|was|were|will|would|could|can|may|might|must|"
    r"should|plans to|plan to|is to|are to|is due to|are due to|was due to|were due to)"
    r"(?: not yet| not| also| still| now| already| just| recently| again)?(?: been| be| have)? )"
)
_CATENATIVE = (
    r"(?:declined|refused|agreed|promised|threatened|vowed|pledged|decided|tried|sought|failed|"
    r"planned|wanted|began|started|continued|offered|voted|moved|rushed|hoped|expected|chose)"
)
"""Verbs whose meaning is completed by 'to' + verb: 'declined to comment', 'agreed to buy'."""
_ASPECTUAL = r"(?:began|begun|started|stopped|continued|resumed|kept|finished)"
"""'began notifying customers': the -ing verb is what was done."""
_MODAL = (
    r"(?:(?:did|does|do|has|have|had|will|would|could|can|may|might|must|should)"
    r"(?: not| also| still| now| already| just| recently| again)? )"
)
_NP_WORD = (
    r"(?!(?:was|were|is|are|be|been|has|have|had|will|would|did|does|do|could|can|may|might|"
    r"must|should|not)\b)[a-z][\w-]*(?:(?<=s)['’](?= ))?"
)
_PASSIVE = re.compile(
    r"^(?:was|were|is|are|has been|have been|had been|(?:will|would|must|can|could|should|may"
    r"|might) be) "
)
_ACTION = re.compile(
    rf"^(?P<subject>(?:The |the |A |a |An |an )?(?!The |They |We |I |This |That )"
    rf"(?:[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)* (?:{_NP_WORD} ){{1,2}}"
    rf"(?=[A-Z][\w’'.-]* (?:[A-Z]|{_AUX}|[a-z]+ed\b)))?"
    rf"[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*(?:['’]s(?: {_NP_WORD}){{1,3}}?)?|[a-z]+s"
    rf"|[A-Z][a-z]+(?: {_NP_WORD}){{0,2}} (?!(?:has|was|is|does|says)\b)[a-z]+s"
    rf"(?: (?:in|across|of|from) (?:the )?"
    rf"[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*)?"
    rf"|(?:The|the) (?:{_NP_WORD} ){{1,2}}[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*"
    rf"(?: of (?:the )?[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*)?"
    rf"|(?:(?:About|Around|Nearly|Almost|Roughly|More than|At least|Some|Over) [\d,]+"
    rf"|Each|each|Every|every|All|all|Both|both"
    rf"|The|the|A|a|An|an|Its|its|His|his|Her|her|Their|their|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Several|Some|"
    rf"Many|Most|\d[\d,]*) {_NP_WORD}(?: {_NP_WORD}){{0,4}}(?: (?:of|in|at|from) (?:the )?"
    rf"[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*(?: and [A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*)?)?|it|they)"
    rf"(?: [a-z]+ed by (?:the )?[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*)?"
    rf"(?P<when> (?:on|last|this|late|early) (?:[A-Z][a-z]+day|week|month|night|morning"
    rf"|afternoon|evening))?"
    rf"(?P<apposition>(?:, (?:\d{{1,3}}|(?:a|an|the|which|who|all|both|most|many|some) [^,]{{2,60}}"
    rf"|[a-z]+s of (?:the |a |an )?[^,]{{2,60}}"
    rf"|(?P<named>(?:[a-z]+ ){{0,3}}[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)+))){{1,2}},)? "
    rf"(?P<verb>{_AUX}?(?:{_CATENATIVE}(?: on [A-Z][a-z]+day)? to [a-z]+|{_ASPECTUAL} [a-z]+ing"
    rf"|[a-z]+ed|{_IRREGULAR}"
    rf"|[a-z]+ing(?: to [a-z]+)?)"
    rf"|{_MODAL}[a-z]+|(?:is|are|was|were)(?: not)? (?:due|set|expected|scheduled|likely|"
    rf"unlikely|able|unable|about|going) to [a-z]+)\b"
    rf"(?P<rest>(?:[^.;]|\.(?=\d))*)"
)
_CLAUSE_BREAK = re.compile(
    r", and |; |, but |, while (?=[a-z]+ [a-z]+ed\b)| as (?=[a-z]+s [a-z]+ed\b)"
    r"|\b(?:said|says|announced|added)(?: on \w+)?(?: that)? (?=(?:the|its|their) [a-z]"
    r"|(?:it|they) (?:had |has |have |would |will )?[a-z]+ed\b)"
)
"""Where a clause with its own subject starts: 'X said the agency would hold a hearing'."""
_REPORTER = re.compile(r"^(?P<who>[A-Z][^,]{1,60}?) (?:said|says|announced|added)\b")
_PARTICLE = re.compile(r"^ (down|up|out|off|back|away)\b(?= [a-z])")
"""'handed down the sentence', 'set up a fund': the particle belongs to the verb."""
_PARTICIPLE_END = re.compile(
    r"(?:ed|en|[^aeiou]t|\b(?:cut|hit|put|set|shut|hurt|let|spread|quit|shed|cast|held|made|"
    r"paid|sold|told|found|won|lost|sent|built|caught|brought|bought|fought|taught|struck|hung|"
    r"led|fed|laid|kept|left|met|read|run|shot|slid|spun|stuck|swept|swung))$"
)
_PARTICIPLE = re.compile(r", (?P<verb>[a-z]+ing) (?P<rest>(?:to|for|towards|into) [^.;]+)")
_COPULA = re.compile(
    r"^(?P<subject>(?:The |the )?[A-Z][^,;]{1,80}?)(?:, \d{1,3},)? "
    r"(?P<verb>(?:has|have|had) been|is|are|was|were|remains|remained|became|has become|becomes) "
    r"(?P<value>(?!not\b|[a-z]+ed to [a-z]|[a-z]+ing (?:the|a|an|its|his|her|their|\d|to|for|up|"
    r"out)\b)(?:[^;.]|\.(?=\d))+?)"
    r"(?=,? (?:and|but) |, [^,]{2,60}? (?:said|says|told)\b|\.(?!\d)|;|$)"
)
_CLAUSE_INSIDE = re.compile(r" (?:is|are|was|were|has|have|had|will|would|it|they) ")
"""A copula's subject holding a verb is a clause cut in the wrong place."""
_APPOSITIVE = re.compile(
    r"(?P<subject>[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*), (?P<value>the \w[^,]{3,80}?"
    r"(?: which| that| who)[^,]+)(?:, (?P<condition>depending on [^,.;]+))?"
)
_AGE = re.compile(
    r"\b(?:the |a |an )?(?P<value>[\w-]+-(?:month|year|week|day)-old) "
    r"(?P<noun>[a-z]+(?: in [A-Z][\w]+)?)"
)
_ROLE_APPOSITION = re.compile(
    r"(?P<name>[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*), (?:\d{1,3}, )?(?P<role>(?:a|an|the|its|his|"
    r"her) (?:[\w’'-]+ ){0,6}?(?:[a-z]+(?:man|woman|person|er|or|ist|ant|ent|ive|ief|ead|ain|ach))"
    r"(?: (?:of|for|at|to|in) [^,]{2,60}?)?)(?=,| and )"
)
_WHO = re.compile(
    r"(?P<name>[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*), (?:\d{1,3}, )?who (?!(?:said|says|told)\b)"
    r"(?P<value>[^,;.“\"]{3,80})(?=,|\.|;|$)"
)
"""'Mayor Colette Vance, who took office in 2023,': what the relative clause says of her."""
_PERSON_AGE = re.compile(
    r"(?P<name>[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*), (?:(?P<age>\d{1,3}),"
    r"|an? (?P<aged>\d{1,3})-year-old\b)"
    r"|(?<![\w-])(?P<before>\d{1,3})-year-old (?:[a-z]+ ){0,3}?"
    r"(?P<named>[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)+)"
)
"""'Falk, 58,', 'Quillon, a 61-year-old former judge' and 'the captain, 58-year-old Piet
Garrow,': the person's age."""
_CUE_WORD = re.compile(r"\b(?:said|says|told|warned|added|reported|according)\b")


def _subject_before(text: str, start: int) -> str:
    """The noun phrase before a verb, reaching back over an apposition ("The head of X, Y,")."""
    begin = clause_start(text, start)
    subject = text[begin:start].strip(' ,“"')
    for _ in range(2):
        if subject and not re.match(r"^[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*$", subject):
            break
        if begin < 2 or text[begin - 2] != ",":
            break
        earlier = clause_start(text, begin - 2)
        subject = text[earlier:start].strip(' ,“"')
        begin = earlier
    if _INDEFINITE.match(subject) and begin >= 2 and text[begin - 2] == ",":
        # 'Rovik, a 61-year-old former defence minister, met Marsk': Rovik met him
        name = text[clause_start(text, begin - 2) : begin - 2].strip(' ,“"')
        if _NAME.fullmatch(name):
            return name
    return subject


_INDEFINITE = re.compile(r"^(?:an?|\d{1,3})\b")
_NAME = re.compile(r"[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*")


def find_meetings(sentences: list[Sentence]) -> list[FactDraft]:
    """'A met (with) B', 'A held talks with B', "Friday's meeting between A and B"."""
    drafts: list[FactDraft] = []
    for sentence in sentences:
        text = mask_abbreviations(sentence.text)
        for match in _MEETING.finditer(text):
            if _in_quote(text, match.start()) and not sentence.text.lstrip().startswith(("“", '"')):
                continue
            if match.group("verb").startswith("host") and re.match(r" by\b", match.group("rest")):
                continue  # 'talks hosted by the prime minister' names no one who met
            draft = FactDraft("meeting", sentence, match.start(), match.end())
            agent = _subject_before(text, match.start())
            agent = re.sub(r"^.*\b(?:that|said|says)\s+(?:on \w+ )?", "", agent)
            agent = re.sub(r"\s+(?:had|has|have|will|would)$", "", agent)
            partner = _partner(match.group("rest"))
            first = _first_of_pair(text, agent, match.start())
            if first and partner is None:
                # 'Irena Dusek and her counterpart, Rashid Omar, met for four hours'
                agent, partner = first, agent
            elif first:  # 'The chiefs of Castavia and Norvane met a Qaradani mediator'
                agent = f"{first} and {agent}"
            draft.put("agent", agent)
            draft.put("partner", partner)
            _put_circumstances(draft, text, match.start())
            if draft.slots.get("agent") or draft.slots.get("partner"):
                drafts.append(draft)
        for match in _MEETING_NOUN.finditer(text):
            draft = FactDraft("meeting", sentence, match.start(), match.end())
            draft.put("agent", match.group("a"))
            draft.put("partner", match.group("b"))
            when = match.group("when")
            draft.put("time", when.rstrip("’' s") if when else None)
            drafts.append(draft)
    return drafts


def _first_of_pair(text: str, agent: str, end: int) -> str | None:
    """'A and B met': A, when the agent found (B) follows ' and ' after a name."""
    start = text.rfind(agent, 0, end) if agent else -1
    if start < 5 or not text.endswith(" and ", 0, start):
        return None
    dateline = _DATELINE.match(text)
    begin = max(clause_start(text, start - 5), dateline.end() if dateline else 0)
    first = _DATELINE.sub("", text[begin : start - 5].strip(' ,“"'))
    named = re.search(r"[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*$", first)
    return first if named and len(first.split()) <= 8 else None


def _partner(rest: str) -> str | None:
    """Who was met: 'with B', or a direct object ('met Ardent founder Rajiv Menon in ...')."""
    while True:
        time = time_pattern().match(rest.strip())
        adverb = _ADVERBIAL.match(rest)
        if time:
            rest = rest.strip()[time.end() :]
        elif adverb and adverb.end():
            rest = rest[adverb.end() :]
        else:
            break
    start = _PARTNER_START.match(rest.strip(" ,"))
    if start is None:
        return None
    phrase = start.group("with") or start.group("object") or ""
    end = _PARTNER_END.search(phrase)
    return phrase[: end.start()] if end else phrase


def _put_circumstances(draft: FactDraft, text: str, start: int) -> None:
    time = find_time(text, start)
    draft.put("time", time.text if time else None)
    purpose = find_purpose(text, start)
    draft.put("purpose", purpose.text if purpose else None)
    # A place inside the purpose ('to free hostages held in Gaza') is not where it happened.
    place = find_place(text[: purpose.start] if purpose else text, start)
    draft.put("place", place.text if place else None)


def _in_quote(text: str, position: int) -> bool:
    return any(a <= position < b for a, b in quote_spans(text))


def find_actions(sentences: list[Sentence]) -> list[FactDraft]:
    """'X did not send Y to Z', 'X left on Thursday after ..., heading to Q for ...'."""
    drafts: list[FactDraft] = []
    for sentence in sentences:
        text = mask_abbreviations(sentence.text)
        starts = _clause_starts(text)
        for start, stop in zip(starts, [*starts[1:], len(text)], strict=True):
            match = _ACTION.match(text[start:stop])
            if match is None or _in_quote(text, start):
                continue
            verb = match.group("verb")
            words = verb.split()
            skip = {"met", "according", "meeting", "citing", "including"}
            if words[-1] in lexicon().cue_verbs or skip & set(words):
                continue
            if words[-1] == "took" and re.match(r" (?:place|part)\b", match.group("rest")):
                continue
            particle = re.match(r" (\w+)", match.group("rest"))
            if particle and f"{words[-1]} {particle.group(1)}" in lexicon().cue_verbs:
                continue  # 'called on both sides to ...' is a statement
            draft = _action(sentence, start, stop, match)
            lead = _DATELINE.match(text)
            first = lead.end() if lead else 0
            opening = find_time(text, first, start) if start == starts[0] else None
            if opening and "time" not in draft.slots:
                draft.put("time", opening.text)  # 'On Monday, police arrested ...'
            drafts.append(draft)
            drafts.extend(_coordinated(sentence, text, draft, start + match.end("verb"), stop))
            for participle in _PARTICIPLE.finditer(text, start + match.end("verb"), stop):
                if participle.group("verb") in skip:
                    continue
                follow = FactDraft("action", sentence, participle.start() + 2, participle.end())
                follow.put("agent", draft.slots.get("agent"))
                follow.put("verb", participle.group("verb"))
                _put_circumstances(follow, text, participle.start())
                follow.slots.pop("time", None)
                drafts.append(follow)
    return drafts


_OBJECT_END = re.compile(
    r"\b(?:to|in|on|at|after|before|because|for|from|if|as|during|until|and|but|with|within"
    r"|since|despite|amid)\b"
    r"|,(?!\d{3})"
)
"""Where an object ends: a preposition or a comma (not the one in '1,800')."""
_AND_VERB = re.compile(
    r" and (?P<verb>(?:would|will|could|has|have|had|did)(?: not)?(?: yet| also)? [a-z]+"
    r"|[a-z]+ed(?= (?:the|a|an|its|his|her|their|about|some|\d)))\b(?P<rest>[^;]*)"
)
"""'it had agreed to buy X and would cut about 1,800 jobs': a second action, same agent."""


def _coordinated(
    sentence: Sentence, text: str, first: FactDraft, start: int, stop: int
) -> list[FactDraft]:
    found = _AND_VERB.search(text, start, stop)
    if found is None or found.group("verb").split()[-1] in lexicon().cue_verbs:
        return []
    if _SUBORDINATE.search(text, start, found.start()):
        return []  # 'toured X a day after a fire swept through it and killed 31': the fire's
    draft = FactDraft("action", sentence, found.start() + 5, found.end())
    draft.put("agent", first.slots.get("agent"))
    entity = first.entities.get("agent")
    if entity:
        draft.entities["agent"] = entity
    verb = found.group("verb")
    draft.put("verb", re.sub(r"\b(?:did|does|do) not ", "", verb))
    draft.put("negated", "yes" if re.search(r"\bnot\b", verb) else None)
    head = _OBJECT_END.split(found.group("rest"))[0].strip()
    draft.put("object", head if len(head) > 2 else None)
    _circumstances(draft, text[:stop], found.start("rest"))
    return [draft]


_SUBORDINATE = re.compile(
    r"\b(?:after|before|when|while|because|since|until|although|though|whereas|where) "
    r"(?:an?|the|its|his|her|their|[A-Z]\w*|[a-z]+s)\b(?: [\w-]+){0,3}? "
    rf"(?:[a-z]+ed|{_IRREGULAR})\b"
)
"""A clause of its own inside the action ('a day after a fire swept ...', not 'before a
magistrate'): a verb coordinated within it has that clause's subject, not the agent's."""
_OPENING = re.compile(
    r"(?:Under|In|At|After|Before|During|Since|Despite|Following|Amid|Earlier|Later|Meanwhile"
    r"|However|Separately|On [A-Z][a-z]+day)(?: [^,;“\"]{2,60}?)?, (?=[a-z]|[A-Z][a-z]+ [a-z])"
)
"""An opening phrase before the subject: 'Under the plan, ', 'On Monday, ', 'However, '."""


def _clause_starts(text: str) -> list[int]:
    dateline = _DATELINE.match(text)  # 'LISBON (AFP) - The party won ...'
    first = dateline.end() if dateline else 0
    opening = _OPENING.match(text, first)  # 'Under the plan, each country will ...'
    starts = [opening.end() if opening else first]
    starts += [m.end() for m in _CLAUSE_BREAK.finditer(text)]
    return sorted(starts)


def _action(sentence: Sentence, start: int, stop: int, match: re.Match[str]) -> FactDraft:
    text = mask_abbreviations(sentence.text)[:stop]
    verb = match.group("verb")
    rest = match.group("rest")
    particle = _PARTICLE.match(rest)
    if particle:
        verb, rest = f"{verb} {particle.group(1)}", rest[particle.end() :]
    draft = FactDraft("action", sentence, start, start + match.end())
    inserted = re.search(r" (on [A-Z][a-z]+day)(?= to )", verb)  # 'agreed on Monday to reopen'
    if inserted:
        verb = verb.replace(inserted.group(), "")
    subject = match.group("subject")
    described = re.match(r"(?:the|a|an|its|his|her|their) |[A-Z][\w.-]*['’]s ", subject, re.I)
    if match.group("named") and described:
        subject = match.group("named")  # 'The brother-in-law, Aldous Penhale, 61, was ...'
    if _PASSIVE.match(verb) and _PARTICIPLE_END.search(verb):
        # 'X was arrested (by Y)': X is what the action was done to.
        draft.put("object", subject)
        by = re.search(
            r"\bby (?P<who>(?:the )?[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*"
            r"(?: (?!(?:on|in|at|after|before|for|to|and|with|near)\b)[a-z]+){0,2})"
            r"(?= (?:on|in|at|after|before|for|to|near)\b|[,.;]|$)",
            rest,
        )  # 'by Police', 'by the Tolmari coast guard on March 14'
        draft.put("agent", by.group("who") if by else None)
        draft.put("verb", _PASSIVE.sub("", verb))
        _circumstances(draft, text, start + match.start("rest"))
        return draft
    reporter = _REPORTER.match(text[:start]) if subject in ("it", "they") else None
    if reporter:  # 'Kestrel said on Tuesday it had agreed to buy ...': Kestrel, on Tuesday
        subject = reporter.group("who")
        said = find_time(text, reporter.end(), start)
        draft.put("time", said.text if said else None)
    draft.put("agent", subject)
    draft.put("verb", re.sub(r"\b(?:did|does|do) not ", "", verb))
    negated = re.search(r"\bnot\b|\bnever\b", verb)
    draft.put("negated", "yes" if negated else None)
    obj = _OBJECT_END.split(rest)
    head = obj[0].strip() if obj else ""
    time = find_time(head)
    if time and (time.start or time.end == len(head)):
        head = head[: time.start].strip()  # 'the sentence a day later'; 'broke down last week'
    draft.put("object", head if len(head) > 2 or re.search(r"\d", head) else None)
    reported_on = (
        draft.slots.pop("time", None)
        or (match.group("when") or "").strip()
        or (inserted.group(1) if inserted else None)
    )
    _circumstances(draft, text, start + match.start("rest"))
    if reported_on and "time" not in draft.slots:
        draft.slots["time"] = reported_on
    return draft


def _circumstances(draft: FactDraft, text: str, rest_start: int) -> None:
    """Time, place, reason and purpose of an action, from the text after its verb."""
    time = find_time(text, rest_start)
    draft.put("time", time.text if time else None)
    purpose = find_purpose(text, rest_start)
    place = find_place(text[: purpose.start] if purpose else text, rest_start)
    draft.put("place", place.text if place else None)
    reason = find_reason(text, rest_start)
    draft.put("reason", reason.text if reason else None)
    draft.put("purpose", purpose.text if purpose else None)


def find_attributes(sentences: list[Sentence]) -> list[FactDraft]:
    """'X has been a flashpoint ...', 'Ramadan, the ... month which could begin ...', ages."""
    drafts: list[FactDraft] = []
    for sentence in sentences:
        text = sentence.text
        for pattern in (_COPULA, _APPOSITIVE):
            for match in pattern.finditer(text):
                subject = match.group("subject")
                if _in_quote(text, match.start()) or _CUE_WORD.search(subject):
                    continue
                if _CLAUSE_INSIDE.search(subject):
                    continue  # 'It was not known how many homes had been destroyed
                draft = FactDraft("attribute", sentence, match.start(), match.end())
                draft.put("subject", match.group("subject"))
                draft.put("value", match.group("value"))
                groups = match.groupdict()
                draft.put("condition", groups.get("condition"))
                drafts.append(draft)
        for match in _ROLE_APPOSITION.finditer(text):
            if _in_quote(text, match.start()) or not _names_someone(match.group("name")):
                continue
            draft = FactDraft("attribute", sentence, match.start(), match.end())
            draft.put("subject", match.group("name"))
            draft.put("value", match.group("role"))
            drafts.append(draft)
        for match in _WHO.finditer(text):
            draft = FactDraft("attribute", sentence, match.start(), match.end())
            draft.put("subject", match.group("name"))
            draft.put("value", match.group("value"))
            drafts.append(draft)
        for match in _PERSON_AGE.finditer(text):
            draft = FactDraft("attribute", sentence, match.start(), match.end())
            draft.put("subject", match.group("name") or match.group("named"))
            age = match.group("age") or match.group("aged") or match.group("before")
            draft.put("value", f"{age} years old")
            drafts.append(draft)
        for match in _AGE.finditer(text):
            if re.search(r"[A-Z][\w’'.-]*, an? $", text[: match.start("value")]):
                continue  # 'Quillon, a 61-year-old former judge': the person's age, above
            draft = FactDraft("attribute", sentence, match.start(), match.end())
            draft.put("subject", f"the {match.group('noun')}")
            number, unit, _ = match.group("value").rsplit("-", 2)
            plural = "" if number.lower() in ("one", "1", "a") else "s"
            draft.put("value", f"{number.replace('-', ' ')} {unit}{plural} old")
            drafts.append(draft)
    return drafts


def _names_someone(name: str) -> bool:
    """A name, not a sentence adverb ('Meanwhile, the ...') or a common word."""
    if " " in name:
        return True
    low = name.lower()
    lex = lexicon()
    return not (low in lex.stopwords or low in lex.light_words or low.endswith("ly"))
