"""The context of a figure: its sentence and clause, who said it, how sure, and over what time.

All of it reads the figure's own sentence (and clause) with patterns compiled at import; nothing
here looks further than one sentence, so the cost per figure is bounded by the sentence length.

Decisions, so that checks can rely on them:

- **Clause.** A sentence splits into clauses at ";", at a dash between spaces, and at a comma
  followed by "while", "but", "whereas", "although" or "though" ("Ukrainian officials put the
  number at 100,000, while U.S. intelligence has warned the figure could reach 150,000" has
  two). Attribution, modality and scope are looked for in the figure's clause first, then in
  the whole sentence.
- **Attribution** is the source as written: the noun phrase after "according to" (or "citing"),
  or before a verb of saying or counting ("said", "told", "estimated", "warned", "put the
  number at", "reported", …) with any auxiliaries between ("has warned"). A bare pronoun ("he
  said") is no attribution: it names no one a check could compare.
- **Modality** is ``projection`` for "could", "may", "might", "will", "is expected to",
  "projected", "forecast", "predicted", "aims to", …; ``estimate`` for "estimated", "an
  estimated", "estimates", "believed to", "thought to". "would" is *not* a projection: in news
  copy it is mostly reported speech ("Biden said it would involve at least four allies"), a plan
  as reported. Hedges such as "about" make a figure ``approximate`` but do not make it an
  estimate. The modal words nearest the figure win, those before it first.
- **Scope** is the time expression nearest the figure: "since 2014" (2014, open), "in 2021"
  (2021, 2021), "by 2030" (open, 2030), "between 2014 and 2020", "from 2014 to 2020",
  "through 2020", and relative ones ("last year", "this year", "over the past decade") whose
  years stay None (they need the publication date, which the check has).
"""

from __future__ import annotations

import bisect
import re

from verify._regex import alternation, folds_to_ascii
from verify.extract.text import TextFrame
from verify.model import Context, Span

_CLAUSE_BREAK = re.compile(r";|\s[—–]\s|\s--\s|,\s{1,3}(?=(?:while|but|whereas|although|though)\b)")

_NP_TOKEN = re.compile(r"[A-Za-z0-9][\w.'’&-]{0,40}")
_NP_STOP = frozenset(
    """
    a an while but and or nor so that which who whom whose when where because although though
    whereas if as than then said says say told tells has have had also would will could may
    might should must is are was were be been being do does did not never it its this these
    those there here to in on at by for from with into over under about after before since
    during between against among amid across through until per via
    """.split()
)
_PRONOUNS = frozenset("he she they it we i you who this that one someone".split())
_AUX_WORDS = (
    "has have had also previously recently earlier now later would will already separately publicly privately"
).split() + ["had long", "has long", "have long"]
# Word lists as prefix trees (verify._regex.alternation): the same matches, tried far faster.
_AUX = r"(?:(?:" + alternation(_AUX_WORDS, space=r"\s+") + r")\s+){0,3}"
_SAY_VERBS = (
    "said|says|say|told|tells|estimated|estimates|estimate|warned|warns|warn|reported|reports|"
    "announced|announces|claimed|claims|claim|stated|states|believes|believe|believed|predicted|"
    "predicts|predict|projected|projects|forecast|forecasts|expects|expect|expected|added|adds|"
    "noted|notes|confirmed|confirms|revealed|reveals|showed|shows|show|found|finds|calculated|"
    "calculates|counted|counts|recorded|records|registered|cited|cites|puts|put|insisted|insists|"
    "acknowledged|acknowledges|disclosed|discloses|testified|wrote|writes|argued|argues"
)
_VERB = re.compile(rf"(?<![\w-]){_AUX}(?P<verb>{alternation(_SAY_VERBS.split('|'))})\b(?P<put>\s+(?:the|that|this|its|their|his|her)\s+\w+\s+at\b)?")
_ACCORDING = re.compile(r"\b(?:according\s+to|citing|cited\s+by|as\s+reported\s+by|data\s+from|figures\s+from)\s+", re.I)
_POST_SAID = re.compile(r",\s{0,3}(?:said|says|told|according\s+to)\s+")

