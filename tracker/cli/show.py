"""Rendering of one item for `tracker show`."""

from __future__ import annotations

from datetime import date

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from tracker.cli.render import days_text, due_text, status_text
from tracker.models import ItemView


def render_item(item: ItemView, *, today: date) -> Group:
    """Build the detail view: facts, evidence with quotes, history."""
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    facts.add_row("Due", Text.assemble(due_text(item), "  ", days_text(item, today)))
    facts.add_row("Status", status_text(item, today=today))
    facts.add_row("Actors", ", ".join(item.actors) or "-")
    anchor = f"{item.anchor.isoformat()} ({item.anchor_kind})" if item.anchor else "-"
    facts.add_row("Anchor", anchor)
    facts.add_row("Confidence", f"{item.confidence:.2f}")
    parts: list[Panel | Table | Text] = [
        Panel(facts, title=f"#{item.id} {item.description}", title_align="left")
    ]
    for src in item.sources:
        head = Text(f"{src.title or src.source} ({src.published.isoformat()})", style="bold")
        if src.url:
            head.append(f"\n{src.url}", style="blue underline")
        body = Text(f"\n“{src.quote}”\n", style="italic")
        body.append(f"trigger: {src.trigger!r} at {src.span[0]}-{src.span[1]}", style="dim")
        parts.append(Panel(Text.assemble(head, body), title="evidence", title_align="left"))
    history = Table(title="History", title_justify="left")
    for column in ("When", "Change", "Due"):
        history.add_column(column, no_wrap=True)
    history.add_column("Note", overflow="fold")
    for h in item.history:
        change = f"{h.from_status or '-'} → {h.to_status}"
        due = _due_change(h.due_before, h.due_after)
        history.add_row(h.at.strftime("%Y-%m-%d %H:%M"), change, due, h.note or "")
    parts.append(history)
    return Group(*parts)


def _due_change(before: date | None, after: date | None) -> str:
    if before == after:
        return before.isoformat() if before else ""
    return f"{before.isoformat() if before else '-'} → {after.isoformat() if after else '-'}"
