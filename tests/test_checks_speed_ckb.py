"""The shortcuts of the plausibility, reference-range, conflicting-figures and date-order checks
find what the plain reading they replace finds."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import verify
from verify import units
from verify.checks import arithmetic
from verify.checks import conflicting_figures as cf
from verify.checks import date_order as do
from verify.checks import plausibility as pl
from verify.checks import reference_range as rr
from verify.checks._base import CheckContext
from verify.config import Config
from verify.model import Figure, Span
from verify.packs import has_any_phrase, has_phrase, resolve

#: Words of the shipped bounds' phrases, hedges, determiners and look-alikes, to build texts
#: that stand a figure next to (parts of) phrases.
_WORDS = (
    "aged", "age", "at", "of", "died", "turned", "lived", "to", "be", "will", "turn", "years", "year",
    "old", "woman", "olds", "voters", "the", "vote", "a", "an", "turnout", "was", "stake", "in",
    "market", "share", "baby", "newborn", "tall", "height", "weighing", "weight", "birth", "about",
    "nearly", "more", "than", "as", "many", "up", "some", "just", "over", "reached", "speed", "clocked",
    "yearly", "o'clock", "it’s", "...", "'", ".", "-", ",", "İ", "Aged", "YEARS", "Of", "’s", "birthday",
)  # fmt: skip
_FIGURES = ("130", "5", "$5 million", "80 kg", "112%", "3.5 percent", "2,400 km/h", "95 minutes", "2.9 meters", "12th")
_GLUE = (" ", "  ", "-", " - ", ", ", "\n")


def _old_before(prose: str, figure: Figure, index: pl._Index) -> set[int]:
    """The bounds whose before phrase ends the (normalised, hedge-free) window: the plain reading."""
    numeral = pl._NUMERAL.search(figure.text)
    found = set()
    for start in {figure.start, figure.start + (numeral.start() if numeral else 0)}:
        window = pl._window_before(prose[max(0, start - 60) : start])
        for position, phrase in index.before.get(window.rpartition(" ")[2], ()):
            if pl._ends_with(window, phrase):
                found.add(position)
    return found


def _old_after(prose: str, end: int, index: pl._Index) -> set[int]:
    """The bounds with an after phrase the words after ``end`` start with: the plain reading."""
    words = pl._words(prose[end : end + 80])
    return {p for first in words[:1] for p, phrase in index.after.get(first, ()) if pl._starts_with(words, phrase)}


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), max_size=14),
    st.lists(st.sampled_from(("about", "nearly", "more than", "up to", "as many as", "Some", "just over")), max_size=2),
    st.sampled_from(_FIGURES),
    st.lists(st.sampled_from(_WORDS), max_size=8),
    st.lists(st.sampled_from(_GLUE), min_size=25, max_size=25),
)
def test_plausibility_views_find_the_phrases_the_whole_index_finds(
    before: list[str], hedges: list[str], figure: str, after: list[str], glue: list[str]
) -> None:
    """A figure's view (its bounds' phrases only, a last-token gate before it and substring probes
    after it) finds every phrase of those bounds that the whole index finds, and no other."""
    words = [*before, *hedges, figure, *after]
    text = "".join(w + g for w, g in zip(words, glue, strict=False)) + "."
    extraction = verify.extract(text)
    index = pl._index(tuple(p for p in resolve((), Config()) if p.bounds))
    for fig in extraction.figures:
        if fig.kind == "label":
            continue
        view = index.view(fig)
        phrases = pl._Phrases(extraction.document.prose, fig, view)
        prose = extraction.document.prose
        assert phrases.before == _old_before(prose, fig, index) & view.measurable
        for end in {*phrases.ends, fig.end + 3}:
            assert phrases._after_at(end) == _old_after(prose, end, index) & view.measurable


def test_plausibility_views_see_the_shipped_phrases() -> None:
    """The views the gates and probes serve are not empty: counts read ages, percents shares."""
    index = pl._index(tuple(p for p in resolve((), Config()) if p.bounds))
    count = index.view(verify.extract("aged 130").figures[0])
    percent = index.view(verify.extract("112% of voters").figures[0])
    assert "aged" in count.before and count.probes and "year" in count.probes
    assert "of" in percent.after and "of" in (percent.probes or ())
    assert not set(count.after) & {"of", "stake"}  # a count never reads a share's phrases


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS + ("Turnout", "age of", "İs", "ſtake")), max_size=10),
    st.lists(st.sampled_from(("aged", "age of", "of voters", "stake", "year old", "turnout", "ıs", "")), max_size=4),
    st.booleans(),
)
def test_has_any_phrase_is_any_has_phrase(words: list[str], phrases: list[str], suffix: bool) -> None:
    """Lower-casing the text once for several phrases answers as asking for each phrase."""
    text = " ".join(words)
    assert has_any_phrase(text, phrases, suffix=suffix) == any(has_phrase(text, p, suffix=suffix) for p in phrases)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(("Ohio", "Ohioans", "ohio", " ", "a", ",", ";", "Z", ".", "_", "é", "1", "\n", "B.C")), max_size=12),
    st.sampled_from(("Ohio", "B.C", "A", "O'Neil")),
)
def test_conflicting_proper_word_search_is_the_pattern(pieces: list[str], word: str) -> None:
    """The str.find search for a word written capitalised inside a sentence finds what the
    per-word pattern found."""
    text = "".join(pieces)
    expected = re.search(rf"[a-z,;] {re.escape(word)}\b", text) is not None
    assert cf._written_inside(text, word) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(("A", "b", " ", "\n", "\t", "\u00a0", ";", ", while ", " whereas ", ", but ", "İ")), max_size=16))
def test_conflicting_clause_bounds_rewrite_only_other_whitespace(pieces: list[str]) -> None:
    """Clause bounds read without rewriting a sentence of plain spaces are those read after
    rewriting every whitespace character as a space."""
    text = "".join(pieces)
    sentence = Span(0, len(text), text)
    lowered = re.sub(r"\s", " ", text.lower())
    bounds, start = [], 0
    for m in [*arithmetic.CLAUSE_BREAK.finditer(lowered), None]:
        end = m.start() if m else len(lowered)
        if end > start:
            bounds.append((start, end))
        if m:
            start = m.end()
    assert cf._read_clause_bounds(text, sentence) == tuple(bounds)


@settings(max_examples=100, deadline=None)
@given(
    st.floats(min_value=-1e15, max_value=1e15, allow_nan=False),
    st.sampled_from(("USD", "count", "percent", "kilometer", "degC", "EUR")),
    st.sampled_from(("USD", "count", "percent", "percentage_point", "meter", "kilometer", "degF", "EUR")),
)
def test_reference_range_unit_shortcuts_agree_with_pint(value: float, unit: str, target: str) -> None:
    """The remembered unit kinds are pint's answer, and a quantity already in the reference's
    unit converts to its own magnitude, as the shortcut assumes."""
    q = units.quantity(value, unit)
    figure = Figure(text="x", start=0, end=1, kind="measure", value=q)
    assert rr._same_kind_of_unit(figure, target) == rr._read_same_kind(figure, target)
    if q._units == units.unit(target)._units:
        assert float(q.to(units.unit(target)).magnitude) == float(q.magnitude)
    elif rr._same_kind_of_unit(figure, target) and not units.dimensionless(target):
        assert rr._in_unit(figure, target, open_factor=3.0)[2] == float(q.to(units.unit(target)).magnitude)


_CHANGE_WORDS = (
    "from", "to", "up", "than", "compared", "with", "versus", "vs.", "vs", "against", "5", "%", "percent",
    "of", "the", "all", "its", "about", "nearly", "some", "just", "only", "roughly", "x", "upto", "1990",
)  # fmt: skip
_CHANGE_ENDS = (
    "from", "up to", "to", "than", "compared with", "vs.", "against", "5 of the", "% x of those", "percent of all",
    "2020 dollars of its", "x of the",
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_CHANGE_WORDS), max_size=8),
    st.lists(st.sampled_from((" ", " ", " ", "  ", "\n", "-", "")), min_size=8, max_size=8),
    st.sampled_from(_CHANGE_ENDS),
    st.lists(st.sampled_from(("about", "nearly", "some", "just", "only", "roughly", "x")), max_size=3),
    st.sampled_from(("", " ", "\n", " \n")),
)
def test_conflicting_change_before_searches_only_where_a_match_can_start(
    words: list[str], glue: list[str], change: str, hedges: list[str], end: str
) -> None:
    """Searching the words before a figure for "from"/"than"/"of the" … only past the spaces a
    match can hold answers as searching all of them."""
    lead = "".join(w + g for w, g in zip(words, glue, strict=False))
    for before in (lead + end, lead + " ".join([change, *hedges]) + end):
        assert cf._changes_before(before) == (cf._CHANGE_BEFORE.search(before) is not None)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(("aged", "supercentenarians", "x" * 30, "...", "'", " ", "  ", "-", "’s", "İ", ".5", "of", "\n")),
        max_size=12,
    )
)
def test_plausibility_last_token_is_the_last_of_the_tokens(pieces: list[str]) -> None:
    """The last token read from a window's end (a short tail first) is the last of its tokens."""
    text = "".join(pieces)[-60:]
    assert pl._last_token(text) == (pl._tokens(text) or [""])[-1]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ("Last", "year", "LAST YEAR", "the", "first", "quarter", "2020", "1999s", "March", "may", "mayor", "K", "ſ",
             "ı", "İ", "yesterday", "Today", "ſeptember", "this week", "x")
        ),
        max_size=10,
    ),
    st.lists(st.sampled_from((" ", "  ", "-", ", ", "")), min_size=10, max_size=10),
)
def test_conflicting_time_words_read_lower_ascii_as_the_pattern(words: list[str], glue: list[str]) -> None:
    """Time words found case-sensitively in lower-cased ASCII text (and case-insensitively in
    any other) are those TIME_WORDS finds, lower-cased."""
    text = "".join(w + g for w, g in zip(words, glue, strict=False))
    assert cf._time_words(text) == [m.group(0).lower() for m in cf.TIME_WORDS.finditer(text)]


