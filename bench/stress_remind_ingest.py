"""Reminders while ingest touches their items: never sent twice (issue 15's reproduction).

1. Ingest documents that create --items commitments (sentences written here, no corpus text)
   into a fresh database with one webhook channel: every item gets its reminders planned.
2. Start --ingesters concurrent `tracker ingest` processes whose documents restate the same
   commitments (they merge into the items, some move a due date within the merge window), and
   meanwhile run `tracker remind once --now T` in a loop (T after every reminder's fire time).
3. One last `remind once`, then count the POSTs per webhook-id at a loopback receiver.

Usage:
  .venv/bin/python bench/stress_remind_ingest.py [--db sqlite|postgres] [--items 1500] [--runs 5]

PostgreSQL needs TRACKER_TEST_POSTGRES_URL (or --url); the bench creates and drops its database.
Exit status 1 when any run delivered a reminder twice or left one unsent.
"""

from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ACTORS = (
    "Canada",
    "Japan",
    "Mexico",
    "Australia",
    "China",
    "Germany",
    "France",
    "India",
    "South Korea",
    "United Kingdom",
)
DELIVERABLES = ("report", "review", "strategy", "plan", "agreement", "action plan")
FIRST_DUE = date(2027, 3, 1)
SENTENCES_PER_DOC = 5
NOW = "2029-01-01T10:00:00+00:00"  # after every overdue reminder of the items below
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


class Receiver:
    """Answers 200 to every POST and counts the webhook-ids."""

    def __init__(self) -> None:
        self.ids: Counter[str] = Counter()
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("content-length", 0)))
                with receiver.lock:
                    receiver.ids[self.headers["webhook-id"]] += 1
                self.send_response(200)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def commitments(n: int) -> list[tuple[str, str, date]]:
    """Return n distinct (actor, deliverable, due) commitments: none merges with another."""
    combos = itertools.product(range(10_000), DELIVERABLES, ACTORS)
    return [
        (actor, noun, FIRST_DUE + timedelta(days=10 * step))
        for step, noun, actor in itertools.islice(combos, n)
    ]


def write_documents(folder: Path, lines: list[str], published: date) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(0, len(lines), SENTENCES_PER_DOC):
        body = "\n".join(lines[i : i + SENTENCES_PER_DOC])
        (folder / f"doc{i:05}.txt").write_text(f"date {published.isoformat()}\n\n{body}\n")


def base_sentence(actor: str, noun: str, due: date) -> str:
    return f"{actor} will present the {noun} on matter {due:%Y%m%d} by {due:%d %B %Y}."


def restated(actor: str, noun: str, due: date, variant: int) -> str:
    # Some restatements move the date by a day or two: still one item (merge window 4 days).
    moved = due + timedelta(days=variant % 3)
    verbs = ("is to deliver", "has promised to publish", "intends to submit")
    return f"{actor} {verbs[variant % 3]} the {noun} on matter {due:%Y%m%d} by {moved:%d %B %Y}."


def tracker(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tracker", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def run_ok(env: dict[str, str], *args: str) -> str:
    out, err = tracker(env, *args).communicate()
    if err.strip():
        print(f"  stderr of {' '.join(args)}: {err.strip()[:300]}", flush=True)
    return out


def database(kind: str, url: str, folder: Path, run: int) -> tuple[str, str | None]:
    if kind == "sqlite":
        return f"sqlite:///{folder / 'tracker.db'}", None
    name = f"stress_remind_{os.getpid()}_{run}"
    admin = create_engine(
        make_url(url).set(drivername="postgresql+psycopg", database="postgres"),
        isolation_level="AUTOCOMMIT",
    )
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(url).set(database=name).render_as_string(hide_password=False), name


def drop(url: str, name: str | None) -> None:
    if name is None:
        return
    admin = create_engine(
        make_url(url).set(drivername="postgresql+psycopg", database="postgres"),
        isolation_level="AUTOCOMMIT",
    )
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def one_run(args: argparse.Namespace, run: int) -> bool:
    receiver = Receiver()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db_url, pg_name = database(args.db, args.url, folder, run)
        env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
        env |= {
            "TRACKER_DATABASE_URL": db_url,
            "TRACKER_TIMEZONE": "Europe/Berlin",
            "TRACKER_ALLOW_PRIVATE_ADDRESSES": "true",  # the receiver runs on loopback
        }
        try:
            return _scenario(args, env, folder, receiver)
        finally:
            receiver.stop()
            drop(args.url, pg_name)


def _scenario(args: argparse.Namespace, env: dict[str, str], folder: Path, rx: Receiver) -> bool:
    found = commitments(args.items)
    write_documents(folder / "base", [base_sentence(*c) for c in found], date(2026, 11, 20))
    for k in range(args.ingesters):
        for r in range(args.rounds):
            lines = [restated(*c, variant=k + r + i) for i, c in enumerate(found)]
            published = date(2026, 11, 21) + timedelta(days=k * args.rounds + r)
            write_documents(folder / f"merge{k}" / f"round{r}", lines, published)
    run_ok(env, "channel", "add", "webhook", rx.url, "--secret", SECRET)
    run_ok(env, "ingest", str(folder / "base"))
    started = time.monotonic()
    ingests = [tracker(env, "ingest", str(folder / f"merge{k}")) for k in range(args.ingesters)]
    loops = 0
    while any(p.poll() is None for p in ingests):
        run_ok(env, "remind", "once", "--now", NOW)
        loops += 1
    failed = [p.communicate()[1].strip()[:200] for p in ingests if p.returncode != 0]
    run_ok(env, "remind", "once", "--now", NOW)
    elapsed = time.monotonic() - started
    states = run_ok(env, "remind", "list", "--limit", "1000000", "--json")
    posts, distinct = sum(rx.ids.values()), len(rx.ids)
    doubled = sum(1 for n in rx.ids.values() if n > 1)
    print(
        f"{args.db}: {args.items} items, {args.ingesters} ingests, {loops} remind loops "
        f"in {elapsed:.1f}s: {posts} POSTs, {distinct} webhook-ids, {doubled} sent more than "
        f"once; outbox {_state_counts(states)}" + (f"; ingest failed: {failed}" if failed else ""),
        flush=True,
    )
    return doubled == 0 and distinct == args.items and not failed


def _state_counts(json_text: str) -> dict[str, int]:
    import json

    rows = json.loads(json_text)["data"]["reminders"]
    return dict(Counter(r["state"] for r in rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--url", default=os.environ.get("TRACKER_TEST_POSTGRES_URL", ""))
    parser.add_argument("--items", type=int, default=1500)
    parser.add_argument("--ingesters", type=int, default=3)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=1, help="restatements per ingester")
    args = parser.parse_args()
    if args.db == "postgres" and not args.url:
        parser.error("give --url or set TRACKER_TEST_POSTGRES_URL")
    results = [one_run(args, run) for run in range(args.runs)]
    print(f"{sum(results)} of {len(results)} runs without a doubled or missing reminder")
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
