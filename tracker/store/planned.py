"""Writes that keep an item's outbox rows in step with it (used by services.planning).

Each write is a conditional UPDATE guarded by the states it may leave, read fresh from the
database: a re-plan acts on what the rows are, never on what an earlier read said they were.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from tracker.store import tables as t
from tracker.store.rows import REMINDER_EVENT, WAITING

R = t.Reminder


@dataclass(frozen=True)
class RowState:
    id: int
    state: str


def lock_item(session: Session, item_id: int) -> None:
    """Serialise re-plans of one item (PostgreSQL; SQLite has one writer already)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(t.Item.id).where(t.Item.id == item_id).with_for_update())


def reminder_states(session: Session, item_id: int) -> dict[str, RowState]:
    """Return the item's reminder rows by idempotency key, as they are now."""
    query = select(R.idempotency_key, R.id, R.state).where(
        R.item_id == item_id, R.event == REMINDER_EVENT
    )
    return {key: RowState(row_id, state) for key, row_id, state in session.execute(query)}


def supersede(session: Session, ids: Sequence[int], *, reason: str, now: datetime) -> None:
    """Withdraw rows that are still waiting; a row being sent or sent stays what it is."""
    if ids:
        session.execute(
            update(R)
            .where(R.id.in_(list(ids)), R.state.in_(WAITING))
            .values(state="superseded", last_error=reason, updated_at=now)
            .execution_options(synchronize_session=False)
        )


def revive(session: Session, row_id: int, *, values: dict[str, Any], now: datetime) -> None:
    """Queue a superseded row again (planned again and still ahead); no other state moves."""
    session.execute(
        update(R)
        .where(R.id == row_id, R.state == "superseded")
        .values(state="pending", attempts=0, last_error=None, updated_at=now, **values)
        .execution_options(synchronize_session=False)
    )


def insert_rows(session: Session, rows: list[dict[str, Any]]) -> None:
    if rows:
        session.execute(insert(R), rows)
