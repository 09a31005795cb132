"""Reference range and magnitude slip: figures that disagree with a sourced reference in a pack.

## What it flags

A figure about a subject a pack holds a sourced range for, that falls outside that range.
A reference applies to a figure when all of these hold:

- the figure's sentence contains one of the reference's ``keywords`` (or the figure counts one of
  them, or the sentence says "the number"/"the figure" and the previous sentence has one);
- every word of its ``context`` (or one of each group of alternatives) stands in the same or the
  previous sentence;
- the units are compatible (dollars with dollars, counts with counts, kilometres with miles);
- the article was published inside the reference's ``valid_from``/``valid_until`` window;
- the time scope matches: a ``period_start = 2014`` reference only takes figures scoped
  "since 2014", a ``period = 2021`` one only figures scoped to 2021 ("$450 million in 2021" is
  never held against a since-2014 total);
- the figure is a total, not a change ("100,000 more troops", "another $500 million");
- the modality matches: a ``modality = "projection"`` reference only takes projections ("could
  reach 150,000"); any other reference leaves projections alone.

The figure's bounds are respected as copy means them: "more than $2.5 billion" is consistent
with a range up to $3 billion; "nearly X" stays within 15% below X, and an open bound ("more
than X", "up to X") reaches three times X (or a third of it); a round figure is allowed its
rounding ("$2 billion" covers 1.5 to 2.5 billion). Outside the range is ``reference-range``
(``error``; ``warning`` for a projection or estimate reference, and for an open bound that is
only literally true, such as "more than $500 million" for $2.5 billion; a reference can set its
own ``severity``). When multiplying the figure by a power of
ten (10^±1 to 10^±4, or a thousand/million/billion slip of 10^±6 or 10^±9) lands it inside
the range, the finding is ``magnitude-slip`` instead, with the corrected figure written in the
article's own style.

## Why it matters

Magnitude slips ("million" for "billion", a dropped decimal point) survive proofreading
because the sentence still reads well; only a reader who knows the figure sees it.

## Example

Published 2021-12-08, with the shipped ``ukraine-2021`` pack:
"the United States has provided more than $250 billion in arms, weapons, and other military
equipment since 2014" -> ``magnitude-slip`` (error) on "$250 billion", suggestion "$2.5 billion",
reference ``ukraine-2021/us-security-assistance-ukraine``.

## Use instead

"more than $2.5 billion in security assistance since 2014" — or, if the new figure is right,
update the pack entry with its source.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable

from verify import units
from verify.checks._base import CheckContext, Rule
from verify.model import Figure, Finding, Span
from verify.packs import Reference, has_any_phrase, has_phrase

RULES = (
    Rule("reference-range", "VR101", "error", "A figure outside the sourced reference range a pack gives for its subject."),
    Rule("magnitude-slip", "VR102", "error", "A figure a power of ten away from a sourced reference range: a slipped magnitude."),
)
RANGE, SLIP = RULES

#: Powers of ten tried for a slip, nearest first: decimal slips, then thousand/million/billion.
SLIP_POWERS = (-1, 1, -2, 2, -3, 3, -4, 4, -6, 6, -9, 9)
#: Hedges that keep a figure close to its number on the open side: "nearly $25 billion" is not
#: $2.5 billion, though "up to" and "more than" are open-ended.
NEAR_HEDGES = frozenset(
    (
        "nearly", "almost", "about", "around", "roughly", "approximately", "some", "close to", "just below",
        "just under", "just shy of", "just over", "just above", "slightly more than", "slightly less than",
        "a little over", "a little under", "approaching",
    )
)
NEAR = 0.15
#: How far an open bound reaches as copy means it: "more than X" up to 3X, "up to X" down to X/3.
OPEN_FACTOR = 3.0
#: Words that make a sentence refer back to what the previous sentence counted.
ANAPHORA = re.compile(r"\b(?:the|that|this|their|its) (?:number|figure|total|tally|count|estimate|sum|amount)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:]|\s(?:--|—|–)\s|\b(?:and|but) (?:that|said|say|says)\b|\bwhile\b|\bwhereas\b")
_INCREMENT_AFTER = re.compile(r"\s+(?:more|additional|extra|fewer|new|further)\b", re.IGNORECASE)
_INCREMENT_BEFORE = re.compile(r"\b(?:another|an additional|an extra|a further|additional)\s+$", re.IGNORECASE)
_SINCE = re.compile(r"\bsince (?:(?:early|late|mid)[ -])?(1[89]\d\d|2\d\d\d)\b", re.IGNORECASE)
_IN_YEAR = re.compile(r"\b(?:in|during|for) (1[89]\d\d|2\d\d\d)\b", re.IGNORECASE)
_MAGNITUDE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_MAGNITUDE_ABBR = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "t": 1e12}
_NUMERAL = re.compile(r"\d{1,3}(?:[,\u00a0\u2007\u2009\u202f]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+")
#: Deletes the group separators of a numeral ("2,500", "2\u00a0500").
_UNGROUP = str.maketrans("", "", ",\u00a0\u2007\u2009\u202f")
_WORD_AFTER = re.compile(r"(\s?)(thousand|million|billion|trillion|mn|mln|bn|tn|[kmbt])\b", re.IGNORECASE)


def run(ctx: CheckContext) -> Iterable[Finding]:
    references = [r for pack in ctx.packs for r in pack.references if r.applies_on(ctx.published)]
    if not references:
        return
    for figure in ctx.figures:
        increment = None  # whether the figure is a change (read once, for the first reference named around it)
        for reference in references:
            if not _same_kind_of_unit(figure, reference.unit):
                continue
            if reference.nouns and not _noun_is_any(figure.noun, reference.nouns):
                continue
            if not _named(ctx, figure, reference):
                continue  # (asked first: its words are read once per sentence, and most figures are about no reference)
            if increment is None:
                increment = _increment(ctx, figure)
            if increment:
                continue
            # A figure that meets the range gives no finding whatever its context says: tested
            # before the context (source, modal words, time scope) is read for the rest of applies.
            if _agrees(figure, reference):
                continue
            if _context_applies(ctx, figure, reference):
                finding = _compare(ctx, figure, reference)
                if finding is not None:
                    yield finding
                    break


def applies(ctx: CheckContext, figure: Figure, reference: Reference) -> bool:
    """Whether ``reference`` is about ``figure`` (subject, units, time scope and modality)."""
    if not _same_kind_of_unit(figure, reference.unit):
        return False
    if reference.nouns and not _noun_is_any(figure.noun, reference.nouns):
        return False
    if _increment(ctx, figure) or not _named(ctx, figure, reference):
        return False
    return _context_applies(ctx, figure, reference)


def _increment(ctx: CheckContext, figure: Figure) -> bool:
    """Whether the figure is a change, not a total: "100,000 more troops", "another $500 million"."""
    prose = ctx.prose
    return bool(
        _INCREMENT_AFTER.match(prose, figure.end) or _INCREMENT_BEFORE.search(prose, max(0, figure.start - 12), figure.start)
    )


def _named(ctx: CheckContext, figure: Figure, reference: Reference) -> bool:
    """Whether the figure's sentence (or the one an anaphor there points back to) or its noun
    names the reference's subject, with the reference's context words around it."""
    sentence = _sentence(ctx, figure)
    if not (_names(ctx, sentence, reference) or _noun_is_any(figure.noun, reference.keywords)):
        return False
    return _in_context(ctx, sentence, reference)


def _context_applies(ctx: CheckContext, figure: Figure, reference: Reference) -> bool:
    """The tests of ``applies`` that read the figure's context: modality and time scope (its
    source, modal words and time scope are read only when first asked for, and most figures are
    about no reference)."""
    modality = modality_of(figure)
    if reference.modality is not None:
        if modality != reference.modality:
            return False
    elif modality == "projection":
        return False
    return _scope_matches(ctx, figure, reference)


def _names(ctx: CheckContext, sentence: Span, reference: Reference) -> bool:
    """Whether the sentence names the reference's subject, or an anaphor there ("the figure")
    points back to a sentence that does: read once per sentence and reference (a sentence of
    many figures stays linear)."""
    key = (_names, sentence.start, id(reference))
    found = ctx.memo.get(key)
    if found is None:
        keywords = reference.keywords
        # (has_any_phrase lower-cases a text once for all the phrases, not once per phrase)
        found = ctx.memo[key] = has_any_phrase(sentence.text, keywords) or (
            ANAPHORA.search(sentence.text) is not None and has_any_phrase(_previous_sentence(ctx, sentence), keywords)
        )
    return found  # type: ignore[return-value]


def _in_context(ctx: CheckContext, sentence: Span, reference: Reference) -> bool:
    """Whether the sentence and the one before hold the reference's context words: read once
    per sentence and reference, and only for a sentence about the reference's subject."""
    key = (_in_context, sentence.start, id(reference))
    found = ctx.memo.get(key)
    if found is None:
        around = _previous_sentence(ctx, sentence) + "\n" + sentence.text
        found = ctx.memo[key] = all(has_any_phrase(around, alternatives) for alternatives in reference.context)
    return found  # type: ignore[return-value]


