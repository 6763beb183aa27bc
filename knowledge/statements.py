"""Statements and reports: who said what (directly or not), and what an outlet reported."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from knowledge.clauses import (
    MASKED_DOT,
    Phrase,
    clause_start,
    find_place,
    find_time,
    mask_abbreviations,
    quote_spans,
    time_pattern,
)
from knowledge.lexicon import lexicon
from knowledge.schema import FactKind, Sentence

__all__ = ["DATELINE", "FactDraft", "find_reports", "find_statements"]


@dataclass
class FactDraft:
    """A fact before ids and entity links are assigned."""

    kind: FactKind
    sentence: Sentence
    start: int
    end: int
    slots: dict[str, str] = field(default_factory=dict)
    entities: dict[str, str] = field(default_factory=dict)

    def put(self, name: str, value: str | None) -> None:
        """Set a slot when the value is non-empty (a closing full stop is dropped)."""
        if value and value.strip(" ,.;:"):
            value = DATELINE.sub("", value.replace(MASKED_DOT, ".")).strip(" ,;:")
            if value.endswith(".") and not re.search(r"(?:\b[A-Z][a-z]?|\.[A-Z])\.$", value):
                value = value[:-1]
            self.slots[name] = value


DATELINE = re.compile(
    r"^[A-Z][A-Z .,'’-]{2,40}"
    r"(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)?(?= \(|,? [A-Z][a-z]{2,8}\.? \d| [-—–]))?"
    r"(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?\s*(?:\([A-Za-z .]{2,20}\)\s*)?"
    r"(?:[—–]+|(?<=\s)-+)\s*"
)
"""'BRUSSELS (Reuters) - ' or 'LUSANA, Velmora (AP) - ' opening the first sentence is not part of
its subject."""


def _cue_pattern() -> re.Pattern[str]:
    cues = "|".join(re.escape(cue) for cue in lexicon().cue_verbs)
    nouns = _NOUN_CUES
    return re.compile(
        rf"\b(?P<cue>(?!(?:{nouns})\b(?! that\b|:|,? [“\"]))(?:{cues})"
        rf"|called(?= (?:[\w’'-]+ ){{0,4}}[“\"]))\b"
    )


_NOUN_CUES = (
    "states|claims|notes|comments|demands|promises|pledges|estimates|recalls|counters|hints|"
    "reports|threats"
)
"""Cue words that are as often plural nouns ('member states', 'the claims'): cues only when
speech follows ('states that', 'claims:')."""


_CUE = _cue_pattern()
_TOLD = re.compile(
    r"^\s*(?P<to>reporters|journalists|the [A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*"
    r"|(?:[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*)"
    r"(?: (?!(?:on|in|at|that|last|this|he|she|it|they|we|you|i)\b)[a-z]+){0,2}"
    r"|(?:[a-z]+ ){1,2}[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*"
    r"|(?:the|a|an) (?!(?:same|other)\b)(?:[a-z]+ ){0,2}?[a-z]+(?= (?:on|in|at|that|last|this|"
    r"before|after|during|when|while|outside|late|early|earlier|yesterday|today)\b|[,.;:“\"]|$)"
    r"|[a-z]+)"
)
_BEHALF = re.compile(
    r"\b(?:on behalf of|spokes(?:man|woman|person) for) (?P<who>(?:the )?(?:[A-Z][\w’'.-]*"
    r"(?: [A-Z][\w’'.-]*)*(?:’s|'s)(?: (?!(?:said|says|told|called|added)\b)[a-z]+){1,2}"
    r"|[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*|[a-z]+))"
)
_REPORT_LEAD = re.compile(r"^(?:According to|As reported by) (?P<src>[^,]+), (?P<content>.+)$")
_REPORT_TAIL = re.compile(r"^(?P<content>.+?),? according to (?P<src>[^,.]+)")
_REPORTED = re.compile(
    r"^(?:(?:An?|The) [a-z][a-z -]*, )?"
    r"(?P<src>(?:(?:[Tt]he|An?) )?(?:[A-Z][\w’'.-]*['’]s )?"
    r"(?:(?!(?:in|on|at|of|for|by|to|from|and|with|after|before|citing)\b)[\w’'-]+ ){0,3}?"
    r"[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*)"
    r"(?:, (?:an?|the) [^,]{2,60})?(?:, citing [^,]+)?,? (?:reported|reports|said)"
    r"(?: (?:late |early )?(?:on|last|this|earlier) \w+(?: (?:morning|afternoon|evening|night))?"
    r"| in (?:[A-Z][a-z]+|\d{4}))?"
    r",? (?:citing (?P<cites>[^,]+), )?(?:that )?(?P<content>.+)$"
)
"""'The Herald reported on Tuesday, citing ..., that', 'The Courier, a daily, reported that', 'Its
state news agency ANA reported', 'A second outlet, the broadcaster KTV-1, reported that': the
outlet named and what it reported."""
_REPORTED_BY = re.compile(
    r"^(?P<src>(?:[A-Z][\w’'.-]*|[a-z][\w’'-]*)(?: [\w’'.&-]+){0,6}? [A-Z][\w’'.&-]*)"
    r"(?:, (?:an?|the|its) [^,]{3,80},)?(?: also| first| earlier)? (?:reported|reports)"
    r"(?: (?:late |early )?(?:on|last|this|earlier|in) \w+"
    r"(?: (?:morning|afternoon|evening|night))?)?"
    r",? (?:citing (?P<cites>[^,]+), )?(?:that )?(?P<content>.+)$"
)
"""'X, its ..., also reported' and what the first pattern leaves: the outlet before its verb."""
_FINDING = re.compile(
    r"\b(?P<src>(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir) (?:[\w’'-]+ ){0,3}?(?:report|study|survey|audit|"
    r"review|investigation|analysis|inquiry|poll|assessment)(?: (?:by|from) [^,]{3,60}?)?)"
    r",? (?:found|finds|showed|shows|concluded|concludes|estimated|estimates)(?: that)?,? "
    r"(?P<content>.+)$"
)
"""'The report found that ...', 'A study by the institute showed ...': what a document says."""
_IN_STUDY = re.compile(
    r"^(?P<content>.{12,}?) in an? (?P<src>(?:[\w’'-]+ ){0,3}(?:trial|study|survey|poll|experiment|"
    r"analysis))(?=[,;.]|$)"
)
"""'The drug cut deaths by 40% in a late-stage trial, ...': what the trial found."""
_SHOWED = re.compile(
    r"^(?P<content>.{12,}?),? (?P<src>(?:the )?(?:[a-z-]+ ){0,2}(?:results|data|figures|statistics"
    r"|count|records|documents|estimates|tallies|polls?|surveys?)) (?:showed|show|shows|indicated"
    r"|suggested)\b"
)
"""'Labour won the most seats, official results showed on Monday': what the results say."""
_CITING = re.compile(r"\bciting (?P<cites>[^,.;]+(?:,? and [^,.;]+)?)")


def _outside_quotes(text: str) -> list[tuple[int, int]]:
    spans = quote_spans(text)
    outside, cursor = [], 0
    for start, end in spans:
        outside.append((cursor, start))
        cursor = end
    outside.append((cursor, len(text)))
    return [(a, b) for a, b in outside if b > a]


def _cues_outside_quotes(text: str) -> Iterator[re.Match[str]]:
    outside = _outside_quotes(text)
    for match in _CUE.finditer(text):  # the whole text: 'called X "..."' looks at the quote
        if any(start <= match.start() and match.end() <= end for start, end in outside):
            yield match


def _speaker_before(text: str, cue_start: int) -> str:
    dateline = DATELINE.match(text)
    floor = dateline.end() if dateline and dateline.end() <= cue_start else 0
    start = max(clause_start(text, cue_start), floor)
    embedded = _RELATIVE_SPEAKER.search(text, start, cue_start)
    if embedded:
        return embedded.group("who")  # 'a ban which Dresner said could be extended'
    if text[:start].endswith(" and ") and (
        _PLACE_BEFORE_AND.search(text, 0, start) or _JOINT_NAME.fullmatch(text, 0, start)
    ):
        # 'Consumer groups in Germany and France said'; 'The EU and the African Union said'
        start = max(clause_start(text, start - 5), floor)
    for _ in range(2):
        tail = _AUXILIARY_TAIL.sub("", text[start:cue_start].strip(" ,")).strip(" ,")
        if tail and not _APPOSITIVE_TAIL.match(tail.rsplit(", ", 1)[-1]):
            break
        if tail and _is_described_speaker(text, start, cue_start, tail):
            return tail
        if start < 2 or text[start - 2] != "," or text[start - 1] in '”"' or start <= floor:
            break  # never reach back into a quotation ('“It rained,” said X') or a dateline
        start = max(clause_start(text, start - 2), floor)
        start = _before_subordinate(text, start, floor)
    parts = text[start:cue_start].strip(" ,").split(", ")
    if len(parts) > 1 and _AUXILIARY_ONLY.match(parts[-1]):
        parts.pop()  # 'Brekke, whose party holds 14 seats, has said'
    while len(parts) > 1 and _APPOSITIVE_TAIL.match(parts[-1]):
        parts.pop()
    speaker = re.sub(r"^(?:and|but|then|so|as)\s+", "", ", ".join(parts))
    speaker = re.sub(r"\s+(?:both|all|each|too|jointly)$", "", DATELINE.sub("", speaker))
    time = find_time(speaker)
    if time and time.start == 0 and speaker[time.end : time.end + 2] not in {"’s", "'s"}:
        speaker = speaker[time.end :].strip(" ,")
    return re.sub(r"^(?:and|but|then|so)\s+", "", speaker)


_SUBORDINATOR = re.compile(r"[a-z] (?:as|when|while|after|before) $")


def _before_subordinate(text: str, start: int, floor: int) -> int:
    """'Reyvik, speaking to reporters as he left the house, warned': the clause after 'as' is
    inside the apposition; the speaker stands before it."""
    if _SUBORDINATOR.search(text, max(0, start - 12), start):
        return max(clause_start(text, text.rfind(" ", 0, start - 1)), floor)
    return start


def _is_described_speaker(text: str, start: int, cue_start: int, tail: str) -> bool:
    """'Sales fell, the company said': a description right before the cue (no comma between)
    speaks itself, unless a name comes just before it ('Amara Osei, the investigator said')."""
    if not _DESCRIPTION.match(tail) or text[start:cue_start].rstrip().endswith(","):
        return False
    if start < 2 or text[start - 2] != ",":
        return True
    begin = clause_start(text, start - 2)
    if re.search(r"[a-z] $", text[:begin]):
        return True  # 'rose in Canada and Japan, the ministry said': a clause, not a name
    before = text[begin : start - 2].strip(" ,")
    return not _NAME_ONLY.match(before) or _SENTENCE_ADVERB.fullmatch(before) is not None


_OCCASION = re.compile(
    r"^(?:In|During) (?:an?|his|her|their|its) (?:[a-z]+ )?(?:message|letter|speech|address|"
    r"interview|memo|e-?mail|video|post|note|briefing) (?:to|with) (?P<to>(?:[^,]|,(?=\d{3}))+?)"
    r"(?: (?:on|last|this) [A-Z]?[a-z]+)?$"
)
"""'In a message to Ardent's 2,400 employees on Tuesday, ...': when and to whom it was said."""
_SENTENCE_ADVERB = re.compile(
    r"Meanwhile|However|Separately|Additionally|Similarly|Finally|Previously|Currently|Recently|"
    r"Instead|Elsewhere|Overall|Nevertheless|Still|Later|Earlier|In a statement|"
    + time_pattern().pattern,
    re.IGNORECASE,
)
"""'Meanwhile, the union said', 'On Friday, the union said': no name before the description."""


