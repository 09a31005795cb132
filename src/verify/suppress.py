"""Inline suppressions: an editor's word that a finding has been looked at.

In Markdown and HTML an HTML comment before a paragraph suppresses rules for that paragraph::

    <!-- verify: ignore magnitude-slip, VR103 -->
    The U.S. has provided more than $250 billion in arms since 2014.

and ``<!-- verify: ignore-file RULE -->`` anywhere suppresses them for the whole file. In plain
text the same words stand on a line of their own (``verify: ignore VR102``); the line is not
prose (:mod:`verify.markup` masks it). Rules are named by id, code or prefix, as in ``--ignore``.

:func:`find` reads a document's suppressions; :func:`apply` drops the findings they cover and
returns the suppressions that covered nothing, which ``--report-unused-suppressions`` reports.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

import attrs

from verify.document import Document
from verify.extract.text import split_paragraphs
from verify.model import Finding

_RULE_LIST = r"([A-Za-z0-9][\w.-]{0,63}(?:[ \t]*,[ \t]*[A-Za-z0-9][\w.-]{0,63}){0,63})"
_COMMENT = re.compile(r"<!--[ \t\r\n]{0,20}verify:[ \t]*(ignore-file|ignore)[ \t]+" + _RULE_LIST + r"[ \t\r\n]{0,20}-->")
_LINE = re.compile(r"^[ \t]*verify:[ \t]*(ignore-file|ignore)[ \t]+" + _RULE_LIST + r"[ \t]*(?=\r?$)", re.M)
#: The pseudo-rule of an unused suppression's finding.
UNUSED_RULE = "unused-suppression"
_BLANK = re.compile(r"\r?\n[ \t]*\r?\n")
_NEWLINE = re.compile(r"\r?\n")
_FENCE = re.compile(r"^[ \t]{0,3}(?:```|~~~)", re.M)


@attrs.frozen
class Suppression:
    """One ``verify: ignore`` directive: the rules it names and the stretch of text it covers."""

    rules: tuple[str, ...]
    start: int  # the directive itself
    end: int
    scope_start: int  # what it covers: the next paragraph, or the whole file
    scope_end: int
    file_wide: bool = False

    def covers(self, finding: Finding) -> str | None:
        """The name (as written) under which this directive suppresses ``finding``, if any."""
        if not (self.scope_start <= finding.start < self.scope_end or self.file_wide):
            return None
        for name in self.rules:
            if finding.rule.startswith(name) or (finding.code and finding.code.startswith(name)):
                return name
        return None


def find(document: Document) -> list[Suppression]:
    """The suppressions in ``document``, in text order."""
    text = document.text
    if "verify:" not in text:
        return []
    pattern = _COMMENT if document.format in ("markdown", "html") else _LINE
    paragraphs = split_paragraphs(document.prose)
    # Blank lines in the article as written, leaving out the directive lines themselves.
    blank_lines = _BLANK.search(pattern.sub("x", text)) is not None
    starts = [p.start for p in paragraphs]

    fences = [m.start() for m in _FENCE.finditer(text)] if document.format == "markdown" else []
    found: list[Suppression] = []
    for m in pattern.finditer(text):
        if bisect.bisect_left(fences, m.start()) % 2 == 1:
            continue  # inside a fenced code block: an example, not a directive
        rules = tuple(r.strip() for r in m.group(2).split(",") if r.strip())
        if m.group(1) == "ignore-file":
            found.append(Suppression(rules, m.start(), m.end(), 0, len(text), file_wide=True))
            continue
        if document.format in ("markdown", "html"):
            index = bisect.bisect_left(starts, m.end())
            scope = (paragraphs[index].start, paragraphs[index].end) if index < len(paragraphs) else None
        else:
            scope = _next_text_paragraph(text, m.end(), blank_lines)
        if scope is None:  # nothing follows: it covers nothing, and is reported as unused
            scope = (len(text), len(text))
        found.append(Suppression(rules, m.start(), m.end(), *scope))
    return found


def _next_text_paragraph(text: str, pos: int, blank_lines: bool) -> tuple[int, int] | None:
    """The paragraph of plain text after ``pos``, read from the original text.

    The directive's own line is masked in the prose, which would turn it into a blank line; so
    paragraphs here follow the article as written: blank-line separated if it has blank lines,
    one per line if it has none.
    """
    start = pos
    while start < len(text) and text[start].isspace():
        start += 1
    if start >= len(text):
        return None
    found = (_BLANK if blank_lines else _NEWLINE).search(text, start)
    end = found.start() if found else len(text)
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def apply(
    findings: Sequence[Finding], suppressions: Sequence[Suppression]
) -> tuple[list[Finding], list[tuple[Suppression, str]]]:
    """The findings no suppression covers, and each (suppression, rule name) that covered none."""
    if not suppressions:
        return list(findings), []
    used: set[tuple[int, str]] = set()
    kept: list[Finding] = []
    for finding in findings:
        hit = False
        for index, suppression in enumerate(suppressions):
            name = suppression.covers(finding)
            if name is not None:
                used.add((index, name))
                hit = True
        if not hit:
            kept.append(finding)
    unused = [(s, name) for i, s in enumerate(suppressions) for name in s.rules if (i, name) not in used]
    return kept, unused


def unused_findings(document: Document, unused: Iterable[tuple[Suppression, str]]) -> list[Finding]:
    """A warning for each rule a suppression names without suppressing anything."""
    from verify.config import known_rules

    known = known_rules()
    out = []
    for suppression, name in unused:
        exists = any(rid.startswith(name) or code.startswith(name) for rid, code in known)
        what = "file" if suppression.file_wide else "paragraph"
        reason = f"no rule is called {name!r}" if not exists else f"no {name} finding in this {what}"
        out.append(
            Finding(
                rule=UNUSED_RULE,
                severity="warning",
                message=f"Unused suppression: {reason}. Remove {name!r} from the directive.",
                start=suppression.start,
                end=suppression.end,
                text=document.text[suppression.start : suppression.end],
            )
        )
    return out


__all__ = ["UNUSED_RULE", "Suppression", "apply", "find", "unused_findings"]
