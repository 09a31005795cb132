"""The shortcuts the checks take for speed skip only work that could not have found anything."""

from __future__ import annotations

import re
from pathlib import Path
from re import _constants as C
from re import _parser as P

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verify import packs
from verify.checks import arithmetic, list_count, plausibility
from verify.model import Span

TOKEN = ord("⟨")


def fewest_tokens(parsed) -> int:
    """The fewest "⟨" characters any match of a parsed pattern consumes (a lower bound)."""
    total = 0
    for op, arg in parsed:
        if op is C.LITERAL:
            total += arg == TOKEN
        elif op is C.SUBPATTERN:
            total += fewest_tokens(arg[-1])
        elif op is C.ATOMIC_GROUP:
            total += fewest_tokens(arg)
        elif op is C.BRANCH:
            total += min(fewest_tokens(branch) for branch in arg[1])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            total += arg[0] * fewest_tokens(arg[2])
        # anything else (a class, a lookaround, a backreference) is counted as needing none
    return total


def _fewest(pattern: re.Pattern[str]) -> int:
    return fewest_tokens(P.parse(pattern.pattern, pattern.flags))


def test_fewest_tokens_counts_required_tokens_only() -> None:
    """The counter takes the least over alternatives and repeats, so it never overstates a need."""
    assert _fewest(re.compile(r"⟨a⟩(?:x|⟨b⟩)(?:⟨c⟩){2,3}(?:⟨d⟩)?")) == 3
    assert _fewest(re.compile(r"(?>⟨1⟩[^⟨]{0,3}){1,4}|⟨2⟩⟨3⟩")) == 1


NEEDS = sorted(name for name in vars(arithmetic) if name.endswith("_NEED") and name != "_OF_THE_NEED")


@pytest.mark.parametrize("name", NEEDS)
def test_arithmetic_skips_a_family_only_below_what_its_patterns_need(name: str) -> None:
    """Each pattern family's token threshold is at most the tokens every one of its patterns consumes."""
    family = getattr(arithmetic, name.removesuffix("_NEED"))
    patterns = family if isinstance(family, list) else [family]
    assert min(_fewest(p) for p in patterns) >= getattr(arithmetic, name)


def test_of_the_threshold_counts_the_total_and_two_parts() -> None:
    """An "of the N, a … and b …" sum is read only with two parts after its total: three tokens."""
    need = _fewest(arithmetic._OF_THE) + 2 * _fewest(arithmetic._PART_OF)
    assert need >= arithmetic._OF_THE_NEED


@pytest.mark.parametrize("text", ["ΑΣ rose ΣΑΣ, İstanbul", "Sales in İzmir rose 10% to 2,200 from 2,000."])
def test_clause_templates_lower_case_character_by_character(text: str) -> None:
    """A clause's template lower-cases each character alone (a final "Σ" included), as it always did."""
    clause = arithmetic.clauses(text, Span(0, len(text), text), [])[0]
    assert clause.template == re.sub(r"\s", " ", "".join(c.lower() for c in text))
    assert len(clause.offsets) == len(text)


# --- word gates: a family of clause patterns is searched only when the clause holds a word
# every match of the family holds. Each gate must say yes to any text a pattern of it matches.

GATES = [
    ("_CHANGES", arithmetic._may_change),
    ("_BARE_CHANGES", arithmetic._may_change),
    ("_MULTIPLES", arithmetic._may_multiply),
    ("_FRACTION_SHARES", arithmetic._may_fraction),
    ("_RATIO_SHARES", arithmetic._may_ratio),
    ("_PERCENT_REMAINDER", arithmetic._may_remain),
]
GATED = [
    (name, i, gate)
    for name, gate in GATES
    for i, _ in enumerate(getattr(arithmetic, name) if isinstance(getattr(arithmetic, name), list) else [None])
]


def _clause(template: str) -> arithmetic.Clause:
    return arithmetic.Clause(template, tuple(range(len(template))), ())


def _pattern(name: str, i: int) -> re.Pattern[str]:
    family = getattr(arithmetic, name)
    return family[i] if isinstance(family, list) else family


@pytest.mark.parametrize(("name", "i", "gate"), GATED, ids=[f"{n}[{i}]" for n, i, _ in GATED])
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_word_gate_admits_every_text_its_patterns_match(name: str, i: int, gate, data) -> None:
    """Text generated to match a gated pattern always passes the gate (the gate loses no match)."""
    pattern = _pattern(name, i)
    text = data.draw(st.from_regex(pattern).map(str.lower).filter(pattern.search))
    assert gate(_clause(text)), (name, i, text)


EDGE_TEMPLATES = [
    "sales rose ⟨0⟩ from ⟨1⟩ to ⟨2⟩",
    "⟨0⟩, up ⟨1⟩ from ⟨2⟩",
    "⟨0⟩ tons, ⟨1⟩ larger than the ⟨2⟩ tons",
    "exports grew twentyfold, from ⟨0⟩ to ⟨1⟩",
    "exports grew ⟨0⟩-fold, from ⟨1⟩ to ⟨2⟩",
    "costs rose ⟨2⟩times to ⟨0⟩ from ⟨1⟩",
    "⟨0⟩, or two-thirds",
    "⟨0⟩ —half",
    "one in five, or ⟨0⟩",
    "⟨0⟩ in a, ⟨1⟩ in b and the remaining ⟨2⟩",
]


