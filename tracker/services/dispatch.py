"""Deliver due reminders: claim (short transaction), send (no transaction), record (short one).

Delivery is at-least-once: a crash between sending and recording repeats the reminder later
with the same idempotency key (webhook-id / Message-ID), so receivers can drop the repeat.
"""

from __future__ import annotations

import functools
import logging
import os
import random
import secrets
import socket
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import cast

from sqlalchemy.engine import Engine

from tracker.clock import Clock
from tracker.config import Settings
from tracker.models import ItemView
from tracker.notify.base import DeliveryError, Message, Notifier, ReminderKind, ReminderRef
from tracker.notify.registry import NotifierPool
from tracker.schedule.backoff import RetryPolicy
from tracker.store import outbox
from tracker.store.outbox import ClaimedReminder
from tracker.store.session import read_session, transaction

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DispatchPolicy:
    batch_size: int = 50
    # Deliveries in flight at once per worker; a crash may repeat up to this many.
    concurrency: int = 1
    # How long a claim stays valid; after it, another worker may take the reminder over.
    lease: timedelta = timedelta(minutes=5)
    retry: RetryPolicy = field(default_factory=RetryPolicy)


@dataclass(frozen=True)
class Outcome:
    """What happened to one claimed reminder."""

    reminder_id: int
    idempotency_key: str
    item_id: int
    channel_id: int
    channel_kind: str
    target: str
    kind: str
    days_before: int
    state: str  # sent | failed (will retry) | dead | released
    attempts: int
    error: str | None = None
    next_attempt_at: datetime | None = None


@dataclass
class DispatchReport:
    outcomes: list[Outcome] = field(default_factory=list)
    superseded: list[int] = field(default_factory=list)

    def in_state(self, state: str) -> list[Outcome]:
        return [o for o in self.outcomes if o.state == state]

    @property
    def sent(self) -> list[Outcome]:
        return self.in_state("sent")

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.state in ("failed", "dead")]