def modality_of(figure: Figure) -> str:
    """The figure's modality, unless the modal words belong to a later clause.

    In "about 70,000 troops are in place, and the force could grow to 250,000", "could grow"
    governs 250,000, not 70,000: a modal that only stands after the figure, past a clause
    boundary (a comma, a dash, "while", "and that"), does not make it a projection.
    """
    context = figure.context
    if context is None:
        return "reported"
    if context.modality == "reported" or not context.modal:
        return context.modality
    sentence = context.sentence
    text = sentence.text
    offset = figure.end - sentence.start
    hits = [m.start() for m in re.finditer(re.escape(context.modal), text, re.IGNORECASE)]
    if hits and all(h >= offset for h in hits):
        between = text[offset : hits[0]]
        if _CLAUSE_BREAK.search(between):
            return "reported"
    return context.modality


def _compare(ctx: CheckContext, figure: Figure, reference: Reference) -> Finding | None:
    """Compare a figure with a reference that applies to it; a finding when they disagree.

    The figure is read as copy means it: "nearly X" within 15% below X, "more than X" up to
    three times X, "up to X" down to a third of X. Taken that way and allowed its rounding,
    it must meet the reference range. If not, a power of ten that brings it inside makes a
    magnitude slip; else it is out of range — an error, or a warning when only the literal
    reading of an open bound ("more than $500 million" for $2.5 billion) reaches the range.
    """
    if _agrees(figure, reference):
        return None
    literal_low, literal_high, value = _in_unit(figure, reference.unit, open_factor=math.inf)
    projection = reference.modality in ("projection", "estimate")
    citation = reference.citation
    core = core_span(figure)
    where = f"{reference.subject} is {reference.describe()} according to {reference.source}" + (
        f" (as of {reference.as_of})" if reference.as_of else ""
    )
    for power in SLIP_POWERS:
        scaled = value * 10.0**power
        if _inside(scaled, rounding(scaled) / 2, reference.min, reference.max):
            suggestion = restate(core.text, figure.number, 10.0**power)
            factor = f"{10 ** abs(power):,}"
            direction = "too large" if power < 0 else "too small"
            message = (
                f"{core.text!r} looks {factor} times {direction}: {where}."
                + (f" Did you mean {suggestion!r}?" if suggestion else "")
            )
            return ctx.finding(SLIP, core, message, severity=reference.severity, suggestion=suggestion, reference=citation)
    attributed = f" ({_modality_words(figure)})" if reference.modality else ""
    if _overlaps(literal_low, literal_high, reference.min, reference.max):
        message = (
            f"{core.text!r}{attributed} is true only as an open bound, far from the reference: {where}. "
            "Give the figure itself."
        )
        return ctx.finding(RANGE, core, message, severity=reference.severity or "warning", reference=citation)
    message = f"{core.text!r}{attributed} is outside the reference range: {where}."
    severity = reference.severity or ("warning" if projection else None)
    return ctx.finding(RANGE, core, message, severity=severity, reference=citation)


