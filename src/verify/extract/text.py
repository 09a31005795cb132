"""Sentences, paragraphs and direct quotations: the frame figures and dates are read in.

All of it is one linear pass of compiled patterns over the prose. A sentence ends at ".", "!" or
"?" (with any closing quote or bracket) before white space and a capital, digit or opening
quote, unless the word before the stop is an abbreviation ("U.S.", "Dec.", "Mr."); a line break
ends a sentence too, as news copy puts one paragraph on a line.
"""

from __future__ import annotations

import bisect
import re

import attrs

from verify.model import Span

# Words that end with a full stop without ending the sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sen rep gov gen col lt sgt capt adm maj cmdr st jr sr rev hon pres
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    no nos vs etc approx est inc corp co ltd dept univ ave blvd mt ft fig vol pp op
    a.m p.m u.s u.k u.n e.u d.c u.s.a n.y l.a i.e e.g
    """.split()
)

# A sentence boundary: a stop (with any closing quotes or brackets) before white space and a
# capital, digit or opening quote, or a line break. The match starts with the stop or the break
# character itself, so sre scans for the few characters in its first class instead of trying
# the pattern at every position.
# A line break takes the white space after it (blank lines, masked markup) into the same
# match: each line of it would only make an empty piece for :func:`_add` to drop.
_BOUNDARY = re.compile(r"""[.!?\r\n](?:(?<=[.!?])["”’')\]]*(?=[ \t]+["“‘(\[]?[A-Z0-9])|(?:(?<=\r)\n|(?<=\n))[ \t\r\n]*)""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]{0,11})\.$")
_QUOTE_CHARS = "\"“”"
_QUOTE = re.compile(f"[{_QUOTE_CHARS}]")
_OPENERS = set(" \t\r\n([{—–-/")


@attrs.frozen
class TextFrame:
    """The sentences, paragraphs and quotations of one prose text."""

    prose: str
    sentences: tuple[Span, ...]
    quotations: tuple[Span, ...]
    _sentence_starts: tuple[int, ...] = attrs.field(eq=False, repr=False)
    _quote_starts: tuple[int, ...] = attrs.field(eq=False, repr=False)
    # The paragraphs, split on first use (extraction needs only where they end, for quotations).
    _paragraphs: tuple[Span, ...] | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def paragraphs(self) -> tuple[Span, ...]:
        if self._paragraphs is None:
            object.__setattr__(self, "_paragraphs", split_paragraphs(self.prose))
        return self._paragraphs  # type: ignore[return-value]

    def sentence_index(self, offset: int) -> int:
        """The index of the sentence that holds ``offset``."""
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        return index if index > 0 else 0  # not max(): a builtin call costs more than the test

    def sentence_at(self, offset: int) -> Span:
        return self.sentences[self.sentence_index(offset)] if self.sentences else Span(0, 0, "")

    def paragraph_at(self, offset: int) -> Span:
        starts = [p.start for p in self.paragraphs]
        index = max(0, bisect.bisect_right(starts, offset) - 1)
        return self.paragraphs[index] if self.paragraphs else Span(0, 0, "")

    def quoted(self, start: int, end: int | None = None) -> bool:
        """Whether the stretch ``start``..``end`` lies inside a direct quotation."""
        end = start if end is None else end
        index = bisect.bisect_right(self._quote_starts, start) - 1
        if index < 0:
            return False
        quote = self.quotations[index]
        return quote.start <= start and end <= quote.end


