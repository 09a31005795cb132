"""Figure extraction: tables of (sentence, figure text, expected fields), dateutil style."""

from __future__ import annotations

import math

import pytest

from verify.extract.figures import find_figures
from verify.extract.text import frame
from verify.model import Figure


def figures(text: str) -> list[Figure]:
    return find_figures(text, frame(text))


def only(text: str, span: str) -> Figure:
    hits = [f for f in figures(text) if f.text == span]
    assert hits, f"no figure {span!r} in {text!r}: {figures(text)}"
    return hits[0]


# (sentence, figure text, kind, value, unit)
VALUES = [
    ("The plan costs $1.2bn over five years.", "$1.2bn", "money", 1.2e9, "USD"),
    ("Britain gave £4.5m in grants.", "£4.5m", "money", 4.5e6, "GBP"),
    ("It raised US$4.7 billion from investors.", "US$4.7 billion", "money", 4.7e9, "USD"),
    ("Fees rose to €20 per visit.", "€20", "money", 20, "EUR"),
    ("The fine was 20 euros.", "20 euros", "money", 20, "EUR"),
    ("Each ticket is USD 3.14 online.", "USD 3.14", "money", 3.14, "USD"),
    ("The club paid 40 million pounds for him.", "40 million pounds", "money", 4e7, "GBP"),
    ("Tokyo spent 300 million yen.", "300 million yen", "money", 3e8, "JPY"),
    ("He paid $10K in cash.", "$10K", "money", 1e4, "USD"),
    ("A stamp costs 50 cents.", "50 cents", "money", 0.5, "USD"),
    ("The loan was 2.5 trillion rubles.", "2.5 trillion rubles", "money", 2.5e12, "RUB"),
    ("Prices rose 12% in a year.", "12%", "percent", 12, "percent"),
    ("Prices rose 12 percent in a year.", "12 percent", "percent", 12, "percent"),
    ("Prices rose 12 per cent in a year.", "12 per cent", "percent", 12, "percent"),
    ("Support fell 3 percentage points.", "3 percentage points", "percentage_points", 3, "percentage_point"),
    ("The bank raised rates 25 basis points.", "25 basis points", "percentage_points", 0.25, "percentage_point"),
    ("The pipeline runs 5,000 km east.", "5,000 km", "measure", 5000, "kilometer"),
    ("The dog weighs 80 kg now.", "80 kg", "measure", 80, "kilogram"),
    ("They walked for 2 hours.", "2 hours", "measure", 2, "hour"),
    ("Winds reached 30 miles per hour.", "30 miles per hour", "measure", 30, "mile_per_hour"),
    ("They held a two-hour call.", "two-hour", "measure", 2, "hour"),
    ("A 10-year bond yields little.", "10-year", "measure", 10, "year"),
    ("It was 40°C in the shade.", "40°C", "measure", 40, "degree_Celsius"),
    ("Temperatures hit 40C on Friday.", "40C", "measure", 40, "degree_Celsius"),
    ("The wall is 5m high.", "5m", "measure", 5, "meter"),
    ("The field covers 3 acres.", "3 acres", "measure", 3, "acre"),
    ("The city has 1,250 doctors.", "1,250", "count", 1250, "count"),
    ("The city has 2.3 million residents.", "2.3 million", "count", 2.3e6, "count"),
    ("The city has twenty-three parks.", "twenty-three", "count", 23, "count"),
    ("We invited a hundred guests.", "a hundred", "count", 100, "count"),
    ("We invited a dozen guests.", "a dozen", "count", 12, "count"),
    ("Officials expect half a million visitors.", "half a million", "count", 5e5, "count"),
    ("The fair drew three hundred and fifty people.", "three hundred and fifty", "count", 350, "count"),
    ("Two dozen cars were towed.", "Two dozen", "count", 24, "count"),
    ("They own three-quarters of the land.", "three-quarters", "count", 0.75, "count"),
    ("The survey found one in five adults smoke.", "one in five", "percent", 20, "percent"),
    ("The city has 100K residents.", "100K", "count", 1e5, "count"),
    ("The account lost -3.5 points.", "-3.5", "count", -3.5, "count"),
    ("The index has 0.75 weight.", "0.75", "count", 0.75, "count"),
]


@pytest.mark.parametrize(("text", "span", "kind", "value", "unit"), VALUES, ids=[v[0] for v in VALUES])
def test_values(text: str, span: str, kind: str, value: float, unit: str) -> None:
    """Each number is found with its exact span, kind, value and unit."""
    f = only(text, span)
    assert (f.kind, f.unit) == (kind, unit)
    assert math.isclose(f.magnitude, value, rel_tol=1e-9)


