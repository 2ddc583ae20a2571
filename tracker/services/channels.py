"""Channel use cases: add (validated, planned for every active item), list, enable, disable,
remove."""

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
from tracker.schedule.digest import CADENCES, WEEKDAYS, parse_time_of_day
from tracker.services.planning import replan_all
from tracker.store import channels
from tracker.store.channels import ChannelRow, ChannelSpec
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
    if not actor or not actor.strip():
        return None, status
    from tracker.extract.describe.actors import canonical_actor

    # Any alias in either language names the same actor ("Mexiko" is Mexico).
    return actor_key(canonical_actor(actor)) or None, status


SUBSCRIPTIONS: tuple[str, ...] = ("due", "new")


@dataclass(frozen=True)
class Subscription:
    """What a channel gets and how: `events` (due, new) and an optional digest."""

    events: tuple[str, ...] = ("due",)
    digest: str | None = None  # daily | weekly
    at: str | None = None  # HH:MM in TRACKER_TIMEZONE (digest only; default 08:00)
    weekday: str | None = None  # mon..sun (weekly only; default mon)


def validate_subscription(sub: Subscription) -> tuple[tuple[str, ...], str | None, int | None]:
    """Return (events, digest time, weekday number); raise UsageError on bad options."""
    events = tuple(sorted(set(sub.events)))
    unknown = [e for e in events if e not in SUBSCRIPTIONS]
    if unknown or not events:
        raise UsageError(f"unknown events {unknown} (any of {', '.join(SUBSCRIPTIONS)})")
    if sub.digest is None:
        if sub.at or sub.weekday:
            raise UsageError("--at and --weekday need --digest daily|weekly")
        return events, None, None
    if sub.digest not in CADENCES:
        raise UsageError(f"unknown digest {sub.digest!r} (one of {', '.join(CADENCES)})")
    try:
        at = parse_time_of_day(sub.at or "08:00").strftime("%H:%M")
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    if sub.digest == "daily":
        if sub.weekday:
            raise UsageError("--weekday is for --digest weekly")
        return events, at, None
    day = (sub.weekday or "mon").lower()[:3]
    if day not in WEEKDAYS:
        raise UsageError(f"unknown weekday {sub.weekday!r} (one of {', '.join(WEEKDAYS)})")
    return events, at, WEEKDAYS.index(day)


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
    subscription: Subscription | None = None,
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
    events, at, weekday = validate_subscription(subscription or Subscription())
    spec = ChannelSpec(
        kind=kind,
        target=target,
        secret=secret,
        filter_actor=filter_actor,
        filter_status=filter_status,
        events=events,
        digest=(subscription or Subscription()).digest,
        digest_time=at,
        digest_weekday=weekday,
    )
    now = clock.now()
    with transaction(engine) as session:
        row = channels.save_channel(session, spec, now=now)
        replan_all(session, settings=settings, now=now)
        return AddedChannel(channels.channel_view(row), generated)


def list_channels(engine: Engine) -> list[ChannelRow]:
    """Return every channel, active or not."""
    with read_session(engine) as session:
        return channels.list_channels(session)


def remove_channel(engine: Engine, channel_id: int) -> ChannelRow:
    """Delete a channel and its reminders."""
    with transaction(engine) as session:
        return channels.remove_channel(session, channel_id)


def enable_channel(engine: Engine, settings: Settings, clock: Clock, channel_id: int) -> ChannelRow:
    """Enable a disabled channel (e.g. after a 410) and plan what is still ahead for it."""
    now = clock.now()
    with transaction(engine) as session:
        row = channels.enable_channel(session, channel_id)
        replan_all(session, settings=settings, now=now)
        return channels.channel_view(row)


def disable_channel(engine: Engine, clock: Clock, channel_id: int) -> ChannelRow:
    """Disable a channel: nothing is sent to it until `channel enable`."""
    with transaction(engine) as session:
        row = channels.get_channel(session, channel_id, for_update=True)
        if not row.is_active:
            raise UsageError(f"channel {channel_id} is already disabled")
        channels.disable_channel(
            session, channel_id, reason="disabled by the user", now=clock.now()
        )
        session.refresh(row)
        return channels.channel_view(row)
