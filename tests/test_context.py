"""A figure's context: attribution, modality and time scope, read from its sentence and clause."""

from __future__ import annotations

import pytest

from verify.extract.context import ContextReader, attribution_in, modality_in, scope_in
from verify.extract.figures import find_figures
from verify.extract.text import frame
from verify.model import Context

SEED = (
    "The talks came amid a buildup of Russian troops near the Ukraine border. Ukrainian officials "
    "put the number at just below 100,000, while U.S. intelligence has warned the figure could "
    "reach 150,000 in the near future."
)


def context(text: str, span: str) -> Context:
    hits = [f for f in find_figures(text, frame(text)) if f.text == span]
    assert hits, f"no figure {span!r} in {text!r}"
    assert hits[0].context is not None
    return hits[0].context


def test_each_clause_keeps_its_own_source() -> None:
    """Two figures in one sentence, split by ", while", each take their own clause's source."""
    assert context(SEED, "just below 100,000").attribution == "Ukrainian officials"
    assert context(SEED, "150,000").attribution == "U.S. intelligence"


def test_could_reach_is_a_projection() -> None:
    """"the figure could reach 150,000" is a projection, with its modal words."""
    ctx = context(SEED, "150,000")
    assert (ctx.modality, ctx.modal) == ("projection", "could reach")
    assert context(SEED, "just below 100,000").modality == "reported"


# (sentence, figure text, attribution)
ATTRIBUTIONS = [
    ("Inflation hit 7.5% in November, the Labor Department said.", "7.5%", "the Labor Department"),
    ("According to the United Nations, 2 million people fled.", "2 million", "the United Nations"),
    ("Some 300 people died, according to local health officials.", "Some 300", "local health officials"),
    ("The Pentagon estimated 5,000 troops were in place.", "5,000", "The Pentagon"),
    ("Biden told reporters that 40 allies agreed.", "40", "Biden"),
    ("Prices rose 3%, said Jane Smith, an economist.", "3%", "Jane Smith"),
    ("He said 20 people came.", "20", None),
    ("The U.N. said at least 1,000 civilians died.", "at least 1,000", "The U.N."),
    ("A poll of 1,015 adults found 40% agreed.", "40%", None),
    ("The U.S. has provided more than $250 billion in arms.", "more than $250 billion", None),
]


@pytest.mark.parametrize(("text", "span", "who"), ATTRIBUTIONS, ids=[a[0] for a in ATTRIBUTIONS])
def test_attribution(text: str, span: str, who: str | None) -> None:
    """The source is the phrase after "according to" or before a verb of saying, as written."""
    assert context(text, span).attribution == who


# (sentence, figure text, modality)
MODALITIES = [
    ("Sales may reach $5 billion.", "$5 billion", "projection"),
    ("Sales are expected to reach $5 billion.", "$5 billion", "projection"),
    ("The deficit will top 4% of output.", "4%", "projection"),
    ("Output is projected at 2.1%.", "2.1%", "projection"),
    ("An estimated 10,000 people live there.", "An estimated 10,000", "estimate"),
    ("Officials estimated 3,000 homes were lost.", "3,000", "estimate"),
    ("About 3,000 homes were lost.", "About 3,000", "reported"),
    ("Biden said it would involve four allies.", "four", "reported"),
    ("Sales reached $5 billion in May.", "$5 billion", "reported"),
    ("It employs about 1,500 people in 30 countries and plans to hire more.", "about 1,500", "reported"),
    ("Some 150,000 troops could be deployed.", "Some 150,000", "projection"),
]


@pytest.mark.parametrize(("text", "span", "modality"), MODALITIES, ids=[m[0] for m in MODALITIES])
def test_modality(text: str, span: str, modality: str) -> None:
    """Projections and estimates are told apart from figures as reported."""
    assert context(text, span).modality == modality


# (sentence, figure text, scope, start year, end year)
SCOPES = [
    ("The U.S. has provided $2.5 billion in arms since 2014.", "$2.5 billion", "since 2014", 2014, None),
    ("Sales were $5 billion in 2021.", "$5 billion", "in 2021", 2021, 2021),
    ("Sales should reach $9 billion by 2030.", "$9 billion", "by 2030", None, 2030),
    ("Sales totalled $9 billion between 2014 and 2020.", "$9 billion", "between 2014 and 2020", 2014, 2020),
    ("Sales totalled $9 billion from 2014 to 2020.", "$9 billion", "from 2014 to 2020", 2014, 2020),
    ("Sales fell 4% last year.", "4%", "last year", None, None),
    ("Sales fell 4% over the past decade.", "4%", "over the past decade", None, None),
    ("Sales fell 4%.", "4%", None, None, None),
]


@pytest.mark.parametrize(("text", "span", "scope", "lo", "hi"), SCOPES, ids=[s[0] for s in SCOPES])
def test_scope(text: str, span: str, scope: str | None, lo: int | None, hi: int | None) -> None:
    """The time scope nearest the figure, with its years when the text gives them."""
    ctx = context(text, span)
    assert (ctx.scope, ctx.scope_start, ctx.scope_end) == (scope, lo, hi)


def test_quoted_figures_say_so() -> None:
    """A figure inside a direct quotation has ``quoted`` set."""
    text = '"We lost 300 homes," the mayor said. Officials counted 200 more.'
    assert context(text, "300").quoted
    assert not context(text, "200").quoted


def test_sentence_is_the_figures_sentence() -> None:
    """The context's sentence is the one that holds the figure."""
    ctx = context(SEED, "150,000")
    assert ctx.sentence.text.startswith("Ukrainian officials")


def test_functions_read_plain_text() -> None:
    """The helpers work on a bare string, for checks that read other spans."""
    text = "Officials said the toll could reach 500."
    assert attribution_in(text, text.index("500")) == "Officials"
    assert modality_in(text, text.index("500"))[0] == "projection"
    assert scope_in("Output rose since 2014.", 0) == ("since 2014", 2014, None)


def test_reader_reads_each_sentence_once() -> None:
    """A reader caches what it read of a sentence: asking twice gives the same context."""
    reader = ContextReader(frame(SEED))
    start = SEED.index("150,000")
    assert reader.context(start, start + 7) == reader.context(start, start + 7)


def test_table_inputs_are_unique() -> None:
    """No table repeats an input."""
    for table in (ATTRIBUTIONS, MODALITIES, SCOPES):
        keys = [row[:2] for row in table]
        assert len(keys) == len(set(keys))
