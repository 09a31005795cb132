"""Rule packs: TOML data that newsrooms edit and review like a style guide.

A pack is a TOML file with up to five parts, each optional except ``[pack]``'s name::

    [pack]                      name (kebab-case; defaults to the file's stem), description
    [[reference]]               sourced reference ranges        -> Reference  (reference-range)
    [[group]] / [[group.size]]  named groups and their sizes    -> Group, GroupSize (group-size)
    [[bound]]                   plausibility bounds             -> Bound      (plausibility)
    [aliases]                   "Canonical name" = ["alias", …] -> names lists use to recognise members

:func:`load_pack` validates a file into frozen definitions (attrs, like :mod:`verify.model`) and
raises :class:`~verify.errors.PackError` naming the file, the line, the entry and the field,
with what was expected, for anything it cannot use: a TOML syntax error, an unknown key, a value
of the wrong type, a unit the registry does not know, ``min`` above ``max``, a bad date.
:func:`default_packs` loads every pack shipped in ``rules/`` once per process.

Field by field (every entry has ``id``; ``source`` and ``as_of`` say on what authority):

``[[reference]]``
    ``subject`` (what the range measures), ``keywords`` (any of them in the figure's sentence;
    the figure's counted noun counts too), ``context`` (all of them in the same or the previous
    sentence; an item may be a list of alternatives: ``[["Ukraine", "Kyiv"]]``), ``unit`` (a unit the registry knows: ``"USD"``, ``"count"``, ``"percent"``,
    ``"kilometer"``…), ``min``/``max`` (at least one), ``period_start`` (a year: only figures
    scoped "since <year>") or ``period`` (a year: only figures scoped to that one year),
    ``valid_from``/``valid_until`` (the publication dates the entry applies to), ``modality``
    (``"projection"`` or ``"estimate"``: only figures of that modality are compared; a
    projection's findings are warnings), ``severity`` (overrides the rule's), ``noun`` (a
    counted noun or a list of them, any of which must be the figure's), ``url``.
``[[group]]``
    ``name``, ``aliases`` (how copy names it: "G7", "Group of Seven"), ``members`` (canonical
    names, current), ``nouns`` (the words a count of members uses: "members", "countries"…),
    ``source``, ``as_of``, ``url``, and ``[[group.size]]`` entries: ``count``, ``since`` (a
    date), ``also`` (other counts that are right at the same time, e.g. the G20's 19 countries
    beside its 20 members), ``source``, ``as_of``. With no size entry, the size is the number of
    members.
``[[bound]]``
    ``subject``, ``unit``, ``min``/``max`` (values no real instance reaches), ``kinds`` (figure
    kinds it applies to), and how a figure is matched: ``before`` (phrases just before the
    number: "aged"), ``after`` (phrases just after it: "year-old man", "of voters"), ``nouns``
    (the figure's counted noun) — any of these three — then ``keywords`` (any, same sentence)
    and ``requires`` (any, same sentence) when given, and none of ``exclude`` in the sentence.
    ``bare = true`` lets a bare number take the bound's unit when a ``before``/``after`` phrase
    matched ("aged 130" is 130 years).
    ``severity`` (default warning), ``source``, ``as_of``, ``url``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import tomllib
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from verify import units
from verify._regex import _FOLDS, folds_to_ascii
from verify.errors import PackError
from verify.model import MODALITIES, SEVERITIES, Citation

if TYPE_CHECKING:
    import pint

    from verify.config import Config

_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")


def _as_of_text(value: dt.date | str | None) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else value


class _SourcedRange:
    """What a reference and a bound share: a sourced range of values in a unit, cited by id."""

    __slots__ = ()
    id: str
    pack: str
    unit: str
    source: str
    min: float | None
    max: float | None
    as_of: str | None
    url: str | None

    def describe(self) -> str:
        """The range in words: "2e+09 to 3e+09 USD" style, for messages."""
        return describe_range(self.min, self.max, self.unit)

    @property
    def citation(self) -> Citation:
        return Citation(f"{self.pack}/{self.id}", self.source, self.as_of, self.url)


@attrs.frozen
class Reference(_SourcedRange):
    """A sourced reference range: what a figure about ``subject`` should fall within.

    ``min``/``max`` are magnitudes in ``unit`` (None when open). See the module docstring for
    when it applies.
    """

    id: str
    subject: str
    keywords: tuple[str, ...]
    unit: str
    source: str
    min: float | None = None
    max: float | None = None
    context: tuple[tuple[str, ...], ...] = ()
    as_of: str | None = None
    period_start: int | None = None
    period: int | None = None
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    modality: str | None = None
    severity: str | None = None
    nouns: tuple[str, ...] = ()
    url: str | None = None
    pack: str = ""

    def applies_on(self, published: dt.date | None) -> bool:
        """Whether an article published on ``published`` falls in the validity window.

        An entry with a window does not apply to an article with no publication date.
        """
        if self.valid_from is None and self.valid_until is None:
            return True
        if published is None:
            return False
        if self.valid_from is not None and published < self.valid_from:
            return False
        return self.valid_until is None or published <= self.valid_until

    def quantity(self, magnitude: float) -> pint.Quantity:
        return units.quantity(magnitude, self.unit)



@attrs.frozen
class GroupSize:
    """How many members a group has from ``since`` on; ``also`` lists other counts that are right."""

    count: int
    since: dt.date | None = None
    also: tuple[int, ...] = ()
    source: str | None = None
    as_of: str | None = None
    url: str | None = None

    @property
    def counts(self) -> tuple[int, ...]:
        return (self.count, *self.also)


@attrs.frozen
class Group:
    """A named group (G7, NATO, the EU…) with its members and its size over time."""

    id: str
    name: str
    aliases: tuple[str, ...]
    source: str
    members: tuple[str, ...] = ()
    sizes: tuple[GroupSize, ...] = ()
    nouns: tuple[str, ...] = ()
    as_of: str | None = None
    url: str | None = None
    pack: str = ""

    def size_on(self, when: dt.date | None) -> GroupSize:
        """The size in force on ``when`` (the latest one when ``when`` is None)."""
        sizes = sorted(self.sizes, key=lambda s: s.since or dt.date.min)
        if when is None:
            return sizes[-1]
        current = sizes[0]
        for size in sizes:
            if size.since is None or size.since <= when:
                current = size
        return current

    def ever(self) -> set[int]:
        """Every count the group has had."""
        return {c for s in self.sizes for c in s.counts}

    def citation(self, size: GroupSize | None = None) -> Citation:
        source = self.source + (f"; {size.source}" if size and size.source else "")
        as_of = (size.as_of if size and size.as_of else None) or self.as_of
        url = (size.url if size and size.url else None) or self.url
        return Citation(f"{self.pack}/{self.id}", source, as_of, url)


@attrs.frozen
class Bound(_SourcedRange):
    """A plausibility bound: values of ``subject`` that no real instance reaches."""

    id: str
    subject: str
    unit: str
    source: str
    min: float | None = None
    max: float | None = None
    kinds: tuple[str, ...] = ()
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    bare: bool = False
    severity: str = "warning"
    as_of: str | None = None
    url: str | None = None
    pack: str = ""



@attrs.frozen(cache_hash=True)  # checks cache their indexes per pack: hash it once, not per article
class Pack:
    """One validated pack file: its references, groups, bounds and member aliases."""

    name: str
    description: str = ""
    path: str | None = None
    references: tuple[Reference, ...] = ()
    groups: tuple[Group, ...] = ()
    bounds: tuple[Bound, ...] = ()
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def __repr__(self) -> str:
        return (
            f"<Pack {self.name!r}: {len(self.references)} references, {len(self.groups)} groups, "
            f"{len(self.bounds)} bounds>"
        )


def describe_range(low: float | None, high: float | None, unit: str) -> str:
    """A range in words for messages: "between 2,000,000,000 and 3,000,000,000 USD"."""

    def num(x: float) -> str:
        for word, size in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
            if abs(x) >= size:
                return f"{x / size:,.6g} {word}"
        return f"{x:,.0f}" if float(x).is_integer() else f"{x:,g}"

    unit_word = "" if unit == "count" else f" {unit}"
    if low is not None and high is not None:
        if low == high:
            return f"{num(low)}{unit_word}"
        return f"between {num(low)} and {num(high)}{unit_word}"
    if low is not None:
        return f"at least {num(low)}{unit_word}"
    return f"at most {num(high)}{unit_word}"  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# Loading and validation


class _Lines:
    """Finds the line of an entry or a field in the raw TOML text, for error messages."""

    def __init__(self, raw: str) -> None:
        self.lines = raw.splitlines()

    def header(self, table: str, index: int) -> int | None:
        pattern = re.compile(r"\s*\[\[?\s*" + re.escape(table) + r"\s*\]\]?\s*(?:#|$)")
        seen = -1
        for number, line in enumerate(self.lines, 1):
            if pattern.match(line):
                seen += 1
                if seen == index:
                    return number
        return None

    def field(self, table: str | None, index: int, field: str | None, entry_id: str | None) -> int | None:
        start = self.header(table, index) if table else 1
        if start is None and entry_id:
            start = self._id_line(entry_id)
        if start is None:
            return None
        if field is None:
            return start
        key = re.compile(r"\s*" + re.escape(field) + r"\s*=")
        for number in range(start, len(self.lines) + 1):
            line = self.lines[number - 1]
            if number > start and re.match(r"\s*\[", line):
                break
            if key.match(line) or re.search(r"[{,]\s*" + re.escape(field) + r"\s*=", line):
                return number
        return start

    def _id_line(self, entry_id: str) -> int | None:
        needle = re.compile(r"\bid\s*=\s*[\"']" + re.escape(entry_id) + r"[\"']")
        for number, line in enumerate(self.lines, 1):
            if needle.search(line):
                return number
        return None


class _Reader:
    """Reads one table of a pack, field by field, raising PackError with its location."""

    def __init__(self, loader: _Loader, table: str | None, index: int, data: Any, entry: str | None) -> None:
        self.loader = loader
        self.table = table
        self.index = index
        self.entry = entry
        if not isinstance(data, dict):
            self.fail(None, f"expected a table, got {_type(data)}")
        self.data: dict[str, Any] = data

    def fail(self, field: str | None, message: str) -> None:
        loader = self.loader
        line = loader.lines.field(self.table, self.index, field, self.entry)
        raise PackError(message, path=loader.path, line=line, entry=self.entry, field=field)

    def known(self, allowed: Iterable[str]) -> None:
        allowed = tuple(allowed)
        for key in self.data:
            if key not in allowed:
                self.fail(key, f"unknown key {key!r}; expected one of: {', '.join(allowed)}")

    def get(self, field: str, check: Callable[[Any], Any], expected: str, *, required: bool = False) -> Any:
        if field not in self.data:
            if required:
                self.fail(None, f"missing required field {field!r} ({expected})")
            return None
        value = self.data[field]
        try:
            return check(value)
        except (TypeError, ValueError) as exc:
            detail = f" ({exc})" if str(exc) else ""
            self.fail(field, f"expected {expected}, got {_show(value)}{detail}")
        return None  # pragma: no cover - fail raises

    def text(self, field: str, *, required: bool = False) -> str | None:
        return self.get(field, _string, "a non-empty string", required=required)

    def words(self, field: str, *, required: bool = False) -> tuple[str, ...]:
        value = self.get(field, _strings, "a list of non-empty strings", required=required)
        return value or ()

    def number(self, field: str) -> float | None:
        return self.get(field, _number, "a number")

    def year(self, field: str) -> int | None:
        return self.get(field, _year, "a year such as 2014 (an integer between 1000 and 2999)")

    def date(self, field: str) -> dt.date | None:
        return self.get(field, _full_date, "a date such as 2021-12-08 (TOML date or ISO string)")

    def as_of(self, field: str = "as_of") -> str | None:
        return self.get(field, _loose_date, "a date such as 2021-12-08, 2021-12 or 2021")

    def choice(self, field: str, options: Iterable[str]) -> str | None:
        options = tuple(options)
        return self.get(field, lambda v: _one_of(v, options), "one of " + ", ".join(repr(o) for o in options))

    def unit(self, field: str = "unit") -> str:
        return self.get(field, _unit, 'a unit the registry knows ("USD", "count", "percent", "kilometer", …)', required=True)

    def bounds(self) -> tuple[float | None, float | None]:
        low, high = self.number("min"), self.number("max")
        if low is None and high is None:
            self.fail(None, "expected at least one of 'min' and 'max'")
        if low is not None and high is not None and low > high:
            self.fail("min", f"expected min <= max, got min {low:g} > max {high:g}")
        return low, high


class _Loader:
    def __init__(self, path: str, raw: str) -> None:
        self.path = path
        self.lines = _Lines(raw)


_PACK_KEYS = ("pack", "reference", "group", "bound", "aliases")
_REFERENCE_KEYS = (
    "id", "subject", "keywords", "context", "period_start", "period", "unit", "min", "max", "as_of",
    "source", "valid_from", "valid_until", "modality", "severity", "url", "noun", "description",
)
_GROUP_KEYS = ("id", "name", "aliases", "members", "nouns", "size", "source", "as_of", "url", "description")
_SIZE_KEYS = ("count", "since", "also", "source", "as_of", "url")
_BOUND_KEYS = (
    "id", "subject", "unit", "min", "max", "kinds", "before", "after", "nouns", "keywords", "requires",
    "exclude", "bare", "severity", "source", "as_of", "url", "description",
)
_KINDS = ("money", "count", "percent", "percentage_points", "measure", "ordinal")
#: What a count of a group's members is counted in, when a group names no nouns of its own.
DEFAULT_GROUP_NOUNS = ("members", "member states", "member countries", "member nations", "countries", "nations", "states", "allies")


def load_pack(path: str | Path) -> Pack:
    """Read and validate the pack at ``path``; raise :class:`PackError` if it is invalid."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"cannot read the pack: {exc}", path=str(path)) from None
    return parse_pack(raw, path=str(path), default_name=path.stem)


