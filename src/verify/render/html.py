"""HTML: the article with its figures, dates and findings marked, for a browser or a notebook.

:func:`render` writes one self-contained page for a run (a summary, then every article with its
marked-up text and its findings table); :func:`report_html` and :func:`extraction_html` write the
fragments that ``Report._repr_html_`` and ``Extraction._repr_html_`` show in a notebook.

The output is HTML and CSS only, no JavaScript: hovering a mark shows its normalised value,
bounds, qualifier or resolved date (``title`` attributes), and links join each finding's row in
the table to its place in the text and back. Colours are translucent tints and mid-tone accents
that read on light and dark notebook themes; the standalone page follows
``prefers-color-scheme``.

The article is untrusted input: every character of it, and of every message, path and title, is
escaped with :func:`html.escape`. Spans may overlap (a finding inside a figure, a figure that
crosses a related span): :func:`weave` nests them by splitting a span where another closes
inside it, so the markup is always well formed and the text reads back unchanged.
"""

from __future__ import annotations

import hashlib
import html
import math
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from verify.model import KINDS, SEVERITIES, WEEKDAYS, DateMention, Figure, Finding

if TYPE_CHECKING:
    from verify.document import Document
    from verify.extract import Extraction
    from verify.report import Report

#: How each kind of figure is named in the legend and tooltips.
KIND_LABELS = {
    "money": "money",
    "count": "count",
    "percent": "percent",
    "percentage_points": "percentage points",
    "measure": "measure",
    "ordinal": "ordinal",
    "label": "label",
}
#: Units written after a number the way a reader expects them ("" for a bare count).
UNIT_SUFFIX = {"count": "", "percent": "%", "percentage_point": " pp", "dimensionless": ""}

# Nesting rank for marks over the same stretch of text: lower is outer.
_RANK_FINDING, _RANK_RELATED, _RANK_ITEM, _RANK_MARKUP = 0, 1, 2, 3

