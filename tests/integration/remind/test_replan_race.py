"""Re-planning while workers deliver never queues a delivered reminder again (issue 15).

Real processes on a real database: `churn` processes keep moving items' due dates back and
forth and closing/reopening them (each change re-plans in its own transaction) while a loop of
`tracker remind once --now T` delivers to a loopback receiver. Every webhook-id must arrive
once: a reminder that was sent is never pending again, whatever a re-plan saw.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from tests.integration.remind.factories import (
    bulk_due_reminders,
    make_channel,
    make_item,
    settings,
    state_counts,
)
from tests.integration.remind.receiver import Receiver
from tests.integration.remind.workers import ROOT_ARGS, WORKER_ENV, start_worker
from tracker.services.planning import replan_item
from tracker.store.session import create_db_engine, transaction

N_ITEMS = 40
CHURN_SECONDS = "15"
# After every reminder of every item below, moved or not: everything is due at once.
NOW = "2030-06-01T10:00:00+00:00"


def _seed(engine, target: str) -> None:
    first_due = datetime.now(UTC).date() + timedelta(days=60)
    with transaction(engine) as session:
        make_channel(session, target=target)
        for i in range(N_ITEMS):
            item = make_item(session, due_on=first_due + timedelta(days=i), with_source=i < 3)
            replan_item(session, item, settings=settings(), now=datetime.now(UTC))


def _remind_once(db_url: str, now: str | None = NOW) -> subprocess.CompletedProcess[str]:
    args = [*ROOT_ARGS, "--db", db_url, "remind", "once", *(["--now", now] if now else [])]
    # The churn plans in Europe/Berlin; so does the worker.
    return subprocess.run(
        args,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**WORKER_ENV, "TRACKER_TIMEZONE": "Europe/Berlin"},
    )


@pytest.mark.slow
def test_replans_during_delivery_never_send_a_reminder_twice(db_url):
    receiver = Receiver().start()
    engine = create_db_engine(db_url)
    try:
        _seed(engine, receiver.url)
        module = "tests.integration.remind.churn"
        churners = [
            subprocess.Popen(
                [sys.executable, "-m", module, db_url, CHURN_SECONDS, str(seed)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for seed in (1, 2)
        ]
        loops = 0
        while any(c.poll() is None for c in churners):
            result = _remind_once(db_url)
            assert result.returncode == 0, result.stderr
            loops += 1
        outputs = [c.communicate() for c in churners]
        assert [c.returncode for c in churners] == [0, 0], outputs
        assert _remind_once(db_url).returncode == 0
        ids = Counter(receiver.ids())
        changes = sum(int(out) for out, _ in outputs)
        print(
            f"\n{changes} item changes, {loops} remind loops: {sum(ids.values())} POSTs, "
            f"{len(ids)} webhook-ids; outbox {state_counts(engine)}"
        )
        assert changes > 20  # the race was really run
        assert loops >= 2  # at least one delivery run overlapped the changes
        assert {key: n for key, n in ids.items() if n > 1} == {}
        assert state_counts(engine).get("sent") == len(ids)
    finally:
        engine.dispose()
        receiver.stop()


@pytest.mark.slow
def test_overlapping_workers_with_short_leases_never_send_twice(db_url):
    """A worker whose lease would run out during a send gives the reminder back instead.

    Each delivery takes 0.15 s and a batch holds 50, so a batch outlives a 2-second lease:
    a worker that kept sending its expired claims would repeat what the next one took over.
    """
    receiver = Receiver(delay=0.15).start()
    engine = create_db_engine(db_url)
    try:
        fire_at = datetime.now(UTC) - timedelta(minutes=1)
        keys = bulk_due_reminders(engine, 120, target=receiver.url, fire_at=fire_at)
        workers = [start_worker(db_url, "once", "--lease", "2", capture=True) for _ in range(3)]
        outputs = [w.communicate(timeout=180) for w in workers]
        assert [w.returncode for w in workers] == [0, 0, 0], outputs
        leftover = _remind_once(db_url, now=None)  # what a released claim left behind
        assert leftover.returncode == 0, leftover.stderr
        ids = Counter(receiver.ids())
        print(f"\n3 workers, 2 s leases: {sum(ids.values())} POSTs, {len(ids)} webhook-ids")
        assert {key: n for key, n in ids.items() if n > 1} == {}
        assert set(ids) == set(keys)
        assert state_counts(engine) == {"sent": len(keys)}
    finally:
        engine.dispose()
        receiver.stop()
