"""The one reader of files: names, encodings, limits, JSON Lines a line at a time."""

from __future__ import annotations

import io
import json

import pytest

from tracker.errors import InputError
from tracker.sources.readers import ReadFailure, SourceDocument, read_path, read_text

TEXT = "Kiel, 02.03.2026\n\nDas Land will innerhalb von 30 Tagen einen Plan vorlegen.\n"


def _read(path, stdin=b"", max_bytes=10_000):
    return list(read_path(str(path), io.BytesIO(stdin), max_bytes=max_bytes))


def test_a_relative_path_is_stored_absolute_and_named_as_typed(tmp_path, monkeypatch):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    [doc] = _read("../texts/a.txt")
    assert isinstance(doc, SourceDocument)
    assert doc.name == str(tmp_path / "texts" / "a.txt")
    assert doc.shown == "../texts/a.txt"


def test_stdin_is_named_stdin():
    [doc] = _read("-", stdin=TEXT.encode())
    assert isinstance(doc, SourceDocument)
    assert (doc.name, doc.shown) == ("<stdin>", "<stdin>")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty document"),
        (b"\x00\x01\x02binary\x00" * 20, "binary file, not text"),
        (b"x" * 10_001, "too large (10,001 bytes, more than max_document_bytes = 10,000 bytes)"),
    ],
)
def test_bad_files_fail_with_the_same_reason_for_both_readers(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    [failure] = _read(path)
    with pytest.raises(InputError) as caught:
        read_text(str(path), io.BytesIO(), max_bytes=10_000)
    assert isinstance(failure, ReadFailure)
    assert failure.name == str(path)
    assert failure.message.startswith(reason)
    assert caught.value.message == f"{path}: {failure.message}"


def test_jsonl_lines_are_limited_one_by_one(tmp_path):
    good = json.dumps({"text": TEXT, "id": "kurz"})
    long = json.dumps({"text": "Langer Text. " * 2_000, "id": "lang"})
    path = tmp_path / "batch.jsonl"
    path.write_text(f"{good}\n{long}\n\n{good.replace('kurz', 'noch')}\n", encoding="utf-8")
    reads = _read(path, max_bytes=5_000)

    assert [r.name if isinstance(r, ReadFailure) else r.shown for r in reads] == [
        "kurz",
        f"{path}:2",
        "noch",
    ]
    assert isinstance(reads[1], ReadFailure)
    assert reads[1].message.startswith("too large (more than max_document_bytes = 5,000 bytes)")


def test_jsonl_without_names_is_stored_by_absolute_path_and_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": TEXT}) + "\n", encoding="utf-8")
    [doc] = _read("b.jsonl")
    assert isinstance(doc, SourceDocument)
    assert (doc.name, doc.shown) == (f"{tmp_path}/b.jsonl:1", "b.jsonl:1")
