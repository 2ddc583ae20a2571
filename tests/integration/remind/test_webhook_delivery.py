"""Webhook delivery end to end: outbox -> dispatch_due -> a real HTTP receiver on loopback."""

from __future__ import annotations

import random
import time
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy.engine import Engine
from standardwebhooks.webhooks import Webhook
from werkzeug import Response

from tests.integration.remind.factories import (
    SECRET,
    bulk_due_reminders,
    make_channel,
    make_item,
    make_reminder,
    reminders,
    settings,
    state_counts,
)
from tests.integration.remind.receiver import Receiver
from tracker.clock import FixedClock
from tracker.schedule.backoff import RetryPolicy
from tracker.services.dispatch import DispatchPolicy, DispatchReport, dispatch_due
from tracker.store import tables as t
from tracker.store.session import read_session, transaction

NOW = datetime(2026, 3, 29, 7, 1, tzinfo=UTC)
POLICY = DispatchPolicy(retry=RetryPolicy(max_attempts=3, base=timedelta(seconds=10)))


def _setup(engine: Engine, url: str, n: int = 1) -> list[int]:
    with transaction(engine) as session:
        channel = make_channel(session, target=url)
        return [
            make_reminder(
                session, make_item(session), channel, fire_at=NOW - timedelta(minutes=1)
            ).id
            for _ in range(n)
        ]


def _dispatch(engine: Engine, now: datetime = NOW, **overrides: Any) -> DispatchReport:
    return dispatch_due(
        engine,
        settings(webhook_timeout=overrides.pop("timeout", 2.0)),
        FixedClock(now),
        "w1",
        policy=overrides.pop("policy", POLICY),
        rng=random.Random(0),
    )


def _row(engine: Engine, reminder_id: int) -> SimpleNamespace:
    with read_session(engine) as session:
        return reminders(session, id=reminder_id)[0]


def test_webhook_200_is_sent_and_signed_at_the_real_time(engine, httpserver):
    """What is due is decided at NOW (a simulated time, like `remind once --now`); the
    signature, webhook-timestamp and Date header are the real sending time, so a receiver
    verifying with the standardwebhooks package (5 minutes tolerance) accepts it."""
    httpserver.expect_request("/hook", method="POST").respond_with_data("ok")
    [rid] = _setup(engine, httpserver.url_for("/hook"))
    before = datetime.now(UTC).replace(microsecond=0)
    report = _dispatch(engine)
    after = datetime.now(UTC)
    assert [o.reminder_id for o in report.sent] == [rid]
    row = _row(engine, rid)
    assert (row.state, row.attempts, row.lease_until) == ("sent", 1, None)
    assert before <= row.sent_at <= after
    [(request, _)] = httpserver.log
    assert request.headers["webhook-id"] == row.idempotency_key
    payload = Webhook(SECRET).verify(request.get_data(), dict(request.headers))
    assert payload["type"] == "deadline.reminder"
    assert payload["data"]["reminder"]["kind"] == "lead"
    assert before <= datetime.fromisoformat(payload["timestamp"]) <= after
    sent_date = parsedate_to_datetime(request.headers["date"])
    assert before <= sent_date <= after
    assert _dispatch(engine).outcomes == []  # nothing left


def test_webhook_500_is_retried_with_the_same_id(engine, httpserver):
    httpserver.expect_ordered_request("/hook").respond_with_data("boom", status=500)
    httpserver.expect_ordered_request("/hook").respond_with_data("ok")
    [rid] = _setup(engine, httpserver.url_for("/hook"))
    report = _dispatch(engine)
    assert [o.state for o in report.outcomes] == ["failed"]
    row = _row(engine, rid)
    assert (row.state, row.attempts, row.last_error) == (
        "failed",
        1,
        "HTTP 500 INTERNAL SERVER ERROR",
    )
    assert NOW + timedelta(seconds=5) <= row.next_attempt_at <= NOW + timedelta(seconds=10)
    assert _dispatch(engine, now=row.next_attempt_at - timedelta(seconds=1)).outcomes == []
    report = _dispatch(engine, now=row.next_attempt_at)
    assert [o.state for o in report.outcomes] == ["sent"]
    assert (_row(engine, rid).state, _row(engine, rid).attempts) == ("sent", 2)
    ids = {req.headers["webhook-id"] for req, _ in httpserver.log}
    assert ids == {row.idempotency_key}


def test_webhook_5xx_until_the_last_attempt_is_dead(engine, httpserver):
    httpserver.expect_request("/hook").respond_with_data("boom", status=502)
    [rid] = _setup(engine, httpserver.url_for("/hook"))
    now = NOW
    for _ in range(3):
        _dispatch(engine, now=now)
        now += timedelta(hours=1)
    row = _row(engine, rid)
    assert (row.state, row.attempts) == ("dead", 3)
    assert len(httpserver.log) == 3


