"""A document: the text being checked, its publication date, its path, and its line map.

Markdown and HTML are read as text with the markup masked: every character that is not prose is
replaced by a space (newlines are kept), so ``prose`` has the same length as ``text`` and every
offset found in ``prose`` points into the original file.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Literal, TypeVar

import attrs

from verify.errors import InputError

Format = Literal["text", "markdown", "html"]

_SUFFIX_FORMATS: dict[str, Format] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
}


def parse_published(value: dt.date | dt.datetime | str | None, *, what: str = "published") -> dt.date | None:
    """A publication date from a ``date``, a ``datetime`` or an ISO string ("2021-12-08")."""
    if value is None or isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text[:10]) if len(text) >= 10 else dt.date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            raise InputError(f"{what}: expected a date as YYYY-MM-DD, got {value!r}") from None
    raise InputError(f"{what}: expected a date or an ISO date string, got {type(value).__name__}")


def format_for(path: str | None) -> Format:
    """The format a file's suffix implies (plain text when unknown)."""
    if path:
        for suffix, fmt in _SUFFIX_FORMATS.items():
            if path.lower().endswith(suffix):
                return fmt
    return "text"


_Located = TypeVar("_Located")


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@attrs.frozen(repr=False)
class Document:
    """The text of one article, as read, with what is prose and where each line starts."""

    text: str
    prose: str
    published: dt.date | None = None
    path: str | None = None
    format: Format = "text"
    metadata: dict[str, str] = attrs.field(factory=dict, eq=False, hash=False)
    # Where each line starts: found on the first look-up (many documents are never asked).
    _lines: tuple[int, ...] | None = attrs.field(init=False, default=None, eq=False, hash=False)

    @property
    def _line_starts(self) -> tuple[int, ...]:
        if self._lines is None:
            starts = [0]
            starts.extend(m.end() for m in _LINE_BREAK.finditer(self.text))
            object.__setattr__(self, "_lines", tuple(starts))
        return self._lines  # type: ignore[return-value]

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        published: dt.date | dt.datetime | str | None = None,
        path: str | None = None,
        format: Format | None = None,
        published_key: str | None = None,
    ) -> Document:
        """Build a document, masking markup. ``published`` wins over the file's own metadata."""
        if not isinstance(text, str):
            raise InputError(f"expected text (str), got {type(text).__name__}", path=path)
        fmt = format or format_for(path)
        from verify import markup  # the maskers are only needed here

        prose, metadata = markup.mask(text, fmt)
        date = parse_published(published)
        if date is None:
            date = markup.published_from(metadata, key=published_key, path=path)
        return cls(text, prose, date, path, fmt, metadata)

    def as_written(self, item: _Located) -> _Located:
        """``item`` (a span, figure, date or finding) with the text the file has at its offsets.

        Extraction reads the prose, where an HTML entity is one character ("&#36;" reads "$")
        and masked markup is blank; a span must still slice the file to its text. A span that
        starts on an entity's character (its last, the ";") is widened to the whole entity.
        """
        start, end = item.start, item.end
        text = self.text
        if end > start and text[start] == ";" and self.prose[start] != ";":
            from verify.markup import ENTITY

            amp = text.rfind("&", max(0, start - 10), start)
            if amp >= 0 and ENTITY.fullmatch(text, amp, start + 1):
                start = amp
        if start == item.start and len(item.text) == end - start and text.startswith(item.text, start):
            return item
        return attrs.evolve(item, start=start, text=text[start:end])  # type: ignore[misc]

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of a character offset."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] if line < len(self._line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def __repr__(self) -> str:
        where = self.path or "<text>"
        return f"<Document {where} {self.format} {len(self.text)} chars published={self.published}>"


__all__ = ["Document", "Format", "format_for", "parse_published"]
