from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import icalendar

from tracker.models import HistoryEntry, ItemView, Source

CREATED_AT = datetime(2026, 2, 5, 9, 30, tzinfo=UTC)
UPDATED_AT = datetime(2026, 2, 6, 14, 0, tzinfo=UTC)


def source_factory(**overrides: Any) -> Source:
    fields: dict[str, Any] = {
        "document": 1,
        "title": "US-Behörden mobilisieren EU, Japan & Mexiko",
        "url": "https://www.rohstoff-welt.de/news/721408.html",
        "published": date(2026, 2, 5),
        "source": "Rohstoff-Welt.de",
        "trigger": "innerhalb von 30 Tagen",
        "span": (1200, 1256),
        "quote": "Eine entsprechende Absichtserklärung wird innerhalb von 30 Tagen erwartet.",
    }
    return Source(**{**fields, **overrides})


def item_factory(**overrides: Any) -> ItemView:
    fields: dict[str, Any] = {
        "id": 7,
        "description": "Absichtserklärung zu kritischen Mineralien",
        "due": date(2026, 3, 7),
        "due_precision": "day",
        "status": "open",
        "actors": ["United States", "European Union", "Japan"],
        "anchor": date(2026, 2, 5),
        "anchor_kind": "published",
        "confidence": 0.8,
        "version": 1,
        "created_at": CREATED_AT,
        "updated_at": UPDATED_AT,
        "sources": [source_factory()],
        "history": [],
    }
    return ItemView(**{**fields, **overrides})


def moved(before: date, after: date) -> HistoryEntry:
    return HistoryEntry(
        at=UPDATED_AT,
        from_status="open",
        to_status="extended",
        due_before=before,
        due_after=after,
        note="Frist verlängert",
    )


def prop(component: icalendar.Component, name: str) -> Any:
    """Return a property of a parsed component (icalendar types it as a union of all kinds)."""
    value: Any = component[name]
    return value
