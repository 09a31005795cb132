"""Impossible date: a day that no calendar has.

## What it flags
Dates that cannot exist: "February 30", "June 31", "April 31", "February 29, 2021" (2021 is not a
leap year), "2021-02-29", and numeric dates with no such month or day ("13/45/2021").

## Why it matters
An impossible date is always a typo or a slip, and it usually hides the real date: "June 31" is
most likely June 30 or July 1. Readers who notice it stop trusting the rest of the story.

## Example
"The deadline passed on June 31."

## Use instead
"The deadline passed on June 30." (check the source for the date it gives).
"""

from __future__ import annotations

from collections.abc import Iterable

from verify.checks._base import CheckContext, Rule
from verify.model import Finding

RULES = (Rule("impossible-date", "VR502", "error", "A date that cannot exist, such as February 30."),)


def run(ctx: CheckContext) -> Iterable[Finding]:
    rule = RULES[0]
    for d in ctx.dates:
        if d.invalid:
            yield ctx.finding(rule, d, f"{d.text!r} is not a date: {d.invalid}.")
