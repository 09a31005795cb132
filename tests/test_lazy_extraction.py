"""A report's figures and dates are mapped to the file when first asked for, and are the same."""

from __future__ import annotations

import pickle

import verify
from verify.document import Document
from verify.extract import Extraction, as_written, read
from verify.model import Deferred

# Inline markup cuts the reading, so every span after the first cut moves in the file.
ARTICLE = (
    "---\npublished: 2021-12-08\n---\n"
    "The **U.S.** has sent *more than* [$2.5 billion](https://example.org/aid) since 2014.\n\n"
    "On <b>December 7</b>, officials said 100,000 troops were *near* the border, two days later.\n"
)


def _eager(document: Document) -> Extraction:
    """Every span mapped at once, item by item."""
    extraction = read(document)
    return Extraction(
        document,
        tuple(document.as_written(f) for f in extraction.figures),
        tuple(document.as_written(d) for d in extraction.dates),
        extraction.frame,
    )


def test_deferred_spans_are_the_eagerly_mapped_ones() -> None:
    """Figures and dates read through the deferred mapping equal the item-by-item mapping."""
    document = Document.from_text(ARTICLE, format="markdown")
    lazy, eager = as_written(read(document)), _eager(document)
    assert type(lazy._figures) is Deferred and type(lazy._dates) is Deferred
    assert lazy.figures == eager.figures and lazy.dates == eager.dates
    assert lazy.figures and lazy.dates
    for item in (*lazy.figures, *lazy.dates):
        assert ARTICLE[item.start : item.end] == item.text  # the file's own offsets and text
    assert lazy.figures is lazy.figures  # mapped once, then kept


def test_a_deferred_extraction_compares_and_pickles_as_its_tuples() -> None:
    """Equality, hashing of its items and a pickle see the mapped tuples, not the deferral."""
    document = Document.from_text(ARTICLE, format="markdown")
    lazy, eager = as_written(read(document)), _eager(document)
    assert lazy == eager and eager == lazy
    thawed = pickle.loads(pickle.dumps(as_written(read(document))))
    assert type(thawed._figures) is tuple and type(thawed._dates) is tuple
    assert thawed.figures == eager.figures and thawed.dates == eager.dates


def test_a_report_reads_the_mapped_spans() -> None:
    """``verify.check`` reports figures, dates and findings at the file's offsets."""
    report = verify.check(ARTICLE, format="markdown")
    assert [f.text for f in report.figures] == [ARTICLE[f.start : f.end] for f in report.figures]
    assert [d.text for d in report.dates] == [ARTICLE[d.start : d.end] for d in report.dates]
    assert report.to_dict()["figures"] == _eager(report.document).to_dict()["figures"]
