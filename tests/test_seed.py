"""The seed story (a December 2021 report on the Biden-Putin call), end to end.

It says the U.S. has provided "more than $250 billion" in arms to Ukraine since 2014 (the figure
reported at the time was about $2.5 billion) and gives two troop estimates. verify must catch the
first, set the two estimates side by side, hold "150,000" against the sourced projection of that
week, and cry wolf about nothing else.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import verify

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "biden-putin-2021-12-08.txt"
PUBLISHED = "2021-12-08"


@pytest.fixture(scope="module")
def text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def report(text: str) -> verify.Report:
    return verify.check(text, published=PUBLISHED)


def figure(report: verify.Report, text: str) -> verify.Figure:
    matches = [f for f in report.figures if text in f.text]
    assert matches, f"no figure contains {text!r}: {report.figures}"
    return matches[0]


def date(report: verify.Report, text: str) -> verify.DateMention:
    matches = [d for d in report.dates if text in d.text]
    assert matches, f"no date mention contains {text!r}: {report.dates}"
    return matches[0]


def test_more_than_250_billion_is_a_lower_bound_in_dollars(report: verify.Report) -> None:
    """"more than $250 billion" is USD 2.5e11 with low 2.5e11 and no upper bound."""
    f = figure(report, "$250 billion")
    assert f.kind == "money" and f.unit == "USD"
    assert f.magnitude == 2.5e11
    assert f.low is not None and f.low.magnitude == 2.5e11 and f.high is None


def test_just_below_100000_is_an_upper_bound(report: verify.Report) -> None:
    """"just below 100,000" is 1e5 with high bound 1e5."""
    f = figure(report, "100,000")
    assert f.magnitude == 1e5
    assert f.high is not None and f.high.magnitude == 1e5


def test_150000_is_a_projection(report: verify.Report) -> None:
    """"could reach 150,000" is 1.5e5 and a projection."""
    f = figure(report, "150,000")
    assert f.magnitude == 1.5e5
    assert f.context is not None and f.context.modality == "projection"


def test_at_least_four_allies(report: verify.Report) -> None:
    """"at least four major NATO allies" is 4 with low bound 4, counting allies."""
    f = figure(report, "four")
    assert f.magnitude == 4 and f.low is not None and f.low.magnitude == 4
    assert f.noun == "allies"


def test_two_hour_is_a_duration(report: verify.Report) -> None:
    """"two-hour" is a measure of 2 hours."""
    f = figure(report, "two-hour")
    assert f.kind == "measure" and f.value.to("hour").magnitude == 2


@pytest.mark.parametrize("label", ["Article 5", "B9", "2014", "December 9", "December 10"])
def test_labels_years_and_dates_are_not_quantities(report: verify.Report, text: str, label: str) -> None:
    """No quantity figure touches a label, a year or a date."""
    for start in (i for i in range(len(text)) if text.startswith(label, i)):
        end = start + len(label)
        hits = [f for f in report.extraction.quantities if f.start < end and start < f.end]
        assert not hits, f"{label!r} at {start} became {hits}"


@pytest.mark.parametrize(
    ("text_", "earliest", "latest"),
    [
        ("December 10", dt.date(2021, 12, 10), dt.date(2021, 12, 10)),
        ("December 9", dt.date(2021, 12, 9), dt.date(2021, 12, 9)),
        ("January", dt.date(2021, 1, 1), dt.date(2021, 1, 31)),
        ("since 2014", dt.date(2014, 1, 1), None),
    ],
)
def test_dates_resolve_against_publication(report: verify.Report, text_: str, earliest, latest) -> None:
    """Dates resolve against the publication date of 2021-12-08."""
    d = date(report, text_)
    assert (d.earliest, d.latest) == (earliest, latest)


def test_one_day_after_is_a_date_mention(report: verify.Report) -> None:
    """"one day after" is found as a (relative) date mention."""
    assert date(report, "one day after").relative


def test_250_billion_is_an_error_suggesting_2_5_billion(report: verify.Report) -> None:
    """An error on "$250 billion" suggests "$2.5 billion" and cites its source."""
    hits = [f for f in report.findings if "$250 billion" in f.text and f.severity == "error"]
    assert len(hits) == 1, report.findings
    assert hits[0].suggestion == "$2.5 billion"
    assert hits[0].reference is not None and hits[0].reference.source


def test_150000_is_held_against_the_175000_projection(report: verify.Report) -> None:
    """A warning on "150,000" cites the 175,000 projection."""
    hits = [f for f in report.findings if "150,000" in f.text and f.severity == "warning"]
    assert len(hits) == 1, report.findings
    assert hits[0].reference is not None
    assert "175,000" in hits[0].message


def test_the_two_troop_estimates_are_set_side_by_side(report: verify.Report) -> None:
    """One info finding relates "just below 100,000" and "150,000"."""
    pairs = [
        f
        for f in report.findings
        if f.severity == "info"
        and {("100,000" in f.text), ("150,000" in f.text)} == {True, False}
        and any(("100,000" in r.text) or ("150,000" in r.text) for r in f.related)
    ]
    assert len(pairs) == 1, report.findings


def test_nothing_else_is_a_warning_or_error(report: verify.Report) -> None:
    """Only the two expected findings reach warning or error."""
    serious = [f for f in report.findings if f.severity in ("error", "warning")]
    assert len(serious) == 2, serious
    assert any("$250 billion" in f.text for f in serious) and any("150,000" in f.text for f in serious)
