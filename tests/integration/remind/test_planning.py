"""replan_item keeps the outbox in step with an item, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy.engine import Engine

from tests.integration.remind.factories import make_channel, make_item, reminders, settings
from tracker.clock import FixedClock
from tracker.errors import AlreadyExistsError, UsageError
from tracker.services.channels import add_channel, list_channels, remove_channel
from tracker.services.planning import replan_item
from tracker.store.session import read_session, transaction

NOW = datetime(2026, 2, 5, 12, 0, tzinfo=UTC)


def _states(engine: Engine) -> list[tuple[str, str, int, str]]:
    with read_session(engine) as session:
        return [(r.kind, r.due_on.isoformat(), r.days_before, r.state) for r in reminders(session)]


def test_replan_item_inserts_default_plan_once(engine):
    with transaction(engine) as session:
        make_channel(session)
        item = make_item(session, due_on=date(2026, 3, 30))
        replan_item(session, item, settings=settings(), now=NOW)
        replan_item(session, item, settings=settings(), now=NOW)  # idempotent
    with read_session(engine) as session:
        rows = reminders(session)
    assert [(r.kind, r.days_before, r.state) for r in rows] == [
        ("lead", 7, "pending"),
        ("lead", 1, "pending"),
        ("due", 0, "pending"),
        ("overdue", -1, "pending"),
    ]
    # 09:00 Berlin: CET (UTC+1) before the 29 March DST change, CEST (UTC+2) after it.
    assert [r.fire_at for r in rows] == [
        datetime(2026, 3, 23, 8, 0, tzinfo=UTC),
        datetime(2026, 3, 29, 7, 0, tzinfo=UTC),
        datetime(2026, 3, 30, 7, 0, tzinfo=UTC),
        datetime(2026, 3, 31, 7, 0, tzinfo=UTC),
    ]
    assert all(r.next_attempt_at == r.fire_at and r.attempts == 0 for r in rows)
    assert len({r.idempotency_key for r in rows}) == 4


def test_replan_item_skips_reminders_already_past(engine):
    late = datetime(2026, 3, 29, 12, 0, tzinfo=UTC)  # after the 7d and 1d reminders
    with transaction(engine) as session:
        make_channel(session)
        item = make_item(session, due_on=date(2026, 3, 30))
        replan_item(session, item, settings=settings(), now=late)
    assert [k for k, *_ in _states(engine)] == ["due", "overdue"]


def test_replan_item_extension_supersedes_old_and_plans_new(engine):
    with transaction(engine) as session:
        make_channel(session)
        item = make_item(session, due_on=date(2026, 3, 30))
        replan_item(session, item, settings=settings(), now=NOW)
        item.due_on, item.status = date(2026, 6, 30), "extended"
        replan_item(session, item, settings=settings(), now=NOW)
    states = _states(engine)
    assert {s for _, due, _, s in states if due == "2026-03-30"} == {"superseded"}
    assert {s for _, due, _, s in states if due == "2026-06-30"} == {"pending"}
    assert len(states) == 8


def test_replan_item_met_cancels_and_reopening_revives(engine):
    with transaction(engine) as session:
        make_channel(session)
        item = make_item(session)
        replan_item(session, item, settings=settings(), now=NOW)
        item.status = "met"
        replan_item(session, item, settings=settings(), now=NOW)
        assert {r.state for r in reminders(session)} == {"superseded"}
        item.status = "open"
        replan_item(session, item, settings=settings(), now=NOW)
    assert {s for *_, s in _states(engine)} == {"pending"}
    assert len(_states(engine)) == 4


def test_replan_item_leaves_undated_items_alone(engine):
    with transaction(engine) as session:
        make_channel(session)
        item = make_item(session, due_on=None)
        replan_item(session, item, settings=settings(), now=NOW)
    assert _states(engine) == []


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"filter_actor": "european commission"}, 4),
        ({"filter_actor": "council"}, 0),
        ({"filter_status": "open"}, 4),
        ({"filter_status": "extended"}, 0),
        ({"is_active": False}, 0),
    ],
)
def test_replan_item_respects_channel_filters(engine, filters, expected):
    with transaction(engine) as session:
        make_channel(session, **filters)
        item = make_item(session, actors=["European Commission"])
        replan_item(session, item, settings=settings(), now=NOW)
    assert len(_states(engine)) == expected


def test_replan_item_custom_leads(engine):
    with transaction(engine) as session:
        make_channel(session)
        item = make_item(session, due_on=date(2026, 6, 30))
        replan_item(session, item, settings=settings(reminder_leads="14d,7d"), now=NOW)
    assert [(k, d) for k, _, d, _ in _states(engine)] == [
        ("lead", 14),
        ("lead", 7),
        ("overdue", -1),
    ]


def test_add_channel_plans_for_active_items_and_prints_secret_once(engine):
    with transaction(engine) as session:
        make_item(session, due_on=date(2026, 3, 30))
        make_item(session, due_on=date(2026, 4, 30), status="met")
    clock = FixedClock(NOW)
    added = add_channel(
        engine, settings(), clock, kind="webhook", target="https://hooks.example.org/x"
    )
    assert added.generated_secret is not None
    assert added.generated_secret.startswith("whsec_")
    assert added.channel.has_secret
    assert len(_states(engine)) == 4  # the met item gets none
    with pytest.raises(AlreadyExistsError):
        add_channel(engine, settings(), clock, kind="webhook", target="https://hooks.example.org/x")
    email = add_channel(engine, settings(), clock, kind="email", target="ops@example.org")
    assert email.generated_secret is None
    assert len(_states(engine)) == 8
    assert [c.kind for c in list_channels(engine)] == ["webhook", "email"]
    remove_channel(engine, added.channel.id)
    assert len(_states(engine)) == 4


@pytest.mark.parametrize(
    ("kind", "target", "secret"),
    [
        ("email", "not-an-address", None),
        ("email", "a@b.c\r\nBcc: x@y.z", None),
        ("email", "ops@example.org", "whsec_abc"),
        ("webhook", "ftp://example.org/x", None),
        ("webhook", "https://user:pw@example.org/x", None),
        ("webhook", "https://example.org/x", "not-a-secret"),
        ("webhook", "https://example.org/x", "whsec_c2hvcnQ="),
        ("pager", "x", None),
    ],
)
def test_add_channel_rejects_invalid_input(engine, kind, target, secret):
    with pytest.raises(UsageError):
        add_channel(engine, settings(), FixedClock(NOW), kind=kind, target=target, secret=secret)


def test_item_services_replan_in_their_transaction(engine):
    from tracker.services.items import extend, set_status

    with transaction(engine) as session:
        make_channel(session)
        item_id = make_item(session, due_on=date(2026, 3, 30)).id
    clock, config = FixedClock(NOW), settings()
    extend(engine, config, clock, item_id, date(2026, 4, 30), "postponed")
    states = _states(engine)
    assert {due for _, due, _, s in states if s == "pending"} == {"2026-04-30"}
    set_status(engine, config, clock, item_id, "met", None)
    assert {s for *_, s in _states(engine)} == {"superseded"}
