"""check_many: what an item may be, whose date wins, tables with a document id, processes, progress."""

from __future__ import annotations

import datetime as dt
import math
import pickle
import sys
from pathlib import Path

import pytest
from htmltree import parse

import verify
from verify.corpus import CheckResults, check_many
from verify.document import Document
from verify.errors import InputError
from verify.extract import Extraction
from verify.extract.text import frame
from verify.model import Citation, Context, Figure, Finding, Span, quantity
from verify.report import Report

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "biden-putin-2021-12-08.txt"

TEXTS = [
    "The council spent $4 million on roads in 2020 and $6 million in 2021, a 50% rise.",
    "About 300 people attended on Monday, December 6, 2021.",
    "Nothing numeric here.",
]


def seed() -> str:
    return SEED.read_text(encoding="utf-8")


def test_texts_are_read_in_the_format_given() -> None:
    """format="html" reads text items as HTML: tags are markup, comments are directives."""
    html = "<p>It cost <b>$2.5</b> billion.</p><!-- verify: ignore VR102 -->"
    as_html = check_many([html, (html, "2021-12-08")], format="html")
    assert [f.magnitude for r in as_html.reports for f in r.figures] == [2.5e9, 2.5e9]
    as_text = check_many([html])
    assert as_text.reports[0].figures[0].magnitude != 2.5e9
    with pytest.raises(InputError, match="format: expected one of 'text', 'markdown', 'html', got 'xml'"):
        check_many([html], format="xml")


def test_an_unknown_format_is_an_input_error() -> None:
    """verify.check and verify.extract refuse a format they do not know, naming it."""
    with pytest.raises(InputError, match="got 'docx'"):
        verify.check("Up 5%.", format="docx")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="got 'docx'"):
        verify.extract("Up 5%.", format="docx")  # type: ignore[arg-type]


def test_items_may_be_texts_paths_pairs_and_documents(tmp_path: Path) -> None:
    """Texts, Paths, (text, date) pairs and Documents are checked in order, one report each."""
    article = tmp_path / "story.md"
    article.write_text("---\npublished: 2020-05-01\n---\nSome 40 people came.\n", encoding="utf-8")
    doc = Document.from_text("It rained on 3 May.", published="2021-05-04")
    results = check_many([TEXTS[0], article, (TEXTS[1], "2021-12-08"), doc], progress=False)
    assert len(results) == 4
    assert [r.document.path for r in results] == [None, str(article), None, None]
    assert results[0].document.text == TEXTS[0]
    assert results[1].document.published == dt.date(2020, 5, 1)
    assert results[2].document.published == dt.date(2021, 12, 8)
    assert results[3].document.published == dt.date(2021, 5, 4)


def test_a_string_is_always_text_even_when_it_names_a_file(tmp_path: Path) -> None:
    """A str that is the name of an existing file is checked as text, not read."""
    article = tmp_path / "story.txt"
    article.write_text("Exactly 7 people.", encoding="utf-8")
    (report,) = check_many([str(article)], progress=False)
    assert report.document.text == str(article) and report.document.path is None


def test_own_date_wins_then_the_file_then_the_default(tmp_path: Path) -> None:
    """A pair's date beats the file's front matter, which beats the published argument."""
    dated = tmp_path / "dated.md"
    dated.write_text("---\npublished: 2020-05-01\n---\nText.\n", encoding="utf-8")
    undated = tmp_path / "undated.md"
    undated.write_text("Text.\n", encoding="utf-8")
    results = check_many(
        [(dated, "2019-01-02"), dated, undated, "plain", ("plain", None), ("plain", math.nan)],
        published=dt.date(2021, 12, 8),
        progress=False,
    )
    assert [r.document.published for r in results] == [
        dt.date(2019, 1, 2), dt.date(2020, 5, 1), dt.date(2021, 12, 8),
        dt.date(2021, 12, 8), dt.date(2021, 12, 8), dt.date(2021, 12, 8),
    ]


def test_missing_dates_from_a_dataframe_fall_back_to_the_default() -> None:
    """NaT from a pandas column counts as no date; Timestamps and numpy datetime64 are dates."""
    pd = pytest.importorskip("pandas")
    frame_ = pd.DataFrame({"text": ["a 5% rise", "b 6% rise"],
                           "published": pd.to_datetime(["2021-12-08", None])})
    results = check_many(zip(frame_["text"], frame_["published"]), published="2020-01-01", progress=False)
    assert [r.document.published for r in results] == [dt.date(2021, 12, 8), dt.date(2020, 1, 1)]
    raw = check_many(zip(frame_["text"].to_numpy(), frame_["published"].to_numpy()), published="2020-01-01",
                     progress=False)
    assert [r.document.published for r in raw] == [dt.date(2021, 12, 8), dt.date(2020, 1, 1)]


def test_bad_items_and_dates_raise_input_errors(tmp_path: Path) -> None:
    """An item of the wrong type, a missing file or a bad default date is an InputError."""
    with pytest.raises(InputError, match="an item must be"):
        check_many([42], progress=False)
    with pytest.raises(InputError, match="missing.txt"):
        check_many([tmp_path / "missing.txt"], progress=False)
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02 not text")
    with pytest.raises(InputError, match="binary.txt"):
        check_many([binary], progress=False)
    with pytest.raises(InputError):
        check_many(["text"], published="not a date", progress=False)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_bad_item_is_named_by_its_position(jobs: int) -> None:
    """In a run of many, the error says which item is bad ("item 7") and carries its position."""
    items: list[object] = ["It rose 5%."] * 7 + [("It rose 5%.", "not a date")] + ["It fell 2%."] * 4
    with pytest.raises(InputError, match=r"^item 7: published: expected a date") as raised:
        check_many(items, jobs=jobs, progress=False)
    assert raised.value.item == 7