CSS = """
.vr { --vr-error: #e5534b; --vr-warning: #d29922; --vr-info: #4493f8;
  --vr-money: 46,160,67; --vr-count: 56,139,253; --vr-percent: 163,113,247;
  --vr-percentage_points: 219,97,162; --vr-measure: 32,178,170; --vr-date: 240,136,62;
  --vr-other: 128,128,128; --vr-rule: rgba(128,128,128,.35); --vr-muted: rgba(128,128,128,.95);
  --vr-zebra: rgba(128,128,128,.07);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 14px; line-height: 1.5; color: inherit; margin: 0 0 1.5em; }
.vr * { box-sizing: border-box; }
.vr-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: .35em .9em; margin: 0 0 .5em; }
.vr-name { font-weight: 650; font-size: 1.1em; margin: 0; overflow-wrap: anywhere; }
.vr-meta { color: var(--vr-muted); }
.vr-badge { display: inline-block; border-radius: 999px; padding: 0 .6em; font-size: .85em;
  font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
.vr-badge.s-error { color: var(--vr-error); } .vr-badge.s-warning { color: var(--vr-warning); }
.vr-badge.s-info { color: var(--vr-info); } .vr-badge.s-none { color: var(--vr-muted); }
.vr-legend { display: flex; flex-wrap: wrap; gap: .3em .8em; font-size: .85em; color: var(--vr-muted);
  margin: 0 0 .6em; }
.vr-note { margin: .3em 0; padding: .3em .6em; border-left: 3px solid var(--vr-info);
  background: rgba(68,147,248,.08); }
.vr-text { white-space: pre-wrap; overflow-wrap: break-word; font-family: Charter, "Bitstream Charter",
  "Iowan Old Style", Georgia, Cambria, "Times New Roman", serif; font-size: 1.08em; line-height: 1.85;
  padding: .8em 1em; margin: 0 0 1em; border: 1px solid var(--vr-rule); border-radius: 6px;
  max-height: 60em; overflow-y: auto; }
.vr-gap { display: block; height: .55em; }
.vr-fig, .vr-date, .vr-chip { border-radius: 3px; padding: .05em .08em; }
.vr-fig { background: rgba(var(--vr-c), .2); box-shadow: inset 0 -2px 0 rgba(var(--vr-c), .9); }
.vr-date { --vr-c: var(--vr-date); background: rgba(var(--vr-c), .2);
  box-shadow: inset 0 -2px 0 rgba(var(--vr-c), .9); }
.k-money { --vr-c: var(--vr-money); } .k-count { --vr-c: var(--vr-count); }
.k-percent { --vr-c: var(--vr-percent); } .k-percentage_points { --vr-c: var(--vr-percentage_points); }
.k-measure { --vr-c: var(--vr-measure); } .k-ordinal, .k-label { --vr-c: var(--vr-other); }
.vr-fig.k-ordinal, .vr-fig.k-label { background: rgba(var(--vr-c), .12);
  box-shadow: inset 0 -1px 0 rgba(var(--vr-c), .8); }
.vr-chip { display: inline-block; background: rgba(var(--vr-c), .2);
  box-shadow: inset 0 -2px 0 rgba(var(--vr-c), .9); padding: 0 .35em; }
.vr-chip.vr-date { padding: 0 .35em; }
mark.vr-find { background: transparent; color: inherit; text-decoration-line: underline;
  text-decoration-style: wavy; text-decoration-thickness: 1.5px; text-underline-offset: .32em;
  text-decoration-skip-ink: none; }
mark.vr-find.s-error { text-decoration-color: var(--vr-error); background: rgba(229,83,75,.12); }
mark.vr-find.s-warning { text-decoration-color: var(--vr-warning); background: rgba(210,153,34,.12); }
mark.vr-find.s-info { text-decoration-color: var(--vr-info); }
mark.vr-find mark.vr-find { text-underline-offset: .62em; }
.vr-rel { text-decoration-line: underline; text-decoration-style: dotted; text-decoration-thickness: 2px;
  text-underline-offset: .32em; text-decoration-color: var(--vr-muted); }
.vr-mu { color: var(--vr-muted); opacity: .75; font-size: .92em; }
a.vr-ref { display: inline-block; font-family: system-ui, sans-serif; font-size: .68em; font-weight: 700;
  line-height: 1.35; vertical-align: .55em; margin: 0 .1em 0 .12em; padding: 0 .42em; border-radius: 999px;
  color: #fff; text-decoration: none; }
a.vr-ref.s-error, td .vr-sev.s-error { background: var(--vr-error); }
a.vr-ref.s-warning, td .vr-sev.s-warning { background: var(--vr-warning); }
a.vr-ref.s-info, td .vr-sev.s-info { background: var(--vr-info); }
.vr :target { outline: 2px solid var(--vr-info); outline-offset: 2px; scroll-margin: 4em; }
.vr table { border-collapse: collapse; width: 100%; font-size: .92em; margin: 0 0 .8em; }
.vr th { text-align: left; font-weight: 600; border-bottom: 2px solid var(--vr-rule); padding: .35em .5em;
  white-space: nowrap; }
.vr td { vertical-align: top; border-bottom: 1px solid var(--vr-rule); padding: .4em .5em; }
.vr tbody tr:nth-child(even) { background: var(--vr-zebra); }
.vr td a { color: inherit; }
.vr td.vr-where { min-width: 9em; }
.vr td.vr-n a { text-decoration: none; font-weight: 700; color: var(--vr-muted); }
.vr .vr-sev { display: inline-block; color: #fff; border-radius: 3px; padding: 0 .45em; font-size: .85em;
  font-weight: 700; text-transform: uppercase; letter-spacing: .03em; }
.vr td code { white-space: nowrap; }
.vr code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
.vr .vr-small { color: var(--vr-muted); font-size: .85em; }
.vr .vr-sugg { font-weight: 600; }
.vr .vr-quote { display: inline-block; font-size: .8em; border: 1px solid var(--vr-rule); border-radius: 3px;
  padding: 0 .3em; color: var(--vr-muted); }
.vr details > summary { cursor: pointer; color: var(--vr-muted); margin: .2em 0 .5em; }
.vr details.vr-doc > summary { color: inherit; font-weight: 600; }
.vr details.vr-doc > section > .vr-head > .vr-name { display: none; }
.vr .vr-none { color: var(--vr-muted); font-style: italic; }
"""

