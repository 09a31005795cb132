"""Arithmetic: the sums, shares, changes and multiples a sentence states, redone from its figures.

## What it flags

A sentence that states both the inputs and the result of a small calculation, where the result
does not follow from the inputs, allowing for the rounding the stated precision permits:

- `percent-change` (VR401): "rose 25% from 80 to 120" (the change is 50%); "fell to 120 from
  80" (the values rise). Handles rose/fell/increased/decreased/dropped/climbed/jumped/
  plunged…, "from X to Y", "to Y from X", "Y, up Z% from X", "an increase of Z%", "Y, 30% more
  than X". A decrease stated as a positive percent after "fell" is right.
- `share` (VR402): "12 of 48, or 30%" (25%); "one in five, or 25%"; "a third of voters (25%)".
- `sum` (VR403): listed parts against a stated total, only when the text says the parts make
  the total ("a total of 100: 40 in A, 30 in B and 20 in C"; "of the 90 victims, 50 were women
  and 45 were men"; "… and the remaining 20%").
- `multiple` (VR404): "doubled from 40 to 120", "twice as many as the 60 …", "halved".
- `percentage-points` (VR405): a change between two percentages stated in percent when the
  arithmetic fits points ("rose from 4% to 6%, an increase of 2 percent" is 2 percentage
  points, a 50 percent increase), and points used for a relative change.

Rounding is allowed as the figures state it: a result is read to its last digit ("27%" is
26.5–27.5), an input with decimals or a magnitude word as rounded ("$1.2 million"), "about" and
"nearly" as looser still. Left alone: a change with no start value ("rose 25% to 120"), parts
not said to make the whole ("including 40 in Ohio"), a percentage of another base ("12 of 48
states, or 30% of the population"), and figures that count different things.

## Why it matters

Readers check arithmetic that sits in one sentence, and a wrong result discredits every other
figure in the story. The slips are usual ones: a change computed against the wrong base, a
share taken of another whole, a part dropped from a list, points confused with percent.

## Example

    Unemployment rose from 4% to 6%, an increase of 2 percent.
    Sales rose 25% from 80 to 120.
    Of the 48 states, 12, or 30%, voted yes.

## Use instead

    Unemployment rose from 4% to 6%, an increase of 2 percentage points.
    Sales rose 50% from 80 to 120.
    Of the 48 states, 12, or 25%, voted yes.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import pairwise
from operator import attrgetter
from typing import TYPE_CHECKING

import attrs

from verify import units
from verify._regex import alternation
from verify.checks._base import CheckContext, Rule
from verify.model import Figure, Finding, Span

if TYPE_CHECKING:
    from pint.util import UnitsContainer

PERCENT_CHANGE = Rule(
    "percent-change", "VR401", "warning", "A stated percentage change disagrees with the values it compares"
)
SHARE = Rule("share", "VR402", "warning", "A stated share disagrees with its part and whole")
SUM = Rule("sum", "VR403", "warning", "Listed parts do not add up to the total the text says they make")
MULTIPLE = Rule("multiple", "VR404", "warning", "'Doubled', 'halved' or 'N times' disagrees with the values")
PERCENTAGE_POINTS = Rule(
    "percentage-points",
    "VR405",
    "warning",
    "A change between two percentages given in percent where the arithmetic fits points, or the reverse",
)
RULES = (PERCENT_CHANGE, SHARE, SUM, MULTIPLE, PERCENTAGE_POINTS)

# --------------------------------------------------------------------------------------------
# Word tables
# --------------------------------------------------------------------------------------------

#: Verbs and adverbs of a change, by direction (+1 up, -1 down).
DIRECTION_WORDS: dict[str, int] = {
    **dict.fromkeys(
        """rose rise rises risen rising increased increase increases increasing grew grow grows
        grown growing climbed climb climbs climbing jumped jump jumps jumping surged surge surges
        soared soar soars gained gain gains up higher expanded expands swelled spiked rebounded
        advanced went""".split(),
        1,
    ),
    **dict.fromkeys(
        """fell fall falls fallen falling dropped drop drops dropping decreased decrease decreases
        decreasing declined decline declines declining plunged plunge plunges plummeted plummets
        slipped slips slid slides sank sinks shrank shrinks shrunk tumbled tumbles dipped dips
        down lower lost loses cut cuts reduced slumped slumps contracted eased retreated""".split(),
        -1,
    ),
}
#: Nouns that name a change ("an increase of 25%", "a 25% drop").
CHANGE_NOUNS: dict[str, int] = {
    **dict.fromkeys("increase rise raise jump gain growth surge climb hike uptick boost".split(), 1),
    **dict.fromkeys("decrease decline drop fall cut reduction loss plunge dip slump contraction".split(), -1),
}
#: Multiplying verbs, adjectives and adverbs.
MULTIPLIERS: dict[str, float] = {
    "doubled": 2, "double": 2, "doubling": 2, "doubles": 2, "twice": 2, "twofold": 2,
    "tripled": 3, "triple": 3, "tripling": 3, "triples": 3, "trebled": 3, "threefold": 3, "thrice": 3,
    "quadrupled": 4, "quadruple": 4, "quadrupling": 4, "fourfold": 4,
    "quintupled": 5, "fivefold": 5, "sixfold": 6, "sevenfold": 7, "eightfold": 8, "ninefold": 9,
    "tenfold": 10, "halved": 0.5, "halving": 0.5, "half": 0.5,
}  # fmt: skip
#: Number words for "one in five", "three times".
NUMBER_WORDS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "hundred": 100, "thousand": 1000,
}  # fmt: skip
#: Fractions written as words, in percent.
FRACTIONS: dict[str, float] = {
    "half": 50, "one-half": 50, "a third": 100 / 3, "one-third": 100 / 3, "one third": 100 / 3,
    "two-thirds": 200 / 3, "two thirds": 200 / 3, "a quarter": 25, "one-quarter": 25,
    "one quarter": 25, "three-quarters": 75, "three quarters": 75, "a fifth": 20, "one-fifth": 20,
    "a tenth": 10, "one-tenth": 10,
}  # fmt: skip
#: Hedge words that say a stated value is close to the truth but on one side of it.
CLOSE_HEDGES = ("nearly", "almost", "just under", "just below", "just over", "just above", "close to", "roughly")
#: Pairs of words that split a whole into parts that exclude each other.
COMPLEMENTS = (
    {"men", "women"}, {"male", "female"}, {"males", "females"}, {"boys", "girls"},
    {"adults", "children"}, {"adults", "minors"}, {"civilians", "soldiers"},
    {"civilians", "combatants"}, {"civilians", "troops"}, {"domestic", "foreign"},
    {"domestic", "international"}, {"urban", "rural"}, {"public", "private"},
    {"yes", "no"}, {"for", "against"}, {"full-time", "part-time"}, {"citizens", "foreigners"},
)  # fmt: skip
MAGNITUDE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6, "k": 1e3}

# --------------------------------------------------------------------------------------------
# Templates: a clause with its figures replaced by ⟨i⟩ tokens
# --------------------------------------------------------------------------------------------

_TOKEN = "⟨{}⟩"
_FIG = r"⟨(?P<{}>\d+)⟩"
_HEDGE = (
    r"(?:(?:about|around|roughly|nearly|almost|some|approximately|more than|less than|over|under|"
    r"just over|just under|close to|at least|at most|an estimated|only|just) )?"
)
# Word alternations are tries (see alternation): the change patterns try them at every word.
_UP_DOWN = alternation(DIRECTION_WORDS)
_CHANGE_NOUN = alternation(CHANGE_NOUNS)
_LETTERS = re.compile(r"[a-z]+")
#: Whitespace other than a space: replacing each by a space gives every whitespace character as
#: a space, and a sentence of plain spaces (most) is left as it is without a replacement per space.
_SPACE = re.compile(r"[^\S ]")
CLAUSE_BREAK = re.compile(r";|, (?:while|whereas|but|although|though) | while | whereas ")


@attrs.frozen
class Clause:
    """A stretch of one sentence, lower-cased, with each figure replaced by a ``⟨i⟩`` token."""

    template: str
    offsets: Sequence[int]  # prose offset of each template character (see _Offsets)
    figures: tuple[Figure, ...]
    #: Its runs of letters: a family of patterns that needs a word the clause lacks is skipped.
    words: frozenset[str] = attrs.field(
        default=attrs.Factory(lambda self: frozenset(_LETTERS.findall(self.template)), takes_self=True),
        eq=False,
        repr=False,
    )
    #: Whether any of its sentence's figures is a percent or points figure: every share pattern
    #: and every change pattern with a stated size judges one, so a clause without is skipped.
    percent: bool = attrs.field(
        default=attrs.Factory(lambda self: any(map(_percent_or_points, self.figures)), takes_self=True),
        eq=False,
        repr=False,
    )
    #: How many figure tokens the clause holds (a pattern family that needs more is skipped).
    tokens: int = attrs.field(
        default=attrs.Factory(lambda self: self.template.count("⟨"), takes_self=True), eq=False, repr=False
    )
    #: Its sentence's figures by value (see :class:`_Values`), shared by the sentence's clauses.
    values: _Values = attrs.field(
        default=attrs.Factory(lambda self: _Values(self.figures), takes_self=True), eq=False, repr=False
    )

    def fig(self, match: re.Match[str], name: str) -> Figure:
        return self.figures[int(_group(match, name) or -1)]

    def span(self, start: int, end: int, prose: str) -> Span:
        """The prose span of template characters ``start``..``end``."""
        lo = self.offsets[start]
        hi = self.offsets[end - 1] + 1
        return Span(lo, hi, prose[lo:hi])


def clauses(prose: str, sentence: Span, figures: Sequence[Figure]) -> list[Clause]:
    """The clauses of ``sentence``, each with the figures inside it tokenised.

    The two ends of a change are made two figures even when extraction read them as one range
    ("from $1.2 million to $1.5 million"), and a start value borrows the magnitude its end states
    ("from 1.2 to 1.5 million").
    """
    return _split(_template(prose, sentence, _inside(prose, sentence, figures), _sentence_text(prose, sentence)))


def _inside(prose: str, sentence: Span, figures: Sequence[Figure]) -> list[Figure]:
    """The figures of ``sentence`` in order, ranges split into their two ends (see :func:`clauses`)."""
    return endpoints(prose, _within(sentence, sorted(figures, key=_START)))


_START = attrgetter("start")


def _within(sentence: Span, figures: Sequence[Figure]) -> list[Figure]:
    """The ``figures`` (in order of start) that lie wholly inside ``sentence``."""
    return [f for f in figures if sentence.start <= f.start and f.end <= sentence.end]


def _sentence_text(prose: str, sentence: Span) -> str:
    """The sentence lower-cased character by character, each whitespace character a space: what
    the gates read, and what the clause templates are cut from (see :func:`_clauses`)."""
    text = _lower(prose[sentence.start : sentence.end])
    # Every whitespace character but the space is unprintable, and most sentences are printable
    # (one fast C pass): only the others are scanned for whitespace to replace.
    return text if text.isprintable() else _SPACE.sub(" ", text)


def _template(prose: str, sentence: Span, inside: list[Figure], text: str) -> Clause:
    """The whole of ``sentence`` as one clause, the figures ``inside`` it (from :func:`_inside`)
    tokenised; :func:`_split` cuts it into its clauses.

    ``text`` is :func:`_sentence_text`: the template's words are cut from it, unless lower-casing
    changed the sentence's length ("İ"), when each piece is lower-cased alone, as always.
    """
    base = sentence.start
    cut = len(text) == sentence.end - base  # the lower-cased sentence keeps every offset
    chars: list[str] = []
    order: list[Figure] = []
    pos = base
    for fig in inside:
        if fig.start < pos:
            continue  # overlapping figures: keep the first
        chars.append(text[pos - base : fig.start - base] if cut else _lower(prose[pos : fig.start]))
        chars.append(_TOKEN.format(len(order)))
        order.append(fig)
        pos = fig.end
    chars.append(text[pos - base :] if cut else _lower(prose[pos : sentence.end]))
    template = "".join(chars) if cut else _SPACE.sub(" ", "".join(chars))
    figures = tuple(order)
    return Clause(
        template,
        _Offsets(sentence, figures),
        figures,
        words=frozenset(_LETTERS.findall(template)),
        percent=any(map(_percent_or_points, figures)),
        tokens=template.count("⟨"),
        values=_Values(figures),
    )


class _Offsets(Sequence[int]):
    """The prose offset of each character of a sentence's template (see :func:`_template`):
    the sentence's own for its words, a figure's start for its token but the last character,
    its last for that. Worked out on first use (a finding's span): most templates never ask."""

    __slots__ = ("_built", "_figures", "_sentence")

    def __init__(self, sentence: Span, figures: tuple[Figure, ...]) -> None:
        self._sentence = sentence
        self._figures = figures  # the tokenised figures, in order
        self._built: tuple[int, ...] | None = None

    def _all(self) -> tuple[int, ...]:
        if self._built is None:
            offsets: list[int] = []
            pos = self._sentence.start
            for i, fig in enumerate(self._figures):
                offsets.extend(range(pos, fig.start))
                offsets.extend([fig.start] * (len(_TOKEN.format(i)) - 1) + [fig.end - 1])
                pos = fig.end
            offsets.extend(range(pos, self._sentence.end))
            self._built = tuple(offsets)
        return self._built

    def __getitem__(self, index):  # an int or a slice, as a tuple takes
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and self._all() == tuple(other)

    def __hash__(self) -> int:
        return hash(self._all())


def _split(whole: Clause) -> list[Clause]:
    """The clauses of a sentence's template (see :func:`_template`); without a break, itself."""
    template = whole.template
    breaks = list(CLAUSE_BREAK.finditer(template)) if _may_break(template) else []
    if not breaks:
        return [whole] if template else []
    offsets, figures, percent, values = whole.offsets, whole.figures, whole.percent, whole.values  # a sentence's
    out: list[Clause] = []
    start = 0
    for m in [*breaks, None]:
        end = m.start() if m else len(template)
        if end > start:
            piece = template[start:end]
            out.append(
                Clause(piece, offsets[start:end], figures, percent=percent, tokens=piece.count("⟨"), values=values)
            )
        if m:
            start = m.end()
    return out


def _may_break(template: str) -> bool:
    """Whether ``template`` holds text every ``CLAUSE_BREAK`` match holds (", although " and
    ", though " both hold "though "): most sentences have no break, and these are fast scans."""
    return (
        ";" in template or "while" in template or "whereas" in template or ", but " in template or "though " in template
    )


def _lower(text: str) -> str:
    """``text`` lower-cased character by character, in one call: ``str.lower`` reads a final "Σ"
    by its context ("ς"), which one character alone does not, so such text takes the slow way."""
    return text.lower() if "Σ" not in text else "".join(c.lower() for c in text)


_FROM_TO = re.compile(r"(?:(?P<from>from) )?(?P<a>.+?) to (?P<b>.+)", re.I)


def _parse(text: str) -> Figure | None:
    """The first quantity in ``text``, read by the figure extraction itself."""
    from verify.extract.figures import find_figures
    from verify.extract.text import frame

    found = [f for f in find_figures(text, frame(text)) if f.is_quantity]
    return found[0] if found and found[0].start == 0 and found[0].end == len(text) else None


def _borrow(a: str, b: str) -> str:
    """``a`` with the magnitude, unit or currency it leaves to ``b`` ("1.2" of "1.5 million")."""
    num_a, num_b = _NUMERAL.search(a), _NUMERAL.search(b)
    if not num_a or not num_b or a[num_a.end() :].strip():
        return a
    prefix = b[: num_b.start()] if not a[: num_a.start()].strip() else ""
    return prefix + a + b[num_b.end() :]


def _placed(parsed: Figure, like: Figure, text: str, start: int) -> Figure:
    return attrs.evolve(
        parsed, text=text, start=start, end=start + len(text), context=like.context, noun=like.noun or parsed.noun
    )


def _after_change(prose: str, offset: int) -> bool:
    """Whether the word before ``offset`` is a change verb ("rose", "fell by")."""
    words = re.findall(r"[a-z]+", prose[max(0, offset - 30) : offset].lower())
    if words and words[-1] == "by":
        words.pop()
    return bool(words) and words[-1] in DIRECTION_WORDS


def endpoints(prose: str, figures: Sequence[Figure]) -> list[Figure]:
    """``figures`` with each "from X to Y" range split in two and each start value completed."""
    out: list[Figure] = []
    for fig in figures:
        m = _FROM_TO.fullmatch(fig.text) if fig.low is not None and fig.high is not None else None
        if m is None:
            out.append(fig)  # not a range: most figures
            continue
        after_from = prose[max(0, fig.start - 5) : fig.start].lower() == "from "
        if m.group("from") or after_from:
            b = _parse(m.group("b"))
            a = _parse(_borrow(m.group("a"), m.group("b")))
            if a and b and units.compatible(a.value, b.value):
                out.append(_placed(a, fig, m.group("a"), fig.start + m.start("a")))
                out.append(_placed(b, fig, m.group("b"), fig.start + m.start("b")))
                continue
        elif _after_change(prose, fig.start):
            # "rose 20 percent to 400": a change and where it ended, not a range of anything.
            a, b = _parse(m.group("a")), _parse(m.group("b"))
            if a and b and not _comparable(a, b):
                out.append(_placed(a, fig, m.group("a"), fig.start + m.start("a")))
                out.append(_placed(b, fig, m.group("b"), fig.start + m.start("b")))
                continue
        out.append(fig)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        # Lower-casing never shortens text: a gap longer than " and " is none of these.
        if b.start - a.end > 5 or prose[a.end : b.start].lower() not in (" to ", "-", "–", " and "):
            continue
        borrowed = _borrow(a.text, b.text)
        if borrowed == a.text or units.compatible(a.value, b.value) and not _MAGNITUDE.search(b.text):
            continue
        parsed = _parse(borrowed)
        if parsed and units.compatible(parsed.value, b.value):
            out[i] = attrs.evolve(_placed(parsed, a, a.text, a.start), precision=parsed.precision)
    return out


# --------------------------------------------------------------------------------------------
# Numbers: precision, uncertainty, restating
# --------------------------------------------------------------------------------------------

_NUMERAL = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
_MAGNITUDE = re.compile(r"\b(thousand|million|billion|trillion|bn)\b|(?<=\d)(bn|m|k)\b", re.I)
_LEAD = re.compile(r"[$€£¥₹]|US\$|\d|\.\d")


def _numeral(fig: Figure) -> re.Match[str] | None:
    return _NUMERAL.search(fig.text)


def _scale(fig: Figure) -> float:
    """How many of the figure's unit one unit of its numeral is ("1.2 million" -> 1e6)."""
    m = _MAGNITUDE.search(fig.text)
    if not m:
        return 1.0
    return MAGNITUDE_WORDS[(m.group(1) or m.group(2)).lower()]


def _decimals(fig: Figure) -> int:
    m = _numeral(fig)
    if not m or "." not in m.group(0):
        return 0
    return len(m.group(0).split(".")[1])


def precision(fig: Figure) -> float:
    """The place value of the figure's last stated digit, in its unit."""
    if fig.precision:
        return float(fig.precision)
    if _numeral(fig):
        return 10.0 ** -_decimals(fig) * _scale(fig)
    return fig.precision or 1.0


def uncertainty(fig: Figure, *, inputs: bool) -> float:
    """Half-width of the values a stated figure stands for.

    A result ("rose 25%") is read as rounded to its last digit. An input ("from 80 to 120") is
    read as exact when it is a whole number without a magnitude word, and as rounded otherwise
    ("1.2 million"). A magnitude word is not a promise of one significant digit, though: "$4
    billion" is read as $4 billion give or take 2.5% (5% for a result), not anything from $3.5
    billion to $4.5 billion. "About" widens either by a tenth (a twentieth for inputs).
    """
    number = _numeral(fig)
    decimals = len(number.group(0).split(".")[1]) if number and "." in number.group(0) else 0  # _decimals
    scale = _scale(fig)
    # precision(fig), from the decimals and scale read once
    half = (float(fig.precision) if fig.precision else 10.0**-decimals * scale if number else 1.0) / 2
    if inputs and decimals == 0 and scale == 1:
        half = 0.0
    if scale > 1:
        half = min(half, (0.025 if inputs else 0.05) * abs(fig.magnitude))
    if fig.approximate:
        half = max(half, (0.05 if inputs else 0.1) * abs(fig.magnitude))
    return half


def _in(fig: Figure, unit: UnitsContainer) -> float:
    """The figure's value in ``unit``: a quantity's unit container (``q._units``), not a pint
    Unit, which pint builds anew on every ``q.units``."""
    value = fig.value
    # pint's to() returns the very magnitude in the same unit; extraction's quantities share one
    # container per unit, so identity answers before pint's equality (Python code) is asked.
    if value._units is unit or value._units == unit:
        return float(value.magnitude)
    return float(value.to(unit).magnitude)


def stated_range(fig: Figure) -> tuple[float, float]:
    """The values a stated result admits, with its hedge and rounding, in its own unit."""
    m = fig.magnitude
    half = uncertainty(fig, inputs=False)
    lo, hi = fig.interval
    if lo == hi:
        lo, hi = m, m
    hedge = f"{fig.qualifier or ''} {fig.text}".lower()
    close = any(h in hedge for h in CLOSE_HEDGES)
    if math.isinf(lo):
        lo = m - max(half, 0.2 * abs(m)) if close else lo
    if math.isinf(hi):
        hi = m + max(half, 0.2 * abs(m)) if close else hi
    return lo - half, hi + half


def _bounds(fig: Figure, unit: UnitsContainer) -> tuple[float, float]:
    """The values an input figure stands for, in ``unit``."""
    return _bounds_at(fig, _in(fig, unit))


def _bounds_at(fig: Figure, value: float) -> tuple[float, float]:
    """:func:`_bounds` of the figure whose value in the unit is ``value`` (converted once by the
    caller, who needs it again: pint makes new quantities on every conversion)."""
    half = uncertainty(fig, inputs=True) * (abs(value) / abs(fig.magnitude) if fig.magnitude else 1)
    return value - half, value + half


def _number_text(value: float, decimals: int, commas: bool) -> str:
    text = f"{value:,.{decimals}f}" if commas else f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def restyle(fig: Figure, value: float, *, decimals: int | None = None) -> str:
    """``value`` (in the figure's unit) written the way the figure is written ("$2.5 billion")."""
    text = fig.text
    lead = _LEAD.search(text)
    text = text[lead.start() :] if lead else text
    m = _NUMERAL.search(text)
    if not m:
        return _number_text(value, decimals or 0, abs(value) >= 10000)
    scaled = value / _scale(fig)
    if decimals is None:
        decimals = _decimals(fig)
        if round(scaled, decimals) == 0 or abs(round(scaled, decimals) - scaled) > 0.05 * abs(scaled):
            decimals = max(decimals, 1)
    numeral = _number_text(scaled, decimals, "," in m.group(0) or abs(scaled) >= 10000)
    return text[: m.start()] + numeral + text[m.end() :]


def _percent_text(fig: Figure, value: float, *, decimals: int = 0) -> str:
    """``value`` percent in the style of the percent figure ``fig`` ("50%" or "50 percent")."""
    number = _number_text(value, decimals, False)
    if "%" in fig.text:
        return f"{number}%"
    return f"{number} per cent" if "per cent" in fig.text.lower() else f"{number} percent"


def _fmt(value: float) -> str:
    if abs(value - round(value)) < 1e-9:
        return f"{round(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _overlap(a: tuple[float, float], b: tuple[float, float], eps: float = 1e-9) -> bool:
    return a[0] <= b[1] + eps and b[0] <= a[1] + eps


def _is_percent(fig: Figure) -> bool:
    return fig.kind == "percent" or fig.unit == "percent"


def _is_points(fig: Figure) -> bool:
    return fig.kind == "percentage_points" or fig.unit == "percentage_point"


def _percent_or_points(fig: Figure) -> bool:
    """``_is_percent(fig) or _is_points(fig)``, reading the unit's name once."""
    return fig.kind in _PERCENT_KINDS or units.unit_name(fig.value) in _PERCENT_UNITS


_PERCENT_KINDS = ("percent", "percentage_points")
_PERCENT_UNITS = ("percent", "percentage_point")


def _comparable(a: Figure, b: Figure) -> bool:
    """Whether two figures measure in the same terms (pint calls percent and count both
    dimensionless; here they are not comparable)."""
    return (
        not _is_points(a)
        and not _is_points(b)
        and _is_percent(a) == _is_percent(b)
        # One unit container (extraction shares one per unit) is one dimensionality: pint works
        # a quantity's out on its first ask.
        and (a.value._units is b.value._units or units.compatible(a.value, b.value))
    )


# --------------------------------------------------------------------------------------------
# Changes: percent-change and percentage-points
# --------------------------------------------------------------------------------------------

def _named(pattern: str) -> re.Pattern[str]:
    """Compile ``pattern``, numbering repeated group names (``c`` -> ``c__1``, ``c__2``…).

    Python's ``re`` refuses a name used twice, even in different alternatives; look groups up
    with :func:`_group`, which takes whichever copy matched.
    """
    counts: dict[str, int] = {}

    def number(m: re.Match[str]) -> str:
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
        return f"(?P<{m.group(1)}__{counts[m.group(1)]}>"

    return re.compile(re.sub(r"\(\?P<(\w+)>", number, pattern))


def _group(m: re.Match[str], name: str) -> str | None:
    for key in _copies(m.re).get(name, ()):
        value = m.group(key)
        if value is not None:
            return value
    return None


def _bounds_of(m: re.Match[str], name: str) -> tuple[int, int]:
    for key in _copies(m.re).get(name, ()):
        if m.group(key) is not None:
            return m.start(key), m.end(key)
    return -1, -1


def _copies(pattern: re.Pattern[str]) -> dict[str, tuple[str, ...]]:
    """Each group name of ``pattern`` -> its numbered copies, in the pattern's order: read once
    per pattern, not from a dict of every group per match. Kept by the pattern's id (hashing a
    pattern hashes its compiled code), with the pattern itself to make sure of it."""
    known = _COPIES.get(id(pattern))
    if known is not None and known[0] is pattern:
        return known[1]
    copies: dict[str, list[str]] = {}
    for key in pattern.groupindex:  # in the order of the groups
        copies.setdefault(key.partition("__")[0], []).append(key)
    found = {name: tuple(keys) for name, keys in copies.items()}
    _COPIES[id(pattern)] = (pattern, found)
    return found


_COPIES: dict[int, tuple[re.Pattern[str], dict[str, tuple[str, ...]]]] = {}


#: Comparatives that state a change against a base ("30% more than", "20% lower than").
COMPARATIVES: dict[str, int] = {
    **dict.fromkeys("more higher greater larger bigger above".split(), 1),
    **dict.fromkeys("less lower fewer smaller below".split(), -1),
}
_COMPARATIVE = "|".join(COMPARATIVES)
_DIR = rf"(?P<dir>\b(?:{_UP_DOWN}))\b"
_NOUN = rf"(?P<noun>\b(?:{_CHANGE_NOUN}))\b"
_A, _B, _C = (_HEDGE + _FIG.format(n) for n in "abc")
# "from 80 cases to 120": a counted noun of a word or two may follow the start value.
_A_NOUN = _A + r"(?: [a-z][a-z-]*){0,2}?"
# "… to 6% over the year, an increase of 2 percent": a short phrase may follow the end value.
_AFTER_B = r"(?: [a-z][a-z'-]*){0,4}?"
_STATED = (
    rf"(?:(?:or |for )?an? {_NOUN} of {_C}|(?:or |for )?an? {_C} {_NOUN}|(?P<dir2>up|down) (?:by )?{_C}|\({_C}\))"
)
_CHANGE_PATTERNS = [
    # rose 25% from 80 to 120 / rose by 25% over the decade, from 80 to 120
    rf"{_DIR} (?:by )?{_C}{_AFTER_B},? from {_A_NOUN} to {_B}",
    # rose 25% to 120 from 80 / climbed 12% year over year to 120, up from 80
    rf"{_DIR} (?:by )?{_C}{_AFTER_B},? to {_B}{_AFTER_B},? (?:(?:up|down) )?from {_A}",
    # rose from 80 to 120, an increase of 25% / a 25% increase / up 25% / (25%)
    rf"{_DIR} from {_A_NOUN} to {_B}{_AFTER_B}(?:,| —| --| –)? {_STATED}",
    # rose to 120 from 80, an increase of 25% / up 25%
    rf"{_DIR} to {_B}{_AFTER_B},? from {_A}{_AFTER_B}(?:,| —| --| –)? {_STATED}",
    # 120, up 25% from 80 / 120, a 25% increase from 80 / 120, an increase of 25% from 80
    (
        rf"{_FIG.format('b')},? (?:(?P<dir2>up|down) (?:by )?{_C}|an? {_C} {_NOUN}|an? {_NOUN} of {_C})"
        rf" (?:from|over|on|compared with|compared to) {_A}"
    ),
    # a 25% increase from 80 to 120 / an increase of 25% from 80 to 120
    rf"(?:an? {_C} {_NOUN}|an? {_NOUN} of {_C}),? from {_A_NOUN} to {_B}",
    # 150 dogs, 30% more than the 115 of a year earlier / 120 tons, 25% larger than the 80 tons
    rf"{_FIG.format('b')}[^⟨⟩;]{{0,40}}?{_C} (?P<cmp>{_COMPARATIVE}) than\b[^⟨⟩;]{{0,30}}?{_A}",
]
_CHANGES = [_named(p) for p in _CHANGE_PATTERNS]
# The fewest figure tokens any match of a family of patterns holds (``*_NEED``; the tests derive
# each from the patterns themselves): a clause with fewer is not searched with that family.
_CHANGES_NEED = 3
# Every change pattern (and bare change) names its direction by a word of one of these tables,
# standing whole ("\b" or a space on either side), so it is a run of letters of the template.
_CHANGE_WORDS = frozenset({*DIRECTION_WORDS, *CHANGE_NOUNS, *COMPARATIVES})
#: The whole words every match of each pattern of a family holds, pattern by pattern (" from ",
#: " to ", " than\b", " of "): a pattern whose words the clause lacks is not searched.
_FROM_AND_TO = frozenset({"from", "to"})
_CHANGES_WORDS = [_FROM_AND_TO, _FROM_AND_TO, _FROM_AND_TO, _FROM_AND_TO, frozenset(), _FROM_AND_TO, frozenset({"than"})]


def _may_change(clause: Clause) -> bool:
    return not clause.words.isdisjoint(_CHANGE_WORDS)
# A change with both ends and no stated size: "fell to 120 from 80", "rose from 80 to 120".
_BARE_CHANGES_NEED = 2
_BARE_CHANGES = [
    _named(rf"{_DIR} from {_A_NOUN} to {_B}"),
    _named(rf"{_DIR} to {_B},? from {_A}"),
    _named(rf"{_FIG.format('b')},? (?P<dir>up|down) from {_A}"),
]
_BARE_CHANGES_WORDS = [_FROM_AND_TO, _FROM_AND_TO, frozenset({"from"})]


def _dir_led(pattern: re.Pattern[str]) -> bool:
    """Whether every match of ``pattern`` begins with a whole direction word (its ``_DIR``, the
    first group, numbered as :func:`_named` numbers it)."""
    return pattern.pattern.startswith(_DIR.replace("(?P<dir>", "(?P<dir__1>", 1))


_DIRECTIONS = frozenset(DIRECTION_WORDS)
#: Which change patterns each begin with ``_DIR``: their matches begin where a whole direction
#: word does, so they are matched at those words (_matches_at), not searched for: a search tries
#: the direction words' trie at every position of the clause, once per pattern.
_CHANGES_DIR_LED = [_dir_led(p) for p in _CHANGES]
_BARE_CHANGES_DIR_LED = [_dir_led(p) for p in _BARE_CHANGES]


def _word_starts(text: str, words: Iterable[str]) -> list[int]:
    r"""Where each of ``words`` stands in ``text`` as a whole word run (``\b`` on either side), in
    order: what ``\b(?:words)\b`` finds, by substring search (the words are the clause's own)."""
    found = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not _word_char(text[at - 1])) and (end == len(text) or not _word_char(text[end])):
                found.append(at)
            at = text.find(word, at + 1)
    found.sort()
    return found


