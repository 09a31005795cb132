"""The verify command end to end, through ``python -m verify`` in a subprocess.

Checks are written by other modules and their findings change as they grow, so most tests here
make their own finding with a suppression that suppresses nothing (``--report-unused-
suppressions`` turns it into a warning), which depends on no check; the seed-story test needs
the real checks.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import re
import subprocess
import sys
import types
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import NamedTuple

import jsonschema
import pytest

import verify
from verify.render.json import schema as report_schema

ROOT = Path(__file__).resolve().parent.parent
SARIF_SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
SEED = ROOT / "fixtures" / "seed" / "biden-putin-2021-12-08.txt"

# One finding whatever the checks: a suppression of a rule that does not exist.
FLAGGED = """---
published: 2021-12-08
---

<!-- verify: ignore VR999 -->
The council met on the question of the new library and talked it over.
"""
CLEAN = """---
published: 2021-12-08
---

The council met on the question of the new library and talked it over.
"""
UNUSED = "--report-unused-suppressions"


class Result(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


def script(*args: str, cwd: Path | None = None, stdin: bytes | None = None, env: dict | None = None) -> Result:
    """Run ``python -m verify`` in a subprocess, as a shell or CI would."""
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment.update(env or {})
    done = subprocess.run(
        [sys.executable, "-m", "verify", *args],
        cwd=cwd or ROOT,
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env=environment,
        timeout=120,
    )
    return Result(done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))


def run(*args: str, cwd: Path | None = None, stdin: bytes | None = None) -> Result:
    """Run ``verify.cli.main`` in this process (fast), capturing what it prints."""
    from verify.cli import main

    out, err = io.StringIO(), io.StringIO()
    old_cwd, old_stdin = os.getcwd(), sys.stdin
    try:
        os.chdir(cwd or ROOT)
        sys.stdin = types.SimpleNamespace(buffer=io.BytesIO(stdin or b""))  # type: ignore[assignment]
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        os.chdir(old_cwd)
        sys.stdin = old_stdin
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture
def flagged(tmp_path: Path) -> Path:
    path = tmp_path / "flagged.md"
    path.write_text(FLAGGED, encoding="utf-8")
    return path


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    path = tmp_path / "clean.md"
    path.write_text(CLEAN, encoding="utf-8")
    return path


def no_traceback(result: Result) -> None:
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout


# --- basics -------------------------------------------------------------------------------------


def test_version() -> None:
    """--version prints the package version, at the top and on check."""
    for args in (["--version"], ["check", "--version"]):
        result = script(*args)
        assert result.returncode == 0 and result.stdout.strip() == f"verify {verify.__version__}"


def test_no_command_is_a_usage_error() -> None:
    """verify with no command exits 2 with usage on stderr."""
    result = run()
    assert result.returncode == 2 and "usage:" in result.stderr


def test_text_finding_excerpt_and_exit_1(flagged: Path) -> None:
    """A finding prints path:line:col: severity rule message, the source line, carets; exit 1."""
    result = script("check", str(flagged), UNUSED)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert re.match(re.escape(str(flagged)) + r":5:1: warning unused-suppression Unused suppression", lines[0])
    assert lines[2] == "5 | <!-- verify: ignore VR999 -->"
    assert lines[3] == "  | " + "^" * len("<!-- verify: ignore VR999 -->")
    assert lines[-1] == "Found 1 finding (1 warning) in 1 file."
    assert "\x1b[" not in result.stdout  # not a terminal: no colour


def test_clean_file_prints_one_summary_line(clean: Path) -> None:
    """A clean article exits 0 and prints exactly one summary line."""
    result = run("check", str(clean), UNUSED)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "No findings in 1 file.\n"
    assert result.stderr == ""


def test_suppressions_are_quiet_without_the_flag(flagged: Path) -> None:
    """An unused suppression is only reported under --report-unused-suppressions."""
    result = run("check", str(flagged))
    assert result.returncode == 0 and result.stdout == "No findings in 1 file.\n"


def test_colour_always_and_never(flagged: Path) -> None:
    """--color always forces ANSI colour even into a pipe; never keeps it out."""
    assert "\x1b[" in run("check", str(flagged), UNUSED, "--color", "always").stdout
    assert "\x1b[" not in run("check", str(flagged), UNUSED, "--color", "never").stdout


def test_colour_auto_honours_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal colour is on, unless NO_COLOR is set or the report goes to a file."""
    from verify.cli import _use_color

    class Tty:
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    assert _use_color("auto", Tty(), None) is True
    assert _use_color("auto", Tty(), "out.txt") is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert _use_color("auto", Tty(), None) is False


