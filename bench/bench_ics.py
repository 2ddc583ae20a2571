"""Benchmark the ICS export: cached renders (the feed's fast path) against a fresh icalendar
serialisation of the same calendar, in one run on one temporary SQLite database.

    .venv/bin/python bench/bench_ics.py              # 100,000 items
    .venv/bin/python bench/bench_ics.py --items 5000 # a quick run

Reported: the first export (renders every VEVENT and stores it: paid once per item version),
the cached export (median of --repeat runs), and the fresh serialisation (load the items,
build one icalendar Calendar, to_ical). Target: cached export >= 8x faster than the fresh one.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert

from tracker.export.ics import build_calendar
from tracker.services.calendar import CALENDAR_NAME, export_calendar
from tracker.store import repository
from tracker.store import tables as t
from tracker.store.session import open_database, read_session, transaction

T = TypeVar("T")
NOW = datetime(2026, 2, 5, 12, 0, tzinfo=UTC)
LEADS = [timedelta(days=7), timedelta(days=1), timedelta(0)]
ACTORS = ["United States", "European Union", "Japan", "Mexico", "Canada", "Germany", "France"]
STATUSES = ["open"] * 6 + ["extended", "met", "missed", "cancelled"]
QUOTE = (
    "Eine entsprechende Absichtserklärung zu kritischen Mineralien wird innerhalb von 30 Tagen "
    "erwartet; Preisuntergrenzen, Zölle und Überprüfung des Abkommens folgen."
)


def populate(engine: Any, count: int) -> None:
    """Insert `count` dated items, each with two actors and one piece of evidence."""
    docs = max(1, count // 50)
    with transaction(engine) as session:
        session.execute(insert(t.Actor), [{"key": a.casefold(), "name": a} for a in ACTORS])
        session.execute(insert(t.Document), [_document(d) for d in range(1, docs + 1)])
        session.execute(insert(t.Item), [_item(i) for i in range(1, count + 1)])
        session.execute(insert(t.Evidence), [_evidence(i, docs) for i in range(1, count + 1)])
        links = [
            {"item_id": i, "actor_id": a}
            for i in range(1, count + 1)
            for a in {1 + i % len(ACTORS), 1 + (i * 3 + 1) % len(ACTORS)}
        ]
        session.execute(insert(t.ItemActor), links)


def _document(d: int) -> dict[str, Any]:
    return {
        "id": d,
        "content_hash": f"{d:064x}",
        "source": "Rohstoff-Welt.de",
        "url": f"https://www.example.org/news/{d}--kritische-Mineralien.html",
        "title": f"US-Behörden mobilisieren EU, Japan & Mexiko ({d})",
        "published_on": date(2026, 1, 1) + timedelta(days=d % 60),
        "lang": "de",
        "text": QUOTE,
        "ingested_at": NOW,
    }


def _item(i: int) -> dict[str, Any]:
    return {
        "id": i,
        "description": f"Absichtserklärung Nr. {i} über kritische Mineralien (USA, EU; Japan)",
        "deliverable": f"declaration {i}",
        "due_on": date(2026, 2, 1) + timedelta(days=i % 900),
        "due_precision": "day",
        "anchor_on": date(2026, 1, 1),
        "anchor_kind": "published",
        "status": STATUSES[i % len(STATUSES)],
        "confidence": 0.8,
        "version": 1 + i % 3,
        "created_at": NOW,
        "updated_at": NOW,
    }


def _evidence(i: int, docs: int) -> dict[str, Any]:
    return {
        "item_id": i,
        "document_id": 1 + i % docs,
        "trigger": "innerhalb von 30 Tagen",
        "span_start": i,
        "span_end": i + len(QUOTE),
        "quote": QUOTE,
    }


def timed(function: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="cached exports to time")
    parser.add_argument("--parse", action="store_true", help="also parse both outputs back")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        engine = open_database(f"sqlite:///{folder}/bench.db", create=True)
        populate_s, _ = timed(lambda: populate(engine, args.items))
        first_s, first = timed(lambda: export_calendar(engine, leads=LEADS, now=NOW))
        runs = [
            timed(lambda: export_calendar(engine, leads=LEADS, now=NOW)) for _ in range(args.repeat)
        ]
        cached_s = statistics.median(s for s, _ in runs)
        cached = runs[-1][1]
        load_s, items = timed(lambda: _load(engine))
        fresh_s, fresh = timed(lambda: _fresh(items, cached.last_modified))
        engine.dispose()

    report = [
        ("items (dated VEVENTs)", f"{cached.count:,}"),
        ("insert rows (setup)", f"{populate_s:.2f} s"),
        ("first export: render + store all", f"{first_s:.2f} s ({first.rendered:,} rendered)"),
        (
            f"cached export (median of {args.repeat})",
            f"{cached_s:.3f} s ({cached.rendered} rendered)",
        ),
        ("fresh icalendar: build + to_ical", f"{fresh_s:.2f} s"),
        ("  + loading the items (ORM, views)", f"{load_s:.2f} s"),
        ("speed-up (fresh serialisation / cached)", f"{fresh_s / cached_s:.1f}x (target >= 8x)"),
        ("speed-up incl. loading", f"{(fresh_s + load_s) / cached_s:.1f}x"),
        ("size cached / fresh", f"{len(cached.body) / 1e6:.1f} MB / {len(fresh) / 1e6:.1f} MB"),
        ("byte-identical", str(cached.body == fresh)),
    ]
    if args.parse:
        report += _parse_both(cached.body, fresh)
    width = max(len(label) for label, _ in report)
    for label, value in report:
        print(f"{label:<{width}}  {value}")
    sys.exit(0 if cached.body == fresh else 1)


def _fresh(items: list[Any], last_modified: datetime | None) -> bytes:
    calendar = build_calendar(items, name=CALENDAR_NAME, leads=LEADS, last_modified=last_modified)
    body: bytes = calendar.to_ical()
    return body


def _load(engine: Any) -> list[Any]:
    with read_session(engine) as session:
        return repository.list_items(session, dated_only=True)


def _parse_both(fast: bytes, slow: bytes) -> list[tuple[str, str]]:
    import icalendar

    parse_s, parsed_fast = timed(lambda: icalendar.Calendar.from_ical(fast))
    parsed_slow = icalendar.Calendar.from_ical(slow)
    return [
        ("parse back (icalendar)", f"{parse_s:.1f} s"),
        ("parsed equal", str(parsed_fast == parsed_slow)),
    ]


if __name__ == "__main__":
    main()
