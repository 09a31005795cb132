"""The SARIF format: SARIF 2.1.0 for code-scanning dashboards (GitHub, Azure DevOps, VS Code).

One run. ``tool.driver.rules`` describes every rule verify knows: ``id`` is the rule's stable
id, ``name`` its PascalCase name, ``shortDescription`` its one-line summary, ``fullDescription``
the *What it flags* and *Why it matters* sections of its check's docstring and ``help`` the
whole docstring (plain text and Markdown), the same text ``verify explain`` prints. Each result
carries ``ruleId`` and ``ruleIndex``, ``level`` (error, warning, note), the message, and a
physical location whose region gives start and end line and column (the end column is
exclusive) and the character offset and length; columns count Unicode code points.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from verify.render import SARIF_LEVELS, region

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/source-verify/"


def artifact_uri(path: str | None) -> str:
    """A path as a SARIF artifact URI: relative paths stay relative (POSIX, percent-encoded)."""
    if not path or path in ("-", "<stdin>"):
        return "stdin"
    if os.path.isabs(path):
        from pathlib import Path

        return Path(path).as_uri()
    return quote(PurePosixPath(path.replace(os.sep, "/")).as_posix(), safe="/")


def section(doc: str, title: str) -> str:
    """The text of a ``## title`` section of a check's docstring (empty when there is none)."""
    found = re.search(r"^#{1,3}[ \t]+" + re.escape(title) + r"[ \t]*$", doc, re.M | re.I)
    if not found:
        return ""
    rest = doc[found.end() :]
    following = re.search(r"^#{1,3}[ \t]+\S", rest, re.M)
    return (rest[: following.start()] if following else rest).strip()


def pascal(rule_id: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[-_\s]+", rule_id) if part)


def descriptor(rule_id: str, *, code: str | None, summary: str, doc: str, severity: str) -> dict[str, Any]:
    """A ``reportingDescriptor`` for one rule."""
    what = section(doc, "What it flags")
    why = section(doc, "Why it matters")
    full = "\n\n".join(p for p in (what, why) if p) or summary
    entry: dict[str, Any] = {
        "id": rule_id,
        "name": pascal(rule_id),
        "shortDescription": {"text": summary},
        "fullDescription": {"text": full},
        "help": {"text": doc or summary, "markdown": doc or summary},
        "defaultConfiguration": {"level": SARIF_LEVELS.get(severity, "warning")},
        "properties": {"tags": ["verify"] + ([code] if code else [])},
    }
    if code:
        entry["properties"]["code"] = code
    return entry


def _rules() -> list[dict[str, Any]]:
    from verify.checks import rules

    return [descriptor(r.id, code=r.code, summary=r.summary, doc=r.doc, severity=r.severity) for r in rules()]


def _location(report, start: int, end: int, *, message: str | None = None, index: int | None = None) -> dict[str, Any]:  # noqa: ANN001
    from verify.model import Span

    line, column, end_line, end_column = region(report, Span(start, end, ""))  # type: ignore[arg-type]
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(report.document.path)},
            "region": {
                "startLine": line,
                "startColumn": column,
                "endLine": end_line,
                "endColumn": end_column,
                "charOffset": start,
                "charLength": max(0, end - start),
            },
        }
    }
    if index is not None:
        location["id"] = index
    if message:
        location["message"] = {"text": message}
    return location


def sarif_log(reports: Sequence, *, errors: Sequence[tuple[str, str]] = (), version: str | None = None) -> dict[str, Any]:  # noqa: ANN001
    """The SARIF log as a dict; ``errors`` are (path, message) of articles that could not be checked."""
    if version is None:
        from verify import __version__ as version
    rules = _rules()
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = []
    for report in reports:
        for finding in report.findings:
            if finding.rule not in index:  # a pack's rule or a pseudo-rule such as unused-suppression
                index[finding.rule] = len(rules)
                rules.append(
                    descriptor(finding.rule, code=finding.code, summary=finding.rule, doc="", severity=finding.severity)
                )
            text = finding.message
            if finding.suggestion:
                text += f" Suggestion: {finding.suggestion}"
            result: dict[str, Any] = {
                "ruleId": finding.rule,
                "ruleIndex": index[finding.rule],
                "level": SARIF_LEVELS[finding.severity],
                "message": {"text": text},
                "locations": [_location(report, finding.start, finding.end)],
            }
            if finding.related:
                result["relatedLocations"] = [
                    _location(report, s.start, s.end, message=s.text, index=i) for i, s in enumerate(finding.related, 1)
                ]
            properties: dict[str, Any] = {}
            if finding.code:
                properties["code"] = finding.code
            if finding.quoted:
                properties["quoted"] = True
            if finding.reference is not None:
                properties["reference"] = finding.reference.to_dict()
            if finding.suggestion:
                properties["suggestion"] = finding.suggestion
                region_ = result["locations"][0]["physicalLocation"]["region"]
                result["fixes"] = [
                    {
                        "description": {"text": f"Write {finding.suggestion}"},
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": artifact_uri(report.document.path)},
                                "replacements": [
                                    {
                                        "deletedRegion": {
                                            "charOffset": region_["charOffset"],
                                            "charLength": region_["charLength"],
                                        },
                                        "insertedContent": {"text": finding.suggestion},
                                    }
                                ],
                            }
                        ],
                    }
                ]
            if properties:
                result["properties"] = properties
            results.append(result)
    run = {
        "tool": {
            "driver": {
                "name": "verify",
                "version": version,
                "semanticVersion": version,
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "invocations": [_invocation(errors)],
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _invocation(errors: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """The run's invocation: successful unless an article could not be checked, each one a notification."""
    invocation: dict[str, Any] = {"executionSuccessful": not errors}
    if errors:
        invocation["toolExecutionNotifications"] = [
            {
                "level": "error",
                "message": {"text": message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(path)}}}],
            }
            for path, message in errors
        ]
    return invocation


def render(reports: Iterable, *, errors: Sequence[tuple[str, str]] = ()) -> str:  # noqa: ANN001 - Reports
    """The SARIF log as indented JSON."""
    return json.dumps(sarif_log(list(reports), errors=errors), ensure_ascii=False, indent=2) + "\n"


__all__ = ["artifact_uri", "descriptor", "render", "sarif_log", "section"]
