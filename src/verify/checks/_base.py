"""What every check shares: the :class:`Rule` it implements and the :class:`CheckContext` it reads.

A check module has a docstring with the sections *What it flags*, *Why it matters*, *Example*
and *Use instead*, a ``RULES`` tuple of the rules it implements, and a function
``run(ctx: CheckContext) -> Iterable[Finding]``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from verify.model import Citation, DateMention, Figure, Finding, Span

if TYPE_CHECKING:
    from verify.extract import Extraction
    from verify.packs import Pack


@attrs.frozen
class Rule:
    """A configured use of a check, with a stable kebab-case ``id`` and a short ``code``."""

    id: str
    code: str
    severity: str
    summary: str
    check: str = ""  # the module that implements it, filled in by the registry

    @property
    def doc(self) -> str:
        """The full documentation: the implementing module's docstring."""
        import importlib

        module = importlib.import_module(f"verify.checks.{self.check}")
        return (module.__doc__ or self.summary).strip()


Located = Figure | DateMention | Span


@attrs.define
class CheckContext:
    """What a check reads: the extraction, the active packs, and the rule severities in force."""

    extraction: Extraction
    packs: Sequence[Pack] = ()
    severities: dict[str, str] = attrs.field(factory=dict)
    #: What a check reads once per document and reuses (a sentence's clauses…): it lives as long
    #: as this context, so nothing is ever cached across documents. Key it by the check's own
    #: function, to keep checks apart.
    memo: dict[object, object] = attrs.field(factory=dict, init=False, repr=False, eq=False)

    @property
    def document(self):  # noqa: ANN201 - Document, imported lazily
        return self.extraction.document

    @property
    def text(self) -> str:
        return self.extraction.document.text

    @property
    def prose(self) -> str:
        return self.extraction.frame.prose  # the document's reading: extraction's offsets are its

    @property
    def published(self) -> dt.date | None:
        return self.extraction.document.published

    @property
    def figures(self) -> tuple[Figure, ...]:
        """The quantity figures (read once per context: several checks ask)."""
        found = self.memo.get("figures")
        if found is None:
            found = self.memo["figures"] = self.extraction.quantities
        return found  # type: ignore[return-value]

    @property
    def dates(self) -> tuple[DateMention, ...]:
        return self.extraction.dates

    def sentence(self, offset: int) -> Span:
        return self.extraction.frame.sentence_at(offset)

    def quoted(self, start: int, end: int) -> bool:
        return self.extraction.frame.quoted(start, end)

    def finding(
        self,
        rule: Rule,
        where: Located,
        message: str,
        *,
        severity: str | None = None,
        related: Iterable[Located] = (),
        suggestion: str | None = None,
        reference: Citation | None = None,
    ) -> Finding:
        """A finding of ``rule`` on ``where``; one inside a direct quotation says so."""
        quoted = self.quoted(where.start, where.end)
        if quoted:
            message += (
                " This stands inside a direct quotation, which the copy cannot change: "
                "attribute it clearly or add the correct figure in the surrounding text."
            )
        return Finding(
            rule=rule.id,
            severity=self.severities.get(rule.id, severity or rule.severity),
            message=message,
            start=where.start,
            end=where.end,
            text=self.text[where.start : where.end],
            related=tuple(Span(r.start, r.end, self.text[r.start : r.end]) for r in related),
            suggestion=suggestion,
            reference=reference,
            quoted=quoted,
            code=rule.code,
        )


__all__ = ["CheckContext", "Rule"]
