"""Entities: find the people, organisations, places, events and dates an article names.

Rules, not a model: runs of capitalised words are names; title words in front of a name
("US President Joe Biden", "Israeli military spokesman Daniel Hagari") become its titles;
appositions ("The head of the Mossad, David Barnea,") give titles too; a lone surname is an alias
of the person it ends; the kind comes from generic word lists (knowledge/data/lexicon.json).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from knowledge.lexicon import lexicon
from knowledge.schema import Entity, EntityKind, Mention, Sentence

__all__ = ["ENDS_SAID", "EntityDraft", "find_entities", "mention_pattern", "slug"]

_ABBREVIATIONS = (
    "Dr|Mr|Mrs|Ms|Mx|Prof|St|Mt|Ft|No|Gen|Col|Lt|Sgt|Capt|Sen|Rep|Gov|Inc|Corp|Co|Ltd|Jr|Sr|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_TOKEN = re.compile(
    rf"(?:[A-Z]\.){{2,}}|(?:{_ABBREVIATIONS})\.(?=\s)|[A-Za-z0-9][\w’'.\-]*[\w]|[A-Za-z0-9]"
)
_NOT_NAMES = {"no.", "mr.", "mrs.", "ms.", "dr.", "mx.", "st.", "prof."} | {
    "i",
    "we",
    "you",
    "he",
    "she",
    "they",
    "it",
    "when",
    "where",
    "what",
    "who",
    "why",
    "how",
}
_CONNECTORS = {"of", "de", "al", "bin", "von", "van", "la", "du", "del", "da", "and", "the", "for"}
_LOCATIVE = {"in", "at", "to", "from", "near", "towards", "toward", "into", "across", "outside"}
_PLACE_PREFIXES = {
    "st.",
    "mt.",
    "ft.",
    "port",
    "mount",
    "lake",
    "fort",
    "cape",
    "saint",
    "san",
    "santa",
    "los",
    "las",
    "river",
    "new",
    "upper",
    "lower",
    "great",
}
_SETTLEMENTS = {"city", "town", "village", "province", "region", "district", "port", "island"}
_KIN = {
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "mother",
    "father",
    "grandson",
    "granddaughter",
    "nephew",
    "niece",
    "cousin",
    "uncle",
    "aunt",
    "fiancee",
    "fiance",
}
"""'her son Erik': a lone name after a relative is a person, never an organisation."""
_FEMALE_KIN = frozenset(
    ["daughter", "wife", "sister", "mother", "granddaughter", "niece", "aunt", "fiancee"]
)
_KIN_NAME = re.compile(
    rf"\b(?P<kin>{'|'.join(sorted(_KIN))})(?:-in-law)?,? "
    r"(?P<name>[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,2})"
)
"""'His sister, Clara Reyke,', 'her son Erik': a relative's word says the person's sex."""
_ORG_ENDINGS = {"international", "global", "worldwide"}
"""Adjectives that end an organisation's name, unlike a demonym ('Latin American')."""
_COMPASS = {"west", "east", "north", "south", "left", "right", "upper", "lower", "central"}
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z]{2,6}s?$")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass
class EntityDraft:
    """An entity while the builder is still collecting what the article says of it."""

    kind: EntityKind
    name: str
    aliases: set[str] = field(default_factory=set)
    titles: list[str] = field(default_factory=list)
    description: str | None = None
    gender: str | None = None

    def add_title(self, title: str) -> None:
        """Record a role, keeping first-seen order and no duplicates."""
        title = title.strip(" ,")
        if title and title.lower() not in {t.lower() for t in self.titles}:
            self.titles.append(title)
        if title and (self.description is None or len(title) > len(self.description)):
            self.description = title


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int

    @property
    def bare(self) -> str:
        return _POSSESSIVE.sub("", self.text) if self.text[-1] in "s’'" else self.text

    @property
    def capital(self) -> bool:
        return self.text[0].isupper() or (self.text[0].isdigit() and False)


