"""Extraction speed: verify.extract against quantulum3 and dateparser, and verify's cold start.

    bench/.venv/bin/python bench/extract.py [--mb 1] [--budget 60] [--runs 5]

1. Throughput on one corpus (every fixture article, repeated to about ``--mb`` MB), in one run:
   articles per second of ``verify.extract`` (figures and dates together), quantulum3's
   ``parser.parse`` (figures only) and dateparser's ``search.search_dates`` (dates only), and the
   ratios. Target: verify at least 20x quantulum3.
2. The first ``extract`` call in a fresh process, imports and pint registry included: a child
   process times ``import verify`` plus one ``verify.extract`` on the seed story; best of
   ``--runs``. Target: under 300 ms. The child's whole life (interpreter start to exit) is
   printed beside it.

Peers live only in bench/.venv (see bench/compare.py), never in verify's dependencies.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from compare import ROOT, corpus_options, ratios, run_tools

SEED = ROOT / "fixtures" / "seed" / "biden-putin-2021-12-08.txt"

_COLD = """
import time
t0 = time.perf_counter()
import verify
text = open({path!r}, encoding="utf-8").read()
extraction = verify.extract(text, published="2021-12-08")
t1 = time.perf_counter()
assert extraction.figures
print(t1 - t0)
"""


def cold_start(runs: int) -> tuple[float, float]:
    """Best of ``runs``: (import + first extract inside the child, the child's whole life) in ms."""
    inside, whole = [], []
    for _ in range(runs):
        began = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", _COLD.format(path=str(SEED))],
            capture_output=True,
            text=True,
            check=True,
        )
        whole.append(time.perf_counter() - began)
        inside.append(float(out.stdout.strip().splitlines()[-1]))
    return min(inside) * 1000, min(whole) * 1000


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus_options(parser, 1.0)
    parser.add_argument(
        "--runs",
        type=int,
        default=5,
        help="fresh processes for the cold start (default 5)",
    )
    args = parser.parse_args(argv)
    results = run_tools({"verify.extract", "quantulum3", "dateparser"}, args)
    print(
        ratios(
            results,
            [
                ("verify.extract", "quantulum3", 20),
                ("verify.extract", "dateparser", None),
            ],
        )
    )
    inside, whole = cold_start(args.runs)
    verdict = "met" if inside < 300 else "NOT met"
    print(
        f"cold start, best of {args.runs}: import verify + first extract {inside:.0f} ms "
        f"(target < 300 ms: {verdict}); whole process {whole:.0f} ms"
    )


if __name__ == "__main__":
    main()
