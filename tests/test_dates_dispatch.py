"""The date scan's shortcuts (what follows a number, what follows "the", cues read only where a
date stands) find exactly what trying every pattern at every start word and reading every cue
finds."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
import sys
from pathlib import Path

import pytest

from verify.document import Document
from verify.extract import dates as D
from verify.extract import datetables as T
from verify.extract.text import frame
from verify.model import Span

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

# The plain scan the shortcuts replace: every whole word, number and "'" before a digit.
_TOKEN = re.compile(r"(?<!\w)(?:(?P<digit>\d)|(?P<apostrophe>['’])(?=\d)|(?P<word>\w+))")
# Every pattern as it reads the prose itself: ignoring case where it ignores case.
_ON_PROSE = [(kind, D._any_case(p) if p in D._CASELESS else p) for kind, p in D._PATTERNS]
_PLAIN: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
for _kind, _pattern in _ON_PROSE:
    for _word in D._STARTS[_kind]:
        _PLAIN.setdefault(_word, []).append((_kind, _pattern))


def _plain_matches(prose: str) -> list[tuple[str, tuple[int, int]]]:
    """Every pattern listed under a start word, tried wherever that word stands."""
    found = []
    for hit in _TOKEN.finditer(prose):
        key = {"digit": "0", "apostrophe": "'"}.get(hit.lastgroup or "") or hit.group().lower()
        for kind, pattern in _PLAIN.get(key, ()):
            m = pattern.match(prose, hit.start())
            if m:
                found.append((kind, m.span()))
    return found


def _proses() -> list[str]:
    texts = []
    for path in sorted(FIXTURES.rglob("*")):
        if path.suffix in (".md", ".txt", ".html"):
            fmt = {".md": "markdown", ".html": "html"}.get(path.suffix, "text")
            texts.append(Document.from_text(path.read_text(encoding="utf-8"), format=fmt).prose)
    return texts


# Numbers, "the", counts and "in" in every shape the patterns read, and in shapes none of them reads.
_NUMBERS = ["9", "12", "123", "2021", "1990", "12345", "1st", "22nd", "3rd", "2021Q3", "2021_"]
_AFTER = [" ", "-", "–", "/", ".", "'", "’", "s", "S", "th", " - ", ",", "%", "", ":", "x"]
_TAILS = ["December", "10 December", "10th of May", "of May", "days ago", "H1", "Q2", "2022", "10/2021", "10", "century", "half of 2021"]
_THE = ["the 9th of May", "The first half of 2021", "the nineties", "the mid-nineties", "the Fourth of July",
        "the day before yesterday", "the next day", "the past three years", "the end of the month",
        "the same day", "the week after", "the twenty-first of June", "the  last Friday of October",
        "the president", "theft", "the\n1990s", "the  2nd quarter", "the previous week", "the upcoming year",
        "a few days later", "a couple of weeks ago", "a number of years before", "two people", "a lot",
        "one day after", "several months earlier", "three days from now", "in recent days", "within days",
        "in the coming weeks", "in two weeks' time", "in 2021", "within the next 10 days", "in a year",
        "in the past three years", "inside", "in May", "some decades back", "many Years ago",
        "over the weekend", "for the past two years", "during the next 10 days", "on the weekend",
        "At the weekend", "for years", "on Monday", "over last three months", "onward",
        # a day number before a range, "of" or a month; the word after "the"; the units
        "9 to 10 December", "3 through  5 May", "9 of December", "12 -  14 June", "9 people", "9 Dec",
        "the 1st Tuesday of May", "the fourth Thursday of November", "the day after tomorrow",
        "the current year", "the upcoming week", "the preceding day", "the middle of the year",
        "the mid-nineties", "the middle ages", "the firstborn", "the pasta", "the lastest",
        "year-to-date", "year to date", "decades back", "a week prior to", "week after week",
        "years ago", "the year before", "in the city", "in the next two weeks", "within the coming days",
        "the next week", "the last year", "the past month", "the coming decade", "the previous quarter",
        "the this year", "the upcoming weekend", "the current century", "the following week",
        "the same week", "the month before", "the year after", "the last two days", "the following 10 days",
        "the coming five years", "the next four weeks", "the fifth Monday of May", "the last Friday of October",
        "the second Sunday in this month", "the early nineties", "the end of the eighties", "the late seventies",
        # what follows a relative word, a month, a weekday or a count (the scan reads it on)
        "last early March", "next  Christmas", "this morning", "last 3 weeks", "next few days", "at last",
        "this is", "upcoming year", "next", "last Friday of May", "coming  summer", "past  decade",
        "Dec.-Feb.", "June - August 2021", "Dec. 9", "Dec, 2021", "December of 2021", "dec.9", "March first",
        "Monday, Dec. 9", "Monday the 9th", "Wednesday of next week", "Wed this week", "Sun, May 3",
        "Thursday the twenty-first", "sat the", "a year and two months ago", "two years, three months later",
        "a week and a day from now", "a couple of weeks later", "a few days hence", "two years back",
        "one day before", "a week of talks", "1 year, 2 months ago", "last fall", "previous Easter", "following Saturday",
        "this afternoon", "current quarter", "last night", "next Valentine's Day", "upcoming 2 weeks",
        "March 2021", "March  9th", "March, 2021", "March of 2021", "Dec. 2021", "march9", "June-July", "May 30000",
        "Sept.  30", "Oct 1999s", "in the past year", "within the next few days", "in past years", "a year and days later",
        "two weeks, 3 days ago", "end of 2021", "start of next week", "the end", "end  of the war", "start-up",
        "first of May", "third  half", "second-quarter 2021", "fifth century", "first  Tuesday of May", "first time",
        "21st-century", "21st  century", "1st  quarter of 2021", "3rd half", "2nd Monday in May", "9th-10th May",
        "9th  to 10th May", "9th of May", "9th   May", "5g", "the first  of May", "the fourth of July",
        "the  fifth Monday of May", "the first time", "2010 - 2015", "2021 H1", "2021 Q3", "2010  – 15", "2021  q3",
        "the 9 May", "the 12 - 14 June", "the 3 to 5 May", "the 2nd  Sunday in May", "the 9 people",
        "early 2021", "mid-2020", "late  March", "mid-Dec.", "early '90s", "late 1990s", "early 21st century",
        "late twentieth-century", "late summer", "end of the year", "beginning of next month", "middle of  2020",
        "start of the 1990s", "end of March", "end of the summer", "end of the 20th century", "Dec. 2021",
        "Dec.,  2021", "Dec. of 2021", "Jan. 5, 2021", "end of the century", "middle of this decade"]  # fmt: skip
# Letters that lower case cannot fold as IGNORECASE does ("İ", "ı", "ſ"): the scans ignore case.
_UNFOLDED = ["In May 3 fortnıghts ago", "He waſ in Paris on May 3.", "She ıs in Rome on May 3.",
             "İn May 3 Weeks ago, 2 FORTNIGHTS later", "ſo the ſame day, the ſecond Monday of May, the 9th"]
# Every holiday name the table spells (capitalised and not), alone and after a relative word.
_HOLIDAYS = ", ".join(f"on {h.title()} and next {h}" for h in T.HOLIDAYS) + ", over the   weekend, at the  weekend"
SYNTHETIC = [
    *_UNFOLDED,
    " ".join(f"{n}{a}{t}" for n, a, t in itertools.product(_NUMBERS, _AFTER, _TAILS)),
    " ".join(f"In {t}, {n}{a}" for n, a, t in itertools.product(_NUMBERS, _AFTER, _THE)),
    _HOLIDAYS,
]


@pytest.mark.parametrize("prose", [*SYNTHETIC, *_proses()], ids=itertools.count())
def test_scan_finds_what_the_plain_scan_finds(prose: str) -> None:
    """Each shortcut only skips places where no pattern can match: the matches are the same."""
    assert [(kind, m.span()) for kind, m in D._matches(prose)] == _plain_matches(prose)


# The plain cue scan the date scan's cue starts replace: every word start, and every apostrophe
# of "'ll", ignoring case (the cue is then looked for at each).
_CUE_PLAIN = re.compile(r"(?<!\w)\w|['’](?=ll(?!\w))", re.IGNORECASE)


def _every_cue_tenses(prose: str, cands: list, sentences: list[Span]) -> list[tuple[str | None, str | None]]:
    """The tenses read the plain way: every cue of the whole text, then for each mention the
    nearest cue before it in its sentence (past a future auxiliary), else the first after it."""
    starts = [c.start for c in cands]
    cues = []
    for m in filter(None, (D._any_case(D._CUES).match(prose, hit.start()) for hit in _CUE_PLAIN.finditer(prose))):
        k = bisect.bisect_right(starts, m.start()) - 1
        if (k < 0 or cands[k].end <= m.start()) and (cue := D._cue(prose, m)) is not None:
            cues.append(cue)
    cue_starts = [cue[0] for cue in cues]
    out: list[tuple[str | None, str | None]] = []
    for c, sentence in zip(cands, sentences):
        i = bisect.bisect_left(cue_starts, c.start) - 1
        while i >= 0 and cues[i][1] > c.start:
            i -= 1
        if i >= 0 and cues[i][0] >= sentence.start:
            cue, prev = cues[i], cues[i - 1] if i > 0 else None
            participle = cue[2] != "future" and prev and prev[2] == "future" and prev[0] >= sentence.start
            if participle and cue[0] - prev[1] <= 12:
                out.append((prev[2], f"{prev[3]} … {cue[3]}"))
            else:
                out.append((cue[2], cue[3]))
            continue
        j = bisect.bisect_left(cue_starts, c.end)
        if j < len(cues) and cues[j][0] < sentence.end:
            opening = len(re.findall(r"[\w'’-]+", prose[sentence.start : c.start])) <= 2
            out.append((None, None) if cues[j][3] in T.REPORTING and not opening else cues[j][2:])
        else:
            out.append((None, None))
    return out


@pytest.mark.parametrize("prose", [*_UNFOLDED, *SYNTHETIC[len(_UNFOLDED) + 1 :], *_proses()], ids=itertools.count())
def test_tenses_read_up_to_each_mention_are_the_tenses_from_all_cues(prose: str) -> None:
    """Reading a sentence's cues only up to its last mention, and after a mention only up to
    the first cue, gives every mention the tense that reading every cue of the text gives."""
    sentences = frame(prose)
    cands = D._candidates(prose)
    own = [sentences.sentence_at(c.start) for c in cands]
    low = D._folded(prose)
    assert D._tenses(prose, low, D._scan(prose, low)[1], cands, own) == _every_cue_tenses(prose, cands, own)


@pytest.mark.parametrize("prose", [*_UNFOLDED, *SYNTHETIC[len(_UNFOLDED) + 1 :], *_proses()], ids=itertools.count())
def test_date_scan_finds_every_cue_the_plain_cue_scan_finds(prose: str) -> None:
    """Where the plain case-blind scan finds a tense cue, the date scan finds where it starts,
    in lower case and ignoring case."""
    cue = D._any_case(D._CUES).match
    plain = [m.start() for m in _CUE_PLAIN.finditer(prose) if cue(prose, m.start())]
    for low in (D._folded(prose), None):
        assert [at for at in D._scan(prose, low)[1] if cue(prose, at)] == plain


_PREV_WORD = re.compile(r"([A-Za-z]{1,24})[\s,]{0,3}$")
_PREP_BEFORE = re.compile(r"([A-Za-z]{1,24})[\s,]{1,3}(?:the\s{1,3})?$")
_BEFORE_TEXTS = [
    "moved to the  December 3, said, the the bathe the 2021 by , , ,Dec. a-the x the\tthe ",
    "abcdefghijklmnopqrstuvwxyzabcdefgh  then the,  the   the    ends since  2014 from the  ,x",
]


@pytest.mark.parametrize("prose", [*_BEFORE_TEXTS, *_proses()[:20]], ids=itertools.count())
def test_word_before_read_backwards_is_the_forward_search(prose: str) -> None:
    """The reversed-window readings find the word the forward searches find, at every place."""
    for start in range(len(prose) + 1):
        m = _PREV_WORD.search(prose, max(0, start - 24), start)
        assert D._word_before(prose, start) == (m.group(1) if m else None)
        m = _PREP_BEFORE.search(prose, max(0, start - 30), start)
        assert D._prep_before(prose, start) == (m.group(1).lower() if m else "")


def test_nth_weekday_holidays_and_seasons_are_dateutils_arithmetic() -> None:
    """Holidays on the n-th (or last) weekday and season ends match dateutil's relativedelta."""
    import datetime as dt

    from dateutil.relativedelta import relativedelta, weekday

    from verify.extract import datetables as T

    for key, rule in T.HOLIDAY_RULES.items():
        if rule[0] == "nth":
            _, month, wd, n = rule
            for year in range(1890, 2110):
                base = dt.date(year, month, 1) if n > 0 else D._month_end(year, month)
                assert D._holiday(key, year) == base + relativedelta(weekday=weekday(wd)(n))
    for name, first in T.SEASONS.items():
        for year in range(1890, 2110):
            cand = D._Cand(0, 0, "season", {"season": name, "year": str(year)})
            D._resolve_season(cand, None)
            start = dt.date(year, first, 1)
            assert (cand.earliest, cand.latest) == (start, start + relativedelta(months=3, days=-1))


