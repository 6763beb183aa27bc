"""Question analysis: clean the text, find its type, its entities and its content concepts."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import pairwise

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from knowledge.index import Index, concepts_of, is_known, related
from knowledge.lexicon import lexicon, normalise, past_forms, stem, tokens
from knowledge.morphology import root
from knowledge.relatives import is_verb, is_word

__all__ = ["Question", "analyse", "asks_career", "clean"]

ROLE_SCORE = 0.9
_TAG = re.compile(r"<[^>]{0,200}>")
_WH = (
    (
        "(?:which|what|in which|in what) "
        "(?:city|country|town|place|venue|location|region|area|part)",
        "place",
    ),
    ("how many", "number"),
    ("(?:what|which) (?:share|proportion|percentage|percent|fraction) of", "number"),
    ("how much", "number"),
    ("how long", "duration"),
    ("how far", "number"),
    ("how (?:tall|high|deep|wide|big|large|heavy|fast|hot|cold)", "number"),
    ("how old", "age"),
    ("(?:what|which) (?:(?:exact|precise|specific) )?(?:time|day|date|year|month)", "time"),
    ("who", "person"),
    ("whom", "person"),
    ("whose", "person"),
    ("when", "time"),
    ("where", "place"),
    ("why", "reason"),
    ("for what reason", "reason"),
    ("what for", "reason"),
    ("(?:what|which) (?:reasons?|justification|explanation|grounds)", "reason"),
    ("what (?:was|is|were|are) the (?:purpose|goal|aim|objective|point)", "reason"),
    ("how come", "reason"),
    ("what (?:caused|causes|led to|leads to|prompted|triggered|sparked|made|makes)", "reason"),
    ("what (?:was|is|were|are) the causes? of", "reason"),
    ("for what(?= reason| purpose|$)", "reason"),
    ("in what way", "how"),
    ("which", "what"),
    ("what", "what"),
    ("how", "how"),
)
_YES_NO = re.compile(
    r"^(?:did|does|do|is|was|are|were|has|have|had|can|could|will|would|should|may|might)\b"
)
_TYPO_WH = {
    "wat": "what",
    "wht": "what",
    "whn": "when",
    "whr": "where",
    "hw": "how",
    "y": "why",
    "ppl": "people",
    "yr": "year",
    "yrs": "years",
    "govt": "government",
    "gov": "government",
    "bc": "because",
    "cuz": "because",
    "abt": "about",
    "tmrw": "tomorrow",
    "mgr": "manager",
    "dept": "department",
    "intl": "international",
    "r": "are",
    "u": "you",
    "ur": "your",
    "w": "with",
    "b4": "before",
    "pls": "please",
    "plz": "please",
    "bout": "about",
    "til": "until",
    "till": "until",
}
_CONTRACTIONS = {
    # "who's" and the like are spelt out before possessives are dropped (_IS_CONTRACTED)
    "whos": ("who", "is"),
    "whats": ("what", "is"),
    "wheres": ("where", "is"),
    "whens": ("when", "is"),
    "hows": ("how", "is"),
    "gonna": ("will",),
    "wanna": ("want", "to"),
    "gotta": ("got", "to"),
    "dunno": ("do", "not", "know"),
    "can't": ("can", "not"),
    "won't": ("will", "not"),
    "shan't": ("shall", "not"),
}
_CLITIC = re.compile(r"^([a-z]+)(n't|'ve|'re|'ll|'d|'m)$")
_CLITICS = {"n't": "not", "'ve": "have", "'re": "are", "'ll": "will", "'d": "would", "'m": "am"}


@lru_cache(maxsize=8192)
def _expanded(word: str) -> tuple[str, ...]:
    """'haven't' -> 'have not', 'they're' -> 'they are': contractions as the words they
    stand for (else a slip-mender reads 'they're' as 'there')."""
    if word in _CONTRACTIONS:
        return _CONTRACTIONS[word]
    found = _CLITIC.match(word)
    if found is None:
        return (_TYPO_WH.get(word, word),)
    return (found.group(1), _CLITICS[found.group(2)])


_PREDICATE_WORDS = {
    "say",
    "said",
    "says",
    "tell",
    "told",
    "warn",
    "warned",
    "meet",
    "met",
    "report",
    "reported",
    "reports",
    "meeting",
    "speak",
    "spoke",
    "talk",
    "talked",
    "caution",
    "cautioned",
    "urge",
    "urged",
    "call",
    "called",
    "comment",
    "commented",
    "announce",
    "announced",
    "claim",
    "claimed",
    "accuse",
    "accused",
    "threaten",
    "threatened",
    "state",
    "stated",
    "think",
    "believe",
    "sit",
    "confirm",
    "confirmed",
    "deny",
    "denied",
    "respond",
    "responded",
    "react",
    "reacted",
    "reply",
    "replied",
    "acknowledge",
    "acknowledged",
}
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][a-z]+)?(?:[-.][A-Za-z0-9]+)*")


