"""Configuration: which rules run, at what severity, with which packs.

A :class:`Config` is plain data. The CLI builds one from a ``verify.toml`` (settings at the top
level) or from the ``[tool.verify]`` table of a ``pyproject.toml``, found like ruff finds its
own: :func:`find_config` walks up from the checked path to the first folder that has either
(``verify.toml`` wins over ``pyproject.toml`` in the same folder; a ``pyproject.toml`` without
``[tool.verify]`` is passed over). Keys::

    [tool.verify]
    packs = ["rules/newsroom.toml"]     # relative to the config file's folder
    default-packs = true                # the packs shipped with verify
    select = ["VR1", "weekday-mismatch"]
    ignore = ["plausibility"]
    fail-on = "warning"                 # error | warning | info | never
    severity = { magnitude-slip = "warning" }
    per-file-ignores = { "opinion/*.md" = ["VR103"] }
    published-from = "pubdate"          # the front-matter key holding the publication date

An unknown key, a value of the wrong type or an unknown rule is a :class:`ConfigError` naming
the key and the file (and the line where it can be found).
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable
from pathlib import Path, PurePath
from typing import Any

import attrs

from verify.errors import ConfigError

FAIL_ON = ("error", "warning", "info", "never")
SEVERITY_VALUES = ("error", "warning", "info")
CONFIG_NAMES = ("verify.toml", "pyproject.toml")


@attrs.frozen
class Config:
    """Settings for a check run. ``select``/``ignore`` take rule ids, codes or prefixes.

    ``per_file_ignores`` pairs a glob (matched against the article's path relative to
    ``root``, the config file's folder, or its file name) with the rules it turns off.
    ``published_from`` names the front-matter key that holds the publication date. ``path``
    is the file the settings came from, if any.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = attrs.field(factory=dict)
    packs: tuple[str, ...] = ()
    default_packs: bool = True
    fail_on: str = "warning"
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    published_from: str | None = None
    path: str | None = None
    root: str | None = None

    def enabled(self, rule_id: str, code: str | None = None) -> bool:
        """Whether a rule runs: selected (or nothing selected) and not ignored."""
        names = [n for n in (rule_id, code) if n]

        def matches(patterns: tuple[str, ...]) -> bool:
            return any(n.startswith(p) for p in patterns for n in names)

        if self.select and not matches(self.select):
            return False
        return not matches(self.ignore)

    def for_file(self, path: str | None) -> Config:
        """The settings for one article: ``ignore`` extended by the matching per-file globs."""
        if not path or not self.per_file_ignores:
            return self
        extra: list[str] = []
        for pattern, rules in self.per_file_ignores:
            if _glob_matches(pattern, path, self.root):
                extra.extend(r for r in rules if r not in extra)
        if not extra:
            return self
        return attrs.evolve(self, ignore=self.ignore + tuple(r for r in extra if r not in self.ignore))


def _glob_matches(pattern: str, path: str, root: str | None) -> bool:
    absolute = Path(os.path.abspath(path))
    candidates = {PurePath(path).as_posix(), absolute.name}
    if root:
        try:
            candidates.add(absolute.relative_to(os.path.abspath(root)).as_posix())
        except ValueError:
            pass
    pattern = pattern.replace("\\", "/")
    return any(fnmatch.fnmatchcase(c, pattern) or fnmatch.fnmatchcase(c, pattern.rstrip("/") + "/*") for c in candidates)


# --- finding and loading configuration files ---------------------------------------------------


def find_config(start: str | Path) -> Path | None:
    """The nearest ``verify.toml`` or ``pyproject.toml`` with ``[tool.verify]`` at or above ``start``."""
    here = Path(os.path.abspath(start))
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / "verify.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and _has_tool_verify(candidate):
            return candidate
    return None


def _has_tool_verify(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*verify\s*[\].]", text, re.M) is not None


def load_config(path: str | Path) -> Config:
    """Read a ``verify.toml`` or a ``pyproject.toml``'s ``[tool.verify]`` into a :class:`Config`."""
    import tomllib

    path = Path(path)
    shown = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError("config file not found", path=shown) from None
    except OSError as error:
        raise ConfigError(f"cannot read config file: {error.strerror or error}", path=shown) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ConfigError(f"config file is not UTF-8 (byte offset {error.start})", path=shown) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = re.search(r"\(at line (\d+), column \d+\)", message)
        line = int(found.group(1)) if found else None
        if line is None and "end of document" in message:
            line = max(1, len(text.splitlines()))
        raise ConfigError(f"invalid TOML: {message}", path=shown, line=line) from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("verify", {})
        where = "[tool.verify]"
    else:
        table = data.get("tool", {}).get("verify", data) if set(data) == {"tool"} else data
        where = "verify.toml"
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table", path=shown)
    return config_from_mapping(table, path=shown, text=text, where=where)


_KEYS = ("packs", "default-packs", "select", "ignore", "fail-on", "severity", "per-file-ignores", "published-from")


def config_from_mapping(table: dict[str, Any], *, path: str | None = None, text: str = "", where: str = "config") -> Config:
    """Build a :class:`Config` from a TOML table, checking every key and value."""

    def fail(key: str, message: str) -> ConfigError:
        return ConfigError(message, path=path, line=_line_of(text, key))

    for key in table:
        if key not in _KEYS:
            near = [k for k in _KEYS if k.replace("-", "_") == key or k == key.replace("_", "-")]
            hint = f" (did you mean {near[0]!r}?)" if near else f" (known keys: {', '.join(_KEYS)})"
            raise fail(key, f"unknown key {key!r} in {where}{hint}")

    def strings(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, f"{key!r} must be a list of strings")
        return tuple(value)

    root = str(Path(path).parent) if path else None
    packs = tuple(_relative_to(p, root) for p in strings("packs"))
    select, ignore = strings("select"), strings("ignore")
    check_rule_names(select, what="'select'", path=path, line=_line_of(text, "select"))
    check_rule_names(ignore, what="'ignore'", path=path, line=_line_of(text, "ignore"))

    default_packs = table.get("default-packs", True)
    if not isinstance(default_packs, bool):
        raise fail("default-packs", "'default-packs' must be true or false")
    fail_on = table.get("fail-on", "warning")
    if fail_on not in FAIL_ON:
        raise fail("fail-on", f"'fail-on' must be one of {', '.join(FAIL_ON)}, got {fail_on!r}")

    severity_table = table.get("severity", {})
    if not isinstance(severity_table, dict):
        raise fail("severity", "'severity' must be a table of rule = severity")
    severity = {}
    for name, value in severity_table.items():
        if value not in SEVERITY_VALUES:
            raise fail("severity", f"severity of {name!r} must be one of {', '.join(SEVERITY_VALUES)}, got {value!r}")
        for rule_id in rule_ids(name, what="'severity'", path=path, line=_line_of(text, "severity")):
            severity[rule_id] = value

    pfi = table.get("per-file-ignores", {})
    if not isinstance(pfi, dict):
        raise fail("per-file-ignores", "'per-file-ignores' must be a table of glob = [rules]")
    per_file: list[tuple[str, tuple[str, ...]]] = []
    for glob, rules in pfi.items():
        if isinstance(rules, str):
            rules = [rules]
        if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
            raise fail("per-file-ignores", f"per-file-ignores {glob!r} must be a list of rules")
        check_rule_names(rules, what="'per-file-ignores'", path=path, line=_line_of(text, "per-file-ignores"))
        per_file.append((glob, tuple(rules)))

    published_from = table.get("published-from")
    if published_from is not None and (not isinstance(published_from, str) or not published_from.strip()):
        raise fail("published-from", "'published-from' must be the name of a front-matter key")

    return Config(
        select=select,
        ignore=ignore,
        severity=severity,
        packs=packs,
        default_packs=default_packs,
        fail_on=fail_on,
        per_file_ignores=tuple(per_file),
        published_from=published_from,
        path=path,
        root=root,
    )


def _relative_to(value: str, root: str | None) -> str:
    if root is None or os.path.isabs(value):
        return value
    return os.path.normpath(os.path.join(root, value))


def _line_of(text: str, key: str) -> int | None:
    """The 1-based line where ``key`` is first assigned in TOML text, if it can be found."""
    if not text:
        return None
    found = re.search(r'^[ \t]*["\']?' + re.escape(key) + r'["\']?[ \t]*=', text, re.M)
    return text.count("\n", 0, found.start()) + 1 if found else None


# --- rule names ---------------------------------------------------------------------------------


def known_rules() -> tuple[tuple[str, str], ...]:
    """(id, code) of every rule verify knows, with the ``unused-suppression`` pseudo-rule."""
    from verify.checks import rules

    return (*((r.id, r.code) for r in rules()), ("unused-suppression", "unused-suppression"))


def rule_ids(name: str, *, what: str = "rule", path: str | None = None, line: int | None = None) -> list[str]:
    """The ids of the rules ``name`` (an id, a code, or a prefix of either) stands for."""
    found = [rid for rid, code in known_rules() if rid.startswith(name) or code.startswith(name)]
    if not name or not found:
        raise ConfigError(f"{what}: unknown rule {name!r} (see `verify rules` for the list)", path=path, line=line)
    return found


def check_rule_names(names: Iterable[str], *, what: str, path: str | None = None, line: int | None = None) -> None:
    """Raise :class:`ConfigError` for the first name that matches no rule."""
    for name in names:
        rule_ids(name, what=what, path=path, line=line)


__all__ = [
    "CONFIG_NAMES",
    "FAIL_ON",
    "SEVERITY_VALUES",
    "Config",
    "check_rule_names",
    "config_from_mapping",
    "find_config",
    "load_config",
    "rule_ids",
]
