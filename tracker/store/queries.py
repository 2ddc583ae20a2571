"""The SQL of every listing query, kept once and run by every path.

The bare-driver read path (listing commands) and the ORM path (services inside a transaction,
the calendar, a database that was just migrated) both hand these statements to
`tracker.store.reader.Reader`, which binds the parameters for the driver at hand. Parameters
are written `:name`; a list or tuple value expands to one placeholder per element. The schema
itself is defined once in `tracker.store.tables` (and its migrations); tests run every statement
here against a migrated database on SQLite and PostgreSQL and compare the rows with the ORM's.

A new listing query goes here as SQL (or a function building it), with a `Reader` method that
runs it and builds its view; both paths then have it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

Query = tuple[str, dict[str, Any]]
Keys = tuple[str, ...]

REVISION = "SELECT version_num FROM alembic_version"

ITEMS = (
    "SELECT id, description, due_on, due_precision, status, anchor_on, anchor_kind,"
    " confidence, version, created_at, updated_at FROM items WHERE id IN (:ids)"
)
ITEM_ACTORS = (
    "SELECT ia.item_id, a.name FROM item_actors ia JOIN actors a ON a.id = ia.actor_id"
    " WHERE ia.item_id IN (:ids) ORDER BY ia.item_id, a.name, a.id"
)
# The document's metadata only: its text is never read to print where an item came from.
_SOURCE = (
    "d.id, d.title, d.url, d.published_on, d.source, e.trigger, e.span_start, e.span_end, e.quote"
)
ITEM_SOURCES = (
    f"SELECT e.item_id, {_SOURCE} FROM evidence e JOIN documents d ON d.id = e.document_id"
    " WHERE e.item_id IN (:ids) ORDER BY e.item_id, e.id"
)
ITEM_HISTORY = (
    "SELECT item_id, at, from_status, to_status, due_before, due_after, note, document_id, quote"
    " FROM status_changes WHERE item_id IN (:ids) ORDER BY item_id, id"
)
# Change statements and conflicting dates waiting for review on these items.
ITEM_PENDING = (
    "SELECT c.item_id, c.id, c.kind, c.new_due, c.old_due, c.shift, c.quote, c.reason,"
    " d.id, d.source, d.published_on FROM item_changes c JOIN documents d ON d.id = c.document_id"
    " WHERE c.state = 'pending' AND c.item_id IN (:ids) ORDER BY c.item_id, c.id"
)
EVENT_SOURCES = (
    f"SELECT e.event_id, {_SOURCE} FROM event_evidence e JOIN documents d ON d.id = e.document_id"
    " WHERE e.event_id IN (:ids) ORDER BY e.event_id, e.id"
)
_ACTOR_FILTER = (
    "id IN (SELECT ia.item_id FROM item_actors ia JOIN actors a ON a.id = ia.actor_id"
    " WHERE a.key IN (:actor_keys))"
)
# Sort keys of `list --sort` and their columns; `due` walks an index per status (see Reader).
SORT_COLUMNS = {"due": "due_on", "id": "id", "updated": "updated_at"}


@dataclass(frozen=True)
class Slice:
    """Items with one of `statuses` (none: any) due in [due_from, due_to] (None: open-ended),
    plus the undated ones of those statuses when `undated` is set."""

    statuses: tuple[str, ...] = ()
    due_from: date | None = None
    due_to: date | None = None
    undated: bool = True


@dataclass(frozen=True)
class Selection:
    """Which items a listing wants, in which order, and which page of them."""

    slices: tuple[Slice, ...] = (Slice(),)
    actor_keys: tuple[str, ...] = ()
    sort: str = "due"
    descending: bool = False
    limit: int | None = None  # None: all
    offset: int = 0


def dated_ids(
    part: Slice, status: str | None, actor_keys: Keys, limit: int | None, *, descending: bool
) -> Query:
    """Dated items of one status (None: any) in due order: an index walk that stops at `limit`."""
    condition, params = _range(part)
    order = "due_on DESC, id DESC" if descending else "due_on, id"
    return _ids("due_on, id", condition, params, status, actor_keys, order, limit)


def undated_ids(
    status: str | None, actor_keys: Keys, limit: int | None, *, descending: bool
) -> Query:
    """Undated items of one status (None: any) by id."""
    order = "id DESC" if descending else "id"
    return _ids("id", "due_on IS NULL", {}, status, actor_keys, order, limit)


def sorted_ids(selection: Selection, limit: int | None) -> Query:
    """Ids of the items of every slice in one query, ordered by a column other than the due date."""
    params: dict[str, Any] = {}
    alternatives = []
    for number, part in enumerate(selection.slices):
        condition, bound = _range(part, suffix=str(number))
        params.update(bound)
        if part.undated:
            condition = f"({condition} OR due_on IS NULL)" if bound else "1 = 1"
        if part.statuses:
            params[f"statuses{number}"] = part.statuses
            condition = f"status IN (:statuses{number}) AND {condition}"
        alternatives.append(f"({condition})")
    where = " OR ".join(alternatives)
    if selection.actor_keys:
        params["actor_keys"] = selection.actor_keys
        where = f"({where}) AND {_ACTOR_FILTER}"
    column = SORT_COLUMNS[selection.sort]
    direction = " DESC" if selection.descending else ""
    order = f"{column}{direction}" + ("" if column == "id" else f", id{direction}")
    return _limit(f"SELECT id FROM items WHERE {where} ORDER BY {order}", params, limit)


def events(date_from: date | None, date_to: date | None, limit: int | None) -> Query:
    """Events of a period in date order."""
    where, params = [], {}
    if date_from is not None:
        where.append("occurred_on >= :date_from")
        params["date_from"] = date_from
    if date_to is not None:
        where.append("occurred_on <= :date_to")
        params["date_to"] = date_to
    sql = "SELECT id, occurred_on, date_precision, description FROM events"
    sql += f" WHERE {' AND '.join(where)}" if where else ""
    return _limit(sql + " ORDER BY occurred_on, id", params, limit)


def _range(part: Slice, suffix: str = "") -> tuple[str, dict[str, Any]]:
    """The due-date condition of a slice's dated items, and its parameters."""
    conditions, params = [], {}
    if part.due_from is not None:
        conditions.append(f"due_on >= :due_from{suffix}")
        params[f"due_from{suffix}"] = part.due_from
    if part.due_to is not None:
        conditions.append(f"due_on <= :due_to{suffix}")
        params[f"due_to{suffix}"] = part.due_to
    return " AND ".join(conditions) or "due_on IS NOT NULL", params


def _ids(
    columns: str,
    condition: str,
    params: dict[str, Any],
    status: str | None,
    actor_keys: Keys,
    order: str,
    limit: int | None,
) -> Query:
    where, params = [condition], dict(params)
    if status is not None:
        where.insert(0, "status = :status")
        params["status"] = status
    if actor_keys:
        where.append(_ACTOR_FILTER)
        params["actor_keys"] = actor_keys
    sql = f"SELECT {columns} FROM items WHERE {' AND '.join(where)} ORDER BY {order}"
    return _limit(sql, params, limit)


def _limit(sql: str, params: dict[str, Any], limit: int | None) -> Query:
    if limit is None:
        return sql, params
    return f"{sql} LIMIT :limit", {**params, "limit": limit}
