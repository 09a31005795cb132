"""The date checks: weekday-mismatch, impossible-date, date-order, reported-after-publication."""

from __future__ import annotations

import importlib
from collections import Counter

import pytest

import verify
from verify.checks.weekday_mismatch import corrected

DATE_RULES = {
    "weekday-mismatch": ("VR501", "error", "weekday_mismatch"),
    "impossible-date": ("VR502", "error", "impossible_date"),
    "date-order": ("VR503", "warning", "date_order"),
    "reported-after-publication": ("VR504", "warning", "reported_after_publication"),
}


def _findings(text: str, published: str | None, rule: str) -> list[verify.Finding]:
    return [f for f in verify.check(text, published=published).findings if f.rule == rule]


@pytest.mark.parametrize("rule", sorted(DATE_RULES))
def test_rule_has_code_severity_and_documented_sections(rule: str) -> None:
    """Each date rule has its fixed code and severity and a docstring with the four sections."""
    code, severity, module_name = DATE_RULES[rule]
    module = importlib.import_module(f"verify.checks.{module_name}")
    (declared,) = module.RULES
    assert (declared.id, declared.code, declared.severity) == (rule, code, severity)
    for section in ("## What it flags", "## Why it matters", "## Example", "## Use instead"):
        assert section in (module.__doc__ or "")


# (text, published, rule, span that must be flagged)  — and the same rule must flag nothing else
FIRING: list[tuple[str, str | None, str, str]] = [
    ("The walkout begins on Monday, March 14, 2023.", "2023-03-10", "weekday-mismatch", "Monday, March 14, 2023"),
    ("A ballot is set for Fri., March 16.", "2023-03-10", "weekday-mismatch", "Fri., March 16"),
    ("Members vote on Wednesday, 21 March 2023.", "2023-03-10", "weekday-mismatch", "Wednesday, 21 March 2023"),
    ("Applications closed on June 31.", "2021-12-08", "impossible-date", "June 31"),
    ("The audit was due by February 30.", "2021-12-08", "impossible-date", "February 30"),
    ("It was approved on February 29, 2021.", "2021-12-08", "impossible-date", "February 29, 2021"),
    ("The portal listed 2021-04-31 as the deadline.", "2021-12-08", "impossible-date", "2021-04-31"),
    ("The form was dated 13/45/2021.", "2021-12-08", "impossible-date", "13/45/2021"),
    ("The vote was on Dec. 9, before the debate on Dec. 7.", "2021-12-20", "date-order", "Dec. 7"),
    ("The vote was on Dec. 7, after the debate on Dec. 9.", "2021-12-20", "date-order", "Dec. 9"),
    ("The siege began on March 5. Two days later, on March 3, a convoy got through.", "2022-04-01", "date-order", "March 3"),
    ("It passed after the hearing on Dec. 16 and before the vote on Dec. 14.", "2021-12-20", "date-order", "Dec. 14"),
    ("Before the vote on Dec. 9, the debate took place on Dec. 11.", "2021-12-20", "date-order", "Dec. 11"),
    ("The vote was held on Dec. 9. Earlier, on Dec. 11, the debate took place.", "2021-12-20", "date-order", "Dec. 11"),
    ("On December 12 the foreign minister said the talks had stalled.", "2021-12-08", "reported-after-publication", "December 12"),
    ("The envoys will meet on December 1 in Geneva.", "2021-12-08", "reported-after-publication", "December 1"),
    ("The treaty was signed on January 14, 2022, in Vienna.", "2021-12-08", "reported-after-publication", "January 14, 2022"),
    ("The summit will be held in 2020.", "2021-12-08", "reported-after-publication", "2020"),
]

# (text, published, rule) — the rule must stay quiet
QUIET: list[tuple[str, str | None, str]] = [
    ("The walkout begins on Tuesday, March 14, 2023.", "2023-03-10", "weekday-mismatch"),
    ("A ballot is set for Thu., March 16.", "2023-03-10", "weekday-mismatch"),
    ("Negotiators met on Monday and will meet again on Friday.", "2023-03-10", "weekday-mismatch"),
    ("The strike, on Thursday, Dec. 9, 2021, closed most lines.", "2023-03-10", "weekday-mismatch"),
    ("Applications closed on June 30.", "2021-12-08", "impossible-date"),
    ("It was approved on February 29, 2020.", "2021-12-08", "impossible-date"),
    ("In June 31 people applied for the post.", "2021-12-08", "impossible-date"),
    ("The form was dated 12/31/2021.", "2021-12-08", "impossible-date"),
    ("The debate was held on Dec. 7, before the final vote on Dec. 9.", "2021-12-20", "date-order"),
    ("The siege began on March 5. Two days later, on March 7, a convoy got through.", "2022-04-01", "date-order"),
    ("The speaker said on Dec. 15 that the vote had been scheduled before Dec. 10.", "2021-12-20", "date-order"),
    ("The bill cleared committee on Dec. 13, after a hearing earlier on Dec. 13.", "2021-12-20", "date-order"),
    ("The call with Zelenskiy will take place before the call with the B9.", "2021-12-08", "date-order"),
    ("Prices rose in December, after falling in November.", "2021-12-20", "date-order"),
    ("Unemployment hit 14.7% in April before falling to 6.7% by December.", "2021-12-21", "date-order"),
    ("In 2020, unemployment hit 14.7% in April before falling to 6.7% by December.", "2021-12-21", "date-order"),
    ("The governor, who took office Jan. 1, 2019, signed the bill on Thursday, Dec. 16.", "2021-12-21", "weekday-mismatch"),
    ("On December 6 the foreign minister said the talks had stalled.", "2021-12-08", "reported-after-publication"),
    ("The envoys will meet on December 14 in Geneva.", "2021-12-08", "reported-after-publication"),
    ("In November officials said the envoys would meet on December 1.", "2021-12-08", "reported-after-publication"),
    ("Biden said he hoped to announce the meeting by December 10.", "2021-12-08", "reported-after-publication"),
    ("The first walkout begins on Tuesday, March 14, the union said.", "2023-03-10", "reported-after-publication"),
    ("The ministers will meet in November.", "2021-12-08", "reported-after-publication"),
    ("The treaty is to be signed on January 14, 2022, in Vienna.", "2021-12-08", "reported-after-publication"),
    ("The payment was due on Dec. 20.", "2021-12-08", "reported-after-publication"),
    ("He said on Nov. 30 that talks will resume on Dec. 2.", "2021-12-08", "reported-after-publication"),
    ('"We will meet on December 1," he said.', "2021-12-08", "reported-after-publication"),
    ("The contract, signed in 2020, was extended to Jan. 31, 2022.", "2021-12-08", "reported-after-publication"),
    ("The deal, agreed on Wednesday, takes effect on Jan. 1.", "2021-12-13", "reported-after-publication"),
    ("On December 12 the foreign minister said the talks had stalled.", None, "reported-after-publication"),
    ("The envoys will meet on December 1, 2021, in Geneva.", None, "reported-after-publication"),
]


