"""The verify command's speed: cold start on one article, and --jobs 2 against --jobs 1.

    bench/.venv/bin/python bench/cli.py [--runs 10] [--articles 500]

1. Cold start: ``verify check`` on the seed story, from process start to exit, best of
   ``--runs`` (target: under 400 ms), as an installed package runs: with its bytecode cached
   (pip compiles it at install; a warm-up run writes it here, whatever PYTHONDONTWRITEBYTECODE
   says: with it set, every run would recompile verify's own modules, which no installed copy
   does).
2. Parallelism: ``verify check DIR --jobs 1`` and ``--jobs 2`` over ``--articles`` articles (the
   fixture articles copied round-robin into a temporary folder), best of 3 each, and the speed-up
   (target: at least 1.6x). Both runs must print the same report.

The command is the console script next to this interpreter (``verify`` in the same venv), or
``python -m verify`` when there is none.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "biden-putin-2021-12-08.txt"


def command() -> list[str]:
    script = Path(sys.executable).with_name("verify")
    return [str(script)] if script.exists() else [sys.executable, "-m", "verify"]


def timed(argv: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    began = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, check=False, env=env)
    elapsed = time.perf_counter() - began
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} exited {done.returncode}:\n{done.stderr}")
    return elapsed, done


def has_jobs() -> bool:
    help_text = subprocess.run(
        [*command(), "check", "--help"], capture_output=True, text=True, check=False
    ).stdout
    return "--jobs" in help_text


def articles_folder(count: int, folder: Path) -> None:
    sources = sorted(
        p for p in (ROOT / "fixtures").rglob("*") if p.suffix in (".md", ".txt")
    )
    for i in range(count):
        source = sources[i % len(sources)]
        shutil.copyfile(source, folder / f"{i:05d}-{source.name}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs",
        type=int,
        default=10,
        help="cold starts to take the best of (default 10)",
    )
    parser.add_argument(
        "--articles",
        type=int,
        default=500,
        help="articles for the --jobs comparison (default 500)",
    )
    args = parser.parse_args(argv)
    verify = command()
    one = [*verify, "check", str(SEED), "--published", "2021-12-08"]
    timed(one)  # warm-up: writes the bytecode an installed package would have
    best = min(timed(one)[0] for _ in range(args.runs))
    print(
        f"cold start, `verify check` on one article, best of {args.runs}: {best * 1000:.0f} ms "
        f"(target < 400 ms: {'met' if best < 0.4 else 'NOT met'})"
    )
    if not has_jobs():
        print("--jobs: not available in this verify yet")
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        articles_folder(args.articles, folder)
        times, outputs = {}, {}
        for jobs in (1, 2):
            argv_jobs = [
                *verify,
                "check",
                str(folder),
                "--jobs",
                str(jobs),
                "--format",
                "json",
                "--fail-on",
                "never",
            ]
            runs = [timed(argv_jobs) for _ in range(3)]
            times[jobs] = min(t for t, _ in runs)
            outputs[jobs] = runs[0][1].stdout
    speedup = times[1] / times[2]
    print(
        f"{args.articles} articles: --jobs 1 {times[1]:.2f} s, --jobs 2 {times[2]:.2f} s (best of 3 each)"
    )
    print(
        f"--jobs 2 speed-up: {speedup:.2f}x (target >= 1.6x: {'met' if speedup >= 1.6 else 'NOT met'}); "
        f"same report: {'yes' if outputs[1] == outputs[2] else 'NO'}"
    )


if __name__ == "__main__":
    main()
