"""Date extraction: recognition, spans and resolution against the publication date, as tables."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

import verify
from verify.extract import dates as date_module
from verify.model import GRANULARITIES, WEEKDAYS

PUB = "2021-12-08"  # a Wednesday; the seed story's publication date
D = dt.date.fromisoformat

# (text, published, span, earliest, latest, granularity)
CASES: list[tuple[str, str | None, str, str | None, str | None, str]] = [
    # full dates in news styles
    ("The call is set for December 9, 2021.", PUB, "December 9, 2021", "2021-12-09", "2021-12-09", "day"),
    ("Talks resume Dec. 9 in Geneva.", PUB, "Dec. 9", "2021-12-09", "2021-12-09", "day"),
    ("The deadline was Sept. 30.", PUB, "Sept. 30", "2021-09-30", "2021-09-30", "day"),
    ("Signed on 9 December 2021 in Paris.", PUB, "9 December 2021", "2021-12-09", "2021-12-09", "day"),
    ("Filed 2021-12-09 with the court.", PUB, "2021-12-09", "2021-12-09", "2021-12-09", "day"),
    ("They will meet Thursday, Dec. 9.", PUB, "Thursday, Dec. 9", "2021-12-09", "2021-12-09", "day"),
    ("The strike began Tuesday, March 14.", "2023-03-20", "Tuesday, March 14", "2023-03-14", "2023-03-14", "day"),
    ("It was founded on the 3rd of November.", PUB, "the 3rd of November", "2021-11-03", "2021-11-03", "day"),
    ("The vote is on December 10th.", PUB, "December 10th", "2021-12-10", "2021-12-10", "day"),
    ("It opened on March first.", "2021-03-20", "March first", "2021-03-01", "2021-03-01", "day"),
    ("The form is dated 12/9/2021.", PUB, "12/9/2021", "2021-12-09", "2021-12-09", "day"),
    ("The form is dated 31/12/2020.", PUB, "31/12/2020", "2020-12-31", "2020-12-31", "day"),
    ("The agency lists it as 2020-2-3.", PUB, "2020-2-3", "2020-02-03", "2020-02-03", "day"),
    # month and day without a year, by tense
    ("Biden said he hoped to announce the meeting by December 10.", PUB, "December 10", "2021-12-10", "2021-12-10", "day"),
    ("Biden will speak on December 9 with Zelenskiy.", PUB, "December 9", "2021-12-09", "2021-12-09", "day"),
    ("The party met on October 3.", PUB, "October 3", "2021-10-03", "2021-10-03", "day"),
    ("The congress will open on February 14.", PUB, "February 14", "2022-02-14", "2022-02-14", "day"),
    ("The minister said on December 12 that talks stalled.", PUB, "December 12", "2021-12-12", "2021-12-12", "day"),
    ("The talks collapsed on December 28.", PUB, "December 28", "2020-12-28", "2020-12-28", "day"),
    # months, years, decades, quarters, seasons
    ("He took office in January.", PUB, "January", "2021-01-01", "2021-01-31", "month"),
    ("They will meet again in January.", PUB, "January", "2022-01-01", "2022-01-31", "month"),
    ("A review is due next January.", PUB, "next January", "2022-01-01", "2022-01-31", "month"),
    ("Prices peaked last May.", PUB, "last May", "2021-05-01", "2021-05-31", "month"),
    ("The plant closed in June 2019.", PUB, "June 2019", "2019-06-01", "2019-06-30", "month"),
    ("Sales fell in early December 2020.", PUB, "early December 2020", "2020-12-01", "2020-12-10", "month"),
    ("Work stops at the end of April.", "2022-03-01", "end of April", "2022-04-21", "2022-04-30", "month"),
    ("The border was redrawn in 2008.", PUB, "2008", "2008-01-01", "2008-12-31", "year"),
    ("Aid has flowed since 2014.", PUB, "since 2014", "2014-01-01", None, "year"),
    ("Output doubled between 2010 and 2015.", PUB, "between 2010 and 2015", "2010-01-01", "2015-12-31", "year"),
    ("The 2015-2019 plan was never funded.", PUB, "2015-2019", "2015-01-01", "2019-12-31", "year"),
    ("Growth slowed in mid-2020.", PUB, "mid-2020", "2020-05-02", "2020-08-31", "year"),
    ("The feud began in the 1990s.", PUB, "1990s", "1990-01-01", "1999-12-31", "decade"),
    ("It was a hit in the '80s.", PUB, "'80s", "1980-01-01", "1989-12-31", "decade"),
    ("The worst crisis of the 21st century.", PUB, "21st century", "2001-01-01", "2100-12-31", "century"),
    ("Exports fell in the third quarter of 2021.", PUB, "third quarter of 2021", "2021-07-01", "2021-09-30", "quarter"),
    ("Profits rose in Q2 2021.", PUB, "Q2 2021", "2021-04-01", "2021-06-30", "quarter"),
    ("Work stalled this summer.", PUB, "this summer", "2021-06-01", "2021-08-31", "season"),
    ("Work resumes next spring.", PUB, "next spring", "2022-03-01", "2022-05-31", "season"),
    ("The pipeline was finished last year.", PUB, "last year", "2020-01-01", "2020-12-31", "year"),
    # weekdays
    ("The leaders spoke on Monday.", PUB, "Monday", "2021-12-06", "2021-12-06", "day"),
    ("The leaders will speak on Friday.", PUB, "Friday", "2021-12-10", "2021-12-10", "day"),
    ("They meet next Tuesday.", PUB, "next Tuesday", "2021-12-14", "2021-12-14", "day"),
    ("They met last Thursday.", PUB, "last Thursday", "2021-12-02", "2021-12-02", "day"),
    ("They met on Tuesday the 7th.", PUB, "Tuesday the 7th", "2021-12-07", "2021-12-07", "day"),
    # relative to publication
    ("The leaders spoke yesterday.", PUB, "yesterday", "2021-12-07", "2021-12-07", "day"),
    ("Aides meet today.", PUB, "today", "2021-12-08", "2021-12-08", "day"),
    ("Ministers follow tomorrow night.", PUB, "tomorrow night", "2021-12-09", "2021-12-09", "day"),
    ("The plan was drafted last week.", PUB, "last week", "2021-11-29", "2021-12-05", "week"),
    ("Officials said this week.", PUB, "this week", "2021-12-06", "2021-12-12", "week"),
    ("The plan is due next month.", PUB, "next month", "2022-01-01", "2022-01-31", "month"),
    ("Troops began to gather three weeks ago.", PUB, "three weeks ago", "2021-11-17", "2021-11-17", "day"),
    ("The ban began two years ago.", PUB, "two years ago", "2019-01-01", "2019-12-31", "year"),
    ("The talks started 1 year, 2 months ago.", PUB, "1 year, 2 months ago", "2020-10-01", "2020-10-31", "month"),
    # a unit without a count, in the plural: a vague stretch before publication or after a date
    ("The plant closed years ago.", PUB, "years ago", "2009-12-08", "2019-12-08", "vague"),
    ("It happened months ago.", PUB, "months ago", "2020-12-08", "2021-10-08", "vague"),
    ("The storm hit in 2019. Months later, the town was still rebuilding.", PUB, "Months later", "2019-02-01", "2020-08-31", "vague"),
    ("Moscow would submit proposals in a few days.", PUB, "in a few days", "2021-12-10", "2021-12-15", "vague"),
    ("The vote will be held in two weeks.", PUB, "in two weeks", "2021-12-22", "2021-12-22", "day"),
    ("Exercises were held earlier this year.", PUB, "earlier this year", "2021-01-01", "2021-12-08", "year"),
    ("More talks are planned later this month.", PUB, "later this month", "2021-12-08", "2021-12-31", "month"),
    ("Prices rose over the past three years.", PUB, "over the past three years", "2018-12-08", "2021-12-08", "vague"),
    ("Aid arrives in the coming days.", PUB, "in the coming days", "2021-12-09", "2021-12-16", "vague"),
    ("The deal runs out at the end of the month.", PUB, "end of the month", "2021-12-21", "2021-12-31", "month"),
    ("It expires 3 days from now.", PUB, "3 days from now", "2021-12-11", "2021-12-11", "day"),
    # holidays
    ("They will meet after Christmas.", PUB, "Christmas", "2021-12-25", "2021-12-25", "day"),
    ("They met before Thanksgiving.", PUB, "Thanksgiving", "2021-11-25", "2021-11-25", "day"),
    ("Markets closed on Good Friday 2020.", PUB, "Good Friday 2020", "2020-04-10", "2020-04-10", "day"),
    ("The rally is on the Fourth of July.", "2022-06-01", "the Fourth of July", "2022-07-04", "2022-07-04", "day"),
    ("Voters go to the polls on the first Tuesday in November.", "2022-06-01", "the first Tuesday in November", "2022-11-01", "2022-11-01", "day"),
    ("The fair is held the last Friday of October 2013.", PUB, "the last Friday of October 2013", "2013-10-25", "2013-10-25", "day"),
    ("They meet again Wednesday of next week.", PUB, "Wednesday of next week", "2021-12-15", "2021-12-15", "day"),
    ("Sales fell in 2018Q4.", PUB, "2018Q4", "2018-10-01", "2018-12-31", "quarter"),
    ("On December 1 they met. The following week they met again.", PUB, "The following week", "2021-12-06", "2021-12-12", "week"),
    ("On December 1 they met. A year later they split.", PUB, "A year later", "2022-01-01", "2022-12-31", "year"),
    ("Sales rose sharply the previous week.", PUB, "the previous week", "2021-11-29", "2021-12-05", "week"),
    ("The booster deadline moved to Dec. 31 from the end of January.", "2021-12-13", "end of January", "2022-01-21", "2022-01-31", "month"),
    ("The deal, agreed on Wednesday, takes effect on Jan. 1.", "2021-12-13", "Jan. 1", "2022-01-01", "2022-01-01", "day"),
    ("They had hoped to finish before Thanksgiving.", "2021-12-13", "Thanksgiving", "2021-11-25", "2021-11-25", "day"),
    ("Profits rose in the first half of 2021.", PUB, "first half of 2021", "2021-01-01", "2021-06-30", "year"),
    ("The index is up 20% in the year to date.", PUB, "year to date", "2021-01-01", "2021-12-08", "year"),
    ("Growth was slow in the nineties.", PUB, "nineties", "1990-01-01", "1999-12-31", "decade"),
    ("In 2020, unemployment hit 14.7% in April.", "2021-12-21", "April", "2020-04-01", "2020-04-30", "month"),
    # intervals
    ("Temperatures in June-August 1992 broke records.", PUB, "June-August 1992", "1992-06-01", "1992-08-31", "month"),
    ("It has been closed from April until the end of June.", PUB, "from April until the end of June", "2021-04-01", "2021-06-30", "month"),
    ("The festival runs July 13 thru 15.", "2022-06-01", "July 13 thru 15", "2022-07-13", "2022-07-15", "day"),
    ("It runs from the 13th to the 15th of July.", "2022-06-01", "the 13th to the 15th of July", "2022-07-13", "2022-07-15", "day"),
    ("The exercises ran from March 3 to March 5.", "2022-04-01", "from March 3 to March 5", "2022-03-03", "2022-03-05", "day"),
    ("Talks were held Feb. 21-23 in Minsk.", "2022-04-01", "Feb. 21-23", "2022-02-21", "2022-02-23", "day"),
    ("Flights stopped from December 28 to January 3.", "2022-01-20", "from December 28 to January 3", "2021-12-28", "2022-01-03", "day"),
    ("Prices rose between January and February.", "2022-04-01", "between January and February", "2022-01-01", "2022-02-28", "month"),
    # without a publication date
    ("The council voted yesterday.", None, "yesterday", None, None, "day"),
    ("The rules changed on March 14, 2023.", None, "March 14, 2023", "2023-03-14", "2023-03-14", "day"),
    ("The next vote is set for December 10.", None, "December 10", None, None, "day"),
    ("Aid has flowed since 2014.", None, "since 2014", "2014-01-01", None, "year"),
]


def test_cases_are_unique() -> None:
    """Each table row is a distinct input, so no case shadows another."""
    counts = Counter((text, pub) for text, pub, *_ in CASES)
    assert [k for k, n in counts.items() if n > 1] == []


def _find(text: str, published: str | None, span: str) -> verify.DateMention | None:
    start = text.index(span)
    for m in verify.extract(text, published=published).dates:
        if m.start == start and m.end == start + len(span):
            return m
    return None


@pytest.mark.parametrize(("text", "published", "span", "earliest", "latest", "granularity"), CASES)
def test_extracts(text: str, published: str | None, span: str, earliest: str | None, latest: str | None, granularity: str) -> None:
    """The expression is one mention with exactly this span, interval and granularity."""
    found = _find(text, published, span)
    mentions = verify.extract(text, published=published).dates
    assert found is not None, f"no mention spans {span!r}; got {mentions}"
    assert found.earliest == (D(earliest) if earliest else None)
    assert found.latest == (D(latest) if latest else None)
    assert found.granularity == granularity
    assert found.granularity in GRANULARITIES


# Text that holds no date at the named words.
NOT_DATES: list[tuple[str, str]] = [
    ("May the best team win.", "May"),
    ("Prices may fall next quarter.", "may"),
    ("Fans prepared to march through the city.", "march"),
    ("The Sun reported the deal.", "Sun"),
    ("USA Today reported the deal.", "Today"),
    ("The Sunday Times reported the deal.", "Sunday"),
    ("The two leaders held a two-hour call.", "two-hour"),
    ("They signed a 10-year agreement.", "10-year"),
    ("Allies invoked Article 5 of the treaty.", "5"),
    ("June Carter declined to comment.", "June"),
    ("In June 31 people applied.", "31"),
    ("In December 45 troops arrived.", "45"),
    ("Sales rose 2021 percent.", "2021"),
    ("The company sold 2,014 cars.", "2,014"),
    ("A service of thanksgiving was held.", "thanksgiving"),
    ("They march 3 miles a day.", "march 3"),
    ("The score was 3-1 at half time.", "3-1"),
    ("He has been there in years past.", "years"),
    ("May's government collapsed.", "May"),
    ("The March vote failed.", "March"),
]


def test_not_dates_are_unique() -> None:
    """Each lookalike row is a distinct input."""
    assert len({t for t, _ in NOT_DATES}) == len(NOT_DATES)


@pytest.mark.parametrize(("text", "words"), NOT_DATES)
def test_lookalikes_are_not_dates(text: str, words: str) -> None:
    """Modal "may", the verb "march", newspapers, compounds and counts after a month are not dates."""
    start = text.index(words)
    end = start + len(words)
    touching = [m for m in verify.extract(text, published=PUB).dates if m.start < end and start < m.end]
    assert touching == []


def test_stated_weekday_is_kept_not_corrected() -> None:
    """A weekday that disagrees with its date is kept as written (March 14, 2023 is a Tuesday)."""
    (m,) = verify.extract("They met on Monday, March 14, 2023.", published="2023-03-20").dates
    assert WEEKDAYS[m.weekday] == "Monday"
    assert m.earliest == D("2023-03-14")
    assert m.earliest.weekday() == 1


def test_impossible_dates_are_extracted_with_a_reason() -> None:
    """February 30, June 31 and February 29 of a common year are mentions with no interval."""
    text = "It closed on February 30, June 31 and February 29, 2021."
    mentions = verify.extract(text, published=PUB).dates
    assert [m.text for m in mentions] == ["February 30", "June 31", "February 29, 2021"]
    assert all(m.earliest is None and m.latest is None and m.invalid for m in mentions)
    assert "leap" in mentions[2].invalid


def test_leap_day_is_valid_in_leap_years() -> None:
    """February 29, 2020 is a real date."""
    (m,) = verify.extract("It opened on February 29, 2020.", published=PUB).dates
    assert m.invalid is None and m.earliest == D("2020-02-29")


def test_relative_mentions_say_what_they_count_from() -> None:
    """"two days later" counts from the date before it; "yesterday" from publication."""
    text = "The first convoy crossed on November 20. A second followed two days later, a day after the border reopened yesterday."
    mentions = {m.text: m for m in verify.extract(text, published=PUB).dates}
    assert mentions["two days later"].anchor == "previous"
    assert mentions["two days later"].earliest == D("2021-11-22")
    assert mentions["yesterday"].anchor == "published" and mentions["yesterday"].relative


def test_counted_from_an_event_stays_unresolved() -> None:
    """"one day after they met" is a mention with no date: the event it counts from has none."""
    (m,) = verify.extract("The two leaders spoke one day after they met.", published=PUB).dates
    assert m.text == "one day after" and m.relative and m.anchor is None and not m.resolved


def test_counted_from_the_following_date() -> None:
    """"two days after March 3" counts from March 3."""
    mentions = verify.extract("It ended two days after March 3, 2022.", published="2022-04-01").dates
    assert mentions[0].text == "two days after" and mentions[0].anchor == "following"
    assert mentions[0].earliest == D("2022-03-05")


def test_tense_and_cue_are_recorded() -> None:
    """Each mention carries its clause's tense and the words that set it."""
    text = "The envoys will meet on December 14. The president took office in January."
    first, second = verify.extract(text, published=PUB).dates
    assert (first.tense, first.tense_cue) == ("future", "will")
    assert (second.tense, second.tense_cue) == ("past", "took")
    assert first.year_inferred and second.year_inferred


