"""Inline markup is read as it is shown: "<b>$2.5</b> billion" is $2.5 billion, not $2.5.

HTML and Markdown are masked to blanks of the same length (``Document.prose``); inline markup
inside a phrase would leave a run of blanks that splits it, so extraction reads
``Document.reading``, where those runs are cut, and every span is mapped back to the file.
"""

from __future__ import annotations

import html
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import verify
from verify.document import Document

PUBLISHED = "2021-12-08"


def _figures(report: verify.Report | verify.Extraction) -> list[tuple]:
    return [(f.kind, f.magnitude, f.unit, f.interval, f.noun) for f in report.figures]


def _dates(report: verify.Report | verify.Extraction) -> list[tuple]:
    return [(d.earliest, d.latest, d.granularity, d.weekday) for d in report.dates]


def _spans_slice_the_file(text: str, report: verify.Report) -> None:
    for item in (*report.figures, *report.dates, *report.findings):
        assert text[item.start : item.end] == item.text, item
    for figure in report.figures:
        sentence = figure.context.sentence
        assert text[sentence.start : sentence.end] == sentence.text
    for date in report.dates:
        if date.sentence is not None:
            assert text[date.sentence.start : date.sentence.end] == date.sentence.text
    for finding in report.findings:
        for span in finding.related:
            assert text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    ("markup", "fmt"),
    [
        ("<p>The U.S. has given <b>$2.5</b> billion since 2014.</p>", "html"),
        ("<p>The U.S. has given $2.5&nbsp;billion since 2014.</p>", "html"),
        ("<p>The U.S. has given <a href='/aid'>$2.5</a> <em>billion</em> since 2014.</p>", "html"),
        ("<p>The U.S. has given &#36;2.5 <span class=n>billion</span> since&nbsp;2014.</p>", "html"),
        ("The U.S. has given **$2.5** billion since 2014.", "markdown"),
        ("The U.S. has given [$2.5](https://example.com/aid) billion since 2014.", "markdown"),
    ],
)
def test_inline_markup_inside_a_figure_reads_as_the_plain_text(markup: str, fmt: str) -> None:
    """The figure and date are the plain sentence's, with spans that slice the file."""
    plain = verify.check("The U.S. has given $2.5 billion since 2014.", published=PUBLISHED)
    report = verify.check(markup, published=PUBLISHED, format=fmt)
    assert _figures(report) == _figures(plain) and _figures(plain)[0][1] == 2.5e9
    assert _dates(report) == _dates(plain)
    _spans_slice_the_file(markup, report)


def test_a_figure_span_runs_from_its_first_to_its_last_character_in_the_file() -> None:
    """The span starts at the figure's first shown character and ends after its last."""
    text = "<p>It cost <b>$2.5</b> billion, 5&nbsp;million more than on <time>December&nbsp;10</time>.</p>"
    report = verify.check(text, published=PUBLISHED, format="html")
    assert [f.text for f in report.figures] == ["$2.5</b> billion", "5&nbsp;million"]
    assert [d.text for d in report.dates] == ["December&nbsp;10"]


def test_markup_between_two_words_keeps_them_apart() -> None:
    """"B9**twenty" and "<em>one</em>two" are not read as one word: a stray mark is often literal."""
    doc = Document.from_text("The B9**twenty and <em>one</em>two.", format="markdown")
    assert "B9 twenty" in doc.reading and "one two" in doc.reading


def test_block_markup_and_line_breaks_are_not_cut() -> None:
    """Paragraph tags and comments still separate; a line break inside a tag is kept."""
    doc = Document.from_text("<p>First 12.</p><p>Then 5</p>\n<b\n>million</b>", format="html")
    assert "12.       Then 5" in doc.reading
    assert doc.reading.count("\n") == doc.text.count("\n")


def test_plain_text_has_no_cuts_and_reads_as_itself() -> None:
    """Without markup the reading is the prose itself and offsets map to themselves."""
    doc = Document.from_text("It cost <b>$2.5</b> billion.")  # plain text: tags are text
    assert doc.cuts == () and doc.reading is doc.prose
    assert doc.offset(10) == 10 and doc.offset(10, end=True) == 10


def test_offsets_map_starts_after_a_cut_and_ends_before_it() -> None:
    """A start at a cut is the character after it; an end there is the one before it."""
    doc = Document.from_text("a <b>cd</b>.", format="html")
    assert doc.reading == "a cd."
    assert doc.offset(2) == 5  # "c"
    assert doc.offset(2, end=True) == 2  # after the blank before "<b>"
    assert doc.offset(4) == 11 and doc.offset(4, end=True) == 7  # "."; after "d"
    assert doc.offset(5, end=True) == 12