def _time_before(text: str, cue_start: int, speaker_start: int) -> Phrase | None:
    """A time at the start of the speaker's clause: 'and on Friday a spokesman ... called';
    not one in what was said before it ('made until August 2023, it said')."""
    clause = clause_start(text, max(speaker_start, 0))
    opening = text[:clause].strip(" ,")
    if _SENTENCE_ADVERB.fullmatch(opening) or _OCCASION.match(opening):
        clause = 0  # 'On Friday, the union said'; 'In a message to staff on Tuesday, X said'
    start = max(0, cue_start - 80, clause)
    found = [m for m in time_pattern().finditer(text, start, cue_start)]
    if not found:
        return None
    match = found[-1]
    return Phrase(match.group().strip(), match.start(), match.end())


def _speaker_after(text: str, cue_end: int) -> str:
    """'..., said Marek Holan'; also 'said miners’ union leader Marek Holan', a name after
    a few lowercase role words (not 'said on Monday': those would be stopwords)."""
    match = _NAME_AFTER.match(text[cue_end:])
    if match is None:
        return ""
    role = match.group("role").split()
    if any(
        word.strip("’'") in lexicon().stopwords for word in role[1 if role[:1] == ["the"] else 0 :]
    ):
        return ""
    return match.group("speaker")


_NAME_AFTER = re.compile(
    r"\s*(?P<speaker>(?P<role>(?:the )?(?:[a-z][\w’'-]* ){0,4})[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*)"
)


