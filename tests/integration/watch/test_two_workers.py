"""Two workers on PostgreSQL share the sources: each source is fetched once per interval.

Three sites on three loopback addresses (three hosts), four feeds each; two worker threads
tick at the same moments, with time moved by time-machine between the intervals.
"""

from __future__ import annotations

import re
import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.integration.watch.conftest import watch_settings
from tests.integration.watch.site import TEXTS, rss
from tests.timers import VirtualTimer
from tracker.clock import SystemClock
from tracker.net.fetch import Fetcher, FetchLimits
from tracker.net.pacing import HostPacer
from tracker.services.sources import add_source
from tracker.services.watch import WatchPolicy, fetch_due
from tracker.store.session import create_db_engine

pytestmark = pytest.mark.postgres
T0 = datetime(2026, 2, 5, 10, 0, tzinfo=UTC)
HOSTS = ("127.0.0.1", "127.0.0.2", "127.0.0.3")
FEEDS_PER_HOST = 4
ROUNDS = 3


class CountingSite:
    """Serves a feed under any /feed/N path and counts requests per (host, path, round)."""

    def __init__(self, host: str) -> None:
        self.host = host
        self.counts: Counter[tuple[str, str, int]] = Counter()
        self.round = 0
        self.lock = threading.Lock()

    def handle(self, request: Request) -> Response:
        if request.path == "/robots.txt":
            return Response("User-agent: *\nAllow: /\n", content_type="text/plain")
        with self.lock:
            self.counts[(self.host, request.path, self.round)] += 1
        time.sleep(0.05)  # a slow server, so the two workers overlap
        n = request.path.rsplit("/", 1)[-1]
        title, text = TEXTS["en_plan"]
        item = {
            "title": f"{title} {n}",
            "link": f"https://{self.host}/a/{n}",
            "date": "2026-02-05",
            "text": f"Notice {self.host} {n}. {text}",
        }
        return Response(rss(f"Feed {n}", [item]), content_type="application/rss+xml")


@pytest.fixture
def sites():
    servers, served = [], []
    for host in HOSTS:
        site = CountingSite(host)
        server = HTTPServer(host=host, port=0, threaded=True)
        server.expect_request(re.compile(".*")).respond_with_handler(site.handle)
        server.start()
        servers.append(server)
        served.append((site, server))
    yield served
    for server in servers:
        server.clear()
        server.stop()


def worker_fetcher() -> Fetcher:
    return Fetcher(
        user_agent="tracker/test",
        limits=FetchLimits(timeout=5),
        allow_private=True,
        pacer=HostPacer(interval=1.0, timer=VirtualTimer()),
    )


def test_two_workers_fetch_each_source_once_per_interval(postgres_url, sites):
    settings = watch_settings()
    engine = create_db_engine(postgres_url)
    fetchers = [worker_fetcher(), worker_fetcher()]
    try:
        with time_machine.travel(T0, tick=False) as travel:
            for _site, server in sites:
                for n in range(FEEDS_PER_HOST):
                    add_source(
                        engine,
                        settings,
                        SystemClock(),
                        server.url_for(f"/feed/{n}"),
                        every=timedelta(minutes=30),
                    )
            fetched_by: dict[str, list[int]] = {"A": [], "B": []}
            for round_ in range(ROUNDS):
                for site, _ in sites:
                    site.round = round_
                barrier = threading.Barrier(2)

                def work(name: str, fetcher: Fetcher, barrier=barrier) -> None:
                    barrier.wait()
                    report = fetch_due(
                        engine,
                        settings,
                        SystemClock(),
                        f"worker-{name}",
                        fetcher=fetcher,
                        policy=WatchPolicy(batch_size=2, concurrency=1),
                    )
                    fetched_by[name] += [s.source_id for s in report.sources]

                threads = [
                    threading.Thread(target=work, args=(name, f))
                    for name, f in zip("AB", fetchers, strict=True)
                ]
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join(timeout=60)
                # Half an interval later nothing is due; a whole one later everything is.
                travel.shift(timedelta(minutes=15))
                assert (
                    fetch_due(
                        engine, settings, SystemClock(), "worker-C", fetcher=fetchers[0]
                    ).sources
                    == []
                )
                travel.shift(timedelta(minutes=15))
        counts = Counter()
        for site, _ in sites:
            counts.update(site.counts)
        expected = {
            (host, f"/feed/{n}", r): 1
            for host in HOSTS
            for n in range(FEEDS_PER_HOST)
            for r in range(ROUNDS)
        }
        assert dict(counts) == expected
        a, b = set(fetched_by["A"]), set(fetched_by["B"])
        total = len(HOSTS) * FEEDS_PER_HOST * ROUNDS
        assert len(fetched_by["A"]) + len(fetched_by["B"]) == total
        print(
            f"\ntwo workers: A fetched {len(fetched_by['A'])}, B {len(fetched_by['B'])} of {total}"
        )
        assert a, "worker A fetched nothing"
        assert b, "worker B fetched nothing"
    finally:
        for fetcher in fetchers:
            fetcher.close()
        engine.dispose()
