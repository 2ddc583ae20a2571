"""Find documents under the given paths and read each into a SourceDocument.

A path that cannot be read yields a ReadFailure naming it; the caller reports it and goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from tracker.errors import InputError
from tracker.sources.decode import decode_text

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


@dataclass(frozen=True)
class SourceDocument:
    """One document to ingest; None fields are detected from the text."""

    name: str
    text: str
    published: date | None = None
    lang: str | None = None
    title: str | None = None
    url: str | None = None


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


def read_path(path: str, stdin: IO[bytes]) -> Iterator[Read]:
    """Read one file (or stdin for '-') into documents; JSON Lines files give several."""
    name = "<stdin>" if path == "-" else path
    try:
        data = stdin.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        yield ReadFailure(name, f"cannot read: {exc.strerror or exc}")
        return
    suffix = Path(path).suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(data, name)
        elif suffix in HTML_SUFFIXES:
            yield _read_html(data, name)
        else:
            yield SourceDocument(name=name, text=decode_text(data, name=name))
    except InputError as exc:
        yield ReadFailure(name, exc.message.removeprefix(f"{name}: "))


def _read_html(data: bytes, name: str) -> SourceDocument:
    from tracker.sources.html import html_to_document

    return html_to_document(decode_text(data, name=name), name=name)


def _read_jsonl(data: bytes, name: str) -> Iterator[Read]:
    text = decode_text(data, name=name)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        line_name = f"{name}:{number}"
        try:
            yield _jsonl_document(json.loads(line), line_name)
        except json.JSONDecodeError as exc:
            yield ReadFailure(line_name, f"invalid JSON ({exc.msg})")
        except InputError as exc:
            yield ReadFailure(line_name, exc.message)


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