PAGE_CSS = """
:root { color-scheme: light dark; --vr-bg: #ffffff; --vr-fg: #1f2328; --vr-panel: #f6f8fa; }
@media (prefers-color-scheme: dark) { :root { --vr-bg: #0d1117; --vr-fg: #e6edf3; --vr-panel: #161b22; } }
body { background: var(--vr-bg); color: var(--vr-fg); margin: 0; }
.vr-page { max-width: 64rem; margin: 0 auto; padding: 1.5rem 1.5rem 3rem; }
.vr-page > header h1 { font-family: system-ui, sans-serif; font-size: 1.6rem; margin: 0 0 .3rem; }
.vr-page > header { margin-bottom: 1.5rem; }
.vr-page .vr-summary { font-family: system-ui, sans-serif; }
.vr-page section.vr { padding-top: 1.2rem; border-top: 1px solid var(--vr-rule); }
.vr-page .vr-text { background: var(--vr-panel); max-height: none; }
.vr-page footer { font-family: system-ui, sans-serif; font-size: .85em; opacity: .7; }
"""

_WEAVE_TAGS = frozenset({"span", "mark"})
# A line break between two lines of text (not a blank line), and the spacer set after it.
_SINGLE_BREAK = re.compile(r"(?<=[^\r\n])(?:\r\n|\r|\n)(?=[^\r\n])")
_GAP = '<span class="vr-gap"></span>'


def esc(value: object) -> str:
    """Escape anything for HTML text or a quoted attribute value."""
    return html.escape("" if value is None else str(value), quote=True)


# --------------------------------------------------------------------------- weaving spans


@attrs.frozen
class Mark:
    """A span of the text to wrap in an element: ``<tag class=… title=… id=…>`` … ``</tag>``.

    ``id`` goes on the first piece only (a mark split around another keeps one anchor);
    ``ref`` is set on every piece as ``data-ref`` so that all pieces can be found.
    """

    start: int
    end: int
    rank: int
    tag: str
    cls: str
    title: str | None = None
    id: str | None = None
    ref: str | None = None

    def open(self, first: bool) -> str:
        parts = [f"<{self.tag}", f' class="{esc(self.cls)}"']
        if self.title:
            parts.append(f' title="{esc(self.title)}"')
        if first and self.id:
            parts.append(f' id="{esc(self.id)}"')
        if self.ref:
            parts.append(f' data-ref="{esc(self.ref)}"')
        return "".join(parts) + ">"

    def close(self) -> str:
        return f"</{self.tag}>"


@attrs.frozen
class Point:
    """Markup to insert at one offset, after the marks that end there (a finding's number)."""

    at: int
    html: str


def weave(text: str, marks: Iterable[Mark], points: Iterable[Point] = ()) -> str:
    """``text``, escaped, with every mark wrapped and every point inserted, always well nested.

    Marks that start together open longest first (then by rank); where a mark must close while
    marks opened after it are still open, those are closed and reopened after it, so overlapping
    spans become correctly nested pieces. Marks are clamped to the text; empty ones are dropped.
    """
    size = len(text)
    usable = []
    for mark in marks:
        if mark.tag not in _WEAVE_TAGS:
            raise ValueError(f"weave only writes span and mark elements, not {mark.tag!r}")
        start, end = max(0, min(mark.start, size)), max(0, min(mark.end, size))
        if start < end:
            usable.append(attrs.evolve(mark, start=start, end=end))
    opening: dict[int, list[int]] = defaultdict(list)
    for index, mark in enumerate(usable):
        opening[mark.start].append(index)
    inserting: dict[int, list[str]] = defaultdict(list)
    for point in points:
        inserting[max(0, min(point.at, size))].append(point.html)
    bounds = sorted({0, size, *opening, *(m.end for m in usable), *inserting})

    out: list[str] = []
    stack: list[int] = []
    opened: set[int] = set()
    last = 0
    for pos in bounds:
        if pos > last:
            out.append(esc(text[last:pos]))
            last = pos
        reopen: list[int] = []
        depth = next((i for i, index in enumerate(stack) if usable[index].end <= pos), None)
        if depth is not None:
            popped = stack[depth:]
            del stack[depth:]
            out.extend(usable[index].close() for index in reversed(popped))
            reopen = [index for index in popped if usable[index].end > pos]
        out.extend(inserting.get(pos, ()))
        for index in sorted([*reopen, *opening.get(pos, ())], key=lambda i: (-usable[i].end, usable[i].rank, i)):
            out.append(usable[index].open(index not in opened))
            opened.add(index)
            stack.append(index)
    out.extend(usable[index].close() for index in reversed(stack))
    return "".join(out)


