"""Source use cases: add (address policy checked), list, pause, resume, remove; the fetcher."""

from __future__ import annotations

from datetime import timedelta
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urlsplit

from sqlalchemy.engine import Engine

from tracker.clock import Clock
from tracker.config import Settings, parse_duration
from tracker.errors import UsageError
from tracker.net.addresses import check_url
from tracker.net.fetch import Fetcher, FetchLimits
from tracker.net.pacing import HostPacer
from tracker.store import sources as store
from tracker.store.session import read_session, transaction
from tracker.store.sources import SourceRow

MIN_INTERVAL = timedelta(minutes=1)
MAX_BACKFILL = 1000
LANGS = ("de", "en")


def user_agent(settings: Settings) -> str:
    """Name the tool, its version and whom to contact (the `contact` setting)."""
    try:
        release = version("tracker")
    except PackageNotFoundError:  # running from a checkout that is not installed
        release = "0"
    contact = f"; +{settings.contact}" if settings.contact else ""
    return f"tracker/{release} (policy deadline tracker{contact})"


def build_fetcher(settings: Settings, *, pacer: HostPacer | None = None) -> Fetcher:
    """Return the polite HTTP client configured by the settings."""
    return Fetcher(
        user_agent=user_agent(settings),
        limits=FetchLimits(timeout=settings.fetch_timeout, max_bytes=settings.max_response_bytes),
        allow_private=settings.allow_private_addresses,
        pacer=pacer,
    )


def parse_interval(text: str) -> timedelta:
    """Parse `--every` (30m, 2h, 1d); below one minute is refused as impolite."""
    try:
        interval = parse_duration(text)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    if interval < MIN_INTERVAL:
        raise UsageError(f"--every {text}: fetching more often than once a minute is refused")
    return interval


def add_source(
    engine: Engine,
    settings: Settings,
    clock: Clock,
    url: str,
    *,
    name: str | None = None,
    every: timedelta | None = None,
    lang: str | None = None,
    backfill: int = 20,
) -> SourceRow:
    """Watch `url`; it is fetched at once by the next worker tick (or `source fetch`)."""
    url = url.strip()
    check_url(url, allow_private=settings.allow_private_addresses, must_resolve=False)
    if lang is not None and lang not in LANGS:
        raise UsageError(f"unknown language {lang!r} (de or en)")
    if not 0 <= backfill <= MAX_BACKFILL:
        raise UsageError(f"--backfill must be between 0 and {MAX_BACKFILL}")
    interval = every or settings.source_every
    now = clock.now()
    with transaction(engine) as session:
        return store.add_source(
            session,
            url=url,
            host=(urlsplit(url).hostname or "").lower(),
            name=(name or "").strip()[:200] or None,
            interval_seconds=int(interval.total_seconds()),
            lang=lang,
            backfill=backfill,
            next_fetch_at=now,
            created_at=now,
            updated_at=now,
        )


def list_sources(engine: Engine) -> list[SourceRow]:
    """Return every source with its fetch state."""
    with read_session(engine) as session:
        return store.list_sources(session)


def pause_source(engine: Engine, clock: Clock, source_id: int) -> SourceRow:
    with transaction(engine) as session:
        return store.set_paused(session, source_id, paused=True, now=clock.now())


def resume_source(engine: Engine, clock: Clock, source_id: int) -> SourceRow:
    """Resume a paused source, or one given up on: due at once, failures forgotten."""
    with transaction(engine) as session:
        return store.set_paused(session, source_id, paused=False, now=clock.now())


def remove_source(engine: Engine, source_id: int) -> SourceRow:
    """Stop watching; the documents and items it brought in stay."""
    with transaction(engine) as session:
        return store.remove_source(session, source_id)
