"""What extraction produces and what checks report: spans, figures, date mentions, findings.

Definitions are frozen attrs classes: immutable, hashable, picklable, with readable reprs. They
never refer to the registry or to the checks; behaviour lives elsewhere (pint's split of
definitions, objects and registry). Offsets are 0-based character offsets into the original
file, end exclusive.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs

from verify import units

if TYPE_CHECKING:
    import pint

#: Kinds of figure. ``ordinal`` and ``label`` are numbers that are not quantities.
KINDS = ("money", "count", "percent", "percentage_points", "measure", "ordinal", "label")
#: Modalities of a figure's clause: a count as reported, a projection, or an estimate.
MODALITIES = ("reported", "projection", "estimate")
#: Granularities of a date mention, finest first.
GRANULARITIES = ("day", "week", "month", "quarter", "season", "year", "decade", "century", "vague")
#: Severities, most severe first.
SEVERITIES = ("error", "warning", "info")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@attrs.frozen
class Span:
    """A stretch of the text: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@attrs.frozen
class Context:
    """Where a figure stands: its sentence, who said it, how sure, and over what time.

    ``attribution`` is the source as written ("Ukrainian officials", "the Pentagon"), or None.
    ``modality`` is one of :data:`MODALITIES`; ``modal`` the words that set it ("could reach").
    ``scope`` is the time scope as written ("since 2014", "in 2021", "last year"), with
    ``scope_start``/``scope_end`` its years when known (``since 2014`` -> 2014, None).
    ``quoted`` is True when the figure stands inside a direct quotation.
    """

    sentence: Span
    attribution: str | None = None
    modality: str = "reported"
    modal: str | None = None
    scope: str | None = None
    scope_start: int | None = None
    scope_end: int | None = None
    quoted: bool = False


class Deferred:
    """A value computed on first use: extraction defers a figure's :class:`Context` this way.

    Reading who said a figure, how sure and over what time costs as much as reading the figure,
    and most checks never ask. ``Deferred(read, *args)`` calls ``read(*args)`` once, when the
    value is first needed; it compares, hashes and pickles as that value (a pickled report
    holds the plain :class:`Context`).
    """

    __slots__ = ("_args", "_read", "_value")

    def __init__(self, read: Any, *args: Any) -> None:
        self._read, self._args, self._value = read, args, None

    def get(self) -> Any:
        if self._read is not None:
            self._value = self._read(*self._args)
            self._read = self._args = None  # type: ignore[assignment]  # let the reader go
        return self._value

    def __eq__(self, other: object) -> bool:
        return self.get() == (other.get() if isinstance(other, Deferred) else other)

    def __hash__(self) -> int:
        return hash(self.get())

    def __reduce__(self) -> tuple[Any, tuple[Any]]:
        return _value, (self.get(),)

    def __repr__(self) -> str:
        return repr(self.get())


def _value(value: Any) -> Any:
    """Unpickles a :class:`Deferred` as its value."""
    return value


def settled(owner: Any, name: str) -> Any:
    """The value of ``owner``'s attribute ``name``, a :class:`Deferred` computed on this first
    use and kept in its place (frozen classes included)."""
    value = getattr(owner, name)
    if type(value) is Deferred:
        value = value.get()
        object.__setattr__(owner, name, value)
    return value