# --------------------------------------------------------------------------- describing items


def number(value: float | None) -> str:
    """A magnitude as a reader writes it: 250,000,000,000; 2.5; 0.025; 1e-07 (None: "open")."""
    if value is None:
        return "open"
    value = float(value)
    if math.isnan(value) or math.isinf(value):
        return str(value)
    if value.is_integer() and abs(value) < 1e16:
        return f"{int(value):,}"
    return f"{value:,.12g}"


_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def in_words(value: float) -> str | None:
    """A large magnitude as news copy writes it ("250 billion", "2.5 million"), else None."""
    for scale, word in _SCALES:
        if abs(value) >= scale:
            return f"{value / scale:,.4g} {word}"
    return None


def amount(value: float | None, unit: str) -> str:
    """A magnitude with its unit: "250,000,000,000 USD", "5%", "3 pp", "2 hour"."""
    suffix = UNIT_SUFFIX.get(unit, f" {unit}")
    return f"{number(value)}{suffix}"


def bounds(figure: Figure) -> str | None:
    """The figure's bounds in words ("more than 250,000,000,000 USD"), or None when exact."""
    unit = figure.unit
    low = None if figure.low is None else float(figure.low.magnitude)
    high = None if figure.high is None else float(figure.high.magnitude)
    if low is None and high is None:
        return None
    if low is not None and high is not None:
        if low == high:
            return f"exactly {amount(low, unit)}"
        return f"{amount(low, unit)} to {amount(high, unit)}"
    if low is not None:
        return f"{'more than' if figure.low_exclusive else 'at least'} {amount(low, unit)}"
    return f"{'less than' if figure.high_exclusive else 'at most'} {amount(high, unit)}"


def figure_title(figure: Figure) -> str:
    """The tooltip of a figure: kind, normalised value, bounds, qualifier, noun and context."""
    lines = [f"{KIND_LABELS.get(figure.kind, figure.kind)}: {amount(figure.magnitude, figure.unit)}"]
    words = in_words(figure.magnitude)
    if words:
        lines[0] += f" ({words})"
    if figure.approximate:
        lines[0] += " (approximate)"
    described = bounds(figure)
    if described:
        lines.append(f"bounds: {described}")
    if figure.qualifier:
        lines.append(f"qualifier: {figure.qualifier}")
    if figure.noun:
        lines.append(f"noun: {figure.noun}")
    ctx = figure.context
    if ctx is not None:
        if ctx.attribution:
            lines.append(f"attribution: {ctx.attribution}")
        if ctx.modality != "reported":
            lines.append(f"modality: {ctx.modality}" + (f" ({ctx.modal})" if ctx.modal else ""))
        if ctx.scope:
            lines.append(f"time scope: {ctx.scope}")
        if ctx.quoted:
            lines.append("in a direct quotation")
    return "\n".join(lines)


def date_span(mention: DateMention) -> str:
    """The resolved interval of a date mention: "2021-12-10", "2021-01-01 to 2021-01-31"."""
    if getattr(mention, "invalid", None):
        return "not a date"
    if not mention.resolved:
        return "unresolved"
    low = mention.earliest.isoformat() if mention.earliest else "open"
    high = mention.latest.isoformat() if mention.latest else "open"
    return low if low == high else f"{low} to {high}"


def date_title(mention: DateMention) -> str:
    """The tooltip of a date mention: resolved interval, granularity, stated weekday, anchor."""
    invalid = getattr(mention, "invalid", None)
    if invalid:
        lines = [f"not a date: {invalid}"]
    else:
        lines = [f"date: {date_span(mention)} ({mention.granularity})"]
    if getattr(mention, "year_inferred", False):
        lines.append("year inferred from the publication date")
    if mention.weekday is not None:
        actual = ""
        if mention.earliest is not None and mention.earliest == mention.latest:
            actual = f"; the date is a {WEEKDAYS[mention.earliest.weekday()]}"
        lines.append(f"stated weekday: {WEEKDAYS[mention.weekday]}{actual}")
    if mention.relative:
        anchor = {
            "published": "the publication date",
            "previous": "the date before it",
            "following": "the date after it",
        }.get(mention.anchor or "", "nothing (unresolved)")
        lines.append(f"relative to {anchor}")
    if mention.tense:
        cue = getattr(mention, "tense_cue", None)
        lines.append(f"tense: {mention.tense}" + (f" ({cue})" if cue else ""))
    return "\n".join(lines)


