"""The text format: what a person at a terminal reads, in the manner of ruff's full output.

::

    story.md:14:178: error magnitude-slip More than $250 billion is 100 times …
       |
    14 | …the United States has provided more than $250 billion in arms, weapons…
       |                                           ^^^^^^^^^^^^
       = suggestion: $2.5 billion
       = source: U.S. State Department, December 2021 (as of 2021-12-08)

    Found 1 finding (1 error) in 1 file.

Long lines are cut to a window around the span. Colour (ANSI) only when asked for; the CLI asks
on a terminal unless ``NO_COLOR`` is set.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from verify.model import SEVERITIES, Finding
from verify.render import region

#: Widest stretch of a source line shown around a span.
WINDOW = 100
_CONTEXT = 36

_STYLES = {
    "error": "1;31",
    "warning": "1;33",
    "info": "1;36",
    "path": "1",
    "rule": "35",
    "gutter": "34",
    "caret": "1;31",
    "dim": "2",
    "summary": "1",
}


class _Painter:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, style: str, text: str) -> str:
        if not self.color or not text:
            return text
        return f"\x1b[{_STYLES[style]}m{text}\x1b[0m"


def _width(text: str) -> int:
    """Display width: East Asian wide characters take two columns, combining marks none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _clean(text: str) -> str:
    """A source line fit for a terminal: tabs as spaces, control characters shown as '?'."""
    return "".join(" " if ch == "\t" else "?" if unicodedata.category(ch) == "Cc" else ch for ch in text)


def excerpt(line_text: str, start_col: int, end_col: int) -> tuple[str, int, int]:
    """The part of a line to show, with the span's offset and length within it (display columns)."""
    start = start_col - 1
    end = max(end_col - 1, start + 1)
    end = min(end, max(len(line_text), start + 1))
    left, right = 0, len(line_text)
    if len(line_text) > WINDOW:
        left = max(0, start - _CONTEXT)
        right = min(len(line_text), max(end + _CONTEXT, left + WINDOW))
    shown = _clean(line_text[left:right])
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line_text) else ""
    offset = _width(prefix) + _width(shown[: start - left])
    length = max(1, _width(shown[start - left : end - left]))
    return prefix + shown + suffix, offset, length


def render_finding(report, finding: Finding, *, paint: _Painter | None = None, path: str | None = None) -> str:  # noqa: ANN001
    """One finding: the heading line, the source excerpt, the suggestion and the source."""
    paint = paint or _Painter(False)
    document = report.document
    shown_path = path or document.path or "<text>"
    line, column, end_line, end_column = region(report, finding)
    head = (
        f"{paint('path', shown_path)}:{line}:{column}: "
        f"{paint(finding.severity, finding.severity)} {paint('rule', finding.rule)} {finding.message}"
    )
    source = document.line_text(line)
    stop = end_column if end_line == line else len(source) + 1
    shown, offset, length = excerpt(source, column, stop)
    gutter = " " * len(str(line))
    lines = [
        head,
        paint("gutter", f"{gutter} |"),
        paint("gutter", f"{line} |") + f" {shown}",
        paint("gutter", f"{gutter} |") + " " + " " * offset + paint("caret", "^" * length),
    ]
    if finding.related:
        spans = []
        for span in finding.related:
            r_line, r_col = document.position(span.start)
            spans.append(f"{r_line}:{r_col} {span.text!r}")
        lines.append(paint("gutter", f"{gutter} =") + " related: " + ", ".join(spans))
    if finding.suggestion:
        lines.append(paint("gutter", f"{gutter} =") + f" suggestion: {finding.suggestion}")
    if finding.reference is not None:
        ref = finding.reference
        as_of = f" (as of {ref.as_of})" if ref.as_of else ""
        lines.append(paint("gutter", f"{gutter} =") + f" source: {ref.source}{as_of} [{ref.id}]")
    return "\n".join(lines) + "\n"


def render_report(report, *, color: bool = False, quiet: bool = False) -> str:  # noqa: ANN001
    """Every finding of one document, then its notes (unless ``quiet``)."""
    paint = _Painter(color)
    parts = [render_finding(report, f, paint=paint) + "\n" for f in report.findings]
    if not quiet:
        where = report.document.path or "<text>"
        for note in report.notes:
            parts.append(f"{paint('path', where)}: {paint('info', 'info')} {note}\n")
    return "".join(parts)


def counts(reports: Iterable) -> dict[str, int]:  # noqa: ANN001
    total = {s: 0 for s in SEVERITIES}
    for report in reports:
        for finding in report.findings:
            total[finding.severity] += 1
    return total


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


class Tally:
    """Running totals for the summary line, so that a long run need not keep its reports."""

    def __init__(self) -> None:
        self.severities = {s: 0 for s in SEVERITIES}
        self.files = 0
        self.with_findings = 0

    def add(self, report) -> None:  # noqa: ANN001 - a Report
        self.add_severities([f.severity for f in report.findings])

    def add_severities(self, severities: Sequence[str]) -> None:
        """Count one file by the severities of its findings."""
        self.files += 1
        self.with_findings += bool(severities)
        for severity in severities:
            self.severities[severity] += 1


def summary(reports: Sequence | Tally, *, errors: int = 0, color: bool = False) -> str:  # noqa: ANN001
    """The closing line: how many findings of each severity, in how many files."""
    paint = _Painter(color)
    if isinstance(reports, Tally):
        tally = reports
    else:
        tally = Tally()
        for report in reports:
            tally.add(report)
    total, files = tally.severities, tally.files
    found = sum(total.values())
    unread = f"; {_plural(errors, 'file')} could not be checked" if errors else ""
    if not found:
        return paint("summary", f"No findings in {_plural(files, 'file')}{unread}.") + "\n"
    parts = ", ".join(f"{n} info" if s == "info" else _plural(n, s) for s, n in total.items() if n)
    where = f"in {tally.with_findings} of {files} files" if files > 1 else "in 1 file"
    return paint("summary", f"Found {_plural(found, 'finding')} ({parts}) {where}{unread}.") + "\n"


def render(reports: Sequence, *, color: bool = False, quiet: bool = False, errors: int = 0) -> str:  # noqa: ANN001
    """Every report, then the summary line (left out when ``quiet``)."""
    body = "".join(render_report(r, color=color, quiet=quiet) for r in reports)
    return body + ("" if quiet else summary(reports, errors=errors, color=color))


__all__ = ["Tally", "counts", "excerpt", "render", "render_finding", "render_report", "summary"]
