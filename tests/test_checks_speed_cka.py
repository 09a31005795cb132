"""The shortcuts of the arithmetic, list-count and group-size checks skip only work that could not
have found anything."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import verify
from verify.checks import arithmetic
from verify.document import Document
from verify.extract import extract
from verify.model import Span

# --- arithmetic: a pattern is searched only when the clause holds the whole words it needs.

WORD_NEEDS = [
    (family, i)
    for family in ("_CHANGES", "_BARE_CHANGES", "_MULTIPLES")
    for i in range(len(getattr(arithmetic, family)))
    if getattr(arithmetic, family + "_WORDS")[i]
]


def _fixture_texts() -> list[tuple[str, str]]:
    """Every fixture article, as (text, format)."""
    from pathlib import Path

    return [(p.read_text(encoding="utf-8"), "markdown") for p in sorted(Path(__file__).parent.parent.glob("fixtures/**/*.md"))]


def _same_findings_without_gates(
    monkeypatch: pytest.MonkeyPatch,
    texts: list[tuple[str, str]],
    rules: set[str] | None,
    gates: list[tuple[object, str, object]],
    published: str | None = None,
) -> list[list[dict]]:
    """Asserts that each (text, format) gets the same findings of ``rules`` (None: all) once
    each (module, name, stand-in) of ``gates`` replaces a gate; returns the gated findings."""

    def findings() -> list[list[dict]]:
        return [
            [f.to_dict() for f in verify.check(t, format=fmt, published=published).findings if rules is None or f.rule in rules]
            for t, fmt in texts
        ]

    gated = findings()
    for module, name, stand_in in gates:
        monkeypatch.setattr(module, name, stand_in)
    assert findings() == gated
    return gated


def test_word_needs_name_every_pattern() -> None:
    """Each family's list of needed words runs parallel to its patterns."""
    for family in ("_CHANGES", "_BARE_CHANGES", "_MULTIPLES"):
        assert len(getattr(arithmetic, family + "_WORDS")) == len(getattr(arithmetic, family))


@pytest.mark.parametrize(("family", "i"), WORD_NEEDS, ids=[f"{f}[{i}]" for f, i in WORD_NEEDS])
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_match_holds_the_words_its_pattern_needs(family: str, i: int, data) -> None:
    """Text generated to match a pattern holds, as runs of letters, every word the pattern is said to need."""
    pattern = getattr(arithmetic, family)[i]
    text = data.draw(st.from_regex(pattern).map(str.lower).filter(pattern.search))
    words = set(re.findall(r"[a-z]+", text))
    assert getattr(arithmetic, family + "_WORDS")[i] <= words, (family, i, text)


@pytest.mark.parametrize("i", range(len(arithmetic._SHARES)))
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_share_pattern_match_holds_of(i: int, data) -> None:
    """The part-of-whole share patterns, skipped in a clause without the word "of", always hold it."""
    pattern = arithmetic._SHARES[i]
    text = data.draw(st.from_regex(pattern).map(str.lower).filter(pattern.search))
    assert "of" in re.findall(r"[a-z]+", text), text


ALL_SHARES = [
    (family, i) for family in ("_SHARES", "_RATIO_SHARES", "_PAIRED_SHARES", "_FRACTION_SHARES") for i in range(len(getattr(arithmetic, family)))
]


@pytest.mark.parametrize(("family", "i"), ALL_SHARES, ids=[f"{f}[{i}]" for f, i in ALL_SHARES])
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_share_pattern_match_holds_a_join(family: str, i: int, data) -> None:
    """Every share pattern, skipped in a clause without ", or", a dash or a bracket, matches only text the join gate admits."""
    pattern = getattr(arithmetic, family)[i]
    text = data.draw(st.from_regex(pattern).map(str.lower).filter(pattern.search))
    assert arithmetic._may_join(arithmetic.Clause(text, (), ())), text
    assert not arithmetic._may_join(arithmetic.Clause("⟨0⟩ of ⟨1⟩, for ⟨2⟩ more", (), ()))


SHARE_TEXTS = [
    "One in five residents, or 30%, voted.",
    "A third of voters, or 45%, stayed home.",
    "Two out of three, or 80%, agreed.",
    "Half the staff, or 40 percent, left.",
    "About a quarter, 30%, said no.",
    "It rose 40% to 120 from 80, a tenth of the total.",
    "Three-quarters of the 1,000 polled (60%) agreed.",
]


