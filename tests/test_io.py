"""Reading articles: discovery, decoding, limits, and one clear error per bad input."""

from __future__ import annotations

import builtins
import os
from pathlib import Path

import pytest

from verify import io
from verify.errors import InputError


def test_discover_walks_folders_for_articles_only(tmp_path: Path) -> None:
    """Folders are walked in name order for article suffixes; hidden files and folders are skipped."""
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("a.md", "b/c.txt", "b/d.HTML", "b/e.htm", "b/f.markdown", "b/notes.rst", "b/.hidden.md", ".git/x.md"):
        (tmp_path / name).write_text("text", encoding="utf-8")
    found = [Path(t.path).relative_to(tmp_path).as_posix() for t in io.discover([str(tmp_path)])]
    assert found == ["a.md", "b/c.txt", "b/d.HTML", "b/e.htm", "b/f.markdown"]


def test_discover_keeps_bad_paths_as_errors_in_order(tmp_path: Path) -> None:
    """A missing path and an empty folder become targets carrying an error; the rest are kept."""
    good = tmp_path / "a.txt"
    good.write_text("x", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    targets = io.discover([str(tmp_path / "missing.md"), str(good), str(tmp_path / "empty")])
    assert [t.error is None for t in targets] == [False, True, False]
    assert "no such file or directory" in str(targets[0].error)
    assert str(tmp_path / "missing.md") in str(targets[0].error)
    assert "no articles" in str(targets[2].error)


def test_discover_names_each_file_once(tmp_path: Path) -> None:
    """A file named twice, or named and inside a named folder, is checked once."""
    good = tmp_path / "a.txt"
    good.write_text("x", encoding="utf-8")
    assert len(io.discover([str(good), str(tmp_path), str(good)])) == 1


def test_explicit_file_is_read_whatever_its_suffix(tmp_path: Path) -> None:
    """A file named on the command line is read even without an article suffix."""
    other = tmp_path / "story.rst"
    other.write_text("Text.", encoding="utf-8")
    assert [t.path for t in io.discover([str(other)])] == [str(other)]


def test_read_text_utf8_and_bom(tmp_path: Path) -> None:
    """UTF-8 is the default; a UTF-8 BOM is dropped; a UTF-16 BOM selects UTF-16."""
    plain, bom, wide = tmp_path / "p.txt", tmp_path / "b.txt", tmp_path / "w.txt"
    plain.write_bytes("Zürich €5".encode())
    bom.write_bytes(b"\xef\xbb\xbf" + "Zürich".encode())
    wide.write_bytes("Zürich 5".encode("utf-16"))
    assert io.read_text(str(plain)) == "Zürich €5"
    assert io.read_text(str(bom)) == "Zürich"
    assert io.read_text(str(wide)) == "Zürich 5"


def test_undecodable_bytes_give_the_byte_offset(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 are reported with their offset; --encoding reads them."""
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf".encode() + b"\xe9 prices rose.")
    with pytest.raises(InputError) as info:
        io.read_text(str(path))
    message = str(info.value)
    assert message.startswith(str(path)) and "byte offset 3" in message and "--encoding" in message
    assert io.read_text(str(path), encoding="latin-1") == "Café prices rose."


def test_unknown_encoding_is_an_input_error(tmp_path: Path) -> None:
    """An encoding Python does not know is named in the error."""
    path = tmp_path / "a.txt"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        io.read_text(str(path), encoding="klingon")


def test_binary_file_is_refused(tmp_path: Path) -> None:
    """A NUL byte near the start means a binary file, reported with its offset."""
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match=r"binary file \(NUL byte at byte offset 8\)"):
        io.read_text(str(path))


def test_empty_file_is_refused(tmp_path: Path) -> None:
    """An empty or blank file is an error: there is nothing to check."""
    path = tmp_path / "blank.md"
    path.write_text("  \n\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty file"):
        io.read_text(str(path))


def test_file_over_the_limit_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file over max_bytes is an error, and it is never opened."""
    path = tmp_path / "big.txt"
    path.write_text("x" * 2000, encoding="utf-8")
    opened = []
    real_open = builtins.open
    monkeypatch.setattr(builtins, "open", lambda *a, **k: opened.append(a) or real_open(*a, **k))
    with pytest.raises(InputError, match=r"2,000 bytes, over the limit of 1,000 bytes"):
        io.read_text(str(path), max_bytes=1000)
    assert not opened
    assert io.read_text(str(path), max_bytes=2000) == "x" * 2000


def test_stream_over_the_limit_is_refused(tmp_path: Path) -> None:
    """Standard input longer than max_bytes is refused too."""
    import io as stdio

    with pytest.raises(InputError, match="over the limit of 10 bytes"):
        io.read_stream(stdio.BytesIO(b"x" * 11), name="<stdin>", max_bytes=10)
    assert io.read_stream(stdio.BytesIO(b"x" * 10), name="<stdin>", max_bytes=10) == "x" * 10


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unreadable file is reported as permission denied (simulated: tests may run as root)."""
    path = tmp_path / "secret.txt"
    path.write_text("x", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(builtins, "open", refuse)
    with pytest.raises(InputError, match="permission denied") as info:
        io.read_text(str(path))
    assert info.value.path == str(path)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    """Reading a missing path or a folder gives a clear error."""
    with pytest.raises(InputError, match="no such file"):
        io.read_text(str(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="is a directory"):
        io.read_text(str(tmp_path))


def test_write_atomic_replaces_and_leaves_no_temporary(tmp_path: Path) -> None:
    """The report replaces the old file whole, and no temporary file is left behind."""
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    io.write_atomic(str(target), "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert os.listdir(tmp_path) == ["report.json"]


def test_write_atomic_failure_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the rename fails, the previous report is intact and the temporary file is removed."""
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(InputError, match="cannot write the report"):
        io.write_atomic(str(target), "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["report.json"]


# --- what is prose (verify.markup) ---------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_addresses_are_not_prose(fmt: str) -> None:
    """URLs and e-mail addresses are masked in every format; trailing punctuation and offsets stay."""
    from verify.markup import mask

    text = "Read https://news.example.com/2021/12/08/aid-250.html. Mail desk2021@example.org, or (www.example.org/a_(b)) 5 times."
    prose, _ = mask(text, fmt)
    assert len(prose) == len(text)
    for hidden in ("2021/12/08", "250", "desk2021", "example.org/a_(b)"):
        assert hidden not in prose
    assert prose.index(". Mail") == text.index(". Mail")
    assert prose.endswith(") 5 times.") and "(" in prose


def test_plain_text_without_markup_is_its_own_prose() -> None:
    """Plain text with no directive or address is read exactly as written."""
    from verify.markup import mask

    text = "Prices rose 5% on Tuesday, December 7, to $2.5 billion.\n"
    assert mask(text, "text") == (text, {})


def test_toml_front_matter_sets_the_date_and_is_masked() -> None:
    """Hugo-style +++ TOML front matter gives the publication date and is not prose."""
    from verify.document import Document

    text = '+++\ntitle = "Budget up 5%"\ndate = 2021-12-08T10:00:00Z\n+++\n\nThe budget rose.\n'
    doc = Document.from_text(text, path="story.md")
    assert str(doc.published) == "2021-12-08"
    assert "5%" not in doc.prose and doc.prose.endswith("The budget rose.\n")