def _cue_phrase(text: str, match: re.Match[str]) -> tuple[str, int]:
    cue = match.group("cue")
    end = match.end()
    if cue in {"told", "tells"}:
        told = _TOLD.match(text[end:])
        if told:
            cue = f"{cue} {told.group('to')}"
            end += told.end()
    statement = re.match(r"\s+in an? (?:\w+ )?statement\b", text[end:])
    if statement:
        cue = f"{cue}{statement.group()}"
        end += statement.end()
    return cue, end


_APPOSITIVE_TAIL = re.compile(
    r"^(?:\d{1,3}|(?:a|an|the|its|his|her) [a-z](?:[^,]|,(?=\d))*"
    r"|(?:who|whose|which) (?:[^,]|,(?=\d))*"
    r"|(?:speaking|standing|sitting|writing|talking) (?:[^,]|,(?=\d))*"
    r"|(?:seen|obtained|reviewed|quoted|cited) by (?:[^,]|,(?=\d))*"
    r"|however|meanwhile|though|too|also|in turn|for (?:its|their|his|her) part)$"
)
_DESCRIPTION = re.compile(r"^(?:the|its|his|her|their|an?) (?:[a-z][\w’'-]* ){0,3}[a-z][\w-]*$")
"""'the ministry', 'its developer', 'the country’s health ministry': no name, no clause."""
_NAME_ONLY = re.compile(
    r"^(?:(?:the|and) )?[A-Z][\w’'.-]*(?: (?:[A-Z][\w’'.-]*|of|de|van|von|al|bin))*$"
)
_OBJECT_CUES = {"added", "adds", "described", "describes", "revealed", "reveals", "estimated"}
_SPEECH_AFTER = re.compile(r"\s*(?:that\b|,|:|$|\.|“|\")")
_ADDRESSED_CUES = {"called on", "calls on", "urged", "urges", "asked", "asks", "told", "warned"}
_CALLED_ON = re.compile(r"\s*(?P<who>[^,;.]{2,60}?) to [a-z]")
_NEGATED_CUE = re.compile(
    r"(?:\bnot|\bnever|declined to|refused to|would not|did not|does not|no longer)\s+$"
)
_RELATIVE_SPEAKER = re.compile(
    r"\b(?:which|that|what|whom?) (?P<who>(?:the |its |his |her )?[A-Z][\w’'.-]*"
    r"(?: [A-Z][\w’'.-]*)*|(?:the|its|his|her) [a-z]+|he|she|they|it)(?: (?:has|had|have|also))? $"
)
_PLACE_BEFORE_AND = re.compile(
    r"\b(?:in|of|from|at|for) (?:the )?[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)* and $"
)
_JOINT_NAME = re.compile(
    r"(?:[A-Z][A-Z .,'’-]{2,40}(?:\([A-Za-z .]{2,20}\))? [-—–]+ )?(?:The |the )?"
    r"[A-Z][\w’'.-]*(?: (?:[A-Z][\w’'.-]*|of|for|and))* and "
)
"""'The European Union and ': a name opening the sentence, before a second one."""
_POSTED = re.compile(r"\b(?:statement|message|video|letter|post|note)s? $")
_PARTICIPLE_CUES = frozenset({"posted", "released", "issued", "published", "shared"})
_PASSIVE = re.compile(r"\b(?:be|been|being|is|are|was|were)(?: \w+ly)? $")
_AUXILIARY_TAIL = re.compile(
    r"\s*\b(?:has|have|had|also|has also|will|would|later)(?: (?!(?:family|only|rally|ally|"
    r"assembly|supply|reply|july)\b)[a-z]{3,}ly)?$"
    r"|\s+(?!(?:family|only|rally|ally|assembly|supply|reply|july)\b)[a-z]{3,}ly$"
)
"""'officials have repeatedly denied', 'the ministry has also said': not part of the speaker."""
_LEAD_NAME = re.compile(
    r"[A-Z][\w.-]*['’]s (?:[a-z]+ ){0,3}[a-z]+, [A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)+(?=,)"
    r"|(?:[\w’'.-]+ ){0,3}?[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)+(?=[ ,])"
    r"|(?:The|A|An) [a-z]+(?: [a-z]+)?(?= (?:[a-z]+ed|has|had|was)\b)"
)
_NOT_CONTENT = re.compile(
    r"(?:[a-z]+ing|as|while|after|before|when|amid|because|but|though|although)\b"
    r"|(?:the|its|their|his|her) (?:[a-z]+est|most|least|first|worst|best|biggest|largest)\b"
)
"""After the cue, a clause that is not what was said: 'X, officials said, as rescuers ...'."""
_AGREED_TO = re.compile(r"\s+(?:on [A-Z]\w+ )?to [a-z]|\s+(?:on|with|upon) (?![A-Z]\w+day\b)")
_COORDINATED = re.compile(r"\b(?:and|but)(?: also| later| then)? $")
_AUXILIARY_ONLY = re.compile(r"^(?:has|have|had|also|has also|will|would|later)$")


