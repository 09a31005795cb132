"""Figures: numbers in prose, normalised to pint quantities with bounds, nouns and context.

One pass of one compiled pattern finds every place a number could start: a numeral (with an
optional currency before it), a spelled-out number, or one of the shapes that hold digits but are
not quantities (dates, times of day, phone numbers, version numbers, codes such as "B9" or
"COVID-19"). Each candidate is then read outward with small anchored patterns: a hedge before it
("more than", "just below"), a magnitude ("billion", "bn"), a currency, a percent sign or a unit
after it, a second number that makes a range ("20-30", "between 20 and 30"), and the counted noun.
Every pattern is bounded, so the work per candidate is bounded and the whole pass is linear.

The words are tables in :mod:`verify.extract.numbers`; the context (attribution, modality, time
scope) is :mod:`verify.extract.context`. Decisions worth knowing:

- The figure's ``text`` runs from its hedge to its unit ("more than $250 billion", "two-hour",
  "at least four"); the counted noun is not part of it but is in ``noun``.
- Years are not figures: a bare four-digit number from 1900 to 2099 with no unit, currency or
  counted noun is a year ("since 2014", "the 2020 election"), as is one from 1000 to 1899 after
  "in", "since", "by" and the like. Dates ("December 9", "9 Dec 2021", "2021-12-09",
  "12/10/2021"), decades ("the 1990s"), times ("10:30", "9 a.m.") and phone numbers are skipped:
  date mentions are :mod:`verify.extract.dates`'s business.
- Durations that are date expressions ("one day after", "two weeks ago", "three days later") are
  skipped as well.
- Labels (kind ``label``): a number after a capitalised name or a label word ("Article 5",
  "Boeing 737", "Route 66", "page 3", "No. 10"), and letters glued to digits ("B9", "G7",
  "COVID-19", "F-16"). Scores and votes ("won 3-1", "a 5-4 vote": a pair whose second number is
  not larger) are labels too. Version numbers ("3.2.1") are skipped.
- Ordinals (kind ``ordinal``): "third", "twenty-first", "21st".
- "pounds" is money when a magnitude or "sterling" goes with it ("5 million pounds"), else a
  weight ("200 pounds"); "m" and "b" after a number are million and billion only with a currency
  ("£4.5m", "$3b"); alone "5m" is five metres.
- "from 10 to 20" is a range unless a verb of change comes before it ("rose from 10 to 20" is two
  figures, which the percent-change check needs).
- "one in five" is a percent-like figure (20 percent), kind ``percent``.
- Two hedges joined by "and" make one interval ("above 1000 and below 1500"); "over" before a
  length of time is a period, not a bound ("over 10 years").
- A number followed by a capitalised name is part of the name ("the 737 Max"); a currency code
  glued to a bare integer is a code ("COP26"); "C" and "F" glued to a number are degrees only
  before a function word or punctuation ("40C on Friday", not "the 13F filing").
- A lone "one" with no noun or unit after it is a pronoun ("one of the largest"), not a figure.
- Digits are grouped by commas ("100,000") or, in SI style, by a no-break, figure, thin or narrow
  no-break space ("100\u202f000", "$2\u00a0500": one to three digits, then groups of exactly
  three), never by a plain space ("in 2021 100 people" is a year and a count). A group space and
  a digit go on with a numeral, so they end no score, year range or "May 12".
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Generator, Iterable
from typing import TYPE_CHECKING

import attrs

from verify import units
from verify._regex import alternation, folds_to_ascii
from verify.extract import numbers as N
from verify.extract.context import ContextReader
from verify.extract.text import TextFrame
from verify.model import Deferred, Figure

if TYPE_CHECKING:
    import pint

# ---------------------------------------------------------------------------------------------
# Patterns, compiled once at import.


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, escaped (built as a prefix tree)."""
    return alternation(words)


def _plural(word: str, irregular: dict[str, str]) -> str:
    if word in irregular:
        return irregular[word]
    head, _, tail = word.rpartition(" ")
    last = tail or word
    if last.endswith(("s", "x", "ch", "sh")):
        plural = last + "es"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return f"{head} {plural}" if head else plural


