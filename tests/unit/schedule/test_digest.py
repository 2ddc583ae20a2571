"""PURE digest schedule: wall-clock times in the configured zone, across DST changes."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from tracker.schedule.digest import next_digest_at, parse_time_of_day

EIGHT = time(8, 0)


def _daily(after: datetime, berlin, at: time = EIGHT) -> datetime:
    return next_digest_at(after, cadence="daily", at=at, weekday=None, tz=berlin)


def test_next_digest_daily_is_the_same_day_before_the_time_else_the_next(berlin):
    assert _daily(datetime(2026, 2, 10, 6, 59, tzinfo=UTC), berlin) == datetime(
        2026, 2, 10, 7, 0, tzinfo=UTC
    )
    # Strictly after: a digest at 08:00 does not take what happens at 08:00 along.
    assert _daily(datetime(2026, 2, 10, 7, 0, tzinfo=UTC), berlin) == datetime(
        2026, 2, 11, 7, 0, tzinfo=UTC
    )


def test_next_digest_daily_stays_at_eight_local_across_spring_forward(berlin):
    # Sat 28 March 2026 09:00 CET; Sunday 29 March is 23 hours long.
    after = datetime(2026, 3, 28, 8, 0, tzinfo=UTC)
    nxt = _daily(after, berlin)
    assert nxt == datetime(2026, 3, 29, 6, 0, tzinfo=UTC)  # 08:00 CEST
    assert nxt.astimezone(berlin).hour == 8
    assert (nxt - datetime(2026, 3, 28, 7, 0, tzinfo=UTC)).total_seconds() == 23 * 3600


def test_next_digest_daily_stays_at_eight_local_across_fall_back(berlin):
    after = datetime(2026, 10, 24, 7, 0, tzinfo=UTC)  # Sat 09:00 CEST
    nxt = _daily(after, berlin)
    assert nxt == datetime(2026, 10, 25, 7, 0, tzinfo=UTC)  # Sun 08:00 CET
    assert (nxt - datetime(2026, 10, 24, 6, 0, tzinfo=UTC)).total_seconds() == 25 * 3600


def test_next_digest_in_the_spring_gap_moves_later(berlin):
    # 02:30 does not exist on 29 March 2026 in Berlin: the digest goes at 03:30 CEST.
    nxt = _daily(datetime(2026, 3, 28, 12, 0, tzinfo=UTC), berlin, at=time(2, 30))
    assert nxt == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)


def test_next_digest_weekly_on_the_weekday(berlin):
    after = datetime(2026, 10, 21, 12, 0, tzinfo=UTC)  # a Wednesday
    friday = next_digest_at(after, cadence="weekly", at=time(7, 30), weekday=4, tz=berlin)
    assert friday == datetime(2026, 10, 23, 5, 30, tzinfo=UTC)  # Fri 07:30 CEST
    sunday = next_digest_at(after, cadence="weekly", at=EIGHT, weekday=6, tz=berlin)
    assert sunday == datetime(2026, 10, 25, 7, 0, tzinfo=UTC)  # Sun 08:00 CET, after the change
    again = next_digest_at(sunday, cadence="weekly", at=EIGHT, weekday=6, tz=berlin)
    assert again == datetime(2026, 11, 1, 7, 0, tzinfo=UTC)


@pytest.mark.parametrize("text", ["8", "24:00", "08:60", "8am", ""])
def test_parse_time_of_day_refuses_bad_times(text):
    with pytest.raises(ValueError, match="time of day"):
        parse_time_of_day(text)


def test_parse_time_of_day_reads_hh_mm():
    assert parse_time_of_day(" 7:05 ") == time(7, 5)


def test_next_digest_unknown_cadence(berlin):
    with pytest.raises(ValueError, match="cadence"):
        next_digest_at(
            datetime(2026, 1, 1, tzinfo=UTC), cadence="hourly", at=EIGHT, weekday=None, tz=berlin
        )
