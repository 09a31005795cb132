"""How verify scales: hostile and ordinary input at 100 KB, 1 MB and 10 MB, and memory per run.

    bench/.venv/bin/python bench/scaling.py [--sizes 100KB,1MB,10MB] [--timeout 600] [--articles 10000]

1. Time: ``verify.check`` on each of the issue's hostile inputs (and on ordinary news copy) built
   at each size, each in a fresh child process (so that one input cannot warm another's caches)
   with a hard ``--timeout`` as a hang detector. Linear work shows as ~10x time per 10x size.
2. Memory: peak RSS (``wait4``'s ``ru_maxrss``) of ``verify check`` on 1 article and on
   ``--articles`` articles (the fixture articles copied round-robin), for text and JSON output.
   Target: within 2x.
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

# name -> (Python expression building the text of about n characters, format)
INPUTS = {
    "news copy": ("_repeat(open(SEED, encoding='utf-8').read() + '\\n', n)", "text"),
    "digits": ("'1' * n", "text"),
    "1,1,1,…": ("_repeat('1,', n)", "text"),
    "'more than ' x k": ("_repeat('more than ', n)", "text"),
    "currency symbols": ("_repeat('$€£¥', n)", "text"),
    "single line": (
        "_repeat(open(SEED, encoding='utf-8').read().replace('\\n', ' ') + ' ', n)",
        "text",
    ),
    "nested HTML": (
        "'<div><p>' * (n // 17) + 'More than 100,000 troops on Dec. 9, 2021.' + '</p></div>' * (n // 17)",
        "html",
    ),
    "50k-style list": (
        "'They joined the following countries: ' + ', '.join(['France', 'Germany', 'Italy', 'Spain'] * (n // 30))",
        "text",
    ),
}

_CHILD = """
import sys, time
SEED = {seed!r}
def _repeat(unit, n):
    return unit * max(1, n // len(unit))
n = {n}
text = {expr}
from verify import engine, packs
from verify.document import Document
engine.run(Document.from_text('warm 1,000 troops on Dec. 9', format={fmt!r}, published='2021-12-08'), packs=packs.default_packs())
t0 = time.perf_counter()
doc = Document.from_text(text, format={fmt!r}, published='2021-12-08')
report = engine.run(doc, packs=packs.default_packs())
print(time.perf_counter() - t0, len(text), len(report.figures), len(report.findings))
"""

SIZES = {"100KB": 100_000, "1MB": 1_000_000, "10MB": 10_000_000}


def run_input(expr: str, fmt: str, n: int, timeout: float) -> str:
    code = _CHILD.format(seed=str(SEED), n=n, expr=expr, fmt=fmt)
    try:
        done = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return f"> {timeout:.0f} s (stopped)"
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return f"error: {last[:40]}"
    seconds = float(done.stdout.split()[0])
    return f"{seconds:.2f} s"


def peak_rss(argv: list[str]) -> tuple[float, float]:
    """(peak RSS in MB, seconds) of one child process."""
    began = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - began
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(
            f"{' '.join(argv)} exited {code}: {process.stderr.read().decode()[-500:]}"
        )
    return usage.ru_maxrss / 1024, elapsed


def command() -> list[str]:
    script = Path(sys.executable).with_name("verify")
    return [str(script)] if script.exists() else [sys.executable, "-m", "verify"]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default="100KB,1MB,10MB",
        help="comma-separated sizes (100KB, 1MB, 10MB)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=600,
        help="seconds before an input counts as a hang",
    )
    parser.add_argument(
        "--articles",
        type=int,
        default=10_000,
        help="articles for the memory comparison",
    )
    parser.add_argument(
        "--only", default="", help="comma-separated input names to run (default all)"
    )
    args = parser.parse_args(argv)
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    names = [n for n in INPUTS if not args.only or n in args.only.split(",")]
    print(f"| {'input':<18} | " + " | ".join(f"{s:>14}" for s in sizes) + " |")
    print(f"|{'-' * 20}|" + "|".join("-" * 16 for _ in sizes) + "|")
    for name in names:
        expr, fmt = INPUTS[name]
        cells = [run_input(expr, fmt, SIZES[s], args.timeout) for s in sizes]
        print(
            f"| {name:<18} | " + " | ".join(f"{c:>14}" for c in cells) + " |",
            flush=True,
        )
    if args.articles <= 0:
        return
    verify = command()
    sources = sorted(
        p for p in (ROOT / "fixtures").rglob("*") if p.suffix in (".md", ".txt")
    )
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one"
        many = Path(tmp) / "many"
        one.mkdir()
        many.mkdir()
        shutil.copyfile(SEED, one / SEED.name)
        for i in range(args.articles):
            source = sources[i % len(sources)]
            shutil.copyfile(source, many / f"{i:05d}-{source.name}")
        for fmt in ("text", "json"):
            base = [
                *verify,
                "check",
                "--fail-on",
                "never",
                "--format",
                fmt,
                "--jobs",
                "1",
            ]
            rss_one, t_one = peak_rss([*base, str(one)])
            rss_many, t_many = peak_rss([*base, str(many)])
            ratio = rss_many / rss_one
            print(
                f"peak RSS, `verify check --jobs 1 --format {fmt}`: 1 article {rss_one:.1f} MB ({t_one:.1f} s); "
                f"{args.articles} articles {rss_many:.1f} MB ({t_many:.1f} s); "
                f"ratio {ratio:.2f} (target <= 2: {'met' if ratio <= 2 else 'NOT met'})"
            )


if __name__ == "__main__":
    main()
