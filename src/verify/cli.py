"""The ``verify`` command: a pre-publication gate for CI, editors and pre-commit.

::

    verify check PATH...        check articles; exit 0 clean, 1 findings reach --fail-on, 2 bad input
    verify extract PATH...      the figures and dates found (text, json, csv)
    verify rules                every rule with its one-line summary
    verify explain RULE         a rule's full documentation
    verify packs lint PATH...   validate rule packs

Only this module reads files, standard input and the environment; the library is pure. A bad
article gets one line on standard error naming it, and the others are still checked and
reported; a traceback is shown only with ``--debug``. Heavy modules are imported inside the
commands so that the first output comes fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from verify.errors import ConfigError, InputError, VerifyError

if TYPE_CHECKING:
    import datetime as dt

    from verify.config import Config
    from verify.report import Report

PROG = "verify"
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
CHECK_FORMATS = ("text", "json", "sarif", "github", "junit", "html")
EXTRACT_FORMATS = ("text", "json", "csv")


class UsageError(VerifyError):
    """A command line that cannot be carried out (exit 2)."""


# --- the command line ---------------------------------------------------------------------------


def _version() -> str:
    from verify import __version__

    return f"{PROG} {__version__}"


class _VersionAction(argparse.Action):
    """``--version``, resolved only when asked for (keeps ``--help`` and parsing light)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        print(_version())
        parser.exit()


def _split_names(values: Sequence[str] | None) -> tuple[str, ...]:
    """Rule names given as repeated options and/or comma-separated lists."""
    names: list[str] = []
    for value in values or ():
        names.extend(n.strip() for n in value.split(",") if n.strip())
    return tuple(names)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected 0 or more, got {value}")
    return value