def test_records_carry_the_document_id_on_every_row() -> None:
    """Every row of every table starts with the item's position as ``document``."""
    results = check_many([seed(), *TEXTS, seed()], published="2021-12-08", progress=False)
    for table in ("findings", "figures", "dates", "documents"):
        rows = results.to_records(table)
        assert all(next(iter(row)) == "document" for row in rows)
        assert {row["document"] for row in rows} <= set(range(len(results)))
    docs = results.to_records("documents")
    assert [row["document"] for row in docs] == list(range(5))
    for row, report in zip(docs, results):
        assert row["findings"] == len(report.findings) and row["figures"] == len(report.figures)
    findings = results.to_records()
    assert len(findings) == sum(len(r.findings) for r in results)
    figures = results.to_records("figures")
    assert len(figures) == sum(len(r.figures) for r in results)
    assert all(row["type"] == "figure" for row in figures)
    with pytest.raises(ValueError, match="table must be one of"):
        results.to_records("nonsense")


def test_process_pool_gives_the_same_results_as_one_process() -> None:
    """jobs=2 returns reports equal to jobs=1, in the same order (with chunking)."""
    items = [seed(), *TEXTS] * 3
    one = check_many(items, published="2021-12-08", jobs=1, progress=False)
    two = check_many(items, published="2021-12-08", jobs=2, progress=False)
    assert one.reports == two.reports
    assert one.to_records() == two.to_records() and one.to_records("figures") == two.to_records("figures")


def test_reports_with_quantities_survive_pickling() -> None:
    """A report holding currency quantities pickles and unpickles equal (for process pools)."""
    text = "It cost more than $5 billion."
    doc = Document.from_text(text, published="2021-12-08")
    start = text.index("more")
    figure = Figure("more than $5 billion", start, len(text) - 1, "money", quantity(5e9, "USD"),
                    low=quantity(5e9, "USD"), low_exclusive=True, context=Context(Span(0, len(text), text)))
    finding = Finding("magnitude-slip", "error", "too big", start, len(text) - 1, figure.text,
                      reference=Citation("p/e", "source"))
    report = Report(Extraction(doc, (figure,), (), frame(doc.prose)), (finding,))
    copy = pickle.loads(pickle.dumps(report))
    assert copy == report
    assert copy.figures[0].value == quantity(5e9, "USD")
    assert copy.figures[0].value + quantity(1, "USD") == quantity(5e9 + 1, "USD")


def test_to_pandas_names_the_extra_when_pandas_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas, every to_pandas raises ImportError naming source-verify[pandas]."""
    results = check_many(TEXTS, progress=False)
    monkeypatch.setitem(sys.modules, "pandas", None)
    for call in (results.to_pandas, results[0].to_pandas, results[0].extraction.to_pandas):
        with pytest.raises(ImportError, match=r"source-verify\[pandas\]"):
            call()


def test_to_pandas_keeps_its_columns_when_empty() -> None:
    """DataFrames have the contract's columns even with no rows."""
    pytest.importorskip("pandas")
    results = check_many(["Nothing numeric here."], progress=False)
    findings = results.to_pandas()
    assert len(findings) == 0
    assert {"document", "rule", "severity", "message", "suggestion", "line"} <= set(findings.columns)
    assert {"kind", "value", "unit", "low", "high"} <= set(results.to_pandas("figures").columns)
    assert {"rule", "severity", "text"} <= set(results[0].to_pandas().columns)
    assert {"type", "kind", "earliest", "granularity"} <= set(results[0].extraction.to_pandas().columns)


def test_progress_is_a_plain_counter_without_tqdm(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    """With progress on and tqdm missing, a counter is written to stderr."""
    monkeypatch.setitem(sys.modules, "tqdm", None)
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    check_many(TEXTS, progress=True)
    err = capsys.readouterr().err
    assert f"3/{len(TEXTS)} checked" in err and err.endswith("\n")


def test_progress_is_off_when_nobody_is_watching(capsys: pytest.CaptureFixture) -> None:
    """By default, with stderr not a terminal and no notebook, nothing is written."""
    check_many(TEXTS)
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""


def test_html_view_summarises_every_document() -> None:
    """The notebook view lists every document and shows each report, ids unique."""
    results = check_many([seed(), *TEXTS], published="2021-12-08", progress=False)
    root = parse(results._repr_html_())
    root.by_id()  # unique ids
    rows = root.find_all("table", cls="vr-docs")[0].find_all("tbody")[0].find_all("tr")
    assert len(rows) == len(results)
    assert len(root.find_all("section", cls="vr-report")) == len(results)
    assert isinstance(results, CheckResults) and "4 documents" in repr(results)


def test_json_report_of_a_corpus_follows_the_contract() -> None:
    """to_dict is the verify-report/1 document with a summary that adds up."""
    results = check_many([seed(), *TEXTS], published="2021-12-08", progress=False)
    data = results.to_dict()
    assert data["schema"] == "verify-report/1" and len(data["documents"]) == 4
    assert data["summary"]["findings"] == sum(results.counts.values())


def test_check_many_matches_check() -> None:
    """Each report equals what verify.check gives for the same text and date."""
    results = check_many([seed(), *TEXTS], published="2021-12-08", progress=False)
    for text, report in zip([seed(), *TEXTS], results):
        assert report == verify.check(text, published="2021-12-08")