def parse_pack(raw: str, *, path: str = "<pack>", default_name: str = "pack") -> Pack:
    """Validate the TOML text of a pack (what :func:`load_pack` does after reading the file)."""
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = re.search(r"at line (\d+)", message)
        raise PackError(f"invalid TOML: {message}", path=path, line=int(found.group(1)) if found else None) from None
    loader = _Loader(path, raw)
    top = _Reader(loader, None, 0, data, None)
    top.known(_PACK_KEYS)

    meta = _Reader(loader, "pack", 0, data.get("pack", {}), None)
    meta.known(("name", "description", "version", "url"))
    name = meta.get("name", _pack_name, "a pack name: lowercase letters, digits, '.', '_' or '-'")
    name = name or _pack_name_from(default_name)
    description = meta.text("description") or ""

    references = tuple(_reference(loader, i, item, name) for i, item in enumerate(_array(top, "reference")))
    groups = tuple(_group(loader, i, item, name) for i, item in enumerate(_array(top, "group")))
    bounds = tuple(_bound(loader, i, item, name) for i, item in enumerate(_array(top, "bound")))
    aliases = _aliases(top)
    for kind, items in (("reference", references), ("group", groups), ("bound", bounds)):
        seen: set[str] = set()
        for index, item in enumerate(items):
            if item.id in seen:
                line = loader.lines.field(kind, index, "id", item.id)
                raise PackError(f"duplicate {kind} id; expected ids unique within the pack", path=path, line=line, entry=item.id, field="id")
            seen.add(item.id)
    return Pack(name, description, path, references, groups, bounds, aliases)


