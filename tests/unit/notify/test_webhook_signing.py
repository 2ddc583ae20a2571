"""Standard Webhooks signing, verified with the `standardwebhooks` package as a receiver would."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import httpx
import pytest
import time_machine
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from tests.unit.notify.conftest import NOW, SECRET, message
from tracker.notify.signing import generate_secret, secret_bytes, sign
from tracker.notify.webhook import build_request, classify_response, parse_retry_after


def test_build_request_verifies_with_standardwebhooks(msg):
    body, headers = build_request(msg)
    assert headers["webhook-id"] == "r7-c2-lead-1d-20260330"
    assert headers["webhook-timestamp"] == str(int(NOW.timestamp()))
    # The receiver's library reads the wall clock to check the timestamp tolerance.
    with time_machine.travel(NOW + timedelta(seconds=3), tick=False):
        payload = Webhook(SECRET).verify(body, headers)
    assert payload["type"] == "deadline.reminder"
    assert payload["data"]["reminder"] == {
        "kind": "lead",
        "days_before": 1,
        "fire_at": "2026-03-29T07:00:00+00:00",
    }
    assert payload["data"]["item"]["id"] == 7
    assert payload["data"]["item"]["due"] == "2026-03-30"
    assert payload["data"]["item"]["sources"][0]["quote"].startswith("Die Kommission")


def test_build_request_tampered_body_or_wrong_secret_fails(msg):
    body, headers = build_request(msg)
    with time_machine.travel(NOW, tick=False):
        with pytest.raises(WebhookVerificationError):
            Webhook(SECRET).verify(body.replace(b"2026-03-30", b"2026-04-30"), headers)
        with pytest.raises(WebhookVerificationError):
            Webhook(generate_secret()).verify(body, headers)
    with (
        time_machine.travel(NOW + timedelta(minutes=10), tick=False),
        pytest.raises(WebhookVerificationError),
    ):
        Webhook(SECRET).verify(body, headers)  # replayed too late


def test_sign_matches_the_spec_example():
    # The example from the Standard Webhooks spec / reference libraries.
    body = b'{"test": 2432232314}'
    assert (
        sign(SECRET, msg_id="msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp=1614265330, body=body)
        == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    )


def test_build_request_body_is_compact_utf8_json(msg):
    body, headers = build_request(msg)
    assert headers["content-type"] == "application/json"
    assert "Europäische".encode() in body
    assert json.loads(body)["timestamp"] == NOW.isoformat()


def test_generate_secret_round_trips():
    secret = generate_secret()
    assert secret.startswith("whsec_")
    assert len(secret_bytes(secret)) == 32
    for bad in ["abc", "whsec_!!!", "whsec_c2hvcnQ="]:
        with pytest.raises(ValueError, match="secret"):
            secret_bytes(bad)


def test_build_request_without_secret_is_unsigned():
    _, headers = build_request(message(secret=None))
    assert "webhook-signature" not in headers


@pytest.mark.parametrize(
    ("status", "permanent", "gone"),
    [
        (400, True, False),
        (404, True, False),
        (408, False, False),
        (429, False, False),
        (410, True, True),
        (301, True, False),
        (500, False, False),
        (503, False, False),
    ],
)
def test_classify_response(status, permanent, gone):
    error = classify_response(httpx.Response(status), now=NOW)
    assert error is not None
    assert (error.permanent, error.is_gone) == (permanent, gone)


def test_classify_response_success_and_retry_after():
    assert classify_response(httpx.Response(204), now=NOW) is None
    error = classify_response(httpx.Response(503, headers={"Retry-After": "120"}), now=NOW)
    assert error is not None
    assert error.retry_after == timedelta(seconds=120)


def test_parse_retry_after_http_date():
    later = NOW + timedelta(minutes=3)
    value = later.astimezone(UTC).strftime("%a, %d %b %Y %H:%M:%S GMT")
    assert parse_retry_after(value, now=NOW) == timedelta(minutes=3)
    assert parse_retry_after("soon", now=NOW) is None
    assert parse_retry_after(None, now=datetime(2026, 1, 1, tzinfo=UTC)) is None
