"""Reminder dispatch bench: 10,000 due reminders to a loopback webhook receiver on PostgreSQL.

Two scenarios, each with 1 and with 4 worker processes (`tracker remind ...`):
- burst:  all reminders due at once, workers run `remind once` (drain and exit):
          deliveries per second, and lateness = receipt time - fire time (queueing).
- spread: fire times spread evenly over --spread seconds, workers run `remind run
          --interval 1`: lateness p50/p99 is what a user sees (tick interval + work).

Usage:
  TRACKER_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/postgres \
      .venv/bin/python bench/bench_remind.py [--url URL] [-n 10000] [--workers 1,4] \
      [--delay 0.05]   # the receiver answers after 50 ms, as one across a network would

The bench creates and drops its own database (bench_remind_<pid>_<n>).
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import Engine, make_url

from tracker.store import tables as t
from tracker.store.migrate import upgrade
from tracker.store.session import create_db_engine, transaction

CREATED = datetime(2026, 1, 1, tzinfo=UTC)
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


class Receiver:
    """Records (webhook-id, receipt time) of every POST and answers 200 after `delay` s."""

    def __init__(self, delay: float = 0.0) -> None:
        self.deliveries: list[tuple[str, float]] = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("content-length", 0)))
                with receiver.lock:
                    receiver.deliveries.append((self.headers["webhook-id"], time.time()))
                if delay:
                    time.sleep(delay)  # a receiver across the network
                self.send_response(200)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    @property
    def count(self) -> int:
        with self.lock:
            return len(self.deliveries)

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def admin_engine(url: str) -> Engine:
    admin = make_url(url).set(drivername="postgresql+psycopg", database="postgres")
    return create_engine(admin, isolation_level="AUTOCOMMIT")


def fresh_database(url: str, name: str) -> str:
    with admin_engine(url).connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    db_url = make_url(url).set(database=name).render_as_string(hide_password=False)
    engine = create_db_engine(db_url)
    upgrade(engine)
    engine.dispose()
    return db_url


def drop_database(url: str, name: str) -> None:
    with admin_engine(url).connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def insert_reminders(db_url: str, fire_times: list[datetime], target: str) -> None:
    """One item and one webhook reminder per fire time, all on one channel."""
    engine = create_db_engine(db_url)
    due_on = date(2030, 1, 1)
    with transaction(engine) as session:
        channel = t.Channel(
            kind="webhook", target=target, secret=SECRET, is_active=True, created_at=CREATED
        )
        session.add(channel)
        session.flush()
        items = [
            {
                "description": f"Commitment {i}",
                "deliverable": "plan",
                "due_on": due_on,
                "due_precision": "day",
                "status": "open",
                "confidence": 0.9,
                "version": 1,
                "created_at": CREATED,
                "updated_at": CREATED,
            }
            for i in range(len(fire_times))
        ]
        ids = session.scalars(
            insert(t.Item).returning(t.Item.id, sort_by_parameter_order=True), items
        ).all()
        session.execute(
            insert(t.Reminder),
            [
                {
                    "idempotency_key": f"r{item_id}-c{channel.id}-lead-1d-{due_on:%Y%m%d}",
                    "item_id": item_id,
                    "channel_id": channel.id,
                    "kind": "lead",
                    "days_before": 1,
                    "due_on": due_on,
                    "fire_at": fire_at,
                    "state": "pending",
                    "attempts": 0,
                    "next_attempt_at": fire_at,
                    "created_at": CREATED,
                    "updated_at": CREATED,
                }
                for item_id, fire_at in zip(ids, fire_times, strict=True)
            ],
        )
    engine.dispose()


CONCURRENCY = ["--concurrency", "1"]


def worker(db_url: str, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "tracker", "--db", db_url, "remind", *args, *CONCURRENCY],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        # The receiver listens on loopback, which the address policy refuses by default.
        env={**os.environ, "TRACKER_ALLOW_PRIVATE_ADDRESSES": "true"},
    )


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(
    name: str, n_workers: int, receiver: Receiver, fire: dict[str, float], elapsed: float
) -> dict[str, object]:
    ids = [key for key, _ in receiver.deliveries]
    times = [at for _, at in receiver.deliveries]
    lateness = [at - fire[key] for key, at in receiver.deliveries]
    span = max(times) - min(times) if len(times) > 1 else float("nan")
    dupes = sum(n - 1 for n in Counter(ids).values() if n > 1)
    row = {
        "scenario": name,
        "workers": n_workers,
        "delivered": len(set(ids)),
        "duplicates": dupes,
        "wall_s": round(elapsed, 2),
        "per_s": round(len(ids) / span, 1),
        "p50_s": round(statistics.median(lateness), 3),
        "p99_s": round(percentile(lateness, 0.99), 3),
    }
    print(
        f"{name:6} workers={n_workers}  delivered={row['delivered']} dup={dupes}  "
        f"wall={row['wall_s']}s  {row['per_s']} deliveries/s (first to last)  "
        f"lateness p50={row['p50_s']}s p99={row['p99_s']}s",
        flush=True,
    )
    return row


def burst(url: str, n: int, n_workers: int, delay: float = 0.0) -> dict[str, object]:
    name = f"bench_remind_{os.getpid()}_{n_workers}b"
    db_url = fresh_database(url, name)
    receiver = Receiver(delay)
    try:
        fire_at = datetime.now(UTC)
        insert_reminders(db_url, [fire_at] * n, receiver.url)
        started = time.monotonic()
        procs = [worker(db_url, "once") for _ in range(n_workers)]
        for proc in procs:
            proc.wait()
        elapsed = time.monotonic() - started
        fire = {key: fire_at.timestamp() for key, _ in receiver.deliveries}  # one fire time
        return report("burst", n_workers, receiver, fire, elapsed)
    finally:
        receiver.stop()
        drop_database(url, name)


def spread(
    url: str, n: int, n_workers: int, seconds: float, delay: float = 0.0
) -> dict[str, object]:
    name = f"bench_remind_{os.getpid()}_{n_workers}s"
    db_url = fresh_database(url, name)
    receiver = Receiver(delay)
    try:
        start = datetime.now(UTC) + timedelta(seconds=5)  # after the workers have started
        step = timedelta(seconds=seconds / n)
        fire_times = [start + i * step for i in range(n)]
        insert_reminders(db_url, fire_times, receiver.url)
        started = time.monotonic()
        procs = [worker(db_url, "run", "--interval", "1") for _ in range(n_workers)]
        deadline = time.monotonic() + seconds + 120
        while receiver.count < n and time.monotonic() < deadline:
            time.sleep(0.2)
        elapsed = time.monotonic() - started
        for proc in procs:
            proc.send_signal(signal.SIGTERM)
        for proc in procs:
            proc.wait()
        engine = create_db_engine(db_url)
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT idempotency_key, fire_at FROM reminders")).all()
        engine.dispose()
        fire = {key: fire_at.timestamp() for key, fire_at in rows}
        return report("spread", n_workers, receiver, fire, elapsed)
    finally:
        receiver.stop()
        drop_database(url, name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("TRACKER_TEST_POSTGRES_URL", ""))
    parser.add_argument("-n", type=int, default=10_000)
    parser.add_argument("--workers", default="1,4")
    parser.add_argument(
        "--spread",
        type=float,
        default=120.0,
        help="seconds over which the spread scenario's fire times lie",
    )
    parser.add_argument("--scenarios", default="burst,spread")
    parser.add_argument(
        "--concurrency",
        type=int,
        default=1,
        help="deliveries in flight per worker (remind --concurrency)",
    )
    parser.add_argument(
        "--delay",
        type=float,
        default=0.0,
        help="seconds the receiver waits before answering (0.05: a receiver across a network)",
    )
    args = parser.parse_args()
    CONCURRENCY[1] = str(args.concurrency)
    print(
        f"{args.n} reminders, concurrency {args.concurrency} per worker, "
        f"receiver answers after {args.delay * 1000:.0f} ms",
        flush=True,
    )
    if not args.url:
        parser.error("give --url or set TRACKER_TEST_POSTGRES_URL")
    for n_workers in [int(w) for w in args.workers.split(",")]:
        if "burst" in args.scenarios:
            burst(args.url, args.n, n_workers, args.delay)
        if "spread" in args.scenarios:
            spread(args.url, args.n, n_workers, args.spread, args.delay)


if __name__ == "__main__":
    main()