def _word_char(c: str) -> bool:
    r"""Whether ``c`` is a word character to ``\b`` (``\w``)."""
    return c.isalnum() or c == "_"


def _matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match begins at one of ``starts``
    (in order), each tried where no earlier match covers it, as finditer goes on past a match."""
    end = 0
    for at in starts:
        if at >= end:
            m = pattern.match(text, at)
            if m:
                yield m
                end = m.end()


def _direction(match: re.Match[str]) -> int:
    # Each group is looked up once (a look-up walks the group's numbered copies).
    cmp = _group(match, "cmp")
    if cmp:
        return COMPARATIVES[cmp]
    dir2 = _group(match, "dir2")
    if dir2:
        return DIRECTION_WORDS[dir2]
    noun = _group(match, "noun")
    if noun:
        return CHANGE_NOUNS[noun]
    return DIRECTION_WORDS.get(_group(match, "dir") or "", 0)


def _change_interval(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float] | None:
    """The relative change, in percent, over every pair of values ``a`` and ``b`` stand for."""
    if a[0] <= 0 <= a[1]:
        return None
    corners = [(y - x) / abs(x) * 100 for x in a for y in b]
    return min(corners), max(corners)


def _changes(ctx: CheckContext, clause: Clause) -> Iterator[Finding]:
    prose = ctx.prose
    seen: set[tuple[int, int, int]] = set()
    pairs: set[tuple[int, int]] = set()  # the (a, b) of each key seen: one look-up, not a pass over seen
    changing = _may_change(clause)
    # _check_change finds nothing unless c, or both a and b, are percent or points figures.
    words = clause.words
    template = clause.template
    # Where the patterns led by a direction word can begin: matched there, not searched for.
    dirs = _word_starts(template, words & _DIRECTIONS) if changing else []
    for pattern, need, led in zip(_CHANGES, _CHANGES_WORDS, _CHANGES_DIR_LED) if changing and clause.percent and clause.tokens >= _CHANGES_NEED else ():
        for m in (_matches_at(pattern, template, dirs) if led else pattern.finditer(template)) if need <= words else ():
            a, b, c = clause.fig(m, "a"), clause.fig(m, "b"), clause.fig(m, "c")
            key = (a.start, b.start, c.start)
            if key in seen or not _comparable(a, b):
                continue
            seen.add(key)
            pairs.add(key[:2])
            direction = _direction(m)
            yield from _check_change(ctx, a, b, c, direction)
    for pattern, need, led in zip(_BARE_CHANGES, _BARE_CHANGES_WORDS, _BARE_CHANGES_DIR_LED) if changing and clause.tokens >= _BARE_CHANGES_NEED else ():
        for m in (_matches_at(pattern, template, dirs) if led else pattern.finditer(template)) if need <= words else ():
            a, b = clause.fig(m, "a"), clause.fig(m, "b")
            if (a.start, b.start) in pairs or not _comparable(a, b):
                continue
            pairs.add((a.start, b.start))
            direction = _direction(m)
            lo_a, hi_a = _bounds(a, a.value._units)
            lo_b, hi_b = _bounds(b, a.value._units)
            word = clause.span(*_bounds_of(m, "dir"), prose)
            if direction > 0 and hi_b < lo_a or direction < 0 and lo_b > hi_a:
                moves = "fall" if direction > 0 else "rise"
                yield ctx.finding(
                    PERCENT_CHANGE,
                    word,
                    f'"{word.text}" says the figure went {"up" if direction > 0 else "down"}, but from '
                    f"{a.text} to {b.text} the values {moves}.",
                    related=(a, b),
                )


_POINTS_WORD = re.compile(r"\bpoints?\b", re.IGNORECASE)


def _check_change(ctx: CheckContext, a: Figure, b: Figure, c: Figure, direction: int) -> Iterator[Finding]:
    unit = a.value._units
    value_a, value_b = _in(a, unit), _in(b, unit)
    lo_a, hi_a = _bounds_at(a, value_a)
    lo_b, hi_b = _bounds_at(b, value_b)
    relative = _change_interval((lo_a, hi_a), (lo_b, hi_b))
    if relative is None:
        return
    exact_rel = (value_b - value_a) / abs(value_a) * 100
    sign = direction or (1 if c.magnitude >= 0 else -1)
    stated_lo, stated_hi = stated_range(c)
    if c.magnitude < 0 and direction:  # "fell -25%": the sign is said twice
        stated_lo, stated_hi = -stated_hi, -stated_lo
    stated = (stated_lo * sign, stated_hi * sign) if sign > 0 else (stated_hi * sign, stated_lo * sign)
    both_percent = _is_percent(a) and _is_percent(b)
    points_word = bool(_POINTS_WORD.search(f"{c.text} {c.noun or ''}"))
    if not (_is_percent(c) or _is_points(c) or both_percent and points_word):
        return  # "rose by 40 from 80 to 120": an absolute change, not this rule's business
    if both_percent:
        points = (lo_b - hi_a, hi_b - lo_a)
        exact_points = value_b - value_a
        pts_text = f"{_fmt(abs(exact_points))} percentage point{'s' if abs(exact_points) != 1 else ''}"
        if _is_points(c) or points_word:
            if _overlap(stated, points):
                return
            if _overlap(stated, relative):
                yield ctx.finding(
                    PERCENTAGE_POINTS,
                    c,
                    f"From {a.text} to {b.text} is a change of {pts_text} (a {_fmt(abs(exact_rel))}% relative "
                    f'change); "{c.text}" gives the relative change in points. Write '
                    f'"{_fmt(abs(exact_points))} percentage points" or "{_fmt(c.magnitude)} percent".',
                    related=(a, b),
                    suggestion=_percent_text(a, abs(c.magnitude), decimals=_decimals(c)),
                )
                return
            yield ctx.finding(
                PERCENTAGE_POINTS,
                c,
                f'From {a.text} to {b.text} is a change of {pts_text}, not "{c.text}".',
                related=(a, b),
                suggestion=f"{_number_text(abs(exact_points), max(_decimals(a), _decimals(b)), False)} percentage points",
            )
            return
        if _overlap(stated, relative):
            return
        if _overlap(stated, points):
            number = _numeral(c)
            yield ctx.finding(
                PERCENTAGE_POINTS,
                c,
                f'From {a.text} to {b.text} is a change of {pts_text}; "{c.text}" reads as a relative change, '
                f"which would be {_fmt(round(abs(exact_rel), 1))}%. Use percentage points for the difference "
                "between two percentages.",
                related=(a, b),
                suggestion=f"{number.group(0) if number else _fmt(abs(exact_points))} percentage points",
            )
            return
        yield ctx.finding(
            PERCENT_CHANGE,
            c,
            f'"{c.text}" does not match the change from {a.text} to {b.text}: that is a '
            f"{_fmt(round(abs(exact_rel), 1))}% relative change, or {pts_text}.",
            related=(a, b),
            suggestion=_suggest_percent(c, exact_rel),
        )
        return
    if not _is_percent(c):
        return
    if _overlap(stated, relative):
        return
    if direction and (exact_rel > 0) != (direction > 0) and _overlap((-stated[1], -stated[0]), relative):
        yield ctx.finding(
            PERCENT_CHANGE,
            c,
            f'The text says the change of {c.text} was {"an increase" if direction > 0 else "a decrease"}, but '
            f"from {a.text} to {b.text} the values {'fall' if direction > 0 else 'rise'}.",
            related=(a, b),
        )
        return
    yield ctx.finding(
        PERCENT_CHANGE,
        c,
        f"From {a.text} to {b.text} is {'an increase' if exact_rel >= 0 else 'a decrease'} of "
        f'{_fmt(round(abs(exact_rel), 1))}%, not the "{c.text}" the text gives.',
        related=(a, b),
        suggestion=_suggest_percent(c, exact_rel),
    )


def _suggest_percent(c: Figure, exact: float) -> str:
    decimals = _decimals(c)
    value = round(abs(exact), decimals)
    if decimals == 0 and value < 10 and abs(abs(exact) - value) > 0.05:
        decimals = 1
    return _percent_text(c, abs(exact), decimals=decimals)


# --------------------------------------------------------------------------------------------
# Shares
# --------------------------------------------------------------------------------------------

_JOIN = r"(?:,? or |,? (?:—|--|–) ?| ?\()"  # ", or" / " — " / " ("


def _may_join(clause: Clause) -> bool:
    """Every share pattern joins the share to what it is a share of with ``_JOIN``, which holds
    the word "or", a dash or a bracket: most clauses with a percent have none (substring tests
    and a set look-up, where the patterns would each scan the clause)."""
    return "or" in clause.words or _joins(clause.template)


def _joins(text: str) -> bool:
    """What :func:`_may_join` reads of the text besides the word "or"."""
    return "(" in text or "—" in text or "--" in text or "–" in text

_RATIO_WORD = alternation(NUMBER_WORDS)
_RATIO = (
    rf"(?P<x>⟨\d+⟩|\b(?:{_RATIO_WORD})\b|\b\d{{1,3}}) (?:in|out of) (?P<y>⟨\d+⟩|\b(?:{_RATIO_WORD})\b|\d{{1,3}})\b"
)
_FRACTION = alternation(FRACTIONS)
_SHARES_NEED = 3
_SHARES = [
    # 12 of 48 states, or 30%  /  12 of the 48 (25%)
    re.compile(
        rf"{_FIG.format('x')} (?:out )?of (?:the |its |their |all |these |those )?(?:[a-z'’-]+ ){{0,2}}?{_FIG.format('y')}"
        rf"[^⟨⟩;]{{0,40}}?{_JOIN}{_HEDGE}{_FIG.format('p')}"
    ),
    # 25% of the 48 states, or 12
    re.compile(
        rf"{_FIG.format('p')} of (?:the |its |their |all |these |those )?(?:[a-z'’-]+ ){{0,2}}?{_FIG.format('y')}"
        rf"[^⟨⟩;]{{0,40}}?{_JOIN}{_HEDGE}{_FIG.format('x')}"
    ),
    # of the 2,000 patients, 120 died, or 8%
    re.compile(
        rf"\bof (?:the|its|their|all|these|those) {_FIG.format('y')}[^⟨⟩;]{{0,40}}?, {_HEDGE}{_FIG.format('x')}"
        rf"[^⟨⟩;]{{0,40}}?{_JOIN}{_HEDGE}{_FIG.format('p')}"
    ),
    # cut 1,200 jobs, or about 5% of its workforce of 24,000 / or 5% of its 24,000 employees
    re.compile(
        rf"{_FIG.format('x')}[^⟨⟩;]{{0,30}}?{_JOIN}{_HEDGE}{_FIG.format('p')} of (?:the |its |their |a |an )?"
        rf"(?:[a-z'’-]+ ){{0,3}}?(?:of )?{_FIG.format('y')}"
    ),
]
_OTHER_BASE_AFTER = (0, 2)  # the patterns whose percentage may be followed by another base
_RATIO_SHARES_NEED = 1
_RATIO_SHARES = [
    re.compile(rf"{_RATIO}[^⟨⟩;]{{0,40}}?{_JOIN}{_HEDGE}{_FIG.format('p')}"),
    re.compile(rf"{_FIG.format('p')}[^⟨⟩;]{{0,40}}?{_JOIN}{_HEDGE}{_RATIO}"),
]
_FRACTION_SHARES_NEED = 1
#: The last word of each fraction ("third" of "two-thirds" is "thirds"): a whole run of letters
#: wherever a fraction pattern matches ("\b" or " of" after it, a space or hyphen before).
_FRACTION_LAST_WORDS = frozenset(re.split(r"[ -]", k)[-1] for k in FRACTIONS)


def _may_fraction(clause: Clause) -> bool:
    return not clause.words.isdisjoint(_FRACTION_LAST_WORDS)


def _may_ratio(clause: Clause) -> bool:
    """Every ratio ("one in five", "2 out of 3") holds " in " or " out of "."""
    return " in " in clause.template or " out of " in clause.template
_FRACTION_SHARES = [
    re.compile(
        rf"\b(?P<frac>{_FRACTION}) of\b(?: (?:the |its |their )?⟨\d+⟩)?[^⟨⟩;]{{0,40}}?{_JOIN}{_HEDGE}{_FIG.format('p')}"
    ),
    re.compile(rf"{_FIG.format('p')}[^⟨⟩;]{{0,40}}?{_JOIN}{_HEDGE}(?P<frac>{_FRACTION})\b"),
]


# "one in five, or 25%" when extraction has read "one in five" (20%) or "a third" (0.33) itself.
_PAIRED_SHARES_NEED = 2
_PAIRED_SHARES = [
    re.compile(rf"{_FIG.format('r')}[^⟨⟩;]{{0,40}}?{_JOIN}{_HEDGE}{_FIG.format('p')}"),
    re.compile(rf"{_FIG.format('p')}[^⟨⟩;]{{0,40}}?{_JOIN}{_HEDGE}{_FIG.format('r')}"),
]
_RATIO_TEXT = re.compile(r"\b(?:in|out of)\b", re.I)
_FRACTION_TEXT = re.compile(r"half|halves|third|quarter|fifth|tenth", re.I)


#: Either of the two: what share_range asks of a figure's text before anything else.
_SHARE_TEXT = re.compile(rf"{_RATIO_TEXT.pattern}|{_FRACTION_TEXT.pattern}", re.IGNORECASE)


def _share_text(fig: Figure) -> bool:
    """Whether the figure's text has what :func:`share_range` asks of it before anything else."""
    return _SHARE_TEXT.search(fig.text) is not None


