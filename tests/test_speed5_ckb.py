"""The fifth round's shortcuts in the conflicting-figures, plausibility and reference-range checks
(tests asked before a figure's context is read, results shared) find what the plain reading finds."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.checks import conflicting_figures as cf
from verify.checks import plausibility as pl
from verify.checks import reference_range as rr
from verify.checks._base import CheckContext
from verify.config import Config
from verify.document import Document
from verify.extract import read
from verify.model import Deferred, Finding
from verify.packs import resolve

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ARTICLES = sorted(FIXTURES.rglob("*.md")) + sorted(FIXTURES.rglob("*.txt"))
#: Texts whose figures meet each other in one sentence and across sentences, restated, changed,
#: attributed and scoped: the pairs the conflict shortcuts turn away early, and the ones they keep.
TEXTS = (
    "Officials said 45 people were killed. Police said 54 people were killed in the city.",
    "The 45 dead and the 54 injured were taken away; 45 people died, the governor said, not 54 people.",
    "Some 120 homes burned, and 210 homes burned too, the mayor said. Another 20 homes burned.",
    "Troops rose from 80 troops to 120 troops. The army said 175,000 troops could be deployed by 2022.",
    "The council approved a $1.2 billion budget. The $1.2 million budget includes schools.",
    "Last year 300 workers were hired; this year 500 workers were hired, the company said.",
    "Russia has massed 100,000 troops near the border. U.S. officials said 70,000 troops were there.",
)
PACKS = resolve((), Config())


def _context(
    text: str, published: str | None = "2021-12-08", fmt: str = "text"
) -> CheckContext:
    document = Document.from_text(text, published=published, format=fmt)
    return CheckContext(read(document), PACKS, dict(Config().severity))


def _fixtures() -> Iterator[CheckContext]:
    for path in ARTICLES:
        fmt = "markdown" if path.suffix == ".md" else "text"
        yield _context(path.read_text(encoding="utf-8"), None, fmt)
        yield _context(
            path.read_text(encoding="utf-8"), "2021-12-08", fmt
        )  # the packs' window
    for text in TEXTS:
        yield _context(text)


def _key(finding: Finding) -> tuple:
    return (
        finding.rule,
        finding.start,
        finding.end,
        finding.message,
        finding.severity,
        finding.suggestion,
    )


def _unread(ctx: CheckContext) -> int:
    """How many of the figures' contexts are still unread."""
    return sum(type(f._context) is Deferred for f in ctx.extraction.figures)


# ---------------------------------------------------------------------------------------------
# reference-range: the range is compared before the context is read


def _plain_reference_range(ctx: CheckContext) -> list[Finding]:
    """The check as a plain loop: the first reference that applies and disagrees gives a finding."""
    references = [
        r for pack in ctx.packs for r in pack.references if r.applies_on(ctx.published)
    ]
    found = []
    for figure in ctx.figures:
        for reference in references:
            if rr.applies(ctx, figure, reference):
                finding = rr._compare(ctx, figure, reference)
                if finding is not None:
                    found.append(finding)
                    break
    return found


def test_reference_range_finds_what_the_plain_loop_finds() -> None:
    """Asking whether a figure meets the range before reading its context, and whether it is a
    change once per figure, gives every fixture the findings of the plain loop."""
    seen = 0
    for ctx in _fixtures():
        fast = [_key(f) for f in rr.run(ctx)]
        assert fast == [_key(f) for f in _plain_reference_range(ctx)]
        seen += len(fast)
    assert (
        seen
    )  # the fixtures hold findings of the check: the comparison is not of empty lists


def test_reference_range_reads_no_context_for_a_figure_that_meets_the_range() -> None:
    """A figure about a reference that meets its range gives no finding with its context unread;
    one that misses it has its context read (its modality and time scope decide)."""
    ctx = _context(
        "The United States has provided $2.5 billion in military aid to Ukraine since 2014."
    )
    assert not list(rr.run(ctx)) and _unread(ctx) == len(ctx.extraction.figures) == 1
    ctx = _context(
        "The United States has provided $250 billion in military aid to Ukraine since 2014."
    )
    assert [f.rule for f in rr.run(ctx)] == ["magnitude-slip"] and _unread(ctx) == 0


# ---------------------------------------------------------------------------------------------
# plausibility: a figure's sentence is the frame's


