"""Watching bench: 50 sources x 20 entries served locally, fetched and ingested by one worker.

Each source is an RSS feed on its own loopback address (127.0.1.1 ... 127.0.1.50), served by
a separate process so the servers do not share the worker's GIL. Two modes:
- full:  each entry carries its whole text in the feed (one request per source);
- pages: each entry is a teaser, its article page is fetched (21 requests per source, so the
         one-request-per-second-per-host pace bounds the time).
Reported: documents per second from the first fetch to the last stored item, and, from the
servers' own request log, the most requests any host got within one second (the limit is 1)
and the shortest gap between two requests to one host.

Usage:
  .venv/bin/python bench/bench_watch.py [--mode full,pages] [--sources 50] [--entries 20]
      [--concurrency 25] [--url postgresql://...]   (default: a fresh SQLite file)
"""

from __future__ import annotations

import argparse
import itertools
import multiprocessing as mp
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from tracker.clock import SystemClock
from tracker.config import Settings
from tracker.services.sources import add_source, build_fetcher
from tracker.services.watch import WatchPolicy, fetch_due
from tracker.store import tables as t
from tracker.store.migrate import upgrade
from tracker.store.session import create_db_engine, read_session

ACTORS = ("Das Bundesministerium", "Die Kommission", "Die Bundesagentur", "Der Rat")
THINGS = ("einen Bericht", "einen Aktionsplan", "eine Strategie", "einen Gesetzentwurf")


def article_text(source: int, entry: int) -> str:
    """A short German notice with one deadline, different for every (source, entry)."""
    actor = ACTORS[(source + entry) % len(ACTORS)]
    thing = THINGS[entry % len(THINGS)]
    days = 10 + (source * 7 + entry * 3) % 80
    return (
        f"Berlin, 05.02.2026. {actor} wird innerhalb von {days} Tagen {thing} zum Thema "
        f"Rohstoffe (Meldung {source}-{entry}) vorlegen. Die Arbeiten beginnen sofort.\n\n"
        f"Nach Angaben einer Sprecherin werden die Länder und Verbände angehört. Eine erste "
        f"Sitzung der Arbeitsgruppe {source}.{entry} ist bereits angesetzt."
    )


def feed(source: int, entries: int, host: str, port: int, *, full: bool) -> bytes:
    items = []
    for entry in range(entries):
        published = datetime(2026, 2, 5, 9, tzinfo=UTC) - timedelta(hours=entry)
        link = f"http://{host}:{port}/a/{entry}"
        body = article_text(source, entry)
        content = (
            "<content:encoded><![CDATA["
            + "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n"))
            + "]]></content:encoded>"
            if full
            else "<description>Kurzmeldung.</description>"
        )
        items.append(
            f"<item><title>Meldung {source}-{entry}</title><link>{link}</link>"
            f"<guid>{link}</guid><pubDate>{format_datetime(published)}</pubDate>{content}</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>Quelle {source}</title>{''.join(items)}</channel></rss>"
    ).encode()


def page(source: int, entry: int) -> bytes:
    body = "".join(f"<p>{escape(p)}</p>" for p in article_text(source, entry).split("\n\n"))
    return (
        f"<!DOCTYPE html><html><head><title>Meldung {source}-{entry}</title>"
        '<meta property="article:published_time" content="2026-02-05T09:00:00+01:00">'
        f"</head><body><article><h1>Meldung {source}-{entry}</h1>{body}</article></body></html>"
    ).encode()


