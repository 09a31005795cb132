"""The engine: a document's extraction, the packs and the config in; a report out."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from verify import checks
from verify.checks import CheckContext
from verify.config import Config
from verify.document import Document
from verify.extract import as_written, read
from verify.model import Finding
from verify.packs import Pack
from verify.report import Report


def run(
    document: Document, *, packs: Sequence[Pack] = (), config: Config | None = None, suppressions: bool = True
) -> Report:
    """Extract and check one document with the given packs (already resolved) and config.

    ``suppressions``: drop the findings the article's own ``verify: ignore`` directives cover
    (:mod:`verify.suppress`), with a note saying how many.
    """
    config = config or Config()
    extraction = read(document)  # checks read the reading's offsets; the report the file's
    ctx = CheckContext(extraction, packs, dict(config.severity))
    findings: list[Finding] = []
    filtered = bool(config.select or config.ignore)  # else every rule runs: no test per finding
    for _module, run_check in checks.runners():
        if filtered:
            findings.extend(f for f in run_check(ctx) if config.enabled(f.rule, f.code))
        else:
            findings.extend(run_check(ctx))
    notes: list[str] = []
    if document.published is None and any(d.relative and not d.resolved for d in extraction.dates):
        notes.append("no publication date: relative dates were not resolved and their checks were skipped")
    if document.reading is not document.text:  # spans report the file's own offsets and text
        findings = [document.as_written(f) for f in findings]
        extraction = as_written(extraction)
    findings = _dedupe(findings)
    if suppressions and "verify:" in document.text:
        from verify import suppress

        kept, _ = suppress.apply(findings, suppress.find(document))
        if len(kept) < len(findings):
            n = len(findings) - len(kept)
            notes.append(f"{n} finding{'s' if n > 1 else ''} suppressed by the article's `verify: ignore` directives")
            findings = kept
    return Report(extraction, tuple(findings), tuple(notes))


def _dedupe(findings: Iterable[Finding]) -> list[Finding]:
    seen = set()
    unique = []
    for f in sorted(findings, key=lambda f: (f.start, f.end, f.rule, f.message)):
        key = (f.rule, f.start, f.end, f.message)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


__all__ = ["run"]
