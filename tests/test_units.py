"""verify.units: the one registry, and quantities built the fast way equal pint's own."""

from __future__ import annotations

import pickle

import pytest

from verify import units


@pytest.mark.parametrize("magnitude,unit", [(2.5e9, "USD"), (3, "count"), (12.0, "percent"), (5.0, "kilometer"), (-4.5, "GBP")])
def test_quantity_is_what_pint_builds(magnitude: float, unit: str) -> None:
    """The shortcut constructor gives the same object state, arithmetic, conversion and pickle."""
    fast = units.quantity(magnitude, unit)
    pint_built = units.Quantity(magnitude, units.unit(unit))
    assert type(fast) is type(pint_built)
    assert vars(fast) == vars(pint_built)
    assert fast == pint_built and str(fast) == str(pint_built)
    assert (fast * 2).magnitude == magnitude * 2
    assert pickle.loads(pickle.dumps(fast)) == fast


def test_other_magnitudes_go_through_pint() -> None:
    """A magnitude that is not a plain number (a Fraction, say) takes pint's constructor."""
    from fractions import Fraction

    q = units.quantity(Fraction(1, 2), "count")
    assert q.magnitude == Fraction(1, 2)
    assert units.quantity(5.0, "kilometer").to("meter").magnitude == 5000.0


def test_per_unit_answers() -> None:
    """One of a unit, its dimensionlessness and its printed dimensionality, read once per unit."""
    assert units.one("USD") == units.quantity(1, "USD")
    assert units.dimensionless("percent") and not units.dimensionless("kilometer")
    assert units.dimension_name(units.quantity(3.0, "kilometer")) == "[length]"
    assert units.dimension_name(units.quantity(3.0, "USD")) != units.dimension_name(units.quantity(3.0, "EUR"))