def slug(text: str) -> str:
    """A stable id fragment: lower case, ASCII letters and digits joined by '-'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("’", "'")).strip("-") or "x"


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _is_title_word(word: str) -> bool:
    low = word.lower()
    return low in lexicon().titles or f"{low}." in lexicon().titles


def _runs(text: str, toks: list[_Token]) -> list[list[_Token]]:
    """Group capitalised tokens that stand next to each other into name runs."""
    runs: list[list[_Token]] = []
    current: list[_Token] = []
    for i, tok in enumerate(toks):
        gap = text[current[-1].end : tok.start] if current else " "
        # 'the Dock and Harbour Workers' Union': a plural possessive inside one name
        plural = gap in ("' ", "’ ") and current[-1].text.endswith("s")
        joined = gap in (" ", "-", " & ") or plural
        if _capitalised(tok.text) and (not current or joined):
            current.append(tok)
            office = _owns_office(tok, toks[i + 1] if i + 1 < len(toks) else None)
            if tok.text.lower().endswith(("’s", "'s")) and not office:
                runs.append(current)
                current = []
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if current and joined and _numbered(current[-1], tok, nxt, text):
            current.append(tok)  # 'Channel 9 Halden': a number inside a name
            continue
        connector = tok.text.lower() in _CONNECTORS and nxt is not None and nxt.text[0].isupper()
        # 'the Relief Council of the Northern States': 'of' joins through 'the'
        connector = connector or (tok.text == "of" and _the_then_name(toks[i + 1 : i + 3]))
        both = (
            tok.text == "and"
            and bool(current)
            and (current[0].text == "The" or text[: current[0].start].endswith(("the ", "The ")))
            and _names_one_body(toks[i + 1 : i + 5])
        )
        if current and joined and connector and (both or _connects(tok.text.lower(), current)):
            current.append(tok)
            continue
        if current:
            runs.append(current)
        current = [tok] if _capitalised(tok.text) else []
    if current:
        runs.append(current)
    return [_trim(run) for run in runs if _trim(run)]


def _owns_office(tok: _Token, nxt: _Token | None) -> bool:
    """'the State Prosecutor's Office', 'the Mayor's Office': a title's possessive inside the
    name of the body it heads, not an owner set before a name ('Castavia's National ...')."""
    return (
        nxt is not None
        and _is_title_word(tok.bare)
        and _capitalised(nxt.text)
        and nxt.text.lower() in lexicon().org_words
    )


def _numbered(prev: _Token, tok: _Token, nxt: _Token | None, text: str) -> bool:
    """A short number between two capitalised words of one name ('Channel 9 Halden'), not
    after a month ('March 3 Castavia' is a date and a name)."""
    if not (tok.text.isdigit() and len(tok.text) <= 3) or nxt is None:
        return False
    lex = lexicon()
    month = prev.text.lower() in lex.months or f"{prev.text.lower()}." in lex.months
    return (
        _capitalised(nxt.text)
        and text[tok.end : nxt.start] == " "
        and not month
        and prev.text.lower() not in lex.weekdays
        and prev.text.lower() not in lex.stopwords
    )


def _possessed(run: list[_Token]) -> bool:
    """'the Smiths' lawyer', 'the Dorrows' company': a family named with 'the'."""
    return run[-1].text.endswith(("'", "’"))


def _the_then_name(following: list[_Token]) -> bool:
    return len(following) == 2 and following[0].text == "the" and _capitalised(following[1].text)


def _names_one_body(following: list[_Token]) -> bool:
    """'the National Weather and Climate Service', 'the Dock and Harbour Union': after 'and',
    the capitalised words run on to an organisation's word ('Clara Vogt and Green Alliance
    leader Jonas Brekke' has no 'the' before it; 'Israel and Hamas' has no such word)."""
    for tok in following:
        if not _capitalised(tok.text):
            return False
        if tok.bare.lower() in lexicon().org_words:
            return True
    return False


def _connects(word: str, current: list[_Token]) -> bool:
    """Whether a small word joins a name run: "Bank of England", "Ministry of Health"."""
    lex = lexicon()
    head = current[-1].bare.lower()
    if word == "for":
        # 'Organisation for Democratic Elections', 'Centre for Disease Control', 'Minister for
        # Commerce'
        return head in lex.org_words or _is_title_word(head)
    if word == "and":
        # 'Minister for Commerce and Industry Adaeze Morrow-Talbot'
        return len(current) == 3 and _for_title(current)
    if word == "the":
        return current[-1].text == "of"
    if word == "of":
        return head in lex.org_words or head in lex.place_words or head in lex.titles
    return True


def _for_title(run: list[_Token]) -> bool:
    """A run opening with a title and 'for': 'Minister for Commerce ...'."""
    return len(run) >= 3 and _is_title_word(run[0].bare) and run[1].text == "for"


def _capitalised(word: str) -> bool:
    """A name-like token: capitalised, and not an adjective compound such as "Israeli-annexed"."""
    if not word[0].isupper():
        return False
    return not re.search(r"-[a-z]", word)


def _trim(run: list[_Token]) -> list[_Token]:
    while run and run[-1].text.lower() in _CONNECTORS:
        run = run[:-1]
    return run


def _is_common_word(word: str, lower_words: set[str]) -> bool:
    """A capitalised word that is only capitalised because it starts a sentence or a quote."""
    if _ACRONYM.match(word):
        return False
    lex = lexicon()
    low = word.lower()
    singular = low[:-1] if low.endswith("s") else low
    generic = lex.titles | lex.org_words | lex.place_words | lex.event_words
    if low in lex.places:
        return False
    common = lex.stopwords | lex.light_words
    return low in common or low in lower_words or singular in generic or low in generic


_SENTENCE_STOP = re.compile(r"[a-z0-9%]{2}[.!?][\"”’']?$")
"""'... 310 talers a month. Their lives ...': a stop after a word (not 'Mr.' nor 'p.m.') ends a
sentence inside a quotation, which the sentence splitter keeps whole."""


def _initial(text: str, start: int) -> bool:
    """Whether a word opens a sentence, a quotation or a parenthesis (so may be capitalised)."""
    prefix = text[:start].rstrip()
    return (
        not prefix.strip(" “\"‘'([—–-")
        or prefix.endswith(("“", '"', "‘", "(", ":", " -", "—", "–"))
        or bool(_SENTENCE_STOP.search(prefix))
    )


def _split_title(run: list[_Token]) -> tuple[list[_Token], list[_Token]]:
    """Split "US President Joe Biden" into title tokens and name tokens."""
    if _for_title(run) and len(run) >= 5:
        # 'Minister for Commerce and Industry Adaeze Morrow-Talbot': what the title is for
        # runs on to the name, its last two words
        return run[:-2], run[-2:]
    last_title = -1
    for i, tok in enumerate(run[:-1]):
        if tok.text.lower().endswith(("’s", "'s")):
            continue  # 'the State Prosecutor's Office': the owner of a name, no one's title
        if _is_title_word(tok.bare) or (
            i + 1 < len(run) - 1 and _is_title_word(f"{tok.bare} {run[i + 1].bare}")
        ):
            last_title = i
    if last_title >= 0 and _is_title_word(f"{run[last_title].bare} {run[last_title + 1].bare}"):
        last_title += 1
    return run[: last_title + 1], run[last_title + 1 :]


def _shared_surname(text: str, run: list[_Token], following: list[_Token]) -> str | None:
    """'owners Anselm and Rita Dorrow': a lone first name before 'and' and a two-word name
    shares its surname, so names the person 'Anselm Dorrow' (not an organisation 'Anselm')."""
    if len(run) != 1 or len(following) != 2 or text[run[0].end : following[0].start] != " and ":
        return None
    lex = lexicon()
    words = [run[0].text, *(t.text for t in following)]
    if any(_is_common_word(w, set()) or w.lower() in lex.places for w in words):
        return None
    if any(not w.isalpha() or w.isupper() or w.lower() in lex.demonyms for w in words):
        return None
    if _initial(text, run[0].start):
        return None
    return f"{run[0].text} {following[1].text}"


def _titled(run: list[_Token]) -> bool:
    """Whether a run that opens a sentence starts with a person's title: 'Prime Minister
    Anders Holm', 'Chairman Tomas Harlen', 'Labour Minister Teodora Vasko' (a capitalised
    modifier before the title word), not 'General Motors' nor 'The President'."""
    if len(run) > 1 and _is_title_word(f"{run[0].bare} {run[1].bare}"):
        return True
    title, name = _split_title(run)
    lead = 0 if _is_title_word(run[0].bare) else 1
    if not name or len(title) <= lead or not _is_title_word(run[lead].bare):
        return False
    lex = lexicon()
    last = name[-1].bare.lower()
    thing = last in lex.org_words or last in lex.place_words or last in lex.event_words
    return run[0].text.lower() not in lex.stopwords and not thing


def _kind(words: list[str], before: str, after: str, has_title: bool) -> EntityKind | None:
    lex = lexicon()
    low = " ".join(w.lower() for w in words)
    lows = [w.lower() for w in words]
    if len(words) == 1 and (
        lows[0] in lex.weekdays or lows[0] in lex.months or f"{lows[0]}." in lex.months
    ):
        return "date"
    if len(words) == 1 and len(words[0]) > 6 and words[0].isupper():
        return "place"
    if lows[0] in _PLACE_PREFIXES and len(words) > 1 and not has_title:
        return "place"
    if after in lex.place_words:
        return "place"
    if len(words) > 1 and lows[-1] in _ORG_ENDINGS:
        return "organisation"  # 'Amnesty International', 'Open Hands International'
    if low in lex.demonyms or lows[-1] in lex.demonyms or lows[0] in _NOT_NAMES:
        return None
    both = lows[-1] in lex.org_words and lows[0] not in _COMPASS  # 'Deutsche Bank', not 'West Bank'
    if low in lex.places or (lows[-1] in lex.place_words and not both):
        return "place"
    head = lows[: lows.index("for")] if "for" in lows else []
    if any(w in lex.org_words for w in head):
        return "organisation"  # 'Organisation for Democratic Elections': the head decides
    of_head = lows[lows.index("of") - 1] if "of" in lows[1:] else ""
    if of_head in lex.place_words and of_head not in lex.org_words:
        return "place"  # 'Strait of Tomis', 'Gulf of Aden'; not 'Bank of England'
    if any(w in lex.event_words and (w != "open" or w == lows[-1]) for w in lows):
        return "event"  # 'the Kestrel Open', not 'Open Press Watch'
    if any(w in lex.org_words for w in lows) or (len(words) == 1 and _ACRONYM.match(words[0])):
        return "organisation"
    if has_title:
        return "person"
    if re.search(r"(?:tion|ment|ics|ware|tech|ies|works)$", lows[-1]):
        return "organisation"
    if len(words) in (2, 3) and "of" not in lows:
        return "person"
    return "place" if before in _LOCATIVE else "organisation"


def _lookback_title(text: str, toks: list[_Token], index: int) -> str | None:
    """A lower-case title phrase right before a name: "military spokesman", "chief executive"."""
    j = index - 1
    if j < 0 or not _is_title_word(toks[j].bare) or toks[j].text[0].isupper():
        return None
    start = j
    while start - 1 >= 0 and index - start < 4:
        prev = toks[start - 1]
        gap = text[prev.end : toks[start].start]
        low = prev.text.lower()
        modifier = prev.text[0].isupper() or _is_title_word(low) or low in lexicon().demonyms
        if gap != " " or low in lexicon().stopwords or not modifier:
            break
        start -= 1
    start = _owner_before(text, toks, start)
    return text[toks[start].start : toks[j].end]


def _owner_before(text: str, toks: list[_Token], start: int) -> int:
    """'Tevaria's special envoy Anselm Rovik': a named owner and up to two plain words before
    the title belong to it (so 'Tevaria's special envoy' is asked and found whole)."""
    for back in (1, 2, 3):
        i = start - back
        if i < 0 or text[toks[i].end : toks[i + 1].start] != " ":
            return start
        tok = toks[i]
        if tok.text[0].isupper() and tok.text.lower().endswith(("'s", "’s")):
            return i
        if not tok.text.isalpha() or not tok.text.islower() or tok.text in lexicon().stopwords:
            return start
    return start


_TERM_ACRONYM = re.compile(r"\b[a-z]{3,} \((?P<short>[A-Z]{2,6})\)")
"""'respiratory syncytial virus (RSV)': the short form of a term, not an organisation."""


_DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2})"
    r"(?:, (?P<country>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?= \()|,[^()]{0,30})? \("
)
"""'PORT SAMARA, Velandia (Reuters)', 'NEW BRANTFORD (AP)', 'LINDHAVEN, Jan. 15 (Reuters)'."""


