"""Use cases that change tracked items: status changes and extensions.

The listing use cases live in tracker.services.listing (no SQLAlchemy on that path).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, selectinload

from tracker.clock import Clock
from tracker.config import Settings
from tracker.errors import NotFoundError, UsageError
from tracker.models import ItemView
from tracker.services.events import record_item_event
from tracker.services.listing import actor_keys, today
from tracker.store import repository, writes
from tracker.store import tables as t
from tracker.store.session import transaction

__all__ = ["actor_keys", "extend", "set_status", "today"]


def set_status(
    engine: Engine, settings: Settings, clock: Clock, item_id: int, status: str, note: str | None
) -> ItemView:
    """Change an item's status, record it in the history and re-plan its reminders."""
    if status == "overdue":
        raise UsageError("overdue follows from the due date and cannot be set")
    now = clock.now()
    with transaction(engine) as session:
        item = _load(session, item_id)
        if status == "extended" and not _was_extended(item):
            raise UsageError(
                f"item {item_id} was never extended: use `tracker extend ID --due DATE`"
            )
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
            touch_item(session, settings, item, now)
        return repository.get_item(session, item_id)


def extend(
    engine: Engine,
    settings: Settings,
    clock: Clock,
    item_id: int,
    due: date,
    note: str | None,
    *,
    advance: bool = False,
    reopen: bool = False,
) -> ItemView:
    """Move an item's due date; the old date stays in the history.

    An earlier date needs `advance` (a deadline brought forward, not a typo); a met or
    cancelled item needs `reopen` (it comes back as extended, with its reminders)."""
    now = clock.now()
    with transaction(engine) as session:
        item = _load(session, item_id)
        if item.due_on == due:
            raise UsageError(f"item {item_id} is already due on {due.isoformat()}")
        if item.status in ("met", "cancelled") and not reopen:
            raise UsageError(f"item {item_id} is {item.status}: add --reopen to extend it anyway")
        if item.due_on is not None and due < item.due_on and not advance:
            raise UsageError(
                f"{due.isoformat()} is before item {item_id}'s due date"
                f" {item.due_on.isoformat()}: add --advance to bring it forward"
            )
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
        item.version += 1
        item.updated_at = now
        # (the event re-plans the reminders: once)
        record_item_event(session, item, "due_changed", settings=settings, now=now, detail=change)
        return repository.get_item(session, item_id)


def _was_extended(item: t.Item) -> bool:
    """Whether the item's due date was ever moved after it was found."""
    return any(h.from_status is not None and h.due_before != h.due_after for h in item.history)


def _load(session: Session, item_id: int) -> t.Item:
    item = session.scalars(
        select(t.Item).where(t.Item.id == item_id).options(selectinload(t.Item.history))
    ).first()
    if item is None:
        raise NotFoundError(f"no item with id {item_id}")
    return item


def touch_item(session: Session, settings: Settings, item: t.Item, now: datetime) -> None:
    """Count a change of the item (version, updated_at) and re-plan its reminders."""
    from tracker.services.planning import replan_item

    item.version += 1
    item.updated_at = now
    session.flush()
    replan_item(session, item, settings=settings, now=now)
