"""Use cases on tracked items: listing, the upcoming view, status changes and extensions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, selectinload

from tracker.clock import Clock
from tracker.config import Settings
from tracker.errors import NotFoundError, UsageError
from tracker.models import ACTIVE_STATUSES, EventView, ItemView
from tracker.services.events import record_item_event
from tracker.store import repository, writes
from tracker.store import tables as t
from tracker.store.session import read_session, transaction


@dataclass(frozen=True)
class Upcoming:
    as_of: date
    until: date
    due: list[ItemView]
    overdue: list[ItemView]
    has_more: bool


def today(settings: Settings, clock: Clock) -> date:
    """Return today's date where the user lives (TRACKER_TIMEZONE)."""
    return clock.now().astimezone(settings.tz).date()


def actor_keys(names: list[str]) -> list[str]:
    """Map user-typed actor names (any alias, any language) to stored actor keys."""
    if not names:
        return []
    from tracker.extract.describe.actors import canonical_actor

    return [writes.actor_key(canonical_actor(n)) for n in names]


def upcoming(engine: Engine, *, as_of: date, days: int, limit: int) -> Upcoming:
    """Return active items due within `days` of `as_of`, and the overdue ones."""
    until = as_of + timedelta(days=days)
    with read_session(engine) as session:
        due = repository.list_items(
            session, statuses=ACTIVE_STATUSES, due_from=as_of, due_to=until, limit=limit + 1
        )
        overdue = repository.list_items(
            session, statuses=ACTIVE_STATUSES, due_to=as_of - timedelta(days=1), limit=limit + 1
        )
    has_more = len(due) > limit or len(overdue) > limit
    return Upcoming(as_of, until, due[:limit], overdue[:limit], has_more)


def timeline(
    engine: Engine, *, date_from: date | None, date_to: date | None
) -> tuple[list[EventView], list[ItemView]]:
    """Return the events and dated items of a period, for one chronology."""
    with read_session(engine) as session:
        events = repository.list_events(session, date_from=date_from, date_to=date_to)
        items = repository.list_items(session, due_from=date_from, due_to=date_to, dated_only=True)
    return events, items


def set_status(
    engine: Engine, settings: Settings, clock: Clock, item_id: int, status: str, note: str | None
) -> ItemView:
    """Change an item's status, record it in the history and re-plan its reminders."""
    if status == "extended":
        raise UsageError("use `tracker extend ID --due DATE` to extend an item")
    now = clock.now()
    with transaction(engine) as session:
        item = _load(session, item_id)
        if item.status != status:
            writes.record_change(
                session,
                item,
                from_status=item.status,
                to_status=status,
                at=now,
                note=note,
                due_before=item.due_on,
                due_after=item.due_on,
            )
            item.status = status
            _touched(session, settings, item, now)
        return repository.get_item(session, item_id)


def extend(
    engine: Engine, settings: Settings, clock: Clock, item_id: int, due: date, note: str | None
) -> ItemView:
    """Move an item's due date; the old date stays in the history."""
    now = clock.now()
    with transaction(engine) as session:
        item = _load(session, item_id)
        if item.due_on == due:
            raise UsageError(f"item {item_id} is already due on {due.isoformat()}")
        writes.record_change(
            session,
            item,
            from_status=item.status,
            to_status="extended",
            at=now,
            note=note,
            due_before=item.due_on,
            due_after=due,
        )
        change = {"due_before": item.due_on, "due_after": due}
        item.status, item.due_on, item.due_precision = "extended", due, "day"
        _touched(session, settings, item, now)
        record_item_event(session, item, "due_changed", settings=settings, now=now, detail=change)
        return repository.get_item(session, item_id)


def _load(session: Session, item_id: int) -> t.Item:
    item = session.scalars(
        select(t.Item).where(t.Item.id == item_id).options(selectinload(t.Item.history))
    ).first()
    if item is None:
        raise NotFoundError(f"no item with id {item_id}")
    return item


def _touched(session: Session, settings: Settings, item: t.Item, now: datetime) -> None:
    from tracker.services.planning import replan_item

    item.version += 1
    item.updated_at = now
    session.flush()
    replan_item(session, item, settings=settings, now=now)
