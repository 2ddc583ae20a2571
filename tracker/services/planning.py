"""Keep the reminder outbox in step with an item, inside the caller's transaction.

Reminders whose fire time has already passed when they are planned are not inserted at all:
they would never be sent, and leaving them out keeps `remind list` free of noise.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from tracker.config import Settings
from tracker.models import ACTIVE_STATUSES
from tracker.schedule.plan import PlannedReminder, idempotency_key, plan_reminders
from tracker.store import outbox
from tracker.store import tables as t

REPLANNED = "replanned: the item's due date or status changed"


def channel_matches(channel: t.Channel, item: t.Item) -> bool:
    """Return whether a channel's filters (actor key, status) let this item through."""
    if channel.filter_status and channel.filter_status != item.status:
        return False
    if channel.filter_actor:
        return channel.filter_actor in {actor.key for actor in item.actors}
    return True


def wanted_reminders(
    item: t.Item, channels: list[t.Channel], *, settings: Settings
) -> dict[str, tuple[t.Channel, PlannedReminder]]:
    """Return every reminder the item should have, by idempotency key."""
    planned = plan_reminders(
        item.due_on,
        item.status,
        leads=settings.leads,
        tz=settings.tz,
        hour=settings.reminder_hour,
    )
    return {
        idempotency_key(item.id, channel.id, p): (channel, p)
        for channel in channels
        if channel_matches(channel, item)
        for p in planned
    }


def replan_item(session: Session, item: t.Item, *, settings: Settings, now: datetime) -> None:
    """Make the item's outbox rows match its due date, status and the active channels.

    1. Plan the reminders for every matching active channel (keyed by idempotency key).
    2. Supersede waiting rows that are no longer planned (old due date, inactive status).
    3. Revive superseded rows that are planned again and still ahead (an extension undone).
    4. Insert planned rows that are missing and still ahead; past ones are skipped.
    """
    if item.id is None:
        session.flush()
    wanted = wanted_reminders(item, outbox.active_channels(session), settings=settings)
    existing = {row.idempotency_key: row for row in outbox.item_reminders(session, item.id)}
    for key, old in existing.items():
        if key not in wanted and old.state in outbox.WAITING:
            old.state, old.last_error, old.updated_at = "superseded", REPLANNED, now
    for key, (channel, planned) in wanted.items():
        row = existing.get(key)
        if planned.fire_at <= now:
            continue
        if row is None:
            session.add(_new_row(key, item, channel, planned, now))
        elif row.state == "superseded":
            row.state, row.attempts, row.next_attempt_at = "pending", 0, planned.fire_at
            row.last_error, row.updated_at = None, now
    session.flush()


def _new_row(
    key: str, item: t.Item, channel: t.Channel, planned: PlannedReminder, now: datetime
) -> t.Reminder:
    return t.Reminder(
        idempotency_key=key,
        item_id=item.id,
        channel_id=channel.id,
        kind=planned.kind,
        days_before=planned.days_before,
        due_on=planned.due_on,
        fire_at=planned.fire_at,
        state="pending",
        attempts=0,
        next_attempt_at=planned.fire_at,
        created_at=now,
        updated_at=now,
    )


def replan_all(session: Session, *, settings: Settings, now: datetime) -> None:
    """Re-plan every dated item in an active status (after a channel is added)."""
    query = (
        select(t.Item)
        .where(t.Item.status.in_(ACTIVE_STATUSES), t.Item.due_on.is_not(None))
        .options(selectinload(t.Item.actors))
        .order_by(t.Item.id)
    )
    for item in session.scalars(query):
        replan_item(session, item, settings=settings, now=now)
