"""Queries on watched sources: adding and listing them, and claiming due ones with a lease.

Claiming follows the reminder outbox: on PostgreSQL, rows are locked with SKIP LOCKED and
the claim itself is serialised by an advisory lock, so that a host already being fetched by
one worker is never given to another (the per-host pace holds across machines); SQLite runs
the same statements under BEGIN IMMEDIATE, one writer at a time.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import ColumnElement, CursorResult, delete, exists, func, or_, select, text, update
from sqlalchemy.orm import Session

from tracker.errors import AlreadyExistsError, NotFoundError
from tracker.store import tables as t

S = t.Source
_CLAIM_LOCK_KEY = 0x7761_7463  # any constant: names the lock serialising source claims


class SourceRow(BaseModel):
    """One source as `source list` shows it."""

    model_config = ConfigDict(frozen=True, from_attributes=True)

    id: int
    url: str
    name: str | None
    kind: str
    interval_seconds: int
    lang: str | None
    backfill: int
    is_paused: bool
    next_fetch_at: datetime
    last_fetch_at: datetime | None
    last_status: str | None
    last_new_at: datetime | None
    failures: int
    failing_since: datetime | None
    gave_up_at: datetime | None
    last_error: str | None
    claimed_by: str | None
    lease_until: datetime | None
    created_at: datetime
    documents: int = 0

    @property
    def state(self) -> str:
        """paused | gave up | failing | ok | new."""
        if self.is_paused:
            return "paused"
        if self.gave_up_at is not None:
            return "gave up"
        if self.failures:
            return "failing"
        return "ok" if self.last_fetch_at is not None else "new"


@dataclass(frozen=True)
class ClaimedSource:
    """A source this worker holds a lease on, with what fetching it needs."""

    id: int
    url: str
    name: str | None
    kind: str
    lang: str | None
    backfill: int
    interval: timedelta
    etag: str | None
    last_modified: str | None
    failures: int
    failing_since: datetime | None
    is_first_fetch: bool  # no entry seen yet: only the newest `backfill` are ingested


def add_source(session: Session, **values: Any) -> SourceRow:
    """Insert a source; the same URL twice is an AlreadyExistsError."""
    known = session.scalar(select(S.id).where(S.url == values["url"]))
    if known is not None:
        raise AlreadyExistsError(f"source {known} already watches {values['url']}")
    row = S(**values, kind="unknown", failures=0, is_paused=False)
    session.add(row)
    session.flush()
    return SourceRow.model_validate(row)


def _documents_count() -> Any:
    return (
        select(func.count(t.SourceEntry.id))
        .where(t.SourceEntry.source_id == S.id, t.SourceEntry.state == "ingested")
        .correlate(S)
        .scalar_subquery()
    )


def list_sources(session: Session, ids: list[int] | None = None) -> list[SourceRow]:
    """Return sources by id, each with the number of documents it brought in."""
    query = select(S, _documents_count()).order_by(S.id)
    if ids is not None:
        query = query.where(S.id.in_(ids))
    return [
        SourceRow.model_validate(row).model_copy(update={"documents": count})
        for row, count in session.execute(query)
    ]


def get_source(session: Session, source_id: int) -> t.Source:
    row = session.get(S, source_id, with_for_update=True)
    if row is None:
        raise NotFoundError(f"no source with id {source_id}")
    return row


def set_paused(session: Session, source_id: int, *, paused: bool, now: datetime) -> SourceRow:
    """Pause a source, or resume it: due at once, its failure count and give-up cleared."""
    row = get_source(session, source_id)
    row.is_paused, row.updated_at = paused, now
    if not paused:
        row.next_fetch_at, row.gave_up_at = now, None
        row.failures, row.failing_since = 0, None
    session.flush()
    return list_sources(session, [source_id])[0]


def remove_source(session: Session, source_id: int) -> SourceRow:
    """Delete a source and its entries; the documents it brought in stay."""
    view = list_sources(session, [source_id])
    if not view:
        raise NotFoundError(f"no source with id {source_id}")
    session.execute(delete(t.SourceEntry).where(t.SourceEntry.source_id == source_id))
    session.delete(get_source(session, source_id))
    session.flush()
    return view[0]


# --- claiming -----------------------------------------------------------------------------


def _unleased(now: datetime) -> ColumnElement[bool]:
    return or_(S.lease_until.is_(None), S.lease_until < now)


def _host_busy(now: datetime, worker_id: str) -> ColumnElement[bool]:
    other = t.Source.__table__.alias("other")
    return exists().where(
        other.c.host == S.host,
        other.c.lease_until >= now,
        other.c.claimed_by != worker_id,
    )


def claim_sources(
    session: Session,
    *,
    now: datetime,
    worker_id: str,
    lease: timedelta,
    limit: int,
    ids: list[int] | None = None,
    exclude: Collection[int] = (),
) -> list[ClaimedSource]:
    """Lease sources to `worker_id`: the due active ones, or exactly `ids` (fetch now).

    `exclude` names sources this run already fetched (due again at once when entries wait).
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _CLAIM_LOCK_KEY})
    query = select(S).where(_unleased(now), ~_host_busy(now, worker_id))
    if ids is None:
        query = query.where(S.is_paused.is_(False), S.gave_up_at.is_(None), S.next_fetch_at <= now)
    else:
        query = query.where(S.id.in_(ids))
    if exclude:
        query = query.where(S.id.not_in(list(exclude)))
    query = query.order_by(S.next_fetch_at, S.id).limit(limit).with_for_update(skip_locked=True)
    rows = list(session.scalars(query))
    if not rows:
        return []
    session.connection().execute(
        update(S)
        .where(S.id.in_([r.id for r in rows]))
        .values(lease_until=now + lease, claimed_by=worker_id)
    )
    seen = set(
        session.scalars(
            select(t.SourceEntry.source_id)
            .where(t.SourceEntry.source_id.in_([r.id for r in rows]))
            .distinct()
        )
    )
    return [_claimed(row, is_first=row.id not in seen) for row in rows]


def _claimed(row: t.Source, *, is_first: bool) -> ClaimedSource:
    return ClaimedSource(
        id=row.id,
        url=row.url,
        name=row.name,
        kind=row.kind,
        lang=row.lang,
        backfill=row.backfill,
        interval=timedelta(seconds=row.interval_seconds),
        etag=row.etag,
        last_modified=row.last_modified,
        failures=row.failures,
        failing_since=row.failing_since,
        is_first_fetch=is_first,
    )


def renew_lease(session: Session, source_id: int, *, worker_id: str, until: datetime) -> bool:
    """Extend a lease this worker still holds (long fetches); False if it was lost."""
    result = session.connection().execute(
        update(S).where(S.id == source_id, S.claimed_by == worker_id).values(lease_until=until)
    )
    return _rowcount(result) == 1


def record_fetch(
    session: Session, source_id: int, *, worker_id: str, now: datetime, **values: Any
) -> bool:
    """Record a fetch's result and release the lease; only the lease holder may."""
    result = session.connection().execute(
        update(S)
        .where(S.id == source_id, S.claimed_by == worker_id)
        .values(**values, lease_until=None, claimed_by=None, last_fetch_at=now, updated_at=now)
    )
    return _rowcount(result) == 1


def release_sources(session: Session, *, worker_id: str) -> int:
    """Give back every lease of `worker_id` (graceful stop); the sources stay due."""
    result = session.connection().execute(
        update(S).where(S.claimed_by == worker_id).values(lease_until=None, claimed_by=None)
    )
    return _rowcount(result)


def _rowcount(result: CursorResult[Any]) -> int:
    return int(result.rowcount or 0)
