"""Renderers on reports built by hand: text, JSON, SARIF, GitHub annotations, JUnit."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from verify.checks import rules
from verify.document import Document
from verify.extract import Extraction
from verify.extract.text import frame
from verify.model import Citation, DateMention, Figure, Finding, Span, quantity
from verify.render import github, junit, region, sarif
from verify.render import json as json_render
from verify.render import text as text_render
from verify.report import Report, report_dict

SARIF_SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

ARTICLE = (
    "Officials said exports rose from $100 million to $150 million, a 20% increase.\n"
    "\n"
    "The talks, on Tuesday, December 10, drew 4,000 people.\n"
)


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def make_report(text: str = ARTICLE, path: str | None = "news/story.md", findings=None, notes=()) -> Report:
    """A report on ``text`` with one figure, one date and the given findings (default: two)."""
    document = Document.from_text(text, path=path, published="2021-12-08", format="text")
    figures, dates = (), ()
    if "20%" in text:
        s, e = _span(text, "20%")
        figures = (Figure("20%", s, e, "percent", quantity(20, "percent"), noun="increase"),)
    if "December 10" in text:
        s, e = _span(text, "December 10")
        dates = (DateMention("December 10", s, e, dt.date(2021, 12, 10), dt.date(2021, 12, 10), "day", weekday=4),)
    if findings is None:
        s, e = _span(text, "20%")
        r1, r2 = _span(text, "$100 million"), _span(text, "$150 million")
        t, u = _span(text, "Tuesday") if "Tuesday" in text else (0, 4)
        findings = (
            Finding(
                "percent-change", "warning", "From $100 million to $150 million is a rise of 50%, not 20%.",
                s, e, "20%",
                related=(Span(*r1, "$100 million"), Span(*r2, "$150 million")),
                suggestion="50%", code="VR401",
            ),
            Finding(
                "weekday-mismatch", "error", "December 10, 2021 was a Friday.", t, u, text[t:u],
                suggestion="Friday", code="VR501",
                reference=Citation("calendar/gregorian", "The Gregorian calendar", "2021-12-08"),
            ),
        )  # fmt: skip
    extraction = Extraction(document, figures, dates, frame(document.prose))
    return Report(extraction, tuple(findings), tuple(notes))


# --- text ---------------------------------------------------------------------------------------


def test_text_heading_has_path_line_column_severity_rule_message() -> None:
    """Each finding starts with 'path:line:col: severity rule message' (1-based line and column)."""
    out = text_render.render([make_report()])
    first = out.splitlines()[0]
    col = ARTICLE.index("20%") + 1
    assert first == f"news/story.md:1:{col}: warning percent-change From $100 million to $150 million is a rise of 50%, not 20%."
    assert f"news/story.md:3:{ARTICLE.splitlines()[2].index('Tuesday') + 1}: error weekday-mismatch" in out


def test_text_underlines_the_span_under_the_source_line() -> None:
    """The caret line puts one '^' under each character of the span, aligned with the excerpt."""
    lines = text_render.render_finding(make_report(), make_report().findings[0]).splitlines()
    source = next(line for line in lines if line.startswith("1 |"))
    carets = next(line for line in lines if "^" in line)
    start = carets.index("^")
    assert source[start : start + 3] == "20%"
    assert carets.count("^") == 3


def test_text_shows_suggestion_related_and_source() -> None:
    """Suggestion, related spans and the reference appear under the excerpt."""
    out = text_render.render([make_report()])
    assert "= suggestion: 50%" in out
    assert "= related: 1:" in out and "'$100 million'" in out
    assert "= source: The Gregorian calendar (as of 2021-12-08) [calendar/gregorian]" in out


def test_text_summary_counts_severities() -> None:
    """The closing line counts the findings by severity and the files."""
    out = text_render.render([make_report(), make_report(path="b.md", findings=())])
    assert out.splitlines()[-1] == "Found 2 findings (1 error, 1 warning) in 1 of 2 files."


def test_text_clean_report_is_one_summary_line() -> None:
    """A report without findings or notes renders as one line."""
    assert text_render.render([make_report(findings=())]) == "No findings in 1 file.\n"


def test_text_notes_are_info_lines_unless_quiet() -> None:
    """Report notes print once at info level; quiet drops notes and the summary."""
    report = make_report(findings=(), notes=("no publication date: relative dates were not resolved",))
    out = text_render.render([report])
    assert "news/story.md: info no publication date" in out
    assert text_render.render([report], quiet=True) == ""


def test_text_colour_only_when_asked() -> None:
    """ANSI escapes appear with color=True and never without."""
    assert "\x1b[" not in text_render.render([make_report()])
    assert "\x1b[" in text_render.render([make_report()], color=True)


def test_text_long_line_is_windowed_around_the_span() -> None:
    """A 2,000-character line is cut around the span, and the carets still sit under it."""
    text = "word " * 400 + "a 20% increase, from $100 million to $150 million, " + "tail " * 200 + "\n"
    report = make_report(text=text)
    lines = text_render.render_finding(report, report.findings[0]).splitlines()
    source = next(line for line in lines if line.startswith("1 |"))
    carets = next(line for line in lines if "^" in line)
    assert len(source) < 200 and "…" in source
    start = carets.index("^")
    assert source[start : start + 3] == "20%"


def test_text_caret_aligns_after_wide_characters() -> None:
    """East Asian wide characters count two columns, so the carets stay under the span."""
    lead = "東京の発表では"  # seven wide characters
    text = lead + " a 20% increase from $100 million to $150 million.\n"
    report = make_report(text=text)
    lines = text_render.render_finding(report, report.findings[0]).splitlines()
    carets = next(line for line in lines if "^" in line)
    source = next(line for line in lines if line.startswith("1 |"))
    prefix = source[: source.index("20%")]
    assert carets.index("^") == text_render._width(prefix)


# --- JSON ---------------------------------------------------------------------------------------


def test_json_is_report_dict_and_validates() -> None:
    """The JSON output is exactly report_dict and validates against the shipped schema."""
    reports = [make_report(), make_report(path=None, findings=())]
    data = json.loads(json_render.render(reports))
    assert data == json.loads(json.dumps(report_dict(reports)))
    jsonschema.validate(data, json_render.schema())
    assert data["summary"] == {"documents": 2, "findings": 2, "error": 1, "warning": 1, "info": 0}
    finding = data["documents"][0]["findings"][0]
    assert list(finding) == [
        "rule", "severity", "message", "text", "start", "end", "line", "column", "related", "suggestion", "reference",
    ]  # fmt: skip


def test_json_schema_rejects_keys_outside_the_contract() -> None:
    """The schema is exact: an extra key in a finding, or a bad severity, fails validation."""
    data = json.loads(json_render.render([make_report()]))
    extra = json.loads(json.dumps(data))
    extra["documents"][0]["findings"][0]["extra"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(extra, json_render.schema())
    bad = json.loads(json.dumps(data))
    bad["documents"][0]["findings"][0]["severity"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, json_render.schema())


def test_json_is_deterministic() -> None:
    """The same reports render to the same bytes."""
    assert json_render.render([make_report()]) == json_render.render([make_report()])


# --- SARIF --------------------------------------------------------------------------------------


def _validate_sarif(log: dict) -> None:
    cls = jsonschema.validators.validator_for(SARIF_SCHEMA)
    # The official file has a known defect (an "anyOf" inside region.properties), so the schema
    # itself is not meta-validated; instances are validated as the SARIF tools do.
    errors = sorted(cls(SARIF_SCHEMA).iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def test_sarif_validates_against_the_official_schema() -> None:
    """The SARIF log of a report with related locations and fixes is valid SARIF 2.1.0."""
    log = sarif.sarif_log([make_report(), make_report(path="other dir/ü.md")])
    _validate_sarif(log)
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1


def test_sarif_schema_catches_a_bad_log() -> None:
    """The shipped schema is really enforced: a result with an unknown level is rejected."""
    log = sarif.sarif_log([make_report()])
    log["runs"][0]["results"][0]["level"] = "fatal"
    cls = jsonschema.validators.validator_for(SARIF_SCHEMA)
    assert list(cls(SARIF_SCHEMA).iter_errors(log))


def test_sarif_describes_every_rule_from_its_docstring() -> None:
    """tool.driver.rules lists every rule with summary, full description and the docstring as help."""
    driver = sarif.sarif_log([make_report(findings=())])["runs"][0]["tool"]["driver"]
    by_id = {r["id"]: r for r in driver["rules"]}
    for rule in rules():
        entry = by_id[rule.id]
        assert entry["shortDescription"]["text"] == rule.summary
        assert entry["help"]["markdown"] == rule.doc
        assert entry["fullDescription"]["text"]
        assert entry["properties"]["code"] == rule.code


def test_sarif_result_region_and_level() -> None:
    """A result has ruleId, level (info -> note), and a region with lines, columns and char offsets."""
    report = make_report()
    info = Finding("percent-change", "info", "worth a look", 0, 9, "Officials", code="VR401")
    log = sarif.sarif_log([make_report(findings=(*report.findings, info))])
    results = log["runs"][0]["results"]
    first = results[0]
    start = ARTICLE.index("20%")
    assert first["ruleId"] == "percent-change" and first["level"] == "warning"
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/story.md"
    assert first["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1, "startColumn": start + 1, "endLine": 1, "endColumn": start + 4,
        "charOffset": start, "charLength": 3,
    }  # fmt: skip
    assert results[2]["level"] == "note"
    rules_list = log["runs"][0]["tool"]["driver"]["rules"]
    assert all(rules_list[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)


def test_sarif_uri_is_percent_encoded() -> None:
    """Spaces and non-ASCII characters in a relative path are percent-encoded in the URI."""
    assert sarif.artifact_uri("other dir/ü.md") == "other%20dir/%C3%BC.md"
    assert sarif.artifact_uri("/tmp/a b.md") == "file:///tmp/a%20b.md"


# --- GitHub -------------------------------------------------------------------------------------


def test_github_command_format() -> None:
    """A finding is one '::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message' line."""
    out = github.render([make_report()]).splitlines()
    start = ARTICLE.index("20%")
    assert out[0].startswith(f"::warning file=news/story.md,line=1,col={start + 1},endLine=1,endColumn={start + 4},title=percent-change::")
    assert out[1].startswith("::error ")
    assert "%0ASuggestion: 50%25" in out[0]


def test_github_escapes_workflow_command_characters() -> None:
    """% CR LF are escaped in messages; also : and , in properties."""
    assert github.escape_data("50% a\r\nb") == "50%25 a%0D%0Ab"
    assert github.escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    line = github.command("notice", "x", file="dir,1/a:b.md", title="t")
    assert line == "::notice file=dir%2C1/a%3Ab.md,title=t::x"


def test_github_info_is_a_notice() -> None:
    """Info findings become ::notice commands."""
    info = Finding("percent-change", "info", "look", 0, 9, "Officials", code="VR401")
    assert github.render([make_report(findings=(info,))]).startswith("::notice ")


# --- JUnit --------------------------------------------------------------------------------------


def test_junit_suite_per_file_case_per_rule() -> None:
    """One testsuite per file, one testcase per rule; a rule with findings at fail-on fails."""
    ids = [r.id for r in rules()] or ["percent-change"]
    ids = list(dict.fromkeys([*ids, "percent-change", "weekday-mismatch"]))
    xml = junit.render([make_report(), make_report(path="b.md", findings=())], rules=ids, fail_on="warning")
    root = ET.fromstring(xml.split("\n", 1)[1])
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["news/story.md", "b.md"]
    cases = {c.get("name"): c for c in suites[0].findall("testcase")}
    assert set(cases) == set(ids)
    failure = cases["percent-change"].find("failure")
    assert failure is not None and "news/story.md:1:" in failure.text
    assert suites[0].get("failures") == "2" and suites[1].get("failures") == "0"
    assert root.get("failures") == "2"


def test_junit_below_fail_on_is_output_not_failure() -> None:
    """With fail-on error, a warning goes to system-out and does not fail its case."""
    xml = junit.render([make_report()], rules=["percent-change", "weekday-mismatch"], fail_on="error")
    root = ET.fromstring(xml.split("\n", 1)[1])
    cases = {c.get("name"): c for c in root.iter("testcase")}
    assert cases["percent-change"].find("failure") is None
    assert "warning percent-change" in cases["percent-change"].find("system-out").text
    assert cases["weekday-mismatch"].find("failure") is not None


def test_region_of_an_empty_span_covers_one_column() -> None:
    """An empty span still gets an end column after its start column."""
    report = make_report(findings=())
    empty = Finding("percent-change", "warning", "m", 5, 5, "", code="VR401")
    assert region(report, empty) == (1, 6, 1, 7)


# --- articles that could not be checked -----------------------------------------------------------

UNREAD = [("news/broken.md", "news/broken.md: cannot decode as utf-8: invalid byte(s) e9 at byte offset 3")]


def test_sarif_reports_unreadable_articles_as_notifications() -> None:
    """An unreadable article makes the invocation unsuccessful, with an error notification naming it."""
    log = sarif.sarif_log([make_report()], errors=UNREAD)
    _validate_sarif(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    note = invocation["toolExecutionNotifications"][0]
    assert note["level"] == "error" and "byte offset 3" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/broken.md"
    assert sarif.sarif_log([make_report()])["runs"][0]["invocations"] == [{"executionSuccessful": True}]


def test_github_and_junit_report_unreadable_articles() -> None:
    """GitHub gets an ::error for the file; JUnit a suite whose 'read' case has an error element."""
    out = github.render([], errors=UNREAD)
    assert out.startswith("::error file=news/broken.md,title=verify%3A could not check this file::")
    root = ET.fromstring(junit.render([], rules=["sum"], errors=UNREAD).split("\n", 1)[1])
    suite = root.find("testsuite")
    assert suite.get("name") == "news/broken.md" and suite.get("errors") == "1"
    assert "byte offset 3" in suite.find("testcase/error").get("message")
    assert root.get("errors") == "1"


def test_summary_from_a_running_tally_matches_the_reports() -> None:
    """The CLI's running tally (it keeps no reports in text mode) gives the same summary line."""
    reports = [make_report(), make_report(path="b.md", findings=()), make_report(path="c.md")]
    tally = text_render.Tally()
    for report in reports:
        tally.add(report)
    assert text_render.summary(tally, errors=1) == text_render.summary(reports, errors=1)
    assert text_render.summary(tally, errors=1) == "Found 4 findings (2 errors, 2 warnings) in 2 of 3 files; 1 file could not be checked.\n"


@pytest.mark.parametrize("count", [0, 1, 3])
def test_json_writer_streams_the_same_bytes_as_render(count: int) -> None:
    """Writing the JSON report a document at a time gives render()'s bytes exactly."""
    import verify
    from verify.render import json as json_render

    texts = ["Aid of $2.5 billion since 2014.", "He met on Monday, March 14, 2023.", "No figures."]
    reports = [verify.check(t, published="2023-03-20") for t in texts[:count]]
    writer = json_render.Writer()
    streamed = "".join(writer.document(r) for r in reports) + writer.end()
    assert streamed == json_render.render(reports)
