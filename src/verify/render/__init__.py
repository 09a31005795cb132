"""Renderers: reports in, text out. One module per output format.

Each module has ``render(reports, …) -> str``. They are pure: the CLI decides where the text
goes. ``text`` is for people at a terminal, ``json`` is the contract in DESIGN.md, ``sarif``
is for code-scanning dashboards, ``github`` for workflow annotations, ``junit`` for CI test
reports, ``html`` for editors in a browser.
"""

from __future__ import annotations

from verify.model import Finding

#: The formats ``verify check --format`` accepts.
FORMATS = ("text", "json", "sarif", "github", "junit", "html")

#: SARIF's and GitHub's word for each severity.
SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def region(report, finding: Finding) -> tuple[int, int, int, int]:  # noqa: ANN001 - a Report
    """(start line, start column, end line, end column) of a finding; the end column is exclusive.

    Lines and columns are 1-based. An empty span still covers one column, as editors expect.
    """
    document = report.document
    line, column = document.position(finding.start)
    end_line, end_column = document.position(max(finding.end, finding.start))
    if (end_line, end_column) <= (line, column):
        end_line, end_column = line, column + 1
    return line, column, end_line, end_column


__all__ = ["FORMATS", "SARIF_LEVELS", "region"]
