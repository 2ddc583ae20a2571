"""Find documents under the given paths and read each into a SourceDocument.

A path that cannot be read yields a ReadFailure naming it; the caller reports it and goes on.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import IO, Any

from tracker.errors import InputError
from tracker.sources.decode import decode_text

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
STDIN_NAME = "<stdin>"


@dataclass(frozen=True)
class SourceDocument:
    """One document to ingest; None fields are detected from the text.

    `name` is what is stored: the absolute path of a file (so it means the same wherever ingest
    ran), or a source name. `display_name` is how messages name it (the path as typed).
    """

    name: str
    text: str
    published: date | None = None
    lang: str | None = None
    title: str | None = None
    url: str | None = None
    display_name: str | None = None

    @property
    def shown(self) -> str:
        return self.display_name or self.name


@dataclass(frozen=True)
class ReadFailure:
    name: str
    message: str


Read = SourceDocument | ReadFailure


def expand_paths(paths: list[str]) -> Iterator[str]:
    """Yield '-' and files as given, and the known document files inside folders (sorted)."""
    for raw in paths:
        path = Path(raw)
        if raw != "-" and path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in KNOWN_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            yield from (str(p) for p in found)
        else:
            yield raw


def stored_name(path: str) -> str:
    """The source name stored for `path`: its absolute path ('-' is stdin)."""
    return STDIN_NAME if path == "-" else os.path.abspath(path)


def read_bytes(path: str, stdin: IO[bytes], *, max_bytes: int) -> bytes:
    """Read a file (or stdin for '-'), refusing more than `max_bytes` without reading it all."""
    name = STDIN_NAME if path == "-" else path
    try:
        if path == "-":
            data = stdin.read(max_bytes + 1)
        else:
            with open(path, "rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                if size > max_bytes:
                    raise _too_large(name, size, max_bytes)
                data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise _too_large(name, None, max_bytes)
    return data


def read_text(path: str, stdin: IO[bytes], *, max_bytes: int) -> str:
    """Read one text (encoding detected); InputError "NAME: why" for what is not a text."""
    data = read_bytes(path, stdin, max_bytes=max_bytes)
    return decode_text(data, name=STDIN_NAME if path == "-" else path)


def read_path(path: str, stdin: IO[bytes], *, max_bytes: int) -> Iterator[Read]:
    """Read one file (or stdin for '-') into documents; JSON Lines files give several.

    Every failure names the path as given; a JSON Lines file is read a line at a time, each
    line (one document) limited to `max_bytes`.
    """
    shown = STDIN_NAME if path == "-" else path
    suffix = Path(path).suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES and path != "-":
            yield from _read_jsonl(path, max_bytes)
            return
        text = read_text(path, stdin, max_bytes=max_bytes)
        if suffix in HTML_SUFFIXES:
            yield replace(_read_html(text, stored_name(path)), display_name=shown)
        else:
            yield SourceDocument(name=stored_name(path), text=text, display_name=shown)
    except InputError as exc:
        yield ReadFailure(shown, exc.message.removeprefix(f"{shown}: "))


def _too_large(name: str, size: int | None, limit: int) -> InputError:
    return InputError(f"{name}: {_too_large_reason(size, limit)}")


def _too_large_reason(size: int | None, limit: int) -> str:
    found = f"{_megabytes(size)}, " if size is not None else ""
    return (
        f"too large ({found}more than max_document_bytes = {_megabytes(limit)});"
        " split it, or raise the limit with TRACKER_MAX_DOCUMENT_BYTES"
    )


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def _read_html(text: str, name: str) -> SourceDocument:
    from tracker.sources.html import html_to_document

    return html_to_document(text, name=name)


def _read_jsonl(path: str, max_bytes: int) -> Iterator[Read]:
    try:
        handle = open(path, "rb")  # noqa: SIM115 (closed by the with below)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    with handle:
        for number, raw in enumerate(_bounded_lines(handle, max_bytes), start=1):
            shown = f"{path}:{number}"
            if raw is None:
                yield ReadFailure(shown, _too_large_reason(None, max_bytes))
            elif raw.strip():
                yield _jsonl_line(raw, shown, stored=f"{stored_name(path)}:{number}")


def text_lines(path: str, stdin: IO[bytes], *, max_bytes: int) -> Iterator[str | InputError]:
    """Stream the lines of a file (or stdin for '-') decoded one at a time, each line limited
    to `max_bytes`: an oversized or undecodable line comes as an InputError, the rest go on."""
    name = STDIN_NAME if path == "-" else path
    try:
        handle = stdin if path == "-" else open(path, "rb")  # noqa: SIM115 (closed below)
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from exc
    try:
        for number, raw in enumerate(_bounded_lines(handle, max_bytes), start=1):
            if raw is None:
                yield InputError(_too_large_reason(None, max_bytes))
                continue
            try:
                yield decode_text(raw, name=f"{name}:{number}")
            except InputError as exc:
                yield InputError(exc.message.removeprefix(f"{name}:{number}: "))
    finally:
        if handle is not stdin:
            handle.close()


def _bounded_lines(handle: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """Yield each line, or None for a line longer than `limit` (skipped without keeping it)."""
    while line := handle.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
            pass
        yield None


def _jsonl_line(raw: bytes, shown: str, *, stored: str) -> Read:
    try:
        record = json.loads(decode_text(raw, name=shown))
        doc = _jsonl_document(record, stored)
    except json.JSONDecodeError as exc:
        return ReadFailure(shown, f"invalid JSON ({exc.msg})")
    except InputError as exc:
        return ReadFailure(shown, exc.message.removeprefix(f"{shown}: "))
    # A record's own source or id names it in messages; else the line of the file.
    return replace(doc, display_name=shown if doc.name == stored else doc.name)


def _jsonl_document(record: Any, name: str) -> SourceDocument:
    if not isinstance(record, dict):
        raise InputError("expected a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("missing or empty 'text'")
    return SourceDocument(
        name=str(record.get("source") or record.get("id") or name),
        text=text,
        published=parse_iso_date(record.get("published"), what="'published'"),
        lang=_optional_str(record, "lang"),
        title=_optional_str(record, "title"),
        url=_optional_str(record, "url") or _optional_str(record, "source_url"),
    )


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"'{key}' must be a string")
    return value


def parse_iso_date(value: Any, *, what: str = "date") -> date | None:
    """Parse YYYY-MM-DD (or a longer ISO timestamp); None stays None."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"{what} must be a YYYY-MM-DD string")
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError as exc:
        raise InputError(f"{what} {value!r} is not a YYYY-MM-DD date") from exc
