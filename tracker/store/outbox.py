"""Claiming outbox rows (reminders and item events). The caller owns the transaction.

Claiming follows the outbox pattern: on PostgreSQL `SELECT ... FOR UPDATE SKIP LOCKED` lets any
number of workers claim disjoint rows without a leader; SQLite has no row locks, so the same
statements run under BEGIN IMMEDIATE (one writer at a time), which gives the same guarantee.

Every change of state is a conditional UPDATE whose WHERE names the states it may leave: a
row that was sent is never made pending again, whatever a concurrent transaction believed.
Leases are wall-clock time (`lease_now`); what is due is decided by `now` (`remind --now`).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, func, select, text, update
from sqlalchemy.orm import Session

from tracker.store import tables as t
from tracker.store.rows import REMINDER_EVENT

R = t.Reminder
# Literal, so that the planner can match the partial index ix_reminders_waiting_next_attempt_at.
_WAITING_SQL = text("reminders.state IN ('pending', 'failed')")
# Rows that count as "this reminder is (being) delivered" when picking the latest due one.
_LIVE = ("pending", "failed", "sending", "sent")
SKIPPED = "skipped: a later reminder of the item was due at the same time"


@dataclass(frozen=True)
class ClaimedRow:
    """An outbox row this worker holds a lease on, with what it takes to deliver it."""

    id: int
    idempotency_key: str
    item_id: int
    channel_id: int
    channel_kind: str
    target: str
    secret: str | None
    kind: str
    event: str
    detail: dict[str, Any]
    days_before: int
    due_on: Any  # date | None
    fire_at: datetime
    digest_at: datetime | None
    attempts: int  # including the attempt about to be made


@dataclass(frozen=True)
class Delivery:
    """One message to send: a single row, or every row of one channel's digest."""

    rows: tuple[ClaimedRow, ...]

    @property
    def first(self) -> ClaimedRow:
        return self.rows[0]

    @property
    def is_digest(self) -> bool:
        return self.first.digest_at is not None

    @property
    def ids(self) -> list[int]:
        return [r.id for r in self.rows]

    @property
    def idempotency_key(self) -> str:
        """The message id: the row's key, or one per digest (channel, time, first row)."""
        row = self.first
        if row.digest_at is None:
            return row.idempotency_key
        return f"digest-c{row.channel_id}-{row.digest_at:%Y%m%dT%H%MZ}-{min(self.ids)}"


@dataclass(frozen=True)
class Claim:
    deliveries: list[Delivery]
    skipped: list[int]


_COLUMNS = (R, t.Channel.kind, t.Channel.target, t.Channel.secret)
_Query = Select[t.Reminder, str, str, str | None]


def _locked(query: _Query, limit: int | None = None) -> _Query:
    query = query.join(t.Channel, t.Channel.id == R.channel_id).where(t.Channel.is_active.is_(True))
    if limit is not None:
        query = query.limit(limit)
    return query.with_for_update(skip_locked=True, of=R)


def claim_query(now: datetime, limit: int) -> _Query:
    """The due waiting rows of active channels, oldest first, `limit` of them, locked."""
    # Index order: the claim reads `limit` rows of the partial index, never the whole backlog.
    query = select(*_COLUMNS).where(_WAITING_SQL, R.next_attempt_at <= now)
    return _locked(query.order_by(R.next_attempt_at, R.id), limit)


def _expired(lease_now: datetime, limit: int) -> _Query:
    # A worker that died mid-send leaves `sending` rows behind; its lease expires.
    query = select(*_COLUMNS).where(R.state == "sending", R.lease_until < lease_now)
    return _locked(query.order_by(R.lease_until, R.id), limit)


def _digest_rest(channel_id: int, digest_at: datetime, now: datetime) -> _Query:
    query = select(*_COLUMNS).where(
        _WAITING_SQL, R.channel_id == channel_id, R.digest_at == digest_at, R.next_attempt_at <= now
    )
    return _locked(query.order_by(R.id))