def test_webhook_400_is_permanent(engine, httpserver):
    httpserver.expect_request("/hook").respond_with_data("bad", status=400)
    [rid] = _setup(engine, httpserver.url_for("/hook"))
    assert [o.state for o in _dispatch(engine).outcomes] == ["dead"]
    assert (_row(engine, rid).state, _row(engine, rid).attempts) == ("dead", 1)


def test_webhook_redirect_is_not_followed(engine, httpserver):
    httpserver.expect_request("/hook").respond_with_data(
        "", status=307, headers={"Location": httpserver.url_for("/elsewhere")}
    )
    [rid] = _setup(engine, httpserver.url_for("/hook"))
    _dispatch(engine)
    assert _row(engine, rid).state == "dead"
    assert [req.path for req, _ in httpserver.log] == ["/hook"]


def test_webhook_410_disables_the_channel(engine, httpserver):
    httpserver.expect_request("/hook").respond_with_data("gone", status=410)
    with transaction(engine) as session:
        channel = make_channel(session, target=httpserver.url_for("/hook"))
        item = make_item(session)
        due = make_reminder(session, item, channel, fire_at=NOW - timedelta(minutes=1))
        later = make_reminder(
            session, item, channel, fire_at=NOW + timedelta(days=1), kind="due", days_before=0
        )
        ids = (due.id, later.id, channel.id)
    _dispatch(engine)
    assert _row(engine, ids[0]).state == "dead"
    assert _row(engine, ids[1]).state == "superseded"
    with read_session(engine) as session:
        disabled = session.get(t.Channel, ids[2])
        assert disabled is not None
        assert not disabled.is_active
        assert "410" in (disabled.disabled_reason or "")
    assert _dispatch(engine, now=NOW + timedelta(days=2)).outcomes == []


def test_webhook_429_honours_retry_after(engine, httpserver):
    httpserver.expect_request("/hook").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "3600"}
    )
    [rid] = _setup(engine, httpserver.url_for("/hook"))
    _dispatch(engine)
    row = _row(engine, rid)
    assert (row.state, row.next_attempt_at) == ("failed", NOW + timedelta(hours=1))


def test_webhook_timeout_is_retried(engine, httpserver):
    def slow(_request):
        time.sleep(1.0)
        return Response("late")

    httpserver.expect_request("/hook").respond_with_handler(slow)
    [rid] = _setup(engine, httpserver.url_for("/hook"))
    report = _dispatch(engine, timeout=0.3)
    assert [o.state for o in report.outcomes] == ["failed"]
    assert "timed out" in (_row(engine, rid).last_error or "")


def test_webhook_connection_closed_is_retried(engine, closing_server):
    [rid] = _setup(engine, closing_server)
    report = _dispatch(engine)
    assert [o.state for o in report.outcomes] == ["failed"]
    row = _row(engine, rid)
    assert (row.state, row.attempts) == ("failed", 1)
    assert "connection failed" in (row.last_error or "")


def test_one_bad_reminder_never_stops_the_loop(engine, httpserver):
    httpserver.expect_request("/bad").respond_with_data("boom", status=500)
    httpserver.expect_request("/good").respond_with_data("ok")
    bad = _setup(engine, httpserver.url_for("/bad"), n=2)
    with transaction(engine) as session:
        channel = make_channel(session, target=httpserver.url_for("/good"))
        good = make_reminder(session, make_item(session), channel, fire_at=NOW).id
    report = _dispatch(engine)
    assert sorted(o.reminder_id for o in report.sent) == [good]
    assert sorted(o.reminder_id for o in report.failures) == sorted(bad)


def test_only_latest_due_reminder_of_an_item_is_sent(engine, httpserver):
    httpserver.expect_request("/hook").respond_with_data("ok")
    with transaction(engine) as session:
        channel = make_channel(session, target=httpserver.url_for("/hook"))
        item = make_item(session)
        old = make_reminder(session, item, channel, fire_at=NOW - timedelta(days=6), days_before=7)
        new = make_reminder(session, item, channel, fire_at=NOW - timedelta(minutes=1))
        ids = (old.id, new.id)
    report = _dispatch(engine)
    assert [o.reminder_id for o in report.sent] == [ids[1]]
    assert report.superseded == [ids[0]]
    assert len(httpserver.log) == 1


def test_concurrent_deliveries_in_one_worker_each_sent_once(engine):
    receiver = Receiver(delay=0.01).start()
    try:
        keys = bulk_due_reminders(engine, 40, target=receiver.url, fire_at=NOW)
        policy = DispatchPolicy(batch_size=16, concurrency=4)
        report = _dispatch(engine, policy=policy)
        assert len(report.sent) == 40
        assert sorted(receiver.ids()) == sorted(keys)
        assert state_counts(engine) == {"sent": 40}
    finally:
        receiver.stop()
