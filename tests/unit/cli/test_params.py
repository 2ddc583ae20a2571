"""Dates as users type them: ISO, day names, and offsets from today."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.cli.params import parse_date, shift

TODAY = date(2026, 1, 31)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-07", date(2026, 3, 7)),
        (" 2026-03-07 ", date(2026, 3, 7)),
        ("today", TODAY),
        ("Tomorrow", date(2026, 2, 1)),
        ("yesterday", date(2026, 1, 30)),
        ("+10d", date(2026, 2, 10)),
        ("-10d", date(2026, 1, 21)),
        ("+2w", date(2026, 2, 14)),
        ("+1m", date(2026, 2, 28)),  # 31 January + 1 month: the last day of February
        ("-2m", date(2025, 11, 30)),
        ("+1y", date(2027, 1, 31)),
        ("+0d", TODAY),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text, lambda: TODAY) == expected


@pytest.mark.parametrize("text", ["2026-02-30", "next week", "+2x", "2w", "+", "++2d", ""])
def test_parse_date_refuses_the_rest(text):
    with pytest.raises(ValueError, match=r"is not a date \(YYYY-MM-DD, today, tomorrow"):
        parse_date(text, lambda: TODAY)


def test_iso_dates_do_not_ask_for_today():
    def no_today() -> date:
        raise AssertionError("an ISO date needs no clock")

    assert parse_date("2026-02-05", no_today) == date(2026, 2, 5)


def test_shift_keeps_month_ends_within_the_month():
    assert shift(date(2024, 1, 31), 1, "m") == date(2024, 2, 29)
    assert shift(date(2024, 2, 29), 1, "y") == date(2025, 2, 28)
    assert shift(date(2026, 12, 15), 1, "m") == date(2027, 1, 15)
    assert shift(date(2026, 1, 15), -13, "m") == date(2024, 12, 15)