def _agrees(figure: Figure, reference: Reference) -> bool:
    """Whether the figure, read as copy means it and allowed its rounding, meets the range."""
    low, high, value = _in_unit(figure, reference.unit, open_factor=OPEN_FACTOR)
    tolerance = rounding(value) / 2 if not figure.approximate else max(rounding(value) / 2, abs(value) * 0.05)
    return _overlaps(low - tolerance, high + tolerance, reference.min, reference.max)


# ---------------------------------------------------------------------------------------------
# Matching


#: Whether a unit (a quantity's unit container) converts to a named unit, and whether it is of
#: the same kind: a pure function of the two units, asked for every figure and reference or
#: bound (pint compares dimensionalities slowly).
_UNIT_FIT: dict[tuple[object, str], tuple[bool, bool]] = {}


def unit_fit(figure: Figure, unit_name: str) -> tuple[bool, bool]:
    """Whether the figure's unit is compatible with ``unit_name`` (converts to it), and whether
    it is of the same kind as well (:func:`_same_kind_of_unit`); remembered per pair of units."""
    key = (figure.value._units, unit_name)
    found = _UNIT_FIT.get(key)
    if found is None:
        compatible = units.compatible(figure.value, units.one(unit_name))
        found = _UNIT_FIT[key] = (compatible, compatible and _read_same_kind(figure, unit_name))
    return found


def _same_kind_of_unit(figure: Figure, unit_name: str) -> bool:
    """Compatible units, with percent, percentage points and plain counts kept apart."""
    return unit_fit(figure, unit_name)[1]


