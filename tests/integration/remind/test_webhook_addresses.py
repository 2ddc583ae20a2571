"""The address policy on webhook channels: at channel add and again at every send."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from tests.integration.remind.factories import make_channel, make_item, make_reminder, settings
from tracker.clock import FixedClock
from tracker.net.addresses import AddressRefusedError
from tracker.services.channels import add_channel
from tracker.services.dispatch import dispatch_due
from tracker.store.session import transaction

NOW = datetime(2026, 3, 29, 7, 1, tzinfo=UTC)


def test_sending_to_loopback_is_refused_unless_allowed(engine, httpserver):
    httpserver.expect_request("/hook", method="POST").respond_with_data("ok")
    with transaction(engine) as session:
        channel = make_channel(session, target=httpserver.url_for("/hook"))
        make_reminder(session, make_item(session), channel, fire_at=NOW - timedelta(minutes=1))
    strict = settings(allow_private_addresses=False)
    report = dispatch_due(engine, strict, FixedClock(NOW), "w1", rng=random.Random(0))
    (outcome,) = report.outcomes
    assert outcome.state == "dead"  # permanent: the configuration has to change first
    assert "loopback address; set TRACKER_ALLOW_PRIVATE_ADDRESSES=true" in (outcome.error or "")
    assert httpserver.log == []


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://127.0.0.1:9/hook", "loopback"),
        ("http://localhost/hook", "loopback"),
        ("https://192.168.10.2/hook", "private"),
        ("http://169.254.169.254/latest/meta-data", "link-local"),
        ("http://[::1]/hook", "loopback"),
    ],
)
def test_channel_add_refuses_private_targets(engine, url, message):
    strict = settings(allow_private_addresses=False)
    with pytest.raises(AddressRefusedError, match=message):
        add_channel(engine, strict, FixedClock(NOW), kind="webhook", target=url)


@pytest.mark.parametrize("allow", [False, True])
def test_channel_add_never_takes_other_schemes(engine, allow):
    with pytest.raises(AddressRefusedError, match="file:// is not allowed"):
        add_channel(
            engine,
            settings(allow_private_addresses=allow),
            FixedClock(NOW),
            kind="webhook",
            target="file:///etc/passwd",
        )


def test_channel_add_takes_loopback_when_allowed(engine):
    added = add_channel(
        engine, settings(), FixedClock(NOW), kind="webhook", target="http://127.0.0.1:9/hook"
    )
    assert added.channel.target == "http://127.0.0.1:9/hook"
