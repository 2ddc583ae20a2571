"""APScheduler 3.x wiring only: in-memory interval jobs (reminder dispatch, source fetching).

The database rows are the source of truth; the scheduler only ticks. Nothing is pickled into
a job store, so a restart loses nothing and several processes may tick at once.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import FrameType
from zoneinfo import ZoneInfo

logger = logging.getLogger(__name__)

JOB_ID = "dispatch_due"


@dataclass(frozen=True)
class Job:
    """One periodic tick: `run` every `interval` seconds."""

    id: str
    run: Callable[[], object]
    interval: float


def _guarded(job: Job) -> Callable[[], None]:
    """Log and swallow errors so a failing tick (database down) never kills the scheduler."""

    def run() -> None:
        try:
            job.run()
        except Exception:
            logger.exception("%s failed; retrying at the next tick", job.id)

    return run


def install_stop_signals(stop: threading.Event) -> None:
    """Set `stop` on SIGTERM and SIGINT (call from the main thread)."""

    def handle(signum: int, _frame: FrameType | None) -> None:
        logger.info("received signal %s, stopping", signum)
        stop.set()

    signal.signal(signal.SIGTERM, handle)
    signal.signal(signal.SIGINT, handle)


def run_scheduler(
    tick: Callable[[], object],
    *,
    interval: float,
    tz: ZoneInfo,
    start_at: datetime,
    stop: threading.Event,
) -> None:
    """Run `tick` every `interval` seconds, starting at `start_at`, until `stop` is set."""
    run_jobs([Job(JOB_ID, tick, interval)], tz=tz, start_at=start_at, stop=stop)


def run_jobs(
    jobs: Sequence[Job], *, tz: ZoneInfo, start_at: datetime, stop: threading.Event
) -> None:
    """Run each job at its interval, starting at `start_at`, until `stop` is set.

    Each job runs in its own thread, so a slow fetch never delays a reminder. `coalesce=True`
    and `max_instances=1` keep ticks from piling up behind a slow one;
    `misfire_grace_time=None` runs a late tick however late instead of silently dropping it.
    On stop, the running ticks are waited for: they see `stop` and release what they claimed.
    """
    from apscheduler.schedulers.background import BackgroundScheduler

    # APScheduler logs two INFO lines per tick (and a WARNING for a tick skipped behind a slow
    # one); the jobs log what they did, so only its errors are worth showing.
    logging.getLogger("apscheduler").setLevel(logging.ERROR)
    scheduler = BackgroundScheduler(
        timezone=tz,
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
    )
    for job in jobs:
        scheduler.add_job(
            _guarded(job),
            "interval",
            seconds=job.interval,
            id=job.id,
            replace_existing=True,
            next_run_time=start_at,  # catch up at once on start instead of after one interval
        )
    scheduler.start()
    try:
        while not stop.wait(0.5):
            pass
    finally:
        scheduler.shutdown(wait=True)
