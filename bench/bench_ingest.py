# ruff: noqa: E501 (templates and bulk rows read best one per line)
"""Ingest throughput: real-sized (3 KB) policy texts into databases of 1k, 10k and 100k items.

Each database is prefilled in bulk with items (with actors, evidence and history) like those
ingest makes; then --docs generated texts are ingested one by one through the real service
(`ingest_document`, one transaction each). Prints documents per second, milliseconds per
document (median and p90) and SQL statements per document, on SQLite and, with --postgres, on
PostgreSQL (a database of its own, dropped after).

    .venv/bin/python bench/bench_ingest.py [--sizes 1000,10000,100000] [--docs 200]
        [--postgres postgresql://postgres@127.0.0.1:5432/postgres]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, event, insert, text  # noqa: E402
from sqlalchemy.engine import Engine, make_url  # noqa: E402

import tracker.extract.build  # noqa: E402
from tracker.clock import FixedClock  # noqa: E402
from tracker.config import Settings  # noqa: E402
from tracker.services.ingest import ingest_document  # noqa: E402
from tracker.sources.readers import SourceDocument  # noqa: E402
from tracker.store import tables as t  # noqa: E402
from tracker.store.migrate import upgrade  # noqa: E402
from tracker.store.session import create_db_engine  # noqa: E402

tracker.extract.build.STRICT_DEFAULT = True  # a rule that raises stops the bench
CLOCK = FixedClock(datetime(2026, 12, 1, 9, tzinfo=UTC))
START = date(2025, 1, 6)

SUBJECTS = ["heat pumps", "rail freight", "steel tariffs", "offshore wind", "drinking water",
            "battery recycling", "grid expansion", "port security", "child benefit", "rent control",
            "critical minerals", "truck tolls", "microplastics", "hydrogen imports", "cyber security"]  # fmt: skip
ACTORS = ["The European Commission", "The Federal Government", "The United States", "Japan", "Mexico",
          "The Council", "The Ministry of Energy", "USTR"]  # fmt: skip
THINGS = ["report", "action plan", "strategy", "review", "consultation"]
COMMITMENTS = [
    "{actor} will present a {thing} on {subject} within {days} days.",
    "{actor} is expected to publish its {thing} on {subject} by {deadline}.",
    "Comments on the {thing} on {subject} must be received by {deadline}.",
    "A {thing} on {subject} is due within {days} days of the announcement.",
]
EVENTS = [
    "On {past}, {actor} met industry representatives to discuss {subject}.",
    "{actor} announced new measures on {subject} on {past}.",
]
FILLER = [
    "Officials declined to comment on the details of the negotiations, which have lasted several months.",
    "Industry groups welcomed the move but warned that the costs for small firms remain unclear.",
    "The figures published last year showed a steady rise in imports from outside the region.",
    "Analysts said the decision could affect prices for consumers across the single market.",
    "The proposal still needs the approval of the member states and of the European Parliament.",
    "Several governments have asked for more time to prepare the administrative procedures.",
]  # fmt: skip


def make_text(rng: random.Random, published: date) -> str:
    """About 3 KB: a title, a dateline, six commitments, four events and filler."""

    def fill(template: str) -> str:
        deadline = published + timedelta(days=rng.randrange(20, 200))
        past = published - timedelta(days=rng.randrange(1, 20))
        return template.format(
            actor=rng.choice(ACTORS), thing=rng.choice(THINGS), subject=rng.choice(SUBJECTS),
            days=rng.choice([30, 60, 90, 180]), deadline=f"{deadline:%B} {deadline.day}, {deadline.year}",
            past=f"{past:%B} {past.day}, {past.year}",
        )  # fmt: skip

    sentences = [fill(rng.choice(COMMITMENTS)) for _ in range(6)] + [fill(e) for e in EVENTS * 2]
    sentences += rng.sample(FILLER, len(FILLER)) * 3
    rng.shuffle(sentences)
    title = fill("{actor} sets out plans on {subject}")
    body = "\n\n".join(" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4))
    return f"{title}\n\nBrussels, {published:%B} {published.day}, {published.year}\n\n{body}\n"


def prefill(engine: Engine, items: int, rng: random.Random) -> None:
    """Insert `items` items (one document per 5, actors, evidence, history) in bulk."""
    now = CLOCK.now()
    with engine.begin() as conn:
        conn.execute(insert(t.Actor), [{"key": a.casefold(), "name": a} for a in ACTORS])
        actor_ids = [row[0] for row in conn.execute(text("SELECT id FROM actors ORDER BY id"))]
        for first in range(0, items, 5000):
            count = min(5000, items - first)
            docs = [
                {"content_hash": f"prefill-{n}", "source": f"prefill/{n}.txt", "url": None,
                 "title": f"Prefilled {n}", "published_on": START + timedelta(days=n % 700),
                 "lang": "en", "text": "prefilled", "ingested_at": now}
                for n in range(first // 5, (first + count + 4) // 5)
            ]  # fmt: skip
            conn.execute(insert(t.Document), docs)
            doc_ids = [
                r[0]
                for r in conn.execute(
                    text("SELECT id FROM documents WHERE content_hash LIKE 'prefill-%' ORDER BY id")
                )
            ]
            rows = []
            for n in range(first, first + count):
                thing, subject = rng.choice(THINGS), rng.choice(SUBJECTS)
                rows.append({
                    "description": f"Prefilled {thing} on {subject} {n}", "deliverable": thing,
                    "due_on": START + timedelta(days=rng.randrange(900)), "due_precision": "day",
                    "anchor_on": START, "anchor_kind": "publication", "status": "open",
                    "confidence": 0.9, "version": 1, "created_at": now, "updated_at": now,
                })  # fmt: skip
            conn.execute(insert(t.Item), rows)
            ids = [
                r[0]
                for r in conn.execute(
                    text("SELECT id FROM items ORDER BY id DESC LIMIT :n"), {"n": count}
                )
            ]
            conn.execute(
                insert(t.ItemActor),
                [{"item_id": i, "actor_id": rng.choice(actor_ids)} for i in ids],
            )
            conn.execute(insert(t.Evidence), [
                {"item_id": i, "document_id": doc_ids[(i // 5) % len(doc_ids)], "trigger": "within 30 days",
                 "span_start": i % 1000, "span_end": i % 1000 + 14, "quote": "Prefilled quote."}
                for i in ids
            ])  # fmt: skip
            conn.execute(insert(t.StatusChange), [
                {"item_id": i, "from_status": None, "to_status": "open", "due_before": None,
                 "due_after": None, "note": "prefilled", "at": now} for i in ids
            ])  # fmt: skip


def measure(engine: Engine, docs: int, rng: random.Random) -> tuple[float, float, float, float]:
    """(documents/s, median ms, p90 ms, statements per document) over `docs` new texts."""
    settings = Settings(database_url=str(engine.url))
    statements = 0

    def count(*_: Any) -> None:
        nonlocal statements
        statements += 1

    event.listen(engine, "before_cursor_execute", count)
    times = []
    for n in range(docs):
        published = START + timedelta(days=rng.randrange(700))
        source = SourceDocument(
            f"bench/{n}.txt", make_text(rng, published), published=published, lang="en"
        )
        began = time.perf_counter()
        ingest_document(engine, settings, CLOCK, source)
        times.append(time.perf_counter() - began)
    event.remove(engine, "before_cursor_execute", count)
    times.sort()
    total = sum(times)
    return (
        docs / total,
        1000 * statistics.median(times),
        1000 * times[int(0.9 * len(times))],
        statements / docs,
    )


def run(label: str, url: str, sizes: list[int], docs: int) -> None:
    for size in sizes:
        rng = random.Random(size)
        engine = create_db_engine(url(size) if callable(url) else url)
        upgrade(engine)
        began = time.perf_counter()
        prefill(engine, size, rng)
        filled = time.perf_counter() - began
        rate, median, p90, per_doc = measure(engine, docs, rng)
        print(f"{label:10} {size:>7,} items  {rate:6.1f} docs/s  median {median:5.1f} ms  "
              f"p90 {p90:5.1f} ms  {per_doc:5.1f} statements/doc  (prefill {filled:.0f} s)")  # fmt: skip
        engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--postgres", help="an admin URL; the bench makes and drops its database")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    sample = make_text(random.Random(0), date(2026, 3, 2))
    print(f"texts of about {len(sample.encode()) / 1000:.1f} KB; {args.docs} documents per size")
    with tempfile.TemporaryDirectory() as folder:
        run("SQLite", lambda size: f"sqlite:///{folder}/ingest{size}.db", sizes, args.docs)
    if args.postgres:
        admin = create_engine(args.postgres, isolation_level="AUTOCOMMIT")
        name = f"bench_ingest_{int(time.time())}"
        for size in sizes:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            target = (
                make_url(args.postgres).set(database=name).render_as_string(hide_password=False)
            )
            try:
                run("PostgreSQL", target, [size], args.docs)
            finally:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