def default_worker_id() -> str:
    """Return a worker id unique across machines, processes and restarts."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


def dispatch_due(
    engine: Engine,
    settings: Settings,
    clock: Clock,
    worker_id: str,
    *,
    policy: DispatchPolicy | None = None,
    notifiers: dict[str, Notifier] | None = None,
    stop: threading.Event | None = None,
    rng: random.Random | None = None,
) -> DispatchReport:
    """Deliver every reminder due at `clock.now()`, batch by batch, until none is left.

    One bad reminder never stops the loop: its failure is recorded and the next one is sent.
    When `stop` is set, the claimed but unsent reminders are released for other workers.
    """
    policy = policy or DispatchPolicy()
    run = _Run(
        engine,
        settings,
        clock,
        worker_id,
        policy,
        rng,
        stop or threading.Event(),
        NotifierPool(settings, overrides=notifiers),
    )
    report = DispatchReport()
    # Threads only overlap network waits; each still records its own result at once.
    executor = ThreadPoolExecutor(policy.concurrency) if policy.concurrency > 1 else None
    try:
        while not run.stop.is_set():
            claim, items = _claim(run)
            report.superseded += claim.superseded
            if not claim.reminders and not claim.superseded:
                break
            send = functools.partial(_deliver_unless_stopped, run, items)
            results = list((executor.map if executor else map)(send, claim.reminders))
            unsent = [c for c, r in zip(claim.reminders, results, strict=True) if r is None]
            if unsent:
                _release(run, unsent, report)
            report.outcomes += [r for r in results if r is not None]
    finally:
        if executor is not None:
            executor.shutdown()
        run.pool.close()
    return report


@dataclass(frozen=True)
class _Run:
    """Everything one dispatch run shares between its deliveries."""

    engine: Engine
    settings: Settings
    clock: Clock
    worker_id: str
    policy: DispatchPolicy
    rng: random.Random | None
    stop: threading.Event
    pool: NotifierPool


def _claim(run: _Run) -> tuple[outbox.Claim, dict[int, ItemView]]:
    with transaction(run.engine) as session:
        claim = outbox.claim_due(
            session,
            now=run.clock.now(),
            worker_id=run.worker_id,
            lease=run.policy.lease,
            limit=run.policy.batch_size,
        )
        items = outbox.load_items(session, {c.item_id for c in claim.reminders})
    return claim, items


def _message(claimed: ClaimedReminder, item: ItemView, run: _Run) -> Message:
    reminder = ReminderRef(
        id=claimed.id,
        idempotency_key=claimed.idempotency_key,
        kind=cast(ReminderKind, claimed.kind),
        days_before=claimed.days_before,
        due_on=claimed.due_on,
        fire_at=claimed.fire_at,
    )
    return Message(
        reminder=reminder,
        item=item,
        target=claimed.target,
        secret=claimed.secret,
        tz=run.settings.tz,
        now=run.clock.now(),
        leads=tuple(run.settings.leads),
    )


def _deliver_unless_stopped(
    run: _Run, items: dict[int, ItemView], claimed: ClaimedReminder
) -> Outcome | None:
    """Send one reminder (no transaction open) and record the result; None if stopping."""
    if run.stop.is_set():
        return None
    try:
        item = items.get(claimed.item_id)
        if item is None:
            raise DeliveryError("the item no longer exists", permanent=True)
        run.pool.get(claimed.channel_kind).send(_message(claimed, item, run))
    except DeliveryError as exc:
        return _record_failure(run, claimed, exc)
    except Exception as exc:  # a bug in rendering or a notifier must not stop the loop
        logger.exception("reminder %s: unexpected error", claimed.id)
        return _record_failure(run, claimed, DeliveryError(f"internal error: {exc!r}"))
    return _record_sent(run, claimed)


def _outcome(
    claimed: ClaimedReminder,
    state: str,
    *,
    error: str | None = None,
    next_attempt_at: datetime | None = None,
) -> Outcome:
    return Outcome(
        reminder_id=claimed.id,
        idempotency_key=claimed.idempotency_key,
        item_id=claimed.item_id,
        channel_id=claimed.channel_id,
        channel_kind=claimed.channel_kind,
        target=claimed.target,
        kind=claimed.kind,
        days_before=claimed.days_before,
        state=state,
        attempts=claimed.attempts,
        error=error,
        next_attempt_at=next_attempt_at,
    )


def _record_sent(run: _Run, claimed: ClaimedReminder) -> Outcome:
    with transaction(run.engine) as session:
        outbox.mark_sent(session, claimed.id, now=run.clock.now())
    logger.info(
        "reminder %s sent to %s %s",
        claimed.id,
        claimed.channel_kind,
        claimed.target,
        extra={"action": "reminder_sent", "reminder_id": claimed.id},
    )
    return _outcome(claimed, "sent")


def _record_failure(run: _Run, claimed: ClaimedReminder, error: DeliveryError) -> Outcome:
    now = run.clock.now()
    retry = run.policy.retry
    next_attempt_at: datetime | None = None
    if not error.permanent and not retry.is_exhausted(claimed.attempts):
        delay = retry.next_delay(claimed.attempts, retry_after=error.retry_after, rng=run.rng)
        next_attempt_at = now + delay
    with transaction(run.engine) as session:
        if error.is_gone:
            outbox.disable_channel(session, claimed.channel_id, reason=error.reason, now=now)
        outbox.mark_failed(
            session,
            claimed.id,
            worker_id=run.worker_id,
            now=now,
            error=error.reason,
            next_attempt_at=next_attempt_at,
        )
    state = "failed" if next_attempt_at else "dead"
    logger.warning(
        "reminder %s %s after attempt %s: %s",
        claimed.id,
        state,
        claimed.attempts,
        error.reason,
        extra={"action": f"reminder_{state}", "reminder_id": claimed.id},
    )
    return _outcome(claimed, state, error=error.reason, next_attempt_at=next_attempt_at)


def _release(run: _Run, claimed: list[ClaimedReminder], report: DispatchReport) -> None:
    with transaction(run.engine) as session:
        outbox.release_claims(
            session, worker_id=run.worker_id, now=run.clock.now(), ids=[c.id for c in claimed]
        )
    report.outcomes += [_outcome(c, "released") for c in claimed]


def release_worker(engine: Engine, clock: Clock, worker_id: str) -> int:
    """Release every reminder `worker_id` still holds (on shutdown)."""
    with transaction(engine) as session:
        return outbox.release_claims(session, worker_id=worker_id, now=clock.now())


def list_reminders(
    engine: Engine, *, state: str | None = None, limit: int | None = None
) -> list[outbox.ReminderRow]:
    """Return outbox rows by fire time."""
    with read_session(engine) as session:
        return outbox.list_reminders(session, state=state, limit=limit)


def replay_reminder(engine: Engine, clock: Clock, reminder_id: int) -> outbox.ReminderRow:
    """Queue a dead reminder again, due now, with fresh attempts."""
    with transaction(engine) as session:
        return outbox.replay_dead(session, reminder_id, now=clock.now())
