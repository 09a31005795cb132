"""The arithmetic check does linear work on one long sentence that states many calculations.

No clock is read: the work of ``arithmetic.run`` alone (extraction is done before counting) is
counted by ``worklib.work``, as in tests/test_robustness.py: the calls verify's own code makes
and the characters it hands to the regex engine. Each sentence is built at N and 2N
repetitions of one unit; the work at 2N may be at most about twice the work at N.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

import pytest
from worklib import MAX_RATIO, VERIFY_DIR, work

from verify.checks import arithmetic
from verify.checks._base import CheckContext
from verify.document import Document
from verify.extract import extract


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
            unit = total.value._units
            comparable = [f for f in figures if arithmetic._comparable(total, f)]
            near = arithmetic._in(rng.choice(comparable), unit) if comparable else total.magnitude
            exact = near + rng.choice((0, 0, 5e-10, -5e-10, 2e-9, 1.0))
            others = [f for f in figures if f is not total and f not in parts]
            expected = any(
                arithmetic._comparable(total, f) and abs(arithmetic._in(f, unit) - exact) < 1e-9 for f in others
            )
            assert values.another(total, unit, exact, parts) == expected
    assert not arithmetic._Values(tuple(pool)).another(pool[0], pool[0].value._units, math.inf, [])
