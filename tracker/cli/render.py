"""Terminal rendering of items and events (rich) and JSON output."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import PurePath
from urllib.parse import urlsplit

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tracker.models import ACTIVE_STATUSES, EventView, ItemView

STATUS_STYLE = {
    "open": "cyan",
    "extended": "yellow",
    "met": "green",
    "missed": "bold red",
    "cancelled": "dim",
}


def console(*, stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def due_text(item: ItemView) -> Text:
    """The due date, with its precision when it is coarser than a day."""
    if item.due is None:
        return Text("undated", style="dim")
    label = item.due.isoformat()
    if item.due_precision and item.due_precision != "day":
        label += f" ({item.due_precision})"
    return Text(label)


def status_text(item: ItemView, *, today: date | None = None) -> Text:
    """The status; an active item past its due date shows as overdue."""
    active = item.status in ACTIVE_STATUSES
    if active and today is not None and item.due is not None and item.due < today:
        return Text("overdue", style="bold red")
    return Text(item.status, style=STATUS_STYLE.get(item.status, ""))


def days_text(item: ItemView, today: date) -> Text:
    """Days left (`in 5d`, `today`) or past (`3d ago`) relative to `today`."""
    if item.due is None:
        return Text("")
    days = (item.due - today).days
    if days == 0:
        return Text("today", style="bold")
    return Text(f"in {days}d") if days > 0 else Text(f"{-days}d ago", style="red")


def items_table(
    items: Iterable[ItemView],
    *,
    title: str | None = None,
    today: date | None = None,
    show_days: bool = False,
) -> Table:
    """Build the item table: id, due, status, commitment, actors, source."""
    table = Table(title=title, title_justify="left", expand=True)
    table.add_column("ID", justify="right", style="bold", no_wrap=True)
    table.add_column("Due", no_wrap=True)
    if show_days and today is not None:
        table.add_column("", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("Commitment", ratio=5)
    table.add_column("Actors", ratio=2)
    table.add_column("Source", ratio=2)
    for item in items:
        days = [days_text(item, today)] if show_days and today is not None else []
        table.add_row(
            str(item.id),
            due_text(item),
            *days,
            status_text(item, today=today),
            shorten(item.description, 70),
            shorten(", ".join(item.actors), 30),
            shorten(source_label(item), 30),
        )
    return table


def shorten(text: str, width: int) -> str:
    """Cut `text` at a word boundary to at most `width` characters, marking the cut."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0] if " " in text[: width - 1] else text[: width - 1]
    return cut + "…"


def source_label(item: ItemView) -> str:
    """Name the first source briefly (site or file, and date), and how many more there are."""
    if not item.sources:
        return ""
    first = item.sources[0]
    site = urlsplit(first.url).hostname if first.url else None
    name = (site or "").removeprefix("www.") or PurePath(first.source).name
    more = len({s.document for s in item.sources}) - 1
    return f"{name} {first.published.isoformat()}" + (f" +{more}" if more > 0 else "")


def timeline_table(events: list[EventView], items: list[ItemView], today: date) -> Table:
    """Events and deadlines in one chronology; past rows dimmed, sources counted."""
    rows: list[tuple[date, int, Text, str, str]] = []
    for ev in events:
        when = ev.date.isoformat()[:7] if ev.date_precision == "month" else ev.date.isoformat()
        what = ev.description + _sources_suffix(len({s.document for s in ev.sources}))
        rows.append((ev.date, 0, Text("event", style="magenta"), when, what))
    for it in items:
        assert it.due is not None
        what = f"#{it.id} {it.description}" + _sources_suffix(len({s.document for s in it.sources}))
        rows.append((it.due, 1, status_text(it, today=today), it.due.isoformat(), what))
    table = Table(title=f"Timeline (today {today.isoformat()})", title_justify="left")
    table.add_column("Date", no_wrap=True)
    table.add_column("Kind", no_wrap=True)
    table.add_column("What", overflow="fold")
    for day, _, kind, when, what in sorted(rows, key=lambda r: (r[0], r[1])):
        table.add_row(Text(when, style="dim" if day < today else ""), kind, what)
    return table


def _sources_suffix(count: int) -> str:
    return f" ({count} sources)" if count > 1 else ""
