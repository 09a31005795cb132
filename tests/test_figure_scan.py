"""The figure scanner's shortcuts skip nothing: its candidate scans find every start that a plain
``_MASTER.search`` finds, and the suffix prefilter passes every place a suffix pattern matches."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from verify._regex import folds_to_ascii
from verify.document import Document
from verify.extract import figures as F

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

#: Texts at the edges of the scans: prefixes far before their digits, number words in capitals,
#: inside words and after hyphens, the characters re.I folds onto ASCII letters.
TRICKY = [
    "COVID-19 and ABCDEFGHIJKL-12 and ABCDEFGHIJKLM-12 and F-16s.",
    "U.S. $ -5 and US$5 and HK $ 5 and NZ$-.5 and USD 12 and EUR12m.",
    "TWO HUNDRED people, Twenty-One ships, a Hundred days, an ELEVEN.",
    "often someone weighty; non-five, x-two, _three, minus two, NEGATIVE  four.",
    "a  hundred, an\u00a0dozen, A third of them, half a million.",
    "Kelvin \u212ailled five; İki two; ſeven; ı one; ſix 6.",
    "The '90s and ’80s, (555) 123-4567, +44 20 7946 0958, 3.2.1, .5 and -3.",
    "December 9, 2021, 9 Dec, Tuesday, 10:30 a.m., 9 p.m., 12/10/2021, 2021-12-09.",
    "Boeing 737 Max, Article 5, No. 10, #1, mid-2021, 5G and 4x4.",
    "",
    "5",
    "five",
    # runs of digits: only a run's first digit is looked back from
    "1" * 40 + " x",
    "abc" + "1" * 30 + "def12 x99 COVID19 US$12345678901234567890, €1234 and -1234.",
]


def _plain(prose: str) -> list[tuple[int, int, str | None]]:
    """Every master match the way ``_MASTER.search`` walks the text."""
    out, pos = [], 0
    while (m := F._MASTER.search(prose, pos)) is not None:
        out.append((m.start(), m.end(), m.lastgroup))
        pos = m.start() + 1
    return out


def _scanned(prose: str) -> list[tuple[int, int, str | None]]:
    out, pos, search = [], 0, F._Starts(prose).search
    while (m := search(pos)) is not None:
        out.append((m.start(), m.end(), m.lastgroup))
        pos = m.start() + 1
    return out


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_texts(text: str) -> None:
    """The scans find the same matches as the master's own search on texts at their edges."""
    assert _scanned(text) == _plain(text)


def test_fixtures_and_shuffles() -> None:
    """The same holds on every fixture's prose and on shuffled words of the fixtures."""
    rng = random.Random(7)
    words: list[str] = []
    for path in sorted(FIXTURES.rglob("*.md"))[:40]:
        prose = Document.from_text(path.read_text(encoding="utf-8"), format="markdown").prose
        assert _scanned(prose) == _plain(prose), path
        words += prose.split()
    for _ in range(40):
        text = " ".join(rng.sample(words, min(len(words), 80)))
        text = "".join(c.upper() if rng.random() < 0.1 else c for c in text)
        assert _scanned(text) == _plain(text)


def test_reach_covers_glued_letters_and_prefixes() -> None:
    """The digit window reaches back over the longest glued letters and currency prefix."""
    assert F._DIGIT_REACH >= 13
    text = "x ABCDEFGHIJKL-1 U.S. $ -.5"
    starts = [m[0] for m in _scanned(text)]
    assert starts == [m[0] for m in _plain(text)]
    assert {2, 17} <= set(starts)  # "ABCDEFGHIJKL-1" and "U.S. $ -.5" from their first letters


_SUFFIX_PATTERNS = ("_MAGNITUDE", "_MONEY_MAGNITUDE", "_PERCENT", "_CURRENCY_CODE_AFTER", "_POUNDS", "_CURRENCY_NAME_AFTER", "_SUBUNIT", "_UNIT_NAME", "_UNIT_SYMBOL")
SUFFIXES = [
    " bn", "bn", "-million", "  percent", " Per Cent", "%", " USD", "$", " €", " pounds sterling", "-quid",
    " euros", " U.S. dollars", " cents", " km", "km2", " °C", "C", " mph", " sq ft", " ſq ft", " \u212am",
    "   km", " - km", ", 5", ". The", " people", "-year-old", " m of snow", " in.",
]  # fmt: skip


