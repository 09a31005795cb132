"""verify.dask: bags and frames on a LocalCluster give check_many's findings, row for row.

The corpus is generated from the fixtures' paragraphs: each article pairs a paragraph of one
fixture with one of another, its figures scaled and its years and publication date shifted by
a seeded random generator, so the findings differ between articles and every run is the same.

Run ``python tests/test_dask.py [N] [PARAGRAPHS]`` to measure articles per second on one core
and on a 2-worker LocalCluster (the numbers in docs/scale.md).
"""

from __future__ import annotations

import datetime as dt
import pickle
import random
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask", reason="needs the dask extra: pip install -e '.[test,dask]'")
pytest.importorskip("distributed", reason="needs the dask extra: pip install -e '.[test,dask]'")

import cloudpickle
import dask
import dask.bag as db
import dask.dataframe as dd
import pandas as pd
import pyarrow as pa
from distributed import Client, LocalCluster

from verify.config import Config
from verify.corpus import FINDING_COLUMNS, check_many
from verify.dask import SCHEMA, check_bag, check_frame
from verify.errors import InputError
from verify.packs import default_packs, load_pack

ROOT = Path(__file__).resolve().parent.parent
PACK = ROOT / "fixtures" / "packs" / "city-budget.toml"
SIZE = 1000

# --- the generated corpus ----------------------------------------------------------------------

_FRONT = re.compile(r"\A---\n(.{0,2000}?)\n---\n", re.DOTALL)
_DATE = re.compile(r"published:\s{0,9}(\d{4}-\d{2}-\d{2})")
_COMMENT = re.compile(r"<!--.{0,4000}?-->", re.DOTALL)
_PARAGRAPH = re.compile(r"\n[ \t]{0,9}\n")
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3}){1,4}(?!\d)|\d{1,9}(?:\.\d{1,4})?")
_FACTORS = (0.5, 0.9, 1.1, 2, 3, 10)


def sources() -> list[tuple[list[str], dt.date | None]]:
    """Each fixture article's prose paragraphs (no headings, no annotations) and its date."""
    paths = sorted((ROOT / "fixtures" / "articles").glob("*.md"))
    out = []
    for path in [*paths, ROOT / "fixtures" / "seed" / "biden-putin-2021-12-08.txt"]:
        raw = path.read_text(encoding="utf-8")
        published = dt.date(2021, 12, 8) if path.suffix == ".txt" else None
        front = _FRONT.match(raw)
        if front:
            found = _DATE.search(front.group(1))
            published = dt.date.fromisoformat(found.group(1)) if found else None
            raw = raw[front.end():]
        raw = _COMMENT.sub("", raw)
        lines = raw.split("\n") if path.suffix == ".txt" else _PARAGRAPH.split(raw)
        paragraphs = [p.strip() for p in lines if p.strip() and not p.lstrip().startswith("#")]
        out.append((paragraphs, published))
    return out


def _vary(number: str, rng: random.Random, years: int) -> str:
    """A year moves by ``years``; half the other numbers are scaled, keeping their format."""
    plain = number.replace(",", "")
    if number.isdigit() and len(number) == 4 and 1900 <= int(number) <= 2100:
        return str(int(number) + years)
    if rng.random() < 0.5:
        return number
    value = float(plain) * rng.choice(_FACTORS)
    if "." in plain:
        return f"{value:.{len(plain.split('.')[1])}f}"
    whole = max(1, round(value))
    return f"{whole:,}" if "," in number else str(whole)


