"""Configuration files: discovery like ruff, every key, and errors that name key and file."""

from __future__ import annotations

from pathlib import Path

import pytest

from verify.config import Config, find_config, load_config
from verify.errors import ConfigError

FULL = """
[project]
name = "copy"

[tool.verify]
packs = ["packs/newsroom.toml"]
default-packs = false
select = ["VR4"]
ignore = ["share"]
fail-on = "error"
severity = { VR401 = "info", sum = "error" }
per-file-ignores = { "opinion/*.md" = ["percent-change"], "*.html" = ["VR403"] }
published-from = "pubdate"
"""


def test_pyproject_tool_verify_every_key(tmp_path: Path) -> None:
    """Every key of [tool.verify] is read; packs resolve from the config's folder; codes become ids."""
    path = tmp_path / "pyproject.toml"
    path.write_text(FULL, encoding="utf-8")
    config = load_config(path)
    assert config.packs == (str(tmp_path / "packs" / "newsroom.toml"),)
    assert config.default_packs is False
    assert config.select == ("VR4",) and config.ignore == ("share",)
    assert config.fail_on == "error"
    assert config.severity == {"percent-change": "info", "sum": "error"}
    assert config.published_from == "pubdate"
    assert config.path == str(path)


def test_per_file_ignores_match_relative_globs(tmp_path: Path) -> None:
    """A glob matched against the path relative to the config's folder adds its rules to ignore."""
    path = tmp_path / "pyproject.toml"
    path.write_text(FULL, encoding="utf-8")
    config = load_config(path)
    opinion = config.for_file(str(tmp_path / "opinion" / "col.md"))
    assert not opinion.enabled("percent-change", "VR401")
    assert opinion.enabled("sum", "VR403")
    page = config.for_file(str(tmp_path / "news" / "page.html"))
    assert not page.enabled("sum", "VR403") and page.enabled("percent-change", "VR401")
    news = config.for_file(str(tmp_path / "news" / "story.md"))
    assert news.enabled("percent-change", "VR401")


def test_verify_toml_has_keys_at_top_level(tmp_path: Path) -> None:
    """verify.toml holds the settings at its top level."""
    path = tmp_path / "verify.toml"
    path.write_text('fail-on = "info"\nignore = ["VR402"]\n', encoding="utf-8")
    config = load_config(path)
    assert config.fail_on == "info" and config.ignore == ("VR402",)


def test_find_config_walks_up_like_ruff(tmp_path: Path) -> None:
    """The nearest folder with a config wins; a pyproject without [tool.verify] is passed over."""
    (tmp_path / "pyproject.toml").write_text(FULL, encoding="utf-8")
    inner = tmp_path / "desk" / "politics"
    inner.mkdir(parents=True)
    (tmp_path / "desk" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    article = inner / "story.md"
    article.write_text("x", encoding="utf-8")
    assert find_config(article) == tmp_path / "pyproject.toml"
    (tmp_path / "desk" / "verify.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    assert find_config(article) == tmp_path / "desk" / "verify.toml"


def test_verify_toml_wins_over_pyproject_in_one_folder(tmp_path: Path) -> None:
    """In the same folder verify.toml is used rather than pyproject.toml."""
    (tmp_path / "pyproject.toml").write_text(FULL, encoding="utf-8")
    (tmp_path / "verify.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    assert find_config(tmp_path) == tmp_path / "verify.toml"


def test_unknown_key_names_key_file_and_line(tmp_path: Path) -> None:
    """An unknown key is an error that names the key, the file and its line."""
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.verify]\nfail-on = "error"\nfail_level = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert message.startswith(f"{path}:3: ") and "unknown key 'fail_level'" in message


def test_underscore_spelling_gets_a_hint(tmp_path: Path) -> None:
    """default_packs (underscore) is unknown, with a hint at default-packs."""
    path = tmp_path / "verify.toml"
    path.write_text("default_packs = false\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="did you mean 'default-packs'"):
        load_config(path)


def test_broken_toml_names_the_line(tmp_path: Path) -> None:
    """Invalid TOML is a ConfigError with the file and line of the syntax error."""
    path = tmp_path / "verify.toml"
    path.write_text('fail-on = "error"\nselect = [\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid TOML") as info:
        load_config(path)
    assert info.value.path == str(path) and info.value.line is not None


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('fail-on = "sometimes"', "'fail-on' must be one of error, warning, info, never"),
        ("select = 5", "'select' must be a list of strings"),
        ('select = ["no-such-rule"]', "unknown rule 'no-such-rule'"),
        ('severity = { VR401 = "fatal" }', "must be one of error, warning, info"),
        ('severity = { nope = "info" }', "unknown rule 'nope'"),
        ('per-file-ignores = { "*.md" = ["zzz"] }', "unknown rule 'zzz'"),
        ('default-packs = "yes"', "'default-packs' must be true or false"),
        ("published-from = 3", "'published-from' must be the name"),
    ],
)
def test_bad_values_are_config_errors(tmp_path: Path, body: str, expected: str) -> None:
    """Each wrong type or unknown rule is a ConfigError naming the key and the file."""
    path = tmp_path / "verify.toml"
    path.write_text(body + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert expected in str(info.value) and str(path) in str(info.value)


def test_missing_config_file(tmp_path: Path) -> None:
    """A --config path that does not exist is a ConfigError."""
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "nope.toml")


def test_enabled_by_id_code_or_prefix() -> None:
    """select and ignore take ids, codes or prefixes of either."""
    config = Config(select=("VR4",), ignore=("share",))
    assert config.enabled("percent-change", "VR401")
    assert not config.enabled("share", "VR402")
    assert not config.enabled("weekday-mismatch", "VR501")
    assert Config(ignore=("percent",)).enabled("sum", "VR403")
    assert not Config(ignore=("percent",)).enabled("percent-change", "VR401")
