"""Correcting items by hand: merge, split, edit (all kept in the history)."""

from __future__ import annotations

import click

from tracker.cli.context import AppContext
from tracker.cli.jsonout import print_json
from tracker.models import ItemView, item_json

ITEM_ID = click.IntRange(min=1)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")


@click.command("merge")
@click.argument("keep_id", type=ITEM_ID, metavar="A")
@click.argument("other_id", type=ITEM_ID, metavar="B")
@click.option("--note", help="Why (kept in the history).")
@json_option
@click.pass_obj
def merge_cmd(
    app: AppContext, keep_id: int, other_id: int, note: str | None, as_json: bool
) -> None:
    """Fold item B into item A: one commitment found twice (A keeps its due date and status).

    \b
    Example:
      tracker merge 3 7 --note "the same memorandum, reported in German and English"
    """
    from tracker.services.corrections import merge

    item = merge(app.engine, app.settings, app.clock, keep_id, other_id, note)
    _done("merge", item, f"item {other_id} merged into item {item.id}", as_json)


@click.command("split")
@click.argument("item_id", type=ITEM_ID, metavar="ID")
@click.option(
    "--source",
    "source",
    type=click.IntRange(min=1),
    required=True,
    help="Which source to move (1: the first, as `tracker show` numbers them).",
)
@click.option("--note", help="Why (kept in the history).")
@json_option
@click.pass_obj
def split_cmd(app: AppContext, item_id: int, source: int, note: str | None, as_json: bool) -> None:
    """Move one source of an item to an item of its own: two commitments merged by mistake.

    \b
    Example:
      tracker split 4 --source 2
    """
    from tracker.services.corrections import split

    item = split(app.engine, app.settings, app.clock, item_id, source, note)
    _done("split", item, f"source {source} of item {item_id} is now item {item.id}", as_json)


@click.command("edit")
@click.argument("item_id", type=ITEM_ID, metavar="ID")
@click.option("--description", help="The new description.")
@click.option("--actor", "actors", multiple=True, help="Who owes it (repeat; replaces the actors).")
@json_option
@click.pass_obj
def edit_cmd(
    app: AppContext, item_id: int, description: str | None, actors: tuple[str, ...], as_json: bool
) -> None:
    """Correct an item's description or actors.

    \b
    Example:
      tracker edit 5 --description "Bundesrat decides on the heating law" --actor Bundesrat
    """
    from tracker.services.corrections import edit

    item = edit(
        app.engine, app.settings, app.clock, item_id,
        description=description, actors=list(actors) if actors else None,
    )  # fmt: skip
    _done("edit", item, f"item {item.id} edited", as_json)


def _done(command: str, item: ItemView, message: str, as_json: bool) -> None:
    if as_json:
        print_json(command, {"item": item_json(item)})
    else:
        click.echo(message)