# (sentence, figure text, low, high, low_exclusive, high_exclusive, approximate, qualifier)
BOUNDS = [
    ("It cost more than $250 billion.", "more than $250 billion", 2.5e11, None, True, False, False, "more than"),
    ("Over 1,000 homes flooded.", "Over 1,000", 1000, None, True, False, False, "Over"),
    ("At least four allies agreed.", "At least four", 4, None, False, False, False, "At least"),
    ("Officials put it at just below 100,000.", "just below 100,000", None, 1e5, False, True, False, "just below"),
    ("Fewer than 10 cases were found.", "Fewer than 10", None, 10, False, True, False, "Fewer than"),
    ("Up to 300 troops may go.", "Up to 300", None, 300, False, False, False, "Up to"),
    ("As many as 40 ships sailed.", "As many as 40", None, 40, False, False, False, "As many as"),
    ("Nearly 50 people came.", "Nearly 50", None, 50, False, True, False, "Nearly"),
    ("It took almost 3 hours.", "almost 3 hours", None, 3, False, True, False, "almost"),
    ("About 20 villages flooded.", "About 20", None, None, False, False, True, "About"),
    ("Some 5,000 troops moved.", "Some 5,000", None, None, False, False, True, "Some"),
    ("Roughly 12% agreed.", "Roughly 12%", None, None, False, False, True, "Roughly"),
    ("It lasted under 2 hours.", "under 2 hours", None, 2, False, True, False, "under"),
    ("We saw between 20 and 30 boats.", "between 20 and 30", 20, 30, False, False, False, "between"),
    ("We saw 20-30 boats.", "20-30", 20, 30, False, False, False, None),
    ("We saw 20 to 30 boats.", "20 to 30", 20, 30, False, False, False, None),
    ("Costs were $1-2 billion.", "$1-2 billion", 1e9, 2e9, False, False, False, None),
    ("Growth of 2% to 3% is likely.", "2% to 3%", 2, 3, False, False, False, None),
    ("It drew 100,000 or more fans.", "100,000 or more", 1e5, None, False, False, False, "or more"),
    ("A 500-plus crowd gathered.", "500-plus", 500, None, False, False, False, "plus"),
    ("It ranged from -18 °C to -34 °C.", "from -18 °C to -34 °C", -34, -18, False, False, False, "from"),
    ("Adults 65 and over were eligible.", "65 and over", 65, None, False, False, False, "and over"),
    ("Prices were above 1000 and below 1500.", "above 1000 and below 1500", 1000, 1500, True, True, False, "above … below"),
    ("We saw at most 100 and at least 20 birds.", "at most 100 and at least 20", 20, 100, False, False, False, "at most … at least"),
]


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "low_x", "high_x", "approx", "qualifier"), BOUNDS, ids=[b[0] for b in BOUNDS]
)
def test_bounds(text, span, low, high, low_x, high_x, approx, qualifier) -> None:  # type: ignore[no-untyped-def]
    """Hedges and ranges set the bounds, their exclusivity, approximation and qualifier."""
    f = only(text, span)
    assert (None if f.low is None else f.low.magnitude) == low
    assert (None if f.high is None else f.high.magnitude) == high
    assert (f.low_exclusive, f.high_exclusive, f.approximate) == (low_x, high_x, approx)
    assert f.qualifier == qualifier


def test_range_value_is_the_midpoint() -> None:
    """A range's value is the midpoint of its bounds."""
    assert only("We saw between 20 and 30 boats.", "between 20 and 30").magnitude == 25


# (sentence, figure text, counted noun)
NOUNS = [
    ("Russia massed 100,000 troops.", "100,000", "troops"),
    ("Envoys came from four major NATO allies.", "four", "allies"),
    ("The two leaders spoke.", "two", "leaders"),
    ("We counted 1,200 Russian tanks near the border.", "1,200", "tanks"),
    ("About 300 people were killed.", "About 300", "people"),
    ("It reached 150,000 in the near future.", "150,000", None),
    ("There are 12 children's hospitals.", "12", "hospitals"),
    ("A magnitude 6.4 struck the coast.", "6.4", None),
]


@pytest.mark.parametrize(("text", "span", "noun"), NOUNS, ids=[n[0] for n in NOUNS])
def test_nouns(text: str, span: str, noun: str | None) -> None:
    """A count carries the noun it counts, lower-cased, or None."""
    assert only(text, span).noun == noun