# "(?=\S)" first: a place of white space fails on one test, not on every alternative.
_PROJECTION = re.compile(
    r"(?=\S)(?:\b(?:(?:could|might|will|shall)|(?-i:may)|won['’]t|['’]ll)\s+(?:not\s+|also\s+|soon\s+|still\s+|eventually\s+){0,2}(?:be\s+|have\s+)?[a-z]+"
    r"|\b(?:is|are|was|were|be|been)\s+(?:expected|projected|forecast|forecasted|predicted|likely|set|poised|due|slated|estimated)\s+to\s+[a-z]+"
    r"|\b(?:expects?|projects?|projected|projection|projections|forecasts?|forecasted|predicts?|predicted|prediction|anticipates?|anticipated)\b"
    r"|\b(?:aims?|plans?|hopes?|intends?|targets?|pledged|pledges?|promised|promises?|vowed)\s+to\s+[a-z]+"
    r"|\bon\s+(?:track|course|pace)\s+to\s+[a-z]+|\bby\s+(?:the\s+end\s+of\s+)?(?:20[3-9]\d)\b)",
    re.I,
)
_ESTIMATE = re.compile(
    r"\b(?:an\s+estimated|estimated|estimates?|estimating|believed\s+to|thought\s+to|reckon(?:s|ed)?|"
    r"approximated|extrapolated|modelled|modeled)\b",
    re.I,
)

_YEAR = r"(?:1[5-9]|20)\d\d"
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_SCOPE = re.compile(
    rf"(?=\S)(?:\b(?P<kw>since|in|during|by|through|until|till|from|between|as\s+of|for|throughout)\s+"
    rf"(?:(?:early|late|mid|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|fiscal|fiscal\s+year)[\s-]+)?"
    rf"(?:{_MONTH}\s+(?:\d{{1,2}},?\s+)?)?(?P<y1>{_YEAR})"
    rf"(?:\s*(?:-|–|to|and|through|until)\s*(?P<y2>{_YEAR}|\d\d)(?!\d))?(?!\d|,\d)"
    rf"|\b(?:so\s+far\s+|earlier\s+|later\s+)?(?:this|last|next|past)\s+(?:year|month|week|decade|quarter|season)\b"
    rf"|\b(?:in|over|during|for|within)\s+the\s+(?:past|last|previous|next|coming|first|second)\s+(?:[a-z-]+\s+)?(?:years?|months?|weeks?|decades?|days?|quarters?)\b"
    rf"|\b(?:year|month|week)[- ](?:on|over)[- ](?:year|month|week)\b)",
    re.I,
)


#: The case-blind patterns again for lower-cased text, case-sensitive: the same source with its
#: letters in lower case. Where a text holds no character that re.I folds onto an ASCII letter,
#: a case-blind match in the text is a match in the lower-cased text at the same offsets, and
#: sre runs a case-sensitive pattern about twice as fast. (The projection's "may" is
#: case-sensitive in :data:`_PROJECTION`, so it is used only for a text without the word "may".)
_ACCORDING_LOWER = re.compile(_ACCORDING.pattern)
_PROJECTION_LOWER = re.compile(_PROJECTION.pattern.replace("(?-i:may)", "may"))
_ESTIMATE_LOWER = re.compile(_ESTIMATE.pattern)
_SCOPE_LOWER = re.compile(_SCOPE.pattern.replace(_MONTH, _MONTH.lower()))


def clause_at(sentence: Span, offset: int) -> Span:
    """The clause of ``sentence`` that holds ``offset`` (the sentence itself if it has one)."""
    start, end = sentence.start, sentence.end
    for m in _CLAUSE_BREAK.finditer(sentence.text):
        cut = sentence.start + m.start()
        if cut < offset:
            start = sentence.start + m.end()
        else:
            end = cut
            break
    text = sentence.text[start - sentence.start : end - sentence.start]
    return Span(start, end, text)


#: How far back :func:`_noun_phrase_before` reads first: most phrases end a few words before
#: their verb, and the walk back reads the full 120 characters only when it gets further.
_NP_NEAR = 48
_FURTHER = object()  # the walk back needs a token before the ones it was given


