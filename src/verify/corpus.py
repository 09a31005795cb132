"""Checking many articles at once, for notebooks and batch jobs: :func:`check_many`.

``check_many(items)`` checks every item and returns one :class:`CheckResults`: the reports in
the order of the items, tables with a ``document`` column (the item's 0-based position) on
every row, a pandas view when the ``pandas`` extra is installed, and an HTML view for notebooks.

What an item may be:

- a ``str``: the text of an article, in the ``format`` given (plain text by default). A string
  is always text, never a file name, so that a short article that happens to name an existing
  file is not read from disk;
- a :class:`pathlib.Path` (any ``os.PathLike``): a file, read as the CLI reads it
  (:func:`verify.io.read_text`: UTF-8 or a byte-order mark, binary and oversized files refused);
  its suffix sets the format (``.md``, ``.html``, ``.txt``) and its front matter or metadata
  may give the date;
- a :class:`~verify.document.Document`, used as it is;
- a pair ``(text_or_path, published)``, such as two DataFrame columns zipped together; a
  missing ``published`` (None, NaN, NaT) means "no date of its own".

An item's own date wins, then the file's metadata, then the ``published`` argument.

With ``jobs > 1`` the items are checked in a pool of processes, in chunks, and the results are
identical to ``jobs=1``: each process runs the same function on the same inputs, and the reports
come back in item order.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from verify.config import Config
from verify.document import Document, Format, parse_published
from verify.errors import InputError, VerifyError
from verify.io import read_text
from verify.model import SEVERITIES
from verify.packs import Pack
from verify.packs import resolve as resolve_packs
from verify.report import Report, report_dict

#: Columns of each table, in order, so that an empty table still has them.
FINDING_COLUMNS = (
    "path", "code", "rule", "severity", "message", "text", "start", "end", "line", "column",
    "related", "suggestion", "reference", "quoted",
)
FIGURE_COLUMNS = (
    "type", "path", "text", "start", "end", "line", "column", "kind", "value", "unit", "low", "high",
    "qualifier", "noun",
)
DATE_COLUMNS = (
    "type", "path", "text", "start", "end", "line", "column", "earliest", "latest", "granularity", "weekday",
)
EXTRACTION_COLUMNS = FIGURE_COLUMNS + DATE_COLUMNS[7:]
DOCUMENT_COLUMNS = ("path", "published", "figures", "dates", "findings", *SEVERITIES)
TABLES = ("findings", "figures", "dates", "documents")

PANDAS_HINT = "pandas is not installed: pip install 'source-verify[pandas]' to get DataFrames"


def dataframe(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> Any:
    """A pandas DataFrame of ``rows`` with at least ``columns`` (raises ImportError naming the extra)."""
    try:
        import pandas as pd
    except ImportError as error:
        raise ImportError(PANDAS_HINT) from error
    names = list(columns) + [k for row in rows for k in row if k not in columns]
    return pd.DataFrame(list(rows), columns=list(dict.fromkeys(names)))


@attrs.frozen(repr=False)
class CheckResults:
    """The reports of a corpus, in the order of the items given to :func:`check_many`."""

    reports: tuple[Report, ...]

    def __len__(self) -> int:
        return len(self.reports)

    def __iter__(self) -> Iterator[Report]:
        return iter(self.reports)

    def __getitem__(self, index: int) -> Report:
        return self.reports[index]

    @property
    def counts(self) -> dict[str, int]:
        """How many findings of each severity across the corpus."""
        totals = dict.fromkeys(SEVERITIES, 0)
        for report in self.reports:
            for severity, n in report.counts.items():
                totals[severity] += n
        return totals

    def to_dict(self) -> dict[str, Any]:
        """The whole JSON report (schema ``verify-report/1``)."""
        return report_dict(self.reports)

    def to_records(self, table: str = "findings") -> list[dict[str, Any]]:
        """Rows of one table, each with ``document`` (the item's position) first.

        ``table`` is ``"findings"`` (one row per finding), ``"figures"``, ``"dates"`` (one row per
        figure or date mention), or ``"documents"`` (one row per item, with its counts).
        """
        if table not in TABLES:
            raise ValueError(f"table must be one of {', '.join(TABLES)}, not {table!r}")
        rows: list[dict[str, Any]] = []
        for index, report in enumerate(self.reports):
            if table == "findings":
                rows.extend({"document": index, **row} for row in report.to_records())
            elif table == "documents":
                doc = report.document
                rows.append({
                    "document": index,
                    "path": doc.path,
                    "published": None if doc.published is None else doc.published.isoformat(),
                    "figures": len(report.figures),
                    "dates": len(report.dates),
                    "findings": len(report.findings),
                    **report.counts,
                })
            else:
                kind = table[:-1]
                rows.extend(
                    {"document": index, **row} for row in report.extraction.to_records() if row["type"] == kind
                )
        return rows

    def to_pandas(self, table: str = "findings") -> Any:
        """One table (see :meth:`to_records`) as a pandas DataFrame; needs ``source-verify[pandas]``."""
        columns = {"findings": FINDING_COLUMNS, "figures": FIGURE_COLUMNS, "dates": DATE_COLUMNS,
                   "documents": DOCUMENT_COLUMNS}[table] if table in TABLES else ()
        return dataframe(self.to_records(table), ("document", *columns))

    def _repr_html_(self) -> str:
        from verify.render.html import corpus_html

        return corpus_html(self.reports)

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {s}" for s, n in self.counts.items() if n) or "no findings"
        return f"<CheckResults {len(self.reports)} documents: {counts}>"


def _is_missing(value: Any) -> bool:
    """None, NaN or NaT (a missing value from a DataFrame column)."""
    if value is None:
        return True
    try:
        return bool(value != value)  # noqa: PLR0124 - NaN and NaT are the values unequal to themselves
    except (TypeError, ValueError):
        return type(value).__name__ == "NAType"  # pandas.NA: unequal to itself, but not a bool


def _document(item: Any, published: Any, fmt: Format | None = None) -> Document:
    """The document an item names (see the module docstring for what an item may be)."""
    own = None
    if isinstance(item, (tuple, list)) and len(item) == 2:
        item, own = item
        own = None if _is_missing(own) else own
        if own is not None and not isinstance(own, (str, dt.date)):
            own = str(own)  # numpy.datetime64 and the like print as ISO dates
    if isinstance(item, Document):
        doc = item
        if own is not None:
            doc = attrs.evolve(doc, published=parse_published(own))
    elif isinstance(item, str):
        doc = Document.from_text(item, published=own, format=fmt)
    elif isinstance(item, os.PathLike):
        path = os.fspath(item)
        doc = Document.from_text(read_text(path), published=own, path=path)
    else:
        raise InputError(
            f"an item must be text (str), a path (pathlib.Path), a Document or a (text, published) pair,"
            f" not {type(item).__name__}"
        )
    if doc.published is None and published is not None:
        doc = attrs.evolve(doc, published=parse_published(published))
    return doc


def _check_one(
    item: Any, published: Any, packs: Sequence[Pack], config: Config, suppressions: bool = True, fmt: Format | None = None
) -> Report:
    from verify import engine

    return engine.run(_document(item, published, fmt), packs=packs, config=config, suppressions=suppressions)


def _check_chunk(
    chunk: Sequence[Any],
    first: int,
    published: Any,
    packs: Sequence[Pack],
    config: Config,
    suppressions: bool = True,
    fmt: Format | None = None,
) -> list[Report]:
    """The reports of ``chunk``, whose first item is item ``first`` of the run."""
    reports = []
    for index, item in enumerate(chunk, first):
        try:
            reports.append(_check_one(item, published, packs, config, suppressions, fmt))
        except VerifyError as error:
            # Name the bad item: a text has no path, and a run of thousands must say which one.
            error.item = index
            if error.path is None:
                error.path = f"item {index}"
            raise
    return reports


def _interactive() -> bool:
    """Whether someone is watching: a terminal on stderr, or a notebook kernel."""
    try:
        if sys.stderr is not None and sys.stderr.isatty():
            return True
    except (AttributeError, ValueError):
        pass
    shell = sys.modules.get("IPython")
    get_ipython = getattr(shell, "get_ipython", None)
    return bool(get_ipython and get_ipython() is not None and "ipykernel" in sys.modules)


class _Progress:
    """tqdm when it is installed, else a plain counter on stderr; silent when ``enabled`` is False."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.done, self.bar, self.enabled = total, 0, None, enabled
        if not enabled:
            return
        try:
            import warnings

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                from tqdm.auto import tqdm
            self.bar = tqdm(total=total, desc="verify", unit="doc")
        except Exception:  # noqa: BLE001 - tqdm missing or unusable in this frontend: use the counter
            self.bar = None

    def update(self, n: int = 1) -> None:
        self.done += n
        if self.bar is not None:
            self.bar.update(n)
        elif self.enabled:
            sys.stderr.write(f"\rverify: {self.done}/{self.total} checked")
            sys.stderr.flush()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        elif self.enabled:
            sys.stderr.write("\n")
            sys.stderr.flush()


def check_many(
    items: Iterable[Any],
    *,
    published: Any = None,
    packs: Iterable[Pack | str | Path] = (),
    jobs: int = 1,
    config: Config | None = None,
    progress: bool | None = None,
    suppressions: bool = True,
    format: Format | None = None,
) -> CheckResults:
    """Check every item (texts, paths, or ``(text, published)`` pairs) and combine the reports.

    ``published`` is the date for items that have none of their own. ``format`` ("text",
    "markdown" or "html"; default "text") is how items given as text are read: a CMS export in
    HTML reads its tags as markup and its ``verify: ignore`` comments as directives (a path is
    read by its suffix, a :class:`~verify.document.Document` as it is). ``jobs`` > 1 checks in
    that many processes (``jobs=0`` or a negative number: one per CPU). ``progress`` shows a bar
    (tqdm when installed, else a counter on stderr); by default only when someone is watching.
    ``suppressions`` is as for :func:`verify.check`.
    """
    config = config or Config()
    items = list(items)
    parse_published(published)  # fail early on a bad default date
    if format is not None:
        Document.from_text("", format=format)  # fail early on an unknown format
    loaded = resolve_packs(packs, config)
    workers = (os.cpu_count() or 1) if jobs <= 0 else jobs
    workers = max(1, min(workers, len(items)))
    bar = _Progress(len(items), _interactive() if progress is None else progress)
    reports: list[Report] = []
    try:
        if workers == 1:
            for index, item in enumerate(items):
                reports.extend(_check_chunk([item], index, published, loaded, config, suppressions, format))
                bar.update()
        else:
            from concurrent.futures import ProcessPoolExecutor, as_completed

            # Chunks amortise the cost of sending packs and reports between processes while still
            # leaving several chunks per worker for balance and for the progress bar.
            size = max(1, min(64, len(items) // (workers * 4)))
            chunks = [(i, items[i : i + size]) for i in range(0, len(items), size)]
            with ProcessPoolExecutor(max_workers=workers) as pool:
                futures = {
                    pool.submit(_check_chunk, chunk, first, published, loaded, config, suppressions, format): len(chunk)
                    for first, chunk in chunks
                }
                for future in as_completed(futures):
                    future.result()  # raise a worker's error as soon as it arrives
                    bar.update(futures[future])
                for future in futures:  # dicts keep insertion order: the items' order
                    reports.extend(future.result())
    finally:
        bar.close()
    return CheckResults(tuple(reports))


__all__ = ["CheckResults", "check_many"]