# --- The property: HTML made from plain copy reads as the copy --------------------------------

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _sentences() -> list[str]:
    """Lines of prose from the fixture articles (annotations and front matter left out)."""
    found = []
    for path in sorted(FIXTURES.rglob("*.md")) + sorted(FIXTURES.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
        text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
        for line in text.splitlines():
            line = line.strip()
            if len(line) > 40 and re.search(r"\d", line) and not re.search(r"[<>&*_\[\]`#]", line):
                found.append(line)
    return found


SENTENCES = _sentences()
INLINE = ("b", "strong", "em", "i", "span class=\"figure\"", "a href=\"https://example.com/2021/12/08\"")
ENTITIES = {"$": "&#36;", "%": "&#37;", "£": "&pound;", "€": "&euro;", "’": "&rsquo;", "—": "&mdash;"}


def _as_html(line: str, rng: random.Random) -> str:
    """``line`` as a CMS might write it: words in inline tags, symbols as entities, &nbsp;."""
    out = []
    for piece in re.split(r"( )", line):
        if piece == " ":
            out.append("&nbsp;" if rng.random() < 0.2 else " ")
            continue
        word = "".join(
            ENTITIES[ch] if ch in ENTITIES and rng.random() < 0.7 else html.escape(ch, quote=False)
            for ch in piece
        )
        if rng.random() < 0.3:
            tag = rng.choice(INLINE)
            word = f"<{tag}>{word}</{tag.split()[0]}>"
        out.append(word)
    return "<p>" + "".join(out) + "</p>"


def test_the_fixtures_give_enough_sentences() -> None:
    """The property below draws from a real spread of copy, not a handful of lines."""
    assert len(SENTENCES) >= 100


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(SENTENCES), st.randoms(use_true_random=False))
def test_html_made_from_plain_copy_reads_as_the_copy(line: str, rng: random.Random) -> None:
    """Tags at word edges, entities and &nbsp; change no figure, date or finding."""
    markup = _as_html(line, rng)
    plain = verify.check(line.replace("\u00a0", " "), published=PUBLISHED)
    report = verify.check(markup, published=PUBLISHED, format="html")
    assert _figures(report) == _figures(plain), markup
    assert _dates(report) == _dates(plain), markup
    assert [f.rule for f in report.findings] == [f.rule for f in plain.findings], markup
    _spans_slice_the_file(markup, report)


def _as_markdown(line: str, rng: random.Random) -> str:
    """``line`` as Markdown: words in emphasis or links (marks at word edges only)."""
    out = []
    for piece in re.split(r"( )", line):
        if piece != " " and rng.random() < 0.3:
            piece = rng.choice(("**{}**", "*{}*", "__{}__", "[{}](https://example.com/a-1)")).format(piece)
        out.append(piece)
    return "".join(out)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(SENTENCES), st.randoms(use_true_random=False))
def test_markdown_made_from_plain_copy_reads_as_the_copy(line: str, rng: random.Random) -> None:
    """Emphasis and links around words change no figure, date or finding."""
    markup = _as_markdown(line, rng)
    plain = verify.check(line, published=PUBLISHED)
    report = verify.check(markup, published=PUBLISHED, format="markdown")
    assert _figures(report) == _figures(plain), markup
    assert _dates(report) == _dates(plain), markup
    assert [f.rule for f in report.findings] == [f.rule for f in plain.findings], markup
    _spans_slice_the_file(markup, report)


LOOKALIKES = {"s": "ſ", "i": "ı", "I": "İ", "K": "\u212a"}


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(SENTENCES), st.randoms(use_true_random=False))
def test_ascii_lookalikes_read_as_their_letters(line: str, rng: random.Random) -> None:
    """"ſecond", "fırst", "İstanbul": letters case-blind matching reads as ASCII change nothing
    (they used to reach tables keyed in ASCII and fail there)."""
    odd = "".join(LOOKALIKES[c] if c in LOOKALIKES and rng.random() < 0.3 else c for c in line)
    plain = verify.check(line, published=PUBLISHED)
    report = verify.check(odd, published=PUBLISHED)
    assert _figures(report) == _figures(plain), odd
    assert _dates(report) == _dates(plain), odd
    assert [f.rule for f in report.findings] == [f.rule for f in plain.findings], odd
    _spans_slice_the_file(odd, report)


@pytest.mark.parametrize(
    "text", ["the ſecond Monday of May", "THE FİRST MONDAY OF MAY", "two dayſ later", "the ſixth of May"]
)
def test_lookalikes_that_used_to_fail_are_read(text: str) -> None:
    """These raised KeyError in the date and unit tables; now they read as their ASCII twins."""
    twin = text.replace("ſ", "s").replace("İ", "I")
    report = verify.check(text, published=PUBLISHED)
    assert _dates(report) == _dates(verify.check(twin, published=PUBLISHED)) != []


def test_plain_text_with_no_break_spaces_keeps_the_files_text() -> None:
    """Plain text read with its no-break spaces as spaces still reports the file's characters."""
    text = "On\u00a0December\u00a010, officials said 5\u00a0million people voted."
    report = verify.check(text, published=PUBLISHED)
    assert [f.magnitude for f in report.figures] == [5e6] and len(report.dates) == 1
    _spans_slice_the_file(text, report)
