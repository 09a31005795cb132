"""Masking markup so that only prose is read, keeping every offset.

``mask(text, format)`` returns the prose (same length as ``text``: markup replaced by spaces,
line breaks kept) and the metadata the file carries (front matter keys for Markdown; meta and
time elements for HTML).

Some markup stands inside a phrase: "<b>$2.5</b> billion", "5&nbsp;million", "**12%** of".
Blanked in place, it leaves a run of spaces that splits the phrase ("$2.5     billion"), so
``read(text, format)`` also returns the *cuts*: the blanked runs of inline markup (inline HTML
tags, the rest of an entity, Markdown emphasis and link syntax) that the text is read without.
:class:`verify.document.Document` builds its ``reading`` from them and maps offsets back.
"""

from __future__ import annotations

import datetime as dt
import re

from verify.errors import InputError

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", re.M)
# TOML front matter (Hugo, Zola): +++ … +++ with key = value.
_TOML_FRONT_MATTER = re.compile(r"\A\+\+\+[ \t]*\r?\n(.*?)\r?\n\+\+\+[ \t]*(?:\r?\n|\Z)", re.S)
_TOML_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*=[ \t]*(.*?)[ \t]*$", re.M)
_PUBLISHED_KEYS = ("published", "date", "pubdate", "publication_date", "published_at")


_NOT_NEWLINE = re.compile(r"[^\r\n]")


def _blank(chars: list[str], start: int, end: int) -> None:
    """Blank ``chars[start:end]``, keeping line breaks (a long run in one C-level substitution)."""
    if end - start > 8:
        chars[start:end] = _NOT_NEWLINE.sub(" ", "".join(chars[start:end]))
        return
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


#: A suppression on a line of its own in plain text (``verify: ignore VR102``): not prose.
SUPPRESSION_LINE = re.compile(r"^[ \t]*verify:[ \t]*ignore(?:-file)?[ \t]+[^\s][^\r\n]{0,500}(?=\r?$)", re.M)


def mask(text: str, fmt: str) -> tuple[str, dict[str, str]]:
    """The prose of ``text`` (markup masked to spaces, same length) and the file's metadata."""
    prose, metadata, _ = read(text, fmt)
    return prose, metadata


def read(text: str, fmt: str) -> tuple[str, dict[str, str], tuple[tuple[int, int], ...]]:
    """The prose of ``text``, the file's metadata, and the cuts that join inline markup's phrases.

    A cut ``(start, end)`` is a stretch of the prose (all blanks, no line break) to leave out when
    reading, so that the text is read as it is shown: "<b>$2.5</b> billion" is read "$2.5
    billion", "5&nbsp;million" "5\xa0million" (which ``Document.reading`` reads with a plain
    space, unless it groups a numeral's digits), "caf&eacute;" "café". Block markup (paragraphs,
    line breaks, comments, code) stays blank: it separates what is either side of it. Inline
    markup between two letters or digits keeps one blank ("B9**twenty", "<em>one</em>two"):
    Markdown's stray "*" and "[" are often literal, and the words are safer read apart.
    """
    if fmt == "markdown":
        prose, metadata, joins = _mask_markdown(text)
    elif fmt == "html":
        prose, metadata, joins = _mask_html(text)
    else:
        return _mask_text(text), {}, ()
    return prose, metadata, _cuts(prose, joins)


#: HTML elements that stand inside a phrase (their tags join what is either side of them).
INLINE_ELEMENTS = frozenset(
    "a abbr b bdi bdo big cite data dfn em font i ins kbd mark q s samp small span strong sub sup"
    " time tt u var wbr".split()
)
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]{0,30})")


def _inline_tag(tag: str) -> bool:
    """Whether ``tag`` ("<b>", "</span>", "<a href=…>") opens or closes an inline element."""
    m = _TAG_NAME.match(tag)
    return m is not None and m.group(1).lower() in INLINE_ELEMENTS


def _cuts(prose: str, joins: list[tuple[int, int, bool]]) -> tuple[tuple[int, int], ...]:
    """The stretches of ``prose`` to read without, from the runs of inline markup ``joins``.

    ``joins`` are (start, end, entity) stretches, blank in ``prose``; touching or overlapping
    ones form one run. A run with a line break is not cut (lines and paragraphs stay as
    written); a run of tags between two letters or digits keeps its first blank.
    """
    if not joins:
        return ()
    joins.sort()
    runs: list[list] = []
    for start, end, entity in joins:
        if runs and start <= runs[-1][1]:
            run = runs[-1]
            run[1] = max(run[1], end)
            run[2] = run[2] and entity
        else:
            runs.append([start, end, entity])
    cuts = []
    for start, end, entity in runs:
        if "\n" in prose[start:end] or "\r" in prose[start:end]:
            continue
        if not entity and start and end < len(prose) and prose[start - 1].isalnum() and prose[end].isalnum():
            start += 1
        if end > start:
            cuts.append((start, end))
    return tuple(cuts)


