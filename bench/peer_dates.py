"""Score verify's date extraction on the date suites of its peers.

Three suites, read from ``../shared/peer-suites`` (or ``$VERIFY_PEER_SUITES``):

* Recognizers-Text ``DateTime_DateTimeModel.json``: date and date-range results, each against its
  own ``ReferenceDateTime``. A case passes when a verify mention overlaps the expected span and
  its interval equals one of the expected values (ambiguous dates list a past and a future
  reading; either counts). Times of day, date-times, durations, recurring sets and time zones
  are out of scope.
* Duckling's English time corpus: each text against 2013-02-12 (a Tuesday; 2013-02-15 for the
  ``diffCorpus`` section). A text passes when a verify mention over it has the expected interval
  at the expected grain. Hour, minute and second grains, and the latent-only section, are out of
  scope.
* dateparser's relative dates: each text against 2014-09-01. A text passes when the expected
  day lies in a verify mention's interval. Deltas in hours, minutes or seconds, and bare
  durations with no relative word ("2 days", which dateparser reads as "2 days ago"; in news copy
  it is a length of time), are out of scope.

``SUITES`` is a list of ``(name, scorer)``; each scorer takes no argument and returns
``(in_scope, passed, left_out)`` where ``left_out`` maps a reason to the number of cases left out
for it. ``python bench/peer_dates.py`` prints the table (``-v`` lists the failures).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dateutil.relativedelta import relativedelta

import verify

Score = tuple[int, int, dict[str, int]]

SUITES_DIR = Path(os.environ.get("VERIFY_PEER_SUITES", Path(__file__).resolve().parents[2] / "shared" / "peer-suites"))

#: Failures of the last run of each suite, for ``-v``.
FAILURES: dict[str, list[str]] = {}
#: Failures that pass when the text is told in the future tense ("It will happen next monday."),
#: the reading Duckling gives a date with no tense.
FUTURE_FRAMED: dict[str, int] = {}


def _load(name: str) -> Any:
    return json.loads((SUITES_DIR / name).read_text(encoding="utf-8-sig"))


def _dates(text: str, published: dt.date) -> list[verify.DateMention]:
    return list(verify.extract(text, published=published).dates)


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value[:10])


# --- Recognizers-Text --------------------------------------------------------------------------

_RT_OUT = {
    "datetimeV2.time": "time of day",
    "datetimeV2.timerange": "time of day",
    "datetimeV2.datetime": "date with a time of day",
    "datetimeV2.datetimerange": "date with a time of day",
    "datetimeV2.duration": "duration, not a date",
    "datetimeV2.set": "recurring set",
    "datetimeV2.timezone": "time zone",
}


def _rt_matches(mention: verify.DateMention, value: dict[str, str]) -> bool:
    if "value" in value and value.get("type") == "date":
        day = _day(value["value"])
        return mention.earliest == day and mention.latest == day
    ok = True
    if value.get("start"):
        ok &= mention.earliest == _day(value["start"])
    if value.get("end"):
        end = _day(value["end"])
        # Recognizers' ends are exclusive ("1990s" ends 2000-01-01); for a range of two dates
        # ("from 2014 to 2018", "November 19-20") the end is where the last one starts.
        ok &= mention.latest is not None and (
            mention.latest == end - dt.timedelta(days=1) or _unit_start(mention.latest, mention.granularity) == end
        )
    return ok and bool(value.get("start") or value.get("end"))


def _unit_start(day: dt.date, granularity: str) -> dt.date:
    if granularity == "month":
        return day.replace(day=1)
    if granularity == "year":
        return day.replace(month=1, day=1)
    return day


def score_recognizers() -> Score:
    """Recognizers-Text DateTime (English), date and date-range results."""
    cases = _load("DateTime_DateTimeModel.json")
    left: Counter[str] = Counter()
    in_scope = passed = 0
    fails: list[str] = []
    for case in cases:
        results = case.get("Results") or []
        ref = _day(case.get("Context", {}).get("ReferenceDateTime", "2016-11-07T00:00:00"))
        mentions: list[verify.DateMention] | None = None
        for r in results:
            kind = r.get("TypeName") or "datetimeV2." + (r.get("Resolution", {}).get("values") or [{}])[0].get("type", "")
            if kind in _RT_OUT:
                left[_RT_OUT[kind]] += 1
                continue
            if kind not in ("datetimeV2.date", "datetimeV2.daterange"):
                left[f"other type {kind}"] += 1
                continue
            values = [
                v
                for v in r.get("Resolution", {}).get("values", [])
                if any(re.match(r"\d{4}-\d\d-\d\d", v.get(k) or "") for k in ("value", "start", "end"))
            ]
            if not values:
                left["no resolved value (weekday or week without a date)"] += 1
                continue
            if any("T" in (v.get("value") or "") or ":" in (v.get("start") or "") for v in values):
                left["date with a time of day"] += 1
                continue
            in_scope += 1
            if mentions is None:
                mentions = _dates(case["Input"], ref)
            start, end = r["Start"], r["End"] + 1
            near = [m for m in mentions if m.start < end and start < m.end]
            if any(_rt_matches(m, v) for m in near for v in values):
                passed += 1
            else:
                fails.append(f"{case['Input']!r} [{r['Text']}] want {values[0]} got {near}")
    FAILURES["Recognizers-Text DateTime"] = fails
    return in_scope, passed, dict(left)


# --- Duckling ----------------------------------------------------------------------------------

_DUCK_GRAINS = {"day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year"}


def _duck_interval(expected: dict[str, Any]) -> tuple[dt.date | None, dt.date | None]:
    kind, grain = expected["kind"], expected.get("grain")
    if kind == "instant":
        start = _day(expected["value"])
        step = {
            "day": relativedelta(days=1),
            "week": relativedelta(weeks=1),
            "month": relativedelta(months=1),
            "quarter": relativedelta(months=3),
            "year": relativedelta(years=1),
        }[grain]
        return start, start + step - dt.timedelta(days=1)
    if kind == "interval":
        return _day(expected["from"]), _day(expected["to_exclusive"]) - dt.timedelta(days=1)
    lo = _day(expected["above"]) if expected.get("above") else None
    hi = _day(expected["under"]) - dt.timedelta(days=1) if expected.get("under") else None
    return lo, hi


def score_duckling() -> Score:
    """Duckling's English time corpus (date grains)."""
    data = _load("duckling_en_time_corpus.json")
    left: Counter[str] = Counter()
    in_scope = passed = 0
    fails: list[str] = []
    for group in data["groups"]:
        expected = group["expected"]
        texts = group["texts"]
        if group["section"] == "latentCorpus":
            left["latent expressions (bare numbers read as dates)"] += len(texts)
            continue
        grain = expected.get("grain")
        if grain not in _DUCK_GRAINS:
            left["time of day (hour, minute or second grain)"] += len(texts)
            continue
        if any(k in expected for k in ("from", "to_exclusive", "above", "under")) and any(
            "T00:00:00" not in str(expected.get(k, "T00:00:00")) for k in ("from", "to_exclusive", "above", "under")
        ):
            left["interval with times of day"] += len(texts)
            continue
        ref = dt.date(2013, 2, 15) if group["section"] == "diffCorpus" else dt.date(2013, 2, 12)
        try:
            lo, hi = _duck_interval(expected)
        except ValueError:
            left["year before 1 AD"] += len(texts)
            continue
        for text in texts:
            in_scope += 1
            got = _dates(text, ref)
            if any(m.earliest == lo and m.latest == hi for m in got):
                passed += 1
            else:
                fails.append(f"{text!r} want {lo}..{hi} got {got}")
                # Duckling reads a date with no tense as the next one; verify as the nearest.
                # Told in the future tense, does verify agree?
                framed = _dates(f"It will happen {text}.", ref)
                if any(m.earliest == lo and m.latest == hi for m in framed):
                    FUTURE_FRAMED["Duckling time"] = FUTURE_FRAMED.get("Duckling time", 0) + 1
    FAILURES["Duckling time"] = fails
    return in_scope, passed, dict(left)


