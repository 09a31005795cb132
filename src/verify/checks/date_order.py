"""Date order: an order the text states ("before", "after", "two days later") that its dates contradict.

## What it flags
Two dated events whose stated order disagrees with their dates:

* a connective between them: "The vote was on Dec. 9, before the debate on Dec. 7" ("before",
  "prior to", "ahead of", "then", "followed by" put the first event first; "after",
  "following", "preceded by", "earlier" put it second);
* a connective on each: "came after the summit on Dec. 9 and before the vote on Dec. 7";
* a leading clause: "Before the vote on Dec. 9, the debate took place on Dec. 11";
* a sentence that opens with "Later", "Earlier", "Then", "Afterwards" or "Previously" and a date,
  after a sentence that ends on one;
* a counted step with the date written beside it: "…on March 5. Two days later, on March 3, …"
  (two days after March 5 is March 7).

Dates that report rather than order events ("said on Dec. 9 that … before Dec. 7") are left
alone, and so are dates that overlap (the same day, or a month that holds the day).

## Why it matters
A sequence that cannot have happened confuses readers about cause and effect, and usually means
one of the dates is wrong.

## Example
"The vote was on Dec. 9, before the debate on Dec. 7."

## Use instead
Check both dates against the source: "The vote was on Dec. 9, after the debate on Dec. 7."
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Sequence

from verify.checks._base import CheckContext, Rule
from verify.extract import datetables
from verify.extract.dates import anchor_of
from verify.model import DateMention, Finding, Span
from verify.packs import folds_to_ascii

RULES = (Rule("date-order", "VR503", "warning", "A stated order of events that their dates contradict."),)

#: Contradictions longer than this, with a year that was inferred, are taken for a wrong year.
YEAR_SLACK_DAYS = 31


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s{1,3}") for w in sorted(words, key=len, reverse=True))


_CONNECTIVE = re.compile(rf"\b(?:{_alt(datetables.ORDER_CONNECTIVES)})\b", re.IGNORECASE)
_REPORTING = re.compile(rf"\b(?:{_alt(datetables.REPORTING)})\b", re.IGNORECASE)
#: The two patterns without IGNORECASE, for a sentence's lower-cased text (see _Sentences): a
#: case-sensitive alternation is tried about twice as fast.
_CONNECTIVE_LOWER = re.compile(_CONNECTIVE.pattern)
_REPORTING_LOWER = re.compile(_REPORTING.pattern)
_OPENER = re.compile(
    r"\s{0,3}[\"“]?(?P<word>Later|Earlier|Then|Afterwards?|Previously|Before\s{1,3}that|After\s{1,3}that)\b",
)
_OPENER_ORDER = {"later": "<", "then": "<", "afterwards": "<", "afterward": "<", "after that": "<",
                 "earlier": ">", "previously": ">", "before that": ">"}  # fmt: skip
_APPOSITION = re.compile(r"\s{0,3},?\s{0,3}(?:on|in)?\s{0,3}", re.IGNORECASE)


def _eligible(d: DateMention) -> bool:
    """A closed, checkable interval that is not itself counted from another date."""
    return (
        d.earliest is not None
        and d.latest is not None
        and d.granularity != "vague"
        and d.invalid is None
        and d.anchor not in ("previous", "following")
    )


def _order_of(word: str) -> str:
    return datetables.ORDER_CONNECTIVES[re.sub(r"\s+", " ", word.lower())]


class _Masks:
    """The date mentions' spans, for telling whether a match overlaps one in O(log n)."""

    def __init__(self, masks: Sequence[DateMention]) -> None:
        spans = sorted((d.start, d.end) for d in masks)
        self.starts = [s for s, _ in spans]
        self.reach: list[int] = []  # the furthest end among the spans up to each index
        furthest = -1
        for _, e in spans:
            furthest = max(furthest, e)
            self.reach.append(furthest)

    def overlap(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.starts, end)  # spans that start before ``end``
        return index > 0 and self.reach[index - 1] > start


