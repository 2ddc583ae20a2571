"""Calendar arithmetic: lengths added to days, period bounds, and days without a year placed."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date, timedelta

UNIT_DAYS = {"day": 1, "week": 7}
UNIT_MONTHS = {"month": 1, "quarter": 3, "half": 6, "year": 12}


def month_end(year: int, month: int) -> date:
    """Return the last day of the month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(anchor: date, months: int) -> date:
    """Add calendar months, clipping to the month end (31 Jan + 1 month = 28/29 Feb)."""
    index = anchor.year * 12 + anchor.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(anchor.day, last))


def add_duration(anchor: date, amount: int, unit: str) -> date:
    """Add N days, weeks, months, quarters, halves or years (hours count in whole days)."""
    if unit in UNIT_DAYS:
        return anchor + timedelta(days=amount * UNIT_DAYS[unit])
    if unit in UNIT_MONTHS:
        return add_months(anchor, amount * UNIT_MONTHS[unit])
    if unit == "hour":
        return anchor + timedelta(days=amount // 24)
    if unit in ("minute", "second"):
        return anchor
    raise ValueError(f"unknown unit {unit!r}")


def add_length(anchor: date, length: Iterable[tuple[int, str]]) -> date:
    """Add every part of a length in order, largest first ("2 years and 3 months")."""
    for amount, unit in length:
        anchor = add_duration(anchor, amount, unit)
    return anchor


def week_start(day: date) -> date:
    """Return the Monday of the day's week."""
    return day - timedelta(days=day.weekday())


def period_bounds(day: date, unit: str) -> tuple[date, date]:
    """Return the first and last day of the week, month, quarter, half or year holding `day`."""
    if unit == "day":
        return day, day
    if unit == "week":
        return week_start(day), week_start(day) + timedelta(days=6)
    months = UNIT_MONTHS[unit]
    first_month = (day.month - 1) // months * months + 1
    first = date(day.year, first_month, 1)
    return first, month_end(day.year, first_month + months - 1)


def shift_period(day: date, unit: str, count: int) -> tuple[date, date]:
    """The bounds of the period `count` units away from the one holding `day` (0: itself)."""
    if unit in UNIT_DAYS:
        return period_bounds(day + timedelta(days=count * UNIT_DAYS[unit]), unit)
    return period_bounds(add_months(period_bounds(day, unit)[0], count * UNIT_MONTHS[unit]), unit)


def weekday_on_or_before(anchor: date, weekday: int) -> date:
    """Return the most recent given weekday (Monday=0) on or before the anchor."""
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def weekday_after(anchor: date, weekday: int) -> date:
    """Return the next given weekday strictly after the anchor."""
    return anchor + timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)


def weekday_before(anchor: date, weekday: int) -> date:
    """Return the most recent given weekday strictly before the anchor."""
    return anchor - timedelta(days=(anchor.weekday() - weekday - 1) % 7 + 1)


def safe_date(year: int, month: int, day: int) -> date | None:
    """Build a date, or None when the parts do not form one (31 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def infer_month_year(anchor: date, month: int, direction: str) -> int:
    """Give a month without a year the year that fits `direction` (anchor month counts both)."""
    if direction == "future":
        return anchor.year if month >= anchor.month else anchor.year + 1
    if direction == "past":
        return anchor.year if month <= anchor.month else anchor.year - 1
    ahead = (month - anchor.month) % 12
    return infer_month_year(anchor, month, "future" if ahead <= 6 else "past")


def full_year(digits: str, anchor: date) -> int:
    """Read a year of four digits, or of two ("74" -> 1974, "26" -> 2026 around 2026)."""
    year = int(digits)
    if len(digits) > 2:
        return year
    century = 2000 if 2000 + year <= anchor.year + 20 else 1900
    return century + year
