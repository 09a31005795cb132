"""Thousands grouped by a space-like separator, as SI style and many newsrooms write them.

"100\u202f000 troops" (narrow no-break space), "1\u2009250\u2009000" (thin space), "$2\u00a0500"
(no-break space, "&nbsp;" in HTML) and "1\u2007000" (figure space) are one number each. The
document's reading keeps such a space as written between the groups of a numeral (one to three
digits, then groups of exactly three) and reads every other wide space as " "; the figure scan
takes it as a group separator. A plain space never groups ("in 2021 100 people", "Tel: +86 138").
"""

from __future__ import annotations

import math

import pytest

import verify
from verify import document
from verify.document import Document
from verify.extract import numbers

PUBLISHED = "2021-12-08"

NNBSP, THIN, NBSP, FIGURE = "\u202f", "\u2009", "\u00a0", "\u2007"


def _figures(text: str, fmt: str = "text") -> list[verify.Figure]:
    return list(verify.extract(text, published=PUBLISHED, format=fmt).figures)


def _values(text: str, fmt: str = "text") -> list[float]:
    return [float(f.magnitude) for f in _figures(text, fmt)]


# (text, figure text, kind, value, unit, noun)
GROUPED = [
    (f"Russia has massed 100{NNBSP}000 troops near the border.", f"100{NNBSP}000", "count", 1e5, "count", "troops"),
    (f"Some 1{THIN}250{THIN}000 people fled.", f"Some 1{THIN}250{THIN}000", "count", 1.25e6, "count", "people"),
    (f"Tickets cost $2{NBSP}500 each.", f"$2{NBSP}500", "money", 2500, "USD", None),
    (f"The fine was 12{NNBSP}000 euros.", f"12{NNBSP}000 euros", "money", 12000, "EUR", None),
    (f"The bill came to €1{NNBSP}200{NNBSP}000 in all.", f"€1{NNBSP}200{NNBSP}000", "money", 1.2e6, "EUR", None),
    (f"Prices rose 12{NNBSP}500 % in a year.", f"12{NNBSP}500 %", "percent", 12500, "percent", None),
    (f"The pipeline runs 1{FIGURE}230 km.", f"1{FIGURE}230 km", "measure", 1230, "kilometer", None),
    (f"The index stood at 1{NNBSP}234{NNBSP}567.89 points.", f"1{NNBSP}234{NNBSP}567.89", "count", 1234567.89, "count", "points"),
    (f"More than 40{NBSP}000 homes lost power.", f"More than 40{NBSP}000", "count", 40000, "count", "homes"),
    (f"In May 12{NNBSP}000 people fled.", f"12{NNBSP}000", "count", 12000, "count", "people"),
]


@pytest.mark.parametrize(("text", "span", "kind", "value", "unit", "noun"), GROUPED)
def test_a_numeral_grouped_by_a_wide_space_is_one_figure(text, span, kind, value, unit, noun) -> None:
    """Money, counts, percents and measures read the whole grouped numeral, once."""
    figs = _figures(text)
    assert [f.text for f in figs] == [span], figs
    fig = figs[0]
    assert fig.kind == kind
    assert math.isclose(float(fig.magnitude), value)
    assert fig.unit == unit
    assert fig.noun == noun


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        (f"It sent 100{NNBSP}000–150{NNBSP}000 troops.", 1e5, 1.5e5),
        (f"It sent between 100{THIN}000 and 150{THIN}000 troops.", 1e5, 1.5e5),
        (f"Losses ran to $1{NBSP}500-$2{NBSP}000 a head.", 1500, 2000),
        (f"Turnout was 1{NNBSP}000 to 1{NNBSP}250{NNBSP}000 voters.", 1e3, 1.25e6),
    ],
)
def test_a_range_of_grouped_numerals_has_both_ends(text: str, low: float, high: float) -> None:
    """A dash or "to" between two grouped numerals is a range, not a score or a label."""
    figs = _figures(text)
    assert len(figs) == 1 and figs[0].kind != "label", figs
    assert float(figs[0].low.magnitude) == low and float(figs[0].high.magnitude) == high


@pytest.mark.parametrize(
    "text",
    [
        f"Russia has massed 100{NNBSP}000 troops.",
        f"Of the 17{NBSP}000 applicants, 1{NBSP}500 got in.",
        f"A total of 1{THIN}000{THIN}000 doses arrived.",
        f"It sent 100{NNBSP}000–150{NNBSP}000 troops.",
        f"Some 5{FIGURE}000 protesters marched.",
    ],
)
def test_a_group_of_zeros_is_never_a_figure_of_zero(text: str) -> None:
    """"000" after a group space belongs to the numeral before it: no figure reads 0."""
    figs = _figures(text)
    assert figs and 0 not in _values(text)
    assert not any(f.text.startswith("000") for f in figs)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (f"In 2021{NBSP}100 people died.", [100]),  # a year, then a count
        (f"In 2021{NNBSP}250 firms closed.", [250]),
        (f"Call 555{NBSP}123{NBSP}4567 now.", None),  # a telephone number: never 555123
        (f"It was 12{THIN}345{THIN}6789 in all.", [12, 345, 6789]),  # a last group of four
        (f"Pi is 3.141{THIN}592 or so.", [3.141, 592]),  # digits after a point
        (f"It was 10{NBSP}00 exactly.", [10, 0]),  # a group of two is no group
        (f"Route B9{NBSP}000 is closed.", None),  # a code: letters before the digits
    ],
)
def test_a_wide_space_that_is_not_a_thousands_group_keeps_numbers_apart(text: str, values: list[float] | None) -> None:
    """Only one to three digits and then groups of exactly three are one numeral."""
    found = _values(text)
    joined = {555123.0, 555123.4567, 2021100.0, 2021250.0, 123456789.0, 12345.0, 1000.0, 9000.0}
    assert not joined & set(found), found
    if values is not None:
        assert found == values


