"""The arithmetic check does linear work on one long sentence that states many calculations.

No clock is read: the work of ``arithmetic.run`` alone (extraction is done before counting) is
counted as in tests/test_robustness.py, as the calls verify's own code makes (``sys.setprofile``)
and the characters it hands to the regex engine (its module-level patterns and ``re``'s
functions are swapped for counting stand-ins while it runs). Each sentence is built at N and 2N
repetitions of one unit; the work at 2N may be at most about twice the work at N.
"""

from __future__ import annotations

import math
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import verify
from verify.checks import arithmetic
from verify.checks._base import CheckContext
from verify.document import Document
from verify.extract import extract

VERIFY_DIR = str(Path(verify.__file__).resolve().parent)
MAX_RATIO = 2.5  # doubling the input may at most about double the work


class _Work:
    """Calls made by verify's code (a ``sys.setprofile`` hook) and characters handed to regexes."""

    def __init__(self) -> None:
        self.calls = 0
        self.chars = 0
        self._mine: dict[object, bool] = {}

    def __call__(self, frame, event, arg):
        if event == "call" or event == "c_call":
            code = frame.f_code
            mine = self._mine.get(code)
            if mine is None:
                mine = self._mine[code] = code.co_filename.startswith(VERIFY_DIR)
            self.calls += mine

    def scanned(self, name: str, string: object, pos: int, result: object) -> None:
        """Count what a regex call reads: a search up to its match, a scan to the end, a match 1."""
        if not isinstance(string, str):
            return
        if name in ("match", "fullmatch"):
            self.chars += 1
        elif name == "search" and result is not None:
            self.chars += result.end() - pos  # type: ignore[attr-defined]
        else:
            self.chars += len(string) - pos


_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class _CountingPattern:
    """A compiled pattern that reports what each call reads to a :class:`_Work`."""

    def __init__(self, pattern: re.Pattern[str], counter: _Work) -> None:
        self._pattern, self._counter = pattern, counter

    def __getattr__(self, name: str) -> object:
        attr = getattr(self._pattern, name)
        if name not in _METHODS:
            return attr

        def counted(*args: object, **kwargs: object) -> object:
            result = attr(*args, **kwargs)
            string = args[1] if name in ("sub", "subn") else args[0] if args else kwargs.get("string")
            pos = args[1] if name not in ("sub", "subn") and len(args) > 1 else kwargs.get("pos", 0)
            self._counter.scanned(name, string, pos if isinstance(pos, int) else 0, result)
            return result

        return counted


def work(fn: Callable[[], object]) -> tuple[int, int]:
    """(calls verify's code makes, characters it hands to regexes) while ``fn()`` runs."""
    counter = _Work()
    undo: list[Callable[[], None]] = []
    for name, module in list(sys.modules.items()):
        if name.startswith("verify") and module is not None:
            for attr, value in list(vars(module).items()):
                if isinstance(value, re.Pattern):
                    setattr(module, attr, _CountingPattern(value, counter))
                    undo.append(lambda m=module, a=attr, v=value: setattr(m, a, v))
    for fn_name in _METHODS:
        original = getattr(re, fn_name)

        def wrapper(pattern, string, *args, _fn=fn_name, _orig=original, **kwargs):
            result = _orig(pattern, string, *args, **kwargs)
            if sys._getframe(1).f_code.co_filename.startswith(VERIFY_DIR):
                # re.sub(pattern, repl, string): the string read is the third argument.
                read = args[0] if _fn in ("sub", "subn") and args else string
                counter.scanned(_fn, read, 0, result)
            return result

        setattr(re, fn_name, wrapper)
        undo.append(lambda n=fn_name, o=original: setattr(re, n, o))
    previous = sys.getprofile()
    sys.setprofile(counter)
    try:
        fn()
    finally:
        sys.setprofile(previous)
        for step in reversed(undo):
            step()
    return counter.calls, counter.chars


def _arithmetic_work(unit: str, repeats: int) -> tuple[int, int]:
    """The work of the arithmetic check on one sentence holding ``unit`` ``repeats`` times."""
    text = "Officials said " + unit * repeats + "and more.\n"
    extraction = extract(Document.from_text(text, published="2021-12-08", format="text"))
    assert len(extraction.frame.sentences) == 1  # one sentence, as the case needs
    found: list[object] = []
    counted = work(lambda: found.extend(arithmetic.run(CheckContext(extraction))))
    assert found, "the sentence is meant to be checked, and to hold a slip"
    return counted


