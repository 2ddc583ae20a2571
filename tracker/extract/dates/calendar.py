"""Calendar arithmetic for deadlines, and the one place that configures dateparser."""

from __future__ import annotations

import calendar
import logging
from datetime import date, datetime, timedelta
from typing import Any

logger = logging.getLogger(__name__)

UNIT_DAYS = {"day": 1, "week": 7}


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
    """Add N days/weeks/months/years to a date with calendar arithmetic."""
    if unit in UNIT_DAYS:
        return anchor + timedelta(days=amount * UNIT_DAYS[unit])
    if unit == "month":
        return add_months(anchor, amount)
    if unit == "year":
        return add_months(anchor, 12 * amount)
    raise ValueError(f"unknown unit {unit!r}")


def quarter_end(year: int, quarter: int) -> date:
    """Return the last day of a calendar quarter (1-4)."""
    return month_end(year, quarter * 3)


def weekday_on_or_before(anchor: date, weekday: int) -> date:
    """Return the most recent given weekday (Monday=0) on or before the anchor."""
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def weekday_after(anchor: date, weekday: int) -> date:
    """Return the next given weekday strictly after the anchor."""
    return anchor + timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)


def safe_date(year: int, month: int, day: int) -> date | None:
    """Build a date, or None when the parts do not form one (31 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def infer_year(anchor: date, month: int, day: int, direction: str) -> date | None:
    """Give a day and month without a year the year that fits `direction`.

    "future": next occurrence on/after the anchor; "past": most recent on/before it;
    "nearest": whichever of the two is closer (ties go to the future).
    """
    after = safe_date(anchor.year, month, day) or safe_date(anchor.year + 1, month, day)
    if after is not None and after < anchor:
        after = safe_date(anchor.year + 1, month, day)
    before = safe_date(anchor.year, month, day)
    if before is not None and before > anchor:
        before = safe_date(anchor.year - 1, month, day)
    if direction == "future" or before is None:
        return after
    if direction == "past" or after is None:
        return before
    return after if (after - anchor) <= (anchor - before) else before


def infer_month_year(anchor: date, month: int, direction: str) -> int:
    """Give a month without a year the year that fits `direction` (anchor month counts both)."""
    if direction == "future":
        return anchor.year if month >= anchor.month else anchor.year + 1
    if direction == "past":
        return anchor.year if month <= anchor.month else anchor.year - 1
    ahead = (month - anchor.month) % 12
    return infer_month_year(anchor, month, "future" if ahead <= 6 else "past")


def dateparser_settings(lang: str, base: date) -> dict[str, Any]:
    """Build the dateparser settings: explicit base, future preference, DMY for German, strict."""
    return {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "future",
        "DATE_ORDER": "DMY" if lang == "de" else "MDY",
        "REQUIRE_PARTS": ["day", "month"],
        "STRICT_PARSING": True,
        "PARSERS": ["custom-formats", "absolute-time"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }


def parse_absolute(span: str, *, lang: str, base: date) -> date | None:
    """Parse an absolute date in an unusual format with dateparser (imported lazily), or None."""
    try:
        import dateparser

        parsed = dateparser.parse(span, languages=[lang], settings=dateparser_settings(lang, base))
    except Exception:  # dateparser raises assorted errors on odd input
        logger.debug("dateparser failed on %r", span, exc_info=True)
        return None
    return parsed.date() if parsed is not None else None
