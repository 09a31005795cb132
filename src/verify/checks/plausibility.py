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
from typing import TYPE_CHECKING

import attrs

from verify import units
from verify.checks._base import CheckContext, Rule
from verify.checks.reference_range import modality_of, unit_fit
from verify.model import Deferred, Figure, Finding, Span
from verify.packs import Bound, Pack, describe_range, has_any_phrase

if TYPE_CHECKING:
    from verify.extract.text import TextFrame

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
    frame = ctx.extraction.frame
    for figure in ctx.extraction.figures:
        if figure.kind == "label":
            continue
        view = index.view(figure)
        if not view.measurable:
            continue  # no bound can read the figure in its unit ("$2 billion"): no phrase to look for
        if view.limits is not None and not _beyond(figure, *view.limits):
            continue  # within every bound it could be about, whatever the words: no phrase to look for
        phrases = _Phrases(prose, figure, view)
        for position in phrases.candidates(figure):
            bound = index.bounds[position]
            if figure.kind == "ordinal" and "ordinal" not in bound.kinds:
                continue
            value = _value_for(prose, figure, bound, functools.partial(phrases.matched, position), frame)
            if value is None:
                continue
            low, high, end = value
            too_high = bound.max is not None and low > bound.max
            too_low = bound.min is not None and high < bound.min
            if too_high or too_low:
                if modality_of(figure) == "projection":
                    break  # a projection may lie outside what has been: no finding for the figure
                # (asked last: the modality is in the figure's context, read only when asked for)
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
    prose: str, figure: Figure, bound: Bound, phrase_matches: Callable[[int], bool], frame: TextFrame | None = None
) -> tuple[float, float, int] | None:
    """The figure's lowest and highest admissible values in the bound's unit, if it is about it,
    and where the figure ends (past "and 10 minutes" in "1 hour and 10 minutes").

    ``phrase_matches(compound_end)`` says whether one of the bound's phrases stands next to it;
    ``frame``, the frame the figure was extracted from, gives its sentence (see _sentence)."""
    if bound.kinds and figure.kind not in bound.kinds:
        return None
    target = units.one(bound.unit)
    compatible, same_kind = unit_fit(figure, bound.unit)
    extra, compound_end = _compound(prose, figure, target) if compatible else (0.0, figure.end)
    phrase = phrase_matches(compound_end)
    by_noun = not phrase and bool(figure.noun) and has_any_phrase(figure.noun, bound.nouns)
    if not (phrase or by_noun):
        return None
    sentence = _sentence(prose, figure, frame)
    if bound.keywords and not has_any_phrase(sentence, bound.keywords):
        return None
    if bound.requires and not has_any_phrase(sentence, bound.requires, suffix=False):
        return None
    if has_any_phrase(sentence, bound.exclude):
        return None
    if compatible:
        if not same_kind:  # percent, percentage points and plain counts are kept apart
            return None

        def conv(q):
            # (pint hands back the magnitude itself for a quantity already in the unit)
            if units.dimensionless(bound.unit) or q._units == target._units:
                return float(q.magnitude)
            return float(q.to(target.units).magnitude)

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
    """The rest of a compound measure after the figure, in the bound's unit (``target``, which
    the figure's unit converts to).

    "2 hours and 5 minutes", "1 hour 59 minutes 40 seconds", "7 feet 3 inches": extraction
    may stop at the first part; the later parts are added here (0 when there are none), and
    the offset where the compound ends is returned with them.
    """
    if figure.kind != "measure":
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


@attrs.frozen
class _View:
    """The part of an :class:`_Index` that figures of one kind and unit can use: the bounds that
    can read them, and only those bounds' phrases (a count never looks up "of voters")."""

    measurable: frozenset[int]  # positions of the bounds ``_value_for`` can read such a figure in
    before: dict[str, tuple[tuple[int, str], ...]]  # as _Index.before, for those bounds only
    #: As _Index.after for those bounds only, each first word's phrases grouped by their second
    #: word ("" for a phrase of one word): a phrase can start the words after a figure only if
    #: its second word is one of the few the gap allows, so only those groups are tried.
    after: dict[str, dict[str, tuple[tuple[int, tuple[str, ...]], ...]]]
    with_nouns: frozenset[int]  # as _Index.with_nouns, for those bounds only
    with_after: frozenset[int]  # as _Index.with_after, for those bounds only
    #: Strings one of which the lower-cased text after a figure holds if a phrase of ``after`` can
    #: start there (every first word, less those holding another): a substring test turns most
    #: figures away before their words are read. None when a first word holds an apostrophe,
    #: which the text may write as "’".
    probes: tuple[str, ...] | None
    #: The lowest ``max`` and the highest ``min`` of those bounds, in the unit of the figures
    #: (a converted one moved a little inwards): a figure within both is beyond none of them.
    #: None where ``_value_for`` may read more than a figure's magnitude (a compound measure) or
    #: convert it other than by a factor.
    limits: tuple[float | None, float | None] | None


