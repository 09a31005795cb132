"""Plausibility: figures beyond bounds that no real instance reaches.

## What it flags

A figure that a plausibility bound in a pack is about, and that lies beyond it: a person aged
130, 110% of voters, a newborn of 80 kg, a marathon run in 20 minutes, a man 3.1 metres tall.
The shipped ``plausibility`` pack holds the bounds, each with the record or definition that sets
it. A bound is about a figure when a phrase it names stands just before the number ("aged",
"at the age of") or just after it ("year-old woman", "of voters", "tall"), or the figure counts
one of its nouns; then, when given, one of its ``keywords`` and one of its ``requires`` words
must stand in the sentence, and none of its ``exclude`` words ("building", "half marathon",
"rose"). Units are converted (a bound in kilograms catches "25 pounds"); a bare number takes
the bound's unit when the bound says so (``bare = true``) and its phrase matched ("aged 130"). Projections are left alone.

Severity is the bound's: ``error`` for logical impossibilities (a share of a whole above 100%),
``warning`` for records a new record could one day beat (age, height, birth weight, speed).

## Why it matters

An implausible figure is nearly always a typo or a slip of units ("80 kg" for "8 lb"), and a
reader spots it at once: it costs the story its credibility.

## Example

"Maria Branyas, who died on Monday aged 131, was the oldest person in Spain." -> ``plausibility``
(warning) on "131": no verified person has lived past 122 years 164 days (Guinness World Records).

## Use instead

Check the source: "aged 117". If the figure is right and a record was broken, say so and cite it.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterable

import attrs

from verify import units
from verify.checks._base import CheckContext, Rule
from verify.checks.reference_range import modality_of
from verify.model import Figure, Finding, Span
from verify.packs import Bound, Pack, describe_range, has_phrase

RULES = (Rule("plausibility", "VR103", "warning", "A figure beyond a bound no real instance reaches (a pack's plausibility bounds)."),)
RULE = RULES[0]

_NUMERAL = re.compile(r"\d[\d,]*(?:\.\d+)?")
_DETERMINERS = frozenset(["the", "a", "an", "all", "its", "their", "those", "these", "his", "her", "our", "this", "that"])
#: Hedges dropped from the end of the words before a figure ("aged about"), in match order.
_HEDGE_WORDS = (
    "about", "around", "nearly", "almost", "roughly", "some", "approximately", "just", "over", "under",
    "more than", "less than", "at least", "at most", "up to", "as many as", "as much as", "an estimated",
    "a reported",
)  # fmt: skip
_HEDGES = re.compile(r"(?:\b(?:" + "|".join(_HEDGE_WORDS) + r")\s*)+$")
_TOKEN = re.compile(r"[a-z0-9%$€£.']+")
#: Extra words allowed between the first word of a phrase and the rest ("of U.S. adults").
_GAP = 2


def run(ctx: CheckContext) -> Iterable[Finding]:
    packs = tuple(pack for pack in ctx.packs if pack.bounds)
    if not packs:
        return
    index = _index(packs)
    prose = ctx.prose
    for figure in ctx.extraction.figures:
        if figure.kind == "label" or modality_of(figure) == "projection":
            continue
        measurable = index.measurable(figure)
        if not measurable:
            continue  # no bound can read the figure in its unit ("$2 billion"): no phrase to look for
        phrases = _Phrases(prose, figure, index)
        for position in phrases.candidates(figure):
            if position not in measurable:
                continue
            bound = index.bounds[position]
            if figure.kind == "ordinal" and "ordinal" not in bound.kinds:
                continue
            value = _value_for(prose, figure, bound, functools.partial(phrases.matched, position))
            if value is None:
                continue
            low, high, end = value
            too_high = bound.max is not None and low > bound.max
            too_low = bound.min is not None and high < bound.min
            if too_high or too_low:
                where = Span(figure.start, end, ctx.prose[figure.start : end])
                yield _finding(ctx, where, bound, too_high)
                break


def _finding(ctx: CheckContext, figure: Span, bound: Bound, too_high: bool) -> Finding:
    limit = describe_range(None, bound.max, bound.unit) if too_high else describe_range(bound.min, None, bound.unit)
    message = (
        f"{figure.text!r} is implausible for {bound.subject}: no real instance is "
        f"{'above' if too_high else 'below'} {limit.removeprefix('at most ').removeprefix('at least ')} "
        f"({bound.source}). Check the figure and its unit."
    )
    return ctx.finding(RULE, figure, message, severity=bound.severity, reference=bound.citation)


def _value_for(
    prose: str, figure: Figure, bound: Bound, phrase_matches: Callable[[int], bool]
) -> tuple[float, float, int] | None:
    """The figure's lowest and highest admissible values in the bound's unit, if it is about it,
    and where the figure ends (past "and 10 minutes" in "1 hour and 10 minutes").

    ``phrase_matches(compound_end)`` says whether one of the bound's phrases stands next to it."""
    if bound.kinds and figure.kind not in bound.kinds:
        return None
    target = units.one(bound.unit)
    extra, compound_end = _compound(prose, figure, target)
    phrase = phrase_matches(compound_end)
    by_noun = not phrase and bool(figure.noun) and any(has_phrase(figure.noun, n) for n in bound.nouns)
    if not (phrase or by_noun):
        return None
    sentence = figure.context.sentence.text if figure.context is not None else _sentence_around(prose, figure)
    if bound.keywords and not any(has_phrase(sentence, k) for k in bound.keywords):
        return None
    if bound.requires and not any(has_phrase(sentence, k, suffix=False) for k in bound.requires):
        return None
    if any(has_phrase(sentence, k) for k in bound.exclude):
        return None
    if units.compatible(figure.value, target):
        if units.dimensionless(bound.unit) and _family(units.unit_name(figure.value)) != _family(bound.unit):
            return None

        def conv(q):
            return float(q.magnitude) if units.dimensionless(bound.unit) else float(q.to(target.units).magnitude)

    elif bound.bare and phrase and figure.kind in ("count", "ordinal") and units.unit_name(figure.value) == "count":

        def conv(q):
            return float(q.magnitude)

    else:
        return None
    value = conv(figure.value) + extra
    low = conv(figure.low) + extra if figure.low is not None else value
    high = conv(figure.high) if figure.high is not None else value
    if figure.low is not None and figure.high is None:
        high = math.inf
    return low, high, compound_end