class _Sentences:
    """The document's sentences lower-cased once each, where the patterns above are searched
    case-sensitively: the patterns are ASCII, and in text without the characters that
    IGNORECASE folds to ASCII unlike their lower case (packs.folds_to_ascii) the lower-cased
    text holds a match where the text holds one. A sentence is read from one character before
    it, which a leading \\b looks at."""

    def __init__(self, prose: str) -> None:
        self.prose = prose
        self._lowered: dict[tuple[int, int], tuple[int, str | None]] = {}

    def spans(
        self, pattern: re.Pattern[str], lower: re.Pattern[str], sentence: Span, start: int, end: int
    ) -> list[tuple[int, int]]:
        """The (start, end) offsets of ``pattern``'s matches in ``prose[start:end]``, a stretch of
        ``sentence``, found by ``lower`` (its case-sensitive twin) in the lower-cased sentence."""
        origin, lowered = self._read(sentence)
        if lowered is None or start < sentence.start or end > sentence.end:
            return [m.span() for m in pattern.finditer(self.prose, start, end)]
        return [(m.start() + origin, m.end() + origin) for m in lower.finditer(lowered, start - origin, end - origin)]

    def reporting(self, sentence: Span, start: int, end: int) -> bool:
        """Whether a reporting verb ("said", "told") stands in ``prose[start:end]``, a stretch of
        ``sentence``."""
        origin, lowered = self._read(sentence)
        if lowered is None or start < sentence.start or end > sentence.end:
            return _REPORTING.search(self.prose, start, end) is not None
        return _REPORTING_LOWER.search(lowered, start - origin, end - origin) is not None

    def _read(self, sentence: Span) -> tuple[int, str | None]:
        found = self._lowered.get((sentence.start, sentence.end))
        if found is None:
            origin = max(0, sentence.start - 1)
            text = self.prose[origin : sentence.end]
            lowered = text.lower()
            usable = len(lowered) == len(text) and not folds_to_ascii(text)
            found = self._lowered[sentence.start, sentence.end] = (origin, lowered if usable else None)
        return found


def _connectives(sentences: _Sentences, sentence: Span, start: int, end: int, masks: _Masks) -> list[tuple[int, int]]:
    spans = sentences.spans(_CONNECTIVE, _CONNECTIVE_LOWER, sentence, start, end)
    return [(s, e) for s, e in spans if not masks.overlap(s, e)]


def _lead(
    cache: dict[int, tuple[list[int], list[tuple[int, int]]]], sentences: _Sentences, sentence: Span, stop: int, masks: _Masks
) -> list[tuple[int, int]]:
    """The connectives of ``sentence`` that end by ``stop``; the sentence is scanned once."""
    if sentence.start not in cache:
        found = _connectives(sentences, sentence, sentence.start, sentence.end, masks)
        cache[sentence.start] = ([e for _, e in found], found)
    ends, found = cache[sentence.start]
    return found[: bisect.bisect_right(ends, stop)]


def _impossible(a: tuple[dt.date, dt.date], order: str, b: tuple[dt.date, dt.date]) -> bool:
    return a[0] > b[1] if order == "<" else a[1] < b[0]


def _shifted(span: tuple[dt.date, dt.date], years: int) -> tuple[dt.date, dt.date] | None:
    try:
        return span[0].replace(year=span[0].year + years), span[1].replace(year=span[1].year + years)
    except ValueError:
        return None


def _contradicts(first: DateMention, order: str, second: DateMention) -> bool:
    """Whether "first ``order`` second" ("<": first comes before) is impossible by the dates.

    A date whose year was inferred may have been given the wrong year: a contradiction of more
    than :data:`YEAR_SLACK_DAYS` that another year for it would remove is left alone (a slip of
    a few days is what this check is for; a gap of months is more likely the year).
    """
    assert first.earliest and first.latest and second.earliest and second.latest
    a, b = (first.earliest, first.latest), (second.earliest, second.latest)
    if not _impossible(a, order, b):
        return False
    gap = (a[0] - b[1]).days if order == "<" else (b[0] - a[1]).days
    if gap > YEAR_SLACK_DAYS:
        for mention, years in ((first, -1), (first, 1), (second, -1), (second, 1)):
            if not mention.year_inferred:
                continue
            moved = _shifted(a if mention is first else b, years)
            if moved and not (_impossible(moved, order, b) if mention is first else _impossible(a, order, moved)):
                return False
    return True


def _describe(d: DateMention) -> str:
    if d.earliest == d.latest:
        return d.earliest.isoformat() if d.earliest else d.text
    return f"{d.earliest}..{d.latest}"