def _beyond(figure: Figure, lowest_max: float | None, highest_min: float | None) -> bool:
    """Whether the figure, at its magnitude in its own unit, lies above
    ``lowest_max`` or below ``highest_min``."""
    value = float(figure.value.magnitude)
    low = float(figure.low.magnitude) if figure.low is not None else value
    high = float(figure.high.magnitude) if figure.high is not None else value
    if figure.low is not None and figure.high is None:
        high = math.inf
    return lowest_max is not None and low > lowest_max or highest_min is not None and high < highest_min


@attrs.frozen
class _Index:
    """The bounds of a set of packs, in order, with their phrases indexed by the word that must
    stand next to the figure: each figure looks up a handful of phrases instead of every one."""

    bounds: tuple[Bound, ...]
    before: dict[str, tuple[tuple[int, str], ...]]  # last word -> (bound position, normalised phrase)
    after: dict[str, tuple[tuple[int, tuple[str, ...]], ...]]  # first word -> (position, phrase words)
    with_nouns: frozenset[int]  # positions of the bounds that a figure's counted noun can match
    with_after: frozenset[int]  # positions of the bounds with after phrases
    #: Figure kind and unit -> the view of the bounds such a figure can be read in (filled lazily).
    _views: dict[tuple[str, object], _View] = attrs.field(factory=dict, eq=False, repr=False)

    def measurable(self, figure: Figure) -> frozenset[int]:
        """The positions of the bounds that can read the figure (its view's)."""
        return self.view(figure).measurable

    def view(self, figure: Figure) -> _View:
        """The bounds for the figure's kind whose unit it converts to, or that read it bare (a
        count), with their phrases; for any other bound ``_value_for`` returns None whatever the
        words, so its phrases need not be looked for."""
        key = (figure.kind, figure.value._units)
        found = self._views.get(key)
        if found is None:
            measurable = frozenset(
                position
                for position, bound in enumerate(self.bounds)
                if not (bound.kinds and figure.kind not in bound.kinds)
                and (
                    units.compatible(figure.value, units.one(bound.unit))
                    or bound.bare and figure.kind in ("count", "ordinal") and units.unit_name(figure.value) == "count"
                )
            )
            after = _by_second_word(_keep(self.after, measurable))
            found = self._views[key] = _View(
                measurable,
                _keep(self.before, measurable),
                after,
                self.with_nouns & measurable,
                self.with_after & measurable,
                _probes(after),
                self._limits(figure, measurable),
            )
        return found

    def _limits(self, figure: Figure, measurable: frozenset[int]) -> tuple[float | None, float | None] | None:
        """The :attr:`_View.limits` of figures of the kind and unit of ``figure``."""
        name = units.unit_name(figure.value)
        if figure.kind == "measure" and any(name in wholes for wholes in _WHOLE_UNITS.values()):
            return None  # "2 hours and 5 minutes": the figure may be read with more than its magnitude
        maxima: list[float] = []
        minima: list[float] = []
        for position in measurable:
            bound = self.bounds[position]
            # A bound that cannot convert the figure reads it bare; one that can reads it at its
            # magnitude when its unit is dimensionless or the figure's own, else converts it.
            if (
                not unit_fit(figure, bound.unit)[0]
                or units.dimensionless(bound.unit)
                or units.one(bound.unit)._units == figure.value._units
            ):
                factor = 1.0
            else:
                factor = _factor(name, bound.unit)
                if factor is None:
                    return None
            # A limit moved into the figure's unit is moved a little inwards, past any rounding.
            if bound.max is not None:
                limit = bound.max / factor
                maxima.append(limit if factor == 1.0 else limit - abs(limit) * 1e-9 - 1e-300)
            if bound.min is not None:
                limit = bound.min / factor
                minima.append(limit if factor == 1.0 else limit + abs(limit) * 1e-9 + 1e-300)
        return (min(maxima) if maxima else None, max(minima) if minima else None)


