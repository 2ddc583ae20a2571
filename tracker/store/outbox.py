"""Queries on the reminder outbox and its channels. The caller owns the transaction.

Claiming follows the outbox pattern: on PostgreSQL `SELECT ... FOR UPDATE SKIP LOCKED` lets any
number of workers claim disjoint rows without a leader; SQLite has no row locks, so the same
statements run under BEGIN IMMEDIATE (one writer at a time), which gives the same guarantee.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import ColumnElement, CursorResult, and_, delete, func, or_, select, update
from sqlalchemy.orm import Session, selectinload

from tracker.errors import AlreadyExistsError, NotFoundError, UsageError
from tracker.models import ItemView
from tracker.store import tables as t
from tracker.store.repository import to_item_view

STATES: tuple[str, ...] = ("pending", "sending", "sent", "superseded", "failed", "dead")
# Rows not yet handed to a notifier: they may still be claimed, or superseded by a replan.
WAITING: tuple[str, ...] = ("pending", "failed")
# Rows that count as "this reminder is (being) delivered" when picking the latest due one.
_LIVE: tuple[str, ...] = ("pending", "failed", "sending", "sent")

R = t.Reminder


class _View(BaseModel):
    model_config = ConfigDict(frozen=True)


class ReminderRow(_View):
    """One outbox row as `remind list` shows it."""

    id: int
    idempotency_key: str
    item_id: int
    channel_id: int
    kind: str
    days_before: int
    due_on: date
    fire_at: datetime
    state: str
    attempts: int
    next_attempt_at: datetime
    lease_until: datetime | None
    claimed_by: str | None
    last_error: str | None
    sent_at: datetime | None


class ChannelRow(_View):
    """One channel; the secret itself is never read back out."""

    id: int
    kind: str
    target: str
    has_secret: bool
    filter_actor: str | None
    filter_status: str | None
    is_active: bool
    disabled_reason: str | None
    created_at: datetime


@dataclass(frozen=True)
class ClaimedReminder:
    """A reminder this worker holds a lease on, with what it takes to deliver it."""

    id: int
    idempotency_key: str
    item_id: int
    channel_id: int
    channel_kind: str
    target: str
    secret: str | None
    kind: str
    days_before: int
    due_on: date
    fire_at: datetime
    attempts: int  # including the attempt about to be made


@dataclass(frozen=True)
class Claim:
    reminders: list[ClaimedReminder]
    superseded: list[int]


def _claimable(now: datetime) -> ColumnElement[bool]:
    return or_(
        and_(R.state.in_(WAITING), R.next_attempt_at <= now),
        # A worker that died mid-send leaves `sending` rows behind; its lease expires.
        and_(R.state == "sending", R.lease_until < now),
    )


def claim_due(
    session: Session, *, now: datetime, worker_id: str, lease: timedelta, limit: int
) -> Claim:
    """Lease up to `limit` due reminders to `worker_id`.

    1. Lock due rows of active channels, skipping rows other workers hold.
    2. Of several due reminders of one item and channel, keep only the latest; supersede the rest.
    3. Mark the rest `sending` with a lease, counting the attempt.
    """
    query = (
        select(R, t.Channel.kind, t.Channel.target, t.Channel.secret)
        .join(t.Channel, t.Channel.id == R.channel_id)
        .where(_claimable(now), t.Channel.is_active.is_(True))
        .order_by(R.next_attempt_at, R.id)
        .limit(limit)
        .with_for_update(skip_locked=True, of=R)
    )
    rows = session.execute(query).all()
    if not rows:
        return Claim([], [])
    latest = _latest_due(session, {row[0].item_id for row in rows}, now)
    stale = [r.id for r, *_ in rows if r.fire_at < latest.get((r.item_id, r.channel_id), r.fire_at)]
    fresh = [row for row in rows if row[0].id not in stale]
    if stale:
        session.connection().execute(
            update(R)
            .where(R.id.in_(stale))
            .values(
                state="superseded",
                lease_until=None,
                claimed_by=None,
                last_error="superseded by a later reminder due at the same time",
                updated_at=now,
            )
        )
    if fresh:
        session.connection().execute(
            update(R)
            .where(R.id.in_([row[0].id for row in fresh]))
            .values(
                state="sending",
                lease_until=now + lease,
                claimed_by=worker_id,
                attempts=R.attempts + 1,
                updated_at=now,
            )
        )
    claimed = [_claimed(r, kind, target, secret) for r, kind, target, secret in fresh]
    return Claim(claimed, stale)


def _claimed(row: t.Reminder, kind: str, target: str, secret: str | None) -> ClaimedReminder:
    return ClaimedReminder(
        id=row.id,
        idempotency_key=row.idempotency_key,
        item_id=row.item_id,
        channel_id=row.channel_id,
        channel_kind=kind,
        target=target,
        secret=secret,
        kind=row.kind,
        days_before=row.days_before,
        due_on=row.due_on,
        fire_at=row.fire_at,
        attempts=row.attempts + 1,
    )


def _latest_due(
    session: Session, item_ids: Iterable[int], now: datetime
) -> dict[tuple[int, int], datetime]:
    query = (
        select(R.item_id, R.channel_id, func.max(R.fire_at))
        .where(R.item_id.in_(list(item_ids)), R.state.in_(_LIVE), R.fire_at <= now)
        .group_by(R.item_id, R.channel_id)
    )
    # max() keeps the column type, so values come back as aware UTC datetimes on both backends.
    return {(item_id, channel_id): newest for item_id, channel_id, newest in session.execute(query)}


def mark_sent(session: Session, reminder_id: int, *, now: datetime) -> bool:
    """Record a delivery. A delivery is a fact, so it is recorded whoever holds the lease."""
    result = session.connection().execute(
        update(R)
        .where(R.id == reminder_id, R.state != "sent")
        .values(state="sent", sent_at=now, lease_until=None, last_error=None, updated_at=now)
    )
    return _rowcount(result) == 1


def mark_failed(
    session: Session,
    reminder_id: int,
    *,
    worker_id: str,
    now: datetime,
    error: str,
    next_attempt_at: datetime | None,
) -> bool:
    """Record a failed attempt: retry at `next_attempt_at`, or `dead` when it is None.

    Only the lease holder may record a failure, so a slow worker whose lease was taken over
    cannot undo the new holder's delivery.
    """
    values = {
        "state": "dead" if next_attempt_at is None else "failed",
        "last_error": error[:2000],
        "lease_until": None,
        "updated_at": now,
    }
    if next_attempt_at is not None:
        values["next_attempt_at"] = next_attempt_at
    result = session.connection().execute(
        update(R)
        .where(R.id == reminder_id, R.state == "sending", R.claimed_by == worker_id)
        .values(**values)
    )
    return _rowcount(result) == 1


def release_claims(
    session: Session, *, worker_id: str, now: datetime, ids: Sequence[int] | None = None
) -> int:
    """Give back claimed but unsent reminders (graceful stop); the attempt is not counted."""
    query = update(R).where(R.state == "sending", R.claimed_by == worker_id)
    if ids is not None:
        query = query.where(R.id.in_(list(ids)))
    result = session.connection().execute(
        query.values(
            state="pending",
            lease_until=None,
            claimed_by=None,
            attempts=R.attempts - 1,
            updated_at=now,
        )
    )
    return _rowcount(result)


def _rowcount(result: CursorResult[Any]) -> int:
    return int(result.rowcount or 0)


def load_items(session: Session, item_ids: Iterable[int]) -> dict[int, ItemView]:
    """Return the views of the given items (with sources, history, actors) by id."""
    query = (
        select(t.Item)
        .where(t.Item.id.in_(list(item_ids)))
        .options(
            selectinload(t.Item.evidence).selectinload(t.Evidence.document),
            selectinload(t.Item.history),
            selectinload(t.Item.actors),
        )
    )
    return {row.id: to_item_view(row) for row in session.scalars(query)}


# --- listing and replay ------------------------------------------------------------------


def _reminder_row(row: t.Reminder) -> ReminderRow:
    return ReminderRow.model_validate(row, from_attributes=True)


def list_reminders(
    session: Session, *, state: str | None = None, limit: int | None = None
) -> list[ReminderRow]:
    """Return outbox rows by fire time, optionally only those in `state`."""
    query = select(R).order_by(R.fire_at, R.id)
    if state is not None:
        query = query.where(R.state == state)
    if limit is not None:
        query = query.limit(limit)
    return [_reminder_row(row) for row in session.scalars(query)]


def get_reminder(session: Session, reminder_id: int) -> ReminderRow:
    row = session.get(R, reminder_id)
    if row is None:
        raise NotFoundError(f"no reminder with id {reminder_id}")
    return _reminder_row(row)


def replay_dead(session: Session, reminder_id: int, *, now: datetime) -> ReminderRow:
    """Queue a dead reminder again with fresh attempts, due now."""
    row = session.get(R, reminder_id, with_for_update=True)
    if row is None:
        raise NotFoundError(f"no reminder with id {reminder_id}")
    if row.state != "dead":
        raise UsageError(f"reminder {reminder_id} is {row.state}; only dead reminders replay")
    channel = session.get(t.Channel, row.channel_id)
    if channel is None or not channel.is_active:
        raise UsageError(f"the channel of reminder {reminder_id} is disabled; add it again first")
    row.state, row.attempts, row.next_attempt_at = "pending", 0, now
    row.lease_until = row.claimed_by = None
    row.updated_at = now
    session.flush()
    return _reminder_row(row)


# --- planning support (rows are changed by services.planning in the caller's transaction) --


def active_channels(session: Session) -> list[t.Channel]:
    return list(session.scalars(select(t.Channel).where(t.Channel.is_active.is_(True))))


def item_reminders(session: Session, item_id: int) -> list[t.Reminder]:
    return list(session.scalars(select(R).where(R.item_id == item_id)))


# --- channels -----------------------------------------------------------------------------


def _channel_row(row: t.Channel) -> ChannelRow:
    return ChannelRow(
        id=row.id,
        kind=row.kind,
        target=row.target,
        has_secret=bool(row.secret),
        filter_actor=row.filter_actor,
        filter_status=row.filter_status,
        is_active=row.is_active,
        disabled_reason=row.disabled_reason,
        created_at=row.created_at,
    )


def save_channel(
    session: Session,
    *,
    kind: str,
    target: str,
    secret: str | None,
    filter_actor: str | None,
    filter_status: str | None,
    now: datetime,
) -> t.Channel:
    """Insert a channel, or re-activate a disabled one with the same kind and target."""
    row = session.scalars(
        select(t.Channel).where(t.Channel.kind == kind, t.Channel.target == target)
    ).first()
    if row is not None and row.is_active:
        raise AlreadyExistsError(f"channel {row.id} already sends {kind} to {target}")
    if row is None:
        row = t.Channel(kind=kind, target=target, created_at=now)
        session.add(row)
    row.secret, row.filter_actor, row.filter_status = secret, filter_actor, filter_status
    row.is_active, row.disabled_reason = True, None
    session.flush()
    return row


def channel_view(row: t.Channel) -> ChannelRow:
    return _channel_row(row)


def list_channels(session: Session) -> list[ChannelRow]:
    return [_channel_row(row) for row in session.scalars(select(t.Channel).order_by(t.Channel.id))]


def remove_channel(session: Session, channel_id: int) -> ChannelRow:
    """Delete a channel; its reminders go with it (ON DELETE CASCADE)."""
    row = session.get(t.Channel, channel_id)
    if row is None:
        raise NotFoundError(f"no channel with id {channel_id}")
    view = _channel_row(row)
    session.execute(delete(R).where(R.channel_id == channel_id))
    session.delete(row)
    session.flush()
    return view


def disable_channel(session: Session, channel_id: int, *, reason: str, now: datetime) -> None:
    """Deactivate a channel (e.g. its endpoint answered 410) and drop its waiting reminders."""
    session.connection().execute(
        update(t.Channel)
        .where(t.Channel.id == channel_id)
        .values(is_active=False, disabled_reason=reason)
    )
    session.connection().execute(
        update(R)
        .where(R.channel_id == channel_id, R.state.in_(WAITING))
        .values(state="superseded", last_error=f"channel disabled: {reason}", updated_at=now)
    )
