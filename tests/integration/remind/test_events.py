"""Item events and digests: recorded with the change, delivered by the outbox loop.

Real parts: SQLite and PostgreSQL, pytest-httpserver as the webhook receiver, aiosmtpd as the
SMTP server, time-machine for the clock of the digest schedule (Europe/Berlin DST changes).
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import time_machine
from sqlalchemy import select
from sqlalchemy.engine import Engine
from standardwebhooks.webhooks import Webhook
from werkzeug import Response

from tests.integration.remind.factories import SECRET, make_item, reminders, settings
from tracker.clock import Clock, FixedClock, SystemClock
from tracker.services import items
from tracker.services.channels import Subscription, add_channel
from tracker.services.dispatch import DispatchReport, dispatch_due
from tracker.services.events import record_item_event
from tracker.services.ingest import ingest_document
from tracker.sources.readers import SourceDocument
from tracker.store import tables as t
from tracker.store.session import read_session, transaction

NOW = datetime(2026, 3, 20, 10, 0, tzinfo=UTC)
DOC = (
    "date 2026-03-20\n\nThe European Commission will present the battery report by "
    "15 May 2026. Mexico will publish its steel strategy by 30 June 2026.\n"
)


def _config(**overrides: Any) -> Any:
    return settings(smtp_host="127.0.0.1", smtp_timeout=5, webhook_timeout=5, **overrides)


def _channel(engine: Engine, kind: str, target: str, clock: Clock, **sub: Any) -> int:
    added = add_channel(
        engine,
        _config(),
        clock,
        kind=kind,
        target=target,
        secret=SECRET if kind == "webhook" else None,
        actor=sub.pop("actor", None),
        subscription=Subscription(**sub),
    )
    return added.channel.id


def _ingest(engine: Engine, clock: Clock, text: str = DOC, name: str = "doc.txt") -> list[int]:
    outcome = ingest_document(engine, _config(), clock, SourceDocument(name=name, text=text))
    return outcome.items_new


def _dispatch(engine: Engine, clock: Clock, port: int = 25) -> DispatchReport:
    # The wall clock (leases, timestamps) is the real one; time-machine moves it where used.
    return dispatch_due(engine, _config(smtp_port=port), clock, "w1", rng=random.Random(0))


def _events(engine: Engine) -> list[tuple[str, str]]:
    with read_session(engine) as session:
        return [(r.event, r.state) for r in reminders(session) if r.kind == "event"]


def test_new_item_changed_due_date_and_pending_change_reach_a_webhook(engine, httpserver):
    httpserver.expect_request("/hook").respond_with_data("ok")
    clock = FixedClock(NOW)
    _channel(engine, "webhook", httpserver.url_for("/hook"), clock, events=("due", "new"))
    new = _ingest(engine, clock)
    assert len(new) == 2
    assert _events(engine) == [("item.created", "pending")] * 2
    items.extend(engine, _config(), clock, new[0], date(2026, 5, 29), "two more weeks")
    with transaction(engine) as session:
        item = session.get(t.Item, new[1])
        assert item is not None
        detail = {"summary": "due date 2026-07-15 in a new source", "change_id": 9}
        record_item_event(session, item, "pending", settings=_config(), now=NOW, detail=detail)
    report = _dispatch(engine, clock)
    assert sorted(o.event for o in report.sent) == [
        "change.pending",
        "item.created",
        "item.created",
        "item.due_changed",
    ]
    payloads = [
        Webhook(SECRET).verify(request.get_data(), dict(request.headers))
        for request, _ in httpserver.log
    ]
    by_type = {p["type"]: p for p in payloads}
    changed = by_type["item.due_changed"]["data"]
    assert changed["item"]["id"] == new[0]
    assert (changed["event"]["due_before"], changed["event"]["due_after"]) == (
        "2026-05-15",
        "2026-05-29",
    )
    pending = by_type["change.pending"]["data"]["event"]
    assert (pending["change_id"], pending["type"]) == (9, "change.pending")
    assert by_type["item.created"]["data"]["item"]["sources"]  # with its evidence
    assert {o.event for o in _dispatch(engine, clock).outcomes} == set()  # each once
    assert len(httpserver.log) == 4


def test_events_follow_subscriptions_and_filters(engine):
    clock = FixedClock(NOW)
    due_only = _channel(engine, "webhook", "http://127.0.0.1:9/a", clock)
    mexico = _channel(
        engine, "webhook", "http://127.0.0.1:9/b", clock, events=("new",), actor="Mexiko"
    )
    _ingest(engine, clock)
    with read_session(engine) as session:
        rows = reminders(session)
    events = [(r.channel_id, r.event) for r in rows if r.kind == "event"]
    assert events == [(mexico, "item.created")]  # the Commission's item is filtered out
    assert {r.channel_id for r in rows if r.kind != "event"} == {due_only}  # "new" only: no due


def test_new_item_email_says_which_event(engine, smtp_server):
    smtp_server.start()
    clock = FixedClock(NOW)
    _channel(engine, "email", "desk@example.org", clock, events=("new",))
    _ingest(engine, clock, DOC.split(" Mexico")[0] + "\n")
    report = _dispatch(engine, clock, port=smtp_server.port)
    assert [o.state for o in report.outcomes] == ["sent"]
    [email] = smtp_server.handler.messages
    assert email["Subject"].startswith("[tracker] New item (due 2026-05-15): ")
    assert email["X-Tracker-Event"] == "item.created"
    assert "battery report" in email.get_body(("plain",)).get_content()


def test_daily_digest_across_spring_forward_sends_one_email(engine, smtp_server):
    """Events of Saturday 28 March wait for the 08:00 digest of Sunday 29 March (CEST)."""
    smtp_server.start()
    clock = SystemClock()  # moved by time-machine: the services read the real clock
    with time_machine.travel(datetime(2026, 3, 28, 9, 0, tzinfo=UTC), tick=True):
        _channel(engine, "email", "desk@example.org", clock, events=("due", "new"), digest="daily")
        new = _ingest(engine, clock)
        items.extend(engine, _config(), clock, new[1], date(2026, 7, 10), None)
    with time_machine.travel(datetime(2026, 3, 29, 5, 59, tzinfo=UTC), tick=True):
        assert _dispatch(engine, clock, port=smtp_server.port).outcomes == []  # 07:59 CEST
    with time_machine.travel(datetime(2026, 3, 29, 6, 0, 5, tzinfo=UTC), tick=True):
        report = _dispatch(engine, clock, port=smtp_server.port)
        later = _ingest(engine, clock, DOC.replace("battery", "grid"), "later.txt")
    assert [(o.event, len(o.reminder_ids)) for o in report.sent] == [("digest", 3)]
    [email] = smtp_server.handler.messages
    subject = str(email["Subject"]).strip()  # a folded header starts with a space
    assert subject == ("[tracker] Digest 2026-03-29 08:00 CEST: 2 new items, 1 changed due date"), (
        subject
    )
    body = email.get_body(("plain",)).get_content()
    assert body.count("\n- ") == 3
    assert "Due date changed: 2026-06-30 -> 2026-07-10" in body
    assert email["X-Tracker-Event"] == "digest"
    with read_session(engine) as session:
        slots = session.scalars(
            select(t.Reminder.digest_at).where(t.Reminder.item_id == later[0])
        ).all()
    # The next digest is Monday 08:00 CEST; reminders wait for the digest after their time.
    assert datetime(2026, 3, 30, 6, 0, tzinfo=UTC) in slots
    assert all(s.astimezone(_config().tz).hour == 8 for s in slots)


def test_weekly_digest_across_fall_back_and_retry_keep_one_webhook_id(engine, httpserver):
    httpserver.expect_ordered_request("/hook").respond_with_response(Response("no", status=503))
    httpserver.expect_request("/hook").respond_with_data("ok")
    clock = SystemClock()
    with time_machine.travel(datetime(2026, 10, 21, 12, 0, tzinfo=UTC), tick=True):
        _channel(
            engine,
            "webhook",
            httpserver.url_for("/hook"),
            clock,
            events=("new",),
            digest="weekly",
            weekday="sun",
        )
        _ingest(engine, clock, DOC.replace("2026", "2027").replace("2027-03-20", "2026-10-21"))
    with time_machine.travel(datetime(2026, 10, 25, 6, 59, tzinfo=UTC), tick=True):
        assert _dispatch(engine, clock).outcomes == []  # 07:59 CET, the first day of winter time
    with time_machine.travel(datetime(2026, 10, 25, 7, 0, 1, tzinfo=UTC), tick=True):
        [failed] = _dispatch(engine, clock).outcomes
    assert (failed.state, failed.event) == ("failed", "digest")
    assert failed.next_attempt_at is not None
    with time_machine.travel(failed.next_attempt_at + timedelta(seconds=1), tick=True):
        [sent] = _dispatch(engine, clock).outcomes
        [(first, _), (second, _)] = httpserver.log
        payload = Webhook(SECRET).verify(second.get_data(), dict(second.headers))
    assert sent.state == "sent"
    assert first.headers["webhook-id"] == second.headers["webhook-id"] == sent.idempotency_key
    assert payload["type"] == "digest"
    assert [e["type"] for e in payload["data"]["entries"]] == ["item.created"] * 2
    assert payload["data"]["digest_at"] == "2026-10-25T07:00:00+00:00"
    assert _events(engine) == [("item.created", "sent")] * 2


def test_record_item_event_refuses_unknown_kinds(engine):
    with transaction(engine) as session:
        item = make_item(session)
        with pytest.raises(ValueError, match="unknown item event"):
            record_item_event(session, item, "deleted", settings=_config(), now=NOW)  # type: ignore[arg-type]