def _may_pair(clause: Clause) -> bool:
    """Each paired-share match judges p against a figure r of one of the clause's tokens that
    share_range reads, which _share_text admits. (The clause's own tokens, not every figure of
    its sentence: a sentence of many clauses stays linear. A token of the text itself that names
    no figure lets the patterns run, as they always did.)"""
    figures = clause.figures
    for index in _TOKEN_INDEX.findall(clause.template):
        k = int(index)
        if k >= len(figures) or _share_text(figures[k]):
            return True
    return False


_TOKEN_INDEX = re.compile(r"⟨(\d+)⟩")


def share_range(fig: Figure) -> tuple[float, float] | None:
    """The percentages a ratio or fraction figure stands for ("one in five" 20, "a third" 33.3)."""
    lo, hi = stated_range(fig)
    if _is_percent(fig) and _RATIO_TEXT.search(fig.text):
        return lo, hi
    scale = 100.0 if fig.kind == "count" and 0 < fig.magnitude < 1 else 1.0 if _is_percent(fig) else 0.0
    if scale and _FRACTION_TEXT.search(fig.text):
        # Fractions in words are themselves rounded ("a third" for 31%); "about" rounds more.
        base = fig.magnitude * scale
        tolerance = max(2.0, 0.1 * base) + (0.1 * base if fig.approximate else 0.0)
        return base - tolerance, base + tolerance
    return None


