"""Reported after publication: a past event dated after the story, or a future one dated before it.

## What it flags
* A date told in the past tense that falls after the publication date: "On December 12 the
  minister said…" in a story published on December 8.
* A date told in the future tense that falls before the publication date: "The envoys will meet
  on December 1" in a story published on December 8.

Only dates that say when the event happened are checked ("met on December 12", "in 2023"),
not deadlines or extents ("extended to Jan. 31", "by December 10", "until 2023"); and only dates
written out ("December 12", "2023", "Tuesday, Dec. 14"); relative ones
("yesterday", "next week", "on Monday") are resolved with the tense and so always agree. Reported
futures ("said they would meet on December 1", "said on Nov. 30 that talks will resume on Dec. 2",
a quotation's "we will meet on December 1") are left alone, since the meeting may be over by
publication. A date without its year is read as the one nearest publication, on the side its
tense points to, unless it lies within two weeks on the other side. Without a publication date
the check is skipped.

## Why it matters
A story cannot report what has not happened yet, nor announce what is already over. Either the
date is wrong (often the month or the year), the tense is, or the story was held and not updated.

## Example
"The envoys will meet on December 1 in Geneva." (published December 8, 2021)

## Use instead
"The envoys met on December 1 in Geneva." — or correct the date to the one planned.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from verify.checks._base import CheckContext, Rule
from verify.extract import datetables
from verify.model import DateMention, Finding

RULES = (
    Rule(
        "reported-after-publication",
        "VR504",
        "warning",
        "A past-tense event dated after publication, or a future one dated before it.",
    ),
)

#: How many words may stand between a tense cue and the date it sets the tense of.
MAX_GAP_WORDS = 3
_WORD = re.compile(r"[\w'’-]+")
#: Words before a date that make it the time of the event ("met on", "in", "during"); a date
#: after "to", "until" or "by" is a deadline or an extent ("extended to Jan. 31"), not when the
#: reported event happened.
EVENT_PREPOSITIONS = frozenset({"on", "in", "at", "during"})
_PREV = re.compile(r"([A-Za-z]{1,24})[\s,]{0,3}$")


def _dates_the_event(prose: str, start: int, sentence_start: int, cue: str) -> bool:
    """Whether the mention at ``start`` says when the clause's event happened."""
    m = _PREV.search(prose, max(sentence_start, start - 24), start)
    if not m:
        return True  # the date opens the sentence: "December 12: the minister said…"
    word = m.group(1).lower()
    return word in EVENT_PREPOSITIONS or word == cue.split()[-1]


def _near_cue(prose: str, start: int, end: int, sentence_start: int, sentence_end: int, cue: str) -> bool:
    """Whether the tense cue stands within :data:`MAX_GAP_WORDS` words of the mention."""
    last = cue.split(" … ")[-1]
    pattern = re.compile(r"\b" + re.escape(last).replace(r"\ ", r"\s{1,3}") + r"\b", re.IGNORECASE)
    before = [m for m in pattern.finditer(prose, sentence_start, start)]
    if before and len(_WORD.findall(prose, before[-1].end(), start)) <= MAX_GAP_WORDS:
        return True
    after = pattern.search(prose, end, sentence_end)
    return bool(after and len(_WORD.findall(prose, end, after.start())) <= MAX_GAP_WORDS)


_REPORTING = re.compile(r"\b(?:" + "|".join(sorted(datetables.REPORTING)) + r")\b", re.IGNORECASE)


def _reported_earlier(ctx: CheckContext, d: DateMention, published: object) -> bool:
    """Whether the future is reported speech dated before publication ("said on Nov. 30 that
    talks will resume on Dec. 2"): the speaker's future may be the reader's past."""
    for other in ctx.dates:
        if other.start >= d.start or other.sentence != d.sentence:
            continue
        if other.latest is not None and other.latest < published and _REPORTING.search(ctx.prose, other.end, d.start):
            return True
    return False


def run(ctx: CheckContext) -> Iterable[Finding]:
    published = ctx.published
    if published is None:
        return
    rule = RULES[0]
    prose = ctx.prose
    for d in ctx.dates:
        if d.relative or d.invalid or d.granularity == "vague" or d.tense_cue is None or d.sentence is None:
            continue
        if d.tense == "past" and d.earliest is not None and d.earliest > published:
            problem = f"is told in the past tense ({d.tense_cue!r}) but dated after publication ({published})"
        elif (
            d.tense == "future"
            and d.latest is not None
            and d.latest < published
            and not any(w in datetables.FUTURE_IN_PAST for w in re.findall(r"[a-z]+", d.tense_cue))
            and not d.quoted  # a quotation's future is the speaker's, and the speech came earlier
            and not _reported_earlier(ctx, d, published)
        ):
            problem = f"is told in the future tense ({d.tense_cue!r}) but dated before publication ({published})"
        else:
            continue
        if not _near_cue(prose, d.start, d.end, d.sentence.start, d.sentence.end, d.tense_cue):
            continue
        if not _dates_the_event(prose, d.start, d.sentence.start, d.tense_cue):
            continue
        when = d.earliest.isoformat() if d.earliest == d.latest else f"{d.earliest}..{d.latest}"
        inferred = "; year inferred from the publication date" if d.year_inferred else ""
        yield ctx.finding(
            rule,
            d,
            f"{d.text!r} ({when}{inferred}) {problem}. Check the date and the tense.",
        )
