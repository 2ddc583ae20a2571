"""Notifier protocol, the message handed to notifiers, and PURE rendering of a reminder."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import ClassVar, Literal, Protocol
from zoneinfo import ZoneInfo

from tracker.models import ItemView

ReminderKind = Literal["lead", "due", "overdue"]
SUBJECT_PREFIX = "[tracker]"
_MAX_SUBJECT_TEXT = 90
# Line breaks and other control characters (incl. U+0085, U+2028/9) never reach a header.
_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")


class DeliveryError(Exception):
    """A notifier could not deliver; `permanent` errors are not retried."""

    def __init__(
        self,
        reason: str,
        *,
        permanent: bool = False,
        retry_after: timedelta | None = None,
        is_gone: bool = False,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent or is_gone
        self.retry_after = retry_after
        # The receiver said the endpoint no longer exists (HTTP 410): disable the channel.
        self.is_gone = is_gone


@dataclass(frozen=True)
class ReminderRef:
    """What a notifier knows about the reminder it delivers."""

    id: int
    idempotency_key: str
    kind: ReminderKind
    days_before: int
    due_on: date
    fire_at: datetime


@dataclass(frozen=True)
class Message:
    """One reminder of one item to one channel target, ready to deliver."""

    reminder: ReminderRef
    item: ItemView
    target: str  # an email address or a webhook URL
    secret: str | None  # the webhook signing secret (whsec_...)
    tz: ZoneInfo
    now: datetime  # when the message is built: Date header, webhook timestamp
    leads: tuple[timedelta, ...] = ()


class Notifier(Protocol):
    """Delivers messages over one channel kind; returns on success, raises DeliveryError."""

    kind: ClassVar[str]

    def send(self, message: Message) -> None: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class Rendered:
    """Subject and bodies of a reminder, shared by all notifiers."""

    subject: str
    text: str
    html: str


def single_line(text: str) -> str:
    """Collapse line breaks, control characters and runs of spaces into single spaces."""
    return " ".join(_CONTROL.sub(" ", text).split())


def headline(reminder: ReminderRef, item: ItemView) -> str:
    """Return the one-line summary of when the item is due, relative to the reminder."""
    due = reminder.due_on.strftime("%a %d %b %Y")
    if reminder.kind == "overdue":
        return f"Overdue since {due}"
    if reminder.kind == "due":
        return f"Due today ({due})"
    if reminder.days_before == 0:
        return f"Due soon ({due})"
    unit = "day" if reminder.days_before == 1 else "days"
    return f"Due in {reminder.days_before} {unit} ({due})"


def render_subject(reminder: ReminderRef, item: ItemView) -> str:
    """Return a one-line subject; text from articles never brings line breaks into a header."""
    text = single_line(item.description)
    if len(text) > _MAX_SUBJECT_TEXT:
        text = text[: _MAX_SUBJECT_TEXT - 1].rstrip() + "…"
    return single_line(f"{SUBJECT_PREFIX} {headline(reminder, item)}: {text}")


def _source_lines(item: ItemView) -> list[str]:
    lines: list[str] = []
    for source in item.sources:
        name = source.title or source.source
        lines.append(f"- {name} ({source.published.isoformat()})")
        if source.url:
            lines.append(f"  {source.url}")
        lines.append(f"  “{single_line(source.quote)}”")
    return lines


def render_text(reminder: ReminderRef, item: ItemView, tz: ZoneInfo) -> str:
    """Return the plain-text body: the item, its due date and its sources with quotes."""
    fired = reminder.fire_at.astimezone(tz).strftime("%Y-%m-%d %H:%M %Z")
    lines = [
        headline(reminder, item),
        "",
        item.description,
        "",
        f"Due: {reminder.due_on.isoformat()}",
        f"Status: {item.status}",
        f"Item: #{item.id}",
    ]
    if item.actors:
        lines.append(f"Actors: {', '.join(item.actors)}")
    if item.sources:
        lines += ["", "Sources:", *_source_lines(item)]
    lines += ["", f"Reminder scheduled for {fired} ({reminder.kind})."]
    return "\n".join(lines) + "\n"


def render_html(reminder: ReminderRef, item: ItemView, tz: ZoneInfo) -> str:
    """Return the HTML body; every piece of text is escaped."""
    esc = html.escape
    parts = [
        "<!DOCTYPE html><html><body>",
        f"<h2>{esc(headline(reminder, item))}</h2>",
        f"<p>{esc(item.description)}</p>",
        "<ul>",
        f"<li>Due: {esc(reminder.due_on.isoformat())}</li>",
        f"<li>Status: {esc(item.status)}</li>",
        f"<li>Item: #{item.id}</li>",
    ]
    if item.actors:
        parts.append(f"<li>Actors: {esc(', '.join(item.actors))}</li>")
    parts.append("</ul>")
    if item.sources:
        parts.append("<h3>Sources</h3><ul>")
        for source in item.sources:
            name = esc(source.title or source.source)
            link = f'<a href="{esc(source.url)}">{name}</a>' if source.url else name
            parts.append(
                f"<li>{link} ({esc(source.published.isoformat())})"
                f"<blockquote>{esc(single_line(source.quote))}</blockquote></li>"
            )
        parts.append("</ul>")
    fired = reminder.fire_at.astimezone(tz).strftime("%Y-%m-%d %H:%M %Z")
    parts.append(f"<p><small>Reminder scheduled for {esc(fired)}.</small></p></body></html>")
    return "\n".join(parts) + "\n"


def render_reminder(reminder: ReminderRef, item: ItemView, tz: ZoneInfo) -> Rendered:
    """Render subject, text and HTML of a reminder (a pure function of its inputs)."""
    return Rendered(
        subject=render_subject(reminder, item),
        text=render_text(reminder, item, tz),
        html=render_html(reminder, item, tz),
    )