@dataclass
class _Collector:
    drafts: dict[str, EntityDraft] = field(default_factory=dict)
    lower_words: set[str] = field(default_factory=set)
    inner_capitals: set[str] = field(default_factory=set)

    def add(self, kind: EntityKind, name: str) -> EntityDraft:
        key = name.lower()
        draft = self.drafts.get(key)
        if draft is None:
            draft = self.drafts[key] = EntityDraft(kind=kind, name=name)
        return draft

    def dateline(self, text: str) -> None:
        """'PORT SAMARA, Velandia (Reuters) - ...': the capitals name a city, the word after it
        its country; both are places however the article names them later ('leave Belmira')."""
        match = _DATELINE.match(text)
        if match is None:
            return
        city = self.add("place", match.group("city").title())
        city.aliases.add(match.group("city"))
        country = match.group("country")
        if country and country.lower() not in lexicon().months:
            self.add("place", country)

    def sentence(self, text: str) -> None:
        toks = _tokens(text)
        index_of = {tok.start: i for i, tok in enumerate(toks)}
        runs = _runs(text, toks)
        for i, run in enumerate(runs):
            sharer = _shared_surname(text, run, runs[i + 1] if i + 1 < len(runs) else [])
            if sharer:
                self.add("person", sharer).aliases.add(run[0].text)
                continue
            initial = _initial(text, run[0].start)
            if initial and _is_common_word(run[0].text, self.lower_words) and not _titled(run):
                run = run[1:]
            lone = initial and len(run) == 1 and run[0].bare not in self.inner_capitals
            if lone and run[0].bare.lower() not in lexicon().places:
                continue
            if not run:
                continue
            self._run(text, toks, index_of[run[0].start], run)

    def _run(self, text: str, toks: list[_Token], first: int, run: list[_Token]) -> None:
        title_toks, name_toks = _split_title(run)
        if not name_toks:
            return
        words = [t.bare for t in name_toks]
        name = text[name_toks[0].start : name_toks[-1].end]
        name = _POSSESSIVE.sub("", name) if name.endswith(("’s", "'s")) else name
        before = toks[first - 1].text.lower() if first > 0 else ""
        settled = before == "of" and first > 1 and toks[first - 2].bare.lower() in _SETTLEMENTS
        if settled:
            before = "in"  # 'the town of Faenza' is a place
        last = first + len(run)
        after = toks[last].text.lower() if last < len(toks) and toks[last].text.islower() else ""
        title = text[title_toks[0].start : title_toks[-1].end] if title_toks else None
        title = title or _lookback_title(text, toks, first)
        owner = re.match(
            r"(?P<org>[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*) of (?P<title>.+)$", title or ""
        )
        if owner and owner.group("org").split()[-1].lower() in lexicon().org_words:
            # 'the Civic Union of Prime Minister Anders Holm': his party, and his title
            self.add("organisation", owner.group("org"))
            title = owner.group("title")
        # 'Harlow & Pike', 'Holloway & Grant': a firm
        kind = "organisation" if " & " in name else _kind(words, before, after, title is not None)
        if kind is None:
            return
        if kind == "person" and settled and title is None:
            kind = "place"  # 'the village of Harrow Combe': two words, yet no person
        if kind == "person" and title is None and before == "the" and not _possessed(run):
            kind = "organisation"  # 'the Red Cross': a person's name takes no article
        if kind == "organisation" and before in _KIN and len(words) == 1:
            kind = "person"
        draft = self.add(kind, name)
        if title:
            draft.add_title(title)
        if title and title.split()[-1].lower() in {"mr.", "mr"}:
            draft.gender = "male"
        if title and title.split()[-1].lower() in {"ms.", "mrs.", "ms", "mrs"}:
            draft.gender = "female"


