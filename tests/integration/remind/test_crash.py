"""Crash and concurrency: reminders are never lost, and never doubled outside a crash.

Run with `-s` to see the figures.
"""

from __future__ import annotations

import random
import signal
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from tests.integration.remind.factories import bulk_due_reminders, state_counts
from tests.integration.remind.receiver import Receiver
from tests.integration.remind.workers import start_worker, wait_for
from tracker.store.session import create_db_engine

N_REMINDERS = 1000
N_SHARED = 600  # for the multi-worker test: enough for every worker to get several batches
LEASE = "2"  # seconds; a killed worker's claims come back this soon


@pytest.mark.slow
def test_crash_sigkill_ten_times_loses_nothing(sqlite_url):
    rng = random.Random(20261121)
    receiver = Receiver(delay=0.002).start()
    engine = create_db_engine(sqlite_url)
    try:
        fire_at = datetime.now(UTC) - timedelta(minutes=1)
        keys = bulk_due_reminders(engine, N_REMINDERS, target=receiver.url, fire_at=fire_at)
        for _ in range(10):
            worker = start_worker(sqlite_url, "run", "--interval", "0.1", "--lease", LEASE)
            # Kill at a random moment while it is sending: after 1-150 more deliveries.
            target = min(receiver.count + rng.randint(1, 150), N_REMINDERS - 1)
            wait_for(lambda: receiver.count >= target, timeout=20)  # noqa: B023
            time.sleep(rng.uniform(0, 0.02))
            worker.send_signal(signal.SIGKILL)
            worker.wait()
        killed_at = receiver.count
        final = start_worker(sqlite_url, "run", "--interval", "0.1", "--lease", LEASE)
        try:
            assert wait_for(lambda: state_counts(engine).get("sent") == N_REMINDERS, timeout=60)
        finally:
            final.send_signal(signal.SIGTERM)
            final.wait(timeout=30)
        ids = receiver.ids()
        repeats = {key: n for key, n in Counter(ids).items() if n > 1}
        print(
            f"\ncrash test: {N_REMINDERS} reminders, 10 SIGKILLs "
            f"({killed_at} delivered before the last kill), {len(ids)} deliveries, "
            f"{len(set(ids))} distinct, {sum(repeats.values()) - len(repeats)} repeats"
        )
        assert set(ids) == set(keys)  # every reminder delivered at least once
        assert set(repeats) <= set(keys)  # a repeat carries the same idempotency key
        assert sum(repeats.values()) - len(repeats) <= 10  # at most one in flight per kill
        assert state_counts(engine) == {"sent": N_REMINDERS}
    finally:
        engine.dispose()
        receiver.stop()


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.parametrize("n_workers", [2, 4])
def test_concurrent_workers_on_postgres_never_double_deliver(postgres_url, n_workers):
    receiver = Receiver().start()
    engine = create_db_engine(postgres_url)
    try:
        fire_at = datetime.now(UTC) - timedelta(minutes=1)
        keys = bulk_due_reminders(engine, N_SHARED, target=receiver.url, fire_at=fire_at)
        started = time.monotonic()
        workers = [start_worker(postgres_url, "once", capture=True) for _ in range(n_workers)]
        outputs = [w.communicate(timeout=120) for w in workers]
        elapsed = time.monotonic() - started
        assert [w.returncode for w in workers] == [0] * n_workers, outputs
        per_worker = [out.count("\nsent #") + out.startswith("sent #") for out, _ in outputs]
        ids = receiver.ids()
        print(
            f"\n{n_workers} workers on PostgreSQL: {len(ids)} deliveries of {N_SHARED} "
            f"in {elapsed:.1f}s, per worker {per_worker}"
        )
        assert sorted(ids) == sorted(keys)  # each exactly once
        assert sum(per_worker) == N_SHARED
        assert sum(n > 0 for n in per_worker) >= 2  # the work was really shared
        assert state_counts(engine) == {"sent": N_SHARED}
    finally:
        engine.dispose()
        receiver.stop()