# Units repeated inside one sentence, each a calculation the check redoes (and finds wrong).
SENTENCES = {
    # a sum after a colon, and one of "of the N, … women and … men": each list asks whether
    # another figure of the sentence equals its sum
    "sums": "a total of 100: 40 in Ohio, 30 in Texas and 20 in Utah, of the 90 victims, 50 were women and 45 were men, ",
    # the same in clauses of one sentence: each clause asks about every figure of the sentence
    "sums-in-clauses": "a total of 100: 40 in Ohio, 30 in Texas and 20 in Utah; ",
    # a list announced by a bracket: the text before it is read for an announcing mark
    "announced-sums": "a third of voters (25%), one in five, or 25%, ",
    # percent parts closed by "the remaining": the text before each list is read for a percent
    "remainders": "40%, 30% and the remaining 20%, ",
    # bare changes after changes with a stated size: each asks whether its pair was judged
    "changes": "sales fell to 120 from 80, rose to 90 from 70, up 25% from 60, ",
}


@pytest.mark.parametrize("name", sorted(SENTENCES))
def test_a_long_sentence_of_calculations_takes_linear_work(name: str) -> None:
    """Doubling the calculations in one sentence at most about doubles the arithmetic check's work."""
    unit = SENTENCES[name]
    (c1, r1), (c2, r2) = _arithmetic_work(unit, 100), _arithmetic_work(unit, 200)
    assert c2 / c1 <= MAX_RATIO, f"{name}: {c1} calls at N, {c2} at 2N"
    assert r2 / max(r1, 1000) <= MAX_RATIO, f"{name}: {r1} characters handed to regexes at N, {r2} at 2N"


def test_work_counter_sees_a_quadratic_scan() -> None:
    """The counter is able to fail: a regex re-reading a growing prefix from verify's frames shows ~4."""
    source = "import re\ndef f(s):\n    for i in range(len(s)):\n        re.search(r'x$', s[:i])\n"
    namespace: dict[str, object] = {}
    exec(compile(source, str(Path(VERIFY_DIR) / "_probe.py"), "exec"), namespace)  # noqa: S102 - a fixed probe
    f = namespace["f"]
    (_, r1), (_, r2) = work(lambda: f("a" * 400)), work(lambda: f("a" * 800))
    assert r2 / r1 > 3.5


# --- the index that answers "does another figure of the sentence equal this sum?"

_POOL = (
    "40 in Ohio, 30 km, 25%, $3 million, 3,000,000 dollars, 90 victims, 2.5 miles, 4,000 meters, "
    "€90, 90 percent, 3 percentage points, 0.5 km, 500 meters, 90 people, 40 in Utah, 1.5 billion euros"
)


def _pool() -> list:
    figures = list(extract(Document.from_text(_POOL + ".\n", format="text")).quantities)
    assert len({f.value.units for f in figures}) >= 5  # several units, some convertible
    return figures


def test_values_index_answers_as_the_scan_over_every_figure() -> None:
    """_Values.another gives what the pass over every other figure it replaced gives."""
    pool = _pool()
    rng = random.Random(20211208)
    for _ in range(400):
        figures = tuple(rng.sample(pool, rng.randint(1, len(pool))))
        values = arithmetic._Values(figures)
        for _ in range(4):
            total = rng.choice(figures)
            parts = rng.sample(figures, rng.randint(0, min(4, len(figures))))
            unit = total.value.units
            comparable = [f for f in figures if arithmetic._comparable(total, f)]
            near = arithmetic._in(rng.choice(comparable), unit) if comparable else total.magnitude
            exact = near + rng.choice((0, 0, 5e-10, -5e-10, 2e-9, 1.0))
            others = [f for f in figures if f is not total and f not in parts]
            expected = any(
                arithmetic._comparable(total, f) and abs(arithmetic._in(f, unit) - exact) < 1e-9 for f in others
            )
            assert values.another(total, unit, exact, parts) == expected
    assert not arithmetic._Values(tuple(pool)).another(pool[0], pool[0].value.units, math.inf, [])
