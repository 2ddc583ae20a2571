"""Calendar arithmetic of the time-expression layer: lengths, period bounds, weekdays, years."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract.dates.calendar import (
    add_duration,
    add_length,
    add_months,
    full_year,
    infer_month_year,
    month_end,
    period_bounds,
    shift_period,
    weekday_after,
    weekday_before,
    weekday_on_or_before,
)


@pytest.mark.parametrize(
    ("anchor", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year
        (date(2025, 10, 20), 6, date(2026, 4, 20)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2025, 12, 15), 1, date(2026, 1, 15)),
    ],
)
def test_add_months_clips_to_month_end(anchor, months, expected):
    assert add_months(anchor, months) == expected


@pytest.mark.parametrize(
    ("anchor", "amount", "unit", "expected"),
    [
        (date(2026, 2, 5), 30, "day", date(2026, 3, 7)),
        (date(2026, 2, 5), 2, "week", date(2026, 2, 19)),
        (date(2024, 2, 29), 1, "year", date(2025, 2, 28)),
        (date(2026, 2, 5), 3, "quarter", date(2026, 11, 5)),
        (date(2026, 2, 5), 1, "half", date(2026, 8, 5)),
        (date(2026, 2, 5), 49, "hour", date(2026, 2, 7)),
        (date(2026, 2, 5), 90, "minute", date(2026, 2, 5)),
    ],
)
def test_add_duration_uses_calendar_arithmetic(anchor, amount, unit, expected):
    assert add_duration(anchor, amount, unit) == expected


def test_add_length_adds_each_part_in_order():
    assert add_length(date(2013, 2, 12), ((2, "year"), (3, "month"))) == date(2015, 5, 12)
    assert add_length(date(2013, 2, 12), ((1, "year"), (2, "day"), (3, "hour"))) == date(
        2014, 2, 14
    )
    with pytest.raises(ValueError, match="unknown unit"):
        add_length(date(2013, 2, 12), ((1, "fortnightly"),))


def test_period_bounds_and_shifts_of_calendar_periods():
    thursday = date(2026, 2, 5)
    assert period_bounds(thursday, "week") == (date(2026, 2, 2), date(2026, 2, 8))
    assert period_bounds(thursday, "quarter") == (date(2026, 1, 1), date(2026, 3, 31))
    assert period_bounds(thursday, "half") == (date(2026, 1, 1), date(2026, 6, 30))
    assert shift_period(thursday, "month", -2) == (date(2025, 12, 1), date(2025, 12, 31))
    assert shift_period(thursday, "year", 1) == (date(2027, 1, 1), date(2027, 12, 31))
    assert month_end(2024, 2) == date(2024, 2, 29)


def test_weekdays_on_or_before_after_and_before():
    wednesday = date(2026, 2, 4)
    assert weekday_on_or_before(wednesday, 2) == wednesday
    assert weekday_on_or_before(wednesday, 4) == date(2026, 1, 30)
    assert weekday_after(wednesday, 2) == date(2026, 2, 11)
    assert weekday_before(wednesday, 2) == date(2026, 1, 28)


def test_month_years_and_two_digit_years():
    anchor = date(2025, 8, 29)
    assert infer_month_year(anchor, 8, "future") == 2025
    assert infer_month_year(anchor, 7, "future") == 2026
    assert infer_month_year(anchor, 9, "past") == 2024
    assert full_year("74", date(2013, 2, 12)) == 1974
    assert full_year("15", date(2013, 2, 12)) == 2015
    assert full_year("2031", date(2013, 2, 12)) == 2031
