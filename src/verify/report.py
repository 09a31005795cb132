"""A report: one document's figures, date mentions and findings, ready to render."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import attrs

from verify.document import Document
from verify.extract import Extraction
from verify.model import SEVERITIES, DateMention, Figure, Finding

SCHEMA = "verify-report/1"


@attrs.frozen(repr=False)
class Report:
    """The result of checking one document; ``findings`` are sorted by position."""

    extraction: Extraction
    findings: tuple[Finding, ...]
    notes: tuple[str, ...] = ()

    @property
    def document(self) -> Document:
        return self.extraction.document

    @property
    def figures(self) -> tuple[Figure, ...]:
        return self.extraction.figures

    @property
    def dates(self) -> tuple[DateMention, ...]:
        return self.extraction.dates

    @property
    def counts(self) -> dict[str, int]:
        """How many findings of each severity."""
        counter = Counter(f.severity for f in self.findings)
        return {s: counter.get(s, 0) for s in SEVERITIES}

    def to_dict(self) -> dict[str, Any]:
        """This document as one element of the JSON report's ``documents``."""
        doc = self.extraction.to_dict()
        findings = []
        for f in self.findings:
            row = f.to_dict()
            line, column = self.document.position(f.start)
            ordered = {k: row[k] for k in ("rule", "severity", "message", "text", "start", "end")}
            ordered.update(line=line, column=column)
            ordered.update((k, v) for k, v in row.items() if k not in ordered)
            findings.append(ordered)
        doc["findings"] = findings
        return doc

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per finding (the JSON report's keys plus ``path`` and ``code``)."""
        rows = []
        for f, row in zip(self.findings, self.to_dict()["findings"]):
            rows.append({"path": self.document.path, "code": f.code, **row, "quoted": f.quoted})
        return rows

    def to_pandas(self) -> Any:
        """The findings as a pandas DataFrame (one row per finding); needs ``source-verify[pandas]``."""
        from verify.corpus import FINDING_COLUMNS, dataframe

        return dataframe(self.to_records(), FINDING_COLUMNS)

    def _repr_html_(self) -> str:
        """The article with its figures, dates and findings marked, and the findings table."""
        from verify.render.html import report_html

        return report_html(self)

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {s}" for s, n in self.counts.items() if n) or "no findings"
        return f"<Report {self.document.path or '<text>'}: {counts}>"


def report_dict(reports: Iterable[Report]) -> dict[str, Any]:
    """The whole JSON report (schema ``verify-report/1``) for several documents."""
    documents = [r.to_dict() for r in reports]
    summary: dict[str, int] = {"documents": len(documents), "findings": 0}
    summary.update({s: 0 for s in SEVERITIES})
    for doc in documents:
        for f in doc["findings"]:
            summary["findings"] += 1
            summary[f["severity"]] += 1
    return {"schema": SCHEMA, "documents": documents, "summary": summary}


__all__ = ["SCHEMA", "Report", "report_dict"]