@pytest.mark.parametrize("text", SHARE_TEXTS)
def test_share_text_admits_every_figure_share_range_reads(text: str) -> None:
    """A figure that share_range reads as a share always passes the cheaper text test the clause keeps."""
    for fig in extract(Document.from_text(text)).quantities:
        if arithmetic.share_range(fig) is not None:
            assert arithmetic._share_text(fig), fig


@pytest.mark.parametrize(
    "text",
    ["Sales rose 25% from 80 to 120.", "Costs fell\tto $1.2 billion\nfrom $1.5 billion.", "It is 3 km, or 3,000 m."],
)
def test_a_figure_in_its_own_unit_is_its_magnitude(text: str) -> None:
    """Reading a figure in its own unit, or another figure's, by unit container gives what pint's
    conversion to the pint Unit gives."""
    figures = extract(Document.from_text(text)).quantities
    for fig in figures:
        assert arithmetic._in(fig, fig.value._units) == float(fig.value.to(fig.value.units).magnitude)
        for other in figures:
            if arithmetic._comparable(fig, other):
                assert arithmetic._in(fig, other.value._units) == float(fig.value.to(other.value.units).magnitude)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aΣ İ\t\n\r\x0b\x0c\u00a0\u2003\u2028⟨x.", max_size=30))
def test_sentence_text_puts_a_space_for_every_whitespace(text: str) -> None:
    """The gates' sentence text is the sentence lower-cased by character, each whitespace a space."""
    expected = re.sub(r"\s", " ", "".join(c.lower() for c in text))
    assert arithmetic._sentence_text(text, Span(0, len(text), text)) == expected


def test_every_whitespace_but_the_space_is_unprintable() -> None:
    """A printable sentence holds no whitespace but spaces, so the sentence text skips the replacing."""
    import sys

    spaces = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() or re.match(r"\s", c)]
    assert len(spaces) > 20
    assert all(not c.isprintable() for c in spaces if c != " ")


ONE_FIGURE = [
    "The council approved 12 new homes.",
    "The council approved 12 new homes ⟨⟩ today.",
    "Turnout was 60%.",
    "Prices rose 5 to 7 percent.",
    "One in five residents voted.",
    "A third of voters, 45%, stayed home.",
]