def test_suffix_prefilter_passes_every_suffix() -> None:
    """Wherever a suffix pattern (or a money magnitude after a space) matches, the prefilter says it may.

    Every position, not only after a digit: the prefilter is asked again after a magnitude.
    """
    texts = [f"5{suffix} x" for suffix in SUFFIXES] + [f"5 million{suffix} x" for suffix in SUFFIXES]
    for path in sorted(FIXTURES.rglob("*.md"))[:40]:
        texts.append(Document.from_text(path.read_text(encoding="utf-8"), format="markdown").prose)
    hits = 0
    for text in texts:
        for pos in range(1, len(text)):
            if not (text[pos - 1].isdigit() or text[pos - 1].isalpha()):
                continue
            matched = any(getattr(F, name).match(text, pos) for name in _SUFFIX_PATTERNS)
            matched = matched or F._MONEY_MAGNITUDE.match(text, pos + 1) is not None and text[pos] in " \t\u00a0"
            hits += matched
            assert not matched or F._may_have_suffix(text, pos), (text[pos : pos + 20], text[:40])
    assert hits > 100
    assert not F._may_have_suffix("5 people", 1) and not F._may_have_suffix("5, and", 1)


def test_sign_word_prefilter_passes_every_sign_word() -> None:
    """A number whose sign-word search would match always passes the last-letter prefilter."""
    pieces = ["minus", "negative", "MINUS", "Negative", "minu\u017f", "s", "e", " ", "\t", "\u00a0", "\n", "x", "5", "-"]
    rng = random.Random(3)
    hits = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 5))) + "5"
        at = len(text) - 1
        if F._SIGN_WORD.search(text, max(0, at - 10), at):
            hits += 1
            assert text[max(0, at - 4) : at].rstrip(" \t\u00a0\n")[-1:] in F._SIGN_ENDS, repr(text)
    assert hits > 100


#: Pieces that sit around numbers: spaces, dashes, the words the after-number patterns open
#: with (in odd cases and with the letters re.I folds onto ASCII), and hedges before numbers.
_AROUND = [
    " ", "  ", "\t", "\u00a0", "\n", "-", "–", "—", "+", "~", "5", "12", ".", ",", "to", "TO", "and", "And", "through",
    "in", "IN", "\u0131n", "\u0130N", "out of", "plus", "Plus", "or more", "and over", "Or so", "of", "Max", "people",
    "about", "ABOUT", "more than", "up to", "approx.", "nearly", "almo\u017ft", "le\u017f\u017f than", "x", "s", "e",
    "st", "nd", "rd", "th", "ST", "ALMO\u017fT", "exceedS", "Circa", "circa", "APPROX.",
]  # fmt: skip


def test_after_number_gates_pass_every_match() -> None:
    """Wherever a pattern read after a number matches, its one-character gate lets it try."""
    rng = random.Random(5)
    hits = dict.fromkeys(["postfix", "score", "join", "ratio", "name", "hedge"], 0)
    for _ in range(30000):
        text = "".join(rng.choice(_AROUND) for _ in range(rng.randint(0, 6)))
        pos = rng.randint(0, len(text))
        if F._POSTFIX.match(text, pos):
            hits["postfix"] += 1
            assert F._may_postfix(text, pos), repr(text[pos:])
        if F._SCORE.match(text, pos) or F._SCORE_AFTER.match(text[pos : pos + 8]):
            hits["score"] += 1
            assert text[pos : pos + 1] in F._DASHES, repr(text[pos:])
        if F._JOIN.match(text, pos):
            hits["join"] += 1
            assert text[pos : pos + 3].lstrip(F._SP_CHARS)[:1] in F._JOIN_OPENERS, repr(text[pos:])
        if F._RATIO.match(text, pos):
            hits["ratio"] += 1
            assert text[pos : pos + 3].lstrip(F._SP_CHARS)[:1] in F._RATIO_OPENERS, repr(text[pos:])
        if F._NAME_AFTER.match(text, pos):
            hits["name"] += 1
            assert "A" <= text[pos + 1 : pos + 2] <= "Z", repr(text[pos:])
        if F._ORDINAL_SUFFIX.match(text, pos):
            assert text[pos : pos + 1] in F._ORDINAL_OPENERS, repr(text[pos:])
        reversed_window = text[max(0, pos - 40) : pos][::-1]
        if F._HEDGE_REVERSED.match(reversed_window):
            hits["hedge"] += 1
            assert F._may_hedge(text, pos), repr(text[:pos])
    assert min(hits.values()) >= 5, hits  # every pattern was met