def _ratio_value(clause: Clause, text: str) -> tuple[float, Figure | None]:
    if text.startswith("⟨"):
        fig = clause.figures[int(text[1:-1])]
        return fig.magnitude, fig
    if text.isdigit():
        return float(text), None
    return NUMBER_WORDS[text], None


_OTHER_BASE = re.compile(r" of (?!(?:the )?(?:total|them|those|these|all|the whole|the group)\b)")


def _other_base(clause: Clause, m: re.Match[str], name: str = "p") -> bool:
    """Whether the percentage is of another whole ("12 of 48 states, or 30% of the population")."""
    return bool(_OTHER_BASE.match(clause.template, m.end(name) + 1))  # past the closing ⟩


def _shares(ctx: CheckContext, clause: Clause) -> Iterator[Finding]:
    if not clause.percent or not _may_join(clause):
        return  # every share pattern below judges a percent figure p, joined by _JOIN
    prose = ctx.prose
    # Every pattern of _SHARES holds " of " (see _CHANGES_WORDS).
    for pattern in _SHARES if clause.tokens >= _SHARES_NEED and "of" in clause.words else ():
        for m in pattern.finditer(clause.template):
            x, y, p = clause.fig(m, "x"), clause.fig(m, "y"), clause.fig(m, "p")
            if not _is_percent(p) or _is_percent(x) or _is_percent(y) or not _comparable(x, y):
                continue
            if any(pattern is _SHARES[i] for i in _OTHER_BASE_AFTER) and _other_base(clause, m):
                continue
            value_x = _in(x, y.value._units)
            lo_x, hi_x = _bounds_at(x, value_x)
            lo_y, hi_y = _bounds(y, y.value._units)
            if lo_y <= 0:
                continue
            actual = (lo_x / hi_y * 100, hi_x / lo_y * 100)
            if _overlap(stated_range(p), actual):
                continue
            exact = value_x / y.magnitude * 100
            yield ctx.finding(
                SHARE,
                p,
                f"{x.text} of {y.text} is {_fmt(round(exact, 1))}%, not {p.text}.",
                related=(x, y),
                suggestion=_suggest_percent(p, exact),
            )
    for pattern in _RATIO_SHARES if _may_ratio(clause) and clause.tokens >= _RATIO_SHARES_NEED else ():
        for m in pattern.finditer(clause.template):
            p = clause.fig(m, "p")
            x, fx = _ratio_value(clause, m.group("x"))
            y, fy = _ratio_value(clause, m.group("y"))
            if not _is_percent(p) or y <= 0 or x > y or pattern is _RATIO_SHARES[0] and _other_base(clause, m):
                continue
            if any(f is not None and (f.kind != "count" or _is_percent(f)) for f in (fx, fy)):
                continue
            exact = x / y * 100
            if _overlap(stated_range(p), (exact - 0.5, exact + 0.5)):
                continue
            ratio = clause.span(m.start("x"), m.end("y"), prose)
            yield ctx.finding(
                SHARE,
                p,
                f'"{ratio.text}" is {_fmt(round(exact, 1))}%, not {p.text}.',
                related=(ratio,),
                suggestion=_suggest_percent(p, exact),
            )
    for pattern in _PAIRED_SHARES if clause.tokens >= _PAIRED_SHARES_NEED and _may_pair(clause) else ():
        for m in pattern.finditer(clause.template):
            r, p = clause.fig(m, "r"), clause.fig(m, "p")
            admitted = share_range(r)
            if admitted is None or not _is_percent(p) or share_range(p) is not None:
                continue
            if pattern is _PAIRED_SHARES[0] and _other_base(clause, m):
                continue
            if _overlap(stated_range(p), admitted):
                continue
            exact = r.magnitude * (100 if r.kind == "count" else 1)
            yield ctx.finding(
                SHARE,
                p,
                f'"{r.text}" is {"about " if r.kind == "count" else ""}{_fmt(round(exact, 1))}%, not {p.text}.',
                related=(r,),
                suggestion=_suggest_percent(p, exact),
            )
    for pattern in _FRACTION_SHARES if _may_fraction(clause) and clause.tokens >= _FRACTION_SHARES_NEED else ():
        for m in pattern.finditer(clause.template):
            p = clause.fig(m, "p")
            if not _is_percent(p) or pattern is _FRACTION_SHARES[0] and _other_base(clause, m):
                continue
            exact = FRACTIONS[m.group("frac")]
            tolerance = max(2.0, 0.1 * exact)  # fractions in words are themselves rounded
            if _overlap(stated_range(p), (exact - tolerance, exact + tolerance)):
                continue
            frac = clause.span(m.start("frac"), m.end("frac"), prose)
            yield ctx.finding(
                SHARE,
                p,
                f'"{frac.text}" is about {_fmt(round(exact, 1))}%, not {p.text}.',
                related=(frac,),
                suggestion=_suggest_percent(p, exact),
            )


