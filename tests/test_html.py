"""The HTML views: escaping of untrusted text, well-nested marks, links, tooltips and structure.

Reports here are built by hand from Figures, DateMentions and Findings, so that these tests
depend only on the model, not on what extraction or the checks find.
"""

from __future__ import annotations

import datetime as dt

import pytest
from htmltree import Node, parse
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.document import Document
from verify.extract import Extraction
from verify.extract.text import frame
from verify.model import Citation, Context, DateMention, Figure, Finding, Span, quantity
from verify.render import html as render_html
from verify.render.html import Mark, Point, extraction_html, render, report_html, weave
from verify.report import Report

HOSTILE = (
    "Officials said <script>alert('x')</script> that $5 billion was spent.\n"
    'A photo <img src=x onerror="alert(1)"> showed 300 troops on Monday, December 6.\n'
    "Then </style><b>bold</b> & 'quotes' \"double\" reached 12% by 2021.\n"
)


def located(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def make_report(
    text: str,
    figures: list[tuple[str, str, float, str, dict]] = (),
    dates: list[tuple[str, dt.date | None, dt.date | None, str, dict]] = (),
    findings: list[tuple[str, str, str, dict]] = (),
    *,
    path: str | None = None,
    published: str | None = "2021-12-08",
    fmt: str | None = None,
) -> Report:
    """A report over ``text`` with figures, dates and findings located by their text."""
    doc = Document.from_text(text, published=published, path=path, format=fmt)
    figs = []
    for needle, kind, value, unit, extra in figures:
        start, end = located(text, needle, extra.pop("nth", 0))
        for bound in ("low", "high"):
            if extra.get(bound) is not None:
                extra[bound] = quantity(extra[bound], unit)
        figs.append(Figure(needle, start, end, kind, quantity(value, unit), **extra))
    mentions = []
    for needle, earliest, latest, granularity, extra in dates:
        start, end = located(text, needle)
        mentions.append(DateMention(needle, start, end, earliest, latest, granularity, **extra))
    found = []
    for needle, rule, severity, extra in findings:
        start, end = located(text, needle)
        related = tuple(Span(*located(text, r), r) for r in extra.pop("related", ()))
        message = extra.pop("message", f"{rule} at {needle}")
        found.append(Finding(rule, severity, message, start, end, needle, related=related, **extra))
    extraction = Extraction(doc, tuple(figs), tuple(mentions), frame(doc.prose))
    return Report(extraction, tuple(sorted(found, key=lambda f: (f.start, f.end))))


def hostile_report() -> Report:
    return make_report(
        HOSTILE,
        figures=[
            ("$5 billion", "money", 5e9, "USD", {}),
            ("300 troops", "count", 300, "count", {"noun": "troops<i>"}),
            ("12%", "percent", 12, "percent", {"qualifier": "<u>about</u>"}),
        ],
        dates=[("Monday, December 6", dt.date(2021, 12, 6), dt.date(2021, 12, 6), "day", {"weekday": 0})],
        findings=[
            ("<script>alert('x')</script> that $5", "magnitude-slip", "error",
             {"message": "<script>bad()</script>", "suggestion": "<img src=y onerror=z>",
              "reference": Citation("p/<e>", "<b>source</b>", "2021", url="javascript:alert(1)")}),
            ("</style><b>bold</b>", "sum", "warning", {"message": "</style><style>body{display:none}"}),
        ],
        path='"><script>alert(2)</script>.txt',
    )


def article(root: Node) -> list[Node]:
    return root.find_all("div", cls="vr-text")


def article_text(node: Node) -> str:
    """The text of an article box as a reader sees it, without the finding numbers."""
    return node.text(skip=lambda n: "vr-ref" in n.classes)


def pieces(root: Node, ref: str) -> str:
    """The text of every piece of a (possibly split) mark, joined."""
    return "".join(article_text(n) for n in root.find_all(data_ref=ref) if n.tag in ("span", "mark"))


@pytest.mark.parametrize("view", ["page", "report", "extraction"])
def test_untrusted_text_never_becomes_markup(view: str) -> None:
    """<script>, <img onerror> and </style> in the article, messages or path stay text."""
    report = hostile_report()
    out = {
        "page": lambda: render([report], title="</title><script>t()</script>"),
        "report": lambda: report_html(report),
        "extraction": lambda: extraction_html(report.extraction),
    }[view]()
    root = parse(out)
    tags = {n.tag for n in root.iter()}
    assert not tags & {"script", "img", "b", "i", "u", "iframe", "object"}
    assert len(root.find_all("style")) == 1
    for node in root.iter():
        assert not any(name.startswith("on") for name in node.attrs), node
        assert not node.attrs.get("href", "").lower().startswith("javascript:")
    (box,) = article(root)
    assert article_text(box) == HOSTILE


def test_closing_style_in_the_article_does_not_end_the_style_sheet() -> None:
    """The style element holds only the style sheet; the article's </style> is escaped text."""
    out = report_html(hostile_report())
    assert out.count("</style>") == 1
    assert "&lt;/style&gt;&lt;b&gt;bold&lt;/b&gt;" in out


def test_markup_masked_in_html_documents_is_shown_escaped_and_dimmed() -> None:
    """An HTML article's own tags are shown as muted text, never as elements."""
    text = "<p>Officials counted <b>300</b> troops.</p>\n<script>x()</script>\n"
    report = make_report(text, figures=[("300", "count", 300, "count", {})], fmt="html")
    root = parse(report_html(report))
    (box,) = article(root)
    assert not box.find_all("p") and not root.find_all("script") and not root.find_all("b")
    assert article_text(box) == text
    muted = "".join(n.text() for n in box.find_all(cls="vr-mu"))
    assert "<p>" in muted and "<b>" in muted and "300" not in muted


def test_every_finding_is_linked_both_ways() -> None:
    """Each row links to its marked span, whose number links back to the row."""
    report = hostile_report()
    root = parse(report_html(report))
    ids = root.by_id()
    rows = root.find_all("tr", cls="vr-row")
    assert len(rows) == len(report.findings)
    for row, finding in zip(rows, report.findings):
        links = [a.attrs["href"][1:] for a in row.find_all("a") if a.attrs.get("href", "").startswith("#")]
        target = ids[links[0]]
        assert target.tag == "mark" and "vr-find" in target.classes
        assert pieces(root, target.attrs["id"]) == finding.text
        (back,) = [a for a in root.find_all("a", cls="vr-ref") if a.attrs["href"] == f"#{row.attrs['id']}"]
        assert f"s-{finding.severity}" in back.classes
        assert finding.message in row.text()


def test_suggestion_and_source_are_in_the_row_and_unsafe_urls_are_dropped() -> None:
    """The row shows the suggestion and the source; a javascript: URL is not linked."""
    root = parse(report_html(hostile_report()))
    row = root.find_all("tr", cls="vr-row")[0]
    assert "<img src=y onerror=z>" in row.text()
    assert "<b>source</b>" in row.text()
    assert not [a for a in row.find_all("a") if "javascript" in a.attrs.get("href", "")]


def test_safe_source_urls_are_linked() -> None:
    """A reference with an https URL is linked from the source cell."""
    text = "It cost $5 billion."
    cite = Citation("p/e", "Budget office", "2021-01-01", url="https://example.org/budget")
    report = make_report(text, findings=[("$5 billion", "reference-range", "warning", {"reference": cite})])
    root = parse(report_html(report))
    (link,) = [a for a in root.find_all("a") if a.attrs.get("href", "").startswith("https:")]
    assert link.attrs["href"] == "https://example.org/budget" and link.text() == "Budget office"


def test_figures_and_dates_are_marked_by_kind_with_their_values_on_hover() -> None:
    """Every figure and date has a mark, styled by kind, whose title gives value, bounds and date."""
    text = "Just below 100,000 troops, more than $250 billion, 5% and 3 percentage points on Friday, December 10."
    report = make_report(
        text,
        figures=[
            ("Just below 100,000", "count", 1e5, "count", {"high": 1e5, "high_exclusive": True, "qualifier": "just below",
                                                          "noun": "troops"}),
            ("more than $250 billion", "money", 2.5e11, "USD", {"low": 2.5e11, "low_exclusive": True,
                                                                "qualifier": "more than"}),
            ("5%", "percent", 5, "percent", {}),
            ("3 percentage points", "percentage_points", 3, "percentage_point", {}),
        ],
        dates=[("Friday, December 10", dt.date(2021, 12, 10), dt.date(2021, 12, 10), "day", {"weekday": 4})],
    )
    root = parse(report_html(report))
    marks = root.find_all(cls="vr-fig")
    assert [m.text() for m in marks] == [f.text for f in report.figures]
    assert [next(c for c in m.classes if c.startswith("k-")) for m in marks] == [
        "k-count", "k-money", "k-percent", "k-percentage_points"]
    titles = [m.attrs["title"] for m in marks]
    assert "100,000" in titles[0] and "less than 100,000" in titles[0] and "just below" in titles[0]
    assert "troops" in titles[0]
    assert "250,000,000,000 USD (250 billion)" in titles[1] and "more than 250,000,000,000 USD" in titles[1]
    assert "5%" in titles[2] and "3 pp" in titles[3]
    (date,) = root.find_all(cls="vr-date", tag="span", data_ref=root.find_all(cls="vr-date")[-1].attrs.get("data-ref"))
    assert date.text() == "Friday, December 10"
    assert "2021-12-10" in date.attrs["title"] and "Friday" in date.attrs["title"]


def test_date_tooltips_say_how_the_date_was_read() -> None:
    """A date's tooltip says when its year was inferred, what it is relative to, and if it is impossible."""
    text = "He will go on December 10 and came back two days later; February 30 was cited."
    report = make_report(
        text,
        dates=[
            ("December 10", dt.date(2021, 12, 10), dt.date(2021, 12, 10), "day",
             {"year_inferred": True, "tense": "future", "tense_cue": "will"}),
            ("two days later", dt.date(2021, 12, 12), dt.date(2021, 12, 12), "day",
             {"relative": True, "anchor": "previous"}),
            ("February 30", None, None, "day", {"invalid": "February has 28 days in 2021"}),
        ],
    )
    titles = [n.attrs["title"] for n in parse(report_html(report)).find_all(cls="vr-date") if "id" in n.attrs]
    assert "year inferred" in titles[0] and "tense: future (will)" in titles[0]
    assert "2021-12-12" in titles[1] and "relative to the date before it" in titles[1]
    assert titles[2].startswith("not a date: February has 28 days in 2021")


def test_finding_inside_a_figure_nests_inside_it() -> None:
    """A finding on part of a figure becomes a mark inside the figure's span."""
    text = "The U.S. has provided more than $250 billion in arms since 2014."
    report = make_report(
        text,
        figures=[("more than $250 billion", "money", 2.5e11, "USD", {"low": 2.5e11})],
        findings=[("$250 billion", "magnitude-slip", "error", {"suggestion": "$2.5 billion"})],
    )
    root = parse(report_html(report))
    (fig,) = root.find_all(cls="vr-fig")
    (mark,) = fig.find_all("mark")
    assert mark.text() == "$250 billion" and fig.text().startswith("more than $250 billion")
    assert "error magnitude-slip" in fig.attrs["title"] and "suggestion: $2.5 billion" in fig.attrs["title"]
    (box,) = article(root)
    assert article_text(box) == text


def test_crossing_spans_are_split_into_well_nested_pieces() -> None:
    """A finding that crosses a figure's end is split, keeps one id, and reads back whole."""
    text = "Troops numbered 100,000 yesterday, officials said."
    report = make_report(
        text,
        figures=[("100,000", "count", 1e5, "count", {})],
        dates=[("yesterday", dt.date(2021, 12, 7), dt.date(2021, 12, 7), "day", {"relative": True,
                                                                          "anchor": "published"})],
        findings=[("000 yesterday", "date-order", "warning", {}), ("numbered 100", "list-count", "info", {})],
    )
    root = parse(report_html(report))  # strict: fails on any badly nested end tag
    (box,) = article(root)
    assert article_text(box) == text
    for n, finding in enumerate(report.findings, 1):
        ref = next(m.attrs["data-ref"] for m in box.find_all("mark") if m.attrs["data-ref"].endswith(f"-f{n}"))
        assert pieces(root, ref) == finding.text
        assert len([m for m in box.find_all(data_ref=ref) if "id" in m.attrs]) == 1
    for item in (*report.figures, *report.dates):
        (mark,) = [m for m in box.find_all("span") if m.attrs.get("id") and m.text() == item.text[: len(m.text())]]
        assert pieces(root, mark.attrs["id"]) == item.text


def test_related_spans_are_marked_and_linked_from_the_row() -> None:
    """A finding's related spans are marked in the text and linked from its row."""
    text = "Officials put it at just below 100,000, while others said 150,000."
    report = make_report(text, findings=[("just below 100,000", "conflicting-figures", "info", {"related": ["150,000"]})])
    root = parse(report_html(report))
    ids = root.by_id()
    row = root.find_all("tr", cls="vr-row")[0]
    hrefs = [a.attrs["href"][1:] for a in row.find_all("a")]
    assert any(ids[h].text() == "150,000" and "vr-rel" in ids[h].classes for h in hrefs)


@st.composite
def woven(draw: st.DrawFn) -> tuple[str, list[Mark], list[Point]]:
    """A text with marks and points mostly inside it (so that they cross), a few beyond it."""
    text = draw(st.text(alphabet="ab<>&\"' \n", min_size=1, max_size=40))
    offset = st.one_of(st.integers(0, len(text)), st.integers(-3, len(text) + 3))
    spans = draw(st.lists(st.tuples(offset, offset, st.integers(0, 3)), max_size=8))
    marks = [Mark(a, b, rank, "mark" if rank % 2 else "span", f"c{i}", id=f"m{i}", ref=f"m{i}")
             for i, (a, b, rank) in enumerate(spans)]
    points = [Point(p, '<a class="vr-ref">*</a>') for p in draw(st.lists(offset, max_size=4))]
    return text, marks, points


@settings(max_examples=200, deadline=None)
@given(case=woven())
def test_weave_is_well_nested_and_keeps_the_text(case: tuple[str, list[Mark], list[Point]]) -> None:
    """For any spans, weave writes well-nested markup whose text is the input, ids once each."""
    text, marks, points = case
    root = parse(f"<div>{weave(text, marks, points)}</div>")
    assert article_text(root) == text
    ids = root.by_id()
    for mark in marks:
        start, end = max(0, min(mark.start, len(text))), max(0, min(mark.end, len(text)))
        expected = text[start:end] if start < end else ""
        assert pieces(root, mark.ref) == expected
        assert (mark.id in ids) == bool(expected)


def test_page_has_a_summary_and_one_section_per_document_with_unique_ids() -> None:
    """The page lists every document with counts and links to its section; ids never clash."""
    one = hostile_report()
    two = make_report("Spending rose 5% last year.", figures=[("5%", "percent", 5, "percent", {})],
                      findings=[("5%", "percent-change", "info", {})], path="b.txt")
    page = render([one, two, two], title="Morning run")
    root = parse(page)
    ids = root.by_id()  # asserts uniqueness
    sections = root.find_all("section", cls="vr-report")
    assert len(sections) == 3
    summary = root.find_all("table", cls="vr-docs")[0]
    links = [a.attrs["href"][1:] for a in summary.find_all("a")]
    assert links == [s.attrs["id"] for s in sections]
    assert all(link in ids for link in links)
    assert root.find_all("title")[0].text() == "Morning run"
    assert "4 findings" in root.find_all("p", cls="vr-summary")[0].text()


def test_page_is_self_contained_and_themed() -> None:
    """The page loads nothing from elsewhere, runs no script, and has a dark colour scheme."""
    page = render([hostile_report()])
    root = parse(page)
    assert not root.find_all("script") and not root.find_all("link")
    assert not [n for n in root.iter() if n.attrs.get("src")]
    assert "prefers-color-scheme: dark" in page and 'content="light dark"' in page


def test_extraction_view_lists_every_figure_and_date_with_links() -> None:
    """The extraction fragment marks every figure and date and links each table row to it."""
    text = "Some 300 troops arrived on December 6, and 5% left in 2021."
    report = make_report(
        text,
        figures=[("300 troops", "count", 300, "count", {"noun": "troops",
                                                         "context": Context(Span(0, 0, ""), attribution="officials")}),
                 ("5%", "percent", 5, "percent", {})],
        dates=[("December 6", dt.date(2021, 12, 6), dt.date(2021, 12, 6), "day", {}),
               ("in 2021", dt.date(2021, 1, 1), dt.date(2021, 12, 31), "year", {})],
    )
    root = parse(extraction_html(report.extraction))
    ids = root.by_id()
    rows = root.find_all("tbody")[0].find_all("tr") + root.find_all("tbody")[1].find_all("tr")
    assert len(rows) == 4
    for row in rows:
        target = ids[row.find_all("a")[0].attrs["href"][1:]]
        assert "“" + target.text() + "”" == row.find_all("a")[0].text()
    assert "according to officials" in root.text()
    assert "2021-01-01 to 2021-12-31" in root.text()


def test_report_and_extraction_have_notebook_reprs() -> None:
    """Report._repr_html_ and Extraction._repr_html_ return the fragments."""
    report = hostile_report()
    assert report._repr_html_() == report_html(report)
    assert report.extraction._repr_html_() == extraction_html(report.extraction)


def test_report_without_findings_says_so() -> None:
    """A clean report shows a 'no findings' badge and no findings table."""
    root = parse(report_html(make_report("Nothing to see.", published=None)))
    assert "no findings" in root.text() and "No findings." in root.text()
    assert "no publication date" in root.text()
    assert not root.find_all("table", cls="vr-findings")


@pytest.mark.parametrize(
    ("value", "expected"),
    [(2.5e11, "250,000,000,000"), (2.5, "2.5"), (0.025, "0.025"), (100000.0, "100,000"), (None, "open")],
)
def test_numbers_are_written_as_readers_write_them(value: float | None, expected: str) -> None:
    """Normalised values are shown with thousands separators and no float noise."""
    assert render_html.number(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(2.5e11, "250 billion"), (2.5e9, "2.5 billion"), (1.2e12, "1.2 trillion"), (3_400_000, "3.4 million"),
     (999_999, None), (-5e9, "-5 billion")],
)
def test_large_values_are_also_given_in_words(value: float, expected: str | None) -> None:
    """Millions, billions and trillions are restated the way copy writes them."""
    assert render_html.in_words(value) == expected


def test_page_is_deterministic() -> None:
    """The same reports render to the same page, byte for byte (screenshots and diffs are stable)."""
    assert render([hostile_report()], title="t") == render([hostile_report()], title="t")


def test_corpus_view_folds_documents_and_stops_at_its_limit() -> None:
    """The corpus view opens the first reports with findings, folds the rest, and lists the overflow."""
    clean = make_report("Nothing to see.", path="a/clean.txt")
    flagged = make_report("It rose 5%.", findings=[("5%", "percent-change", "warning", {})], path="a/b/flagged.txt")
    root = parse(render_html.corpus_html([clean, flagged, flagged, clean], limit=3))
    folds = root.find_all("details", cls="vr-doc")
    assert len(folds) == 3
    assert ["open" in d.attrs for d in folds] == [False, True, True]
    assert "1 more document:" in root.text()
    names = [a.text() for a in root.find_all("table", cls="vr-docs")[0].find_all("a")]
    assert names == ["clean.txt", "b/flagged.txt", "b/flagged.txt", "clean.txt"]
