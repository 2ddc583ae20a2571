"""At most one request per interval per host, across threads; the clock and sleep are injected.

One request at a time per host, and the next one starts `interval` after the previous one
finished: the host then sees its requests at least that far apart, however long each took
on the way. Fetches of different hosts never wait for each other, and tests pass a timer
whose sleep only moves a virtual clock.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class Timer(Protocol):
    def monotonic(self) -> float: ...
    def sleep(self, seconds: float) -> None: ...


class SystemTimer:
    """The real monotonic clock and sleep."""

    def monotonic(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class HostPacer:
    """Hands out request turns per host, `interval` seconds apart (longer if robots.txt asks)."""

    def __init__(self, *, interval: float = 1.0, timer: Timer | None = None) -> None:
        self.interval = interval
        self.timer: Timer = timer or SystemTimer()
        self._next_free: dict[str, float] = {}
        self._delays: dict[str, float] = {}
        self._host_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def set_delay(self, host: str, seconds: float) -> None:
        """Space this host's requests `seconds` apart (robots.txt Crawl-delay), never less."""
        with self._lock:
            self._delays[host.lower()] = max(seconds, self.interval)

    @contextmanager
    def turn(self, host: str) -> Iterator[float]:
        """Wait for `host`'s turn, hold it during the request; yield the (monotonic) start."""
        key = host.lower()
        with self._lock:
            host_lock = self._host_locks.setdefault(key, threading.Lock())
        with host_lock:
            now = self.timer.monotonic()
            start = max(now, self._next_free.get(key, now))
            if start > now:
                self.timer.sleep(start - now)
            try:
                yield start
            finally:
                with self._lock:
                    delay = self._delays.get(key, self.interval)
                self._next_free[key] = max(start, self.timer.monotonic()) + delay

    def wait_turn(self, host: str) -> float:
        """Take and end a turn at once (for callers whose request is already over)."""
        with self.turn(host) as start:
            return start
