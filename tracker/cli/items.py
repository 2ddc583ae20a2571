"""Item reading commands: list, upcoming, show, timeline.

They read through `AppContext.reading()` (the bare driver when the schema is current) and
import rich only to draw tables on a terminal, so a piped or `--json` listing starts fast.
"""

from __future__ import annotations

from datetime import date

import click

from tracker.cli.context import AppContext
from tracker.cli.jsonout import print_json
from tracker.cli.output import note, print_items, print_timeline, print_upcoming
from tracker.cli.params import date_option, output_format, output_options, page_options
from tracker.cli.render import TSV_HEADERS, tsv_item_cells, tsv_table, write
from tracker.models import STATUS_WORDS, event_json, item_json
from tracker.services import listing

ITEM_ID = click.IntRange(min=1)
as_of_option = date_option(
    "--as-of", "as_of", help="The day overdue is counted from (default: today)."
)


@click.command("list")
@click.option(
    "--status",
    "words",
    multiple=True,
    type=click.Choice(STATUS_WORDS),
    help="Only items shown with this status (repeatable); overdue: open or extended, past due.",
)
@click.option("--actor", "actors", multiple=True, help="Only items of this actor (any alias).")
@date_option("--from", "due_from", help="Due on or after this date.")
@date_option("--to", "due_to", help="Due on or before this date.")
@as_of_option
@click.option(
    "--sort",
    type=click.Choice(listing.SORTS),
    default="due",
    show_default=True,
    help="Order by due date (undated last), id or last change; a leading - reverses it.",
)
@page_options(200)
@output_options
@click.pass_obj
def list_cmd(
    app: AppContext,
    words: tuple[str, ...],
    actors: tuple[str, ...],
    due_from: date | None,
    due_to: date | None,
    as_of: date | None,
    sort: str,
    limit: int,
    offset: int,
    fmt: str | None,
    as_json: bool,
) -> None:
    """List tracked items by due date, undated last.

    Dates are YYYY-MM-DD, today, tomorrow, yesterday, or an offset from today:
    +10d, -2w, +1m, +1y.

    \b
    Examples:
      tracker list --status open --actor Mexiko --to 2026-06-30
      tracker list --status overdue --sort -due --format tsv | cut -f1,2,7
      tracker list --to +2w --limit 20 --offset 20
    """
    as_of = as_of or app.today()
    with app.reading() as reader:
        page = listing.list_items(
            reader,
            words=words,
            actor_keys=listing.actor_keys(actors),
            due_from=due_from,
            due_to=due_to,
            as_of=as_of,
            sort=sort,
            limit=limit or None,
            offset=offset,
        )
    output = output_format(fmt, as_json)
    if output == "json":
        items = [item_json(i, today=as_of) for i in page.items]
        print_json("list", {"items": items, "truncated": page.more})
        return
    print_items(page.items, output=output, today=as_of)
    if page.more:
        note(
            output,
            f"showing {len(page.items)} items from {offset + 1}; use --offset "
            f"{offset + len(page.items)} for more, --limit 0 for all",
        )


@click.command("upcoming")
@click.option(
    "--days",
    default=30,
    show_default=True,
    type=click.IntRange(min=0),
    help="Window in days from --as-of.",
)
@date_option("--as-of", "as_of", help="Reference date (default: today).")
@page_options(100)
@output_options
@click.pass_obj
def upcoming_cmd(
    app: AppContext,
    days: int,
    as_of: date | None,
    limit: int,
    offset: int,
    fmt: str | None,
    as_json: bool,
) -> None:
    """Open items due in the next DAYS days, most urgent first, and the overdue ones.

    Dates are YYYY-MM-DD, today, tomorrow, yesterday, or an offset from today:
    +10d, -2w, +1m, +1y.

    \b
    Examples:
      tracker upcoming --days 60 --as-of 2026-02-05
      tracker upcoming --as-of tomorrow --format tsv
    """
    as_of = as_of or app.today()
    with app.reading() as reader:
        view = listing.upcoming(reader, as_of=as_of, days=days, limit=limit or None, offset=offset)
    output = output_format(fmt, as_json)
    if output == "json":
        print_json(
            "upcoming",
            {
                "as_of": as_of.isoformat(),
                "until": view.until.isoformat(),
                "overdue": [item_json(i, today=as_of) for i in view.overdue],
                "upcoming": [item_json(i, today=as_of) for i in view.due],
                "truncated": view.has_more,
            },
        )
        return
    print_upcoming(view, output=output)
    if view.has_more:
        note(output, f"showing at most {limit} of each; use --limit or --offset")


@click.command("show")
@click.argument("item_id", type=ITEM_ID, metavar="ID")
@as_of_option
@output_options
@click.pass_obj
def show_cmd(
    app: AppContext, item_id: int, as_of: date | None, fmt: str | None, as_json: bool
) -> None:
    """Show one item with its evidence and history.

    \b
    Examples:
      tracker show 1
      tracker show 1 --json
    """
    as_of = as_of or app.today()
    with app.reading() as reader:
        item = reader.item(item_id)
    output = output_format(fmt, as_json)
    if output == "json":
        print_json("show", {"item": item_json(item, today=as_of)})
    elif output == "tsv":
        write(tsv_table(TSV_HEADERS, [tsv_item_cells(item, as_of)]))
    elif output == "plain":
        from tracker.cli.show import item_text

        write(item_text(item, today=as_of))
    else:
        from tracker.cli.show import render_item
        from tracker.cli.tables import console

        console().print(render_item(item, today=as_of))


@click.command("timeline")
@date_option("--from", "date_from", help="From this date.")
@date_option("--to", "date_to", help="Up to this date.")
@as_of_option
@page_options(200)
@output_options
@click.pass_obj
def timeline_cmd(
    app: AppContext,
    date_from: date | None,
    date_to: date | None,
    as_of: date | None,
    limit: int,
    offset: int,
    fmt: str | None,
    as_json: bool,
) -> None:
    """Past events and deadlines in one chronology.

    Dates are YYYY-MM-DD, today, tomorrow, yesterday, or an offset from today:
    +10d, -2w, +1m, +1y.

    \b
    Examples:
      tracker timeline --from 2026-01-01
      tracker timeline --from -1m --to +3m --format tsv
    """
    as_of = as_of or app.today()
    with app.reading() as reader:
        found = listing.timeline(
            reader, date_from=date_from, date_to=date_to, limit=limit or None, offset=offset
        )
    output = output_format(fmt, as_json)
    if output == "json":
        events = [event_json(e) for e in found.events]
        items = [item_json(i, today=as_of) for i in found.items]
        print_json("timeline", {"events": events, "items": items, "truncated": found.more})
        return
    rows = print_timeline(found.events, found.items, output=output, today=as_of)
    if found.more:
        note(output, f"showing {rows} rows; use --offset {offset + rows} for more")
