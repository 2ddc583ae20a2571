"""`tracker dates`: the time expressions of a text, read against its publication date."""

from __future__ import annotations

import sys
from datetime import date
from typing import TYPE_CHECKING, Any

import click

from tracker.cli import textinput
from tracker.cli.jsonout import print_json
from tracker.cli.params import LANGS, date_option

if TYPE_CHECKING:
    from tracker.extract.reading import DatedText


@click.command("dates")
@click.argument("source", required=False, metavar="FILE|-")
@date_option("--published", help="The anchor day (default: the publication date in the text).")
@click.option("--lang", type=LANGS, help="Language of the text (default: detected).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl"]),
    default=None,
    help="Output format; jsonl reads JSON Lines {id, text, published?, lang?} from FILE or stdin.",
)
def dates_cmd(
    source: str | None, published: date | None, lang: str | None, as_json: bool, fmt: str | None
) -> None:
    """List the time expressions of FILE (or - for stdin) with the days they stand for.

    \b
    Examples:
      tracker dates article.txt
      tracker dates - --published 2026-02-05 --lang de --json < article.txt
      tracker dates --format jsonl < batch.jsonl > dates.jsonl
    """
    if fmt == "jsonl":
        stream = textinput.open_lines(source)
        textinput.run_jsonl(stream, sys.stdout, _line_fields, published=published, lang=lang)
        return
    if source is None:
        raise click.BadParameter("give a FILE, or - to read stdin", param_hint="FILE|-")
    from tracker.extract.reading import read_dates

    text = textinput.read_text(source)
    with textinput.about(source):
        found = read_dates(text, published=published, lang=lang)
    if as_json or fmt == "json":
        print_json("dates", _document(found))
    else:
        render_dates(found)


def _line_fields(text: str, published: date | None, lang: str | None) -> dict[str, Any]:
    from tracker.extract.dates.expression import expression_to_dict
    from tracker.extract.reading import read_dates

    found = read_dates(text, published=published, lang=lang)
    return {
        "lang": found.lang,
        "published": found.published.isoformat(),
        "dates": [expression_to_dict(e) for e in found.dates],
    }


def _document(found: DatedText) -> dict[str, Any]:
    from tracker.extract.dates.expression import expression_to_dict

    return {
        "document": {"published": found.published.isoformat(), "lang": found.lang},
        "dates": [expression_to_dict(e, full=True) for e in found.dates],
    }


def render_dates(found: DatedText) -> None:
    """Print the anchor line and one row per expression (a table on a terminal, else plain)."""
    from tracker.cli.output import print_rows
    from tracker.cli.params import output_format

    click.echo(f"anchor {found.published}  lang {found.lang}")
    if not found.dates:
        click.echo("Dates: none")
        return
    rows = []
    for e in found.dates:
        days = str(e.value) if e.value else f"{e.start or '…'} – {e.end or '…'}"
        if e.type in ("duration", "set") and not (e.start or e.end):
            days = " + ".join(f"{n} {unit}" for n, unit in e.length) or "-"
        due = str(e.due or "-")
        span = f"{e.span[0]}-{e.span[1]}"
        rows.append(
            [span, e.type, days, due, e.grain, e.direction or "-", " ".join(e.text.split())]
        )
    headers = ["Span", "Type", "Days", "Due", "Grain", "Direction", "Text"]
    print_rows(headers, rows, output=output_format(None, False), title="Dates")
