"""Retry policy: exponential backoff with jitter, Retry-After, attempt cap."""

from __future__ import annotations

import random
from datetime import timedelta

from tracker.schedule.backoff import RetryPolicy


def test_retry_policy_delay_grows_exponentially_within_jitter():
    policy = RetryPolicy(base=timedelta(seconds=10), cap=timedelta(hours=1))
    rng = random.Random(1)
    for attempts, full in [(1, 10), (2, 20), (3, 40), (4, 80), (10, 3600), (500, 3600)]:
        delays = [policy.delay(attempts, rng=rng).total_seconds() for _ in range(200)]
        assert min(delays) >= full * 0.5
        assert max(delays) <= full
        assert len(set(delays)) > 100  # jittered, not one fixed value


def test_retry_policy_retry_after_is_a_lower_bound_capped():
    policy = RetryPolicy(base=timedelta(seconds=10), cap=timedelta(hours=1))
    rng = random.Random(2)
    assert policy.next_delay(1, retry_after=timedelta(minutes=5), rng=rng) == timedelta(minutes=5)
    assert policy.next_delay(1, retry_after=timedelta(days=3), rng=rng) == timedelta(hours=1)
    assert policy.next_delay(1, retry_after=None, rng=rng) <= timedelta(seconds=10)


def test_retry_policy_exhausted_after_max_attempts():
    policy = RetryPolicy(max_attempts=3)
    assert not policy.is_exhausted(2)
    assert policy.is_exhausted(3)


def test_source_backoff_doubles_from_the_interval_up_to_a_day():
    from tracker.schedule.backoff import source_backoff

    interval = timedelta(minutes=30)
    delays = [source_backoff(interval, n) for n in range(1, 9)]
    assert delays[:4] == [timedelta(minutes=m) for m in (30, 60, 120, 240)]
    assert delays[-1] == timedelta(days=1)
    assert source_backoff(timedelta(seconds=5), 1) == timedelta(minutes=1)
    assert source_backoff(interval, 1, retry_after=timedelta(hours=2)) == timedelta(hours=2)