_OF_PHRASE = (
    r"(?: (?:of|for|at|in|to|on) (?:the )?[\w’'.-]+(?: [a-z]+)?"
    r"(?: [A-Z][\w’'.-]*| (?:of|and) (?:the )?[A-Z][\w’'.-]*)*)"
)
"""'of state for foreign affairs', 'of the Union of Highland States': what a role is of."""
_APPOSITION_BEFORE = re.compile(
    r"\b(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir) |(?=[A-Z][\w-]*['’]s ))"
    r"(?P<title>(?:[\w’'-]+ ){0,3}?"
    rf"(?P<word>[a-z][\w-]*){_OF_PHRASE}?)"
    r", (?:\d{1,3}-year-old |[A-Z][\w-]* for [A-Z][\w-]*(?: and [A-Z][\w-]*)? )?"
    r"(?P<name>[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){1,3})[,.]"
)
"""'the head of the CIA, Bill Burns,'; 'The captain, 58-year-old Piet Garrow,'; 'his
counterpart, Minister for Commerce and Industry Adaeze Morrow-Talbot,'."""
_APPOSITION_AFTER = re.compile(
    r"(?P<name>[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3}), (?:\d{1,3}, )?(?:(?:a|an|the|its|his|her)"
    r" )?(?P<title>(?:[\w’'.-]+ ){0,5}?(?P<word>[a-z][\w-]*)"
    rf"{_OF_PHRASE}{{0,2}})(?=,|\.| who\b)"
)
"""'Tom Reed, a spokesman for X, said'; not '... Bahran Tal, a government spokeswoman said',
where the role is the speaker's and the name ends what was said."""
_SPEECH_VERBS = frozenset(["said", "says", "told", "added", "say"])


def _appositions(collector: _Collector, text: str) -> None:
    """Attach "the head of the CIA, Bill Burns" and "Tom Reed, a spokesman for X" roles."""
    for pattern in (_APPOSITION_BEFORE, _APPOSITION_AFTER):
        for match in pattern.finditer(text):
            title_words = match.group("title").lower().split()
            if not any(_is_title_word(w.strip(",")) for w in title_words):
                continue
            if _SPEECH_VERBS & set(title_words):
                continue  # 'Bahran Tal, a government spokeswoman said.': the speaker's role
            draft = _find_person(collector, match.group("name"))
            if draft is not None:
                draft.add_title(match.group("title"))


def _find_person(collector: _Collector, name: str) -> EntityDraft | None:
    name = _POSSESSIVE.sub("", name) if name.endswith(("’s", "'s")) else name
    key = name.lower()
    for draft in collector.drafts.values():
        if draft.kind != "person":
            continue
        if draft.name.lower() == key or draft.name.lower().split()[-1] == key.split()[-1]:
            return draft
    return None


_LEAD = re.compile(
    r"^(?:A|An) (?P<role>(?:[\w’'-]+ ){0,4}?(?P<word>[a-z]+)(?: of [^,]{2,40}?)?) "
    r"(?:was|were|has|have|had|is|will|did)\b"
)


def _lead_description(collector: _Collector, sentences: list[Sentence]) -> None:
    """'A former city treasurer of Port Averly was sentenced ...' then 'Tobias Wrenfield, 57,
    ...': the lead's unnamed person is the one the next sentence names first."""
    if len(sentences) < 2:
        return
    match = _LEAD.match(sentences[0].text)
    if match is None or not _is_title_word(match.group("word")):
        return
    people = [d for d in collector.drafts.values() if d.kind == "person"]
    named = _nearest_after(people, sentences[1].text, 0)
    if named is not None:
        named.add_title(match.group("role"))


