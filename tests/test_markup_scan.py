"""The Markdown scans written for speed find exactly what the plain patterns find.

Each reference below is the straightforward pattern the masker used before: the fast forms
(comments found with ``str.find``, block markers scanned for after a line break, emphasis with
its mark first) must give the same spans on any text.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from verify import markup

COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
BLOCK_MARKER = re.compile(r"^[ \t]{0,3}(#{1,6}|>|[-*+]|\d{1,9}[.)])(?=[ \t])", re.M)
EMPHASIS = re.compile(r"(?=[*_\[\]])(?:\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|\[|\])")

# Texts made of the characters the patterns care about, so that every branch is exercised.
MARKDOWNISH = st.text(alphabet="*_[]ab \n\r\t#>-+1.)`~<!:", max_size=60)


@settings(max_examples=2000, deadline=None)
@given(MARKDOWNISH)
def test_comment_spans_are_the_patterns(text: str) -> None:
    """``<!--`` to the first ``-->`` after it, or to the end."""
    assert markup._comment_spans(text) == [m.span() for m in COMMENT.finditer(text)]


@settings(max_examples=2000, deadline=None)
@given(MARKDOWNISH)
def test_block_marker_spans_are_the_patterns(text: str) -> None:
    """Markers at the start of the text and after every line break, not after a lone "\\r"."""
    assert markup._block_marker_spans(text) == [m.span() for m in BLOCK_MARKER.finditer(text)]


@settings(max_examples=2000, deadline=None)
@given(MARKDOWNISH)
def test_emphasis_with_its_mark_first_is_the_pattern(text: str) -> None:
    """Openers, closers, "**", "__" and brackets, at the same places."""
    assert [m.span() for m in markup._EMPHASIS.finditer(text)] == [m.span() for m in EMPHASIS.finditer(text)]


def test_a_fence_and_a_link_definition_are_still_masked() -> None:
    """The scans that only run when their mark is in the text still run when it is."""
    text = "Intro 1.\n```\ncode 42\n```\n[ref]: https://example.com/7\nEnd 3.\n"
    prose = markup.mask(text, "markdown")[0]
    assert "42" not in prose and "example" not in prose and "Intro 1." in prose and "End 3." in prose
