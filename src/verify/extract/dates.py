"""Date mentions: dates and time expressions, resolved against the publication date.

Recognition is verify's own (dateutil silently drops a weekday that disagrees with its date, and a
stated weekday must survive to be checked); python-dateutil's ``relativedelta`` does the
arithmetic. Every pattern is compiled at import from the tables in
:mod:`verify.extract.datetables` and uses bounded repetition only, so a pass is linear in the text.

What is recognised: full dates ("December 9, 2021", "Dec. 9", "Sept. 30", "9 December 2021",
"2021-12-09", "12/9/2021", "Thursday, Dec. 9", "the 3rd of November", "March first"); months
("January", "next March", "June 2019", "early December", "the end of April", "June-August
1992"); years, ranges of years, decades and centuries ("since 2014", "between 2010 and 2015",
"2015-2019", "mid-2020", "the 1990s", "the '80s", "the nineties", "the 21st century");
quarters, halves and seasons ("the third quarter of 2021", "Q2 2021", "the first half of 2021",
"this summer"); holidays ("Christmas", "Thanksgiving 2013", "the Fourth of July", "Easter");
weekdays ("on Monday", "last Friday", "Tuesday the 7th", "the first Tuesday in November",
"Wednesday of next week"); relative expressions ("yesterday", "last week", "next month", "three
weeks ago", "1 year, 2 months ago", "in a few days", "in the coming days", "over the past three
years", "earlier this year", "the year to date", "two days later", "the next day", "one day
after"); and intervals ("from March 3 to March 5", "Feb. 21-23", "from April until the end of
June").

How a mention is read:

* Each mention is an inclusive interval ``earliest``..``latest`` with a granularity
  (``day``, ``week``, ``month``, ``quarter``, ``season``, ``year``, ``decade``, ``century``,
  ``vague``). A stated weekday is kept in ``weekday``, never corrected.
* A date without its year ("December 10", "in January", "on Monday") takes the year, or the
  week, that puts it nearest the publication date on the side the clause's tense points to: the
  past for a past-tense clause ("Biden took office in January" in a story of December 2021 is
  January 2021), the future for a future-tense one ("will meet in January" is January 2022),
  the nearest either way when the tense is present or unknown. A day-level date up to
  :data:`TENSE_WINDOW_DAYS` days on the other side still wins, so that "on December 12 the
  minister said", in a story of December 8, reads as the December 12 it names and can be
  flagged, rather than as a year earlier.
* A date after "to", "until", "through" or "by" ("extended to Dec. 31"), or a lone "from"
  ("moved to Dec. 31 from the end of January"), is a bound, not the time of the clause's
  event: it is read as the nearest such date whatever the tense. A reported future ("said it
  would meet", "had hoped to finish") is read the same way. "next Tuesday" and "last Tuesday"
  are the Tuesday of the calendar week (Monday to Sunday) after or before publication.
* Spans hold the date itself, not a plain preposition: "in January" spans "January", "on
  Monday" spans "Monday", "by December 10" spans "December 10". Words that change the interval
  belong to it: "since 2014" (open: from 2014-01-01, no end), "from March 3 to March 5",
  "between 2010 and 2015", "last week", "three weeks ago", "early 2021".
* Relative expressions set ``relative``. Those counted from the publication date ("yesterday",
  "next month", "three weeks ago", "in a few days") have ``anchor="published"``; those counted
  from another date ("two days later", "the next day") have ``anchor="previous"`` (the last
  resolved mention before them) or ``anchor="following"`` ("two days after March 3"). "One day
  after they met" counts from an event with no date: it is a mention, left unresolved
  (``anchor=None``). Without a publication date, relative expressions stay unresolved.
* An impossible date ("February 30", "June 31", "February 29, 2021") is still a mention: its
  ``invalid`` says why, and it has no interval.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import re
from collections.abc import Iterable

import attrs
from dateutil.relativedelta import relativedelta

from verify._regex import alternation, folds_to_ascii
from verify.extract import datetables as T
from verify.extract.text import TextFrame
from verify.model import WEEKDAYS as WEEKDAY_NAMES
from verify.model import DateMention, Span

#: How far (days) a day-level date may fall on the "wrong" side of publication for its tense.
TENSE_WINDOW_DAYS = 14

# ---------------------------------------------------------------------------------------------
# Patterns, built from the tables at import.


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching bounded white space."""
    return alternation(words, space=r"\s{1,3}")


_MON = _alt(T.MONTHS)
_WD = _alt(T.WEEKDAYS)
_WD_FULL = _alt(w for w in T.WEEKDAYS if len(w) > 4)
_ORDW = _alt(T.ORDINAL_DAYS)
_HOL = _alt(T.HOLIDAYS).replace("'", "['’]")
_NUM = r"\d{1,4}|" + _alt(T.COUNTS)
_UNIT = _alt(T.UNITS)
# "1 year, 2 months and": the larger units of a compound duration, before its last unit
_MORE = rf"(?P<more>(?:(?:\d{{1,4}}|{_alt(k for k, v in T.COUNTS.items() if v is not None)})\s{{1,3}}(?:{_UNIT})s?,?\s{{1,3}}(?:and\s{{1,3}})?){{1,4}})?"
_YEAR = r"1[0-9]\d\d|20\d\d|21\d\d"
_SFX = r"(?:st|nd|rd|th)"
# A day number is not followed by more digits, a decimal, a thousands group or a time.
_DAYEND = r"\b(?![.,:]\d|\s{0,2}%|[\u00a0\u2007\u2009\u202f]\d)"  # not "May 12\u202f000 people"
_WDPREFIX = rf"(?:(?P<wd>{_WD})\b\.?,?\s{{1,3}})?"
_YEARSFX = r"(?:,?\s{1,3}(?P<year>\d{4})\b(?![.,]\d))?"
_RANGE = rf"(?:(?:\s{{0,2}}[-–]\s{{0,2}}|\s{{1,3}}(?:to|through|thru|until|till)\s{{1,3}}(?:the\s{{1,3}})?)(?P<day2>\d{{1,2}}){_SFX}?{_DAYEND})?"
_PART = (
    r"(?:(?P<part>early|mid|late)(?:-|\s{1,3})"
    r"|(?P<part2>beginning|start|end|middle)\s{1,3}of\s{1,3}(?:the\s{1,3})?)?"
)

#: The patterns that ignore case ("December", "december", "DECEMBER"). Each is compiled to read
#: the prose in lower case (:func:`_folded`), as :data:`_START` does, where sre passes over the
#: branches of a word list by their first letter (ignoring case it enters each one); so their
#: literals are written in lower case. For prose that cannot be folded, :func:`_any_case`.
_CASELESS: set[re.Pattern[str]] = set()


def _caseless(source: str) -> re.Pattern[str]:
    """A pattern that ignores case (listed in :data:`_CASELESS`), compiled for folded prose."""
    pattern = re.compile(source)
    assert not re.search(r"[A-Z]", re.sub(r"\\[A-Za-z]|\(\?P[<=]\w+>?", "", source)), source
    _CASELESS.add(pattern)
    return pattern


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # Thursday, Dec. 9, 2021 / December 9 / Dec. 9-10 / March first
    (
        "md",
        _caseless(
            rf"\b{_WDPREFIX}(?P<mon>{_MON})\b(?:\.\s{{0,3}}|\s{{1,3}})(?:the\s{{1,3}})?"
            rf"(?:(?P<day>\d{{1,2}}){_SFX}?{_DAYEND}|(?P<dayw>{_ORDW})\b){_RANGE}{_YEARSFX}"
        ),
    ),
    # Thursday 9 December 2021 / the 9th of December / the first of March
    (
        "dm",
        _caseless(
            rf"\b{_WDPREFIX}(?:the\s{{1,3}})?(?:(?P<day>\d{{1,2}}){_SFX}?"
            rf"(?:(?:\s{{0,2}}[-–]\s{{0,2}}|\s{{1,3}}(?:to|through|thru|until|till)\s{{1,3}}(?:the\s{{1,3}})?)(?P<day2>\d{{1,2}}){_SFX}?)?"
            rf"(?:\s{{1,3}}of)?|(?P<dayw>{_ORDW})\s{{1,3}}of)\s{{1,3}}(?P<mon>{_MON})\b\.?{_YEARSFX}"
        ),
    ),
    # December 2021 / early December 2021 / Dec. of 2021
    ("my", _caseless(rf"\b{_PART}(?P<mon>{_MON})\b\.?,?\s{{1,3}}(?:of\s{{1,3}})?(?P<year>{_YEAR})\b(?![.,]\d)")),
    # June-August 1992, Nov.-Feb.
    (
        "mm",
        _caseless(
            rf"\b(?P<mon>{_MON})\b\.?\s{{0,2}}[-–]\s{{0,2}}(?P<mon2>{_MON})\b\.?(?:,?\s{{1,3}}(?P<year>{_YEAR})\b)?"
        ),
    ),
    # the first half of 2021, H2 2019, the second half of next year, the first quarter of the year
    (
        "half",
        _caseless(
            rf"\b(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s{{1,3}}(?P<unit>half|quarter)\s{{1,3}}of\s{{1,3}}"
            rf"(?:(?P<year>{_YEAR})\b|(?P<rel>the|this|last|next)\s{{1,3}}year\b)|h(?P<h>[12])\s{{0,2}}(?P<year2>{_YEAR})\b|(?P<year3>{_YEAR})[-\s]h(?P<h2>[12])\b)"
        ),
    ),
    # the year to date, so far this year
    ("ytd", _caseless(r"\b(?:year[-\s]to[-\s]date|so\s{1,3}far\s{1,3}this\s{1,3}year)\b")),
    # the nineties
    ("decadeword", _caseless(rf"\bthe\s{{1,3}}(?P<core>(?:{_PART})?(?P<dw>{_alt(T.DECADE_WORDS)}))\b")),
    # 2021-12-09
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b(?![-/]\d)")),
    # 12/9/2021, 31/12/2021, 10.31.1974
    ("num", re.compile(r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})\b(?![/.]\d)")),
    # January (a bare month; cues checked in code)
    ("m", _caseless(rf"\b(?:(?P<rel>last|next|this|coming|past)\s{{1,3}})?{_PART}(?P<mon>{_MON})\b\.?(?!\s{{0,3}}\d)")),
    # 2014, early 2021, mid-2021
    ("y", re.compile(rf"\b{_PART}(?P<year>{_YEAR})\b(?![.,]\d|\s{{0,2}}(?:%|percent|per\s{{1,3}}cent))")),
    # 2010-2015, 2010–15
    ("yy", re.compile(rf"\b(?P<year>{_YEAR})\s{{0,2}}[-–]\s{{0,2}}(?P<year2>\d{{4}}|\d{{2}})\b(?![.,]\d|[-–]\d)")),
    # the 1990s, the early 2000s, the '90s
    ("decade", _caseless(rf"(?:\b{_PART})?(?:\b(?P<dec4>1\d\d0|20\d0)|['’](?P<dec2>\d0))['’]?s\b")),
    # the 21st century, the twentieth century
    ("century", _caseless(rf"\b{_PART}(?P<ord>{_alt(T.ORDINALS)})[-\s]century\b")),
    # the third quarter of 2021, Q3 2021
    (
        "quarter",
        _caseless(
            rf"\b(?:(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]quarter(?:\s{{1,3}}of)?|q(?P<q>[1-4]))"
            rf"\s{{1,3}}(?P<year>{_YEAR})|(?P<year2>{_YEAR})[-\s]?q(?P<q2>[1-4]))\b"
        ),
    ),
    # this summer, last winter, summer 2021, the spring of 2020
    (
        "season",
        _caseless(
            rf"\b(?:(?P<rel>this|last|next|past|coming)\s{{1,3}}|{_PART})"
            rf"(?P<season>{_alt(T.SEASONS)})\b(?:\s{{1,3}}(?:of\s{{1,3}})?(?P<year>{_YEAR})\b)?"
        ),
    ),
    # Christmas, Thanksgiving 2013, last Easter, the Fourth of July
    (
        "holiday",
        _caseless(
            rf"\b(?:(?P<rel>this|last|next|previous|following|coming)\s{{1,3}})?(?P<hol>{_HOL})"
            rf"(?:,?\s{{1,3}}(?:of\s{{1,3}})?(?P<year>{_YEAR})\b)?(?!\w)"
        ),
    ),
    # Tuesday the 19th, Wed 13th
    (
        "wdday",
        _caseless(
            rf"\b(?P<wd>{_WD})\b\.?,?\s{{1,3}}(?:the\s{{1,3}})?(?:(?P<day>\d{{1,2}}){_SFX}\b|(?P<dayw>{_ORDW})\b)(?!\s{{0,3}}(?:of\s{{1,3}})?(?:{_MON})\b)"
        ),
    ),
    # the end of the month, the beginning of next year
    (
        "calpart",
        _caseless(
            r"\b(?P<part2>beginning|start|end|middle)\s{1,3}of\s{1,3}(?:(?P<rel>this|last|next|past|coming|current|previous|the)\s{1,3})?"
            r"(?P<unit>week|month|year|decade|century)\b"
        ),
    ),
    # the first Tuesday in November, the last Friday of October 2013, the second Monday of this month
    (
        "nthwd",
        _caseless(
            rf"\b(?:the\s{{1,3}})?(?P<ord>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s{{1,3}}(?P<wd>{_WD_FULL})\s{{1,3}}(?:of|in)\s{{1,3}}"
            rf"(?:(?P<mon>{_MON})\b\.?(?:,?\s{{1,3}}(?P<year>{_YEAR})\b)?|(?:(?P<rel>this|next|last|the)\s{{1,3}})month\b)"
        ),
    ),
    # Wednesday of next week, Monday this week
    (
        "wdweek",
        _caseless(rf"\b(?P<wd>{_WD_FULL})\s{{1,3}}(?:of\s{{1,3}})?(?P<rel>this|next|last)\s{{1,3}}week\b"),
    ),
    # Monday, last Friday, next Tuesday, Sunday night
    (
        "wd",
        _caseless(
            rf"\b(?:(?P<rel>last|next|this|coming|past)\s{{1,3}})?(?P<wd>{_WD_FULL})\b"
            r"(?:\s{1,3}(?:morning|afternoon|evening|night)\b)?"
        ),
    ),
    # yesterday, today, tomorrow night, the day before yesterday
    (
        "dayword",
        _caseless(rf"\b(?P<dw>{_alt(T.DAY_WORDS)})\b(?:\s{{1,3}}(?:morning|afternoon|evening|night)\b)?"),
    ),
    # last week, next month, this year, the past year, earlier this year, later this month
    (
        "cal",
        _caseless(
            r"\b(?:(?P<mod>earlier|later)\s{1,3}(?:this|in\s{1,3}the)\s{1,3}|(?P<the>the\s{1,3})?"
            r"(?P<rel>this|last|next|past|coming|current|previous|upcoming)\s{1,3})"
            r"(?P<unit>week|weekend|month|year|quarter|decade|century)\b"
        ),
    ),
    # over the weekend
    ("weekend", _caseless(r"\b(?:over|during|at|on)\s{1,3}the\s{1,3}weekend\b")),
    # three weeks ago, a year ago, years ago
    ("ago", _caseless(rf"\b{_MORE}(?:(?P<n>{_NUM})\s{{1,3}})?(?P<unit>{_UNIT})s?\s{{1,3}}(?:ago|back)\b")),
    # two days later, a year earlier, one day after, days later
    (
        "later",
        _caseless(
            rf"\b{_MORE}(?:(?P<n>{_NUM})\s{{1,3}})?(?P<unit>{_UNIT})s?\s{{1,3}}"
            r"(?P<dir>later|earlier|after|before|prior\s{1,3}to|afterwards?)\b(?!\s{1,3}than)"
        ),
    ),
    # the next day, the following week, the previous day, the same day, the day before
    (
        "then",
        _caseless(
            r"\bthe\s{1,3}(?:(?P<rel>next|following|previous|preceding|same)\s{1,3}"
            r"(?P<unit>day|week|month|year|morning|afternoon|evening|night)"
            r"|(?P<unit2>day|week|month|year)\s{1,3}(?P<dir>before|after)(?!\s{1,3}(?:yesterday|tomorrow)))\b"
        ),
    ),
    # in a few days, in two weeks' time, within days, in the coming weeks, in recent days
    (
        "in",
        _caseless(
            rf"\b(?P<prep>in|within)\s{{1,3}}(?:(?P<the>the\s{{1,3}}(?:next|coming)\s{{1,3}})|(?P<recent>recent|coming)\s{{1,3}})?"
            rf"{_MORE}(?:(?P<n>{_NUM})\s{{1,3}})?(?P<unit>{_UNIT})s?\b(?:['’]s?\s{{1,3}}time\b)?"
        ),
    ),
    # the past three years, over the last 10 days
    (
        "window",
        _caseless(
            rf"\b(?:(?:in|over|during|for|within)\s{{1,3}})?(?:the\s{{1,3}})?(?P<rel>past|last|next|coming|following)\s{{1,3}}"
            rf"(?:(?P<n>{_NUM})\s{{1,3}})(?P<unit>{_UNIT})s\b"
        ),
    ),
    # three days from now
    (
        "fromnow",
        _caseless(
            rf"\b{_MORE}(?P<n>{_NUM})\s{{1,3}}(?P<unit>{_UNIT})s?\s{{1,3}}(?:from\s{{1,3}}(?P<base>now|today|tomorrow|yesterday)|hence)\b"
        ),
    ),
]