def rule_label(finding: Finding) -> str:
    return f"{finding.rule} ({finding.code})" if finding.code else finding.rule


def finding_title(finding: Finding) -> str:
    lines = [f"{finding.severity}: {rule_label(finding)}", finding.message]
    if finding.suggestion:
        lines.append(f"suggestion: {finding.suggestion}")
    if finding.reference is not None:
        lines.append(f"source: {finding.reference.source}")
    return "\n".join(lines)


def _safe_url(url: str | None) -> str | None:
    """Only http(s) links are written; anything else (``javascript:``…) is dropped."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


# --------------------------------------------------------------------------- fragments


def anchor_for(document: Document, findings: Sequence[Finding] = ()) -> str:
    """A short id prefix for one document's anchors, stable for the same content."""
    digest = hashlib.sha1()
    digest.update((document.path or "").encode())
    digest.update(b"\0")
    digest.update(document.text.encode("utf-8", "surrogatepass"))
    for finding in findings:
        digest.update(repr(finding).encode("utf-8", "surrogatepass"))
    return "vr" + digest.hexdigest()[:8]


def _markup_runs(document: Document) -> list[tuple[int, int]]:
    """Stretches of the file that are markup (masked in the prose), merged across blanks."""
    text, prose = document.text, document.prose
    if text == prose or len(text) != len(prose):
        return []
    runs: list[list[int]] = []
    for i, (a, b) in enumerate(zip(text, prose)):
        if a != b:
            if runs and (runs[-1][1] == i or not text[runs[-1][1] : i].strip()):
                runs[-1][1] = i + 1
            else:
                runs.append([i, i + 1])
    return [(a, b) for a, b in runs]


def _findings_note(start: int, end: int, findings: Sequence[Finding], limit: int = 240) -> str:
    """Lines naming the findings that touch ``start``..``end``, for a figure's or date's tooltip.

    A figure's mark sits inside the marks of findings on the same words, so its tooltip is the
    one a reader sees there: it repeats what those findings say.
    """
    lines = []
    for n, finding in enumerate(findings, 1):
        if finding.start < end and start < max(finding.end, finding.start + 1):
            message = finding.message if len(finding.message) <= limit else finding.message[: limit - 1] + "…"
            line = f"[{n}] {finding.severity} {finding.rule}: {message}"
            if finding.suggestion:
                line += f" (suggestion: {finding.suggestion})"
            lines.append(line)
    return "\n—\n" + "\n".join(lines) if lines else ""


def _text_html(
    document: Document,
    figures: Sequence[Figure],
    dates: Sequence[DateMention],
    findings: Sequence[Finding],
    prefix: str,
) -> str:
    """The article's text with every figure, date, finding and related span marked."""
    marks: list[Mark] = []
    points: list[Point] = []
    for start, end in _markup_runs(document):
        marks.append(Mark(start, end, _RANK_MARKUP, "span", "vr-mu", "markup (not checked)"))
    for i, figure in enumerate(figures, 1):
        kind = figure.kind if figure.kind in KINDS else "label"
        title = figure_title(figure) + _findings_note(figure.start, figure.end, findings)
        marks.append(Mark(figure.start, figure.end, _RANK_ITEM, "span", f"vr-fig k-{kind}",
                          title, f"{prefix}-g{i}", f"{prefix}-g{i}"))
    for i, mention in enumerate(dates, 1):
        title = date_title(mention) + _findings_note(mention.start, mention.end, findings)
        marks.append(Mark(mention.start, mention.end, _RANK_ITEM, "span", "vr-date",
                          title, f"{prefix}-d{i}", f"{prefix}-d{i}"))
    for n, finding in enumerate(findings, 1):
        key = f"{prefix}-f{n}"
        title = finding_title(finding)
        marks.append(Mark(finding.start, finding.end, _RANK_FINDING, "mark", f"vr-find s-{finding.severity}",
                          title, key, key))
        if finding.end <= finding.start:  # an empty span still gets its anchor
            points.append(Point(finding.start, f'<span class="vr-anchor" id="{esc(key)}" data-ref="{esc(key)}"></span>'))
        for j, related in enumerate(finding.related, 1):
            rkey = f"{key}-r{j}"
            marks.append(Mark(related.start, related.end, _RANK_RELATED, "span", "vr-rel",
                              f"related to finding {n}: {finding.message}", rkey, rkey))
        points.append(Point(max(finding.start, finding.end),
                            f'<a class="vr-ref s-{esc(finding.severity)}" href="#{esc(prefix)}-row{n}" '
                            f'title="{esc(title)}">{n}</a>'))
    if document.format == "text":
        # Plain news copy puts one paragraph on a line: set paragraphs apart a little.
        points.extend(Point(m.end(), _GAP) for m in _SINGLE_BREAK.finditer(document.text))
    return f'<div class="vr-text">{weave(document.text, marks, points)}</div>'


