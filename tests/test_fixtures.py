"""Every annotated article in fixtures/ is checked against its own annotations."""

from __future__ import annotations

from pathlib import Path

import pytest

from verify.testing import assert_fixture, fixture_paths

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PATHS = fixture_paths(FIXTURES)


@pytest.mark.parametrize("path", PATHS, ids=[str(p.relative_to(FIXTURES)) for p in PATHS])
def test_fixture(path: Path) -> None:
    """The article's findings, figures and dates are exactly what its annotations say."""
    assert_fixture(path)