@dataclass
class Question:
    """What the engine understood of a question."""

    text: str
    words: list[str]
    wh: str
    """number, age, duration, time, person, place, reason, what, how, yesno or none."""
    entities: list[str] = field(default_factory=list)
    concepts: list[frozenset[str]] = field(default_factory=list)
    """Content concepts not covered by an entity mention."""
    entity_words: list[frozenset[str]] = field(default_factory=list)
    """Concepts of the words that named or described the entities."""
    unknown: list[str] = field(default_factory=list)
    """Content words the article does not contain, even allowing for typos."""
    negated: bool = False
    described: list[str] = field(default_factory=list)
    """Entities the question names by a role or description ('the CIA director')."""
    predicate: list[frozenset[str]] = field(default_factory=list)
    """Concepts of the question's main verb ('say', 'meet'), when it has one."""
    subjects: list[str] = field(default_factory=list)
    """Entities named before the question's verb: 'what did X say about Y' -> X."""
    primary: str | None = None
    """The entity the question is mainly about: one it describes, else a person, else the first."""
    definition: bool = False
    """'Who is X?' / 'What is X?': asks what X is."""
    counted: frozenset[str] = frozenset()
    """'How many people ...': the concepts of what is counted."""
    measure: bool = False
    """'How tall / deep / hot ...': a measure with its unit is asked."""
    asked: tuple[str, ...] = ()
    """The noun phrase a question asks to identify: 'which outside firm was hired' ->
    ('outside', 'firm'), 'who is the governor of X' -> ('governor',)."""


_US = re.compile(r"\bU\.?S\.?(?=\W|$)")


def _country_us(words: list[str], i: int) -> str:
    """'us' before a noun ('the us president') is the country, not the pronoun."""
    if words[i] != "us" or i + 1 >= len(words):
        return words[i]
    following = words[i + 1]
    return "usa" if following not in lexicon().stopwords and len(following) > 2 else "us"


def clean(text: str) -> str:
    """Drop HTML tags, control and formatting characters; unescape entities; squash spaces."""
    text = html.unescape(_TAG.sub(" ", text))
    kept = [c if unicodedata.category(c)[0] not in "C" else " " for c in text]
    return re.sub(r"\s+", " ", "".join(kept)).strip()


def _wh(words: list[str]) -> str:
    joined = " ".join(words)
    if _YES_NO.match(joined):
        return "yesno"
    for pattern, kind in _wh_patterns():
        if pattern.search(joined):
            return kind
    return "none"


@cache
def _wh_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(rf"\b{phrase}\b"), kind) for phrase, kind in _WH)


@lru_cache(maxsize=8192)
def _swapped_stopword(word: str) -> str | None:
    """'teh' is 'the', 'waht' is 'what': two neighbouring letters swapped in a function word."""
    letters = sorted(word)
    for stop in _stopwords_by_letters().get("".join(letters), ()):
        if OSA.distance(word, stop) == 1:
            return stop
    return None


@cache
def _lexicon_words() -> frozenset[str]:
    """Every word the generic word lists know (a known word is not a typo)."""
    lex = lexicon()
    groups = [w for group in lex.synonyms for member in group for w in member.split()]
    return frozenset(groups) | lex.titles | frozenset(lex.cue_verbs) | lex.places


@cache
def _stopwords_by_letters() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for stop in lexicon().stopwords:
        table.setdefault("".join(sorted(stop)), []).append(stop)
    return {key: tuple(sorted(words)) for key, words in table.items()}


_WH_WORDS = ("who", "what", "when", "where", "why", "how", "which")
_LONG_FUNCTION_WORDS = (
    "about",
    "across",
    "actually",
    "along",
    "being",
    "later",
    "after",
    "against",
    "always",
    "anything",
    "because",
    "happen",
    "happened",
    "something",
    "although",
    "been",
    "before",
    "between",
    "could",
    "during",
    "does",
    "from",
    "have",
    "many",
    "much",
    "should",
    "still",
    "that",
    "their",
    "them",
    "there",
    "they",
    "through",
    "until",
    "while",
    "were",
    "where",
    "which",
    "will",
    "with",
    "would",
)


@lru_cache(maxsize=8192)
def _misspelt_function_word(word: str, first: bool) -> str | None:
    """'wher did ...', 'wen was ...', '... abot', 'wer', 'stil': one edit from a question word
    or a common function word (a three-letter word only when a letter is missing)."""
    choices: tuple[str, ...] = _WH_WORDS if first else ()
    choices += tuple(w for w in _LONG_FUNCTION_WORDS if len(word) >= 4 or len(w) == len(word) + 1)
    near = [c for c in choices if OSA.distance(word, c) == 1 and word[0] == c[0]]
    if len(word) < 3 or not near:
        return None
    # A letter left out is the commonest slip: 'wher' is 'where' before it is 'when'.
    return next((c for c in near if _within(word, c)), near[0])


def _within(word: str, longer: str) -> bool:
    """Whether ``word``'s letters appear in ``longer`` in order."""
    letters = iter(longer)
    return all(letter in letters for letter in word)


def _opening_wh(words: list[str]) -> list[str]:
    """'were were the evacuees taken': an auxiliary cannot open a question before another one,
    so the first word is a question word typed one letter short ('where')."""
    if len(words) < 2 or words[1] not in _AUXILIARIES or words[0] not in _AUXILIARIES:
        return words
    for choice in _WH_WORDS:
        if OSA.distance(words[0], choice) == 1 and words[0][0] == choice[0]:
            return [choice, *words[1:]]
    return words


def _transposed(word: str, index: Index) -> str | None:
    """'trail' for the article's 'trial': two neighbouring letters swapped, a common slip even
    when the result is an English word, if the article uses the swapped form and not this one.
    The first letter stays: 'lives' is not a slip for the name 'Ilves'."""
    for i in range(1, len(word) - 1):
        swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if swapped != word and swapped in index.words:
            return swapped
    return None