@pytest.mark.parametrize(("fail_on", "code"), [("error", 0), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on(flagged: Path, fail_on: str, code: int) -> None:
    """--fail-on sets the lowest severity that fails the run (the finding here is a warning)."""
    assert run("check", str(flagged), UNUSED, "--fail-on", fail_on).returncode == code


def test_quiet_prints_findings_only(flagged: Path, clean: Path) -> None:
    """--quiet drops the summary line: nothing at all for a clean file."""
    assert run("check", str(clean), "-q").stdout == ""
    out = run("check", str(flagged), UNUSED, "-q").stdout
    assert "unused-suppression" in out and "Found" not in out


# --- formats ------------------------------------------------------------------------------------


def test_json_format_validates_against_the_shipped_schema(flagged: Path, clean: Path) -> None:
    """--format json is the DESIGN.md contract and validates against verify/schema/report-1.json."""
    result = script("check", str(flagged), str(clean), UNUSED, "--format", "json")
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, report_schema())
    assert data["schema"] == "verify-report/1"
    assert [d["path"] for d in data["documents"]] == [str(flagged), str(clean)]
    assert data["documents"][0]["published"] == "2021-12-08"
    assert data["summary"] == {"documents": 2, "findings": 1, "error": 0, "warning": 1, "info": 0}
    finding = data["documents"][0]["findings"][0]
    assert (finding["rule"], finding["line"], finding["column"]) == ("unused-suppression", 5, 1)
    assert FLAGGED[finding["start"] : finding["end"]] == finding["text"]


def test_json_of_the_fixtures_validates() -> None:
    """Every fixture article's JSON report validates against the schema, whatever the checks find."""
    result = run("check", "fixtures", "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    jsonschema.validate(json.loads(result.stdout), report_schema())


def test_sarif_format_validates_against_the_official_schema(flagged: Path) -> None:
    """--format sarif is valid SARIF 2.1.0, with rules and a located result."""
    result = script("check", str(flagged), UNUSED, "--format", "sarif")
    assert result.returncode == 1, result.stderr
    log = json.loads(result.stdout)
    cls = jsonschema.validators.validator_for(SARIF_SCHEMA)
    errors = list(cls(SARIF_SCHEMA).iter_errors(log))
    assert not errors, [e.message for e in errors]
    run_ = log["runs"][0]
    assert {r["id"] for r in run_["tool"]["driver"]["rules"]} >= {r.id for r in verify.rules()}
    result_ = run_["results"][0]
    region = result_["locations"][0]["physicalLocation"]["region"]
    assert result_["ruleId"] == "unused-suppression" and result_["level"] == "warning"
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (5, 1, 30)
    assert FLAGGED[region["charOffset"] : region["charOffset"] + region["charLength"]] == "<!-- verify: ignore VR999 -->"


def test_github_format(flagged: Path) -> None:
    """--format github prints one ::warning workflow command per finding."""
    result = script("check", str(flagged), UNUSED, "--format", "github")
    assert result.returncode == 1
    assert result.stdout.startswith(
        f"::warning file={str(flagged).replace(':', '%3A')},line=5,col=1,endLine=5,endColumn=30,title=unused-suppression::Unused"
    )


def test_junit_format(flagged: Path, clean: Path) -> None:
    """--format junit gives one testsuite per file and a failing testcase for the rule that fired."""
    result = script("check", str(flagged), str(clean), UNUSED, "--format", "junit")
    assert result.returncode == 1
    root = ET.fromstring(result.stdout.split("\n", 1)[1])
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [str(flagged), str(clean)]
    failing = [c.get("name") for c in suites[0].iter("testcase") if c.find("failure") is not None]
    assert failing == ["unused-suppression"]
    assert suites[1].get("failures") == "0"
    assert {c.get("name") for c in suites[1].iter("testcase")} >= {r.id for r in verify.rules()}


def test_html_format(flagged: Path) -> None:
    """--format html renders through verify.render.html, or says clearly that it is missing."""
    import importlib.util

    result = script("check", str(flagged), UNUSED, "--format", "html")
    no_traceback(result)
    if importlib.util.find_spec("verify.render.html") is None:
        assert result.returncode == 2 and "verify.render.html" in result.stderr
    else:
        assert result.returncode == 1 and "<html" in result.stdout.lower()


def test_output_file_is_written_whole(tmp_path: Path, flagged: Path) -> None:
    """--output writes the report to the file (nothing on stdout) and leaves no temporary file."""
    out = tmp_path / "reports" / "verify.json"
    out.parent.mkdir()
    result = script("check", str(flagged), UNUSED, "--format", "json", "--output", str(out))
    assert result.returncode == 1 and result.stdout == ""
    jsonschema.validate(json.loads(out.read_text(encoding="utf-8")), report_schema())
    assert os.listdir(out.parent) == ["verify.json"]


def test_output_never_overwrites_a_checked_file(flagged: Path) -> None:
    """--output naming a checked article is refused (exit 2) and the article is untouched."""
    before = flagged.read_bytes()
    result = run("check", str(flagged), "--output", str(flagged))
    assert result.returncode == 2 and "never writes" in result.stderr
    assert flagged.read_bytes() == before


# --- inputs -------------------------------------------------------------------------------------


def test_missing_file_is_reported_and_others_still_checked(tmp_path: Path, flagged: Path) -> None:
    """A missing path gets one error line naming it; the other file is still checked; exit 2."""
    missing = tmp_path / "missing.md"
    result = run("check", str(missing), str(flagged), UNUSED, "--format", "json")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"verify: error: {missing}: no such file or directory"]
    data = json.loads(result.stdout)
    assert [d["path"] for d in data["documents"]] == [str(flagged)]
    assert data["summary"]["findings"] == 1


def test_sarif_keeps_the_unreadable_file(tmp_path: Path, flagged: Path) -> None:
    """With a missing file the SARIF log still validates, has the other file's result, and names the missing one."""
    missing = tmp_path / "missing.md"
    result = script("check", str(missing), str(flagged), UNUSED, "--format", "sarif")
    assert result.returncode == 2
    log = json.loads(result.stdout)
    cls = jsonschema.validators.validator_for(SARIF_SCHEMA)
    assert not list(cls(SARIF_SCHEMA).iter_errors(log))
    run_ = log["runs"][0]
    assert [r["ruleId"] for r in run_["results"]] == ["unused-suppression"]
    assert run_["invocations"][0]["executionSuccessful"] is False
    assert str(missing) in run_["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]


def _bad_inputs(tmp: Path) -> list[tuple[list[str], str]]:
    (tmp / "latin.txt").write_bytes("Prices in Caf".encode() + b"\xe9 rose.")
    (tmp / "binary.md").write_bytes(b"\x00\x01\x02 image")
    (tmp / "empty.md").write_text("", encoding="utf-8")
    (tmp / "big.txt").write_text("word " * 100, encoding="utf-8")
    (tmp / "nothing").mkdir()
    (tmp / "nothing" / "notes.rst").write_text("x", encoding="utf-8")
    (tmp / "broken.toml").write_text('fail-on = "error"\nselect = [\n', encoding="utf-8")
    (tmp / "badkey.toml").write_text('fail-on = "error"\ncolour = true\n', encoding="utf-8")
    (tmp / "baddate.md").write_text("---\npublished: 8 December\n---\n\nText.\n", encoding="utf-8")
    (tmp / "badpack.toml").write_text('[pack]\nname = "x"\n\n[[reference]]\nid = "a"\nmin = "lots"\n', encoding="utf-8")
    return [
        (["latin.txt"], "latin.txt: cannot decode as utf-8: invalid byte(s) e9 at byte offset 13"),
        (["latin.txt", "--encoding", "utf-16-be-nonsense"], "unknown encoding"),
        (["binary.md"], "binary.md: binary file (NUL byte at byte offset 0)"),
        (["empty.md"], "empty.md: empty file"),
        (["big.txt", "--max-bytes", "100"], "big.txt: file is 500 bytes, over the limit of 100 bytes"),
        (["nothing"], "nothing: no articles"),
        (["latin.txt", "--published", "next Tuesday"], "--published: expected a date as YYYY-MM-DD"),
        (["latin.txt", "--select", "no-such-rule"], "--select: unknown rule 'no-such-rule'"),
        (["latin.txt", "--ignore", "VR999"], "--ignore: unknown rule 'VR999'"),
        (["latin.txt", "--config", "broken.toml"], "broken.toml:2: invalid TOML"),
        (["latin.txt", "--config", "badkey.toml"], "badkey.toml:2: unknown key 'colour'"),
        (["baddate.md"], "baddate.md: front matter published: expected a date"),
        (["latin.txt", "--pack", "badpack.toml"], "badpack.toml:"),
        (["latin.txt", "--pack", "nopack.toml"], "nopack.toml"),
    ]


BAD_INPUT_IDS = [
    "undecodable", "unknown-encoding", "binary", "empty", "too-large", "no-articles", "bad-published",
    "unknown-select", "unknown-ignore", "broken-toml", "unknown-config-key", "bad-front-matter-date",
    "broken-pack", "missing-pack",
]  # fmt: skip


@pytest.mark.parametrize("case", range(len(BAD_INPUT_IDS)), ids=BAD_INPUT_IDS)
def test_bad_input_is_one_clear_line_and_exit_2(tmp_path: Path, case: int) -> None:
    """Each kind of bad input gives exit 2 and a one-line message naming the problem, no traceback."""
    args, expected = _bad_inputs(tmp_path)[case]
    result = run("check", *args, cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    no_traceback(result)
    errors = [line for line in result.stderr.splitlines() if line.startswith("verify: error:")]
    assert len(errors) == 1 and expected in errors[0], result.stderr


def test_permission_denied_for_real(tmp_path: Path) -> None:
    """An unreadable file: exit 2 and one line naming it. As root, the process runs without the
    capabilities that let root read anything, so the denial is the kernel's, not simulated."""
    secret = tmp_path / "secret.txt"
    secret.write_text("Officials said 12 people were hurt.", encoding="utf-8")
    secret.chmod(0)
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        drop = [setpriv or "setpriv", "--bounding-set", "-dac_override,-dac_read_search"]
        if setpriv is None or subprocess.run([*drop, "true"], capture_output=True).returncode != 0:
            pytest.skip("running as root without setpriv: nothing can deny root a file")
        prefix = drop
    try:
        done = subprocess.run(
            [*prefix, sys.executable, "-m", "verify", "check", str(secret)],
            capture_output=True, text=True, timeout=120, cwd=ROOT,
        )
    finally:
        secret.chmod(0o644)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("verify: error:")]
    assert errors == [f"verify: error: {secret}: permission denied"], done.stderr


def test_checked_files_are_never_written(tmp_path: Path) -> None:
    """A check leaves every article byte for byte and its modification time as they were."""
    for name, body in (("a.md", FLAGGED), ("b.txt", SEED.read_text(encoding="utf-8")), ("c.html", "<p>The council met.</p>")):
        (tmp_path / name).write_text(body, encoding="utf-8")
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    for fmt in ("text", "json", "sarif"):
        assert run("check", ".", UNUSED, "--published", "2021-12-08", "--format", fmt, cwd=tmp_path).returncode in (0, 1)
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()} == before


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    """--debug adds the traceback to an error."""
    (tmp_path / "latin.txt").write_bytes(b"Caf\xe9")
    result = run("check", "latin.txt", "--debug", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" in result.stderr


def test_stdin_with_a_filename(flagged: Path) -> None:
    """'-' reads standard input; --stdin-filename names it and sets its format (Markdown here)."""
    result = script("check", "-", "--stdin-filename", "story.md", UNUSED, "--format", "json", stdin=FLAGGED.encode())
    assert result.returncode == 1, result.stderr
    document = json.loads(result.stdout)["documents"][0]
    assert document["path"] == "story.md" and document["published"] == "2021-12-08"
    assert [f["rule"] for f in document["findings"]] == ["unused-suppression"]


def test_directories_are_walked_for_articles(tmp_path: Path) -> None:
    """A folder is walked for *.txt, *.md, *.markdown, *.html, *.htm, in name order."""
    (tmp_path / "desk" / "sub").mkdir(parents=True)
    for name in ("desk/b.md", "desk/a.txt", "desk/sub/c.html", "desk/notes.rst"):
        (tmp_path / name).write_text(CLEAN if name.endswith(".md") else "The council met.\n", encoding="utf-8")
    result = run("check", "desk", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    paths = [d["path"] for d in json.loads(result.stdout)["documents"]]
    assert paths == [os.path.join("desk", "a.txt"), os.path.join("desk", "b.md"), os.path.join("desk", "sub", "c.html")]


def test_jobs_give_identical_output_in_order(tmp_path: Path) -> None:
    """--jobs 2 gives byte-identical output to --jobs 1, in the order the files were named."""
    seed = SEED.read_text(encoding="utf-8")
    names = []
    for i in range(6):
        path = tmp_path / f"{5 - i}-story.{'txt' if i % 2 else 'md'}"
        path.write_text(seed if i % 2 else FLAGGED, encoding="utf-8")
        names.append(path.name)
    one = script("check", *names, UNUSED, "--published", "2021-12-08", "--format", "json", "--jobs", "1", cwd=tmp_path)
    two = script("check", *names, UNUSED, "--published", "2021-12-08", "--format", "json", "--jobs", "2", cwd=tmp_path)
    assert one.returncode == two.returncode == 1, one.stderr + two.stderr
    assert one.stdout == two.stdout
    documents = json.loads(two.stdout)["documents"]
    assert [d["path"] for d in documents] == names
    assert all(d["findings"] for d in documents)


# --- publication date ---------------------------------------------------------------------------


def test_published_option_wins_over_front_matter(flagged: Path) -> None:
    """--published overrides the file's own date; without it the front matter's date is used."""
    data = json.loads(run("check", str(flagged), "--published", "2022-01-31", "--format", "json").stdout)
    assert data["documents"][0]["published"] == "2022-01-31"


def test_html_meta_sets_the_publication_date(tmp_path: Path) -> None:
    """An HTML article's article:published_time meta tag gives its publication date."""
    page = tmp_path / "story.html"
    page.write_text(
        '<html><head><meta property="article:published_time" content="2021-12-08T10:00:00Z"></head>'
        "<body><p>The council met.</p></body></html>\n",
        encoding="utf-8",
    )
    data = json.loads(run("check", str(page), "--format", "json").stdout)
    assert data["documents"][0]["published"] == "2021-12-08"


def test_no_date_leaves_published_null(tmp_path: Path) -> None:
    """With no --published and no metadata the report's date is null (never guessed)."""
    path = tmp_path / "story.txt"
    path.write_text("The council met.\n", encoding="utf-8")
    data = json.loads(run("check", str(path), "--format", "json").stdout)
    assert data["documents"][0]["published"] is None


# --- config -------------------------------------------------------------------------------------


def test_config_is_found_by_walking_up(tmp_path: Path) -> None:
    """A pyproject.toml with [tool.verify] above the article applies: fail-on never exits 0."""
    (tmp_path / "pyproject.toml").write_text('[tool.verify]\nfail-on = "never"\n', encoding="utf-8")
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "story.md").write_text(FLAGGED, encoding="utf-8")
    result = run("check", "desk/story.md", UNUSED, cwd=tmp_path)
    assert result.returncode == 0 and "unused-suppression" in result.stdout
    assert run("check", "desk/story.md", UNUSED, "--fail-on", "warning", cwd=tmp_path).returncode == 1


def test_config_per_file_ignores_and_published_from(tmp_path: Path) -> None:
    """per-file-ignores turns rules off by glob; published-from names the front-matter key."""
    (tmp_path / "verify.toml").write_text(
        'published-from = "pubdate"\n[per-file-ignores]\n"opinion/*.md" = ["unused-suppression"]\n', encoding="utf-8"
    )
    for folder in ("opinion", "news"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.md").write_text(FLAGGED.replace("published:", "pubdate:"), encoding="utf-8")
    result = run("check", "opinion/a.md", "news/a.md", UNUSED, "--format", "json", cwd=tmp_path)
    docs = json.loads(result.stdout)["documents"]
    assert [len(d["findings"]) for d in docs] == [0, 1]
    assert {d["published"] for d in docs} == {"2021-12-08"}


def test_unknown_key_in_discovered_config_names_key_and_file(tmp_path: Path) -> None:
    """An unknown key in a discovered pyproject.toml stops the run with exit 2, naming key and file."""
    (tmp_path / "pyproject.toml").write_text('[tool.verify]\nfail-on = "error"\nstrict = true\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(CLEAN, encoding="utf-8")
    result = run("check", "a.md", cwd=tmp_path)
    assert result.returncode == 2
    assert "pyproject.toml:3: unknown key 'strict' in [tool.verify]" in result.stderr
    no_traceback(result)


# --- other commands -----------------------------------------------------------------------------


def test_rules_lists_every_rule() -> None:
    """verify rules prints each rule's code, id, severity and summary."""
    result = run("rules")
    assert result.returncode == 0
    for rule in verify.rules():
        pattern = rf"^{rule.code}\s+{re.escape(rule.id)}\s+{rule.severity}\s+{rule.check}\s+{re.escape(rule.summary)}$"
        assert re.search(pattern, result.stdout, re.M)
    data = json.loads(run("rules", "--format", "json").stdout)
    assert [r["id"] for r in data] == [r.id for r in verify.rules()]


def test_explain_prints_the_docstring() -> None:
    """verify explain RULE (id or code) prints the check's documentation."""
    rule = verify.rules()[0]
    for name in (rule.id, rule.code):
        result = run("explain", name)
        assert result.returncode == 0
        assert result.stdout.startswith(f"# {rule.id} ({rule.code})")
        assert rule.doc in result.stdout


def test_explain_unknown_rule_exits_2() -> None:
    """An unknown rule is a usage error."""
    result = run("explain", "no-such-rule")
    assert result.returncode == 2 and "unknown rule 'no-such-rule'" in result.stderr
    no_traceback(result)


def test_packs_lint(tmp_path: Path) -> None:
    """packs lint passes the shipped packs and reports a broken pack with file:line, exit 2."""
    good = run("packs", "lint", "rules")
    assert good.returncode == 0, good.stderr
    assert good.stdout.count(": ok: pack") == len(list((ROOT / "rules").glob("*.toml")))
    broken = tmp_path / "broken.toml"
    broken.write_text('[pack]\nname = "x"\n\n[[reference]]\nid = "a"\nmin = "lots"\n', encoding="utf-8")
    result = run("packs", "lint", str(broken), "rules")
    assert result.returncode == 2
    assert re.search(re.escape(str(broken)) + r":\d+: ", result.stderr)
    no_traceback(result)


def test_extract_formats(tmp_path: Path) -> None:
    """extract prints figures and dates as text, JSON (with paths) or CSV (with a header)."""
    data = json.loads(run("extract", str(SEED), "--published", "2021-12-08", "--format", "json").stdout)
    assert data["schema"] == "verify-extract/1"
    assert data["documents"][0]["path"] == str(SEED) and data["documents"][0]["published"] == "2021-12-08"
    for row in data["documents"][0]["figures"] + data["documents"][0]["dates"]:
        assert SEED.read_text(encoding="utf-8")[row["start"] : row["end"]] == row["text"]
    csv_out = run("extract", str(SEED), "--format", "csv")
    assert csv_out.returncode == 0
    assert csv_out.stdout.splitlines()[0].startswith("path,type,text,start,end,line,column,kind,value,unit")
    assert run("extract", str(SEED)).returncode == 0
    missing = run("extract", str(tmp_path / "nope.md"))
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_seed_story_fails_the_gate() -> None:
    """The seed story, published 2021-12-08, has findings that fail the default gate (exit 1)."""
    result = script("check", str(SEED.relative_to(ROOT)), "--published", "2021-12-08")
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(r"^fixtures/seed/biden-putin-2021-12-08\.txt:\d+:\d+: (error|warning) ", result.stdout, re.M)


# --- docs/ci.md ---------------------------------------------------------------------------------


def _ci_commands() -> list[str]:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
    return [m.group(1).strip() for block in blocks for m in re.finditer(r"^\s*run: (verify .*)$", block, re.M)]


def test_ci_docs_workflow_commands_run(tmp_path: Path) -> None:
    """The verify commands in docs/ci.md's workflows run and produce what the next step expects."""
    commands = _ci_commands()
    assert len(commands) == 2, commands
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (articles / "flagged.md").write_text(FLAGGED, encoding="utf-8")
    for command in commands:
        args = command.split()[1:]
        result = script(*args, cwd=tmp_path)
        assert result.returncode in (0, 1), result.stderr
        no_traceback(result)
        if "--output" in args:
            assert result.returncode == 0  # the SARIF workflow never fails the step
            log = json.loads((tmp_path / args[args.index("--output") + 1]).read_text(encoding="utf-8"))
            cls = jsonschema.validators.validator_for(SARIF_SCHEMA)
            assert not list(cls(SARIF_SCHEMA).iter_errors(log))
        else:
            assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in result.stdout.splitlines())


def test_pre_commit_hook_points_at_the_command() -> None:
    """.pre-commit-hooks.yaml declares the 'verify' hook running 'verify check' on article files."""
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert re.search(r"^- id: verify$", text, re.M)
    assert re.search(r"^  entry: verify check$", text, re.M)
    files = re.search(r"^  files: (.+)$", text, re.M).group(1)
    for name in ("a.md", "b.txt", "c.html", "d.htm", "e.markdown"):
        assert re.search(files, name)
    assert not re.search(files, "setup.py")


def test_unused_suppression_of_an_unselected_rule_is_not_reported(tmp_path: Path) -> None:
    """A directive for a rule the run does not check is kept quiet; one for a checked rule is reported."""
    path = tmp_path / "a.md"
    path.write_text(FLAGGED.replace("VR999", "VR401"), encoding="utf-8")
    assert run("check", str(path), UNUSED, "--select", "VR5,unused-suppression").returncode == 0
    assert run("check", str(path), UNUSED).returncode == 1