def _noun_phrase_before(text: str, end: int) -> str | None:
    """The noun phrase that ends at ``end`` in ``text`` (the subject of a verb of saying)."""
    near = end - _NP_NEAR
    if near > 0:
        tokens = list(_NP_TOKEN.finditer(text, near, end))
        # The window may cut the first token: the walk gets those after it, when the second
        # starts after a character no token holds (the full window's tokens are the same there).
        if len(tokens) > 1:
            before = text[tokens[1].start() - 1]
            if not (before.isalnum() or before in "_.'’&-"):
                taken = _walk_back(text, end, tokens[1:], False)
                if taken is not _FURTHER:
                    return _phrase(text, taken)  # type: ignore[arg-type]
    # the matches kept whole: the walk back reads only the last few of them
    return _phrase(text, _walk_back(text, end, list(_NP_TOKEN.finditer(text, max(0, end - 120), end)), True))  # type: ignore[arg-type]


def _walk_back(text: str, end: int, tokens: list[re.Match[str]], whole: bool) -> list[tuple[int, int, str]] | None | object:
    """The words of the phrase that ends at ``end``, walking ``tokens`` back from the last.

    None for a counted phrase ("1,015 adults found"); :data:`_FURTHER` when the walk would go on
    before the first token and ``whole`` is false (``tokens`` are not all the text has).
    """
    taken: list[tuple[int, int, str]] = []
    prev_start = end
    for m in reversed(tokens):
        start, stop, word = m.start(), m.end(), m.group()
        gap = text[stop:prev_start]
        if gap.strip(" \u00a0") or len(taken) >= 7:  # punctuation between words ends the phrase
            break
        low = word.lower().rstrip(".")
        if low == "the":  # a determiner opens the phrase
            if taken:
                taken.append((start, stop, word))
            break
        if low in ("of", "for", "and") and taken:  # "the head of the agency"
            taken.append((start, stop, word))
            prev_start = start
            continue
        if low in _NP_STOP:
            break
        if word[0].isdigit():
            return None  # "1,015 adults found": a counted phrase, not a source
        taken.append((start, stop, word))
        prev_start = start
    else:
        if not whole:
            return _FURTHER
    return taken


def _phrase(text: str, taken: list[tuple[int, int, str]] | None) -> str | None:
    """The phrase of the words :func:`_walk_back` took (None: none, or a pronoun)."""
    if not taken:
        return None
    # "of the" inside a phrase is fine ("the head of the agency"), but not at its left edge.
    while taken and taken[-1][2].lower() in ("of", "for", "and"):
        taken.pop()
    if not taken:
        return None
    phrase = text[taken[-1][0] : taken[0][1]].rstrip(",")
    if phrase.endswith(".") and not re.search(r"(?:\b[A-Za-z]\.){2,}$", phrase):
        phrase = phrase[:-1]  # a full stop, not the end of "U.S." or "U.N."
    if phrase.lower() in _PRONOUNS or not phrase:
        return None
    return phrase


def _noun_phrase_after(text: str, start: int) -> str | None:
    """The noun phrase that starts at ``start`` (the source after "according to")."""
    out: list[tuple[int, int]] = []
    pos = start
    for m in _NP_TOKEN.finditer(text, start, min(len(text), start + 120)):
        if text[pos : m.start()].strip(" \u00a0") or len(out) >= 8:
            break
        word = m.group()
        low = word.lower().rstrip(".")
        if low in _NP_STOP and low not in ("of", "the", "and", "for") or low in ("that", "which", "who"):
            break
        end = m.end()
        if word.endswith(".") and not re.fullmatch(r"(?:[A-Za-z]\.){2,}|[A-Z][a-z]{0,3}\.", word):
            end -= 1  # a full stop that ends the sentence, not an abbreviation
            out.append((m.start(), end))
            break
        out.append((m.start(), end))
        pos = m.end()
    while out and text[out[-1][0] : out[-1][1]].lower() in ("of", "the", "and", "for"):
        out.pop()
    if not out:
        return None
    phrase = text[out[0][0] : out[-1][1]]
    return None if phrase.lower() in _PRONOUNS else phrase


