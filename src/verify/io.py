"""Reading articles: paths to files, bytes to text, with one clear error per bad input.

Only the CLI reads files (the library works on text). :func:`discover` turns the paths a user
names into the articles to check, and :func:`read_text` reads one of them. Every failure is an
:class:`~verify.errors.InputError` that names the path: a missing path, a directory with no
articles, permission denied, a file over the size limit, a binary file, bytes that do not
decode (with the byte offset), an empty file. verify never opens an article for writing.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import attrs

from verify.errors import InputError

#: The suffixes of the files verify reads when it walks a directory.
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
#: The largest article read by default (``--max-bytes``): 10 MB.
DEFAULT_MAX_BYTES = 10_000_000
#: How far into a file to look for a NUL byte when deciding that it is binary.
_BINARY_PROBE = 8192
#: Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
STDIN = "-"


@attrs.frozen
class Target:
    """One article to check: its path as shown to the user, or the error that replaced it."""

    path: str
    error: InputError | None = None


def discover(paths: Iterable[str]) -> list[Target]:
    """The articles the given paths name, in order: files as given, directories walked.

    A directory is walked recursively in name order for files with an article suffix
    (:data:`ARTICLE_SUFFIXES`), skipping hidden files and folders (``.git``, ``.venv``). A
    file named explicitly is read whatever its suffix. A missing path, or a directory with no
    article in it, becomes a :class:`Target` carrying its error, so that the other paths are
    still checked. ``-`` stands for standard input and is passed through.
    """
    targets: list[Target] = []
    seen: set[str] = set()

    def add(target: Target) -> None:
        key = target.path if target.error or target.path == STDIN else os.path.normcase(os.path.abspath(target.path))
        if key not in seen:
            seen.add(key)
            targets.append(target)

    for raw in paths:
        path = str(raw)
        if path == STDIN:
            add(Target(STDIN))
        elif os.path.isdir(path):
            found = list(_walk(path))
            if found:
                for file in found:
                    add(Target(file))
            else:
                suffixes = ", ".join(f"*{s}" for s in ARTICLE_SUFFIXES)
                add(Target(path, InputError(f"no articles ({suffixes}) in this directory", path=path)))
        elif os.path.lexists(path) and not os.path.exists(path):
            add(Target(path, InputError("broken symbolic link", path=path)))
        elif not os.path.exists(path):
            add(Target(path, InputError("no such file or directory", path=path)))
        else:
            add(Target(path))
    return targets


def _walk(folder: str) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES):
                yield os.path.join(dirpath, name)


def read_text(path: str, *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The text of the article at ``path``, decoded; an :class:`InputError` if it cannot be read."""
    try:
        size = os.stat(path).st_size
        if os.path.isdir(path):
            raise InputError("is a directory", path=path)
        if size > max_bytes:
            raise InputError(_too_large(size, max_bytes), path=path)
        with open(path, "rb") as handle:
            data = _read_limited(handle, max_bytes, path)
    except PermissionError:
        raise InputError("permission denied", path=path) from None
    except FileNotFoundError:
        raise InputError("no such file or directory", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory", path=path) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", path=path) from None
    return decode(data, path=path, encoding=encoding)


def read_stream(stream: BinaryIO, *, name: str, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The text of an article read from a binary stream (standard input)."""
    return decode(_read_limited(stream, max_bytes, name), path=name, encoding=encoding)


def _read_limited(stream: BinaryIO, max_bytes: int, path: str) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(_too_large(None, max_bytes), path=path)
    return data


def _too_large(size: int | None, limit: int) -> str:
    what = f"{size:,} bytes" if size is not None else "more bytes"
    return f"file is {what}, over the limit of {limit:,} bytes (raise it with --max-bytes)"


def decode(data: bytes, *, path: str, encoding: str | None = None) -> str:
    """Bytes to text: UTF-8 unless a byte-order mark or ``encoding`` says otherwise.

    A NUL byte in the first 8 KB of a file without a UTF-16/32 byte-order mark means a binary
    file. Undecodable bytes are reported with their offset and the encoding tried.
    """
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r} (--encoding)", path=path) from None
    bom = next((name for mark, name in _BOMS if data.startswith(mark)), None)
    chosen = encoding or bom or "utf-8"
    wide = codecs.lookup(chosen).name.startswith(("utf-16", "utf-32"))
    if not wide:
        nul = data.find(b"\x00", 0, _BINARY_PROBE)
        if nul >= 0:
            raise InputError(f"binary file (NUL byte at byte offset {nul}); not an article", path=path)
    try:
        text = data.decode(chosen)
    except UnicodeDecodeError as error:
        bad = data[error.start : min(error.end, error.start + 4)].hex(" ")
        hint = "" if encoding else "; pass --encoding if the file is not UTF-8"
        raise InputError(
            f"cannot decode as {chosen}: invalid byte(s) {bad} at byte offset {error.start}{hint}",
            path=path,
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError("empty file: nothing to check", path=path)
    return text


def is_same_file(a: str, b: str) -> bool:
    """Whether two paths name one file (used to refuse ``--output`` onto a checked article)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def write_atomic(path: str, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder, renamed into place.

    A run that fails before the rename leaves the previous file (or none) and no partial one.
    """
    import tempfile

    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle = tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", newline="", dir=folder, prefix=f".{target.name}.", suffix=".tmp", delete=False
        )
    except OSError as error:
        raise InputError(f"cannot write the report: {error.strerror or error}", path=path) from None
    try:
        with handle:
            handle.write(text)
        if target.exists():
            try:
                os.chmod(handle.name, target.stat().st_mode & 0o777)
            except OSError:
                pass
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(handle.name, 0o666 & ~umask)
        os.replace(handle.name, target)
    except BaseException as error:
        try:
            os.unlink(handle.name)
        except OSError:
            pass
        if isinstance(error, OSError):
            raise InputError(f"cannot write the report: {error.strerror or error}", path=path) from None
        raise


__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_MAX_BYTES",
    "STDIN",
    "Target",
    "decode",
    "discover",
    "is_same_file",
    "read_stream",
    "read_text",
    "write_atomic",
]
