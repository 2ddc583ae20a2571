"""Outbox queries: claiming with leases, the latest-only rule, fencing, release, replay."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy.engine import Engine

from tests.integration.remind.factories import make_channel, make_item, make_reminder, reminders
from tracker.errors import NotFoundError, UsageError
from tracker.store import outbox, recording, rows
from tracker.store.session import read_session, transaction

NOW = datetime(2026, 3, 29, 7, 30, tzinfo=UTC)
LEASE = timedelta(minutes=5)


def _claim(
    engine: Engine, worker: str = "w1", now: datetime = NOW, limit: int = 50
) -> outbox.Claim:
    with transaction(engine) as session:
        return outbox.claim_due(
            session, now=now, lease_now=now, worker_id=worker, lease=LEASE, limit=limit
        )


def _ids(claim: outbox.Claim) -> list[int]:
    return [row.id for d in claim.deliveries for row in d.rows]


def _rows(engine: Engine) -> dict[int, SimpleNamespace]:
    with read_session(engine) as session:
        return {r.id: r for r in reminders(session)}


def test_claim_due_leases_due_rows_only(engine):
    with transaction(engine) as session:
        channel = make_channel(session)
        due = make_reminder(session, make_item(session), channel, fire_at=NOW - timedelta(hours=1))
        later = make_reminder(
            session, make_item(session), channel, fire_at=NOW + timedelta(hours=1)
        )
        ids = (due.id, later.id)
    claim = _claim(engine)
    assert _ids(claim) == [ids[0]]
    assert claim.deliveries[0].first.attempts == 1
    assert claim.deliveries[0].first.channel_kind == "webhook"
    rows = _rows(engine)
    assert rows[ids[0]].state == "sending"
    assert rows[ids[0]].claimed_by == "w1"
    assert rows[ids[0]].lease_until == NOW + LEASE
    assert rows[ids[1]].state == "pending"
    assert _claim(engine, worker="w2").deliveries == []  # held by w1


def test_claim_due_sends_only_the_latest_of_one_item(engine):
    with transaction(engine) as session:
        channel = make_channel(session)
        other = make_channel(session, target="http://127.0.0.1:9/other")
        item = make_item(session)
        week = make_reminder(session, item, channel, fire_at=NOW - timedelta(days=6), days_before=7)
        day = make_reminder(session, item, channel, fire_at=NOW - timedelta(minutes=30))
        solo = make_reminder(session, item, other, fire_at=NOW - timedelta(days=6), days_before=7)
        ids = (week.id, day.id, solo.id)
    claim = _claim(engine)
    assert sorted(_ids(claim)) == sorted([ids[1], ids[2]])
    assert claim.skipped == [ids[0]]
    assert _rows(engine)[ids[0]].state == "skipped"


def test_claim_due_skips_inactive_channels(engine):
    with transaction(engine) as session:
        channel = make_channel(session, is_active=False)
        make_reminder(session, make_item(session), channel, fire_at=NOW - timedelta(hours=1))
    assert _claim(engine).deliveries == []


def test_claim_due_reclaims_expired_lease(engine):
    with transaction(engine) as session:
        channel = make_channel(session)
        row = make_reminder(session, make_item(session), channel, fire_at=NOW - timedelta(hours=1))
        row_id = row.id
    assert len(_claim(engine, worker="dead-worker").deliveries) == 1
    assert _claim(engine, worker="w2", now=NOW + LEASE).deliveries == []  # lease not yet over
    claim = _claim(engine, worker="w2", now=NOW + LEASE + timedelta(seconds=1))
    assert [(d.first.id, d.first.attempts) for d in claim.deliveries] == [(row_id, 2)]
    # The dead worker's late failure report cannot undo the new holder's claim.
    with transaction(engine) as session:
        assert not recording.mark_failed(
            session, [row_id], worker_id="dead-worker", now=NOW, error="x", next_attempt_at=None
        )
    assert _rows(engine)[row_id].claimed_by == "w2"


def test_mark_sent_failed_and_release(engine):
    with transaction(engine) as session:
        channel = make_channel(session)
        ids = [
            make_reminder(session, make_item(session), channel, fire_at=NOW - timedelta(hours=1)).id
            for _ in range(3)
        ]
    _claim(engine)
    retry_at = NOW + timedelta(minutes=1)
    with transaction(engine) as session:
        assert recording.mark_sent(session, [ids[0]], now=NOW)
        assert recording.mark_failed(
            session, [ids[1]], worker_id="w1", now=NOW, error="HTTP 500", next_attempt_at=retry_at
        )
        assert recording.release_claims(session, worker_id="w1", now=NOW) == 1
    rows = _rows(engine)
    assert (rows[ids[0]].state, rows[ids[0]].sent_at) == ("sent", NOW)
    assert (rows[ids[1]].state, rows[ids[1]].next_attempt_at) == ("failed", retry_at)
    assert (rows[ids[1]].attempts, rows[ids[1]].last_error) == (1, "HTTP 500")
    assert (rows[ids[2]].state, rows[ids[2]].attempts, rows[ids[2]].claimed_by) == (
        "pending",
        0,
        None,
    )
    # The failed row comes back once its retry time has come.
    assert _ids(_claim(engine, now=NOW + timedelta(seconds=30))) == [ids[2]]
    assert _ids(_claim(engine, now=retry_at)) == [ids[1]]


def test_replay_dead_requeues_only_dead_rows(engine):
    with transaction(engine) as session:
        channel = make_channel(session)
        row = make_reminder(session, make_item(session), channel, fire_at=NOW, state="dead")
        sent = make_reminder(
            session, make_item(session), channel, fire_at=NOW, state="sent", key="k-sent"
        )
        ids = (row.id, sent.id)
    with transaction(engine) as session:
        replayed = rows.replay_dead(session, ids[0], now=NOW)
    assert (replayed.state, replayed.attempts, replayed.next_attempt_at) == ("pending", 0, NOW)
    with pytest.raises(UsageError), transaction(engine) as session:
        rows.replay_dead(session, ids[1], now=NOW)
    with pytest.raises(NotFoundError), transaction(engine) as session:
        rows.replay_dead(session, 999, now=NOW)


def test_list_reminders_filters_by_state(engine):
    with transaction(engine) as session:
        channel = make_channel(session)
        make_reminder(session, make_item(session), channel, fire_at=NOW, state="dead")
        make_reminder(session, make_item(session), channel, fire_at=NOW, key="k2")
    with read_session(engine) as session:
        assert [r.state for r in rows.list_reminders(session)] == ["dead", "pending"]
        assert [r.state for r in rows.list_reminders(session, state="dead")] == ["dead"]
