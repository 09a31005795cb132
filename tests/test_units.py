"""verify.units: the one registry, and quantities built the fast way equal pint's own."""

from __future__ import annotations

import contextlib
import io
import json
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


def _fresh(code: str) -> str:
    """What ``code`` prints in a fresh Python process (so that nothing is imported yet)."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    return done.stdout.strip()


def test_importing_verify_does_not_import_pint() -> None:
    """The API, the checks and the command import without pint: the registry comes on first use."""
    code = (
        "import sys, verify, verify.cli, verify.engine, verify.checks as c; list(c.runners());"
        "print('pint' in sys.modules); verify.extract('$5 million');"
        "print('pint' in sys.modules, verify.units.registry is verify.units.Quantity._REGISTRY)"
    )
    assert _fresh(code).splitlines() == ["False", "True True"]


def test_a_library_user_keeps_pints_numpy_support() -> None:
    """Imported as a library, verify lets pint find numpy as usual (only the program hides it)."""
    pytest.importorskip("numpy")
    code = "import verify; verify.extract('12%'); import pint.compat; print(pint.compat.HAS_NUMPY)"
    assert _fresh(code) == "True"


def test_the_program_imports_pint_without_its_optional_back_ends(tmp_path) -> None:
    """``verify`` as a program hides numpy and dask from pint's import (about 130 ms of start-up),
    gives the same report as verify called in this process, and leaves numpy importable."""
    pytest.importorskip("numpy")
    article = tmp_path / "a.md"
    article.write_text("---\npublished: 2021-12-08\n---\nThe U.S. has provided more than $250 billion in arms to Ukraine since 2014.\n")
    script = tmp_path / "program.py"
    script.write_text(
        "import contextlib, io, sys\n"
        "from verify import cli\n"
        f"sys.argv = ['verify', 'check', '--format', 'json', {str(article)!r}]\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    status = cli.main()\n"
        "import pint.compat\n"
        "print(status, pint.compat.HAS_NUMPY, 'numpy' in sys.modules)\n"
        "import numpy\n"
        "print(out.getvalue())\n"
    )
    first, report = _fresh(script.read_text()).split("\n", 1)
    assert first == "1 False False"
    from verify import cli

    here = io.StringIO()
    with contextlib.redirect_stdout(here):
        assert cli.main(["check", "--format", "json", str(article)]) == 1
    assert json.loads(report) == json.loads(here.getvalue())


def test_threads_that_first_use_it_together_share_one_registry() -> None:
    """Eight threads that extract at once in a fresh process build one registry between them."""
    code = (
        "import threading, pint, verify\n"
        "built = []\n"
        "init = pint.UnitRegistry.__init__\n"
        "def counting(self, *a, **k):\n"
        "    built.append(1)\n"
        "    init(self, *a, **k)\n"
        "pint.UnitRegistry.__init__ = counting\n"
        "go = threading.Barrier(8)\n"
        "found = []\n"
        "def work():\n"
        "    go.wait()\n"
        "    found.append(verify.extract('It cost $5 million.').figures[0].value)\n"
        "threads = [threading.Thread(target=work) for _ in range(8)]\n"
        "[t.start() for t in threads]; [t.join() for t in threads]\n"
        "print(len(built), len({id(q._REGISTRY) for q in found}), len(found))\n"
    )
    assert _fresh(code) == "1 1 8"
