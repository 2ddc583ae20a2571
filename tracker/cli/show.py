"""Rendering of one item for `tracker show`: plain text (piped) and rich panels (terminal)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from tracker.cli.render import due_label, plain_table, when_label
from tracker.export.labels import source_label
from tracker.models import ItemView, Source, status_word

if TYPE_CHECKING:
    from rich.console import Group

HISTORY_HEADERS = ("When", "Change", "Due", "Note")
PENDING_HEADERS = ("Change", "Kind", "Date", "From", "Quote", "Why pending")


def facts(item: ItemView, today: date) -> list[tuple[str, str]]:
    """The item's facts as (label, value) pairs."""
    when = when_label(item, today)
    anchor = f"{item.anchor.isoformat()} ({item.anchor_kind})" if item.anchor else "-"
    return [
        ("Due", due_label(item) + (f"  ({when})" if when else "")),
        ("Status", status_word(item, today)),
        ("Actors", ", ".join(item.actors) or "-"),
        ("Anchor", anchor),
        ("Confidence", f"{item.confidence:.2f}"),
    ]


def source_heading(source: Source) -> str:
    """`label: title (published)`, without repeating a title that is the label."""
    label = source_label(source.source, source.url)
    title = f": {source.title}" if source.title and source.title != label else ""
    return f"{label}{title} ({source.published.isoformat()})"


def history_rows(item: ItemView) -> list[list[str]]:
    return [
        [
            h.at.strftime("%Y-%m-%d %H:%M"),
            f"{h.from_status or '-'} → {h.to_status}",
            _due_change(h.due_before, h.due_after),
            (h.note or "") + (f" “{h.quote}”" if h.quote else ""),
        ]
        for h in item.history
    ]


def pending_rows(item: ItemView) -> list[list[str]]:
    """Changes and conflicting dates waiting for `tracker review` on this item."""
    return [
        [
            f"#{c.id}",
            c.kind,
            _due_change(c.old_due, c.new_due) if c.new_due else (c.shift or "-"),
            f"{source_label(c.source or '-', None)} ({c.published.isoformat()})",
            c.quote,
            c.reason,
        ]
        for c in item.pending
    ]


def item_text(item: ItemView, *, today: date) -> str:
    """The plain detail view: facts, evidence with quotes, history."""
    lines = [f"#{item.id} {item.description}", ""]
    width = max(len(label) for label, _ in facts(item, today)) + 2
    lines += [f"{label + ':':<{width}}{value}" for label, value in facts(item, today)]
    for number, src in enumerate(item.sources, start=1):
        lines += ["", f"Evidence {number}: {source_heading(src)}"]
        lines += [f"  {src.url}"] if src.url else []
        lines += [f"  “{src.quote}”", f"  trigger: {src.trigger!r} at {src.span[0]}-{src.span[1]}"]
    lines += ["", "History"]
    text = "\n".join(lines) + "\n" + plain_table(HISTORY_HEADERS, history_rows(item))
    if item.pending:
        text += "\nPending review (tracker review apply|reject CHANGE)\n"
        text += plain_table(PENDING_HEADERS, pending_rows(item))
    return text


def render_item(item: ItemView, *, today: date) -> Group:
    """The terminal detail view (rich panels)."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    from tracker.cli.tables import STATUS_STYLE

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    for label, value in facts(item, today):
        grid.add_row(
            label, Text(value, style=STATUS_STYLE.get(value, "")) if label == "Status" else value
        )
    parts: list[Panel | Table] = [
        Panel(grid, title=f"#{item.id} {item.description}", title_align="left")
    ]
    for number, src in enumerate(item.sources, start=1):
        head = Text(f"{number}: {source_heading(src)}", style="bold")
        if src.url:
            head.append(f"\n{src.url}", style="blue underline")
        body = Text(f"\n“{src.quote}”\n", style="italic")
        body.append(f"trigger: {src.trigger!r} at {src.span[0]}-{src.span[1]}", style="dim")
        parts.append(Panel(Text.assemble(head, body), title="evidence", title_align="left"))
    history = Table(title="History", title_justify="left")
    for column in HISTORY_HEADERS[:-1]:
        history.add_column(column, no_wrap=True)
    history.add_column(HISTORY_HEADERS[-1], overflow="fold")
    for row in history_rows(item):
        history.add_row(*row)
    parts.append(history)
    if item.pending:
        pending = Table(
            title="Pending review (tracker review apply|reject CHANGE)", title_justify="left"
        )
        for column in PENDING_HEADERS:
            pending.add_column(column, overflow="fold")
        for row in pending_rows(item):
            pending.add_row(*row)
        parts.append(pending)
    return Group(*parts)


def _due_change(before: date | None, after: date | None) -> str:
    if before == after:
        return before.isoformat() if before else ""
    return f"{before.isoformat() if before else '-'} → {after.isoformat() if after else '-'}"
