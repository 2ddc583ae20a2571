"""`tracker extract`: show what a text promises, by when, and what already happened."""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import IO, TYPE_CHECKING, Any

import click

from tracker.cli.context import AppContext
from tracker.cli.jsonout import print_json
from tracker.cli.params import LANGS, date_option
from tracker.errors import InputError, TrackerError

if TYPE_CHECKING:
    from tracker.extract.models import Extraction


@click.command("extract")
@click.argument("source", required=False, metavar="FILE|-")
@date_option("--published", help="Publication date (default: found in the text).")
@click.option("--lang", type=LANGS, help="Language of the text (default: detected).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of tables.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl"]),
    default=None,
    help="Output format; jsonl reads JSON Lines {id, text, published?, lang?} from FILE or stdin.",
)
def extract_cmd(
    source: str | None, published: date | None, lang: str | None, as_json: bool, fmt: str | None
) -> None:
    """Extract commitments, deadlines, undated plans and past events from FILE (or - for stdin).

    \b
    Examples:
      tracker extract seeds/000_79dfbcf063f59fb9.txt
      tracker extract article.txt --published 2026-02-05 --lang de --json
      tracker extract --format jsonl < batch.jsonl > results.jsonl
    """
    from tracker.extract import extract
    from tracker.extract.jsonout import extraction_to_dict

    if fmt == "jsonl":
        stream = sys.stdin if source in (None, "-") else _open_text(source)
        run_jsonl(stream, sys.stdout, published=published, lang=lang)
        return
    if source is None:
        raise click.BadParameter("give a FILE, or - to read stdin", param_hint="FILE|-")
    extraction = extract(read_text(source), published=published, lang=lang)
    if as_json or fmt == "json":
        print_json("extract", extraction_to_dict(extraction))
    else:
        render_extraction(extraction)


def read_text(source: str) -> str:
    """Read a file (or stdin for "-") as text, as `tracker ingest` reads it (one reader)."""
    from tracker.config import load_settings
    from tracker.sources.readers import read_text as read_document_text

    context = click.get_current_context(silent=True)
    app = context.find_object(AppContext) if context is not None else None
    limit = (app.settings if app is not None else load_settings()).max_document_bytes
    return read_document_text(source, sys.stdin.buffer, max_bytes=limit)


def _open_text(source: str) -> IO[str]:
    import io

    return io.StringIO(read_text(source))


def run_jsonl(stream: IO[str], out: IO[str], *, published: date | None, lang: str | None) -> None:
    """Extract each JSON line of `stream`; write one result line per input line, in order."""
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        result = extract_line(line, number, published=published, lang=lang)
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()


def extract_line(
    line: str, number: int, *, published: date | None, lang: str | None
) -> dict[str, Any]:
    """Process one JSON line; a bad line yields {"id", "error"} instead of stopping the batch."""
    from tracker.extract import extract
    from tracker.extract.jsonout import extraction_to_dict

    doc_id: Any = number
    try:
        doc = json.loads(line)
        if not isinstance(doc, dict):
            raise InputError("line is not a JSON object")
        doc_id = doc.get("id", number)
        text = doc.get("text")
        if not isinstance(text, str):
            raise InputError('missing "text"')
        doc_published = _line_date(doc.get("published")) or published
        doc_lang = doc.get("lang") if doc.get("lang") in ("de", "en") else lang
        data = extraction_to_dict(extract(text, published=doc_published, lang=doc_lang))
    except (ValueError, TrackerError) as exc:
        message = " ".join(str(exc).split()) or type(exc).__name__
        return {"id": doc_id, "error": message}
    return {
        "id": doc_id,
        "lang": data["document"]["lang"],
        "commitments": data["commitments"],
        "undated": data["undated"],
        "events": data["events"],
    }


def _line_date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError(f"published is not a YYYY-MM-DD string: {value!r}")
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InputError(f"published is not a YYYY-MM-DD date: {value!r}") from None


def render_extraction(extraction: Extraction) -> None:
    """Print the document line and one table each for commitments, undated plans and events."""
    from rich.console import Console

    out = Console(highlight=False, soft_wrap=False)
    doc = extraction.document
    url = f"  {doc.url}" if doc.url else ""
    out.print(
        f"[bold]{doc.title or '(untitled)'}[/bold]  published {doc.published}  lang {doc.lang}{url}"
    )
    for title, columns, rows in _tables(extraction):
        if not rows:
            out.print(f"{title}: none")
            continue
        from rich.table import Table

        table = Table(*columns, title=title)
        for row in rows:
            table.add_row(*row)
        out.print(table)


Row = tuple[str, ...]


def _tables(x: Extraction) -> list[tuple[str, Row, list[Row]]]:
    from tracker.extract.jsonout import format_date

    dated: list[Row] = [
        (
            c.due.isoformat(),
            c.due_precision,
            c.description or c.deliverable or "-",
            ", ".join(c.actors),
            f"{c.anchor_kind} {c.anchor}",
            c.trigger,
        )
        for c in x.commitments
    ]
    undated: list[Row] = [
        (u.description or u.deliverable or "-", u.reason, ", ".join(u.actors), _short(u.trigger))
        for u in x.undated
    ]
    events: list[Row] = [
        (
            format_date(e.date, e.date_precision),
            e.description or e.key or "-",
            ", ".join(e.actors),
            _short(e.trigger),
        )
        for e in x.events
    ]
    return [
        ("Commitments", ("due", "precision", "what", "actors", "anchor", "evidence"), dated),
        ("Undated", ("what", "why undated", "actors", "evidence"), undated),
        ("Events", ("date", "event", "actors", "evidence"), events),
    ]


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