def _compounds(words: list[str], index: Index) -> list[str]:
    """'underwater' for the article's 'under water', 'heat wave' for its 'heatwave': a word
    the article lacks, split into two it has; two words, one it lacks, joined into one it has."""
    result: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        following = words[i + 1] if i + 1 < len(words) else ""
        joined = word + following
        # 'lift off' stays two words where the article has 'lifting off' beside 'liftoff'.
        missing = any(
            w not in index.words and w not in lexicon().stopwords and stem(w) not in index.idf
            for w in (word, following)
        )
        if following and joined in index.words and missing and joined not in lexicon().stopwords:
            result.append(joined)
            i += 2
            continue
        result.extend(_split(word, index) if word not in index.words else [word])
        i += 1
    return result


def _split(word: str, index: Index) -> list[str]:
    stops = lexicon().stopwords
    if len(word) < 6 or word in stops or word in _lexicon_words():
        return [word]  # 'however' is not 'how ever'
    for cut in range(3, len(word) - 2):
        head, tail = word[:cut], word[cut:]
        if head in index.words and tail in index.words and tail not in stops:
            return [head, tail]
    return [word]


def _same_root_spelling(word: str, index: Index) -> str | None:
    """The article word one edit away that has the word's derivational root."""
    found = process.extract(
        word, index.content_vocabulary, scorer=OSA.distance, score_cutoff=1, limit=10
    )
    family = root(stem(word))
    # 'founded' is a word of its own, not a slip for 'founder' ('minning' only looks like 'min')
    english = len(stem(word)) > 3 and is_word(stem(word))
    same = [
        choice
        for choice, _, _ in found
        if root(stem(choice)) == family and (not english or _variant(word) == _variant(choice))
    ]
    return min(same, key=lambda v: (abs(len(v) - len(word)), v)) if same else None


def _variant(word: str) -> str:
    """British and American spellings made one: 'labour' and 'labor', 'organise' and 'organize'."""
    return re.sub(r"our", "or", re.sub(r"is(e|ed|es|ing|ation)\b", r"iz\1", word))


def _short_slip(word: str, index: Index) -> str | None:
    """'fre' for 'fire', 'jry' for 'jury': a three-letter string no English word has, one edit
    from exactly one article word (or forms of one) that starts with the same letter."""
    if is_word(stem(word)) or word in _lexicon_words():
        return None
    vocabulary = [*index.content_vocabulary, *index.base_forms]
    found = process.extract(word, vocabulary, scorer=OSA.distance, score_cutoff=1, limit=10)
    same = {choice for choice, _, _ in found if choice[:1] == word[:1] and len(choice) >= 3}
    # 'hld' is one edit from 'held' and from 'hold': forms of one word, so no doubt
    return min(same) if len({stem(choice) for choice in same}) == 1 else None


def _correct(word: str, index: Index, first: bool = False) -> str:
    """Map a misspelt word to an article word when it is one or two edits away."""
    if word in index.words or word in lexicon().stopwords or word.isdigit():
        return word
    swapped = _swapped_stopword(word) or _misspelt_function_word(word, first)
    if swapped is not None and word not in _lexicon_words():
        # 'lawer' is 'lawyer' with a letter left out, more likely than 'later' mistyped
        return _left_out(word, index, swapped) if not _typical_slip(word, swapped) else swapped
    if len(word) >= 4 and (transposed := _transposed(word, index)) is not None:
        return transposed
    if len(word) == 3:
        return _short_slip(word, index) or word
    if len(word) < 4:
        return word
    if stem(word) in index.idf:
        return word  # one of the article's words, inflected otherwise
    if root(stem(word)) in index.families:
        # one of its family ('strikers' for 'strike'), or a slip one letter off the article's
        # own spelling of the word ('strik', 'labor' for 'labour')
        return _same_root_spelling(word, index) or word
    limit = 1 if len(word) < 7 else 2
    # 'wran' is a slip for 'warn', a base form of the article's 'warned'; 'city' is a word of
    # its own, not a slip for 'cite' (of 'citing').
    english = is_word(stem(word))
    vocabulary = index.content_vocabulary
    if not english:
        vocabulary = [*vocabulary, *index.base_forms]
    found = process.extract(word, vocabulary, scorer=OSA.distance, score_cutoff=limit, limit=20)
    if not found and not english:
        # 'hrads' for the article's 'head': one slip off the stem of an article word, whatever
        # its ending; else 'speaak', 'floding': a slip for a word the lexicon knows
        return _stem_slip(word, index) or _lexicon_slip(word, limit) or word
    candidates = _nearest_same_start(word, found)
    if not candidates or word in _lexicon_words():
        return word
    return min(candidates, key=lambda v: (not _typical_slip(word, v), abs(len(v) - len(word)), v))


def _nearest_same_start(word: str, found: list[tuple[str, int, int]]) -> list[str]:
    """The nearest of rapidfuzz's hits that start with the word's first letter: people rarely
    mistype a first letter ('name' is no slip for 'came')."""
    same = [(choice, distance) for choice, distance, _ in found if choice[:1] == word[:1]]
    nearest = min((distance for _, distance in same), default=None)
    return [choice for choice, distance in same if distance == nearest]


@lru_cache(maxsize=4096)
def _lexicon_slip(word: str, limit: int) -> str | None:
    """The one lexicon word (synonyms, light words, function words) nearest a slip."""
    found = process.extract(word, _slip_targets(), scorer=OSA.distance, score_cutoff=limit, limit=8)
    candidates = set(_nearest_same_start(word, found))
    typical = {c for c in candidates if _typical_slip(word, c)}
    candidates = typical if len(typical) == 1 else candidates  # 'strat': 'start', not 'strut'
    return min(candidates) if len({stem(c) for c in candidates}) == 1 else None


