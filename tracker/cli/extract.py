"""`tracker extract`: show what a text promises, by when, and what already happened."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from datetime import date
from typing import IO, TYPE_CHECKING, Any

import click

from tracker.cli import textinput
from tracker.cli.jsonout import print_json
from tracker.cli.params import LANGS, date_option
from tracker.errors import InputError

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
        run_jsonl(textinput.open_lines(source), sys.stdout, published=published, lang=lang)
        return
    if source is None:
        raise click.BadParameter("give a FILE, or - to read stdin", param_hint="FILE|-")
    text = textinput.read_text(source)
    with textinput.about(source):
        extraction = extract(text, published=published, lang=lang)
    if as_json or fmt == "json":
        print_json("extract", extraction_to_dict(extraction))
    else:
        render_extraction(extraction)


def run_jsonl(
    stream: Iterable[str | InputError], out: IO[str], *, published: date | None, lang: str | None
) -> None:
    """Extract each JSON line of `stream`; write one result line per input line, in order."""
    textinput.run_jsonl(stream, out, _extract_fields, published=published, lang=lang)


def _extract_fields(text: str, published: date | None, lang: str | None) -> dict[str, Any]:
    from tracker.extract import extract
    from tracker.extract.jsonout import extraction_to_dict

    data = extraction_to_dict(extract(text, published=published, lang=lang))
    return {
        "lang": data["document"]["lang"],
        "published": data["document"]["published"],
        "commitments": data["commitments"],
        "undated": data["undated"],
        "events": data["events"],
        "changes": data["changes"],
        "warnings": data["warnings"],
    }


def render_extraction(extraction: Extraction) -> None:
    """Print the document line and one table each for commitments, undated plans and events
    (rich tables on a terminal, aligned plain text when piped)."""
    from tracker.cli.output import print_rows
    from tracker.cli.params import output_format

    doc = extraction.document
    url = f"  {doc.url}" if doc.url else ""
    click.echo(f"{doc.title or '(untitled)'}  published {doc.published}  lang {doc.lang}{url}")
    output = output_format(None, False)
    for title, columns, rows in _tables(extraction):
        if not rows:
            click.echo(f"{title}: none")
            continue
        print_rows(columns, rows, output=output, title=title)


Row = tuple[str, ...]


def _tables(x: Extraction) -> list[tuple[str, Row, list[Row]]]:
    from tracker.extract.jsonout import anchor_kind_name, format_date

    dated: list[Row] = [
        (
            c.due.isoformat(),
            c.due_precision,
            c.description or c.deliverable or "-",
            ", ".join(c.actors),
            f"{anchor_kind_name(c.anchor_kind)} {c.anchor}",
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
