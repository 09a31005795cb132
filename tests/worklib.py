"""Counting work without a clock: the calls verify's own code makes and the characters it hands
to the regex engine, while a function runs (shared by the linear-work tests).

``work(fn)`` returns both counts; ``assert_linear`` checks that the counts at 2N are at most
about twice those at N. See tests/test_robustness.py for what the two measures cover.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

import verify

VERIFY_DIR = str(Path(verify.__file__).resolve().parent)
MAX_RATIO = 2.5  # doubling the input may at most about double the work

# ---------------------------------------------------------------------------------------------
# Counting Python work in verify's own frames
# ---------------------------------------------------------------------------------------------


class _Counter:
    """A ``sys.setprofile`` hook that counts the calls verify's own code makes.

    It counts every call into a function of the package (generator resumptions and
    comprehensions included) and every built-in a package function calls (``any``, a regex
    method, ``str.join``), so a loop that does anything at all per step is counted.
    """

    def __init__(self) -> None:
        self.count = 0
        self.chars = 0
        self._mine: dict[object, bool] = {}

    def __call__(self, frame, event, arg):
        if event != "call" and event != "c_call":
            return
        code = frame.f_code
        mine = self._mine.get(code)
        if mine is None:
            mine = self._mine[code] = code.co_filename.startswith(VERIFY_DIR)
        if mine:
            self.count += 1


_SCANNERS = ("search", "finditer", "findall", "sub", "subn", "split")


class _CountingPattern:
    """Stands in for a compiled pattern and counts the characters handed to the regex engine.

    Each regex is linear in what it is given (the model below proves it pattern by pattern), so
    the characters handed over measure the engine's work. A search, findall, finditer, sub or
    split scans ``string[pos:endpos]`` (a search only up to the end of its match); a match or
    fullmatch is one anchored attempt (1).
    """

    def __init__(self, pattern: re.Pattern[str], counter: _Counter) -> None:
        self._pattern = pattern
        self._counter = counter

    def __getattr__(self, name: str) -> object:
        attr = getattr(self._pattern, name)
        if not callable(attr) or name not in (*_SCANNERS, "match", "fullmatch"):
            return attr
        counter = self._counter

        def counted(*args: object, **kwargs: object) -> object:
            if name in _SCANNERS:
                string = (
                    args[1]
                    if name in ("sub", "subn")
                    else args[0]
                    if args
                    else kwargs.get("string", "")
                )
                rest = args[1:] if name not in ("sub", "subn") else ()
                pos = (
                    rest[0]
                    if len(rest) > 0 and isinstance(rest[0], int)
                    else kwargs.get("pos", 0)
                )
                endpos = (
                    rest[1]
                    if len(rest) > 1 and isinstance(rest[1], int)
                    else kwargs.get("endpos", None)
                )
                result = attr(*args, **kwargs)
                if isinstance(string, str):
                    # A search stops at its match; the others read the whole range.
                    stop = (
                        result.end()
                        if name == "search" and result is not None
                        else len(string)
                    )
                    counter.chars += max(
                        0, min(stop, len(string) if endpos is None else endpos) - pos
                    )  # type: ignore[operator]
                return result
            counter.chars += 1
            return attr(*args, **kwargs)

        return counted


def _counting_re(counter: _Counter) -> Callable[[], None]:
    """Swap verify's module-level patterns and re's functions for counting ones; returns undo."""
    undo: list[Callable[[], None]] = []
    for name, module in list(sys.modules.items()):
        if not name.startswith("verify") or module is None:
            continue
        for attr, value in list(vars(module).items()):
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                setattr(module, attr, _CountingPattern(value, counter))
                undo.append(lambda m=module, a=attr, v=value: setattr(m, a, v))
    for fn_name in (*_SCANNERS, "match", "fullmatch"):
        original = getattr(re, fn_name)

        def wrapper(pattern, *args, _fn=fn_name, _orig=original, **kwargs):
            caller = sys._getframe(1).f_code.co_filename
            if caller.startswith(VERIFY_DIR):
                compiled = (
                    pattern
                    if isinstance(pattern, re.Pattern)
                    else re.compile(pattern, kwargs.get("flags", 0))
                )
                rest = {k: v for k, v in kwargs.items() if k != "flags"}
                if _fn in ("sub", "subn") and "count" in rest:
                    return getattr(_CountingPattern(compiled, counter), _fn)(
                        *args, **rest
                    )
                return getattr(_CountingPattern(compiled, counter), _fn)(*args, **rest)
            return _orig(pattern, *args, **kwargs)

        setattr(re, fn_name, wrapper)
        undo.append(lambda n=fn_name, o=original: setattr(re, n, o))

    def restore() -> None:
        for step in reversed(undo):
            step()

    return restore


def work(fn: Callable[[], object]) -> tuple[int, int]:
    """(calls verify's code makes, characters it hands to the regex engine) while ``fn()`` runs."""
    counter = _Counter()
    restore = _counting_re(counter)
    previous = sys.getprofile()
    sys.setprofile(counter)
    try:
        fn()
    finally:
        sys.setprofile(previous)
        restore()
    return counter.count, counter.chars


def assert_linear(what: str, small: tuple[int, int], large: tuple[int, int]) -> None:
    (c1, r1), (c2, r2) = small, large
    assert c1 > 0
    assert c2 / c1 <= MAX_RATIO, f"{what}: {c1} calls at N, {c2} at 2N"
    if r1 >= 1000:  # below that, fixed costs dominate the regex count
        assert r2 / r1 <= MAX_RATIO, (
            f"{what}: {r1} characters handed to regexes at N, {r2} at 2N"
        )
