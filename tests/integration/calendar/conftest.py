from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.engine import Engine

from tests.integration.calendar.factory import seed_items, status_items
from tracker.clock import FixedClock
from tracker.web.server import WebApp, make_server

NOW = datetime(2026, 2, 5, 12, 0, tzinfo=UTC)
LEADS = [timedelta(days=7), timedelta(days=1), timedelta(0)]


@pytest.fixture
def seeded(engine: Engine) -> dict[str, int]:
    """The seed articles' items and events plus one item per status; ids by name."""
    return {**seed_items(engine), **status_items(engine)}


TOKEN = "feed-token-0123456789abcdef"


@contextmanager
def running_server(engine: Engine, *, token: str | None = TOKEN) -> Iterator[str]:
    """Serve on a free loopback port in a thread; yield the base URL (ends with /)."""
    app = WebApp(engine, FixedClock(NOW), LEADS, ZoneInfo("Europe/Berlin"), token)
    server = make_server(app, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.url
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture
def feed_url(engine: Engine, seeded: dict[str, int]) -> Iterator[str]:
    with running_server(engine) as url:
        yield url