#: The words of a lower-cased text are its runs of ASCII letters (``[a-z]+``): a whole word of a
#: prefilter below (a run of ``\w`` between non-word characters, all ASCII letters) is such a run
#: too, so the set holds it. They are read in C without a pattern: the text as ASCII bytes (any
#: other character one "?"), every byte but a letter made a space, then split (about 2x faster
#: than finding the runs with a pattern, which makes a match for each).
_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


def _lower(text: str) -> str | None:
    """``text`` lower-cased, or None when a case-blind pattern could match more in ``text``."""
    if folds_to_ascii(text):  # a case-blind pattern could match more: every pattern scans it
        return None
    # lower() maps each character to one character, a word character to a word character and
    # any other to another (but "İ", excluded above): same offsets, same word boundaries.
    return text.lower()


def _words(text: str, lower: str | None = None) -> frozenset[str] | None:
    """The words of ``text``, lower-cased (its runs of ASCII letters: every prefilter word that
    is a whole word of the text is one), or None when a case-blind pattern could match more.

    ``lower`` is :func:`_lower` of ``text`` when the caller has it.
    """
    if lower is None:
        lower = _lower(text)
        if lower is None:
            return None
    return frozenset(lower.encode("ascii", "replace").translate(_LETTERS_ONLY).decode("ascii").split())


# Word prefilters: every match of a pattern holds one of these words as a whole word (a run of
# ``\w`` between ``\b`` and white space in the pattern), lower-cased; a sentence with none of them
# has no match and is not scanned (a set test costs far less than a regex scan of the sentence).
_ACCORDING_WORDS = frozenset("according citing cited reported data figures".split())
_POST_SAID_WORDS = frozenset("said says told according".split())  # after a comma
_ESTIMATE_WORDS = frozenset(
    "estimated estimate estimates estimating believed thought reckon reckons reckoned approximated extrapolated modelled modeled".split()
)
_CLAUSE_WORDS = frozenset("while but whereas although though".split())  # after a comma
_PROJECTION_WORDS = frozenset(
    """
    could might will shall may won ll expected projected forecast forecasted predicted likely set
    poised due slated estimated expect expects project projects projection projections forecasts
    predict predicts prediction anticipate anticipates anticipated aim aims plan plans hope hopes
    intend intends target targets pledged pledge pledges promised promise promises vowed track
    course pace by
    """.split()
)
_VERB_WORDS = frozenset(_SAY_VERBS.split("|"))
#: The relative time scopes' words; the others hold a year, found by :data:`_YEAR_DIGITS`.
_SCOPE_WORDS = frozenset("year years month months week weeks decade decades quarter quarters season day days".split())
_YEAR_DIGITS = re.compile(r"(?:1[5-9]|20)\d\d")
#: Every word a reader's prefilter looks for: a sentence with none of them (and no year) has no
#: source, modal word or time scope, and is not handed to the readers at all.
_READER_WORDS = _ACCORDING_WORDS | _POST_SAID_WORDS | _VERB_WORDS | _PROJECTION_WORDS | _ESTIMATE_WORDS | _SCOPE_WORDS


def _may(words: frozenset[str] | None, vocabulary: frozenset[str]) -> bool:
    """Whether a text with ``words`` (None: unknown) may hold a word of ``vocabulary``.

    The hot paths below spell this test out inline (a call per test cost ~2% of figures).
    """
    return words is None or not words.isdisjoint(vocabulary)


def _may_break(text: str, words: frozenset[str] | None) -> bool:
    """Whether :data:`_CLAUSE_BREAK` can match in ``text`` (it needs ";", a dash, or a comma and a word)."""
    return ";" in text or "—" in text or "–" in text or "--" in text or "," in text and (words is None or not words.isdisjoint(_CLAUSE_WORDS))


_UNKNOWN = frozenset(["?"])  # the default ``words``: work them out