_PAIR = re.compile(rf"({_NUM})\s{{1,3}}({_UNIT})s?", re.IGNORECASE)
_RANGE_NEXT = re.compile(r"\s{0,3}(?:[-–—]|to\b|until\b|till\b|through\b|thru\b)", re.IGNORECASE)
# The word before a place, as the searches "([A-Za-z]{1,24})[\s,]{0,3}$" (the word before) and
# "([A-Za-z]{1,24})[\s,]{1,3}(?:the\s{1,3})?$" (the preposition before, "the" skipped) find it
# ending at that place, but matched once on the reversed window before it, where a search tries
# every start in the window.
_PREV_WORD_REVERSED = re.compile(r"[\s,]{0,3}([A-Za-z]{1,24})")
_PREP_BEFORE_REVERSED = re.compile(r"(?:\s{1,3}eht)?[\s,]{1,3}([A-Za-z]{1,24})")
_NEXT_WORD = re.compile(r"\s{1,3}([A-Za-z]+)")
_WS = re.compile(r"\s+")
_SPACE = re.compile(r"\s")
_WORDS = re.compile(r"[\w'’-]+")
_JOIN = re.compile(r"\s{0,3}(?:[-–—]|to|until|till|through|thru|and)\s{0,3}(?:the\s{1,3})?", re.IGNORECASE)
_JOIN_MAX = 3 + len("through") + 3 + len("the") + 3  # the longest text _JOIN matches
_APPOSITION = re.compile(r",?\s{0,3}(?:on|in)?\s{0,3}", re.IGNORECASE)

# Words after "June 31" that make it a month and a count ("In June 31 people died").
_COUNT_NOUNS = frozenset("people men women children police staff troops".split())
_FUNCTION_WORDS = frozenset(
    """
    and at in on to when the a an as after before was were is are will would that with by for
    from of or but said says last this next through until he she it they we i you his her its
    their our while during despite amid against where which who whose than also then only
    """.split()
)

# Clause-tense cues, tried where the date scan (:data:`_START`) finds one can start. Like it, they
# are matched on the prose in lower case (:func:`_folded`): sre skips a literal branch that cannot
# match at a glance only when case counts.
_CUES = re.compile(
    r"\b(?:(?P<future>"
    + "|".join(T.FUTURE_CUES)
    + r")|(?P<past>"
    + _alt(T.IRREGULAR_PAST)
    + r"|[A-Za-z][a-z]{2,20}ed|ha[sd]\s{1,3}been|ha[sd]|have)|(?P<present>"
    + "|".join(T.PRESENT_CUES)
    + r"))\b"
)


# ---------------------------------------------------------------------------------------------
# Candidates


class _Cand:
    """A recognised expression before resolution.

    A plain class whose defaults are class attributes: making one sets four fields, not
    seventeen, and most candidates change only a few of them.
    """

    earliest: dt.date | None = None
    latest: dt.date | None = None
    granularity: str = "day"
    weekday: int | None = None
    relative: bool = False
    anchor: str | None = None
    tense: str | None = None
    tense_cue: str | None = None
    year_inferred: bool = False
    invalid: str | None = None
    drop: bool = False
    # the sentence and the word before the mention (:func:`_prep_before`), read at ``start``
    sentence: Span | None = None
    before: str | None = None

    def __init__(
        self,
        start: int,
        end: int,
        kind: str,
        groups: dict[str, str | None],
        earliest: dt.date | None = None,
        latest: dt.date | None = None,
    ) -> None:
        self.start, self.end, self.kind, self.groups = start, end, kind, groups
        if earliest is not None or latest is not None:
            self.earliest, self.latest = earliest, latest

    def evolve(self, **changes: object) -> _Cand:
        """A copy with ``changes``."""
        new = object.__new__(_Cand)
        new.__dict__.update(self.__dict__, **changes)
        return new

    @property
    def resolved_any(self) -> bool:
        return not self.drop and (self.earliest is not None or self.latest is not None)


_PART_WORDS = {"beginning": "early", "start": "early", "middle": "mid", "end": "late"}


def _part(g: dict[str, str | None]) -> str | None:
    """The part of a period a mention names: "early", "mid" or "late" (None for all of it)."""
    if g.get("part"):
        return g["part"]
    word = g.get("part2")
    return _PART_WORDS[word.lower()] if word else None


def _word_before(prose: str, start: int) -> str | None:
    """The word (up to 24 letters) before ``start``, past up to three spaces or commas."""
    m = _PREV_WORD_REVERSED.match(prose[max(0, start - 24) : start][::-1])
    return m.group(1)[::-1] if m else None


def _prev_word(prose: str, start: int) -> str:
    word = _word_before(prose, start)
    return word.lower() if word else ""


def _prep_before(prose: str, start: int) -> str:
    """The word before ``start`` past one to three spaces or commas and a "the" ("to the")."""
    m = _PREP_BEFORE_REVERSED.match(prose[max(0, start - 30) : start][::-1])
    return m.group(1)[::-1].lower() if m else ""


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _capital(prose: str, m: re.Match[str], group: str | int) -> bool:
    """Whether ``group`` of ``m`` starts with a capital in ``prose`` (``m`` may be a match of
    the prose in lower case, whose groups are in lower case)."""
    start, end = m.span(group)
    return start < end and prose[start].isupper()


def _month_ok(mon: str, capital: bool, *, bare: bool, sure: bool = False) -> bool:
    """Whether a matched month word is a month: ambiguous words and bare months need a capital
    (``capital``: whether the word is written with one).

    ``sure`` says the context already makes it a date ("march 3rd", "the 1st of may", "may 5,
    2021"), where a lower-case "march" or "may" can only be the month.
    """
    key = mon.lower()
    if bare and not capital and (key in T.AMBIGUOUS_MONTHS or key not in T.FULL_MONTHS):
        return False  # a lower-case bare month must be a full, unambiguous name ("in september")
    if key.rstrip(".") in T.AMBIGUOUS_MONTHS and not capital and not sure:
        return False
    return True


_ORDINAL_NUMBER = re.compile(r"\d(?:st|nd|rd|th)\b")
# the kinds whose context rules in _accept read the word before the match
_READS_WORD_BEFORE = frozenset({"m", "y", "season", "wd", "decade"})
# the kinds _accept has rules for (every match of another kind is accepted without a call)
_RULED = frozenset(
    {"md", "dm", "my", "m", "cal", "mm", "wdday", "holiday", "y", "yy", "season", "wd", "dayword", "in", "decade"}
)


def _accept(prose: str, kind: str, m: re.Match[str], g: dict[str, str | None]) -> bool:
    """Context rules that a regex cannot say cheaply (cue words, capitals, counts).

    ``g`` is ``m.groupdict()``. ``m`` may be a match of the prose in lower case (:func:`_scan`):
    capitals are read in ``prose``, and no other rule reads case.
    """
    before = _prev_word(prose, m.start()) if kind in _READS_WORD_BEFORE else ""
    if kind in ("md", "dm", "my", "m"):
        # (whether the context makes it a date matters only for a lower-case month: _month_ok)
        capital = _capital(prose, m, "mon")
        sure = capital or bool(
            g.get("year")
            or g.get("dayw")
            or _ORDINAL_NUMBER.search(text := m.group(0).lower())
            or kind == "dm" and " of " in text
            or kind == "md" and not _NEXT_WORD.match(prose, m.end())
        )
        if not capital and not _month_ok(g["mon"], capital, bare=kind == "m", sure=sure):  # (a capital passes)
            return False
        if kind == "m":
            key = g["mon"].lower().rstrip(".")
            if len(key) <= 4 and key not in ("may", "june", "july") and not m.group(0).endswith("."):
                return False  # "Jan", "Mar" without a stop are names, not months
            possessive = prose.startswith(("'s", "’s"), m.end()) and key not in T.AMBIGUOUS_MONTHS
            if not (_part(g) or g.get("rel")) and before not in T.TIME_CUES and not possessive:
                return False
        if kind == "md" and g.get("wd") and len(g["wd"]) <= 4 and not _capital(prose, m, "wd"):
            return False
        if kind in ("md", "dm") and not g.get("year") and not g.get("wd"):
            nxt = _NEXT_WORD.match(prose, m.end())
            if nxt:
                word = nxt.group(1)
                low = word.lower()
                if word.islower() and low not in _FUNCTION_WORDS and (low in _COUNT_NOUNS or low.endswith("s")):
                    return False
    elif kind == "cal":
        if g.get("the") and (g.get("rel") or "").lower() == "previous":
            return False
    elif kind == "mm":
        if not (_capital(prose, m, "mon") and _capital(prose, m, "mon2")) and not g.get("year"):
            return False
    elif kind == "wdday":
        if len(g["wd"]) <= 4 and not _capital(prose, m, "wd") and not g.get("day"):
            return False
    elif kind == "holiday":
        if not _capital(prose, m, "hol") and g["hol"].lower() in T.LOWERCASE_HOLIDAY_WORDS:
            return False
    elif kind == "y":
        if not _part(g) and before not in T.TIME_CUES:
            return False
    elif kind == "yy":
        y1, y2 = int(g["year"]), g["year2"]
        y2n = int(y2) if len(y2) == 4 else y1 // 100 * 100 + int(y2)
        if not y1 < y2n <= y1 + 200:
            return False
    elif kind == "season":
        if not (g.get("rel") or g.get("year")):
            if before not in ("in", "during", "the", "by", "until", "since", "over", "through", "last", "this"):
                return False
            if g["season"].lower() == "fall" and before != "the":
                return False
            if prose[m.end() : m.end() + 4].lower() == " of ":
                return False
    elif kind == "wd":
        # "The Sunday Times", "Monday Night Football": a name, not a day.
        nxt = _NEXT_WORD.match(prose, m.end())
        if nxt and _capitalised(nxt.group(1)) and before == "the":
            return False
    elif kind == "dayword":
        # "USA Today", "the Today programme": a capitalised day word after a capitalised word
        word = _word_before(prose, m.start())
        if _capital(prose, m, 0) and word and _capitalised(word):
            return False
    elif kind == "in":
        if not (g.get("n") or g.get("the") or g.get("recent")):
            unit_plural = m.group(0).rstrip().lower().endswith("s")
            if not (g["prep"].lower() == "within" and unit_plural):
                return False
    elif kind == "decade":
        if g.get("dec2") and not _part(g) and before != "the":
            return False
    return True