def test_sentence_and_quotation_are_recorded() -> None:
    """A mention knows its sentence and whether it stands in a direct quotation."""
    text = 'He said: "We will meet on Friday." The talks ended on Monday.'
    quoted, plain = verify.extract(text, published=PUB).dates
    assert quoted.quoted and not plain.quoted
    assert plain.sentence is not None and plain.sentence.text == "The talks ended on Monday."


def test_mentions_are_in_text_order_and_do_not_overlap() -> None:
    """Mentions come in order and never overlap one another."""
    text = open_seed()
    mentions = verify.extract(text, published=PUB).dates
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


def open_seed() -> str:
    from pathlib import Path

    return (Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "biden-putin-2021-12-08.txt").read_text()


def test_seed_dates() -> None:
    """The seed story's dates resolve as the extraction issue's done-when list says."""
    mentions = {m.text: m for m in verify.extract(open_seed(), published=PUB).dates}
    assert mentions["December 10"].earliest == D("2021-12-10") == mentions["December 10"].latest
    assert mentions["December 9"].earliest == D("2021-12-09") == mentions["December 9"].latest
    assert mentions["since 2014"].earliest == D("2014-01-01") and mentions["since 2014"].latest is None
    assert (mentions["January"].earliest, mentions["January"].latest) == (D("2021-01-01"), D("2021-01-31"))
    assert "one day after" in mentions
    assert mentions["in a few days"].granularity == "vague" and mentions["in a few days"].earliest > D(PUB)
    assert not any("two-hour" in m for m in mentions)


def test_long_repetitive_input_is_read_in_one_pass() -> None:
    """Thousands of near-misses of the compound patterns are handled (the patterns are bounded)."""
    from verify.extract.text import frame

    text = "1 year, " * 2000 + "and then 2 days " * 2000 + "May " * 2000 + "3 days later. " * 200
    mentions = date_module.find_dates(text, frame(text), D(PUB))
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert len([m for m in mentions if m.text == "3 days later"]) == 200


def test_patterns_are_compiled_at_import() -> None:
    """Every recognition pattern is a compiled regular expression, built once."""
    assert all(hasattr(p, "finditer") for _, p in date_module._PATTERNS)