def _abbreviation_before(prose: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` closes an abbreviation or an initial."""
    if prose[stop] != ".":
        return False
    lo = max(0, stop - 12)
    match = _WORD_BEFORE.search(prose[lo : stop + 1])
    if not match:
        return False
    word = match.group(1).lower()
    if word in ABBREVIATIONS:
        return True
    # Initials and dotted acronyms: "J.", "U.S.", "D.C."
    return len(word.replace(".", "")) <= 1 or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


def split_sentences(prose: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    start = 0
    for m in _BOUNDARY.finditer(prose):
        cut = m.start()
        if prose[cut] not in "\r\n":
            if _abbreviation_before(prose, cut):  # the match starts at the stop
                # "U.S. President": an abbreviation may still end a sentence before a capital,
                # but it rarely does in news copy; keep reading.
                continue
            cut = m.end()
        _add(spans, prose, start, cut)
        start = m.end()
    _add(spans, prose, start, len(prose))
    return tuple(spans)


def _add(spans: list[Span], prose: str, start: int, end: int) -> None:
    piece = prose[start:end]
    text = piece.strip()  # the same white space as str.isspace, trimmed in C (masked markup is long)
    if text:
        start += len(piece) - len(piece.lstrip())
        spans.append(Span(start, start + len(text), text))


def _paragraph_break(prose: str) -> re.Pattern[str]:
    """What ends a paragraph: a blank line, or in text with no blank line, a line break."""
    # "\r\n|\n", not "\r?\n": a pattern that opens with a literal is scanned for by its first character.
    return _BLANK_LINE if _HAS_BLANK_LINE.search(prose) else _LINE_BREAK


_HAS_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")
_BLANK_LINE = re.compile(r"(?:\r\n|\n)[ \t]*\r?\n")
_LINE_BREAK = re.compile(r"\r\n|\n")


def split_paragraphs(prose: str) -> tuple[Span, ...]:
    """Paragraphs: stretches between blank lines; in text with no blank line, each line."""
    spans: list[Span] = []
    start = 0
    for m in _paragraph_break(prose).finditer(prose):
        _add(spans, prose, start, m.start())
        start = m.end()
    _add(spans, prose, start, len(prose))
    return tuple(spans)


def find_quotations(prose: str) -> tuple[Span, ...]:
    """Direct quotations: an opening double quote to the next closing one in its paragraph.

    News copy mixes straight and curly quotes ("“…," Biden said), so a quote character opens
    when it follows white space, a dash, a slash or an opening bracket (or starts the text) and
    closes otherwise. A quotation left open runs to the end of its paragraph (the convention for
    quotes that continue). Paragraphs are not split: only the breaks after an open quote are
    looked for.
    """
    spans: list[Span] = []
    breaks = None
    opened: int | None = None
    checked = 0  # no paragraph break lies between the open quote and here (each stretch read once)
    for m in _QUOTE.finditer(prose):
        i = m.start()
        if opened is not None:
            breaks = breaks or _paragraph_break(prose)
            gap = breaks.search(prose, checked, i)
            if gap:  # the paragraph ended first: the quotation runs to its end
                _close_at_paragraph_end(spans, prose, opened, gap.start())
                opened = None
        checked = i
        ch = prose[i]
        opening = ch == "“" or (ch == '"' and (i == 0 or prose[i - 1] in _OPENERS or prose[i - 1].isspace()))
        if opened is None and opening:
            opened = i
        elif opened is not None and not opening or opened is not None and ch == "”":
            spans.append(Span(opened, i + 1, prose[opened : i + 1]))
            opened = None
    if opened is not None:
        gap = (breaks or _paragraph_break(prose)).search(prose, checked)
        _close_at_paragraph_end(spans, prose, opened, gap.start() if gap else len(prose))
    return tuple(spans)


def _close_at_paragraph_end(spans: list[Span], prose: str, opened: int, end: int) -> None:
    """Close the quotation opened at ``opened`` where its paragraph's text ends (before ``end``)."""
    end = opened + len(prose[opened:end].rstrip())
    spans.append(Span(opened, end, prose[opened:end]))


def frame(prose: str) -> TextFrame:
    """Split ``prose`` into sentences, paragraphs and quotations."""
    sentences = split_sentences(prose)
    quotations = find_quotations(prose) if _QUOTE.search(prose) else ()
    return TextFrame(
        prose,
        sentences,
        quotations,
        tuple(s.start for s in sentences),
        tuple(q.start for q in quotations),
    )


__all__ = ["ABBREVIATIONS", "TextFrame", "frame", "split_paragraphs", "split_sentences"]
