"""A line break's boundary takes the blank lines after it without changing a sentence."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from verify.extract.text import _abbreviation_before, split_sentences
from verify.model import Span

# The boundary as it was before it took the white space after a line break: each line break
# on its own, so that every blank line made an empty piece to drop.
_ONE_BREAK = re.compile(r"""[.!?\r\n](?:(?<=[.!?])["”’')\]]*(?=[ \t]+["“‘(\[]?[A-Z0-9])|(?<=\r)\n|(?<=\n))""")


def reference_sentences(prose: str) -> tuple[Span, ...]:
    """Pieces between single-break boundaries, trimmed, empty ones dropped."""
    spans: list[Span] = []
    start = 0
    for m in _ONE_BREAK.finditer(prose):
        cut = m.start()
        if prose[cut] not in "\r\n":
            if _abbreviation_before(prose, cut):
                continue
            cut = m.end()
        piece = prose[start:cut]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append(Span(start + lead, start + lead + len(piece.strip()), piece.strip()))
        start = m.end()
    piece = prose[start:]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        spans.append(Span(start + lead, start + lead + len(piece.strip()), piece.strip()))
    return tuple(spans)


# Stops, breaks of every kind, the spaces a boundary takes and ones it does not (form feed,
# no-break space), capitals and an abbreviation's letters.
SENTENCY = st.text(alphabet='aU. !?\n\r\t\x0c\u00a0"”)A1S', max_size=80)


@settings(max_examples=3000, deadline=None)
@given(SENTENCY)
def test_sentences_are_the_single_break_ones(prose: str) -> None:
    """Same sentence spans on any text as splitting at each line break on its own."""
    assert split_sentences(prose) == reference_sentences(prose)


def test_blank_lines_and_masked_markup_between_sentences() -> None:
    """Blank lines, indented blank lines and CRLF runs between two lines leave two sentences."""
    prose = "First line\n   \n\t\r\n\r\n      \nSecond line."
    assert [s.text for s in split_sentences(prose)] == ["First line", "Second line."]
    assert split_sentences(prose) == reference_sentences(prose)
