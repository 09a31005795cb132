"""Test annotated articles the way verify tests its own rules: ``verify.testing``.

An annotated article is a Markdown file whose HTML comments (invisible to verify, which masks
them) say what must be found in the paragraph that follows them::

    ---
    published: 2021-12-08
    ---
    <!-- expect magnitude-slip: "$250 billion" suggestion="$2.5 billion" -->
    <!-- ok: "2014" -->
    The U.S. has provided more than $250 billion in arms since 2014.

Annotations, one or more per comment, separated by ``;``:

``expect RULE: "text" [severity=S] [suggestion="…"] [nth=N]``
    a finding of RULE (id or code) must cover the N-th occurrence (default first) of "text" in
    the next paragraph.
``ok [RULE]: "text", "text"…``
    no finding (of RULE, or of any rule with severity warning or error) may touch "text".
``figure: "text" [kind=K] [value=V] [unit=U] [low=L|none] [high=H|none] [noun=N] [qualifier="…"]``
    a figure spanning exactly "text", with those normalised values.
``no-figure: "text"…``
    no quantity figure (kind other than ordinal or label) may touch "text".
``date: "text" [earliest=YYYY-MM-DD|none] [latest=…] [granularity=G] [weekday=W]``
    a date mention spanning exactly "text", with that interval.

Besides what is annotated, any finding of severity warning or error that no ``expect`` claims
is a false positive. :func:`check_fixture` returns the confusion counts per rule;
:func:`assert_fixture` fails a test with a readable account of every miss.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from verify.config import Config
from verify.document import Document
from verify.errors import InputError
from verify.model import Finding
from verify.packs import Pack

_COMMENT = re.compile(r"<!--((?:(?!<!--).)*?)-->", re.S)
_KINDS = ("expect", "ok", "figure", "no-figure", "date")
_OPTION = re.compile(r'(?<![\w-])([A-Za-z_][\w-]*)=("[^"]*"|[^\s,;]+)')
_TARGET = re.compile(r'"([^"]*)"')


@attrs.frozen
class Annotation:
    kind: str
    rule: str | None
    start: int
    end: int
    text: str
    options: dict[str, str]
    line: int


@attrs.frozen
class FixtureResult:
    """What checking one annotated article found: per-rule true/false positives and negatives."""

    path: str
    true_positives: Counter[str]
    false_positives: Counter[str]
    false_negatives: Counter[str]
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    def __str__(self) -> str:
        if self.ok:
            return f"{self.path}: ok ({sum(self.true_positives.values())} expected findings)"
        return f"{self.path}:\n" + "\n".join(f"  - {p}" for p in self.problems)


def parse_annotations(text: str, path: str = "<fixture>") -> list[Annotation]:
    """The annotations of an article, each located on the text it names."""
    found: list[Annotation] = []
    for comment in _COMMENT.finditer(text):
        body = comment.group(1).strip()
        if not body.startswith(_KINDS):
            continue  # an ordinary comment, or a verify suppression
        line = text.count("\n", 0, comment.start()) + 1
        paragraph_start, paragraph_end = _next_paragraph(text, comment.end())
        for item in _split_items(body):
            head, sep, rest = item.partition(":")
            if not sep:
                raise InputError(f"annotation {item!r}: expected 'KIND [RULE]: \"text\" …'", path=path, line=line)
            words = head.split()
            kind, rule = words[0], (words[1] if len(words) > 1 else None)
            if kind not in _KINDS:
                raise InputError(f"annotation kind {kind!r}: expected one of {', '.join(_KINDS)}", path=path, line=line)
            options = {k: v[1:-1] if v.startswith('"') else v for k, v in _OPTION.findall(rest)}
            targets = _TARGET.findall(_OPTION.sub(" ", rest))
            if not targets:
                raise InputError(f"annotation {item!r}: names no text in quotes", path=path, line=line)
            for target in targets:
                nth = int(options.get("nth", "1"))
                start = _find(text, target, paragraph_start, paragraph_end, nth)
                if start < 0:
                    raise InputError(
                        f"annotation names {target!r}, which the next paragraph does not contain"
                        + (f" {nth} times" if nth > 1 else ""),
                        path=path,
                        line=line,
                    )
                found.append(Annotation(kind, rule, start, start + len(target), target, options, line))
    return found


def _split_items(body: str) -> list[str]:
    items, current, quote = [], [], False
    for ch in body:
        if ch == '"':
            quote = not quote
        if ch == ";" and not quote:
            items.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    items.append("".join(current).strip())
    return [i for i in items if i]


def _next_paragraph(text: str, offset: int) -> tuple[int, int]:
    """The paragraph after the annotation comments that end at ``offset``."""
    pos = offset
    while True:
        match = re.compile(r"\s*<!--.*?-->", re.S).match(text, pos)
        if not match:
            break
        pos = match.end()
    while pos < len(text) and text[pos].isspace():
        pos += 1
    end = re.compile(r"\n[ \t]*\n|\n[ \t]*<!--").search(text, pos)
    return pos, end.start() if end else len(text)


def _find(text: str, target: str, start: int, end: int, nth: int) -> int:
    pos = start - 1
    for _ in range(nth):
        pos = text.find(target, pos + 1, end)
        if pos < 0:
            return -1
    return pos


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _same_number(expected: str, actual: float | None) -> bool:
    if expected.lower() in ("none", "null"):
        return actual is None
    if actual is None:
        return False
    return math.isclose(float(expected), float(actual), rel_tol=1e-9, abs_tol=1e-12)


def check_fixture(
    path: str | Path,
    *,
    packs: Sequence[Pack | str | Path] = (),
    config: Config | None = None,
) -> FixtureResult:
    """Check one annotated article and compare what verify reports with what it expects."""
    from verify import engine
    from verify.packs import resolve

    path = str(path)
    text = Path(path).read_text(encoding="utf-8")
    annotations = parse_annotations(text, path)
    config = config or Config()
    document = Document.from_text(text, path=path)
    report = engine.run(document, packs=resolve(packs, config), config=config)
    report_doc = report.document
    findings = list(report.findings)
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    problems: list[str] = []
    claimed: set[int] = set()

    def names(finding: Finding) -> set[str]:
        return {finding.rule, finding.code or finding.rule}

    def where(a: Annotation) -> str:
        line, col = report_doc.position(a.start)
        return f"line {line} col {col} {a.text!r}"

    for a in annotations:
        if a.kind == "expect":
            match = [
                i
                for i, f in enumerate(findings)
                if a.rule in names(f) and _overlaps(f.start, f.end, a.start, a.end)
            ]
            if not match:
                fn[a.rule or "?"] += 1
                problems.append(f"missed {a.rule} at {where(a)}")
                continue
            finding = findings[match[0]]
            claimed.update(match)
            tp[finding.rule] += 1
            want = a.options.get("severity")
            if want and finding.severity != want:
                problems.append(f"{a.rule} at {where(a)}: severity {finding.severity}, expected {want}")
            want = a.options.get("suggestion")
            if want is not None and finding.suggestion != want:
                problems.append(f"{a.rule} at {where(a)}: suggestion {finding.suggestion!r}, expected {want!r}")
        elif a.kind == "ok":
            for i, f in enumerate(findings):
                if not _overlaps(f.start, f.end, a.start, a.end):
                    continue
                if a.rule is None and f.severity == "info" or a.rule and a.rule not in names(f):
                    continue
                if i in claimed:
                    continue
                problems.append(f"{f.rule} ({f.severity}) fired on {where(a)}, marked ok: {f.message}")
        elif a.kind == "no-figure":
            for fig in report.extraction.quantities:
                if _overlaps(fig.start, fig.end, a.start, a.end):
                    problems.append(f"{where(a)} must not be a quantity, got {fig!r}")
        elif a.kind == "figure":
            problems.extend(_check_mention("figure", report.extraction.figures, a, where(a)))
        elif a.kind == "date":
            problems.extend(_check_mention("date mention", report.extraction.dates, a, where(a)))

    expected_rules = {a.rule for a in annotations if a.kind == "expect"}
    for i, f in enumerate(findings):
        if i in claimed or f.severity == "info" and not names(f) & expected_rules:
            continue
        if f.severity in ("error", "warning"):
            fp[f.rule] += 1
            line, col = report_doc.position(f.start)
            problems.append(f"unexpected {f.rule} ({f.severity}) at line {line} col {col} {f.text!r}: {f.message}")
    return FixtureResult(path, tp, fp, fn, tuple(problems))


def _check_mention(what: str, mentions: Sequence[Any], a: Annotation, where: str) -> Iterable[str]:
    """Problems with the figure or date mention that must span exactly the annotated text."""
    exact = [m for m in mentions if m.start == a.start and m.end == a.end]
    if not exact:
        near = [m for m in mentions if _overlaps(m.start, m.end, a.start, a.end)]
        yield f"no {what} spans {where}" + (f"; overlapping: {near}" if near else "")
        return
    row = exact[0].to_dict()
    for key, want in a.options.items():
        if key == "nth":
            continue
        got = row.get(key)
        if key in ("value", "low", "high"):
            matches = _same_number(want, got)
        elif want.lower() in ("none", "null"):
            matches = got is None
        else:
            matches = str(got) == want
        if not matches:
            yield f"{what} {where}: {key} {got!r}, expected {want!r}"


def assert_fixture(path: str | Path, **kwargs: Any) -> FixtureResult:
    """Check an annotated article and fail (``AssertionError``) with every miss listed."""
    result = check_fixture(path, **kwargs)
    if not result.ok:
        raise AssertionError(str(result))
    return result


def fixture_paths(folder: str | Path) -> list[Path]:
    """The annotated articles (``*.md``) below ``folder``, in name order."""
    return sorted(Path(folder).rglob("*.md"))


__all__ = ["Annotation", "FixtureResult", "assert_fixture", "check_fixture", "fixture_paths", "parse_annotations"]
