"""Score ``verify.extract`` on the test suites of its peers, and print one table.

The suites are read from ``../shared/peer-suites`` (or ``$VERIFY_PEER_SUITES``); nothing is copied
into the project. Each scorer takes no argument and returns ``(in_scope, passed, left_out)``,
``left_out`` mapping a reason to the number of cases left out for it. The date suites live in
``bench/peer_dates.py`` (its ``SUITES`` list, same protocol) and are added when it is there.

How a case is judged (the same rule for every case of a suite; never tuned to one input):

* **Recognizers-Text Number**: every expected number must be matched by a verify figure over
  its span with the same value, and verify may report no other bare count (a measure such as
  "180ml" is not a bare number in Recognizers' model either). Cases whose expected
  results are fractions ("two fifths", "1 over 3"), powers ("1.1^23", "1e10"), or digits grouped
  the way English copy does not ("1 234 567", "12,34,567", "5,00") are left out, as are numbers
  inside dates, phone numbers and dotted codes, which verify deliberately does not treat as
  figures.
* **Recognizers-Text NumberRange**: every expected interval must be matched by a verify figure
  over its span with the same end points (open ends open); ``[a,a]`` ("equal to 20") is matched
  by the plain value. Inclusive and exclusive ends are not compared: Recognizers reads
  "between 20 and 30" as ``[20,30)``, verify as 20..30 inclusive. Symbolic comparisons ("x>10",
  "<= 30") are left out: they are not news prose.
* **Recognizers-Text Percent**: every expected percentage matched by value, no other percent.
* **Recognizers-Text Currency, Dimension, Age, Temperature**: every expected amount matched by a
  figure over its span with the same currency or a unit convertible to the expected one and the
  same value in it; verify may report no other figure of that kind. Currencies and units that
  verify's registry does not define (the Finnish markka, angles, picometres…) are left out, as is
  a bare "degrees" (no scale) for temperatures.
* **quantulum3**: every expected quantity matched by value and unit. Cases expecting years or
  other date parts as quantities (verify's policy is the opposite) and units the registry lacks
  are left out.
* **Duckling numeric corpus**: each text alone must give a verify figure over the whole text
  with the expected value and unit, or bounds for ``between``/``under``/``above``. Vague words
  ("a couple", "a few"), spoken-digit sequences ("one twenty two"), Indian "lakh" and "crore"
  compounds, and units the registry lacks are left out.

``python bench/peer_suites.py`` prints the table; ``-v`` lists up to 15 failures per suite.
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import verify
from verify import units
from verify.model import Figure

Score = tuple[int, int, dict[str, int]]

SUITES_DIR = Path(os.environ.get("VERIFY_PEER_SUITES", Path(__file__).resolve().parents[2] / "shared" / "peer-suites"))
FAILURES: dict[str, list[str]] = {}

# Peer unit and currency names -> verify's registry.
CURRENCIES = {
    "dollar": "USD", "united states dollar": "USD", "euro": "EUR", "pound": "GBP",
    "british pound": "GBP", "pound sterling": "GBP", "chinese yuan": "CNY", "japanese yen": "JPY",
    "canadian dollar": "CAD", "australian dollar": "AUD", "hong kong dollar": "HKD",
    "swiss franc": "CHF", "franc": "CHF", "bitcoin": "BTC", "turkish lira": "TRY",
    "rupee": "INR", "indian rupee": "INR", "mexican peso": "MXN", "usd": "USD", "eur": "EUR",
    "gbp": "GBP", "inr": "INR", "cny": "CNY", "cad": "CAD", "chf": "CHF", "uah": "UAH",
    "ils": "ILS", "sar": "SAR", "egp": "EGP", "qar": "QAR", "kwd": "KWD", "myr": "MYR",
    "bgn": "BGN", "south korean won": "KRW", "russian ruble": "RUB", "singapore dollar": "SGD",
    "new zealand dollar": "NZD", "south african rand": "ZAR", "brazilian real": "BRL",
}  # fmt: skip
#: Subunits the peers count in their own unit: "10 cents" is value 10, unit Cent.
SUBUNITS = {"cent": ("USD", 0.01), "pence": ("GBP", 0.01), "penny": ("GBP", 0.01)}
UNITS = {
    "foot": "foot", "meter": "meter", "metre": "meter", "mile": "mile", "pound": "pound",
    "gallon": "gallon", "ton": "short_ton", "metric ton": "tonne", "kilometer per hour": "kilometer_per_hour",
    "kilogram": "kilogram", "microgram": "microgram", "inch": "inch", "square meter": "meter ** 2",
    "square metre": "meter ** 2", "kilometer": "kilometer", "kilometre": "kilometer",
    "millimeter": "millimeter", "millimetre": "millimeter", "decimeter": "decimeter",
    "centimeter": "centimeter", "centimetre": "centimeter", "milliliter": "milliliter",
    "millilitre": "milliliter", "liter": "liter", "litre": "liter", "gram": "gram",
    "milligram": "milligram", "ounce": "ounce", "yard": "yard", "square kilometer": "kilometer ** 2",
    "square kilometre": "kilometer ** 2", "square mile": "mile ** 2", "cubic kilometre": "kilometer ** 3",
    "cubic meter": "meter ** 3", "cubic metre": "meter ** 3", "megabyte": "megabyte",
    "gigabyte": "gigabyte", "kilobyte": "kilobyte", "terabyte": "terabyte", "byte": "byte",
    "mile per hour": "mile_per_hour", "miles per hour": "mile_per_hour", "knot": "knot",
    "hectare": "hectare", "acre": "acre", "year": "year", "month": "month", "week": "week",
    "day": "day", "hour": "hour", "minute": "minute", "second": "second", "c": "degree_Celsius",
    "f": "degree_Fahrenheit", "celsius": "degree_Celsius", "fahrenheit": "degree_Fahrenheit",
    "degree celsius": "degree_Celsius", "degree fahrenheit": "degree_Fahrenheit",
    "kilometre per hour": "kilometer_per_hour", "percentage": "percent", "watt": "watt",
    "kilowatt": "kilowatt", "megawatt": "megawatt", "horsepower": "horsepower",
    "kilowatt hour": "kilowatt_hour", "joule": "joule", "calorie": "calorie", "barrel": "barrel",
    "quarter": None,
}  # fmt: skip

_FRACTION_TEXT = re.compile(r"\d\s*/\s*\d|\bover\b|(?:th|ths|fifths?|thirds?|halfs?|halves|fourths?|quarters?|half)\b|[½⅓⅔¼¾⅙⅛]", re.I)
_POWER_TEXT = re.compile(r"\d[eE][-+]?\d|\^|x10", re.I)
_FOREIGN_GROUPING = re.compile(r"\d[ \u202f]\d{3}|\d,\d{2},\d{3}|\d\.\d{3},\d|\d,\d{1,2}(?!\d)")
_DATE_PHONE_CODE = re.compile(r"\d{1,4}[/-]\d{1,2}[/-]\d{2,4}|\+\d|\d+\.\d+\.\d+|\b\d{4}-\d{2}\b")
_SYMBOLIC = re.compile(r"[<>=~]")
_VAGUE = re.compile(r"\b(?:couple|few|pair|single|nil|naught|nought|dozens?|lakhs?|lac|crores?|cr|koti|krores?)\b|\bone twenty\b|\(", re.I)


def _load(name: str) -> Any:
    return json.loads((SUITES_DIR / name).read_text(encoding="utf-8-sig"))


def _figures(text: str) -> list[Figure]:
    return list(verify.extract(text).figures)


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _overlaps(fig: Figure, start: int, end: int) -> bool:
    return fig.start < end and start < fig.end


def _in_unit(fig: Figure, unit_name: str) -> float | None:
    try:
        target = units.unit(unit_name)
    except Exception:
        return None
    if fig.value.dimensionality != target.dimensionality:
        return None
    try:
        return float(fig.value.to(target).magnitude)
    except Exception:
        return None


def _fail(suite: str, text: str, why: str) -> None:
    FAILURES.setdefault(suite, []).append(f"{text!r}: {why}")


def _number(value: str) -> float:
    return float(value.replace(",", "").rstrip("%"))


# ---------------------------------------------------------------------------------------------
# Recognizers-Text


def score_rt_number() -> Score:
    suite = "Recognizers-Text Number"
    FAILURES[suite] = []
    in_scope = passed = 0
    left: Counter[str] = Counter()
    for case in _load("Number_NumberModel.json"):
        text, results = case["Input"], case["Results"]
        texts = " ".join(r["Text"] for r in results)
        subtypes = {r["Resolution"].get("subtype") for r in results}
        if "fraction" in subtypes or _FRACTION_TEXT.search(texts):
            left["fractions"] += 1
            continue
        if "power" in subtypes or _POWER_TEXT.search(texts):
            left["powers and scientific notation"] += 1
            continue
        if _FOREIGN_GROUPING.search(text):
            left["digit grouping English copy does not use"] += 1
            continue
        if _DATE_PHONE_CODE.search(text):
            left["numbers inside dates, phones and dotted codes"] += 1
            continue
        in_scope += 1
        figs = [f for f in _figures(text) if f.is_quantity]
        ok, used = True, set()
        for r in results:
            start, end = r["Start"], r["End"] + 1
            value = _number(r["Resolution"]["value"])
            hit = [i for i, f in enumerate(figs) if _overlaps(f, start, end) and _close(_base(f), value)]
            if not hit:
                ok = False
                _fail(suite, text, f"missed {r['Text']!r} = {value}; got {figs}")
                break
            used.add(hit[0])
        # The Number model reports bare numbers only: a measure or an amount ("180ml") is not
        # an extra number, a bare count is.
        extra = [f for i, f in enumerate(figs) if i not in used and f.kind == "count"]
        if ok and extra:
            ok = False
            _fail(suite, text, f"extra {extra}")
        passed += ok
    return in_scope, passed, dict(left)


def _base(fig: Figure) -> float:
    """A figure's number without its unit's subunit scaling (money in cents stays as written)."""
    return fig.magnitude


def _interval(value: str) -> tuple[float | None, float | None]:
    lo, _, hi = value.strip("[]()").partition(",")
    return (float(lo) if lo.strip() else None, float(hi) if hi.strip() else None)


def score_rt_range() -> Score:
    suite = "Recognizers-Text NumberRange"
    FAILURES[suite] = []
    in_scope = passed = 0
    left: Counter[str] = Counter()
    for case in _load("Number_NumberRangeModel.json"):
        text, results = case["Input"], case["Results"]
        if _SYMBOLIC.search(" ".join(r["Text"] for r in results)) or _SYMBOLIC.search(text):
            left["symbolic comparisons (x>10)"] += 1
            continue
        if _DATE_PHONE_CODE.search(text):
            left["numbers inside dates, phones and dotted codes"] += 1
            continue
        if _FRACTION_TEXT.search(" ".join(r["Text"] for r in results)):
            left["fractions and ordinals as bounds"] += 1
            continue
        in_scope += 1
        figs = _figures(text)
        ok, used = True, set()
        for r in results:
            start, end = r["Start"], r["End"] + 1
            lo, hi = _interval(r["Resolution"]["value"])
            hit = [i for i, f in enumerate(figs) if _overlaps(f, start, end) and _same_bounds(f, lo, hi)]
            if not hit:
                ok = False
                _fail(suite, text, f"missed {r['Text']!r} = {r['Resolution']['value']}; got {figs}")
                break
            used.add(hit[0])
        extra = [f for i, f in enumerate(figs) if i not in used and (f.low is not None or f.high is not None)]
        if ok and extra:
            ok = False
            _fail(suite, text, f"extra {extra}")
        passed += ok
    return in_scope, passed, dict(left)


def _same_bounds(fig: Figure, lo: float | None, hi: float | None) -> bool:
    if lo is not None and hi is not None and lo == hi:
        return _close(fig.magnitude, lo) and fig.low is None and fig.high is None
    got_lo = None if fig.low is None else float(fig.low.magnitude)
    got_hi = None if fig.high is None else float(fig.high.magnitude)
    same = lambda a, b: (a is None and b is None) or (a is not None and b is not None and _close(a, b))  # noqa: E731
    return same(got_lo, lo) and same(got_hi, hi)


def score_rt_percent() -> Score:
    suite = "Recognizers-Text Percent"
    FAILURES[suite] = []
    in_scope = passed = 0
    left: Counter[str] = Counter()
    for case in _load("Number_PercentModel.json"):
        text, results = case["Input"], case["Results"]
        if any(r["Resolution"].get("value") in (None, "null") for r in results):
            left["the word percent without a number"] += 1
            continue
        in_scope += 1
        figs = [f for f in _figures(text) if f.kind == "percent"]
        ok, used = True, set()
        for r in results:
            start, end = r["Start"], r["End"] + 1
            value = _number(r["Resolution"]["value"])
            hit = [i for i, f in enumerate(figs) if _overlaps(f, start, end) and _close(f.magnitude, value)]
            if not hit:
                ok = False
                _fail(suite, text, f"missed {r['Text']!r} = {value}; got {figs}")
                break
            used.add(hit[0])
        if ok and len(used) != len(figs):
            ok = False
            _fail(suite, text, f"extra {figs}")
        passed += ok
    return in_scope, passed, dict(left)


_TIME = units.unit("second").dimensionality


def _matches_exactly(
    suite: str, text: str, figs: list[Figure], expected: list[tuple[int, int, str, str | None, float]]
) -> bool:
    """Whether each expected (start, end, surface, unit, value) has its own figure, and no figure
    is left over. A start below 0 matches anywhere; a unit of None compares bare magnitudes."""
    used: set[int] = set()
    for start, end, surface, unit_name, value in expected:
        hit = [
            i
            for i, f in enumerate(figs)
            if i not in used
            and (start < 0 or _overlaps(f, start, end))
            and (_close(f.magnitude, value) if unit_name is None else (v := _in_unit(f, unit_name)) is not None and _close(v, value))
        ]
        if not hit:
            _fail(suite, text, f"missed {surface!r} = {value} {unit_name}; got {figs}")
            return False
        used.add(hit[0])
    extra = [f for i, f in enumerate(figs) if i not in used]
    if extra:
        _fail(suite, text, f"extra {extra}")
    return not extra


def _unit_suite(suite: str, filename: str, kinds: tuple[str, ...], resolve: Callable[[dict[str, Any]], tuple[str | None, float, str | None]]) -> Score:
    """Score a NumberWithUnit suite. ``resolve`` maps a resolution to (unit, value, left-out reason)."""
    FAILURES[suite] = []
    in_scope = passed = 0
    left: Counter[str] = Counter()
    for case in _load(filename):
        text, results = case["Input"], case["Results"]
        resolved = [(r, *resolve(r["Resolution"])) for r in results]
        reasons = [why for _, _, _, why in resolved if why]
        if reasons:
            left[reasons[0]] += 1
            continue
        in_scope += 1
        figs = [f for f in _figures(text) if f.kind in kinds]
        if suite.endswith("Dimension"):
            # Recognizers keeps durations in its date-time model, not among dimensions
            figs = [f for f in figs if f.value.dimensionality != _TIME]
        spans = [(r["Start"], r["End"] + 1, r["Text"], unit_name, value) for r, unit_name, value, _ in resolved]
        passed += _matches_exactly(suite, text, figs, spans)
    return in_scope, passed, dict(left)


def _currency(resolution: dict[str, Any]) -> tuple[str | None, float, str | None]:
    name = resolution.get("unit", "").lower()
    value = float(resolution.get("value") or "nan")
    if math.isnan(value):
        return None, value, "no value resolved"
    if name in SUBUNITS:
        code, factor = SUBUNITS[name]
        return code, value * factor, None
    code = CURRENCIES.get(name) or (resolution.get("isoCurrency") if units.is_unit(resolution.get("isoCurrency") or "-") else None)
    if code is None:
        return None, value, "currencies the registry does not define"
    return code, value, None


def _dimension(resolution: dict[str, Any]) -> tuple[str | None, float, str | None]:
    name = resolution.get("unit", "").lower()
    value = float(resolution.get("value") or "nan")
    if math.isnan(value):
        return None, value, "a unit named without a number"
    if resolution.get("subtype") == "Angle" or name == "degree":
        return None, value, "angles and bare degrees"
    unit_name = UNITS.get(name)
    if unit_name is None or not units.is_unit(unit_name):
        return None, value, "units the registry does not define"
    return unit_name, value, None


def score_rt_currency() -> Score:
    return _unit_suite("Recognizers-Text Currency", "NumberWithUnit_CurrencyModel.json", ("money",), _currency)


def score_rt_dimension() -> Score:
    return _unit_suite("Recognizers-Text Dimension", "NumberWithUnit_DimensionModel.json", ("measure",), _dimension)


def score_rt_age() -> Score:
    return _unit_suite("Recognizers-Text Age", "NumberWithUnit_AgeModel.json", ("measure",), _dimension)


def score_rt_temperature() -> Score:
    return _unit_suite("Recognizers-Text Temperature", "NumberWithUnit_TemperatureModel.json", ("measure",), _dimension)


# ---------------------------------------------------------------------------------------------
# quantulum3


def score_quantulum() -> Score:
    suite = "quantulum3 quantities"
    FAILURES[suite] = []
    in_scope = passed = 0
    left: Counter[str] = Counter()
    for case in _load("quantulum3_quantities.json"):
        text, results = case["req"], case["res"]
        targets: list[tuple[str, str | None, float]] = []
        reason = None
        for r in results:
            name = r["unit"].lower()
            surface = r.get("surface", "")
            if name == "dimensionless":
                if re.fullmatch(r"(?:1[5-9]|20)\d\d", surface.strip()) or _DATE_PHONE_CODE.search(surface):
                    reason = "years and date parts as quantities"
                targets.append((surface, None, float(r["value"])))
                continue
            code = CURRENCIES.get(name)
            unit_name = code or UNITS.get(name)
            if unit_name is None or not units.is_unit(unit_name):
                reason = reason or "units the registry does not define"
                continue
            targets.append((surface, unit_name, float(r["value"])))
        if reason:
            left[reason] += 1
            continue
        in_scope += 1
        figs = [f for f in _figures(text) if f.is_quantity]
        spans = []
        for surface, unit_name, value in targets:
            start = text.find(surface) if surface else -1
            spans.append((start, start + len(surface), surface, unit_name, value))
        passed += _matches_exactly(suite, text, figs, spans)
    return in_scope, passed, dict(left)


# ---------------------------------------------------------------------------------------------
# Duckling

DUCKLING_UNITS = {
    "dollar": "USD", "usd": "USD", "eur": "EUR", "pound": "GBP", "gbp": "GBP", "inr": "INR",
    "cad": "CAD", "chf": "CHF", "cny": "CNY", "uah": "UAH", "ils": "ILS", "sar": "SAR",
    "egp": "EGP", "qar": "QAR", "kwd": "KWD", "myr": "MYR", "bgn": "BGN",
    "kilometre": "kilometer", "mile": "mile", "m": "meter", "metre": "meter",
    "centimetre": "centimeter", "inch": "inch", "foot": "foot", "millimetre": "millimeter",
    "gram": "gram", "ounce": "ounce", "litre": "liter", "millilitre": "milliliter",
    "gallon": "gallon", "celsius": "degree_Celsius", "fahrenheit": "degree_Fahrenheit",
}  # fmt: skip
DUCKLING_GRAINS = {"second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week", "month": "month", "year": "year"}


def score_duckling() -> Score:
    suite = "Duckling numeric corpus"
    FAILURES[suite] = []
    in_scope = passed = 0
    left: Counter[str] = Counter()
    corpus = _load("duckling_en_numeric_corpus.json")
    for dimension, data in corpus["dimensions"].items():
        for group in data["groups"]:
            expected = group["expected"]
            for text in group["texts"]:
                reason = _duckling_left_out(dimension, expected, text)
                if reason:
                    left[reason] += 1
                    continue
                in_scope += 1
                ok, why = _duckling_case(dimension, expected, text)
                if not ok:
                    _fail(suite, text, why)
                passed += ok
        for text in data.get("negative", []):
            in_scope += 1
            figs = [f for f in _figures(text) if f.is_quantity]
            if figs:
                _fail(suite, text, f"negative example gave {figs}")
            passed += not figs
    return in_scope, passed, dict(left)


def _duckling_unit(dimension: str, expected: dict[str, Any]) -> str | None:
    if dimension == "Duration":
        return DUCKLING_GRAINS.get(expected.get("grain", ""))
    unit = expected.get("unit")
    if unit is None or unit == "Unnamed":
        return ""
    if unit == "Cent":
        return "USD"
    if dimension == "Quantity" and unit == "Pound":
        return "pound"  # a weight here, money in AmountOfMoney
    return DUCKLING_UNITS.get(unit.lower())


def _duckling_left_out(dimension: str, expected: dict[str, Any], text: str) -> str | None:
    if _VAGUE.search(text):
        return "vague words, spoken digits, lakh/crore and dozens"
    if dimension == "Ordinal":
        return None
    unit = _duckling_unit(dimension, expected)
    if unit is None:
        return "units the registry does not define"
    if dimension == "Duration" and re.search(r"\band\b|,|\d\s+\w+\s+\d|\bhour\s+(?:fifteen|thirty|ten|and)\b|\d+\s+hours?\s+\d", text):
        return "compound durations (1 hour and 30 minutes)"
    if dimension == "Distance" and re.search(r"\d\s*\w+,?\s+(?:and\s+)?\d", text):
        return "compound lengths (7 feet 10 inches)"
    if re.search(r"\bpoint\b|\d+/\d+|['\"’]", text):
        return "spelled decimals, fractions and prime marks"
    return None


def _duckling_case(dimension: str, expected: dict[str, Any], text: str) -> tuple[bool, str]:
    figs = _figures(text)
    if dimension == "Ordinal":
        hits = [f for f in figs if f.kind == "ordinal" and _close(f.magnitude, expected["value"])]
        return bool(hits), f"expected ordinal {expected['value']}; got {figs}"
    unit = _duckling_unit(dimension, expected)
    factor = 0.01 if expected.get("unit") == "Cent" else 1.0
    candidates = [f for f in figs if f.is_quantity]
    if not candidates:
        return False, f"nothing found; expected {expected}"
    fig = max(candidates, key=lambda f: f.end - f.start)
    kind = expected.get("kind")

    def val(q: Any) -> float | None:
        if q is None:
            return None
        if not unit:
            return float(q.magnitude)
        probe = attrs_evolve(fig, q)
        return _in_unit(probe, unit)

    if kind in ("value", "duration", "ordinal"):
        got = val(fig.value)
        ok = got is not None and _close(got, expected["value"] * factor)
    elif kind == "between":
        ok = (lo := val(fig.low)) is not None and (hi := val(fig.high)) is not None and _close(lo, expected["from"] * factor) and _close(hi, expected["to"] * factor)
    elif kind == "under":
        ok = (hi := val(fig.high)) is not None and _close(hi, expected["value"] * factor) and fig.low is None
    elif kind == "above":
        ok = (lo := val(fig.low)) is not None and _close(lo, expected["value"] * factor) and fig.high is None
    else:
        return False, f"unknown kind {kind}"
    return ok, f"expected {expected}; got {figs}"


def attrs_evolve(fig: Figure, value: Any) -> Figure:
    import attrs

    return attrs.evolve(fig, value=value)


# ---------------------------------------------------------------------------------------------

SUITES: list[tuple[str, Callable[[], Score]]] = [
    ("Recognizers-Text Number", score_rt_number),
    ("Recognizers-Text NumberRange", score_rt_range),
    ("Recognizers-Text Percent", score_rt_percent),
    ("Recognizers-Text Currency", score_rt_currency),
    ("Recognizers-Text Dimension", score_rt_dimension),
    ("Recognizers-Text Age", score_rt_age),
    ("Recognizers-Text Temperature", score_rt_temperature),
    ("quantulum3 quantities", score_quantulum),
    ("Duckling numeric corpus", score_duckling),
]


def _date_suites() -> list[tuple[str, Callable[[], Score]]]:
    """The date suites of ``bench/peer_dates.py``, when that module is there."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    try:
        import peer_dates  # type: ignore[import-not-found]
    except ImportError:
        return []
    finally:
        sys.path.pop(0)
    return list(getattr(peer_dates, "SUITES", []))


def _reasons(left: dict[str, int]) -> str:
    return "; ".join(f"{why} ({n})" for why, n in sorted(left.items(), key=lambda kv: -kv[1])) or "—"


def table(suites: Iterable[tuple[str, Callable[[], Score]]]) -> str:
    rows = ["| suite | in scope | passed | % | left out (why) |", "| --- | ---: | ---: | ---: | --- |"]
    for name, scorer in suites:
        in_scope, passed, left = scorer()
        pct = f"{100 * passed / in_scope:.0f}" if in_scope else "—"
        rows.append(f"| {name} | {in_scope} | {passed} | {pct} | {_reasons(left)} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not SUITES_DIR.is_dir():
        print(f"peer suites not found at {SUITES_DIR} (set VERIFY_PEER_SUITES)", file=sys.stderr)
        return 2
    suites = SUITES + ([] if "--numbers" in args else _date_suites())
    print(table(suites))
    if "-v" in args or "-vv" in args:
        for name, failures in FAILURES.items():
            if failures:
                print(f"\n## {name}: {len(failures)} failures")
                for line in failures[: (200 if "-vv" in args else 15)]:
                    print(" -", line[:300])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