_AGES = ("130", "122", "123", "45", "0", "more than 120", "about 125", "between 90 and 130", "up to 140", "112%",
         "99.5%", "101 percent", "-5", "123rd", "5th", "1,200", "2.9 meters", "80 kg", "2.72 m", "272 centimeters",
         "9 feet", "1.1 tonnes", "31 pounds", "45 km/h", "2,400 km/h", "130 mph", "123 years", "1,500 months",
         "95 minutes", "2 hours", "40 seconds", "12 weeks", "300 centimeters", "0.003 kilometers", "12,000 grams", "35 mph")  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), max_size=6),
    st.sampled_from(("", "aged", "she died at", "turnout was", "weighing", "the", "won", "at age", "he ran at", "in", "he stood")),
    st.sampled_from(_AGES),
    st.sampled_from(("", "years old", "of voters", "birthday", "year-old woman", "tall", "people", "baby", "old man")),
    st.lists(st.sampled_from(_WORDS), max_size=4),
    st.lists(st.sampled_from(_GLUE), min_size=13, max_size=13),
)
def test_plausibility_limits_turn_away_only_figures_within_every_bound(
    before: list[str], lead: str, figure: str, tail: str, after: list[str], glue: list[str]
) -> None:
    """Turning a figure away because it lies within the limits of every bound it could be about
    changes no finding: the check finds the same with the limits ignored."""
    words = [*before, lead, figure, tail, *after]
    text = "".join(w + g for w, g in zip(words, glue, strict=False)) + "."
    extraction = verify.extract(text)
    packs = resolve((), Config())
    ctx = CheckContext(extraction, packs)
    limited = [f.to_dict() for f in pl.run(ctx)]
    beyond = pl._beyond
    pl._beyond = lambda *args: True  # (restored below: hypothesis runs this many times)
    try:
        assert [f.to_dict() for f in pl.run(CheckContext(extraction, packs))] == limited
    finally:
        pl._beyond = beyond


