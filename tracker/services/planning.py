"""Keep the reminder outbox in step with an item, inside the caller's transaction.

Reminders whose fire time has already passed when they are planned are not inserted at all:
they would never be sent, and leaving them out keeps `remind list` free of noise. A row that
is being sent, was sent, skipped or is dead is never touched by a re-plan: re-planning an item
whose reminder went out does not queue it again.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from tracker.config import Settings
from tracker.models import ACTIVE_STATUSES
from tracker.schedule.digest import next_digest_at, parse_time_of_day
from tracker.schedule.plan import PlannedReminder, idempotency_key, plan_reminders
from tracker.store import channels, planned
from tracker.store import tables as t
from tracker.store.rows import REMINDER_EVENT

REPLANNED = "replanned: the item's due date or status changed"
_JUST_BEFORE = timedelta(microseconds=1)


def channel_matches(channel: t.Channel, item: t.Item) -> bool:
    """Return whether a channel's filters (actor key, status) let this item through."""
    if channel.filter_status and channel.filter_status != item.status:
        return False
    if channel.filter_actor:
        return channel.filter_actor in {actor.key for actor in item.actors}
    return True


def digest_slot(channel: t.Channel, after: datetime, settings: Settings) -> datetime | None:
    """Return when a row of `channel` that is ready at `after` goes out: None if at once."""
    if channel.digest is None:
        return None
    at = parse_time_of_day(channel.digest_time) if channel.digest_time else time(8, 0)
    return next_digest_at(
        after, cadence=channel.digest, at=at, weekday=channel.digest_weekday, tz=settings.tz
    )


def wanted_reminders(
    item: t.Item, active: list[t.Channel], *, settings: Settings
) -> dict[str, tuple[t.Channel, PlannedReminder]]:
    """Return every reminder the item should have, by idempotency key."""
    plan = plan_reminders(
        item.due_on,
        item.status,
        leads=settings.leads,
        tz=settings.tz,
        hour=settings.reminder_hour,
    )
    return {
        idempotency_key(item.id, channel.id, p): (channel, p)
        for channel in active
        if "due" in channels.subscriptions(channel) and channel_matches(channel, item)
        for p in plan
    }


def replan_item(session: Session, item: t.Item, *, settings: Settings, now: datetime) -> None:
    """Make the item's reminder rows match its due date, status and the active channels.

    1. Lock the item (PostgreSQL), so two re-plans of one item never interleave.
    2. Plan the reminders for every matching channel that wants them (by idempotency key).
    3. Supersede rows no longer planned, if they are still waiting.
    4. Revive superseded rows that are planned again and still ahead (an extension undone,
       a channel enabled again); insert planned rows that are missing and still ahead.
    """
    if item.id is None:
        session.flush()
    planned.lock_item(session, item.id)
    wanted = wanted_reminders(item, channels.active_channels(session), settings=settings)
    existing = planned.reminder_states(session, item.id)
    gone = [row.id for key, row in existing.items() if key not in wanted]
    planned.supersede(session, gone, reason=REPLANNED, now=now)
    missing: list[dict[str, Any]] = []
    for key, (channel, plan) in wanted.items():
        if plan.fire_at <= now:
            continue
        timing = _timing(channel, plan, settings)
        row = existing.get(key)
        if row is None:
            missing.append(_new_row(key, item, channel, plan, timing, now))
        elif row.state == "superseded":
            planned.revive(session, row.id, values=timing, now=now)
    planned.insert_rows(session, missing)


def _timing(channel: t.Channel, plan: PlannedReminder, settings: Settings) -> dict[str, Any]:
    # On a digest channel the reminder goes out with the first digest at or after its time.
    slot = digest_slot(channel, plan.fire_at - _JUST_BEFORE, settings)
    return {"fire_at": plan.fire_at, "digest_at": slot, "next_attempt_at": slot or plan.fire_at}


def _new_row(
    key: str,
    item: t.Item,
    channel: t.Channel,
    plan: PlannedReminder,
    timing: dict[str, Any],
    now: datetime,
) -> dict[str, Any]:
    return {
        "idempotency_key": key,
        "item_id": item.id,
        "channel_id": channel.id,
        "kind": plan.kind,
        "event": REMINDER_EVENT,
        "days_before": plan.days_before,
        "due_on": plan.due_on,
        "state": "pending",
        "attempts": 0,
        "created_at": now,
        "updated_at": now,
        **timing,
    }


def replan_all(session: Session, *, settings: Settings, now: datetime) -> None:
    """Re-plan every dated item in an active status (after a channel is added or enabled)."""
    query = (
        select(t.Item)
        .where(t.Item.status.in_(ACTIVE_STATUSES), t.Item.due_on.is_not(None))
        .options(selectinload(t.Item.actors))
        .order_by(t.Item.id)
    )
    for item in session.scalars(query):
        replan_item(session, item, settings=settings, now=now)
