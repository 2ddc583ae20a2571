"""A process that keeps changing items (due dates back and forth, status met/open) for a while.

Run as `python -m tests.integration.remind.churn DB_URL SECONDS SEED`: every change goes
through the item services, so each one re-plans the item's reminders in its own transaction.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import timedelta

from sqlalchemy import select

from tracker.clock import SystemClock
from tracker.config import Settings
from tracker.errors import UsageError
from tracker.services import items
from tracker.store import tables as t
from tracker.store.session import create_db_engine, read_session


def churn(db_url: str, seconds: float, seed: int) -> int:
    """Change random items until `seconds` have passed; return the number of changes."""
    rng = random.Random(seed)
    engine = create_db_engine(db_url)
    settings, clock = Settings(timezone="Europe/Berlin"), SystemClock()
    with read_session(engine) as session:
        original = dict(session.execute(select(t.Item.id, t.Item.due_on)).tuples().all())
    ids = sorted(original)
    changes, deadline = 0, time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            item_id = rng.choice(ids)
            due = original[item_id]
            assert due is not None
            try:
                if rng.random() < 0.3:
                    items.set_status(engine, settings, clock, item_id, "met", None)
                    items.set_status(engine, settings, clock, item_id, "open", None)
                else:
                    moved = due + timedelta(days=rng.choice((-2, -1, 1, 2)))
                    items.extend(engine, settings, clock, item_id, moved, "moved")
                    items.extend(engine, settings, clock, item_id, due, "moved back")
            except UsageError:
                continue  # already at that date
            changes += 1
            time.sleep(0.02)  # let the workers in: SQLite's busy wait is not fair
    finally:
        engine.dispose()
    return changes


if __name__ == "__main__":
    print(churn(sys.argv[1], float(sys.argv[2]), int(sys.argv[3])))
