"""Hostile input never hangs verify: work grows linearly with the size of the input.

No test here reads a clock. Work is counted, in two ways that together cover what Python runs
and what the regular-expression engine runs:

1. **Python work** (:func:`work`): ``sys.setprofile`` counts every call made by code that lives
   in the ``verify`` package (calls of its own functions, generator steps and comprehensions,
   and the built-ins it calls: ``any``, regex methods, ``str.join``), and the characters verify
   hands to the regex engine (its module-level patterns and ``re``'s functions are swapped for
   counting stand-ins while it runs). Each hostile input is
   built at size N and 2N and checked through ``verify.extract``, ``verify.check`` (and the
   ``verify check`` command once it exists); the count at 2N may be at most ~2.5 times the
   count at N. Work done inside C (a regex match, ``str.count``) is invisible to the tracer,
   hence the second measure.

2. **Regex work** (:class:`SteppingMatcher`): every compiled pattern verify uses (found by
   walking verify's modules and their tables for ``re.Pattern`` objects, and by recording the
   patterns ``re`` compiles while verify checks the fixtures) is re-run on adversarial strings
   made from its own literal characters and words, by a small backtracking interpreter of the
   pattern's parse tree (``re._parser``) that follows the same leftmost, greedy/lazy,
   first-alternative-first backtracking order as CPython's ``sre`` and counts one step per node
   tried and per character a repeat consumes. ``sre`` has no step counter, but its only
   optimisations (literal-prefix and first-character scans, single-character repeats) change
   constant factors, not the growth class, so the interpreter's step count grows in the same
   class as the real engine's work. The interpreter is checked against ``re`` itself: its
   matches must equal ``pattern.finditer``'s on every string it runs; a pattern it cannot
   model faithfully is instead run by ``re`` on the large input in a child process under a hard
   timeout (a hang detector, not a speed assertion: linear patterns finish in milliseconds,
   quadratic ones would need hours).
"""

from __future__ import annotations

import importlib
import itertools
import json
import pkgutil
import re
import re._constants as C
import re._parser as P
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from worklib import (  # the counters, shared with the other linear tests
    MAX_RATIO,
    VERIFY_DIR,
    work,
)
from worklib import assert_linear as _assert_linear

import verify
from verify import engine
from verify.document import Document

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

def _run(what: str, text: str, fmt: str) -> Callable[[], object]:
    """A thunk that runs ``what`` ("extract" or "check") on ``text`` read as ``fmt``."""

    def go() -> object:
        document = Document.from_text(text, format=fmt, published="2021-12-08")
        if what == "extract":
            from verify.extract import extract

            result = extract(document)
            spans = [*result.figures, *result.dates]
        else:
            result = engine.run(document, packs=verify.packs.default_packs())
            spans = [*result.findings, *result.figures, *result.dates]
        for item in spans:  # nothing lost or altered: every span slices to its text
            assert text[item.start : item.end] == item.text, item
        return result

    return go


