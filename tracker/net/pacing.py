"""At most one request per interval per host, across threads; the clock and sleep are injected.

A request reserves the next free slot of its host and then waits for it, so concurrent
fetches of different hosts never wait for each other, and tests pass a timer whose sleep
only moves a virtual clock.
"""

from __future__ import annotations

import threading
import time
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
    """Hands out request slots per host, `interval` seconds apart (longer if robots.txt asks)."""

    def __init__(self, *, interval: float = 1.0, timer: Timer | None = None) -> None:
        self.interval = interval
        self.timer: Timer = timer or SystemTimer()
        self._next_free: dict[str, float] = {}
        self._delays: dict[str, float] = {}
        self._lock = threading.Lock()

    def set_delay(self, host: str, seconds: float) -> None:
        """Space this host's requests `seconds` apart (robots.txt Crawl-delay), never less."""
        with self._lock:
            self._delays[host.lower()] = max(seconds, self.interval)

    def wait_turn(self, host: str) -> float:
        """Wait until `host` may be asked again; return the (monotonic) time of the request."""
        key = host.lower()
        with self._lock:
            now = self.timer.monotonic()
            slot = max(now, self._next_free.get(key, now))
            self._next_free[key] = slot + self._delays.get(key, self.interval)
        if slot > now:
            self.timer.sleep(slot - now)
        return slot
