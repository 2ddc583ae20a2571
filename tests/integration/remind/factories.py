"""Factories for reminder tests: insert tracker.store.tables rows directly."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from tracker.config import Settings
from tracker.store import tables as t

CREATED = datetime(2026, 2, 1, 8, 0, tzinfo=UTC)
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"  # the Standard Webhooks docs' example


def settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "timezone": "Europe/Berlin",
        "email_from": "tracker@example.org",
        "allow_private_addresses": True,  # the receivers run on loopback
    }
    return Settings(**(values | overrides))


def make_item(
    session: Session,
    *,
    due_on: date | None = date(2026, 3, 30),
    status: str = "open",
    description: str = "The Commission presents the action plan",
    actors: Sequence[str] = ("European Commission",),
    quote: str = "The Commission will present the plan by 30 March 2026.",
    with_source: bool = True,
) -> t.Item:
    item = t.Item(
        description=description,
        deliverable="action plan",
        due_on=due_on,
        due_precision="day" if due_on else None,
        anchor_on=date(2026, 2, 1),
        anchor_kind="published",
        status=status,
        confidence=0.9,
        version=1,
        created_at=CREATED,
        updated_at=CREATED,
    )
    item.actors = [_actor(session, name) for name in actors]
    session.add(item)
    session.flush()
    if with_source:
        _add_source(session, item, quote)
    return item


def _actor(session: Session, name: str) -> t.Actor:
    key = " ".join(name.casefold().split())
    actor = session.scalars(select(t.Actor).where(t.Actor.key == key)).first()
    if actor is None:
        actor = t.Actor(key=key, name=name)
        session.add(actor)
        session.flush()
    return actor


def _add_source(session: Session, item: t.Item, quote: str) -> None:
    doc = t.Document(
        content_hash=f"hash-{item.id}",
        source="example.org",
        url=f"https://example.org/news/{item.id}",
        title="Commission unveils plan",
        published_on=date(2026, 2, 1),
        lang="en",
        text=quote,
        ingested_at=CREATED,
    )
    session.add(doc)
    session.flush()
    session.add(
        t.Evidence(
            item_id=item.id,
            document_id=doc.id,
            trigger="by",
            span_start=0,
            span_end=len(quote),
            quote=quote,
        )
    )
    session.flush()


def make_channel(
    session: Session,
    *,
    kind: str = "webhook",
    target: str = "http://127.0.0.1:9/hook",
    secret: str | None = SECRET,
    filter_actor: str | None = None,
    filter_status: str | None = None,
    is_active: bool = True,
) -> t.Channel:
    channel = t.Channel(
        kind=kind,
        target=target,
        secret=secret if kind == "webhook" else None,
        filter_actor=filter_actor,
        filter_status=filter_status,
        is_active=is_active,
        created_at=CREATED,
    )
    session.add(channel)
    session.flush()
    return channel


def make_reminder(
    session: Session,
    item: t.Item,
    channel: t.Channel,
    *,
    fire_at: datetime,
    kind: str = "lead",
    days_before: int = 1,
    key: str | None = None,
    state: str = "pending",
) -> t.Reminder:
    assert item.due_on is not None
    row = t.Reminder(
        idempotency_key=key
        or f"r{item.id}-c{channel.id}-{kind}-{days_before}d-{item.due_on:%Y%m%d}",
        item_id=item.id,
        channel_id=channel.id,
        kind=kind,
        days_before=days_before,
        due_on=item.due_on,
        fire_at=fire_at,
        state=state,
        attempts=0,
        next_attempt_at=fire_at,
        created_at=CREATED,
        updated_at=CREATED,
    )
    session.add(row)
    session.flush()
    return row


def reminders(session: Session, **where: Any) -> list[SimpleNamespace]:
    """Return snapshots of outbox rows (usable after the session is closed)."""
    query = select(t.Reminder).order_by(t.Reminder.fire_at, t.Reminder.id)
    for name, value in where.items():
        query = query.where(getattr(t.Reminder, name) == value)
    columns = [c.key for c in t.Reminder.__table__.columns]
    return [
        SimpleNamespace(**{name: getattr(row, name) for name in columns})
        for row in session.scalars(query)
    ]


def bulk_due_reminders(
    engine: Engine, n: int, *, target: str, fire_at: datetime, secret: str | None = SECRET
) -> list[str]:
    """Insert `n` items with one due webhook reminder each; return the idempotency keys."""
    from tracker.store.session import transaction

    due_on = fire_at.date() + timedelta(days=1)
    with transaction(engine) as session:
        channel = make_channel(session, target=target, secret=secret)
        item_rows = [
            {
                "description": f"Commitment {i}",
                "deliverable": "plan",
                "due_on": due_on,
                "due_precision": "day",
                "status": "open",
                "confidence": 0.9,
                "version": 1,
                "created_at": CREATED,
                "updated_at": CREATED,
            }
            for i in range(n)
        ]
        ids = session.scalars(
            insert(t.Item).returning(t.Item.id, sort_by_parameter_order=True), item_rows
        ).all()
        keys = [f"r{item_id}-c{channel.id}-lead-1d-{due_on:%Y%m%d}" for item_id in ids]
        session.execute(
            insert(t.Reminder),
            [
                {
                    "idempotency_key": key,
                    "item_id": item_id,
                    "channel_id": channel.id,
                    "kind": "lead",
                    "days_before": 1,
                    "due_on": due_on,
                    "fire_at": fire_at,
                    "state": "pending",
                    "attempts": 0,
                    "next_attempt_at": fire_at,
                    "created_at": CREATED,
                    "updated_at": CREATED,
                }
                for key, item_id in zip(keys, ids, strict=True)
            ],
        )
    return keys


def state_counts(engine: Engine) -> dict[str, int]:
    from sqlalchemy import func

    from tracker.store.session import read_session

    with read_session(engine) as session:
        query = select(t.Reminder.state, func.count()).group_by(t.Reminder.state)
        return dict(session.execute(query).all())