def _byte_size(text: str) -> int:
    units = {"": 1, "b": 1, "k": 1000, "kb": 1000, "m": 1000**2, "mb": 1000**2, "g": 1000**3, "gb": 1000**3}
    import re

    found = re.fullmatch(r"\s*(\d{1,15})\s*([kKmMgG]?[bB]?)\s*", text)
    if not found or found.group(2).lower() not in units:
        raise argparse.ArgumentTypeError(f"expected a size in bytes such as 10000000 or 10MB, got {text!r}")
    value = int(found.group(1)) * units[found.group(2).lower()]
    if value <= 0:
        raise argparse.ArgumentTypeError("expected a size above 0")
    return value


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show the traceback of an error")

    reading = argparse.ArgumentParser(add_help=False)
    reading.add_argument("--published", metavar="DATE", help="publication date (YYYY-MM-DD); wins over the file's own")
    reading.add_argument("--encoding", metavar="NAME", help="decode articles with this encoding (default: UTF-8, or as a BOM says)")
    reading.add_argument("--max-bytes", type=_byte_size, metavar="N", help="largest article to read (default 10MB)")
    reading.add_argument("--config", metavar="FILE", help="use this verify.toml or pyproject.toml instead of searching")
    reading.add_argument("--stdin-filename", metavar="NAME", help="the name (and so the format) of the article read from '-'")
    reading.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE (atomically) instead of stdout")

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Check the figures and dates in news copy before it is published.",
        epilog="Exit status: 0 nothing reaches --fail-on, 1 something does, 2 bad input or usage.",
    )
    parser.add_argument("--version", action=_VersionAction, help="print the version and exit")
    parser.add_argument("--debug", action="store_true", default=False, help="show the traceback of an error")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    check = commands.add_parser("check", parents=[common, reading], help="check articles", description="Check articles.")
    check.add_argument("paths", nargs="+", metavar="PATH", help="files, folders (*.txt *.md *.markdown *.html *.htm) or - for stdin")
    check.add_argument("--version", action=_VersionAction, help="print the version and exit")
    check.add_argument("--pack", action="append", default=[], metavar="PATH", help="add a rule pack (repeatable)")
    check.add_argument("--no-default-packs", action="store_true", help="do not use the packs shipped with verify")
    check.add_argument("--select", action="append", metavar="RULE", help="run only these rules (ids, codes or prefixes)")
    check.add_argument("--ignore", action="append", metavar="RULE", help="do not run these rules (ids, codes or prefixes)")
    check.add_argument(
        "--fail-on", choices=("error", "warning", "info", "never"), help="lowest severity that fails the run (default warning)"
    )
    check.add_argument("--format", choices=CHECK_FORMATS, default="text", help="output format (default text)")
    check.add_argument("--jobs", "-j", type=_positive_int, default=1, metavar="N", help="check N files at once (0: one per core)")
    check.add_argument("--quiet", "-q", action="store_true", help="print findings only: no notes, no summary")
    check.add_argument("--report-unused-suppressions", action="store_true", help="warn about suppressions that suppressed nothing")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour text output (default: on a terminal without NO_COLOR)")
    check.set_defaults(func=cmd_check)

    extract = commands.add_parser(
        "extract", parents=[common, reading], help="list the figures and dates found", description="List the figures and dates found."
    )
    extract.add_argument("paths", nargs="+", metavar="PATH")
    extract.add_argument("--format", choices=EXTRACT_FORMATS, default="text", help="output format (default text)")
    extract.set_defaults(func=cmd_extract)

    rules = commands.add_parser("rules", parents=[common], help="list every rule", description="List every rule.")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.set_defaults(func=cmd_rules)

    explain = commands.add_parser("explain", parents=[common], help="print a rule's documentation", description="Print a rule's documentation.")
    explain.add_argument("rule", metavar="RULE", help="a rule id or code, such as magnitude-slip or VR102")
    explain.set_defaults(func=cmd_explain)

    packs = commands.add_parser("packs", parents=[common], help="work with rule packs", description="Work with rule packs.")
    pack_commands = packs.add_subparsers(dest="pack_command", metavar="COMMAND")
    pack_commands.required = True
    lint = pack_commands.add_parser("lint", parents=[common], help="validate packs", description="Validate rule packs.")
    lint.add_argument("paths", nargs="+", metavar="PATH", help="pack files, or folders of *.toml")
    lint.set_defaults(func=cmd_packs_lint)
    return parser


#: Optional packages pint imports at its own import when they are installed. verify uses none of
#: them (its quantities hold plain floats), and a data desk's environment often has them all:
#: numpy and dask alone add about 130 ms to every start of the command.
_PINT_EXTRAS = ("numpy", "scipy", "dask", "babel", "uncertainties")


