"""Queries on channels (where reminders and events go). The caller owns the transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pydantic import BaseModel, ConfigDict
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from tracker.errors import AlreadyExistsError, NotFoundError, UsageError
from tracker.store import tables as t

# Rows a disabled channel gives up; `channel enable` re-plans them.
_WAITING = ("pending", "failed")
DISABLED = "channel disabled"


class ChannelRow(BaseModel):
    """One channel; the secret itself is never read back out."""

    model_config = ConfigDict(frozen=True)

    id: int
    kind: str
    target: str
    has_secret: bool
    filter_actor: str | None
    filter_status: str | None
    events: list[str]
    digest: str | None
    digest_time: str | None
    digest_weekday: int | None
    is_active: bool
    disabled_reason: str | None
    created_at: datetime


@dataclass(frozen=True)
class ChannelSpec:
    """What `channel add` asks for, validated by the service."""

    kind: str
    target: str
    secret: str | None
    filter_actor: str | None
    filter_status: str | None
    events: tuple[str, ...] = ("due",)
    digest: str | None = None
    digest_time: str | None = None
    digest_weekday: int | None = None


def subscriptions(row: t.Channel) -> set[str]:
    """Return what a channel subscribes to (`due`, `new`)."""
    return {part for part in row.events.split(",") if part}


def channel_view(row: t.Channel) -> ChannelRow:
    return ChannelRow(
        id=row.id,
        kind=row.kind,
        target=row.target,
        has_secret=bool(row.secret),
        filter_actor=row.filter_actor,
        filter_status=row.filter_status,
        events=sorted(subscriptions(row)),
        digest=row.digest,
        digest_time=row.digest_time,
        digest_weekday=row.digest_weekday,
        is_active=row.is_active,
        disabled_reason=row.disabled_reason,
        created_at=row.created_at,
    )


def active_channels(session: Session) -> list[t.Channel]:
    query = select(t.Channel).where(t.Channel.is_active.is_(True)).order_by(t.Channel.id)
    return list(session.scalars(query))


def save_channel(session: Session, spec: ChannelSpec, *, now: datetime) -> t.Channel:
    """Insert a channel, or re-activate a disabled one with the same kind and target."""
    row = session.scalars(
        select(t.Channel).where(t.Channel.kind == spec.kind, t.Channel.target == spec.target)
    ).first()
    if row is not None and row.is_active:
        raise AlreadyExistsError(f"channel {row.id} already sends {spec.kind} to {spec.target}")
    if row is None:
        row = t.Channel(kind=spec.kind, target=spec.target, created_at=now)
        session.add(row)
    row.secret, row.filter_actor, row.filter_status = (
        spec.secret,
        spec.filter_actor,
        spec.filter_status,
    )
    row.events = ",".join(spec.events)
    row.digest, row.digest_time, row.digest_weekday = (
        spec.digest,
        spec.digest_time,
        spec.digest_weekday,
    )
    row.is_active, row.disabled_reason = True, None
    session.flush()
    return row


def list_channels(session: Session) -> list[ChannelRow]:
    return [channel_view(row) for row in session.scalars(select(t.Channel).order_by(t.Channel.id))]


def get_channel(session: Session, channel_id: int, *, for_update: bool = False) -> t.Channel:
    row = session.get(t.Channel, channel_id, with_for_update=for_update or None)
    if row is None:
        raise NotFoundError(f"no channel with id {channel_id}")
    return row


def remove_channel(session: Session, channel_id: int) -> ChannelRow:
    """Delete a channel; its outbox rows go with it."""
    row = get_channel(session, channel_id)
    view = channel_view(row)
    session.execute(delete(t.Reminder).where(t.Reminder.channel_id == channel_id))
    session.delete(row)
    session.flush()
    return view


def disable_channel(session: Session, channel_id: int, *, reason: str, now: datetime) -> None:
    """Deactivate a channel (its endpoint answered 410, or a user asked) and drop its queue.

    Only waiting rows are superseded: a row being sent is recorded as whatever it becomes.
    """
    session.execute(
        update(t.Channel)
        .where(t.Channel.id == channel_id)
        .values(is_active=False, disabled_reason=reason)
    )
    session.execute(
        update(t.Reminder)
        .where(t.Reminder.channel_id == channel_id, t.Reminder.state.in_(_WAITING))
        .values(state="superseded", last_error=f"{DISABLED}: {reason}", updated_at=now)
        .execution_options(synchronize_session=False)
    )


def enable_channel(session: Session, channel_id: int) -> t.Channel:
    """Activate a disabled channel again; the caller re-plans what it should get."""
    row = get_channel(session, channel_id, for_update=True)
    if row.is_active:
        raise UsageError(f"channel {channel_id} is already enabled")
    row.is_active, row.disabled_reason = True, None
    session.flush()
    return row
