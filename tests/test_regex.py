"""verify._regex.alternation: a prefix tree that matches what a longest-first alternation does."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from verify._regex import alternation

WORD = st.text("ab.", min_size=1, max_size=3)
PHRASE = st.lists(WORD, min_size=1, max_size=3).map(" ".join)
SUFFIXES = ["", "b", r"(?!\w)", "x?a", r"\s"]


def _flat(words: list[str], space: str | None) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", space) if space else re.escape(w) for w in ordered)


@settings(max_examples=300)
@given(st.lists(PHRASE, min_size=1, max_size=8), st.text("ab .x\n", max_size=14), st.sampled_from(SUFFIXES), st.sampled_from([None, r"\s{1,3}"]))
def test_same_matches_as_longest_first(words: list[str], text: str, suffix: str, space: str | None) -> None:
    flat = re.compile(f"(?:{_flat(words, space)}){suffix}", re.I)
    tree = re.compile(f"(?:{alternation(words, space)}){suffix}", re.I)
    for i in range(len(text) + 1):
        a, b = flat.match(text, i), tree.match(text, i)
        assert (a and a.group()) == (b and b.group()), (words, text, i)


def test_shape() -> None:
    assert alternation(["thursday", "thurs", "thur", "thu"]) == "thu(?:r(?:s(?:day)?)?)?"
    assert alternation(["last week"], space=r"\s{1,3}") == r"last\s{1,3}week"
    assert re.fullmatch(alternation([]), "") is None  # matches nothing