def _left_out(word: str, index: Index, function_word: str) -> str:
    """The article word the typist left a letter out of, if one; else the function word."""
    found = process.extract(word, index.content_vocabulary, scorer=OSA.distance, score_cutoff=1)
    typical = [choice for choice, _, _ in found if _typical_slip(word, choice)]
    return typical[0] if len(typical) == 1 else function_word


def _typical_slip(typed: str, meant: str) -> bool:
    """The slips typists make most: a letter left out ('lawer' for 'lawyer', not 'later'),
    one typed twice ('taaking'), two swapped ('strat' for 'start')."""
    if len(meant) == len(typed) + 1:
        return any(meant[:i] + meant[i + 1 :] == typed for i in range(len(meant)))
    if len(typed) == len(meant) + 1:
        return any(
            typed[i] == typed[i + 1] and typed[:i] + typed[i + 1 :] == meant
            for i in range(len(typed) - 1)
        )
    return len(typed) == len(meant) and sorted(typed) == sorted(meant) and typed != meant


@cache
def _slip_targets() -> tuple[str, ...]:
    lex = lexicon()
    words = _lexicon_words() | lex.light_words | lex.stopwords
    return tuple(sorted(w for w in words if " " not in w and len(w) >= 4))


def _stem_slip(word: str, index: Index) -> str | None:
    stemmed = stem(word)
    if len(stemmed) < 4:
        return None
    found = process.extract(stemmed, index.stems, scorer=OSA.distance, score_cutoff=1, limit=5)
    found = [item for item in found if item[2][:1] == word[:1]]
    if len(found) != 1:
        return None  # none, or no telling which
    return found[0][0]


_EXACT = frozenset({"exact", "precise", "specific"})
"""'What exact day': the adjective restates the question with its noun."""
_NOUN_AFTER = [[noun] for noun in ("time", "day", "date", "year", "month", "place", "location")]
_WH_NOUNS = {
    "city",
    "country",
    "town",
    "place",
    "venue",
    "location",
    "region",
    "area",
    "part",
    "day",
    "date",
    "time",
    "year",
    "month",
    "week",
    "side",
    "person",
    "people",
    "one",
    "kind",
    "sort",
}


_REASON_NOUNS = {"reason", "reasons", "justification", "explanation", "grounds"}
"""'what reason did X give': the noun restates that a reason is asked for."""
_PURPOSE_NOUNS = {"purpose", "goal", "aim", "objective", "point"}
_WHAT_IS = [["what", "was"], ["what", "is"], ["what", "were"], ["what", "are"]]
"""'What was the goal of ...' asks why: the noun restates it (checked as 'what was the')."""
_AMOUNT_NOUNS = {"share", "proportion", "percentage", "percent", "fraction", "money", "cash"}
"""'what share of', 'how much money': the noun restates that an amount is asked for."""


_DURATION_VERBS = {"last", "lasted", "spend", "spent", "take", "took", "taken", "takes"}
"""'How long did it last (take)', 'how long will he spend': the verb restates 'how long'."""


_MEASURE_WORDS = frozenset(
    {"tall", "high", "deep", "wide", "big", "large", "heavy", "fast", "hot", "cold"}
)
_HOW_WORDS = frozenset({"old", "long", "far", "often", "soon"} | _MEASURE_WORDS)
"""'how tall', 'how deep': the word restates that a measure is asked ('41-metre' answers)."""


_SMALL_NUMBERS = frozenset(
    {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "both"}
)
_POINTING = frozenset({"the", "these", "those", "all", "its", "their", "his", "her", "our"})


def _pointing_counts(words: list[str]) -> set[int]:
    """Positions of small counts after 'the', 'all', 'their' ... ('the two leaders')."""
    return {
        i
        for i in range(1, len(words) - 1)
        if words[i] in _SMALL_NUMBERS and words[i - 1] in _POINTING
    }


_CAUSE_VERBS = {
    "caused",
    "causes",
    "led",
    "leads",
    "prompted",
    "triggered",
    "sparked",
    "made",
    "makes",
}
"""'What caused the fire?' asks why: the verb restates the question type."""


_CAREER = re.compile(r"\b(?:do|did|was|were|work)\s+before (?:that|this|then)$")


def asks_career(question: Question) -> bool:
    """'What did she do before that?' asks what she was before: what 'a former judge' says."""
    return bool(_CAREER.search(" ".join(question.words)))


_OUTCOME_VERBS = frozenset({"go", "goes", "went", "gone", "going"})
"""'How did the meeting go?' asks how it turned out: 'go' restates the question (not in
'How long has he been gone?')."""


