"""Read queries for the ORM path. They return view models, never ORM rows.

The listing queries themselves live once in tracker.store.queries and run through
tracker.store.reader on the session's connection; `item_query` builds the calendar's filtered
id query, and `to_item_view` converts ORM rows that a caller already loaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, cast

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from tracker.models import EventView, HistoryEntry, ItemView, PendingChange, Source, Status
from tracker.store import tables as t
from tracker.store.queries import Selection, Slice
from tracker.store.reader import Reader


def _source(ev: t.Evidence | t.EventEvidence) -> Source:
    doc = ev.document
    return Source(
        document=doc.id,
        title=doc.title,
        url=doc.url,
        published=doc.published_on,
        source=doc.source,
        trigger=ev.trigger,
        span=(ev.span_start, ev.span_end),
        quote=ev.quote,
    )


def to_item_view(row: t.Item) -> ItemView:
    """Convert an ORM item (with evidence, history and actors loaded) to its view."""
    return ItemView(
        id=row.id,
        description=row.description,
        due=row.due_on,
        due_precision=row.due_precision,
        status=cast("Status", row.status),
        actors=[a.name for a in row.actors],
        anchor=row.anchor_on,
        anchor_kind=row.anchor_kind,
        confidence=row.confidence,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
        sources=[_source(ev) for ev in row.evidence],
        history=[
            HistoryEntry(
                at=h.at,
                from_status=h.from_status,
                to_status=h.to_status,
                due_before=h.due_before,
                due_after=h.due_after,
                note=h.note,
                document=h.document_id,
                quote=h.quote,
            )
            for h in row.history
        ],
        pending=[
            PendingChange(
                id=c.id,
                kind=c.kind,
                new_due=c.new_due,
                old_due=c.old_due,
                shift=c.shift,
                quote=c.quote,
                reason=c.reason,
                document=c.document_id,
                source=c.document.source,
                published=c.document.published_on,
            )
            for c in row.pending
        ],
    )


def reader(session: Session) -> Reader:
    """Read inside an ORM session's transaction (its pending changes flushed first)."""
    session.flush()
    return Reader(session.connection().connection.driver_connection)


def get_item(session: Session, item_id: int) -> ItemView:
    """Return one item or raise NotFoundError (the queries of tracker.store.queries)."""
    return reader(session).item(item_id)


def item_query(
    *,
    statuses: Sequence[str] = (),
    actor_keys: Sequence[str] = (),
    due_from: date | None = None,
    due_to: date | None = None,
    dated: bool | None = None,
) -> Select[Any]:
    """Build the filtered item query (dated=True: only dated, False: only undated), unordered."""
    query = select(t.Item)
    if statuses:
        query = query.where(t.Item.status.in_(statuses))
    if actor_keys:
        linked = (
            select(t.ItemActor.item_id)
            .join(t.Actor, t.Actor.id == t.ItemActor.actor_id)
            .where(t.Actor.key.in_(actor_keys))
        )
        query = query.where(t.Item.id.in_(linked))
    if due_from is not None:
        query = query.where(t.Item.due_on >= due_from)
    if due_to is not None:
        query = query.where(t.Item.due_on <= due_to)
    if dated is True:
        query = query.where(t.Item.due_on.is_not(None))
    elif dated is False:
        query = query.where(t.Item.due_on.is_(None))
    return query


def list_items(
    session: Session,
    *,
    statuses: Sequence[str] = (),
    actor_keys: Sequence[str] = (),
    due_from: date | None = None,
    due_to: date | None = None,
    dated_only: bool = False,
    limit: int | None = None,
) -> list[ItemView]:
    """Return the items of some stored statuses, by due date with undated items last."""
    undated = not dated_only and due_from is None and due_to is None
    part = Slice(tuple(statuses), due_from, due_to, undated)
    selection = Selection(slices=(part,), actor_keys=tuple(actor_keys), limit=limit)
    return reader(session).list_items(selection)[0]


def load_items(session: Session, ids: Sequence[int]) -> list[ItemView]:
    """Load full items by id, in the order given."""
    return reader(session).items(ids)


def list_events(
    session: Session, *, date_from: date | None = None, date_to: date | None = None
) -> list[EventView]:
    """Return past events in date order."""
    return reader(session).events(date_from=date_from, date_to=date_to)