# --------------------------------------------------------------------------------------------
# Sums
# --------------------------------------------------------------------------------------------

_PART = r"[^⟨⟩;:]{0,60}?"
# Each item is atomic: it runs to the next figure token whatever separator it used, so a failed
# match never retries other splits of earlier items (no exponential backtracking).
_LIST = rf"(?P<list>{_HEDGE}⟨\d+⟩(?>{_PART}(?:,|, and| and|;) [^⟨⟩;:,]{{0,25}}?⟨\d+⟩){{1,12}})"
_SUMS_NEED = 3
_SUMS = [
    # a total of 100: 40 in A, 30 in B and 20 in C / 100 cases — 40 in A, …  / 100 cases (40 …, 30 …)
    re.compile(rf"{_FIG.format('t')}[^⟨⟩;:]{{0,40}}?(?::| —| --| –| \() ?{_LIST}"),
    # 40 in A and 30 in B, for a total of 70
    re.compile(
        rf"{_LIST}{_PART},? (?:for (?:a|an overall) (?:total|combined)(?: of)?|a total of|totall?ing|"
        rf"a combined|making) {_HEDGE}{_FIG.format('t')}"
    ),
]
_OF_THE_NEED = 3  # the total and two parts: _sums asks for two _PART_OF pieces after it
_OF_THE = re.compile(rf"\bof (?:the|those|these|its|their|all) {_FIG.format('t')}(?P<rest>[^⟨⟩]{{0,40}}?), (?P<parts>.+)")
#: The words every _OF_THE match begins with, up to its total's token: led by a literal, this
#: search is a fast scan where _OF_THE's leading "\b" tries every position. A clause without it
#: is not searched with _OF_THE, and a clause with it is searched from its first match on.
_OF_THE_HEAD = re.compile(r"of (?:the|those|these|its|their|all) ⟨")
#: The same words before a figure is tokenised, for the sentence gate (_may_hold_arithmetic).
_OF_THE_WORDS = re.compile(r"of (?:the|those|these|its|their|all) ")


