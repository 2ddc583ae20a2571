"""Item reading commands: list, upcoming, show, timeline."""

from __future__ import annotations

from datetime import date

import click
from rich.text import Text

from tracker.cli.context import AppContext
from tracker.cli.jsonout import print_json
from tracker.cli.params import date_option
from tracker.cli.render import console, items_table, timeline_table
from tracker.models import STATUSES, event_json, item_json
from tracker.services import items as service
from tracker.store import repository
from tracker.store.session import read_session

ITEM_ID = click.IntRange(min=1)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")


@click.command("list")
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice(STATUSES),
    help="Only items with this status (repeatable).",
)
@click.option("--actor", "actors", multiple=True, help="Only items of this actor (any alias).")
@date_option("--from", "due_from", help="Due on or after this date.")
@date_option("--to", "due_to", help="Due on or before this date.")
@click.option(
    "--limit",
    default=200,
    show_default=True,
    type=click.IntRange(min=0),
    help="At most this many items (0: all).",
)
@json_option
@click.pass_obj
def list_cmd(
    app: AppContext,
    statuses: tuple[str, ...],
    actors: tuple[str, ...],
    due_from: date | None,
    due_to: date | None,
    limit: int,
    as_json: bool,
) -> None:
    """List tracked items by due date, undated last.

    \b
    Example:
      tracker list --status open --actor Mexiko --to 2026-06-30
    """
    keys = service.actor_keys(list(actors))
    with read_session(app.engine) as session:
        items = repository.list_items(
            session,
            statuses=statuses,
            actor_keys=keys,
            due_from=due_from,
            due_to=due_to,
            limit=limit + 1 if limit else None,
        )
    more = bool(limit) and len(items) > limit
    items = items[:limit] if limit else items
    if as_json:
        print_json("list", {"items": [item_json(i) for i in items], "truncated": more})
        return
    out = console()
    out.print(items_table(items, today=service.today(app.settings, app.clock)))
    if more:
        out.print(f"[dim]showing the first {limit}; use --limit 0 for all[/dim]")


@click.command("upcoming")
@click.option(
    "--days",
    default=30,
    show_default=True,
    type=click.IntRange(min=0),
    help="Window in days from --as-of.",
)
@date_option("--as-of", "as_of", help="Reference date (default: today).")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(min=1))
@json_option
@click.pass_obj
def upcoming_cmd(app: AppContext, days: int, as_of: date | None, limit: int, as_json: bool) -> None:
    """Open items due in the next DAYS days, most urgent first, and the overdue ones.

    \b
    Example:
      tracker upcoming --days 60 --as-of 2026-02-05
    """
    as_of = as_of or service.today(app.settings, app.clock)
    view = service.upcoming(app.engine, as_of=as_of, days=days, limit=limit)
    if as_json:
        print_json(
            "upcoming",
            {
                "as_of": as_of.isoformat(),
                "until": view.until.isoformat(),
                "overdue": [item_json(i) for i in view.overdue],
                "upcoming": [item_json(i) for i in view.due],
            },
        )
        return
    out = console()
    if view.overdue:
        out.print(items_table(view.overdue, title="Overdue", today=as_of, show_days=True))
    title = f"Due {as_of.isoformat()} to {view.until.isoformat()}"
    out.print(
        items_table(view.due, title=title, today=as_of, show_days=True)
        if view.due
        else Text(f"Nothing due from {as_of.isoformat()} to {view.until.isoformat()}.")
    )
    if view.has_more:
        out.print(f"[dim]showing the first {limit} of each; use --limit[/dim]")


@click.command("show")
@click.argument("item_id", type=ITEM_ID, metavar="ID")
@json_option
@click.pass_obj
def show_cmd(app: AppContext, item_id: int, as_json: bool) -> None:
    """Show one item with its evidence and history.

    \b
    Example:
      tracker show 1 --json
    """
    with read_session(app.engine) as session:
        item = repository.get_item(session, item_id)
    if as_json:
        print_json("show", {"item": item_json(item)})
        return
    from tracker.cli.show import render_item

    console().print(render_item(item, today=service.today(app.settings, app.clock)))


@click.command("timeline")
@date_option("--from", "date_from", help="From this date.")
@date_option("--to", "date_to", help="Up to this date.")
@json_option
@click.pass_obj
def timeline_cmd(
    app: AppContext, date_from: date | None, date_to: date | None, as_json: bool
) -> None:
    """Past events and deadlines in one chronology.

    \b
    Example:
      tracker timeline --from 2026-01-01
    """
    events, items = service.timeline(app.engine, date_from=date_from, date_to=date_to)
    if as_json:
        print_json(
            "timeline",
            {"events": [event_json(e) for e in events], "items": [item_json(i) for i in items]},
        )
        return
    console().print(timeline_table(events, items, service.today(app.settings, app.clock)))
