"""Item events (new item, changed due date, change pending review) recorded in the outbox.

`record_item_event` is called inside the transaction of the change that causes the event, so
the event exists exactly when the change does; dispatch delivers it with the same claim, send
and record loop as reminders (retries, dead letters, never lost, never doubled).
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy.orm import Session

from tracker.config import Settings
from tracker.services.planning import channel_matches, digest_slot, replan_item
from tracker.store import channels, planned
from tracker.store import tables as t

EventKind = Literal["created", "due_changed", "pending"]
# The payload type of each kind (the webhook `type`, named in email subjects).
EVENT_TYPES: dict[str, str] = {
    "created": "item.created",
    "due_changed": "item.due_changed",
    "pending": "change.pending",
}
# Kinds that change what reminders the item should get.
_REPLANS = frozenset({"created", "due_changed"})


def record_item_event(
    session: Session,
    item: t.Item,
    kind: EventKind,
    *,
    settings: Settings,
    now: datetime,
    detail: Mapping[str, Any] | None = None,
) -> None:
    """Record that `kind` happened to `item`, in the caller's transaction.

    1. `created` and `due_changed` also re-plan the item's reminders (one call keeps the
       outbox in step with the change).
    2. Each active channel that subscribes to `new` events and whose filters match the item
       gets one outbox row; on a digest channel it waits for the next digest.

    `detail` is what the receiver should know besides the item (e.g. `due_before`,
    `due_after`, `note`, `change_id`); dates are written as ISO strings.
    """
    if kind not in EVENT_TYPES:
        raise ValueError(f"unknown item event {kind!r}")
    if item.id is None:
        session.flush()
    if kind in _REPLANS:
        replan_item(session, item, settings=settings, now=now)
    text = json.dumps(_jsonable(detail or {}), ensure_ascii=False, sort_keys=True)
    rows = [
        _event_row(item, channel, kind, text, settings, now)
        for channel in channels.active_channels(session)
        if "new" in channels.subscriptions(channel) and channel_matches(channel, item)
    ]
    planned.insert_rows(session, rows)


def _jsonable(detail: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: value.isoformat() if isinstance(value, date | datetime) else value
        for key, value in detail.items()
    }


def _event_row(
    item: t.Item, channel: t.Channel, kind: str, detail: str, settings: Settings, now: datetime
) -> dict[str, Any]:
    slot = digest_slot(channel, now, settings)
    return {
        # Random but stored: every retry of this event carries the same key.
        "idempotency_key": f"e{item.id}-c{channel.id}-{kind}-{secrets.token_hex(6)}",
        "item_id": item.id,
        "channel_id": channel.id,
        "kind": "event",
        "event": EVENT_TYPES[kind],
        "detail": detail,
        "days_before": 0,
        "due_on": item.due_on,
        "fire_at": now,
        "digest_at": slot,
        "next_attempt_at": slot or now,
        "state": "pending",
        "attempts": 0,
        "created_at": now,
        "updated_at": now,
    }