# --- dateparser --------------------------------------------------------------------------------

_RELATIVE_WORD = re.compile(
    r"\b(?:ago|in|later|earlier|from\s+now|before|after|since|last|next|this|yesterday|today|tomorrow|now|hence)\b",
    re.IGNORECASE,
)


def score_dateparser() -> Score:
    """dateparser's freshness (relative date) cases."""
    data = _load("relative_dates_en_cases.json")
    now = dt.date(2014, 9, 1)
    left: Counter[str] = Counter()
    in_scope = passed = 0
    fails: list[str] = []
    for case in data["cases"]:
        delta = case["delta"]
        text = case["text"]
        if any(k in delta for k in ("hours", "minutes", "seconds")) or case.get("period") == "time":
            left["time of day (delta in hours, minutes or seconds)"] += 1
            continue
        if not _RELATIVE_WORD.search(text):
            left["bare duration with no relative word"] += 1
            continue
        in_scope += 1
        sign = -1 if case["direction"] == "past" else 1
        want = now + relativedelta(**{k: sign * v for k, v in delta.items()})
        got = _dates(text, now)
        if any(m.earliest is not None and m.latest is not None and m.earliest <= want <= m.latest for m in got):
            passed += 1
        else:
            fails.append(f"{text!r} want {want} got {got}")
    FAILURES["dateparser relative"] = fails
    return in_scope, passed, dict(left)


SUITES: list[tuple[str, Callable[[], Score]]] = [
    ("Recognizers-Text DateTime (date, daterange)", score_recognizers),
    ("Duckling time corpus (date grains)", score_duckling),
    ("dateparser relative dates", score_dateparser),
]


def table() -> str:
    """The scores as a Markdown table."""
    rows = ["| suite | in scope | passed | % | left out (why) |", "| --- | ---: | ---: | ---: | --- |"]
    for name, scorer in SUITES:
        in_scope, passed, left = scorer()
        pct = 100.0 * passed / in_scope if in_scope else 0.0
        why = "; ".join(f"{n} {reason}" for reason, n in sorted(left.items(), key=lambda kv: -kv[1]))
        rows.append(f"| {name} | {in_scope} | {passed} | {pct:.1f} | {why} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    print(table())
    for name, n in FUTURE_FRAMED.items():
        print(f"\n{name}: {n} more pass when told in the future tense (Duckling reads a date with no tense as the next one).")
    if "-v" in argv:
        for name, fails in FAILURES.items():
            print(f"\n## {name}: {len(fails)} failures")
            for line in fails:
                print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
