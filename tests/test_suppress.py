"""Inline suppressions: which findings a directive covers, and which directives covered nothing."""

from __future__ import annotations

from verify import suppress
from verify.document import Document
from verify.model import Finding

MARKDOWN = """---
published: 2021-12-08
---

<!-- verify: ignore percent-change, VR403 -->
Exports rose 20% from $100 million to $150 million, and the parts add up to 90.

Imports rose 20% from $100 million to $150 million.
"""


def finding_at(text: str, needle: str, rule: str, code: str, nth: int = 1) -> Finding:
    start = -1
    for _ in range(nth):
        start = text.index(needle, start + 1)
    return Finding(rule, "warning", "m", start, start + len(needle), needle, code=code)


def test_comment_covers_only_the_next_paragraph() -> None:
    """A directive before a paragraph drops that paragraph's findings of the named rules only."""
    doc = Document.from_text(MARKDOWN, path="a.md")
    first = finding_at(MARKDOWN, "20%", "percent-change", "VR401")
    second = finding_at(MARKDOWN, "20%", "percent-change", "VR401", nth=2)
    other_rule = finding_at(MARKDOWN, "$150 million", "share", "VR402")
    by_code = finding_at(MARKDOWN, "90", "sum", "VR403")
    kept, unused = suppress.apply([first, other_rule, by_code, second], suppress.find(doc))
    assert kept == [other_rule, second]
    assert unused == []


def test_unused_names_are_reported_per_rule() -> None:
    """Each rule a directive names but never used is returned, with a warning finding on the directive."""
    doc = Document.from_text(MARKDOWN, path="a.md")
    first = finding_at(MARKDOWN, "20%", "percent-change", "VR401")
    kept, unused = suppress.apply([first], suppress.find(doc))
    assert kept == [] and [name for _, name in unused] == ["VR403"]
    warnings = suppress.unused_findings(doc, unused)
    assert len(warnings) == 1
    assert warnings[0].rule == suppress.UNUSED_RULE and warnings[0].severity == "warning"
    assert warnings[0].text == "<!-- verify: ignore percent-change, VR403 -->"
    assert "no VR403 finding in this paragraph" in warnings[0].message


def test_unknown_rule_in_a_directive_is_called_unknown() -> None:
    """A directive naming no known rule says so in its unused-suppression warning."""
    text = "<!-- verify: ignore VR999 -->\nText.\n"
    doc = Document.from_text(text, path="a.md")
    _, unused = suppress.apply([], suppress.find(doc))
    assert "no rule is called 'VR999'" in suppress.unused_findings(doc, unused)[0].message


def test_ignore_file_covers_every_paragraph() -> None:
    """ignore-file suppresses the rule anywhere in the file."""
    text = "Para one 20%.\n\n<!-- verify: ignore-file VR401 -->\n\nPara two 20%.\n"
    doc = Document.from_text(text, path="a.md")
    findings = [finding_at(text, "20%", "percent-change", "VR401"), finding_at(text, "20%", "percent-change", "VR401", 2)]
    kept, unused = suppress.apply(findings, suppress.find(doc))
    assert kept == [] and unused == []


def test_html_comment_directive() -> None:
    """In HTML the same comment before a paragraph suppresses its findings."""
    text = "<p>One 20%.</p>\n\n<!-- verify: ignore VR401 -->\n<p>Two 20%.</p>\n"
    doc = Document.from_text(text, path="a.html")
    first = finding_at(text, "20%", "percent-change", "VR401")
    second = finding_at(text, "20%", "percent-change", "VR401", 2)
    kept, _ = suppress.apply([first, second], suppress.find(doc))
    assert kept == [first]


def test_plain_text_line_directive_is_masked_and_scoped() -> None:
    """In plain text 'verify: ignore RULE' on its own line covers the next paragraph and is not prose."""
    text = "First 20% line.\nverify: ignore VR401\nSecond 20% line.\nThird 20% line.\n"
    doc = Document.from_text(text, path="a.txt")
    directive = text.index("verify:")
    assert doc.prose[directive : directive + 20].strip() == ""
    findings = [finding_at(text, "20%", "percent-change", "VR401", n) for n in (1, 2, 3)]
    kept, _ = suppress.apply(findings, suppress.find(doc))
    assert kept == [findings[0], findings[2]]


def test_plain_text_needs_the_line_of_its_own() -> None:
    """'verify: ignore' inside a sentence of plain text is prose, not a directive."""
    text = "He said verify: ignore VR401 was odd.\nSecond 20% line.\n"
    doc = Document.from_text(text, path="a.txt")
    assert suppress.find(doc) == []
    assert doc.prose == text


def test_directive_inside_a_code_block_is_an_example() -> None:
    """A directive inside a fenced code block in Markdown does nothing."""
    text = "```\n<!-- verify: ignore VR401 -->\n```\n\nA 20% rise.\n"
    doc = Document.from_text(text, path="a.md")
    assert suppress.find(doc) == []


def test_directive_at_the_end_covers_nothing() -> None:
    """A directive with no paragraph after it suppresses nothing and is reported unused."""
    text = "A 20% rise.\n\n<!-- verify: ignore VR401 -->\n"
    doc = Document.from_text(text, path="a.md")
    finding = finding_at(text, "20%", "percent-change", "VR401")
    kept, unused = suppress.apply([finding], suppress.find(doc))
    assert kept == [finding] and len(unused) == 1


def test_prefix_names_suppress_like_ignore() -> None:
    """A prefix (VR4) in a directive covers every rule whose code starts with it."""
    text = "<!-- verify: ignore VR4 -->\nA 20% rise and a share of 90.\n"
    doc = Document.from_text(text, path="a.md")
    findings = [finding_at(text, "20%", "percent-change", "VR401"), finding_at(text, "90", "share", "VR402")]
    kept, _ = suppress.apply(findings, suppress.find(doc))
    assert kept == []


def test_the_api_applies_directives_as_the_command_does(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """verify.check and check_many drop what the article's directives cover, say so in a note,
    and give the findings `verify check` gives; suppressions=False keeps them all."""
    import contextlib
    import io
    import json

    import verify
    from verify import cli

    kept = verify.check(MARKDOWN, format="markdown")
    every = verify.check(MARKDOWN, format="markdown", suppressions=False)
    rule_spans = lambda report: [(f.rule, f.start) for f in report.findings]  # noqa: E731
    first = MARKDOWN.index("20%")
    assert ("percent-change", first) in rule_spans(every)
    assert ("percent-change", first) not in rule_spans(kept)
    assert ("percent-change", MARKDOWN.index("20%", first + 1)) in rule_spans(kept)
    dropped = len(every.findings) - len(kept.findings)
    assert dropped >= 1
    assert f"{dropped} finding{'s' if dropped > 1 else ''} suppressed" in " ".join(kept.notes)
    assert not any("suppressed" in note for note in every.notes)

    article = tmp_path / "a.md"
    article.write_text(MARKDOWN, encoding="utf-8")
    assert rule_spans(verify.check_many([article], progress=False)[0]) == rule_spans(kept)
    assert rule_spans(verify.check_many([article], progress=False, suppressions=False)[0]) == rule_spans(every)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        cli.main(["check", "--format", "json", str(article)])
    command = json.loads(out.getvalue())["documents"][0]["findings"]
    assert [(f["rule"], f["start"]) for f in command] == rule_spans(kept)
