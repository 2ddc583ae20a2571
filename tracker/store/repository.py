"""Read queries. They return pydantic models, never ORM rows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from tracker.errors import NotFoundError
from tracker.models import EventView, HistoryEntry, ItemView, Source
from tracker.store import tables as t

_ITEM_LOADS = (
    selectinload(t.Item.evidence).selectinload(t.Evidence.document),
    selectinload(t.Item.history),
    selectinload(t.Item.actors),
)


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
        status=row.status,
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
            )
            for h in row.history
        ],
    )


def get_item(session: Session, item_id: int) -> ItemView:
    """Return one item or raise NotFoundError."""
    row = session.scalars(select(t.Item).where(t.Item.id == item_id).options(*_ITEM_LOADS)).first()
    if row is None:
        raise NotFoundError(f"no item with id {item_id}")
    return to_item_view(row)


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
    """Return the items matching the filters, by due date with undated items last.

    The ordered ids come first from queries that walk an index in order and stop at `limit`
    (one per status, merged here), so the cost follows `limit`, not the size of the table.
    """
    filters: dict[str, Any] = {"actor_keys": actor_keys, "due_from": due_from, "due_to": due_to}
    groups = [[status] for status in statuses] or [[]]
    dated: list[tuple[Any, int]] = []
    for group in groups:
        query = item_query(statuses=group, dated=True, **filters)
        ordered = query.with_only_columns(t.Item.due_on, t.Item.id).order_by(
            t.Item.due_on, t.Item.id
        )
        dated.extend((row[0], row[1]) for row in session.execute(ordered.limit(limit)))
    ids = [item_id for _, item_id in sorted(dated)][:limit]
    wants_undated = not dated_only and due_from is None and due_to is None
    if wants_undated and (limit is None or len(ids) < limit):
        undated = item_query(statuses=statuses, dated=False, actor_keys=actor_keys)
        rest = undated.with_only_columns(t.Item.id).order_by(t.Item.id)
        if limit is not None:
            rest = rest.limit(limit - len(ids))
        ids.extend(session.scalars(rest))
    return load_items(session, ids)


def load_items(session: Session, ids: Sequence[int]) -> list[ItemView]:
    """Load full items by id, in the order given."""
    rows: dict[int, t.Item] = {}
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        query = select(t.Item).where(t.Item.id.in_(chunk)).options(*_ITEM_LOADS)
        rows.update((row.id, row) for row in session.scalars(query))
    return [to_item_view(rows[i]) for i in ids if i in rows]


def list_events(
    session: Session, *, date_from: date | None = None, date_to: date | None = None
) -> list[EventView]:
    """Return past events in date order."""
    query = select(t.Event).options(
        selectinload(t.Event.evidence).selectinload(t.EventEvidence.document)
    )
    if date_from is not None:
        query = query.where(t.Event.occurred_on >= date_from)
    if date_to is not None:
        query = query.where(t.Event.occurred_on <= date_to)
    query = query.order_by(t.Event.occurred_on, t.Event.id)
    return [
        EventView(
            id=row.id,
            date=row.occurred_on,
            date_precision=row.date_precision,
            description=row.description,
            sources=[_source(ev) for ev in row.evidence],
        )
        for row in session.scalars(query)
    ]