def _firsts(words: Iterable[str]) -> set[str]:
    """The first word of each phrase ("twenty-first" -> "twenty", "new year's day" -> "new")."""
    return {m.group(0) for w in words if (m := _TOKEN.match(w.lower()))}


_TOKEN = re.compile(r"\w+")
_RELS = {"last", "next", "this", "coming", "past", "previous", "following", "current", "upcoming"}
_PARTS = {"early", "mid", "late", "beginning", "start", "end", "middle"}
_COUNT_WORDS = _firsts(T.COUNTS)
_UNIT_PLURALS = {unit + "s" for unit in _firsts(T.UNITS)}  # "years", "days"
#: The words each pattern's match can start with ("0" stands for any number, "'" for the
#: apostrophe of "'90s"). Every pattern is tried only where one of its first words stands, so
#: a pass over the text costs one scan for those words and a look-up per word found.
_STARTS: dict[str, set[str]] = {
    "md": _firsts(T.WEEKDAYS) | _firsts(T.MONTHS),
    "dm": _firsts(T.WEEKDAYS) | _firsts(T.ORDINAL_DAYS) | {"the", "0"},
    "my": _PARTS | _firsts(T.MONTHS),
    "m": _RELS | _PARTS | _firsts(T.MONTHS),
    "century": _PARTS | _firsts(T.ORDINALS) | {"0"},
    "season": _RELS | _PARTS | _firsts(T.SEASONS),
    "holiday": _RELS | _firsts(T.HOLIDAYS),
    "wdday": _firsts(T.WEEKDAYS),
    "nthwd": _firsts(T.ORDINALS) | {"the", "last", "0"},
    "wdweek": _firsts(T.WEEKDAYS),
    "calpart": _PARTS,
    "mm": _firsts(T.MONTHS),
    "half": _firsts(T.ORDINALS) | {"h", "h1", "h2", "0"},
    "decadeword": {"the"},
    "wd": _RELS | _firsts(T.WEEKDAYS),
    "dayword": _firsts(T.DAY_WORDS),
    "cal": _RELS | {"earlier", "later", "the"},
    # (a unit in the plural starts "years ago" and "days later", which count none)
    "ago": _COUNT_WORDS | _firsts(T.UNITS) | _UNIT_PLURALS | {"0"},
    "later": _COUNT_WORDS | _firsts(T.UNITS) | _UNIT_PLURALS | {"0"},
    "then": {"the"},
    "window": _RELS | {"in", "over", "during", "for", "within", "the"},
    "fromnow": _COUNT_WORDS | {"0"},
    "ytd": {"year", "so"},
    "iso": {"0"},
    "num": {"0"},
    "y": _PARTS | {"0"},
    "yy": {"0"},
    # "the '90s" starts at the apostrophe ("'"), "the 1990s" at a number
    "decade": _PARTS | {"0", "'"},
    "quarter": {"first", "second", "third", "fourth", "q1", "q2", "q3", "q4", "0"},
    "weekend": {"over", "during", "at", "on"},
    "in": {"in", "within"},
}
_BY_WORD: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
for _kind, _pattern in _PATTERNS:
    for _word in _STARTS[_kind]:
        _BY_WORD.setdefault(_word, []).append((_kind, _pattern))
#: What can follow a number's digits, and which of the number's patterns ("0" above) can match
#: there. Every pattern that starts at a digit reads one or two digits (a day, "1st") or four (a
#: year), or up to four before a calendar unit (a count: "3 weeks ago"), and then a space, a
#: letter (an ordinal's "st", "Q", the "s" of "1990s"), a dash, "/" or ".", or an apostrophe;
#: only a year (``y``) ends before any other character. So a number tries only the patterns its
#: length and what follows it allow, and "100 people", "5%" or "100000" none.
_AFTER_NUMBER: dict[str, set[str]] = {
    "n_unit": {"dm", "half", "y", "yy", "quarter", "ago", "later", "fromnow"},  # "3 weeks"
    "n_day": {"dm"},  # "9 December", "9 to 10 December", "9 of December"
    "n_year": {"half", "y", "yy", "quarter"},  # "2021 Q3", "2010 - 2015"
    "y_letter": {"quarter", "decade"},  # "2021Q3", "1990s"
    "y_dash": {"half", "iso", "y", "yy", "quarter"},  # "2021-12-09", "2010-15", "2021-H1"
    "y_stop": {"y"},  # "2021."
    "y_apostrophe": {"y", "decade"},  # "1990's"
    "y_other": {"y"},  # "2021,"
    "d_letter": {"dm", "half", "century", "quarter", "nthwd"},  # "9th", "1st half", "21st century"
    "d_dash": {"dm"},  # "9-10 December"
    "d_stop": {"num"},  # "12/9/2021"
}
assert set().union(*_AFTER_NUMBER.values()) == {kind for kind, _ in _BY_WORD["0"]}
for _after, _kinds in _AFTER_NUMBER.items():
    _BY_WORD[_after] = [(kind, pattern) for kind, pattern in _BY_WORD["0"] if kind in _kinds]
_BY_WORD["apostrophe"] = _BY_WORD["'"]
#: The words that can follow "the" in each pattern that starts with it ("0" for a number: "the
#: 9th", "the 1st Tuesday"), as each pattern spells it: "the 9th", "the first of May", "the
#: nineties", "the mid-nineties", "the Fourth of July", "the first Tuesday in May", "the day
#: before yesterday", "the past year", "the next day", "the past three years". Most "the" in
#: copy ("the president") is followed by none of them, and :data:`_START` passes it over; the
#: others try only the patterns the word after them allows.
_THE_NEXT: dict[str, set[str]] = {
    "dm": {"0", *_firsts(T.ORDINAL_DAYS)},
    "decadeword": _PARTS | set(T.DECADE_WORDS),
    "holiday": {w.split()[1] for w in T.HOLIDAYS if w.startswith("the ")},
    "nthwd": {"0", "first", "second", "third", "fourth", "fifth", "last"},
    "dayword": {w.split()[1] for w in T.DAY_WORDS if w.startswith("the ")},
    "cal": {"this", "last", "next", "past", "coming", "current", "previous", "upcoming"},
    "then": {"next", "following", "previous", "preceding", "same", "day", "week", "month", "year"},
    "window": {"past", "last", "next", "coming", "following"},
}
assert set(_THE_NEXT) == {kind for kind, _ in _BY_WORD["the"]}
_AFTER_THE = set().union(*_THE_NEXT.values()) - {"0"}
# "the" before a number, and "the " and the word after it, as keys of _BY_WORD
_BY_WORD["the_number"] = [(kind, pattern) for kind, pattern in _BY_WORD["the"] if "0" in _THE_NEXT[kind]]
for _word in _AFTER_THE:
    _BY_WORD["the " + _word] = [(kind, pattern) for kind, pattern in _BY_WORD["the"] if _word in _THE_NEXT[kind]]
# The scan reads the longest of these words that the text after "the" starts with ("middle",
# not "mid"): a shorter one must not start a pattern the longer one does not.
assert all(set(_BY_WORD["the " + a]) <= set(_BY_WORD["the " + b]) for a in _AFTER_THE for b in _AFTER_THE if b.startswith(a))
#: Count words whose only patterns count units ("a week ago", "two days later", "three days
#: from now"): a count followed by no calendar unit ("a lot", "two people") is passed over.
_COUNT_ONLY = {w for w in _COUNT_WORDS if {kind for kind, _ in _BY_WORD[w]} <= {"ago", "later", "fromnow"}}
# the words after the first of a count ("couple of" in "a couple of"), before its unit
_COUNT_RESTS = {w.split(" ", 1)[1] for w in T.COUNTS if " " in w}
#: What can follow "in" and "within" in their patterns ("in two weeks", "in the coming days",
#: "in recent days", "within days", "in the past year"); "the" only before the words of
#: :data:`_AFTER_IN_THE` ("in the city" tries no pattern).
_AFTER_IN = {"recent", "coming", *T.COUNTS, *T.UNITS, "past", "last", "next", "following"}
_AFTER_IN_THE = {"next", "coming", "past", "last", "following"}
assert {kind for w in ("in", "within") for kind, _ in _BY_WORD[w]} == {"in", "window"}
#: Prepositions whose patterns go on with "the" or a word like "past" ("over the weekend",
#: "for the past year", "during the next two weeks").
_PREPS = {"over", "during", "for", "at", "on"}
assert {kind for w in _PREPS for kind, _ in _BY_WORD[w]} == {"weekend", "window"}
#: The calendar units ("year", "week"), whose patterns go on with "ago", "later" and the like
#: ("years ago" and "days later" without a count; "year-to-date").
_UNIT_WORDS = _firsts(T.UNITS) | _UNIT_PLURALS
assert {kind for w in _UNIT_WORDS for kind, _ in _BY_WORD[w]} == {"ago", "later", "ytd"}
#: Ordinal words whose only patterns go on with a period or a weekday ("first half", "third
#: quarter", "21st century", "first of May", "first Tuesday in May"): "the first time" tries none.
_ORDINAL_WORDS = {
    w
    for w in _firsts(T.ORDINALS) | _firsts(T.ORDINAL_DAYS)
    if {kind for kind, _ in _BY_WORD[w]} <= {"century", "dm", "half", "nthwd", "quarter"} and w.isalpha()
}
assert "first" in _ORDINAL_WORDS and "fourth" not in _ORDINAL_WORDS  # ("the Fourth of July")
# (a part word goes on with "-" or a space, "early 2021"; "beginning" and "middle" with "of")
assert all({kind for kind, _ in _BY_WORD[w]} <= {"my", "m", "y", "decade", "century", "season", "calpart"}
           for w in ("early", "mid", "late", "beginning", "middle"))  # fmt: skip

_CUE_WORDS = {w for w in re.findall(r"[a-z]+", " ".join((*T.FUTURE_CUES, *T.PRESENT_CUES)))}
_CUE_WORDS |= {w[:-1] for w in _CUE_WORDS if w.endswith("s")} | set(T.IRREGULAR_PAST) | {"has", "had", "have"}
# Only the words a cue can start with (before "to", as "hopes to", or "'t", as "won't"): not "to",
# "not", "meet" or the "s" of "\s", which the scan would otherwise stop at for nothing.
_CUE_WORDS = {w for w in _CUE_WORDS if w and (_CUES.match(w + " to") or _CUES.match(w + "'t"))}


def _cue_word(word: str) -> bool:
    """Whether a tense cue (:data:`_CUES`) can start at ``word`` (in lower case): a cue word or
    a word ending in "ed"."""
    return word in _CUE_WORDS or word.endswith("ed")


