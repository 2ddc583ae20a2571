"""Use cases of the listing commands: which items and events, in which order, which page.

Reads only through `tracker.store.reader.Reader`, so the same use cases run on the bare-driver
path and inside the ORM's transactions; no SQLAlchemy import here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.clock import Clock
from tracker.config import Settings
from tracker.models import ACTIVE_STATUSES, EventView, ItemView, actor_key
from tracker.store.queries import Selection, Slice
from tracker.store.reader import Reader

SORTS = ("due", "-due", "id", "-id", "updated", "-updated")


@dataclass(frozen=True)
class Page:
    """One page of a listing, and whether more items follow it."""

    items: list[ItemView]
    more: bool


@dataclass(frozen=True)
class Upcoming:
    as_of: date
    until: date
    due: list[ItemView]
    overdue: list[ItemView]
    has_more: bool


@dataclass(frozen=True)
class Timeline:
    events: list[EventView]
    items: list[ItemView]
    more: bool


def today(settings: Settings, clock: Clock) -> date:
    """Return today's date where the user lives (TRACKER_TIMEZONE)."""
    return clock.now().astimezone(settings.tz).date()


def actor_keys(names: Sequence[str]) -> list[str]:
    """Map user-typed actor names (any alias, any language) to stored actor keys."""
    if not names:
        return []
    from tracker.extract.describe.actors import canonical_actor

    return [actor_key(canonical_actor(n)) for n in names]


def slices(
    words: Sequence[str], *, as_of: date, due_from: date | None, due_to: date | None
) -> tuple[Slice, ...]:
    """Translate status words (tracker.models.STATUS_WORDS) into stored statuses and dates.

    `overdue` is an active item due before `as_of`; `open` and `extended` are the others of
    those statuses (due from `as_of` on, or undated), so every item matches exactly one word.
    Undated items are listed only when no date range is asked for.
    """
    undated = due_from is None and due_to is None
    if not words:
        return (Slice((), due_from, due_to, undated),)
    found = []
    for word in dict.fromkeys(words):
        if word == "overdue":
            last = _earlier(as_of - timedelta(days=1), due_to)
            found.append(Slice(ACTIVE_STATUSES, due_from, last, undated=False))
        elif word in ACTIVE_STATUSES:
            found.append(Slice((word,), _later(as_of, due_from), due_to, undated))
        else:
            found.append(Slice((word,), due_from, due_to, undated))
    return tuple(found)


def list_items(
    reader: Reader,
    *,
    words: Sequence[str] = (),
    actor_keys: Sequence[str] = (),
    due_from: date | None = None,
    due_to: date | None = None,
    as_of: date,
    sort: str = "due",
    limit: int | None = None,
    offset: int = 0,
) -> Page:
    """Return one page of items matching the filters (due order: undated last)."""
    selection = Selection(
        slices=slices(words, as_of=as_of, due_from=due_from, due_to=due_to),
        actor_keys=tuple(actor_keys),
        sort=sort.removeprefix("-"),
        descending=sort.startswith("-"),
        limit=limit,
        offset=offset,
    )
    items, more = reader.list_items(selection)
    return Page(items, more)


def upcoming(
    reader: Reader, *, as_of: date, days: int, limit: int | None, offset: int = 0
) -> Upcoming:
    """Return active items due within `days` of `as_of`, and the overdue ones (each a page)."""
    until = as_of + timedelta(days=days)
    due = list_items(
        reader,
        words=ACTIVE_STATUSES,
        due_from=as_of,
        due_to=until,
        as_of=as_of,
        limit=limit,
        offset=offset,
    )
    overdue = list_items(reader, words=["overdue"], as_of=as_of, limit=limit, offset=offset)
    return Upcoming(as_of, until, due.items, overdue.items, due.more or overdue.more)


def timeline(
    reader: Reader,
    *,
    date_from: date | None,
    date_to: date | None,
    limit: int | None = None,
    offset: int = 0,
) -> Timeline:
    """Return a page of the chronology of events and dated items (events first on a day)."""
    wanted = None if limit is None else offset + limit + 1
    events = reader.events(date_from=date_from, date_to=date_to, limit=wanted)
    dated = Selection(slices=(Slice((), date_from, date_to, undated=False),), limit=wanted)
    keys = reader.item_keys(dated)
    rows = sorted(
        [(e.date, 0, e.id) for e in events] + [(due, 1, item_id) for due, item_id in keys]
    )
    end = None if limit is None else offset + limit
    kept = rows[offset:end]
    kept_events = {row[2] for row in kept if row[1] == 0}
    items = reader.items([row[2] for row in kept if row[1] == 1])
    return Timeline(
        [e for e in events if e.id in kept_events], items, more=end is not None and len(rows) > end
    )


def _earlier(day: date, bound: date | None) -> date:
    return day if bound is None else min(day, bound)


def _later(day: date, bound: date | None) -> date:
    return day if bound is None else max(day, bound)
