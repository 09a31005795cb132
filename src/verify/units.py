"""The one pint ``UnitRegistry`` that serves the whole library.

Built once per process, on first use, from ``data/units.txt``: the units news copy quotes, with
every currency its own dimension (no exchange rates). Figures hold quantities of this registry;
compare them with :func:`compatible` and convert with ``quantity.to(unit)``.

pint is imported with the registry, not with verify: ``import verify`` stays light, and the
``verify`` program can choose how pint is imported (see :mod:`verify.cli`).
"""

from __future__ import annotations

import copyreg
import threading
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pint

#: The registry and its quantity class, set by :func:`load` (``units.registry`` and
#: ``units.Quantity`` build them when read from outside).
registry: pint.UnitRegistry
Quantity: Any


_LOCK = threading.Lock()
_loaded = False


def load() -> None:
    """Import pint and build the registry now (otherwise the first use does), once per process.

    Threads that need it at the same moment get the same registry: quantities of two registries
    cannot be compared.
    """
    global registry, Quantity, _loaded
    if _loaded:
        return
    with _LOCK:
        if _loaded:
            return
        import pint

        built = pint.UnitRegistry(None, autoconvert_offset_to_baseunit=True)
        built.load_definitions(str(resources.files("verify") / "data" / "units.txt"))
        registry, Quantity = built, built.Quantity
        # Quantities pickle by value into this registry, so that figures and reports cross
        # process boundaries (pint's default unpickles into its application registry, which
        # knows no currencies).
        copyreg.pickle(Quantity, _reduce_quantity)
        _loaded = True


def __getattr__(name: str) -> Any:
    if name in ("registry", "Quantity"):
        load()
        return globals()[name]
    raise AttributeError(f"module 'verify.units' has no attribute {name!r}")


def _quantity(magnitude: float, units: object) -> pint.Quantity:
    load()
    return Quantity(magnitude, units)


def _reduce_quantity(q: pint.Quantity) -> tuple:
    return _quantity, (q.magnitude, q._units)


@cache
def unit(name: str) -> pint.Unit:
    """The registry's unit called ``name`` (cached: a unit is looked up once per process)."""
    load()
    return registry.Unit(name)


@cache
def _container(name: str) -> object:
    return unit(name)._units


def quantity(magnitude: float, unit_name: str) -> pint.Quantity:
    """A quantity of ``magnitude`` in the unit called ``unit_name``."""
    container = _container(unit_name)  # (the first look-up builds the registry)
    if type(magnitude) is float or type(magnitude) is int:
        # What pint's constructor ends with for a number and a unit container, without the
        # checks for strings, arrays and other quantities that cannot apply (extraction makes
        # thousands of these); the container is looked up once per unit name.
        q = object.__new__(Quantity)
        q._magnitude = magnitude
        q._units = container
        return q
    return Quantity(magnitude, container)


#: The printed name of each unit met so far, keyed by the quantity's unit container: pint
#: formats a unit afresh on every ``str()``, and reports ask for the same few units many times.
_NAMES: dict[object, str] = {}


def unit_name(q: pint.Quantity) -> str:
    """``str(q.units)`` ("USD", "count", "kilometer"), formatted once per unit and process."""
    key = q._units
    name = _NAMES.get(key)
    if name is None:
        name = _NAMES[key] = str(q.units)
    return name


@cache
def one(name: str) -> pint.Quantity:
    """One of the unit called ``name``, built once per name (checks compare figures with it)."""
    return quantity(1, name)


@cache
def dimensionless(name: str) -> bool:
    """Whether the unit called ``name`` is dimensionless (pint works that out anew on each ask)."""
    return bool(one(name).dimensionless)


#: The printed dimensionality of each unit met so far, keyed like :data:`_NAMES`.
_DIMENSIONS: dict[object, str] = {}


def dimension_name(q: pint.Quantity) -> str:
    """``str(q.dimensionality)`` ("[USD]", "[length]"), formatted once per unit and process."""
    key = q._units
    name = _DIMENSIONS.get(key)
    if name is None:
        name = _DIMENSIONS[key] = str(q.dimensionality)
    return name


def compatible(a: pint.Quantity, b: pint.Quantity) -> bool:
    """Whether two quantities have the same dimensionality (USD and EUR do not)."""
    return a.dimensionality == b.dimensionality


def is_unit(name: str) -> bool:
    """Whether the registry knows ``name`` (a unit, symbol or alias)."""
    import pint

    try:
        unit(name)
    except (pint.UndefinedUnitError, AttributeError, TypeError, ValueError, AssertionError):
        return False
    return True


__all__ = [
    "Quantity",
    "compatible",
    "dimension_name",
    "dimensionless",
    "is_unit",
    "load",
    "one",
    "quantity",
    "registry",
    "unit",
    "unit_name",
]
