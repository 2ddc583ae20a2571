"""`tracker review`: pending change statements and conflicting dates, applied or rejected."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

import click

from tracker.cli.context import AppContext
from tracker.cli.jsonout import print_json
from tracker.cli.params import output_format
from tracker.cli.render import shorten

CHANGE_ID = click.IntRange(min=1)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")


@click.group("review", invoke_without_command=True)
@click.pass_context
def review_group(ctx: click.Context) -> None:
    """Changes read in later texts that no item could be sure of, and conflicting dates.

    \b
    Examples:
      tracker review                      # what waits (same as `tracker review list`)
      tracker review apply 4 --item 12    # item 12 follows change 4
      tracker review apply 7              # a conflict: its item takes the new date
      tracker review reject 5
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(list_cmd)


@review_group.command("list")
@click.option(
    "--all", "include_vague", is_flag=True, help="Also vague ones (no date, no deadline word)."
)
@json_option
@click.pass_obj
def list_cmd(app: AppContext, include_vague: bool = False, as_json: bool = False) -> None:
    """List what waits for review, newest text first."""
    from tracker.cli.output import print_rows
    from tracker.services.review import list_pending

    entries = list_pending(app.engine, include_vague=include_vague)
    if as_json:
        print_json("review list", {"changes": [_json(e) for e in entries]})
        return
    if not entries:
        click.echo("Nothing to review.")
        return
    headers = ["Change", "Kind", "Item", "Date", "Text", "Quote", "Why pending"]
    rows = [
        [
            str(e.id),
            e.kind,
            f"#{e.item}" if e.item else "-",
            _dates(e.old_due, e.new_due, e.shift),
            f"{e.source} ({e.published.isoformat()})",
            shorten(e.quote, 80),
            e.reason,
        ]
        for e in entries
    ]
    print_rows(headers, rows, output=output_format(None, False), title="Pending review")


@review_group.command("apply")
@click.argument("change_id", type=CHANGE_ID, metavar="CHANGE")
@click.option("--item", "item_id", type=click.IntRange(min=1), help="The item it changes.")
@json_option
@click.pass_obj
def apply_cmd(app: AppContext, change_id: int, item_id: int | None, as_json: bool) -> None:
    """Apply a pending change to an item (a conflict: to its own item, taking the new date)."""
    from tracker.services.review import apply

    entry = apply(app.engine, app.settings, app.clock, change_id, item_id)
    if as_json:
        print_json("review apply", {"change": _json(entry)})
    else:
        click.echo(f"change {entry.id} applied to item {entry.item}")


@review_group.command("reject")
@click.argument("change_id", type=CHANGE_ID, metavar="CHANGE")
@json_option
@click.pass_obj
def reject_cmd(app: AppContext, change_id: int, as_json: bool) -> None:
    """Reject a pending change or conflict: nothing changes."""
    from tracker.services.review import reject

    entry = reject(app.engine, app.clock, change_id)
    if as_json:
        print_json("review reject", {"change": _json(entry)})
    else:
        click.echo(f"change {entry.id} rejected")


def _json(entry: Any) -> dict[str, Any]:
    data = asdict(entry)
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in data.items()}


def _dates(old: date | None, new: date | None, shift: str) -> str:
    if new is not None:
        return f"{old.isoformat() if old else '?'} → {new.isoformat()}"
    return shift or "-"
