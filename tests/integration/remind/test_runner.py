"""`tracker remind run`: the APScheduler loop delivers, and stops cleanly on SIGTERM/SIGINT."""

from __future__ import annotations

import signal
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from tests.integration.remind.factories import bulk_due_reminders, state_counts
from tests.integration.remind.receiver import Receiver
from tests.integration.remind.workers import start_worker, wait_for
from tracker.store import tables as t
from tracker.store.session import create_db_engine, read_session


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_remind_run_stops_on_signal_and_releases_claims(sqlite_url, signum):
    receiver = Receiver(delay=0.3).start()
    engine = create_db_engine(sqlite_url)
    try:
        bulk_due_reminders(
            engine, 5, target=receiver.url, fire_at=datetime.now(UTC) - timedelta(minutes=1)
        )
        proc = start_worker(sqlite_url, "run", "--interval", "0.2", capture=True)
        assert wait_for(lambda: receiver.count >= 1, timeout=30)
        proc.send_signal(signum)
        out, err = proc.communicate(timeout=30)
        assert proc.returncode == 0, err
        assert "stopped" in out
        counts = state_counts(engine)
        # The reminder in flight was finished; the other claimed ones were given back.
        assert counts.get("sent", 0) == receiver.count >= 1
        assert counts.get("sending", 0) == 0
        assert counts["pending"] == 5 - receiver.count
        with read_session(engine) as session:
            pending = session.scalars(select(t.Reminder).where(t.Reminder.state == "pending")).all()
            assert all(r.attempts == 0 and r.claimed_by is None for r in pending)
    finally:
        engine.dispose()
        receiver.stop()