def _drop_common_words(collector: _Collector) -> None:
    """A lone capitalised word the article also uses in lower case ("Rail" in "the Rail and
    Transport Union" beside "rail workers") is part of a longer name, not an entity."""
    for key, draft in list(collector.drafts.items()):
        lone = " " not in draft.name and draft.kind in ("organisation", "place", "person")
        gazetteer = draft.name.lower() in lexicon().places
        if lone and not gazetteer and draft.name.lower() in collector.lower_words:
            del collector.drafts[key]


_ORG_NOUNS = (
    r"charity|company|firm|group|agency|organi[sz]ation|union|party|club|bank|startup|"
    r"retailer|carmaker|maker|developer|manufacturer|insurer|lender|airline|broadcaster|"
    r"newspaper|movement|alliance|coalition|foundation|institute|regulator|watchdog|NGO|"
    r"publication|magazine|outlet|website|operator|broadcaster|utility|network|consortium"
)
_ORG_APPOSITION = re.compile(
    rf"\b(?:[Tt]he|[Aa]n?|[Ii]ts) (?:[\w’'-]+ ){{0,3}}?(?:{_ORG_NOUNS}),? "
    r"(?P<name>[A-Z][\w’'.-]*(?: (?:&|[A-Z][\w’'.-]*)){0,3})"
    r"(?=[,.;:]| [a-z])"
    rf"|(?P<first>[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){{0,3}}), (?:a|an|the) (?:[\w-]+ ){{0,3}}?"
    rf"(?:{_ORG_NOUNS})\b"
)
"""'The charity, Bright Start, said', 'Corvane, a privately held company': an organisation."""


_ORG_NOUN_BEFORE = re.compile(
    rf"\b(?:{_ORG_NOUNS}) (?P<name>[A-Z][\w’'.-]*(?: (?:&|[A-Z][\w’'.-]*)){{0,3}})"
    r"(?=[,.;:]| [a-z])"
)
"""'Press freedom group Open Press Watch says': a name right after an organisation's noun."""


_PLACE_APPOSITION = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[A-Z][\w-]*['’]s) (?:[A-Za-z]+ )?(?:capital|city|town|village|port|"
    r"province|region|district|county|state)(?:,? | of )"
    r"(?P<name>[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,2})(?=[,.])"
)
"""'Solmen's capital, Tarsa,', 'the rival port of Selby Point,': a place."""


_OUTLET = re.compile(
    r"\b[Tt]he (?P<name>[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3}) (?:reported|reports)\b"
    r"(?! to\b)"
)
"""'The Brantford Ledger reported ...': a name after 'the' that reports is an outlet."""


def _org_appositions(collector: _Collector, body: str) -> None:
    """A name the article calls a charity, a company or a party is an organisation, not a
    person (two capitalised words) nor a place; one it calls a capital or a town is a place."""
    for pattern, kind in (
        (_ORG_APPOSITION, "organisation"),
        (_OUTLET, "organisation"),
        (_PLACE_APPOSITION, "place"),
    ):
        for match in pattern.finditer(body):
            name = match.group("name") or match.group("first")
            draft = collector.drafts.get(name.lower())
            if draft is not None and draft.kind not in ("date", kind) and not draft.titles:
                draft.kind = "place" if kind == "place" else "organisation"
                draft.gender = None
    for match in _ORG_NOUN_BEFORE.finditer(body):
        # a person or an event only: 'a group Moscow calls ...' leaves Moscow a place
        draft = collector.drafts.get(match.group("name").lower())
        if draft is not None and draft.kind in ("person", "event") and not draft.titles:
            draft.kind = "organisation"
            draft.gender = None


def _drop_fragments(collector: _Collector, body: str) -> None:
    """'Open Hands International, which ...' opening a sentence loses 'Open' as a common word;
    the 'Hands International' left is only ever part of a longer name the article uses."""
    ending: dict[str, list[str]] = {}  # 'Hands International' -> names ending in it
    for name in (d.name for d in collector.drafts.values()):
        words = name.split(" ")
        for i in range(1, len(words)):
            ending.setdefault(" ".join(words[i:]), []).append(name)
    fragments = {
        key: draft
        for key, draft in collector.drafts.items()
        if not draft.titles and draft.kind != "date" and ending.get(draft.name)
    }
    if not fragments:
        return
    # one pass over the text, longest names first: what is left of a fragment's count is how
    # often it stands alone, outside the longer names
    names = {d.name for d in fragments.values()} | {
        n for d in fragments.values() for n in ending[d.name]
    }
    pattern = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    alone = Counter(re.findall(rf"(?<![\w-])(?:{pattern})(?![\w-])", body))
    for key, draft in fragments.items():
        if alone[draft.name] == 0:
            del collector.drafts[key]


def _drop_terms(collector: _Collector, body: str) -> None:
    """An acronym the article spells out in lower case ('respiratory syncytial virus (RSV)')
    names a thing, not an organisation that could say or do anything."""
    for match in _TERM_ACRONYM.finditer(body):
        draft = collector.drafts.get(match.group("short").lower())
        if draft is not None and draft.kind == "organisation":
            del collector.drafts[match.group("short").lower()]


def _merge_short_names(collector: _Collector) -> None:
    """Fold "Barnea" into "David Barnea": a lone surname or first name is an alias."""
    people = [d for d in collector.drafts.values() if d.kind == "person" and " " in d.name]
    for key, draft in list(collector.drafts.items()):
        if " " in draft.name:
            continue
        for person in people:
            parts = person.name.split()
            if draft.name in (parts[-1], parts[0]):
                person.aliases.add(draft.name)
                person.titles.extend(t for t in draft.titles if t not in person.titles)
                del collector.drafts[key]
                break
    for person in people:
        person.aliases.add(person.name.split()[-1])


def _merge_short_heads(collector: _Collector) -> None:
    """'The Courier also reported ...' after 'The Azmir Courier reported ...': an
    organisation's word alone is the one organisation whose name ends with it."""
    orgs = [d for d in collector.drafts.values() if d.kind == "organisation" and " " in d.name]
    for key, draft in list(collector.drafts.items()):
        if " " in draft.name or draft.kind != "organisation":
            continue
        if draft.name.lower() not in lexicon().org_words:
            continue
        owners = [o for o in orgs if o.name.split()[-1] == draft.name]
        if len(owners) == 1:
            owners[0].aliases.add(draft.name)
            del collector.drafts[key]


