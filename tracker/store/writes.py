"""Write helpers for ingest and item changes. They flush but never commit (services own the tx)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import select, text
from sqlalchemy.orm import Session, selectinload

from tracker.models import actor_key as actor_key
from tracker.store import tables as t

# Due dates of one commitment reported by two sources may differ by a few days
# (different publication dates for "within 30 days").
MERGE_WINDOW = timedelta(days=4)
# Any constant works: it names the lock that serialises ingest transactions on PostgreSQL.
_INGEST_LOCK_KEY = 0x7472_6163


def lock_for_ingest(session: Session) -> None:
    """Serialise ingest on PostgreSQL (SQLite already has one writer under BEGIN IMMEDIATE)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _INGEST_LOCK_KEY})


def find_document_id(session: Session, content_hash: str) -> int | None:
    return session.scalar(select(t.Document.id).where(t.Document.content_hash == content_hash))


def ensure_actors(session: Session, names: Iterable[str]) -> list[t.Actor]:
    """Return actor rows for `names` (canonical names), creating the missing ones."""
    wanted = {actor_key(n): n for n in names if n.strip()}
    if not wanted:
        return []
    found = {a.key: a for a in session.scalars(select(t.Actor).where(t.Actor.key.in_(wanted)))}
    for key, name in wanted.items():
        if key not in found:
            found[key] = t.Actor(key=key, name=name.strip())
            session.add(found[key])
    session.flush()
    return [found[k] for k in sorted(wanted)]


def find_item_match(
    session: Session,
    *,
    deliverable: str,
    actor_keys: set[str],
    due_on: date | None,
    accepts: Callable[[t.Item], bool] = lambda item: True,
) -> t.Item | None:
    """Find the item this commitment restates: same deliverable and actors, due within days,
    and one `accepts` (the caller decides whether they are about the same thing)."""
    query = (
        select(t.Item)
        .where(t.Item.deliverable == deliverable)
        .options(selectinload(t.Item.actors))
        .order_by(t.Item.id)
    )
    if due_on is None:
        query = query.where(t.Item.due_on.is_(None))
    else:
        query = query.where(t.Item.due_on.between(due_on - MERGE_WINDOW, due_on + MERGE_WINDOW))
    for item in session.scalars(query):
        dated = due_on is not None
        if _same_actors({a.key for a in item.actors}, actor_keys, dated=dated) and accepts(item):
            return item
    return None


def _same_actors(existing: set[str], new: set[str], *, dated: bool) -> bool:
    # A dated match is already narrow (deliverable and a due date within days), so sources
    # naming a subset of the parties still agree; undated plans need the same parties.
    if dated:
        return existing == new or bool(existing & new) or not (existing or new)
    return existing == new


def add_item_evidence(
    session: Session,
    item: t.Item,
    document: t.Document,
    *,
    trigger: str,
    span: Sequence[int],
    quote: str,
) -> bool:
    """Attach evidence unless this exact mention is already attached; True when added."""
    exists = session.scalar(
        select(t.Evidence.id).where(
            t.Evidence.item_id == item.id,
            t.Evidence.document_id == document.id,
            t.Evidence.span_start == span[0],
        )
    )
    if exists is not None:
        return False
    session.add(
        t.Evidence(
            item=item,
            document=document,
            trigger=trigger,
            span_start=span[0],
            span_end=span[1],
            quote=quote,
        )
    )
    return True


def find_event_match(session: Session, *, fingerprint: str, occurred_on: date) -> t.Event | None:
    """Find the same happening reported earlier: same key, same day (give or take one)."""
    return session.scalars(
        select(t.Event)
        .where(
            t.Event.fingerprint == fingerprint,
            t.Event.occurred_on.between(
                occurred_on - timedelta(days=1), occurred_on + timedelta(days=1)
            ),
        )
        .order_by(t.Event.id)
    ).first()


def add_event_evidence(
    session: Session,
    event: t.Event,
    document: t.Document,
    *,
    trigger: str,
    span: Sequence[int],
    quote: str,
) -> bool:
    """Attach evidence to an event unless already there; True when added."""
    exists = session.scalar(
        select(t.EventEvidence.id).where(
            t.EventEvidence.event_id == event.id,
            t.EventEvidence.document_id == document.id,
            t.EventEvidence.span_start == span[0],
        )
    )
    if exists is not None:
        return False
    session.add(
        t.EventEvidence(
            event=event,
            document=document,
            trigger=trigger,
            span_start=span[0],
            span_end=span[1],
            quote=quote,
        )
    )
    return True


def record_change(
    session: Session,
    item: t.Item,
    *,
    to_status: str,
    at: datetime,
    note: str | None,
    from_status: str | None = None,
    due_before: date | None = None,
    due_after: date | None = None,
    document_id: int | None = None,
    quote: str | None = None,
) -> None:
    """Append an audit entry to the item's history (with the text and quote that caused it)."""
    item.history.append(
        t.StatusChange(
            from_status=from_status,
            to_status=to_status,
            due_before=due_before,
            due_after=due_after,
            note=note,
            at=at,
            document_id=document_id,
            quote=quote,
        )
    )


def linkable_events(
    session: Session, *, keys: Iterable[str], date_from: date, date_to: date
) -> list[t.Event]:
    """Return the events of the given kinds that happened in a period."""
    return list(
        session.scalars(
            select(t.Event)
            .where(t.Event.fingerprint.in_(list(keys)))
            .where(t.Event.occurred_on.between(date_from, date_to))
            .order_by(t.Event.id)
        )
    )


def documents_published(
    session: Session, *, date_from: date, date_to: date, exclude: int
) -> list[t.Document]:
    """Return the documents published in a period, except one."""
    return list(
        session.scalars(
            select(t.Document)
            .where(t.Document.published_on.between(date_from, date_to))
            .where(t.Document.id != exclude)
            .order_by(t.Document.id)
        )
    )


def has_event_evidence(session: Session, event: t.Event, document: t.Document) -> bool:
    """Return whether the document already evidences the event."""
    found = session.scalar(
        select(t.EventEvidence.id).where(
            t.EventEvidence.event_id == event.id, t.EventEvidence.document_id == document.id
        )
    )
    return found is not None
