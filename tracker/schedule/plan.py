"""PURE reminder planning: which reminders an item gets, when they fire, and their keys.

No I/O, no clock: every function gets the instants it needs as arguments.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal, TypeVar
from zoneinfo import ZoneInfo

from tracker.models import ACTIVE_STATUSES

ReminderKind = Literal["lead", "due", "overdue"]
KINDS: tuple[ReminderKind, ...] = ("lead", "due", "overdue")
# The overdue reminder fires this long after the due date, at the reminder hour.
OVERDUE_AFTER = timedelta(days=1)

K = TypeVar("K")


@dataclass(frozen=True)
class PlannedReminder:
    """One reminder an item should get on one channel (the channel is added by the caller)."""

    kind: ReminderKind
    lead: timedelta  # how long before the due date's reminder hour; negative for overdue
    due_on: date
    fire_at: datetime  # timezone-aware UTC

    @property
    def days_before(self) -> int:
        """Whole days before the due date (0 for `due`, -1 for `overdue`)."""
        return self.lead.days if self.lead >= timedelta(0) else -(-self.lead).days

    @property
    def lead_token(self) -> str:
        """A short stable spelling of the lead time: `7d`, `12h`, `0d`, `+1d` (overdue)."""
        sign, lead = ("+", -self.lead) if self.lead < timedelta(0) else ("", self.lead)
        hours = int(lead.total_seconds()) // 3600
        return f"{sign}{hours // 24}d" if hours % 24 == 0 else f"{sign}{hours}h"


def local_fire_time(day: date, *, tz: ZoneInfo, hour: int) -> datetime:
    """Return `hour`:00 wall-clock time on `day` in `tz`, as UTC.

    Building the wall time first and converting afterwards keeps reminders at 09:00 local on
    both sides of a DST change; a non-existent time (spring gap) resolves to the later offset.
    """
    return datetime.combine(day, time(hour), tzinfo=tz).astimezone(UTC)


def fire_time(due_on: date, lead: timedelta, *, tz: ZoneInfo, hour: int) -> datetime:
    """Return the UTC fire time of a reminder `lead` before `due_on` at `hour` local time."""
    if lead < timedelta(0):
        return local_fire_time(due_on + (-lead), tz=tz, hour=hour)
    # Whole days move the calendar date (wall clock); hour parts are absolute time.
    base = local_fire_time(due_on - timedelta(days=lead.days), tz=tz, hour=hour)
    return base - timedelta(seconds=lead.seconds)


def plan_reminders(
    due_on: date | None,
    status: str,
    *,
    leads: Sequence[timedelta],
    tz: ZoneInfo,
    hour: int,
) -> list[PlannedReminder]:
    """Return every reminder an item with this due date and status should have, by fire time.

    Only dated items in an active status get reminders: one per lead time (a zero lead is the
    `due` reminder) plus one `overdue` reminder the day after the due date.
    """
    if due_on is None or status not in ACTIVE_STATUSES:
        return []
    planned = [
        PlannedReminder(
            kind="due" if lead == timedelta(0) else "lead",
            lead=lead,
            due_on=due_on,
            fire_at=fire_time(due_on, lead, tz=tz, hour=hour),
        )
        for lead in sorted(set(leads), reverse=True)
        if lead >= timedelta(0)
    ]
    planned.append(
        PlannedReminder(
            kind="overdue",
            lead=-OVERDUE_AFTER,
            due_on=due_on,
            fire_at=fire_time(due_on, -OVERDUE_AFTER, tz=tz, hour=hour),
        )
    )
    return sorted(planned, key=lambda p: p.fire_at)


def still_ahead(planned: Iterable[PlannedReminder], *, now: datetime) -> list[PlannedReminder]:
    """Keep the reminders whose fire time has not passed at `now` (past ones are never sent)."""
    return [p for p in planned if p.fire_at > now]


def idempotency_key(item_id: int, channel_id: int, planned: PlannedReminder) -> str:
    """Return the stable key of one reminder: item, channel, kind, lead and due date.

    It only uses RFC 5322 `atext` characters so it can be the left part of a Message-ID.
    """
    return f"r{item_id}-c{channel_id}-{planned.kind}-{planned.lead_token}-{planned.due_on:%Y%m%d}"


def latest_per_group(rows: Iterable[tuple[K, datetime]]) -> dict[K, datetime]:
    """Return the newest fire time per group key (only the latest due reminder is sent)."""
    latest: dict[K, datetime] = {}
    for key, fire_at in rows:
        if key not in latest or fire_at > latest[key]:
            latest[key] = fire_at
    return latest
