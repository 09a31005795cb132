"""Properties of date extraction: dates round-trip through every style, spans slice, nothing raises."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from verify.extract.dates import find_dates
from verify.extract.text import frame
from verify.model import GRANULARITIES, WEEKDAYS

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")  # fmt: skip
# AP style: abbreviate Jan., Feb., Aug., Sept., Oct., Nov., Dec.; spell the short months out.
AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
ORDINAL_SUFFIX = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}

STYLES = {
    "long": lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
    "ap": lambda d: f"{AP_MONTHS[d.month - 1]} {d.day}, {d.year}",
    "day first": lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    "iso": lambda d: d.isoformat(),
    "weekday": lambda d: f"{WEEKDAYS[d.weekday()]}, {MONTHS[d.month - 1]} {d.day}, {d.year}",
    "us numeric": lambda d: f"{d.month}/{d.day}/{d.year}",
    "ordinal": lambda d: f"the {d.day}{ORDINAL_SUFFIX.get(d.day, 'th')} of {MONTHS[d.month - 1]} {d.year}",
    "month first ordinal": lambda d: f"{MONTHS[d.month - 1]} {d.day}{ORDINAL_SUFFIX.get(d.day, 'th')}, {d.year}",
}
NO_YEAR_STYLES = {
    "long": lambda d: f"{MONTHS[d.month - 1]} {d.day}",
    "ap": lambda d: f"{AP_MONTHS[d.month - 1]} {d.day}",
    "weekday": lambda d: f"{WEEKDAYS[d.weekday()]}, {AP_MONTHS[d.month - 1]} {d.day}",
    "day first": lambda d: f"{d.day} {MONTHS[d.month - 1]}",
}
FRAMES = ("The meeting is on {}.", "{} is the date.", "Officials met on {}, a spokesman said.",
          "The vote, set for {}, will go ahead.")  # fmt: skip

dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))


def _only(text: str, published: dt.date | None):  # noqa: ANN202 - a DateMention
    mentions = find_dates(text, frame(text), published)
    assert len(mentions) == 1, mentions
    return mentions[0]


@given(day=dates, style=st.sampled_from(sorted(STYLES)), template=st.sampled_from(FRAMES), offset=st.integers(-4000, 4000))
def test_a_date_in_any_style_resolves_to_itself(day: dt.date, style: str, template: str, offset: int) -> None:
    """A full date in any supported style, in any story, is that day and nothing else."""
    written = STYLES[style](day)
    text = template.format(written)
    published = day + dt.timedelta(days=offset)
    mention = _only(text, published)
    assert mention.text == written
    assert mention.earliest == mention.latest == day
    assert mention.granularity == "day"


@given(day=dates, style=st.sampled_from(sorted(NO_YEAR_STYLES)), offset=st.integers(-150, 150))
def test_a_date_without_its_year_resolves_near_publication(day: dt.date, style: str, offset: int) -> None:
    """Without a year or a tense, a date within five months of publication resolves to itself."""
    text = f"The meeting is on {NO_YEAR_STYLES[style](day)}."
    mention = _only(text, day + dt.timedelta(days=offset))
    assert mention.earliest == mention.latest == day
    assert mention.year_inferred


@given(day=dates, offset=st.integers(-3, 3))
def test_a_stated_weekday_is_never_changed(day: dt.date, offset: int) -> None:
    """The weekday a text states is reported as stated, even when it is wrong."""
    stated = (day.weekday() + offset) % 7
    text = f"It happened on {WEEKDAYS[stated]}, {MONTHS[day.month - 1]} {day.day}, {day.year}."
    mention = _only(text, None)
    assert mention.weekday == stated
    assert mention.earliest == day


@given(published=dates, days=st.integers(1, 60))
def test_relative_days_count_from_publication(published: dt.date, days: int) -> None:
    """"N days ago" and "in N days" are N days either side of publication."""
    ago = _only(f"It started {days} days ago.", published)
    ahead = _only(f"It will start in {days} days.", published)
    assert ago.earliest == published - dt.timedelta(days=days)
    assert ahead.earliest == published + dt.timedelta(days=days)


NEWSY = st.lists(
    st.sampled_from(
        list("abcdefghijklmnopqrstuvwxyzADFJMNOSTW0123456789 ,.-/'’\"“”\n")
        + ["May ", "March ", "Dec. ", "Monday ", "since ", "in ", "last ", "next ", "ago ", "days ",
           "later ", "the ", "of ", "2021", "1990s", "February 30", "will ", "said ", "from ", "to "]
    ),
    max_size=80,
).map("".join)


@settings(max_examples=300)
@given(text=NEWSY, published=st.none() | dates)
def test_spans_slice_to_their_text(text: str, published: dt.date | None) -> None:
    """Every mention's text is exactly the prose between its offsets, in order, and well formed."""
    mentions = find_dates(text, frame(text), published)
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.granularity in GRANULARITIES
        if m.earliest and m.latest:
            assert m.earliest <= m.latest
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


@settings(max_examples=300)
@given(text=st.text(max_size=400), published=st.none() | dates)
def test_never_raises_on_arbitrary_unicode(text: str, published: dt.date | None) -> None:
    """Extraction returns (possibly nothing) for any Unicode text."""
    for m in find_dates(text, frame(text), published):
        assert text[m.start : m.end] == m.text
