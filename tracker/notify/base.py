"""Notifier protocol, the message handed to notifiers, and PURE rendering of a reminder."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, ClassVar, Literal, Protocol
from zoneinfo import ZoneInfo

from tracker.models import ItemView

ReminderKind = Literal["lead", "due", "overdue", "event", "digest"]
REMINDER_EVENT = "deadline.reminder"
DIGEST_EVENT = "digest"
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
    """What a notifier knows about the outbox row it delivers (a reminder or an item event)."""

    id: int
    idempotency_key: str
    kind: ReminderKind
    days_before: int
    due_on: date | None
    fire_at: datetime  # when the reminder was due, or when the event happened
    event: str = REMINDER_EVENT  # the payload type: deadline.reminder, item.created, ...
    detail: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Entry:
    """One reminder or event of a digest, with its item."""

    ref: ReminderRef
    item: ItemView


@dataclass(frozen=True)
class Message:
    """One message to one channel target, ready to deliver: a reminder, an event or a digest.

    For a digest, `reminder` describes the digest itself (kind and event `digest`, its key)
    and `item` is None; the contents are `entries`.
    """

    reminder: ReminderRef
    item: ItemView | None
    target: str  # an email address or a webhook URL
    secret: str | None  # the webhook signing secret (whsec_...)
    tz: ZoneInfo
    now: datetime  # the real sending time: Date header, webhook timestamp and signature
    leads: tuple[timedelta, ...] = ()
    entries: tuple[Entry, ...] = ()

    @property
    def event(self) -> str:
        return self.reminder.event


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


def _day(value: date | None) -> str:
    return value.strftime("%a %d %b %Y") if value else "no date"


def headline(reminder: ReminderRef, item: ItemView) -> str:
    """Return the one-line summary of when the item is due, relative to the reminder."""
    if reminder.event != REMINDER_EVENT:
        from tracker.notify.events import event_headline

        return event_headline(reminder, item)
    due = _day(reminder.due_on)
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
        f"Due: {item.due.isoformat() if item.due else 'no date'}",
        f"Status: {item.status}",
        f"Item: #{item.id}",
    ]
    if item.actors:
        lines.append(f"Actors: {', '.join(item.actors)}")
    if item.sources:
        lines += ["", "Sources:", *_source_lines(item)]
    if reminder.event == REMINDER_EVENT:
        lines += ["", f"Reminder scheduled for {fired} ({reminder.kind})."]
    else:
        lines += ["", f"Recorded {fired} ({reminder.event})."]
    return "\n".join(lines) + "\n"


def render_html(reminder: ReminderRef, item: ItemView, tz: ZoneInfo) -> str:
    """Return the HTML body; every piece of text is escaped."""
    esc = html.escape
    parts = [
        "<!DOCTYPE html><html><body>",
        f"<h2>{esc(headline(reminder, item))}</h2>",
        f"<p>{esc(item.description)}</p>",
        "<ul>",
        f"<li>Due: {esc(item.due.isoformat() if item.due else 'no date')}</li>",
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
    what = "Reminder scheduled for" if reminder.event == REMINDER_EVENT else "Recorded"
    parts.append(f"<p><small>{what} {esc(fired)}.</small></p></body></html>")
    return "\n".join(parts) + "\n"


def render_reminder(reminder: ReminderRef, item: ItemView, tz: ZoneInfo) -> Rendered:
    """Render subject, text and HTML of a reminder (a pure function of its inputs)."""
    return Rendered(
        subject=render_subject(reminder, item),
        text=render_text(reminder, item, tz),
        html=render_html(reminder, item, tz),
    )