# Each hostile input: (builder of a text of about ``size`` characters, format, base size).
# The sizes (1 MB, a million repetitions, 5 MB) are scaled down so that the traced run
# stays quick; the doubling comparison is what proves linearity.
COUNTRIES = (
    "France",
    "Germany",
    "Italy",
    "Spain",
    "Poland",
    "Latvia",
    "Estonia",
    "Lithuania",
)
SEED = (FIXTURES / "seed" / "biden-putin-2021-12-08.txt").read_text(encoding="utf-8")


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def _nested_html(size: int) -> str:
    depth = max(1, size // 24)
    return (
        "<div><p>" * depth
        + "More than 100,000 troops on Dec. 9, 2021."
        + "</p></div>" * depth
    )


def _listed(size: int, sep: str) -> str:
    items = itertools.cycle(COUNTRIES)
    count = max(1, size // 9)
    return (
        "Four major NATO allies joined the following countries: "
        + sep.join(next(items) for _ in range(count))
        + ".\n"
    )


HOSTILE: dict[str, tuple[Callable[[int], str], str, int]] = {
    "digits": (lambda n: "1" * n, "text", 20_000),
    "one-comma-one": (lambda n: _repeat("1,", n), "text", 20_000),
    "one-dot-one": (lambda n: _repeat("1.", n), "text", 20_000),
    "more-than": (lambda n: _repeat("more than ", n), "text", 20_000),
    "currency-symbols": (lambda n: _repeat("$€£¥", n), "text", 20_000),
    "currency-amounts": (lambda n: _repeat("$1 ", n), "text", 20_000),
    "single-line": (
        lambda n: _repeat(SEED.replace("\n", " ") + " ", n),
        "text",
        20_000,
    ),
    "nested-html": (_nested_html, "html", 20_000),
    "nested-markdown-quotes": (
        lambda n: ">" * n + " 100,000 troops",
        "markdown",
        20_000,
    ),
    "list-inline": (lambda n: _listed(n, ", "), "text", 20_000),
    "list-bullets": (lambda n: _listed(n, "\n- "), "markdown", 20_000),
    "month-days": (lambda n: _repeat("December 9, ", n), "text", 20_000),
    "spelled-numbers": (lambda n: _repeat("twenty-three ", n), "text", 20_000),
    "open-comments": (lambda n: _repeat("<!-- ", n), "markdown", 20_000),
    "open-quotes": (lambda n: _repeat('"1 ', n), "text", 20_000),
}


@pytest.fixture(scope="module")
def warm() -> None:
    """Build the registry, compile patterns and fill caches before anything is counted."""
    for fmt in ("text", "markdown", "html"):
        _run("check", SEED, fmt)()


@pytest.mark.parametrize("what", ["extract", "check"])
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_takes_linear_work(name: str, what: str, warm: None) -> None:
    """Doubling a hostile input at most about doubles the Python work extract/check do on it."""
    build, fmt, size = HOSTILE[name]
    if what == "check":
        size //= (
            8  # the checks do far more per figure than extraction: keep the run short
        )
    small, large = build(size), build(2 * size)
    try:
        w1 = work(_run(what, small, fmt))
        w2 = work(_run(what, large, fmt))
    except verify.VerifyError:
        return  # a clear, typed refusal is an acceptable answer to hostile input
    _assert_linear(f"{name}/{what} ({len(small)} and {len(large)} chars)", w1, w2)


def _cli_main() -> Callable[[list[str]], object] | None:
    try:
        cli = importlib.import_module("verify.cli")
    except ImportError:
        return None
    return getattr(cli, "main", None)


@pytest.mark.parametrize(
    "name",
    [
        "digits",
        "one-comma-one",
        "more-than",
        "single-line",
        "nested-html",
        "list-bullets",
    ],
)
def test_hostile_file_through_verify_check_takes_linear_work(
    name: str, tmp_path: Path, capsys, warm: None
) -> None:
    """`verify check` on a hostile file: doubling the file at most about doubles the work."""
    main = _cli_main()
    if main is None:
        pytest.skip("the verify command (verify.cli.main) does not exist yet")
    build, fmt, size = HOSTILE[name]
    size //= 8
    suffix = {"text": ".txt", "markdown": ".md", "html": ".html"}[fmt]
    counts = []
    for n in (size, 2 * size):
        path = tmp_path / f"{name}-{n}{suffix}"
        path.write_text(build(n), encoding="utf-8")

        def go(path: Path = path) -> None:
            try:
                code = main(
                    [
                        "check",
                        str(path),
                        "--published",
                        "2021-12-08",
                        "--fail-on",
                        "never",
                    ]
                )
            except SystemExit as exit:
                code = exit.code
            assert code in (0, 1, None), f"verify check exited {code}"

        counts.append(work(go))
        capsys.readouterr()
    _assert_linear(f"verify check {name}", counts[0], counts[1])


def test_work_counter_sees_quadratic_code() -> None:
    """The work counter is able to fail: a quadratic loop in verify's frames shows ratio ~4."""
    # Compile a function whose code claims a file inside the package, as verify's own code does.
    source = "def f(n):\n    t = 0\n    for i in range(n):\n        t += sum(1 for j in range(i))\n    return t\n"
    namespace: dict[str, object] = {}
    exec(compile(source, str(Path(VERIFY_DIR) / "_probe.py"), "exec"), namespace)  # noqa: S102 - a fixed probe
    f = namespace["f"]
    assert work(lambda: f(200))[0] / work(lambda: f(100))[0] > 3.5


def test_regex_counter_sees_rescanning() -> None:
    """The regex counter is able to fail: searching the whole text once per item shows ratio ~4."""
    source = "import re\ndef f(text):\n    for i in range(len(text)):\n        re.search('x', text)\n"
    namespace: dict[str, object] = {}
    exec(compile(source, str(Path(VERIFY_DIR) / "_probe.py"), "exec"), namespace)  # noqa: S102 - a fixed probe
    f = namespace["f"]
    assert work(lambda: f("a" * 400))[1] / work(lambda: f("a" * 200))[1] > 3.5


# ---------------------------------------------------------------------------------------------
# Counting regex work: a stepping model of sre's backtracking
# ---------------------------------------------------------------------------------------------


class Budget(Exception):
    """The step budget ran out: the pattern is doing far more than linear work."""


class Unsupported(Exception):
    """The pattern uses a construct the model does not interpret."""


_SINGLE = {C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN}


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class SteppingMatcher:
    """A backtracking interpreter of one pattern's parse tree that counts its steps.

    Like sre, it skips a start position (and a branch alternative) in one step when the
    character there cannot begin a match, and runs a repeat of a single character as a loop.
    """

    def __init__(self, pattern: re.Pattern[str], budget: int) -> None:
        if not isinstance(pattern.pattern, str):
            raise Unsupported("bytes pattern")
        parsed = P.parse(pattern.pattern, pattern.flags)
        self.state = parsed.state
        self.flags = parsed.state.flags
        self.tree = self._norm(parsed.data)
        self.budget = budget
        self.steps = 0
        self.s = ""
        self.groups: dict[int, tuple[int, int]] = {}
        self._firsts: dict[int, list | None] = {}
        self._first_ok: dict[tuple[int, str], bool] = {}

    def _norm(self, data: object) -> list:
        """The parse tree as plain lists, so that every node list has a stable identity."""
        nodes = []
        for op, av in data:  # type: ignore[attr-defined]
            if op is C.BRANCH:
                av = (None, [self._norm(alt) for alt in av[1]])
            elif op is C.SUBPATTERN:
                av = (av[0], av[1], av[2], self._norm(av[3]))
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
                av = (av[0], av[1], self._norm(av[2]))
            elif op in (C.ASSERT, C.ASSERT_NOT):
                lo, hi = P.SubPattern(self.state, list(av[1])).getwidth()
                if av[0] != 1 and lo != hi:
                    raise Unsupported("variable-width lookbehind")
                av = (av[0], self._norm(av[1]), lo)
            elif op is C.ATOMIC_GROUP:
                av = self._norm(av)
            elif op is C.GROUPREF_EXISTS:
                av = (av[0], self._norm(av[1]), self._norm(av[2] or []))
            nodes.append((op, av))
        return nodes

    # -- the characters a node list can start with ----------------------------------------------
    def _first(self, nodes: list, flags: int) -> tuple[list | None, bool]:
        """(single-character tests one of which the first character passes, or None; nullable)."""
        tests: list = []
        for op, av in nodes:
            if op in _SINGLE:
                return tests + [(op, av, flags)], False
            if op is C.AT or op in (C.ASSERT, C.ASSERT_NOT):
                continue
            if op is C.BRANCH:
                nullable = False
                for alt in av[1]:
                    sub, null = self._first(alt, flags)
                    if sub is None:
                        return None, True
                    tests += sub
                    nullable = nullable or null
                if not nullable:
                    return tests, False
            elif (
                op is C.SUBPATTERN
                or op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
                or op is C.ATOMIC_GROUP
            ):
                if op is C.SUBPATTERN:
                    body, inner = av[3], (flags | av[1]) & ~av[2]
                elif op is C.ATOMIC_GROUP:
                    body, inner = av, flags
                else:
                    body, inner = av[2], flags
                sub, null = self._first(body, inner)
                if sub is None:
                    return None, True
                tests += sub
                if not null and not (
                    op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
                    and av[0] == 0
                ):
                    return tests, False
            else:
                return None, True
        return tests, True

    def can_start(self, nodes: list, pos: int, flags: int) -> bool:
        """Whether the character at ``pos`` can begin a match of ``nodes`` (sre's INFO check)."""
        key = id(nodes)
        if key not in self._firsts:
            tests, nullable = self._first(nodes, flags)
            self._firsts[key] = None if nullable else tests
        tests = self._firsts[key]
        if tests is None:
            return True
        if pos >= len(self.s):
            return False
        ch = self.s[pos]
        cached = self._first_ok.get((key, ch))
        if cached is None:
            cached = self._first_ok[(key, ch)] = any(
                self.single(op, av, pos, f) for op, av, f in tests
            )
        return cached

    # -- bookkeeping ----------------------------------------------------------------------------
    def tick(self, n: int = 1) -> None:
        self.steps += n
        if self.steps > self.budget:
            raise Budget

    # -- single characters ---------------------------------------------------------------------
    def _category(self, cat: object, ch: str, flags: int) -> bool:
        ascii_only = bool(flags & re.ASCII)
        if cat in (C.CATEGORY_DIGIT, C.CATEGORY_NOT_DIGIT):
            yes = ch.isdecimal() and (not ascii_only or ch.isascii())
            return yes if cat is C.CATEGORY_DIGIT else not yes
        if cat in (C.CATEGORY_SPACE, C.CATEGORY_NOT_SPACE):
            yes = ch in " \t\n\r\f\v" if ascii_only else ch.isspace()
            return yes if cat is C.CATEGORY_SPACE else not yes
        if cat in (C.CATEGORY_WORD, C.CATEGORY_NOT_WORD):
            yes = _word(ch) and (not ascii_only or ch.isascii())
            return yes if cat is C.CATEGORY_WORD else not yes
        raise Unsupported(f"category {cat}")

    def _literal(self, code: int, ch: str, flags: int) -> bool:
        if ord(ch) == code:
            return True
        return bool(flags & re.IGNORECASE) and ch.lower() == chr(code).lower()

    def _in(self, items: list, ch: str, flags: int) -> bool:
        negate = False
        hit = False
        variants = {ch, ch.lower(), ch.upper()} if flags & re.IGNORECASE else {ch}
        for op, av in items:
            if op is C.NEGATE:
                negate = True
            elif op is C.LITERAL:
                hit = any(ord(v) == av for v in variants)
            elif op is C.RANGE:
                hit = any(av[0] <= ord(v) <= av[1] for v in variants)
            elif op is C.CATEGORY:
                hit = self._category(av, ch, flags)
            else:
                raise Unsupported(f"set item {op}")
            if hit:
                break
        return hit != negate

    def single(self, op: object, av: object, pos: int, flags: int) -> bool:
        if pos >= len(self.s):
            return False
        ch = self.s[pos]
        if op is C.LITERAL:
            return self._literal(av, ch, flags)
        if op is C.NOT_LITERAL:
            return not self._literal(av, ch, flags)
        if op is C.ANY:
            return bool(flags & re.DOTALL) or ch != "\n"
        if op is C.IN:
            return self._in(av, ch, flags)
        raise Unsupported(str(op))

    def at(self, code: object, pos: int, flags: int) -> bool:
        s, n = self.s, len(self.s)
        if code is C.AT_BEGINNING:
            return pos == 0 or bool(flags & re.MULTILINE) and s[pos - 1] == "\n"
        if code is C.AT_BEGINNING_STRING:
            return pos == 0
        if code is C.AT_END:
            if flags & re.MULTILINE:
                return pos == n or s[pos] == "\n"
            return pos == n or pos == n - 1 and s[pos] == "\n"
        if code is C.AT_END_STRING:
            return pos == n
        if code in (C.AT_BOUNDARY, C.AT_NON_BOUNDARY):
            before = pos > 0 and _word(s[pos - 1])
            after = pos < n and _word(s[pos])
            return (before != after) == (code is C.AT_BOUNDARY)
        raise Unsupported(f"anchor {code}")

    # -- sequences (continuation-passing) ------------------------------------------------------
    def seq(
        self, nodes: list, i: int, pos: int, flags: int, k: Callable[[int], int | None]
    ) -> int | None:
        self.tick()
        if i == len(nodes):
            return k(pos)
        op, av = nodes[i]

        def rest(p: int) -> int | None:
            return self.seq(nodes, i + 1, p, flags, k)

        if op in _SINGLE:
            return rest(pos + 1) if self.single(op, av, pos, flags) else None
        if op is C.AT:
            return rest(pos) if self.at(av, pos, flags) else None
        if op is C.BRANCH:
            for alt in av[1]:
                if not self.can_start(alt, pos, flags):
                    self.tick()
                    continue
                result = self.seq(alt, 0, pos, flags, rest)
                if result is not None:
                    return result
            return None
        if op is C.SUBPATTERN:
            gid, add, remove, sub = av
            inner = (flags | add) & ~remove

            def close(p: int) -> int | None:
                if gid is None:
                    return rest(p)
                old = self.groups.get(gid)
                self.groups[gid] = (pos, p)
                result = rest(p)
                if result is None:
                    if old is None:
                        self.groups.pop(gid, None)
                    else:
                        self.groups[gid] = old
                return result

            return self.seq(sub, 0, pos, inner, close)
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            return self.repeat(op, av, pos, flags, rest)
        if op is C.ATOMIC_GROUP:
            end = self.seq(av, 0, pos, flags, lambda p: p)
            return None if end is None else rest(end)
        if op in (C.ASSERT, C.ASSERT_NOT):
            direction, sub, width = av
            if direction == 1:
                ok = self.seq(sub, 0, pos, flags, lambda p: p) is not None
            else:
                ok = (
                    pos - width >= 0
                    and self.seq(
                        sub, 0, pos - width, flags, lambda p: p if p == pos else None
                    )
                    is not None
                )
            return rest(pos) if ok == (op is C.ASSERT) else None
        if op is C.GROUPREF:
            span = self.groups.get(av)
            if span is None:
                return None
            text = self.s[span[0] : span[1]]
            self.tick(len(text))
            if self.s.startswith(text, pos):
                return rest(pos + len(text))
            return None
        if op is C.GROUPREF_EXISTS:
            gid, yes, no = av
            return self.seq(yes if gid in self.groups else no, 0, pos, flags, rest)
        raise Unsupported(str(op))

    def repeat(
        self,
        op: object,
        av: tuple,
        pos: int,
        flags: int,
        rest: Callable[[int], int | None],
    ) -> int | None:
        lo, hi, body = av
        if len(body) == 1 and body[0][0] in _SINGLE:
            bop, bav = body[0]
            if op is C.MIN_REPEAT:  # lazy: extend one character at a time
                p = pos
                for _ in range(lo):
                    self.tick()
                    if not self.single(bop, bav, p, flags):
                        return None
                    p += 1
                count = lo
                while True:
                    self.tick()
                    result = rest(p)
                    if result is not None:
                        return result
                    if count >= hi or not self.single(bop, bav, p, flags):
                        return None
                    p += 1
                    count += 1
            p = pos
            while p - pos < hi and self.single(bop, bav, p, flags):
                self.tick()
                p += 1
            if p - pos < lo:
                return None
            if op is C.POSSESSIVE_REPEAT:
                return rest(p)
            while p >= pos + lo:
                self.tick()
                result = rest(p)
                if result is not None:
                    return result
                p -= 1
            return None
        if op is C.POSSESSIVE_REPEAT:
            end = self.repeat(C.MAX_REPEAT, av, pos, flags, lambda p: p)
            return None if end is None else rest(end)
        greedy = op is C.MAX_REPEAT

        def step(count: int, p: int) -> int | None:
            self.tick()
            if count >= lo and not greedy:
                result = rest(p)
                if result is not None:
                    return result
            if count < hi:
                result = self.seq(
                    body,
                    0,
                    p,
                    flags,
                    lambda q: step(count + 1, q) if q != p or count < lo else None,
                )
                if result is not None:
                    return result
            if count >= lo and greedy:
                return rest(p)
            return None

        return step(0, pos)

    # -- searching -----------------------------------------------------------------------------
    def finditer(self, s: str, anchored: bool = False) -> list[tuple[int, int]]:
        """The spans ``re.finditer`` (or, ``anchored``, ``re.match``) finds in ``s``, counting steps."""
        self.s = s
        found: list[tuple[int, int]] = []
        pos = 0
        last_empty_at = -1
        while pos <= len(s):
            self.groups = {}
            if not self.can_start(self.tree, pos, self.flags):
                self.tick()
                if anchored:
                    return []
                pos += 1
                continue
            if pos == last_empty_at:
                end = self.seq(
                    self.tree,
                    0,
                    pos,
                    self.flags,
                    lambda p, at=pos: p if p > at else None,
                )
            else:
                end = self.seq(self.tree, 0, pos, self.flags, lambda p: p)
            if anchored:
                return [] if end is None else [(pos, end)]
            if end is None:
                pos += 1
                continue
            found.append((pos, end))
            if end == pos:
                last_empty_at = pos
            pos = end
        return found


def _run_model(
    pattern: re.Pattern[str], text: str, budget: int, anchored: bool = False
) -> tuple[int, list[tuple[int, int]] | None]:
    """Steps the model takes over ``text`` and its matches (None when the budget ran out)."""
    box: dict[str, object] = {}

    def target() -> None:
        matcher = SteppingMatcher(pattern, budget)
        try:
            box["spans"] = matcher.finditer(text, anchored)
        except Budget:
            box["spans"] = None
        except (Unsupported, RecursionError) as exc:
            box["error"] = exc
        box["steps"] = matcher.steps

    limit = sys.getrecursionlimit()
    size = threading.stack_size(512 * 1024 * 1024)
    sys.setrecursionlimit(200_000)
    try:
        thread = threading.Thread(target=target)
        thread.start()
        thread.join()
    finally:
        threading.stack_size(size)
        sys.setrecursionlimit(limit)
    if "error" in box:
        raise Unsupported(str(box["error"]))
    return box["steps"], box["spans"]  # type: ignore[return-value]


# -- the patterns verify uses ------------------------------------------------------------------


def _patterns_in(value: object, depth: int = 0) -> Iterator[re.Pattern[str]]:
    if isinstance(value, re.Pattern):
        yield value
    elif depth < 3 and isinstance(value, dict):
        for item in value.values():
            yield from _patterns_in(item, depth + 1)
    elif depth < 3 and isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _patterns_in(item, depth + 1)


_SCANNING = {"search", "finditer", "findall", "sub", "subn", "split"}
_ANCHORED = {"match", "fullmatch"}


def _usage(path: str) -> dict[str, set[str]]:
    """How each name in a source file is used as a pattern: the methods called on it.

    ``p.match(text, pos)`` is one anchored attempt at ``pos``; what it costs there is what the
    model measures at position 0. (A caller that tries it at every position of a long run is
    the caller's loop, which the hostile-input tests count.)
    """
    import ast

    uses: dict[str, set[str]] = {}
    try:
        tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    except (OSError, SyntaxError):
        return uses
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            method, target = node.func.attr, node.func.value
            name = (
                target.id
                if isinstance(target, ast.Name)
                else getattr(target, "attr", None)
            )
            if name is None or method not in _SCANNING | _ANCHORED:
                continue
            uses.setdefault(name, set()).add(method)
    return uses


def _anchored(path: str, name: str) -> bool:
    """Whether the pattern bound to ``name`` in ``path`` is only ever matched at the start."""
    methods = _usage(path).get(name)
    return bool(methods) and methods <= _ANCHORED


# A found pattern: (pattern text, flags) -> (where it lives, whether it is only used anchored).
Found = dict[tuple[str, int], tuple[str, bool]]


def _module_patterns() -> Found:
    """Every pattern held by a verify module (directly or in a table), with where it lives."""
    found: Found = {}
    for info in pkgutil.walk_packages(verify.__path__, "verify."):
        if info.name.endswith("__main__"):
            continue  # running it is the command line
        try:
            module = importlib.import_module(info.name)
        except Exception:  # noqa: BLE001, S112 - an optional extra (dask, pandas) may be missing
            continue
        for name, value in vars(module).items():
            for pattern in _patterns_in(value):
                if isinstance(pattern.pattern, str):
                    anchored = pattern is value and _anchored(
                        module.__file__ or "", name
                    )
                    found.setdefault(
                        (pattern.pattern, pattern.flags),
                        (f"{info.name}.{name}", anchored),
                    )
    return found


def _runtime_patterns() -> Found:
    """The patterns verify's code compiles while it checks every fixture (inline ``re.*`` calls)."""
    import linecache

    found: Found = {}
    original = re._compile

    def recording(pattern, flags):
        compiled = original(pattern, flags)
        frame = sys._getframe(1)
        via = None
        while frame is not None and frame.f_code.co_filename == re.__file__:
            via, frame = frame.f_code.co_name, frame.f_back
        if (
            frame is None
            or not frame.f_code.co_filename.startswith(VERIFY_DIR)
            or not isinstance(compiled.pattern, str)
        ):
            return compiled
        path = frame.f_code.co_filename
        anchored = via in _ANCHORED
        if via == "compile":  # bound to a name: judge by how that name is used
            bound = re.match(r"\s*(\w+)\s*=", linecache.getline(path, frame.f_lineno))
            anchored = bool(bound) and _anchored(path, bound.group(1))
        where = f"{Path(path).stem}:{frame.f_code.co_name}"
        # A call site that builds patterns from data (one per pack group, say) builds the same
        # shape each time: two samples of it are enough.
        if sum(1 for w, _ in found.values() if w == where) < 2:
            found.setdefault((compiled.pattern, compiled.flags), (where, anchored))
        return compiled

    re._compile = recording
    try:
        for path in sorted(FIXTURES.rglob("*")):
            if path.suffix in (".md", ".txt", ".html"):
                text = path.read_text(encoding="utf-8")
                try:
                    _run(
                        "check",
                        text,
                        {".md": "markdown", ".html": "html"}.get(path.suffix, "text"),
                    )()
                except Exception:  # noqa: BLE001, S110 - a broken check fails its own tests, not the collection
                    pass
    finally:
        re._compile = original
    return found


def _all_patterns() -> list[tuple[str, re.Pattern[str], bool]]:
    found = _runtime_patterns()
    found.update(_module_patterns())
    return sorted(
        (
            (where, re.compile(p, f), anchored)
            for (p, f), (where, anchored) in found.items()
        ),
        key=lambda x: (x[0], x[1].pattern),
    )


# -- adversarial strings from a pattern's own literals ------------------------------------------

_REPRESENTATIVE = {
    C.CATEGORY_DIGIT: "1",
    C.CATEGORY_NOT_DIGIT: "a",
    C.CATEGORY_SPACE: " ",
    C.CATEGORY_NOT_SPACE: "x",
    C.CATEGORY_WORD: "a",
    C.CATEGORY_NOT_WORD: ",",
}
# The hostile inputs and their relatives, whatever the pattern's own alphabet.
GENERIC_UNITS = (
    "1",
    "1,",
    "1.",
    "1 ",
    "$",
    "$1 ",
    "more than ",
    " ",
    "\n",
    "-",
    "a ",
    "<div>",
    "<!--",
    '"',
    "*",
    "1,000 ",
)


def _alphabet(nodes: list, chars: set[str], words: set[str]) -> None:
    run: list[str] = []
    for op, av in nodes:
        if op is C.LITERAL:
            chars.add(chr(av))
            run.append(chr(av))
            continue
        if len(run) > 1:
            words.add("".join(run))
        run = []
        if op is C.NOT_LITERAL:
            chars.add("x" if av != ord("x") else "y")
        elif op is C.ANY:
            chars.add("x")
        elif op is C.IN:
            for iop, iav in av:
                if iop is C.LITERAL:
                    chars.add(chr(iav))
                elif iop is C.RANGE:
                    chars.add(chr(iav[0]))
                elif iop is C.CATEGORY and iav in _REPRESENTATIVE:
                    chars.add(_REPRESENTATIVE[iav])
                elif iop is C.NEGATE:
                    chars.add("\x01")
        elif op is C.BRANCH:
            for alt in av[1]:
                _alphabet(list(alt), chars, words)
        elif op is C.SUBPATTERN:
            _alphabet(list(av[3]), chars, words)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            _alphabet(list(av[2]), chars, words)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            _alphabet(list(av[1]), chars, words)
        elif op is C.ATOMIC_GROUP:
            _alphabet(list(av), chars, words)
        elif op is C.GROUPREF_EXISTS:
            _alphabet(list(av[1]), chars, words)
            _alphabet(list(av[2] or []), chars, words)
    if len(run) > 1:
        words.add("".join(run))


def _sample(matcher: SteppingMatcher, nodes: list, flags: int) -> str:
    """A short string that ``nodes`` match: first alternatives, repeats taken at least once."""
    out = []
    for op, av in nodes:
        if op is C.LITERAL:
            out.append(chr(av))
        elif op in _SINGLE:
            for ch in "aA1 ,.x-$<>\"'":
                matcher.s = ch
                if matcher.single(op, av, 0, flags):
                    out.append(ch)
                    break
        elif op is C.BRANCH:
            out.append(_sample(matcher, av[1][0], flags))
        elif op is C.SUBPATTERN:
            out.append(_sample(matcher, av[3], (flags | av[1]) & ~av[2]))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            out.append(_sample(matcher, av[2], flags) * min(max(av[0], 1), 3))
        elif op is C.ATOMIC_GROUP:
            out.append(_sample(matcher, av, flags))
    return "".join(out)


def near_matches(pattern: re.Pattern[str]) -> list[str]:
    """For each top-level alternative, a sample match and the same without its last character.

    Repeated, a near match is the classic trap: every copy starts a match that runs on and fails.
    """
    try:
        matcher = SteppingMatcher(pattern, 1)
    except Unsupported:
        return []
    tree = matcher.tree
    # sre's parser hoists a common prefix out of a branch ("<" in "<!--…|<![^>]*>|…"): expand
    # the first branch of the top-level sequence, keeping what stands before and after it.
    at = next((i for i, (op, _) in enumerate(tree) if op is C.BRANCH), None)
    variants = (
        [tree]
        if at is None
        else [[*tree[:at], *alt, *tree[at + 1 :]] for alt in tree[at][1][1][:12]]
    )
    units = []
    for nodes in variants:
        sample = _sample(matcher, nodes, matcher.flags)
        units += [sample, sample[:-1], sample + " "]
    return [u for u in units if u]


def adversarial_units(pattern: re.Pattern[str], pairs: bool = False) -> list[str]:
    """Short strings that, repeated, stress ``pattern``: its characters, words, generics (and pairs)."""
    chars: set[str] = set()
    words: set[str] = set()
    _alphabet(list(P.parse(pattern.pattern, pattern.flags).data), chars, words)
    singles = sorted(chars)[:24]
    two = [a + b for a, b in itertools.permutations(singles[:6], 2)] if pairs else []
    wordy = sorted(words, key=lambda w: (-len(w), w))[:8]
    units = [
        *singles,
        *two,
        *wordy,
        *(w + " " for w in wordy),
        *near_matches(pattern),
        *GENERIC_UNITS,
    ]
    return list(dict.fromkeys(u for u in units if u))


SMALL, BASE = 40, 240  # screening size; the doubling is measured at BASE and 2 * BASE
BUDGET_PER_CHAR = (
    1000  # beyond this many steps per character the work is plainly not linear
)


def _steps(
    pattern: re.Pattern[str], unit: str, size: int, anchored: bool = False
) -> float:
    """The model's steps over ``unit`` repeated to ``size`` (inf past the budget); checked against re."""
    text = _repeat(unit, size)
    steps, spans = _run_model(pattern, text, BUDGET_PER_CHAR * size, anchored)
    if spans is None:
        return float("inf")
    if anchored:
        match = pattern.match(text)
        expected = [] if match is None else [match.span()]
    else:
        expected = [m.span() for m in pattern.finditer(text)]
    if spans != expected:
        raise Unsupported(f"model found {spans[:5]}…, re found {expected[:5]}…")
    return steps


def _linearity_problems(
    pattern: re.Pattern[str], anchored: bool = False, pairs: bool = False
) -> list[str]:
    """Why ``pattern`` is not linear on its adversarial strings (empty when it is)."""
    units = adversarial_units(pattern, pairs)
    screened = sorted(units, key=lambda u: -_steps(pattern, u, SMALL, anchored))
    problems = []
    for unit in screened[:2]:
        small, large = (
            _steps(pattern, unit, BASE, anchored),
            _steps(pattern, unit, 2 * BASE, anchored),
        )
        if large == float("inf") or large / max(small, 1) > MAX_RATIO:
            problems.append(
                f"{unit!r} repeated: {small} steps at {BASE} chars, {large} at {2 * BASE}"
            )
    return problems


_HANG_SCRIPT = """
import json, re, sys
pattern, flags, units, size = json.loads(sys.stdin.read())
compiled = re.compile(pattern, flags)
for unit in units:
    text = unit * max(1, size // len(unit))
    for _ in compiled.finditer(text):
        pass
"""


def _hangs(
    pattern: re.Pattern[str], size: int = 200_000, timeout: float = 60.0
) -> bool:
    """Whether ``re`` itself fails to finish the adversarial strings at ``size`` within ``timeout``.

    A hang detector only: a linear pattern needs milliseconds for these strings, a quadratic one
    about size**2 = 4e10 steps, far beyond the timeout, so load on the machine cannot change the
    verdict.
    """
    payload = json.dumps(
        [pattern.pattern, pattern.flags, adversarial_units(pattern, pairs=True), size]
    )
    try:
        subprocess.run(
            [sys.executable, "-c", _HANG_SCRIPT],
            input=payload,
            text=True,
            timeout=timeout,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return True
    return False


PATTERNS = _all_patterns()


def _check_pattern(
    where: str, pattern: re.Pattern[str], anchored: bool, pairs: bool
) -> None:
    try:
        problems = _linearity_problems(pattern, anchored, pairs)
    except Unsupported as exc:
        assert not _hangs(pattern), (
            f"{where}: /{pattern.pattern}/ hangs (model unsupported: {exc})"
        )
        return
    assert not problems, f"{where}: /{pattern.pattern}/ is super-linear:\n" + "\n".join(
        problems
    )


_IDS = [f"{w}:{p.pattern[:40]}" for w, p, _ in PATTERNS]


@pytest.mark.parametrize("where,pattern,anchored", PATTERNS, ids=_IDS)
def test_pattern_is_linear_on_its_own_literals(
    where: str, pattern: re.Pattern[str], anchored: bool
) -> None:
    """Each regex verify uses does linear work on runs of its own characters and words."""
    _check_pattern(where, pattern, anchored, pairs=False)


@pytest.mark.fuzz
@pytest.mark.parametrize("where,pattern,anchored", PATTERNS, ids=_IDS)
def test_pattern_is_linear_on_pairs_of_its_literals(
    where: str, pattern: re.Pattern[str], anchored: bool
) -> None:
    """Each regex verify uses does linear work on runs of pairs of its characters too (long run)."""
    _check_pattern(where, pattern, anchored, pairs=True)


def test_patterns_were_found() -> None:
    """The pattern walk finds the patterns of verify's modules and of its inline re calls."""
    wheres = " ".join(w for w, _, _ in PATTERNS)
    assert "verify.extract.text._BOUNDARY" in wheres
    assert "verify.markup._EMPHASIS" in wheres
    assert any(":" in w for w, _, _ in PATTERNS)  # inline re calls ("module:function") too


@pytest.mark.parametrize(
    "source,unit",
    [
        (
            r"\d+x",
            "1",
        ),  # each start scans the whole run of digits: quadratic under finditer
        (r"(?:1,|1)+x", "1,"),  # overlapping alternatives under a repeat
        (r"<!--.*?-->", "<!--"),  # an unclosed opener rescanned from every later opener
        (r"\s*\s*,", " "),  # two adjacent repeats over the same characters
    ],
)
def test_model_flags_super_linear_patterns(source: str, unit: str) -> None:
    """The stepping model is able to fail: known quadratic patterns exceed the doubling ratio."""
    pattern = re.compile(source)
    small, large = _steps(pattern, unit, 300), _steps(pattern, unit, 600)
    assert large == float("inf") or large / small > MAX_RATIO


@pytest.mark.parametrize(
    "source,unit",
    [
        (r"\d{1,3}(?:,\d{3})*(?:\.\d+)?", "1,"),
        (r"(?<![\d,])\d+x", "1"),
        (r"<!--.*?(?:-->|\Z)", "<!--"),
        (r"\b(?:more|less) than\b", "more than "),
        (r"(?i)[$€£¥]\s?\d{1,15}", "$"),
    ],
)
def test_model_passes_linear_patterns(source: str, unit: str) -> None:
    """The stepping model agrees with re and finds guarded or bounded patterns linear."""
    pattern = re.compile(source)
    small, large = _steps(pattern, unit, 600), _steps(pattern, unit, 1200)
    assert large / small <= MAX_RATIO
