"""Use case step: fetch one claimed source, read its entries, record the result and backoff."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.engine import Engine

from tracker.clock import Clock
from tracker.config import Settings
from tracker.errors import DatabaseError, InputError
from tracker.net.fetch import Fetcher, FetchError, Response
from tracker.schedule.backoff import source_backoff
from tracker.services.watch_entries import (
    DocumentOutcome,
    EntryContext,
    EntryFailure,
    ingest_entry,
    process_entry,
    record_skipped,
)
from tracker.services.watch_listing import Listing, list_entries
from tracker.sources.entries import plan_entries
from tracker.store import entries as entry_store
from tracker.store import sources as store
from tracker.store.session import read_session, transaction
from tracker.store.sources import ClaimedSource, SourceRow

logger = logging.getLogger(__name__)


@dataclass
class SourceOutcome:
    """What one fetch of one source did."""

    source_id: int
    url: str
    name: str | None
    state: str  # ok | not modified | failed | gave up | busy
    kind: str = "unknown"
    documents: list[DocumentOutcome] = field(default_factory=list)
    repeated: int = 0
    skipped: int = 0
    deferred: int = 0
    entry_failures: list[EntryFailure] = field(default_factory=list)
    error: str | None = None
    next_fetch_at: datetime | None = None

    @classmethod
    def busy(cls, row: SourceRow) -> SourceOutcome:
        return cls(row.id, row.url, row.name, "busy", row.kind, error="another worker fetches it")

    @property
    def new_documents(self) -> list[DocumentOutcome]:
        return [d for d in self.documents if d.state != "unchanged"]

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.source_id,
            "url": self.url,
            "name": self.name,
            "state": self.state,
            "kind": self.kind,
            "documents": [vars(d) for d in self.documents],
            "repeated": self.repeated,
            "skipped": self.skipped,
            "deferred": self.deferred,
            "entry_failures": [vars(f) for f in self.entry_failures],
            "error": self.error,
            "next_fetch_at": self.next_fetch_at.isoformat() if self.next_fetch_at else None,
        }


@dataclass
class _Fetch:
    """One source being fetched by this worker."""

    engine: Engine
    settings: Settings
    clock: Clock
    fetcher: Fetcher
    source: ClaimedSource
    worker_id: str
    lease: timedelta
    max_entries: int
    stop: threading.Event
    lease_until: datetime = field(init=False)

    def __post_init__(self) -> None:
        self.lease_until = self.clock.now() + self.lease

    def keep_lease(self) -> None:
        now = self.clock.now()
        if self.lease_until - now < self.lease / 2:
            with transaction(self.engine) as session:
                store.renew_lease(
                    session, self.source.id, worker_id=self.worker_id, until=now + self.lease
                )
            self.lease_until = now + self.lease


def fetch_source(
    engine: Engine,
    settings: Settings,
    clock: Clock,
    fetcher: Fetcher,
    source: ClaimedSource,
    *,
    worker_id: str,
    lease: timedelta,
    max_entries: int,
    stop: threading.Event,
) -> SourceOutcome:
    """Fetch `source` (leased to `worker_id`), ingest its new entries and record the result."""
    run = _Fetch(engine, settings, clock, fetcher, source, worker_id, lease, max_entries, stop)
    outcome = SourceOutcome(source.id, source.url, source.name, "ok", source.kind)
    try:
        response = fetcher.get(source.url, etag=source.etag, last_modified=source.last_modified)
        if response.not_modified:
            outcome.state = "not modified"
            return _record_success(run, outcome, response, complete=True)
        listing = list_entries(fetcher, source.url, response)
        return _read_listing(run, outcome, response, listing)
    except (FetchError, InputError) as exc:
        return _record_failure(run, outcome, exc)
    except DatabaseError:
        raise
    except Exception as exc:  # a bug with one source must not stop the others
        logger.exception("source %s: unexpected error", source.id)
        return _record_failure(run, outcome, InputError(f"internal error: {exc!r}"))


def _read_listing(
    run: _Fetch, outcome: SourceOutcome, response: Response, listing: Listing
) -> SourceOutcome:
    source = run.source
    outcome.kind = listing.kind
    outcome.name = source.name or listing.title or urlsplit(source.url).hostname
    label = outcome.name or source.url
    ctx = EntryContext(
        run.engine, run.settings, run.clock, run.fetcher, source.id, label, source.lang
    )
    with read_session(run.engine) as session:
        seen = entry_store.seen_entries(session, source.id, [e.key for e in listing.entries])
    plan = plan_entries(
        listing.entries,
        {key: s.fingerprint for key, s in seen.items()},
        is_first_fetch=source.is_first_fetch,
        backfill=source.backfill,
        max_todo=run.max_entries,
    )
    outcome.repeated, outcome.skipped, outcome.deferred = (
        plan.repeated,
        len(plan.skipped),
        plan.deferred,
    )
    record_skipped(ctx, plan.skipped)
    for entry in plan.todo:
        if run.stop.is_set():
            outcome.deferred += 1
            continue
        if listing.page is not None and entry.key == listing.page[0].key:
            page_entry, doc, canonical = listing.page
            doc = replace(doc, name=ctx.label, lang=ctx.lang)
            result: DocumentOutcome | EntryFailure = ingest_entry(ctx, page_entry, doc, canonical)
        else:
            result = process_entry(ctx, entry)
        if isinstance(result, DocumentOutcome):
            outcome.documents.append(result)
        else:
            outcome.entry_failures.append(result)
        run.keep_lease()
    retry = any(f.will_retry for f in outcome.entry_failures)
    return _record_success(run, outcome, response, complete=not (retry or outcome.deferred))


def _record_success(
    run: _Fetch, outcome: SourceOutcome, response: Response, *, complete: bool
) -> SourceOutcome:
    now = run.clock.now()
    # Entries left waiting (the cap, or a stop): due again at once (fairly, by due time).
    next_at = now if outcome.deferred else now + run.source.interval
    values: dict[str, Any] = {
        "last_status": outcome.state,
        "next_fetch_at": next_at,
        "failures": 0,
        "failing_since": None,
        "last_error": None,
        "kind": outcome.kind,
    }
    if complete and not response.not_modified:
        # Only when every entry was read: else the next conditional GET would hide the rest.
        values.update(
            etag=_clip(response.etag, 500), last_modified=_clip(response.last_modified, 100)
        )
    if outcome.name and not run.source.name:
        values["name"] = outcome.name[:200]
    if outcome.new_documents:
        values["last_new_at"] = now
    _record(run, values)
    outcome.next_fetch_at = next_at
    return outcome


def _record_failure(
    run: _Fetch, outcome: SourceOutcome, error: FetchError | InputError
) -> SourceOutcome:
    now, source = run.clock.now(), run.source
    reason = error.reason if isinstance(error, FetchError) else error.message
    failures = source.failures + 1
    failing_since = source.failing_since or now
    retry_after = error.retry_after if isinstance(error, FetchError) else None
    gone = isinstance(error, FetchError) and error.is_gone
    gave_up = gone or now - failing_since >= run.settings.give_up_after
    next_at = now + source_backoff(source.interval, failures, retry_after=retry_after)
    _record(
        run,
        {
            "last_status": "error",
            "last_error": reason[:2000],
            "failures": failures,
            "failing_since": failing_since,
            "next_fetch_at": next_at,
            "gave_up_at": now if gave_up else None,
        },
    )
    logger.warning(
        "source %s failed (%s in a row%s): %s",
        source.id,
        failures,
        ", given up" if gave_up else "",
        reason,
        extra={"action": "source_failed", "source_id": source.id},
    )
    outcome.state, outcome.error = ("gave up" if gave_up else "failed"), reason
    outcome.next_fetch_at = None if gave_up else next_at
    return outcome


def _record(run: _Fetch, values: dict[str, Any]) -> None:
    with transaction(run.engine) as session:
        kept = store.record_fetch(
            session, run.source.id, worker_id=run.worker_id, now=run.clock.now(), **values
        )
    if not kept:
        logger.warning("source %s: lease lost before recording; not recorded", run.source.id)


def _clip(value: str | None, limit: int) -> str | None:
    return value if value is None or len(value) <= limit else None