def test_plausibility_sentence_is_the_contexts_and_leaves_it_unread() -> None:
    """The sentence read from the frame for an extracted figure is its context's sentence, and
    reading it leaves the context unread."""
    for ctx in _fixtures():
        frame, prose = ctx.extraction.frame, ctx.prose
        for figure in ctx.extraction.figures:
            sentence = pl._sentence(prose, figure, frame)
            assert type(figure._context) is Deferred
            assert sentence == figure.context.sentence.text
            assert (
                pl._sentence(prose, figure, frame) == sentence
            )  # and once read, from the context


# ---------------------------------------------------------------------------------------------
# conflicting-figures: the clause tests before the contexts


def _plain_pairs(ctx: CheckContext) -> list[Finding]:
    """The pair loop with every test in the order of its reading: numbers, then same_subject
    whole (no test turned out before a context is read)."""
    keys = [
        cf._Key(ctx.extraction.frame, f)
        for f in ctx.figures
        if f.kind in cf._COMPARABLE_KINDS
    ]
    profiles: dict[int, cf.Profile] = {}
    found = []
    for kb, earlier in cf._candidates(keys):
        for ka in earlier:
            a = profiles.setdefault(id(ka), cf.Profile(ctx, ka.figure, ka))
            b = profiles.setdefault(id(kb), cf.Profile(ctx, kb.figure, kb))
            k = cf._restated(a, b)
            if k:
                found.append(cf._magnitude_finding(ctx, a, b, k))
                break
            if not cf._disjoint(a, b):
                continue
            if a.sentence == b.sentence and not cf._differ(a, b):
                continue
            if not cf.same_subject(a, b, strict=not cf._differ(a, b)):
                continue
            found.append(cf._conflict(ctx, a, b, cf._differ(a, b)))
            break
    return found


def test_conflicting_pairs_find_what_the_plain_loop_finds() -> None:
    """Turning pairs away by their numbers and their clauses before their contexts are read gives
    every fixture the findings of the plain loop."""
    seen = 0
    for ctx in _fixtures():
        fast = [_key(f) for f in cf.run(ctx)]
        assert fast == [_key(f) for f in _plain_pairs(_context_like(ctx))]
        seen += len(fast)
    assert seen


def _context_like(ctx: CheckContext) -> CheckContext:
    """A fresh context of the same document (its figures' contexts unread, its memo empty)."""
    return CheckContext(
        read(ctx.extraction.document), ctx.packs, dict(Config().severity)
    )


@pytest.mark.parametrize(
    "text",
    [
        "Officials said 45 people were killed. Police said 54 people were killed in the city.",
        "About 45 people were killed on Monday, police said, and 46 people were killed on Tuesday.",
    ],
)
def test_conflicting_reads_contexts_only_for_pairs_left_by_the_clause_tests(
    text: str,
) -> None:
    """Two figures of one noun whose clauses already tell them apart (or that do not disagree)
    are left with their contexts unread; a pair the clauses leave has them read."""
    ctx = _context(text)
    list(cf.run(ctx))
    assert _unread(ctx) == (0 if "Police" in text else len(ctx.extraction.figures))


# ---------------------------------------------------------------------------------------------
# Fast paths for the common case


@pytest.mark.parametrize(
    "value",
    [
        1.0,
        -7.0,
        250.0,
        1200.0,
        9_999_999_999.0,
        -9_999_999_999.0,
        1e10,
        10_000_000_001.0,
        2.5e9,
        0.0,
    ],
)
def test_significant_digits_of_whole_numbers_are_the_mantissas(value: float) -> None:
    """A whole number of at most ten digits, read as an integer, has the digits of its mantissa."""
    expected = (
        "0"
        if value == 0
        else f"{abs(value):.9e}".split("e")[0].replace(".", "").rstrip("0")
    )
    assert cf.significant_digits(value) == expected


@pytest.mark.parametrize(
    "text",
    [
        "reported ",
        "aged  ",
        "in the\u00a0",
        "x-ray ",
        "the U.S. ",
        "it's ",
        "İstanbul ",
        "K\u212a ",
        "...",
        "",
        "  ",
        "at 5 ",
    ],
)
def test_plausibility_last_token_fast_path_is_the_tokens(text: str) -> None:
    """A window ending on a plain ASCII word gets that word as its last token, as the tokens say."""
    tokens = pl._tokens(text)
    assert pl._last_token(text) == (tokens[-1] if tokens else "")