_AUTHORED = re.compile(
    r"^(?:The|An?) (?:[\w-]+ ){1,3}(?:issued|published|released|written|prepared|signed|sent)"
    r"(?: (?:on|last|this) \w+)? by (?:the )?[A-Z]"
)
"""'A security advisory issued on Saturday by the Joint Maritime Information Centre': a long
speaker, yet one document and its author."""


def _function_words(speaker: str) -> bool:
    """A speaker of function words only ('if', 'as'), no one who could speak."""
    pronouns = {"he", "she", "it", "they", "we", "i", "you"}
    words = speaker.lower().split()
    return all(w in lexicon().stopwords and w not in pronouns for w in words)


def _statement(
    sentence: Sentence, match: re.Match[str], same_speaker: str | None = None, since: int = 0
) -> FactDraft | None:
    text = sentence.text
    if _NEGATED_CUE.search(text[: match.start()]) or _PASSIVE.search(text, 0, match.start()):
        return None  # 'did not say'; '300 have been confirmed' is no statement
    if match.group("cue") in _PARTICIPLE_CUES and _POSTED.search(text, 0, match.start()):
        return None  # 'In a statement posted on ...': the cue says what the statement was
    speaker = same_speaker or _AUXILIARY_TAIL.sub("", _speaker_before(text, match.start()))
    if not speaker and _COORDINATED.search(text, 0, match.start()):
        # 'Henrik Lund, ..., called X "y" but cautioned that'; 'Chief executive Ingrid Solberg
        # apologised ... and said'
        lead = _LEAD_NAME.match(DATELINE.sub("", text))
        speaker = lead.group() if lead else ""
    speaker_start = text.rfind(speaker, 0, match.start()) if speaker else -1
    long = len(speaker.split()) > (14 if _AUTHORED.match(speaker) else 9)
    if not speaker or long or speaker.lower().startswith("according"):
        speaker = _speaker_after(text, match.end())
    if not speaker or speaker.lower() in {"that", "which", "who"} or _function_words(speaker):
        return None  # 'whether a ceasefire, if agreed, would ...': 'if' agrees to nothing
    cue, cue_end = _cue_phrase(text, match)
    quotes = quote_spans(text)
    if cue in _OBJECT_CUES and not quotes and not _SPEECH_AFTER.match(text[cue_end:]):
        return None  # 'Reyes added a third in the 88th minute' is not speech
    if cue in {"agreed", "agrees"} and _AGREED_TO.match(text[cue_end:]):
        return None  # 'ministers agreed to delay the rules' is a decision, not speech
    before = [q for q in quotes if since <= q[0] and q[1] <= match.start()]
    after_text = text[cue_end:].strip(" ,:")
    after_text = re.sub(
        r"^(?:(?:speaking )?on condition of anonymity|in a statement|on \w+|this week|only|that"
        r"|in an? [\w ]{2,40}? (?=that\b))\b[ ,]*",
        "",
        after_text,
    )
    opening = text[: before[0][0]].strip(" ,") if before else ""
    if before and opening and speaker_start > 0 and not since:
        content = text[:speaker_start].strip(" ,")  # 'The talks were "constructive", X said'
        mode = "indirect"
    elif before:
        content = text[before[0][0] : quotes[-1][1]]
        mode = "direct"
    else:
        content = _own_content(re.sub(r"^(?:that\s*,?\s*)", "", after_text))
        if _NOT_CONTENT.match(content) and speaker_start > 0:
            content = ""  # 'X, the minister said, adding that ...': X is what was said
        if not content.strip(" .") and speaker_start > 0:
            content = text[:speaker_start].strip(" ,")
        whole = len(quotes) == 1 and content[:1] in '“"' and content.rstrip(". ")[-1:] in '”"'
        mode = "direct" if whole else "indirect"
    opening_venue = _VENUE.match(content)
    if opening_venue and content[opening_venue.end() :].startswith(" that "):
        # 'told reporters outside the ministry that ...': where, then what
        content = content[opening_venue.end() + len(" that ") :]
    draft = FactDraft("statement", sentence, 0, len(text))
    draft.put("speaker", speaker)
    draft.put("cue", cue)
    draft.put("content", content.rstrip("."))
    draft.put("mode", mode)
    behalf = _BEHALF.search(text)
    draft.put("on_behalf_of", behalf.group("who") if behalf else None)
    time = (
        find_time(text, match.start())
        or find_time(speaker)
        or _time_before(text, match.start(), speaker_start)
    )
    draft.put("time", time.text if time else None)
    content_at = text.find(content) if content else -1
    after_cue = text[match.end() : content_at if content_at > match.end() else None]
    draft.put("place", opening_venue.group() if opening_venue else _venue(after_cue))
    masked = mask_abbreviations(text)
    called = _CALLED_ON.match(masked[match.end() :]) if cue in _ADDRESSED_CUES else None
    if called:
        draft.put("addressee", re.sub(r" (?:not|never)$", "", called.group("who").strip('“”"')))
    if cue.startswith(("told ", "tells ")):
        draft.put("addressee", cue.split(" ", 1)[1])
    occasion = _OCCASION.match(text[: max(speaker_start, 0)].strip(" ,"))
    if occasion and "addressee" not in draft.slots:
        draft.put("addressee", occasion.group("to"))
    return draft


