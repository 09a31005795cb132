"""The speed-5 shortcut of the context reader reads what it did: the subject before a verb of
saying, tokenised from 48 characters back, is the one the full 120-character window gives."""

from __future__ import annotations

import random

from verify.extract import context as C

#: Words and gaps of sources: names, stop words, determiners, digits, abbreviations, and runs
#: longer than a token (41 characters), which a window start can cut differently.
_WORDS = [
    "the", "The", "of", "for", "and", "officials", "U.S.", "U.N.", "Dr.", "Smith", "agency", "he", "1,015", "it",
    "Ministry", "health", "x" * 45, "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w", "O’Brien", "AT&T", "said",
    "-", "_x", "é", "Ünal", "long-term",
]  # fmt: skip
_GAPS = [" ", " ", " ", "  ", ", ", "; ", "\u00a0", "", "—", "."]


def _full_window(text: str, end: int) -> str | None:
    tokens = list(C._NP_TOKEN.finditer(text, max(0, end - 120), end))
    return C._phrase(text, C._walk_back(text, end, tokens, True))  # type: ignore[arg-type]


def test_near_window_reads_as_the_full_window() -> None:
    """At every end of many generated texts the near window finds the phrase the full window finds."""
    rng = random.Random(17)
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(_WORDS) + rng.choice(_GAPS) for _ in range(rng.randint(1, 30)))
        for end in range(len(text) + 1):
            expected = _full_window(text, end)
            found += expected is not None
            assert C._noun_phrase_before(text, end) == expected, (text, end)
    assert found > 10000


def test_words_are_the_letter_runs() -> None:
    """A lower-cased text's word set, read through bytes, is the set of its runs of ASCII letters."""
    rng = random.Random(19)
    pieces = ["abc", "said", " ", "\n", "é", "ß", "\u00a0", "5", "_", "-", "’", "x", "\U0001f600", "\ud800", "..", "ſ"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(5000)]
    for text in texts:
        lower = text.lower()
        assert C._words(text, lower) == frozenset(C.re.findall(r"[a-z]+", lower)), text