def _import_pint_alone() -> None:
    """Import pint without its optional array, locale and uncertainty back-ends.

    Only for the ``verify`` program, whose process is its own (a library user's pint keeps
    them): each package is hidden from pint's import-time probes, then visible again.
    """
    if "pint" in sys.modules:
        return
    hidden = [name for name in _PINT_EXTRAS if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # import raises ImportError; find_spec gives None
    try:
        import pint  # noqa: F401
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    if argv is None:  # run as the program (not called from Python): the process is verify's own
        _import_pint_alone()
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else EXIT_ERROR
    debug = bool(getattr(args, "debug", debug))
    try:
        return args.func(args)
    except VerifyError as error:
        _error(str(error))
        if debug:
            import traceback

            traceback.print_exc()
        return EXIT_ERROR
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_ERROR
    except Exception as error:  # a bug in verify: say so in one line, or show it under --debug
        if debug:
            raise
        _error(f"internal error: {type(error).__name__}: {error} (run with --debug for the traceback)")
        return EXIT_ERROR


def _error(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr, flush=True)


def _silence_stdout() -> None:
    """After a closed pipe (``verify check … | head``), let the interpreter exit quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


# --- settings for each file ---------------------------------------------------------------------


@attrs.frozen
class Options:
    """What ``check`` and ``extract`` share: how to read articles and which config to use."""

    published: dt.date | None
    encoding: str | None
    max_bytes: int
    config_file: str | None
    stdin_filename: str | None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    packs: tuple[str, ...] = ()
    no_default_packs: bool = False
    fail_on: str | None = None


def _options(args: argparse.Namespace) -> Options:
    from verify.config import check_rule_names
    from verify.document import parse_published
    from verify.io import DEFAULT_MAX_BYTES

    try:
        published = parse_published(args.published, what="--published")
    except InputError as error:
        raise UsageError(error.message) from None
    select = _split_names(getattr(args, "select", None))
    ignore = _split_names(getattr(args, "ignore", None))
    check_rule_names(select, what="--select")
    check_rule_names(ignore, what="--ignore")
    if args.encoding:
        import codecs

        try:
            codecs.lookup(args.encoding)
        except LookupError:
            raise UsageError(f"--encoding: unknown encoding {args.encoding!r}") from None
    return Options(
        published=published,
        encoding=args.encoding,
        max_bytes=args.max_bytes or DEFAULT_MAX_BYTES,
        config_file=args.config,
        stdin_filename=args.stdin_filename,
        select=select,
        ignore=ignore,
        packs=tuple(getattr(args, "pack", ()) or ()),
        no_default_packs=bool(getattr(args, "no_default_packs", False)),
        fail_on=getattr(args, "fail_on", None),
    )


class _Configs:
    """The config for each article: ``--config``, or the nearest one found, with the CLI's overrides."""

    def __init__(self, options: Options) -> None:
        from verify.config import Config, load_config

        self.options = options
        self._by_file: dict[str, Config] = {}
        self._by_folder: dict[str, Config] = {}  # a folder of 10,000 articles is searched once
        self._with_options: dict[int, Config] = {}
        self._fixed = load_config(options.config_file) if options.config_file else None
        self._default = Config()

    def _base(self, path: str) -> Config:
        if self._fixed is not None:
            return self._fixed
        start = os.path.dirname(os.path.abspath(path)) if path not in ("-",) else os.getcwd()
        config = self._by_folder.get(start)
        if config is None:
            config = self._by_folder[start] = self._nearest(start)
        return config

    def _nearest(self, start: str) -> Config:
        from verify.config import find_config, load_config

        found = find_config(start)
        if found is None:
            return self._default
        key = str(found)
        if key not in self._by_file:
            self._by_file[key] = load_config(found)
        return self._by_file[key]

    def for_path(self, path: str) -> Config:
        base = self._base(path)
        config = self._with_options.get(id(base))
        if config is None:
            config = self._with_options[id(base)] = self._apply_options(base)
        return config.for_file(path)

    def _apply_options(self, config: Config) -> Config:
        o = self.options
        changes: dict[str, Any] = {}
        if o.select:
            changes["select"] = o.select
        if o.ignore:
            changes["ignore"] = config.ignore + tuple(n for n in o.ignore if n not in config.ignore)
        if o.packs:
            changes["packs"] = config.packs + o.packs
        if o.no_default_packs:
            changes["default_packs"] = False
        if o.fail_on:
            changes["fail_on"] = o.fail_on
        if changes:
            config = attrs.evolve(config, **changes)
        return config


# --- packs, loaded once per process ---------------------------------------------------------------

_PACKS: dict[str, Any] = {}


def _load_packs(config: Config) -> list[Any]:
    """The packs a config asks for: the shipped ones (unless turned off), then its own."""
    import verify

    loaded: list[Any] = []
    if config.default_packs:
        if "<default>" not in _PACKS:
            from verify.packs import default_packs

            _PACKS["<default>"] = tuple(default_packs())
        loaded.extend(_PACKS["<default>"])
    for path in config.packs:
        key = os.path.abspath(path)
        if key not in _PACKS:
            _PACKS[key] = verify.load_pack(path)
        loaded.append(_PACKS[key])
    return loaded


# --- checking one article (in this process or a worker) ------------------------------------------


@attrs.frozen
class Job:
    index: int
    path: str  # as shown to the user
    text: str | None  # standard input, already read
    config: Any  # Config
    published: Any  # dt.date | None
    encoding: str | None
    max_bytes: int
    report_unused: bool
    debug: bool
    # For the formats written a document at a time: ("text", color, quiet), ("github",) or
    # ("json",). The article is rendered where it was checked, and only its text travels back.
    render: tuple[Any, ...] | None = None


@attrs.frozen
class Outcome:
    index: int
    path: str
    report: Any = None  # Report, for the formats rendered at the end
    error: str | None = None
    traceback: str | None = None
    rendered: str | None = None  # the article's output, for the formats written as they come
    severities: tuple[str, ...] = ()  # of its findings, with ``rendered``


def run_job(job: Job) -> Outcome:
    """Read, check and filter one article; never raises (errors come back as text)."""
    try:
        report = _check_article(job)
        if job.render is None:
            return Outcome(job.index, job.path, report=report)
        severities = tuple(f.severity for f in report.findings)
        return Outcome(job.index, job.path, rendered=_render_one(report, job.render), severities=severities)
    except VerifyError as error:
        message = str(error) if error.path else f"{job.path}: {error}"
        return Outcome(job.index, job.path, error=message, traceback=_traceback() if job.debug else None)
    except RecursionError:
        return Outcome(job.index, job.path, error=f"{job.path}: input nested too deeply to check", traceback=_traceback() if job.debug else None)
    except Exception as error:  # a bug in verify: this file is lost, the others are not
        return Outcome(
            job.index,
            job.path,
            error=f"{job.path}: internal error: {type(error).__name__}: {error} (run with --debug for the traceback)",
            traceback=_traceback() if job.debug else None,
        )


def _render_one(report: Report, how: tuple[Any, ...]) -> str:
    """One article's part of a streamed output (text, github or a JSON ``documents`` element)."""
    if how[0] == "text":
        from verify.render import text as text_render

        return text_render.render_report(report, color=how[1], quiet=how[2])
    if how[0] == "github":
        from verify.render import github

        return github.render([report])
    from verify.render import json as json_render

    return json_render.Writer.body(report)


def _traceback() -> str:
    import traceback

    return traceback.format_exc()


def _check_article(job: Job) -> Report:
    from verify import engine, io, suppress
    from verify.document import Document

    config = job.config
    if job.text is not None:
        text = job.text
    else:
        text = io.read_text(job.path, encoding=job.encoding, max_bytes=job.max_bytes)
    document = Document.from_text(text, published=job.published, path=job.path, published_key=config.published_from)
    # (the directives are applied here, where the unused ones can be reported)
    report = engine.run(document, packs=_load_packs(config), config=config, suppressions=False)
    directives = suppress.find(document)
    if not directives:
        return report
    kept, unused = suppress.apply(report.findings, directives)
    if job.report_unused:
        # A directive for rules this run does not check is not unused: it waits for them.
        unused = [(s, name) for s, name in unused if _checked(name, config)]
        kept.extend(f for f in suppress.unused_findings(document, unused) if config.enabled(f.rule, f.code))
        kept.sort(key=lambda f: (f.start, f.end, f.rule))
    return attrs.evolve(report, findings=tuple(kept))


def _checked(name: str, config: Config) -> bool:
    """Whether a rule name in a directive stands for a rule this run checks (unknown names do)."""
    from verify.config import known_rules

    matching = [(rid, code) for rid, code in known_rules() if rid.startswith(name) or code.startswith(name)]
    return not matching or any(config.enabled(rid, code) for rid, code in matching)


def _run_jobs(jobs: list[Job], workers: int) -> Iterator[Outcome]:
    """Outcomes in the order of ``jobs``, checked here or in ``workers`` processes."""
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield run_job(job)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from verify import checks, extract, units  # noqa: F401 - imported once here, inherited by forked workers

    checks.modules()  # the check modules compile their patterns before the fork, not in each worker
    units.load()  # and pint's registry is built once
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, min(32, len(jobs) // (workers * 8)))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(run_job, jobs, chunksize=chunk)


# --- output -------------------------------------------------------------------------------------


class _Sink:
    """Standard output, or a buffer written atomically to ``--output`` at the end."""

    def __init__(self, output: str | None) -> None:
        self.output = output
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        if not text:
            return
        if self.output:
            self.parts.append(text)
        else:
            sys.stdout.write(text)
            sys.stdout.flush()

    def close(self) -> None:
        if self.output:
            from verify.io import write_atomic

            write_atomic(self.output, "".join(self.parts))


def _use_color(choice: str, stream: TextIO, output: str | None) -> bool:
    if choice != "auto":
        return choice == "always"
    if output or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _prepare_stdout() -> None:
    try:
        sys.stdout.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    except (AttributeError, ValueError):
        pass


def _reaches(severity: str, fail_on: str) -> bool:
    from verify.model import SEVERITIES

    return fail_on != "never" and SEVERITIES.index(severity) <= SEVERITIES.index(fail_on)


# --- commands -----------------------------------------------------------------------------------


def _targets(args: argparse.Namespace, options: Options) -> list[tuple[str, str | None, InputError | None]]:
    """(path as shown, stdin text or None, error or None) for every article named."""
    from verify import io

    out: list[tuple[str, str | None, InputError | None]] = []
    for target in io.discover(args.paths):
        if target.path == io.STDIN:
            name = options.stdin_filename or "<stdin>"
            try:
                text = io.read_stream(sys.stdin.buffer, name=name, encoding=options.encoding, max_bytes=options.max_bytes)
            except InputError as error:
                out.append((name, None, error))
                continue
            out.append((name, text, None))
        else:
            out.append((target.path, None, target.error))
    return out


def cmd_check(args: argparse.Namespace) -> int:
    """``verify check``: read, check, render; the exit status says whether anything failed."""
    _prepare_stdout()
    options = _options(args)
    renderer = _check_renderer(args.format)
    configs = _Configs(options)
    targets = _targets(args, options)
    if args.output:
        from verify import io as vio

        for path, _, _ in targets:
            if os.path.exists(path) and vio.is_same_file(args.output, path):
                raise UsageError(f"--output {args.output} is one of the checked files; verify never writes to them")

    color = args.format == "text" and _use_color(args.color, sys.stdout, args.output)
    render: tuple[Any, ...] | None = {
        "text": ("text", color, args.quiet), "github": ("github",), "json": ("json",)
    }.get(args.format)
    jobs: list[Job] = []
    errors: dict[int, str] = {}
    for index, (path, text, error) in enumerate(targets):
        if error is not None:
            errors[index] = str(error)
            continue
        config = configs.for_path(path)
        _load_packs(config)  # a broken pack stops the run here, before any article is checked
        jobs.append(
            Job(index, path, text, config, options.published, options.encoding, options.max_bytes, args.report_unused_suppressions, bool(getattr(args, "debug", False)), render)
        )

    sink = _Sink(args.output)
    reports: list[Report] = []  # kept only for the formats that render all reports at the end
    streamed = args.format in ("text", "github", "json")
    from verify.render import json as json_render

    json_writer = json_render.Writer()
    from verify.render import text as text_render

    tally = text_render.Tally()
    failed = False
    bad = 0
    unread: list[tuple[str, str]] = []  # (path, one-line error) of the articles that could not be checked
    workers = args.jobs or os.cpu_count() or 1
    outcomes = _run_jobs(jobs, workers)
    fail_on_by_index = {job.index: job.config.fail_on for job in jobs}

    def take(outcome: Outcome) -> None:
        nonlocal failed, bad
        if outcome.error is not None:
            bad += 1
            unread.append((outcome.path, outcome.error))
            _error(outcome.error)
            if outcome.traceback:
                sys.stderr.write(outcome.traceback)
            return
        report = outcome.report
        severities = outcome.severities if report is None else tuple(f.severity for f in report.findings)
        tally.add_severities(severities)
        fail_on = fail_on_by_index[outcome.index]
        if any(_reaches(severity, fail_on) for severity in severities):
            failed = True
        if args.format == "json":
            sink.write(json_writer.add(outcome.rendered, severities))
        elif outcome.rendered is not None:
            sink.write(outcome.rendered)
        else:
            reports.append(report)

    pending = sorted(errors)
    for outcome in outcomes:
        while pending and pending[0] < outcome.index:
            index = pending.pop(0)
            bad += 1
            unread.append((targets[index][0], errors[index]))
            _error(errors[index])
        take(outcome)
    for index in pending:
        bad += 1
        unread.append((targets[index][0], errors[index]))
        _error(errors[index])

    if args.format == "text":
        if not args.quiet:
            sink.write(text_render.summary(tally, errors=bad, color=color))
    elif args.format == "json":
        sink.write(json_writer.end())
    elif streamed:
        sink.write(renderer([], errors=unread))
    else:
        sink.write(renderer(reports, configs_fail_on=_fail_on_for_render(jobs, options), rules=_rule_ids(jobs), errors=unread))
    sink.close()
    if bad:
        return EXIT_ERROR
    return EXIT_FINDINGS if failed else EXIT_OK


def _fail_on_for_render(jobs: list[Job], options: Options) -> str:
    if options.fail_on:
        return options.fail_on
    values = {job.config.fail_on for job in jobs}
    return values.pop() if len(values) == 1 else "warning"


def _rule_ids(jobs: list[Job]) -> list[str]:
    """The ids of the rules enabled for any of the articles checked."""
    from verify.checks import rules

    configs = {id(j.config): j.config for j in jobs}.values()
    if not configs:
        from verify.config import Config

        configs = [Config()]
    return [r.id for r in rules() if any(c.enabled(r.id, r.code) for c in configs)]


def _check_renderer(fmt: str) -> Callable[..., str]:
    """The function that renders all reports at the end (text streams instead)."""
    if fmt == "text":
        return lambda reports, **_: ""
    import importlib

    name = f"verify.render.{fmt}"
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name != name:
            raise
        raise UsageError(f"--format {fmt}: the renderer ({name}) is not available in this installation") from None
    if fmt == "junit":
        return lambda reports, configs_fail_on="warning", rules=(), errors=(), **_: module.render(
            reports, rules=rules, fail_on=configs_fail_on, errors=errors
        )
    if fmt in ("sarif", "github"):
        # Articles that could not be read are reported in the output too, so CI shows them.
        return lambda reports, errors=(), **_: module.render(reports, errors=errors)
    return lambda reports, **_: module.render(reports)


def cmd_extract(args: argparse.Namespace) -> int:
    """``verify extract``: the figures and dates of each article, for data desks."""
    _prepare_stdout()
    options = _options(args)
    configs = _Configs(options)
    from verify.document import Document
    from verify.extract import extract

    from verify import io

    sink = _Sink(args.output)
    extractions = []
    bad = 0
    for path, text, error in _targets(args, options):
        if error is not None:
            bad += 1
            _error(str(error))
            continue
        try:
            config = configs.for_path(path)
            if text is None:
                text = io.read_text(path, encoding=options.encoding, max_bytes=options.max_bytes)
            document = Document.from_text(text, published=options.published, path=path, published_key=config.published_from)
            extraction = extract(document)
        except InputError as error:
            bad += 1
            _error(str(error) if error.path else f"{path}: {error}")
            continue
        extractions.append(extraction)
        if args.format == "text":
            sink.write(_extraction_text(extraction))
    if args.format == "json":
        import json

        documents = [e.to_dict() for e in extractions]
        sink.write(json.dumps({"schema": "verify-extract/1", "documents": documents}, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "csv":
        sink.write(_extraction_csv(extractions))
    sink.close()
    return EXIT_ERROR if bad else EXIT_OK


EXTRACT_COLUMNS = (
    "path", "type", "text", "start", "end", "line", "column", "kind", "value", "unit", "low", "high",
    "qualifier", "noun", "earliest", "latest", "granularity", "weekday",
)  # fmt: skip


def _extraction_csv(extractions: Sequence[Any]) -> str:
    import csv
    import io as stdio

    buffer = stdio.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EXTRACT_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for extraction in extractions:
        for row in extraction.to_records():
            writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
    return buffer.getvalue()


def _extraction_text(extraction: Any) -> str:
    lines = []
    path = extraction.document.path or "<stdin>"
    for row in extraction.to_records():
        where = f"{path}:{row['line']}:{row['column']}:"
        if row["type"] == "figure":
            bounds = ""
            if row["low"] is not None or row["high"] is not None:
                low = "" if row["low"] is None else row["low"]
                high = "" if row["high"] is None else row["high"]
                bounds = f" [{low}, {high}]"
            noun = f" noun={row['noun']}" if row.get("noun") else ""
            lines.append(f"{where} figure {row['text']!r} {row['kind']} {row['value']} {row['unit']}{bounds}{noun}")
        else:
            earliest, latest = row["earliest"] or "…", row["latest"] or "…"
            when = earliest if earliest == latest else f"{earliest}..{latest}"
            day = f" ({row['weekday']})" if row.get("weekday") else ""
            lines.append(f"{where} date {row['text']!r} {when} {row['granularity']}{day}")
    return "".join(line + "\n" for line in lines)


def cmd_rules(args: argparse.Namespace) -> int:
    """``verify rules``: every rule, its code, default severity and summary."""
    from verify.checks import rules

    found = rules()
    if args.format == "json":
        import json

        rows = [{"id": r.id, "code": r.code, "severity": r.severity, "summary": r.summary, "check": r.check} for r in found]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    if not found:
        print("No rules are installed.")
        return EXIT_OK
    width = max(len(r.id) for r in found)
    check_width = max(len(r.check) for r in found)
    for r in found:
        print(f"{r.code:<6} {r.id:<{width}}  {r.severity:<7}  {r.check:<{check_width}}  {r.summary}")
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    """``verify explain RULE``: the rule's full documentation, from its check's docstring."""
    from verify.checks import rule

    try:
        found = rule(args.rule)
    except ConfigError as error:
        raise UsageError(error.message) from None
    print(f"# {found.id} ({found.code})\n\nDefault severity: {found.severity}. {found.summary}\n")
    print(found.doc)
    return EXIT_OK


def cmd_packs_lint(args: argparse.Namespace) -> int:
    """``verify packs lint``: load every pack; a broken one is reported with file and line."""
    import verify

    paths: list[str] = []
    bad = 0
    for raw in args.paths:
        if os.path.isdir(raw):
            found = sorted(
                os.path.join(d, f) for d, _, files in os.walk(raw) for f in files if f.endswith(".toml") and not f.startswith(".")
            )
            if not found:
                bad += 1
                _error(f"{raw}: no packs (*.toml) in this directory")
            paths.extend(found)
        elif not os.path.exists(raw):
            bad += 1
            _error(f"{raw}: no such file or directory")
        else:
            paths.append(raw)
    for path in paths:
        try:
            pack = verify.load_pack(path)
        except VerifyError as error:
            bad += 1
            message = str(error)
            print(message if error.path else f"{path}: {message}", file=sys.stderr)
            continue
        except OSError as error:
            bad += 1
            print(f"{path}: cannot read: {error.strerror or error}", file=sys.stderr)
            continue
        parts = [f"{len(getattr(pack, name, ()) or ())} {name}" for name in ("references", "groups", "bounds")]
        print(f"{path}: ok: pack {pack.name!r} ({', '.join(parts)})")
    return EXIT_ERROR if bad else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