#: The words after a relative word ("last", "next", "this") in each pattern that starts with one,
#: as each pattern spells them ("0" for a number): "last March", "last early March", "this
#: summer", "next Christmas", "last Friday of May", "next Tuesday", "last night", "the last three
#: years", "last week". The scan reads the word after a relative word (:data:`_READERS`) and
#: looks the two up together: "last week" tries the one pattern of eight that can match there.
_WD_FULL_WORDS = {w for w in T.WEEKDAYS if len(w) > 4}  # (the weekdays of ``_WD_FULL``)
_REL_NEXT: dict[str, set[str]] = {
    "m": _PARTS | _firsts(T.MONTHS),
    "season": set(T.SEASONS),
    "holiday": _firsts(T.HOLIDAYS),
    "nthwd": _WD_FULL_WORDS,
    "wd": _WD_FULL_WORDS,
    "dayword": {w.split()[1] for w in T.DAY_WORDS if w.split()[0] in _RELS},
    "window": _COUNT_WORDS | {"0"},
    "cal": {"week", "weekend", "month", "year", "quarter", "decade", "century"},
}
assert {kind for w in _RELS for kind, _ in _BY_WORD[w]} == set(_REL_NEXT)
_AFTER_REL = set().union(*_REL_NEXT.values()) - {"0"}
# (the word after it read whole, as a key: a word none of the patterns reads has no patterns)
assert all(re.fullmatch(r"[a-z]{1,24}", w) for w in _AFTER_REL)
_REL_READER = (re.compile(r"\s{1,3}(?:\d(?P<g0>)|(?P<g1>[a-z]{1,24})(?!\w))"), {"g0": " 0", "g1": None})
#: What follows a start word, read by the scan (:data:`_READERS`) to try only the patterns that
#: can match there: (key suffix, condition, the patterns kept), …, (None, None, the patterns
#: kept). Of the patterns named in a table, each condition (tried in turn, the first that holds
#: counts) keeps those that can match where it holds, the last entry those that can match where
#: none does; every match of a kept pattern meets its condition. A month tries the pattern of
#: "June-August" only before a dash, that of "June 2021" only before a year, that of "June 9"
#: only before a day, the bare month's not before a number; a weekday tries the patterns of
#: "Thursday, Dec. 9" only before a month, those of "Thursday the 9th" only before a day, that of
#: "Wednesday of next week" only before "this", "next" or "last"; a count tries only the pattern
#: of its last word ("a week ago", "two days later", "three days from now") when the word after
#: its unit is one of them, all three before a longer count ("a year and two months ago"), and
#: none otherwise; "in" tries the pattern of "in the past three years" only before such a word,
#: and that of "in two weeks" only before a unit.
_MONTH_GATES = (
    (" -", r"\.?\s{0,2}[-–]", {"mm", "m"}),
    (" 0", r"\s{1,3}(?:1\d|2[01])\d\d(?!\d)", {"my"}),  # (a year, as ``_YEAR`` spells it)
    (" 1", r"\s{1,3}\d", {"md"}),
    (" .0", r"\.,?\s{1,3}(?:of\s{1,3})?(?:1\d|2[01])\d\d(?!\d)", {"my", "m"}),
    (" .", r"\.", {"md", "m"}),
    (" ,", r",\s{1,3}(?:of\s{1,3})?\d|\s{1,3}of\s{1,3}\d", {"my", "m"}),
    (None, None, {"md", "m"}),
)
_WEEKDAY_GATES = (
    (" month", r"\.?,?\s{1,3}(?:" + _MON + ")", {"md"}),
    (" day", r"\.?,?\s{1,3}(?:the\s{1,3})?(?:\d|" + _ORDW + ")", {"dm", "wdday"}),
    (" week", r"\s{1,3}(?:of\s{1,3})?(?:this|next|last)", {"wdweek"}),
    (None, None, set()),
)
_COUNT_UNIT = r"(?:\s{1,3}(?:" + _alt(_COUNT_RESTS) + r"))?\s{1,3}(?:" + _UNIT + ")"  # "a few days", "a week"
_COUNT_GATES = (
    (" ago", _COUNT_UNIT + r"s?\s{1,3}(?:ago|back)", {"ago"}),
    (" later", _COUNT_UNIT + r"s?\s{1,3}(?:later|earlier|after|before|prior)", {"later"}),
    (" from", _COUNT_UNIT + r"s?\s{1,3}(?:from|hence)", {"fromnow"}),
    # (the next count or unit of "a year, two months ago", "a year and months later")
    (" more", _COUNT_UNIT + r"s?,?\s{1,3}(?:and\s{1,3})?(?:\d|(?:" + _alt(T.COUNTS) + r")\s|" + _UNIT + ")",
     {"ago", "later", "fromnow"}),
    (None, None, set()),
)
_IN_GATES = (
    (" rel", r"\s{1,3}(?:the\s{1,3})?(?:past|last|next|coming|following)", {"in", "window"}),
    # (a unit, after a count or number: "in two weeks", "in recent days", "within days")
    (
        " unit",
        r"\s{1,3}(?:(?:the\s{1,3})?(?:next|coming|recent)\s{1,3})?"
        r"(?:(?:\d{1,4}|" + _alt(T.COUNTS) + r")\s{1,3})?(?:" + _UNIT + ")",
        {"in"},
    ),
    (None, None, set()),
)
#: What follows an ordinal ("first of May", "first half", "third-quarter", "21st century",
#: "first Tuesday"): a word, "the" and a word ("the first of May"), or a number with its suffix
#: ("1st", "21st", read from its first digit, as the "d_letter" numbers are), and what follows a
#: year ("2010 - 2015", "2021 H1", "2021 Q3"; read from its first digit, as the "n_year" numbers
#: are). (Those with a dash first: "9th-10th" is a range, "21st-century" no range.)
_ORDINAL_GATES = (
    (" quarter", r"-quarter|\s{1,3}quarter", {"half", "quarter"}),
    (" century", r"-century|\s{1,3}century", {"century"}),
    (" half", r"\s{1,3}half", {"half"}),
    (" weekday", r"\s{1,3}(?:" + _WD_FULL + ")", {"nthwd"}),
    (" of", r"\s{1,3}of", {"dm"}),
    (None, None, set()),
)
_THE_ORDINAL_GATES = (
    (" weekday", r"\s{1,3}(?:" + _WD_FULL + ")", {"nthwd"}),
    (" of", r"\s{1,3}of", {"dm", "holiday"}),  # ("the fourth of July")
    (None, None, set()),
)
_NUMBER_ORDINAL_GATES = (
    *((after, r"\d\d?(?:st|nd|rd|th)(?:" + condition + ")", kinds) for after, condition, kinds in _ORDINAL_GATES[:4]),
    # (a day before a range, "of" or a month: "9th-10th", "9th to 10th", "9th of May", "9th May")
    (" day", r"\d\d?(?:st|nd|rd|th)(?:\s{0,2}[-–]|\s{1,3}(?:to|through|thru|until|till|of|" + _MON + "))", {"dm"}),
    (None, None, set()),
)
def _part_gates(after_part: str) -> _Gates:
    """What follows a part word ("early 2021", "mid-March", "the end of the year", "late
    summer", "the early 1990s", "the late 20th century") after ``after_part``: its "-", space
    or "of (the)"."""
    return (
        (" month", after_part + f"(?:{_MON})", {"my", "m"}),
        (" number", after_part + r"['’\d]", {"y", "decade", "century"}),
        (" unit", (r"\s{1,3}of\s{1,3}(?:(?:this|last|next|past|coming|current|previous|the)\s{1,3})?"
                   r"(?:week|month|year|decade|century)"), {"calpart"}),
        (" word", after_part + "[a-z]", {"century", "season"}),  # ("twentieth century", "summer")
        (None, None, set()),
    )


_PART_GATES = _part_gates(r"(?:-|\s{1,3})")  # ("early", "mid", "late")
_PART_OF_GATES = _part_gates(r"\s{1,3}of\s{1,3}(?:the\s{1,3})?")  # ("beginning", "start", "end", "middle")
_PART_OF_WORDS = ("beginning", "start", "end", "middle")
assert _PARTS == {"early", "mid", "late", *_PART_OF_WORDS}
#: (what follows "the" and a number, read from "the": "the 9th of May", "the 1st Tuesday")
_THE_NUMBER_GATES = (
    (" weekday", r"the\s{1,3}\d\d?(?:st|nd|rd|th)\s{1,3}(?:" + _WD_FULL + ")", {"nthwd"}),
    (
        " day",
        r"the\s{1,3}\d\d?(?:st|nd|rd|th)?(?:\s{0,2}[-–]|\s{1,3}(?:to|through|thru|until|till|of|" + _MON + "))",
        {"dm"},
    ),
    (None, None, set()),
)
_YEAR_GATES = (
    (" -", r"\d{4}\s{1,2}[-–]", {"yy"}),
    (" h", r"\d{4}\sh", {"half"}),
    (" q", r"\d{4}\sq", {"quarter"}),
    (None, None, set()),  # (the year alone, "y", is tried wherever one stands)
)
#: The ordinal days after "the" that are one word ("the first", not "the twenty-first").
_THE_ORDINALS = tuple("the " + w for w in T.ORDINAL_DAYS if w.isalpha())
assert all({kind for kind, _ in _BY_WORD[key]} <= {"dm", "nthwd", "holiday"} for key in _THE_ORDINALS)
assert not _firsts(T.MONTHS) & ({"the", "of", "this", "next", "last"} | _firsts(T.ORDINAL_DAYS))
_MONTH_WORDS = _firsts(T.MONTHS)
_WEEKDAY_WORDS = _firsts(T.WEEKDAYS)


_Gates = tuple[tuple[str | None, str | None, set[str]], ...]


def _reader(gates: _Gates) -> tuple[re.Pattern[str], dict[str, str | None]]:
    """One pattern matching the first condition of ``gates`` that holds after a word, each
    setting its own group, and what the word is looked up with for each group."""
    conditions = [(after, condition) for after, condition, _ in gates if condition]
    pattern = "|".join(f"(?:{condition})(?P<g{i}>)" for i, (_, condition) in enumerate(conditions))
    return re.compile(pattern), {f"g{i}": after for i, (after, _) in enumerate(conditions)}


#: The start words (and "the" with the word after it, and the classes of numbers) the scan reads
#: on from, in the prose in lower case: the pattern it matches at the word's end (a number's
#: first digit) and what it looks the word up with for each group that pattern sets (None: the
#: word it read, after a space); a word where none matches is looked up alone.
_READERS: dict[str, tuple[re.Pattern[str], dict[str, str | None]]] = {
    **dict.fromkeys(_RELS, _REL_READER),
    **dict.fromkeys(_MONTH_WORDS, _reader(_MONTH_GATES)),
    **dict.fromkeys(_WEEKDAY_WORDS, _reader(_WEEKDAY_GATES)),
    **dict.fromkeys(_COUNT_ONLY, _reader(_COUNT_GATES)),
    **dict.fromkeys(("in", "within"), _reader(_IN_GATES)),
    **dict.fromkeys(_ORDINAL_WORDS, _reader(_ORDINAL_GATES)),
    **dict.fromkeys(_THE_ORDINALS, _reader(_THE_ORDINAL_GATES)),
    "d_letter": _reader(_NUMBER_ORDINAL_GATES),
    "n_year": _reader(_YEAR_GATES),
    "the_number": _reader(_THE_NUMBER_GATES),
    **dict.fromkeys(("early", "mid", "late"), _reader(_PART_GATES)),
    **dict.fromkeys(_PART_OF_WORDS, _reader(_PART_OF_GATES)),
}


def _kinds_of(word: str) -> set[str]:
    """The patterns that start with ``word``."""
    return {kind for kind, _ in _BY_WORD[word]}


#: What the patterns that start with a preposition read after it ("on the weekend", "over the
#: past three years"); the rest of a holiday's name after its first word, for the words that
#: start holidays only and no holiday alone ("new", "president", "labor").
_PREP_NEXT = {"weekend": r"the\s{1,3}weekend", "window": r"(?:the\s{1,3})?(?:past|last|next|coming|following)"}
_HOLIDAY_REST = {
    w: [h[len(w) :] for h in T.HOLIDAYS if _firsts([h]) == {w}]
    for w in _firsts(T.HOLIDAYS)
    if _kinds_of(w) == {"holiday"} and w not in T.HOLIDAYS
}

#: What must follow each start word but the counts of :data:`_COUNT_ONLY` for a pattern to have
#: a chance there: "the", "in", a few other prepositions and the units count only before a word
#: that can continue a date; every other start word counts as a whole word. Each condition ends
#: the word.
_START_WORDS: dict[str, str] = {
    **dict.fromkeys(set().union(*_STARTS.values()) - {"0", "'"} - _COUNT_ONLY, r"(?!\w)"),
    **dict.fromkeys(_UNIT_WORDS, r"(?=\s{1,3}(?:ago|back|later|earlier|after|before|prior)|[-\s]to[-\s])"),
    "the": r"(?=\s{1,3}(?:\d\d?(?!\d)(?P<the_number>)|(?P<the_next>" + alternation(_AFTER_THE) + r")))",
    **dict.fromkeys(
        ("in", "within"),
        r"(?=\s{1,3}(?:\d|the\s{1,3}" + alternation(_AFTER_IN_THE) + "|" + alternation(_AFTER_IN) + r"))",
    ),
    # ("over the weekend", "during the past year": each before what its patterns need)
    **{w: r"(?=\s{1,3}(?:" + "|".join(_PREP_NEXT[k] for k in sorted(_kinds_of(w))) + "))" for w in _PREPS},
    # (a holiday's first word before the rest of the holiday's name: "new year's day", not "new")
    **{w: "(?=" + _alt(rest).replace("'", "['’]") + ")" for w, rest in _HOLIDAY_REST.items()},
    **dict.fromkeys(_ORDINAL_WORDS, r"(?=-(?:century|quarter)|\s{1,3}(?:of|half|quarter|century|" + _WD_FULL + r"))"),
    **dict.fromkeys(("early", "mid", "late"), r"(?=-|\s)"),
    **dict.fromkeys(("beginning", "start", "end", "middle"), r"(?=\s{1,3}of\s)"),
}


#: The letters in the order the scan tries them at a word's start: as English words most often
#: start with them ("t", "a", "o", "s"…), so that the usual word passes over few branches.
_FIRST_LETTERS = "taoswicbphfmdrelngyuvjkqzx"
assert sorted(_FIRST_LETTERS) == list("abcdefghijklmnopqrstuvwxyz")


def _word_branches(suffixes: dict[str, str]) -> str:
    """The words of ``suffixes`` as one prefix tree, each word ending in its own pattern (which
    ends the word), then a word ending in "ed" where the past cue of :data:`_CUES` can start:
    five to 23 letters (all taken, then the last two read), no longer, as that cue reads it (the
    group "cue"). To go inside a group.

    Like :func:`verify._regex.alternation`, sre tries one branch per character. The branch of a
    word's first letter is atomic and ends in "(?=\\w)" ("the word goes on"): once it is taken,
    sre does not go on to try the branches of the other letters (which cannot match) when the
    word is none of its words, but reads the word as an "-ed" word from its second letter.
    """
    tree: dict = {}
    for word, suffix in suffixes.items():
        if word[0].isdigit():
            # "11th", "21st": a number the scan's number branch takes ("d_letter") before any word
            assert re.fullmatch(r"\d{1,2}[a-z]+", word), word
            continue
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = suffix

    def branches(node: dict) -> list[str]:
        found = [re.escape(char) + group(child) for char, child in sorted(node.items()) if char]
        return [*found, node[""]] if "" in node else found

    def group(node: dict) -> str:
        alternatives = branches(node)
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    letters = "|".join(
        char + "(?:" + "|".join([*branches(tree.get(char, {})), r"(?=\w)"]) + ")" for char in _FIRST_LETTERS
    )
    return "(?>" + letters + r")(?:(?!\w)|[a-z]{4,22}+(?<=ed)(?!\w)(?P<cue>))"


