"""Terminal rendering of items and events (rich) and JSON output."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from datetime import date
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tracker.models import EventView, ItemView

STATUS_STYLE = {
    "open": "cyan",
    "extended": "yellow",
    "met": "green",
    "missed": "bold red",
    "cancelled": "dim",
}


def console(*, stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def print_json(data: Any) -> None:
    """Write one JSON document to stdout (UTF-8, not ASCII-escaped)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def due_text(item: ItemView, *, today: date | None = None) -> Text:
    if item.due is None:
        return Text("undated", style="dim")
    label = item.due.isoformat()
    if item.due_precision and item.due_precision != "day":
        label += f" ({item.due_precision})"
    if today is not None and item.status in ("open", "extended"):
        days = (item.due - today).days
        suffix = "today" if days == 0 else f"in {days}d" if days > 0 else f"{-days}d overdue"
        return Text(f"{label}  {suffix}", style="bold red" if days < 0 else "")
    return Text(label)


def items_table(
    items: Iterable[ItemView], *, title: str | None = None, today: date | None = None
) -> Table:
    """Build the item table: id, due, status, description, actors, first source."""
    table = Table(title=title, title_justify="left", expand=False, show_lines=False)
    table.add_column("ID", justify="right", style="bold")
    table.add_column("Due", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("Commitment", ratio=3, overflow="fold")
    table.add_column("Actors", ratio=1, overflow="fold")
    table.add_column("Source", ratio=1, overflow="fold")
    for item in items:
        table.add_row(
            str(item.id),
            due_text(item, today=today),
            Text(item.status, style=STATUS_STYLE.get(item.status, "")),
            item.description,
            ", ".join(item.actors),
            source_label(item),
        )
    return table


def source_label(item: ItemView) -> str:
    if not item.sources:
        return ""
    first = item.sources[0]
    label = f"{first.title or first.source} ({first.published.isoformat()})"
    more = len({s.document for s in item.sources}) - 1
    return label + (f" +{more} more" if more > 0 else "")


def timeline_table(events: list[EventView], items: list[ItemView], today: date) -> Table:
    """Events and deadlines in one chronology."""
    rows: list[tuple[date, int, Text, str, str]] = []
    for ev in events:
        when = ev.date.isoformat()[:7] if ev.date_precision == "month" else ev.date.isoformat()
        rows.append((ev.date, 0, Text("event", style="magenta"), when, ev.description))
    for it in items:
        assert it.due is not None
        kind = Text(it.status, style=STATUS_STYLE.get(it.status, ""))
        rows.append((it.due, 1, kind, it.due.isoformat(), f"#{it.id} {it.description}"))
    table = Table(title=f"Timeline (today {today.isoformat()})", title_justify="left")
    table.add_column("Date", no_wrap=True)
    table.add_column("Kind", no_wrap=True)
    table.add_column("What", overflow="fold")
    for day, _, kind, when, what in sorted(rows, key=lambda r: (r[0], r[1])):
        table.add_row(Text(when, style="dim" if day < today else ""), kind, what)
    return table