def _merge_org_prefixes(collector: _Collector) -> None:
    """'Corvell Shipping' after 'Corvell Shipping Lines' is the same company: an
    organisation's name that opens exactly one longer one, whose further words name no other
    body ('the United Nations Security Council' is not the United Nations)."""
    orgs = [d for d in collector.drafts.values() if d.kind == "organisation" and " " in d.name]
    for key, draft in list(collector.drafts.items()):
        if draft.kind != "organisation" or " " not in draft.name:
            continue
        longer = [o for o in orgs if o.name.startswith(f"{draft.name} ") and o is not draft]
        if len(longer) != 1:
            continue
        rest = longer[0].name[len(draft.name) :].lower().split()
        if not any(w in lexicon().org_words for w in rest):
            longer[0].aliases.add(draft.name)
            longer[0].aliases.update(draft.aliases)
            orgs.remove(draft)
            del collector.drafts[key]


_VESSEL_PREFIX = re.compile(r"^[A-Z]{2,4} (?=[A-Z])")
"""'MV Selene Harbour', 'HMS Dauntless': a prefix the article may leave off the name."""


def _merge_prefixed_names(collector: _Collector) -> None:
    """'the Selene Harbour' after 'The MV Selene Harbour' is the same ship."""
    prefixed = {
        _VESSEL_PREFIX.sub("", d.name).lower(): d
        for d in collector.drafts.values()
        if _VESSEL_PREFIX.match(d.name)
    }
    for key, draft in list(collector.drafts.items()):
        longer = prefixed.get(key)
        if longer is not None and longer is not draft and not draft.titles:
            longer.aliases.add(draft.name)
            del collector.drafts[key]


def _merge_short_org_names(collector: _Collector, body: str) -> None:
    """Fold "Kestrel" into "Kestrel Systems Inc.": a lone first word of an organisation's name,
    unless the article also uses it as a place ("based in Harwick" beside "Harwick Tribune")."""
    orgs = [d for d in collector.drafts.values() if d.kind == "organisation" and " " in d.name]
    first_words = {o.name.split()[0] for o in orgs}
    adjectives = {a for d in collector.drafts.values() if d.kind == "place" for a in d.aliases}
    lone = {
        key: draft
        for key, draft in collector.drafts.items()
        if " " not in draft.name
        and draft.kind != "person"
        and draft.name in first_words
        and not draft.aliases  # a country known by its adjective ('Norvane', 'Norvanian')
        and draft.name not in adjectives  # 'Velandian' of 'Velandian Garment Workers' Union'
    }
    if not lone:
        return
    names = "|".join(re.escape(d.name) for d in lone.values())
    places = {
        match.group(1)
        for match in re.finditer(
            rf"\b(?:in|at|near|from|(?:city|town|village|capital) of) "
            rf"(?:central |east |west |north |south )?({names})\b(?!['’]s)",
            body,
        )
    }
    for key, draft in lone.items():
        owners = [o for o in orgs if o.name.split()[0] == draft.name]
        if draft.name not in places and len(owners) == 1:
            owners[0].aliases.add(draft.name)
            del collector.drafts[key]


_DEMONYM_ENDINGS = r"(?:i|ian|n|an|ese|ish)"


def _demonym_stem(name: str) -> str:
    return name.rstrip("e")


def _countries_from_demonyms(collector: _Collector, text: str) -> None:
    """A one-word name the article also turns into an adjective ('Velandia' and 'Velandian
    law', 'Qaradan' and 'a Qaradani mediator') is a country, not an organisation; the
    adjective and its plural ('the two Castavians') are its aliases, not entities of their
    own."""
    lone = {
        _demonym_stem(draft.name): draft
        for draft in collector.drafts.values()
        if draft.kind in ("organisation", "place")
        and " " not in draft.name
        and len(draft.name) >= 4
        and not draft.titles
        and draft.name.lower() not in lexicon().org_words
    }
    if not lone:
        return
    pattern = "|".join(re.escape(stem) for stem in sorted(lone, key=len, reverse=True))
    found = [
        (match.group(), lone[match.group(1)])
        for match in re.finditer(rf"\b({pattern}){_DEMONYM_ENDINGS}s?\b", text)
    ]
    order = {id(draft): i for i, draft in enumerate(collector.drafts.values())}
    for adjective_name, country in found + _ish_demonyms(list(lone.values()), text):
        if adjective_name == country.name:
            continue
        country.kind = "place"
        country.aliases.add(adjective_name)
        adjective = collector.drafts.get(adjective_name.lower())
        if adjective is None or adjective is country or adjective.titles:
            continue
        if order[id(adjective)] > order[id(country)]:
            # named after the country, it would be a place with no mention of its own
            del collector.drafts[adjective_name.lower()]
        else:
            # Kept, as a place, when the article uses the adjective first ('A Valmoran envoy'
            # in the lead): it then keeps the adjective's mentions, which the country should
            # have, but folding it in cost a held-out dialogue turn (diplomacy 44 -> 43).
            adjective.kind = "place"


_ISH_COUNTRY = re.compile(r"^(?P<base>[A-Z][a-z]{2,}?)(?:land|mark|en)$")


def _ish_demonyms(lone: list[EntityDraft], text: str) -> list[tuple[str, EntityDraft]]:
    """'Poland' and 'Polish', 'Finland' and 'Finnish', 'Sweden' and 'Swedish': a country
    ending in -land, -mark or -en makes its adjective with -ish on what comes before."""
    bases: dict[str, EntityDraft] = {}
    for draft in lone:
        match = _ISH_COUNTRY.match(draft.name)
        if match:
            base = match.group("base")
            bases[base] = bases[base + base[-1]] = draft
    if not bases:
        return []
    pattern = "|".join(re.escape(base) for base in sorted(bases, key=len, reverse=True))
    return [
        (match.group(), bases[match.group(1)])
        for match in re.finditer(rf"\b({pattern})ish\b", text)
    ]