def _attributions(text: str, words: frozenset[str] | None = _UNKNOWN, lower: str | None = None) -> list[tuple[int, str]]:
    """Every (offset, source) that ``text`` attributes something to, in text order.

    ``words`` is :func:`_words` of ``text`` when the caller has it (it is worked out otherwise),
    ``lower`` :func:`_lower` of ``text`` (None: not known), scanned by the case-sensitive patterns.
    """
    if words is _UNKNOWN:
        words = _words(text)
    found: list[tuple[int, str]] = []
    patterns = []
    if words is None or not words.isdisjoint(_ACCORDING_WORDS):
        patterns.append((_ACCORDING, text) if lower is None else (_ACCORDING_LOWER, lower))
    if "," in text and (words is None or not words.isdisjoint(_POST_SAID_WORDS)):
        patterns.append((_POST_SAID, text))
    for pattern, scanned in patterns:
        for m in pattern.finditer(scanned):
            who = _noun_phrase_after(text, m.end())
            if who:
                found.append((m.start(), who))
    for m in _VERB.finditer(text) if (words is None or not words.isdisjoint(_VERB_WORDS)) else ():
        if m.group("verb") in ("put", "puts") and not m.group("put"):
            continue  # "put" only in "put the number at"
        who = _noun_phrase_before(text, m.start())
        if who:
            found.append((m.start(), who))
    found.sort()
    return found


def _modals(text: str, words: frozenset[str] | None = _UNKNOWN, lower: str | None = None) -> list[tuple[int, str, str]]:
    """Every (offset, modality, words) in ``text``, in text order (``words``, ``lower`` as in :func:`_attributions`)."""
    if words is _UNKNOWN:
        words = _words(text)
    patterns: list[tuple[str, re.Pattern[str], str]] = []
    if words is None or not words.isdisjoint(_PROJECTION_WORDS):
        if lower is None or words is None or "may" in words:
            patterns.append(("projection", _PROJECTION, text))
        else:
            patterns.append(("projection", _PROJECTION_LOWER, lower))
    if words is None or not words.isdisjoint(_ESTIMATE_WORDS):
        patterns.append(("estimate", _ESTIMATE, text) if lower is None else ("estimate", _ESTIMATE_LOWER, lower))
    # The words never start or end with white space, so joining the split is "\s+" -> " ".
    found = [
        (m.start(), modality, " ".join(text[m.start() : m.end()].split()))
        for modality, pattern, scanned in patterns
        for m in pattern.finditer(scanned)
    ]
    found.sort()
    return found


