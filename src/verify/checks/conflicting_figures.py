"""Conflicting figures: one thing counted twice in a story, with answers that cannot both be true.

## What it flags

Two figures of the same kind and a compatible unit that measure the same subject — the same
counted noun (or "the number"/"the figure" resolved to it), with no modifier, place or time that
tells them apart — whose intervals do not overlap once hedges are read ("just below 100,000"
admits 95,000, not 150,000). When both come from the same source and the same time it is a
`warning`. When the text attributes them to different sources (or states one itself and
attributes the other), or one is a projection or an estimate and the other a current count, it
is `info`: the story may be right to give both, but it should make the difference plain. Figures
for different places ("in Ohio", "in Texas"), times ("in 2020", "last year"), modifiers
("civilian deaths") or predicates ("employs 1,200 workers", "will hire 150 workers"), the two
ends of a change ("from 80 to 120") and increments ("another 20") are not compared.

It also flags a figure restated later in the story with the same digits and a magnitude off by
a power of a thousand ("$1.2 billion" in the lead, "$1.2 million" further down).

## Why it matters

A reader who meets "45 people were killed" in the lead and "the 54 victims" in the tenth
paragraph will trust neither. Different sources may disagree, but then the copy must say who
says what, and whether a number is a count or a forecast.

## Example

    The fire destroyed 120 homes, officials said. … Officials said the blaze destroyed 210
    homes before it was contained.
    The council approved a $1.2 billion budget. … The $1.2 million budget includes …

## Use instead

    The fire destroyed 120 homes, officials said. … Officials said the blaze destroyed 120
    homes before it was contained.
    The council approved a $1.2 billion budget. … The $1.2 billion budget includes …
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from verify import units
from verify._regex import alternation
from verify.checks._base import CheckContext, Rule
from verify.checks.arithmetic import CLAUSE_BREAK
from verify.model import Figure, Finding, Span

if TYPE_CHECKING:
    from verify.extract.text import TextFrame

CONFLICTING_FIGURES = Rule(
    "conflicting-figures",
    "VR201",
    "warning",
    "Two figures for the same subject disagree, or a figure is restated with another magnitude",
)
RULES = (CONFLICTING_FIGURES,)

STOPWORDS = frozenset(
    """
    a an the of in on at to for from by with and or but nor as is are was were be been being has
    have had it its it's this that these those their there they them he she his her we our you
    your i me my not no than then so such also only just about around roughly nearly almost some
    more most less least over under up down into onto out than after before since until while
    when where which who whom whose what said says say told according reported reports report
    will would could can may might must should shall do does did done per cent percent number
    figure total toll tally count estimate estimated another other all each both any every
    many much few several one two three four five six seven eight nine ten hundred thousand
    million billion trillion new officials official say saying added adding
    """.split()
)
#: Phrases that point back at a number stated before ("the number", "the figure").
ANAPHORA = re.compile(
    r"\b(?:the|that|this|its|their) (?:number|figure|total|toll|death toll|tally|count|estimate|sum|amount)\b"
    r"(?! of\b)[^.;]{0,40}$"  # "the number of deaths" names its noun; it does not point back
)
#: The nouns of ANAPHORA ("death toll" holds "toll"), one of which each of its matches holds.
_ANAPHORA_NOUNS = ("number", "figure", "total", "toll", "tally", "count", "estimate", "sum", "amount")
#: Words before a figure that make it an increment, not a restatement ("another 20 troops").
INCREMENTS = frozenset("another additional more new further extra other remaining fresh".split())
#: Words after a capitalised word that make it a source rather than a place ("Ukrainian officials").
SOURCE_NOUNS = frozenset(
    """officials official intelligence police authorities sources source officers ministry agency
    department spokesman spokeswoman spokesperson government military media analysts experts
    estimates data figures report survey researchers said says told""".split()
)
MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
#: Words that date a figure ("last year", "first quarter", "March"). At most one of them can end
#: on a word boundary at any one position, so the order they are tried in changes no match: they
#: are matched as a trie (see alternation), far cheaper than a list tried at every word.
_TIME_PHRASES = (
    *(
        f"{a} {b}"
        for a in ("last", "this", "next", "previous", "past")
        for b in ("year", "month", "week", "quarter", "season", "decade")
    ),
    *(
        f"{a} {b}{plural}"
        for a in ("first", "second", "third", "fourth", "final", "last", "opening", "previous")
        for b in ("year", "quarter", "half", "month", "week", "day", "season")
        for plural in ("", "s")
    ),
    "yesterday",
    "today",
    "tomorrow",
    *MONTHS,
)
TIME_WORDS = re.compile(r"\b(?:(?:19|20)\d\d|" + alternation(_TIME_PHRASES) + r")\b", re.IGNORECASE)
#: TIME_WORDS for lower-cased ASCII text, where it finds what TIME_WORDS finds in the text: a
#: case-sensitive trie is tried about twice as fast.
_TIME_WORDS_LOWER = re.compile(TIME_WORDS.pattern)


def _time_words(text: str) -> list[str]:
    """The matches of TIME_WORDS in ``text``, lower-cased."""
    if text.isascii():
        return _TIME_WORDS_LOWER.findall(text.lower())
    return [m.group(0).lower() for m in TIME_WORDS.finditer(text)]

_PLACE_AFTER = re.compile(
    r"\b(?:in|at|across|near|outside|inside|throughout|on) the ([a-z][a-z-]{2,})((?: [a-z][a-z-]*){0,2})"
)
#: A capitalised word: ``\b[A-Z][A-Za-z.'-]*[A-Za-z]\b|\b[A-Z]\b``, written to open with the
#: capital (the word boundary before it as a lookbehind) so that sre skips to capitals instead of
#: trying both branches at every character.
_CAPITAL = re.compile(r"[A-Z](?<!\w[A-Z])(?:[A-Za-z.'-]*[A-Za-z])?\b")
_WORD = re.compile(r"[a-z][a-z'-]*")
# A figure that is one end of a change or a comparison is not a restatement of anything.
_CHANGE_HEDGES = ("about ", "nearly ", "some ", "roughly ", "around ", "almost ", "just ", "only ")
_CHANGE_BEFORE = re.compile(
    r"(?:\bfrom|(?<!\bup )\bto|\bthan|\bcompared (?:with|to)|\bversus|\bvs\.?|\bagainst|"
    r"(?:\d|%|percent) (?:[a-z]+ )?of (?:the|its|their|those|these|all))"
    r" (?:" + "|".join(_CHANGE_HEDGES) + r")*$"
)
_CHANGE_AFTER = re.compile(r"\s*(?:,\s*)?(?:(?:up|down) )?(?:from|to) (?:about |nearly |some |roughly |around )*[$€£¥]?\d")
_IRREGULAR = {"people": "person", "persons": "person", "children": "child", "men": "man", "women": "woman"}


@lru_cache(maxsize=8192)  # a pure function of one word, asked for every word of each clause read
def noun_key(noun: str | None) -> str | None:
    """A counted noun reduced for comparison: lower case, last word, singular ("Troops" -> "troop")."""
    if not noun:
        return None
    word = noun.lower().split()[-1].strip(".,;:'\"")
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


#: Predicates that say the same thing of a count ("killed 45", "45 died", "45 dead").
SYNONYMS: dict[str, str] = {
    **dict.fromkeys("kill killed killing kills die died dying dead death deaths fatality fatalities".split(), "die"),
    **dict.fromkeys("injure injured injuring injuries wound wounded hurt".split(), "injure"),
    **dict.fromkeys("arrest arrested arrests detain detained".split(), "arrest"),
    **dict.fromkeys("evacuate evacuated evacuating displace displaced".split(), "evacuate"),
    **dict.fromkeys("cost costs costing price priced".split(), "cost"),
}


@lru_cache(maxsize=8192)  # a pure function of one word
def _canonical(word: str) -> str:
    return SYNONYMS.get(word, _stem(word))


@lru_cache(maxsize=8192)  # a pure function of one word, asked for every word of each clause read
def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


class _once:
    """A property read the first time it is asked for and then kept on the instance, as
    functools.cached_property but without its lock (a profile lives in one check run)."""

    def __init__(self, read: Callable[[Any], Any]) -> None:
        self.read = read
        self.name = read.__name__
        self.__doc__ = read.__doc__

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.read(instance)
        return value


class Profile:
    """What a figure measures, as far as the words around it say.

    Each reading is made the first time it is asked for: a pair is mostly told apart by its
    times, an increment or a change, and the costlier readings (places, words) are then never
    made. The clause (and what stands before and after the figure in it) is read at once.
    """

    def __init__(self, ctx: CheckContext, fig: Figure, key: _Key | None = None) -> None:
        """``key``, the figure's key if it has one, gives what it has read already."""
        frame = ctx.extraction.frame
        sentence = frame.sentence_at(fig.start)
        prose = ctx.prose
        # The clause: the stretch of the sentence between clause breaks that holds the figure, and
        # no more than a few hundred characters either side of it (run-on text stays linear).
        start, end = sentence.start, sentence.end
        for lo, hi in _clause_bounds(ctx, sentence):
            if lo <= fig.start < hi:
                start, end = lo, hi
                break
        start, end = max(start, fig.start - _REACH), min(end, fig.end + _REACH)
        self._ctx = ctx
        self._key = key
        self._sentence_span = sentence
        self._start = start
        self.figure = fig
        self.clause = prose[start:end]  # the clause's prose, as written
        self.before = prose[start : fig.start].lower()  # the clause's prose before the figure, lower-cased
        self._after = prose[fig.end : end]
        if key is not None:
            self.noun, self.sentence, self.dimension, self.root = key.noun, key.sentence, key.dimension, key.root
            self.digits, self.magnitude = key.digits, key.magnitude
        else:
            self.magnitude = fig.magnitude
            self.noun = noun_key(fig.noun)
            self.sentence = frame.sentence_index(fig.start)
            self.dimension = units.dimension_name(fig.value)  # to compare without pint in the pair loop
            self.root = _root_factor(fig)  # what one of the figure's unit is in root units

    @property
    def attribution(self) -> str | None:
        ctx = self.figure.context
        return ctx.attribution if ctx else None

    @_once
    def bounds(self) -> tuple[float, float, float]:
        """The widened interval in root units and the room below it (see ``_root_bounds``)."""
        key = self._key
        return key.bounds if key is not None else _root_bounds(self.figure, self.figure.magnitude, self.root)

    @_once
    def digits(self) -> str:
        """The significant digits of its value in root units (as _Key.digits)."""
        return significant_digits(self.figure.magnitude * self.root)

    @property
    def modality(self) -> str:
        ctx = self.figure.context
        return ctx.modality if ctx else "reported"

    @_once
    def places(self) -> frozenset[str]:
        """Capitalised words that are not a source, a month or a common opening word, from the
        clause up to the figure and the phrase after it (not later asides: "…, most of them in
        Rio Claro" does not make the count a count for Rio Claro)."""
        fig, text, start, after = self.figure, self.clause, self._start, self._after
        attribution = self.attribution or ""
        aside = _aside(after)
        place_text = text[: fig.end - start + (aside if aside >= 0 else len(after))]
        places: set[str] = set()
        for m in _CAPITAL.finditer(place_text):
            word = m.group(0)
            lower = word.lower().rstrip(".")
            if word in attribution or lower in MONTHS or lower in STOPWORDS:
                continue
            following = _WORD.match(text[m.end() :].lstrip().lower())
            if following and following.group(0) in SOURCE_NOUNS:
                continue
            if start + m.start() == self._sentence_span.start and not _proper(self._ctx, word):
                continue  # "Floods killed …", "Relatives gathered …": a capital only because it leads
            places.add(lower)
        # Lower-case places only from the phrase right after the figure ("500 homes in the county"):
        # earlier in the clause they are as often the scene ("relatives at the morgue identified …").
        # A place the clause opens with ("In the neighboring district, 14 people …") counts too.
        opening = _PLACE_AFTER.match(text.lower().lstrip())
        lowered = [opening] if opening and fig.start - start > opening.end() else []
        phrase_after = place_text[fig.end - start :][:60].lower()
        if " the " in phrase_after:  # (which every match holds: most phrases are not searched)
            lowered += _PLACE_AFTER.finditer(phrase_after)
        for m in lowered:
            head = _head(m.group(1), m.group(2))
            if head not in STOPWORDS | _NOT_PLACES:
                places.add(head)
        return frozenset(places)

    @_once
    def times(self) -> frozenset[str]:
        fig = self.figure
        scope = (fig.context.scope if fig.context else None) or ""
        times = set(_time_words(self.clause))
        times.update(_time_words(scope))
        if fig.context and (fig.context.scope_start or fig.context.scope_end):
            times.add(f"{fig.context.scope_start}-{fig.context.scope_end}")
        return frozenset(times)

    @_once
    def modifiers(self) -> frozenset[str]:
        key = self.noun
        modifiers: set[str] = set()
        if key:
            window = self._after[:40].lower()
            for m in _WORD.finditer(window):
                if noun_key(m.group(0)) == key:
                    modifiers.update(
                        w for w in _WORD.findall(window[: m.start()]) if w not in STOPWORDS and noun_key(w) != key
                    )
                    break
        return frozenset(modifiers)

    @_once
    def _attribution_words(self) -> set[str]:
        return set(_WORD.findall((self.attribution or "").lower()))

    @_once
    def words(self) -> frozenset[str]:
        key = self.noun
        attribution_words = self._attribution_words
        words = {
            _stem(w)
            for w in _WORD.findall(self.clause.lower())
            if len(w) > 2 and w not in STOPWORDS and w not in attribution_words and (key is None or noun_key(w) != key)
        }  # (a word is never reduced to None: with no noun, every word passes that last test)
        words -= {_stem(w) for w in _WORD.findall(self.figure.text.lower())}
        return frozenset(words)

    @_once
    def _content(self) -> tuple[list[str], list[str]]:
        """The content words before the figure in its clause, and after it (past its noun)."""
        key = self.noun
        attribution_words = self._attribution_words
        content_before = [w for w in _WORD.findall(self.before) if w not in STOPWORDS and w not in attribution_words]
        tail = self._after.lower()
        if key:
            for m in _WORD.finditer(tail[:40]):
                if noun_key(m.group(0)) == key:
                    tail = tail[m.end() :]
                    break
        content_after = [w for w in _WORD.findall(tail[:60]) if w not in STOPWORDS and w not in attribution_words]
        return content_before, content_after

    @_once
    def predicates(self) -> frozenset[str]:
        content_before, content_after = self._content
        predicates: set[str] = set()
        if content_before:
            predicates.add(_canonical(content_before[-1]))
        if content_after:
            predicates.add(_canonical(content_after[0]))
        return frozenset(predicates)

    @_once
    def near(self) -> frozenset[str]:
        """Two content words either side of the figure."""
        content_before, content_after = self._content
        return frozenset(_canonical(w) for w in content_before[-2:] + content_after[:2])

    @_once
    def possessor(self) -> str | None:
        """"the state's $1.4 billion budget" -> "state"."""
        possessors = _POSSESSOR.findall(self.before)
        return possessors[-1] if possessors else None

    @_once
    def subject(self) -> str | None:
        """"The city spent …" -> "city"."""
        subject = _SUBJECT.match(self.clause.lower())
        return subject.group(1) if subject else None

    @_once
    def anaphoric(self) -> bool:
        before = self.before
        # Every match names one of the nouns: most clauses hold none and are not searched.
        return any(noun in before for noun in _ANAPHORA_NOUNS) and ANAPHORA.search(before) is not None

    @_once
    def changing(self) -> bool:
        return (
            _changes_before(self.before)
            or bool(_CHANGE_AFTER.match(self._after.lower()))
            or self.figure.text.lower().startswith("from ")
        )

    @_once
    def increment(self) -> bool:
        last_words = _WORD.findall(self.before[-30:])
        return bool(last_words) and last_words[-1] in INCREMENTS


