"""PURE rendering of item events and digests (subjects, bodies, webhook payload data)."""

from __future__ import annotations

import html
from typing import Any
from zoneinfo import ZoneInfo

from tracker.models import ItemView, item_json
from tracker.notify.base import (
    REMINDER_EVENT,
    SUBJECT_PREFIX,
    Entry,
    Message,
    ReminderRef,
    Rendered,
    headline,
    render_reminder,
    single_line,
)

_MAX_DIGEST_LINE = 160
_EVENT_NOUNS = {
    REMINDER_EVENT: ("reminder", "reminders"),
    "item.created": ("new item", "new items"),
    "item.due_changed": ("changed due date", "changed due dates"),
    "change.pending": ("change pending review", "changes pending review"),
}


def event_headline(ref: ReminderRef, item: ItemView) -> str:
    """Return the one-line summary of an item event (its type in words)."""
    detail = ref.detail
    if ref.event == "item.created":
        due = f"due {item.due.isoformat()}" if item.due else "no due date yet"
        return f"New item ({due})"
    if ref.event == "item.due_changed":
        before, after = detail.get("due_before") or "no date", detail.get("due_after") or "no date"
        return f"Due date changed: {before} -> {after}"
    if ref.event == "change.pending":
        what = detail.get("summary") or detail.get("note")
        return (
            f"Change pending review: {single_line(str(what))}" if what else "Change pending review"
        )
    return f"Event {ref.event}"


def event_data(ref: ReminderRef) -> dict[str, Any]:
    """Return the `event` object of an event webhook payload."""
    return {"type": ref.event, "at": ref.fire_at.isoformat(), **dict(ref.detail)}


def reminder_data(ref: ReminderRef) -> dict[str, Any]:
    return {"kind": ref.kind, "days_before": ref.days_before, "fire_at": ref.fire_at.isoformat()}


def entry_json(entry: Entry) -> dict[str, Any]:
    """Return one digest entry as JSON: its type, the item and the reminder or event."""
    ref = entry.ref
    key = "reminder" if ref.event == REMINDER_EVENT else "event"
    data = reminder_data(ref) if key == "reminder" else event_data(ref)
    return {"type": ref.event, "item": item_json(entry.item), key: data}


def _counts(entries: tuple[Entry, ...]) -> str:
    counts: dict[str, int] = {}
    for entry in entries:
        counts[entry.ref.event] = counts.get(entry.ref.event, 0) + 1
    parts = []
    for event, n in counts.items():
        one, many = _EVENT_NOUNS.get(event, (event, event))
        parts.append(f"{n} {one if n == 1 else many}")
    return ", ".join(parts)


def _line(entry: Entry) -> str:
    text = f"{headline(entry.ref, entry.item)}: {single_line(entry.item.description)}"
    if len(text) > _MAX_DIGEST_LINE:
        text = text[: _MAX_DIGEST_LINE - 1].rstrip() + "…"
    return f"{text} (#{entry.item.id})"


def render_digest(message: Message) -> Rendered:
    """Render a digest: one line per reminder or event, grouped in the order they happened."""
    tz: ZoneInfo = message.tz
    at = message.reminder.fire_at.astimezone(tz).strftime("%Y-%m-%d %H:%M %Z")
    summary = _counts(message.entries) or "nothing"
    subject = single_line(f"{SUBJECT_PREFIX} Digest {at}: {summary}")
    lines = [f"Digest of {at}: {summary}", ""]
    lines += [f"- {_line(entry)}" for entry in message.entries]
    esc = html.escape
    items = "".join(f"<li>{esc(_line(entry))}</li>" for entry in message.entries)
    body = (
        f"<!DOCTYPE html><html><body><h2>{esc(f'Digest of {at}')}</h2>"
        f"<p>{esc(summary)}</p><ul>{items}</ul></body></html>\n"
    )
    return Rendered(subject=subject, text="\n".join(lines) + "\n", html=body)


def render_message(message: Message) -> Rendered:
    """Render any message: a digest, or one reminder or event of one item."""
    if message.entries or message.item is None:
        return render_digest(message)
    return render_reminder(message.reminder, message.item, message.tz)
