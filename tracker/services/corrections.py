"""Users correct what the machine got wrong: merge two items, split a source off, edit an item.

Every correction is one transaction, recorded in the history of the items it touches, and
re-plans their reminders.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, selectinload

from tracker.clock import Clock
from tracker.config import Settings
from tracker.errors import NotFoundError, UsageError
from tracker.models import ItemView
from tracker.services.events import record_item_event
from tracker.services.items import touch_item
from tracker.store import changes, repository, writes
from tracker.store import tables as t
from tracker.store.session import transaction


def merge(
    engine: Engine, settings: Settings, clock: Clock, keep_id: int, other_id: int, note: str | None
) -> ItemView:
    """Fold item `other_id` into `keep_id`: its evidence, actors and pending changes move over,
    `keep_id` keeps its due date and status, and `other_id` is gone (with its reminders)."""
    if keep_id == other_id:
        raise UsageError("merge needs two different items")
    now = clock.now()
    with transaction(engine) as session:
        keep, other = _load(session, keep_id), _load(session, other_id)
        keep.actors = sorted({*keep.actors, *other.actors}, key=lambda a: a.name)
        session.execute(
            update(t.ItemChange).where(t.ItemChange.item_id == other.id).values(item_id=keep.id)
        )
        due = f", due {other.due_on.isoformat()}" if other.due_on else ""
        detail = f"merged #{other.id} ({other.description}{due})" + (f": {note}" if note else "")
        _record(session, keep, now, detail)
        changes.absorb_item(session, keep, other)
        touch_item(session, settings, keep, now)
        return repository.get_item(session, keep_id)


def split(
    engine: Engine, settings: Settings, clock: Clock, item_id: int, source: int, note: str | None
) -> ItemView:
    """Move the item's `source`-th piece of evidence (1-based, as `tracker show` numbers them)
    to a new item with the same description, due date and actors; return the new item."""
    now = clock.now()
    with transaction(engine) as session:
        item = _load(session, item_id)
        if len(item.evidence) < 2:
            raise UsageError(f"item {item_id} has one source only: nothing to split off")
        if not 1 <= source <= len(item.evidence):
            raise UsageError(f"item {item_id} has sources 1 to {len(item.evidence)}, not {source}")
        moved = item.evidence[source - 1]
        new = t.Item(
            description=item.description, deliverable=item.deliverable, due_on=item.due_on,
            due_precision=item.due_precision, anchor_on=item.anchor_on,
            anchor_kind=item.anchor_kind, status="open", confidence=item.confidence, version=0,
            created_at=now, updated_at=now,
        )  # fmt: skip
        new.actors = list(item.actors)
        session.add(new)
        session.flush()
        moved.item_id = new.id
        session.flush()
        suffix = f": {note}" if note else ""
        _record(session, item, now, f"split source {source} off into #{new.id}{suffix}")
        writes.record_change(
            session, new, to_status="open", at=now, due_after=new.due_on,
            note=f"split from #{item.id}{suffix}", document_id=moved.document_id, quote=moved.quote,
        )  # fmt: skip
        session.refresh(item)
        touch_item(session, settings, item, now)
        record_item_event(session, new, "created", settings=settings, now=now)
        return repository.get_item(session, new.id)


def edit(
    engine: Engine,
    settings: Settings,
    clock: Clock,
    item_id: int,
    *,
    description: str | None = None,
    actors: list[str] | None = None,
) -> ItemView:
    """Set an item's description and/or its actors (replacing them), kept in the history."""
    if description is None and actors is None:
        raise UsageError("nothing to edit: give --description and/or --actor")
    if description is not None and not description.strip():
        raise UsageError("the description cannot be empty")
    now = clock.now()
    with transaction(engine) as session:
        item = _load(session, item_id)
        notes = []
        if description is not None and description.strip() != item.description:
            notes.append(f"description: {item.description!r} -> {description.strip()!r}")
            item.description = description.strip()
        if actors is not None:
            before = ", ".join(a.name for a in item.actors) or "-"
            item.actors = writes.ensure_actors(session, actors)
            after = ", ".join(a.name for a in item.actors) or "-"
            if before != after:
                notes.append(f"actors: {before} -> {after}")
        if notes:
            _record(session, item, now, "edited " + "; ".join(notes))
            touch_item(session, settings, item, now)  # channel filters may match it differently
        return repository.get_item(session, item_id)


def _load(session: Session, item_id: int) -> t.Item:
    item = session.scalars(
        select(t.Item)
        .where(t.Item.id == item_id)
        .options(
            selectinload(t.Item.evidence), selectinload(t.Item.history), selectinload(t.Item.actors)
        )
    ).first()
    if item is None:
        raise NotFoundError(f"no item with id {item_id}")
    return item


def _record(session: Session, item: t.Item, now: datetime, note: str) -> None:
    writes.record_change(
        session, item, from_status=item.status, to_status=item.status, at=now, note=note,
        due_before=item.due_on, due_after=item.due_on,
    )  # fmt: skip
