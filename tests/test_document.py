"""Documents: publication dates, masking that keeps offsets, and line/column positions."""

from __future__ import annotations

import datetime as dt

import pytest

import verify
from verify.document import Document, parse_published
from verify.errors import InputError


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-12-08", dt.date(2021, 12, 8)),
        ("2021-12-08T10:30:00Z", dt.date(2021, 12, 8)),
        (dt.date(2021, 12, 8), dt.date(2021, 12, 8)),
        (dt.datetime(2021, 12, 8, 23, 59), dt.date(2021, 12, 8)),
        (None, None),
    ],
)
def test_parse_published_accepts_dates_and_iso_strings(value, expected) -> None:
    """A date, a datetime or an ISO string becomes a date; None stays None."""
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["December 8", "2021-13-01", "yesterday", 20211208])
def test_parse_published_rejects_what_is_not_an_iso_date(value) -> None:
    """Anything but an ISO date is an InputError that says what was expected."""
    with pytest.raises(InputError, match="YYYY-MM-DD|ISO"):
        parse_published(value)


def test_position_is_one_based_line_and_column() -> None:
    """Offsets map to 1-based lines and columns across \\n and \\r\\n line breaks."""
    doc = Document.from_text("ab\r\ncd\nef")
    assert doc.position(0) == (1, 1)
    assert doc.position(4) == (2, 1)
    assert doc.position(8) == (3, 2)
    assert doc.line_text(2) == "cd"


MARKDOWN = """---
title: Aid "update"
published: 2021-12-08
---
# Heading with 12 items

Some **bold $5 million** text with a [link 3](https://example.com/7) and `code 9`.

```
42 in a code block
```
<!-- 99 in a comment -->
"""


def test_markdown_masking_keeps_length_and_hides_markup() -> None:
    """Front matter, code, comments and link targets are masked; prose keeps its offsets."""
    doc = Document.from_text(MARKDOWN, path="story.md")
    assert len(doc.prose) == len(doc.text)
    assert doc.prose.count("\n") == doc.text.count("\n")
    assert doc.published == dt.date(2021, 12, 8)
    for hidden in ("42", "99", "example.com", "code 9", "title", "**"):
        assert hidden not in doc.prose
    for kept in ("Heading with 12 items", "bold $5 million", "link 3"):
        start = doc.text.index(kept)
        assert doc.prose[start : start + len(kept)] == kept


HTML = """<html><head><meta property="article:published_time" content="2021-12-08T09:00:00Z">
<style>p { width: 100px }</style><script>var x = 250;</script></head>
<body><p>About &amp; around <b>$2.5 billion</b> in aid.</p></body></html>"""


def test_html_masking_keeps_text_and_reads_the_published_time() -> None:
    """Tags, scripts and styles are masked; text and entities keep their offsets."""
    doc = Document.from_text(HTML, path="story.html")
    assert len(doc.prose) == len(doc.text)
    assert doc.published == dt.date(2021, 12, 8)
    assert "250" not in doc.prose and "100px" not in doc.prose
    start = doc.text.index("$2.5 billion")
    assert doc.prose[start : start + 12] == "$2.5 billion"
    assert "About     & around" in doc.prose  # "&amp;" is read as "&", at the entity's end


def test_an_entity_reads_as_its_character_next_to_what_follows() -> None:
    """"&pound;5m" is five million pounds; spans still slice the file to their text."""
    text = "<p>It cost &pound;5m and &#36;250 billion, Article 5&#36;.</p>"
    report = verify.check(text, format="html", published="2021-12-08")
    money = [(f.text, f.unit) for f in report.figures if f.kind == "money"]
    # "Article 5&#36;" is shown "Article 5$", which is read as the plain text is.
    plain = verify.check("It cost £5m and $250 billion, Article 5$.", published="2021-12-08")
    assert [f.unit for f in plain.figures if f.kind == "money"] == ["GBP", "USD", "USD"]
    assert money == [("&pound;5m", "GBP"), ("&#36;250 billion", "USD"), ("5&#36;", "USD")]
    for item in (*report.figures, *report.dates, *report.findings):
        assert text[item.start : item.end] == item.text


def test_explicit_published_wins_over_metadata() -> None:
    """An explicit publication date overrides the file's own."""
    doc = Document.from_text(MARKDOWN, path="story.md", published="2022-01-01")
    assert doc.published == dt.date(2022, 1, 1)


def test_bad_front_matter_date_is_an_input_error_naming_the_file() -> None:
    """A front matter date that is not ISO is an InputError with the path."""
    with pytest.raises(InputError, match="story.md"):
        Document.from_text("---\ndate: last Tuesday\n---\nText.\n", path="story.md")


@pytest.mark.parametrize(
    "head",
    [
        '<meta content="2021-12-08T09:00:00Z" property="article:published_time">',
        "<meta name='pubdate' content='2021-12-08'>",
        '<time class="dt" datetime="2021-12-08">8 December</time>',
    ],
)
def test_html_publication_date_from_meta_or_time_in_any_attribute_order(head: str) -> None:
    """<meta> and <time> give the publication date whatever the order of their attributes."""
    doc = Document.from_text(f"<html><head>{head}</head><body><p>Text.</p></body></html>", path="a.html")
    assert doc.published == dt.date(2021, 12, 8)
