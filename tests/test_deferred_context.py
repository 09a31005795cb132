"""A figure's context is read when first asked for, and is then what an eager read gives."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import verify
from verify.extract import context as C
from verify.extract.context import ContextReader
from verify.extract.text import frame
from verify.model import Context, Deferred, Span

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ARTICLES = sorted(FIXTURES.rglob("*.md")) + sorted(FIXTURES.rglob("*.txt"))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_a_deferred_context_is_the_eager_one(path: Path) -> None:
    """Every figure of every fixture (read as plain text) has the context a fresh reader gives."""
    text = path.read_text(encoding="utf-8")
    extraction = verify.extract(text, published="2021-12-08")
    eager = ContextReader(frame(extraction.document.reading))
    for figure in reversed(extraction.figures):  # out of text order: each sentence still read right
        assert figure.context == eager.context(figure.start, figure.end), figure


def test_the_readers_run_only_when_a_context_is_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    """Extracting reads no source, modal word or scope; asking for one figure's reads its sentence."""
    calls: list[str] = []
    real = C._attributions
    monkeypatch.setattr(C, "_attributions", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    extraction = verify.extract(
        "Officials said 300 troops came, the Pentagon said. Later 12 more, according to the mayor.",
        published="2021-12-08",
    )
    assert len(extraction.figures) == 2 and calls == []
    assert extraction.figures[1].context.attribution == "the mayor"
    assert calls == ["Later 12 more, according to the mayor."]


def test_markup_maps_a_deferred_sentence_to_the_file() -> None:
    """In HTML the context's sentence, read late, still slices the file."""
    text = "<p>The U.S. has given <b>$2.5</b> billion since 2014, officials said.</p>"
    (figure,) = verify.extract(text, format="html", published="2021-12-08").figures
    sentence = figure.context.sentence
    assert text[sentence.start : sentence.end] == sentence.text and figure.context.attribution == "officials"


def test_deferred_compares_hashes_and_pickles_as_its_value() -> None:
    """Figures with a deferred and an eager context are equal; a pickle holds the plain Context."""
    value = Context(sentence=Span(0, 3, "abc"), attribution="x")
    deferred = Deferred(lambda: value)
    assert deferred == value and value == deferred and hash(deferred) == hash(value)
    assert type(pickle.loads(pickle.dumps(Deferred(lambda: value)))) is Context
    (a,) = verify.extract("Officials said 300 troops came.").figures
    restored = pickle.loads(pickle.dumps(a))
    assert type(restored._context) is Context and restored == a and hash(restored) == hash(a)
