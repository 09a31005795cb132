"""Sentences, paragraphs and quotations: the frame that figures and dates are read in."""

from __future__ import annotations

import pytest

from verify.extract.text import frame

SENTENCE_CASES = [
    ("U.S. President Joe Biden spoke. He left.", ["U.S. President Joe Biden spoke.", "He left."]),
    ("It was signed Dec. 9 in Washington. Then it ended.", ["It was signed Dec. 9 in Washington.", "Then it ended."]),
    ("Mr. Smith said 3.5 percent. Ms. Jones agreed!", ["Mr. Smith said 3.5 percent.", "Ms. Jones agreed!"]),
    ('"We will win." Then he left.', ['"We will win."', "Then he left."]),
    ("First line\nSecond line", ["First line", "Second line"]),
    ("Is it 2021? Yes, it is.", ["Is it 2021?", "Yes, it is."]),
]


def test_sentence_cases_are_unique() -> None:
    """The table holds no duplicate inputs."""
    inputs = [text for text, _ in SENTENCE_CASES]
    assert len(inputs) == len(set(inputs))


@pytest.mark.parametrize(("text", "expected"), SENTENCE_CASES)
def test_sentences(text: str, expected: list[str]) -> None:
    """Sentences end at terminal punctuation and line breaks, not after abbreviations."""
    assert [s.text for s in frame(text).sentences] == expected


def test_sentence_spans_slice_the_text() -> None:
    """Every sentence span slices the prose to its text."""
    text = "One. Two, said Dr. Who. Three!\n\nFour?"
    for span in frame(text).sentences:
        assert text[span.start : span.end] == span.text


def test_quotations_pair_mixed_straight_and_curly_quotes() -> None:
    """A quote opened with a curly mark and closed with a straight one is one quotation."""
    text = 'He would discuss “the front [in Ukraine]," Biden told reporters.'
    f = frame(text)
    assert [q.text for q in f.quotations] == ['“the front [in Ukraine],"']
    assert f.quoted(text.index("front"), text.index("front") + 5)
    assert not f.quoted(text.index("Biden"), text.index("Biden") + 5)


def test_unclosed_quotation_runs_to_the_end_of_its_paragraph() -> None:
    """A quotation left open continues to the paragraph's end, and no further."""
    text = '"We will stay, he said.\n\nThe minister left.'
    f = frame(text)
    assert f.quoted(text.index("stay"))
    assert not f.quoted(text.index("minister"))
