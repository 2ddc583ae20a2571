"""View models the store returns and the CLI, notifiers and exporters consume (never ORM rows).

Plain frozen dataclasses: the listing commands build hundreds of them per run, and importing
pydantic would cost more than the whole query.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

Status = Literal["open", "met", "missed", "extended", "cancelled"]
# The statuses an item is stored with (what `tracker status` and `tracker extend` set).
STATUSES: tuple[Status, ...] = ("open", "met", "missed", "extended", "cancelled")
# Statuses in which an item still waits for its due date (reminders fire, `upcoming` lists it).
ACTIVE_STATUSES: tuple[Status, ...] = ("open", "extended")
# The words listings show and filter by: an active item past its due date is `overdue`, so
# `--status open` never returns a row shown as overdue. Each item has exactly one of them.
STATUS_WORDS: tuple[str, ...] = ("open", "overdue", "extended", "met", "missed", "cancelled")


@dataclass(frozen=True)
class Source:
    """One piece of evidence: where an item or event was reported."""

    document: int
    title: str | None
    url: str | None
    published: date
    source: str
    trigger: str
    span: tuple[int, int]
    quote: str


@dataclass(frozen=True)
class HistoryEntry:
    """One entry of an item's audit trail."""

    at: datetime
    from_status: str | None
    to_status: str
    due_before: date | None
    due_after: date | None
    note: str | None
    document: int | None = None  # the text that caused it (a follow-up), and its words
    quote: str | None = None


@dataclass(frozen=True)
class PendingChange:
    """A change statement (or a conflicting date) that waits for review on this item."""

    id: int
    kind: str
    new_due: date | None
    old_due: date | None
    shift: str
    quote: str
    reason: str
    document: int
    source: str | None
    published: date


@dataclass(frozen=True)
class ItemView:
    """A tracked commitment with its evidence and history."""

    id: int
    description: str
    due: date | None
    due_precision: str | None
    status: Status
    anchor: date | None
    anchor_kind: str | None
    confidence: float
    version: int
    created_at: datetime
    updated_at: datetime
    actors: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    history: list[HistoryEntry] = field(default_factory=list)
    pending: list[PendingChange] = field(default_factory=list)


@dataclass(frozen=True)
class EventView:
    """A dated past happening for the timeline."""

    id: int
    date: date
    date_precision: str
    description: str
    sources: list[Source] = field(default_factory=list)


def is_overdue(item: ItemView, today: date) -> bool:
    """Whether an active item's due date is before `today`."""
    return item.status in ACTIVE_STATUSES and item.due is not None and item.due < today


def status_word(item: ItemView, today: date) -> str:
    """Return the status a listing shows (and filters by): `overdue`, or the stored status."""
    return "overdue" if is_overdue(item, today) else item.status


def actor_key(name: str) -> str:
    """Return the lookup key of a canonical actor name."""
    return " ".join(name.casefold().split())


def item_json(item: ItemView, *, today: date | None = None) -> dict[str, Any]:
    """Return the stable JSON form of an item (listings, webhooks); `overdue` needs `today`."""
    return {
        "id": item.id,
        "description": item.description,
        "due": item.due.isoformat() if item.due else None,
        "due_precision": item.due_precision,
        "status": item.status,
        "overdue": None if today is None else is_overdue(item, today),
        "actors": list(item.actors),
        "anchor": item.anchor.isoformat() if item.anchor else None,
        "anchor_kind": item.anchor_kind,
        "confidence": round(item.confidence, 3),
        "version": item.version,
        "sources": [_source_json(s) for s in item.sources],
        "history": [_history_json(h) for h in item.history],
        "pending": [_pending_json(c) for c in item.pending],
    }


def event_json(event: EventView) -> dict[str, Any]:
    """Return the stable JSON form of an event (`timeline --json`)."""
    return {
        "id": event.id,
        "date": event.date.isoformat()[:7] if event.date_precision == "month" else str(event.date),
        "date_precision": event.date_precision,
        "description": event.description,
        "sources": [_source_json(s) for s in event.sources],
    }


def _source_json(source: Source) -> dict[str, Any]:
    return {
        "document": source.document,
        "source": source.source,
        "title": source.title,
        "url": source.url,
        "published": source.published.isoformat(),
        "trigger": source.trigger,
        "span": list(source.span),
        "quote": source.quote,
    }


def _history_json(entry: HistoryEntry) -> dict[str, Any]:
    return {
        "at": entry.at.isoformat().replace("+00:00", "Z"),
        "from_status": entry.from_status,
        "to_status": entry.to_status,
        "due_before": entry.due_before.isoformat() if entry.due_before else None,
        "due_after": entry.due_after.isoformat() if entry.due_after else None,
        "note": entry.note,
        "document": entry.document,
        "quote": entry.quote,
    }


def _pending_json(change: PendingChange) -> dict[str, Any]:
    return {
        "id": change.id,
        "kind": change.kind,
        "new_due": change.new_due.isoformat() if change.new_due else None,
        "old_due": change.old_due.isoformat() if change.old_due else None,
        "shift": change.shift or None,
        "quote": change.quote,
        "reason": change.reason,
        "document": change.document,
        "source": change.source,
        "published": change.published.isoformat(),
    }
