"""PURE digest schedule: when a channel's next digest goes out.

No I/O, no clock: the instant to count from is an argument.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

CADENCES: tuple[str, ...] = ("daily", "weekly")
WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def parse_time_of_day(value: str) -> time:
    """Parse `HH:MM` (24-hour clock); raise ValueError otherwise."""
    match = _HHMM.match(value.strip())
    if match is None:
        raise ValueError(f"{value!r} is not a time of day like 08:00")
    return time(int(match.group(1)), int(match.group(2)))


def wall_time(day: date, at: time, tz: ZoneInfo) -> datetime:
    """Return wall-clock `at` on `day` in `tz`, as UTC (a time in the spring gap moves later)."""
    return datetime.combine(day, at, tzinfo=tz).astimezone(UTC)


def next_digest_at(
    after: datetime, *, cadence: str, at: time, weekday: int | None, tz: ZoneInfo
) -> datetime:
    """Return the first digest time strictly after `after`, as UTC.

    A digest is at wall-clock `at` in `tz` every day (daily) or on `weekday` (weekly, 0 is
    Monday), so it stays at 08:00 local across DST changes; the day of a change is 23 or 25
    hours after the one before it.
    """
    if cadence not in CADENCES:
        raise ValueError(f"unknown digest cadence {cadence!r}")
    start = after.astimezone(tz).date()
    for offset in range(9):
        day = start + timedelta(days=offset)
        if cadence == "weekly" and day.weekday() != (weekday or 0):
            continue
        candidate = wall_time(day, at, tz)
        if candidate > after:
            return candidate
    raise AssertionError("unreachable: a week always has the weekday")