def run(ctx: CheckContext) -> Iterable[Finding]:
    rule = RULES[0]
    prose = ctx.prose
    dates = list(ctx.dates)
    yield from _counted_steps(ctx, rule, dates)
    eligible = [d for d in dates if _eligible(d)]
    masks: _Masks | None = None  # built for the first pair of dates in one sentence (most have none)
    leads: dict[int, tuple[list[int], list[tuple[int, int]]]] = {}
    sentences = _Sentences(prose)
    for a, b in zip(eligible, eligible[1:]):
        sentence = a.sentence
        # (the same Span object is the same sentence; only a distinct one needs comparing)
        same_sentence = sentence is not None and (sentence is b.sentence or sentence == b.sentence)
        if not same_sentence:
            yield from _sentence_opener(ctx, rule, a, b, sentences)
            continue
        assert sentence is not None
        if masks is None:
            masks = _Masks(dates)
        between = _connectives(sentences, sentence, a.end, b.start, masks)
        if sentences.reporting(sentence, a.end, between[-1][0] if between else b.start):
            continue  # "said on Dec. 9 that …": the first date dates the saying
        lead = _lead(leads, sentences, sentence, a.start, masks)
        g1 = _order_of(prose[slice(*lead[-1])]) if lead else None
        g2 = _order_of(prose[slice(*between[-1])]) if between else None
        claim: tuple[DateMention, str, DateMention] | None = None
        if g2 and g1 is None:
            claim = (a, g2, b)  # "X on Dec. 9, before Y on Dec. 7"
        elif g1 and g2:
            # "after A and before B": A must not come after B
            claim = (a, "<", b) if (g1, g2) == (">", "<") else (b, "<", a) if (g1, g2) == ("<", ">") else None
        elif g1 and not g2 and lead[-1][0] - sentence.start <= 3 and "," in prose[a.end : b.start]:
            claim = (b, g1, a)  # "Before the vote on Dec. 9, the debate took place on Dec. 11"
        if claim and _contradicts(*claim):
            first, order, second = claim
            word = prose[slice(*between[-1])] if g2 else prose[slice(*lead[-1])]
            yield ctx.finding(
                rule,
                b,
                f"The text puts one event {word!r} another, but their dates say otherwise: "
                f"{first.text!r} ({_describe(first)}) is {'after' if order == '<' else 'before'} "
                f"{second.text!r} ({_describe(second)}). Check both dates.",
                related=(a,),
            )


def _sentence_opener(
    ctx: CheckContext, rule: Rule, a: DateMention, b: DateMention, sentences: _Sentences
) -> Iterable[Finding]:
    """"…on March 5. Later, on March 3, …": an opener that orders two sentences' dates."""
    if a.sentence is None or b.sentence is None or a.sentence.end > b.sentence.start:
        return
    prose = ctx.prose
    m = _OPENER.match(prose, b.sentence.start)
    if not m or b.start - m.end() > 8 or prose[a.end : a.sentence.end].strip(" .!?\"”'") != "":
        return
    if sentences.reporting(b.sentence, m.end(), b.start):
        return
    order = _OPENER_ORDER[re.sub(r"\s+", " ", m.group("word").lower())]
    if _contradicts(a, order, b):
        yield ctx.finding(
            rule,
            b,
            f"{m.group('word')!r} puts this after {a.text!r} ({_describe(a)}), but it is dated "
            f"{_describe(b)}. Check both dates." if order == "<" else
            f"{m.group('word')!r} puts this before {a.text!r} ({_describe(a)}), but it is dated "
            f"{_describe(b)}. Check both dates.",
            related=(a,),
        )


def _counted_steps(ctx: CheckContext, rule: Rule, dates: list[DateMention]) -> Iterable[Finding]:
    """"Two days later, on March 3": the counted date and the written one must agree."""
    prose = ctx.prose
    for i, d in enumerate(dates[:-1]):
        if d.anchor != "previous" or d.earliest is None or d.latest is None or d.granularity == "vague":
            continue
        nxt = dates[i + 1]
        if not _eligible(nxt) or not _APPOSITION.fullmatch(prose, d.end, nxt.start):
            continue
        assert nxt.earliest and nxt.latest
        if nxt.latest < d.earliest or nxt.earliest > d.latest:
            anchor = anchor_of(dates, i)
            related = (d,) + ((anchor,) if anchor is not None else ())
            since = f" after {anchor.text!r}" if anchor is not None else ""
            yield ctx.finding(
                rule,
                nxt,
                f"{d.text!r}{since} is {_describe(d)}, but the text gives {nxt.text!r} "
                f"({_describe(nxt)}). Check both dates.",
                related=related,
            )
