"""The scheduler wiring: ticks at the interval, survives a failing tick, stops on the event."""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from tracker.schedule.runner import run_scheduler


def test_run_scheduler_ticks_and_survives_errors():
    stop = threading.Event()
    calls: list[int] = []

    def tick() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("database down")  # logged, the next tick still runs
        if len(calls) >= 3:
            stop.set()

    timer = threading.Timer(10, stop.set)  # safety net
    timer.start()
    try:
        run_scheduler(
            tick, interval=0.05, tz=ZoneInfo("Europe/Berlin"), start_at=datetime.now(UTC), stop=stop
        )
    finally:
        timer.cancel()
    assert len(calls) >= 3


def test_run_scheduler_logs_nothing_per_tick(caplog):
    """Only the dispatch reports what it did: APScheduler's two INFO lines per tick are quiet."""
    stop = threading.Event()
    calls: list[int] = []

    def tick() -> None:
        calls.append(1)
        if len(calls) >= 3:
            stop.set()

    timer = threading.Timer(10, stop.set)
    timer.start()
    caplog.set_level(logging.INFO)
    try:
        run_scheduler(
            tick, interval=0.05, tz=ZoneInfo("Europe/Berlin"), start_at=datetime.now(UTC), stop=stop
        )
    finally:
        timer.cancel()
    assert len(calls) >= 3
    per_tick = [r for r in caplog.records if "Running job" in r.getMessage()]
    assert per_tick == []
    assert not [r for r in caplog.records if "executed successfully" in r.getMessage()]
