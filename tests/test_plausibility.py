"""Plausibility bounds (VR103) over figures built by hand, with the shipped plausibility pack."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_reference_range import build, fig

from verify.checks import plausibility
from verify.checks._base import CheckContext
from verify.model import Finding
from verify.packs import load_pack

PACKS = Path(__file__).resolve().parent.parent / "fixtures" / "packs"


def run(text: str, *specs: dict, packs: tuple | None = None) -> list[Finding]:
    ctx = build(text, list(specs))
    if packs is not None:
        ctx = CheckContext(ctx.extraction, packs)
    return list(plausibility.run(ctx))


@pytest.mark.parametrize(
    ("text", "spec", "severity"),
    [
        ("Maria Branyas, who died on Monday aged 131, was the oldest person in Spain.", fig("131", 131), "warning"),
        ("The 130-year-old woman said she walks every day.", fig("130-year-old", 130, kind="measure", unit="year"), "warning"),
        ("He was 140 years old when he died, his family said.", fig("140 years", 140, kind="measure", unit="year"), "warning"),
        ("The mayor won with 112% of the vote in the runoff.", fig("112%", 112, kind="percent"), "error"),
        ("Officials said 104 percent of registered voters cast a ballot.", fig("104 percent", 104, kind="percent"), "error"),
        ("Turnout was 118% in the northern district, officials said.", fig("118%", 118, kind="percent"), "error"),
        ("The baby was born weighing 80 kg at the city hospital.", fig("80 kg", 80, kind="measure", unit="kilogram"), "warning"),
        ("The newborn weighed 31 pounds, the hospital said.", fig("31 pounds", 31, kind="measure", unit="pound"), "warning"),
        ("She won the Boston marathon in 95 minutes.", fig("95 minutes", 95, kind="measure", unit="minute"), "warning"),
        ("At 2.9 meters tall, he is the tallest man in the league.", fig("2.9 meters", 2.9, kind="measure", unit="meter"), "warning"),
        ("The company's market share reached 130% in the third quarter.", fig("130%", 130, kind="percent"), "error"),
        ("The fund bought a 120% stake in the airline.", fig("120%", 120, kind="percent"), "error"),
        ("Police said the driver was doing 2,400 km/h when the car crashed.",
         fig("2,400 km/h", 2400, kind="measure", unit="kilometer / hour"), "warning"),
    ],
)
def test_beyond_the_bound_fires(text: str, spec: dict, severity: str) -> None:
    """A figure beyond a shipped bound is reported with the bound's severity and source."""
    [finding] = run(text, spec)
    assert finding.rule == "plausibility" and finding.severity == severity
    assert finding.reference is not None and finding.reference.source


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        ("Maria Branyas, who died on Monday aged 117, was the oldest person in the world.", fig("117", 117)),
        ("The 130-year-old building was restored last year.", fig("130-year-old", 130, kind="measure", unit="year")),
        ("The church is 400 years old.", fig("400 years", 400, kind="measure", unit="year")),
        ("The company, founded 150 years ago, employs 300 people.", fig("150 years", 150, kind="measure", unit="year")),
        ("Public debt reached 120% of GDP last year.", fig("120%", 120, kind="percent")),
        ("Support among voters rose 120% from the previous poll.", fig("120%", 120, kind="percent")),
        ("The hospital was running at 130% of capacity.", fig("130%", 130, kind="percent")),
        ("The mayor won 62% of the vote.", fig("62%", 62, kind="percent")),
        ("The baby elephant was born weighing 120 kg at the zoo.", fig("120 kg", 120, kind="measure", unit="kilogram")),
        ("The baby was born weighing 4.1 kg.", fig("4.1 kg", 4.1, kind="measure", unit="kilogram")),
        ("He won the half marathon in 58 minutes.", fig("58 minutes", 58, kind="measure", unit="minute")),
        ("The marathon was delayed by 30 minutes because of the heat.", fig("30 minutes", 30, kind="measure", unit="minute")),
        ("She won the marathon in 2 hours 15 minutes.", fig("2 hours", 2, kind="measure", unit="hour")),
        ("The statue stands 3.5 meters tall in the square where he spoke.", fig("3.5 meters", 3.5, kind="measure", unit="meter")),
        ("At 2.21 meters tall, he is the tallest player in the league.", fig("2.21 meters", 2.21, kind="measure", unit="meter")),
        ("The train reached 600 km/h on the test track.", fig("600 km/h", 600, kind="measure", unit="kilometer / hour")),
        ("Scientists say people could live to 150.", fig("150", 150, modality="projection")),
        ("The founder, who died aged 110, ran his last race at 90.", fig("90", 90)),
        ("Its stake rose 120% after the share buyback.", fig("120%", 120, kind="percent")),
        ("Spending reached 110% of the budget.", fig("110%", 110, kind="percent")),
    ],
)
def test_lookalikes_stay_quiet(text: str, spec: dict) -> None:
    """Objects, other wholes, changes, records within reach and projections are left alone."""
    assert run(text, spec) == []


def test_user_bound_from_a_pack() -> None:
    """A bound in a newsroom's own pack fires with that pack's source and id."""
    pack = load_pack(PACKS / "city-budget.toml")
    [finding] = run("The charter provides for 51 council seats.", fig("51", 51), packs=(pack,))
    assert finding.reference.id == "city-budget/council-seats" and "Charter" in finding.reference.source


def test_compound_measures_are_added_up() -> None:
    """"1 hour and 10 minutes" is 1.17 hours for a marathon; the finding spans the whole compound."""
    text = "She finished the Boston Marathon in 1 hour and 10 minutes."
    [finding] = run(text, fig("1 hour", 1, kind="measure", unit="hour"))
    assert finding.text == "1 hour and 10 minutes"
    text = "Eliud Kipchoge ran a marathon distance in 1 hour 59 minutes 40 seconds in Vienna."
    assert run(text, fig("1 hour", 1, kind="measure", unit="hour")) == []


def test_ordinal_birthdays_are_ages() -> None:
    """A "130th birthday" of a person is an age; a newspaper's 150th birthday is not."""
    [finding] = run("The village celebrated the 130th birthday of its oldest resident.", fig("130th", 130, kind="ordinal"))
    assert finding.reference.id == "plausibility/human-age-birthday"
    assert run("The newspaper celebrated its 150th birthday.", fig("150th", 150, kind="ordinal")) == []


def test_a_modal_in_a_later_clause_does_not_make_a_projection() -> None:
    """"in 20 minutes, a time organisers could not explain" is still a reported time."""
    text = "He ran the marathon in 20 minutes, a time organisers could not explain."
    spec = fig("20 minutes", 20, kind="measure", unit="minute", modality="projection", modal="could not explain")
    assert [f.rule for f in run(text, spec)] == ["plausibility"]