#: :func:`_cue_word` as a pattern, for prose that :func:`_folded` cannot fold (matched ignoring case).
_CUE_GATE = re.compile(r"(?<!\w)(?:" + alternation(_CUE_WORDS) + r"|\w*ed)(?!\w)")  # (word by word: linear)
# A word that starts dates and may start a cue hits as a date word and is then read as a cue
# too: it must hit wherever it stands (not only before certain words), and no count can be one.
assert all(_START_WORDS[w] == r"(?!\w)" for w in _START_WORDS if _cue_word(w))
assert not any(_cue_word(w) for w in _COUNT_ONLY)
#: The apostrophe of "'ll", a cue inside a word ("we'll"), looked for apart from the scan.
_LL = re.compile(r"['’](?=ll(?!\w))")


#: The counts of :data:`_COUNT_ONLY`, each before what its patterns need: a calendar unit ("a few days").
_COUNT_STARTS = dict.fromkeys(_COUNT_ONLY, r"(?=" + _COUNT_UNIT + ")")

#: Where some pattern can start: a number, an apostrophe before a digit, or one of the words of
#: :data:`_START_WORDS`. One scan of the text finds them; every other word is skipped without a
#: Python step. "(?=\S)" first makes white space (masked markup is long runs of it) cost one
#: test a place. A number is classed by its length and what follows it (:data:`_AFTER_NUMBER`)
#: in the group it sets; a word hit sets no group and is looked up by its text (and, for the
#: words of :data:`_READERS`, what follows it). The words are one atomic branch per first
#: letter (:func:`_word_branches`), so that at a word sre takes the branch of its first letter
#: and no other. It reads the prose in lower case (:func:`_folded`), where sre skips the alternatives of
#: a word list by their first letter; ignoring case it would enter each one. The same pass finds
#: where the tense cues can start (a cue word, or a word ending in "ed" in the group "cue"), so
#: that the cues are not looked for in a second scan of the text.
_START = re.compile(
    r"(?=\S)(?<!\w)(?:\d(?=(?P<n_unit>\d{0,3}(?!\d)\s{1,3}(?:" + _UNIT + r"))"
    # a day before a month, a range or "of" (the "dm" pattern), not "9 people"
    r"|(?P<n_day>\d?(?!\d)\s{1,3}(?:[-–]|to|through|thru|until|till|of|" + _MON + r"))"
    r"|(?P<n_year>\d{3}(?!\d)\s)"
    r"|\d{3}(?!\d)(?:(?P<y_letter>[^\W\d])|(?P<y_dash>[-–])|(?P<y_stop>[/.])|(?P<y_apostrophe>['’])|(?P<y_other>(?!\s)))"
    r"|\d?(?!\d)(?:(?P<d_letter>[^\W\d])|(?P<d_dash>[-–])|(?P<d_stop>/(?=\d\d?/\d)|\.(?=\d\d?\.\d))))"
    r"|['’](?=\d)(?P<apostrophe>)"
    # (the cue words and the counts share the first-letter branches of the date words; a failed
    # word then costs no branch of its own for the counts)
    r"|" + _word_branches({**dict.fromkeys(_CUE_WORDS, r"(?!\w)"), **_START_WORDS, **_COUNT_STARTS}) + ")"
)


_ByWord = dict[str, list[tuple[str, re.Pattern[str]]]]  # start word -> (kind, pattern) to try


def _tried(by_word: _ByWord) -> dict[str, list[tuple[str, re.Pattern[str], bool]]]:
    """``by_word`` as the scan reads it: (kind, pattern, whether the pattern ignores case)."""
    return {key: [(kind, p, p in _CASELESS) for kind, p in tried] for key, tried in by_word.items()}


#: The patterns each start word tries where the scan cannot read what follows it (ignoring case).
_TRIED_ANY = _tried(_BY_WORD)


def _gated() -> _ByWord:
    """:data:`_BY_WORD` with the words of :data:`_READERS` looked up with what follows them."""
    by_word = dict(_BY_WORD)
    for rel in _RELS:
        by_word[rel] = []  # (before no word of its patterns)
        by_word[rel + " 0"] = [(k, p) for k, p in _BY_WORD[rel] if "0" in _REL_NEXT[k]]
        for word in _AFTER_REL:
            by_word[f"{rel} {word}"] = [(k, p) for k, p in _BY_WORD[rel] if word in _REL_NEXT[k]]
    gated_words: tuple[tuple[Iterable[str], _Gates], ...] = (
        (_MONTH_WORDS, _MONTH_GATES),
        (_WEEKDAY_WORDS, _WEEKDAY_GATES),
        (_COUNT_ONLY, _COUNT_GATES),
        (("in", "within"), _IN_GATES),
        (_ORDINAL_WORDS, _ORDINAL_GATES),
        (_THE_ORDINALS, _THE_ORDINAL_GATES),
        (("d_letter",), _NUMBER_ORDINAL_GATES),
        (("n_year",), _YEAR_GATES),
        (("the_number",), _THE_NUMBER_GATES),
        (("early", "mid", "late"), _PART_GATES),
        (_PART_OF_WORDS, _PART_OF_GATES),
    )
    for words, gates in gated_words:
        gated = set().union(*(kinds for _, _, kinds in gates))
        for word in words:
            tried = _BY_WORD[word]
            for after, _, kinds in gates:
                by_word[word + (after or "")] = [(k, p) for k, p in tried if k not in gated - kinds]
    return by_word


#: The patterns each start word tries, looked up with what follows it where the scan reads that:
#: (kind, the pattern's ``match``, whether it ignores case), the method looked up once here.
_TRIED = {key: [(kind, p.match, caseless) for kind, p, caseless in tried] for key, tried in _tried(_gated()).items()}
_CUES_ONLY = _CUE_WORDS - set(_BY_WORD)  # (the cue words that start no date: "said", "will")


def _scan(prose: str, low: str | None) -> tuple[list[tuple[str, re.Match[str]]], list[int]]:
    """Every match of every pattern, each pattern tried only where it can start (for the words
    and numbers of :data:`_READERS`, only before what it reads next), and every place where a
    tense cue can start (in order), from one pass over the text.

    ``low`` is ``_folded(prose)``; a pattern that ignores case matches it, not ``prose`` (its
    groups are in lower case).
    """
    found: list[tuple[str, re.Match[str]]] = []
    cues: list[int] = []
    if low is None:
        by_word = _TRIED_ANY
        for hit in _any_case(_START).finditer(prose):
            key = hit.lastgroup
            start = hit.start()
            if key is None:
                word = hit.group()
                key = word.lower()
                # (ignoring case, "ıs" reads as "is" but does not lower to it)
                if _any_case(_CUE_GATE).fullmatch(word):
                    cues.append(start)
            elif key == "cue":
                cues.append(start)
                continue
            elif key == "the_next":
                key = "the"  # (a word may only fold to one of the words: try all of "the"'s patterns)
            # (no patterns for a word that only case-folds to a start word: "ſo" ignoring case)
            for kind, pattern, caseless in by_word.get(key, ()):
                m = (_any_case(pattern) if caseless else pattern).match(prose, start)
                if m:
                    found.append((kind, m))
    else:
        by_word = _TRIED
        cue_words = _CUE_WORDS
        cues_only = _CUES_ONLY
        readers = _READERS
        for hit in _START.finditer(low):
            key = hit.lastgroup
            start = hit.start()
            if key is None:
                key = hit.group()  # (a word, in lower case)
                if key in cue_words or key[-2:] == "ed":  # (:func:`_cue_word`)
                    cues.append(start)
                    if key in cues_only:
                        continue
                end = hit.end()
            elif key == "cue":
                cues.append(start)
                continue
            elif key == "the_next":
                end = hit.end(key)
                key = "the " + hit.group(key)
            else:
                end = start  # (a number is read from its first digit)
            reader = readers.get(key)
            if reader is not None:  # (what follows the word or number tells which patterns to try)
                after = reader[0].match(low, end)
                if after is not None:
                    group = after.lastgroup
                    key += reader[1][group] or " " + after.group(group)
            for kind, match, caseless in by_word.get(key, ()):
                m = match(low, start) if caseless else match(prose, start)
                if m:
                    found.append((kind, m))
    # "'ll" (rare: looked for only when the text holds it)
    if low is None:
        cues = sorted(cues + [m.start() for m in _any_case(_LL).finditer(prose)])
    elif "'ll" in low or "’ll" in low:
        cues = sorted(cues + [m.start() for m in _LL.finditer(low)])
    return found, cues


def _matches(prose: str) -> list[tuple[str, re.Match[str]]]:
    """Every match of every pattern, each pattern tried only where it can start."""
    return _scan(prose, _folded(prose))[0]


_ORDER = {kind: i for i, (kind, _) in enumerate(_PATTERNS)}  # each pattern's place in the list
_CORE_KINDS = {kind for kind, pattern in _PATTERNS if "core" in pattern.groupindex}  # (spans its "core")
_MONTH_KINDS = {kind for kind, pattern in _PATTERNS if "mon" in pattern.groupindex}  # (may end in "Jan.")


def _candidates(prose: str, matches: list[tuple[str, re.Match[str]]] | None = None) -> list[_Cand]:
    """The mentions the matches (of :func:`_matches`) make: accepted, longest leftmost first."""
    # (start, minus length, the pattern's place, the match's place, end, kind, match): sorted as
    # tuples, longest leftmost first, ties to the pattern listed first, then to the earlier match
    found: list[tuple[int, int, int, int, int, str, re.Match[str]]] = []
    order = _ORDER
    folds = folds_to_ascii(prose)
    for kind, m in _matches(prose) if matches is None else matches:
        end = m.end()
        if prose[end - 1] == "." and kind in _MONTH_KINDS:
            mon = m.group("mon")
            if mon and (mon.translate(_ASCII_FOLDS) if folds else mon).lower() in T.FULL_MONTHS:
                end -= 1  # the full stop after "January" ends the sentence
        start = m.start("core") if kind in _CORE_KINDS else m.start()
        found.append((start, start - end, order[kind], len(found), end, kind, m))
    found.sort()
    # The leftmost longest accepted matches that overlap none before them. A match overlapping
    # one taken is passed over before its groups are read and its context rules run: taking the
    # accepted matches in this order, whether it is accepted changes nothing.
    chosen: list[_Cand] = []
    last_end = -1
    for start, _, _, _, end, kind, m in found:
        if start < last_end:
            continue
        groups = m.groupdict()
        if folds:  # "ſecond", "fırst": matched ignoring case; the tables are keyed in ASCII
            groups = {k: v.translate(_ASCII_FOLDS) if v else v for k, v in groups.items()}
        if kind in _RULED and not _accept(prose, kind, m, groups):
            continue
        chosen.append(_Cand(start, end, kind, groups))
        last_end = end
    return chosen


# ---------------------------------------------------------------------------------------------
# Tense


#: The characters IGNORECASE matches to an ASCII letter other than their lower case.
_ASCII_FOLDS = str.maketrans({"ſ": "s", "ı": "i", "İ": "i"})


def _folded(prose: str) -> str | None:
    """``prose`` in lower case, for the case-sensitive scan :data:`_START` and cues :data:`_CUES`.

    ``str.lower`` keeps every offset and matches what IGNORECASE matches, for every character
    but three: "İ" (two characters in lower case), "ı" and "ſ" (which IGNORECASE reads as "i"
    and "s"). With any of them the scans ignore case on ``prose`` itself (None here).
    """
    low = prose.lower()
    if not low.isascii() and (len(low) != len(prose) or "ı" in low or "ſ" in low):  # (one C test for ASCII)
        return None
    return low


