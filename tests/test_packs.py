"""Rule packs: the loader's validation and errors, the shipped packs, and user packs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import verify
from verify.errors import PackError
from verify.packs import default_packs, find_phrase, load_pack, parse_pack, rules_folder

ROOT = Path(__file__).resolve().parent.parent
PACKS = ROOT / "fixtures" / "packs"

VALID = """
[pack]
name = "mine"

[[reference]]
id = "aid"
subject = "aid to Ruritania"
keywords = ["aid"]
unit = "USD"
min = 1e6
max = 2e6
as_of = 2024-01-01
source = "Ruritanian treasury"
"""


def shipped(name: str):
    return next(p for p in default_packs() if p.name == name)


@pytest.mark.parametrize(
    ("file", "line", "entry", "field", "words"),
    [
        ("broken-syntax.toml", 6, None, None, "invalid TOML"),
        ("broken-unknown-key.toml", 12, "aid", "maximum", "unknown key 'maximum'; expected one of"),
        ("broken-unit.toml", 16, "distance", "unit", "a unit the registry knows"),
        ("broken-min-max.toml", 9, "age", "min", "min <= max"),
        ("broken-date.toml", 12, "club", "since", "a date such as 2021-12-08"),
        ("broken-type.toml", 7, "aid", "keywords", "a list of non-empty strings, got a string 'arms'"),
    ],
)
def test_broken_packs_name_file_line_entry_and_field(file: str, line: int, entry: str, field: str, words: str) -> None:
    """Each broken pack raises PackError naming the file, line, entry and field, saying what was expected."""
    with pytest.raises(PackError) as caught:
        load_pack(PACKS / file)
    error = caught.value
    assert error.path.endswith(file) and error.line == line
    assert (error.entry, error.field) == (entry, field)
    assert words in str(error) and str(error).startswith(f"{error.path}:{line}: ")
    assert isinstance(error, ValueError) and isinstance(error, verify.VerifyError)


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (("min = 1e6", "min = true"), "min", "expected a number, got a boolean"),
        (("as_of = 2024-01-01", 'as_of = "yesterday"'), "as_of", "a date such as"),
        (('unit = "USD"', 'unit = "USD"\nmodality = "prophecy"'), "modality", "one of 'reported', 'projection', 'estimate'"),
        (('unit = "USD"', 'unit = "USD"\nperiod_start = 14'), "period_start", "a year such as 2014"),
        (('unit = "USD"', 'unit = "USD"\nperiod_start = 2014\nperiod = 2021'), "period", "not both"),
        (('unit = "USD"', 'unit = "USD"\nvalid_from = 2022-01-01\nvalid_until = 2021-01-01'), "valid_from", "valid_from <= valid_until"),
        (('unit = "USD"', 'unit = "USD"\nseverity = "fatal"'), "severity", "one of 'error', 'warning', 'info'"),
        (('id = "aid"', 'id = "has space"'), "id", "an id"),
        (('unit = "USD"', 'unit = "USD"\ncontext = [1]'), "context", "lists of alternatives"),
    ],
)
def test_field_errors(change: tuple[str, str], field: str, words: str) -> None:
    """Wrong values of each field are reported on that field's own line with what was expected."""
    raw = VALID.replace(*change)
    with pytest.raises(PackError) as caught:
        parse_pack(raw, path="mine.toml")
    error = caught.value
    assert error.field == field and words in error.message
    assert raw.splitlines()[error.line - 1].lstrip().startswith(field)


def test_missing_required_fields_point_at_the_entry() -> None:
    """A reference with no source names the entry and its [[reference]] line."""
    raw = VALID.replace('source = "Ruritanian treasury"\n', "")
    with pytest.raises(PackError) as caught:
        parse_pack(raw, path="mine.toml")
    assert caught.value.entry == "aid" and "missing required field 'source'" in caught.value.message
    assert raw.splitlines()[caught.value.line - 1].strip() == "[[reference]]"


def test_neither_min_nor_max_is_an_error() -> None:
    """A reference needs at least one bound."""
    raw = VALID.replace("min = 1e6\nmax = 2e6\n", "")
    with pytest.raises(PackError, match="at least one of 'min' and 'max'"):
        parse_pack(raw)


def test_duplicate_ids_are_an_error() -> None:
    """Two entries of one kind with the same id are rejected, pointing at the second."""
    raw = VALID + VALID.split("[pack]\nname = \"mine\"\n")[1]
    with pytest.raises(PackError, match="duplicate reference id") as caught:
        parse_pack(raw)
    assert caught.value.line == raw.splitlines().index('id = "aid"', 6) + 1


def test_unknown_top_level_table() -> None:
    """An unknown top-level table is named."""
    with pytest.raises(PackError, match="unknown key 'references'"):
        parse_pack(VALID.replace("[[reference]]", "[[references]]"))


def test_valid_pack_loads_into_frozen_definitions() -> None:
    """A valid pack yields immutable definitions with parsed dates and citations."""
    pack = parse_pack(VALID, path="mine.toml")
    [ref] = pack.references
    assert (ref.min, ref.max, ref.unit, ref.as_of) == (1e6, 2e6, "USD", "2024-01-01")
    assert ref.citation.id == "mine/aid" and ref.citation.source == "Ruritanian treasury"
    with pytest.raises(AttributeError):
        ref.min = 0  # type: ignore[misc]


def test_pack_name_defaults_to_the_file_stem(tmp_path: Path) -> None:
    """A pack without [pack] takes its name from the file."""
    path = tmp_path / "My Newsroom.toml"
    path.write_text(VALID.replace('[pack]\nname = "mine"\n', ""), encoding="utf-8")
    assert load_pack(path).name == "my-newsroom"