def _array(top: _Reader, key: str) -> list[Any]:
    value = top.data.get(key, [])
    if not isinstance(value, list):
        top.fail(key, f"expected an array of tables ([[{key}]]), got {_type(value)}")
    return value


def _entry_id(item: Any) -> str | None:
    return item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else None


def _reference(loader: _Loader, index: int, item: Any, pack: str) -> Reference:
    r = _Reader(loader, "reference", index, item, _entry_id(item))
    r.known(_REFERENCE_KEYS)
    entry_id = r.get("id", _entry_name, "an id: letters, digits, '.', '_' or '-'", required=True)
    low, high = r.bounds()
    period_start, period = r.year("period_start"), r.year("period")
    if period_start is not None and period is not None:
        r.fail("period", "expected either 'period_start' (since a year) or 'period' (one year), not both")
    valid_from, valid_until = r.date("valid_from"), r.date("valid_until")
    if valid_from and valid_until and valid_from > valid_until:
        r.fail("valid_from", f"expected valid_from <= valid_until, got {valid_from} > {valid_until}")
    nouns = r.get("noun", _string_or_strings, "a noun or a list of nouns")
    return Reference(
        id=entry_id,
        subject=r.text("subject", required=True),
        keywords=r.words("keywords", required=True),
        unit=r.unit(),
        source=r.text("source", required=True),
        min=low,
        max=high,
        context=r.get("context", _context, 'a list whose items are words or lists of alternatives (["Ukraine"] or [["Ukraine", "Kyiv"]])') or (),
        as_of=r.as_of(),
        period_start=period_start,
        period=period,
        valid_from=valid_from,
        valid_until=valid_until,
        modality=r.choice("modality", MODALITIES),
        severity=r.choice("severity", SEVERITIES),
        nouns=nouns or (),
        url=r.text("url"),
        pack=pack,
    )