def test_tables_are_unique() -> None:
    """No row of the firing or quiet tables repeats another."""
    assert not [k for k, n in Counter(FIRING).items() if n > 1]
    assert not [k for k, n in Counter(QUIET).items() if n > 1]


@pytest.mark.parametrize(("text", "published", "rule", "span"), FIRING)
def test_fires(text: str, published: str | None, rule: str, span: str) -> None:
    """The rule flags exactly the named span, with its own severity."""
    found = _findings(text, published, rule)
    assert [f.text for f in found] == [span]
    assert found[0].severity == DATE_RULES[rule][1]
    assert found[0].code == DATE_RULES[rule][0]


@pytest.mark.parametrize(("text", "published", "rule"), QUIET)
def test_stays_quiet(text: str, published: str | None, rule: str) -> None:
    """Clean copy that looks like the error draws no finding from the rule."""
    assert _findings(text, published, rule) == []


@pytest.mark.parametrize(
    ("text", "weekday", "expected"),
    [
        ("Monday, March 14, 2023", 1, "Tuesday, March 14, 2023"),
        ("Fri., March 16", 3, "Thu., March 16"),
        ("MONDAY, MARCH 14", 1, "TUESDAY, MARCH 14"),
        ("wednesday 21 march", 1, "tuesday 21 march"),
        ("March 14", 1, None),
    ],
)
def test_weekday_suggestion_keeps_the_style(text: str, weekday: int, expected: str | None) -> None:
    """The suggested text swaps only the weekday, keeping abbreviation and case."""
    assert corrected(text, weekday) == expected


def test_weekday_mismatch_suggests_the_right_weekday() -> None:
    """The finding's suggestion is the date with its real weekday."""
    (f,) = _findings("The walkout begins on Monday, March 14, 2023.", "2023-03-10", "weekday-mismatch")
    assert f.suggestion == "Tuesday, March 14, 2023"
    assert "Tuesday" in f.message


def test_weekday_mismatch_with_an_inferred_year_says_so() -> None:
    """Without a written year the message says the year was inferred."""
    (f,) = _findings("A ballot is set for Fri., March 16.", "2023-03-10", "weekday-mismatch")
    assert "year is not written" in f.message


def test_weekday_that_fits_the_neighbouring_year_is_only_a_warning() -> None:
    """"Friday, March 1" in September 2023 is wrong for 2023 but right for 2024: a warning asking for the year."""
    (f,) = _findings("The strike began on Friday, March 1.", "2023-09-01", "weekday-mismatch")
    assert f.severity == "warning"
    assert "add the year" in f.message


def test_weekday_that_fits_only_a_distant_year_is_an_error() -> None:
    """"Wednesday, Feb. 24" in March 2022 fits only 2021, a year back: still an error."""
    (f,) = _findings("The invasion began on Wednesday, Feb. 24.", "2022-03-08", "weekday-mismatch")
    assert f.severity == "error"
    assert f.suggestion == "Thursday, Feb. 24"


def test_finding_in_a_quotation_says_so() -> None:
    """A wrong weekday inside a direct quotation is flagged with a note that quotes cannot change."""
    text = '"We walk out on Monday, March 14, 2023," the union leader said.'
    (f,) = _findings(text, "2023-03-10", "weekday-mismatch")
    assert f.quoted and "quotation" in f.message


def test_date_order_relates_both_dates() -> None:
    """A date-order finding carries the other date as a related span."""
    (f,) = _findings("The vote was on Dec. 9, before the debate on Dec. 7.", "2021-12-20", "date-order")
    assert [r.text for r in f.related] == ["Dec. 9"]


def test_counted_step_relates_the_step_and_its_anchor() -> None:
    """"Two days later, on March 3" after "March 5" relates the step and the date it counts from."""
    text = "The siege began on March 5. Two days later, on March 3, a convoy got through."
    (f,) = _findings(text, "2022-04-01", "date-order")
    assert [r.text for r in f.related] == ["Two days later", "March 5"]


def test_seed_has_no_date_findings() -> None:
    """The seed story's dates ("December 9", "December 10", "since 2014", "January") draw nothing."""
    from pathlib import Path

    seed = (Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "biden-putin-2021-12-08.txt").read_text()
    findings = verify.check(seed, published="2021-12-08").findings
    assert [f for f in findings if f.rule in DATE_RULES] == []
