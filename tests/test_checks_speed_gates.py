"""The gates, prefilters and word tries the checks use for speed change no finding."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import verify
from verify import packs
from verify._regex import alternation
from verify.checks import arithmetic, conflicting_figures, group_size

FIXTURES = sorted(Path(__file__).resolve().parent.parent.glob("fixtures/**/*.md"))

#: Sentences that reach each family past the gates, and some that the gates turn away.
SENTENCES = [
    "Sales rose 25% from 80 to 120.",
    "Sales rose from 80 to 120, an increase of 40%.",
    "Sales fell to 120 from 80.",
    "The port handled 300 calls, twice as many as the 120 before.",
    "Traffic doubled from 40 to 90 containers.",
    "One in five residents, or 30%, voted.",
    "A third of voters, or 45%, stayed home.",
    "Of the 90 victims, 50 were women and 45 were men.",
    "A total of 100 ballots: 40 in the north, 30 in the south and 20 in the east.",
    "Of those polled, 40% said yes, 30% said no and the remaining 20% were unsure.",
    "The rate went from 4% to 6%, up 50%.",
    "Turnout was 60 percent, up 5 percentage points from 50 percent.",
    "The two teams scored 3 and 4 goals.",
    "It cost $5 million in 2020.",
    "Prices rose 5 to 7 percent.",
]


def _findings(text: str, published: str | None = None, fmt: str = "text") -> list[dict]:
    report = verify.check(text, published=published, format=fmt)
    return [f.to_dict() for f in report.findings if f.rule in {r.id for r in arithmetic.RULES}]


@pytest.mark.parametrize("text", SENTENCES)
def test_arithmetic_sentence_gate_keeps_findings(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each sentence gets the same arithmetic findings with and without the sentence gates."""
    gated = _findings(text)
    monkeypatch.setattr(arithmetic, "_one_plain_figure", lambda *args: False)
    monkeypatch.setattr(arithmetic, "_families", lambda *args: [arithmetic._changes, arithmetic._shares, arithmetic._multiples, arithmetic._sums])
    monkeypatch.setattr(arithmetic, "_may_hold_arithmetic", lambda *args: True)
    assert _findings(text) == gated


