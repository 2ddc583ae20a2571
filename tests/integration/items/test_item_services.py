"""Status life, extensions with history, and the ORM-path listing (repository)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.integration.items.factories import (
    commitment_factory,
    document_factory,
    extraction_factory,
    undated_factory,
)
from tracker.clock import FixedClock
from tracker.config import Settings
from tracker.errors import NotFoundError, UsageError
from tracker.services import items as service
from tracker.services.ingest import content_hash, store_extraction
from tracker.store import repository
from tracker.store.session import read_session


@pytest.fixture
def settings():
    return Settings()


@pytest.fixture
def seeded(engine, settings, now):
    """Three dated items (due 2026-02-01, 2026-03-07, 2026-04-06) and one undated."""
    commitments = [
        commitment_factory(due=date(2026, 2, 1), deliverable="report", span=(0, 5)),
        commitment_factory(due=date(2026, 3, 7), span=(6, 10)),
        commitment_factory(due=date(2026, 4, 6), deliverable="action plan", span=(11, 15)),
    ]
    extraction = extraction_factory(commitments=commitments, undated=[undated_factory()])
    text = "seeded text"
    store_extraction(engine, settings, now, document_factory(text), content_hash(text), extraction)
    with read_session(engine) as session:
        return {i.due: i.id for i in repository.list_items(session)}


def test_set_status_records_history_and_bumps_version(engine, settings, now, seeded):
    item_id = seeded[date(2026, 3, 7)]
    clock = FixedClock(now + timedelta(days=1))
    item = service.set_status(engine, settings, clock, item_id, "met", "signed")
    assert item.status == "met"
    assert item.version == 2
    last = item.history[-1]
    assert (last.from_status, last.to_status, last.note) == ("open", "met", "signed")
    assert last.at == now + timedelta(days=1)


def test_set_status_same_status_adds_no_history(engine, settings, now, seeded):
    item_id = seeded[date(2026, 3, 7)]
    item = service.set_status(engine, settings, FixedClock(now), item_id, "open", None)
    assert len(item.history) == 1
    assert item.version == 1


def test_set_status_extended_only_restores_an_extension(engine, settings, now, seeded):
    with pytest.raises(UsageError, match="was never extended: use `tracker extend"):
        service.set_status(engine, settings, FixedClock(now), seeded[None], "extended", None)
    with pytest.raises(UsageError, match="overdue follows from the due date"):
        service.set_status(engine, settings, FixedClock(now), seeded[None], "overdue", None)
    item_id = seeded[date(2026, 4, 6)]
    service.extend(engine, settings, FixedClock(now), item_id, date(2026, 5, 6), None)
    service.set_status(engine, settings, FixedClock(now), item_id, "missed", "by mistake")
    item = service.set_status(engine, settings, FixedClock(now), item_id, "extended", "undo")
    assert (item.status, item.due) == ("extended", date(2026, 5, 6))
    assert [h.to_status for h in item.history] == ["open", "extended", "missed", "extended"]


def test_extend_keeps_the_old_date_in_history(engine, settings, now, seeded):
    item_id = seeded[date(2026, 4, 6)]
    item = service.extend(engine, settings, FixedClock(now), item_id, date(2026, 5, 6), "30 more")
    assert (item.status, item.due, item.due_precision) == ("extended", date(2026, 5, 6), "day")
    last = item.history[-1]
    assert (last.due_before, last.due_after, last.to_status) == (
        date(2026, 4, 6),
        date(2026, 5, 6),
        "extended",
    )
    with pytest.raises(UsageError, match="already due"):
        service.extend(engine, settings, FixedClock(now), item_id, date(2026, 5, 6), None)


def test_unknown_item_is_not_found(engine, settings, now, seeded):
    with pytest.raises(NotFoundError, match="no item with id 999"):
        service.set_status(engine, settings, FixedClock(now), 999, "met", None)


def test_list_items_filters_and_orders(engine, seeded):
    with read_session(engine) as session:
        everything = repository.list_items(session)
        limited = repository.list_items(session, limit=2)
        ranged = repository.list_items(session, due_from=date(2026, 3, 1), due_to=date(2026, 4, 6))
        by_actor = repository.list_items(session, actor_keys=["mexico"])
        multi = repository.list_items(session, statuses=["open", "extended"], limit=3)
    assert [i.due for i in everything] == [
        date(2026, 2, 1),
        date(2026, 3, 7),
        date(2026, 4, 6),
        None,
    ]
    assert [i.due for i in limited] == [date(2026, 2, 1), date(2026, 3, 7)]
    assert [i.due for i in ranged] == [date(2026, 3, 7), date(2026, 4, 6)]
    assert [i.due for i in by_actor] == [None]
    assert [i.due for i in multi] == [date(2026, 2, 1), date(2026, 3, 7), date(2026, 4, 6)]
