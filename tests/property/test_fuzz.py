"""Fuzzing: arbitrary text, Markdown and HTML never break verify's promises.

Each property runs twice: under the ``quick`` settings in the normal suite, and under the
``long`` settings (100,000 examples) only when selected with ``-m fuzz``::

    .venv/bin/python -m pytest tests/property/test_fuzz.py -m fuzz -q

Promises checked on every example:
- no exception other than :class:`verify.VerifyError`;
- every span (figures, dates, findings and their related spans) lies within the text and slices
  to the text it reports;
- the output is deterministic: the same input gives the same JSON, byte for byte;
- the JSON report validates against ``verify/schema/report-1.json``;
- appending an unrelated paragraph leaves the findings on the original text unchanged, unless a
  finding names the new paragraph.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import verify
from verify import engine
from verify.document import Document
from verify.report import report_dict

PUBLISHED = "2021-12-08"
SCHEMA_PATH = Path(verify.__file__).resolve().parent / "schema" / "report-1.json"

# The only function-scoped fixture is the guard below, which holds no state between examples.
QUICK = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
LONG = settings(
    max_examples=100_000, deadline=None, suppress_health_check=list(HealthCheck)
)

# Pieces of news copy, so that the fuzzer reaches numbers, hedges, dates, lists and markup often.
NEWS = [
    "more than ",
    "at least ",
    "nearly ",
    "about ",
    "up to ",
    "between ",
    " and ",
    " to ",
    "-",
    "$",
    "US$",
    "€",
    "£",
    "¥",
    "1",
    "12",
    "250",
    "1,250",
    "2.5",
    "100,000",
    "0.75",
    "%",
    " percent",
    " per cent",
    " percentage points",
    " billion",
    " million",
    "bn",
    "m",
    "k",
    " troops",
    " km",
    " kg",
    " hours",
    "two-hour",
    "four",
    "twenty-three",
    "a dozen",
    "half a million",
    "one in five",
    "third",
    "21st",
    "Article 5",
    "B9",
    "G7",
    "COVID-19",
    "since 2014",
    "in the 1990s",
    "December 9",
    "Dec. 9",
    "9 December 2021",
    "2021-12-09",
    "Thursday",
    "on Monday",
    "yesterday",
    "last week",
    "two days later",
    "in January",
    "from March 3 to March 5",
    " said",
    "according to officials",
    "could reach ",
    "the following countries: ",
    "France, Germany and Italy",
    "NATO's 30 members",
    "rose 10% to ",
    "doubled",
    "of which ",
    "half",
    ". ",
    ", ",
    "; ",
    "\n",
    "\n\n",
    " ",
    '"',
    "“",
    "”",
    "'",
    "(",
    ")",
]
MARKDOWN = [
    "# ",
    "## ",
    "> ",
    "- ",
    "* ",
    "1. ",
    "```\n",
    "`",
    "**",
    "_",
    "[",
    "](http://x/1)",
    "<!-- ",
    " -->",
    "<!-- verify: ignore VR201 -->\n",
    "---\npublished: 2021-12-08\n---\n",
]
HTML = [
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<script>",
    "</script>",
    "<style>",
    "<b>",
    "</b>",
    "&amp;",
    "&#36;",
    "&nbsp;",
    "&euro;",
    "<!--",
    "-->",
    "<br>",
    "<a href='1,000'>",
    '<meta property="article:published_time" content="2021-12-08">',
    '<time datetime="2021-12-09">',
]


def _joined(pieces: list[str]) -> st.SearchStrategy[str]:
    piece = st.sampled_from(pieces) | st.text(max_size=6)
    return st.lists(piece, max_size=40).map("".join)


TEXTS = {
    "text": st.text(max_size=300) | _joined(NEWS),
    "markdown": _joined(NEWS + MARKDOWN),
    "html": _joined(NEWS + HTML),
}
UNRELATED = {
    "text": [
        "The weather in the capital was mild and the streets were quiet.",
        "Separately, the city council approved 12 new parks on Monday.",
    ],
    "markdown": [
        "The weather in the capital was mild and the streets were quiet.",
        "Separately, the city council approved 12 new parks on Monday.",
    ],
    "html": [
        "<p>The weather in the capital was mild and the streets were quiet.</p>",
        "<p>Separately, the city council approved 12 new parks on Monday.</p>",
    ],
}
FORMATS = st.sampled_from(sorted(TEXTS))


def texts() -> st.SearchStrategy[tuple[str, str]]:
    """(format, text) pairs: arbitrary Unicode, news fragments, Markdown and HTML."""
    return FORMATS.flatmap(lambda fmt: st.tuples(st.just(fmt), TEXTS[fmt]))


def check(text: str, fmt: str) -> verify.Report | None:
    """Check ``text`` read as ``fmt``; None when verify refused it with a VerifyError."""
    try:
        document = Document.from_text(text, format=fmt, published=PUBLISHED)
        return engine.run(document, packs=verify.packs.default_packs())
    except verify.VerifyError:
        return None


def as_json(report: verify.Report) -> str:
    return json.dumps(report.to_dict(), sort_keys=True, ensure_ascii=False)


def _spans_slice_the_text(case: tuple[str, str]) -> None:
    """Every figure, date, finding and related span lies in the text and slices to its text."""
    fmt, text = case
    report = check(text, fmt)
    if report is None:
        return
    items = [*report.figures, *report.dates, *report.findings]
    items += [span for finding in report.findings for span in finding.related]
    for item in items:
        assert 0 <= item.start <= item.end <= len(text), item
        assert text[item.start : item.end] == item.text, item


def _deterministic(case: tuple[str, str]) -> None:
    """The same input gives the same JSON report, byte for byte."""
    fmt, text = case
    first, second = check(text, fmt), check(text, fmt)
    assert (first is None) == (second is None)
    if first is not None:
        assert as_json(first) == as_json(second)  # type: ignore[arg-type]


def _validates(case: tuple[str, str]) -> None:
    """The JSON report validates against the shipped schema."""
    fmt, text = case
    report = check(text, fmt)
    if report is not None:
        payload = json.loads(json.dumps(report_dict([report])))
        _validator().validate(payload)


@functools.cache
def _validator():
    """One validator for the run: building it checks the schema, which costs more than a report."""
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def _appending_is_local(case: tuple[str, str], choice: int) -> None:
    """Appending an unrelated paragraph keeps the findings on the original text, unless one names it."""
    fmt, text = case
    before = check(text, fmt)
    if before is None:
        return
    # A paragraph in the article's own style: after a blank line if it uses them, else a line.
    separator = "\n\n" if "\n\n" in text or "\n" not in text else "\n"
    if not text.endswith("\n"):
        text_sep = separator
    else:
        text_sep = "\n" if separator == "\n\n" else ""
    extended = text + text_sep + UNRELATED[fmt][choice % len(UNRELATED[fmt])] + "\n"
    after = check(extended, fmt)
    assert after is not None
    boundary = len(text)

    def original(report: verify.Report) -> set[str]:
        kept = set()
        for f in report.findings:
            spans = [f, *f.related]
            if all(s.end <= boundary for s in spans):
                kept.add(json.dumps(f.to_dict(), sort_keys=True))
        return kept

    names_new = [
        f for f in after.findings if any(s.end > boundary for s in (f, *f.related))
    ]
    if names_new:
        # Findings on the original spans may only change when a finding ties them to the new paragraph.
        touched = {
            (s.start, s.end)
            for f in names_new
            for s in (f, *f.related)
            if s.end <= boundary
        }
        lost = {
            j
            for j in original(before) - original(after)
            if (json.loads(j)["start"], json.loads(j)["end"]) not in touched
        }
        assert not lost, lost
        return
    assert original(before) == original(after)


def _both(
    prop: Callable[..., None], *strategies: st.SearchStrategy
) -> tuple[Callable, Callable]:
    """The property under the quick settings, and under the long settings marked ``fuzz``."""
    quick = QUICK(given(*strategies)(prop))
    long = pytest.mark.fuzz(LONG(given(*strategies)(prop)))
    return quick, long


# One quick test (normal suite) and one long test (-m fuzz) per property; each takes its
# docstring from the property it runs.
test_spans_slice_the_text, test_spans_slice_the_text_long = _both(
    _spans_slice_the_text, texts()
)
test_deterministic, test_deterministic_long = _both(_deterministic, texts())
test_validates_against_schema, test_validates_against_schema_long = _both(
    _validates, texts()
)
test_appending_is_local, test_appending_is_local_long = _both(
    _appending_is_local, texts(), st.integers(0, 9)
)


@pytest.fixture(autouse=True)
def _long_runs_only_when_selected(request: pytest.FixtureRequest) -> None:
    """Guard: the long fuzz tests run only under ``-m fuzz``, whatever addopts says."""
    expression = request.config.getoption("markexpr") or ""
    selected = "fuzz" in expression and "not fuzz" not in expression
    if request.node.get_closest_marker("fuzz") and not selected:
        pytest.skip("long fuzz run: select it with -m fuzz")