@pytest.mark.parametrize("template", EDGE_TEMPLATES)
def test_word_gates_admit_the_edge_cases(template: str) -> None:
    """Words glued to numbers or dashes ("twentyfold", "—half") still open their family's gate."""
    clause = _clause(template)
    for name, i, gate in GATED:
        if _pattern(name, i).search(template):
            assert gate(clause), (name, i, template)


# --- list-count walks word runs instead of trying its count pattern at every position.

_PIECES = [
    *sorted(list_count._OPENERS), "Three", "TWENTY", "ſix", "ſome", "tᴡo", "2021", "1٣", "٣", "_two", "two_",
    "leaders", "countries", "Russia", "France", "Italy", "members", "were", "are", "as", "named", "and",
    "least", "than", "to", ":", ",", "(", "—", "--", " ", "  ", "\n", ".", "é", "K", "İ",
]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=30), cut=st.integers(0, 5))
def test_list_count_finds_the_counts_the_pattern_finds(pieces: list[str], cut: int) -> None:
    """Walking word runs yields exactly the matches of ``_COUNT.finditer``, bounds included."""
    text = " ".join(pieces)
    start, end = min(cut, len(text)), max(cut, len(text) - cut)
    expected = [m.span() for m in list_count._COUNT.finditer(text, start, end)]
    assert [m.span() for m in list_count._counts(text, start, end)] == expected


def test_list_count_finds_the_counts_in_every_fixture() -> None:
    """On every fixture article the walk and the pattern agree, sentence by sentence."""
    from verify.document import Document
    from verify.extract.text import frame

    found = 0
    for path in sorted(Path(__file__).resolve().parent.parent.glob("fixtures/**/*.md")):
        prose = Document.from_text(path.read_text(encoding="utf-8"), format="markdown").prose
        for s in frame(prose).sentences:
            expected = [m.span() for m in list_count._COUNT.finditer(prose, s.start, s.end)]
            assert [m.span() for m in list_count._counts(prose, s.start, s.end)] == expected
            found += len(expected)
    assert found > 10


def test_only_ratio_and_fraction_shares_read_one_token_clauses() -> None:
    """The sentence gate of arithmetic lets one-figure sentences through only for these two families."""
    one_token = {name for name in NEEDS if getattr(arithmetic, name) <= 1}
    assert one_token == {"_RATIO_SHARES_NEED", "_FRACTION_SHARES_NEED"}


# --- plausibility skips the hedge pattern when the words before a figure end on no hedge.

_WINDOW_PIECES = [*plausibility._HEDGE_WORDS, "aged", "age of", "the", "takeover", "$over", "over.", "some-", "  ", "\n", "-"]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(_WINDOW_PIECES), max_size=8))
def test_window_before_drops_hedges_as_the_pattern_does(pieces: list[str]) -> None:
    """The hedge-ending shortcut gives the window the full substitution gives."""
    text = " ".join(pieces)
    expected = plausibility._HEDGES.sub("", plausibility._normal(text).rstrip()).rstrip()
    assert plausibility._window_before(text) == expected


# --- packs.find_phrase tries a case-sensitive phrase only where its first word stands.

_PHRASE_TEXT = ["G7", "G-7", "G 7", "G", "7", "xG7", "G77", "the", "NATO", "NATO's", "Nato", "-", " ", "  ", "\n", ",", "é", "_"]


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(st.sampled_from(_PHRASE_TEXT), max_size=20),
    phrase=st.sampled_from(["G7", "G-7", "G 7", "NATO", "the G7", "7", "-", "G--7"]),
    suffix=st.booleans(),
)
def test_find_phrase_finds_what_the_pattern_finds(pieces: list[str], phrase: str, suffix: bool) -> None:
    """The first-word shortcut returns exactly the pattern's matches, in order."""
    text = "".join(pieces)
    expected = [m.span() for m in packs._phrase_pattern(phrase, True, suffix).finditer(text)]
    assert packs.find_phrase(text, phrase, case=True, suffix=suffix) == expected


def test_plausibility_skips_only_bounds_that_cannot_read_the_figure() -> None:
    """A bound left out as unmeasurable gives no value even when its phrase is taken as matched."""
    from verify.checks import CheckContext
    from verify.document import Document
    from verify.extract import extract

    bound_packs = tuple(p for p in packs.default_packs() if p.bounds)
    index = plausibility._index(bound_packs)
    skipped = 0
    for path in sorted(Path(__file__).resolve().parent.parent.glob("fixtures/**/*.md")):
        doc = Document.from_text(path.read_text(encoding="utf-8"), format="markdown")
        ctx = CheckContext(extract(doc), bound_packs)
        for figure in ctx.extraction.figures:
            if figure.kind == "label":
                continue
            measurable = index.measurable(figure)
            for position, bound in enumerate(index.bounds):
                if position not in measurable:
                    skipped += 1
                    assert plausibility._value_for(ctx.prose, figure, bound, lambda _end: True) is None
    assert skipped > 0