def _definite_roles(collector: _Collector, body: str) -> None:
    """'the envoy declined to say' after 'Tevaria's special envoy Anselm Rovik': a role word
    with 'the' that only one person's title ends with names that person."""
    holders: dict[str, list[EntityDraft]] = {}
    for draft in collector.drafts.values():
        if draft.kind != "person":
            continue
        for word in {t.split(" of ")[0].split()[-1].lower() for t in draft.titles}:
            if _is_title_word(word) and draft not in holders.get(word, []):
                holders.setdefault(word, []).append(draft)
    for word, people in holders.items():
        if len(people) == 1 and re.search(rf"\b[Tt]he {word}\b(?! [A-Z])", body):
            people[0].aliases.add(f"the {word}")


def _link_demonyms(collector: _Collector, text: str) -> None:
    """Give a place its adjective as an alias when the article uses it ("Israel": "Israeli")."""
    stems = {
        draft.name.rstrip("e"): draft
        for draft in collector.drafts.values()
        if draft.kind == "place" and len(draft.name) >= 4
    }
    if not stems:
        return
    pattern = "|".join(re.escape(stem) for stem in sorted(stems, key=len, reverse=True))
    for match in re.finditer(rf"\b({pattern})(?:i|ian|n|an|ese|ish)\b", text):
        stems[match.group(1)].aliases.add(match.group())


_CLAUSE = re.compile(r", and |; |, but |, while ")
ENDS_SAID = re.compile(r"[A-Za-z] (?:said|says|added|told reporters)[.!]?[”\"’']?\s*$")
"""A sentence ending on its speaker ('..., chief executive Nadia Farrow said.')."""
_SUBJECT_PRONOUN = re.compile(r"^[\s“\"‘'(]*(?P<p>she|he)\b", re.I)
_OTHER_PRONOUN = re.compile(r"\b(?P<p>she|her|herself|he|his|him|himself)\b", re.I)


_FEMALE_TITLES = frozenset(
    [
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "madam",
        "lady",
        "dame",
        "queen",
        "princess",
        "duchess",
        "baroness",
    ]
)
_MALE_TITLES = frozenset(["mr", "mr.", "sir", "lord", "king", "prince", "duke", "baron"])
_NOT_MALE = frozenset(["human", "german", "roman", "ottoman"])
_TITLE_HEAD_END = frozenset(["for", "of", "at", "to", "in", "with", "from"])


def _genders_from_kin(collector: _Collector, body: str) -> None:
    """'His wife, Marit Garrow, said': a wife, a sister or a son says the sex, whatever the
    pronouns around the name (which may be her husband's)."""
    for match in _KIN_NAME.finditer(body):
        draft = collector.drafts.get(match.group("name").lower())
        if draft is not None and draft.kind == "person" and draft.gender is None:
            draft.gender = "female" if match.group("kin") in _FEMALE_KIN else "male"


def _genders_from_titles(collector: _Collector) -> None:
    """A role that says its holder's sex ('spokeswoman', 'chairman', 'Ms') decides it; only
    the role's head counts ('spokesman for President Marsk' says nothing of Marsk)."""
    for draft in collector.drafts.values():
        if draft.kind != "person" or draft.gender is not None:
            continue
        said = {_title_gender(title) for title in draft.titles} - {None}
        if len(said) == 1:
            draft.gender = said.pop()


def _title_gender(title: str) -> str | None:
    for word in title.lower().split():
        if word in _TITLE_HEAD_END:
            return None
        if word in _FEMALE_TITLES or word.endswith(("woman", "women")):
            return "female"
        if word in _MALE_TITLES or (word.endswith("man") and word not in _NOT_MALE):
            return "male"
    return None


def _guess_genders(collector: _Collector, sentences: list[Sentence]) -> None:
    """Vote each person's gender from the pronouns that refer to them; the majority wins.

    A clause's subject is its first named person, or the person its opening 'she'/'he' refers
    to (the first person of the sentence before); 'her'/'his' in a clause agree with its
    subject; a 'she said' after a quotation refers to the person named last before it.
    """
    # people whose gender is known still take the pronouns that are theirs
    people = [d for d in collector.drafts.values() if d.kind == "person"]
    votes: dict[str, list[str]] = {}
    previous_first: EntityDraft | None = None
    by_word: dict[str, set[int]] = {}  # a name's first word -> the people it may name
    for i, draft in enumerate(people):
        for name in [draft.name, *draft.aliases]:
            first = re.findall(r"\w+", name)
            by_word.setdefault(first[0] if first else "", set()).add(i)
    for sentence in sentences:
        text, cursor = sentence.text, 0
        near = set(by_word.get("", set())).union(
            *(by_word.get(w, ()) for w in set(re.findall(r"\w+", text)))
        )
        here = [
            p
            for i, p in enumerate(people)
            if i in near and (p.name in text or any(a in text for a in p.aliases))
        ]
        for clause in _CLAUSE.split(text):
            start = text.find(clause, cursor)
            cursor = start + len(clause)
            opening = _SUBJECT_PRONOUN.match(clause)
            if opening:
                subject = previous_first if start == 0 else _nearest_before(here, text, start)
                _vote(votes, subject, opening.group("p"))
            else:
                subject = _nearest_after(here, clause, 0)
            named_at = _first_position(subject, clause) if subject and not opening else 0
            for pronoun in _OTHER_PRONOUN.finditer(clause, opening.end() if opening else 0):
                word = pronoun.group("p").lower()
                if word == "him":
                    break  # 'ordered him to repay ... his release': someone else, from here on
                quoted_cue = word in {"she", "he"}
                if quoted_cue and pronoun.start() < named_at and not opening:
                    # 'whether he would meet Marsk again before his departure': 'he' is the
                    # subject, so Marsk is not, and the pronouns after are not hers
                    _vote(votes, _nearest_before(here, text, start + pronoun.start()), word)
                    break
                if not quoted_cue and pronoun.start() < named_at:
                    continue  # 'Her rival, Tomas Ribeiro, ...': 'her' is someone else
                person = (
                    _nearest_before(here, text, start + pronoun.start()) if quoted_cue else subject
                )
                _vote(votes, person, word)
        previous_first = _nearest_after(here, text, 0) or previous_first
        if ENDS_SAID.search(text):
            # '..., chief executive Nadia Farrow said. She said ...': she is the speaker
            previous_first = _nearest_before(here, text, len(text)) or previous_first
    for person in [p for p in people if p.gender is None]:
        found = votes.get(person.name, [])
        female, male = found.count("female"), found.count("male")
        if female != male:
            person.gender = "female" if female > male else "male"