def claim_due(
    session: Session,
    *,
    now: datetime,
    lease_now: datetime,
    worker_id: str,
    lease: timedelta,
    limit: int,
) -> Claim:
    """Lease up to `limit` due rows (plus the rest of their digests) to `worker_id`.

    1. Lock due waiting rows of active channels in index order, then expired leases.
    2. Complete each digest: every waiting row of that channel and digest time goes along.
    3. Of several due reminders of one item and channel, keep only the latest: skip the rest
       (a replayed reminder is always sent).
    4. Mark the rest `sending` with a wall-clock lease, counting the attempt.
    """
    rows = {r[0].id: r for r in session.execute(claim_query(now, limit)).all()}
    if len(rows) < limit:
        rows |= {r[0].id: r for r in session.execute(_expired(lease_now, limit - len(rows)))}
    for channel_id, digest_at in {(r.channel_id, r.digest_at) for r, *_ in rows.values()}:
        if digest_at is not None:
            rest = session.execute(_digest_rest(channel_id, digest_at, now)).all()
            rows |= {r[0].id: r for r in rest}
    if not rows:
        return Claim([], [])
    skipped = _stale(session, [r[0] for r in rows.values()], now)
    fresh = [row for row_id, row in sorted(rows.items()) if row_id not in skipped]
    _set(session, skipped, state="skipped", lease_until=None, claimed_by=None, last_error=SKIPPED)
    _set(
        session,
        [r[0].id for r in fresh],
        state="sending",
        lease_until=lease_now + lease,
        claimed_by=worker_id,
        attempts=R.attempts + 1,
        updated_at=now,
    )
    return Claim(_deliveries([_claimed(*row) for row in fresh]), sorted(skipped))


def _set(session: Session, ids: Collection[int], **values: Any) -> None:
    if ids:
        session.execute(
            update(R)
            .where(R.id.in_(list(ids)))
            .values(**values)
            .execution_options(synchronize_session=False)
        )


def _stale(session: Session, rows: list[t.Reminder], now: datetime) -> set[int]:
    reminders = [r for r in rows if r.event == REMINDER_EVENT and r.replayed_at is None]
    if not reminders:
        return set()
    latest = _latest_due(session, {r.item_id for r in reminders}, now)
    return {r.id for r in reminders if r.fire_at < latest.get((r.item_id, r.channel_id), r.fire_at)}


def _latest_due(
    session: Session, item_ids: Iterable[int], now: datetime
) -> dict[tuple[int, int], datetime]:
    query = (
        select(R.item_id, R.channel_id, func.max(R.fire_at))
        .where(
            R.item_id.in_(list(item_ids)),
            R.event == REMINDER_EVENT,
            R.state.in_(_LIVE),
            R.fire_at <= now,
        )
        .group_by(R.item_id, R.channel_id)
    )
    # max() keeps the column type, so values come back as aware UTC datetimes on both backends.
    return {(item_id, channel_id): newest for item_id, channel_id, newest in session.execute(query)}


def _claimed(row: t.Reminder, kind: str, target: str, secret: str | None) -> ClaimedRow:
    return ClaimedRow(
        id=row.id,
        idempotency_key=row.idempotency_key,
        item_id=row.item_id,
        channel_id=row.channel_id,
        channel_kind=kind,
        target=target,
        secret=secret,
        kind=row.kind,
        event=row.event,
        detail=json.loads(row.detail) if row.detail else {},
        days_before=row.days_before,
        due_on=row.due_on,
        fire_at=row.fire_at,
        digest_at=row.digest_at,
        attempts=row.attempts + 1,
    )


def _deliveries(rows: list[ClaimedRow]) -> list[Delivery]:
    singles = [Delivery((r,)) for r in rows if r.digest_at is None]
    groups: dict[tuple[int, datetime], list[ClaimedRow]] = {}
    for r in rows:
        if r.digest_at is not None:
            groups.setdefault((r.channel_id, r.digest_at), []).append(r)
    return singles + [Delivery(tuple(group)) for group in groups.values()]
