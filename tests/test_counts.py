"""Counts: list-count (VR301, built in) and group-size (VR302, from the groups pack).

Both read the prose directly (counts, names and lists), so they run through verify.check.
"""

from __future__ import annotations

import pytest

import verify
from verify.checks.list_count import read_list
from verify.model import Finding


def found(text: str, rule: str, published: str = "2021-12-08") -> list[Finding]:
    return [f for f in verify.check(text, published=published).findings if f.rule == rule]


@pytest.mark.parametrize(
    ("text", "span", "listed"),
    [
        ("The statement was signed by three countries: Britain, France, Germany and Italy.", "three countries",
         "Britain, France, Germany and Italy"),
        ("The two leaders, Biden, Putin and Macron, met in Geneva.", "two leaders", "Biden, Putin and Macron"),
        ("Four companies -- Apple, Alphabet and Microsoft -- reported results.", "Four companies", "Apple, Alphabet and Microsoft"),
        ("The plan has three goals: growth, jobs, security and stability.", "three goals", "growth, jobs, security and stability"),
        ("At least three countries (Britain and France) objected.", "three countries", "Britain and France"),
        ("Up to two candidates, Ms. Lopez, Mr. Chen and Mr. Diaz, will advance.", "two candidates", "Ms. Lopez, Mr. Chen and Mr. Diaz"),
        ("Police identified the three victims as Smith, Jones, Brown and Green.", "three victims", "Smith, Jones, Brown and Green"),
        ("The top two finishers were Smith, Jones and Brown.", "two finishers", "Smith, Jones and Brown"),
    ],
)
def test_count_disagreeing_with_its_list(text: str, span: str, listed: str) -> None:
    """A stated count that disagrees with the list after it is a warning; the list is the related span."""
    [finding] = found(text, "list-count")
    assert finding.severity == "warning" and finding.text == span
    assert [r.text for r in finding.related] == [listed]


@pytest.mark.parametrize(
    "text",
    [
        "He named three countries: Britain, France and Germany.",
        "France is one of three countries, with Britain and Germany, that signed.",
        "Two of the four, Britain and France, signed.",
        "Three countries, including Britain and France, signed.",
        "Several countries, such as Britain and France, signed.",
        "Five countries signed, among them Britain and France.",
        "Four companies: Apple, Alphabet and Microsoft, among others, reported.",
        "In two years, France and Germany have doubled spending.",
        "After three rounds, Smith and Jones were tied.",
        "The two leaders, Biden said, agreed to talk again.",
        "At least three countries -- Britain, France, Germany and Italy -- signed.",
        "The U.S. and two allies, Britain and France, struck on Friday.",
        "Both leaders, Biden and Putin, spoke for two hours.",
        "It has two parts: one for schools and another for roads.",
        "Three countries: Bosnia and Herzegovina, Serbia and Croatia.",
        "The G20's 19 countries, the EU and the African Union will meet in Rio.",
        "The two leaders are Biden and Putin's closest aides.",
        "Three companies: Johnson & Johnson, Procter & Gamble and Pfizer.",
        "Three people were killed: a woman, her son and a neighbor.",
        "He is survived by two children, Anna and Ben.",
        "The two men as well as Smith and Jones were charged.",
        "The three Baltic states, Estonia, Latvia and Lithuania, asked for more troops.",
    ],
)
def test_lookalikes_are_quiet(text: str) -> None:
    """Partial lists, subsets, time counts, matching and hedged counts raise nothing."""
    assert found(text, "list-count") == []


def test_read_list_items() -> None:
    """read_list splits names on commas and the closing conjunction, keeping "the Czech Republic" whole."""
    prose = "Romania, Poland, the Czech Republic, and Lithuania -- are members."
    listed = read_list(prose, 0, len(prose), names=True)
    assert listed is not None and [i.text for i in listed.items] == ["Romania", "Poland", "the Czech Republic", "Lithuania"]
    assert read_list("Biden said, Putin agreed.", 0, 25, names=True) is None


