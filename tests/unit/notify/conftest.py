from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tracker.models import ItemView, Source
from tracker.notify.base import Message, ReminderRef

SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
NOW = datetime(2026, 3, 29, 7, 0, 5, tzinfo=UTC)


def item_view(**overrides: Any) -> ItemView:
    values = {
        "id": 7,
        "description": "Die Kommission legt den Aktionsplan vor",
        "due": date(2026, 3, 30),
        "due_precision": "day",
        "status": "open",
        "actors": ["Europäische Kommission"],
        "anchor": date(2026, 2, 1),
        "anchor_kind": "published",
        "confidence": 0.91,
        "version": 2,
        "created_at": datetime(2026, 2, 1, tzinfo=UTC),
        "updated_at": datetime(2026, 2, 2, tzinfo=UTC),
        "sources": [
            Source(
                document=3,
                title="Kommission <plant> & handelt",
                url="https://example.org/a?x=1&y=2",
                published=date(2026, 2, 1),
                source="example.org",
                trigger="bis zum",
                span=(10, 60),
                quote="Die Kommission wird den Plan bis zum 30. März 2026 vorlegen.",
            )
        ],
    }
    return ItemView(**(values | overrides))


def reminder_ref(**overrides: Any) -> ReminderRef:
    values: dict[str, Any] = {
        "id": 11,
        "idempotency_key": "r7-c2-lead-1d-20260330",
        "kind": "lead",
        "days_before": 1,
        "due_on": date(2026, 3, 30),
        "fire_at": datetime(2026, 3, 29, 7, 0, tzinfo=UTC),
    }
    return ReminderRef(**(values | overrides))


def message(
    *,
    target: str = "https://hooks.example.org/t",
    secret: str | None = SECRET,
    item: ItemView | None = None,
    reminder: ReminderRef | None = None,
) -> Message:
    return Message(
        reminder=reminder or reminder_ref(),
        item=item or item_view(),
        target=target,
        secret=secret,
        tz=ZoneInfo("Europe/Berlin"),
        now=NOW,
        leads=(),
    )


@pytest.fixture
def msg() -> Message:
    return message()
