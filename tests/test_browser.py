"""The HTML report in a real browser: headless Chromium renders it, and the DOM it built is checked.

Chromium is Debian's ``chromium`` package (``.ci/run`` installs it when missing); without it these
tests are skipped. The page holds the seed story as verify checks it and a hand-made report whose
article is hostile HTML with findings that cross figures.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from htmltree import Node, parse

import verify
from verify.document import Document
from verify.extract import Extraction
from verify.extract.text import frame
from verify.model import DateMention, Figure, Finding, Span, quantity
from verify.render.html import render
from verify.report import Report

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "biden-putin-2021-12-08.txt"
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (.ci/run installs Debian's chromium)")

HOSTILE = (
    "Officials said <script>document.title='pwned'</script> that $5 billion was spent.\n"
    '<img src=x onerror="document.body.innerHTML=\'\'"> 300 troops arrived on Monday.\n'
    "</style><style>body{display:none}</style> Prices rose 12% in 2021.\n"
)


def hostile_report() -> Report:
    doc = Document.from_text(HOSTILE, published="2021-12-08", path="hostile <b>.txt")

    def at(needle: str) -> tuple[int, int]:
        start = HOSTILE.index(needle)
        return start, start + len(needle)

    figures = (
        Figure("$5 billion", *at("$5 billion"), "money", quantity(5e9, "USD")),
        Figure("300 troops", *at("300 troops"), "count", quantity(300, "count"), noun="troops"),
        Figure("12%", *at("12%"), "percent", quantity(12, "percent")),
    )
    dates = (DateMention("Monday", *at("Monday"), dt.date(2021, 12, 6), dt.date(2021, 12, 6), "day", weekday=0),)
    findings = (
        Finding("sum", "warning", "<b>crosses</b> a figure", *at("spent.\n<img"), "spent.\n<img"),
        Finding("magnitude-slip", "error", "inside a figure", *at("5 billion"), "5 billion", suggestion="$5 million"),
        Finding("date-order", "info", "spans a figure and a date", *at("troops arrived on Mon"), "troops arrived on Mon",
                related=(Span(*at("12%"), "12%"),)),
    )
    findings = tuple(sorted(findings, key=lambda f: f.start))
    return Report(Extraction(doc, figures, dates, frame(doc.prose)), findings)


def chromium(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    seed = verify.check(SEED.read_text(encoding="utf-8"), published="2021-12-08")
    return [seed, hostile_report()]


@pytest.fixture(scope="module")
def page(reports: list[Report], tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("browser")
    path = folder / "report.html"
    path.write_text(render(reports, title="verify browser test"), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def dom(page: Path) -> Node:
    result = chromium(page.parent / "profile-dom", "--dump-dom", page.as_uri())
    assert "<body" in result.stdout, f"chromium printed no DOM:\n{result.stderr[-2000:]}"
    return parse(result.stdout, strict=False)


def marked_text(root: Node, ref: str) -> str:
    """The text of every piece of a mark in the article, joined, without finding numbers."""
    return "".join(
        n.text(skip=lambda c: "vr-ref" in c.classes) for n in root.find_all(data_ref=ref) if n.tag in ("span", "mark")
    )


def test_the_browser_runs_no_article_markup(dom: Node) -> None:
    """The rendered DOM has no script, img or stray style from the article, and the title is ours."""
    assert not dom.find_all("script") and not dom.find_all("img")
    assert len(dom.find_all("style")) == 1
    assert dom.find_all("title")[0].text() == "verify browser test"
    texts = dom.find_all("div", cls="vr-text")
    assert texts[1].text(skip=lambda c: "vr-ref" in c.classes) == HOSTILE


def test_every_finding_is_shown_and_linked(dom: Node, reports: list[Report]) -> None:
    """Each finding has a row that links to its marked span, and a number in the text links back."""
    ids = dom.by_id()
    sections = dom.find_all("section", cls="vr-report")
    assert len(sections) == len(reports)
    total = 0
    for section, report in zip(sections, reports):
        rows = section.find_all("tr", cls="vr-row")
        assert len(rows) == len(report.findings)
        (text,) = section.find_all("div", cls="vr-text")
        in_text = {id(n) for n in text.iter()}
        for row, finding in zip(rows, report.findings):
            total += 1
            assert finding.message in row.text() and finding.rule in row.text()
            if finding.suggestion:
                assert finding.suggestion in row.text()
            href = row.find_all("a")[0].attrs["href"]
            target = ids[href[1:]]
            assert id(target) in in_text and target.tag == "mark"
            assert marked_text(text, href[1:]) == finding.text
            back = [a for a in text.find_all("a", cls="vr-ref") if a.attrs["href"] == f"#{row.attrs['id']}"]
            assert len(back) == 1
    assert total >= 4


def test_every_figure_and_date_is_marked(dom: Node, reports: list[Report]) -> None:
    """Each figure and date mention of each report has its own mark with a tooltip."""
    for section, report in zip(dom.find_all("section", cls="vr-report"), reports):
        (text,) = section.find_all("div", cls="vr-text")
        figures = [n for n in text.find_all(cls="vr-fig") if "id" in n.attrs]
        dates = [n for n in text.find_all(cls="vr-date") if "id" in n.attrs]
        assert [marked_text(text, n.attrs["id"]) for n in figures] == [f.text for f in report.figures]
        assert [marked_text(text, n.attrs["id"]) for n in dates] == [d.text for d in report.dates]
        assert all(n.attrs.get("title") for n in figures + dates)


def test_seed_report_shows_the_250_billion_error_with_its_suggestion(dom: Node, reports: list[Report]) -> None:
    """In the browser, the seed's "$250 billion" finding is an error row that suggests a fix."""
    seed = reports[0]
    slips = [f for f in seed.findings if "$250 billion" in f.text and f.severity == "error"]
    assert slips, f"verify did not flag $250 billion: {seed.findings}"
    section = dom.find_all("section", cls="vr-report")[0]
    rows = [r for r in section.find_all("tr", cls="vr-row") if "$250 billion" in r.text()]
    assert any("error" in r.text() and slips[0].suggestion and slips[0].suggestion in r.text() for r in rows)


def test_screenshot_is_saved(page: Path) -> None:
    """Chromium saves a PNG screenshot of the report in the test's temporary folder."""
    shot = page.parent / "report.png"
    result = chromium(page.parent / "profile-shot", "--hide-scrollbars", "--window-size=1200,1800",
                      f"--screenshot={shot}", page.as_uri())
    assert shot.exists(), f"no screenshot:\n{result.stderr[-2000:]}"
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    print(f"screenshot: {shot}")