def _counts(findings: Sequence[Finding]) -> dict[str, int]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for finding in findings:
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
    return counts


def _badges(counts: dict[str, int]) -> str:
    shown = [f'<span class="vr-badge s-{esc(s)}">{n} {esc(s)}</span>' for s, n in counts.items() if n]
    return "".join(shown) or '<span class="vr-badge s-none">no findings</span>'


def _legend(figures: Sequence[Figure], dates: Sequence[DateMention], findings: Sequence[Finding]) -> str:
    chips = []
    for kind in KINDS:
        if any(f.kind == kind for f in figures):
            chips.append(f'<span class="vr-chip k-{kind}">{esc(KIND_LABELS[kind])}</span>')
    if dates:
        chips.append('<span class="vr-chip vr-date">date</span>')
    for severity in SEVERITIES:
        if any(f.severity == severity for f in findings):
            chips.append(f'<span><mark class="vr-find s-{severity}">{severity}</mark></span>')
    if any(f.related for f in findings):
        chips.append('<span class="vr-rel">related</span>')
    if not chips:
        return ""
    return f'<div class="vr-legend">{"".join(chips)}<span>· hover a mark for details</span></div>'


def _head(document: Document, name: str | None, extra: str, what: str = "report") -> str:
    title = name or document.path or f"verify {what}"
    meta = [f"published {document.published.isoformat()}" if document.published else "no publication date"]
    return (
        f'<div class="vr-head"><h2 class="vr-name">{esc(title)}</h2>'
        f'<span class="vr-meta">{esc(" · ".join(meta))}</span>{extra}</div>'
    )


def _findings_table(report: Report, prefix: str) -> str:
    findings = report.findings
    if not findings:
        return '<p class="vr-none">No findings.</p>'
    rows = []
    for n, f in enumerate(findings, 1):
        line, column = report.document.position(f.start)
        key = f"{prefix}-f{n}"
        where = (f'<a href="#{esc(key)}">“{esc(f.text)}”</a>'
                 f'<br><span class="vr-small">line {line}, column {column}</span>')
        if f.quoted:
            where += ' <span class="vr-quote">in a quotation</span>'
        message = esc(f.message)
        if f.related:
            links = ", ".join(f'<a href="#{esc(key)}-r{j}">“{esc(r.text)}”</a>' for j, r in enumerate(f.related, 1))
            message += f'<br><span class="vr-small">related: {links}</span>'
        suggestion = f'<span class="vr-sugg">{esc(f.suggestion)}</span>' if f.suggestion else ""
        source = ""
        if f.reference is not None:
            ref = f.reference
            url = _safe_url(ref.url)
            text = esc(ref.source)
            source = f'<a href="{esc(url)}" rel="noopener noreferrer">{text}</a>' if url else text
            details = " · ".join(x for x in (ref.id, f"as of {ref.as_of}" if ref.as_of else "") if x)
            if details:
                source += f'<br><span class="vr-small">{esc(details)}</span>'
        rule = f"<code>{esc(f.rule)}</code>"
        if f.code:
            rule += f'<br><span class="vr-small">{esc(f.code)}</span>'
        rows.append(
            f'<tr id="{esc(prefix)}-row{n}" class="vr-row" data-ref="{esc(key)}">'
            f'<td class="vr-n"><a href="#{esc(key)}">{n}</a></td>'
            f'<td><span class="vr-sev s-{esc(f.severity)}">{esc(f.severity)}</span></td>'
            f'<td>{rule}</td><td class="vr-where">{where}</td><td>{message}</td><td>{suggestion}</td><td>{source}</td></tr>'
        )
    head = "".join(f"<th>{h}</th>" for h in ("#", "Severity", "Rule", "Text", "Message", "Suggestion", "Source"))
    return f'<table class="vr-findings"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _context(figure: Figure) -> str:
    ctx = figure.context
    if ctx is None:
        return ""
    parts = [ctx.attribution and f"according to {ctx.attribution}",
             ctx.modality != "reported" and (ctx.modal or ctx.modality), ctx.scope, ctx.quoted and "quoted"]
    return "; ".join(str(p) for p in parts if p)


