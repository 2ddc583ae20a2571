"""Use cases on the outbox as users see it: list rows, replay a dead one."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from tracker.clock import Clock
from tracker.store import rows
from tracker.store.session import read_session, transaction


def list_reminders(
    engine: Engine, *, state: str | None = None, limit: int | None = None
) -> list[rows.ReminderRow]:
    """Return outbox rows by fire time."""
    with read_session(engine) as session:
        return rows.list_reminders(session, state=state, limit=limit)


def replay_reminder(engine: Engine, clock: Clock, reminder_id: int) -> rows.ReminderRow:
    """Queue a dead reminder again, due now, with fresh attempts; it is sent whatever else
    went out for its item meanwhile."""
    with transaction(engine) as session:
        return rows.replay_dead(session, reminder_id, now=clock.now())
