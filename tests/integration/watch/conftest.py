"""Fixtures for the watch tests: a site on loopback, settings, a fetcher on a virtual clock."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from tests.integration.watch.site import Site
from tests.timers import VirtualTimer
from tracker.config import Settings
from tracker.net.fetch import Fetcher, FetchLimits
from tracker.net.pacing import HostPacer


class RecordingPacer(HostPacer):
    """The real pacer, remembering when (virtual seconds) each host was asked."""

    def __init__(self, timer: VirtualTimer) -> None:
        super().__init__(interval=1.0, timer=timer)
        self.asked: list[tuple[str, float]] = []

    @contextmanager
    def turn(self, host: str) -> Iterator[float]:
        with super().turn(host) as start:
            self.asked.append((host, start))
            yield start


@pytest.fixture
def site(httpserver) -> Site:
    served = Site()
    httpserver.expect_request(re.compile(".*")).respond_with_handler(served.handle)
    served.url = httpserver.url_for  # type: ignore[attr-defined]
    return served


def watch_settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "timezone": "Europe/Berlin",
        "allow_private_addresses": True,  # the site runs on loopback
        "fetch_timeout": 1.0,
        "contact": "ops@example.org",
    }
    return Settings(**(values | overrides))


@pytest.fixture
def settings() -> Settings:
    return watch_settings()


@pytest.fixture
def timer() -> VirtualTimer:
    return VirtualTimer()


@pytest.fixture
def pacer(timer: VirtualTimer) -> RecordingPacer:
    return RecordingPacer(timer)


@pytest.fixture
def fetcher(pacer: RecordingPacer) -> Iterator[Fetcher]:
    client = Fetcher(
        user_agent="tracker/test (policy deadline tracker; +ops@example.org)",
        limits=FetchLimits(timeout=1.0, max_bytes=5_000_000),
        allow_private=True,
        pacer=pacer,
    )
    yield client
    client.close()
