"""The JUnit format: a test report that CI systems (GitLab, Jenkins, Azure) show per article.

One ``testsuite`` per file and one ``testcase`` per rule that ran; a rule whose findings reach
``fail_on`` fails its test case, and the ``failure`` element lists those findings as
``line:col: severity message``. Findings below ``fail_on`` go to the case's ``system-out``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence

from verify.model import SEVERITIES
from verify.render import region


def reaches(severity: str, fail_on: str) -> bool:
    """Whether a finding of ``severity`` reaches the ``fail_on`` threshold."""
    if fail_on == "never":
        return False
    return SEVERITIES.index(severity) <= SEVERITIES.index(fail_on)


def _clean(text: str) -> str:
    """XML 1.0 cannot hold most control characters: drop them."""
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)


def _line(report, path: str, finding) -> str:  # noqa: ANN001
    """One finding as ``path:line:col: severity rule message [Suggestion: …]``."""
    line, col, _, _ = region(report, finding)
    extra = f" Suggestion: {finding.suggestion}" if finding.suggestion else ""
    return f"{path}:{line}:{col}: {finding.severity} {finding.rule} {finding.message}{extra}"


def render(
    reports: Sequence,  # noqa: ANN001 - Reports
    *,
    rules: Iterable[str] = (),
    fail_on: str = "warning",
    errors: Iterable[tuple[str, str]] = (),
) -> str:
    """The JUnit XML for ``reports``: ``rules`` are the ids of the rules that ran.

    ``errors`` are (path, message) of articles that could not be checked: each is a suite whose
    one test case, ``read``, has an ``error`` element.
    """
    rule_ids = list(dict.fromkeys(rules))
    root = ET.Element("testsuites", name="verify")
    total_tests = total_failures = 0
    for report in reports:
        path = report.document.path or "<stdin>"
        by_rule: dict[str, list] = {r: [] for r in rule_ids}
        for finding in report.findings:
            by_rule.setdefault(finding.rule, []).append(finding)
        suite = ET.SubElement(root, "testsuite", name=_clean(path))
        failures = 0
        for rule_id, findings in by_rule.items():
            case = ET.SubElement(suite, "testcase", name=rule_id, classname=_clean(path))
            failing = [f for f in findings if reaches(f.severity, fail_on)]
            other = [f for f in findings if not reaches(f.severity, fail_on)]
            if failing:
                failures += 1
                noun = "finding" if len(failing) == 1 else "findings"
                summary = _clean(f"{len(failing)} {noun}: {failing[0].message}")
                failure = ET.SubElement(case, "failure", type=rule_id, message=summary)
                failure.text = _clean("\n".join(_line(report, path, f) for f in failing))
            if other:
                out = ET.SubElement(case, "system-out")
                out.text = _clean("\n".join(_line(report, path, f) for f in other))
        tests = len(by_rule)
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        total_tests += tests
        total_failures += failures
    total_errors = 0
    for path, message in errors:
        suite = ET.SubElement(root, "testsuite", name=_clean(path), tests="1", failures="0", errors="1", skipped="0")
        case = ET.SubElement(suite, "testcase", name="read", classname=_clean(path))
        ET.SubElement(case, "error", type="InputError", message=_clean(message)).text = _clean(message)
        total_tests += 1
        total_errors += 1
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", str(total_errors))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


__all__ = ["reaches", "render"]
