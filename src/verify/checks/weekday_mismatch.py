"""Weekday mismatch: a stated weekday that is not the weekday of its date.

## What it flags
A date written with its weekday ("Monday, March 14, 2023") whose weekday is wrong: March 14,
2023 was a Tuesday. The weekday is compared with the date itself; verify never silently
corrects either. When the year is not written and was inferred from the publication date, the
finding says so, and it is only a warning if the stated weekday would fit the same date in a
neighbouring year that is still near publication (within about six months).

## Why it matters
A wrong weekday is one of the most common date errors in copy, and readers notice it. Either the
weekday or the date is wrong, and only the reporter can tell which: a meeting "on Monday, March
14" may have been on Monday, March 13.

## Example
"The talks resume on Monday, March 14, 2023." (March 14, 2023 is a Tuesday.)

## Use instead
"The talks resume on Tuesday, March 14, 2023." — or keep Monday and correct the date to
March 13.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from verify.checks._base import CheckContext, Rule
from verify.extract import datetables
from verify.model import WEEKDAYS, Finding

RULES = (Rule("weekday-mismatch", "VR501", "error", "A stated weekday does not match its date."),)

_LEADING_WORD = re.compile(r"[A-Za-z]{1,12}")
#: How far from publication the same day of a neighbouring year may lie and still be what the
#: writer meant ("Tuesday, March 14" in a story of January 2024 may mean March 14, 2023).
NEIGHBOUR_DAYS = 200


def corrected(text: str, weekday: int) -> str | None:
    """``text`` with its leading weekday replaced by ``weekday``, in the same style."""
    m = _LEADING_WORD.match(text)
    if not m or m.group(0).lower() not in datetables.WEEKDAYS:
        return None
    word = m.group(0)
    new = WEEKDAYS[weekday] if len(word) > 5 else datetables.WEEKDAY_ABBREVIATIONS[weekday]
    if word.isupper():
        new = new.upper()
    elif word.islower():
        new = new.lower()
    return new + text[m.end() :]


def _same_day_other_years(day: dt.date) -> list[dt.date]:
    found = []
    for year in (day.year - 1, day.year + 1):
        try:
            found.append(day.replace(year=year))
        except ValueError:
            pass
    return found


def run(ctx: CheckContext) -> Iterable[Finding]:
    rule = RULES[0]
    for d in ctx.dates:
        if d.weekday is None or d.granularity != "day" or d.earliest is None or d.earliest != d.latest:
            continue
        actual = d.earliest.weekday()
        if actual == d.weekday:
            continue
        date_text = f"{d.earliest:%B} {d.earliest.day}, {d.earliest.year}"
        message = f"{date_text} is a {WEEKDAYS[actual]}, not a {WEEKDAYS[d.weekday]}."
        severity = None
        if d.year_inferred:
            message += f" (The year is not written; {d.earliest.year} is the one nearest publication.)"
            published = ctx.published
            plausible = [
                o
                for o in _same_day_other_years(d.earliest)
                if published is not None and abs((o - published).days) <= NEIGHBOUR_DAYS
            ]
            if any(o.weekday() == d.weekday for o in plausible):
                severity = "warning"
                message += f" The weekday fits {d.earliest:%B} {d.earliest.day} of a neighbouring year: add the year."
        message += " Correct the weekday or the date."
        yield ctx.finding(rule, d, message, severity=severity, suggestion=corrected(d.text, actual))