_TRAILING_PART = re.compile(
    r"\s{0,3}(?:,|and|,\s{0,3}and)?\s{0,3}(\d{1,2}(?:\.\d{1,6})?)[\s-]{0,3}(minutes?|mins?|seconds?|secs?|inch(?:es)?|in\b)(?![\w-])", re.IGNORECASE
)
_PART_UNITS = {"min": "minute", "sec": "second", "inc": "inch", "in": "inch"}
_WHOLE_UNITS = {"minute": ("hour",), "second": ("hour", "minute"), "inch": ("foot",)}


def _compound(prose: str, figure: Figure, target) -> tuple[float, int]:
    """The rest of a compound measure after the figure, in the bound's unit.

    "2 hours and 5 minutes", "1 hour 59 minutes 40 seconds", "7 feet 3 inches": extraction
    may stop at the first part; the later parts are added here (0 when there are none), and
    the offset where the compound ends is returned with them.
    """
    if figure.kind != "measure" or not units.compatible(figure.value, target):
        return 0.0, figure.end
    total = 0.0
    pos = figure.end
    whole = units.unit_name(figure.value)
    for _ in range(2):
        m = _TRAILING_PART.match(prose, pos)
        if not m:
            break
        part = _PART_UNITS.get(m.group(2).lower()[:3], m.group(2).lower().rstrip("s"))
        if whole not in _WHOLE_UNITS.get(part, ()):
            break
        total += float(units.quantity(float(m.group(1)), part).to(target.units).magnitude)
        whole, pos = part, m.end()
    return total, pos


def _family(name: str) -> str:
    return "percent" if name in ("percent", "%") else name if name == "percentage_point" else "count"


@attrs.frozen
class _Index:
    """The bounds of a set of packs, in order, with their phrases indexed by the word that must
    stand next to the figure: each figure looks up a handful of phrases instead of every one."""

    bounds: tuple[Bound, ...]
    before: dict[str, tuple[tuple[int, str], ...]]  # last word -> (bound position, normalised phrase)
    after: dict[str, tuple[tuple[int, tuple[str, ...]], ...]]  # first word -> (position, phrase words)
    with_nouns: frozenset[int]  # positions of the bounds that a figure's counted noun can match
    with_after: frozenset[int]  # positions of the bounds with after phrases
    #: Figure kind and unit -> the bounds ``_value_for`` can read such a figure in (filled lazily).
    _measurable: dict[tuple[str, object], frozenset[int]] = attrs.field(factory=dict, eq=False, repr=False)

    def measurable(self, figure: Figure) -> frozenset[int]:
        """The positions of the bounds for the figure's kind whose unit it converts to, or that
        read it bare (a count); for any other, ``_value_for`` returns None whatever the words."""
        key = (figure.kind, figure.value._units)
        found = self._measurable.get(key)
        if found is None:
            found = self._measurable[key] = frozenset(
                position
                for position, bound in enumerate(self.bounds)
                if not (bound.kinds and figure.kind not in bound.kinds)
                and (
                    units.compatible(figure.value, units.one(bound.unit))
                    or bound.bare and figure.kind in ("count", "ordinal") and units.unit_name(figure.value) == "count"
                )
            )
        return found


@functools.lru_cache(maxsize=16)
def _index(packs: tuple[Pack, ...]) -> _Index:
    """Built once per set of packs (a pack hashes once: its hash is cached)."""
    bounds = tuple(b for pack in packs for b in pack.bounds)
    before: dict[str, list[tuple[int, str]]] = {}
    after: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for position, bound in enumerate(bounds):
        for phrase in bound.before:
            normal = _phrase_normal(phrase)
            # A window ends with a phrase only if it ends with the phrase's last word ("" for a
            # phrase of no words, which only an empty window ends with).
            before.setdefault(normal.rpartition(" ")[2], []).append((position, normal))
        for phrase in bound.after:
            words = _phrase_words(phrase)
            if words:  # words that start with a phrase start with its first word; no words match nothing
                after.setdefault(words[0], []).append((position, words))
    return _Index(
        bounds,
        {k: tuple(v) for k, v in before.items()},
        {k: tuple(v) for k, v in after.items()},
        frozenset(i for i, b in enumerate(bounds) if b.nouns),
        frozenset(i for i, b in enumerate(bounds) if b.after),
    )


