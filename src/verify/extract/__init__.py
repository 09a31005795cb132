"""Extraction: from a document's prose to its figures and date mentions.

``extract(document)`` frames the document's reading (its prose, with inline markup cut:
sentences, paragraphs, quotations), finds the figures (:mod:`verify.extract.figures`) and the
date mentions (:mod:`verify.extract.dates`), and returns an :class:`Extraction` whose spans are
the file's. It is a pure function of the document.
"""

from __future__ import annotations

from typing import Any

import attrs

from verify.document import Document
from verify.extract import dates as _dates
from verify.extract import figures as _figures
from verify.extract.text import TextFrame, frame
from verify.model import DateMention, Deferred, Figure, settled


@attrs.frozen(repr=False)
class Extraction:
    """The figures and date mentions of one document, in text order.

    ``frame`` is the frame of the document's ``reading`` (its offsets are the reading's).
    """

    document: Document
    # Tuples, or Deferred ones (:func:`as_written` maps a report's spans when first asked):
    # read them through ``figures`` and ``dates``.
    _figures: tuple[Figure, ...] | Deferred = attrs.field(alias="figures")
    _dates: tuple[DateMention, ...] | Deferred = attrs.field(alias="dates")
    frame: TextFrame = attrs.field(eq=False)

    @property
    def figures(self) -> tuple[Figure, ...]:
        return settled(self, "_figures")  # type: ignore[no-any-return]

    @property
    def dates(self) -> tuple[DateMention, ...]:
        return settled(self, "_dates")  # type: ignore[no-any-return]

    @property
    def quantities(self) -> tuple[Figure, ...]:
        """The figures that are quantities (not ordinals or labels)."""
        return tuple(f for f in self.figures if f.is_quantity)

    def _located(self, item: Figure | DateMention) -> dict[str, Any]:
        row = item.to_dict()
        line, column = self.document.position(item.start)
        # Keep the contract's key order: text, start, end, line, column, then the rest.
        ordered = {k: row[k] for k in ("text", "start", "end")}
        ordered.update(line=line, column=column)
        ordered.update((k, v) for k, v in row.items() if k not in ordered)
        return ordered

    def to_dict(self) -> dict[str, Any]:
        """The document's part of the JSON report, without findings."""
        doc = self.document
        return {
            "path": doc.path,
            "published": None if doc.published is None else doc.published.isoformat(),
            "figures": [self._located(f) for f in self.figures],
            "dates": [self._located(d) for d in self.dates],
        }

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per figure and date mention (``type`` says which), for tables."""
        rows: list[dict[str, Any]] = []
        for f in self.figures:
            rows.append({"type": "figure", "path": self.document.path, **self._located(f)})
        for d in self.dates:
            rows.append({"type": "date", "path": self.document.path, **self._located(d)})
        rows.sort(key=lambda r: r["start"])
        return rows

    def to_pandas(self) -> Any:
        """The figures and date mentions as a pandas DataFrame; needs ``source-verify[pandas]``."""
        from verify.corpus import EXTRACTION_COLUMNS, dataframe

        return dataframe(self.to_records(), EXTRACTION_COLUMNS)

    def _repr_html_(self) -> str:
        """The article with every figure and date marked, and tables of both."""
        from verify.render.html import extraction_html

        return extraction_html(self)

    def __repr__(self) -> str:
        return f"<Extraction {len(self.figures)} figures, {len(self.dates)} dates in {self.document!r}>"


def extract(document: Document) -> Extraction:
    """Find and normalise every figure and date mention in ``document``."""
    return as_written(read(document))


def read(document: Document) -> Extraction:
    """The figures and date mentions as read: their offsets are ``document.reading``'s.

    Checks run on this (they read the same text); :func:`as_written` gives the file's spans.
    """
    reading = document.reading
    framed = frame(reading)
    figures = _figures.find_figures(reading, framed)
    dates = _dates.find_dates(reading, framed, document.published)
    return Extraction(document, tuple(figures), tuple(dates), framed)


def as_written(extraction: Extraction) -> Extraction:
    """``extraction`` with every span at the file's offsets and with the file's text.

    The spans are mapped when the figures or dates are first asked for: a check's caller who
    reads only the findings does not pay for them.
    """
    document = extraction.document
    if document.reading is document.text:  # no markup, no wide spaces: the reading is the file
        return extraction
    return Extraction(
        document,
        Deferred(_all_as_written, document, extraction.figures),
        Deferred(_all_as_written, document, extraction.dates),
        extraction.frame,
    )


def _all_as_written(document: Document, items: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(document.as_written(item) for item in items)


__all__ = ["Extraction", "as_written", "extract", "read"]