def _may_of_the(clause: Clause) -> bool:
    return "of" in clause.words and _OF_THE_HEAD.search(clause.template) is not None


_REMAINDER = re.compile(r"\b(?:the )?(?:remaining|rest|other|others)\b")
_PART_OF = re.compile(rf"{_HEDGE}⟨(\d+)⟩(?: (?:were|are|was|is|as) )?(?: ?(?:the )?(?P<word>[\w-]+))?")


def _total_interval(parts: Sequence[Figure], unit: UnitsContainer) -> tuple[float, float]:
    lo = hi = 0.0
    for part in parts:
        plo, phi = part.interval
        value = _in(part, unit)
        scale = value / part.magnitude if part.magnitude else 1
        half = uncertainty(part, inputs=True) * abs(scale)
        if plo == phi:
            plo = phi = value
        else:
            plo, phi = plo * scale, phi * scale
        lo += plo - half
        hi += phi + half
    return lo, hi


def _sum_finding(
    ctx: CheckContext,
    total: Figure,
    parts: Sequence[Figure],
    why: str,
    *,
    trim: str = "",
    others: _Values | None = None,
) -> Finding | None:
    """A finding when ``parts`` cannot add up to ``total``.

    ``trim`` says which end of the list may hold a figure that is not a part: "start" (a list
    read backwards from "for a total of") or "end" (a list read forwards from a colon). Any
    run of two or more parts from the other end that fits the total keeps the check quiet, and
    so does a figure of ``others`` (the clause's figures), not the total nor a part, that the parts
    do add up to.
    """
    unit = total.value._units
    if len(parts) < 2 or not all(_comparable(total, p) and p.kind == total.kind for p in parts):
        return None
    part_nouns = {_noun(p.noun) if p.noun else None for p in parts}
    if total.noun and len(part_nouns) == 1 and None not in part_nouns and part_nouns != {_noun(total.noun)}:
        return None  # "3 offices: 1,200 employees in Ohio, 800 employees in …" counts two things
    stated = stated_range(total)
    runs = [parts]
    if trim == "start":
        runs += [parts[i:] for i in range(1, len(parts) - 1)]
    elif trim == "end":
        runs += [parts[:i] for i in range(2, len(parts))]
    for run in runs:
        summed = _total_interval(run, unit)
        if math.isinf(summed[0]) and math.isinf(summed[1]) or _overlap(stated, summed):
            return None
    exact = sum(_in(p, unit) for p in parts)
    if not 1 / 3 <= exact / total.magnitude <= 3 if total.magnitude else True:
        return None  # so far off that the list is more likely the breakdown of another figure
    if others is not None and others.another(total, unit, exact, parts):
        return None  # "400 students, 30 teachers and 12 classrooms: 200 … and 200 …"
    listing = " + ".join(p.text for p in parts)
    return ctx.finding(
        SUM,
        total,
        f"{why}: {listing} = {_fmt(exact)}, but the stated total is {total.text}.",
        related=parts,
        suggestion=restyle(total, exact) if not _is_percent(total) else _percent_text(total, exact),
    )


def _may_announce(clause: Clause) -> bool:
    return _announces(clause.template)


def _announces(text: str) -> bool:
    """The first sum pattern announces its list with a colon, a dash or a bracket."""
    return ":" in text or " —" in text or " --" in text or " –" in text or " (" in text


def _may_total(clause: Clause) -> bool:
    return _totals(clause.template)


def _totals(text: str) -> bool:
    """Every way the second sum pattern names its total ("for a total of", "totaling", "a
    combined", "making") holds one of these words."""
    return "total" in text or "combined" in text or "making" in text


def _noun(noun: str) -> str:
    """A counted noun reduced for comparison ("Victims" -> "victim")."""
    word = noun.lower().split()[-1]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _list_figures(clause: Clause, start: int, end: int) -> list[Figure]:
    return [clause.figures[int(i)] for i in re.findall(r"⟨(\d+)⟩", clause.template[start:end])]


def _sums(ctx: CheckContext, clause: Clause) -> Iterator[Finding]:
    for pattern in _SUMS if clause.tokens >= _SUMS_NEED else ():
        if pattern is _SUMS[0] and not _may_announce(clause) or pattern is _SUMS[1] and not _may_total(clause):
            continue
        for m in pattern.finditer(clause.template):
            total = clause.fig(m, "t")
            parts = _list_figures(clause, m.start("list"), m.end("list"))
            if "including" in clause.template[m.start() : m.end()] or "among" in clause.template[m.start() : m.end()]:
                continue
            if pattern is _SUMS[0] and not _total_word_near(clause.template, m):
                continue
            trim = "end" if pattern is _SUMS[0] else "start"
            found = _sum_finding(ctx, total, parts, "The listed parts do not add up", trim=trim, others=clause.values)
            if found:
                yield found
    # "Of the 90 victims, 50 were women and 45 were men" / "… and the remaining 20"
    head = _OF_THE_HEAD.search(clause.template) if clause.tokens >= _OF_THE_NEED and "of" in clause.words else None
    for m in _OF_THE.finditer(clause.template, head.start()) if head else ():
        total = clause.fig(m, "t")
        parts_text = m.group("parts")
        pieces = list(_PART_OF.finditer(parts_text))
        if len(pieces) < 2:
            continue
        if "including" in parts_text[: pieces[-1].end()] or "among" in parts_text[: pieces[0].start()]:
            continue
        # Exhaustive when the last part is "the remaining 40" / "the rest", or when the parts
        # are named by a pair of words that split any whole ("women" and "men").
        parts: list[Figure] = []
        for i, piece in enumerate(pieces[1:], start=1):
            if _REMAINDER.search(parts_text[max(0, piece.start() - 16) : piece.start() + 1]) or _REMAINDER.match(
                parts_text, piece.end()
            ):
                parts = [clause.figures[int(p.group(1))] for p in pieces[: i + 1]]
                break
        if not parts:
            for pair in COMPLEMENTS:
                named = [p for p in pieces if p.group("word") in pair]
                if len(named) == 2 and {p.group("word") for p in named} == pair:
                    parts = [clause.figures[int(p.group(1))] for p in named]
                    break
        if not parts:
            continue
        if all(_is_percent(p) for p in parts) and not _is_percent(total):
            found = _hundred_finding(ctx, parts)  # "of the 1,000 polled, 60% … and 45% …"
        else:
            found = _sum_finding(ctx, total, parts, "The parts are said to make up the whole")
        if found:
            yield found
    yield from _percent_remainders(ctx, clause)