def test_plausibility_limits_are_read_for_counts_and_percents() -> None:
    """Counts (read bare as ages), percents and measures get limits (a converted one moved a
    little inwards); hours, minutes and feet, which may be compound, do not."""
    index = pl._index(tuple(p for p in resolve((), Config()) if p.bounds))
    count = index.view(verify.extract("aged 130").figures[0])
    percent = index.view(verify.extract("112% of voters").figures[0])
    meters = index.view(verify.extract("2.9 meters tall").figures[0])
    centimeters = index.view(verify.extract("290 centimeters tall").figures[0])
    minutes = index.view(verify.extract("won the marathon in 95 minutes").figures[0])
    assert count.limits is not None and count.limits[0] is not None
    assert percent.limits == (100.0, percent.limits[1])
    assert meters.limits and centimeters.limits and meters.limits[0] is not None and centimeters.limits[0] is not None
    assert 99.99 * meters.limits[0] < centimeters.limits[0] < 100 * meters.limits[0]
    assert minutes.limits is None


@settings(max_examples=300, deadline=None)
@given(st.floats(allow_nan=True, allow_infinity=True) | st.integers(min_value=-(10**20), max_value=10**20))
def test_conflicting_significant_digits_read_from_the_mantissa(value: float) -> None:
    """The digits read from the fixed-width mantissa are those of splitting and stripping it."""
    expected = "0"
    if value != 0 and math.isfinite(value):
        expected = f"{abs(value):.9e}".split("e")[0].replace(".", "").rstrip("0") or "0"
    assert cf.significant_digits(value) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He stood 300 centimeters tall.",
        "He stood 2.75 meters tall.",
        "The baby was born weighing 12,000 grams.",
        "The newborn weighed 24 pounds.",
        "He ran at 35 mph in the final.",
        "She died on Monday aged 123.",
        "Turnout was 100.5% in the district.",
        "The car was doing 1,300 km/h when it crashed.",
    ],
)
def test_plausibility_limits_keep_the_figures_just_beyond_a_bound(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A figure just beyond a bound, in the bound's unit or another, passes the limits and is
    found, as it is with the limits ignored."""
    packs = resolve((), Config())
    limited = [f.to_dict() for f in pl.run(CheckContext(verify.extract(text), packs))]
    monkeypatch.setattr(pl, "_beyond", lambda *args: True)
    assert limited and [f.to_dict() for f in pl.run(CheckContext(verify.extract(text), packs))] == limited


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ("After", "after", "BEFORE", "then", "thenceforth", "prior", "to", "followed", "by", "said", "SAID", "told",
             "that", "x", "İ", "ı", "ſaid", "Kelvin", "é", "ahead", "of", "later")
        ),
        max_size=10,
    ),
    st.lists(st.sampled_from((" ", "  ", "\n", "-", ", ", "", "\t")), min_size=10, max_size=10),
    st.integers(min_value=0, max_value=2),
    st.just(0) | st.integers(min_value=0, max_value=40),
    st.integers(min_value=0, max_value=40),
)
def test_date_order_lower_cased_sentences_find_what_the_patterns_find(
    words: list[str], glue: list[str], lead: int, a: int, b: int
) -> None:
    """Connectives and reporting verbs found case-sensitively in a sentence lower-cased once are
    those the case-insensitive patterns find in the text, at the same offsets."""
    prose = "xy"[:lead] + "".join(w + g for w, g in zip(words, glue, strict=False)) + "z"
    sentence = Span(min(lead, len(prose)), len(prose) - 1, "")
    start, end = sorted((sentence.start + a, sentence.start + b))
    end = min(end, sentence.end)
    sentences = do._Sentences(prose)
    found = sentences.spans(do._CONNECTIVE, do._CONNECTIVE_LOWER, sentence, start, end)
    assert found == [m.span() for m in do._CONNECTIVE.finditer(prose, start, end)]
    assert sentences.reporting(sentence, start, end) == (do._REPORTING.search(prose, start, end) is not None)