def _group(loader: _Loader, index: int, item: Any, pack: str) -> Group:
    r = _Reader(loader, "group", index, item, _entry_id(item))
    r.known(_GROUP_KEYS)
    entry_id = r.get("id", _entry_name, "an id: letters, digits, '.', '_' or '-'", required=True)
    name = r.text("name", required=True)
    members = r.words("members")
    sizes_data = r.get("size", _tables, "an array of [[group.size]] tables") or []
    sizes: list[GroupSize] = []
    for j, size_data in enumerate(sizes_data):
        s = _Reader(loader, "group.size", _size_index(loader, index, j), size_data, entry_id)
        s.known(_SIZE_KEYS)
        count = s.get("count", _count, "a whole number of members (1 or more)", required=True)
        sizes.append(
            GroupSize(
                count,
                s.date("since"),
                s.get("also", _counts, "a list of whole numbers") or (),
                s.text("source"),
                s.as_of(),
                s.text("url"),
            )
        )
    if not sizes:
        if not members:
            r.fail(None, "expected 'members' or at least one [[group.size]] entry")
        sizes.append(GroupSize(len(members)))
    return Group(
        id=entry_id,
        name=name,
        aliases=tuple(dict.fromkeys((name, *r.words("aliases")))),
        source=r.text("source", required=True),
        members=members,
        sizes=tuple(sorted(sizes, key=lambda s: s.since or dt.date.min)),
        nouns=r.words("nouns") or DEFAULT_GROUP_NOUNS,
        as_of=r.as_of(),
        url=r.text("url"),
        pack=pack,
    )


