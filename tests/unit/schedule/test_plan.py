"""The pure reminder plan: lead times, 09:00 local across DST, keys."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.config import parse_leads
from tracker.schedule.plan import (
    PlannedReminder,
    fire_time,
    idempotency_key,
    latest_per_group,
    plan_reminders,
    still_ahead,
)

DEFAULT = parse_leads("7d,1d,0d")


def _plan(
    due: date, tz: ZoneInfo, leads: list[timedelta] = DEFAULT, status: str = "open"
) -> list[PlannedReminder]:
    return plan_reminders(due, status, leads=leads, tz=tz, hour=9)


def test_plan_reminders_default_plan_in_utc():
    plan = _plan(date(2026, 5, 20), ZoneInfo("UTC"))
    assert [(p.kind, p.days_before, p.lead_token) for p in plan] == [
        ("lead", 7, "7d"),
        ("lead", 1, "1d"),
        ("due", 0, "0d"),
        ("overdue", -1, "+1d"),
    ]
    assert [p.fire_at for p in plan] == [
        datetime(2026, 5, 13, 9, tzinfo=UTC),
        datetime(2026, 5, 19, 9, tzinfo=UTC),
        datetime(2026, 5, 20, 9, tzinfo=UTC),
        datetime(2026, 5, 21, 9, tzinfo=UTC),
    ]


def test_plan_reminders_crosses_spring_dst_in_berlin(berlin):
    # DST starts on Sunday 29 March 2026: 09:00 is 08:00 UTC before, 07:00 UTC after.
    plan = _plan(date(2026, 4, 2), berlin)
    assert [p.fire_at for p in plan] == [
        datetime(2026, 3, 26, 8, tzinfo=UTC),
        datetime(2026, 4, 1, 7, tzinfo=UTC),
        datetime(2026, 4, 2, 7, tzinfo=UTC),
        datetime(2026, 4, 3, 7, tzinfo=UTC),
    ]
    assert all(p.fire_at.astimezone(berlin).time() == time(9) for p in plan)


def test_plan_reminders_crosses_autumn_dst_in_berlin(berlin):
    # DST ends on Sunday 25 October 2026: 09:00 is 07:00 UTC before, 08:00 UTC after.
    plan = _plan(date(2026, 10, 26), berlin)
    assert [p.fire_at for p in plan] == [
        datetime(2026, 10, 19, 7, tzinfo=UTC),
        datetime(2026, 10, 25, 8, tzinfo=UTC),  # the DST day itself
        datetime(2026, 10, 26, 8, tzinfo=UTC),
        datetime(2026, 10, 27, 8, tzinfo=UTC),
    ]
    # The 7-day lead is 7 calendar days, so 7 days and 1 hour of elapsed time.
    assert plan[2].fire_at - plan[0].fire_at == timedelta(days=7, hours=1)


def test_fire_time_in_the_spring_gap_moves_forward(berlin):
    # 02:30 does not exist on 29 March 2026 in Berlin; it resolves to 03:30 CEST.
    at = fire_time(date(2026, 3, 29), timedelta(0), tz=berlin, hour=2)
    assert at == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)


def test_plan_reminders_hour_leads_are_absolute_time(berlin):
    plan = _plan(date(2026, 3, 30), berlin, leads=parse_leads("36h,12h"))
    assert [(p.kind, p.lead_token, p.days_before) for p in plan] == [
        ("lead", "36h", 1),
        ("lead", "12h", 0),
        ("overdue", "+1d", -1),
    ]
    assert plan[1].fire_at == datetime(2026, 3, 29, 19, tzinfo=UTC)  # 21:00 CEST


@pytest.mark.parametrize("status", ["met", "missed", "cancelled"])
def test_plan_reminders_inactive_status_plans_nothing(status, berlin):
    assert _plan(date(2026, 3, 30), berlin, status=status) == []


def test_plan_reminders_undated_plans_nothing(berlin):
    assert plan_reminders(None, "open", leads=DEFAULT, tz=berlin, hour=9) == []


def test_still_ahead_drops_past_fire_times(berlin):
    plan = _plan(date(2026, 3, 30), berlin)
    ahead = still_ahead(plan, now=datetime(2026, 3, 29, 7, 0, tzinfo=UTC))
    assert [p.kind for p in ahead] == ["due", "overdue"]  # fire time == now is past


def test_idempotency_key_stable_and_distinct(berlin):
    first = _plan(date(2026, 3, 30), berlin)
    again = _plan(date(2026, 3, 30), berlin)
    moved = _plan(date(2026, 4, 30), berlin)
    keys = [idempotency_key(3, 2, p) for p in first]
    assert keys == [idempotency_key(3, 2, p) for p in again]
    assert keys[0] == "r3-c2-lead-7d-20260330"
    assert set(keys).isdisjoint(idempotency_key(3, 2, p) for p in moved)
    assert set(keys).isdisjoint(idempotency_key(3, 4, p) for p in first)
    assert len(set(keys)) == len(keys)


def test_latest_per_group_keeps_newest():
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    rows = [(("a", 1), t0), (("a", 1), t0 + timedelta(days=6)), (("b", 1), t0)]
    assert latest_per_group(rows) == {("a", 1): t0 + timedelta(days=6), ("b", 1): t0}


@given(
    due=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
    zone=st.sampled_from(["Europe/Berlin", "America/New_York", "Australia/Sydney", "UTC"]),
    hour=st.integers(min_value=5, max_value=22),
    days=st.sets(st.integers(min_value=0, max_value=60), min_size=1, max_size=5),
)
def test_plan_reminders_fire_at_reminder_hour_local(due, zone, hour, days):
    tz = ZoneInfo(zone)
    leads = [timedelta(days=d) for d in days]
    plan = plan_reminders(due, "open", leads=leads, tz=tz, hour=hour)
    assert len(plan) == len(days) + 1
    for p in plan:
        local = p.fire_at.astimezone(tz)
        assert local.time() == time(hour)
        assert local.date() == due - timedelta(days=p.days_before)
        assert isinstance(p, PlannedReminder)
    assert plan == sorted(plan, key=lambda p: p.fire_at)
