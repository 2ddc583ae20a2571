"""Terminal tables (rich): the cells of tracker.cli.render, with colour and terminal widths.

Imported only when output goes to a terminal.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from rich.table import Table
from rich.text import Text

from tracker.cli.render import console, item_cells, item_headers, shorten
from tracker.models import ItemView

__all__ = ["STATUS_STYLE", "console", "items_table", "timeline_table"]

STATUS_STYLE = {
    "open": "cyan",
    "overdue": "bold red",
    "extended": "yellow",
    "met": "green",
    "missed": "bold red",
    "cancelled": "dim",
    "event": "magenta",
}
# Column name -> (rich options, cut width): the commitment takes the room that is left.
_COLUMNS: dict[str, tuple[dict[str, object], int | None]] = {
    "ID": ({"justify": "right", "style": "bold", "no_wrap": True}, None),
    "Due": ({"no_wrap": True}, None),
    "When": ({"no_wrap": True}, None),
    "Status": ({"no_wrap": True}, None),
    "Actors": ({"ratio": 2}, 30),
    "Source": ({"ratio": 2}, 34),
    "Commitment": ({"ratio": 5}, 70),
}


def items_table(
    items: Iterable[ItemView], *, today: date, title: str | None = None, when: bool = False
) -> Table:
    """The item table: ID, Due, [When], Status, Actors, Source, Commitment."""
    headers = item_headers(when=when)
    table = Table(title=title, title_justify="left", expand=True)
    for header in headers:
        options, _ = _COLUMNS[header]
        table.add_column(header, **options)  # type: ignore[arg-type]
    for item in items:
        cells = item_cells(item, today, when=when)
        table.add_row(*(_styled(h, c) for h, c in zip(headers, cells, strict=True)))
    return table


def timeline_table(rows: Sequence[tuple[date, list[str]]], today: date) -> Table:
    """Events and deadlines in one chronology; past rows dimmed."""
    table = Table(title=f"Timeline (today {today.isoformat()})", title_justify="left")
    table.add_column("Date", no_wrap=True)
    table.add_column("Kind", no_wrap=True)
    table.add_column("What", overflow="fold")
    for day, (when, kind, what) in rows:
        style = "dim" if day < today else ""
        table.add_row(Text(when, style=style), Text(kind, style=STATUS_STYLE.get(kind, "")), what)
    return table


def _styled(header: str, cell: str) -> Text | str:
    if header == "Status":
        return Text(cell, style=STATUS_STYLE.get(cell, ""))
    if header == "Due" and cell == "undated":
        return Text(cell, style="dim")
    if header == "When" and cell.endswith("ago"):
        return Text(cell, style="red")
    if header == "When" and cell == "today":
        return Text(cell, style="bold")
    width = _COLUMNS[header][1]
    return shorten(cell, width) if width else cell