def test_arithmetic_sentence_gate_keeps_findings_in_every_fixture(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every fixture article gets the same arithmetic findings with and without the sentence gates."""
    texts = [p.read_text(encoding="utf-8") for p in FIXTURES]
    gated = [_findings(t, fmt="markdown") for t in texts]
    monkeypatch.setattr(arithmetic, "_one_plain_figure", lambda *args: False)
    monkeypatch.setattr(arithmetic, "_families", lambda *args: [arithmetic._changes, arithmetic._shares, arithmetic._multiples, arithmetic._sums])
    monkeypatch.setattr(arithmetic, "_may_hold_arithmetic", lambda *args: True)
    assert [_findings(t, fmt="markdown") for t in texts] == gated
    assert sum(map(len, gated)) > 10


def test_arithmetic_sentence_gate_turns_away_plain_sentences() -> None:
    """A two-figure sentence with no percent and no change, multiple or remainder word is skipped."""
    from verify.document import Document
    from verify.extract import extract

    text = "The home side scored 3 and the visitors 4 on Friday."
    ex = extract(Document.from_text(text))
    sentence = ex.frame.sentences[0]
    figures = [f for f in ex.quantities if sentence.start <= f.start]
    inside = arithmetic._inside(ex.document.prose, sentence, figures)
    assert len(inside) == 2
    assert not arithmetic._may_hold_arithmetic(arithmetic._sentence_text(ex.document.prose, sentence), inside)


def test_clause_percent_flag_reads_percent_and_points() -> None:
    """A clause is marked as holding a percent when a figure of its sentence is a percent or points."""
    for text, expected in [("Rates rose from 4% to 6%.", True), ("It grew 3 percentage points.", True), ("It cost $5.", False)]:
        from verify.document import Document
        from verify.extract import extract

        ex = extract(Document.from_text(text))
        sentence = ex.frame.sentences[0]
        clause = arithmetic.clauses(ex.document.prose, sentence, ex.quantities)[0]
        assert clause.percent is expected, text


# --- packs: a case-insensitive phrase is searched for only where its first word can stand.


_PHRASE_PIECES = [
    "census", "Census", "CENSUS", "ſenſus", "cenſus", "İstanbul", "ıstanbul", "istanbul", "Istanbul", "U.S.",
    "u.s.", "troops", "Troop", "K", "k", "Kelvin", "kelvin", "-", " ", "  ", "\n", ",", "’s", "'s", "é", "Σ", "ς",
]


_PHRASES = ["census", "Census of", "istanbul", "U.S.", "troop", "kelvin scale", "kelvin", "s", "", "-", "São Tomé"]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(_PHRASE_PIECES), max_size=12), phrase=st.sampled_from(_PHRASES))
def test_phrase_prefilter_agrees_with_the_pattern(pieces: list[str], phrase: str) -> None:
    """has_phrase and find_phrase answer as their patterns do, case-sensitive or not, case-folding
    characters included."""
    text = "".join(pieces)
    for suffix, case in ((True, False), (False, False), (True, True), (False, True)):
        pattern = packs._phrase_pattern(phrase, case, suffix)
        assert packs.has_phrase(text, phrase, case=case, suffix=suffix) == (pattern.search(text) is not None)
        assert packs.find_phrase(text, phrase, case=case, suffix=suffix) == [m.span() for m in pattern.finditer(text)]


def test_only_three_characters_fold_to_ascii_unlike_their_lower_case() -> None:
    """IGNORECASE matches an ASCII pack character by its lower case except for "İ", "ı" and "ſ" (below U+3000)."""
    import re
    import string

    found = set()
    for x in string.ascii_lowercase + string.digits + ".'&’":
        pattern = re.compile(re.escape(x), re.IGNORECASE)
        found |= {c for c in map(chr, range(0x80, 0x3000)) if c.lower() != x and pattern.fullmatch(c)}
    assert found == {"\u0130", "\u0131", "\u017f"}
    assert all(packs._FOLDS_TO_ASCII.fullmatch(c) for c in found)


# --- word alternations built as tries match as the flat, longest-first alternations did.


_VOCABULARIES = [
    sorted(arithmetic.DIRECTION_WORDS),
    sorted(arithmetic.CHANGE_NOUNS),
    sorted(arithmetic.MULTIPLIERS),
    sorted(arithmetic.NUMBER_WORDS),
    sorted(arithmetic.FRACTIONS),
    ["a", "ab", "abc", "abd", "b", "ba", "a.b", "a b", "a-b"],
]


def _flat(words: list[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@settings(max_examples=400, deadline=None)
@given(
    vocabulary=st.sampled_from(range(len(_VOCABULARIES))),
    picks=st.lists(st.integers(0, 10_000), max_size=8),
    glue=st.lists(st.sampled_from(["", " ", "s", "ing", "-", "fold", " from ", "x", "ed", "n"]), min_size=8, max_size=8),
    tail=st.sampled_from(["", r"\b", r"s?\b", r"(?:fold|s)", r" ?\w"]),
)


def test_alternation_matches_as_the_flat_alternation(vocabulary: int, picks: list[int], glue: list[str], tail: str) -> None:
    """Inside a pattern, a trie of words finds the same matches and group spans as the flat list."""
    words = _VOCABULARIES[vocabulary]
    text = "".join(words[i % len(words)] + glue[k] for k, i in enumerate(picks))
    for flags in (0, re.IGNORECASE):
        trie = re.compile(rf"(?P<w>{alternation(words)}){tail}", flags)
        flat = re.compile(rf"(?P<w>{_flat(words)}){tail}", flags)
        assert [(m.span(), m.span("w")) for m in trie.finditer(text)] == [
            (m.span(), m.span("w")) for m in flat.finditer(text)
        ]


def test_alternation_matches_each_word_whole() -> None:
    """Every word of each vocabulary matches its trie in full, and a non-word does not."""
    for words in _VOCABULARIES:
        pattern = re.compile(alternation(words))
        assert all(pattern.fullmatch(w) for w in words)
        assert not pattern.fullmatch("".join(words) + "zz")


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(
        st.sampled_from([*group_size._TEMPORAL_WORDS, "JOINED", "ſince", "Then", "jo", "in", "x", "leaves", "brexit"]),
        max_size=6,
    ),
    glue=st.sampled_from([" ", "", "-", ", "]),
)


def test_group_size_temporal_trie_finds_what_the_list_found(words: list[str], glue: str) -> None:
    """The group-size check's dating words say yes to exactly the sentences the flat list did."""
    flat = re.compile(r"\b(?:" + "|".join(group_size._TEMPORAL_WORDS) + r")\b", re.IGNORECASE)
    text = glue.join(words)
    assert bool(group_size._TEMPORAL.search(text)) == bool(flat.search(text))


_OLD_TIME_WORDS = re.compile(
    r"\b(?:(?:19|20)\d\d|(?:last|this|next|previous|past) (?:year|month|week|quarter|season|decade)|"
    r"(?:first|second|third|fourth|final|last|opening|previous) (?:year|quarter|half|month|week|day|season)s?|"
    r"yesterday|today|tomorrow|" + "|".join(sorted(conflicting_figures.MONTHS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


_TIME_PIECES = [
    "last", "this", "first", "previous", "opening", "year", "years", "quarter", "quarters", "half", "decade",
    "decades", "March", "mar", "Sept", "sep", "september", "may", "today", "Yesterday", "2021", "1999", "18",
    " ", " ", ", ", "-", "s", "ſ", "LAST", "Year",
]


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(_TIME_PIECES), max_size=12))
def test_time_words_trie_matches_as_the_old_pattern(pieces: list[str]) -> None:
    """The conflicting-figures time words find the same spans as the pattern they replace."""
    text = "".join(pieces)
    assert [m.span() for m in conflicting_figures.TIME_WORDS.finditer(text)] == [
        m.span() for m in _OLD_TIME_WORDS.finditer(text)
    ]


def _joined_size_patterns(nouns: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The group-size patterns as they were before the count was split from the noun."""
    n, alternatives = group_size._N, "|".join(sorted((re.escape(x) for x in nouns), key=len, reverse=True))
    return (
        re.compile(r"(?:'s|’s)\s+" + n + r"\s+(?P<noun>" + alternatives + r")\b"),
        re.compile(
            r",?\s{1,3}(?:(?:which|that)\s{1,3})?(?:now\s{1,3})?(?:has|have|with|comprises|comprising|includes|is made up of|made up of|of)\s{1,3}"
            + n + r"\s+(?P<noun>" + alternatives + r")\b"
        ),
        re.compile(r"\b(?P<all>(?i:all|the))\s+" + n + r"\s+(?P<noun>" + alternatives + r")\s+of\s+(?:the\s+)?$"),
    )


_SIZE_PIECES = [
    "'s", "’s", "which", "that", "now", "has", "have", "with", "of", "made up of", "is made up of", "all", "ALL",
    "the", "The", "27", "1234", "3", "seven", "seventeen", "Seven", "sevenfold", "members", "member states",
    "states", "member", "nations", "x", " ", "  ", "    ", ",", "\n", "5members",
]


_SIZE_LEADS = ["'s", "’s", ", which has", " which now has", ",  made up of", " is made up of", " with", " of", "all", "The", "x the", ""]
_SIZE_COUNTS = ["27", "1234", "3", "seven", "seventeen", "Seven", "sevenfold", "", "5members"]
_SIZE_NOUNS = ["members", "member states", "states", "member", "nations", "", "membersx"]
_SIZE_TAILS = ["", " of", " of the ", " of the", "  of  the  ", " of NATO", "."]
_SPACES = ["", " ", "  ", "    ", "\n"]


@settings(max_examples=800, deadline=None)
@given(
    head=st.lists(st.sampled_from(_SIZE_PIECES), max_size=4),
    slots=st.tuples(*(st.sampled_from(x) for x in (_SIZE_LEADS, _SPACES, _SIZE_COUNTS, _SPACES, _SIZE_NOUNS, _SIZE_TAILS))),
)
def test_group_size_split_count_patterns_match_as_the_joined_ones(head: list[str], slots: tuple[str, ...]) -> None:
    """The count-then-noun matches of group-size (count patterns shared, nouns per group) find the
    same count, noun and claim as the joined patterns they replace."""
    text = " ".join(head) + "".join(slots)
    nouns = ("members", "member states", "states", "nations")
    possessive, verbal, members_of = _joined_size_patterns(nouns)
    for joined, count in ((possessive, group_size._POSSESSIVE_COUNT), (verbal, group_size._VERBAL_COUNT)):
        m = joined.match(text)
        expected = (m.start("n"), m.group("n"), m.end("noun")) if m else None
        assert group_size._count_noun(count, nouns, text) == expected
    m = members_of.search(text)
    expected = (m.start("n"), m.group("n"), m.end("noun"), m.group("all")) if m else None
    assert group_size._members_of(nouns, text) == expected
