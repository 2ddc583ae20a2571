"""Run the listing queries on a DB-API connection (sqlite3 or psycopg) and build the views.

The same code serves the bare-driver path of the listing commands (`tracker.store.direct`) and
the ORM path (`tracker.store.repository.reader`, inside a service's transaction): the statements
come from `tracker.store.queries`, only the connection differs. No SQLAlchemy import here.
"""

from __future__ import annotations

import heapq
import re
import sys
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime
from itertools import islice
from typing import Any

from tracker.errors import DatabaseError, NotFoundError
from tracker.models import EventView, HistoryEntry, ItemView, PendingChange, Source
from tracker.store import queries as q

_PARAMETER = re.compile(r"(?<![:\w]):(\w+)")
_CHUNK = 500  # ids per IN list, well below every driver's parameter limit


class Reader:
    """Read views through one DB-API connection; the caller owns the connection and its
    transaction."""

    def __init__(self, connection: Any) -> None:
        self._connection = connection
        driver = type(connection).__module__.split(".")[0]
        self.qmark = driver == "sqlite3"
        self._errors: type[BaseException] = sys.modules[driver].Error

    def fetch(self, query: q.Query) -> list[tuple[Any, ...]]:
        """Run one statement of `tracker.store.queries` and return its rows."""
        sql, args = bind(*query, qmark=self.qmark)
        try:
            cursor = self._connection.cursor()
            try:
                cursor.execute(sql, args)
                return list(cursor.fetchall())
            finally:
                cursor.close()
        except self._errors as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise DatabaseError(f"database error: {first}") from exc

    # --- items -----------------------------------------------------------------------------

    def item(self, item_id: int) -> ItemView:
        """Return one item or raise NotFoundError."""
        found = self.items([item_id])
        if not found:
            raise NotFoundError(f"no item with id {item_id}")
        return found[0]

    def items(self, ids: Sequence[int]) -> list[ItemView]:
        """Load full items (actors, sources, history) by id, in the order given."""
        views: dict[int, ItemView] = {}
        for chunk in _chunks(ids):
            actors = self._grouped(q.ITEM_ACTORS, chunk)
            sources = self._grouped(q.ITEM_SOURCES, chunk)
            history = self._grouped(q.ITEM_HISTORY, chunk)
            pending = self._grouped(q.ITEM_PENDING, chunk)
            for row in self.fetch((q.ITEMS, {"ids": chunk})):
                item_id = row[0]
                views[item_id] = _item(
                    row,
                    actors=[a[0] for a in actors[item_id]],
                    sources=[_source(s) for s in sources[item_id]],
                    history=[_history(h) for h in history[item_id]],
                    pending=[_pending(c) for c in pending[item_id]],
                )
        return [views[i] for i in ids if i in views]

    def list_items(self, selection: q.Selection) -> tuple[list[ItemView], bool]:
        """Return one page of the selected items, and whether more follow it."""
        ids, limit = self.item_ids(selection), selection.limit
        more = limit is not None and len(ids) > limit
        return self.items(ids[:limit]), more

    def item_ids(self, selection: q.Selection) -> list[int]:
        """Ids of the selected items from `offset` on, and one more than `limit` (more follow?)."""
        wanted = None if selection.limit is None else selection.offset + selection.limit + 1
        if selection.sort == "due":
            ids = [item_id for _, item_id in self._keys_by_due(selection, wanted)]
        else:
            ids = [row[0] for row in self.fetch(q.sorted_ids(selection, wanted))]
        return ids[selection.offset :]

    def item_keys(self, selection: q.Selection) -> list[tuple[date | None, int]]:
        """(due date, id) of the selected items in due order, up to `limit` (no offset)."""
        return self._keys_by_due(selection, selection.limit)

    def _keys_by_due(
        self, selection: q.Selection, wanted: int | None
    ) -> list[tuple[date | None, int]]:
        """Merge one index walk per slice and status; then the undated items (always last),
        read only when the dated ones do not fill the page."""
        keys, reverse = selection.actor_keys, selection.descending
        groups = [
            (part, status) for part in selection.slices for status in part.statuses or (None,)
        ]
        dated = [
            self.fetch(q.dated_ids(part, status, keys, wanted, descending=reverse))
            for part, status in groups
        ]
        merged = islice(heapq.merge(*dated, reverse=reverse), wanted)
        found: list[tuple[date | None, int]] = [(_day(due), item_id) for due, item_id in merged]
        room = None if wanted is None else wanted - len(found)
        if room is None or room > 0:
            undated = [
                self.fetch(q.undated_ids(status, keys, room, descending=reverse))
                for part, status in groups
                if part.undated
            ]
            found += [
                (None, row[0]) for row in islice(heapq.merge(*undated, reverse=reverse), room)
            ]
        return found

    def _grouped(self, sql: str, ids: list[int]) -> defaultdict[int, list[tuple[Any, ...]]]:
        groups: defaultdict[int, list[tuple[Any, ...]]] = defaultdict(list)
        for row in self.fetch((sql, {"ids": ids})):
            groups[row[0]].append(row[1:])
        return groups

    # --- events ----------------------------------------------------------------------------

    def events(
        self,
        *,
        date_from: date | None = None,
        date_to: date | None = None,
        limit: int | None = None,
    ) -> list[EventView]:
        """Events of a period in date order, with their sources."""
        rows = self.fetch(q.events(date_from, date_to, limit))
        sources: defaultdict[int, list[tuple[Any, ...]]] = defaultdict(list)
        for chunk in _chunks([row[0] for row in rows]):
            sources.update(self._grouped(q.EVENT_SOURCES, chunk))
        return [
            EventView(
                id=row[0],
                date=_day(row[1]),
                date_precision=row[2],
                description=row[3],
                sources=[_source(s) for s in sources[row[0]]],
            )
            for row in rows
        ]