_VENUE = re.compile(
    r"\b(?:at|during|in|on) (?:a|an|the|his|her|its|their) (?:[\w-]+ ){0,2}?(?:news conference|"
    r"press conference|news briefing|press briefing|briefing|rally|ceremony|hearing|interview|"
    r"television interview|radio interview|speech|debate|vigil|conference|summit|meeting|"
    r"session|gathering|event)\b(?: in [A-Z][\w-]+(?: [A-Z][\w-]+)*)?"
    r"|\b(?:outside|inside) (?:the|a|an|his|her|its) [\w'’ -]{3,40}?(?=[,.;:]| on | after | before "
    r"| as | and | that |$)"
)
"""Where words were said: 'at a news conference', 'outside the ministry'."""


def _venue(after_cue: str) -> str | None:
    """The occasion or place a statement was made at, in the words after its cue and before
    what was said ('told reporters outside the ministry that ...', '..., he said at a news
    conference on Thursday'), or a place name there ('told reporters in Marsen')."""
    found = _VENUE.search(after_cue)
    if found is not None:
        return found.group()
    place = find_place(after_cue)
    return (
        place.text if place is not None and after_cue.lstrip().startswith(("in ", "at ")) else None
    )


_ASIDE = re.compile(
    r",? but (?:he|she|it|they|[A-Z][\w’'.-]*) (?:did not|would not|declined|refused|gave no)\b"
)