def _items_tables(extraction: Extraction, prefix: str) -> str:
    """Tables of the figures and date mentions, each linked to its mark in the text."""
    out = []
    document = extraction.document
    if extraction.figures:
        rows = []
        for i, f in enumerate(extraction.figures, 1):
            line, _ = document.position(f.start)
            kind = f.kind if f.kind in KINDS else "label"
            rows.append(
                f'<tr><td><a href="#{esc(prefix)}-g{i}">“{esc(f.text)}”</a></td>'
                f'<td><span class="vr-chip k-{kind}">{esc(KIND_LABELS.get(f.kind, f.kind))}</span></td>'
                f"<td>{esc(amount(f.magnitude, f.unit))}</td><td>{esc(bounds(f) or '')}</td>"
                f"<td>{esc(f.qualifier or '')}</td><td>{esc(f.noun or '')}</td><td>{esc(_context(f))}</td>"
                f"<td>{line}</td></tr>"
            )
        head = "".join(f"<th>{h}</th>" for h in ("Figure", "Kind", "Value", "Bounds", "Qualifier", "Noun", "Context", "Line"))
        out.append(f'<table class="vr-figures"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')
    if extraction.dates:
        rows = []
        for i, d in enumerate(extraction.dates, 1):
            line, _ = document.position(d.start)
            weekday = "" if d.weekday is None else WEEKDAYS[d.weekday]
            rows.append(
                f'<tr><td><a href="#{esc(prefix)}-d{i}">“{esc(d.text)}”</a></td>'
                f"<td>{esc(date_span(d))}</td><td>{esc(d.granularity)}</td><td>{esc(weekday)}</td>"
                f"<td>{line}</td></tr>"
            )
        head = "".join(f"<th>{h}</th>" for h in ("Date", "Resolved", "Granularity", "Weekday", "Line"))
        out.append(f'<table class="vr-dates"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')
    if not out:
        return '<p class="vr-none">No figures or dates found.</p>'
    return "".join(out)


def _style() -> str:
    return f"<style>{CSS}</style>"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def report_body(report: Report, *, prefix: str | None = None, name: str | None = None) -> str:
    """One report as a ``<section>`` (no style sheet): header, text, findings, figures and dates."""
    prefix = prefix or anchor_for(report.document, report.findings)
    extraction = report.extraction
    stats = f'<span class="vr-meta">{_plural(len(report.figures), "figure")} · {_plural(len(report.dates), "date")}</span>'
    parts = [
        f'<section class="vr vr-report" id="{esc(prefix)}">',
        _head(report.document, name, _badges(_counts(report.findings)) + stats),
        "".join(f'<p class="vr-note">{esc(note)}</p>' for note in report.notes),
        _legend(report.figures, report.dates, report.findings),
        _text_html(report.document, report.figures, report.dates, report.findings, prefix),
        _findings_table(report, prefix),
        (
            f"<details><summary>{_plural(len(report.figures), 'figure')} and {_plural(len(report.dates), 'date')}"
            f"</summary>{_items_tables(extraction, prefix)}</details>"
        ),
        "</section>",
    ]
    return "".join(parts)


def report_html(report: Report) -> str:
    """A report as an HTML fragment with its own style sheet (``Report._repr_html_``)."""
    return _style() + report_body(report)


def extraction_html(extraction: Extraction) -> str:
    """An extraction as an HTML fragment: the text with figures and dates marked, then tables."""
    prefix = anchor_for(extraction.document)
    stats = f'<span class="vr-meta">{_plural(len(extraction.figures), "figure")} · {_plural(len(extraction.dates), "date")}</span>'
    return "".join([
        _style(),
        f'<section class="vr vr-extraction" id="{esc(prefix)}">',
        _head(extraction.document, None, stats, "extraction"),
        _legend(extraction.figures, extraction.dates, ()),
        _text_html(extraction.document, extraction.figures, extraction.dates, (), prefix),
        _items_tables(extraction, prefix),
        "</section>",
    ])


