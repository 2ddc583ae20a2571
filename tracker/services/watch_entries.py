"""Use case step: one entry of a watched source read, ingested once, and recorded.

An entry whose text is in the feed is ingested from there; otherwise its page is fetched and
read with trafilatura. The document goes through the normal ingest use case, so it merges
into items like any other. Each article is a chain of versions by canonical URL: an edited
text becomes a new document linked to the previous one, and both keep their evidence.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, replace
from typing import Literal

from sqlalchemy.engine import Engine

from tracker.clock import Clock
from tracker.config import Settings
from tracker.errors import DatabaseError, InputError, TrackerError
from tracker.net.fetch import Fetcher, FetchError
from tracker.services.ingest import content_hash, ingest_document
from tracker.sources.detect import detect_kind
from tracker.sources.entries import WatchEntry, digest, normalize_url
from tracker.sources.html import page_to_document
from tracker.sources.readers import SourceDocument
from tracker.store import entries as store
from tracker.store.session import transaction

logger = logging.getLogger(__name__)
# The database takes one ingest at a time anyway (BEGIN IMMEDIATE on SQLite, an advisory lock
# on PostgreSQL); queueing a worker's threads here spares them SQLite's sleeping busy-wait.
_INGEST_LOCK = threading.Lock()


@dataclass(frozen=True)
class DocumentOutcome:
    """What one entry brought in."""

    title: str | None
    url: str
    state: Literal["new", "version", "unchanged"]
    document_id: int
    version: int
    items_new: int
    items_merged: int


@dataclass(frozen=True)
class EntryFailure:
    url: str
    error: str
    will_retry: bool


@dataclass(frozen=True)
class EntryContext:
    """What reading entries of one source shares."""

    engine: Engine
    settings: Settings
    clock: Clock
    fetcher: Fetcher
    source_id: int
    label: str  # recorded as the documents' source
    lang: str | None


def _transient(exc: FetchError) -> bool:
    return not exc.permanent


def read_entry(ctx: EntryContext, entry: WatchEntry) -> tuple[SourceDocument, str]:
    """Return the entry's document and canonical URL (fetching its page when needed)."""
    link = entry.url or ""
    if entry.text is not None or not link:
        text = entry.text or entry.summary or ""
        if not text.strip():
            raise InputError("the entry has no text and no link")
        return _document(ctx, entry, text), normalize_url(link) if link else ""
    try:
        response = ctx.fetcher.get(link)
        if detect_kind(response.content_type, response.body) != "page":
            raise FetchError(f"{link}: the linked page is not an HTML article", permanent=True)
        page = page_to_document(response.body, content_type=response.content_type, name=link)
    except FetchError as exc:
        if _transient(exc) or not entry.summary:
            raise
        logger.info("reading the summary of %s instead of its page: %s", link, exc.reason)
        return _document(ctx, entry, entry.summary), normalize_url(link)
    doc = replace(
        page,
        name=ctx.label,
        lang=ctx.lang,
        published=entry.published or page.published,
        url=page.url or response.url,
    )
    return doc, normalize_url(page.url or response.url)


def _document(ctx: EntryContext, entry: WatchEntry, text: str) -> SourceDocument:
    title = entry.title
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n\n{text}"  # the headline carries meaning, as in html_to_document
    return SourceDocument(
        name=ctx.label,
        text=text,
        published=entry.published,
        lang=ctx.lang,
        title=title,
        url=entry.url,
    )


def ingest_entry(
    ctx: EntryContext, entry: WatchEntry, doc: SourceDocument, canonical: str
) -> DocumentOutcome:
    """Ingest the entry's document (once per text) and record the entry and its version."""
    size, limit = len(doc.text.encode("utf-8")), ctx.settings.max_document_bytes
    if size > limit:  # the same limit as files given to `tracker ingest`
        raise InputError(f"{doc.url or ctx.label}: text of {size:,} bytes (limit {limit:,})")
    with _INGEST_LOCK:
        return _ingest_and_record(ctx, entry, doc, canonical)


def _ingest_and_record(
    ctx: EntryContext, entry: WatchEntry, doc: SourceDocument, canonical: str
) -> DocumentOutcome:
    outcome = ingest_document(ctx.engine, ctx.settings, ctx.clock, doc)
    text_hash = content_hash(doc.text)
    url = canonical or doc.url or ""
    with transaction(ctx.engine) as session:
        version = 0
        if url:
            version = store.add_version(
                session,
                document_id=outcome.document_id,
                canonical_key=digest("url", url),
                canonical_url=url,
            )
        store.save_entry(
            session,
            source_id=ctx.source_id,
            key=entry.key,
            url=entry.url or url,
            fingerprint=entry.fingerprint,
            state="ingested",
            now=ctx.clock.now(),
            content_hash=text_hash,
            document_id=outcome.document_id,
        )
    state: Literal["new", "version", "unchanged"] = "unchanged"
    if outcome.state == "new":
        state = "version" if version > 1 else "new"
    return DocumentOutcome(
        title=doc.title,
        url=url,
        state=state,
        document_id=outcome.document_id,
        version=version,
        items_new=len(outcome.items_new),
        items_merged=len(outcome.items_merged),
    )


def process_entry(ctx: EntryContext, entry: WatchEntry) -> DocumentOutcome | EntryFailure:
    """Read and ingest one entry; a failure is recorded (or left for the next fetch)."""
    url = entry.url or "(entry without link)"
    try:
        doc, canonical = read_entry(ctx, entry)
        return ingest_entry(ctx, entry, doc, canonical)
    except FetchError as exc:
        if _transient(exc):
            return EntryFailure(url, exc.reason, will_retry=True)
        error = exc.reason
    except DatabaseError:
        raise
    except TrackerError as exc:  # not text, no publication date, ...
        error = exc.message
    record_entry(ctx, entry, state="failed", error=error)
    return EntryFailure(url, error, will_retry=False)


def record_entry(
    ctx: EntryContext, entry: WatchEntry, *, state: str, error: str | None = None
) -> None:
    """Record an entry that brought no document (skipped, failed) so it is not read again."""
    with transaction(ctx.engine) as session:
        store.save_entry(
            session,
            source_id=ctx.source_id,
            key=entry.key,
            url=entry.url,
            fingerprint=entry.fingerprint,
            state=state,
            now=ctx.clock.now(),
            error=error,
        )


def record_skipped(ctx: EntryContext, entries: list[WatchEntry]) -> None:
    """Record entries older than the backfill, in one transaction."""
    if not entries:
        return
    now = ctx.clock.now()
    with transaction(ctx.engine) as session:
        for entry in entries:
            store.save_entry(
                session,
                source_id=ctx.source_id,
                key=entry.key,
                url=entry.url,
                fingerprint=entry.fingerprint,
                state="skipped",
                now=now,
            )
