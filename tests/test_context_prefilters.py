"""The context reader's keyword prefilters never skip a sentence its patterns would match in."""

from __future__ import annotations

from pathlib import Path

import pytest

from verify.document import Document
from verify.extract import context as C
from verify.extract.text import frame

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

#: Sentences at the edges of the prefilters: contractions, capitals, the characters re.I folds
#: onto ASCII letters ("ſ", "İ", "ı", the Kelvin sign), words glued to digits.
TRICKY = [
    "They'll hire 50 more.",
    "It won’t reach 5%.",
    "Prices May rise to 10 percent.",
    "The firm is ON TRACK TO hit 5 million.",
    "By 2035, 40% of cars will be electric.",
    "Sales rose 5% year-on-year.",
    "Prices were eſtimated at 5 dollars.",
    "Prices were EſTIMATED at 5 dollars.",
    "The toll COULD reach 5,000 ſince 2014.",
    "ACCORDING TO the UN, 5 people died.",
    "Data from the UN show 5 deaths.",
    "cİting officials, 5 people died.",
    "Kılled in 2021: 5 people.",
    "The \u212aremlin said 5 troops left in 2021.",
    "5 people died, said Bob.",
    "5 people died; 6 were hurt.",
    "5 people died — 6 were hurt.",
    "5 people died -- 6 were hurt.",
    "5 people died, although 6 lived.",
    "Over 5 people died in 2014to2020.",
    "In the past two years 5 people died.",
    "Officials have long said 5 people died.",
]


def _sentences() -> list[str]:
    out = list(TRICKY)
    for path in sorted(FIXTURES.rglob("*.md")):
        prose = Document.from_text(path.read_text(encoding="utf-8"), format="markdown").prose
        out.extend(s.text for s in frame(prose).sentences)
    return out


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_sentence_reads_as_unfiltered(text: str) -> None:
    """Each edge case gets the same modals, scopes and sources as a scan with no prefilter."""
    modals = sorted(
        (m.start(), kind, " ".join(m.group().split()))
        for kind, pattern in (("projection", C._PROJECTION), ("estimate", C._ESTIMATE))
        for m in pattern.finditer(text)
    )
    assert C._modals(text) == modals
    assert C._scopes(text) == [(m.start(), *C._scope(m)) for m in C._SCOPE.finditer(text)]
    verbs = [m.start() for m in C._VERB.finditer(text)]
    assert all(any(at == v for at, _ in C._attributions(text)) for v in verbs if C._noun_phrase_before(text, v))


def test_prefilters_pass_every_sentence_a_pattern_matches() -> None:
    """Over every fixture sentence and the edge cases, a pattern that matches is never skipped."""
    checked = 0
    for text in _sentences():
        words = C._words(text)
        cases = (
            (C._PROJECTION, C._may(words, C._PROJECTION_WORDS)),
            (C._VERB, C._may(words, C._VERB_WORDS)),
            (C._SCOPE, C._may(words, C._SCOPE_WORDS) or C._YEAR_DIGITS.search(text) is not None),
            (C._ESTIMATE, C._may(words, C._ESTIMATE_WORDS)),
            (C._ACCORDING, C._may(words, C._ACCORDING_WORDS)),
            (C._POST_SAID, "," in text and C._may(words, C._POST_SAID_WORDS)),
            (C._CLAUSE_BREAK, C._may_break(text, words)),
        )
        for pattern, may in cases:
            if pattern.search(text):
                checked += 1
                assert may, (pattern.pattern[:40], text)
    assert checked > 100  # the fixtures exercise every pattern


def test_folding_characters_turn_the_prefilters_off() -> None:
    """A sentence holding a character re.I folds onto an ASCII letter is scanned in full."""
    assert C._words("eſtimated") is None
    assert C._words("The \u212aremlin said") is None
    assert C._modals("Prices were eſtimated at 5.") == [(12, "estimate", "eſtimated")]


def test_lower_cased_scans_read_as_case_blind_scans() -> None:
    """Scanning the lower-cased sentence finds the same sources, modals and scopes as re.I scans."""
    checked = 0
    for text in [*_sentences(), "Prices MAY rise 5% in DECEMBER 2021.", "It may be 5 by Dec. 2030, AN ESTIMATED 6."]:
        lower = C._lower(text)
        if lower is None:
            continue
        words = C._words(text)
        assert C._modals(text, words, lower) == C._modals(text, words)
        assert C._scopes(text, words, lower) == C._scopes(text, words)
        assert C._attributions(text, words, lower) == C._attributions(text, words)
        checked += bool(C._modals(text, words) or C._scopes(text, words))
    assert checked > 100


def test_lower_cased_patterns_spell_no_capital() -> None:
    """The case-sensitive twins hold no capital letter a lower-cased text could not match."""
    import re

    for pattern in (C._ACCORDING_LOWER, C._PROJECTION_LOWER, C._ESTIMATE_LOWER, C._SCOPE_LOWER):
        assert not pattern.flags & re.IGNORECASE
        letters = re.sub(r"\\.|\(\?P<\w+>", "", pattern.pattern)  # escapes and group names aside
        assert not re.search(r"[A-Z]", letters), pattern.pattern[:60]


def test_words_of_lower_text() -> None:
    """A text with a folding character has no lower-cased twin and no word set."""
    assert C._lower("cİting") is None and C._words("cİting") is None
    assert C._words("Said, SAID", C._lower("Said, SAID")) == frozenset({"said"})


def test_letter_runs_hold_every_whole_vocabulary_word() -> None:
    """Every ``\\w+`` word of a text that a prefilter knows is in the text's set of letter runs."""
    import random
    import re

    vocabulary = sorted(
        C._ACCORDING_WORDS | C._POST_SAID_WORDS | C._ESTIMATE_WORDS | C._CLAUSE_WORDS
        | C._PROJECTION_WORDS | C._VERB_WORDS | C._SCOPE_WORDS | {"may"}
    )  # fmt: skip
    glue = [" ", ",", "-", "'", "’", "_", "2", "é", "\u00a0", "—", ".", ""]
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice(vocabulary) + rng.choice(glue) for _ in range(rng.randint(1, 6)))
        words = C._words(text)
        assert words is not None
        for word in re.findall(r"\w+", text.lower()):
            if word in vocabulary:
                assert word in words, (word, text)


def test_context_fields_in_order() -> None:
    """The reader builds contexts positionally: Context's first fields must keep this order."""
    import attrs

    from verify.model import Context

    names = [field.name for field in attrs.fields(Context)]
    assert names[:8] == ["sentence", "attribution", "modality", "modal", "scope", "scope_start", "scope_end", "quoted"]


def test_sentences_without_reader_words_have_no_source_modal_or_scope() -> None:
    """A sentence the reader skips (no reader's word, no year) gets nothing from unfiltered readers,
    and the skip changes no sentence's reading."""
    skipped = 0
    for text in [*_sentences(), "Officials SAID 5.", "It will be 5, he told us.", "In 1999, 5 died."]:
        words = C._words(text)
        if words is not None and words.isdisjoint(C._READER_WORDS) and not C._YEAR_DIGITS.search(text):
            skipped += 1
            # None: no prefilter, every pattern scans the whole sentence
            assert C._attributions(text, None) == C._modals(text, None) == C._scopes(text, None) == [], text
        reader = C.ContextReader(frame(text))
        info = reader._sentence(0)
        assert info.attributions is None  # read only when a figure's context is asked for
        info.read()
        span = info.span.text
        assert (info.attributions, info.modals, info.scopes) == (C._attributions(span), C._modals(span), C._scopes(span))
    assert skipped > 100
