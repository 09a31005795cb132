"""The checks: one module each, found here by name.

Every module in this package whose name does not start with an underscore is a check. It
declares the rules it implements in ``RULES`` and yields findings from ``run(ctx)``. Its
docstring is its documentation everywhere: ``verify explain``, SARIF and the README.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from functools import cache
from types import ModuleType

from verify.checks._base import CheckContext, Rule
from verify.errors import ConfigError
from verify.model import Finding


@cache
def modules() -> tuple[ModuleType, ...]:
    """Every check module, in name order."""
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if not info.name.startswith("_"):
            found.append(importlib.import_module(f"{__name__}.{info.name}"))
    return tuple(found)


@cache
def rules() -> tuple[Rule, ...]:
    """Every built-in rule, in code order."""
    found: list[Rule] = []
    for module in modules():
        name = module.__name__.rpartition(".")[2]
        found.extend(Rule(r.id, r.code, r.severity, r.summary, name) for r in module.RULES)
    return tuple(sorted(found, key=lambda r: r.code))


def rule(name: str) -> Rule:
    """The rule with id or code ``name``."""
    for r in rules():
        if name in (r.id, r.code):
            return r
    raise ConfigError(f"unknown rule {name!r} (see `verify rules` for the list)")


def runners() -> Iterable[tuple[ModuleType, Callable[[CheckContext], Iterable[Finding]]]]:
    for module in modules():
        yield module, module.run


__all__ = ["CheckContext", "Rule", "modules", "rule", "rules", "runners"]