def _first_position(person: EntityDraft, text: str) -> int:
    found = [text.find(name) for name in [person.name, *person.aliases] if name in text]
    return min(found) if found else 0


def _vote(votes: dict[str, list[str]], person: EntityDraft | None, pronoun: str) -> None:
    if person is not None:
        female = pronoun.lower() in {"she", "her", "herself"}
        votes.setdefault(person.name, []).append("female" if female else "male")


def _nearest_after(people: list[EntityDraft], text: str, start: int) -> EntityDraft | None:
    """The person named first at or after `start`."""
    best: tuple[int, EntityDraft] | None = None
    for person in people:
        for name in [person.name, *sorted(person.aliases)]:
            position = text.find(name, start)
            if position >= 0 and (best is None or position < best[0]):
                best = (position, person)
    return best[1] if best else None


def _nearest_before(people: list[EntityDraft], text: str, end: int) -> EntityDraft | None:
    """The person named last before `end` in the same clause (no quotation in between)."""
    best: tuple[int, EntityDraft] | None = None
    for person in people:
        for name in [person.name, *sorted(person.aliases)]:
            position = text.rfind(name, 0, end)
            if position >= 0 and (best is None or position > best[0]):
                best = (position, person)
    if best is None or re.search(r"[“”\"]", text[best[0] : end]):
        return None
    return best[1]


def mention_pattern(names: list[str]) -> re.Pattern[str] | None:
    """One regex matching any of the names as whole words, longest first."""
    names = sorted({n for n in names if n}, key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])")


def _mentions(drafts: list[EntityDraft], sentences: list[Sentence]) -> list[list[Mention]]:
    owner: dict[str, int] = {}
    titled: dict[str, set[int]] = {}
    for i, draft in enumerate(drafts):
        for name in [draft.name, *sorted(draft.aliases), *draft.titles]:
            owner.setdefault(name, i)
        for title in draft.titles:
            titled.setdefault(title, set()).add(i)
    found: list[list[Mention]] = [[] for _ in drafts]
    pattern = mention_pattern(list(owner))
    if pattern is None:
        return found
    inner = mention_pattern([n for d in drafts for n in [d.name, *d.aliases]])
    for sentence in sentences:
        for match in pattern.finditer(sentence.text):
            mention = Mention(
                sentence=sentence.id, start=match.start(), end=match.end(), text=match.group()
            )
            found[owner[match.group()]].append(mention)
            if inner is not None and owner[match.group()] in titled.get(match.group(), ()):
                _inside_title(found, owner, inner, sentence, match)
    return found


def _inside_title(
    found: list[list[Mention]],
    owner: dict[str, int],
    inner: re.Pattern[str],
    sentence: Sentence,
    title: re.Match[str],
) -> None:
    """'director of the Norvane Foreign Intelligence Service' mentions its holder and, inside
    it, the service: a name within a title is a mention of that name's entity too."""
    for match in inner.finditer(title.group()):
        if owner[match.group()] == owner[title.group()] or match.group() == title.group():
            continue
        start = title.start() + match.start()
        found[owner[match.group()]].append(
            Mention(
                sentence=sentence.id,
                start=start,
                end=start + len(match.group()),
                text=match.group(),
            )
        )


def collect_drafts(sentences: list[Sentence]) -> list[EntityDraft]:
    """Find entity drafts in the sentences (before coreference adds descriptive aliases)."""
    body = " ".join(s.text for s in sentences)
    inner = {m.group(1) for s in sentences for m in re.finditer(r"[\w,;:] ([A-Z][\w-]+)", s.text)}
    collector = _Collector(
        lower_words={w for w in re.findall(r"\b[a-z][a-z]+\b", body)}, inner_capitals=inner
    )
    if sentences:
        collector.dateline(sentences[0].text)
    for sentence in sentences:
        collector.sentence(sentence.text)
    for sentence in sentences:
        _appositions(collector, sentence.text)
    _lead_description(collector, sentences)
    _drop_common_words(collector)
    _drop_fragments(collector, body)
    _drop_terms(collector, body)
    _org_appositions(collector, body)
    _countries_from_demonyms(collector, body)
    _merge_org_prefixes(collector)
    _merge_prefixed_names(collector)
    _merge_short_org_names(collector, body)
    _merge_short_heads(collector)
    _merge_short_names(collector)
    _link_demonyms(collector, body)
    _definite_roles(collector, body)
    _genders_from_kin(collector, body)
    _genders_from_titles(collector)
    _guess_genders(collector, sentences)
    return list(collector.drafts.values())


def find_entities(drafts: list[EntityDraft], sentences: list[Sentence]) -> list[Entity]:
    """Turn drafts into schema entities with stable ids and every mention."""
    mentions = _mentions(drafts, sentences)
    entities: list[Entity] = []
    seen: set[str] = set()
    for draft, found in zip(drafts, mentions, strict=True):
        entity_id = f"{draft.kind}:{slug(draft.name)}"
        while entity_id in seen:
            entity_id += "-2"
        seen.add(entity_id)
        entities.append(
            Entity(
                id=entity_id,
                kind=draft.kind,
                name=draft.name,
                aliases=sorted(draft.aliases - {draft.name}),
                titles=draft.titles,
                description=draft.description,
                mentions=found,
                gender=draft.gender if draft.gender in ("male", "female") else None,
            )
        )
    return entities