def test_the_number_resolves_to_the_thing_counted() -> None:
    """"the number" and "the figure" take the noun counted in the sentences before."""
    text = (
        "The talks came amid a buildup of Russian troops near the Ukraine border. Ukrainian officials "
        "put the number at just below 100,000, while U.S. intelligence has warned the figure could "
        "reach 150,000 in the near future."
    )
    assert only(text, "just below 100,000").noun == "troops"
    assert only(text, "150,000").noun == "troops"


def test_number_of_names_its_noun() -> None:
    """"the number of refugees rose to 2 million" counts refugees."""
    assert only("The number of refugees rose to 2 million.", "2 million").noun == "refugees"


# (sentence, text that must not be a quantity)
NOT_QUANTITIES = [
    ("NATO invoked Article 5 once.", "Article 5"),
    ("He met the B9 leaders.", "B9"),
    ("The G7 met in June.", "G7"),
    ("COVID-19 spread fast.", "COVID-19"),
    ("She flew a Boeing 737 home.", "Boeing 737"),
    ("They drove Route 66 west.", "Route 66"),
    ("Section 230 protects platforms.", "230"),
    ("He runs Windows 11 at work.", "Windows 11"),
    ("The F-16 landed.", "F-16"),
    ("The U.S. has sent arms since 2014.", "2014"),
    ("Prices rose in 2021, officials said.", "2021"),
    ("The 2020 election was close.", "2020"),
    ("Biden will call on December 9.", "December 9"),
    ("He will speak by December 10 at noon.", "10"),
    ("It was signed on Dec. 9, 2021 in Paris.", "Dec. 9, 2021"),
    ("It was signed on 9 December 2021.", "9 December 2021"),
    ("It was signed on 2021-12-09.", "2021-12-09"),
    ("It was signed on 12/09/2021.", "12/09/2021"),
    ("The talks begin at 10:30 a.m. sharp.", "10:30 a.m."),
    ("The talks begin at 9 pm.", "9 pm"),
    ("It was their third meeting.", "third"),
    ("It is the 21st century.", "21st"),
    ("Chelsea won 3-1 on Sunday.", "3-1"),
    ("The court ruled 5-4 in June.", "5-4"),
    ("Version 3.2.1 fixed it.", "3.2.1"),
    ("Call 555-123-4567 today.", "555-123-4567"),
    ("Call +44 20 7946 0958 today.", "+44 20 7946 0958"),
    ("Fares rose in the 1990s.", "1990s"),
    ("Output rose from 2014 to 2020.", "2014 to 2020"),
    ("Output fell in fiscal 2020-21.", "2020-21"),
    ("It ended in mid-2021.", "mid-2021"),
    ("Phones with 5G sold well.", "5G"),
    ("The two leaders spoke one day after they met.", "one day after"),
    ("It happened two weeks ago.", "two weeks ago"),
    ("He read page 3 first.", "page 3"),
    ("The Bucharest Nine met.", "Nine"),
    ("No one came.", "one"),
    ("The Senate voted 50-49 on Friday.", "50-49"),
    ("The 737 Max was grounded.", "737 Max"),
    ("Leaders met at COP26 in Glasgow.", "COP26"),
    ("It passed by a 2-to-1 margin.", "2-to-1"),
    ("Warming must stop by 2100, they said.", "2100"),
    ("The 13F filing was late.", "13F"),
]


@pytest.mark.parametrize(("text", "target"), NOT_QUANTITIES, ids=[n[0] for n in NOT_QUANTITIES])
def test_not_quantities(text: str, target: str) -> None:
    """Years, dates, times, ordinals, labels, scores, versions and phones are not quantities."""
    start = text.index(target)
    end = start + len(target)
    hits = [f for f in figures(text) if f.is_quantity and f.start < end and start < f.end]
    assert not hits, hits


@pytest.mark.parametrize(
    ("text", "span", "kind"),
    [
        ("It was their third meeting.", "third", "ordinal"),
        ("It is the twenty-first time.", "twenty-first", "ordinal"),
        ("It is the 21st century.", "21st", "ordinal"),
        ("NATO invoked Article 5 once.", "Article 5", "label"),
        ("He met the B9 leaders.", "B9", "label"),
        ("Chelsea won 3-1 on Sunday.", "3-1", "label"),
    ],
)
def test_ordinals_and_labels_keep_their_kind(text: str, span: str, kind: str) -> None:
    """Ordinals and labels are kept, with kind ordinal or label."""
    assert only(text, span).kind == kind