@functools.cache
def _any_case(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` ignoring case, for prose :func:`_folded` cannot fold (compiled when first met)."""
    return re.compile(pattern.pattern, re.IGNORECASE)


def _cue(prose: str, m: re.Match[str]) -> tuple[int, int, str, str] | None:
    """A tense cue as (start, end, tense, words in lower case), or None for an "-ed" word that
    is no verb ("United", "limited")."""
    at = m.start()
    kind = m.lastgroup or ""
    word = m.group()  # (in lower case when the prose could be folded)
    if kind == "past" and m.group("past").lower().endswith("ed"):
        if prose[at].isupper() or word.lower() in T.NOT_PAST:
            return None
    word = word.lower()
    if not word.isalpha():
        word = _WS.sub(" ", word)  # "is  expected\nto": one space between words
    return at, m.end(), kind, word


def _tenses(
    prose: str, low: str | None, cue_starts: list[int], mentions: list[_Cand], sentences: list[Span]
) -> list[tuple[str | None, str | None]]:
    """The tense of each mention's clause and the cue that sets it, or (None, None).

    The cue is the nearest before the mention in its sentence, else the first after it. Cues are
    read only in sentences that hold a mention, each once, in order, and only as far as a
    mention needs (up to it, and on to the first cue after it when none stands before it), and
    only where :func:`_scan` found a cue can start. A date's own words ("next week") are no cue
    of its clause.
    """
    starts = [c.start for c in mentions]  # (a cue that starts inside a mention is the mention's)
    text, cue_at = (prose, _any_case(_CUES).match) if low is None else (low, _CUES.match)
    out: list[tuple[str | None, str | None]] = []
    sentence_start = -1
    cues: list[tuple[int, int, str, str]] = []  # the cues of the mention's sentence read so far
    at: list[int] = []  # where they start
    q = n = 0  # the next cue start to read, and how many there are

    def read() -> None:
        """Read the cue start ``q`` (a cue, unless it starts inside a mention or is none)."""
        nonlocal q
        where = cue_starts[q]
        q += 1
        k = bisect.bisect_right(starts, where) - 1
        if k >= 0 and mentions[k].end > where:
            return
        m = cue_at(text, where)
        if m is not None and (cue := _cue(prose, m)) is not None:
            cues.append(cue)
            at.append(where)

    for c, sentence in zip(mentions, sentences):
        start = c.start
        if sentence.start != sentence_start:
            sentence_start = sentence.start
            cues, at = [], []
            q, n = bisect.bisect_left(cue_starts, sentence_start), len(cue_starts)
        while q < n and cue_starts[q] < start:
            read()
        i = bisect.bisect_left(at, start) - 1
        while i >= 0 and cues[i][1] > start:
            i -= 1  # a cue running into the mention is not the clause's
        if i >= 0:
            cue = cues[i]
            # "will be held", "would have met": a participle after a future auxiliary
            if cue[2] in ("past", "present") and i > 0:
                prev = cues[i - 1]
                if prev[2] == "future" and cue[0] - prev[1] <= 12:
                    out.append((prev[2], f"{prev[3]} … {cue[3]}"))
                    continue
            out.append((cue[2], cue[3]))
            continue
        # the first cue after the mention, if it stands in the sentence
        j = bisect.bisect_left(at, c.end)
        while j == len(cues) and q < n and cue_starts[q] < sentence.end:
            read()
        if j == len(cues) or cues[j][0] >= sentence.end:
            out.append((None, None))
            continue
        after = cues[j]
        # "…begins on March 14, the union said": a reporting verb after the date dates the
        # report, not the event, unless the date opens the sentence ("On May 2 she said").
        reported = after[3] in T.REPORTING and len(_WORDS.findall(prose, sentence.start, start)) > 2
        out.append((None, None) if reported else (after[2], after[3]))
    return out


# ---------------------------------------------------------------------------------------------
# Calendar helpers


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, _days_in(year, month))


def _month(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), _month_end(year, month)


def _year(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _week(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _narrow(lo: dt.date, hi: dt.date, part: str | None) -> tuple[dt.date, dt.date]:
    """"early", "mid", "late": the first, middle or last third of the interval."""
    if not part:
        return lo, hi
    a, b = T.PARTS[part.lower()]
    days = (hi - lo).days + 1
    start = lo + dt.timedelta(days=int(days * a))
    end = lo + dt.timedelta(days=max(int(days * b) - 1, int(days * a)))
    return start, end


def _pick(
    options: list[tuple[dt.date, dt.date]], ref: dt.date, tense: str | None, window: int
) -> tuple[dt.date, dt.date] | None:
    """The option nearest ``ref`` on the side ``tense`` points to (``window`` days of slack)."""
    if not options:
        return None
    if tense == "past":
        allowed = [o for o in options if o[0] <= ref or (o[0] - ref).days <= window]
    elif tense == "future":
        allowed = [o for o in options if o[1] >= ref or (ref - o[1]).days <= window]
    else:
        allowed = options
    allowed = allowed or options
    # Nearest; a tie goes to the past (news reports what happened), then to the first option.
    # (A loop: min() with a key function costs more than the comparisons on three options.)
    # (the key: the days between the option and ``ref``, and whether it lies after ``ref``)
    best = best_key = None
    for option in allowed:
        lo, hi = option
        key = ((lo - ref).days, True) if lo > ref else ((ref - hi).days, False) if hi < ref else (0, False)
        if best_key is None or key < best_key:
            best, best_key = option, key
    return best


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February: 29 in leap years


def _days_in(year: int, month: int) -> int:
    return 29 if month == 2 and calendar.isleap(year) else _MONTH_DAYS[month]


def _impossible(month: int, day: int, year: int | None) -> str | None:
    """Why ``day`` cannot be in ``month`` (of ``year``, when known), or None."""
    if day < 1:
        return f"{calendar.month_name[month]} has no day {day}"
    if year is not None:
        n = _days_in(year, month)
        if day > n:
            if month == 2 and day == 29:
                return f"{year} is not a leap year: February {year} has 28 days"
            return f"{calendar.month_name[month]} has {n} days"
        return None
    most = 29 if month == 2 else _days_in(2001, month)
    if day > most:
        return f"{calendar.month_name[month]} has {most if month != 2 else '28 (29 in a leap year)'} days"
    return None


# ---------------------------------------------------------------------------------------------
# Resolution of each kind


def _count(word: str | None) -> int | None:
    """A count from digits or a count word; None for a vague count or none given."""
    if word is None:
        return None
    key = _WS.sub(" ", word.lower())
    if key.isdigit():
        return int(key)
    return T.COUNTS.get(key)


def _shift(day: dt.date, unit: str, n: int) -> dt.date:
    name, mult, _ = T.UNITS[unit.lower()]
    if name == "days":  # (a timedelta adds days as relativedelta does, without its month logic)
        return day + dt.timedelta(days=n * mult)
    if name == "weeks":
        return day + dt.timedelta(weeks=n * mult)
    return day + relativedelta(**{name: n * mult})


def _unit_interval(day: dt.date, unit: str) -> tuple[dt.date, dt.date]:
    gran = T.UNITS[unit.lower()][2]
    if gran == "day":
        return day, day
    if gran == "week":
        return _week(day)
    if gran == "month":
        return _month(day.year, day.month)
    if gran == "decade":
        start = day.year // 10 * 10
        return dt.date(start, 1, 1), dt.date(start + 9, 12, 31)
    return _year(day.year)


def _resolve_md(c: _Cand, pub: dt.date | None) -> None:
    g = c.groups
    month = T.MONTHS[g["mon"].lower().rstrip(".")]
    day = int(g["day"]) if g.get("day") else T.ORDINAL_DAYS[_WS.sub(" ", g["dayw"].lower()).replace(" ", "-")]
    day2 = int(g["day2"]) if g.get("day2") else None
    if g.get("wd"):
        c.weekday = T.WEEKDAYS[g["wd"].lower()]
    c.granularity = "day"
    if day > 31 or (day2 is not None and (day2 > 31 or day2 <= day)):
        c.drop = True  # "December 45": a month and a number, not a date
        return
    year = int(g["year"]) if g.get("year") else None
    last = day2 or day
    c.invalid = _impossible(month, last, year) or (_impossible(month, day, year) if last != day else None)
    if c.invalid:
        return
    if year is not None:
        c.earliest, c.latest = dt.date(year, month, day), dt.date(year, month, last)
        return
    if pub is None:
        return
    options = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        if last <= _days_in(y, month):
            first = dt.date(y, month, day)
            options.append((first, first if last == day else dt.date(y, month, last)))
    chosen = _pick(options, pub, c.tense, TENSE_WINDOW_DAYS)
    if chosen is None:
        c.invalid = _impossible(month, last, pub.year)
        return
    c.earliest, c.latest = chosen
    c.year_inferred = True


def _resolve_numeric(c: _Cand) -> None:
    g = c.groups
    if c.kind == "iso":
        year, month, day = int(g["year"]), int(g["m"]), int(g["d"])
    else:
        a, b = int(g["a"]), int(g["b"])
        y = g["y"]
        year = int(y) if len(y) == 4 else (2000 + int(y) if int(y) < 50 else 1900 + int(y))
        # US news style is month/day; a first number over 12 can only be a day.
        month, day = (b, a) if a > 12 and b <= 12 else (a, b)
    c.granularity = "day"
    if not 1 <= month <= 12:
        c.invalid = f"there is no month {month}"
        return
    c.invalid = _impossible(month, day, year)
    if not c.invalid:
        c.earliest = c.latest = dt.date(year, month, day)


def _resolve_month(c: _Cand, pub: dt.date | None) -> None:
    g = c.groups
    month = T.MONTHS[g["mon"].lower().rstrip(".")]
    c.granularity = "month"
    if g.get("year"):
        c.earliest, c.latest = _narrow(*_month(int(g["year"]), month), _part(g))
        return
    rel = (g.get("rel") or "").lower()
    if rel:
        c.relative = True
    if pub is None:
        return
    options = [_month(y, month) for y in (pub.year - 1, pub.year, pub.year + 1)]
    if rel in ("last", "past"):
        chosen = max(o for o in options if o[1] < pub)
    elif rel in ("next", "coming"):
        chosen = min(o for o in options if o[0] > pub)
    else:
        chosen = _pick(options, pub, c.tense, 0)
        assert chosen is not None
    c.earliest, c.latest = _narrow(*chosen, _part(g))
    if rel:
        c.anchor = "published"
    else:
        c.year_inferred = True


def _resolve_season(c: _Cand, pub: dt.date | None) -> None:
    g = c.groups
    first = T.SEASONS[g["season"].lower()]
    c.granularity = "season"

    def season(y: int) -> tuple[dt.date, dt.date]:
        last = first + 2  # three months, the last maybe in the next year (winter)
        return dt.date(y, first, 1), _month_end(y + (last - 1) // 12, (last - 1) % 12 + 1)

    if g.get("year"):
        c.earliest, c.latest = _narrow(*season(int(g["year"])), _part(g))
        return
    if pub is None:
        c.relative = bool(g.get("rel"))
        return
    options = [season(y) for y in (pub.year - 2, pub.year - 1, pub.year, pub.year + 1)]
    rel = (g.get("rel") or "").lower()
    if rel == "this":
        chosen = _pick(options, pub, None, 0)
    elif rel in ("last", "past"):
        chosen = max((o for o in options if o[1] < pub), default=None)
    elif rel in ("next", "coming"):
        chosen = min((o for o in options if o[0] > pub), default=None)
    else:
        chosen = _pick(options, pub, c.tense, 0)
    if rel:
        c.relative, c.anchor = True, "published"
    if chosen:
        c.earliest, c.latest = _narrow(*chosen, _part(g))
    if not g.get("year"):
        c.year_inferred = not rel


def _resolve_weekday(c: _Cand, pub: dt.date | None) -> None:
    g = c.groups
    wd = T.WEEKDAYS[g["wd"].lower()]
    c.weekday = wd
    c.granularity = "day"
    c.relative = True
    if pub is None:
        return
    c.anchor = "published"
    back = pub - dt.timedelta(days=(pub.weekday() - wd) % 7)
    ahead = pub + dt.timedelta(days=(wd - pub.weekday()) % 7)
    rel = (g.get("rel") or "").lower()
    monday = pub - dt.timedelta(days=pub.weekday())
    if rel in ("last", "past"):
        day = monday - dt.timedelta(days=7 - wd)  # that weekday of the week before
    elif rel in ("next", "coming"):
        day = monday + dt.timedelta(days=7 + wd)  # that weekday of the week after
    elif c.tense == "past":
        day = back
    elif c.tense == "future":
        day = ahead
    else:
        day = min((back, ahead), key=lambda d: (abs((d - pub).days), d > pub))
    c.earliest = c.latest = day


def _resolve_published(c: _Cand, pub: dt.date | None) -> None:
    """Expressions counted from the publication date."""
    g = c.groups
    c.relative = True
    kind = c.kind
    if kind == "dayword":
        c.granularity = "day"
        offset = T.DAY_WORDS[_WS.sub(" ", g["dw"].lower())]
        if pub:
            c.anchor = "published"
            c.earliest = c.latest = pub + dt.timedelta(days=offset)
        return
    if kind == "cal":
        unit = g["unit"].lower()
        rel = (g.get("rel") or "").lower()
        mod = (g.get("mod") or "").lower()
        c.granularity = {"weekend": "day"}.get(unit, unit)
        if pub is None:
            return
        c.anchor = "published"
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "upcoming": 1}.get(rel, 0)
        if g.get("the") and rel in ("past", "last"):
            # "the past year": the twelve months up to publication, not last calendar year
            span_unit = "week" if unit == "weekend" else unit
            if span_unit in T.UNITS:
                c.earliest, c.latest = _shift(pub, span_unit, -1), pub
            elif span_unit == "quarter":
                c.earliest, c.latest = pub - relativedelta(months=3), pub
            else:
                c.earliest, c.latest = pub - relativedelta(years=100), pub
            return
        lo, hi = _calendar_unit(pub, unit, step, c.tense if rel in ("", "this") else None)
        if mod == "earlier":
            lo, hi = lo, min(hi, pub)
        elif mod == "later":
            lo, hi = max(lo, pub), hi
        c.earliest, c.latest = lo, hi
        return
    if kind == "weekend":
        c.granularity = "day"
        if pub:
            c.anchor = "published"
            c.earliest, c.latest = _calendar_unit(pub, "weekend", 0, c.tense)
        return
    unit = g["unit"].lower()
    n = _count(g.get("n"))
    more = _more(g.get("more"))
    if kind == "ago":
        c.granularity = _point_granularity(unit) if n is not None else "vague"
        if pub is None:
            return
        c.anchor = "published"
        if n is None:
            lo_n, hi_n = T.VAGUE_COUNT if g.get("n") else (2, 12)
            c.earliest, c.latest = _shift(pub, unit, -hi_n), _shift(pub, unit, -lo_n)
        else:
            c.earliest, c.latest = _point(_shift(pub - more, unit, -n), unit)
        return
    if kind in ("in", "fromnow", "window"):
        rel = (g.get("rel") or g.get("recent") or "").lower()
        past = rel in ("past", "last", "recent")
        if kind == "in" and g.get("n") and not g.get("the") and c.tense == "past":
            c.drop = True  # "in two years, sales doubled": a duration, not a date
            return
        vague = n is None
        window = kind == "window" or bool(g.get("the")) or bool(g.get("recent")) or g.get("prep", "").lower() == "within"
        c.granularity = "vague" if vague or window else _point_granularity(unit)
        if pub is None:
            return
        c.anchor = "published"
        base = pub + dt.timedelta(days={"tomorrow": 1, "yesterday": -1}.get((g.get("base") or "").lower(), 0))
        if vague:
            lo_n, hi_n = T.VAGUE_COUNT if g.get("n") else (1, 8)
        else:
            lo_n = hi_n = n
        if past:
            c.earliest, c.latest = _shift(pub - more, unit, -hi_n), pub
        elif window:
            c.earliest, c.latest = pub + dt.timedelta(days=1), _shift(pub + more, unit, hi_n)
        elif vague:
            c.earliest, c.latest = _shift(pub, unit, lo_n), _shift(pub, unit, hi_n)
        else:
            c.earliest, c.latest = _point(_shift(base + more, unit, n), unit)
        return


_NO_STEP = dt.timedelta(0)  # what an empty relativedelta adds to a date


def _more(text: str | None) -> relativedelta | dt.timedelta:
    """The larger units of a compound duration ("1 year, 2 months and") as one step."""
    if not text:
        return _NO_STEP
    total = relativedelta()
    for m in _PAIR.finditer(text):
        n = _count(m.group(1))
        name, mult, _ = T.UNITS[m.group(2).lower()]
        total += relativedelta(**{name: (n or 0) * mult})
    return total


def _point(day: dt.date, unit: str) -> tuple[dt.date, dt.date]:
    """Where "N units ago" lands: the day for days and weeks, else the month, year or decade."""
    if T.UNITS[unit][2] in ("day", "week"):
        return day, day
    return _unit_interval(day, unit)


def _point_granularity(unit: str) -> str:
    gran = T.UNITS[unit][2]
    return "day" if gran == "week" else gran


def _calendar_unit(pub: dt.date, unit: str, step: int, tense: str | None) -> tuple[dt.date, dt.date]:
    """The week, weekend, month, quarter, year, decade or century ``step`` units from ``pub``."""
    if unit == "week":
        return _week(pub + dt.timedelta(weeks=step))
    if unit == "weekend":
        saturday = pub + dt.timedelta(days=(5 - pub.weekday()) % 7)
        if step < 0 or step == 0 and tense == "past" and pub.weekday() < 5:
            saturday -= dt.timedelta(days=7)
        elif step > 0 and pub.weekday() >= 5:
            saturday += dt.timedelta(days=7)
        return saturday, saturday + dt.timedelta(days=1)
    if unit == "month":
        first = dt.date(pub.year, pub.month, 1) + relativedelta(months=step)
        return _month(first.year, first.month)
    if unit == "quarter":
        q0 = (pub.month - 1) // 3 * 3 + 1
        first = dt.date(pub.year, q0, 1) + relativedelta(months=3 * step)
        return first, first + relativedelta(months=3) - dt.timedelta(days=1)
    if unit == "year":
        return _year(pub.year + step)
    if unit == "decade":
        start = pub.year // 10 * 10 + 10 * step
        return dt.date(start, 1, 1), dt.date(start + 9, 12, 31)
    start = (pub.year - 1) // 100 * 100 + 1 + 100 * step  # centuries run 2001-2100
    return dt.date(start, 1, 1), dt.date(start + 99, 12, 31)


def _holiday(key: str, year: int) -> dt.date | None:
    """The date of holiday ``key`` (a :data:`datetables.HOLIDAYS` rule) in ``year``."""
    rule = T.HOLIDAY_RULES[key]
    if rule[0] == "fixed":
        return dt.date(year, rule[1], rule[2])
    if rule[0] == "nth":
        # the n-th weekday from the month's first day, or the n-th last from its last day
        _, month, wd, n = rule
        if n > 0:
            first = dt.date(year, month, 1)
            return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
        last = _month_end(year, month)
        return last - dt.timedelta(days=(last.weekday() - wd) % 7 + 7 * (-n - 1))
    if rule[0] == "easter":
        from dateutil.easter import easter

        return easter(year) + dt.timedelta(days=rule[1])
    if rule[0] == "after":
        base = _holiday(rule[1], year)
        return None if base is None else base + dt.timedelta(days=rule[2])
    return None


def _resolve_holiday(c: _Cand, pub: dt.date | None) -> None:
    g = c.groups
    key = T.HOLIDAYS[_WS.sub(" ", g["hol"].lower()).replace("’", "'")]
    c.granularity = "day"
    if g.get("year"):
        day = _holiday(key, int(g["year"]))
        c.earliest = c.latest = day
        return
    rel = (g.get("rel") or "").lower()
    c.relative = bool(rel)
    if pub is None:
        return
    days = [d for y in range(pub.year - 2, pub.year + 3) if (d := _holiday(key, y)) is not None]
    if rel in ("last", "previous"):
        day = max((d for d in days if d < pub), default=None)
    elif rel in ("next", "following", "coming"):
        day = min((d for d in days if d > pub), default=None)
    else:
        chosen = _pick([(d, d) for d in days if abs(d.year - pub.year) <= 1], pub, c.tense, 0)
        day = chosen[0] if chosen else None
        c.year_inferred = True
    if rel:
        c.anchor = "published"
    c.earliest = c.latest = day


def _resolve_wdday(c: _Cand, pub: dt.date | None) -> None:
    """"Tuesday the 19th": the 19th of the nearby month, preferring one where it is a Tuesday."""
    g = c.groups
    c.weekday = T.WEEKDAYS[g["wd"].lower()]
    c.granularity = "day"
    day = int(g["day"]) if g.get("day") else T.ORDINAL_DAYS[_WS.sub(" ", g["dayw"].lower()).replace(" ", "-")]
    if not 1 <= day <= 31:
        c.drop = True
        return
    if pub is None:
        return
    options = []
    for k in range(-6, 7):
        index = pub.year * 12 + pub.month - 1 + k  # the k-th month from publication's
        month = dt.date(index // 12, index % 12 + 1, 1)
        if day <= _days_in(month.year, month.month):
            options.append((month.replace(day=day), month.replace(day=day)))
    matching = [o for o in options if o[0].weekday() == c.weekday]
    near = [o for o in options if abs((o[0] - pub).days) <= 45]
    chosen = _pick(matching, pub, c.tense, TENSE_WINDOW_DAYS) if matching else _pick(near, pub, c.tense, TENSE_WINDOW_DAYS)
    if chosen:
        c.earliest, c.latest = chosen
        c.year_inferred = True


_NTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
        "fifth": 5, "5th": 5, "last": -1}  # fmt: skip


def _resolve_nthwd(c: _Cand, pub: dt.date | None) -> None:
    """"the first Tuesday in November": the n-th (or last) such weekday of the month."""
    from dateutil.relativedelta import weekday as rd_weekday

    g = c.groups
    wd = T.WEEKDAYS[g["wd"].lower()]
    n = _NTH[g["ord"].lower()]
    c.granularity = "day"
    c.weekday = wd

    def nth(year: int, month: int) -> tuple[dt.date, dt.date] | None:
        if n > 0:
            day = dt.date(year, month, 1) + relativedelta(weekday=rd_weekday(wd)(n))
        else:
            day = _month_end(year, month) + relativedelta(weekday=rd_weekday(wd)(-1))
        return (day, day) if day.month == month else None

    if g.get("mon"):
        month = T.MONTHS[g["mon"].lower().rstrip(".")]
        if g.get("year"):
            chosen = nth(int(g["year"]), month)
        elif pub is None:
            return
        else:
            options = [o for y in (pub.year - 1, pub.year, pub.year + 1) if (o := nth(y, month))]
            chosen = _pick(options, pub, c.tense, TENSE_WINDOW_DAYS)
            c.year_inferred = True
    else:
        c.relative = True
        if pub is None:
            return
        c.anchor = "published"
        step = {"next": 1, "last": -1}.get((g.get("rel") or "").lower(), 0)
        first = dt.date(pub.year, pub.month, 1) + relativedelta(months=step)
        chosen = nth(first.year, first.month)
    if chosen:
        c.earliest, c.latest = chosen
    else:
        c.invalid = f"there is no {g['ord'].lower()} {WEEKDAY_NAMES[wd]} in that month"


def _resolve_wdweek(c: _Cand, pub: dt.date | None) -> None:
    """"Wednesday of next week": that weekday in the calendar week before, of or after publication."""
    g = c.groups
    c.weekday = T.WEEKDAYS[g["wd"].lower()]
    c.granularity = "day"
    c.relative = True
    if pub is None:
        return
    c.anchor = "published"
    step = {"next": 1, "last": -1}.get(g["rel"].lower(), 0)
    monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=step)
    c.earliest = c.latest = monday + dt.timedelta(days=c.weekday)


def _resolve_calpart(c: _Cand, pub: dt.date | None) -> None:
    """"the end of the month", "the beginning of next year": a third of a calendar unit."""
    g = c.groups
    unit = g["unit"].lower()
    rel = (g.get("rel") or "").lower()
    c.granularity = unit
    c.relative = True
    if pub is None:
        return
    c.anchor = "published"
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    c.earliest, c.latest = _narrow(*_calendar_unit(pub, unit, step, None), _part(g))


def _resolve_mm(c: _Cand, pub: dt.date | None) -> None:
    """"June-August 1992": from the first month to the end of the second (across a new year)."""
    g = c.groups
    m1 = T.MONTHS[g["mon"].lower().rstrip(".")]
    m2 = T.MONTHS[g["mon2"].lower().rstrip(".")]
    c.granularity = "month"
    if g.get("year"):
        y2 = int(g["year"])
        y1 = y2 if m1 <= m2 else y2 - 1
        c.earliest, c.latest = _month(y1, m1)[0], _month(y2, m2)[1]
        return
    if pub is None:
        return
    options = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        y2 = y if m1 <= m2 else y + 1
        options.append((_month(y, m1)[0], _month(y2, m2)[1]))
    chosen = _pick(options, pub, c.tense, 0)
    assert chosen is not None
    c.earliest, c.latest = chosen
    c.year_inferred = True


def _resolve_half(c: _Cand, pub: dt.date | None) -> None:
    """"the first half of 2021", "H2 2019", "the first quarter of the year"."""
    g = c.groups
    if g.get("h") or g.get("h2"):
        unit, n, year = "half", int(g.get("h") or g["h2"]), int(g.get("year2") or g["year3"])
    else:
        unit, n = g["unit"].lower(), T.ORDINALS[g["ord"].lower()]
        if g.get("year"):
            year = int(g["year"])
        elif pub is None:
            c.relative = True
            return
        else:
            c.relative, c.anchor = True, "published"
            year = pub.year + {"last": -1, "next": 1}.get((g.get("rel") or "").lower(), 0)
    months = 6 if unit == "half" else 3
    if n * months > 12:
        c.drop = True
        return
    first = dt.date(year, (n - 1) * months + 1, 1)
    c.earliest, c.latest = first, first + relativedelta(months=months) - dt.timedelta(days=1)
    c.granularity = "quarter" if months == 3 else "year"  # a half year: finer than a year, no name of its own


def _resolve_year(c: _Cand, pub: dt.date | None) -> None:
    """"2014", "early 2021"."""
    c.granularity = "year"
    c.earliest, c.latest = _narrow(*_year(int(c.groups["year"])), _part(c.groups))


def _resolve_years(c: _Cand, pub: dt.date | None) -> None:
    """"2010-2015", "2010–15"."""
    g = c.groups
    y1, y2 = int(g["year"]), g["year2"]
    y2n = int(y2) if len(y2) == 4 else y1 // 100 * 100 + int(y2)
    c.granularity = "year"
    c.earliest, c.latest = dt.date(y1, 1, 1), dt.date(y2n, 12, 31)


def _resolve_decade(c: _Cand, pub: dt.date | None) -> None:
    """"the 1990s", "the '90s" (the last such decade up to publication)."""
    g = c.groups
    c.granularity = "decade"
    if g.get("dec4"):
        start = int(g["dec4"])
    else:
        two = int(g["dec2"])
        ref = pub.year if pub else dt.date.today().year
        start = ref // 100 * 100 + two
        if start > ref:
            start -= 100
    c.earliest, c.latest = _narrow(dt.date(start, 1, 1), dt.date(start + 9, 12, 31), _part(g))


def _resolve_century(c: _Cand, pub: dt.date | None) -> None:
    """"the 21st century"."""
    g = c.groups
    c.granularity = "century"
    n = T.ORDINALS[g["ord"].lower().replace(" ", "-")]
    start = (n - 1) * 100 + 1
    c.earliest, c.latest = _narrow(dt.date(start, 1, 1), dt.date(start + 99, 12, 31), _part(g))


def _resolve_quarter(c: _Cand, pub: dt.date | None) -> None:
    """"the third quarter of 2021", "Q3 2021"."""
    g = c.groups
    c.granularity = "quarter"
    q = int(g.get("q") or g.get("q2") or 0) or T.ORDINALS[(g.get("ord") or "first").lower()]
    first = dt.date(int(g.get("year") or g["year2"]), 3 * q - 2, 1)
    c.earliest, c.latest = first, first + relativedelta(months=3) - dt.timedelta(days=1)


def _resolve_ytd(c: _Cand, pub: dt.date | None) -> None:
    """"the year to date": from January 1 to publication."""
    c.granularity, c.relative = "year", True
    if pub is not None:
        c.anchor = "published"
        c.earliest, c.latest = dt.date(pub.year, 1, 1), pub


def _resolve_decadeword(c: _Cand, pub: dt.date | None) -> None:
    """"the nineties" (the last such decade up to publication)."""
    g = c.groups
    c.granularity = "decade"
    ref = pub.year if pub else dt.date.today().year
    start = ref // 100 * 100 + T.DECADE_WORDS[g["dw"].lower()]
    if start > ref:
        start -= 100
    c.earliest, c.latest = _narrow(dt.date(start, 1, 1), dt.date(start + 9, 12, 31), _part(g))


def _resolve_numeric_kind(c: _Cand, pub: dt.date | None) -> None:
    _resolve_numeric(c)


#: How each kind not counted from another mention is resolved (looked up once, not tested in
#: turn); a kind not listed is counted from publication (:func:`_resolve_published`).
_RESOLVERS = {
    "md": _resolve_md,
    "dm": _resolve_md,
    "iso": _resolve_numeric_kind,
    "num": _resolve_numeric_kind,
    "my": _resolve_month,
    "m": _resolve_month,
    "y": _resolve_year,
    "yy": _resolve_years,
    "decade": _resolve_decade,
    "century": _resolve_century,
    "quarter": _resolve_quarter,
    "season": _resolve_season,
    "holiday": _resolve_holiday,
    "wdday": _resolve_wdday,
    "calpart": _resolve_calpart,
    "nthwd": _resolve_nthwd,
    "mm": _resolve_mm,
    "half": _resolve_half,
    "ytd": _resolve_ytd,
    "decadeword": _resolve_decadeword,
    "wdweek": _resolve_wdweek,
    "wd": _resolve_weekday,
}


def _resolve_absolute(c: _Cand, pub: dt.date | None) -> None:
    _RESOLVERS.get(c.kind, _resolve_published)(c, pub)


# ---------------------------------------------------------------------------------------------
# Relative to another mention


_ANCHORED = ("later", "then")


def _anchor_for(cands: list[_Cand], i: int, gran: str) -> _Cand | None:
    """The last resolved, closed, non-vague mention before ``cands[i]`` (day-level for days)."""
    for j in range(i - 1, -1, -1):
        a = cands[j]
        if a.drop or a.earliest is None or a.latest is None or a.granularity == "vague":
            continue
        if gran == "day" and a.granularity != "day":
            return None
        return a
    return None


def _resolve_anchored(prose: str, cands: list[_Cand], i: int, published: dt.date | None) -> None:
    c = cands[i]
    g = c.groups
    c.relative = True
    if c.kind == "then":
        unit = (g.get("unit") or g.get("unit2")).lower()
        rel = (g.get("rel") or g.get("dir") or "").lower()
        sign = {"next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1, "before": -1}.get(rel, 0)
        if unit in ("morning", "afternoon", "evening", "night"):
            unit = "day"
        n = 1
        direction = "after" if sign > 0 else "before" if sign < 0 else "same"
    else:
        unit = g["unit"].lower()
        n = _count(g.get("n"))
        word = _WS.sub(" ", g["dir"].lower())
        direction = "before" if word in ("earlier", "before", "prior to") else "after"
        sign = -1 if direction == "before" else 1
    gran = T.UNITS[unit][2]
    c.granularity = _point_granularity(unit) if n is not None else "vague"
    # "two days after March 3": counted from the date that follows; "two days after they met":
    # counted from an event with no date; "two days later": from the date before.
    following = None
    governs = c.kind == "later" and direction in ("after", "before") and g["dir"].lower() not in ("later", "earlier")
    governs = governs or c.kind == "then" and bool(g.get("dir"))
    if governs:
        if i + 1 < len(cands) and re.fullmatch(r"\s{0,3}", prose[c.end : cands[i + 1].start]):
            following = cands[i + 1]
        else:
            rest = prose[c.end : c.end + 3]
            if not re.match(r"\s{0,2}(?:[,.;:!?)\"”]|$)", rest):
                return  # counted from an event, not a date: unresolved
    if following is not None:
        anchor = following if following.earliest is not None and following.latest is not None else None
        name = "following"
    else:
        anchor = _anchor_for(cands, i, gran)
        name = "previous"
        if anchor is None and published is not None and not any(x.resolved_any for x in cands[:i]):
            # "the following week" with no date before it: counted from publication
            anchor = _Cand(0, 0, "published", {}, published, published)
            name = "published"
    if anchor is None or anchor.earliest is None or anchor.latest is None:
        return
    c.anchor = name
    if n is None:
        lo_n, hi_n = T.VAGUE_COUNT if g.get("n") else (1, 8)
        if sign >= 0:
            c.earliest, c.latest = _shift(anchor.earliest, unit, lo_n), _shift(anchor.latest, unit, hi_n)
        else:
            c.earliest, c.latest = _shift(anchor.earliest, unit, -hi_n), _shift(anchor.latest, unit, -lo_n)
        return
    more = _more(g.get("more"))
    lo = _shift(anchor.earliest + more if sign > 0 else anchor.earliest - more, unit, sign * n)
    hi = _shift(anchor.latest + more if sign > 0 else anchor.latest - more, unit, sign * n)
    finer = anchor.granularity in _GRAN_ORDER and _GRAN_ORDER.index(anchor.granularity) < _GRAN_ORDER.index(gran)
    if c.kind == "then" and gran != "day" or gran not in ("day", "week") and finer:
        # "the following week" is a week; "a year later" after a day is that year
        lo, hi = _unit_interval(lo, unit)[0], _unit_interval(hi, unit)[1]
        c.granularity = gran
    c.earliest, c.latest = lo, hi


# ---------------------------------------------------------------------------------------------
# Intervals and "since"


def _merge_intervals(prose: str, cands: list[_Cand]) -> list[_Cand]:
    """Join "from X to Y", "between X and Y" and "X–Y" into one mention."""
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        if i + 1 < len(cands):
            b = cands[i + 1]
            join = _JOIN.fullmatch(prose, a.end, b.start) if b.start - a.end <= _JOIN_MAX else None
            mergeable = (
                join
                and not a.relative
                and not b.relative
                and a.weekday is None
                and b.weekday is None
                and a.earliest is not None
                and b.latest is not None
                and a.invalid is None
                and b.invalid is None
            )
            if mergeable:
                word = join.group(0).strip().lower().split()[0]
                before = _prev_word(prose, a.start)
                dash = word in ("-", "–", "—")
                opener = (
                    "between" if word == "and" and before == "between"
                    else "from" if word in ("to", "until", "till", "through", "thru") and before == "from"
                    else None
                )  # fmt: skip
                if dash or opener:
                    latest = b.latest
                    assert latest is not None and a.earliest is not None
                    if b.year_inferred and latest < a.earliest:
                        latest = latest + relativedelta(years=1)
                    if latest >= a.earliest:
                        start = prose.rfind(opener, 0, a.start) if opener else a.start
                        coarse = max(a.granularity, b.granularity, key=_GRAN_ORDER.index)
                        out.append(
                            a.evolve(
                                end=b.end,
                                start=start if start >= 0 else a.start,
                                latest=latest,
                                granularity=coarse,
                                kind="interval",
                                before=None,  # (read at a's start, which an opener moves)
                            )
                        )
                        i += 2
                        continue
        out.append(a)
        i += 1
    return out


_GRAN_ORDER = ["day", "week", "month", "quarter", "season", "year", "decade", "century", "vague"]


_SINCE = re.compile(r"\bsince\s{1,3}$", re.IGNORECASE)


def _apply_since(prose: str, c: _Cand) -> None:
    """"since 2014": an open interval from the start of the mention, spanning "since"."""
    if c.relative and c.kind not in ("dayword", "cal", "ago", "wd"):
        return
    if c.earliest is None:
        return
    if c.before is not None and c.before != "since":
        return  # the word before is not "since", so the search cannot match
    m = _SINCE.search(prose, max(0, c.start - 12), c.start)
    if m:
        c.start = m.start()
        c.latest = None


# ---------------------------------------------------------------------------------------------


_LETTERS = re.compile(r"[a-z]+")


_FUTURE_IN_PAST = frozenset(T.FUTURE_IN_PAST)


def _future_in_past(cue: str | None) -> bool:
    """Whether a future cue reports the future from the past ("would", "was to", "hoped to")."""
    # (a cue's words are letters, joined by spaces, "…" or an apostrophe: "won't", "we'll")
    return bool(cue) and not _FUTURE_IN_PAST.isdisjoint(_LETTERS.findall(cue or ""))


#: Mentions that take their year from a year written earlier in the same sentence. Only months:
#: a day ("signed the bill on Thursday, Dec. 16" after "took office Jan. 1, 2019") is too
#: often in a clause of its own.
_YEARLESS_KINDS = ("m", "mm")


def _yearless(c: _Cand) -> bool:
    """A month whose year is not written (and not counted from publication)."""
    g = c.groups
    return c.kind in _YEARLESS_KINDS and not g.get("year") and not g.get("rel")


def _written_year(c: _Cand) -> bool:
    """Whether the mention writes its year out ("2020", "March 2020", "Dec. 9, 2021")."""
    return c.kind in ("y", "iso", "num", "yy") or bool(c.groups.get("year")) and c.kind not in ("quarter", "half")


def find_dates(prose: str, frame: TextFrame, published: dt.date | None) -> list[DateMention]:
    """Every date mention in ``prose``, in text order, resolved against ``published``."""
    low = _folded(prose)
    matches, cue_starts = _scan(prose, low)
    cands = _candidates(prose, matches)
    if not cands:
        return []
    sentences = [frame.sentence_at(c.start) for c in cands]
    tenses = _tenses(prose, low, cue_starts, cands, sentences)
    year_of: tuple[Span, int] | None = None  # the last year written out, and its sentence
    for c, sentence, (tense, cue) in zip(cands, sentences, tenses):
        c.sentence, c.tense_cue = sentence, cue
        # A future reported from the past ("said it would meet", "had hoped to finish") may be
        # over by publication: resolve it to the nearest date, whichever side.
        c.tense = None if tense == "future" and _future_in_past(c.tense_cue) else tense
        before = c.before = _prep_before(prose, c.start)
        lone_from = before == "from" and not _RANGE_NEXT.match(prose, c.end)
        if before in T.BOUND_WORDS or lone_from:
            # "extended to Dec. 31", "moved to Dec. 31 from the end of January": a bound or an
            # alternative, not the time of the clause's event; read as the nearest such date
            c.tense = None
        elif before == "since":
            c.tense = "past"
        reference = published
        if year_of and year_of[0] == sentence and tense != "future" and _yearless(c):
            # "In 2020, unemployment hit 14.7% in April": April of the year the sentence names
            reference, c.tense = dt.date(year_of[1], 7, 2), None
        if c.kind not in _ANCHORED:
            _resolve_absolute(c, reference)
        c.tense = tense
        if _written_year(c) and before != "since" and c.earliest is not None:
            year_of = (sentence, c.earliest.year)
    cands = [c for c in cands if not c.drop]
    for i, c in enumerate(cands):
        if c.kind in _ANCHORED:
            _resolve_anchored(prose, cands, i, published)
    cands = [c for c in cands if not c.drop]
    cands = _merge_intervals(prose, cands)
    mentions = []
    for c in cands:
        _apply_since(prose, c)
        text = prose[c.start : c.end]
        # (a start moved back by "since" or an opener stays in its sentence unless it crosses
        # that sentence's start)
        sentence = c.sentence if c.sentence is not None and c.sentence.start <= c.start else frame.sentence_at(c.start)
        mentions.append(
            # (the fields by position, in :data:`_MENTION_FIELDS` order: keywords cost twice as much)
            DateMention(
                text,
                c.start,
                c.end,
                c.earliest,
                c.latest,
                c.granularity,
                c.weekday,
                c.relative,
                c.anchor,
                c.tense,
                sentence,
                frame.quoted(c.start, c.end),
                c.tense_cue,
                c.year_inferred,
                c.invalid,
            )
        )
    return mentions


#: The fields :func:`find_dates` gives a :class:`DateMention` by position, in the model's order.
_MENTION_FIELDS = (
    "text", "start", "end", "earliest", "latest", "granularity", "weekday", "relative", "anchor", "tense",
    "sentence", "quoted", "tense_cue", "year_inferred", "invalid",
)  # fmt: skip
assert tuple(f.name for f in attrs.fields(DateMention))[: len(_MENTION_FIELDS)] == _MENTION_FIELDS


def anchor_of(mentions: list[DateMention] | tuple[DateMention, ...], index: int) -> DateMention | None:
    """The mention a relative mention at ``index`` was counted from (None when not anchored)."""
    m = mentions[index]
    if m.anchor == "following":
        return mentions[index + 1] if index + 1 < len(mentions) else None
    if m.anchor != "previous":
        return None
    day_level = m.granularity == "day"
    for j in range(index - 1, -1, -1):
        a = mentions[j]
        if a.earliest is None or a.latest is None or a.granularity == "vague":
            continue
        if day_level and a.granularity != "day":
            return None
        return a
    return None


__all__ = ["TENSE_WINDOW_DAYS", "anchor_of", "find_dates"]
