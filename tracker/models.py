"""Domain models the store returns and the CLI, notifiers and exporters consume (never ORM rows)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Status = Literal["open", "met", "missed", "extended", "cancelled"]
STATUSES: tuple[Status, ...] = ("open", "met", "missed", "extended", "cancelled")
# Statuses in which an item still waits for its due date (reminders fire, `upcoming` lists it).
ACTIVE_STATUSES: tuple[Status, ...] = ("open", "extended")


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class Source(_Model):
    """One piece of evidence: where an item or event was reported."""

    document: int
    title: str | None
    url: str | None
    published: date
    source: str
    trigger: str
    span: tuple[int, int]
    quote: str


class HistoryEntry(_Model):
    """One entry of an item's audit trail."""

    at: datetime
    from_status: str | None
    to_status: str
    due_before: date | None
    due_after: date | None
    note: str | None


class ItemView(_Model):
    """A tracked commitment with its evidence and history."""

    id: int
    description: str
    due: date | None
    due_precision: str | None
    status: Status
    actors: list[str] = Field(default_factory=list)
    anchor: date | None
    anchor_kind: str | None
    confidence: float
    version: int
    created_at: datetime
    updated_at: datetime
    sources: list[Source] = Field(default_factory=list)
    history: list[HistoryEntry] = Field(default_factory=list)


class EventView(_Model):
    """A dated past happening for the timeline."""

    id: int
    date: date
    date_precision: str
    description: str
    sources: list[Source] = Field(default_factory=list)


def item_json(item: ItemView) -> dict[str, Any]:
    """Return the stable JSON form of an item (`list --json`, webhooks)."""
    return {
        "id": item.id,
        "description": item.description,
        "due": item.due.isoformat() if item.due else None,
        "due_precision": item.due_precision,
        "status": item.status,
        "actors": list(item.actors),
        "anchor": item.anchor.isoformat() if item.anchor else None,
        "anchor_kind": item.anchor_kind,
        "confidence": round(item.confidence, 3),
        "version": item.version,
        "sources": [_source_json(s) for s in item.sources],
        "history": [h.model_dump(mode="json") for h in item.history],
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
