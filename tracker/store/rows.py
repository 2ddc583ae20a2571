"""Outbox rows as users see them: states, listing, replaying dead ones."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator
from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.errors import NotFoundError, UsageError
from tracker.store import tables as t

REMINDER_EVENT = "deadline.reminder"
STATES: tuple[str, ...] = ("pending", "sending", "sent", "superseded", "skipped", "failed", "dead")
# Rows not yet handed to a notifier: they may still be claimed, or superseded by a replan.
WAITING: tuple[str, ...] = ("pending", "failed")

R = t.Reminder


class ReminderRow(BaseModel):
    """One outbox row as `remind list` shows it."""

    model_config = ConfigDict(frozen=True)

    id: int
    idempotency_key: str
    event: str
    item_id: int
    channel_id: int
    kind: str
    days_before: int
    due_on: date | None
    fire_at: datetime
    digest_at: datetime | None
    state: str
    attempts: int
    next_attempt_at: datetime
    lease_until: datetime | None
    claimed_by: str | None
    last_error: str | None
    sent_at: datetime | None
    replayed_at: datetime | None
    detail: dict[str, Any] | None

    @field_validator("detail", mode="before")
    @classmethod
    def _parse_detail(cls, value: Any) -> Any:
        return json.loads(value) if isinstance(value, str) else value


def reminder_row(row: t.Reminder) -> ReminderRow:
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
    return [reminder_row(row) for row in session.scalars(query)]


def get_reminder(session: Session, reminder_id: int) -> ReminderRow:
    row = session.get(R, reminder_id)
    if row is None:
        raise NotFoundError(f"no reminder with id {reminder_id}")
    return reminder_row(row)


def replay_dead(session: Session, reminder_id: int, *, now: datetime) -> ReminderRow:
    """Queue a dead row again with fresh attempts, due now, exempt from the latest-only rule.

    A replay is an explicit request to deliver this message, so a later reminder of the same
    item that went out meanwhile does not skip it.
    """
    row = session.get(R, reminder_id, with_for_update=True)
    if row is None:
        raise NotFoundError(f"no reminder with id {reminder_id}")
    if row.state != "dead":
        raise UsageError(f"reminder {reminder_id} is {row.state}; only dead reminders replay")
    channel = session.get(t.Channel, row.channel_id)
    if channel is None or not channel.is_active:
        raise UsageError(
            f"channel {row.channel_id} of reminder {reminder_id} is disabled; "
            f"enable it first: tracker channel enable {row.channel_id}"
        )
    row.state, row.attempts, row.next_attempt_at = "pending", 0, now
    row.lease_until = row.claimed_by = None
    row.replayed_at = row.updated_at = now
    if row.digest_at is not None:  # a replay goes out on its own, not with a later digest
        row.digest_at = None
    session.flush()
    return reminder_row(row)
