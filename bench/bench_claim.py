"""Cost of one reminder claim (a batch of 50) with 10 and with 10,000 due rows waiting.

A claim reads its batch in index order, so its cost should not grow with the backlog. Each
measurement claims inside a transaction that is rolled back, so the backlog stays the same.

Usage:
  .venv/bin/python bench/bench_claim.py [--db sqlite|postgres] [--backlogs 10,10000]
PostgreSQL needs TRACKER_TEST_POSTGRES_URL (or --url); the bench creates and drops its database.
"""

from __future__ import annotations

import argparse
import inspect
import os
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session

from tracker.store import outbox
from tracker.store import tables as t
from tracker.store.migrate import upgrade
from tracker.store.session import create_db_engine

NOW = datetime(2030, 1, 1, tzinfo=UTC)
CREATED = datetime(2026, 1, 1, tzinfo=UTC)


def fill(engine: Engine, n: int) -> None:
    """n items with one due reminder each (distinct fire times), plus 5 sent rows per item."""
    with Session(engine) as session, session.begin():
        channel = t.Channel(kind="webhook", target="http://127.0.0.1:9/", created_at=CREATED)
        session.add(channel)
        session.flush()
        rows = [
            {"description": f"c{i}", "deliverable": "plan", "due_on": NOW.date(), "status": "open",
             "confidence": 0.9, "version": 1, "created_at": CREATED, "updated_at": CREATED}
            for i in range(n)
        ]  # fmt: skip
        ids = session.scalars(insert(t.Item).returning(t.Item.id), rows).all()
        reminders = []
        for k, item_id in enumerate(ids):
            for j, state in enumerate(("sent", "sent", "sent", "sent", "sent", "pending")):
                fire = NOW - timedelta(days=30, minutes=k) + timedelta(days=j)
                reminders.append(
                    {"idempotency_key": f"r{item_id}-{j}", "item_id": item_id,
                     "channel_id": channel.id, "kind": "lead", "days_before": j,
                     "due_on": NOW.date(), "fire_at": fire, "state": state, "attempts": 0,
                     "next_attempt_at": fire, "created_at": CREATED, "updated_at": CREATED}
                )  # fmt: skip
        session.execute(insert(t.Reminder), reminders)
    with engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()


def claim_once(engine: Engine) -> float:
    kwargs: dict[str, Any] = {"now": NOW, "worker_id": "bench", "lease": timedelta(minutes=5)}
    if "lease_now" in inspect.signature(outbox.claim_due).parameters:
        kwargs["lease_now"] = NOW
    with Session(engine.execution_options(sqlite_immediate=True)) as session:
        started = time.perf_counter()
        outbox.claim_due(session, limit=50, **kwargs)
        elapsed = time.perf_counter() - started
        session.rollback()
    return elapsed


def database(kind: str, url: str, name: str, folder: str) -> tuple[str, Engine | None]:
    if kind == "sqlite":
        return f"sqlite:///{folder}/{name}.db", None
    admin = create_engine(
        make_url(url).set(drivername="postgresql+psycopg", database="postgres"),
        isolation_level="AUTOCOMMIT",
    )
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    return make_url(url).set(database=name).render_as_string(hide_password=False), admin


def measure(kind: str, url: str, n: int, repeats: int, folder: str) -> float:
    name = f"bench_claim_{os.getpid()}_{n}"
    db_url, admin = database(kind, url, name, folder)
    engine = create_db_engine(db_url)
    try:
        upgrade(engine)
        fill(engine, n)
        claim_once(engine)  # warm caches
        return statistics.median(claim_once(engine) for _ in range(repeats))
    finally:
        engine.dispose()
        if admin is not None:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--url", default=os.environ.get("TRACKER_TEST_POSTGRES_URL", ""))
    parser.add_argument("--backlogs", default="10,10000")
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        figures = {
            n: measure(args.db, args.url, n, args.repeats, folder)
            for n in (int(b) for b in args.backlogs.split(","))
        }
    for n, seconds in figures.items():
        print(f"{args.db}: {n:>6} due rows: claim of 50 takes {seconds * 1000:.2f} ms (median)")
    low, high = min(figures), max(figures)
    print(f"ratio {high} / {low}: {figures[high] / figures[low]:.2f}x")


if __name__ == "__main__":
    main()
