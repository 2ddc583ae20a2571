"""Deliver due outbox rows: claim (short transaction), send (no transaction), record (short one).

Delivery is at-least-once: a crash between sending and recording repeats the message later
with the same idempotency key (webhook-id / Message-ID), so receivers can drop the repeat.
Outside a crash nothing is sent twice: a worker sends only while it holds the lease (renewed
before it could run out), so no other worker can have taken the row over meanwhile.
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

from sqlalchemy.engine import Engine

from tracker.clock import Clock, SystemClock
from tracker.config import Settings
from tracker.models import ItemView
from tracker.notify.base import DeliveryError, Notifier
from tracker.notify.registry import NotifierPool
from tracker.schedule.backoff import RetryPolicy
from tracker.services.messages import build_message
from tracker.services.outcomes import DispatchReport, Outcome, outcome
from tracker.store import channels, outbox, recording
from tracker.store.outbox import Delivery
from tracker.store.session import transaction

logger = logging.getLogger(__name__)

__all__ = ["DispatchPolicy", "DispatchReport", "Outcome", "default_worker_id", "dispatch_due"]


@dataclass(frozen=True)
class DispatchPolicy:
    batch_size: int = 50
    # Deliveries in flight at once per worker; a crash may repeat up to this many.
    concurrency: int = 1
    # How long a claim stays valid; after it, another worker may take the row over. A worker
    # renews its claims when less than half of this is left, before it sends.
    lease: timedelta = timedelta(minutes=5)
    retry: RetryPolicy = field(default_factory=RetryPolicy)


def default_worker_id() -> str:
    """Return a worker id unique across machines, processes and restarts."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


@dataclass(frozen=True)
class _Run:
    """Everything one dispatch run shares between its deliveries."""

    engine: Engine
    settings: Settings
    clock: Clock  # decides what is due (a fixed one for `remind once --now`)
    wall: Clock  # the real time: leases, Date headers, webhook timestamps, sent_at
    worker_id: str
    policy: DispatchPolicy
    rng: random.Random | None
    stop: threading.Event
    pool: NotifierPool


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
    wall_clock: Clock | None = None,
) -> DispatchReport:
    """Deliver every reminder and event due at `clock.now()`, batch by batch, until none is left.

    One bad message never stops the loop: its failure is recorded and the next one is sent.
    When `stop` is set, the claimed but unsent rows are released for other workers.
    """
    policy = policy or DispatchPolicy()
    pool = NotifierPool(settings, overrides=notifiers)
    run = _Run(
        engine,
        settings,
        clock,
        wall_clock or SystemClock(),
        worker_id,
        policy,
        rng,
        stop or threading.Event(),
        pool,
    )
    report = DispatchReport()
    # Threads only overlap network waits; each still records its own result at once.
    executor = ThreadPoolExecutor(policy.concurrency) if policy.concurrency > 1 else None
    try:
        while not run.stop.is_set():
            claim, items, lease = _claim(run)
            report.skipped += claim.skipped
            if not claim.deliveries and not claim.skipped:
                break
            send = functools.partial(_deliver_unless_stopped, run, items, lease)
            results = list((executor.map if executor else map)(send, claim.deliveries))
            unsent = [d for d, r in zip(claim.deliveries, results, strict=True) if r is None]
            if unsent:
                _release(run, unsent, report)
            report.outcomes += [r for r in results if r is not None]
    finally:
        if executor is not None:
            executor.shutdown()
        pool.close()
    return report


class _Lease:
    """The lease on one claimed batch: renewed before a send when half of it is gone."""

    def __init__(self, run: _Run, deliveries: list[Delivery]) -> None:
        self._run = run
        self._until = run.wall.now() + run.policy.lease
        self._open = {row_id for d in deliveries for row_id in d.ids}
        self._lost: set[int] = set()
        self._lock = threading.Lock()

    def hold(self, delivery: Delivery) -> bool:
        """Return whether this worker still holds every row of `delivery` (renewing if due)."""
        with self._lock:
            now = self._run.wall.now()
            if self._until - now < self._run.policy.lease / 2:
                self._renew(now)
            return not self._lost.intersection(delivery.ids)

    def done(self, delivery: Delivery) -> None:
        with self._lock:
            self._open.difference_update(delivery.ids)

    def _renew(self, now: datetime) -> None:
        until = now + self._run.policy.lease
        with transaction(self._run.engine) as session:
            held = recording.renew_leases(
                session, sorted(self._open), worker_id=self._run.worker_id, until=until
            )
        self._lost |= self._open - held
        self._until = until