@functools.lru_cache(maxsize=256)
def _factor(unit: str, target: str) -> float | None:
    """What pint multiplies a magnitude in ``unit`` by to convert it to ``target`` (None unless
    it converts by a plain positive factor: an offset unit such as a temperature does not).
    A pure function of two unit names."""
    one = units.unit(target)
    factor = float(units.quantity(1.0, unit).to(one).magnitude)
    if not (math.isfinite(factor) and factor > 0):
        return None
    if float(units.quantity(0.0, unit).to(one).magnitude) != 0.0:
        return None
    if float(units.quantity(-2.5, unit).to(one).magnitude) != -2.5 * factor:
        return None
    return factor


def _probes(after: dict[str, tuple]) -> tuple[str, ...] | None:
    """The :attr:`_View.probes` of phrases indexed by first word as ``after``."""
    if any("'" in word for word in after):
        return None
    return tuple(word for word in after if not any(other != word and other in word for other in after))


def _by_second_word(after: dict[str, tuple]) -> dict[str, dict[str, tuple]]:
    """``after``'s phrases of each first word, grouped by their second word (see _View.after)."""
    grouped: dict[str, dict[str, tuple]] = {}
    for first, entries in after.items():
        groups: dict[str, list] = {}
        for position, words in entries:
            groups.setdefault(words[1] if len(words) > 1 else "", []).append((position, words))
        grouped[first] = {second: tuple(group) for second, group in groups.items()}
    return grouped


def _keep(phrases: dict[str, tuple], positions: frozenset[int]) -> dict[str, tuple]:
    """The phrases of the bounds at ``positions`` (words none of them use are dropped)."""
    kept = {word: tuple(p for p in entries if p[0] in positions) for word, entries in phrases.items()}
    return {word: entries for word, entries in kept.items() if entries}


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
    """Which bounds' ``before``/``after`` phrases stand next to one figure, looked up in the
    figure's view of the index (so every position found is one its bounds can read)."""

    def __init__(self, prose: str, figure: Figure, view: _View) -> None:
        self.prose = prose
        self.view = view
        numeral = _NUMERAL.search(figure.text)
        self.before: set[int] = set()  # positions of the bounds whose before phrase matched
        if view.before:
            self._read_before(figure.start)
            if numeral and numeral.start():
                self._read_before(figure.start + numeral.start())
        #: Where an after phrase may start: the figure's end, and its numeral's end if elsewhere.
        self.ends = (figure.end,)
        if numeral and figure.start + numeral.end() != figure.end:
            self.ends += (figure.start + numeral.end(),)
        self._after: dict[int, set[int]] = {}

    def _read_before(self, start: int) -> None:
        text = self.prose[max(0, start - 60) : start]
        # A window ends with a phrase only if its last word is a phrase's last word, and it ends
        # on another word than its last token only when a hedge is dropped: most windows are
        # turned away on that token alone, without being normalised.
        last = _last_token(text)
        if last not in self.view.before and not last.endswith(_HEDGE_ENDS):
            return
        window = _window_before(text)
        for position, phrase in self.view.before.get(window.rpartition(" ")[2], ()):
            if _ends_with(window, phrase):
                self.before.add(position)

    def candidates(self, figure: Figure) -> list[int]:
        """The positions, in order, of the bounds that may be about the figure: a phrase of theirs
        matched, or they have nouns and it counts one, or it is a measure (whose compound end,
        in each bound's unit, may move where an after phrase is read). No other bound is."""
        found = set(self.before)
        if self.view.after:
            for end in self.ends:
                found |= self._after_at(end)
        if figure.noun:
            found |= self.view.with_nouns
        if figure.kind == "measure":
            found |= self.view.with_after
        return sorted(found)

    def matched(self, position: int, compound_end: int) -> bool:
        """Whether a phrase of the bound at ``position`` (one the figure's view holds) stands
        before the figure or after it (after its numeral, its end or ``compound_end``, where a
        compound measure ends)."""
        if position in self.before:
            return True
        if position in self.view.with_after:
            return any(position in self._after_at(end) for end in (*self.ends, compound_end))
        return False

    def _after_at(self, end: int) -> set[int]:
        found = self._after.get(end)
        if found is None:
            text = self.prose[end : end + 80]
            lower = text.lower()
            probes = self.view.probes
            if probes is not None:
                for probe in probes:
                    if probe in lower:
                        break
                else:
                    found = self._after[end] = set()
                    return found
            # Most figures are followed by no phrase's first word: read the rest only when one is.
            first = _first_word(lower)
            groups = self.view.after.get(first) if first is not None else None
            found = self._after[end] = set()
            if groups:
                words = _words(text)
                # A phrase's second word stands right after its first, or up to _GAP words later.
                for second in {"", *words[1 : _GAP + 2]}:
                    found.update(position for position, phrase in groups.get(second, ()) if _starts_with(words, phrase))
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


