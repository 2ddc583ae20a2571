"""Calendar use cases: the ICS export and feed (with cached VEVENT renders) and the timeline page.

The export is mostly concatenation: each item's VEVENT is rendered with icalendar once and kept in
`item_renders`, keyed by (item_id, format, version). `format` names the rendering (code revision
and reminder lead times), `version` is the item's, which the item services bump on every visible
change; a render whose version differs from the item's is never used.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import and_, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tracker.errors import DatabaseError, TrackerError
from tracker.export.ics import calendar_bytes, render_format, vevent_bytes
from tracker.models import EventView, ItemView
from tracker.store import repository
from tracker.store import tables as t
from tracker.store.session import read_session, transaction

logger = logging.getLogger(__name__)

CALENDAR_NAME = "Tracker deadlines"
_CHUNK = 500  # ids per IN (...) list: well under SQLite's and PostgreSQL's parameter limits


@dataclass(frozen=True)
class CalendarFeed:
    """A rendered calendar and what HTTP caching needs to know about it."""

    body: bytes
    count: int
    rendered: int
    last_modified: datetime | None  # of the items in this calendar (its LAST-MODIFIED)
    changed_at: datetime | None = None  # of any item: one leaving the filter changes it too

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:32] + '"'


@dataclass(frozen=True)
class _Render:
    id: int
    version: int
    body: bytes


@dataclass(frozen=True)
class _Row:
    item_id: int
    version: int
    updated_at: datetime
    body: bytes | None


def calendar_name(statuses: Sequence[str] = (), actors: Sequence[str] = ()) -> str:
    """Name the calendar after its filters, so two subscriptions are told apart."""
    name = CALENDAR_NAME
    if actors:
        name += " · " + ", ".join(actors)
    if statuses:
        name += " (" + ", ".join(statuses) + ")"
    return name


def export_calendar(
    engine: Engine,
    *,
    leads: Sequence[timedelta],
    now: datetime,
    statuses: Sequence[str] = (),
    actor_keys: Sequence[str] = (),
    name: str = CALENDAR_NAME,
) -> CalendarFeed:
    """Return the calendar of the dated items matching the filters, rendering only cache misses.

    1. Read (id, version, updated_at, cached body of this version) for every matching item.
    2. Load and render the items without a usable render (no transaction held while rendering).
    3. Store the new renders in one short transaction (best effort: a failure is only logged).
    4. Join the bodies between the calendar header and footer.
    """
    render = render_format(leads)
    with read_session(engine) as session:
        rows = _index(session, render, statuses=statuses, actor_keys=actor_keys)
        changed_at = session.scalar(select(func.max(t.Item.updated_at)))
    missing = [row.item_id for row in rows if row.body is None]
    fresh = {view.id: view for view in _render(engine, missing, leads=leads)}
    if fresh:
        _store(engine, list(fresh.values()), render=render, now=now)
    bodies: list[bytes] = []
    for row in rows:
        body = row.body if row.body is not None else _body_of(fresh.get(row.item_id))
        if body is not None:  # None: the item was deleted while we rendered
            bodies.append(body)
    last_modified = max((row.updated_at for row in rows), default=None)
    body = calendar_bytes(bodies, name=name, last_modified=last_modified)
    return CalendarFeed(
        body,
        count=len(bodies),
        rendered=len(fresh),
        last_modified=last_modified,
        changed_at=changed_at,
    )


@dataclass(frozen=True)
class Timeline:
    """What the timeline page shows: the deadlines nearest to today, and the events among them."""

    items: list[ItemView]
    events: list[EventView]
    more_before: bool
    more_after: bool


def timeline(
    engine: Engine,
    *,
    today: date,
    statuses: Sequence[str] = (),
    actor_keys: Sequence[str] = (),
    past: int = 200,
    ahead: int = 500,
) -> Timeline:
    """Return the `past` latest deadlines before today, the `ahead` next ones, undated items,
    and the events in that span (a page of 100,000 cards would help nobody; the feed has all).
    """
    ids = repository.item_query(statuses=statuses, actor_keys=actor_keys)
    ids = ids.with_only_columns(t.Item.id)
    due = t.Item.due_on
    with read_session(engine) as session:
        before = list(
            session.scalars(
                ids.where(due < today).order_by(due.desc(), t.Item.id.desc()).limit(past + 1)
            )
        )
        after = list(
            session.scalars(ids.where(due >= today).order_by(due, t.Item.id).limit(ahead + 1))
        )
        undated = list(session.scalars(ids.where(due.is_(None)).order_by(t.Item.id).limit(ahead)))
        items = repository.load_items(session, [*before[:past][::-1], *after[:ahead], *undated])
        dates = [i.due for i in items if i.due is not None]
        events = repository.list_events(
            session,
            date_from=min(dates) if len(before) > past else None,
            date_to=max(dates) if len(after) > ahead else None,
        )
    return Timeline(items, events, more_before=len(before) > past, more_after=len(after) > ahead)


def write_file_atomically(path: Path, body: bytes) -> None:
    """Write `body` to `path` so that readers see the old file or the new one, never a part."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        # O_EXCL: never follow a planted file; mode 0o666 lets the umask decide, as open() would.
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(fd, "wb") as handle:
            handle.write(body)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise TrackerError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _index(
    session: Session, render: str, *, statuses: Sequence[str], actor_keys: Sequence[str]
) -> list[_Row]:
    cached = and_(
        t.ItemRender.item_id == t.Item.id,
        t.ItemRender.format == render,
        t.ItemRender.version == t.Item.version,
    )
    query = (
        repository.item_query(statuses=statuses, actor_keys=actor_keys, dated=True)
        .with_only_columns(t.Item.id, t.Item.version, t.Item.updated_at, t.ItemRender.body)
        .select_from(t.Item)
        .outerjoin(t.ItemRender, cached)
        .order_by(t.Item.due_on, t.Item.id)  # a stable order: the same items, the same ETag
    )
    return [_Row(*row) for row in session.execute(query)]