def test_day_and_week_shifts_and_compound_steps_are_relativedeltas() -> None:
    """Shifts by days and weeks, and an empty compound step, land where relativedelta lands."""
    import datetime as dt

    from dateutil.relativedelta import relativedelta

    for day in (dt.date(2020, 2, 29), dt.date(2021, 1, 31), dt.date(2021, 12, 31)):
        for unit, name, mult in (("day", "days", 1), ("week", "weeks", 1), ("fortnight", "weeks", 2)):
            for n in (-400, -3, 0, 1, 5, 53):
                assert D._shift(day, unit, n) == day + relativedelta(**{name: n * mult})
        assert day + D._more(None) == day + relativedelta() and day - D._more("") == day - relativedelta()
    cand = D._Cand(0, 0, "wdday", {"wd": "Tuesday", "day": "31"})
    D._resolve_wdday(cand, dt.date(2021, 12, 8))  # the 31sts within six months either side
    assert cand.earliest == dt.date(2021, 8, 31)  # the nearest 31st that is a Tuesday


@pytest.mark.parametrize("prose", [*SYNTHETIC[len(_UNFOLDED) :], *_proses()], ids=itertools.count())
def test_every_match_starts_with_a_listed_first_word(prose: str) -> None:
    """The table of first words misses none: wherever any pattern matches at a word, number or
    apostrophe, that token is listed for the pattern (a missing "years" lost "years ago").
    (Not on letters that only fold to a listed word ignoring case, "ſecond": no patterns there.)"""
    missed = []
    for hit in _TOKEN.finditer(prose):
        key = {"digit": "0", "apostrophe": "'"}.get(hit.lastgroup or "") or hit.group().lower()
        for kind, pattern in _ON_PROSE:
            m = pattern.match(prose, hit.start())
            if m and m.end() > m.start() and key not in D._STARTS[kind]:
                missed.append((kind, key, m.group()))
    assert not missed


def _lines_run(prose: str) -> int:
    """How many lines of the date module run while the dates of ``prose`` are found."""
    count = 0

    def local(frame, event, arg):  # type: ignore[no-untyped-def]
        nonlocal count
        count += event == "line"
        return local

    def calls(frame, event, arg):  # type: ignore[no-untyped-def]
        return local if frame.f_code.co_filename == D.__file__ else None

    published = dt.date(2021, 12, 8)
    sys.settrace(calls)
    try:
        D.find_dates(prose, frame(prose), published)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize(
    "unit",
    ["he said it would meet on May 1, and ", "On May 1, and ", "the talks end on May 1 and begin on May 2 when "],
)
def test_tenses_of_many_mentions_in_one_sentence_take_linear_work(unit: str) -> None:
    """A sentence with twice the mentions and cues costs twice the steps, not four times."""
    small, large = _lines_run(unit * 200), _lines_run(unit * 400)
    assert large / small < 2.2
