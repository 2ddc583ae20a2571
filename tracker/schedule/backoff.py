"""PURE retry policy: exponential backoff with jitter, and how many attempts a reminder gets."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class RetryPolicy:
    """Attempt n (1-based) that failed waits about base * 2**(n-1), capped, then jittered."""

    max_attempts: int = 8
    base: timedelta = timedelta(seconds=30)
    cap: timedelta = timedelta(hours=6)
    # Keep at least this share of the delay; the rest is random, so retries of many reminders
    # to one broken receiver spread out instead of arriving together ("equal jitter").
    jitter_floor: float = 0.5

    def is_exhausted(self, attempts: int) -> bool:
        """Return whether a reminder that has failed `attempts` times gets no further attempt."""
        return attempts >= self.max_attempts

    def delay(self, attempts: int, *, rng: random.Random | None = None) -> timedelta:
        """Return how long to wait after the `attempts`-th failed attempt."""
        exponent = min(max(attempts - 1, 0), 40)
        raw = min(self.base.total_seconds() * (2**exponent), self.cap.total_seconds())
        share = (rng or random).uniform(self.jitter_floor, 1.0)
        return timedelta(seconds=raw * share)

    def next_delay(
        self, attempts: int, *, retry_after: timedelta | None, rng: random.Random | None = None
    ) -> timedelta:
        """Return the wait before the next attempt; a receiver's Retry-After is a lower bound."""
        delay = self.delay(attempts, rng=rng)
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.cap))
        return delay


def source_backoff(
    interval: timedelta, failures: int, *, retry_after: timedelta | None = None
) -> timedelta:
    """Return the wait before fetching a source again after `failures` failed fetches in a row.

    The first retry comes after one interval (at least a minute), each further one waits
    twice as long, at most a day; a server's Retry-After is a lower bound.
    """
    base = max(interval, timedelta(minutes=1))
    delay: timedelta = min(base * (2 ** min(max(failures - 1, 0), 20)), timedelta(days=1))
    if retry_after is not None:
        delay = max(delay, min(retry_after, timedelta(days=1)))
    return delay
