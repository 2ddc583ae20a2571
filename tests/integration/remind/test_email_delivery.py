"""Email delivery end to end through a real SMTP server (aiosmtpd) on loopback."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

from sqlalchemy.engine import Engine

from tests.integration.remind.factories import (
    make_channel,
    make_item,
    make_reminder,
    reminders,
    settings,
)
from tracker.clock import FixedClock
from tracker.services.dispatch import DispatchReport, dispatch_due
from tracker.store.session import read_session, transaction

NOW = datetime(2026, 3, 29, 7, 1, tzinfo=UTC)


def _setup(engine: Engine, address: str = "ops@example.org") -> int:
    with transaction(engine) as session:
        channel = make_channel(session, kind="email", target=address)
        item = make_item(session, description="Plan\r\nBcc: victim@example.org")
        return make_reminder(session, item, channel, fire_at=NOW - timedelta(minutes=1)).id


def _dispatch(engine: Engine, port: int, now: datetime = NOW, **smtp: Any) -> DispatchReport:
    config = settings(smtp_host="127.0.0.1", smtp_port=port, smtp_timeout=5, **smtp)
    return dispatch_due(engine, config, FixedClock(now), "w1", rng=random.Random(0))


def _row(engine: Engine, rid: int) -> SimpleNamespace:
    with read_session(engine) as session:
        return reminders(session, id=rid)[0]


def test_email_is_delivered_with_parts_and_headers(engine, smtp_server):
    smtp_server.start()
    rid = _setup(engine)
    report = _dispatch(engine, smtp_server.port)
    assert [o.state for o in report.outcomes] == ["sent"]
    [email] = smtp_server.handler.messages
    row = _row(engine, rid)
    assert email["Message-ID"] == f"<{row.idempotency_key}@example.org>"
    assert email["Auto-Submitted"] == "auto-generated"
    assert email["To"] == "ops@example.org"
    assert email["Bcc"] is None
    # cpython may fold right after "Subject:"; a reader unfolds that to one space.
    assert email["Subject"].strip().startswith("[tracker] Due in 1 day")
    assert "\n" not in email["Subject"]
    text = email.get_body(preferencelist=("plain",)).get_content()
    assert "“The Commission will present the plan by 30 March 2026.”" in text
    [attachment] = list(email.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"


def test_smtp_down_then_up_delivers_on_retry(engine, smtp_server):
    rid = _setup(engine)
    report = _dispatch(engine, smtp_server.port)  # nothing listens yet
    assert [o.state for o in report.outcomes] == ["failed"]
    row = _row(engine, rid)
    assert (row.state, row.attempts) == ("failed", 1)
    assert f"cannot reach the SMTP server 127.0.0.1:{smtp_server.port}" in (row.last_error or "")
    smtp_server.start()
    report = _dispatch(engine, smtp_server.port, now=row.next_attempt_at)
    assert [o.state for o in report.outcomes] == ["sent"]
    assert (_row(engine, rid).state, _row(engine, rid).attempts) == ("sent", 2)
    assert len(smtp_server.handler.messages) == 1


def test_smtp_recipient_refused_is_permanent(engine, smtp_server):
    smtp_server.start()
    rid = _setup(engine, address="refuse@example.org")
    _dispatch(engine, smtp_server.port)
    row = _row(engine, rid)
    assert (row.state, row.attempts) == ("dead", 1)
    assert "550" in (row.last_error or "")
    assert (row.last_error or "").startswith(f"127.0.0.1:{smtp_server.port}: recipient refused")
    assert smtp_server.handler.messages == []


def _authenticator(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> Any:
    from aiosmtpd.smtp import AuthResult, LoginPassword

    is_ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        b"tracker",
        b"s3cret",
    )
    return AuthResult(success=is_ok, handled=False)  # handled=False: aiosmtpd answers 535


def test_smtp_login_uses_the_secret_password(engine, smtp_server):
    smtp_server.start(authenticator=_authenticator, auth_require_tls=False)
    good, bad = _setup(engine), _setup(engine, address="other@example.org")
    report = _dispatch(engine, smtp_server.port, smtp_user="tracker", smtp_password="wrong")
    assert [o.state for o in report.outcomes] == ["failed", "failed"]
    assert "SMTP login failed: 535" in (_row(engine, bad).last_error or "")
    later = _row(engine, good).next_attempt_at + timedelta(hours=1)
    report = _dispatch(engine, smtp_server.port, later, smtp_user="tracker", smtp_password="s3cret")
    assert [o.state for o in report.outcomes] == ["sent", "sent"]
    assert len(smtp_server.handler.messages) == 2