def _read_same_kind(figure: Figure, unit_name: str) -> bool:
    if not units.compatible(figure.value, units.one(unit_name)):
        return False
    if units.dimensionless(unit_name):
        return _dimensionless_family(units.unit_name(figure.value)) == _dimensionless_family(unit_name)
    return True


def _dimensionless_family(name: str) -> str:
    return "percent" if name in ("percent", "%") else name if name == "percentage_point" else "count"


@functools.lru_cache(maxsize=4096)  # a pure function of a counted noun and a pack's words
def _noun_is_any(noun: str | None, words: tuple[str, ...]) -> bool:
    """Whether the counted noun is one of ``words`` (``_noun_is``), asked once per noun and tuple."""
    return any(_noun_is(noun, word) for word in words)


def _noun_is(noun: str | None, word: str) -> bool:
    if not noun:
        return False
    return has_phrase(noun, word) or has_phrase(word, noun)


def _scope_matches(ctx: CheckContext, figure: Figure, reference: Reference) -> bool:
    if reference.period_start is None and reference.period is None:
        return True
    start, end, stated = _scope(ctx, figure)
    if not stated:
        return False
    if reference.period_start is not None:
        return start == reference.period_start and (end is None or end > start)
    return start == reference.period and end == reference.period


def _scope(ctx: CheckContext, figure: Figure) -> tuple[int | None, int | None, bool]:
    """The figure's time scope (start year, end year, whether one is stated).

    The extraction's scope when it found one; otherwise a "since 2014" or "in 2021" that stands
    alone in the figure's sentence.
    """
    context = figure.context
    if context is not None and (context.scope or context.scope_start is not None):
        return context.scope_start, context.scope_end, True
    sentence = _sentence(ctx, figure)
    key = (_sentence_scope, sentence)
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = _sentence_scope(sentence.text)
    return found  # type: ignore[return-value]


def _sentence_scope(sentence: str) -> tuple[int | None, int | None, bool]:
    """The lone "since 2014" or "in 2021" of a sentence; read once per sentence, not per figure."""
    since = _SINCE.findall(sentence)
    years = _IN_YEAR.findall(sentence)
    if len(since) == 1 and not years:
        return int(since[0]), None, True
    if len(years) == 1 and not since:
        return int(years[0]), int(years[0]), True
    return None, None, False


def _sentence(ctx: CheckContext, figure: Figure) -> Span:
    """The figure's sentence: its context's, which is the frame's sentence at the figure (read
    from the frame, so that the figure's context is not read for it)."""
    return ctx.sentence(figure.start)


def _previous_sentence(ctx: CheckContext, sentence: Span) -> str:
    sentences = ctx.extraction.frame.sentences
    index = ctx.extraction.frame.sentence_index(sentence.start)
    if index > 0 and sentences[index].start >= sentence.start:
        return sentences[index - 1].text
    return ""


def _in_unit(figure: Figure, unit_name: str, *, open_factor: float) -> tuple[float, float, float]:
    """The figure's interval and value as magnitudes in ``unit_name``.

    An open side reaches ``open_factor`` times the figure (a third of it below), or 15% for a
    near hedge ("nearly", "just over").
    """
    target = units.unit(unit_name)
    dimensionless = units.dimensionless(unit_name)

    def conv(q):
        # (pint hands back the magnitude itself for a quantity already in the unit)
        return float(q.magnitude) if dimensionless or q._units == target._units else float(q.to(target).magnitude)

    value = conv(figure.value)
    near = (figure.qualifier or "").strip().lower() in NEAR_HEDGES
    if near:
        open_low, open_high = value * (1 - NEAR), value * (1 + NEAR)
    elif math.isinf(open_factor):
        open_low, open_high = -math.inf, math.inf
    else:
        open_low, open_high = value / open_factor, value * open_factor
    low = conv(figure.low) if figure.low is not None else (open_low if figure.high is not None else value)
    high = conv(figure.high) if figure.high is not None else (open_high if figure.low is not None else value)
    return low, high, value


def _overlaps(low: float, high: float, ref_min: float | None, ref_max: float | None) -> bool:
    lo = -math.inf if ref_min is None else ref_min
    hi = math.inf if ref_max is None else ref_max
    return low <= hi and lo <= high


def _inside(value: float, tolerance: float, ref_min: float | None, ref_max: float | None) -> bool:
    return _overlaps(value - tolerance, value + tolerance, ref_min, ref_max)


def rounding(value: float) -> float:
    """The place value of the last non-zero digit of ``value`` (0 for zero): 250e9 -> 1e10."""
    value = abs(value)
    if value == 0 or not math.isfinite(value):
        return 0.0
    place = 10.0 ** math.floor(math.log10(value))
    for _ in range(15):
        if abs(value / place - round(value / place)) < 1e-6:
            return place
        place /= 10
    return place