_REACH = 200
_POSSESSOR = re.compile(r"\b([a-z]+)['’]s\b")
_SUBJECT = re.compile(r"\s*(?:the|a|an|its|their) ([a-z]+)\b")


def _clause_bounds(ctx: CheckContext, sentence: Span) -> tuple[tuple[int, int], ...]:
    """The (start, end) offsets of the clauses of ``sentence`` (breaks as in the arithmetic check),
    read once per sentence of the document (a long sentence of many figures stays linear)."""
    key = (_clause_bounds, sentence.start)
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = _read_clause_bounds(ctx.prose, sentence)
    return found  # type: ignore[return-value]


#: Whitespace other than a plain space: most sentences hold none, and need no rewriting (a
#: substitution is slow on a sentence, as it matches every space).
_OTHER_SPACE = re.compile(r"[^\S ]")
_SPACE = re.compile(r"\s")


def _read_clause_bounds(prose: str, sentence: Span) -> tuple[tuple[int, int], ...]:
    text = prose[sentence.start : sentence.end].lower()
    if _OTHER_SPACE.search(text):
        text = _SPACE.sub(" ", text)
    bounds = []
    start = 0
    for m in [*CLAUSE_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        if end > start:
            bounds.append((sentence.start + start, sentence.start + end))
        if m:
            start = m.end()
    return tuple(bounds)


#: The words a change's opening ends with in _CHANGE_BEFORE, right before its hedges.
_CHANGE_LAST_WORDS = ("from", "to", "than", "with", "versus", "vs", "vs.", "against", "the", "its", "their", "those", "these", "all")


def _changes_before(before: str) -> bool:
    """``_CHANGE_BEFORE.search(before)``, tried only where a match can start, and only if one
    can end: a match ends with one of _CHANGE_LAST_WORDS and a space, then hedges that run to
    the end (or to a last newline); no hedge ends another, so they are counted off the end one
    by one. It holds at most four plain spaces besides those of its hedges."""
    end = len(before) - 1 if before.endswith("\n") else len(before)
    ends = [end]  # where the opening's space may end: before each run of the last hedges
    while before.endswith(_CHANGE_HEDGES, 0, end):
        end -= next(len(h) for h in _CHANGE_HEDGES if before.endswith(h, 0, end))
        ends.append(end)
    if not any(q > 0 and before[q - 1] == " " and before.endswith(_CHANGE_LAST_WORDS, 0, q - 1) for q in ends):
        return False
    start = len(before)
    for _ in range(4 + len(ends)):  # past the fifth space before the hedges, no match can start
        start = before.rfind(" ", 0, start)
        if start < 0:
            break
    return _CHANGE_BEFORE.search(before, start + 1) is not None


#: What ends the phrase after a figure that places it: a comma, semicolon or bracket, or a dash
#: between spaces (``re.search(r"[,;(]| [—–] | -- ", after)``, found by str.find: a pattern of
#: such alternatives is tried at every character).
_ASIDES = (",", ";", "(", " — ", " – ", " -- ")


def _aside(after: str) -> int:
    """Where the first aside in ``after`` starts (-1 for none)."""
    found = [at for at in map(after.find, _ASIDES) if at >= 0]
    return min(found) if found else -1


def _head(first: str, rest: str) -> str:
    """The last word of a short noun phrase ("northern province this week" -> "province")."""
    head = first
    for word in rest.split():
        if word in STOPWORDS or word in _NOT_PLACES:
            break
        head = word
    return head


def _proper(ctx: CheckContext, word: str) -> bool:
    """Whether ``word`` is written capitalised somewhere other than at the start of a sentence
    (the document is searched once per word)."""
    key = (_proper, word)
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = _written_inside(ctx.prose, word)
    return found  # type: ignore[return-value]


_AFTER_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz,;")


def _written_inside(prose: str, word: str) -> bool:
    """``re.search(rf"[a-z,;] {re.escape(word)}\\b", prose)`` for a word that ends with a letter,
    by str.find (a pattern per word would be compiled anew for each document's words)."""
    needle = " " + word
    at = prose.find(needle)
    while at >= 0:
        end = at + len(needle)
        if at > 0 and prose[at - 1] in _AFTER_LOWER and (end == len(prose) or not _word_char(prose[end])):
            return True
        at = prose.find(needle, at + 1)
    return False


def _word_char(char: str) -> bool:
    """Whether the pattern language's \\w matches ``char``."""
    return char.isalnum() or char == "_"


def profile(ctx: CheckContext, fig: Figure) -> Profile:
    """Read the subject, place, time and modifiers of ``fig`` from its clause (each as asked)."""
    return Profile(ctx, fig)


def _root_factor(fig: Figure) -> float:
    return _unit_root_factor(fig.unit)


@lru_cache(maxsize=256)
def _unit_root_factor(unit: str) -> float:
    """How many root units one ``unit`` is (computed once per unit name, not once per figure)."""
    try:
        return float(units.quantity(1.0, unit).to_root_units().magnitude)
    except Exception:  # noqa: BLE001 - an offset unit (temperature) has no plain factor
        return 1.0


_NOT_PLACES = frozenset(
    "near future past end wake middle meantime course run days weeks months years time first meanwhile".split()
)

def same_subject(a: Profile, b: Profile, *, strict: bool = True) -> bool:
    """Whether two figures measure the same thing, as far as their words can tell.

    ``strict`` (for a warning) asks for the same predicate next to both figures ("killed 45
    people" and "killed 54 people"), or "the number"/"the figure" pointing back; otherwise a
    word in common in the two clauses is enough.
    """
    if not _same_clause_subject(a, b):
        return False
    if _other_times(a, b):
        return False
    if not (a.anaphoric or b.anaphoric) and not (a.predicates & b.predicates if strict else a.words & b.words):
        return False
    return not _other_places(a, b)  # (the costliest reading, asked last)


def _same_clause_subject(a: Profile, b: Profile) -> bool:
    """The tests of ``same_subject`` that read neither figure's context: the kind and unit, the
    counted noun, an increment or a change, and the modifiers of the noun."""
    fa, fb = a.figure, b.figure
    if fa.kind != fb.kind or a.dimension != b.dimension:
        return False
    if a.noun is None or a.noun != b.noun:
        return False
    if a.increment or b.increment or a.changing or b.changing:
        return False
    return not (a.modifiers and b.modifiers and a.modifiers != b.modifiers or bool(a.modifiers) != bool(b.modifiers))


# A time that is not now: a year, a scope, or "last"/"next"/"previous"/"past" something.
_DATED = re.compile(r"\b(?:19|20)\d\d\b|-|\b(?:last|next|previous|past)\b|yesterday|tomorrow")


def _other_times(a: Profile, b: Profile) -> bool:
    """Whether the two figures are for different times: both dated and differently, or only one
    of them tied to another period ("in 2022" or "last year" against no time at all); "this
    week" is the story's own time and ties nothing."""
    if a.times and b.times:
        return a.times != b.times
    dated = [p for p in (a, b) if any(_DATED.search(t) for t in p.times)]
    return len(dated) == 1


def _other_places(a: Profile, b: Profile) -> bool:
    """Whether the two figures are placed apart ("in Ohio" and "in Texas"); a place one of them
    adds ("Russia has massed … near the border" and "… near the border") is no contradiction,
    nor is a word the other's clause uses too ("killed in the floods" and "floods killed")."""
    pa = {p for p in a.places if _stem(p) not in b.words}
    pb = {p for p in b.places if _stem(p) not in a.words}
    return bool(pa and pb) and not (pa <= pb or pb <= pa)


def _disjoint(a: Profile | _Key, b: Profile | _Key) -> bool:
    """Whether the two figures' intervals (in root units) do not meet."""
    lo_a, hi_a, eps = a.bounds
    lo_b, hi_b, _ = b.bounds
    return hi_a < lo_b - eps or hi_b < lo_a - eps


def _root_bounds(fig: Figure, magnitude: float, root: float) -> tuple[float, float, float]:
    """The figure's interval with room for its rounding and any "about", in root units, and the
    room ``_disjoint`` leaves below it: read once per figure, not once per pair (``magnitude`` is
    the figure's)."""
    if fig.low is None and fig.high is None:
        lo = hi = magnitude  # (fig.interval, without reading the magnitude again)
    else:
        lo, hi = fig.interval
    slack = 0.1 * abs(magnitude) if fig.approximate else 0.0
    lo, hi = (lo - slack) * root, (hi + slack) * root
    eps = 1e-9 * max(1.0, abs(lo), abs(hi)) if math.isfinite(lo) and math.isfinite(hi) else 1e-9
    return lo, hi, eps


def _source(p: Profile) -> str:
    return p.attribution or "the story itself"


def _modality(p: Profile) -> str:
    fig = p.figure
    words = f' ("{fig.context.modal}")' if fig.context and fig.context.modal else ""
    if p.modality == "projection":
        return f"a projection{words}"
    if p.modality == "estimate":
        return f"an estimate{words}"
    return "a current count"


def _differ(a: Profile | _Key, b: Profile | _Key) -> bool:
    return _other_source(a, b) or a.modality != b.modality


def _other_source(a: Profile | _Key, b: Profile | _Key) -> bool:
    """Whether both figures are attributed, to sources that differ.

    A source named more fully later is the same source: "the governor" and "the regional
    governor"; "Ukrainian officials" and "U.S. officials" are not. A figure the story states as
    fact and one it attributes come from different sources.
    """
    if not a.attribution and not b.attribution:
        return False
    if not a.attribution or not b.attribution:
        return True  # the story's own figure against a named source's
    wa, wb = set(_norm(a.attribution)), set(_norm(b.attribution))
    return not (wa and wb and (wa <= wb or wb <= wa))


def _norm(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in ("the", "a", "an")]


def _conflict(ctx: CheckContext, a: Profile, b: Profile, differ: bool) -> Finding:
    """The finding for two figures that conflict; ``differ`` is ``_differ(a, b)``."""
    fa, fb = a.figure, b.figure
    what = fb.noun or b.noun or "thing"
    if differ:
        message = (
            f'"{fb.text}" ({_source(b)}, {_modality(b)}) and "{fa.text}" ({_source(a)}, {_modality(a)}) '
            f"measure the same {what} but do not agree. "
        )
        reasons = []
        if _other_source(a, b):
            reasons.append("they come from different sources")
        if a.modality != b.modality:
            reasons.append(f"one is {_modality(a if a.modality != 'reported' else b)}, the other is not")
        message += " and ".join(reasons).capitalize() + ": make sure the copy says so."
        return ctx.finding(CONFLICTING_FIGURES, fb, message, severity="info", related=(fa,))
    where = "earlier in the same sentence" if a.sentence == b.sentence else "earlier in the story"
    source = f"both from {b.attribution}" if b.attribution else "both stated by the story itself"
    message = (
        f'"{fb.text}" and "{fa.text}" ({where}) give different values for the same {what}, {source}. '
        "Check which is right and use it in both places."
    )
    return ctx.finding(CONFLICTING_FIGURES, fb, message, related=(fa,))


# --------------------------------------------------------------------------------------------
# Restated with another magnitude
# --------------------------------------------------------------------------------------------

_MAGNITUDE = re.compile(r"\b(thousand|million|billion|trillion)\b", re.I)


def significant_digits(value: float) -> str:
    """The significant digits of a value ("12" for 1.2e9 and for 1,200)."""
    if type(value) is float and -1e10 < value < 1e10 and value.is_integer() and value:
        # Most figures are whole numbers of at most ten digits, which the mantissa below holds
        # exactly: their digits are the integer's, without formatting a mantissa.
        return str(int(abs(value))).rstrip("0")
    if value == 0 or not math.isfinite(value):
        return "0"
    mantissa = f"{abs(value):.9e}"  # "d.ddddddddde+XX", the first digit not 0
    return (mantissa[0] + mantissa[2:11]).rstrip("0")


def _restated(a: Profile, b: Profile) -> int | None:
    """The power of a thousand by which ``b`` restates ``a`` with another magnitude, if it does."""
    k = _restatement(a, b)
    return k if k is not None and _restates(a, b) else None


def _restates(a: Profile, b: Profile) -> bool:
    """Whether the words around two figures whose numbers allow a restatement (``_restatement``)
    say that ``b`` restates ``a``."""
    # (The cheap readings first: each test below only turns the pair away.)
    if a.increment or b.increment or a.changing or b.changing:
        return False
    if a.times and b.times and a.times != b.times:
        return False
    # The same thing needs the same words next to it: "1.5 million people live there" and "1,500
    # people came" are not one figure, nor are "spent $1.4 million on housing" and "the housing
    # budget is $1.4 billion". What a sum of money is for ("budget", "loss") is such a word;
    # "people" or "troops" is not.
    named = a.figure.kind == "money" and a.noun is not None and a.noun == b.noun
    if not (named or a.near & b.near or a.anaphoric or b.anaphoric):
        return False
    if _other_owner(a, b) or _other_owner(b, a):
        return False
    return not _other_places(a, b)


def _restatement(a: Profile | _Key, b: Profile | _Key) -> int | None:
    """The power of a thousand between ``a`` and ``b`` when their numbers alone allow a
    restatement (the part of ``_restated`` that needs no words around them)."""
    fa, fb = a.figure, b.figure
    if fa.kind != fb.kind or a.dimension != b.dimension or a.sentence == b.sentence:
        return None
    va = a.magnitude * a.root
    vb = b.magnitude * b.root
    if va <= 0 or vb <= 0:
        return None
    digits = a.digits  # significant_digits(va), which a _Key holds ready
    if digits != b.digits:
        return None
    power = math.log10(vb / va)
    k = round(power / 3)
    if k == 0 or abs(power - 3 * k) > 1e-6:
        return None
    worded = bool(_MAGNITUDE.search(fa.text)) and bool(_MAGNITUDE.search(fb.text))
    if len(digits) < 2 and not worded:
        return None
    if a.noun and b.noun and a.noun != b.noun:
        return None
    return k


def _other_owner(a: Profile, b: Profile) -> bool:
    """Whether ``a`` belongs to someone ``b`` does not: "the state's budget" against "the city …"."""
    if not a.possessor or a.possessor == b.possessor:
        return False
    if b.possessor:
        return True
    return b.subject is not None and b.subject != a.possessor and a.possessor not in b.clause.lower()


def _suggest_restatement(a: Figure, b: Figure) -> str:
    """``b`` written with ``a``'s magnitude, in ``b``'s own style where it has a magnitude word."""
    word_a = _MAGNITUDE.search(a.text)
    word_b = _MAGNITUDE.search(b.text)
    lead = re.search(r"[$€£¥₹]|US\$|\d", b.text)
    text_b = b.text[lead.start() :] if lead else b.text
    if word_a and word_b:
        word_b = _MAGNITUDE.search(text_b)
        if word_b:
            return text_b[: word_b.start()] + word_a.group(0).lower() + text_b[word_b.end() :]
    lead = re.search(r"[$€£¥₹]|US\$|\d", a.text)
    return a.text[lead.start() :] if lead else a.text


def _magnitude_finding(ctx: CheckContext, a: Profile, b: Profile, k: int) -> Finding:
    fa, fb = a.figure, b.figure
    factor = f"{1000 ** abs(k):,}"
    message = (
        f'"{fb.text}" restates "{fa.text}" from earlier in the story with the same digits but a magnitude '
        f"{factor} times {'larger' if k > 0 else 'smaller'}. One of them has the wrong magnitude word."
    )
    return ctx.finding(
        CONFLICTING_FIGURES, fb, message, related=(fa,), suggestion=_suggest_restatement(fa, fb)
    )


# --------------------------------------------------------------------------------------------
# The check
# --------------------------------------------------------------------------------------------


_COMPARABLE_KINDS = frozenset(("money", "count", "percent", "measure", "percentage_points"))


def _comparable_kind(fig: Figure) -> bool:
    return fig.kind in _COMPARABLE_KINDS


def run(ctx: CheckContext) -> Iterable[Finding]:
    frame = ctx.extraction.frame
    yield from _pairs(ctx, [_Key(frame, f) for f in ctx.figures if f.kind in _COMPARABLE_KINDS])


#: How many earlier figures of the same kind a figure is compared with, from each end of the
#: story so far: the lead and the latest mentions. It keeps the work linear on hostile input
#: (thousands of "$1") while a story's real restatements sit well inside it.
WINDOW = 12

#: The dimensionality and root factor of each unit met so far, keyed by the quantity's unit
#: container (a pure function of the unit): one lookup per figure instead of two.
_UNIT_FACTS: dict[object, tuple[str, float]] = {}


class _Key:
    """What pairs a figure with earlier ones, read without its clause (cheap, unlike a profile)."""

    __slots__ = ("_bounds", "_frame", "_sentence", "digits", "dimension", "figure", "magnitude", "noun", "root")

    def __init__(self, frame: TextFrame, fig: Figure) -> None:
        facts = _UNIT_FACTS.get(fig.value._units)
        if facts is None:
            facts = _UNIT_FACTS[fig.value._units] = (units.dimension_name(fig.value), _root_factor(fig))
        self.figure = fig
        self.noun = noun_key(fig.noun)  # as Profile.noun
        self.dimension, self.root = facts  # as Profile.dimension, Profile.root
        self.magnitude = fig.magnitude  # (read once: a pint magnitude is a property)
        self.digits = significant_digits(self.magnitude * self.root)  # of its value in root units
        self._frame = frame
        self._sentence = -1
        self._bounds: tuple[float, float, float] | None = None

    @property
    def bounds(self) -> tuple[float, float, float]:
        """As Profile.bounds; read only for a figure that meets another."""
        if self._bounds is None:
            self._bounds = _root_bounds(self.figure, self.magnitude, self.root)
        return self._bounds

    @classmethod
    def of(cls, ctx: CheckContext, fig: Figure) -> _Key:
        return cls(ctx.extraction.frame, fig)

    @property
    def sentence(self) -> int:
        """As Profile.sentence; looked up only for a figure that meets another."""
        if self._sentence < 0:
            self._sentence = self._frame.sentence_index(self.figure.start)
        return self._sentence

    attribution = Profile.attribution  # read from the figure alone, as for a profile
    modality = Profile.modality


def _candidates(keys: list[_Key]) -> Iterator[tuple[_Key, list[_Key]]]:
    """Each figure that has earlier figures it could conflict with or restate, with those."""
    by_noun: dict[tuple[str, str, str | None], list[_Key]] = {}
    by_digits: dict[tuple[str, str, str], list[_Key]] = {}
    for b in keys:
        noun_key_ = (b.figure.kind, b.dimension, b.noun)
        digit_key = (b.figure.kind, b.dimension, b.digits)
        same_noun = by_noun.get(noun_key_)
        same_digits = by_digits.get(digit_key)
        # Most figures share neither noun nor digits with an earlier one: nothing to gather. One
        # with no noun can only restate a figure of its digits (_pairs): with none earlier, the
        # figures with no noun either are no matter.
        if same_digits or same_noun and b.noun is not None:
            if not (same_noun and same_digits) and len(same_noun or same_digits) <= WINDOW:  # type: ignore[arg-type]
                # One group within the window, in the order of the keys: the text's, as
                # extraction gives the figures (nothing to merge or sort).
                yield b, list(same_noun or same_digits)  # type: ignore[arg-type]
            else:
                earlier: dict[int, _Key] = {}
                for group in (same_noun or [], same_digits or []):
                    for a in (*group[:WINDOW], *group[-WINDOW:]):
                        earlier[id(a)] = a
                yield b, sorted(earlier.values(), key=lambda k: k.figure.start)
        if same_noun is None:
            by_noun[noun_key_] = [b]
        else:
            same_noun.append(b)
        if same_digits is None:
            by_digits[digit_key] = [b]
        else:
            same_digits.append(b)


def _pairs(ctx: CheckContext, keys: list[_Key]) -> Iterator[Finding]:
    # Profiles read the clause and cost most of the check: build one only for a figure in a pair
    # that can give a finding (about a fifth of them in news copy), and once.
    profiles: dict[int, Profile] = {}

    def profiled(k: _Key) -> Profile:
        found = profiles.get(id(k))
        if found is None:
            found = profiles[id(k)] = Profile(ctx, k.figure, k)
        return found

    for kb, earlier in _candidates(keys):
        for ka in earlier:
            # By their numbers first: a restatement needs the same digits (and what _restatement
            # asks), a conflict the same counted noun (same_subject asks for it) and values that
            # do not meet. Most pairs are turned away here, before any words are read.
            k = _restatement(ka, kb) if ka.digits == kb.digits else None
            conflict = ka.noun is not None and ka.noun == kb.noun and _disjoint(ka, kb)
            if not conflict and not k:
                continue
            a, b = profiled(ka), profiled(kb)
            if k and _restates(a, b):
                yield _magnitude_finding(ctx, a, b, k)
                break
            # (Numbers first, words last: each test only turns the pair away. What same_subject
            # asks of the clauses alone is asked before _differ reads the figures' contexts.)
            if not conflict or not _same_clause_subject(a, b):
                continue
            differ = _differ(a, b)
            if a.sentence == b.sentence and not differ:
                continue  # two values in one sentence are a comparison more often than a slip
            if not same_subject(a, b, strict=not differ):
                continue
            yield _conflict(ctx, a, b, differ)
            break


__all__ = ["RULES", "Profile", "noun_key", "profile", "run", "same_subject", "significant_digits"]
