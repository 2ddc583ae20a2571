"""Item changing commands: status, extend."""

from __future__ import annotations

from datetime import date

import click

from tracker.cli.context import AppContext
from tracker.cli.jsonout import print_json
from tracker.cli.params import date_option
from tracker.models import STATUS_WORDS, item_json
from tracker.services import items as service

ITEM_ID = click.IntRange(min=1)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")


@click.command("status")
@click.argument("item_id", type=ITEM_ID, metavar="ID")
@click.argument("status", type=click.Choice(STATUS_WORDS))
@click.option("--note", help="Why (kept in the history).")
@json_option
@click.pass_obj
def status_cmd(app: AppContext, item_id: int, status: str, note: str | None, as_json: bool) -> None:
    """Set an item's status; met and cancelled stop its reminders.

    extended restores an item whose due date was moved before (`tracker extend` moves it);
    overdue follows from the due date and is never set.

    \b
    Example:
      tracker status 3 met --note "MoU signed on 2026-03-02"
    """
    item = service.set_status(app.engine, app.settings, app.clock, item_id, status, note)
    if as_json:
        print_json("status", {"item": item_json(item, today=app.today())})
    else:
        click.echo(f"item {item.id} is now {item.status}")


@click.command("extend")
@click.argument("item_id", type=ITEM_ID, metavar="ID")
@date_option("--due", required=True, help="The new due date.")
@click.option("--note", help="Why (kept in the history).")
@click.option("--advance", is_flag=True, help="Allow a date earlier than the current one.")
@click.option("--reopen", is_flag=True, help="Allow extending a met or cancelled item.")
@json_option
@click.pass_obj
def extend_cmd(
    app: AppContext,
    item_id: int,
    due: date,
    note: str | None,
    advance: bool,
    reopen: bool,
    as_json: bool,
) -> None:
    """Move an item's due date; the old date stays in the history and reminders are re-planned.

    An earlier date needs --advance, a met or cancelled item --reopen.

    \b
    Example:
      tracker extend 2 --due 2026-05-06 --note "USTR extended the plan by 30 days"
    """
    item = service.extend(
        app.engine, app.settings, app.clock, item_id, due, note, advance=advance, reopen=reopen
    )
    if as_json:
        print_json("extend", {"item": item_json(item)})
    else:
        click.echo(f"item {item.id} is now due {due.isoformat()} (extended)")
