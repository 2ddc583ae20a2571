"""A virtual clock for the per-host pacing: sleeping only moves it, so no test waits."""

from __future__ import annotations

import threading


class VirtualTimer:
    """monotonic() and sleep() of a clock that only moves when someone sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []
        self._lock = threading.Lock()

    def monotonic(self) -> float:
        with self._lock:
            return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.slept.append(seconds)
            self.now += seconds