class _Values:
    """A sentence's figures by value, for asking whether one of them equals a sum.

    Built on first use: the figures grouped by kind and unit (which decide whether a figure is
    :func:`_comparable` with a total) and, per group and unit asked in, their values in that
    unit sorted once. An ask is then a binary search, not a pass over every figure of the
    sentence, so a sentence of many lists (each of which asks) stays linear.
    """

    __slots__ = ("_figures", "_groups", "_sorted")

    def __init__(self, figures: Sequence[Figure]) -> None:
        self._figures = figures
        self._groups: dict[tuple[str, object], list[Figure]] | None = None
        self._sorted: dict[tuple[tuple[str, object], object], tuple[list[float], list[Figure]]] = {}

    def another(self, total: Figure, unit: UnitsContainer, exact: float, parts: Sequence[Figure]) -> bool:
        """Whether a figure comparable with ``total``, neither it nor one of ``parts``, is
        ``exact`` in ``unit`` (to within 1e-9): ``any(_comparable(total, f) and abs(_in(f, unit)
        - exact) < 1e-9 for f in figures if f is not total and f not in parts)``."""
        if not math.isfinite(exact):
            return False  # abs(v - inf) is never below 1e-9 (inf, or nan for v = inf)
        if self._groups is None:
            groups: dict[tuple[str, object], list[Figure]] = {}
            for f in self._figures:
                groups.setdefault((f.kind, f.value._units), []).append(f)
            self._groups = groups
        for key, members in self._groups.items():
            if not _comparable(total, members[0]):
                continue  # _comparable reads only the kind and the unit: the whole group is not
            table = self._sorted.get((key, unit))
            if table is None:
                # A nan is never within 1e-9 of anything: left out, it cannot upset the order.
                pairs = sorted(((v, i) for i, f in enumerate(members) if not math.isnan(v := _in(f, unit))))
                table = self._sorted[key, unit] = ([v for v, _ in pairs], [members[i] for _, i in pairs])
            values, figures = table
            # v - exact rounds monotonically in v, so the values within 1e-9 of exact are a run.
            i = bisect_right(values, -1e-9, key=lambda v: v - exact)
            while i < len(values) and abs(values[i] - exact) < 1e-9:
                f = figures[i]
                if f is not total and f not in parts:
                    return True
                i += 1  # the total or a part: at most 1 + len(parts) of these
        return False


def _hundred_finding(ctx: CheckContext, parts: Sequence[Figure]) -> Finding | None:
    """A finding when shares said to make up a whole cannot add up to 100%."""
    summed = _total_interval(parts, parts[0].value._units)
    if summed[0] - 1e-9 <= 100 <= summed[1] + 1e-9:
        return None
    exact = sum(p.magnitude for p in parts)
    last = parts[-1]
    return ctx.finding(
        SUM,
        last,
        f"The shares are said to make up the whole: {' + '.join(p.text for p in parts)} = {_fmt(exact)}%, "
        "not 100%.",
        related=parts[:-1],
        suggestion=_percent_text(last, 100 - (exact - last.magnitude), decimals=_decimals(last)),
    )


_TOTAL_WORD = re.compile(r"\b(?:total|in all|altogether|combined|overall|in sum)\b")


def _total_word_near(template: str, m: re.Match[str]) -> bool:
    """Whether a list after a figure is announced as its breakdown.

    A colon, a dash or a bracket right after "100 cases" announces one; "a total of" or "in all"
    near the total makes it explicit.
    """
    head = template[max(0, m.start() - 24) : m.start("list")]
    # The announcing mark ends the text before the list: at most its last 5 characters (" -- "
    # and a newline before the end) are read, not the whole template once per list.
    end = m.start("list")
    return bool(_TOTAL_WORD.search(head)) or bool(re.search(r"(?::| —| --| –) ?$", template[max(0, end - 5) : end]))


_PERCENT_REMAINDER_NEED = 2


def _may_remain(clause: Clause) -> bool:
    return _remains(clause.template)


def _remains(text: str) -> bool:
    """Every remainder list closes on "remaining", "rest" or "other"."""
    return "remaining" in text or "rest" in text or "other" in text

_PERCENT_REMAINDER = re.compile(
    rf"(?P<list>{_HEDGE}⟨\d+⟩(?>{_PART}(?:,|, and| and|;) {_HEDGE}⟨\d+⟩){{0,8}}{_PART}(?:,|, and| and|;|, with) "
    rf"(?:the |and the )?(?:remaining|rest|other)(?: of the)?(?: of)? {_HEDGE}⟨\d+⟩)"
)


class _PercentBefore:
    """Whether a token of a percent figure ends at or before a position of a clause's template
    (``any(_is_percent(f) for f in _list_figures(clause, 0, end))``), asked at positions that
    never decrease, as a ``finditer`` gives its matches: the tokens are read once, in order, not
    from the template's start at every ask."""

    __slots__ = ("_figures", "_found", "_next", "_tokens")

    def __init__(self, clause: Clause) -> None:
        self._figures = clause.figures
        self._tokens = _TOKEN_INDEX.finditer(clause.template)
        self._next = next(self._tokens, None)
        self._found = False

    def __call__(self, end: int) -> bool:
        token = self._next
        while token is not None and token.end() <= end:
            # Every token is looked up, as _list_figures looks each one up.
            self._found = _is_percent(self._figures[int(token.group(1))]) or self._found
            token = next(self._tokens, None)
        self._next = token
        return self._found


def _percent_remainders(ctx: CheckContext, clause: Clause) -> Iterator[Finding]:
    """Percent parts closed by "the remaining 20%" must make 100%."""
    if not _may_remain(clause) or clause.tokens < _PERCENT_REMAINDER_NEED:
        return  # not searched: nor its tokens read for percent_before
    percent_before = _PercentBefore(clause)
    for m in _PERCENT_REMAINDER.finditer(clause.template):
        parts = _list_figures(clause, m.start("list"), m.end("list"))
        if len(parts) < 2 or not all(_is_percent(p) for p in parts):
            continue
        if percent_before(m.start("list")):
            continue  # a share before the list may be one of the parts: the list is not certain
        found = _hundred_finding(ctx, parts)
        if found:
            yield found


# --------------------------------------------------------------------------------------------
# Multiples
# --------------------------------------------------------------------------------------------

_MULT_WORD = alternation(MULTIPLIERS)
_TIMES = rf"(?:(?P<n>\b\d+(?:\.\d+)?|\b(?:{_RATIO_WORD})|⟨\d+⟩)[- ]?(?:times|fold)\b)"
_MULT = rf"(?P<mult>(?:(?P<mhedge>more than|nearly|almost|about|roughly|over|close to|at least) )?(?:\b(?:{_MULT_WORD})\b|{_TIMES}))"
_MULTIPLES_NEED = 2


_MULTIPLIER_WORDS = frozenset(MULTIPLIERS)


def _may_multiply(clause: Clause) -> bool:
    """Every multiple pattern holds a whole multiplier word ("doubled") or a run of letters that
    ends in "times" or "fold" ("3-fold", "twentyfold"), so the clause holds that text."""
    return not clause.words.isdisjoint(_MULTIPLIER_WORDS) or "times" in clause.template or "fold" in clause.template


# What follows the multiplier in the patterns below, written once for the patterns and for
# their gates (_MULTIPLES_AFTER): "doubled, up from", "twice as many as".
_MULT_UP_FROM = rf"(?: (?:by )?(?:{_UP_DOWN}))?,? from "
_COMPARATIVE = (
    "as many|as much|as large|as high|as big|as long|as fast|the number of|the level of|more|larger|higher|bigger|greater"
)
_MULTIPLES = [
    # doubled from 40 to 80 / more than tripled, from 10 to 35 / increased fivefold from 2 to 10
    re.compile(rf"{_MULT}{_MULT_UP_FROM}{_A_NOUN} to {_B}"),
    re.compile(rf"(?:\b(?:{_UP_DOWN}) )?{_MULT},? to {_HEDGE}{_FIG.format('b')},? from {_HEDGE}{_FIG.format('a')}"),
    re.compile(rf"\b(?:{_UP_DOWN}) {_MULT},? from {_A_NOUN} to {_B}"),
    # 300 murders, twice as many as the 120 … / 90, three times more than 20
    re.compile(
        rf"{_FIG.format('b')}[^⟨⟩;]{{0,40}}?{_MULT} (?P<comp>{_COMPARATIVE})\b[^⟨⟩;]{{0,30}}?\b(?:as|than)\b"
        rf"[^⟨⟩;]{{0,30}}?{_FIG.format('a')}"
    ),
    # 120, double the 60 of last year
    re.compile(
        rf"{_FIG.format('b')}(?:,| is| was| are| were|, or)? {_MULT} (?:(?:the|that of|that in|that for)\b"
        rf"[^⟨⟩;]{{0,30}}?)?{_FIG.format('a')}"
    ),
]
_MULTIPLES_WORDS = [_FROM_AND_TO, _FROM_AND_TO, _FROM_AND_TO, frozenset(), frozenset()]  # as _CHANGES_WORDS
#: What each multiple pattern holds right after its multiplier (the end of its ``mult`` group),
#: pattern by pattern: each is matched at the ends of the clause's multipliers (_mult_ends), and
#: a pattern is searched only when one follows. The patterns try their optional hedges and
#: multipliers at every position of the clause; most clauses of a multiplier fit one of them.
_MULTIPLES_AFTER = [
    re.compile(_MULT_UP_FROM),
    re.compile(r",? to "),
    re.compile(r",? from "),
    re.compile(rf" (?:{_COMPARATIVE})\b"),
    re.compile(r" (?:the|that of|that in|that for|⟨)"),
]


def _mult_ends(clause: Clause) -> list[int]:
    """Where a ``mult`` group of the multiple patterns can end in the clause's template: after a
    whole multiplier word, or after "times" or "fold" before a word boundary (``_TIMES``)."""
    template = clause.template
    ends = [start + len(word) for word in clause.words & _MULTIPLIER_WORDS for start in _word_starts(template, (word,))]
    for core in ("times", "fold"):
        at = template.find(core)
        while at >= 0:
            end = at + len(core)
            if end == len(template) or not _word_char(template[end]):
                ends.append(end)
            at = template.find(core, at + 1)
    return ends


_MULT_NAMES = {2: "doubled", 3: "tripled", 4: "quadrupled", 0.5: "halved"}
_TIMES_NAMES = {2: "twice", 3: "three times", 4: "four times", 5: "five times", 10: "ten times", 0.5: "half"}


_MULT_WHOLE = re.compile(rf"\b(?:{_MULT_WORD})\b")


def _multiplier(clause: Clause, m: re.Match[str]) -> float | None:
    n = m.group("n")
    if n is not None:
        if n.startswith("⟨"):
            return clause.figures[int(n[1:-1])].magnitude
        return float(n) if n[0].isdigit() else NUMBER_WORDS.get(n)
    word = _MULT_WHOLE.search(m.group("mult"))
    return MULTIPLIERS[word.group(0)] if word else None


