"""Guard for speed work: the same inputs must give the same reports, byte for byte.

    .venv/bin/python bench/golden.py record  [--out bench/.golden.jsonl]
    .venv/bin/python bench/golden.py compare [--out bench/.golden.jsonl] [-v] [--accept]

``record`` checks a wide corpus and writes one JSON report per line; ``compare`` checks it again
and prints every input whose report changed (figures, dates and findings, with spans), so an
optimisation that should change nothing can be shown to change nothing; ``--accept`` writes the
changed reports into the recording once you have read them and meant them. The corpus:

- every fixture article (``fixtures/**/*.md``, ``*.txt``), read in its own format;
- every input sentence of the peer suites that ``bench/peer_suites.py`` and ``bench/peer_dates.py``
  score (their texts are collected by running the scorers), each with its publication date;
- 3,000 pieces of generated news copy (a fixed seed) built from the fragments of the fuzz tests,
  as text, Markdown and HTML.

The file is a local artefact (``bench/.golden.jsonl`` is ignored by git): record it on the commit
you start from, compare on the one you end at.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "tests" / "property"))

import verify  # noqa: E402


def _peer_texts() -> list[tuple[str, dt.date | None]]:
    """Every text the peer-suite scorers hand to verify, with the date they give it."""
    import peer_suites

    seen: list[tuple[str, dt.date | None]] = []
    real_extract = verify.extract

    def recording(text, *args, **kwargs):  # type: ignore[no-untyped-def]
        published = kwargs.get("published")
        seen.append((text, published if isinstance(published, dt.date) else None))
        return real_extract(text, *args, **kwargs)

    verify.extract = recording  # type: ignore[assignment]
    try:
        for _name, scorer in [*peer_suites.SUITES, *peer_suites._date_suites()]:
            try:
                scorer()
            except FileNotFoundError as exc:  # the peer suites are not on this machine
                print(f"skipped a suite: {exc}", file=sys.stderr)
    finally:
        verify.extract = real_extract  # type: ignore[assignment]
    return list(dict.fromkeys(seen))


def _generated(n: int) -> list[tuple[str, str]]:
    """``n`` (format, text) pieces of news copy from the fuzz tests' fragments, fixed seed."""
    import test_fuzz as fuzz

    rng = random.Random(20211208)
    pieces = {"text": fuzz.NEWS, "markdown": fuzz.NEWS + fuzz.MARKDOWN, "html": fuzz.NEWS + fuzz.HTML}
    out = []
    for i in range(n):
        fmt = ("text", "markdown", "html")[i % 3]
        out.append((fmt, "".join(rng.choice(pieces[fmt]) for _ in range(rng.randint(1, 60)))))
    return out


def corpus() -> list[tuple[str, str, str, dt.date | None]]:
    """(name, format, text, published) for every input of the guard."""
    items: list[tuple[str, str, str, dt.date | None]] = []
    for path in sorted((ROOT / "fixtures").rglob("*")):
        if path.suffix in (".md", ".txt") and "packs" not in path.parts:
            fmt = "markdown" if path.suffix == ".md" else "text"
            published = dt.date(2021, 12, 8) if "seed" in path.parts else None
            items.append((str(path.relative_to(ROOT)), fmt, path.read_text(encoding="utf-8"), published))
    for i, (text, published) in enumerate(_peer_texts()):
        items.append((f"peer#{i}", "text", text, published or dt.date(2021, 12, 8)))
    for i, (fmt, text) in enumerate(_generated(3000)):
        items.append((f"generated#{i}", fmt, text, dt.date(2021, 12, 8)))
    return items


def reports(items: list[tuple[str, str, str, dt.date | None]]) -> list[str]:
    out = []
    for name, fmt, text, published in items:
        try:
            report = verify.check(text, published=published, format=fmt)
            out.append(json.dumps({"name": name, "report": report.to_dict()}, sort_keys=True, ensure_ascii=False))
        except verify.VerifyError as exc:
            out.append(json.dumps({"name": name, "error": str(exc)}, sort_keys=True))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["record", "compare"])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / ".golden.jsonl")
    parser.add_argument("-v", "--verbose", action="store_true", help="print the changed reports")
    parser.add_argument("--accept", action="store_true", help="record the changed reports as the new baseline")
    args = parser.parse_args(argv)
    items = corpus()
    start = time.perf_counter()
    lines = reports(items)
    took = time.perf_counter() - start
    print(f"{len(items)} inputs checked in {took:.1f} s")
    if args.mode == "record":
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"recorded {args.out}")
        return 0
    old = args.out.read_text(encoding="utf-8").splitlines()
    if len(old) != len(lines):
        print(f"the corpus changed size: {len(old)} recorded, {len(lines)} now")
        return 1
    changed = [(a, b) for a, b in zip(old, lines) if a != b]
    for a, b in changed:
        name = json.loads(a)["name"]
        print(f"changed: {name}")
        if args.verbose:
            print(f"  was: {a[:2000]}\n  now: {b[:2000]}")
    print(f"{len(changed)} of {len(lines)} reports changed")
    if changed and args.accept:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"accepted: {args.out} now holds these reports")
        return 0
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
