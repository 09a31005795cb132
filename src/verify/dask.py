"""Archive-scale checking on Dask: :func:`check_bag` and :func:`check_frame`.

Both build a lazy Dask DataFrame of findings, one row per finding, with the columns of
``verify.corpus.check_many(...).to_records()``: ``document`` (the article's id) first, then
:data:`verify.corpus.FINDING_COLUMNS`. Every column has an explicit Arrow-backed dtype
(:data:`SCHEMA`), so Dask computes nothing to guess the output's shape, every partition has the
same schema (even one without findings), and ``findings.to_parquet(path)`` writes it as it is::

    import dask.dataframe as dd
    from verify.dask import check_frame

    articles = dd.read_parquet("archive/*.parquet")           # columns: id, body, pubdate
    findings = check_frame(articles, text="body", published="pubdate", id="id")
    findings.to_parquet("findings/")

Each partition is checked by :func:`verify.corpus.check_many` in the worker, so a row here is
the row ``check_many`` gives for the same article, with its ``document`` replaced by the id.

Per process, not per article: the pint registry is built once, when a worker first imports
this module (:func:`verify.units.load`), and the shipped packs are loaded once by
:func:`verify.packs.default_packs` (cached). Packs given as paths, and the packs a
:class:`~verify.config.Config` names, are loaded here, in the client (a broken pack fails
before anything is scheduled, and workers need not see the client's files), and travel as one
task result that each worker receives once, with the config.

Needs the ``dask`` extra: ``pip install 'source-verify[dask]'``. ``import verify`` never
imports Dask.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

try:
    import dask
    import dask.dataframe as dd
    import pandas as pd
    import pyarrow as pa
except ImportError as error:  # pragma: no cover - exercised in a subprocess by the tests
    raise ImportError(
        f"verify.dask needs Dask, pandas and pyarrow ({error.name} is missing): "
        "pip install 'source-verify[dask]'"
    ) from error

import attrs

from verify.config import Config
from verify.corpus import FINDING_COLUMNS, check_many
from verify.document import Document, Format
from verify.errors import VerifyError
from verify.packs import Pack, load_pack
from verify.units import load as _load_units

_load_units()  # a worker builds the registry once, as it unpickles its first task, not per article

#: The id column every findings frame starts with.
DOCUMENT = "document"

_SPAN = pa.struct([("text", pa.string()), ("start", pa.int64()), ("end", pa.int64())])
_REFERENCE = pa.struct([("id", pa.string()), ("source", pa.string()), ("as_of", pa.string())])

#: Arrow type of each findings column (``document`` is added per call: it takes the id's type).
COLUMN_TYPES: dict[str, pa.DataType] = {
    "path": pa.string(),
    "code": pa.string(),
    "rule": pa.string(),
    "severity": pa.string(),
    "message": pa.string(),
    "text": pa.string(),
    "start": pa.int64(),
    "end": pa.int64(),
    "line": pa.int64(),
    "column": pa.int64(),
    "related": pa.list_(_SPAN),
    "suggestion": pa.string(),
    "reference": _REFERENCE,
    "quoted": pa.bool_(),
}


def schema(document: pa.DataType | None = None) -> pa.Schema:
    """The Arrow schema of a findings frame whose ids are of type ``document`` (default int64)."""
    ids = pa.int64() if document is None else document
    return pa.schema([(DOCUMENT, ids), *((name, COLUMN_TYPES[name]) for name in FINDING_COLUMNS)])


#: The schema of :func:`check_bag`'s findings (positions as ids).
SCHEMA = schema()


def _empty(schema_: pa.Schema) -> pd.DataFrame:
    """A findings frame with no rows: the ``meta`` Dask needs to know the output's dtypes."""
    return schema_.empty_table().to_pandas(types_mapper=pd.ArrowDtype)


def _frame(rows: list[dict[str, Any]], schema_: pa.Schema) -> pd.DataFrame:
    """Rows as a pandas frame with exactly the dtypes of ``schema_`` (as :func:`_empty` has)."""
    return pa.Table.from_pylist(rows, schema=schema_).to_pandas(types_mapper=pd.ArrowDtype)


def _findings(
    items: Sequence[Any],
    ids: Sequence[Any],
    packs: tuple[Pack, ...],
    config: Config,
    schema_: pa.Schema,
    fmt: Format | None = None,
) -> pd.DataFrame:
    """Check one partition's items (in the worker) and label each finding with its item's id."""
    try:
        results = check_many(items, packs=packs, config=config, progress=False, format=fmt)
    except VerifyError as error:
        if error.item is not None and error.path == f"item {error.item}":
            error.path = f"document {ids[error.item]!r}"  # the id the caller knows the article by
        raise
    rows = results.to_records("findings")
    for row in rows:
        row[DOCUMENT] = ids[row[DOCUMENT]]
    return _frame(rows, schema_)


def _prepare(packs: Iterable[Pack | str | Path], config: Config | None) -> tuple[Any, Any]:
    """Load the extra packs here, once, and wrap them and the config as single graph values.

    The packs of ``config.packs`` join ``packs`` and the config keeps none, so workers never read
    a pack file; the shipped packs (``config.default_packs``) are each worker's own, cached.
    """
    config = config or Config()
    loaded = tuple(p if isinstance(p, Pack) else load_pack(p) for p in (*config.packs, *packs))
    config = attrs.evolve(config, packs=())
    return dask.delayed(loaded, traverse=False), dask.delayed(config, traverse=False)


