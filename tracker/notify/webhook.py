"""Webhook delivery: JSON signed per the Standard Webhooks spec, sent with httpx."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from typing import Any, ClassVar

import httpx

from tracker.models import item_json
from tracker.net.addresses import AddressRefusedError, UnresolvableHostError, check_url
from tracker.notify.base import REMINDER_EVENT, DeliveryError, Message
from tracker.notify.events import entry_json, event_data, reminder_data
from tracker.notify.signing import sign

USER_AGENT = "tracker-reminders/1"
# Receivers that are not permanently broken: request timeout and rate limiting.
_RETRYABLE_4XX = frozenset({408, 429})


def build_payload(message: Message) -> dict[str, Any]:
    """Return the JSON payload: `type` says what it is (a reminder, an event, a digest)."""
    ref = message.reminder
    data: dict[str, Any]
    if message.item is None:  # a digest
        data = {
            "digest_at": ref.fire_at.isoformat(),
            "entries": [entry_json(entry) for entry in message.entries],
        }
    elif ref.event == REMINDER_EVENT:
        data = {"item": item_json(message.item), "reminder": reminder_data(ref)}
    else:
        data = {"item": item_json(message.item), "event": event_data(ref)}
    return {"type": ref.event, "timestamp": message.now.isoformat(), "data": data}


def build_request(message: Message) -> tuple[bytes, dict[str, str]]:
    """Return the body and headers of the webhook request for `message`."""
    body = json.dumps(build_payload(message), ensure_ascii=False, separators=(",", ":")).encode()
    msg_id = message.reminder.idempotency_key
    timestamp = int(message.now.timestamp())
    headers = {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        "date": format_datetime(message.now.astimezone(UTC), usegmt=True),
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
        # Not part of the spec, but many receivers dedupe on it.
        "idempotency-key": msg_id,
    }
    if message.secret:
        headers["webhook-signature"] = sign(
            message.secret, msg_id=msg_id, timestamp=timestamp, body=body
        )
    return body, headers


def parse_retry_after(value: str | None, *, now: datetime) -> timedelta | None:
    """Parse a Retry-After header (seconds or an HTTP date); None if absent or invalid."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return timedelta(seconds=int(value))
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(when - now, timedelta(0))


def classify_response(response: httpx.Response, *, now: datetime) -> DeliveryError | None:
    """Return None for a 2xx answer, else the DeliveryError that describes the failure."""
    status = response.status_code
    if 200 <= status < 300:
        return None
    reason = f"HTTP {status} {response.reason_phrase}".strip()
    if status == 410:
        return DeliveryError(reason + ": endpoint gone, channel disabled", is_gone=True)
    retry_after = parse_retry_after(response.headers.get("retry-after"), now=now)
    if 300 <= status < 400:
        return DeliveryError(reason + " (redirects are not followed)", permanent=True)
    if 400 <= status < 500 and status not in _RETRYABLE_4XX:
        return DeliveryError(reason, permanent=True)
    return DeliveryError(reason, retry_after=retry_after)


class WebhookNotifier:
    """POSTs each reminder to the channel's URL; one connection pool per notifier."""

    kind: ClassVar[str] = "webhook"

    def __init__(self, *, timeout: float, allow_private: bool = False) -> None:
        self._allow_private = allow_private
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
        )

    def send(self, message: Message) -> None:
        body, headers = build_request(message)
        try:
            # Checked at every send: DNS may have changed since the channel was added.
            check_url(message.target, allow_private=self._allow_private, what="webhook URL")
        except AddressRefusedError as exc:
            raise DeliveryError(exc.message, permanent=True) from exc
        except UnresolvableHostError as exc:
            raise DeliveryError(exc.message) from exc
        try:
            response = self._client.post(message.target, content=body, headers=headers)
        except httpx.TimeoutException as exc:
            raise DeliveryError(f"timed out: {exc!r}") from exc
        except httpx.InvalidURL as exc:
            raise DeliveryError(f"invalid URL: {exc}", permanent=True) from exc
        except httpx.HTTPError as exc:
            raise DeliveryError(f"connection failed: {exc!r}") from exc
        error = classify_response(response, now=message.now)
        if error is not None:
            raise error

    def close(self) -> None:
        self._client.close()