def _wh_nouns(words: list[str], described: bool) -> set[int]:
    """Positions of nouns that only restate the question type: 'which city', 'what day', and
    'the name of' a role the article gives someone ('the name of the CIA director', 'the
    Mossad chief's name')."""
    return {
        i
        for i in range(1, len(words))
        if (words[i] in _WH_NOUNS and words[i - 1] in {"which", "what", "whose"})
        or (words[i] in _WH_NOUNS and words[i - 1] in _EXACT and words[i - 2 : i - 1] == ["what"])
        or (words[i] in _EXACT and words[i - 1] == "what" and words[i + 1 : i + 2] in _NOUN_AFTER)
        or (words[i] in _HOW_WORDS and words[i - 1] == "how")
        or (words[i] in _AMOUNT_NOUNS and words[i - 1] in {"what", "which", "much"})
        or (words[i] == "times" and words[i - 1] == "many")
        or (words[i] in {"away", "off"} and words[i - 2 : i] == ["how", "far"])
        or (words[i] in _REASON_NOUNS and words[i - 1] in {"what", "which"})
        or (words[i] in _CAUSE_VERBS and words[i - 1] == "what")
        or (words[i] in _PURPOSE_NOUNS and words[max(0, i - 3) : i - 1] in _WHAT_IS)
        or (words[i] in _DURATION_VERBS and "long" in words[:i] and words[0] == "how")
        or (words[i] in _DURATION_VERBS and words[:2] == ["how", "many"] and _counts_time(words))
        or (
            words[i] in _OUTCOME_VERBS
            and i == len(words) - 1
            and words[0] == "how"
            and words[1] in _AUXILIARIES
        )
        or (described and words[i] == "name" and words[i + 1 : i + 2] == ["of"])
        or (described and words[i] in {"name", "names"} and i == len(words) - 1)
    }


_TIME_UNITS = frozenset({"minutes", "hours", "days", "weeks", "months", "years", "decades"})


def _counts_time(words: list[str]) -> bool:
    """'How many months has the war lasted?': a 'how long' in other words."""
    return len(words) > 2 and words[2] in _TIME_UNITS


def _titled(
    spans: list[tuple[int, int, str, float]], words: list[str], index: Index
) -> list[tuple[int, int, str, float]]:
    """'Foreign Minister Benedikt Saule': the title before a person's name is part of naming
    them (its words are no topic of the question, which would favour any sentence saying
    'Foreign Minister')."""
    taken = {i for start, end, _, _ in spans for i in range(start, end)}
    found = []
    for start, end, entity_id, score in spans:
        entity = index.entities.get(entity_id)
        titled = _title_words(tuple(entity.titles)) if entity is not None else frozenset()
        while start > 0 and start - 1 not in taken and words[start - 1] in titled:
            start -= 1
        found.append((start, end, entity_id, score))
    return found


@lru_cache(maxsize=4096)
def _title_words(titles: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for title in titles for w in tokens(title))


def _entity_spans(words: list[str], index: Index) -> list[tuple[int, int, str, float]]:
    """(start, end, entity id, score) for each stretch of words naming or describing an entity."""
    found: list[tuple[int, int, str, float]] = []
    names, exact, by_letter = index.names, index.name_exact, index.names_by_letter
    stops = lexicon().stopwords
    for length in (4, 3, 2, 1):
        for start in range(0, len(words) - length + 1):
            gram = " ".join(words[start : start + length])
            if len(gram) < 3 or (length == 1 and gram in stops):
                continue
            hit: tuple[str, float, int] | None = None
            if gram in exact:
                hit = (gram, 100.0, exact[gram])
            elif (
                len(gram) >= 5
                and gram[0] in by_letter
                and words[start] not in stops
                and words[start + length - 1] not in stops
            ):
                # People rarely mistype a first letter ('lives' is no misspelt 'Ilves'): only
                # names with the same first letter are fuzzy candidates; a stretch that opens
                # or ends on a function word ('of the cia') is no misspelt name.
                texts, positions = by_letter[gram[0]]
                cutoff = 80 if length == 1 else 86
                best = process.extractOne(gram, texts, scorer=fuzz.ratio, score_cutoff=cutoff)
                hit = (best[0], best[1], positions[best[2]]) if best else None
            if hit is not None and hit[1] < 100 and length == 1 and _known_word(gram, index):
                continue  # 'march' is a word of the article, not a misspelt 'Marsh'
            if hit is not None and hit[1] < 100 and len(hit[0].split()) < length:
                continue  # 'owns kingsmere united' is 'Kingsmere United' and one more word
            if hit is not None:
                found.append((start, start + length, names[hit[2]].entity, hit[1] / 100))
    found.extend(_role_spans(words, index))
    found.extend(_short_roles(words, index))
    return _non_overlapping(found)


def _short_roles(words: list[str], index: Index) -> list[tuple[int, int, str, float]]:
    """'the Korvenian minister' for 'Korvenian Trade Minister Halvard Brenning', 'the envoy'
    for 'Valmora's special envoy Ines Dravenhal': a description after 'the' that ends on a
    title and whose every word is one of a single entity's titles (a title shortened as people
    do; two entities whose titles hold it leave it open)."""
    lex = lexicon()
    found: list[tuple[int, int, str, float]] = []
    for end, word in enumerate(words):
        if word not in lex.titles:
            continue
        start = end
        while start > 0 and words[start - 1] not in lex.stopwords:
            start -= 1
        if start == 0 or words[start - 1] != "the":
            continue
        if start == end and words[end + 1 : end + 2] in (["of"], ["for"], ["at"]):
            # 'the president of Calvessa', 'the spokesman for Hamas's armed wing' is not any
            # president or spokesman the article names
            continue
        asked = concepts_of(words[start : end + 1])
        holders = {
            phrase.entity
            for phrase in index.phrases
            if not phrase.is_name and all(any(_fits(c, t) for t in phrase.concepts) for c in asked)
        }
        if len(holders) == 1:
            found.append((start, end + 1, holders.pop(), ROLE_SCORE))
    return found


def _fits(asked: frozenset[str], title: frozenset[str]) -> bool:
    """A word of a title, or its place's adjective ('Valmoran' for 'Valmora's')."""
    return bool(asked & title) or any(
        a.startswith(t) for a in asked for t in title if len(t) >= 5 and t[0] not in "#%&="
    )