class _Phrases:
    """Which bounds' ``before``/``after`` phrases stand next to one figure, looked up in the index."""

    def __init__(self, prose: str, figure: Figure, index: _Index) -> None:
        self.prose = prose
        self.index = index
        numeral = _NUMERAL.search(figure.text)
        self.before: set[int] = set()  # positions of the bounds whose before phrase matched
        for start in {figure.start, figure.start + (numeral.start() if numeral else 0)}:
            window = _window_before(prose[max(0, start - 60) : start])
            for position, phrase in index.before.get(window.rpartition(" ")[2], ()):
                if _ends_with(window, phrase):
                    self.before.add(position)
        self.ends = {figure.end, figure.start + numeral.end()} if numeral else {figure.end}
        self._after: dict[int, set[int]] = {}

    def candidates(self, figure: Figure) -> list[int]:
        """The positions, in order, of the bounds that may be about the figure: a phrase of theirs
        matched, or they have nouns and it counts one, or it is a measure (whose compound end,
        in each bound's unit, may move where an after phrase is read). No other bound is."""
        found = set(self.before).union(*(self._after_at(end) for end in self.ends))
        if figure.noun:
            found |= self.index.with_nouns
        if figure.kind == "measure":
            found |= self.index.with_after
        return sorted(found)

    def matched(self, position: int, compound_end: int) -> bool:
        """Whether a phrase of the bound at ``position`` stands before the figure or after it
        (after its numeral, its end or ``compound_end``, where a compound measure ends)."""
        bound = self.index.bounds[position]
        if bound.before and position in self.before:
            return True
        if bound.after:
            return any(position in self._after_at(end) for end in self.ends | {compound_end})
        return False

    def _after_at(self, end: int) -> set[int]:
        found = self._after.get(end)
        if found is None:
            text = self.prose[end : end + 80]
            # Most figures are followed by no phrase's first word: read the rest only when one is.
            first = _first_word(text)
            phrases = self.index.after.get(first, ()) if first is not None else ()
            words = _words(text) if phrases else ()
            found = self._after[end] = {position for position, phrase in phrases if _starts_with(words, phrase)}
        return found




def _window_before(text: str) -> str:
    """The normalised words before a figure, hedges dropped: one per figure, shared by every bound."""
    normal = _normal(text).rstrip()
    # _HEDGES ends at the end of the text on a hedge: most windows end otherwise, and skip it.
    return _HEDGES.sub("", normal).rstrip() if normal.endswith(_HEDGE_WORDS) else normal.rstrip()


@functools.lru_cache(maxsize=4096)
def _phrase_normal(phrase: str) -> str:
    """A pack phrase, normalised once."""
    return _normal(phrase)


@functools.lru_cache(maxsize=4096)
def _phrase_words(phrase: str) -> tuple[str, ...]:
    """A pack phrase's words, read once."""
    return _words(phrase)


def _tokens(text: str) -> list[str]:
    """The words of ``text``, lower-cased, hyphens as spaces, outer dots and apostrophes dropped."""
    stripped = [w.strip(".'") for w in _TOKEN.findall(text.lower().replace("-", " ").replace("’", "'"))]
    return [w for w in stripped if w]


def _normal(text: str) -> str:
    return " ".join(_tokens(text))


def _words(text: str) -> tuple[str, ...]:
    """The words of ``text`` without determiners (a token holds no space: no need to join and split)."""
    return tuple(w for w in _tokens(text) if w not in _DETERMINERS)


def _first_word(text: str) -> str | None:
    """``_words(text)[0]`` without reading the rest of ``text`` (None when it has no words)."""
    for m in _TOKEN.finditer(text.lower().replace("-", " ").replace("’", "'")):
        w = m.group(0).strip(".'")
        if w and w not in _DETERMINERS:
            return w
    return None


def _ends_with(window: str, phrase: str) -> bool:
    return window == phrase or window.endswith(" " + phrase)


def _starts_with(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    if not phrase or not words or words[0] != phrase[0]:
        return False
    rest = phrase[1:]
    if not rest:
        return True
    for skip in range(1, _GAP + 2):
        if words[skip : skip + len(rest)] == rest:
            return True
    return False


def _sentence_around(prose: str, figure: Figure) -> str:
    start = max(prose.rfind(".", 0, figure.start), prose.rfind("\n", 0, figure.start)) + 1
    end = min((i for i in (prose.find(". ", figure.end), prose.find("\n", figure.end)) if i >= 0), default=len(prose))
    return prose[start:end]


__all__ = ["RULES", "run"]