def bind(sql: str, params: dict[str, Any], *, qmark: bool) -> tuple[str, list[Any]]:
    """Turn `:name` parameters into the driver's positional ones; lists expand in place."""
    args: list[Any] = []
    mark = "?" if qmark else "%s"

    def place(match: re.Match[str]) -> str:
        value = params[match.group(1)]
        values = list(value) if isinstance(value, list | tuple) else [value]
        if qmark:  # sqlite3 stores dates as the ISO text SQLAlchemy writes; bind them alike
            values = [v.isoformat() if isinstance(v, date) else v for v in values]
        args.extend(values)
        return ", ".join([mark] * len(values)) if values else "NULL"

    return _PARAMETER.sub(place, sql), args


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield list(ids[start : start + _CHUNK])


def _item(
    row: tuple[Any, ...],
    *,
    actors: list[str],
    sources: list[Source],
    history: list[HistoryEntry],
    pending: list[PendingChange],
) -> ItemView:
    return ItemView(
        id=row[0],
        description=row[1],
        due=_optional_day(row[2]),
        due_precision=row[3],
        status=row[4],
        anchor=_optional_day(row[5]),
        anchor_kind=row[6],
        confidence=float(row[7]),
        version=row[8],
        created_at=_instant(row[9]),
        updated_at=_instant(row[10]),
        actors=actors,
        sources=sources,
        history=history,
        pending=pending,
    )


def _source(row: tuple[Any, ...]) -> Source:
    return Source(
        document=row[0],
        title=row[1],
        url=row[2],
        published=_day(row[3]),
        source=row[4],
        trigger=row[5],
        span=(row[6], row[7]),
        quote=row[8],
    )


def _history(row: tuple[Any, ...]) -> HistoryEntry:
    return HistoryEntry(
        at=_instant(row[0]),
        from_status=row[1],
        to_status=row[2],
        due_before=_optional_day(row[3]),
        due_after=_optional_day(row[4]),
        note=row[5],
        document=row[6],
        quote=row[7],
    )


def _pending(row: tuple[Any, ...]) -> PendingChange:
    return PendingChange(
        id=row[0],
        kind=row[1],
        new_due=_optional_day(row[2]),
        old_due=_optional_day(row[3]),
        shift=row[4],
        quote=row[5],
        reason=row[6],
        document=row[7],
        source=row[8],
        published=_day(row[9]),
    )


def _day(value: Any) -> date:
    """A DATE column: psycopg gives a date, sqlite3 the ISO text SQLAlchemy stored."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def _optional_day(value: Any) -> date | None:
    return None if value is None else _day(value)


def _instant(value: Any) -> datetime:
    """A UTC timestamp column (tracker.store.types.UTCDateTime): SQLite stores it naive."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