def _render(
    engine: Engine, item_ids: list[int], *, leads: Sequence[timedelta]
) -> Iterator[_Render]:
    for chunk in _chunks(item_ids):
        with read_session(engine) as session:
            views = repository.load_items(session, chunk)
        for view in views:
            # Keyed by the version actually rendered, which may be newer than the index read.
            yield _Render(view.id, view.version, vevent_bytes(view, leads=leads))


def _body_of(render: _Render | None) -> bytes | None:
    return render.body if render is not None else None


def _store(engine: Engine, renders: list[_Render], *, render: str, now: datetime) -> None:
    rows = [
        {
            "item_id": r.id,
            "format": render,
            "version": r.version,
            "body": r.body,
            "rendered_at": now,
        }
        for r in renders
    ]
    try:
        with transaction(engine) as session:
            session.execute(_upsert(engine), rows)
            for chunk in _chunks([r.id for r in renders]):
                # Renders for other lead times are dead weight once the settings changed.
                session.execute(
                    delete(t.ItemRender).where(
                        t.ItemRender.item_id.in_(chunk),
                        t.ItemRender.format.like("vevent-%"),
                        t.ItemRender.format != render,
                    )
                )
    except (IntegrityError, DatabaseError) as exc:
        # An item deleted meanwhile, or a busy database: the export is still right, only uncached.
        logger.warning("could not cache %d calendar renders: %s", len(rows), exc)


def _upsert(engine: Engine) -> Any:
    """INSERT .. ON CONFLICT that never replaces a newer version (two requests may race)."""
    dialect = postgresql if engine.dialect.name == "postgresql" else sqlite
    insert = dialect.insert(t.ItemRender)
    return insert.on_conflict_do_update(
        index_elements=[t.ItemRender.item_id, t.ItemRender.format],
        set_={
            "version": insert.excluded.version,
            "body": insert.excluded.body,
            "rendered_at": insert.excluded.rendered_at,
        },
        where=t.ItemRender.version <= insert.excluded.version,
    )


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]