def summary_html(reports: Sequence[Report], prefixes: Sequence[str], names: Sequence[str] | None = None) -> str:
    """A table of the documents with their counts, each linked to its section."""
    total = _counts([f for r in reports for f in r.findings])
    rows = []
    for i, (report, prefix) in enumerate(zip(reports, prefixes)):
        counts = report.counts
        name = names[i] if names else report.document.path or f"text {i + 1}"
        cells = "".join(f'<td class="vr-c">{counts[s] or ""}</td>' for s in SEVERITIES)
        rows.append(f'<tr><td><a href="#{esc(prefix)}">{esc(name)}</a></td>{cells}'
                    f"<td>{len(report.figures)}</td><td>{len(report.dates)}</td></tr>")
    head = "".join(f"<th>{h}</th>" for h in ("Document", "Errors", "Warnings", "Info", "Figures", "Dates"))
    line = (f'<p class="vr-summary">{_plural(len(reports), "document")} · '
            f'{_plural(sum(total.values()), "finding")} {_badges(total)}</p>')
    if len(reports) < 2:  # the one document's own header says it all
        return line
    return f'{line}<table class="vr-docs"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def document_names(reports: Sequence[Report], *, shorten: bool = False) -> list[str]:
    """What to call each document: its path (``shorten``: relative to the folder all share)."""
    paths = [r.document.path for r in reports]
    base = ""
    if shorten and len(paths) > 1 and all(paths):
        try:
            base = os.path.commonpath([os.path.dirname(os.path.abspath(p)) for p in paths])
        except ValueError:  # paths on different drives
            base = ""
    names = []
    for i, path in enumerate(paths, 1):
        if not path:
            names.append(f"text {i}")
        elif base:
            names.append(os.path.relpath(os.path.abspath(path), base))
        else:
            names.append(path)
    return names


def corpus_html(reports: Sequence[Report], *, limit: int = 50) -> str:
    """Many reports as a notebook fragment: the summary table, then each report, folded.

    The reports with findings come unfolded (the first few), the others folded; past ``limit``
    documents only the summary lists them.
    """
    reports = list(reports)
    names = document_names(reports, shorten=True)
    prefixes = [f"{anchor_for(r.document, r.findings)}n{i}" for i, r in enumerate(reports, 1)]
    parts = [_style(), '<div class="vr vr-corpus">', summary_html(reports, prefixes, names)]
    unfolded = 0
    for report, prefix, name in list(zip(reports, prefixes, names))[:limit]:
        show = bool(report.findings) and unfolded < 3
        unfolded += show
        parts.append(
            f'<details class="vr-doc"{" open" if show else ""}><summary>{esc(name)} '
            f"{_badges(report.counts)}</summary>{report_body(report, prefix=prefix, name=name)}</details>"
        )
    if len(reports) > limit:
        parts.append(f'<p class="vr-none">{_plural(len(reports) - limit, "more document")}: see .reports or .to_pandas().</p>')
    parts.append("</div>")
    return "".join(parts)


def render(reports: Sequence[Report], *, title: str | None = None) -> str:
    """One self-contained HTML page for a run: a summary, then every article and its findings."""
    from verify import __version__

    reports = list(reports)
    title = title or "verify report"
    prefixes = [f"d{i}" for i in range(1, len(reports) + 1)]
    names = document_names(reports)
    body = "".join(report_body(r, prefix=p, name=n) for r, p, n in zip(reports, prefixes, names))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="color-scheme" content="light dark">'
        f'<meta name="generator" content="verify {esc(__version__)}">'
        f"<title>{esc(title)}</title><style>{CSS}{PAGE_CSS}</style></head>\n"
        '<body><main class="vr-page">'
        f'<header class="vr"><h1>{esc(title)}</h1>{summary_html(reports, prefixes, names)}</header>'
        f"{body}"
        f'<footer>Generated by verify {esc(__version__)}. '
        "Hover a marked figure or date for its normalised value; follow a number to its finding.</footer>"
        "</main></body></html>\n"
    )


__all__ = ["CSS", "Mark", "Point", "corpus_html", "extraction_html", "render", "report_body", "report_html", "weave"]
