"""APScheduler 3.x wiring only: one in-memory interval job that runs the dispatch loop.

The outbox rows are the source of truth; the scheduler only ticks. Nothing is pickled into a
job store, so a restart loses nothing and several processes may tick at once.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from datetime import datetime
from types import FrameType
from zoneinfo import ZoneInfo

logger = logging.getLogger(__name__)

JOB_ID = "dispatch_due"


def _guarded(tick: Callable[[], object]) -> Callable[[], None]:
    """Log and swallow errors so a failing tick (database down) never kills the scheduler."""

    def run() -> None:
        try:
            tick()
        except Exception:
            logger.exception("reminder dispatch failed; retrying at the next tick")

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
    """Run `tick` every `interval` seconds, starting at `start_at`, until `stop` is set.

    `coalesce=True` and `max_instances=1` keep ticks from piling up behind a slow dispatch;
    `misfire_grace_time=None` runs a late tick however late instead of silently dropping it.
    On stop, the running tick is waited for: it sees `stop` and releases what it claimed.
    """
    from apscheduler.schedulers.background import BackgroundScheduler

    # APScheduler logs "Running job ..." and "... executed successfully" at INFO on every
    # tick; the dispatch logs what it delivered, so only its warnings are worth showing.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    scheduler = BackgroundScheduler(
        timezone=tz,
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
    )
    scheduler.add_job(
        _guarded(tick),
        "interval",
        seconds=interval,
        id=JOB_ID,
        replace_existing=True,
        next_run_time=start_at,  # catch up at once on start instead of after one interval
    )
    scheduler.start()
    try:
        while not stop.wait(0.5):
            pass
    finally:
        scheduler.shutdown(wait=True)