def _known_word(word: str, index: Index) -> bool:
    return stem(word) in index.idf or word in _lexicon_words() or word in lexicon().stopwords


def _role_spans(words: list[str], index: Index) -> list[tuple[int, int, str, float]]:
    """'the CIA director' matches 'head of the CIA': every content concept of a title present,
    close together (the tightest placement wins when a word could serve two titles)."""
    concepts = concepts_of(words)
    positions = [i for i, w in enumerate(words) if w not in lexicon().stopwords]
    found: list[tuple[int, int, str, float]] = []
    for phrase in index.phrases:
        if phrase.is_name or len(phrase.concepts) < 2:
            continue
        options = [_find_all(concept, concepts) for concept in phrase.concepts]
        if not all(options):
            continue
        spots = _tightest(options, positions)
        if spots and max(spots) - min(spots) <= len(phrase.concepts) + 1:
            found.append((min(spots), max(spots) + 1, phrase.entity, ROLE_SCORE))
    return found


def _find_all(concept: frozenset[str], concepts: list[frozenset[str]]) -> list[int]:
    return [i for i, other in enumerate(concepts) if concept & other]


def _tightest(options: list[list[int]], positions: list[int]) -> list[int]:
    """One word position per title concept, as close to each other as possible."""
    best: list[int] = []
    for anchor in options[-1]:
        if anchor >= len(positions):
            continue
        spots = [positions[anchor]]
        for choices in options[:-1]:
            valid = [positions[c] for c in choices if c < len(positions)]
            if not valid:
                break
            spots.append(min(valid, key=lambda p: abs(p - positions[anchor])))
        else:
            if not best or max(spots) - min(spots) < max(best) - min(best):
                best = spots
    return best


def _non_overlapping(
    found: list[tuple[int, int, str, float]],
) -> list[tuple[int, int, str, float]]:
    chosen: list[tuple[int, int, str, float]] = []
    for span in sorted(found, key=lambda s: (-(s[1] - s[0]) * s[3], s[0])):
        if all(span[1] <= c[0] or span[0] >= c[1] for c in chosen):
            chosen.append(span)
    return sorted(chosen)


def _how_word(words: list[str], i: int) -> str:
    """'how log has he been held': after 'how', a slip one letter off 'long', 'many', 'much',
    'old' or 'far' is that word."""
    if i == 0 or words[i - 1] != "how" or words[i] in _HOW_AFTER:
        return words[i]
    near = [w for w in _HOW_AFTER if OSA.distance(w, words[i]) == 1 and w[:1] == words[i][:1]]
    return near[0] if len(near) == 1 else words[i]


_HOW_AFTER = ("long", "many", "much", "old", "far")


def _chat_word(words: list[str], i: int) -> str:
    """Chat spellings: '4' between words ('preparing 4 ramadan') is 'for', and a dropped g
    ('goin', 'sayin') is put back when only the -ing form is an English word."""
    word = words[i]
    if word == "4" and 0 < i < len(words) - 1 and not words[i + 1][:1].isdigit():
        return "for" if words[i - 1].endswith(("ing", "ed", "r", "s")) else word
    if len(word) > 3 and word.endswith("in") and not is_word(stem(word)):
        lex, full = lexicon(), f"{word}g"
        return full if full in lex.stopwords | lex.light_words or is_verb(stem(full)) else word
    return word


_META = re.compile(
    r"\s*\b(?:(?:that|which) )?(?:the|this) (?:article|story|piece|report|text|news)"
    r" (?:talks|talked|speaks|writes|is talking|keeps talking|refers) (?:about|of|to)\b"
    r"|\s*\b(?:that (?:is |are |was |were )?)?(?:mentioned|referred to|named|described|quoted)"
    r" (?:in|by) (?:the|this) (?:article|story|piece|text)\b"
    r"|\s*,? ?\b(?:in|according to) (?:the|this) (?:article|story|piece|text)\b",
    re.IGNORECASE,
)
"""'Who is the spy chief the article talks about?': words about the article, not its story."""
_ABOUT_ARTICLE = re.compile(r"article|story|piece|report|text|news", re.IGNORECASE)
"""A cheap test first: most questions never mention the article."""


_IS_CONTRACTED = re.compile(
    r"\b(what|who|where|when|how|why|which|there|that)['’]s\b", re.IGNORECASE
)
"""'What's the goal ...?', 'who's the envoy': 'is', not a possessive to drop."""


