"""Entries of watched sources as last seen, and versions of articles. The caller owns the tx."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from tracker.store import tables as t

E = t.SourceEntry
V = t.DocumentVersion


@dataclass(frozen=True)
class SeenEntry:
    key: str
    fingerprint: str
    state: str
    content_hash: str | None
    document_id: int | None


@dataclass(frozen=True)
class LatestVersion:
    document_id: int
    version: int
    content_hash: str


def seen_entries(session: Session, source_id: int, keys: Iterable[str]) -> dict[str, SeenEntry]:
    """Return what was recorded for these entry keys of a source."""
    wanted = list(set(keys))
    found: dict[str, SeenEntry] = {}
    for start in range(0, len(wanted), 500):  # keep IN lists within every backend's limits
        query = select(E).where(
            E.source_id == source_id, E.entry_key.in_(wanted[start : start + 500])
        )
        for row in session.scalars(query):
            found[row.entry_key] = SeenEntry(
                row.entry_key, row.fingerprint, row.state, row.content_hash, row.document_id
            )
    return found


def save_entry(
    session: Session,
    *,
    source_id: int,
    key: str,
    url: str | None,
    fingerprint: str,
    state: str,
    now: datetime,
    content_hash: str | None = None,
    document_id: int | None = None,
    error: str | None = None,
) -> None:
    """Insert or update the entry (source_id, key): one row per entry, however often seen."""
    values = {
        "url": url[:2000] if url else None,
        "fingerprint": fingerprint,
        "state": state,
        "content_hash": content_hash,
        "document_id": document_id,
        "error": error[:2000] if error else None,
        "updated_at": now,
    }
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = insert(E).values(source_id=source_id, entry_key=key, first_seen_at=now, **values)
    session.execute(
        statement.on_conflict_do_update(index_elements=[E.source_id, E.entry_key], set_=values)
    )


def latest_version(session: Session, canonical_key: str) -> LatestVersion | None:
    """Return the newest stored version of the article at a canonical URL."""
    query = (
        select(V.document_id, V.version, t.Document.content_hash)
        .join(t.Document, t.Document.id == V.document_id)
        .where(V.canonical_key == canonical_key)
        .order_by(V.version.desc())
        .limit(1)
    )
    row = session.execute(query).first()
    return LatestVersion(row[0], row[1], row[2]) if row else None


def add_version(
    session: Session, *, document_id: int, canonical_key: str, canonical_url: str
) -> int:
    """Record `document_id` as the next version of its canonical URL; return its number.

    A document already recorded (the same text reached by another link) keeps its number.
    """
    known = session.get(V, document_id)
    if known is not None:
        return known.version
    previous = latest_version(session, canonical_key)
    version = previous.version + 1 if previous else 1
    session.add(
        V(
            document_id=document_id,
            canonical_key=canonical_key,
            canonical_url=canonical_url[:2000],
            version=version,
            previous_id=previous.document_id if previous else None,
        )
    )
    session.flush()
    return version
