"""The listing SQL: parameters bound for each driver, status words as index-friendly slices."""

from __future__ import annotations

from datetime import date

from tracker.services.listing import slices
from tracker.store import queries as q
from tracker.store.queries import Slice
from tracker.store.reader import bind


def test_bind_expands_lists_per_driver():
    sql, args = bind(
        "SELECT 1 WHERE a IN (:ids) AND d >= :day",
        {"ids": [1, 2], "day": date(2026, 1, 2)},
        qmark=True,
    )
    assert sql == "SELECT 1 WHERE a IN (?, ?) AND d >= ?"
    assert args == [1, 2, "2026-01-02"]  # SQLite holds the ISO text SQLAlchemy writes
    sql, args = bind(
        "SELECT 1 WHERE a IN (:ids) AND d >= :day",
        {"ids": (3,), "day": date(2026, 1, 2)},
        qmark=False,
    )
    assert sql == "SELECT 1 WHERE a IN (%s) AND d >= %s"
    assert args == [3, date(2026, 1, 2)]
    assert bind("SELECT 1 WHERE a IN (:ids)", {"ids": []}, qmark=True) == (
        "SELECT 1 WHERE a IN (NULL)",
        [],
    )
    assert bind("SELECT x::date", {}, qmark=False) == ("SELECT x::date", [])


def test_status_words_become_disjoint_slices():
    as_of = date(2026, 3, 10)
    assert slices([], as_of=as_of, due_from=None, due_to=None) == (Slice(),)
    found = slices(
        ["open", "overdue", "open"], as_of=as_of, due_from=None, due_to=date(2026, 3, 31)
    )
    assert found == (
        Slice(("open",), date(2026, 3, 10), date(2026, 3, 31), undated=False),
        Slice(("open", "extended"), None, date(2026, 3, 9), undated=False),
    )
    assert slices(["met"], as_of=as_of, due_from=None, due_to=None) == (Slice(("met",)),)


def test_the_due_walk_is_one_status_at_a_time():
    sql, params = q.dated_ids(
        Slice(("open",), date(2026, 1, 1)), "open", ("usa",), 11, descending=True
    )
    assert sql.startswith(
        "SELECT due_on, id FROM items WHERE status = :status AND due_on >= :due_from"
    )
    assert sql.endswith("ORDER BY due_on DESC, id DESC LIMIT :limit")
    assert params == {
        "due_from": date(2026, 1, 1),
        "status": "open",
        "actor_keys": ("usa",),
        "limit": 11,
    }


def test_other_sorts_are_one_query():
    selection = q.Selection(
        slices=(Slice(("met",)), Slice(("open",), None, date(2026, 1, 1))), sort="updated"
    )
    sql, params = q.sorted_ids(selection, 5)
    first = "(status IN (:statuses0) AND 1 = 1)"
    second = "(status IN (:statuses1) AND (due_on <= :due_to1 OR due_on IS NULL))"
    assert f"WHERE {first} OR {second} ORDER BY" in sql
    assert sql.endswith("ORDER BY updated_at, id LIMIT :limit")
    assert params["limit"] == 5
