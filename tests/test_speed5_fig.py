"""The speed-5 shortcuts of figure extraction skip nothing: the anaphoric-noun gate passes every
place an anaphora could be read, the word before a number read backwards is the forward search's,
one-word numbers read as the token loop reads them, and the word alternative alone matches where
only the number-word scan starts."""

from __future__ import annotations

import random

from verify.extract import figures as F

_ANAPHORA_WORDS = [
    "the", "The", "THE", "that", "its", "their", "his", "her", "other", "this", "number", "Numbers", "figure", "total",
    "totals", "toll", "death", "tally", "tallies", "count", "country", "account", "estimate", "of", "ſ", "x", "5",
]  # fmt: skip
_ANAPHORA_GAPS = [" ", " ", " ", "  ", "\n", ", ", "", "-"]


def test_anaphoric_noun_gate_passes_every_anaphora() -> None:
    """Wherever the anaphora pattern matches in the stretch before a figure, the noun gate finds a noun there."""
    rng = random.Random(7)
    found = 0
    for _ in range(12000):
        text = "".join(rng.choice(_ANAPHORA_WORDS) + rng.choice(_ANAPHORA_GAPS) for _ in range(rng.randint(1, 12)))
        end = rng.randint(0, len(text))
        offset = rng.randint(max(0, end - 200), end)
        lower = text.lower() if len(text.lower()) == len(text) and not F.folds_to_ascii(text) else None
        if lower is None:
            anaphora = F._ANAPHORA.search(text[offset:end])
            gate = F._ANAPHORIC_NOUN_BLIND.search(text, max(0, end - 200), end)
        else:
            anaphora = F._ANAPHORA_LOWER.search(lower[offset:end])
            gate = F._ANAPHORIC_NOUN.search(lower, max(0, end - 200), end)
        if anaphora is not None:
            found += 1
            assert gate is not None, (text, offset, end)
    assert found > 400


_WORD_BEFORE_FORWARD = F.re.compile(r"(?<![\w.])(?P<w>[A-Za-z][A-Za-z]{0,24}\.?|#)[ \t\u00a0]?$")
_BEFORE_PIECES = ["a", "B", "abc", "No", ".", "#", " ", "\t", "\u00a0", "\n", "5", "é", "_", "x" * 24, "y" * 25, "z" * 26, "-", "'"]


def test_word_before_read_backwards_is_the_forward_search() -> None:
    """The word before a number, matched on the reversed text, is what the forward search finds."""
    rng = random.Random(11)
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(_BEFORE_PIECES) for _ in range(rng.randint(0, 8))) + "5"
        for start in range(len(text) + 1):
            m = _WORD_BEFORE_FORWARD.search(text, max(0, start - 28), start)
            expected = m.group("w") if m else None
            found += expected is not None
            assert F._word_before(text, start) == expected, (text, start)
    assert found > 10000


def _parse_words_token_by_token(text: str) -> tuple[float, float, bool] | None:
    """:func:`_parse_words` without its one-word shortcut: the text with a trailing space."""
    core = F._parse_words(text + " ", 0, len(text) + 1)
    return None if core is None else (core.value, core.precision, core.ordinal, core.end)


def test_one_word_shortcut_reads_as_the_token_loop() -> None:
    """A number word alone gets the value and precision the token loop gives it."""
    words = [*F.N.ONES, *F.N.TENS, "hundred", "million", "dozen", "half", "third", "first", "a", "minus", "and", "x"]
    for word in words:
        for spelled in (word, word.upper(), word.title()):
            core = F._parse_words(spelled, 0, len(spelled))
            got = None if core is None else (core.value, core.precision, core.ordinal, core.end)
            assert got == _parse_words_token_by_token(spelled), spelled


#: Pieces where a number word meets the other alternatives: month and weekday names, digits
#: glued to words, currency prefixes of letters, signs, hyphens and spaces, odd cases.
_WORD_START_PIECES = [
    "one", "One", "ONE", "two", "twenty", "hundred", "a", "an", "A", "minus", "negative", "and", "half", "third", "first",
    "May", "Mon", "Sept", "March", "Sun", "Dec", "5", "2021", "12", "$", "us", "US", "A$", "HK", "EUR", "eur", "x",
    "-", " ", "  ", "\u00a0", ",", ".", "'", "(", "dozen", "million", "seven", "ten", "th", "s",
]  # fmt: skip


def _walk(prose: str, scanned: bool) -> list[tuple[int, int, str | None]]:
    """Every master match, found by the scans (``scanned``) or by the master's own search."""
    out, pos, search = [], 0, F._Starts(prose).search
    while (m := search(pos) if scanned else F._MASTER.search(prose, pos)) is not None:
        out.append((m.start(), m.end(), m.lastgroup))
        pos = m.start() + 1
    return out


def test_word_only_starts_find_what_the_master_finds() -> None:
    """Where a number word starts and no other scan does, the word alternative alone matches as the master does."""
    rng = random.Random(23)
    words = 0
    for _ in range(6000):
        prose = "".join(rng.choice(_WORD_START_PIECES) for _ in range(rng.randint(1, 9)))
        expected = _walk(prose, scanned=False)
        words += sum(group == "word" for _, _, group in expected)
        assert _walk(prose, scanned=True) == expected, prose
    assert words > 500