@attrs.frozen(repr=False)
class Figure:
    """One quoted number, normalised.

    ``value`` is a pint quantity; ``low`` and ``high`` are its bounds in the same unit (None when
    open). A hedge sets the bounds: "more than $250 billion" has low $250 billion (exclusive, see
    ``low_exclusive``) and no high; "just below 100,000" has high 100,000 and value 100,000;
    "between 20 and 30" has low 20, high 30 and value 25. ``approximate`` marks "about", "some",
    "roughly". ``number`` is the text of the numeral alone (for restating it in the article's
    style), ``precision`` the place value of its last stated digit (0.1 for "2.5 billion" is
    1e8 in the quantity's unit: we keep it in the unit of ``value``).
    """

    text: str
    start: int
    end: int
    kind: str
    value: pint.Quantity
    low: pint.Quantity | None = None
    high: pint.Quantity | None = None
    low_exclusive: bool = False
    high_exclusive: bool = False
    approximate: bool = False
    qualifier: str | None = None
    noun: str | None = None
    number: str | None = None
    precision: float | None = None
    # A Context, or a Deferred one (extraction's); read it through ``context``.
    _context: Context | Deferred | None = attrs.field(default=None, alias="context")

    @property
    def context(self) -> Context | None:
        """Where the figure stands (:class:`Context`), read when first asked for."""
        context = self._context
        if type(context) is Deferred:  # (tested here first: most reads find it settled)
            context = settled(self, "_context")
        return context  # type: ignore[return-value]

    @property
    def unit(self) -> str:
        """The unit as the JSON report names it: "USD", "count", "percent", "kilometer"…"""
        return units.unit_name(self.value)

    @property
    def magnitude(self) -> float:
        return float(self.value.magnitude)

    @property
    def interval(self) -> tuple[float, float]:
        """The values this figure admits, as magnitudes in its unit (open bounds are infinite)."""
        low = float(self.low.magnitude) if self.low is not None else float("-inf")
        high = float(self.high.magnitude) if self.high is not None else float("inf")
        if self.low is None and self.high is None:
            low = high = self.magnitude
        return low, high

    @property
    def is_quantity(self) -> bool:
        """False for ordinals and labels, which checks leave alone."""
        return self.kind not in ("ordinal", "label")

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)

    def to_dict(self) -> dict[str, Any]:
        """The figure in the JSON report's shape (``line`` and ``column`` are the document's)."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "value": _number(self.value.magnitude),
            "unit": self.unit,
            "low": None if self.low is None else _number(self.low.magnitude),
            "high": None if self.high is None else _number(self.high.magnitude),
            "qualifier": self.qualifier,
            "noun": self.noun,
        }

    def __repr__(self) -> str:
        bounds = ""
        if self.low is not None or self.high is not None:
            lo = "" if self.low is None else f"{self.low.magnitude:g}"
            hi = "" if self.high is None else f"{self.high.magnitude:g}"
            bounds = f" [{lo}, {hi}]"
        noun = f" {self.noun}" if self.noun else ""
        return f"<Figure {self.text!r} {self.kind} {self.magnitude:g} {self.unit}{bounds}{noun} @{self.start}>"


@attrs.frozen(repr=False)
class DateMention:
    """One date or time expression, normalised to the interval ``earliest``..``latest``.

    Both ends are inclusive dates; either is None when open ("since 2014" has no ``latest``) or
    when the mention could not be resolved (a relative date with no publication date).
    ``weekday`` is the weekday the text states (0 = Monday), kept apart from the date so that a
    check can compare them. ``relative`` marks expressions resolved against the publication date
    or another mention ("yesterday", "two days later"); ``anchor`` names what they are relative
    to ("published", "previous", "following", or None when unresolved). ``tense`` is the tense of the clause
    the mention stands in: "past", "present", "future" or None; ``tense_cue`` the words that set
    it ("will", "said", "is expected to"). ``year_inferred`` marks a date written without its
    year ("December 10"), whose year was chosen from the publication date and the tense.
    ``invalid`` says why a date cannot exist ("February has 28 days in 2021"); such a mention
    has no ``earliest`` or ``latest``.
    """

    text: str
    start: int
    end: int
    earliest: dt.date | None
    latest: dt.date | None
    granularity: str
    weekday: int | None = None
    relative: bool = False
    anchor: str | None = None
    tense: str | None = None
    sentence: Span | None = None
    quoted: bool = False
    tense_cue: str | None = None
    year_inferred: bool = False
    invalid: str | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)

    @property
    def resolved(self) -> bool:
        return self.earliest is not None or self.latest is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "earliest": None if self.earliest is None else self.earliest.isoformat(),
            "latest": None if self.latest is None else self.latest.isoformat(),
            "granularity": self.granularity,
            "weekday": None if self.weekday is None else WEEKDAYS[self.weekday],
        }

    def __repr__(self) -> str:
        lo = self.earliest.isoformat() if self.earliest else "…"
        hi = self.latest.isoformat() if self.latest else "…"
        when = lo if lo == hi else f"{lo}..{hi}"
        day = f" ({WEEKDAYS[self.weekday]})" if self.weekday is not None else ""
        return f"<DateMention {self.text!r} {when} {self.granularity}{day} @{self.start}>"


@attrs.frozen
class Citation:
    """The pack entry a finding relied on: ``id`` is ``pack-name/entry-id``."""

    id: str
    source: str
    as_of: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "as_of": self.as_of}


@attrs.frozen(repr=False)
class Finding:
    """What a rule reports: where, how bad, why, what to write instead, and on what authority."""

    rule: str
    severity: str = attrs.field(validator=attrs.validators.in_(SEVERITIES))
    message: str
    start: int
    end: int
    text: str
    related: tuple[Span, ...] = ()
    suggestion: str | None = None
    reference: Citation | None = None
    quoted: bool = False
    code: str | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "related": [span.to_dict() for span in self.related],
            "suggestion": self.suggestion,
            "reference": None if self.reference is None else self.reference.to_dict(),
        }

    def __repr__(self) -> str:
        return f"<Finding {self.severity} {self.rule} {self.text!r} @{self.start}: {self.message}>"


def _number(value: Any) -> int | float:
    """A JSON-friendly number: integral floats become ints ("100000", not "100000.0")."""
    number = float(value)
    if number.is_integer() and abs(number) < 2**53:
        return int(number)
    return number


def quantity(magnitude: float, unit_name: str) -> pint.Quantity:
    """Shorthand for :func:`verify.units.quantity`."""
    return units.quantity(magnitude, unit_name)


__all__ = [
    "GRANULARITIES",
    "KINDS",
    "MODALITIES",
    "SEVERITIES",
    "WEEKDAYS",
    "Citation",
    "Context",
    "DateMention",
    "Deferred",
    "Figure",
    "Finding",
    "Span",
    "quantity",
]