def _own_content(content: str) -> str:
    """'welcomed the decision but said the government would wait': what the first cue covers
    stops where the speaker goes on to say more."""
    for cue in _CUE.finditer(content):
        coordinated = _COORDINATED.search(content, 0, cue.start())
        if coordinated is not None:
            return content[: coordinated.start()].strip(" ,")
    aside = _ASIDE.search(content)  # '..., but he did not say how it would be financed'
    return content[: aside.start()] if aside else content


def find_statements(sentences: list[Sentence]) -> list[FactDraft]:
    """Every attributed statement: direct quotes, indirect speech, 'called on', 'warned'."""
    drafts: list[FactDraft] = []
    for sentence in sentences:
        if _REPORT_LEAD.match(sentence.text):
            continue
        found = _statements_in(sentence)
        participle = None if found else _participle_statement(sentence)
        if participle is not None:
            found = [participle]
        if not found and sentence.text.lstrip()[:1] in '“"':
            found = [_unattributed_quote(sentence)]
        drafts.extend(found)
    return drafts


def _statements_in(sentence: Sentence) -> list[FactDraft]:
    """The first attributed statement of a sentence, and each one its speaker goes on to make
    ('welcomed the results but said the government would wait')."""
    found: list[FactDraft] = []
    for match in _cues_outside_quotes(sentence.text):
        coordinated = _COORDINATED.search(sentence.text, 0, match.start())
        if not found:
            draft = _statement(sentence, match)
        elif coordinated:
            # what the speaker goes on to say comes after the 'and'/'but', not in a quotation
            # before it ('called the cuts "a death sentence" and vowed to ...')
            speaker = found[0].slots.get("speaker")
            draft = _statement(sentence, match, speaker, coordinated.start())
        else:
            continue
        if draft is not None:
            found.append(draft)
    return found