def _size_index(loader: _Loader, group_index: int, j: int) -> int:
    """The file-wide index of the j-th [[group.size]] header inside the group_index-th group."""
    start = loader.lines.header("group", group_index) or 0
    index = 0
    while (line := loader.lines.header("group.size", index)) is not None and line < start:
        index += 1
    return index + j


def _bound(loader: _Loader, index: int, item: Any, pack: str) -> Bound:
    r = _Reader(loader, "bound", index, item, _entry_id(item))
    r.known(_BOUND_KEYS)
    entry_id = r.get("id", _entry_name, "an id: letters, digits, '.', '_' or '-'", required=True)
    low, high = r.bounds()
    before, after, nouns = r.words("before"), r.words("after"), r.words("nouns")
    if not (before or after or nouns):
        r.fail(None, "expected at least one of 'before', 'after' and 'nouns' to say which figures the bound is about")
    kinds = r.get("kinds", lambda v: tuple(_one_of(k, _KINDS) for k in _strings(v)), "a list of figure kinds: " + ", ".join(_KINDS))
    return Bound(
        id=entry_id,
        subject=r.text("subject", required=True),
        unit=r.unit(),
        source=r.text("source", required=True),
        min=low,
        max=high,
        kinds=kinds or (),
        before=before,
        after=after,
        nouns=nouns,
        keywords=r.words("keywords"),
        requires=r.words("requires"),
        exclude=r.words("exclude"),
        bare=r.get("bare", _boolean, "true or false") or False,
        severity=r.choice("severity", SEVERITIES) or "warning",
        as_of=r.as_of(),
        url=r.text("url"),
        pack=pack,
    )


def _aliases(top: _Reader) -> tuple[tuple[str, tuple[str, ...]], ...]:
    table = top.data.get("aliases", {})
    if not isinstance(table, dict):
        top.fail("aliases", f"expected a table of name = [aliases], got {_type(table)}")
    out = []
    for name, aliases in table.items():
        try:
            out.append((name, _strings(aliases)))
        except (TypeError, ValueError):
            top.fail(name, f"expected a list of aliases for {name!r}, got {_show(aliases)}")
    return tuple(out)


# Field validators: return the clean value or raise TypeError/ValueError.


def _type(value: Any) -> str:
    return {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "an array", dict: "a table"}.get(
        type(value), type(value).__name__
    )