#: Web addresses and e-mail addresses: their digits are not figures ("/2021/12/08/story").
_URL = re.compile(r"(?:\b[A-Za-z][A-Za-z0-9+.-]{1,15}://|\bwww\.)[^\s<>\"'`]{1,2048}")
_EMAIL = re.compile(r"\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
_URL_TRAILER = ".,;:!?'\")]}"


def _address_spans(text: str) -> list[tuple[int, int]]:
    """Where every URL and e-mail address stands (a URL's trailing punctuation stays prose)."""
    spans = []
    if "://" in text or "www." in text:
        for m in _URL.finditer(text):
            end = m.end()
            while end > m.start() and text[end - 1] in _URL_TRAILER:
                if text[end - 1] == ")" and text.count("(", m.start(), end) >= text.count(")", m.start(), end):
                    break  # a balanced parenthesis belongs to the address (Wikipedia style)
                end -= 1
            spans.append((m.start(), end))
    if "@" in text:
        spans.extend(m.span() for m in _EMAIL.finditer(text))
    return spans


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every span blanked, line breaks kept (spans may overlap, in any order).

    One slice per span and one join: cheaper than blanking a list of characters one by one.
    """
    if not spans:
        return text
    spans.sort()
    pieces = []
    pos = 0
    for start, end in spans:
        if end <= pos:
            continue
        start = max(start, pos)
        pieces.append(text[pos:start])
        run = text[start:end]
        pieces.append(_NOT_NEWLINE.sub(" ", run) if "\n" in run or "\r" in run else " " * (end - start))
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


def _mask_text(text: str) -> str:
    if "verify:" not in text and "://" not in text and "www." not in text and "@" not in text:
        return text
    spans = [m.span() for m in SUPPRESSION_LINE.finditer(text)]
    spans.extend(_address_spans(text))
    return _blanked(text, spans)


# Markdown's markup: fenced code, comments, code spans, link targets and definitions, inline
# tags, block markers (headings, quotes, bullets), emphasis.
_FENCE = re.compile(r"^(```|~~~).*?(?:^\1[ \t]*$|\Z)", re.M | re.S)
_CODE = re.compile(r"`[^`\n]*`")
_LINK_TARGET = re.compile(r"\]\([^()\n]*\)")  # no "(" inside: each "](" scans to the next bracket only
_LINK_DEFINITION = re.compile(r"^[ \t]*\[[^\]\n]+\]:[^\n]*$", re.M)
_INLINE_TAG = re.compile(r"<[A-Za-z/][^<>\n]*>")
_BLOCK_MARKER = re.compile(r"^[ \t]{0,3}(#{1,6}|>|[-*+]|\d{1,9}[.)])(?=[ \t])", re.M)
# The same marker after a line break: a pattern that opens with a literal is scanned for by that
# character, where one that opens with "^" is tried at every position.
_BLOCK_MARKER_AFTER_BREAK = re.compile(r"\n[ \t]{0,3}(?:#{1,6}|>|[-*+]|\d{1,9}[.)])(?=[ \t])")
# Emphasis markers and link brackets. Every alternative opens with its literal mark (the
# look-behinds follow it), so the scan jumps from one "*", "_", "[" or "]" to the next.
_EMPHASIS = re.compile(r"\*\*|__|\*(?<![\w*]\*)(?=\S)|\*(?<=\S\*)(?![\w*])|\[|\]")


def _comment_spans(text: str) -> list[tuple[int, int]]:
    """Every HTML comment, ``<!--`` to ``-->`` or the end (found by ``str.find``, in C)."""
    spans = []
    start = text.find("<!--")
    while start >= 0:
        close = text.find("-->", start + 4)
        end = len(text) if close < 0 else close + 3
        spans.append((start, end))
        start = text.find("<!--", end)
    return spans


def _block_marker_spans(text: str) -> list[tuple[int, int]]:
    """Heading markers, block quotes, bullets and list numbers at the start of a line."""
    first = _BLOCK_MARKER.match(text)
    spans = [first.span()] if first else []
    spans.extend((m.start() + 1, m.end()) for m in _BLOCK_MARKER_AFTER_BREAK.finditer(text))
    return spans


def _mask_markdown(text: str) -> tuple[str, dict[str, str], list[tuple[int, int, bool]]]:
    spans: list[tuple[int, int]] = []
    joins: list[tuple[int, int, bool]] = []
    metadata: dict[str, str] = {}
    front = _FRONT_MATTER.match(text)
    key_pattern = _FRONT_KEY
    if not front:
        front, key_pattern = _TOML_FRONT_MATTER.match(text), _TOML_KEY
    if front:
        for key, value in key_pattern.findall(front.group(1)):
            metadata[key.lower()] = value.strip().strip("'\"")
        spans.append((0, front.end()))
    # Every pattern reads the text as written, so the order of the scans does not matter.
    spans.extend(_comment_spans(text))
    if "```" in text or "~~~" in text:  # a fence needs one; most copy has none
        spans.extend(m.span() for m in _FENCE.finditer(text))
    if "`" in text:
        spans.extend(m.span() for m in _CODE.finditer(text))
    if "]:" in text:  # a link definition needs one
        spans.extend(m.span() for m in _LINK_DEFINITION.finditer(text))
    # Inline markup is also read without: link targets, emphasis, link brackets, inline tags.
    for pattern in (_LINK_TARGET, _EMPHASIS):
        for m in pattern.finditer(text):
            spans.append(m.span())
            joins.append((m.start(), m.end(), False))
    for m in _INLINE_TAG.finditer(text):
        spans.append(m.span())
        if _inline_tag(m.group()):
            joins.append((m.start(), m.end(), False))
    # Heading markers, list bullets, block quotes.
    spans.extend(_block_marker_spans(text))
    spans.extend(_address_spans(text))
    return _blanked(text, spans), metadata, joins


_HTML_HIDDEN = re.compile(r"<(script|style|head|noscript|template)\b[^<>]*>.*?(?:</\1\s{0,20}>|\Z)", re.I | re.S)
# A tag ends at the next ">" or, when it is never closed, before the next "<": every scan stops
# at the first of the two, so a flood of unclosed tags costs linear time.
_HTML_TAG = re.compile(r"<!--.*?(?:-->|\Z)|<![^<>]*>|<\?[^<>]*>|</?[A-Za-z][^<>]*>", re.S)
# Metadata: find each <meta> and <time> start tag, then read its attributes one by one.
_HTML_META_TAG = re.compile(r"<(meta|time)\b([^<>]{0,2000})>?", re.I)
_HTML_ATTRIBUTE = re.compile(r"""([\w:.-]{1,100})[ \t\r\n]{0,20}=[ \t\r\n]{0,20}(?:"([^"<>]{0,500})"|'([^'<>]{0,500})'|([^\s"'<>]{1,500}))""")
ENTITY = re.compile(r"&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")