@pytest.mark.parametrize(
    ("text", "published", "span"),
    [
        ("The G7 — the United States, Britain, France, Germany, Italy and Japan — met in Cornwall.", "2021-06-12", "G7"),
        ("NATO's 29 members agreed on the statement.", "2022-05-01", "29 members"),
        ("The 28-nation EU agreed on new sanctions.", "2021-05-01", "28-nation"),
        ("The EU's 28 member states agreed on new sanctions.", "2021-05-01", "28 member states"),
        ("All 30 NATO allies signed the communique.", "2024-07-10", "30 NATO allies"),
        ("The B9 -- Romania, Poland, Hungary, Bulgaria, the Czech Republic, Slovakia, Estonia, Latvia and Ukraine -- met.",
         "2021-12-08", "B9"),
        ("The G20, which has 22 members, met in Rome.", "2021-10-30", "22 members"),
        ("The Group of Seven — Canada, France, Germany, Italy, Japan and the United States — met.", "2022-06-26",
         "Group of Seven"),
        ("The five permanent members of the Security Council — the U.S., Russia, China and France — met.",
         "2022-06-15", "permanent members of the Security Council"),
        ("The six permanent members of the Security Council met.", "2022-06-15",
         "six permanent members of the Security Council"),
        ("The BRICS group of Brazil, Russia, India and China met.", "2022-06-15", "BRICS"),
        ("The ASEAN's 11 members met in Phnom Penh.", "2022-11-11", "11 members"),
        ("The Group of Seven industrialized nations — the United States, Japan, Germany, Britain, France and Italy — met.",
         "2022-06-26", "Group of Seven"),
        ("The G7 countries are the United States, Japan, Germany, Britain, France and Italy.", "2022-06-26", "G7"),
    ],
)
def test_group_size_disagreeing_with_the_pack(text: str, published: str, span: str) -> None:
    """A stated size or a list that disagrees with the groups pack on that date is a warning citing it."""
    [finding] = found(text, "group-size", published)
    assert finding.severity == "warning" and finding.text == span
    assert finding.reference is not None and finding.reference.id.startswith("groups/") and finding.reference.source


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("The B9 -- Romania, Poland, Hungary, Bulgaria, the Czech Republic, Slovakia, Estonia, Latvia, and Lithuania -- met.",
         "2021-12-08"),
        ("NATO's 29 members agreed on the statement.", "2019-05-01"),
        ("NATO's 30 members agreed on the statement.", "2022-05-01"),
        ("NATO's 32 members agreed on the statement.", "2024-07-10"),
        ("Seven of NATO's 30 members meet the target.", "2022-05-01"),
        ("The 23 NATO members that meet the 2% target were praised.", "2024-05-01"),
        ("When NATO had 16 members, the alliance was smaller.", "2024-05-01"),
        ("Finland joined on Tuesday, making NATO's 31 members.", "2023-04-04"),
        ("Two G7 members, France and Italy, objected.", "2021-05-01"),
        ("Leaders of the G7, China and India met in Bali.", "2022-11-15"),
        ("The G20, which has 20 members, met in Rome.", "2021-10-30"),
        ("The G20's 19 countries and the EU met in Rome.", "2021-10-30"),
        ("The EU's 27 member states agreed.", "2021-05-01"),
        ("The Group of Seven -- the United States, Britain, Canada, France, Germany, Italy and Japan -- met.", "2021-06-12"),
        ("G7 countries such as France and Italy objected.", "2021-06-12"),
        ("BRICS, which has 10 members, met in Rio.", "2025-07-06"),
        ("The EU's 24 official languages are all used.", "2021-05-01"),
        ("The three Nordic countries that border Russia met.", "2022-06-15"),
        ("The Five Eyes alliance of the U.S., Britain, Canada, Australia and New Zealand met.", "2022-06-15"),
        ("Three permanent members of the Security Council, the U.S., Britain and France, objected.", "2022-06-15"),
        ("BRICS -- Brazil, Russia, India, China and South Africa -- met in Beijing.", "2022-06-23"),
        ("The ASEAN's 11 members met in Kuala Lumpur.", "2025-11-01"),
        ("NATO allies are Poland, Romania and the Baltic states.", "2022-06-15"),
        ("The G7 includes Britain, France and Germany.", "2022-06-15"),
        ("The G7 leaders are meeting in Elmau, Germany and Austria.", "2022-06-15"),
    ],
)
def test_group_lookalikes_are_quiet(text: str, published: str) -> None:
    """Right sizes on their date, subsets, partial lists, other lists and membership changes raise nothing."""
    assert found(text, "group-size", published) == []


@pytest.mark.parametrize(
    "text",
    [
        "NATO, with two members opposed, delayed the vote.",
        "NATO has three members that border Russia.",
        "NATO's three members bordering Russia met.",
    ],
)
def test_counts_of_part_of_a_group_are_quiet(text: str) -> None:
    """A count of some members ("with two members opposed") is not the group's size."""
    assert found(text, "group-size", "2022-06-15") == []


def test_undated_copy_only_flags_sizes_the_group_never_had() -> None:
    """Without a publication date, "NATO's 30 members" may be right; "NATO's 35 members" never was."""
    assert [f.rule for f in verify.check("NATO's 30 members met.").findings] == []
    assert [f.rule for f in verify.check("NATO's 35 members met.").findings] == ["group-size"]