def test_append_passes_figure_fields_in_order() -> None:
    """The scanner builds figures positionally: Figure's first fields must keep this order."""
    import attrs

    from verify.model import Figure

    names = [field.alias for field in attrs.fields(Figure)]  # the __init__ parameters
    assert names[:15] == [
        "text", "start", "end", "kind", "value", "low", "high", "low_exclusive", "high_exclusive",
        "approximate", "qualifier", "noun", "number", "precision", "context",
    ]  # fmt: skip


#: Texts at the edges of the lower-cased anaphora pattern: words glued before the determiner,
#: capitals, line breaks, "of" after the noun, the determiners that share a first letter.
ANAPHORA_TEXTS = [
    "The number of dead rose. THE TOLL reached 5. Their figures, its Total and his tally.",
    "bathe number, lithe toll, _the count, 9the figure, -the number, its\ncount of people",
    "Her estimate of  the   death\ttoll is this number: that figure, their tallies of x.",
    "the numbers; this numbered; the totals; the death tolls; whose count",
]


def test_anaphora_in_lower_case_matches_the_case_blind_pattern() -> None:
    """The anaphora pattern for lower-cased text finds what the case-blind one finds, on edge
    cases and on every fixture's prose (shuffled and with random capitals too)."""
    rng = random.Random(11)
    texts = list(ANAPHORA_TEXTS)
    for path in sorted(FIXTURES.rglob("*.md")):
        texts.append(Document.from_text(path.read_text(encoding="utf-8"), format="markdown").prose)
    words = " ".join(texts).split()
    for _ in range(40):
        text = " ".join(rng.sample(words, min(len(words), 80)))
        texts.append("".join(c.upper() if rng.random() < 0.2 else c for c in text))
    found = 0
    for text in texts:
        if folds_to_ascii(text):
            continue
        blind = [(m.span(), m.group("of")) for m in F._ANAPHORA.finditer(text)]
        assert [(m.span(), m.group("of")) for m in F._ANAPHORA_LOWER.finditer(text.lower())] == blind
        found += len(blind)
    assert found > 10


def _words_one_by_one(text: str, pos: int) -> list[str]:
    """The words after ``pos`` read by one anchored match each, as long as spaces lead on."""
    one, out = re.compile(F._NOUN_WORD), []
    while len(out) < 4 and (m := one.match(text, pos)):
        out.append(m.group(1))
        pos = m.end()
        if text[pos : pos + 1] not in (" ", "\t", "\u00a0"):
            break
    return out


def test_noun_words_in_one_match_are_the_words_one_by_one() -> None:
    """The one match of up to four words after a number finds the words that one match per word
    finds (spaces, tabs, punctuation, over-long words, curly apostrophes, hyphens)."""
    rng = random.Random(3)
    pieces = [" ", "  ", "   ", "\t", "\u00a0", ".", ",", "-", "’s", "'", "people", "x" * 35, "B", "killed", "Max", "5"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 9)))
        pos = rng.randint(0, len(text))
        m = F._NOUN_WORDS.match(text, pos)
        got = [w for w in m.groups() if w is not None] if m else []
        assert got == _words_one_by_one(text, pos), repr(text[pos:])
