"""verify.testing: the annotated-article runner newsrooms use to test their own packs."""

from __future__ import annotations

from pathlib import Path

import pytest

from verify.errors import InputError
from verify.testing import assert_fixture, check_fixture, parse_annotations

HEADER = "---\npublished: 2023-03-20\n---\n"


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "article.md"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_annotations_locate_their_text_in_the_next_paragraph() -> None:
    """An annotation's span is the named text in the paragraph after the comment."""
    text = HEADER + '<!-- ok: "1,250"; figure: "1,250 troops" value=1250 -->\nAbout 1,250 troops left.\n'
    ok, fig = parse_annotations(text)
    assert (ok.kind, text[ok.start : ok.end]) == ("ok", "1,250")
    assert (fig.kind, fig.options) == ("figure", {"value": "1250"})


def test_annotation_naming_absent_text_is_an_input_error(tmp_path: Path) -> None:
    """An annotation whose text is not in the next paragraph is reported with its line."""
    path = write(tmp_path, '<!-- ok: "Article 9" -->\nThe treaty has an Article 5.\n')
    with pytest.raises(InputError, match=r"article.md:4: .*Article 9"):
        check_fixture(path)


def test_a_met_expectation_is_a_true_positive(tmp_path: Path) -> None:
    """An expected finding that fires counts as a true positive for its rule."""
    path = write(tmp_path, '<!-- expect weekday-mismatch: "Monday, March 14, 2023" -->\nThey met on Monday, March 14, 2023.\n')
    result = assert_fixture(path)
    assert result.true_positives["weekday-mismatch"] == 1 and not result.false_positives


def test_a_missed_expectation_is_a_false_negative(tmp_path: Path) -> None:
    """An expected finding that does not fire fails the fixture and counts as a false negative."""
    path = write(tmp_path, '<!-- expect weekday-mismatch: "Tuesday, March 14, 2023" -->\nThey met on Tuesday, March 14, 2023.\n')
    result = check_fixture(path)
    assert result.false_negatives["weekday-mismatch"] == 1
    with pytest.raises(AssertionError, match="missed weekday-mismatch"):
        assert_fixture(path)


def test_an_unannotated_warning_is_a_false_positive(tmp_path: Path) -> None:
    """A warning or error no annotation expects fails the fixture as a false positive."""
    path = write(tmp_path, "They met on Monday, March 14, 2023.\n")
    result = check_fixture(path)
    assert result.false_positives["weekday-mismatch"] == 1 and not result.ok


def test_codes_work_in_place_of_rule_ids(tmp_path: Path) -> None:
    """`expect VR501` is the same expectation as `expect weekday-mismatch`."""
    path = write(tmp_path, '<!-- expect VR501: "Monday, March 14, 2023" -->\nThey met on Monday, March 14, 2023.\n')
    assert check_fixture(path).ok


def test_figure_annotations_compare_normalised_values(tmp_path: Path) -> None:
    """A figure annotation with a wrong value fails and names the field."""
    path = write(tmp_path, '<!-- figure: "more than $2.5 billion" value=2.5e9 low=2.5e9 high=none -->\nAid reached more than $2.5 billion.\n')
    assert check_fixture(path).ok
    wrong = write(tmp_path, '<!-- figure: "more than $2.5 billion" value=2.5e6 -->\nAid reached more than $2.5 billion.\n')
    result = check_fixture(wrong)
    assert any("value" in p for p in result.problems)