def _scope(m: re.Match[str], text: str | None = None) -> tuple[str, int | None, int | None]:
    """The words, start year and end year of the scope ``m`` found in ``text`` (or in its lower case)."""
    words = m.group() if text is None else text[m.start() : m.end()]
    if not m.group("y1"):
        return words, None, None
    y1 = int(m.group("y1"))
    y2_text = m.group("y2")
    if y2_text:
        y2 = int(y2_text) if len(y2_text) == 4 else (y1 // 100) * 100 + int(y2_text)
        return words, y1, y2
    keyword = m.group("kw").lower()
    if keyword in ("since", "from"):
        return words, y1, None
    if keyword in ("by", "through", "until", "till", "as of"):
        return words, None, y1
    return words, y1, y1


def _scopes(text: str, words: frozenset[str] | None = _UNKNOWN, lower: str | None = None) -> list[tuple[int, str, int | None, int | None]]:
    """Every (offset, words, start year, end year) in ``text`` (``words``, ``lower`` as in :func:`_attributions`)."""
    if words is _UNKNOWN:
        words = _words(text)
    if words is not None and words.isdisjoint(_SCOPE_WORDS) and not _YEAR_DIGITS.search(text):
        return []
    if lower is None:
        return [(m.start(), *_scope(m)) for m in _SCOPE.finditer(text)]
    return [(m.start(), *_scope(m, text)) for m in _SCOPE_LOWER.finditer(lower)]


def _nearest(items: list, lo: int, hi: int, offset: int, *, before_first: bool = False):  # type: ignore[type-arg]
    """The item (sorted by offset, first field) in ``lo``..``hi`` nearest ``offset``."""
    # (offset + 1,) sorts after every item at ``offset`` or before and before the others: a
    # bisect_right by offset that calls no key function
    i = bisect.bisect_left(items, (offset + 1,))
    before = items[i - 1] if i > 0 and items[i - 1][0] >= lo else None
    after = items[i] if i < len(items) and items[i][0] < hi else None
    if before_first:
        return before or after
    if before is None or after is None:
        return before or after
    return before if offset - before[0] <= after[0] - offset else after


def attribution_in(text: str, offset: int) -> str | None:
    """Who ``text`` attributes the figure at ``offset`` to (the nearest source), or None."""
    found = _nearest(_attributions(text), 0, len(text), offset)
    return found[1] if found else None


def modality_in(text: str, offset: int) -> tuple[str, str | None]:
    """The modality of ``text`` around ``offset``, and the words that set it."""
    found = _choose_modal(_modals(text), 0, len(text), offset)
    return (found[1], found[2]) if found else ("reported", None)


def scope_in(text: str, offset: int) -> tuple[str | None, int | None, int | None]:
    """The time scope nearest ``offset``: its words, start year and end year."""
    found = _nearest(_scopes(text), 0, len(text), offset)
    return (found[1], found[2], found[3]) if found else (None, None, None)


#: Modal words after a figure set its modality only this close to it ("150,000 troops could be
#: deployed"); further on they belong to another verb ("employs 1,500 people and plans to hire").
AFTER = 25


def _choose_modal(items: list[tuple[int, str, str]], lo: int, hi: int, offset: int) -> tuple[int, str, str] | None:
    found = _nearest(items, lo, min(hi, offset + AFTER), offset, before_first=True)
    if found and found[1] == "estimate":
        # "An estimated 10,000 people could be displaced": a projection wins in its clause
        # (lo,) sorts before every item at lo or after and after the others
        i = bisect.bisect_left(items, (lo,))
        j = bisect.bisect_left(items, (hi,))
        projections = [item for item in items[i:j][:50] if item[1] == "projection"]
        if projections:
            return _nearest(projections, lo, min(hi, offset + AFTER), offset, before_first=True) or found
    return found


class _Sentence:
    """What one sentence holds, each part read once: clause breaks, then (when a figure's
    context is first asked for) sources, modal words and time scopes.

    A class with slots and a plain ``__init__`` (one is made per sentence with a figure).
    """

    __slots__ = ("attributions", "breaks", "lower", "modals", "plain", "scopes", "span", "words")

    def __init__(self, span: Span, breaks: list[tuple[int, int]], lower: str | None, words: frozenset[str] | None) -> None:
        self.span = span
        self.breaks = breaks
        self.lower = lower
        self.words = words
        #: None until read (:meth:`read`)
        self.attributions: list[tuple[int, str]] | None = None
        self.modals: list[tuple[int, str, str]] = []
        self.scopes: list[tuple[int, str, int | None, int | None]] = []
        #: None when the sentence holds a source, a modal word or a time scope; otherwise every
        #: figure in it has the same context but for ``quoted``: the two, each built once
        self.plain: dict[bool, Context] | None = None

    def read(self) -> None:
        """Read the sentence's sources, modal words and time scopes (once)."""
        text, words, lower = self.span.text, self.words, self.lower
        if words is not None and words.isdisjoint(_READER_WORDS) and not _YEAR_DIGITS.search(text):
            # no word any reader needs and no year: no source, modal word or scope (the
            # readers' own prefilters would each say so)
            self.attributions = []
        else:
            self.attributions = _attributions(text, words, lower)
            self.modals = _modals(text, words, lower)
            self.scopes = _scopes(text, words, lower)
        self.plain = None if self.attributions or self.modals or self.scopes else {}


def _clause_bounds(info: _Sentence, at: int) -> tuple[int, int]:
    """The clause of ``info`` that holds offset ``at``, as offsets into the sentence's text."""
    breaks = info.breaks
    if not breaks:
        return 0, len(info.span.text)
    i = bisect.bisect_right(breaks, at, key=_second)
    return (breaks[i - 1][1] if i > 0 else 0), (breaks[i][0] if i < len(breaks) else len(info.span.text))


def _second(item: tuple[int, int]) -> int:
    return item[1]


class ContextReader:
    """Reads the context of figures in one framed text, each sentence once."""

    def __init__(self, frame: TextFrame) -> None:
        self.frame = frame
        #: The frame's prose lower-cased, when whoever made it shares it (the figure scanner
        #: does): each sentence's lower case is then a slice of it. None: each sentence is
        #: lower-cased on its own (and a text that folds to ASCII always is).
        self.lower: str | None = None
        self._cache: dict[int, _Sentence] = {}
        # The sentence read last, and the offsets that sentence_index gives it (from its start
        # to the next sentence's): figures come in text order, so most look-ups stop here.
        self._last: _Sentence | None = None
        self._last_from = self._last_to = 0

    def _sentence(self, offset: int) -> _Sentence:
        if self._last_from <= offset < self._last_to:
            return self._last  # type: ignore[return-value]
        frame = self.frame
        sentences = frame.sentences
        index = frame.sentence_index(offset)
        cached = self._cache.get(index)
        if cached is None:
            span = sentences[index] if sentences else Span(0, 0, "")
            text = span.text
            lower = _lower(text) if self.lower is None else self.lower[span.start : span.end]
            words = None if lower is None else _words(text, lower)
            breaks = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text)] if _may_break(text, words) else []
            cached = _Sentence(span, breaks, lower, words)
            self._cache[index] = cached
        self._last = cached
        self._last_from = sentences[index].start if index > 0 else -1
        self._last_to = sentences[index + 1].start if index + 1 < len(sentences) else len(frame.prose) + 1
        return cached

    def clause(self, offset: int) -> Span:
        """The clause that holds ``offset``."""
        info = self._sentence(offset)
        return self._clause(info, offset)

    def clause_start(self, offset: int) -> int:
        """Where the clause that holds ``offset`` starts (:meth:`clause` without its text)."""
        info = self._sentence(offset)
        return info.span.start + _clause_bounds(info, offset - info.span.start)[0]

    def _clause(self, info: _Sentence, offset: int) -> Span:
        base = info.span.start
        lo, hi = _clause_bounds(info, offset - base)
        return Span(base + lo, base + hi, info.span.text[lo:hi])

    def context(self, start: int, end: int) -> Context:
        """The :class:`~verify.model.Context` of the figure that spans ``start``..``end``."""
        info = self._sentence(start)
        if info.attributions is None:
            info.read()
        frame = self.frame
        quoted = frame.quoted(start, end) if frame.quotations else False
        # Most sentences hold no source, modal word or time scope: no look-ups then.
        plains = info.plain
        if plains is not None:
            plain = plains.get(quoted)
            if plain is None:
                plain = plains[quoted] = Context(sentence=info.span, quoted=quoted)
            return plain
        at = start - info.span.start
        lo, hi = _clause_bounds(info, at)
        size = len(info.span.text)

        found = info.attributions
        who = (_nearest(found, lo, hi, at) or _nearest(found, 0, size, at)) if found else None
        modal = _choose_modal(info.modals, lo, hi, at) if info.modals else None
        found = info.scopes
        scope = (_nearest(found, lo, hi, at) or _nearest(found, 0, size, at)) if found else None
        # positional, in Context's field order (sentence, attribution, modality, modal, scope,
        # scope_start, scope_end, quoted): attrs' __init__ takes them faster than keywords
        return Context(
            info.span,
            who[1] if who else None,
            modal[1] if modal else "reported",
            modal[2] if modal else None,
            scope[1] if scope else None,
            scope[2] if scope else None,
            scope[3] if scope else None,
            quoted,
        )


def figure_context(frame: TextFrame, start: int, end: int) -> Context:
    """The :class:`~verify.model.Context` of the figure that spans ``start``..``end``."""
    return ContextReader(frame).context(start, end)


__all__ = ["ContextReader", "attribution_in", "clause_at", "figure_context", "modality_in", "scope_in"]
