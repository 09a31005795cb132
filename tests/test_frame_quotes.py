"""Quotations found without splitting paragraphs are the ones found paragraph by paragraph."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import re

from verify.extract.text import _OPENERS, _QUOTE, frame, split_paragraphs
from verify.model import Span


def reference_paragraphs(prose: str) -> list[Span]:
    """Stretches between blank lines (each line when there is none), trimmed."""
    separator = r"(?:\r\n|\n)[ \t]*\r?\n" if re.search(r"\n[ \t]*\r?\n", prose) else r"\r\n|\n"
    spans, start = [], 0
    for stop, restart in [*((m.start(), m.end()) for m in re.finditer(separator, prose)), (len(prose), 0)]:
        piece = prose[start:stop]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append(Span(start + lead, start + lead + len(piece.strip()), piece.strip()))
        start = restart
    return spans


def reference_quotations(prose: str) -> tuple[Span, ...]:
    """The straightforward reading: split paragraphs, then pair quotes inside each."""
    spans: list[Span] = []
    for para in reference_paragraphs(prose):
        opened = None
        for m in _QUOTE.finditer(prose, para.start, para.end):
            i = m.start()
            ch = prose[i]
            before = prose[i - 1] if i > para.start else " "
            opening = ch == "“" or (ch == '"' and (i == para.start or before in _OPENERS or before.isspace()))
            if opened is None and opening:
                opened = i
            elif opened is not None and not opening or opened is not None and ch == "”":
                spans.append(Span(opened, i + 1, prose[opened : i + 1]))
                opened = None
        if opened is not None:
            spans.append(Span(opened, para.end, prose[opened : para.end]))
    return tuple(spans)


QUOTISH = st.text(alphabet='ab "“”\n\r\t (-/.\x0c', max_size=80)


@settings(max_examples=3000, deadline=None)
@given(QUOTISH)
def test_quotations_are_the_paragraph_by_paragraph_ones(prose: str) -> None:
    """Same spans on any text, blank-line paragraphs or one paragraph per line."""
    assert frame(prose).quotations == reference_quotations(prose)
    assert frame(prose).paragraphs == tuple(reference_paragraphs(prose))


def test_a_quote_left_open_runs_to_the_end_of_its_paragraph() -> None:
    """An unclosed quotation stops at the blank line, not at the end of the text."""
    prose = 'He said: "We will go on.\n\nThen 12 more came.'
    (quote,) = frame(prose).quotations
    assert quote.text == '"We will go on.'
    assert frame(prose).paragraphs[1].text == "Then 12 more came."