def analyse(text: str, index: Index) -> Question:
    """Understand a cleaned question against one article's index."""
    if _ABOUT_ARTICLE.search(text):
        text = _META.sub("", text).strip() or text
    if "'" in text or "’" in text:
        text = _IS_CONTRACTED.sub(r"\1 is", text)  # before possessive 's are dropped
    found = _WORD.findall(normalise(_US.sub("USA", text)))
    raw = [part for w in found for part in w.lower().replace("’", "'").split("-") if part]
    raw = [_country_us(raw, i) for i in range(len(raw))]
    raw = [_chat_word(raw, i) for i in range(len(raw))]
    words = [part for w in raw for part in _expanded(w)]
    words = [_correct(w, index, i == 0) for i, w in enumerate(words)]
    words = [_how_word(words, i) for i in range(len(words))]
    words = _opening_wh(words)
    words = _compounds(words, index)
    question = Question(text=text, words=words, wh=_wh(words))
    spans = _titled(_entity_spans(words, index), words, index)
    covered = {i for start, end, _, _ in spans for i in range(start, end)}
    question.entities = list(dict.fromkeys(entity for _, _, entity, _ in spans))
    question.described = [entity for _, _, entity, score in spans if score == ROLE_SCORE]
    people = [e for e in question.entities if index.entity_kinds.get(e) in ("person", "group")]
    candidates = question.described or people or question.entities
    question.primary = candidates[0] if candidates else None
    verb = next(
        (
            i
            for i, w in enumerate(words)
            if i not in covered and w in _PREDICATE_WORDS and not _noun_use(words, i, covered)
        ),
        None,
    )
    question.predicate = concepts_of([words[verb]]) if verb is not None else []
    question.subjects = [entity for start, _, entity, _ in spans if verb is None or start < verb]
    restating = _wh_nouns(words, bool(question.described))
    pointing = _pointing_counts(words) - covered
    foreign = _foreign_names(text, words, covered, index)
    named = {i for start, end in foreign for i in range(start, end)}
    rest = [w for i, w in enumerate(words) if i not in covered | restating | pointing | named]
    nouns = frozenset(stem(w) for i, w in enumerate(words) if i and words[i - 1] in _DETERMINERS)
    said = frozenset(stem(w) for w in words)
    question.concepts = [
        related(c, index, nouns, said)
        for c in concepts_of(rest, fold=True, known=index.postings.keys())
    ]
    if question.wh == "yesno":
        question.concepts = [_as_reaction(c) for c in question.concepts]
    if question.wh == "what":
        question.concepts = [_as_demand(c) for c in question.concepts]
    names = [" ".join(words[start:end]) for start, end in foreign]
    question.concepts += [frozenset({f"={name}"}) for name in names]
    question.entity_words = concepts_of([w for i, w in enumerate(words) if i in covered])
    # A count that points back at people ('the two leaders') weighs like a name's echo: the
    # sentence need not repeat it, but one that does ('two firefighters were hurt') leads.
    question.entity_words += concepts_of([words[i] for i in sorted(pointing)])
    question.unknown = [
        w
        for w, c in zip(rest, concepts_of_each(rest), strict=True)
        if c and not is_known(related(c, index, nouns, said), index)
    ] + names
    question.counted = _counted_noun(words)
    question.measure = any(
        words[i - 1] == "how" and words[i] in _MEASURE_WORDS for i in range(1, len(words))
    )
    question.asked = _asked_noun(words)
    if asks_career(question):
        question.concepts.append(concepts_of(["former"])[0])
    question.negated = bool(re.search(r"\b(?:not|never|n't|didnt|didn't)\b", " ".join(raw)))
    question.definition = (
        # 'Who is overseeing the inquiry?' asks who does something, not who someone is; 'Who
        # was arrested?' who something was done to.
        bool(
            re.match(r"^(?:who|what)(?: is| was| are| were|'s| s)\b(?! \w+ing\b)", " ".join(words))
        )
        and not (len(words) > 2 and 2 not in covered and _participle(words[2]))
        and len([w for w in rest if w not in lexicon().stopwords]) <= 2
        # 'What was Wrenfield found guilty of?', 'What is he credited with?', 'What was he
        # doing there?': what was done or said of X, not what X is
        and not any(
            w.endswith("ing") and len(w) > 4
            for i, w in enumerate(words)
            if i > 2 and i not in covered
        )
        and words[-1] not in _STRANDED
    )
    return question


_STRANDED = frozenset({"of", "with", "for", "about", "to", "from", "by", "on", "at", "in"})
"""A preposition ending a question ('What is he charged with?') asks about its object."""

_NAME_JOINS = {"of", "the", "and", "for"}
"""Small words a name may hold ('Bank of England'); a run with other function words ('Did',
'Is') is no name."""
_CASED_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|[^\sA-Za-z]+")
"""Words as typed (capitals kept) and the other characters between them."""


def _foreign_names(
    text: str, words: list[str], covered: set[int], index: Index
) -> list[tuple[int, int]]:
    """Spans of `words` that are proper names the article never uses ('the United Nations',
    'the World Bank' in an article that mentions neither): capitalised words after the first,
    two or more together, that no entity of the article matched and whose words never stand
    together in it. Each is one thing the article does not cover, not its words ('nations',
    'bank') the article may well use for something else."""
    runs: list[list[str]] = []
    current: list[str] = []
    typed = _CASED_WORD.findall(text)
    lettered = [t for t in typed[1:] if t[:1].isalpha()]
    if len(lettered) > 2 and sum(t[:1].isupper() for t in lettered) >= 0.75 * len(lettered):
        return []  # 'When Was The Truce Agreed?': capitals say nothing about names
    stops = lexicon().stopwords
    for token in [*typed[1:], ""]:
        if token[:1].isupper() and not token.isupper():
            current.append(token.lower())
            continue
        while current and current[0] in stops:
            current = current[1:]  # 'The United Nations'
        if len(current) > 1 and not any(w in stops and w not in _NAME_JOINS for w in current):
            runs.append(current)
        current = []
    spans = []
    for run in runs:
        pairs = set(pairwise(run))
        if pairs & index.pairs:
            continue
        for start in range(len(words) - len(run) + 1):
            span = range(start, start + len(run))
            if words[start : start + len(run)] == run and not covered & set(span):
                spans.append((start, start + len(run)))
                break
    lex = lexicon()
    taken = {i for start, end in spans for i in range(start, end)}
    for i in range(len(words) - 1):
        role = words[i] in lex.demonyms and words[i + 1] in lex.titles
        if (
            role
            and not (covered | taken) & {i, i + 1}
            and (words[i], words[i + 1]) not in index.pairs
        ):
            # 'the Egyptian president' where the article has an Egyptian official and a US
            # president, but no Egyptian president: someone the article does not mention
            spans.append((i, i + 2))
    return sorted(spans)