def test_figures_come_in_text_order() -> None:
    """Extraction gives every fixture's figures in text order, which conflicting-figures keeps
    its groups of earlier figures in without sorting them."""
    for ctx in _fixtures():
        starts = [f.start for f in ctx.extraction.figures]
        assert starts == sorted(starts)


@pytest.mark.parametrize(
    "noun",
    [None, "", "troops", "Troop", "military personnel", "arms", "weapon", "forces"],
)
def test_reference_range_noun_is_any_is_any_noun_is(noun: str | None) -> None:
    """The remembered answer for a noun and a pack's words is asking each word in turn."""
    for reference in (r for pack in PACKS for r in pack.references):
        for words in (reference.keywords, reference.nouns):
            assert rr._noun_is_any(noun, words) == any(
                rr._noun_is(noun, w) for w in words
            )


def _plain_disjoint(fa, ra: float, fb, rb: float) -> bool:
    """Whether two figures' widened intervals in root units do not meet: the plain reading."""
    import math

    def widened(fig):
        lo, hi = fig.interval
        slack = 0.1 * abs(fig.magnitude) if fig.approximate else 0.0
        return lo - slack, hi + slack

    lo_a, hi_a = (x * ra for x in widened(fa))
    lo_b, hi_b = (x * rb for x in widened(fb))
    eps = (
        1e-9 * max(1.0, abs(lo_a), abs(hi_a))
        if math.isfinite(lo_a) and math.isfinite(hi_a)
        else 1e-9
    )
    return hi_a < lo_b - eps or hi_b < lo_a - eps


def test_conflicting_bounds_read_once_are_the_plain_intervals() -> None:
    """Figures' intervals read once per key (and per profile) tell the same pairs apart as the
    plain reading of each pair, for every pair of figures in the fixtures (ranges and hedges too)."""
    pairs = 0
    for ctx in _fixtures():
        keys = [
            cf._Key(ctx.extraction.frame, f)
            for f in ctx.figures
            if f.kind in cf._COMPARABLE_KINDS
        ]
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                expected = _plain_disjoint(a.figure, a.root, b.figure, b.root)
                assert cf._disjoint(a, b) == expected
                assert (
                    cf._disjoint(cf.profile(ctx, a.figure), cf.profile(ctx, b.figure))
                    == expected
                )
                pairs += 1
    assert pairs > 1000


# ---------------------------------------------------------------------------------------------
# conflicting-figures: patterns tried at every character replaced by substring tests


_PIECES = (
    "the", "number", "figure", "death toll", "tally", "of", "its", "their", "that", "this", "sum",
    "amount", "count", "estimate", "total", ",", ";", "(", " — ", " – ", " -- ", "-", "—", ".", "NATO's",
    "U.S.", "A", "a", "aB", "İA", "Élan", "_B", "3M", "in", "at", "near", "on", "the county", "O'Brien",
    "Rio", "x-Ray", "’s", "'", " ", "  ", "\n",
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=16),
    st.lists(st.sampled_from(("", " ", "  ")), min_size=16, max_size=16),
)
def test_conflicting_substring_tests_find_what_the_patterns_find(
    pieces: list[str], glue: list[str]
) -> None:
    """The aside found by str.find, the capitals found from their first letter, and the anaphor
    searched for only past its nouns are what the plain patterns find."""
    text = "".join(p + g for p, g in zip(pieces, glue, strict=False))
    aside = re.search(r"[,;(]| [—–] | -- ", text)
    assert cf._aside(text) == (aside.start() if aside else -1)
    plain_capital = re.compile(r"\b[A-Z][A-Za-z.'-]*[A-Za-z]\b|\b[A-Z]\b")
    assert [m.span() for m in cf._CAPITAL.finditer(text)] == [
        m.span() for m in plain_capital.finditer(text)
    ]
    lower = text.lower()
    prefiltered = (
        any(noun in lower for noun in cf._ANAPHORA_NOUNS)
        and cf.ANAPHORA.search(lower) is not None
    )
    assert prefiltered == (cf.ANAPHORA.search(lower) is not None)