@pytest.mark.parametrize("text", ONE_FIGURE)
def test_one_plain_figure_gate_keeps_findings(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A sentence turned away for one plain figure gets the same findings when let through."""
    _same_findings_without_gates(monkeypatch, [(text, "text")], None, [(arithmetic, "_one_plain_figure", lambda *args: False)])


FAMILY_GATES = ["_may_changes", "_may_shares", "_may_multiples", "_may_sums"]


def test_family_gates_keep_findings_in_every_fixture(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every fixture article, and sentences made to reach each family, get the same arithmetic
    findings when every family is called on every clause of every sentence."""
    from test_checks_speed_gates import SENTENCES

    texts = _fixture_texts() + [(t, "text") for t in SENTENCES]
    rules = {r.id for r in arithmetic.RULES}
    gated = _same_findings_without_gates(monkeypatch, texts, rules, [(arithmetic, name, lambda *args: True) for name in FAMILY_GATES])
    assert sum(map(len, gated)) > 10


@pytest.mark.parametrize("template", ["a total of ⟨0⟩: ⟨1⟩ in a and ⟨2⟩ in b", "of the ⟨0⟩ polled, ⟨1⟩ said yes and ⟨2⟩ no"])
def test_sum_gates_admit_their_patterns(template: str) -> None:
    """The sums' text gates say yes to clauses their patterns match."""
    clause = arithmetic.Clause(template, tuple(range(len(template))), ())
    assert arithmetic._may_sums(clause)
    assert arithmetic._SUMS[0].search(template) is None or arithmetic._may_announce(clause)


@pytest.mark.parametrize("i", [0])
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_first_sum_pattern_match_holds_its_announcing_mark(i: int, data) -> None:
    """A match of the first sum pattern always holds a colon, a dash or a bracket."""
    pattern = arithmetic._SUMS[i]
    text = data.draw(st.from_regex(pattern).map(str.lower).filter(pattern.search))
    assert arithmetic._may_announce(arithmetic.Clause(text, tuple(range(len(text))), ())), text


@settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_of_the_match_holds_of(data) -> None:
    """A match of the "of the N, …" sum pattern holds the word "of", and its head begins where it does."""
    text = data.draw(st.from_regex(arithmetic._OF_THE).map(str.lower).filter(arithmetic._OF_THE.search))
    assert "of" in re.findall(r"[a-z]+", text), text
    for m in arithmetic._OF_THE.finditer(text):
        assert arithmetic._OF_THE_HEAD.match(text, m.start()), text
    clause = arithmetic.Clause(text, (), ())
    assert arithmetic._may_of_the(clause)
    head = arithmetic._OF_THE_HEAD.search(text)
    assert [m.span() for m in arithmetic._OF_THE.finditer(text, head.start())] == [m.span() for m in arithmetic._OF_THE.finditer(text)]


def test_by_sentence_groups_as_the_frame_does() -> None:
    """Each figure is grouped under the sentence the frame puts its start in, in order of start."""
    text = "Sales rose 25% from 80 to 120. Costs fell. It cost $5 and $6, and 7. Then 8."
    ex = extract(Document.from_text(text))
    ctx = verify.checks.CheckContext(ex)
    expected: dict[int, list] = {}
    for fig in sorted(ex.quantities, key=lambda f: f.start):
        expected.setdefault(ex.frame.sentence_index(fig.start), []).append(fig)
    found = [(sentence, figures) for sentence, figures in arithmetic._by_sentence(ctx)]
    assert found == [(ex.frame.sentences[i], figs) for i, figs in sorted(expected.items())]


# --- list-count: a sentence without a closing "and" or "or" holds no list, so it is skipped.

_LIST_PIECES = [
    "three", "countries", ":", ",", " ", "  ", "\n", "\t", "and", "or", "And", "OR", "Britain", "France", "the", "two",
    "leaders", "were", "as", "(", ")", "—", ".", "x", "é", "2", "Sandor", "orbit", "band",
]


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(_LIST_PIECES), max_size=24), names=st.booleans(), cut=st.integers(0, 4))
def test_every_list_holds_a_closing_conjunction(pieces: list[str], names: bool, cut: int) -> None:
    """Whatever list read_list finds between two offsets, the conjunction gate finds there too."""
    from verify.checks import list_count

    text = "".join(pieces)
    start, limit = min(cut, len(text)), len(text)
    for at in range(start, limit):
        if list_count.read_list(text, at, limit, names=names) is not None:
            assert list_count.may_list(text, start, limit), (text, at)


LIST_TEXTS = [
    "The statement was signed by three countries: Britain, France, Germany and Italy.",
    "The two leaders, Biden, Putin and Macron, met in Geneva.",
    "Police named the two victims as Ann Lee, Bo Chan and Cy Diaz.",
    "At least five firms bid: Acme, Bolt and Crane.",
    "Police named the three victims as Ann Lee, Bo Chan and Cy Diaz.",
    "Four teams qualified: Spain and Italy.",
    "The three winners were Ann, Bo and Cy; two others, Di or Ed, lost.",
]


