"""A document: the text being checked, its publication date, its path, and its line map.

Markdown and HTML are read as text with the markup masked: every character that is not prose is
replaced by a space (newlines are kept), so ``prose`` has the same length as ``text`` and every
offset found in ``prose`` points into the original file.

Extraction reads ``reading``: the prose without the blanks that inline markup left inside a
phrase ("<b>$2.5</b> billion" is read "$2.5 billion"), with every space a plain one
("5&nbsp;million" is read "5 million") but the spaces that group a numeral's digits by
thousands ("100&nbsp;000", "100\u202f000"). ``as_written`` maps what was found there back to the
file's offsets and text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Literal, TypeVar

import attrs

from verify._regex import folds_to_ascii
from verify.errors import InputError
from verify.model import Context, Deferred

Format = Literal["text", "markdown", "html"]
_FORMATS: tuple[Format, ...] = ("text", "markdown", "html")

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
#: Spaces other than " " that copy carries (no-break, thin, figure, ideographic…): read as " ".
_WIDE_SPACE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
#: Letters that case-blind matching reads as ASCII ones ("ſecond", "fırst", "İstanbul", the
#: Kelvin sign): read as those letters, so that every pattern and table sees one spelling.
_ASCII_LOOKALIKES = str.maketrans({"\u017f": "s", "\u0131": "i", "\u0130": "I", "\u212a": "K"})
#: The wide spaces that group a numeral's digits by thousands ("100\u202f000", "$2\u00a0500"):
#: no-break, figure, thin and narrow no-break space. The same as the figure reader's
#: ``verify.extract.numbers.DIGIT_GROUP_SPACES`` (not imported: the extract package imports this).
_GROUP_SPACES = "\u00a0\u2007\u2009\u202f"
_GROUP = f"[{_GROUP_SPACES}]"
#: A wide space read as " " at once: every one but a group space between two digits (the space
#: just matched is looked at again from behind). It opens with the class, so sre skips to the wide
#: spaces in C.
_WIDE_SPACE_APART = re.compile(rf"{_WIDE_SPACE.pattern}(?:(?<!{_GROUP})|(?<!\d.)|(?!\d))")
#: Digits joined by the group spaces that scan kept: one run, judged whole (bounded; each repeat
#: opens with a space, so there is one way to match).
_GROUPED_RUN = re.compile(rf"\d{{1,40}}(?:{_GROUP}\d{{1,40}}){{1,20}}")
#: A numeral grouped by thousands: one to three digits, then up to six groups of three.
_THOUSANDS = re.compile(rf"\d{{1,3}}(?:{_GROUP}\d{{3}}){{1,6}}")


def _groups_or_spaces(run: re.Match[str]) -> str:
    """A run of digits and group spaces: as written if it is one numeral grouped by thousands.

    Else its spaces are read as " ": "2021\u00a0100 people" is a year and a count, and
    "555\u00a0123\u00a04567" a telephone number. The run must start a number (not after a
    letter, a digit, a point or a comma, as the figure reader's numerals).
    """
    text = run.group()
    start = run.start()
    before = run.string[start - 1] if start else " "
    if _THOUSANDS.fullmatch(text) and not (before.isalnum() or before in "_.,"):
        return text
    return _WIDE_SPACE.sub(" ", text)


@attrs.frozen(repr=False)
class Document:
    """The text of one article, as read, with what is prose and where each line starts."""

    text: str
    prose: str
    published: dt.date | None = None
    path: str | None = None
    format: Format = "text"
    metadata: dict[str, str] = attrs.field(factory=dict, eq=False, hash=False)
    #: Stretches of ``prose`` (blanked inline markup) that ``reading`` leaves out, in order.
    cuts: tuple[tuple[int, int], ...] = attrs.field(default=(), eq=False, hash=False)
    # Where each line starts: found on the first look-up (many documents are never asked).
    _lines: tuple[int, ...] | None = attrs.field(init=False, default=None, eq=False, hash=False)
    # The reading and its offset map, built on first use from ``cuts``.
    _read: tuple[str, list[int], list[int]] | None = attrs.field(init=False, default=None, eq=False, hash=False)

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
        if fmt not in _FORMATS:
            raise InputError(f"format: expected one of {', '.join(map(repr, _FORMATS))}, got {fmt!r}", path=path)
        from verify import markup  # the maskers are only needed here

        prose, metadata, cuts = markup.read(text, fmt)
        date = parse_published(published)
        if date is None:
            date = markup.published_from(metadata, key=published_key, path=path)
        return cls(text, prose, date, path, fmt, metadata, cuts)

    def _reading(self) -> tuple[str, list[int], list[int]]:
        """The reading, where each cut stands in it, and how much was cut up to there."""
        if self._read is None:
            reading, at, shift = self.prose, [], []
            if self.cuts:
                pieces = []
                pos = removed = 0
                for start, end in self.cuts:
                    pieces.append(self.prose[pos:start])
                    at.append(start - removed)
                    removed += end - start
                    shift.append(removed)
                    pos = end
                pieces.append(self.prose[pos:])
                reading = "".join(pieces)
            if _WIDE_SPACE.search(reading):  # one scan in C; most texts have none
                reading = _WIDE_SPACE_APART.sub(" ", reading)
                if _WIDE_SPACE.search(reading):  # a group space between digits (rarer still)
                    reading = _GROUPED_RUN.sub(_groups_or_spaces, reading)
            if folds_to_ascii(reading):
                reading = reading.translate(_ASCII_LOOKALIKES)
            object.__setattr__(self, "_read", (reading, at, shift))
        return self._read  # type: ignore[return-value]

    @property
    def reading(self) -> str:
        """What extraction reads: the prose as it is shown, every space a plain one.

        Inline markup inside a phrase is cut (``cuts``); a no-break, thin or other wide space is
        read as " " ("5&nbsp;million", "1.5\u00a0million square\u00a0kilometres"), except a
        no-break, figure, thin or narrow no-break space that groups a numeral's digits by
        thousands ("100\u202f000 troops", "1\u2009250\u2009000", "$2&nbsp;500"): one to three
        digits, then groups of exactly three. That one is kept as written, as a plain space there
        would make two numbers ("in 2021 100 people"). A letter that case-blind matching reads
        as an ASCII one is read as that letter ("the ſecond Monday"). It is ``prose`` itself
        (the same object) when none of these occurs, as in most plain text.
        """
        return self._reading()[0]

    def offset(self, index: int, *, end: bool = False) -> int:
        """The file offset of ``reading``'s ``index``; with ``end``, of an exclusive end."""
        if not self.cuts:
            return index
        _, at, shift = self._reading()
        # A cut at ``index`` lies before the character there, so a start counts it and an end
        # (the offset after the span's last character) does not.
        i = (bisect.bisect_left(at, index) if end else bisect.bisect_right(at, index)) - 1
        return index + shift[i] if i >= 0 else index

    def as_written(self, item: _Located) -> _Located:
        """``item`` (a span, figure, date or finding) at the file's offsets, with the file's text.

        Extraction reads ``reading``, where an HTML entity is one character ("&#36;" reads "$"),
        inline markup is cut and other markup is blank; a span must still slice the file to its
        text. Its offsets are mapped back past the cuts, and a span that starts on an entity's
        character (its last, the ";") is widened to the whole entity. The spans an item holds
        (a figure's sentence, a date's, a finding's related spans) are mapped too.
        """
        if self.cuts:
            item = self._nested_as_written(item)
            start = self.offset(item.start)
            end = self.offset(item.end, end=True) if item.end > item.start else start
        else:
            if self.reading is not self.prose:  # same offsets, but some characters read otherwise
                item = self._nested_as_written(item)
            start, end = item.start, item.end
        text = self.text
        if end > start and text[start] == ";" and self.prose[start] != ";":
            from verify.markup import ENTITY

            amp = text.rfind("&", max(0, start - 10), start)
            if amp >= 0 and ENTITY.fullmatch(text, amp, start + 1):
                start = amp
        if start == item.start and end == item.end and len(item.text) == end - start and text.startswith(item.text, start):
            return item
        return attrs.evolve(item, start=start, end=end, text=text[start:end])  # type: ignore[misc]

    def _nested_as_written(self, item: _Located) -> _Located:
        """``item`` with the spans it holds mapped (its own offsets are left to the caller)."""
        changes: dict[str, object] = {}
        context = getattr(item, "_context", None)  # a figure's, perhaps not read yet: keep it so
        if type(context) is Deferred:
            changes["context"] = Deferred(self._context_as_written, context)
        elif context is not None:
            sentence = self.as_written(context.sentence)
            if sentence is not context.sentence:
                changes["context"] = attrs.evolve(context, sentence=sentence)
        sentence = getattr(item, "sentence", None)
        if sentence is not None:
            mapped_sentence = self.as_written(sentence)
            if mapped_sentence is not sentence:
                changes["sentence"] = mapped_sentence
        related = getattr(item, "related", None)
        if related:
            mapped = tuple(self.as_written(span) for span in related)
            if any(a is not b for a, b in zip(mapped, related)):
                changes["related"] = mapped
        return attrs.evolve(item, **changes) if changes else item  # type: ignore[misc]

    def _context_as_written(self, context: Deferred) -> Context:
        read = context.get()
        return attrs.evolve(read, sentence=self.as_written(read.sentence))

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