_PARTICIPLE = re.compile(
    r", (?P<cue>saying|adding|insisting|arguing|warning|claiming|stressing)"
    r'(?= (?:only |in an? [\w ]{2,40}? )?(?:that\b|[“"]))'
)
"""'X resigned, saying in a letter that ...', 'X declined to confirm it, saying only "..."'."""
_SUBJECT = re.compile(
    r"(?:He|She|They|(?:The |the )?[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*)"
    r"(?=,? (?:[a-z]+ly )?[a-z]+(?:ed|d)\b)"
)
"""A sentence's subject named at its start, before its (past-tense) verb."""


def _participle_statement(sentence: Sentence) -> FactDraft | None:
    """A statement made in a participle clause: the speaker is the sentence's subject."""
    match = _PARTICIPLE.search(sentence.text)
    if match is None:
        return None
    text = DATELINE.sub("", sentence.text[: match.start()])
    lead = _LEAD_NAME.match(text) or _SUBJECT.match(text)
    if lead is None:
        return None
    speaker = lead.group().strip(" ,")
    draft = _statement(sentence, match, speaker)
    if draft is not None:
        cue = match.group("cue")
        draft.put("cue", "said" if cue == "saying" else cue.removesuffix("ing") + "ed")
    return draft


def _unattributed_quote(sentence: Sentence) -> FactDraft:
    """A sentence that is only a quotation: the speaker is whoever spoke last (resolved later)."""
    draft = FactDraft("statement", sentence, 0, len(sentence.text))
    draft.put("speaker", "(previous speaker)")
    draft.put("content", sentence.text)
    draft.put("mode", "direct")
    return draft


def find_reports(sentences: list[Sentence]) -> list[FactDraft]:
    """'According to X, ...', '..., according to X', 'X reported, citing Y, that ...', 'a study
    found ...', '... in a trial'."""
    drafts: list[FactDraft] = []
    for sentence in sentences:
        text = sentence.text
        match = (
            _REPORT_LEAD.match(text)
            or _REPORT_TAIL.match(text)
            or _FINDING.search(text)
            or _SHOWED.match(text)
            or _IN_STUDY.match(DATELINE.sub("", text))
        )
        if match is None:
            reported = _REPORTED.match(text) or _REPORTED_BY.match(text)
            if reported is None or "report" not in text[: reported.start("content")]:
                continue
            match = reported
        draft = FactDraft("report", sentence, 0, len(text))
        draft.put("source", match.group("src"))
        content = _CITING.sub("", match.group("content")).strip(" ,.")
        content = re.sub(r"^(?:, *)*(?:that )?", "", content)  # 'citing X, that ...' removed
        if not content or time_pattern().fullmatch(content):
            content = text[: match.start("src")].strip(
                " ,"
            )  # '..., a UNICEF report found last year'
        draft.put("content", content)
        citing = _CITING.search(text)
        draft.put("cites", citing.group("cites") if citing else None)
        drafts.append(draft)
    return drafts