def _known_format(fmt: Format | None) -> None:
    """Refuse an unknown format here, before any task runs (InputError, as ``check_many``)."""
    if fmt is not None:
        Document.from_text("", format=fmt)


# --- bags --------------------------------------------------------------------------------------


def _check_items(items: Iterable[Any], packs: tuple[Pack, ...], config: Config, fmt: Format | None = None) -> pd.DataFrame:
    """One bag partition's findings, ``document`` counted from 0 within the partition."""
    items = list(items)
    return _findings(items, range(len(items)), packs, config, SCHEMA, fmt)


def _shift(findings: pd.DataFrame, offsets: Sequence[int], index: int) -> pd.DataFrame:
    """A partition's findings with ``document`` moved to positions in the whole bag."""
    findings[DOCUMENT] = findings[DOCUMENT] + offsets[index]
    return findings


def _offsets(lengths: Sequence[int]) -> list[int]:
    """Where each partition starts in the whole bag."""
    offsets, total = [], 0
    for n in lengths:
        offsets.append(total)
        total += n
    return offsets


def check_bag(
    bag: Any,
    *,
    packs: Iterable[Pack | str | Path] = (),
    config: Config | None = None,
    format: Format | None = None,
) -> dd.DataFrame:
    """Check a ``dask.bag`` of texts or ``(text, published)`` pairs; a lazy frame of findings.

    An item is what :func:`verify.corpus.check_many` accepts (a missing ``published`` means no
    date); ``format`` ("text", "markdown" or "html") is how texts are read, as there. ``document`` is the item's 0-based position in the whole bag, as in ``check_many``:
    each partition's start is the sum of the lengths before it, a small task that waits for every
    partition to be read (each partition is checked as soon as it is read; only its findings wait
    for the offsets). When the items have ids of their own, put them in a DataFrame and use
    :func:`check_frame` with ``id=``.
    """
    _known_format(format)
    packs_, config_ = _prepare(packs, config)
    parts = bag.to_delayed()
    lengths = [dask.delayed(len)(part) for part in parts]
    offsets = dask.delayed(_offsets)(lengths)
    checked = [dask.delayed(_check_items)(part, packs_, config_, format) for part in parts]
    frames = [dask.delayed(_shift)(frame, offsets, index) for index, frame in enumerate(checked)]
    return dd.from_delayed(frames, meta=_empty(SCHEMA), verify_meta=False)


# --- data frames -------------------------------------------------------------------------------


def _arrow_type(dtype: Any) -> pa.DataType:
    """The Arrow type for ids of a pandas ``dtype`` (object and string columns hold strings)."""
    if isinstance(dtype, pd.ArrowDtype):
        return dtype.pyarrow_dtype
    if isinstance(dtype, pd.StringDtype) or dtype == object:
        return pa.string()
    return pa.from_numpy_dtype(dtype)


def _missing(value: Any) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def _frame_partition(part: pd.DataFrame, text: str, published: str | None, id: str | None,
                     packs: tuple[Pack, ...], config: Config, schema_: pa.Schema,
                     fmt: Format | None = None) -> pd.DataFrame:
    texts = ["" if _missing(t) else t for t in part[text].tolist()]
    if published is None:
        items: list[Any] = texts
    else:  # pd.NA, NaT and NaN all mean "no date of its own"
        items = [(t, None if _missing(p) else p) for t, p in zip(texts, part[published].tolist())]
    ids = part.index.tolist() if id is None else part[id].tolist()
    return _findings(items, ids, packs, config, schema_, fmt)


def check_frame(
    df: dd.DataFrame,
    text: str = "text",
    published: str | None = "published",
    id: str | None = None,
    *,
    packs: Iterable[Pack | str | Path] = (),
    config: Config | None = None,
    format: Format | None = None,
) -> dd.DataFrame:
    """Check the articles in a Dask DataFrame's columns; a lazy frame of findings.

    ``text`` names the column of article texts (a missing text is an empty article);
    ``published`` the column of publication dates (dates, Timestamps or ISO strings; a missing
    one means no date), or None for no dates. ``document`` holds the ``id`` column's value, or
    the row's index label when ``id`` is None (a frame made with ``from_pandas`` from a
    default-indexed pandas frame thus numbers articles as ``check_many`` does). ``format``
    ("text", "markdown" or "html") is how the texts are read, as in ``check_many``.
    """
    for role, column in (("text", text), ("published", published), ("id", id)):
        if column is not None and column not in df.columns:
            raise ValueError(f"{role}={column!r}: the frame has no such column (it has {', '.join(map(str, df.columns))})")
    _known_format(format)
    ids = df.index.dtype if id is None else df.dtypes[id]
    schema_ = schema(_arrow_type(ids))
    packs_, config_ = _prepare(packs, config)
    return df.map_partitions(
        _frame_partition, text, published, id, packs_, config_, schema_, format,
        meta=_empty(schema_), enforce_metadata=False, align_dataframes=False,
    )


__all__ = ["COLUMN_TYPES", "DOCUMENT", "SCHEMA", "check_bag", "check_frame", "schema"]