@pytest.mark.parametrize(
    ("text", "span", "number", "precision"),
    [
        ("It cost more than $250 billion.", "more than $250 billion", "250 billion", 1e9),
        ("It cost $2.5 billion.", "$2.5 billion", "2.5 billion", 1e8),
        ("It rose 12.25%.", "12.25%", "12.25", 0.01),
        ("They had 1,250 beds.", "1,250", "1,250", 1),
        ("They had two hundred beds.", "two hundred", "two hundred", 100),
        ("They held a two-hour call.", "two-hour", "two", 1),
    ],
)
def test_number_text_and_precision(text: str, span: str, number: str, precision: float) -> None:
    """``number`` is the numeral as written; ``precision`` the place value of its last digit."""
    f = only(text, span)
    assert f.number == number
    assert f.precision is not None and math.isclose(f.precision, precision)


def test_over_a_duration_is_a_period_not_a_bound() -> None:
    """"over 10 years" is a length of time, not "more than 10 years"."""
    f = only("The bill would cost $3.5 trillion over 10 years.", "10 years")
    assert f.low is None and f.qualifier is None


def test_rose_from_to_is_two_figures() -> None:
    """"rose from 10% to 20%" is two figures, not a range."""
    found = [f.text for f in figures("Prices rose from 10% to 20% last year.")]
    assert found == ["10%", "20%"]


def test_spans_slice_the_text() -> None:
    """Every figure's span slices the text to its ``text``."""
    text = "Some 2.3 million people, about 12% of them, paid $1.2bn, or £4.5m, for 5,000 km of road."
    for f in figures(text):
        assert text[f.start : f.end] == f.text


def test_figures_never_overlap_and_come_in_order() -> None:
    """Figures come in text order and never overlap."""
    text = "Between 20 and 30 people, 20-30 boats, up to 300 troops and 3-1 wins in 2021."
    found = figures(text)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


# General rules learnt from the peer suites' failures: (sentence, figure text, value, unit)
LESSONS = [
    ("The score must be less than or equal to 30.", "less than or equal to 30", 30, "count"),
    ("Farmers lost two and a half acres.", "two and a half acres", 2.5, "acre"),
    ("Temperatures reached minus 12 overnight.", "minus 12", -12, "count"),
    ("Entry costs 10 € a head.", "10 €", 10, "EUR"),
    ("Exports fell to HK $ 10.05 billion.", "HK $ 10.05 billion", 1.005e10, "HKD"),
    ("The car can run at 188 miles an hour.", "188 miles an hour", 188, "mile_per_hour"),
    ("It pays a 12-cent dividend.", "12-cent", 0.12, "USD"),
    ("The meeting lasted half an hour.", "half an hour", 0.5, "hour"),
    ("The pencil is 2 in.", "2 in", 2, "inch"),
    ("Now 2 in 5 voters agree.", "2 in 5", 40, "percent"),
]


@pytest.mark.parametrize(("text", "span", "value", "unit"), LESSONS, ids=[row[0] for row in LESSONS])
def test_lessons_from_peer_suites(text: str, span: str, value: float, unit: str) -> None:
    """Forms that the peer suites showed missing are read, by general rules."""
    f = only(text, span)
    assert f.unit == unit and math.isclose(f.magnitude, value, rel_tol=1e-9)


def test_every_table_entry_names_a_registry_unit() -> None:
    """Every unit, currency and percent word in the tables resolves in the pint registry."""
    from verify import units
    from verify.extract import numbers as N

    names = [
        *N.UNIT_NAMES.values(),
        *N.UNIT_SYMBOLS.values(),
        *N.CURRENCY_SYMBOLS.values(),
        *N.CURRENCY_CODES,
        *N.CURRENCY_NAMES.values(),
        *N.DOLLAR_PREFIXES.values(),
        *(code for code, _ in N.SUBUNITS.values()),
        *(unit for unit, _ in N.PERCENT_WORDS.values()),
    ]
    assert [n for n in names if not units.is_unit(n)] == []


def test_every_hedge_has_a_known_bound() -> None:
    """Every hedge sets a low bound, a high bound, or only approximation."""
    from verify.extract import numbers as N

    for table in (N.HEDGES, N.POSTFIX_HEDGES):
        for word, (bound, exclusive, approximate) in table.items():
            assert bound in ("low", "high", None), word
            assert bound is not None or approximate, word


def test_table_inputs_are_unique() -> None:
    """No table repeats an input (a repeated row would hide a missing case)."""
    for table in (VALUES, BOUNDS, NOUNS, NOT_QUANTITIES, LESSONS):
        keys = [row[:2] for row in table]
        assert len(keys) == len(set(keys))
