"""The GitHub format: one workflow command per finding, shown as an annotation on the diff.

``::error file=story.md,line=14,col=178,endLine=14,endColumn=190,title=magnitude-slip::…``

Severity error is ``error``, warning is ``warning``, info is ``notice``. Values are escaped as
the Actions toolkit does: ``%``, CR and LF in the message; those and ``:`` and ``,`` in the
properties.
"""

from __future__ import annotations

from collections.abc import Iterable

from verify.render import region

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """A workflow command's message: ``%``, ``\\r`` and ``\\n`` escaped."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A workflow command's property value: also ``:`` and ``,`` escaped."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **properties: object) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{kind} {props}::{escape_data(message)}" if props else f"::{kind}::{escape_data(message)}"


def render(reports: Iterable, *, errors: Iterable[tuple[str, str]] = ()) -> str:  # noqa: ANN001 - Reports
    """One command line per finding and per note, in document order; then one per unreadable article."""
    lines = []
    for report in reports:
        path = report.document.path or "<stdin>"
        for finding in report.findings:
            line, col, end_line, end_col = region(report, finding)
            message = finding.message
            if finding.suggestion:
                message += f"\nSuggestion: {finding.suggestion}"
            if finding.reference is not None:
                as_of = f" (as of {finding.reference.as_of})" if finding.reference.as_of else ""
                message += f"\nSource: {finding.reference.source}{as_of}"
            lines.append(
                command(
                    COMMANDS[finding.severity],
                    message,
                    file=path,
                    line=line,
                    col=col,
                    endLine=end_line,
                    endColumn=end_col,
                    title=finding.rule,
                )
            )
        for note in report.notes:
            lines.append(command("notice", note, file=path, title="verify"))
    for path, message in errors:
        lines.append(command("error", message, file=path, title="verify: could not check this file"))
    return "".join(line + "\n" for line in lines)


__all__ = ["COMMANDS", "command", "escape_data", "escape_property", "render"]
