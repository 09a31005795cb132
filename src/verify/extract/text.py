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
_BOUNDARY = re.compile(r"""[.!?\r\n](?:(?<=[.!?])["”’')\]]*(?=[ \t]+["“‘(\[]?[A-Z0-9])|(?<=\r)\n|(?<=\n))""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]{0,11})\.$")
_QUOTE_CHARS = "\"“”"
_QUOTE = re.compile(f"[{_QUOTE_CHARS}]")
_OPENERS = set(" \t\r\n([{—–-/")


@attrs.frozen
class TextFrame:
    """The sentences, paragraphs and quotations of one prose text."""

    prose: str
    sentences: tuple[Span, ...]
    paragraphs: tuple[Span, ...]
    quotations: tuple[Span, ...]
    _sentence_starts: tuple[int, ...] = attrs.field(eq=False, repr=False)
    _quote_starts: tuple[int, ...] = attrs.field(eq=False, repr=False)

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


def split_paragraphs(prose: str) -> tuple[Span, ...]:
    """Paragraphs: stretches between blank lines; in text with no blank line, each line."""
    # "\r\n|\n", not "\r?\n": a pattern that opens with a literal is scanned for by its first character.
    separator = r"(?:\r\n|\n)[ \t]*\r?\n" if re.search(r"\n[ \t]*\r?\n", prose) else r"\r\n|\n"
    spans: list[Span] = []
    start = 0
    for m in re.finditer(separator, prose):
        _add(spans, prose, start, m.start())
        start = m.end()
    _add(spans, prose, start, len(prose))
    return tuple(spans)


def find_quotations(prose: str, paragraphs: tuple[Span, ...]) -> tuple[Span, ...]:
    """Direct quotations: an opening double quote to the next closing one in its paragraph.

    News copy mixes straight and curly quotes ("“…," Biden said), so a quote character opens
    when it follows white space or an opening bracket and closes otherwise. A quotation left
    open runs to the end of its paragraph (the convention for quotes that continue).
    """
    spans: list[Span] = []
    for para in paragraphs:
        opened: int | None = None
        for m in _QUOTE.finditer(prose, para.start, para.end):
            i = m.start()
            ch = prose[i]
            before = prose[i - 1] if i > para.start else " "
            opening = ch == "“" or (ch == '"' and (i == para.start or before in _OPENERS))
            if opened is None and opening:
                opened = i
            elif opened is not None and not opening or opened is not None and ch == "”":
                spans.append(Span(opened, i + 1, prose[opened : i + 1]))
                opened = None
        if opened is not None:
            spans.append(Span(opened, para.end, prose[opened : para.end]))
    return tuple(spans)


def frame(prose: str) -> TextFrame:
    """Split ``prose`` into sentences, paragraphs and quotations."""
    sentences = split_sentences(prose)
    paragraphs = split_paragraphs(prose)
    quotations = find_quotations(prose, paragraphs)
    return TextFrame(
        prose,
        sentences,
        paragraphs,
        quotations,
        tuple(s.start for s in sentences),
        tuple(q.start for q in quotations),
    )


__all__ = ["ABBREVIATIONS", "TextFrame", "frame", "split_paragraphs", "split_sentences"]
