"""The exceptions verify raises.

Every error verify raises on purpose derives from :class:`VerifyError`, so a caller can catch
one type. Each subclass also derives from the built-in exception an older caller would expect
(``ValueError`` for bad data, ``OSError`` for unreadable input), in the way pint's
``DefinitionError(ValueError, PintError)`` does.
"""

from __future__ import annotations


class VerifyError(Exception):
    """Base class of every error verify raises on purpose.

    ``item`` is the 0-based position, among the items given to :func:`verify.check_many`, of the
    item the error is about (None elsewhere); an item that is not a file is then named
    ``item N`` in the message.
    """

    item: int | None = None

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = str(self.path)
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        return where + self.message


class InputError(VerifyError, ValueError):
    """An article could not be read: missing, unreadable, binary, undecodable or too large."""


class PackError(VerifyError, ValueError):
    """A rule pack is invalid. Names the file, the line where known, the entry and the field."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        entry: str | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message, path=path, line=line)
        self.entry = entry
        self.field = field

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        names = [f"{k} {v!r}" for k, v in (("entry", self.entry), ("field", self.field)) if v]
        return where + (", ".join(names) + ": " if names else "") + self.message


class ConfigError(VerifyError, ValueError):
    """Configuration is invalid: an unknown key or option, an unknown rule, a bad value."""


__all__ = ["ConfigError", "InputError", "PackError", "VerifyError"]
