"""Build the message for one claimed delivery (a reminder, an event, or a digest)."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from tracker.config import Settings
from tracker.models import ItemView
from tracker.notify.base import (
    DIGEST_EVENT,
    DeliveryError,
    Entry,
    Message,
    ReminderKind,
    ReminderRef,
)
from tracker.store.outbox import ClaimedRow, Delivery


def reminder_ref(row: ClaimedRow) -> ReminderRef:
    return ReminderRef(
        id=row.id,
        idempotency_key=row.idempotency_key,
        kind=cast(ReminderKind, row.kind),
        days_before=row.days_before,
        due_on=row.due_on,
        fire_at=row.fire_at,
        event=row.event,
        detail=row.detail,
    )


def build_message(
    delivery: Delivery, items: dict[int, ItemView], settings: Settings, *, now: datetime
) -> Message:
    """Return the message for `delivery`; `now` is the real sending time.

    Raises a permanent DeliveryError when the item (or every item of a digest) is gone.
    """
    first = delivery.first
    if not delivery.is_digest:
        item = items.get(first.item_id)
        if item is None:
            raise DeliveryError("the item no longer exists", permanent=True)
        return Message(
            reminder=reminder_ref(first),
            item=item,
            target=first.target,
            secret=first.secret,
            tz=settings.tz,
            now=now,
            leads=tuple(settings.leads),
        )
    entries = tuple(
        Entry(reminder_ref(row), items[row.item_id])
        for row in sorted(delivery.rows, key=lambda r: (r.fire_at, r.id))
        if row.item_id in items
    )
    if not entries:
        raise DeliveryError("the items of this digest no longer exist", permanent=True)
    assert first.digest_at is not None
    digest = ReminderRef(
        id=first.id,
        idempotency_key=delivery.idempotency_key,
        kind="digest",
        days_before=0,
        due_on=None,
        fire_at=first.digest_at,
        event=DIGEST_EVENT,
    )
    return Message(
        reminder=digest,
        item=None,
        target=first.target,
        secret=first.secret,
        tz=settings.tz,
        now=now,
        entries=entries,
    )