@pytest.mark.parametrize("text", LIST_TEXTS)
def test_list_count_gate_keeps_findings(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each text gets the same list-count findings with and without the conjunction gate."""
    from verify.checks import list_count

    _same_findings_without_gates(monkeypatch, [(text, "text")], {"list-count"}, [(list_count, "may_list", lambda *args: True)])


def test_list_count_texts_reach_the_check() -> None:
    """The list texts above do produce list-count findings, so the gate test compares something."""
    assert sum(any(f.rule == "list-count" for f in verify.check(t).findings) for t in LIST_TEXTS) >= 3


# --- group-size: first words looked for once, dating words read from an ASCII sentence lower-cased.


def test_aliases_keep_the_order_of_groups_and_aliases() -> None:
    """The alias index lists every group's aliases in pack order, each with its first word."""
    from verify import packs
    from verify.checks import group_size
    from verify.config import Config

    resolved = tuple(packs.resolve((), Config()))
    expected = [(g, a, group_size._first_word(a)) for p in resolved for g in p.groups for a in g.aliases]
    assert list(group_size._alias_index(resolved).aliases) == expected
    assert len(expected) > 10


_VOCABULARY_PIECES = ["a", "b", "ab", "ba", "aba", "abab", "bab", "G", "G7", "G20", "NATO", "ASEAN", "Group", "permanent", " ", ""]
_TEXT_PIECES = ["a", "b", "ab", "ba", "G", "7", "20", "-", " ", "NATO", "ASEAN", "ASEANATO", "Groupermanent", "x", "é"]


@settings(max_examples=500, deadline=None)
@given(
    vocabulary=st.lists(st.sampled_from(_VOCABULARY_PIECES), max_size=6),
    pieces=st.lists(st.sampled_from(_TEXT_PIECES), max_size=12),
)
def test_words_present_finds_every_substring_word(vocabulary: list[str], pieces: list[str]) -> None:
    """One scan finds exactly the words a substring test finds, words inside or across others included."""
    from verify.checks import group_size

    text = "".join(pieces)
    assert group_size._Words(vocabulary).present(text) == {w for w in vocabulary if w in text}


def test_pack_first_words_present_as_substring_tests_say() -> None:
    """On every fixture article the first words found are those a substring test finds."""
    from pathlib import Path

    from verify import packs
    from verify.checks import group_size
    from verify.config import Config

    index = group_size._alias_index(tuple(packs.resolve((), Config())))
    firsts = {first for _, _, first in index.aliases}
    seen = 0
    for path in sorted(Path(__file__).resolve().parent.parent.glob("fixtures/**/*.md")):
        prose = Document.from_text(path.read_text(encoding="utf-8"), format="markdown").prose
        expected = {w for w in firsts if w in prose}
        assert index.firsts.present(prose) == expected
        seen += len(expected)
    assert seen > 10


_DATING_PIECES = [
    "then", "Then", "THEN", "at the time", "When", "joined", "JOINED", "Brexit", "brexit", "BREXIT", "back in", "baCK in",
    "bac\u212a in", "ſince", "join", "joınt", "İt", "left", "had", "x", " ", "-", ",", "é", "2019", "members", "ATO",
]


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(_DATING_PIECES), max_size=8), glue=st.sampled_from([" ", "", "-"]))
def test_dated_answers_as_the_case_blind_pattern(pieces: list[str], glue: str) -> None:
    """The lower-cased ASCII scan for dating words answers as the case-blind pattern does."""
    from verify.checks import group_size

    text = glue.join(pieces)
    assert group_size._dated(text) == bool(group_size._TEMPORAL.search(text))


@pytest.mark.parametrize(
    "text", ["NATO's 30 members met in 2021.", "In 1999 NATO had 19.", "NATO, 2020-21.", "NATO 18 nations.", "No year"]
)
@pytest.mark.parametrize("year", [None, 2021])
def test_changing_reads_years_as_before(text: str, year: int | None) -> None:
    """The year gate gives what reading every year of the sentence gives."""
    from verify.checks import group_size

    expected = bool(group_size._TEMPORAL.search(text)) or any(int(y) != year for y in group_size._YEAR.findall(text))
    assert group_size._read_changing(text, year) == expected