def _show(value: Any) -> str:
    shown = repr(value)
    return f"{_type(value)} {shown if len(shown) < 60 else shown[:57] + '...'}"


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError
    return value


def _string(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise TypeError
    return value.strip()


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise TypeError
    return tuple(_string(v) for v in value)


def _string_or_strings(value: Any) -> tuple[str, ...]:
    return (_string(value),) if isinstance(value, str) else _strings(value)


def _context(value: Any) -> tuple[tuple[str, ...], ...]:
    """Context words: each item a word, or a list of alternatives any of which will do."""
    if not isinstance(value, list):
        raise TypeError
    return tuple((_string(v),) if isinstance(v, str) else _strings(v) for v in value)


def _tables(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError
    return value


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError
    if not math.isfinite(value):
        raise ValueError("not a finite number")
    return float(value)


def _year(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1000 <= value <= 2999:
        raise TypeError
    return value


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise TypeError
    return value


def _counts(value: Any) -> tuple[int, ...]:
    if not isinstance(value, list):
        raise TypeError
    return tuple(_count(v) for v in value)


def _full_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return dt.date.fromisoformat(value.strip())
    raise TypeError


def _loose_date(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and _DATE.fullmatch(value.strip()):
        text = value.strip()
        padded = text + "-01" * ((10 - len(text)) // 3)
        dt.date.fromisoformat(padded)  # raises ValueError on "2021-13"
        return text
    raise TypeError


def _one_of(value: Any, options: tuple[str, ...]) -> str:
    if value not in options:
        raise ValueError
    return value


def _unit(value: Any) -> str:
    if not isinstance(value, str) or not units.is_unit(value.strip()):
        raise ValueError("not a unit verify knows")
    return value.strip()


def _entry_name(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}", value):
        raise TypeError
    return value


def _pack_name(value: Any) -> str:
    if not isinstance(value, str) or not _NAME.fullmatch(value):
        raise TypeError
    return value


def _pack_name_from(stem: str) -> str:
    cleaned = re.sub(r"[^a-z0-9._-]+", "-", stem.lower()).strip("-._")
    return cleaned[:64] or "pack"


# ---------------------------------------------------------------------------------------------
# Shipped packs


def rules_folder() -> Path | None:
    """Where the shipped packs live: ``verify/_rules`` in a wheel, else the repository's ``rules/``."""
    try:
        installed = resources.files("verify") / "_rules"
        if installed.is_dir():
            return Path(str(installed))
    except (ModuleNotFoundError, OSError):  # pragma: no cover - verify is importable here
        pass
    repo = Path(__file__).resolve().parent.parent.parent / "rules"
    return repo if repo.is_dir() else None


def resolve(packs: Iterable[Pack | str | Path], config: Config | None = None) -> list[Pack]:
    """The packs a check runs with: the shipped ones (unless the config turns them off), then the
    config's, then ``packs`` (loaded :class:`Pack` objects or paths)."""
    defaults = config is None or config.default_packs
    loaded = list(default_packs()) if defaults else []
    for pack in (*(config.packs if config else ()), *packs):
        loaded.append(pack if isinstance(pack, Pack) else load_pack(pack))
    return loaded


@cache
def default_packs() -> tuple[Pack, ...]:
    """Every pack shipped in ``rules/``, in name order; loaded once per process."""
    folder = rules_folder()
    if folder is None:
        return ()
    return tuple(load_pack(p) for p in sorted(folder.glob("*.toml")))


def aliases(packs: Iterable[Pack]) -> dict[str, tuple[str, ...]]:
    """Canonical name -> its aliases, merged over ``packs`` (later packs add to earlier ones)."""
    merged: dict[str, list[str]] = {}
    for pack in packs:
        for name, names in pack.aliases:
            merged.setdefault(name, []).extend(n for n in names if n not in merged.get(name, []))
    return {k: tuple(v) for k, v in merged.items()}


__all__ = [
    "DEFAULT_GROUP_NOUNS",
    "Bound",
    "Group",
    "GroupSize",
    "Pack",
    "Reference",
    "aliases",
    "default_packs",
    "describe_range",
    "load_pack",
    "parse_pack",
    "rules_folder",
]


# ---------------------------------------------------------------------------------------------
# Matching pack phrases in prose (shared by the pack-driven checks)

#: Endings a pack word may take in copy: "Russia" matches "Russian", "troop" matches "troops".
_SUFFIX = r"(?:s|es|n|ns|an|ans|ian|ians|'s|’s)?"


@cache
def _phrase_pattern(phrase: str, case: bool, suffix: bool) -> re.Pattern[str]:
    words = [re.escape(w) for w in re.split(r"[\s-]+", phrase.strip()) if w]
    body = r"[\s-]{1,3}".join(words)
    lead = r"(?<![\w])" if phrase[:1].isalnum() else ""
    tail = (_SUFFIX if suffix and phrase[-1:].isalpha() else "") + (r"(?![\w])" if phrase[-1:].isalnum() or suffix else "")
    return re.compile(lead + body + tail, 0 if case else re.IGNORECASE)


@cache
def _first_word(phrase: str) -> str:
    """The first word of a pack phrase, split as ``_phrase_pattern`` splits it ("" when none)."""
    return next((w for w in re.split(r"[\s-]+", phrase.strip()) if w), "")


#: The characters that IGNORECASE matches to an ASCII character other than their own lower case
#: ("İ", "ı" as "i"; "ſ" as "s"), found by trying every code point against every ASCII letter,
#: digit and the punctuation of pack words. Text without them holds a case-insensitive match of
#: an ASCII word only if its lower case holds the word's lower case.
_FOLDS_TO_ASCII = _FOLDS  # (verify._regex's, shared with the extractors)


def _cannot_hold(text: str, phrase: str) -> bool:
    """Whether a case-insensitive ``phrase`` surely does not stand in ``text``: its first word,
    where every match starts, is ASCII and absent from the lower-cased text (a substring test
    is a fast scan; the pattern's leading lookbehind makes the regex try every position)."""
    first = _first_word(phrase)
    return bool(first) and first.isascii() and first.lower() not in text.lower() and not folds_to_ascii(text)


def find_phrase(text: str, phrase: str, *, case: bool = False, suffix: bool = True) -> list[tuple[int, int]]:
    """Where ``phrase`` stands in ``text`` as whole words (spaces and hyphens interchangeable).

    ``suffix`` lets the last word take a plural or demonym ending; ``case`` makes the match
    case-sensitive (for names such as "US" that are ordinary words in lower case).
    """
    phrase_re = _phrase_pattern(phrase, case, suffix)
    first = _first_word(phrase)
    if not case or not first:
        if not case and _cannot_hold(text, phrase):
            return []
        return [m.span() for m in phrase_re.finditer(text)]
    # Case-sensitive, a match starts where the phrase's first word stands verbatim: try the
    # pattern only there (str.find is a fast scan; the pattern's leading lookbehind is not).
    spans = []
    at = text.find(first)
    while at >= 0:
        m = phrase_re.match(text, at)
        if m:
            spans.append(m.span())
        at = text.find(first, m.end() if m else at + 1)
    return spans


def has_phrase(text: str, phrase: str, *, case: bool = False, suffix: bool = True) -> bool:
    if not case and _cannot_hold(text, phrase):
        return False
    # Case-sensitive, a match holds the phrase's first word verbatim: a substring test rules most
    # texts out without the pattern (nor its compiling, the first time a phrase is asked for).
    if case and _first_word(phrase) not in text:
        return False
    return _phrase_pattern(phrase, case, suffix).search(text) is not None



def has_any_phrase(text: str, phrases: Iterable[str], *, suffix: bool = True) -> bool:
    """``any(has_phrase(text, p, suffix=suffix) for p in phrases)``, lower-casing ``text`` once
    for all the phrases instead of once per phrase."""
    lower = text.lower()
    folds = folds_to_ascii(text)
    for phrase, first in _firsts(phrases if isinstance(phrases, tuple) else tuple(phrases)):
        if first is not None and not folds and first not in lower:
            continue  # as _cannot_hold
        if _phrase_pattern(phrase, False, suffix).search(text) is not None:
            return True
    return False


@cache
def _firsts(phrases: tuple[str, ...]) -> tuple[tuple[str, str | None], ...]:
    """Each phrase with the lower case of its first word when that is ASCII (else None): what
    _cannot_hold tests, read once per tuple of a pack's phrases rather than per sentence."""
    return tuple((p, f.lower() if (f := _first_word(p)) and f.isascii() else None) for p in phrases)


__all__ += ["find_phrase", "folds_to_ascii", "has_any_phrase", "has_phrase"]
