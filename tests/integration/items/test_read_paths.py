"""Both read paths give identical rows: the bare driver (listing commands), SQLAlchemy's
connection and session (services, a just-migrated database), and the ORM mapping itself."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from tests.conftest import SEEDS
from tests.integration.items.factories import (
    commitment_factory,
    document_factory,
    event_factory,
    extraction_factory,
    undated_factory,
)
from tracker.clock import FixedClock
from tracker.config import Settings
from tracker.models import STATUS_WORDS, EventView
from tracker.services import items as changes
from tracker.services import listing
from tracker.services.ingest import content_hash, ingest_document, store_extraction
from tracker.sources.readers import SourceDocument
from tracker.store import direct, repository
from tracker.store import tables as t
from tracker.store.reader import Reader
from tracker.store.session import read_session, transaction

LATER = datetime(2026, 2, 6, 8, 30, 15, 123456, tzinfo=UTC)


@pytest.fixture
def populated(engine, now):
    """The seeds, plus items with several actors, sources and history entries."""
    settings = Settings()
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        ingest_document(engine, settings, FixedClock(now), SourceDocument(path.name, text))
    actors = ["Österreich", "Zypern", "ägypten", "Europäische Union"]
    commitments = [
        commitment_factory(due=date(2026, 3, 1 + n), actors=actors, span=(n * 10, n * 10 + 5))
        for n in range(5)
    ]
    extraction = extraction_factory(
        commitments=commitments,
        undated=[undated_factory(anchor=date(2026, 2, 5), anchor_kind="published")],
        events=[event_factory(date=date(2026, 1, 31), date_precision="month")],
    )
    for name in ("../texts/a.txt", "b.md"):  # the same commitments from two sources: merged
        text = f"text of {name}"
        doc = document_factory(text, name=name, url=None)
        store_extraction(engine, settings, now, doc, content_hash(text), extraction)
    with read_session(engine) as session:
        ids = list(session.scalars(select(t.Item.id).order_by(t.Item.id)))
    changes.extend(engine, settings, FixedClock(LATER), ids[-2], date(2026, 6, 1), "später")
    changes.set_status(engine, settings, FixedClock(LATER), ids[-3], "met", None)
    _follow_up(engine, ids[0], ids[1])
    return ids


def _follow_up(engine, changed: int, waiting: int) -> None:
    """A history entry caused by a later text (its quote kept), and a change pending review."""
    with transaction(engine) as session:
        doc = session.scalars(select(t.Document).order_by(t.Document.id)).first()
        item = session.get(t.Item, changed)
        item.history.append(
            t.StatusChange(
                from_status="open",
                to_status="extended",
                due_before=item.due_on,
                due_after=date(2026, 7, 1),
                note="postponed per b.md",
                at=LATER,
                document_id=doc.id,
                quote="Die Frist wurde auf den 1. Juli verschoben.",
            )
        )
        for kind, new_due in (("conflict", date(2026, 5, 4)), ("postponed", None)):
            session.add(
                t.ItemChange(
                    document_id=doc.id, item_id=waiting, kind=kind, state="pending",
                    trigger="verschoben", span_start=3, span_end=13, quote="„Zitat“ mit Umlaut: ä",
                    context="", new_due=new_due, old_due=date(2026, 3, 2), shift="2 week",
                    actors="", confidence=0.8, reason="2 close candidates", created_at=LATER,
                )
            )  # fmt: skip


def _orm_items(engine, ids):
    loads = (
        selectinload(t.Item.evidence).selectinload(t.Evidence.document),
        selectinload(t.Item.history),
        selectinload(t.Item.actors),
        selectinload(t.Item.pending).selectinload(t.ItemChange.document),
    )
    with read_session(engine) as session:
        rows = session.scalars(select(t.Item).where(t.Item.id.in_(ids)).options(*loads))
        by_id = {row.id: repository.to_item_view(row) for row in rows}
    return [by_id[i] for i in ids]


def _orm_events(engine):
    query = (
        select(t.Event)
        .options(selectinload(t.Event.evidence).selectinload(t.EventEvidence.document))
        .order_by(t.Event.occurred_on, t.Event.id)
    )
    with read_session(engine) as session:
        return [
            EventView(
                id=row.id,
                date=row.occurred_on,
                date_precision=row.date_precision,
                description=row.description,
                sources=[repository._source(ev) for ev in row.evidence],
            )
            for row in session.scalars(query)
        ]


def _direct(db_url):
    connection = direct.connect(db_url)
    assert connection is not None
    return connection


def test_items_and_events_are_identical_on_every_path(db_url, engine, populated):
    ids = populated
    connection = _direct(db_url)
    try:
        with direct.reading(connection) as fast:
            fast_items, fast_events = fast.items(ids), fast.events()
    finally:
        connection.close()
    pooled = engine.raw_connection()
    try:
        with direct.reading(pooled.driver_connection) as full:
            full_items, full_events = full.items(ids), full.events()
    finally:
        pooled.close()
    with read_session(engine) as session:
        session_items = repository.load_items(session, ids)
        session_events = repository.list_events(session)
    orm_items, orm_events = _orm_items(engine, ids), _orm_events(engine)
    assert len(fast_items) == len(ids)
    assert fast_events
    assert fast_items == full_items == session_items == orm_items
    assert fast_events == full_events == session_events == orm_events
    extended = next(i for i in fast_items if i.status == "extended")
    assert extended.history[-1].at == LATER  # microseconds and UTC survive both drivers
    assert {i.anchor_kind for i in fast_items} <= {"publication", "signing", "explicit", None}
    assert fast_items[0].history[-1].quote == "Die Frist wurde auf den 1. Juli verschoben."
    assert [c.kind for c in fast_items[1].pending] == ["conflict", "postponed"]


@pytest.mark.parametrize("sort", listing.SORTS)
def test_listings_are_identical_on_the_driver_and_in_a_session(db_url, engine, populated, sort):
    as_of = date(2026, 3, 3)
    selections = [
        ((), None, None),
        (("open", "overdue"), None, None),
        (("extended", "met"), None, date(2026, 12, 31)),
        (STATUS_WORDS, date(2026, 3, 2), date(2026, 3, 4)),
    ]
    for words, due_from, due_to in selections:
        filters = {"words": words, "due_from": due_from, "due_to": due_to, "as_of": as_of}
        connection = _direct(db_url)
        try:
            with direct.reading(connection) as fast:
                fast_page = listing.list_items(fast, sort=sort, limit=4, offset=1, **filters)
        finally:
            connection.close()
        with read_session(engine) as session:
            inner = repository.reader(session)
            session_page = listing.list_items(inner, sort=sort, limit=4, offset=1, **filters)
        assert fast_page == session_page, (words, due_from, due_to)


def test_a_session_reads_its_own_pending_changes(engine, populated):
    with read_session(engine) as session:
        item = session.get(t.Item, populated[0])
        item.description = "changed, not committed"
        [view] = Reader(session.connection().connection.driver_connection).items([item.id])
        assert view.description != "changed, not committed"  # not flushed yet
        assert repository.get_item(session, item.id).description == "changed, not committed"
        session.rollback()


def test_repository_list_items_keeps_its_filters(engine, populated):
    with read_session(engine) as session:
        everything = repository.list_items(session)
        dated = repository.list_items(session, dated_only=True)
        met = repository.list_items(session, statuses=["met"])
    assert [i.id for i in dated] == [i.id for i in everything if i.due is not None]
    assert [i.status for i in met] == ["met"]
    assert everything[-1].due is None