def serve(hosts: list[str], entries: int, full: bool, conn: mp.connection.Connection) -> None:
    """Run one threaded server per host; log (host, time) per request; send the log on stop."""
    log: list[tuple[str, float]] = []
    lock = threading.Lock()
    servers = []
    for index, host in enumerate(hosts):

        class Handler(BaseHTTPRequestHandler):
            source, address = index, host

            def do_GET(self) -> None:
                with lock:
                    log.append((self.address, time.monotonic()))
                port = self.server.server_address[1]
                if self.path == "/robots.txt":
                    data, ctype = b"User-agent: *\nAllow: /\n", "text/plain"
                elif self.path == "/feed.xml":
                    data = feed(self.source, entries, self.address, port, full=full)
                    ctype = "application/rss+xml"
                else:
                    data, ctype = page(self.source, int(self.path.rsplit("/", 1)[1])), "text/html"
                self.send_response(200)
                self.send_header("content-type", ctype)
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        server = ThreadingHTTPServer((host, 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    conn.send([s.server_address[1] for s in servers])
    conn.recv()  # stop
    for server in servers:
        server.shutdown()
    conn.send(log)


def pace_figures(log: list[tuple[str, float]]) -> tuple[int, float]:
    """Most requests one host got within one second, and the shortest gap at one host."""
    by_host: dict[str, list[float]] = defaultdict(list)
    for host, at in log:
        by_host[host].append(at)
    most, gap = 0, float("inf")
    for times in by_host.values():
        times.sort()
        start = 0
        for end, at in enumerate(times):
            while at - times[start] >= 1.0:
                start += 1
            most = max(most, end - start + 1)
        gap = min([gap, *(b - a for a, b in itertools.pairwise(times))])
    return most, gap


def baseline(args: argparse.Namespace) -> float:
    """Documents per second of plain `ingest_document` on the same texts (no fetching)."""
    from tracker.services.ingest import ingest_document
    from tracker.sources.readers import SourceDocument

    with tempfile.TemporaryDirectory() as tmp:
        url, cleanup = database(args.url, Path(tmp))
        engine = create_db_engine(url)
        upgrade(engine)
        settings, clock = Settings(), SystemClock()
        docs = [
            SourceDocument(
                name=f"Quelle {s}",
                text=f"Meldung {s}-{e}\n\n{article_text(s, e)}",
                published=date(2026, 2, 5),
                title=f"Meldung {s}-{e}",
            )
            for s in range(args.sources)
            for e in range(args.entries)
        ]
        started = time.perf_counter()
        for doc in docs:
            ingest_document(engine, settings, clock, doc)
        elapsed = time.perf_counter() - started
        engine.dispose()
        _drop(cleanup)
    return len(docs) / elapsed


def _drop(cleanup: object) -> None:
    if cleanup is not None:
        admin, name = cleanup  # type: ignore[misc]
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def database(url: str | None, tmp: Path) -> tuple[str, object]:
    if not url:
        return f"sqlite:///{tmp / 'watch.db'}", None
    name = f"bench_watch_{uuid.uuid4().hex[:8]}"
    admin = create_engine(
        make_url(url).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    return make_url(url).set(database=name).render_as_string(hide_password=False), (admin, name)


def run(mode: str, args: argparse.Namespace) -> dict[str, object]:
    hosts = [f"127.0.1.{n + 1}" for n in range(args.sources)]
    parent, child = mp.Pipe()
    server = mp.Process(
        target=serve, args=(hosts, args.entries, mode == "full", child), daemon=True
    )
    server.start()
    ports = parent.recv()
    with tempfile.TemporaryDirectory() as tmp:
        url, cleanup = database(args.url, Path(tmp))
        engine = create_db_engine(url)
        upgrade(engine)
        settings = Settings(allow_private_addresses=True, contact="bench@example.org")
        clock = SystemClock()
        for host, port in zip(hosts, ports, strict=True):
            add_source(
                engine, settings, clock, f"http://{host}:{port}/feed.xml", backfill=args.entries
            )
        fetcher = build_fetcher(settings)
        policy = WatchPolicy(batch_size=args.sources, concurrency=args.concurrency)
        started = time.perf_counter()
        report = fetch_due(engine, settings, clock, "bench", fetcher=fetcher, policy=policy)
        elapsed = time.perf_counter() - started
        fetcher.close()
        with read_session(engine) as session:
            documents = session.scalar(select(func.count()).select_from(t.Document))
            items = session.scalar(select(func.count()).select_from(t.Item))
        engine.dispose()
        _drop(cleanup)
    parent.send("stop")
    log = parent.recv()
    server.join(timeout=10)
    most, gap = pace_figures(log)
    failed = [s for s in report.sources if s.state != "ok"]
    return {
        "mode": mode,
        "documents": documents,
        "items": items,
        "requests": len(log),
        "seconds": round(elapsed, 1),
        "documents_per_second": round(documents / elapsed, 1),
        "max_requests_per_host_per_second": most,
        "min_gap_per_host_s": round(gap, 3),
        "failed_sources": len(failed),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mode", default="full,pages")
    parser.add_argument("--sources", type=int, default=50)
    parser.add_argument("--entries", type=int, default=20)
    parser.add_argument("--concurrency", type=int, default=25)
    parser.add_argument("--url", default="", help="PostgreSQL server URL (default: SQLite file)")
    parser.add_argument("--baseline", action="store_true", help="also time plain ingest")
    args = parser.parse_args()
    backend = "PostgreSQL" if args.url else "SQLite"
    print(f"{args.sources} sources x {args.entries} entries, {args.concurrency} at once, {backend}")
    if args.baseline:
        print(f"plain ingest of the same texts: {baseline(args):.1f} documents/s")
    for mode in args.mode.split(","):
        result = run(mode.strip(), args)
        print(
            f"{result['mode']:>5}: {result['documents']} documents ({result['items']} items) "
            f"in {result['seconds']} s = {result['documents_per_second']} documents/s; "
            f"{result['requests']} requests, at most {result['max_requests_per_host_per_second']} "
            f"per host per second (shortest gap {result['min_gap_per_host_s']} s); "
            f"{result['failed_sources']} sources failed"
        )


if __name__ == "__main__":
    main()