def test_paired_share_gate_reads_each_figure_of_a_long_sentence_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A sentence of many clauses asks about each figure's share text a bounded number of times
    (the gate reads a clause's own tokens, not every figure of its sentence): linear, not quadratic."""
    calls = 0
    share_text = arithmetic._share_text

    def counting(fig) -> bool:
        nonlocal calls
        calls += 1
        return share_text(fig)

    monkeypatch.setattr(arithmetic, "_share_text", counting)
    unit = "sales rose 25% from 80 to 120 (a third), while costs fell 5% to 40; "  # a join: shares are read
    counts = []
    for n in (50, 100):
        calls = 0
        list(arithmetic.run(verify.checks.CheckContext(extract(Document.from_text(unit * n)))))
        counts.append(calls)
    assert counts[0] > 0
    assert counts[1] <= 2 * counts[0] + 10, counts


def test_lazy_offsets_point_each_template_character_at_its_prose() -> None:
    """On every fixture sentence, each template character's offset points at the prose character
    it was cut from, and each token at its figure (its last character at the figure's last)."""
    from pathlib import Path

    checked = 0
    for path in sorted(Path(__file__).resolve().parent.parent.glob("fixtures/**/*.md")):
        ex = extract(Document.from_text(path.read_text(encoding="utf-8"), format="markdown"))
        prose = ex.document.prose
        for sentence in ex.frame.sentences:
            for clause in arithmetic.clauses(prose, sentence, ex.quantities):
                offsets, template = clause.offsets, clause.template
                assert len(offsets) == len(template)
                for m in re.finditer(r"⟨(\d+)⟩|[^⟨]", template):
                    if m.group(1) is not None:
                        fig = clause.figures[int(m.group(1))]
                        assert list(offsets[m.start() : m.end()]) == [fig.start] * (len(m.group()) - 1) + [fig.end - 1]
                    else:
                        char = prose[offsets[m.start()]]
                        assert template[m.start()] == (" " if char.isspace() else char.lower())
                        checked += 1
    assert checked > 1000


@settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_size_before_a_name_holds_its_kind_word(data) -> None:
    """Every match of the group-size "30-member" pattern holds one of the kind words it is gated by."""
    from verify.checks import group_size

    text = data.draw(st.from_regex(group_size._SIZED_BEFORE).filter(group_size._SIZED_BEFORE.search))
    assert any(kind in text for kind in group_size._SIZE_KINDS), text


TWO_FIGURE_TEXTS = [
    "Sales fell to 120 from 80.",
    "Sales rose from 80 to 60 in the groups.",
    "Traffic doubled from 40 to 90.",
    "The port handled 300 calls, twice as many as the 120 before.",
    "Exports grew fivefold, from 2 to 10.",
    "Of 90 cases, 50 in the north and the remaining 45 in the south.",
    "40 went home and the rest, 70, stayed.",
    "The groups met 3 times in 2 weeks.",
]


@pytest.mark.parametrize("text", TWO_FIGURE_TEXTS)
def test_two_figure_gate_keeps_findings(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A two-figure sentence without a percent gets the same findings when every sentence gate lets it through."""
    rules = {r.id for r in arithmetic.RULES}
    _same_findings_without_gates(monkeypatch, [(text, "text")], rules, [(arithmetic, "_may_hold_arithmetic", lambda *args: True)])


def test_two_figure_texts_reach_the_check() -> None:
    """Some of the two-figure texts above do produce arithmetic findings, so the gate test compares something."""
    rules = {r.id for r in arithmetic.RULES}
    assert sum(any(f.rule in rules for f in verify.check(t).findings) for t in TWO_FIGURE_TEXTS) >= 3


GATE_TEXTS = [
    *TWO_FIGURE_TEXTS,
    "Volunteers delivered 400 boxes, including 150 in the north and 250 in the south.",
    "Police spending rose 5% to $2 million, the budget shows.",
    "Of the 90 victims, 50 were women and 45 were men.",
    "Of those polled, 40% said yes, 30% said no and the remaining 20% were unsure.",
    "A total of 100 ballots: 40 in the north, 30 in the south and 20 in the east.",
    "One in five residents, or 30%, voted.",
    "A third of voters (45%) stayed home.",
    "Turnout was 60%, higher than the 55% of 2019 and the 50% of 2015.",
    "Sales were 120, 30% more than the 80 of last year.",
    "The 12 schools, 40% of the district's 30, have nurses.",
    "Turnout rose from 40 to 60 percent.",
    "It grew from 5 to 10 percent, or a third.",
    "Between 2 and 3 million people, or 40%, left.",
    "The home side scored 3 and the visitors 4, or 7 in all.",
]


def test_sentence_gate_turns_away_only_sentences_whose_clauses_find_nothing() -> None:
    """Every fixture and crafted sentence the sentence gate turns away finds nothing when every
    family is asked of every clause of it; and the gate turns some away and lets some through."""
    from pathlib import Path

    from verify.checks import CheckContext

    docs = [Document.from_text(p.read_text(encoding="utf-8"), format="markdown") for p in sorted(Path(__file__).parent.parent.glob("fixtures/**/*.md"))]
    docs += [Document.from_text(t) for t in GATE_TEXTS]
    turned, passed = 0, 0
    for doc in docs:
        ctx = CheckContext(extract(doc))
        prose = ctx.prose
        for sentence, figures in arithmetic._by_sentence(ctx):
            text = arithmetic._sentence_text(prose, sentence)
            if arithmetic._may_hold_arithmetic(text, figures):
                passed += 1
                continue
            turned += 1
            inside = arithmetic.endpoints(prose, arithmetic._within(sentence, figures))
            whole = arithmetic._template(prose, sentence, inside, text)
            for clause in arithmetic._split(whole):
                for family in (arithmetic._changes, arithmetic._shares, arithmetic._multiples, arithmetic._sums):
                    assert list(family(ctx, clause)) == [], (sentence.text, family.__name__)
    assert turned > 50 and passed > 50


DIR_LED = [(family, i) for family in ("_CHANGES", "_BARE_CHANGES") for i, led in enumerate(getattr(arithmetic, family + "_DIR_LED")) if led]


def test_the_direction_led_patterns_are_known() -> None:
    """The four stated-size changes that open with a direction word and the two bare ones are marked as such."""
    assert DIR_LED == [("_CHANGES", 0), ("_CHANGES", 1), ("_CHANGES", 2), ("_CHANGES", 3), ("_BARE_CHANGES", 0), ("_BARE_CHANGES", 1)]


@pytest.mark.parametrize(("family", "i"), DIR_LED, ids=[f"{f}[{i}]" for f, i in DIR_LED])
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data(), before=st.sampled_from(["", "x", "2", "_", " ", "⟨1⟩ ", "sales ", "é", "it fell, then "]), after=st.sampled_from(["", " and rose from ⟨3⟩ to ⟨4⟩", "x", "2", "_"]))
def test_direction_led_patterns_match_at_direction_words_as_they_search(family: str, i: int, data, before: str, after: str) -> None:
    """Matching a direction-led pattern only where a whole direction word of the clause begins finds what searching for it finds."""
    pattern = getattr(arithmetic, family)[i]
    text = before + data.draw(st.from_regex(pattern).map(str.lower).filter(pattern.search)) + after
    words = frozenset(re.findall(r"[a-z]+", text))
    starts = arithmetic._word_starts(text, words & arithmetic._DIRECTIONS)
    assert [m.span() for m in arithmetic._matches_at(pattern, text, starts)] == [m.span() for m in pattern.finditer(text)], text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["rose", "fell", "up", "down", "upward", "_up", "up2", "2up", "é", "ü", "x", " ", "-", "⟨0⟩", "rosé"]), max_size=12))
def test_word_starts_finds_what_a_whole_word_pattern_finds(pieces: list[str]) -> None:
    """The substring walk for whole words finds the starts ``\\b(?:words)\\b`` finds."""
    text = "".join(pieces)
    words = ["rose", "fell", "up", "down"]
    expected = [m.start() for m in re.finditer(r"\b(?:rose|fell|up|down)\b", text)]
    assert arithmetic._word_starts(text, words) == expected, text


def test_str_whitespace_is_the_pattern_whitespace() -> None:
    """str.isspace and str.split read as whitespace exactly the characters ``\\s`` matches."""
    import sys

    chars = map(chr, range(sys.maxunicode + 1))
    assert [c for c in chars if c.isspace()] == [c for c in map(chr, range(sys.maxunicode + 1)) if re.match(r"\s", c)]


_BEFORE_PIECES = [
    "all", "All", "the", "The", "its", "their", "of", "Of", "30", "2", "1234", "five", "FIVE", "ſix", "twenty",
    "members", "member", "countries", "NATO", "x", " ", "  ", "\n", "\t", "\x1c", "\u2003", "-", "members of",
    "all 27 members of the", "the 30 countries of",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_BEFORE_PIECES), max_size=10), st.sampled_from(["", " ", "\n", " \n", "\u2003"]))
def test_group_size_ending_tests_admit_every_match(pieces: list[str], tail: str) -> None:
    """The end-of-text tests before a group's name say yes whenever the patterns they guard match."""
    from verify.checks import group_size

    text = " ".join(pieces) + tail
    if group_size._COUNT_BEFORE.search(text):
        assert group_size._ends_with_count(text), text
    for nouns in (("members", "member states", "countries"), ("countries",)):
        if group_size._members_of(nouns, text):
            assert group_size._ends_with_of(text), text


def test_group_size_ending_tests_turn_away_some_texts() -> None:
    """The end-of-text tests are not always yes: a text ending in a word that is neither a count nor "of" is turned away."""
    from verify.checks import group_size

    assert group_size._ends_with_count("all 30 ") and not group_size._ends_with_count("the leaders of ")
    assert group_size._ends_with_of("the 30 members of the ") and not group_size._ends_with_of("all 30 ")


@pytest.mark.parametrize("i", range(len(arithmetic._MULTIPLES)))
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data(), before=st.sampled_from(["", "x", "2", "_", " ", "⟨1⟩ ", "ten", "a "]), after=st.sampled_from(["", "x", "2", "_", " twice", "fold"]))
def test_a_multiple_match_holds_what_follows_its_multiplier(i: int, data, before: str, after: str) -> None:
    """Every match of a multiple pattern ends its multiplier where the clause's multiplier ends are read, and what the pattern is said to need there follows."""
    pattern = arithmetic._MULTIPLES[i]
    text = before + data.draw(st.from_regex(pattern).map(str.lower).filter(pattern.search)) + after
    ends = arithmetic._mult_ends(arithmetic.Clause(text, (), ()))
    for m in pattern.finditer(text):
        assert m.end("mult") in ends, text
        assert arithmetic._MULTIPLES_AFTER[i].match(text, m.end("mult")), text


def test_multiple_patterns_are_skipped_where_nothing_follows_their_multiplier() -> None:
    """A clause whose multiplier is followed by "from" searches only the patterns that continue so."""
    clause = arithmetic.Clause("traffic doubled from ⟨0⟩ to ⟨1⟩ containers.", (), ())
    ends = arithmetic._mult_ends(clause)
    searched = [i for i, after in enumerate(arithmetic._MULTIPLES_AFTER) if any(after.match(clause.template, e) for e in ends)]
    assert searched == [0, 2]


GROUP_TEXTS = [
    "The G7 — the United States, Britain, France, Germany, Italy and Japan — met in Cornwall.",
    "The Group of Seven industrialized nations: the U.S., Britain, France, Germany, Italy, Japan and Canada.",
    "Two G7 members, France and Italy, objected.",
    "The Five Eyes alliance of the U.S., Britain, Canada, Australia and New Zealand shares intelligence.",
    "The Nordic countries are Denmark, Finland, Iceland, Norway and Sweden.",
    "NATO's 29 members met in Brussels.",
]


def test_group_list_gate_keeps_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every fixture article and group sentence gets the same group-size findings when the list check is not turned away for want of "and" or "or"."""
    from verify.checks import group_size

    texts = _fixture_texts() + [(t, "text") for t in GROUP_TEXTS]
    gates = [(group_size, "may_list", lambda *args: True)]
    gated = _same_findings_without_gates(monkeypatch, texts, {"group-size"}, gates, published="2022-06-01")
    assert sum(map(len, gated)) >= 3


_COUNT_PIECES = [
    "two", "Three", "TWENTY", "both", "at least", "At  least", "more than", "no more than", "NO MORE THAN", "some",
    "over", "up to", "about", "2", "20", "21", "1", "15", "2021", "x2", "two2", "leaders", "countries", "France",
    "Italy", "and", "were", "named as", "at", "no", "é", "İ", "ſix", "ſome",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(
    pieces=st.lists(st.sampled_from(_COUNT_PIECES), max_size=16),
    glue=st.lists(
        st.sampled_from(["", " ", "  ", "\n", " \x1c ", "\u2003", "-", ",", ", ", "(", ": ", "_", "'", ".", "\t", "—"]),
        min_size=16,
        max_size=16,
    ),
    cut=st.integers(0, 4),
)
def test_list_count_tries_only_openers_followed_by_whitespace(pieces: list[str], glue: list[str], cut: int) -> None:
    """Skipping each opener not followed by whitespace finds every count the pattern finds, whatever glues the words."""
    from verify.checks import list_count

    text = "".join(p + g for p, g in zip(pieces, glue))
    start, end = min(cut, len(text)), max(cut, len(text) - cut)
    expected = [m.span() for m in list_count._COUNT.finditer(text, start, end)]
    assert [m.span() for m in list_count._counts(text, start, end)] == expected
