"""Channel use cases: add (validated, planned for every active item), list, remove."""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.errors import HeaderParseError
from email.headerregistry import Address
from urllib.parse import urlsplit

from sqlalchemy.engine import Engine

from tracker.clock import Clock
from tracker.config import Settings
from tracker.errors import UsageError
from tracker.models import STATUSES
from tracker.net.addresses import check_url
from tracker.notify.registry import KINDS
from tracker.notify.signing import generate_secret, secret_bytes
from tracker.services.planning import replan_all
from tracker.store import outbox
from tracker.store.outbox import ChannelRow
from tracker.store.session import read_session, transaction
from tracker.store.writes import actor_key

_DOMAIN = re.compile(r"^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.?)+$")


@dataclass(frozen=True)
class AddedChannel:
    channel: ChannelRow
    # Only set when the secret was generated here: show it once, it is never shown again.
    generated_secret: str | None


def validate_email(address: str) -> str:
    """Return the address if it is a plain `local@domain` address; else raise UsageError."""
    address = address.strip()
    if not address or any(c.isspace() or ord(c) < 32 for c in address):
        raise UsageError(f"invalid email address {address!r}")
    try:
        parsed = Address(addr_spec=address)
    except (ValueError, HeaderParseError, IndexError) as exc:
        raise UsageError(f"invalid email address {address!r}: {exc}") from exc
    if not parsed.username or not _DOMAIN.match(parsed.domain or ""):
        raise UsageError(f"invalid email address {address!r} (expected name@domain)")
    return parsed.addr_spec


def validate_webhook_url(url: str, *, allow_private: bool) -> str:
    """Return the URL if it is an allowed http(s) URL without credentials; else UsageError.

    Private and loopback targets are refused unless `allow_private`; a name that does not
    resolve yet passes here and is checked again before every delivery.
    """
    url = url.strip()
    check_url(url, allow_private=allow_private, must_resolve=False, what="webhook URL")
    parts = urlsplit(url)
    if parts.username or parts.password or any(c.isspace() for c in url):
        raise UsageError(f"invalid webhook URL {url!r} (no credentials or spaces in the URL)")
    return url


def validate_secret(secret: str) -> str:
    try:
        secret_bytes(secret)
    except ValueError as exc:
        raise UsageError(f"invalid webhook secret: {exc}") from exc
    return secret


def _filters(actor: str | None, status: str | None) -> tuple[str | None, str | None]:
    if status is not None and status not in STATUSES:
        raise UsageError(f"unknown status {status!r} (one of {', '.join(STATUSES)})")
    key = actor_key(actor) if actor else None
    return key or None, status


def add_channel(
    engine: Engine,
    settings: Settings,
    clock: Clock,
    *,
    kind: str,
    target: str,
    secret: str | None = None,
    actor: str | None = None,
    status: str | None = None,
) -> AddedChannel:
    """Add a channel (or re-activate a disabled one) and plan reminders for active items."""
    if kind not in KINDS:
        raise UsageError(f"unknown channel kind {kind!r} (one of {', '.join(KINDS)})")
    generated: str | None = None
    if kind == "email":
        if secret is not None:
            raise UsageError("email channels take no secret")
        target = validate_email(target)
    else:
        target = validate_webhook_url(target, allow_private=settings.allow_private_addresses)
        if secret is None:
            secret = generated = generate_secret()
        validate_secret(secret)
    filter_actor, filter_status = _filters(actor, status)
    now = clock.now()
    with transaction(engine) as session:
        row = outbox.save_channel(
            session,
            kind=kind,
            target=target,
            secret=secret,
            filter_actor=filter_actor,
            filter_status=filter_status,
            now=now,
        )
        replan_all(session, settings=settings, now=now)
        return AddedChannel(outbox.channel_view(row), generated)


def list_channels(engine: Engine) -> list[ChannelRow]:
    """Return every channel, active or not."""
    with read_session(engine) as session:
        return outbox.list_channels(session)


def remove_channel(engine: Engine, channel_id: int) -> ChannelRow:
    """Delete a channel and its reminders."""
    with transaction(engine) as session:
        return outbox.remove_channel(session, channel_id)