def _mask_html(text: str) -> tuple[str, dict[str, str], list[tuple[int, int, bool]]]:
    chars = list(text)
    metadata: dict[str, str] = {}
    joins: list[tuple[int, int, bool]] = []
    for tag in _HTML_META_TAG.finditer(text):
        attributes = {
            m.group(1).lower(): next(v for v in m.group(2, 3, 4) if v is not None)
            for m in _HTML_ATTRIBUTE.finditer(tag.group(2))
        }
        if tag.group(1).lower() == "time":
            if "datetime" in attributes:
                metadata.setdefault("time", attributes["datetime"])
            continue
        key = attributes.get("property") or attributes.get("name") or attributes.get("itemprop")
        if key and "content" in attributes:
            metadata.setdefault(key.lower(), attributes["content"])
    for m in _HTML_HIDDEN.finditer(text):
        _blank(chars, m.start(), m.end())
    for m in _HTML_TAG.finditer(text):
        if chars[m.start()] != "<":
            continue  # inside a hidden element, already blank
        _blank(chars, m.start(), m.end())
        if _inline_tag(m.group()):
            joins.append((m.start(), m.end(), False))
    # An entity keeps its width: its last character stands for it, the rest are spaces, so that
    # a symbol stays next to what follows it ("&pound;5m" reads "      £5m", five million pounds).
    for m in ENTITY.finditer(text):
        import html

        decoded = html.unescape(m.group(0))
        if len(decoded) == 1 and chars[m.start()] == "&":
            _blank(chars, m.start(), m.end() - 1)
            chars[m.end() - 1] = decoded if decoded not in "\r\n" else " "
            joins.append((m.start(), m.end() - 1, True))
    for start, end in _address_spans(text):
        _blank(chars, start, end)
    return "".join(chars), metadata, joins


def published_from(metadata: dict[str, str], *, key: str | None = None, path: str | None = None) -> dt.date | None:
    """The publication date a file's metadata gives, or None."""
    keys = (key.lower(),) if key else _PUBLISHED_KEYS + ("article:published_time", "datepublished", "time")
    for name in keys:
        value = metadata.get(name)
        if value:
            try:
                return dt.date.fromisoformat(value.strip()[:10])
            except ValueError:
                raise InputError(f"front matter {name}: expected a date as YYYY-MM-DD, got {value!r}", path=path) from None
    return None


__all__ = ["INLINE_ELEMENTS", "mask", "published_from", "read"]
