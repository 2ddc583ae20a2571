"""`tracker review`: the change statements and conflicting dates that wait for a person.

A pending change is applied to the item the user names (never to a guess), or rejected; a
conflict (a later text gives another date for the same commitment) is resolved by taking the
new date (`apply`: the item moves, the duplicate joins it) or by keeping both (`reject`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, selectinload

from tracker.clock import Clock
from tracker.config import Settings
from tracker.errors import NotFoundError, UsageError
from tracker.services.changes import apply_change
from tracker.store import changes as store
from tracker.store import tables as t
from tracker.store.session import read_session, transaction

# Below this a statement is too vague to show by default ("an extension" with no date).
SHOWN_CONFIDENCE = 0.5


@dataclass(frozen=True)
class ReviewEntry:
    id: int
    kind: str
    state: str
    item: int | None
    new_due: date | None
    old_due: date | None
    shift: str
    quote: str
    reason: str
    source: str
    published: date
    confidence: float


def list_pending(engine: Engine, *, include_vague: bool = False) -> list[ReviewEntry]:
    """Pending changes and conflicts, newest text first."""
    with read_session(engine) as session:
        query = (
            select(t.ItemChange)
            .where(t.ItemChange.state == "pending")
            .options(selectinload(t.ItemChange.document))
        )
        if not include_vague:
            query = query.where(t.ItemChange.confidence >= SHOWN_CONFIDENCE)
        rows = session.scalars(query).all()
        entries = [_entry(row) for row in rows]
    return sorted(entries, key=lambda e: (e.published, e.id), reverse=True)


def apply(
    engine: Engine, settings: Settings, clock: Clock, change_id: int, item_id: int | None
) -> ReviewEntry:
    """Apply a pending change to `item_id` (a conflict: to its own item, taking the new date)."""
    now = clock.now()
    with transaction(engine) as session:
        row = _pending(session, change_id)
        target = item_id if item_id is not None else row.item_id
        if target is None:
            raise UsageError(f"change {change_id} names no item: give --item ID")
        item = session.scalars(
            select(t.Item)
            .where(t.Item.id == target)
            .options(selectinload(t.Item.evidence), selectinload(t.Item.history))
        ).first()
        if item is None:
            raise NotFoundError(f"no item with id {target}")
        if row.kind != "met" and row.kind != "cancelled" and row.new_due is None and not row.shift:
            raise UsageError(
                f"change {change_id} gives no new date; use `tracker extend {target} --due`"
            )
        apply_change(session, settings, now, row, item)
        store.decide(
            session, row, state="applied", item_id=item.id, at=now, reason="applied by the user"
        )
        session.flush()
        session.refresh(row)
        return _entry(row)


def reject(engine: Engine, clock: Clock, change_id: int) -> ReviewEntry:
    """Reject a pending change or conflict: nothing changes, it leaves the review list."""
    now = clock.now()
    with transaction(engine) as session:
        row = _pending(session, change_id)
        store.decide(
            session,
            row,
            state="rejected",
            item_id=row.item_id,
            at=now,
            reason="rejected by the user",
        )
        session.flush()
        session.refresh(row)
        return _entry(row)


def _pending(session: Session, change_id: int) -> t.ItemChange:
    row = session.scalars(
        select(t.ItemChange)
        .where(t.ItemChange.id == change_id)
        .options(selectinload(t.ItemChange.document))
    ).first()
    if row is None:
        raise NotFoundError(f"no change with id {change_id}")
    if row.state != "pending":
        raise UsageError(f"change {change_id} is already {row.state}")
    return row


def _entry(row: t.ItemChange) -> ReviewEntry:
    return ReviewEntry(
        id=row.id,
        kind=row.kind,
        state=row.state,
        item=row.item_id,
        new_due=row.new_due,
        old_due=row.old_due,
        shift=row.shift,
        quote=row.quote,
        reason=row.reason,
        source=row.document.source,
        published=row.document.published_on,
        confidence=row.confidence,
    )