def _multiples(ctx: CheckContext, clause: Clause) -> Iterator[Finding]:
    prose = ctx.prose
    seen: set[tuple[int, int]] = set()
    words = clause.words
    template = clause.template
    ends = _mult_ends(clause) if _may_multiply(clause) and clause.tokens >= _MULTIPLES_NEED else ()
    for pattern, need, after in zip(_MULTIPLES, _MULTIPLES_WORDS, _MULTIPLES_AFTER) if ends else ():
        # A pattern is searched only when what it needs after its multiplier follows one.
        for m in pattern.finditer(template) if need <= words and any(after.match(template, e) for e in ends) else ():
            a, b = clause.fig(m, "a"), clause.fig(m, "b")
            if (a.start, b.start) in seen or not _comparable(a, b):
                continue
            if a.noun and b.noun and a.noun.lower() != b.noun.lower():
                continue  # "300 parks, twice as many as the 150 libraries": not one measure
            seen.add((a.start, b.start))
            factor = _multiplier(clause, m)
            if not factor or factor <= 0:
                continue
            unit = a.value._units
            value_a, value_b = _in(a, unit), _in(b, unit)
            lo_a, hi_a = _bounds_at(a, value_a)
            lo_b, hi_b = _bounds_at(b, value_b)
            if lo_a <= 0:
                continue
            ratio = (lo_b / hi_a, hi_b / lo_a)
            hedge = m.group("mhedge")
            comp = m.groupdict().get("comp") or ""
            high = factor + 1 if comp in ("more", "larger", "higher", "bigger", "greater") and factor >= 2 else factor
            if hedge in ("more than", "over", "at least"):
                admitted = (factor * 0.98, math.inf)
            elif hedge in ("nearly", "almost", "close to"):
                admitted = (factor * 0.75, high * 1.02)
            elif hedge in ("about", "roughly"):
                admitted = (factor * 0.8, high * 1.25)
            else:
                admitted = (factor * 0.9, high * 1.12)
            if factor < 1 and re.search(r"(?:ed|ing)$", m.group("mult")):
                # A verb of shrinking turns the hedge round: "more than halved" fell by more than
                # half (ratio under 0.5), "nearly halved" by a little less (ratio a little over).
                if hedge in ("more than", "over", "at least"):
                    admitted = (0.0, factor * 1.02)
                elif hedge in ("nearly", "almost", "close to"):
                    admitted = (factor * 0.98, factor / 0.75)
            if _overlap(admitted, ratio):
                continue
            exact = value_b / value_a
            word = clause.span(m.start("mult"), m.end("mult"), prose)
            yield ctx.finding(
                MULTIPLE,
                word,
                f'"{word.text}" does not fit {a.text} and {b.text}: {b.text} is {_fmt(round(exact, 2))} times '
                f"{a.text}.",
                related=(a, b),
                suggestion=_suggest_multiple(word.text, exact, a, b),
            )


def _suggest_multiple(word: str, exact: float, a: Figure, b: Figure) -> str | None:
    nearest = min((*_MULT_NAMES, *_TIMES_NAMES), key=lambda k: abs(math.log(exact / k)))
    close = abs(exact / nearest - 1) < 0.08
    lower = word.lower()
    if any(lower.endswith(v) for v in ("doubled", "tripled", "trebled", "quadrupled", "halved", "fold")):
        if close and nearest in _MULT_NAMES:
            return _MULT_NAMES[nearest]
        change = (exact - 1) * 100
        return f"{'rose' if change > 0 else 'fell'} {_fmt(round(abs(change)))}%"
    if close and nearest in _TIMES_NAMES:
        return _TIMES_NAMES[nearest]
    return f"{_fmt(round(exact, 1))} times"


# --------------------------------------------------------------------------------------------
# The check
# --------------------------------------------------------------------------------------------


#: Whole words a family of patterns needs when a clause holds two figure tokens but no percent
#: (changes, multiples, percent remainders): each is a run of a clause's letters, so it stands in
#: the lower-cased sentence too.
_CHANGE_WORD = re.compile(alternation(_CHANGE_WORDS))
_MULTIPLY_WORD = re.compile(alternation({*MULTIPLIERS, "times", "fold"}))
_FRACTION_WORD = re.compile(alternation(_FRACTION_LAST_WORDS))


def _may_hold_arithmetic(text: str, figures: Sequence[Figure]) -> bool:
    """Whether a clause of the sentence can find anything, before its ranges are split and its
    template is built.

    Asked with the sentence as :func:`_sentence_text` gives it and the figures that start in it.
    It asks what the families' gates ask of a clause (see :func:`_families`) of the sentence's
    text: a clause holds at most one token per figure and two per range (:func:`endpoints`
    splits each in two); it holds a percent only if a figure is one, or a range or two figures
    side by side are read anew (their ends may be); and each of its words and each stretch of its
    template between tokens stands in the text, so each substring test of a gate holds of the
    text when it holds of a clause. A clause of one token can match only the ratio and fraction
    shares; a remainder's parts are percents; a bare change needs "from". Most sentences with two
    figures or more still find nothing: splitting their ranges and building their templates cost
    more than this.
    """
    if "⟨" in text:
        return True  # a token of the text itself names no figure: let the patterns see it
    ranges = sum(1 for f in figures if f.low is not None and f.high is not None)
    tokens = len(figures) + ranges  # the most tokens a clause of the sentence can hold
    percent = (
        ranges > 0
        or any(map(_percent_or_points, figures))
        or any(b.start - a.end <= 5 for a, b in pairwise(figures))  # as endpoints() reads
    )
    if (  # the shares (see _may_shares)
        percent
        and ("or" in text or _joins(text))
        and (tokens >= 2 or " in " in text or " out of " in text or _FRACTION_WORD.search(text) is not None)
    ):
        return True
    if tokens < 2:
        return False
    if ("from" in text or percent and tokens >= 3) and _CHANGE_WORD.search(text) is not None:  # _may_changes
        return True
    if _MULTIPLY_WORD.search(text) is not None:  # _may_multiples
        return True
    if percent and _remains(text):  # a percent remainder (see _may_sums)
        return True
    return tokens >= 3 and (_announces(text) or _totals(text) or _OF_THE_WORDS.search(text) is not None)  # sums


def _by_sentence(ctx: CheckContext) -> Iterator[tuple[Span, list[Figure]]]:
    """Each sentence that holds a figure's start, in order, with those figures in order of start.

    One sort per document; a figure's sentence is looked up only when it starts past the
    sentence of the figure before it.
    """
    frame = ctx.extraction.frame
    sentences = frame.sentences
    index, following = -1, -1
    figures: list[Figure] = []
    for fig in sorted(ctx.figures, key=_START):
        if fig.start >= following or index < 0:
            found = frame.sentence_index(fig.start)
            if found != index:
                if figures:
                    yield sentences[index], figures
                index, figures = found, []
            following = sentences[index + 1].start if index + 1 < len(sentences) else math.inf
        figures.append(fig)
    if figures:
        yield sentences[index], figures


def _one_plain_figure(prose: str, sentence: Span, figures: Sequence[Figure]) -> bool:
    """Whether the sentence holds one figure, neither a range nor a percent or points, and no "⟨":
    its clauses hold one token and no percent, which no pattern can use (see
    :func:`_may_hold_arithmetic`), so it is turned away before it is lower-cased."""
    if len(figures) != 1:
        return False
    fig = figures[0]
    return (
        (fig.low is None or fig.high is None)
        and not _percent_or_points(fig)
        and prose.find("⟨", sentence.start, sentence.end) < 0
    )


def run(ctx: CheckContext) -> Iterable[Finding]:
    """Redo the arithmetic of every clause; one finding per rule and span at most."""
    prose = ctx.prose
    seen: set[tuple[str, int, int]] = set()
    for sentence, figures in _by_sentence(ctx):
        if _one_plain_figure(prose, sentence, figures):
            continue  # most sentences stop here, or at the next gate
        text = _sentence_text(prose, sentence)
        if not _may_hold_arithmetic(text, figures):
            continue  # most sentences of several figures stop here
        inside = endpoints(prose, _within(sentence, figures))
        whole = _template(prose, sentence, inside, text)
        families = _families(whole)
        if not families:
            continue  # no clause of it can find anything: not cut into clauses
        for clause in _split(whole):
            # A sentence of one clause (most) is its whole template: its families are known.
            for family in families if clause is whole else _families(clause):
                for finding in family(ctx, clause):
                    key = (finding.rule, finding.start, finding.end)
                    if key not in seen:
                        seen.add(key)
                        yield finding


def _families(clause: Clause) -> list[Callable[[CheckContext, Clause], Iterator[Finding]]]:
    """The families of patterns to call on the clause, in order: each only when one of its
    patterns would be searched (the same gates stand inside, per pattern), as calling it costs
    more than the gate."""
    found: list[Callable[[CheckContext, Clause], Iterator[Finding]]] = []
    if _may_changes(clause):
        found.append(_changes)
    if _may_shares(clause):
        found.append(_shares)
    if _may_multiples(clause):
        found.append(_multiples)
    if _may_sums(clause):
        found.append(_sums)
    return found


# Whether a family searches any of its patterns in the clause: the union of the gates each
# family puts on its patterns. They read only the clause's tokens, words and text, and a
# sentence's whole template has at least those of each of its clauses, so asked of it they tell
# whether any clause of the sentence can find anything (see run).


def _may_changes(clause: Clause) -> bool:
    if clause.tokens < _BARE_CHANGES_NEED or not _may_change(clause):
        return False
    words = clause.words
    return any(need <= words for need in _BARE_CHANGES_WORDS) or (
        clause.percent and clause.tokens >= _CHANGES_NEED and any(need <= words for need in _CHANGES_WORDS)
    )


def _may_shares(clause: Clause) -> bool:
    tokens = clause.tokens
    return clause.percent and _may_join(clause) and (
        tokens >= _SHARES_NEED
        and "of" in clause.words
        or tokens >= _RATIO_SHARES_NEED
        and _may_ratio(clause)
        or tokens >= _FRACTION_SHARES_NEED
        and _may_fraction(clause)
        or tokens >= _PAIRED_SHARES_NEED
        and _may_pair(clause)
    )


def _may_multiples(clause: Clause) -> bool:
    return clause.tokens >= _MULTIPLES_NEED and _may_multiply(clause)


def _may_sums(clause: Clause) -> bool:
    tokens = clause.tokens
    return (
        tokens >= _SUMS_NEED
        and (_may_announce(clause) or _may_total(clause))
        or tokens >= _OF_THE_NEED
        and _may_of_the(clause)
        or tokens >= _PERCENT_REMAINDER_NEED
        and _may_remain(clause)
    )


__all__ = ["CLAUSE_BREAK", "RULES", "clauses", "precision", "restyle", "run", "stated_range", "uncertainty"]