def corpus(n: int = SIZE, paragraphs: int = 2, seed: int = 7) -> list[Any]:
    """``n`` articles: every tenth a bare text, the rest (text, published) pairs."""
    rng = random.Random(seed)
    pool = sources()
    items: list[Any] = []
    for i in range(n):
        own, published = pool[i % len(pool)]
        chosen = [own[(i // len(pool)) % len(own)]]
        chosen += [rng.choice(rng.choice(pool)[0]) for _ in range(paragraphs - 1)]
        years = rng.randint(-2, 2)
        text = "\n\n".join(_NUMBER.sub(lambda m, y=years: _vary(m.group(0), rng, y), p) for p in chosen)
        if published is None or i % 10 == 9:
            items.append(text)
        else:
            moved = published.replace(year=published.year + years) if (published.month, published.day) != (2, 29) \
                else published + dt.timedelta(days=365 * years)
            items.append((text, moved + dt.timedelta(days=rng.randint(-3, 3))))
    return items


def texts_and_dates(items: list[Any]) -> tuple[list[str], list[dt.date | None]]:
    return ([i if isinstance(i, str) else i[0] for i in items],
            [None if isinstance(i, str) else i[1] for i in items])


# --- comparing rows ----------------------------------------------------------------------------


def _key(row: dict[str, Any]) -> tuple[Any, ...]:
    return row["document"], row["start"], row["end"], row["rule"], row["message"]


def rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """A findings frame's rows as plain Python values (None for missing), in a stable order."""
    return sorted(pa.Table.from_pandas(frame, preserve_index=False).to_pylist(), key=_key)


def expected(items: list[Any], ids: list[Any] | None = None, **kwargs: Any) -> list[dict[str, Any]]:
    """check_many's findings records, the document renamed to its id, in the same order."""
    records = check_many(items, progress=False, **kwargs).to_records()
    if ids is not None:
        for record in records:
            record["document"] = ids[record["document"]]
    return sorted(records, key=_key)


# --- the cluster -------------------------------------------------------------------------------

cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers cannot import this module


def probe() -> dict[str, Any]:
    """In a worker: count pint registry constructions and checked partitions from now on.

    The first call wraps ``pint.UnitRegistry.__init__`` and ``verify.dask._findings`` (which
    checks one partition) in this process; every call returns the counts so far, the id of
    verify's registry, and the ids of the registry seen by each partition.
    """
    import pint

    import verify.dask
    import verify.units

    cls, state = pint.UnitRegistry, getattr(verify.dask, "_probe", None)
    if state is None:
        state = verify.dask._probe = {"built": 0, "partitions": 0, "seen": set()}
        original, findings = cls.__init__, verify.dask._findings

        def counting(self: Any, *args: Any, **kwargs: Any) -> None:
            state["built"] += 1
            original(self, *args, **kwargs)

        def checking(*args: Any, **kwargs: Any) -> Any:
            state["partitions"] += 1
            state["seen"].add(id(verify.units.registry))
            return findings(*args, **kwargs)

        cls.__init__ = counting
        verify.dask._findings = checking
    return {**state, "seen": set(state["seen"]), "registry": id(verify.units.registry)}


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as client_:
        yield client_


@pytest.fixture(scope="module")
def articles() -> list[Any]:
    return corpus()


@pytest.fixture(scope="module")
def want(articles: list[Any]) -> list[dict[str, Any]]:
    """Single-process check_many's findings over the corpus, sorted."""
    return expected(articles)


@pytest.fixture(scope="module")
def bag_run(client: Client, articles: list[Any]) -> dict[str, Any]:
    """check_bag over the corpus on the cluster, with registry counts taken before and after."""
    before = client.run(probe)
    findings = check_bag(db.from_sequence(articles, npartitions=8))
    result = findings.compute()
    return {"findings": findings, "result": result, "before": before, "after": client.run(probe)}


# --- tests -------------------------------------------------------------------------------------


def test_the_corpus_is_deterministic_and_varied(articles: list[Any]) -> None:
    """The generator gives the same 1,000 distinct articles every time, most of them dated."""
    assert corpus() == articles and len(articles) == SIZE
    texts, dates = texts_and_dates(articles)
    assert len(set(texts)) > 0.95 * SIZE
    assert 0.8 * SIZE < sum(d is not None for d in dates) < SIZE


def test_bag_matches_check_many_row_for_row(bag_run: dict[str, Any], want: list[dict[str, Any]]) -> None:
    """On 2 worker processes, check_bag's findings equal single-process check_many's, row for row."""
    got = rows(bag_run["result"])
    assert len(got) == len(want) and len({r["document"] for r in want}) > SIZE // 4
    assert len({r["rule"] for r in want}) >= 8
    assert got == want


def test_bag_result_has_the_declared_dtypes(bag_run: dict[str, Any]) -> None:
    """The computed frame has exactly the meta's columns and dtypes: document, then check_many's columns."""
    findings, result = bag_run["findings"], bag_run["result"]
    assert list(findings.columns) == ["document", *FINDING_COLUMNS] == SCHEMA.names
    assert result.dtypes.equals(findings.dtypes)


def test_workers_build_the_registry_once(bag_run: dict[str, Any]) -> None:
    """No worker built a pint registry while checking; every partition a worker ran saw the same one."""
    before, after = bag_run["before"], bag_run["after"]
    assert set(before) == set(after) and len(after) == 2
    assert sum(a["partitions"] - before[w]["partitions"] for w, a in after.items()) == 8
    for worker, state in after.items():
        assert state["built"] == before[worker]["built"], worker
        assert state["registry"] == before[worker]["registry"], worker
        assert state["seen"] <= {state["registry"]}, worker
    assert max(a["partitions"] - before[w]["partitions"] for w, a in after.items()) >= 2


def test_frame_to_parquet_matches_check_many(client: Client, articles: list[Any], want: list[dict[str, Any]],
                                             tmp_path: Path) -> None:
    """check_frame with an id column writes Parquet whose rows are check_many's, ids in place of positions."""
    items = articles[:300]
    texts, dates = texts_and_dates(items)
    ids = [f"story-{i:05d}" for i in range(len(items))]
    frame = pd.DataFrame({"id": ids, "body": texts, "pubdate": pd.to_datetime(dates)})
    findings = check_frame(dd.from_pandas(frame, npartitions=4), text="body", published="pubdate", id="id")
    assert str(findings.dtypes["document"]) == "string[pyarrow]"
    findings.to_parquet(tmp_path / "findings")
    back = pd.read_parquet(tmp_path / "findings", dtype_backend="pyarrow")
    assert rows(back) == sorted(({**r, "document": ids[r["document"]]} for r in want if r["document"] < 300), key=_key)


def test_frame_ids_default_to_the_index_and_dates_are_optional() -> None:
    """Without id the index label is the document; published=None checks the texts undated."""
    items = corpus(40)
    texts, dates = texts_and_dates(items)
    frame = pd.DataFrame({"text": texts, "published": dates}, index=range(100, 140))
    dated = check_frame(dd.from_pandas(frame, npartitions=3)).compute(scheduler="sync")
    assert rows(dated) == expected(items, list(range(100, 140)))
    undated = check_frame(dd.from_pandas(frame, npartitions=3), published=None).compute(scheduler="sync")
    assert rows(undated) == expected(texts, list(range(100, 140)))
    assert rows(undated) != rows(dated)


def test_missing_texts_are_empty_articles() -> None:
    """A missing text (None or NaN) in the text column is checked as an empty article, not an error."""
    frame = pd.DataFrame({"text": ["The charter provides for 51 council seats.", None, float("nan")]})
    findings = check_frame(dd.from_pandas(frame, npartitions=2), published=None, packs=[PACK])
    assert rows(findings.compute(scheduler="sync"))[0]["document"] == 0
    assert len(findings.compute(scheduler="sync")) == 1


def test_a_bad_row_is_named_by_its_id() -> None:
    """A row verify cannot read fails the job with an error naming the row's id, not its place."""
    frame = pd.DataFrame({"id": ["a1", "b2", "c3"], "text": ["Up 5%.", "Up 6%.", "Up 7%."],
                          "published": ["2021-12-08", "not a date", "2021-12-08"]})
    findings = check_frame(dd.from_pandas(frame, npartitions=2), id="id")
    with pytest.raises(InputError, match=r"^document 'b2': published: expected a date"):
        findings.compute(scheduler="sync")


def test_html_texts_are_read_as_html() -> None:
    """format="html" reads a CMS export's tags as markup, in bags and frames alike."""
    html = "<p>Spending rose from <b>$2</b> billion to <b>$2.5</b> billion, a 50% increase.</p>"
    plain = check_many([html], published="2021-12-08", format="html").to_records("findings")
    assert [r["rule"] for r in plain] == ["percent-change"]
    frame = pd.DataFrame({"text": [html], "published": ["2021-12-08"]})
    found = check_frame(dd.from_pandas(frame, npartitions=1), format="html").compute(scheduler="sync")
    assert list(found["rule"]) == ["percent-change"] and list(found["text"]) == [plain[0]["text"]]
    bagged = check_bag(db.from_sequence([(html, "2021-12-08")]), format="html").compute(scheduler="sync")
    assert list(bagged["rule"]) == ["percent-change"]
    as_text = check_frame(dd.from_pandas(frame, npartitions=1)).compute(scheduler="sync")
    assert list(as_text["rule"]) != ["percent-change"]  # as plain text the tags split the figures
    with pytest.raises(InputError, match="format: expected"):
        check_frame(dd.from_pandas(frame, npartitions=1), format="xml")


def test_a_missing_column_is_named() -> None:
    """A text, published or id column the frame lacks is a ValueError naming it, before any work."""
    frame = dd.from_pandas(pd.DataFrame({"body": ["x"]}), npartitions=1)
    with pytest.raises(ValueError, match="published='published'"):
        check_frame(frame, text="body")
    with pytest.raises(ValueError, match="text='text'"):
        check_frame(frame, published=None)
    with pytest.raises(ValueError, match="id='key'"):
        check_frame(frame, text="body", published=None, id="key")


@dask.delayed
def _unreadable() -> list[str]:
    raise AssertionError("a partition was computed")


def test_nothing_is_computed_to_build_the_graph() -> None:
    """check_bag and check_frame return a typed frame without computing any partition."""
    bag = check_bag(db.from_delayed([_unreadable(), _unreadable()]))
    assert list(bag.columns) == SCHEMA.names and str(bag.dtypes["start"]) == "int64[pyarrow]"
    meta = pd.DataFrame({"text": pd.Series([], dtype="string[pyarrow]"),
                         "published": pd.Series([], dtype="datetime64[ns]")})
    frame = dd.from_delayed([_unreadable(), _unreadable()], meta=meta, verify_meta=False)
    findings = check_frame(frame)
    assert list(findings.columns) == SCHEMA.names
    assert str(findings.dtypes["document"]) == "int64[pyarrow]"
    with pytest.raises(AssertionError, match="a partition was computed"):
        findings.compute(scheduler="sync")


def test_packs_pickle_and_travel_as_paths_objects_or_config(client: Client) -> None:
    """Packs survive pickling, and a pack given by path, object or config gives its findings on workers."""
    pack = load_pack(PACK)
    for p in (pack, *default_packs()):
        assert pickle.loads(pickle.dumps(p)) == p
    assert pickle.loads(cloudpickle.dumps(Config(packs=(str(PACK),)))) == Config(packs=(str(PACK),))
    items = ["The charter provides for 51 council seats.", "Some 12 council seats were contested."]
    want = expected(items, packs=[PACK])
    assert [r["rule"] for r in want] == ["plausibility"]
    bag = db.from_sequence(items, npartitions=2)
    for kwargs in ({"packs": [PACK]}, {"packs": [str(PACK)]}, {"packs": [pack]},
                   {"config": Config(packs=(str(PACK),))}):
        assert rows(check_bag(bag, **kwargs).compute()) == want, kwargs
    assert rows(check_bag(bag).compute(scheduler="sync")) == []


def test_config_travels_to_the_workers() -> None:
    """A config's ignore and severity settings apply in the partitions as in check_many."""
    items = corpus(30)
    config = Config(ignore=("plausibility",), severity={"sum": "info"})
    got = rows(check_bag(db.from_sequence(items, npartitions=3), config=config).compute(scheduler="sync"))
    want = expected(items, config=config)
    assert got == want and "plausibility" not in {r["rule"] for r in got}


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=False)


def test_importing_verify_does_not_import_dask() -> None:
    """import verify (and the corpus and CLI modules) imports no Dask module beyond what pint itself does."""
    done = _python("""
        import sys
        def loaded():
            return {m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed', 'pandas', 'pyarrow')}
        import pint  # pint.compat imports dask.base when Dask is installed: not verify's doing
        before = loaded()
        import verify, verify.corpus, verify.cli
        print(sorted(loaded() - before), 'dask.dataframe' in sys.modules, 'dask.bag' in sys.modules)
    """)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["[]", "False", "False"]


def test_without_the_extra_the_import_error_names_it() -> None:
    """import verify.dask without Dask raises ImportError naming source-verify[dask]."""
    done = _python("""
        import sys
        sys.modules['dask'] = None  # as if not installed: import dask raises, find_spec says None
        import verify
        try:
            import verify.dask
        except ImportError as error:
            print(error)
    """)
    assert done.returncode == 0, done.stderr
    assert "pip install 'source-verify[dask]'" in done.stdout and "dask is missing" in done.stdout


# --- throughput (python tests/test_dask.py) ----------------------------------------------------


def measure(n: int = SIZE, paragraphs: int = 2) -> None:
    """Print articles per second on one core (check_many) and on a 2-worker LocalCluster."""
    import os
    import time

    items = corpus(n, paragraphs)
    chars = sum(len(t) for t in texts_and_dates(items)[0])
    check_many(items[:10], progress=False)  # warm: imports, packs
    start, cpu = time.perf_counter(), time.process_time()
    check_many(items, progress=False)
    one, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{n} articles, {chars / n:.0f} characters each on average; load average {os.getloadavg()[0]:.1f}")
    print(f"1 core (check_many):   {one:6.1f} s  {n / one:7.1f} articles/s  {chars / one / 1000:6.1f} kchar/s"
          f"  ({n / cpu:.1f} articles per CPU second)")
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        check_bag(db.from_sequence(items[:20], npartitions=2)).compute()  # warm the workers
        workers = client.run(time.process_time)
        start, cpu = time.perf_counter(), time.process_time()
        check_bag(db.from_sequence(items, npartitions=16)).compute()
        two, cpu = time.perf_counter() - start, time.process_time() - cpu
        busy = sum(t - workers[w] for w, t in client.run(time.process_time).items())
    print(f"2 workers (check_bag): {two:6.1f} s  {n / two:7.1f} articles/s  {n / two / 2:7.1f} articles/s per core"
          f"  ({n / busy:.1f} articles per worker CPU second; client and scheduler {cpu:.1f} CPU s)"
          f"; load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    measure(*(int(a) for a in sys.argv[1:3]))
