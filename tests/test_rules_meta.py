"""Every rule is documented the same way and has fixtures that show it firing and staying quiet."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from verify import checks
from verify.testing import fixture_paths, parse_annotations

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SECTIONS = ("## What it flags", "## Why it matters", "## Example", "## Use instead")
RULES = checks.rules()


def _annotations() -> list:
    found = []
    for path in fixture_paths(FIXTURES):
        found.extend((path, a) for a in parse_annotations(path.read_text(encoding="utf-8"), str(path)))
    return found


ANNOTATIONS = _annotations()


def test_rule_ids_and_codes_are_unique_and_well_formed() -> None:
    """Ids are kebab-case, codes are VRnnn, and neither repeats."""
    assert len({r.id for r in RULES}) == len(RULES) == len({r.code for r in RULES})
    for r in RULES:
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", r.id), r.id
        assert re.fullmatch(r"VR\d{3}", r.code), r.code
        assert r.severity in ("error", "warning", "info")


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_documentation_has_every_section(rule: checks.Rule) -> None:
    """The check module's docstring has a summary line and the four sections, in order."""
    doc = rule.doc
    assert doc.splitlines()[0].strip(), rule.id
    positions = [doc.find(section) for section in SECTIONS]
    assert all(p >= 0 for p in positions), f"{rule.check}: missing {[s for s, p in zip(SECTIONS, positions) if p < 0]}"
    assert positions == sorted(positions), f"{rule.check}: sections out of order"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_has_a_fixture_where_it_fires(rule: checks.Rule) -> None:
    """Some annotated article expects the rule (by id or code) to fire."""
    assert any(a.kind == "expect" and a.rule in (rule.id, rule.code) for _, a in ANNOTATIONS), rule.id


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_has_a_clean_fixture_of_its_own_kind(rule: checks.Rule) -> None:
    """Some article of the rule's own fixture family expects nothing and marks lookalikes ok."""
    families = {path.name.split("-")[0] for path, a in ANNOTATIONS if a.kind == "expect" and a.rule in (rule.id, rule.code)}
    clean = [
        path
        for path in fixture_paths(FIXTURES / "articles")
        if path.name.split("-")[0] in families
        and not any(a.kind == "expect" for p, a in ANNOTATIONS if p == path)
        and any(a.kind == "ok" for p, a in ANNOTATIONS if p == path)
    ]
    assert clean, f"no clean fixture in {sorted(families)} for {rule.id}"