def _with_plurals(table: dict[str, str], irregular: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for word, unit_name in table.items():
        out[word] = unit_name
        out.setdefault(_plural(word, irregular), unit_name)
    return out


_UNIT_NAMES = _with_plurals(N.UNIT_NAMES, N.UNIT_PLURALS)
_CURRENCY_NAMES = _with_plurals(N.CURRENCY_NAMES, N.CURRENCY_PLURALS)
for _name in ("krona", "krone", "kroner"):
    _CURRENCY_NAMES.setdefault(_name, "SEK" if _name == "krona" else "NOK")
_MONTHS = _alt(N.MONTHS)
_WEEKDAYS = _alt(N.WEEKDAYS)
_NUMBER_WORDS = {**N.ONES, **N.TENS}
_WORD_VOCAB = _alt([*N.ONES, *N.TENS, *N.SCALES, *N.MULTIPLIERS, *N.ORDINALS, "half", "thirds", "quarters", "fifths", "tenths", "halves", "dozens"])
_SP = r"[ \t\u00a0]"

_CURRENCY_PREFIX = rf"(?i:(?:{_alt(N.DOLLAR_PREFIXES)}){_SP}?\$)|" + _alt([*N.CURRENCY_SYMBOLS, *N.CURRENCY_CODES])
_GROUP = "[" + "".join(f"\\u{ord(c):04x}" for c in N.DIGIT_GROUP_SPACES) + "]"  # escaped: _MASTER is verbose
#: A numeral: grouped by commas ("100,000") or by a space of ``DIGIT_GROUP_SPACES``
#: ("100\u202f000", every later group three digits and no other group after), or plain.
_DIGITS = (
    rf"(?:\d{{1,3}}(?:(?:,\d{{3}}){{1,6}}|(?:{_GROUP}\d{{3}}){{1,6}}(?!{_GROUP}\d))(?!\d)|\d{{1,15}}(?!\d))"
    r"(?:\.\d{1,12}(?!\d))?|\.\d{1,12}(?!\d)"
)

#: A spelled-out number (the last alternative of :data:`_MASTER`): number words joined by
#: spaces, hyphens and "and" ("two hundred and fifty"), with "a"/"an", "minus" or "negative".
_WORD_ALTERNATIVE = rf"""(?P<word>
        (?<![\w-])(?i:(?:(?:a|an){_SP}{{1,2}}(?=(?:{_alt(N.SCALES)}|dozen|third|quarter)\b))?(?:minus{_SP}|negative{_SP})?(?:{_WORD_VOCAB})
        (?:(?:{_SP}{{1,2}}|-|{_SP}{{1,2}}and{_SP}{{1,2}}(?:a{_SP})?|{_SP}a{_SP})(?:{_WORD_VOCAB})(?![\w])){{0,10}})(?![\w])
    )"""

_MASTER = re.compile(
    rf"""
    (?P<date>
        (?:(?:{_WEEKDAYS})\.?,?{_SP}{{1,3}})?(?:{_MONTHS})(?:\.|\b){_SP}{{0,3}}\d{{1,2}}(?:st|nd|rd|th)?(?!\d|{_GROUP}\d)
            (?:{_SP}{{0,2}}[-–]{_SP}{{0,2}}\d{{1,2}}(?!\d))?(?:,?{_SP}{{1,3}}\d{{4}}(?!\d))?
      | (?<![\w.,])\d{{1,2}}(?:st|nd|rd|th)?(?:{_SP}{{0,2}}[-–]{_SP}{{0,2}}\d{{1,2}})?{_SP}{{1,3}}(?:of{_SP}{{1,3}})?(?:{_MONTHS})(?:\.|\b)(?:,?{_SP}{{1,3}}\d{{4}}(?!\d))?
      | (?:{_MONTHS})(?:\.|\b),?{_SP}{{1,3}}\d{{4}}(?!\d)
      | (?<![\w.,])\d{{4}}-\d{{1,2}}-\d{{1,2}}(?!\d)
      | (?<![\w.,/])\d{{1,4}}/\d{{1,4}}(?:/\d{{1,4}})?(?![\d/])
      | (?<![\w.,])(?:1\d|20)\d0s\b | (?<!\w)['’]\d0s\b
    )
  | (?P<time>
        (?<![\w.,:])\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?!\d)(?:{_SP}?(?:[aApP]\.?[mM]\b\.?))?
      | (?<![\w.,])\d{{1,2}}(?:[.:]\d{{2}})?{_SP}?(?:[aApP]\.[mM]\.?|[aApP][mM]\b)
      | (?<![\w.,])\d{{1,2}}{_SP}o['’]clock\b
    )
  | (?P<phone>
        (?<![\w.,])(?:\+\d{{1,3}}[ .-]?)?(?:\(\d{{2,4}}\){_SP}?|\d{{3}}[ .-])\d{{3}}[ .-]\d{{4}}(?!\d)
      | (?<![\w.,])\+\d{{1,3}}(?:[ .-]\d{{1,4}}){{2,5}}(?!\d)
    )
  | (?P<version>(?<![\w.,])\d{{1,4}}(?:\.\d{{1,4}}){{2,6}}(?![\d]))
  | (?P<num>
        (?<![\w.,])(?:(?P<pre>{_CURRENCY_PREFIX}){_SP}?)?(?P<sign>[-−+]{_SP}?)?(?P<digits>{_DIGITS})
    )
  | (?P<glued>(?<![\w$€£¥.-])[A-Za-z]{{1,12}}-?\d{{1,6}}(?:[A-Za-z]{{1,8}}\d{{0,4}})?(?![\w]))
  | {_WORD_ALTERNATIVE}
    """,
    re.X,
)

#: Patterns used inside the scanner, compiled once (not formatted and looked up per figure).
_ONE_SPACE = re.compile(rf"{_SP}?")
#: (A group space and a digit go on with a numeral, "2014–20\u202f000" holds no year, and
#: "3–100\u202f000" no score.)
_LATER_YEAR = re.compile(rf"{_SP}{{0,2}}(?:[-–/]|(?i:to|and|through|until)(?=\s)){_SP}{{0,2}}(?:\d{{4}}|\d{{2}})(?!\d|{_GROUP}\d)")
_SCORE_AFTER = re.compile(rf"[-–]{_SP}?(\d{{1,3}})(?!\d|[.,]\d|{_GROUP}\d)")

#: Where a :data:`_MASTER` match can begin, in two scans. Month and weekday names may begin one
#: anywhere (even inside a word): their prefix tree opens with a literal, so sre finds them by a
#: fast scan for its first letters.
_START_NAME = re.compile(_alt([*N.WEEKDAYS, *N.MONTHS]))
#: The starts of :data:`_START_WORD` that lead to a digit: a digit, a quote, a sign, a bracket,
#: a point, a currency prefix, or letters glued to a digit. The glued letters are possessive: a
#: shorter run of them is followed by a letter, never by "-" or a digit, so giving letters back
#: only costs time.
_DIGITAL_STARTS = rf"[\d'’+(\-−.]|(?:{_CURRENCY_PREFIX})|[A-Za-z]{{1,12}}+-?\d"
#: Every other alternative of the master begins at a word start (its look-behind excludes a word
#: character before it): a digit, a quote, a sign, a bracket, a point, a currency prefix, letters
#: glued to a digit, or the head of a number word. Trying the master only where one of the two
#: scans finds a start finds what ``_MASTER.search`` finds; the master alone has no literal
#: prefix, and sre would try all its alternatives at every character.
# "(?=\S)" first: a place of white space (masked markup leaves long runs of it) fails on one test
# instead of trying every alternative, which makes the scan about 3x faster.
_START_WORD = re.compile(
    rf"(?=\S)(?<!\w)(?:{_DIGITAL_STARTS}"
    rf"|(?i:(?:(?:a|an){_SP}{{1,2}}(?=(?:{_alt(N.SCALES)}|dozen|third|quarter)\b))?(?:minus{_SP}|negative{_SP})?(?:{_WORD_VOCAB})))"
)
#: :data:`_START_WORD` without its number words, for the window before each digit: a number
#: word there is a hit of the number-word scan already, and the case-blind word list was the
#: dearest alternative to try at every word start of the window.
_START_DIGITAL = re.compile(rf"(?=\S)(?<!\w)(?:{_DIGITAL_STARTS})")


#: Every start of :data:`_START_WORD` but a number word's lies at most this far before the first
#: digit at or after it: glued letters ("COVID-19": 12 letters and "-"), or a currency prefix
#: with a space and a sign before the digits (or "." of ".5").
_DIGIT_REACH = max(13, max(map(len, [*N.CURRENCY_SYMBOLS, *N.CURRENCY_CODES])) + 4, max(map(len, N.DOLLAR_PREFIXES)) + 6)
#: The first digit of each run of digits: a digit after a digit adds no start to the window
#: before it (every place it adds follows a word character), and a run of digits is skipped in C.
#: The look-behind comes after the digit: a pattern that opens with a class is scanned for by
#: that class in C, one that opens with a look-behind is tried at every character (3x slower).
_DIGIT = re.compile(r"\d(?<!\d\d)")
#: The number words of :data:`_MASTER`'s ``word`` alternative (and "minus", "negative", "a
#: hundred", ...), spelled in lower case, scanned for in the lower-cased text: a case-sensitive
#: prefix tree opens with a literal, so sre looks only at its first letters (about 2x faster
#: than the case-blind words at every word start). A hit inside a word is skipped in Python.
_START_NUMBER_WORD = re.compile(
    alternation(
        [
            *N.ONES, *N.TENS, *N.SCALES, *N.MULTIPLIERS, *N.ORDINALS,
            "half", "thirds", "quarters", "fifths", "tenths", "halves", "dozens", "minus", "negative",
            *(f"{a} {w}" for a in ("a", "an") for w in [*N.SCALES, "dozen", "third", "quarter"]),
        ],
        space=rf"{_SP}{{1,2}}",
    )
)  # fmt: skip


#: :data:`_WORD_ALTERNATIVE` alone, tried where only a number word can begin a master match: a
#: number word's start that is neither a month's or weekday's (every date opens with one or a
#: digit) nor one of the starts near a digit (every other alternative's), about a third of the
#: master's cost there.
_WORD_ONLY = re.compile(_WORD_ALTERNATIVE, re.X)


class _Starts:
    """``_MASTER.search`` for one text: the master tried only where a scan finds a possible
    start, each scan's next hit kept until the search passes it (so no stretch of the text is
    scanned twice by one scan).

    Three scans, whose hits together hold every start of a master match: month and weekday names
    (:data:`_START_NAME`); number words at a word start (:data:`_START_NUMBER_WORD` in the
    lower-cased text); and :data:`_START_WORD` in the window of :data:`_DIGIT_REACH` characters
    before each digit, as every other alternative holds a digit that close to its start.

    ``search(pos)`` is the ``send`` of a generator that keeps the scans' next hits in its
    locals: the scanner asks about ten times per article, and a generator resumes without the
    call, attribute reads and writes of a method.
    """

    def __init__(self, prose: str) -> None:
        self.prose = prose
        # a text with a character that folds to ASCII is scanned as before, case-blind, whole
        self.lower = None if folds_to_ascii(prose) else prose.lower()
        matches = self._matches(prose, self.lower)  # (given no ``self``: no reference cycle)
        next(matches)  # started: waits for the first position
        #: The first master match at a possible start at or after ``pos`` (None: there is none).
        self.search: Callable[[int], re.Match[str] | None] = matches.send

    @staticmethod
    def _matches(prose: str, lower: str | None) -> Generator[re.Match[str] | None, int, None]:
        """Sent a position, yields the first master match at or after it."""
        master = _MASTER.match
        end = len(prose) + 1  # "no hit"
        # each scan's next hit at or after the last position, -1: not known
        name = digital = word = -1
        pos = yield None
        while True:
            if name < pos:
                hit = _START_NAME.search(prose, pos)
                name = hit.start() if hit else end
            if lower is None:
                if word < pos:
                    hit = _START_WORD.search(prose, pos)
                    word = hit.start() if hit else end
                at = name if name < word else word
            else:
                if digital < pos:
                    # the first hit of _START_DIGITAL at or after pos that a digit follows closely
                    after = pos
                    while True:
                        hit = _DIGIT.search(prose, after)
                        if hit is None:
                            digital = end
                            break
                        first = hit.start()
                        hit = _START_DIGITAL.search(prose, first - _DIGIT_REACH if first - _DIGIT_REACH > after else after, first + 1)
                        if hit is not None:
                            digital = hit.start()
                            break
                        after = first + 1
                if word < pos:
                    # the first number word at or after pos that starts a word (as "(?<![\w-])")
                    after = pos
                    while True:
                        hit = _START_NUMBER_WORD.search(lower, after)
                        if hit is None:
                            word = end
                            break
                        first = hit.start()
                        before = prose[first - 1 : first]
                        if not (before.isalnum() or before == "_" or before == "-"):
                            word = first
                            break
                        after = first + 1
                at = name if name < digital else digital
                if word < at:
                    at = word
                    if word < end:  # no other scan starts here: only the word alternative can
                        m = _WORD_ONLY.match(prose, at)
                        if m is None:
                            pos = at + 1
                            continue
                        pos = yield m
                        continue
            if at == end:
                pos = yield None
                continue
            m = master(prose, at)
            if m is None:
                pos = at + 1
                continue
            pos = yield m


_MAGNITUDE = re.compile(rf"(?:{_SP}{{0,2}}|-)(?P<mag>(?i:{_alt(N.MAGNITUDES)}))(?![\w])")
_MONEY_MAGNITUDE = re.compile(rf"(?P<mag>(?i:{_alt(N.MONEY_MAGNITUDES)}))(?![\w])")
_PERCENT = re.compile(rf"(?:{_SP}{{0,2}}|-)(?P<pct>%|(?i:{_alt(k for k in N.PERCENT_WORDS if k != '%')}))(?![\w])")
_CURRENCY_CODE_AFTER = re.compile(rf"{_SP}{{0,2}}(?P<code>{_alt([*N.CURRENCY_CODES, '€', '$', '£', '¥', '₹', '₽', '₴', '₩', '₺', '₦', '₪'])})(?![\w])")
_CURRENCY_NAME_AFTER = re.compile(rf"(?:{_SP}{{1,2}}|-)(?P<name>(?i:{_alt(_CURRENCY_NAMES)}))(?![\w])")
_SUBUNIT = re.compile(rf"(?:{_SP}{{0,2}}|-)(?P<sub>(?i:{_alt(N.SUBUNITS)}))(?![\w])")
_POUNDS = re.compile(rf"(?:{_SP}{{1,2}}|-)(?P<pound>(?i:pounds?|quid))(?P<sterling>{_SP}{{1,2}}(?i:sterling))?(?![\w])")
_UNIT_NAME = re.compile(rf"(?:{_SP}{{1,2}}|-)(?P<unit>(?i:{_alt(_UNIT_NAMES)}))(?![\w])")
_UNIT_SYMBOL = re.compile(rf"(?P<sep>{_SP}{{0,2}}|-)(?P<unit>{_alt(N.UNIT_SYMBOLS)})(?![\w])")
_POSTFIX = re.compile(
    rf"(?:{_SP}{{1,2}}(?P<w>(?i:{_alt(w for w in N.POSTFIX_HEDGES if ' ' in w).replace(chr(92) + ' ', _SP)}))|-?(?P<plus>(?i:plus))|(?P<sym>\+))(?![\w])"
    # "65 and over" ends there; "above 1000 and below 1500" goes on to another number
    rf"(?!{_SP}{{1,2}}(?:[\d$€£¥]|(?i:{_alt([*N.ONES, *N.TENS, 'a', 'an'])})\b))"
)
_RELATIVE = re.compile(rf"{_SP}{{1,2}}(?i:ago|later|earlier|after|before|hence|prior|previously|beforehand|afterwards?|from{_SP}now|back)\b")
_RATIO = re.compile(rf"{_SP}{{1,2}}(?i:in|out{_SP}of){_SP}{{1,2}}(?:(?i:every){_SP}{{1,2}})?")
_JOIN = re.compile(rf"{_SP}{{0,2}}(?P<j>[-–—]|(?i:to|and|through)(?=\s)){_SP}{{0,2}}(?:(?P<h>(?i:about|around|roughly|some|approximately|~)){_SP}{{0,2}})?")
def _reversed_alt(words: Iterable[str]) -> str:
    """An alternation of ``words`` spelled backwards (spaces flexible), longest first.

    A prefix tree (:func:`_alt`): it matches what the longest-first list of the reversed words
    matches, trying one branch per character instead of every hedge (about 3x faster).
    """
    return _alt(w[::-1] for w in words).replace("\\ ", rf"{_SP}{{1,2}}")


# Hedges are matched on the reversed text before a number: one anchored match, not a search.
_HEDGE_REVERSED = re.compile(rf"{_SP}{{0,2}}(?P<h>(?i:{_reversed_alt(N.HEDGES)}))(?![\w])")
_RANGE_OPEN = re.compile(rf"(?<![\w])(?P<o>(?i:between|from|ranging{_SP}from|range{_SP}from)){_SP}{{1,2}}$")
#: The word just before a number (:func:`_word_before`), matched on the reversed text before it:
#: one anchored match instead of a search that tried every place of the window. As the forward
#: search ``(?<![\w.])(?P<w>[A-Za-z][A-Za-z]{0,24}\.?|#)[ \t\u00a0]?$`` it allows a space after the
#: word and a final line break (where "$" also matches).
_WORD_BEFORE_REVERSED = re.compile(r"\n?[ \t\u00a0]?(?P<w>\.?[A-Za-z]{1,25}|#)(?![\w.])")
_WORDS_BEFORE = re.compile(r"[A-Za-z][A-Za-z'’-]{0,30}")
#: The (up to) four words after a number that :func:`_noun_after` reads, in one match: each
#: optional group is what one more anchored match of a word after the last would find.
_NOUN_WORD = rf"{_SP}{{1,2}}([A-Za-z][A-Za-z'’-]{{0,30}})"
_NOUN_WORDS = re.compile(rf"{_NOUN_WORD}(?:{_NOUN_WORD}(?:{_NOUN_WORD}(?:{_NOUN_WORD})?)?)?")
_HALF = re.compile(rf"(?i:half)(?:{_SP}(?i:an?))?(?=[ \t-])")
_SCORE = re.compile(rf"(?:[-–]{_SP}?|-to-)(\d{{1,3}})(?!\d|[.,]\d|{_GROUP}\d)")
_NAME_AFTER = re.compile(rf"{_SP}(?P<first>[A-Z][a-z]{{1,20}})(?:{_SP}[A-Z][a-z]{{1,20}}){{0,2}}(?![\w'’-])")
_SIGN_WORD = re.compile(rf"(?<![\w])(?i:minus|negative){_SP}{{1,2}}$")
_SIGN_ENDS = ("s", "S", "e", "E", "\u017f")  # the last letters of "minus" and "negative", as re.I reads them
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b")
_ORDINAL_OPENERS = frozenset("snrt")  # the first letters of _ORDINAL_SUFFIX (case counts)
_LETTERS = re.compile(r"[A-Za-z]+")
_ANAPHORA = re.compile(rf"\b(?:the|that|this|its|their|his|her)\s+(?:{_alt(N.ANAPHORIC_NOUNS)}|death\s+toll)\b(?P<of>\s+of\s+)?", re.I)
#: :data:`_ANAPHORA` for lower-cased text: case-sensitive, with its "\b" moved after the first
#: letter ("(?<!\w.)"), so that the pattern opens with the letters "t", "i", "h" and sre skips to
#: them in C; opening with "\b" it was tried at every character.
_ANAPHORA_LOWER = re.compile(
    rf"(?:t(?<!\w.)h(?:e|at|is|eir)|i(?<!\w.)ts|h(?<!\w.)(?:is|er))\s+(?:{_alt(N.ANAPHORIC_NOUNS)}|death\s+toll)\b(?P<of>\s+of\s+)?"
)
#: The anaphoric nouns alone, as :data:`_ANAPHORA` holds them (after white space, before a word
#: boundary; "death toll" holds "toll"): the 200 characters before a figure without one hold no
#: anaphora, and the figure skips the clause look-up and the anaphora scan. Searched up to the
#: figure (``endpos``), where a word boundary is as at the end of the anaphora's slice.
#: (Case-blind for a text whose lower case may match less.)
_ANAPHORIC_NOUN = re.compile(rf"\s(?:{_alt(N.ANAPHORIC_NOUNS)})\b")
_ANAPHORIC_NOUN_BLIND = re.compile(_ANAPHORIC_NOUN.pattern, re.I)
_OF_PLURAL = re.compile(r"\bof\s+(?:[A-Za-z][\w'’-]{0,30}\s+){0,2}?(?P<n>[a-z][a-z'’-]{2,30}s|people|children|men|women|police|personnel|staff)\b")

_TEXT_ORDINALS = {**N.ORDINALS}
#: The words before a four-digit number that make it a count of a plural noun ("the 2000 troops")
_DETERMINERS = frozenset(("the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "whose"))
_LABEL_WORDS = frozenset(w.rstrip(".") for w in N.LABEL_WORDS)
_MONTH_SET = frozenset(N.MONTHS) | frozenset(N.WEEKDAYS)


# ---------------------------------------------------------------------------------------------
# Reading numbers


class _Core:
    """A number as written: where it is, its value, and the place value of its last digit.

    A class with slots, not a named tuple or an attrs class: one is made per candidate number
    and its fields are read a dozen times, and slots are both built and read fastest.
    """

    __slots__ = ("end", "fraction", "integer", "ordinal", "plain", "precision", "start", "value", "words")

    def __init__(
        self,
        start: int,
        end: int,
        value: float,
        precision: float,
        integer: bool,  # written without separators or decimals
        plain: bool,  # digits only (no sign, separators or decimals)
        words: bool = False,
        ordinal: bool = False,
        fraction: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.value = value
        self.precision = precision
        self.integer = integer
        self.plain = plain
        self.words = words
        self.ordinal = ordinal
        self.fraction = fraction

    def _replace(self, **changes: float | bool) -> _Core:
        """A copy with ``changes`` made (as a named tuple's ``_replace``)."""
        fields = {name: getattr(self, name) for name in self.__slots__}
        fields.update(changes)
        return _Core(**fields)  # type: ignore[arg-type]


#: The value and precision of a number word read alone ("seven": 7, precision 1; "forty": 40,
#: precision 10), as :func:`_parse_words` reads it.
_ONE_WORD = {**{w: (float(v), 1.0) for w, v in N.ONES.items()}, **{w: (float(v), 10.0) for w, v in N.TENS.items()}}

#: Deletes the group separators of a numeral ("100,000", "100\u202f000").
_UNGROUP = str.maketrans("", "", "," + N.DIGIT_GROUP_SPACES)


def _digits_core(text: str, start: int, end: int, sign: str | None) -> _Core:
    if text.isdecimal():  # digits alone, as most numbers are: no groups, no decimals
        digits, grouped, point = text, False, -1
    else:
        digits = text.translate(_UNGROUP) if "," in text or not text.isascii() else text
        grouped = len(digits) < len(text)
        point = digits.find(".")
    value = float(digits)
    if sign and sign.strip() in ("-", "−"):
        value = -value
    if point < 0:
        return _Core(start, end, value, 1.0, not grouped, not sign and digits.isdigit())
    return _Core(start, end, value, 10.0 ** -(len(digits) - point - 1), False, False)


def _parse_words(prose: str, start: int, end: int) -> _Core | None:
    """The longest well-formed spelled-out number at the start of ``prose[start:end]``."""
    text = prose[start:end]
    if text.isalpha() and text.isascii():
        # one word, as most spelled-out numbers are: the loop below reads one of these so
        one = _ONE_WORD.get(text.lower())
        if one is not None:
            return _Core(start, end, one[0], one[1], True, False, True)
    tokens = [(m.start(), m.end(), m.group().lower()) for m in _LETTERS.finditer(text)]
    total = 0.0
    current = 0.0
    precision = math.inf
    last_end: int | None = None
    last_kind = ""  # "one", "teen", "ten", "hundred", "scale", "frac", "a"
    negative = False
    ordinal = False
    fraction = False
    scale_seen = math.inf
    i = 0
    while i < len(tokens):
        s, e, w = tokens[i]
        if w in ("minus", "negative") and i == 0:
            negative = True
            i += 1
            continue
        if w in ("a", "an"):
            if last_kind in ("", "frac_half"):
                last_kind = "a" if last_kind == "" else "frac_half_a"
                i += 1
                continue
            break
        if w == "and":
            rest = [t[2] for t in tokens[i + 1 : i + 3]]
            if last_kind in ("one", "teen", "ten", "hundred") and rest[:1] == ["a"] and rest[1:] and rest[1] in ("half", "quarter"):
                # "two and a half", "one and a quarter"
                current += N.FRACTIONS[rest[1]]
                precision = min(precision, N.FRACTIONS[rest[1]])
                last_end = tokens[i + 2][1]
                i += 3
                break
            if last_kind in ("hundred", "scale"):
                i += 1
                continue
            break
        if w in N.ONES or w in N.TENS:
            v = N.ONES.get(w, N.TENS.get(w, 0))
            if w in N.TENS:
                if last_kind in ("one", "teen", "ten", "a"):
                    break
                kind, place = "ten", 10.0
            else:
                if last_kind in ("one", "teen", "a") or (last_kind == "ten" and v >= 10):
                    break
                kind, place = ("teen" if v >= 10 else "one"), 1.0
            if w == "zero" and last_kind:
                break
            current += v
            precision = min(precision, place if (v % 10 or w in N.ONES) else 10.0)
            last_kind = kind
            last_end = e
        elif w == "hundred":
            # "two hundred", "twenty-three hundred", "a hundred"; not "hundred" alone or twice
            if last_kind != "a" and (last_kind not in ("one", "teen", "ten") or current >= 100):
                break
            current = (current or 1) * 100
            precision = 100.0  # later ones and tens lower it ("two hundred and five": 1)
            last_kind = "hundred"
            last_end = e
        elif w in N.SCALES:
            scale = N.SCALES[w]
            if scale >= scale_seen or last_kind not in ("one", "teen", "ten", "hundred", "a", "frac_half_a"):
                break
            base = current or 1.0
            if last_kind == "frac_half_a":
                base = 0.5
            value_part = base * scale
            part_precision = (precision if precision != math.inf else 1.0) * scale
            if last_kind == "frac_half_a":
                part_precision = scale / 10
            total += value_part
            precision = part_precision
            current = 0.0
            scale_seen = scale
            last_kind = "scale"
            last_end = e
        elif w in ("dozen", "dozens"):
            if last_kind not in ("one", "teen", "ten", "hundred", "a", ""):
                break
            current = (current or 1) * 12
            precision = min(precision, 12.0) if precision != math.inf else 12.0
            last_kind = "hundred"
            last_end = e
        elif w in N.FRACTIONS and (w.endswith("s") or w == "half" or last_kind in ("a", "one")):
            if w == "half" and last_kind == "":
                last_kind = "frac_half"
                i += 1
                continue
            if w.endswith("s") and last_kind not in ("one", "teen", "ten"):
                break
            if not w.endswith("s") and w != "half":
                # "a third of", "one quarter of": a fraction only before "of"
                if not re.match(r"\s{1,2}of\b", prose[start + e : start + e + 5]):
                    break
            current = (current or 1) * N.FRACTIONS[w]
            precision = min(precision, N.FRACTIONS[w]) if precision != math.inf else N.FRACTIONS[w]
            fraction = True
            last_kind = "frac"
            last_end = e
            i += 1
            break
        elif w in N.ORDINALS:
            v = N.ORDINALS[w]
            if last_kind in ("one", "teen", "a") or (last_kind == "ten" and v >= 10):
                break
            if last_kind == "scale" or last_kind == "hundred":
                if v >= 100:
                    break
            current += v if v < 100 else 0
            if v >= 100:
                current = (current or 1) * v
            ordinal = True
            precision = 1.0
            last_end = e
            i += 1
            break
        else:
            break
        i += 1
    if last_end is None:
        return None
    value = total + current
    if negative:
        value = -value
    first = tokens[0][0]
    # A leading "a" or "an" is part of the number only when it multiplies ("a hundred").
    return _Core(start + first, start + last_end, value, precision if precision != math.inf else 1.0, True, False, True, ordinal, fraction)


def _currency_of(prefix: str | None) -> str | None:
    """The currency a prefix names: "$" -> USD, "HK $" -> HKD, "EUR" -> EUR."""
    if not prefix:
        return None
    if prefix in N.CURRENCY_SYMBOLS:
        return N.CURRENCY_SYMBOLS[prefix]
    if prefix in N.CURRENCY_CODES:
        return prefix
    letters = re.sub(r"[\s$]", "", prefix).lower()
    return N.DOLLAR_PREFIXES.get(letters, "USD")


# ---------------------------------------------------------------------------------------------
# Reading what stands around a number


@attrs.define
class _Suffix:
    """What follows a number: magnitude, currency, percent, unit, postfix hedge."""

    end: int
    magnitude: float = 1.0
    mag_text: str | None = None
    mag_end: int | None = None
    currency: str | None = None
    factor: float = 1.0  # subunits ("cents") and basis points
    percent: str | None = None  # "percent" or "percentage_point"
    unit: str | None = None
    unit_word: str | None = None
    postfix: str | None = None


def _read_magnitude(prose: str, pos: int, suffix: _Suffix, money: bool) -> None:
    m = _MAGNITUDE.match(prose, pos)
    if m:
        word = m.group("mag").lower()
        # "5k" and "$1.2 bn" are magnitudes; "5 k" alone is not: a short abbreviation is glued
        # to the number or follows a currency
        glued = not m.group()[0].isspace()
        if len(word) > 3 or glued or money:
            suffix.magnitude = N.MAGNITUDES[word]
            suffix.mag_text = m.group("mag")
            suffix.end = suffix.mag_end = m.end()
            return
    sep = _ONE_SPACE.match(prose[pos : pos + 1]) if money else None
    if money:
        start = pos + (len(sep.group()) if sep else 0)
        m = _MONEY_MAGNITUDE.match(prose, start)
        if m:
            suffix.magnitude = N.MONEY_MAGNITUDES[m.group("mag").lower()]
            suffix.mag_text = m.group("mag")
            suffix.end = suffix.mag_end = m.end()
    elif _MONEY_MAGNITUDE.match(prose, pos):
        # "5m euros": a money magnitude is allowed when a currency name follows it
        m = _MONEY_MAGNITUDE.match(prose, pos)
        assert m is not None
        if _CURRENCY_CODE_AFTER.match(prose, m.end()) or _CURRENCY_NAME_AFTER.match(prose, m.end()):
            suffix.magnitude = N.MONEY_MAGNITUDES[m.group("mag").lower()]
            suffix.mag_text = m.group("mag")
            suffix.end = suffix.mag_end = m.end()


#: The words the suffix patterns know (magnitudes, percent words, currencies, units), as the
#: first run of ASCII letters of each (lower-cased), and the ASCII characters that open the
#: others ("%", "$"). A word matched after a number begins after at most two spaces or a hyphen,
#: and its letter run is the text's letter run there (the patterns end each word at a non-word
#: character), so a number whose next run is in neither set has no suffix but a postfix hedge:
#: one set look-up instead of nine anchored patterns (most numbers, "5 people", "5,").
_SUFFIX_WORDS = [
    *N.MAGNITUDES, *N.MONEY_MAGNITUDES, *N.PERCENT_WORDS, *N.CURRENCY_CODES, *N.CURRENCY_SYMBOLS,
    "€", "$", "£", "¥", "₹", "₽", "₴", "₩", "₺", "₦", "₪", "pound", "pounds", "quid",
    *_CURRENCY_NAMES, *N.SUBUNITS, *_UNIT_NAMES, *N.UNIT_SYMBOLS,
]  # fmt: skip
_ASCII_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_SUFFIX_RUNS = frozenset(w[: len(w) - len(w.lstrip(_ASCII_LETTERS))].lower() for w in _SUFFIX_WORDS) - {""}
_SUFFIX_OPENERS = frozenset(w[0] for w in _SUFFIX_WORDS if w[0].isascii() and not w[0].isalpha())
_SUFFIX_HEAD = re.compile(rf"(?:{_SP}{{1,2}}|-)?([A-Za-z]*)")


def _may_have_suffix(prose: str, pos: int) -> bool:
    """Whether a suffix pattern may match at ``pos`` (False: none can)."""
    m = _SUFFIX_HEAD.match(prose, pos)
    assert m is not None
    after = prose[m.end() : m.end() + 1]
    if after and not after.isascii():
        return True  # "°C", "€", or a letter that folds to ASCII ("ſ"): let the patterns decide
    run = m.group(1)
    return run.lower() in _SUFFIX_RUNS if run else after in _SUFFIX_OPENERS


def _read_suffix(prose: str, pos: int, currency: str | None) -> _Suffix:
    suffix = _Suffix(pos)
    suffix.currency = currency
    if not _may_have_suffix(prose, pos):
        return _read_postfix(prose, suffix)
    _read_magnitude(prose, pos, suffix, money=currency is not None)
    if suffix.end != pos and not _may_have_suffix(prose, suffix.end):
        return _read_postfix(prose, suffix)  # "5 million people": no suffix after the magnitude
    pos = suffix.end
    if currency is None:
        m = _PERCENT.match(prose, pos)
        if m:
            unit_name, factor = N.PERCENT_WORDS.get(m.group("pct").lower(), N.PERCENT_WORDS["%"])
            suffix.percent, suffix.factor, suffix.end = unit_name, factor, m.end()
            return _read_postfix(prose, suffix)
        m = _CURRENCY_CODE_AFTER.match(prose, pos)
        if m and (m.group("code") in N.CURRENCY_CODES or not m.group()[0].isspace() or not re.match(r"\s?\d", prose[m.end() : m.end() + 2])):
            code = m.group("code")
            suffix.currency = N.CURRENCY_SYMBOLS.get(code, code)
            suffix.end = m.end()
            return _read_postfix(prose, suffix)
        m = _POUNDS.match(prose, pos)
        if m and (suffix.mag_text or m.group("sterling") or m.group("pound").lower() == "quid"):
            suffix.currency, suffix.end = "GBP", m.end()
            return _read_postfix(prose, suffix)
        m = _CURRENCY_NAME_AFTER.match(prose, pos)
        if m:
            name = m.group("name").lower()
            if name not in N.AMBIGUOUS_CURRENCY_NAMES or suffix.mag_text:
                suffix.currency, suffix.end = _CURRENCY_NAMES[name], m.end()
                return _read_postfix(prose, suffix)
        if suffix.mag_text is None:
            m = _SUBUNIT.match(prose, pos)
            if m:
                sub = m.group("sub")
                code, factor = N.SUBUNITS.get(sub.lower()) or N.SUBUNITS[sub]
                suffix.currency, suffix.factor, suffix.end = code, factor, m.end()
                return _read_postfix(prose, suffix)
        m = _UNIT_NAME.match(prose, pos)
        if m:
            word = m.group("unit").lower()
            suffix.unit, suffix.unit_word, suffix.end = _UNIT_NAMES[word], m.group("unit"), m.end()
            # "5 square miles per day" is left at square miles: one unit is enough for checks
            return _read_postfix(prose, suffix)
        m = _UNIT_SYMBOL.match(prose, pos)
        if m:
            symbol = m.group("unit")
            glued = m.group("sep") == ""
            after = prose[m.end() : m.end() + 2]
            weak = symbol in N.WEAK_UNIT_SYMBOLS
            # a weak symbol after a space must end the phrase ("2 in.", "5 m of snow"), else it is a
            # word ("ranked 2 in the world")
            spaced_ok = not glued and (
                re.match(r"[.,;:!?)]?(?:\s|$)|$", prose[m.end() : m.end() + 2]) is not None and not re.match(r"\s\w", prose[m.end() : m.end() + 2])
                or symbol != "in" and re.match(r"\s(?:of|and|or)\b", prose[m.end() : m.end() + 4])
            )
            if symbol in ("C", "F") and glued:
                nxt_word = re.match(r"\s+([A-Za-z]+)", prose[m.end() : m.end() + 20])
                if after[:1] == "/" or nxt_word and nxt_word.group(1).lower() not in N.NOUN_STOPWORDS:
                    return _read_postfix(prose, suffix)  # "13F filing", "14.7C/": not temperatures
            if not weak or glued and not after[:1].isalnum() or spaced_ok:
                suffix.unit, suffix.unit_word, suffix.end = N.UNIT_SYMBOLS[symbol], symbol, m.end()
                return _read_postfix(prose, suffix)
    else:
        # "$5 million USD" repeats the currency; take it into the span
        m = _CURRENCY_CODE_AFTER.match(prose, pos)
        if m and m.group("code") in N.CURRENCY_CODES:
            suffix.end = m.end()
    return _read_postfix(prose, suffix)


#: What may open each anchored pattern read after a number (its first character, after the
#: spaces its pattern allows): a number followed by anything else skips the pattern. Most numbers
#: are followed by a space and a lower-case word, which opens none of them.
_DASHES = ("-", "–")  # _SCORE, _SCORE_AFTER
_JOIN_OPENERS = frozenset("-–—tTaA")  # _JOIN after up to two spaces: a dash, "to", "and", "through"
_POSTFIX_OPENERS = frozenset("aAoO")  # _POSTFIX's words after a space: "and over", "or more", ...
_SP_CHARS = " \t\u00a0"  # the characters of _SP
_RATIO_OPENERS = frozenset("iIoO\u0131\u0130")  # _RATIO after its spaces: "in", "out of"


_POSTFIX_FIRST = ("-", "+", "p", "P")  # _POSTFIX's first characters but a space: "-plus", "+", "plus"


def _may_postfix(prose: str, pos: int) -> bool:
    """Whether :data:`_POSTFIX` may match at ``pos`` ("-plus", "plus", "+", or a space and "a"/"o")."""
    first = prose[pos : pos + 1]
    if first in _POSTFIX_FIRST:
        return True
    return first != "" and first in _SP_CHARS and prose[pos : pos + 3].lstrip(_SP_CHARS)[:1] in _POSTFIX_OPENERS


def _read_postfix(prose: str, suffix: _Suffix) -> _Suffix:
    pos = suffix.end
    first = prose[pos : pos + 1]
    # :func:`_may_postfix`, inline (most numbers are followed by a space and a lower-case word)
    if first in _SP_CHARS:
        if first == "" or prose[pos : pos + 3].lstrip(_SP_CHARS)[:1] not in _POSTFIX_OPENERS:
            return suffix
    elif first not in _POSTFIX_FIRST:
        return suffix
    m = _POSTFIX.match(prose, pos)
    if m:
        suffix.postfix = m.group("w") or m.group("plus") or m.group("sym")
        suffix.end = m.end()
    return suffix


def _case_variants(char: str) -> tuple[str, ...]:
    """``char`` in either case and the characters re.I folds onto it ("ſ" onto "s")."""
    return (char, char.upper(), *{"s": "\u017f", "k": "\u212a", "i": "\u0131\u0130"}.get(char, ""))


def _tail_variants(word: str, size: int) -> set[str]:
    """The last ``size`` characters of ``word`` in every spelling :data:`_HEDGE_REVERSED`
    matches: each letter in either case or folded onto (:func:`_case_variants`), each space as
    one or two space characters (the last ``size`` characters of a spelling come from the last
    ``size`` of the word: spaces only grow)."""
    out = {""}
    spaces = (*_SP_CHARS, *(a + b for a in _SP_CHARS for b in _SP_CHARS))
    for char in word[-size:]:
        options = spaces if char == " " else _case_variants(char)
        out = {head + option for head in out for option in options}
    return {spelling[-size:] for spelling in out}


#: The last three characters of the hedges of three or more (in every spelling the reversed
#: pattern matches), and the hedges of one or two ("~") whole: a number after anything else
#: (past at most two spaces) has no hedge, and skips the reversed match (two characters let
#: two numbers in five through, mostly after "-ed", "-er" or "of").
_HEDGE_TAILS = frozenset(v for tail in {w[-3:] for w in N.HEDGES if len(w) > 2} for v in _tail_variants(tail, 3))
_HEDGE_SHORT = frozenset(v for w in N.HEDGES if len(w) <= 2 for v in _tail_variants(w, 2))


def _may_hedge(prose: str, start: int) -> bool:
    """Whether :data:`_HEDGE_REVERSED` may match before ``start`` (False: it cannot)."""
    tail = prose[start - 5 if start > 5 else 0 : start].rstrip(_SP_CHARS)
    return tail[-3:] in _HEDGE_TAILS or tail[-2:] in _HEDGE_SHORT or tail[-1:] in _HEDGE_SHORT


def _hedge_before(prose: str, start: int) -> tuple[int, str] | None:
    # :func:`_may_hedge`, inline (it is asked before every number)
    tail = prose[start - 5 if start > 5 else 0 : start].rstrip(_SP_CHARS)
    if tail[-3:] not in _HEDGE_TAILS and tail[-2:] not in _HEDGE_SHORT and tail[-1:] not in _HEDGE_SHORT:
        return None
    window = prose[start - 40 if start > 40 else 0 : start][::-1]
    m = _HEDGE_REVERSED.match(window)
    if not m:
        return None
    return start - m.end("h"), prose[start - m.end("h") : start - m.start("h")]


def _hedge_start(prose: str, start: int) -> int:
    hedge = _hedge_before(prose, start)
    return hedge[0] if hedge else start


def _word_before(prose: str, start: int) -> str | None:
    # 29 characters: the longest match (a line break, a space, a full stop and 25 letters) and
    # the character before it, which must not be a word character or a full stop
    m = _WORD_BEFORE_REVERSED.match(prose[start - 29 if start > 29 else 0 : start][::-1])
    return m.group("w")[::-1] if m else None


def _words_before(prose: str, start: int, count: int) -> list[str]:
    window = prose[max(0, start - 12 * count) : start]
    return [w.lower() for w in _WORDS_BEFORE.findall(window)][-count:]


def _looks_plural(word: str) -> bool:
    return word in N.IRREGULAR_PLURALS or (word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s")))


#: The lower-cased words that end a counted noun phrase before them: stop words, units, magnitudes.
_NOUN_ENDERS = frozenset(N.NOUN_STOPWORDS) | frozenset(_UNIT_NAMES) | frozenset(N.MAGNITUDES)


def _noun_after(prose: str, pos: int, plural: bool = True) -> str | None:
    """The counted noun after a number: the last word of the noun phrase that follows it."""
    m = _NOUN_WORDS.match(prose, pos)
    if m is None:
        return None  # no word after the number
    words: list[str] = []
    # a word ends the phrase at punctuation: the next group needs spaces before it
    for word in m.groups():
        if word is None:
            break
        low = word.lower().rstrip("'’")
        if low in _NOUN_ENDERS or word in _MONTH_SET:
            break
        if words and low.endswith(("ed", "ing")) and low not in N.IRREGULAR_PLURALS:
            break  # "100 people killed": the participle is not the noun
        words.append(low)
    if not words:
        return None
    if len(words) == 1:
        if words[0].endswith("ed") and words[0] not in N.IRREGULAR_PLURALS:
            return None  # "half a million fled": a verb, not a noun
    else:
        while len(words) > 1 and words[-1].endswith("ly"):
            words.pop()
    noun = words[-1]
    if plural:
        # "two leaders spoke": the counted noun is the last plural word of the phrase
        for word in reversed(words):
            if _looks_plural(word):
                noun = word
                break
    if noun.endswith("s"):  # the possessives below end in "s"
        for possessive in ("'s", "’s"):
            if noun.endswith(possessive):
                noun = noun[: -len(possessive)]
    return noun or None


# ---------------------------------------------------------------------------------------------
# The scanner


@attrs.define
class _Scanner:
    prose: str
    frame: TextFrame
    reader: ContextReader
    figures: list[Figure] = attrs.field(factory=list)
    #: the prose lower-cased (None: it holds a character that folds to ASCII), set by :meth:`run`
    lower: str | None = None
    #: how many figures have a qualifier: :func:`_join_two_sided` needs two (most texts have fewer)
    qualified: int = 0

    def run(self) -> list[Figure]:
        starts = _Starts(self.prose)
        self.lower = starts.lower
        search = starts.search
        pos = 0
        while True:
            m = search(pos)
            if not m:
                break
            group = m.lastgroup
            end = m.end()
            if group == "num":
                end = self._number(m)
            elif group == "word":
                end = self._word(m)
            elif group == "glued":
                end = self._glued(m)
            pos = end if end > m.start() else m.start() + 1
        return self.figures

    # -- candidates --------------------------------------------------------------------------

    def _glued(self, m: re.Match[str]) -> int:
        text = m.group()
        letters = re.match(r"[A-Za-z]+", text)
        assert letters is not None
        if letters.group().lower() in N.YEAR_PREFIXES and re.fullmatch(r"[A-Za-z]+-?\d{4}", text):
            return m.end()  # "mid-2021": a date expression
        number = re.search(r"\d+", text)
        assert number is not None
        self._emit_label(m.start(), m.end(), float(number.group()))
        return m.end()

    def _word(self, m: re.Match[str]) -> int:
        core = _parse_words(self.prose, m.start(), m.end())
        if core is None:
            # "half an hour", "half a gallon": a half of one unit
            half = _HALF.match(self.prose, m.start())
            if half and _UNIT_NAME.match(self.prose, half.end()):
                core = _Core(m.start(), m.start() + 4, 0.5, 0.5, False, False, True)
                suffix = _read_suffix(self.prose, half.end(), None)
                if suffix.unit:
                    self._emit(core, None, suffix, _hedge_start(self.prose, m.start()), _hedge_before(self.prose, m.start()), None, m.start())
                    return suffix.end
            return m.start() + 1
        if core.ordinal:
            self._emit_ordinal(core)
            return core.end
        # "Bucharest Nine", "Group of Seven": a capitalised number word inside a sentence is a name
        first = self.prose[core.start : core.start + 1]
        if first.isupper() and self.frame.sentence_at(core.start).start != core.start:
            self._emit_label(core.start, core.end, core.value)
            return core.end
        return self._figure(core, None, m.start())

    def _number(self, m: re.Match[str]) -> int:
        prose = self.prose
        pre, sign, digits = m.group("pre", "sign", "digits")
        start, end = m.span("digits")
        core = _digits_core(digits, start, end, sign)
        if sign:
            core = core._replace(start=m.start("sign"))
        at = m.start()
        # "minus 5": a sign word ends in "s" or "e" ("ſ" folds to "s") before at most two spaces
        # and a final line break ("$"); a number after any other letter skips the search
        tail = prose[at - 4 if at > 4 else 0 : at].rstrip(" \t\u00a0\n")
        sign_word = _SIGN_WORD.search(prose, at - 10 if at > 10 else 0, at) if tail[-1:] in _SIGN_ENDS else None
        if sign_word and not sign:
            core = core._replace(start=sign_word.start(), value=-core.value, plain=False)
            return self._figure(core, _currency_of(pre), sign_word.start())
        if pre is None and prose[end : end + 1] in _ORDINAL_OPENERS and _ORDINAL_SUFFIX.match(prose, end):
            self._emit_ordinal(core._replace(end=_ORDINAL_SUFFIX.match(prose, end).end(), ordinal=True))  # type: ignore[union-attr]
            return _ORDINAL_SUFFIX.match(prose, end).end()  # type: ignore[union-attr]
        if pre is None:
            return self._figure(core, None, at)
        if pre.isalpha() and start == m.end("pre") and not sign and core.plain:
            if not _MAGNITUDE.match(prose, end) and not _MONEY_MAGNITUDE.match(prose, end):
                self._emit_label(at, end, core.value)  # "COP26", "TRY3": a code, not money
                return end
        return self._figure(core, _currency_of(pre), at)

    # -- one figure --------------------------------------------------------------------------

    def _figure(self, core: _Core, currency: str | None, match_start: int) -> int:
        prose = self.prose
        suffix = _read_suffix(prose, core.end, currency)
        nxt = prose[suffix.end : suffix.end + 1]
        # A number glued to letters it does not know ("5G", "3D", "4x4") is a code.
        if nxt.isalpha() and not core.words and suffix.end == core.end:
            tail = re.match(r"[A-Za-z0-9]{1,12}", prose[suffix.end : suffix.end + 12])
            end = suffix.end + (tail.end() if tail else 0)
            self._emit_label(match_start, end, core.value)
            return end
        attached = suffix.currency or suffix.percent or suffix.unit or suffix.mag_text

        # Years, and year ranges ("2014-2020", "2020-21"), are dates, not figures.
        if not attached and core.plain and not core.words and core.end - core.start == 4:
            if self._is_year(core):
                later = _LATER_YEAR.match(prose[core.end : core.end + 16])
                return core.end + (later.end() if later else 0)

        hedge = _hedge_before(prose, match_start)
        if hedge and hedge[1].lower() == "over" and suffix.unit in N.DURATION_UNITS:
            hedge = None  # "over 10 years": a period of time, not a bound
        start = hedge[0] if hedge else match_start

        # Scores and votes: "won 3-1", "the Senate voted 50-49" (the second number not larger).
        if core.plain and not attached and not core.words:
            score = _SCORE.match(prose, suffix.end) if nxt in _DASHES else None
            if score is not None and float(score.group(1)) <= core.value:
                self._emit_label(match_start, score.end(), core.value)
                return score.end()

        # Labels: "Article 5", "Boeing 737", "page 3", "No. 10", "#1" (and "Boeing 777F").
        weak_unit = suffix.unit_word in N.WEAK_UNIT_SYMBOLS and not suffix.currency and not suffix.percent
        if (not attached or weak_unit) and not hedge and not suffix.postfix and core.integer and not core.words:
            word = _word_before(prose, match_start)
            if word and self._is_label_word(word):
                label_start = match_start - len(word) - (1 if prose[match_start - 1 : match_start] in " \t\u00a0" else 0)
                # a capitalised first word of a sentence is a label only if it is a label word
                first = self.frame.sentence_at(label_start).start == label_start
                if not first or word.rstrip(".").lower() in _LABEL_WORDS:
                    end = suffix.end if weak_unit else core.end
                    self._emit_label(label_start, end, core.value)
                    return end

        # Ratios: "one in five" -> 20 percent ("in" or "out of" after one or two spaces, "ı" and
        # "İ" fold to "i": a number followed by anything else is no ratio).
        if not attached and prose[core.end : core.end + 3].lstrip(_SP_CHARS)[:1] in _RATIO_OPENERS:
            ratio = self._ratio(core, start, hedge)
            if ratio is not None:
                return ratio

        # Ranges: "20-30", "20 to 30 percent", "between $1 billion and $2 billion" (a dash, "to",
        # "and" or "through" after at most two spaces, no postfix hedge: else no range).
        if not suffix.postfix and prose[suffix.end : suffix.end + 3].lstrip(_SP_CHARS)[:1] in _JOIN_OPENERS:
            ranged = self._range(core, suffix, currency, start, hedge, match_start)
            if ranged is not None:
                return ranged

        # Durations that are date expressions: "one day after", "two weeks ago".
        if suffix.unit in N.DURATION_UNITS and _RELATIVE.match(prose, suffix.end):
            return suffix.end

        # Scores and votes: "won 3-1", "a 5-4 vote".
        score = _SCORE_AFTER.match(prose[suffix.end : suffix.end + 8]) if core.plain and not attached and nxt in _DASHES else None
        if score is not None and not core.words:
            end = suffix.end + score.end()
            self._emit_label(match_start, end, core.value)
            return end

        # A number followed by a capitalised name is part of the name ("the 737 Max").
        if not attached and core.integer and not core.words and not suffix.postfix:
            # a space and a capital open every name
            name = _NAME_AFTER.match(prose, suffix.end) if "A" <= prose[suffix.end + 1 : suffix.end + 2] <= "Z" else None
            if name and not _looks_plural(name.group().split()[-1].lower()) and name.group("first") not in _MONTH_SET:
                self._emit_label(match_start, name.end(), core.value)
                return name.end()

        # A lone "one" or "a" with nothing after it is a pronoun or an article, not a figure.
        if core.words and core.value == 1 and not attached and not suffix.postfix:
            if _noun_after(prose, suffix.end) is None:
                return suffix.end
        self._emit(core, None, suffix, start, hedge, None, match_start)
        return suffix.end

    def _is_year(self, core: _Core) -> bool:
        prose = self.prose
        value = core.value
        if not 1000 <= value <= 2199:
            return False
        hedge = _hedge_before(prose, core.start)
        if hedge and N.HEDGES.get(hedge[1].lower(), (None,))[0] is not None:
            return False  # "more than 2000": a bound on a count
        noun = _noun_after(prose, core.end)
        if 1900 <= value <= 2099 and not (noun and noun.endswith("s")):
            return True  # the words before matter only before a plural noun (read them then)
        before = _words_before(prose, core.start, 2)
        if 1900 <= value <= 2099:
            determiner = bool(before) and before[-1] in _DETERMINERS
            if not determiner and not (before and before[-1] in N.YEAR_WORDS):
                return False  # "2000 troops"
            return True
        return bool(before) and before[-1] in N.YEAR_WORDS and not noun

    def _is_label_word(self, word: str) -> bool:
        bare = word.rstrip(".")
        if word == "#":
            return True
        if bare.lower() in _LABEL_WORDS:
            return True  # "Article 5", "page 3", "No. 10"
        # a capitalised word but a month, weekday, hedge or one of the others ("Boeing 737")
        return word[0].isupper() and not (bare in _MONTH_SET or bare in N.NOT_LABEL_WORDS or bare.lower() in N.HEDGES)

    def _ratio(self, core: _Core, start: int, hedge: tuple[int, str] | None) -> int | None:
        prose = self.prose
        m = _RATIO.match(prose, core.end)  # (its first letter is checked by the caller)
        if not m or core.value < 1 or not float(core.value).is_integer():
            return None
        other = self._core_at(m.end())
        if other is None or other.ordinal or not other.value > core.value or other.value > 1000:
            return None
        if re.match(r"[A-Za-z]", prose[other.end : other.end + 1]) or _ORDINAL_SUFFIX.match(prose, other.end):
            return None
        percent = 100.0 * core.value / other.value
        suffix = _Suffix(other.end, percent="percent")
        ratio_core = core._replace(end=other.end, value=percent, precision=min(1.0, percent))
        self._emit(ratio_core, None, suffix, start, hedge, None, core.start, ratio=True)
        return other.end

    def _core_at(self, pos: int) -> _Core | None:
        m = _MASTER.match(self.prose, pos)
        if not m:
            return None
        if m.lastgroup == "num" and not m.group("pre"):
            return _digits_core(m.group("digits"), m.start("digits"), m.end("digits"), m.group("sign"))
        if m.lastgroup == "word":
            return _parse_words(self.prose, m.start(), m.end())
        return None

    def _range(
        self,
        core: _Core,
        suffix: _Suffix,
        currency: str | None,
        start: int,
        hedge: tuple[int, str] | None,
        match_start: int,
    ) -> int | None:
        prose = self.prose
        join = _JOIN.match(prose, suffix.end)  # (a postfix and its first letter are checked by the caller)
        if not join:
            return None
        joiner = join.group("j").lower()
        opener = _RANGE_OPEN.search(prose, max(0, start - 20), start)
        if joiner == "and" and not (opener and opener.group("o").lower() == "between"):
            return None
        if opener and opener.group("o").lower() == "from":
            before = _words_before(prose, opener.start(), 4)
            if any(w in N.CHANGE_WORDS for w in before):
                return None  # "rose from 10 to 20": two figures
        pos = join.end()
        m2 = _MASTER.match(prose, pos)
        if not m2 or m2.lastgroup not in ("num", "word"):
            return None
        if m2.lastgroup == "num":
            pre2 = m2.group("pre")
            cur2 = _currency_of(pre2)
            if pre2 and cur2 != (currency or suffix.currency):
                return None
            second = _digits_core(m2.group("digits"), m2.start("digits"), m2.end("digits"), m2.group("sign"))
            if _ORDINAL_SUFFIX.match(prose, second.end):
                return None
        else:
            cur2 = None
            parsed = _parse_words(prose, m2.start(), m2.end())
            if parsed is None or parsed.ordinal:
                return None
            second = parsed
        if core.words != second.words and joiner in ("-", "–", "—"):
            return None
        suffix2 = _read_suffix(prose, second.end, cur2 or currency or suffix.currency)
        attached2 = suffix2.currency or suffix2.percent or suffix2.unit
        attached1 = suffix.currency or suffix.percent or suffix.unit
        if attached1 and attached2:
            if (suffix.currency, suffix.percent, suffix.unit) != (suffix2.currency, suffix2.percent, suffix2.unit):
                return None
        lo_mag = suffix.magnitude if suffix.mag_text else suffix2.magnitude
        lo = core.value * lo_mag * suffix.factor
        hi = second.value * suffix2.magnitude * suffix2.factor
        if suffix.mag_text and not suffix2.mag_text:
            hi = second.value * suffix.magnitude * suffix2.factor
            if hi <= lo:
                hi = second.value * suffix2.magnitude * suffix2.factor
        if lo < 0 and hi < 0 and hi < lo:
            lo, hi = hi, lo  # "from -18 °C to -34 °C": colder is lower
        if not hi > lo:
            return None  # "3-1", "5 to 4": a score or a vote, not a range
        # Two years are a span of time, not a range of numbers.
        if core.plain and second.plain and 1900 <= core.value <= 2099 and not (attached1 or attached2):
            if 1900 <= second.value <= 2099 or len(prose[second.start : second.end]) == 2:
                return suffix2.end
        merged = _Suffix(
            end=suffix2.end,
            magnitude=1.0,
            mag_text=suffix2.mag_text or suffix.mag_text,
            currency=suffix2.currency or suffix.currency,
            factor=1.0,
            percent=suffix2.percent or suffix.percent,
            unit=suffix2.unit or suffix.unit,
            postfix=suffix2.postfix,
        )
        if suffix2.currency and suffix.currency and suffix2.currency != suffix.currency:
            return None
        bounds = (lo, hi)
        precision = min(core.precision * lo_mag * suffix.factor, second.precision * suffix2.magnitude * suffix2.factor)
        if opener and hedge is None:
            start = min(start, opener.start())
        qualifier = opener.group("o") if opener and opener.start() <= start else None
        mid = _Core(core.start, second.end, (lo + hi) / 2, precision, False, False, core.words)
        self._emit(mid, bounds, merged, start, hedge, qualifier, match_start, number_end=suffix2.mag_end or second.end)
        return suffix2.end

    # -- emitting ----------------------------------------------------------------------------

    def _emit_label(self, start: int, end: int, value: float) -> None:
        self._append(start, end, "label", units.quantity(value, "count"), number=self.prose[start:end])

    def _emit_ordinal(self, core: _Core) -> None:
        self._append(core.start, core.end, "ordinal", units.quantity(core.value, "count"), number=self.prose[core.start : core.end], precision=1.0)

    def _emit(
        self,
        core: _Core,
        bounds: tuple[float, float] | None,
        suffix: _Suffix,
        start: int,
        hedge: tuple[int, str] | None,
        range_word: str | None,
        match_start: int,
        *,
        ratio: bool = False,
        number_end: int | None = None,
    ) -> None:
        prose = self.prose
        if bounds is None:
            scale = suffix.magnitude * suffix.factor
            value = core.value * scale
            precision = core.precision * scale
        else:
            value = core.value
            precision = core.precision
        if ratio:
            kind, unit_name = "percent", "percent"
        elif suffix.currency:
            kind, unit_name = "money", suffix.currency
        elif suffix.percent:
            kind = "percent" if suffix.percent == "percent" else "percentage_points"
            unit_name = suffix.percent
        elif suffix.unit:
            kind, unit_name = "measure", suffix.unit
        else:
            kind, unit_name = "count", "count"

        low = high = None
        low_exclusive = high_exclusive = approximate = False
        qualifier = None
        if hedge:
            qualifier = hedge_text = hedge[1]
            hedge_key = hedge_text.lower()
            bound, exclusive, approximate = N.HEDGES[hedge_key] if hedge_key in N.HEDGES else N.HEDGES[re.sub(r"\s+", " ", hedge_key)]
            if bound == "low":
                low, low_exclusive = value if bounds is None else bounds[0], exclusive
            elif bound == "high":
                high, high_exclusive = value if bounds is None else bounds[1], exclusive
        elif range_word:
            qualifier = range_word
        if bounds is not None:
            if low is None and (not hedge or N.HEDGES.get(hedge_key, (None,))[0] != "high"):
                low = bounds[0]
            if high is None and (not hedge or N.HEDGES.get(hedge_key, (None,))[0] != "low"):
                high = bounds[1]
            if hedge and N.HEDGES.get(hedge_key, (None,))[0] is None:
                approximate = True
        if suffix.postfix:
            word = re.sub(r"\s+", " ", suffix.postfix.lower())
            bound, exclusive, approx = N.POSTFIX_HEDGES.get(word, (None, False, True))
            qualifier = suffix.postfix if qualifier is None else f"{qualifier} {suffix.postfix}"
            if bound == "low" and low is None:
                low, low_exclusive = value, exclusive
            elif bound == "high" and high is None:
                high, high_exclusive = value, exclusive
            approximate = approximate or approx

        end = suffix.end
        figures = self.figures
        if figures and start < figures[-1].end:
            return  # never overlap the figure before
        noun = _noun_after(prose, end, value != 1) if kind == "count" or ratio else None
        if number_end is None:
            number_end = suffix.mag_end or core.end
        quantity = units.quantity
        # positional, in Figure's field order: attrs' __init__ takes them faster than keywords
        figure = Figure(
            prose[start:end], start, end, kind, quantity(value, unit_name),
            None if low is None else quantity(low, unit_name),
            None if high is None else quantity(high, unit_name),
            low_exclusive, high_exclusive, approximate, qualifier or None, noun,
            prose[core.start : number_end], precision, Deferred(self.reader.context, start, end),
        )  # fmt: skip
        figures.append(figure)
        if qualifier:
            self.qualified += 1

    def _append(
        self,
        start: int,
        end: int,
        kind: str,
        value: pint.Quantity,
        low: pint.Quantity | None = None,
        high: pint.Quantity | None = None,
        low_exclusive: bool = False,
        high_exclusive: bool = False,
        approximate: bool = False,
        qualifier: str | None = None,
        noun: str | None = None,
        number: str | None = None,
        precision: float | None = None,
    ) -> None:
        if self.figures and start < self.figures[-1].end:
            return  # never overlap the figure before
        context = Deferred(self.reader.context, start, end)  # read only if a check asks
        # positional, in Figure's field order: attrs' __init__ takes them faster than keywords
        self.figures.append(
            Figure(
                self.prose[start:end], start, end, kind, value, low, high, low_exclusive, high_exclusive,
                approximate, qualifier, noun, number, precision, context,
            )  # fmt: skip
        )
        if qualifier:
            self.qualified += 1


# ---------------------------------------------------------------------------------------------
# Counted nouns that the text names only as "the number", "the figure", "the toll"


def _resolve_nouns(prose: str, frame: TextFrame, reader: ContextReader, figures: list[Figure], lower: str | None) -> list[Figure]:
    """``figures`` with the nouns of "the number", "the toll", ... filled in.

    ``lower`` is ``prose`` lower-cased, or None when it holds a character that re.I folds onto an
    ASCII letter (then the case-blind pattern reads ``prose``).
    """
    scanned = prose if lower is None else lower
    hint = _ANAPHORIC_NOUN_BLIND if lower is None else _ANAPHORIC_NOUN
    out: list[Figure] = []
    for fig in figures:
        # an anaphora lies in the 200 characters before the figure, and holds its noun there
        if fig.kind != "count" or fig.noun is not None or hint.search(scanned, max(0, fig.start - 200), fig.start) is None:
            out.append(fig)
            continue
        offset = max(reader.clause_start(fig.start), fig.start - 200)
        anaphora = None
        if lower is None:
            for m in _ANAPHORA.finditer(prose[offset : fig.start]):
                anaphora = m
        else:
            for m in _ANAPHORA_LOWER.finditer(lower[offset : fig.start]):
                anaphora = m
        if anaphora is None:
            out.append(fig)
            continue
        noun = None
        if anaphora.group("of"):
            noun = _noun_after(prose, offset + anaphora.end() - 1)
        if noun is None:
            noun = _antecedent(prose, frame, out, fig, offset + anaphora.start())
        out.append(attrs.evolve(fig, noun=noun) if noun else fig)
    return out


def _antecedent(prose: str, frame: TextFrame, earlier: list[Figure], fig: Figure, limit: int) -> str | None:
    """The nearest thing counted before ``limit``, within this and the two sentences before."""
    index = frame.sentence_index(fig.start)
    first = frame.sentences[max(0, index - 2)].start if frame.sentences else 0
    first = max(first, limit - 3 * 400)  # bounded look-back, whatever the sentence lengths
    best: tuple[int, str] | None = None
    for other in reversed(earlier):
        if other.start < first:
            break
        if other.kind == "count" and other.noun and other.end <= limit:
            best = (other.start, other.noun)
            break
    for m in _OF_PLURAL.finditer(prose, first, limit):
        if best is None or m.start("n") > best[0]:
            best = (m.start("n"), m.group("n").lower())
    return best[1] if best else None


_BOTH_SIDES = re.compile(rf",?{_SP}{{1,2}}(?:and|but){_SP}{{1,2}}$")


def _join_two_sided(prose: str, reader: ContextReader, figures: list[Figure]) -> list[Figure]:
    """"more than 100 and less than 300": one figure bounded on both sides."""
    out: list[Figure] = []
    for fig in figures:
        prev = out[-1] if out else None
        if (
            prev is not None
            # qualifiers first: most figures have none, and ``unit`` formats a name
            and prev.qualifier
            and fig.qualifier
            and prev.kind == fig.kind
            and prev.unit == fig.unit
            and _BOTH_SIDES.fullmatch(prose, prev.end, fig.start)
            and ((prev.low is None) != (prev.high is None))
            and ((fig.low is None) != (fig.high is None))
            and (prev.low is None) != (fig.low is None)
        ):
            low_fig, high_fig = (prev, fig) if prev.low is not None else (fig, prev)
            low, high = low_fig.low, high_fig.high
            assert low is not None and high is not None
            if low.magnitude < high.magnitude:
                value = units.quantity((float(low.magnitude) + float(high.magnitude)) / 2, prev.unit)
                out[-1] = attrs.evolve(
                    prev,
                    text=prose[prev.start : fig.end],
                    end=fig.end,
                    value=value,
                    low=low,
                    high=high,
                    low_exclusive=low_fig.low_exclusive,
                    high_exclusive=high_fig.high_exclusive,
                    qualifier=f"{prev.qualifier} … {fig.qualifier}",
                    noun=fig.noun or prev.noun,
                    number=prose[prev.start + max(0, prev.text.find(prev.number or "")) : fig.end],
                    precision=min(prev.precision or 1.0, fig.precision or 1.0),
                    context=Deferred(reader.context, prev.start, fig.end),
                )
                continue
        out.append(fig)
    return out


def find_figures(prose: str, frame: TextFrame) -> list[Figure]:
    """Every figure in ``prose``, in text order."""
    reader = ContextReader(frame)
    scanner = _Scanner(prose, frame, reader)
    found = scanner.run()
    if frame.prose is prose:
        reader.lower = scanner.lower  # lower-cased once for the scan: the sentences are slices of it
    figures = _join_two_sided(prose, reader, found) if scanner.qualified > 1 else found
    return _resolve_nouns(prose, frame, reader, figures, scanner.lower)


__all__ = ["find_figures"]
