"""The JSON format: the report contract of DESIGN.md (``verify-report/1``), exactly.

The shape is :func:`verify.report.report_dict`; its JSON Schema ships in the package as
``verify/schema/report-1.json`` (see :func:`schema`). Output is deterministic: the same input
gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from verify.report import SCHEMA, report_dict


def render(reports: Iterable) -> str:  # noqa: ANN001 - Reports
    """The whole report as indented JSON, one trailing newline."""
    return json.dumps(report_dict(reports), ensure_ascii=False, indent=2) + "\n"


class Writer:
    """The same bytes as :func:`render`, written a document at a time.

    ``verify check --format json`` over an archive keeps only one report in memory: the
    documents are written as they are checked and the summary is counted along the way.
    """

    def __init__(self) -> None:
        self._summary = report_dict([])["summary"]

    def document(self, report) -> str:  # noqa: ANN001 - Report
        """The next element of ``documents`` (with the header before the first one)."""
        return self.add(self.body(report), [f.severity for f in report.findings])

    @staticmethod
    def body(report) -> str:  # noqa: ANN001 - Report
        """One document's element of ``documents``, indented in place (built where it was checked)."""
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2).replace("\n", "\n    ")

    def add(self, body: str, severities: Iterable[str]) -> str:
        """The next element of ``documents`` from its :meth:`body` and its findings' severities."""
        first = self._summary["documents"] == 0
        self._summary["documents"] += 1
        for severity in severities:
            self._summary["findings"] += 1
            self._summary[severity] += 1
        head = f'{{\n  "schema": {json.dumps(SCHEMA)},\n  "documents": [\n' if first else ",\n"
        return f"{head}    {body}"

    def end(self) -> str:
        """What closes the report: the end of ``documents`` and the summary."""
        summary = json.dumps(self._summary, indent=2).replace("\n", "\n  ")
        if self._summary["documents"] == 0:
            return f'{{\n  "schema": {json.dumps(SCHEMA)},\n  "documents": [],\n  "summary": {summary}\n}}\n'
        return f'\n  ],\n  "summary": {summary}\n}}\n'


def schema() -> dict[str, Any]:
    """The JSON Schema of the report, loaded from the package."""
    from importlib import resources

    return json.loads((resources.files("verify") / "schema" / "report-1.json").read_text(encoding="utf-8"))


__all__ = ["Writer", "render", "schema"]
