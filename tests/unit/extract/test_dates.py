from __future__ import annotations

from datetime import date, datetime

import pytest

from tracker.extract.dates.calendar import (
    add_duration,
    add_months,
    dateparser_settings,
    infer_month_year,
    infer_year,
    month_end,
    parse_absolute,
    quarter_end,
    weekday_after,
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
        (date(2026, 2, 5), 60, "day", date(2026, 4, 6)),
        (date(2026, 2, 5), 2, "week", date(2026, 2, 19)),
        (date(2024, 2, 29), 1, "year", date(2025, 2, 28)),
        (date(2025, 4, 17), 3, "year", date(2028, 4, 17)),
    ],
)
def test_add_duration_uses_calendar_arithmetic(anchor, amount, unit, expected):
    assert add_duration(anchor, amount, unit) == expected


def test_month_and_quarter_end_handle_leap_years():
    assert month_end(2024, 2) == date(2024, 2, 29)
    assert month_end(2026, 2) == date(2026, 2, 28)
    assert quarter_end(2026, 3) == date(2026, 9, 30)
    assert quarter_end(2026, 4) == date(2026, 12, 31)


def test_weekday_on_or_before_counts_the_anchor_day():
    wednesday = date(2026, 2, 4)
    assert weekday_on_or_before(wednesday, 2) == wednesday
    assert weekday_on_or_before(wednesday, 0) == date(2026, 2, 2)
    assert weekday_on_or_before(wednesday, 4) == date(2026, 1, 30)


def test_weekday_after_is_strictly_later():
    assert weekday_after(date(2026, 2, 4), 2) == date(2026, 2, 11)
    assert weekday_after(date(2026, 2, 4), 4) == date(2026, 2, 6)


def test_infer_year_picks_next_past_or_nearest_occurrence():
    anchor = date(2025, 8, 12)
    assert infer_year(anchor, 6, 5, "future") == date(2026, 6, 5)
    assert infer_year(anchor, 6, 5, "past") == date(2025, 6, 5)
    assert infer_year(anchor, 6, 5, "nearest") == date(2025, 6, 5)
    assert infer_year(anchor, 10, 9, "nearest") == date(2025, 10, 9)
    assert infer_year(date(2025, 3, 1), 2, 29, "future") is None


def test_infer_month_year_same_month_counts_both_ways():
    anchor = date(2025, 8, 29)
    assert infer_month_year(anchor, 8, "future") == 2025
    assert infer_month_year(anchor, 7, "future") == 2026
    assert infer_month_year(anchor, 9, "past") == 2024
    assert infer_month_year(anchor, 4, "nearest") == 2025


def test_dateparser_settings_pin_base_language_order_and_strictness():
    settings = dateparser_settings("de", date(2026, 2, 5))
    assert settings["RELATIVE_BASE"] == datetime(2026, 2, 5)
    assert settings["DATE_ORDER"] == "DMY"
    assert settings["PREFER_DATES_FROM"] == "future"
    assert "relative-time" not in settings["PARSERS"]
    assert dateparser_settings("en", date(2026, 2, 5))["DATE_ORDER"] == "MDY"


def test_parse_absolute_reads_slashed_dates_per_language_order():
    base = date(2026, 1, 5)
    assert parse_absolute("03/04/2026", lang="en", base=base) == date(2026, 3, 4)
    assert parse_absolute("03/04/2026", lang="de", base=base) == date(2026, 4, 3)
    assert parse_absolute("Die", lang="de", base=base) is None
