"""Recording what became of claimed outbox rows: sent, failed, released, leases renewed.

Each is a conditional UPDATE on the row's current state and holder (see store.outbox).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Result, select, update
from sqlalchemy.orm import Session, selectinload

from tracker.models import ItemView
from tracker.store import tables as t
from tracker.store.repository import to_item_view

R = t.Reminder


def renew_leases(
    session: Session, ids: Sequence[int], *, worker_id: str, until: datetime
) -> set[int]:
    """Extend this worker's leases; return the ids it still holds (the others were taken)."""
    held = (R.id.in_(list(ids)), R.state == "sending", R.claimed_by == worker_id)
    session.execute(
        update(R)
        .where(*held)
        .values(lease_until=until)
        .execution_options(synchronize_session=False)
    )
    return set(session.scalars(select(R.id).where(*held)))


def mark_sent(session: Session, ids: Sequence[int], *, now: datetime) -> int:
    """Record a delivery. A delivery is a fact, so it is recorded whoever holds the lease."""
    result = session.execute(
        update(R)
        .where(R.id.in_(list(ids)), R.state != "sent")
        .values(state="sent", sent_at=now, lease_until=None, last_error=None, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    return _rowcount(result)


def mark_failed(
    session: Session,
    ids: Sequence[int],
    *,
    worker_id: str,
    now: datetime,
    error: str,
    next_attempt_at: datetime | None,
) -> int:
    """Record a failed attempt: retry at `next_attempt_at`, or `dead` when it is None.

    Only the lease holder may record a failure, so a slow worker whose lease was taken over
    cannot undo the new holder's delivery.
    """
    values: dict[str, Any] = {
        "state": "dead" if next_attempt_at is None else "failed",
        "last_error": error[:2000],
        "lease_until": None,
        "updated_at": now,
    }
    if next_attempt_at is not None:
        values["next_attempt_at"] = next_attempt_at
    result = session.execute(
        update(R)
        .where(R.id.in_(list(ids)), R.state == "sending", R.claimed_by == worker_id)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return _rowcount(result)


def release_claims(
    session: Session, *, worker_id: str, now: datetime, ids: Sequence[int] | None = None
) -> int:
    """Give back claimed but unsent rows (graceful stop); the attempt is not counted."""
    query = update(R).where(R.state == "sending", R.claimed_by == worker_id)
    if ids is not None:
        query = query.where(R.id.in_(list(ids)))
    result = session.execute(
        query.values(
            state="pending",
            lease_until=None,
            claimed_by=None,
            attempts=R.attempts - 1,
            updated_at=now,
        ).execution_options(synchronize_session=False)
    )
    return _rowcount(result)


def _rowcount(result: Result[Any]) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


def load_items(session: Session, item_ids: Iterable[int]) -> dict[int, ItemView]:
    """Return the views of the given items (with sources, history, actors) by id."""
    query = (
        select(t.Item)
        .where(t.Item.id.in_(list(item_ids)))
        .options(
            selectinload(t.Item.evidence).selectinload(t.Evidence.document),
            selectinload(t.Item.history),
            selectinload(t.Item.actors),
            selectinload(t.Item.pending).selectinload(t.ItemChange.document),
        )
    )
    return {row.id: to_item_view(row) for row in session.scalars(query)}
