"""Print listings in the chosen format: a rich table (terminal), aligned plain text, or TSV.

(JSON goes through tracker.cli.jsonout.) rich is imported only for the terminal tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import click

from tracker.cli.render import (
    TIMELINE_HEADERS,
    TSV_HEADERS,
    item_cells,
    item_headers,
    plain_table,
    timeline_rows,
    tsv_item_cells,
    tsv_table,
    write,
)
from tracker.models import EventView, ItemView
from tracker.services.listing import Upcoming


def print_items(
    items: Sequence[ItemView],
    *,
    output: str,
    today: date,
    title: str | None = None,
    when: bool = False,
) -> None:
    """Print items; say so when there are none (TSV: the header alone)."""
    if output == "tsv":
        write(tsv_table(TSV_HEADERS, [tsv_item_cells(i, today) for i in items]))
    elif not items:
        write("No items.\n")
    elif output == "plain":
        heading = f"{title}\n" if title else ""
        rows = [item_cells(i, today, when=when) for i in items]
        write(heading + plain_table(item_headers(when=when), rows))
    else:
        from tracker.cli.tables import console, items_table

        console().print(items_table(items, today=today, title=title, when=when))


def print_upcoming(view: Upcoming, *, output: str) -> None:
    """Print the overdue items, then those due in the window (TSV: one table of both)."""
    window = f"{view.as_of.isoformat()} to {view.until.isoformat()}"
    if output == "tsv":
        rows = [tsv_item_cells(i, view.as_of) for i in [*view.overdue, *view.due]]
        write(tsv_table(TSV_HEADERS, rows))
        return
    if not view.overdue and not view.due:
        write(f"No items due from {window}, and none overdue.\n")
        return
    if view.overdue:
        print_items(view.overdue, output=output, today=view.as_of, title="Overdue", when=True)
        if output == "plain":
            write("\n")
    if view.due:
        print_items(view.due, output=output, today=view.as_of, title=f"Due {window}", when=True)
    else:
        write(f"Nothing due from {window}.\n")


def print_timeline(
    events: Sequence[EventView], items: Sequence[ItemView], *, output: str, today: date
) -> int:
    """Print events and dated items in one chronology; return the number of rows."""
    rows = timeline_rows(events, items, today)
    if output == "tsv":
        write(tsv_table(TIMELINE_HEADERS, [cells for _, cells in rows]))
    elif not rows:
        write("No events or items.\n")
    elif output == "plain":
        write(plain_table(TIMELINE_HEADERS, [cells for _, cells in rows]))
    else:
        from tracker.cli.tables import console, timeline_table

        console().print(timeline_table(rows, today))
    return len(rows)


def note(output: str, text: str) -> None:
    """A remark about the listing (more follow): on stderr unless it is a terminal table."""
    if output == "table":
        from tracker.cli.tables import console

        console().print(f"[dim]{text}[/dim]")
    else:
        click.echo(text, err=True)


def print_rows(
    headers: Sequence[str], rows: Sequence[Sequence[str]], *, output: str, title: str | None = None
) -> None:
    """Print any table of strings: rich on a terminal, aligned plain text when piped, or TSV."""
    if output == "tsv":
        write(tsv_table(headers, rows))
    elif output == "plain":
        write((f"{title}\n" if title else "") + plain_table(headers, rows))
    else:
        from rich.table import Table

        from tracker.cli.render import console

        table = Table(title=title, title_justify="left")
        for header in headers:
            table.add_column(header, overflow="fold")
        for row in rows:
            table.add_row(*row)
        console().print(table)
