"""Use case: fetch watched sources and ingest what is new, without a hand on them.

Like reminder dispatch: claim due sources (short transaction, with a lease), fetch with no
transaction open, ingest each entry in its own transaction, record the result. A failing
source backs off exponentially and is given up on after failing for days; one bad source
never stops the others.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy.engine import Engine

from tracker.clock import Clock
from tracker.config import Settings
from tracker.errors import NotFoundError
from tracker.net.fetch import Fetcher
from tracker.services.sources import build_fetcher
from tracker.services.watch_fetch import SourceOutcome, fetch_source
from tracker.store import sources as store
from tracker.store.session import read_session, transaction
from tracker.store.sources import ClaimedSource

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class WatchPolicy:
    batch_size: int = 20
    # Sources fetched at once per worker; each host is still asked at most once a second.
    concurrency: int = 4
    # How long a claim stays valid; long fetches renew it as they go.
    lease: timedelta = timedelta(minutes=10)
    max_entries: int = 50  # entries read per fetch; the rest come at the next one


@dataclass
class WatchReport:
    sources: list[SourceOutcome] = field(default_factory=list)

    @property
    def failed(self) -> list[SourceOutcome]:
        return [s for s in self.sources if s.state in ("failed", "gave up")]

    @property
    def documents_new(self) -> int:
        return sum(len(s.new_documents) for s in self.sources)

    def as_dict(self) -> dict[str, Any]:
        return {"sources": [s.as_dict() for s in self.sources]}


@dataclass(frozen=True)
class _Run:
    engine: Engine
    settings: Settings
    clock: Clock
    worker_id: str
    policy: WatchPolicy
    fetcher: Fetcher
    stop: threading.Event


def fetch_due(
    engine: Engine,
    settings: Settings,
    clock: Clock,
    worker_id: str,
    *,
    fetcher: Fetcher | None = None,
    policy: WatchPolicy | None = None,
    stop: threading.Event | None = None,
) -> WatchReport:
    """Fetch every source due at `clock.now()`, batch by batch, until none is left."""
    return _with_run(engine, settings, clock, worker_id, fetcher, policy, stop, _due_loop)


def fetch_now(
    engine: Engine,
    settings: Settings,
    clock: Clock,
    worker_id: str,
    *,
    source_id: int | None = None,
    fetcher: Fetcher | None = None,
    policy: WatchPolicy | None = None,
) -> WatchReport:
    """Fetch one source (even paused or given up), or every active one, due or not."""
    with read_session(engine) as session:
        rows = store.list_sources(session, None if source_id is None else [source_id])
    if source_id is not None and not rows:
        raise NotFoundError(f"no source with id {source_id}")
    ids = [r.id for r in rows if source_id is not None or r.state not in ("paused", "gave up")]

    def loop(run: _Run) -> WatchReport:
        report = WatchReport()
        claimed = _claim(run, ids) if ids else []
        report.sources += _fetch_all(run, claimed)
        taken = {c.id for c in claimed}
        report.sources += [SourceOutcome.busy(r) for r in rows if r.id in ids and r.id not in taken]
        report.sources.sort(key=lambda s: s.source_id)
        return report

    return _with_run(engine, settings, clock, worker_id, fetcher, policy, None, loop)


def _with_run(
    engine: Engine,
    settings: Settings,
    clock: Clock,
    worker_id: str,
    fetcher: Fetcher | None,
    policy: WatchPolicy | None,
    stop: threading.Event | None,
    loop: Callable[[_Run], WatchReport],
) -> WatchReport:
    owned = fetcher is None
    run = _Run(
        engine,
        settings,
        clock,
        worker_id,
        policy or WatchPolicy(),
        fetcher or build_fetcher(settings),
        stop or threading.Event(),
    )
    try:
        return loop(run)
    finally:
        if owned:
            run.fetcher.close()


def _due_loop(run: _Run) -> WatchReport:
    report = WatchReport()
    done: set[int] = set()
    while not run.stop.is_set():
        claimed = _claim(run, None, exclude=done)
        if not claimed:
            break
        done.update(c.id for c in claimed)
        report.sources += _fetch_all(run, claimed)
    return report


def _claim(
    run: _Run, ids: list[int] | None, exclude: set[int] | None = None
) -> list[ClaimedSource]:
    with transaction(run.engine) as session:
        return store.claim_sources(
            session,
            now=run.clock.now(),
            worker_id=run.worker_id,
            lease=run.policy.lease,
            limit=len(ids) if ids is not None else run.policy.batch_size,
            ids=ids,
            exclude=exclude or (),
        )


def _fetch_all(run: _Run, claimed: list[ClaimedSource]) -> list[SourceOutcome]:
    def one(source: ClaimedSource) -> SourceOutcome:
        return fetch_source(
            run.engine,
            run.settings,
            run.clock,
            run.fetcher,
            source,
            worker_id=run.worker_id,
            lease=run.policy.lease,
            max_entries=run.policy.max_entries,
            stop=run.stop,
        )

    if run.policy.concurrency <= 1 or len(claimed) <= 1:
        return [one(source) for source in claimed]
    # Threads overlap network waits only; ingest still takes one writer at a time.
    with ThreadPoolExecutor(min(run.policy.concurrency, len(claimed))) as executor:
        return list(executor.map(one, claimed))


def release_worker_sources(engine: Engine, worker_id: str) -> int:
    """Give back the sources `worker_id` still holds (on shutdown)."""
    with transaction(engine) as session:
        return store.release_sources(session, worker_id=worker_id)