def test_shipped_packs_load_once_and_are_sourced() -> None:
    """Every shipped pack loads (cached), and every entry carries a source and an as-of date."""
    assert rules_folder() is not None
    assert default_packs() is default_packs()
    names = {p.name for p in default_packs()}
    assert {"ukraine-2021", "groups", "plausibility"} <= names
    for pack in default_packs():
        for ref in pack.references:
            assert ref.source and ref.as_of and ref.valid_from and ref.valid_until
        for group in pack.groups:
            assert group.source and group.as_of and group.sizes
        for bound in pack.bounds:
            assert bound.source


def test_ukraine_pack_holds_the_seed_figures() -> None:
    """The ukraine-2021 pack holds the since-2014 aid total and the 175,000 projection."""
    pack = shipped("ukraine-2021")
    aid = next(r for r in pack.references if r.period_start == 2014)
    assert aid.unit == "USD" and aid.min <= 2.5e9 <= aid.max
    troops = next(r for r in pack.references if r.modality == "projection")
    assert troops.min <= 175_000 <= troops.max and troops.as_of == "2021-12-03"
    assert aid.applies_on(dt.date(2021, 12, 8)) and not aid.applies_on(dt.date(2023, 1, 1))


@pytest.mark.parametrize(
    ("group", "date", "count"),
    [
        ("eu", "1994-01-01", 12),
        ("eu", "1995-01-01", 15),
        ("eu", "2004-05-01", 25),
        ("eu", "2010-01-01", 27),
        ("eu", "2015-01-01", 28),
        ("eu", "2020-02-01", 27),
        ("nato", "2019-01-01", 29),
        ("nato", "2022-06-01", 30),
        ("nato", "2023-04-04", 31),
        ("nato", "2024-03-07", 32),
        ("g20", "2022-01-01", 20),
        ("g20", "2024-01-01", 21),
        ("brics", "2020-01-01", 5),
        ("brics", "2024-06-01", 9),
        ("brics", "2025-03-01", 10),
        ("asean", "2020-01-01", 10),
        ("asean", "2025-11-01", 11),
        ("g7", "2021-06-01", 7),
        ("bucharest-nine", "2021-12-08", 9),
        ("five-eyes", "2021-12-08", 5),
        ("p5", "2021-12-08", 5),
        ("nordic-countries", "2021-12-08", 5),
    ],
)
def test_group_sizes_over_time(group: str, date: str, count: int) -> None:
    """The groups pack gives each group's size on a date."""
    found = next(g for g in shipped("groups").groups if g.id == group)
    assert found.size_on(dt.date.fromisoformat(date)).count == count


def test_members_match_the_current_size() -> None:
    """Where a group lists its members, their number is its current size."""
    for group in shipped("groups").groups:
        if group.members:
            assert len(group.members) in group.size_on(None).counts, group.id


def test_user_pack_through_the_public_api() -> None:
    """verify.load_pack loads a user pack and verify.check accepts it (as an object or a path)."""
    pack = verify.load_pack(PACKS / "city-budget.toml")
    assert pack.name == "city-budget" and len(pack.references) == 2 and len(pack.bounds) == 1
    report = verify.check("Springfield has 42 police officers, the chief said.", published="2024-05-01",
                          packs=[PACKS / "city-budget.toml"])
    assert report.document.published == dt.date(2024, 5, 1)


def test_phrases_match_whole_words_with_endings() -> None:
    """Pack words match whole words, plural and demonym endings, hyphen or space."""
    assert find_phrase("Russian troops", "Russia") == [(0, 7)]
    assert find_phrase("Russiagate", "Russia") == []
    assert find_phrase("military-equipment", "military equipment") == [(0, 18)]
    assert find_phrase("talk to us", "US", case=True) == []


DESIGN_EXAMPLE = '''
[pack]
name = "ukraine-2021"
description = "Figures for coverage of the Russia–Ukraine crisis, as of December 2021"

[[reference]]
id = "us-security-assistance-ukraine"
subject = "U.S. security assistance to Ukraine since 2014"
keywords = ["arms", "weapons", "military equipment", "security assistance"]  # any, same sentence
context = ["Ukraine"]            # optional; all, same or previous sentence
period_start = 2014              # optional; only figures scoped "since 2014"
unit = "USD"
min = 2.0e9
max = 3.0e9
as_of = 2021-12-08
source = "U.S. State Department statement on security assistance to Ukraine, December 2021"
'''


def test_the_design_example_pack_drives_the_check(tmp_path: Path) -> None:
    """The pack example in DESIGN.md, saved by a user, works alone (shipped packs off)."""
    path = tmp_path / "mine.toml"
    path.write_text(DESIGN_EXAMPLE, encoding="utf-8")
    text = "The United States has provided more than $250 billion in arms to Ukraine since 2014."
    config = verify.Config(default_packs=False)
    report = verify.check(text, published="2021-12-08", packs=[path], config=config)
    if not report.figures:
        pytest.skip("figure extraction is not available")
    [finding] = [f for f in report.findings if f.rule == "magnitude-slip"]
    assert finding.suggestion == "$2.5 billion" and finding.reference.id == "ukraine-2021/us-security-assistance-ukraine"
    assert finding.reference.source.startswith("U.S. State Department")


def test_installed_rules_folder_is_preferred(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In a wheel the shipped packs live in verify/_rules, which rules_folder() finds first."""
    import verify.packs as packs_module

    (tmp_path / "_rules").mkdir()
    monkeypatch.setattr(packs_module.resources, "files", lambda _name: tmp_path)
    assert rules_folder() == tmp_path / "_rules"