def _modality_words(figure: Figure) -> str:
    context = figure.context
    bits = []
    if context is not None and context.modal:
        bits.append(f"“{context.modal}”")
    if context is not None and context.attribution:
        bits.append(f"attributed to {context.attribution}")
    return ", ".join(bits) or (context.modality if context else "reported")


# ---------------------------------------------------------------------------------------------
# Restating a figure in the article's style


def core_span(figure: Figure) -> Span:
    """The figure without its hedge: "$250 billion" in "more than $250 billion"."""
    text = figure.text
    start = 0
    qualifier = (figure.qualifier or "").strip()
    if qualifier and text.lower().startswith(qualifier.lower()):
        start = len(qualifier)
    while start < len(text) and text[start] in " \t\u00a0":
        start += 1
    if start >= len(text):
        start = 0
    return Span(figure.start + start, figure.end, text[start:])


def restate(text: str, number: str | None, factor: float) -> str | None:
    """``text`` with its numeral multiplied by ``factor``, keeping symbol and magnitude word.

    "$250 billion" x 0.01 -> "$2.5 billion"; "$2.5 million" x 1000 -> "$2.5 billion";
    "2,500" x 0.01 -> "25"; "25" x 100 -> "2,500"; "€3bn" x 10 -> "€30bn".
    """
    match = None
    if number:
        at = text.find(number)
        if at >= 0 and _NUMERAL.fullmatch(number.replace(" ", "")):
            match = (at, at + len(number))
    if match is None:
        found = _NUMERAL.search(text)
        if not found:
            return None
        match = found.span()
    start, end = match
    numeral = text[start:end]
    shown = float(numeral.translate(_UNGROUP))
    word = _WORD_AFTER.match(text, end)
    if word and word.group(2).lower() in ("m", "b", "t", "k") and word.group(1):
        word = None  # "5 m" is metres, not millions: one-letter abbreviations attach to the number
    if word:
        name = word.group(2)
        scale = _MAGNITUDE_WORDS.get(name.lower()) or _MAGNITUDE_ABBR[name.lower()]
        total = shown * scale * factor
        new_word, new_number = _pick_word(name, total)
        separator = word.group(1) if new_word else ""
        new = _format(new_number, numeral) + (separator + new_word if new_word else "")
        return text[:start] + new + text[word.end() :]
    return text[:start] + _format(shown * factor, numeral) + text[end:]


def _pick_word(name: str, total: float) -> tuple[str | None, float]:
    """The magnitude word (in the style of ``name``) that writes ``total`` as 1 to 999.x."""
    lower = name.lower()
    if lower in _MAGNITUDE_WORDS:
        family = _MAGNITUDE_WORDS
    else:
        family = {"k": 1e3, "m": 1e6, "bn": 1e9, "tn": 1e12} if lower in ("k", "m", "bn", "tn", "mn", "mln") else {
            "k": 1e3, "m": 1e6, "b": 1e9, "t": 1e12
        }
        if lower in ("mn", "mln"):
            family = {"k": 1e3, lower: 1e6, "bn": 1e9, "tn": 1e12}
    scale = family.get(lower, _MAGNITUDE_WORDS.get(lower, 1.0))
    if 1 <= total / scale < 1000:
        return name, total / scale
    best = None
    for word, size in family.items():
        if 1 <= total / size < 1000:
            best = (word, total / size)
    if best is None:
        if total < 1000:
            return None, total
        word, size = max(family.items(), key=lambda kv: kv[1])
        best = (word, total / size)
    word, shown = best
    if word == "thousand" and lower != "thousand":
        return None, total  # "175,000", not "175 thousand"
    if name[:1].isupper():
        word = word.capitalize() if len(word) > 2 else word.upper()
    return word, shown


def _format(value: float, original: str) -> str:
    """``value`` written like ``original``: thousands separators if it used them (or is big)."""
    value = float(f"{value:.10g}")
    digits = original.split(".")[0].translate(_UNGROUP)
    group = next((c for c in original if c in ",\u00a0\u2007\u2009\u202f"), ",")  # the writer's separator
    commas = group in original or len(digits) < 4
    if value.is_integer():
        text = f"{int(value):,}" if commas and abs(value) >= 1000 else f"{int(value)}"
    else:
        text = (f"{value:,.10f}" if commas else f"{value:.10f}").rstrip("0").rstrip(".")
    return text.replace(",", group)


__all__ = ["ANAPHORA", "RULES", "SLIP_POWERS", "applies", "core_span", "restate", "rounding", "run", "unit_fit"]