def _claim(run: _Run) -> tuple[outbox.Claim, dict[int, ItemView], _Lease]:
    with transaction(run.engine) as session:
        claim = outbox.claim_due(
            session,
            now=run.clock.now(),
            lease_now=run.wall.now(),
            worker_id=run.worker_id,
            lease=run.policy.lease,
            limit=run.policy.batch_size,
        )
        ids = {row.item_id for d in claim.deliveries for row in d.rows}
        items = recording.load_items(session, ids)
    return claim, items, _Lease(run, claim.deliveries)


def _deliver_unless_stopped(
    run: _Run, items: dict[int, ItemView], lease: _Lease, delivery: Delivery
) -> Outcome | None:
    """Send one message (no transaction open) and record the result; None if stopping."""
    if run.stop.is_set():
        return None
    try:
        if not lease.hold(delivery):
            logger.info("outbox rows %s were taken over by another worker", delivery.ids)
            return outcome(delivery, "taken over")
        message = build_message(delivery, items, run.settings, now=run.wall.now())
        run.pool.get(delivery.first.channel_kind).send(message)
    except DeliveryError as exc:
        return _record_failure(run, delivery, exc)
    except Exception as exc:  # a bug in rendering or a notifier must not stop the loop
        logger.exception("outbox rows %s: unexpected error", delivery.ids)
        return _record_failure(run, delivery, DeliveryError(f"internal error: {exc!r}"))
    finally:
        lease.done(delivery)
    return _record_sent(run, delivery)


def _record_sent(run: _Run, delivery: Delivery) -> Outcome:
    with transaction(run.engine) as session:
        recording.mark_sent(session, delivery.ids, now=run.wall.now())
    row = delivery.first
    logger.info(
        "%s %s sent to %s %s",
        "digest" if delivery.is_digest else row.event,
        delivery.idempotency_key,
        row.channel_kind,
        row.target,
        extra={"action": "reminder_sent", "reminder_ids": delivery.ids},
    )
    return outcome(delivery, "sent")


def _record_failure(run: _Run, delivery: Delivery, error: DeliveryError) -> Outcome:
    now = run.clock.now()
    retry, attempts = run.policy.retry, delivery.first.attempts
    next_attempt_at: datetime | None = None
    if not error.permanent and not retry.is_exhausted(attempts):
        delay = retry.next_delay(attempts, retry_after=error.retry_after, rng=run.rng)
        next_attempt_at = now + delay
    with transaction(run.engine) as session:
        if error.is_gone:
            channels.disable_channel(
                session, delivery.first.channel_id, reason=error.reason, now=now
            )
        recording.mark_failed(
            session,
            delivery.ids,
            worker_id=run.worker_id,
            now=now,
            error=error.reason,
            next_attempt_at=next_attempt_at,
        )
    state = "failed" if next_attempt_at else "dead"
    # Logged once here; `remind once` prints its report instead (see cli.remind).
    logger.warning(
        "%s %s after attempt %s: %s",
        delivery.idempotency_key,
        state,
        attempts,
        error.reason,
        extra={"action": f"reminder_{state}", "reminder_ids": delivery.ids},
    )
    return outcome(delivery, state, error=error.reason, next_attempt_at=next_attempt_at)


def _release(run: _Run, unsent: list[Delivery], report: DispatchReport) -> None:
    with transaction(run.engine) as session:
        recording.release_claims(
            session,
            worker_id=run.worker_id,
            now=run.clock.now(),
            ids=[row_id for d in unsent for row_id in d.ids],
        )
    report.outcomes += [outcome(d, "released") for d in unsent]


def release_worker(engine: Engine, clock: Clock, worker_id: str) -> int:
    """Release every row `worker_id` still holds (on shutdown)."""
    with transaction(engine) as session:
        return recording.release_claims(session, worker_id=worker_id, now=clock.now())