def test_a_plain_space_never_groups_digits() -> None:
    """"100 000 troops" with a plain space stays two numbers: English copy puts numbers side by side."""
    assert 1e5 not in _values("Russia has massed 100 000 troops.")
    assert 12100 not in _values("In the past 12 100 people have applied.")


@pytest.mark.parametrize(
    "text",
    [
        f"The ministry said on 10{NBSP}December{NBSP}2021 that 100{NNBSP}000 troops had massed.",
        f"On December 10{NBSP}2021 it said 100{NNBSP}000 troops had massed.",
    ],
)
def test_dates_next_to_grouped_numerals_stay_dates(text: str) -> None:
    """A no-break space inside a date is read as a space; the count beside it is one figure."""
    extraction = verify.extract(text, published=PUBLISHED)
    assert [(d.earliest.isoformat(), d.granularity) for d in extraction.dates] == [("2021-12-10", "day")]
    assert [float(f.magnitude) for f in extraction.figures] == [1e5]


@pytest.mark.parametrize(
    "space",
    ["&nbsp;", "&#160;", "&thinsp;", "&#8239;", "&#x202F;", "\u202f", "<b>&nbsp;</b>"],
)
def test_html_reads_as_the_plain_copy_with_a_narrow_no_break_space(space: str) -> None:
    """HTML entities and tags around the group space give the plain copy's figures and findings."""
    plain = (
        "Russia has massed 100\u202f000 troops, up from 90\u202f000 in October. "
        "The 1\u202f200\u202f000 residents of the region were told on 10 December 2021."
    )
    markup = "<p>" + plain.replace("\u202f", space) + "</p>"
    want = verify.check(plain, published=PUBLISHED)
    got = verify.check(markup, published=PUBLISHED, format="html")

    def rows(report: verify.Report) -> list[tuple]:
        return [(f.kind, float(f.magnitude), f.unit, f.interval, f.noun) for f in report.figures]

    assert rows(got) == rows(want) and [r[1] for r in rows(want)] == [1e5, 9e4, 1.2e6]
    assert [(d.earliest, d.granularity) for d in got.dates] == [(d.earliest, d.granularity) for d in want.dates]
    assert [f.rule for f in got.findings] == [f.rule for f in want.findings]
    for item in (*got.figures, *got.dates, *got.findings):
        assert markup[item.start : item.end] == item.text


def test_the_reading_keeps_group_spaces_and_reads_other_wide_spaces_as_plain() -> None:
    """Only a group space inside a thousands numeral survives; the reading keeps its length."""
    text = f"It cost 5{NBSP}million, then 100{NNBSP}000{NBSP}euros\u3000and 2021{NBSP}100 more."
    reading = Document.from_text(text).reading
    assert reading == f"It cost 5 million, then 100{NNBSP}000 euros and 2021 100 more."
    assert len(reading) == len(text)


def test_text_without_wide_spaces_is_read_as_itself() -> None:
    """The common case pays nothing: the reading is the prose object itself."""
    doc = Document.from_text("Russia has massed 100,000 troops and 2,500 tanks.")
    assert doc.reading is doc.prose


def test_the_document_and_the_figure_reader_agree_on_the_group_spaces() -> None:
    """The reading keeps exactly the spaces the figure scan accepts as group separators."""
    assert set(document._GROUP_SPACES) == set(numbers.DIGIT_GROUP_SPACES)
    for space in numbers.DIGIT_GROUP_SPACES:
        assert _values(f"Some 7{space}500 people came.") == [7500]


def test_a_grouped_number_after_a_month_is_not_its_day() -> None:
    """"In May 12\u202f000 people" is a count of 12,000, not the date May 12 and a count of 0."""
    extraction = verify.extract("In May 12\u202f000 people marched.", published="2021-12-08")
    assert [f.magnitude for f in extraction.figures] == [12000]
    assert all(d.text != "May 12" for d in extraction.dates)


def test_a_restated_grouped_number_keeps_its_separator() -> None:
    """A suggested correction writes the writer's own group space, not a comma or a mangled group."""
    from verify.checks.reference_range import restate

    assert restate("$2\u00a0500 billion", "2\u00a0500", 0.001) == "$2.5 billion"
    assert restate("100\u202f000 troops", "100\u202f000", 10) == "1\u202f000\u202f000 troops"
