"""Reading the texts that `extract` and `dates` work on: a file or stdin, decoded, and JSON
Lines batches of `{"id", "text", "published"?, "lang"?}` (one result line per input line)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import IO, Any

import click

from tracker.cli.context import AppContext
from tracker.errors import InputError, TrackerError


def read_text(source: str) -> str:
    """Read a file (or stdin for "-") as text, as `tracker ingest` reads it (one reader)."""
    from tracker.sources.readers import read_text as read_document_text

    return read_document_text(source, sys.stdin.buffer, max_bytes=_max_bytes())


@contextmanager
def about(source: str) -> Iterator[None]:
    """Name the input in an error about its content, as `tracker ingest` does ("a.txt: ...")."""
    from tracker.sources.readers import STDIN_NAME

    name = STDIN_NAME if source == "-" else source
    try:
        yield
    except TrackerError as exc:
        if exc.message.startswith(f"{name}: "):
            raise
        raise type(exc)(f"{name}: {exc.message}") from exc


def open_lines(source: str | None) -> Iterator[str | InputError]:
    """The JSON lines of a batch, streamed from stdin (None or "-") or the file, one line at a
    time: a batch may be any size, each line (one text) at most `max_document_bytes`."""
    from tracker.sources.readers import text_lines

    return text_lines(source or "-", sys.stdin.buffer, max_bytes=_max_bytes())


def _max_bytes() -> int:
    from tracker.config import load_settings

    context = click.get_current_context(silent=True)
    app = context.find_object(AppContext) if context is not None else None
    return (app.settings if app is not None else load_settings()).max_document_bytes


# One document of a batch: (text, published, lang) -> the result fields for its line.
Handler = Callable[[str, date | None, str | None], dict[str, Any]]


def run_jsonl(
    stream: Iterable[str | InputError],
    out: IO[str],
    handle: Handler,
    *,
    published: date | None,
    lang: str | None,
) -> tuple[int, int]:
    """Handle each JSON line of `stream`; write one result line per input line, in order.

    A bad line gets `{"id", "error"}` and the rest go on. Returns (lines done, lines failed);
    when every line failed, the batch fails too (InputError, after all result lines are out).
    """
    done = failed = 0
    for number, line in enumerate(stream, start=1):
        if isinstance(line, InputError):
            result: dict[str, Any] = {"id": number, "error": line.message}
        elif not line.strip():
            continue
        else:
            result = _line(line, number, handle, published, lang)
        failed += "error" in result
        done += 1
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()
    if done and failed == done:
        raise InputError(f"none of the {done} lines could be read")
    return done, failed


def _line(
    line: str, number: int, handle: Handler, published: date | None, lang: str | None
) -> dict[str, Any]:
    doc_id: Any = number
    try:
        doc = json.loads(line)
        if not isinstance(doc, dict):
            raise InputError("line is not a JSON object")
        doc_id = doc.get("id", number)
        text = doc.get("text")
        if not isinstance(text, str):
            raise InputError('missing "text"')
        doc_published = line_date(doc.get("published")) or published
        doc_lang = line_lang(doc.get("lang")) or lang
        return {"id": doc_id, **handle(text, doc_published, doc_lang)}
    except (ValueError, TrackerError) as exc:
        message = " ".join(str(exc).split()) or type(exc).__name__
        return {"id": doc_id, "error": message}


def line_lang(value: Any) -> str | None:
    """The "lang" field of a line: None, "de" or "en" (anything else is an error, not ignored)."""
    if value in (None, ""):
        return None
    if value not in ("de", "en"):
        raise InputError(f'unsupported "lang": {value!r} (use "de" or "en")')
    return str(value)


def line_date(value: Any) -> date | None:
    """The "published" field of a line: None, or a YYYY-MM-DD string."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError(f"published is not a YYYY-MM-DD string: {value!r}")
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InputError(f"published is not a YYYY-MM-DD date: {value!r}") from None