@cache
def _reaction_groups() -> frozenset[str]:
    """Synonym groups of reacting to something: confirming, denying, commenting, responding."""
    return frozenset(
        c for concept in concepts_of(["react", "confirm"]) for c in concept if c[0] == "#"
    )


_STANCES = ("admit", "accept", "reject")


@cache
def _stance_groups() -> frozenset[str]:
    """Synonym groups of taking a side on a claim: admitting it, rejecting it."""
    return frozenset(c for concept in concepts_of(list(_STANCES)) for c in concept if c[0] == "#")


@cache
def _demand_groups() -> frozenset[str]:
    """Synonym groups of asking for something: urging, calling on, demanding."""
    return frozenset(
        c for concept in concepts_of(["urge", "demand"]) for c in concept if c[0] == "#"
    )


def _as_demand(concept: frozenset[str]) -> frozenset[str]:
    """'What does the group want?' is answered by what it asks for: 'The group called on the
    authorities to free him', 'She urged ...'."""
    return concept | _demand_groups() if "want" in concept else concept


def _as_reaction(concept: frozenset[str]) -> frozenset[str]:
    """'Did X confirm the report?' is answered by X's reaction, whatever it was: 'X denied the
    report', 'X declined to comment on it', 'X did not respond'; 'Does X admit it?' by the
    side X took, either way ('a charge he has always denied')."""
    groups = _reaction_groups()
    stances = _stance_groups()
    if concept & stances:
        concept = concept | stances | groups
    return concept | groups if concept & groups else concept


def _participle(word: str) -> bool:
    """'arrested', 'taken', 'held': a verb's past participle (a passive 'who was ...?')."""
    if word.endswith("ed") and len(word) > 4:
        return True
    if word in {"taken", "given", "seen", "done"} or (
        word.endswith("n") and is_verb(stem(word[:-1]))
    ):
        return True  # 'shown', 'drawn'
    return word in past_forms() and not word.endswith("s")


def _counted_noun(words: list[str]) -> frozenset[str]:
    """'how many (more) seats': the word after 'how many'; nothing for 'how many are
    missing', which names no noun."""
    for i in range(len(words) - 2):
        if words[i] == "how" and words[i + 1] == "many":
            rest = [w for w in words[i + 2 : i + 4] if w not in _COMPARATIVES]
            if not rest or rest[0] in lexicon().stopwords | _AUXILIARIES:
                return frozenset()
            concepts = concepts_of(rest[:1])
            return concepts[0] if concepts else frozenset()
    return frozenset()


_COMPARATIVES = frozenset({"more", "fewer", "less", "other", "additional", "extra"})


_IDENTIFY_WORDS = 4
"""At most this many words of 'which outside firm' name what is asked for."""


_NAME_OF = re.compile(r"^what (?:is|are|was|were) the names? of (?:the |a |an )?(.+)$")


def _asked_noun(words: list[str]) -> tuple[str, ...]:
    """'which shipping lines diverted', 'what offer did', 'who is the chief executive of':
    the words up to the first function word. 'What' needs an auxiliary after its noun ('what
    offer did ...'), since 'what caused ...' opens with a verb."""
    if len(words) > 3 and words[0] == "who" and words[1] in _COPULAS and words[2] == "the":
        return _content_run(words[3:])
    named = _NAME_OF.match(" ".join(words))
    if named:  # 'what are the names of the two women being held': who the women are
        run = _content_run(named.group(1).split())
        return run[-1:]  # the head noun: 'the 61-year-old surgeon', 'Mila Hasek's son'
    if len(words) < 2 or words[0] not in ("which", "what"):
        return ()
    noun = _content_run(words[1:])
    if words[0] == "what" and (
        len(words) <= len(noun) + 1 or words[len(noun) + 1] not in _AUXILIARIES
    ):
        return ()
    return noun


def _content_run(words: list[str]) -> tuple[str, ...]:
    stop = lexicon().stopwords | _AUXILIARIES
    run = []
    for word in words[:_IDENTIFY_WORDS]:
        if word in stop:
            break
        run.append(word)
    return tuple(run)


_COPULAS = frozenset({"is", "was", "are", "were"})
_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our"}
)


_AUXILIARIES = frozenset(
    {"did", "does", "do", "is", "was", "are", "were", "has", "have", "had", "will", "would"}
)


def _noun_use(words: list[str], i: int, covered: set[int]) -> bool:
    """'on the Courier report', 'after a meeting': a determiner (before any name) makes the word
    a noun, not the question's verb, unless an auxiliary opens the phrase ('did the spy chiefs
    meet')."""
    j = i - 1
    while j in covered:
        j -= 1
    return j >= 0 and words[j] in _DETERMINERS and (j == 0 or words[j - 1] not in _AUXILIARIES)


def concepts_of_each(words: list[str]) -> list[frozenset[str]]:
    """The concept set of each word in context (empty for stopwords): its own concepts plus
    those of the phrases it belongs to ('kick' in 'kick out')."""
    in_context = concepts_of(words, fold=True)
    result: list[frozenset[str]] = []
    for word in words:
        own = concepts_of([word])
        mine = own[0] if own else frozenset()
        result.append(mine.union(*[c for c in in_context if mine & c]) if mine else mine)
    return result
