"""The JSON format: the report contract of DESIGN.md (``verify-report/1``), exactly.

The shape is :func:`verify.report.report_dict`; its JSON Schema ships in the package as
``verify/schema/report-1.json`` (see :func:`schema`). Output is deterministic: the same input
gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from verify.report import report_dict


def render(reports: Iterable) -> str:  # noqa: ANN001 - Reports
    """The whole report as indented JSON, one trailing newline."""
    return json.dumps(report_dict(reports), ensure_ascii=False, indent=2) + "\n"


def schema() -> dict[str, Any]:
    """The JSON Schema of the report, loaded from the package."""
    from importlib import resources

    return json.loads((resources.files("verify") / "schema" / "report-1.json").read_text(encoding="utf-8"))


__all__ = ["render", "schema"]
