"""What a dispatch run did: one outcome per message (a reminder, an event or a digest)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tracker.store.outbox import Delivery


@dataclass(frozen=True)
class Outcome:
    """What happened to one claimed message."""

    reminder_ids: list[int]
    idempotency_key: str
    event: str  # deadline.reminder, item.created, ..., digest
    item_ids: list[int]
    channel_id: int
    channel_kind: str
    target: str
    kind: str
    days_before: int
    state: str  # sent | failed (will retry) | dead | released | taken over
    attempts: int
    error: str | None = None
    next_attempt_at: datetime | None = None

    @property
    def reminder_id(self) -> int:
        return self.reminder_ids[0]

    @property
    def item_id(self) -> int:
        return self.item_ids[0]

    def as_dict(self) -> dict[str, Any]:
        return {
            "reminders": self.reminder_ids,
            "idempotency_key": self.idempotency_key,
            "type": self.event,
            "items": self.item_ids,
            "channel": self.channel_id,
            "channel_kind": self.channel_kind,
            "target": self.target,
            "kind": self.kind,
            "days_before": self.days_before,
            "state": self.state,
            "attempts": self.attempts,
            "error": self.error,
            "next_attempt_at": self.next_attempt_at.isoformat() if self.next_attempt_at else None,
        }


def outcome(
    delivery: Delivery,
    state: str,
    *,
    error: str | None = None,
    next_attempt_at: datetime | None = None,
) -> Outcome:
    row = delivery.first
    return Outcome(
        reminder_ids=delivery.ids,
        idempotency_key=delivery.idempotency_key,
        event="digest" if delivery.is_digest else row.event,
        item_ids=sorted({r.item_id for r in delivery.rows}),
        channel_id=row.channel_id,
        channel_kind=row.channel_kind,
        target=row.target,
        kind="digest" if delivery.is_digest else row.kind,
        days_before=row.days_before,
        state=state,
        attempts=row.attempts,
        error=error,
        next_attempt_at=next_attempt_at,
    )


@dataclass
class DispatchReport:
    outcomes: list[Outcome] = field(default_factory=list)
    # Reminders not sent because a later reminder of the same item was due at the same time.
    skipped: list[int] = field(default_factory=list)

    def in_state(self, state: str) -> list[Outcome]:
        return [o for o in self.outcomes if o.state == state]

    @property
    def superseded(self) -> list[int]:
        """The skipped reminders (the name `remind once` used before)."""
        return self.skipped

    @property
    def sent(self) -> list[Outcome]:
        return self.in_state("sent")

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.state in ("failed", "dead")]

    def as_dict(self) -> dict[str, Any]:
        return {
            "sent": [o.as_dict() for o in self.sent],
            "failed": [o.as_dict() for o in self.failures],
            "released": [o.as_dict() for o in self.in_state("released")],
            "taken_over": [o.as_dict() for o in self.in_state("taken over")],
            "skipped": list(self.skipped),
        }
