"""verify: check the figures and dates in news copy before it is published.

>>> import verify
>>> report = verify.check("The U.S. has provided more than $250 billion in arms since 2014.",
...                       published="2021-12-08")
>>> [f.rule for f in report.findings]  # doctest: +SKIP
['magnitude-slip']

The whole API is here: :func:`extract` and :func:`check` for one text, :func:`load_pack` for a
rule pack, the result types, and the exceptions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from verify.config import Config
from verify.document import Document, Format
from verify.errors import ConfigError, InputError, PackError, VerifyError
from verify.extract import Extraction
from verify.extract import extract as _extract
from verify.model import Citation, Context, DateMention, Figure, Finding, Span

if TYPE_CHECKING:
    from verify.checks import Rule, rules
    from verify.corpus import CheckResults, check_many
    from verify.packs import Pack, load_pack
    from verify.report import Report

#: Public names imported on first use, so that ``import verify`` + :func:`extract` does not pay
#: for the checks, the packs and the corpus runner (name -> module that defines it).
_LAZY = {
    "Rule": "verify.checks",
    "rules": "verify.checks",
    "CheckResults": "verify.corpus",
    "check_many": "verify.corpus",
    "Pack": "verify.packs",
    "default_packs": "verify.packs",
    "load_pack": "verify.packs",
    "Report": "verify.report",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'verify' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__version__ = "0.1.0"

DateLike = dt.date | dt.datetime | str | None


def extract(
    text: str, *, published: DateLike = None, format: Format | None = None
) -> Extraction:
    """Find and normalise every figure and date mention in ``text``.

    ``published`` (a date or an ISO string) resolves relative dates; without it they are still
    found, but left unresolved. ``format`` ("text", "markdown" or "html"; default "text") masks
    markup, and lets Markdown front matter or HTML metadata give the publication date.
    """
    return _extract(Document.from_text(text, published=published, format=format))


def check(
    text: str,
    *,
    published: DateLike = None,
    packs: Iterable[Pack | str | Path] = (),
    config: Config | None = None,
    format: Format | None = None,
    suppressions: bool = True,
) -> Report:
    """Extract the figures and dates in ``text`` and run every rule over them.

    ``packs`` adds rule packs (loaded :class:`Pack` objects or paths) to the ones shipped with
    verify; ``config`` selects rules, sets severities, and can turn the shipped packs off.
    ``format`` is as for :func:`extract`. The article's own ``verify: ignore`` directives drop
    the findings they cover, as in ``verify check`` (``Report.notes`` says how many);
    ``suppressions=False`` keeps every finding.
    """
    from verify import engine, packs as _packs

    config = config or Config()
    document = Document.from_text(text, published=published, format=format)
    return engine.run(document, packs=_packs.resolve(packs, config), config=config, suppressions=suppressions)


__all__ = [
    "CheckResults",
    "Citation",
    "Config",
    "ConfigError",
    "Context",
    "DateMention",
    "Document",
    "Extraction",
    "Figure",
    "Finding",
    "InputError",
    "Pack",
    "PackError",
    "Report",
    "Rule",
    "Span",
    "VerifyError",
    "__version__",
    "check",
    "check_many",
    "extract",
    "load_pack",
    "rules",
]