#: The last word of each hedge: a window that ends on a hedge has a last token that ends so.
_HEDGE_ENDS = tuple({hedge.rpartition(" ")[2] for hedge in _HEDGE_WORDS})


#: How many characters at the end of a window are read first for its last token: most hold it
#: whole, and a shorter read is cheaper.
_TAIL = 24


def _last_token(text: str) -> str:
    """``_tokens(text)[-1]`` ("" for none), read from the end of ``text``: from its last
    :data:`_TAIL` characters when they hold a token after their first (which the cut may have
    shortened), else from all of it."""
    # Most windows end on a plain word: spaces (never in a token) end it, so it is the last
    # token whole, and a split from the right reads it without a pattern.
    last = text.rsplit(None, 1)[-1:]
    if last and last[0].isalpha() and last[0].isascii():
        return last[0].lower()
    tail = text[-_TAIL:]
    tokens = _TOKEN.findall(tail.lower().replace("’", "'"))
    whole = len(tail) == len(text)  # then the first token is whole as well
    for i in range(len(tokens) - 1, -1 if whole else 0, -1):
        w = tokens[i].strip(".'")
        if w:
            return w
    if whole:
        return ""
    for w in reversed(_TOKEN.findall(text.lower().replace("’", "'"))):
        w = w.strip(".'")
        if w:
            return w
    return ""


def _tokens(text: str) -> list[str]:
    """The words of ``text``, lower-cased, hyphens as spaces, outer dots and apostrophes dropped."""
    stripped = [w.strip(".'") for w in _TOKEN.findall(text.lower().replace("-", " ").replace("’", "'"))]
    return [w for w in stripped if w]


def _normal(text: str) -> str:
    return " ".join(_tokens(text))


def _words(text: str) -> tuple[str, ...]:
    """The words of ``text`` without determiners (a token holds no space: no need to join and split)."""
    return tuple(w for w in _tokens(text) if w not in _DETERMINERS)


def _first_word(lower: str) -> str | None:
    """``_words(text)[0]`` without reading the rest of ``text`` (None when it has no words),
    given ``lower = text.lower()``."""
    for m in _TOKEN.finditer(lower.replace("’", "'")):  # ("-" is no token character: left as it is)
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


def _sentence(prose: str, figure: Figure, frame: TextFrame | None) -> str:
    """The text of the figure's sentence: its context's, or the sentence around it if it has none.

    A context extraction defers is read at the frame's sentence that holds the figure's start:
    that sentence is taken from the frame, so that the context is not read for it."""
    context = figure._context  # (the field itself: ``figure.context`` would read a deferred one)
    if type(context) is Deferred and frame is not None:
        return frame.sentence_at(figure.start).text
    context = figure.context
    return context.sentence.text if context is not None else _sentence_around(prose, figure)


def _sentence_around(prose: str, figure: Figure) -> str:
    start = max(prose.rfind(".", 0, figure.start), prose.rfind("\n", 0, figure.start)) + 1
    end = min((i for i in (prose.find(". ", figure.end), prose.find("\n", figure.end)) if i >= 0), default=len(prose))
    return prose[start:end]


__all__ = ["RULES", "run"]
