"""verify against the extractors newsrooms use today, on the same corpus, in one run.

    bench/.venv/bin/python bench/compare.py [--mb 5] [--budget 60]

The corpus is every fixture article (fixtures/**/*.md and *.txt), repeated until it holds about
``--mb`` megabytes. Each tool reads the same articles one by one (verify reads a .md article as
Markdown, as ``verify check`` does, so its annotation comments are markup; the peers have no
such option and read the text as it is); for each we print articles per
second and the median per-article latency, then the ratios the issue sets targets for (each
ratio over the articles both tools finished):
``verify.check`` (extraction and every check, default packs) at least 100x quantulum3's
``parser.parse`` and 20x dateparser's ``search.search_dates`` (RELATIVE_BASE = the article's
publication date). A tool that would take longer than ``--budget`` seconds over the whole corpus
is stopped there and measured on the articles it finished (the table says how many).

The peers are installed only in the benchmark's own environment, never as verify's dependencies:

    python3 -m venv bench/.venv && bench/.venv/bin/pip install -e . quantulum3 dateparser psutil
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def articles() -> list[tuple[str, str, dt.date | None]]:
    """Every fixture article: (name, text, publication date from its front matter or None)."""
    from verify.document import Document

    found = []
    for path in sorted(FIXTURES.rglob("*")):
        if path.suffix not in (".md", ".txt"):
            continue
        text = path.read_text(encoding="utf-8")
        try:
            published = Document.from_text(text, path=str(path)).published
        except Exception:  # noqa: BLE001 - a bad front matter: treat as undated
            published = None
        if published is None and "seed" in path.parts:
            published = dt.date(2021, 12, 8)
        found.append((str(path.relative_to(ROOT)), text, published))
    return found


def corpus(megabytes: float) -> list[tuple[str, str, dt.date | None]]:
    """The fixture articles repeated until they hold about ``megabytes`` MB of text."""
    base = articles()
    if not base:
        raise SystemExit("no fixture articles found")
    out: list[tuple[str, str, dt.date | None]] = []
    size = 0
    while size < megabytes * 1_000_000:
        for item in base:
            out.append(item)
            size += len(item[1].encode("utf-8"))
    return out


#: A tool reads (text, publication date, format); the format is the article's by its file
#: name ("markdown" for .md), which only verify uses.
Tool = Callable[[str, "dt.date | None", str], object]


def _format(name: str) -> str:
    return "markdown" if name.endswith(".md") else "text"


def tools(include: set[str]) -> dict[str, Tool | str]:
    """The tools to compare: a callable, or a string saying why it is not available."""
    import verify

    found: dict[str, Tool | str] = {}
    # verify reads each article in its own format, as `verify check` does from the file name
    # (fixture comments in Markdown are markup, not copy); the peers get the same text.
    if "verify.extract" in include:
        found["verify.extract"] = lambda text, published, fmt: verify.extract(
            text, published=published, format=fmt
        )
    if "verify.check" in include:
        found["verify.check"] = lambda text, published, fmt: verify.check(
            text, published=published, format=fmt
        )
    if "quantulum3" in include:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                from quantulum3 import parser as q_parser
            found["quantulum3"] = lambda text, published, fmt: q_parser.parse(text)
        except ImportError:
            found["quantulum3"] = (
                "not installed (bench/.venv/bin/pip install quantulum3)"
            )
    if "dateparser" in include:
        try:
            from dateparser.search import search_dates

            def run_dateparser(text: str, published: dt.date | None, fmt: str) -> object:
                base = dt.datetime.combine(published or dt.date(2021, 12, 8), dt.time())
                return search_dates(
                    text, languages=["en"], settings={"RELATIVE_BASE": base}
                )

            found["dateparser"] = run_dateparser
        except ImportError:
            found["dateparser"] = (
                "not installed (bench/.venv/bin/pip install dateparser)"
            )
    return found


def measure(
    tool: Tool, items: list[tuple[str, str, dt.date | None]], budget: float
) -> dict[str, float]:
    """Run ``tool`` over ``items`` (after one warm-up call) until done or ``budget`` seconds."""
    tool(items[0][1], items[0][2], _format(items[0][0]))  # imports, registries, caches
    latencies: list[float] = []
    chars = 0
    began = time.perf_counter()
    # Peers warn as they parse; silence them once for the whole run, outside the timed calls
    # (entering catch_warnings costs a few microseconds, which is not the tool's work).
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, text, published in items:
            fmt = _format(name)
            t0 = time.perf_counter()
            tool(text, published, fmt)
            latencies.append(time.perf_counter() - t0)
            chars += len(text)
            if time.perf_counter() - began > budget:
                break
    total = sum(latencies)
    return {
        "latencies": latencies,  # type: ignore[dict-item]
        "articles": len(latencies),
        "of": len(items),
        "seconds": total,
        "per_second": len(latencies) / total,
        "mb_per_second": chars / 1e6 / total,
        "median_ms": statistics.median(latencies) * 1000,
    }


def table(results: dict[str, dict[str, float] | str]) -> str:
    lines = [
        f"| {'tool':<16} | {'articles':>15} | {'seconds':>8} | {'articles/s':>10} | {'MB/s':>7} | {'median ms':>9} |",
        f"|{'-' * 18}|{'-' * 17}|{'-' * 10}|{'-' * 12}|{'-' * 9}|{'-' * 11}|",
    ]
    for name, r in results.items():
        if isinstance(r, str):
            lines.append(f"| {name:<16} | {r} |")
            continue
        done = f"{r['articles']:.0f}/{r['of']:.0f}"
        lines.append(
            f"| {name:<16} | {done:>15} | {r['seconds']:>8.2f} | {r['per_second']:>10.1f} | "
            f"{r['mb_per_second']:>7.3f} | {r['median_ms']:>9.2f} |"
        )
    return "\n".join(lines)


def ratios(
    results: dict[str, dict[str, float] | str],
    pairs: list[tuple[str, str, float | None]],
) -> str:
    lines = []
    for mine, peer, target in pairs:
        a, b = results.get(mine), results.get(peer)
        if not isinstance(a, dict) or not isinstance(b, dict):
            continue
        # Over the articles both tools finished (a budget may have stopped one early).
        common = min(len(a["latencies"]), len(b["latencies"]))
        ratio = sum(b["latencies"][:common]) / sum(a["latencies"][:common])
        latency = statistics.median(b["latencies"][:common]) / statistics.median(
            a["latencies"][:common]
        )
        goal = (
            ""
            if target is None
            else f"  (target >= {target:g}x: {'met' if ratio >= target else 'NOT met'})"
        )
        lines.append(
            f"{mine} / {peer}: {ratio:,.1f}x articles/s, {latency:,.1f}x lower median latency "
            f"(same {common} articles){goal}"
        )
    return "\n".join(lines)


def corpus_options(parser: argparse.ArgumentParser, megabytes: float) -> None:
    """The options every corpus benchmark takes: its size and the time budget per tool."""
    parser.add_argument(
        "--mb", type=float, default=megabytes, help=f"corpus size in MB (default {megabytes:g})"
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=60.0,
        help="seconds at most per tool (default 60)",
    )


def run_tools(names: set[str], args: argparse.Namespace) -> dict[str, dict[str, float] | str]:
    """Build the corpus ``args`` asks for, say how big it is, and measure each tool in ``names``."""
    items = corpus(args.mb)
    size = sum(len(t.encode("utf-8")) for _, t, _ in items)
    print(
        f"corpus: {len(items)} articles, {size / 1e6:.2f} MB ({len(articles())} fixture articles repeated)"
    )
    results: dict[str, dict[str, float] | str] = {}
    for name, tool in tools(names).items():
        results[name] = (
            tool if isinstance(tool, str) else measure(tool, items, args.budget)
        )
    print(table(results))
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus_options(parser, 5.0)
    parser.add_argument(
        "--tools",
        default="verify.extract,verify.check,quantulum3,dateparser",
        help="comma-separated tools",
    )
    args = parser.parse_args(argv)
    results = run_tools(set(args.tools.split(",")), args)
    print(
        ratios(
            results,
            [
                ("verify.check", "quantulum3", 100),
                ("verify.check", "dateparser", 20),
                ("verify.extract", "quantulum3", None),
                ("verify.extract", "dateparser", None),
            ],
        )
    )


if __name__ == "__main__":
    main()
