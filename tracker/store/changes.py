"""Rows of change statements and the items they may concern. Flush, never commit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, selectinload

from tracker.store import tables as t
from tracker.store.writes import MERGE_WINDOW

OPEN_STATES = ("open", "extended")


def candidate_items(
    session: Session, *, due_from: date, due_to: date, published_by: date, exclude_document: int
) -> Sequence[t.Item]:
    """Open items due in the window with evidence from a text published by `published_by`
    (a change concerns what was said before it, not what its own text says)."""
    earlier = (
        select(t.Evidence.item_id)
        .join(t.Document, t.Document.id == t.Evidence.document_id)
        .where(t.Document.published_on <= published_by, t.Document.id != exclude_document)
    )
    query = (
        select(t.Item)
        .where(
            t.Item.status.in_(OPEN_STATES),
            t.Item.due_on.between(due_from, due_to),
            t.Item.id.in_(earlier),
        )
        .options(selectinload(t.Item.evidence), selectinload(t.Item.actors))
        .order_by(t.Item.id)
    )
    return session.scalars(query).all()


def pending_after(
    session: Session, *, published_from: date, exclude_document: int
) -> list[t.ItemChange]:
    """Pending change statements of texts published on or after `published_from`."""
    query = (
        select(t.ItemChange)
        .join(t.Document, t.Document.id == t.ItemChange.document_id)
        .where(
            t.ItemChange.state == "pending",
            t.ItemChange.kind != "conflict",
            t.Document.published_on >= published_from,
            t.ItemChange.document_id != exclude_document,
        )
        .options(selectinload(t.ItemChange.document))
        .order_by(t.Document.published_on, t.ItemChange.id)
    )
    return list(session.scalars(query))


def items_of_document(session: Session, document_id: int) -> Sequence[t.Item]:
    """Items whose every piece of evidence comes from this one text."""
    other = select(t.Evidence.item_id).where(t.Evidence.document_id != document_id)
    own = select(t.Evidence.item_id).where(t.Evidence.document_id == document_id)
    query = (
        select(t.Item)
        .where(t.Item.id.in_(own), t.Item.id.not_in(other))
        .options(selectinload(t.Item.evidence))
        .order_by(t.Item.id)
    )
    return session.scalars(query).all()


def absorb_item(session: Session, into: t.Item, other: t.Item) -> None:
    """Move `other`'s evidence to `into` and delete `other` (its reminders go with it)."""
    spans = {(e.document_id, e.span_start) for e in into.evidence}
    for evidence in list(other.evidence):
        if (evidence.document_id, evidence.span_start) in spans:
            continue
        into.evidence.append(
            t.Evidence(
                document_id=evidence.document_id,
                trigger=evidence.trigger,
                span_start=evidence.span_start,
                span_end=evidence.span_end,
                quote=evidence.quote,
            )
        )
    session.flush()
    session.execute(delete(t.Item).where(t.Item.id == other.id))
    session.expunge(other)


def decide(
    session: Session,
    change: t.ItemChange,
    *,
    state: str,
    item_id: int | None,
    at: datetime,
    reason: str,
) -> None:
    session.execute(
        update(t.ItemChange)
        .where(t.ItemChange.id == change.id)
        .values(state=state, item_id=item_id, decided_at=at, reason=reason)
        .execution_options(synchronize_session="fetch")
    )


def restating_items(session: Session, item: t.Item, *, published_by: date) -> Sequence[t.Item]:
    """Open items of earlier texts with the same deliverable and a shared actor as `item`, due
    on another date (beyond the merge window): candidates for a conflict."""
    actor_ids = [a.id for a in item.actors]
    if item.due_on is None:
        return []
    earlier = (
        select(t.Evidence.item_id)
        .join(t.Document, t.Document.id == t.Evidence.document_id)
        .where(t.Document.published_on <= published_by)
    )
    with_actors = select(t.ItemActor.item_id)
    shared = (
        with_actors.where(t.ItemActor.actor_id.in_(actor_ids))
        if actor_ids
        else select(t.Item.id).where(t.Item.id.not_in(with_actors))  # neither names anyone
    )
    window = (item.due_on - MERGE_WINDOW, item.due_on + MERGE_WINDOW)
    query = (
        select(t.Item)
        .where(
            t.Item.id != item.id,
            t.Item.deliverable == item.deliverable,
            t.Item.status.in_(OPEN_STATES),
            t.Item.due_on.is_not(None),
            ~t.Item.due_on.between(*window),
            t.Item.id.in_(earlier),
            t.Item.id.in_(shared),
        )
        .options(selectinload(t.Item.evidence))
        .order_by(t.Item.id)
    )
    return session.scalars(query).all()
