"""Storing extractions: idempotent, merging the same commitment and event across sources."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from tests.integration.items.factories import (
    commitment_factory,
    document_factory,
    event_factory,
    extraction_factory,
    undated_factory,
)
from tracker.config import Settings
from tracker.services.ingest import content_hash, store_extraction
from tracker.store import repository
from tracker.store import tables as t
from tracker.store.session import read_session


@pytest.fixture
def settings():
    return Settings()


def _store(engine, settings, now, extraction, text="Some article text.", name="a.txt"):
    doc = document_factory(text, name=name)
    return store_extraction(engine, settings, now, doc, content_hash(text), extraction)


def _count(engine, table):
    with read_session(engine) as session:
        return session.scalar(select(func.count()).select_from(table))


def test_store_extraction_creates_items_events_and_history(engine, settings, now):
    extraction = extraction_factory(
        commitments=[commitment_factory()], undated=[undated_factory()], events=[event_factory()]
    )
    outcome = _store(engine, settings, now, extraction)
    assert outcome.state == "new"
    assert len(outcome.items_new) == 2
    assert outcome.events_new == 1
    with read_session(engine) as session:
        items = repository.list_items(session)
        events = repository.list_events(session)
    assert [i.due for i in items] == [date(2026, 3, 7), None]  # undated last
    memo = items[0]
    assert memo.status == "open"
    assert memo.actors == ["European Union", "United States"]
    assert memo.sources[0].trigger == "innerhalb von 30 Tagen"
    assert memo.sources[0].quote.startswith("Eine Absichtserklärung")
    assert [(h.from_status, h.to_status, h.due_after) for h in memo.history] == [
        (None, "open", date(2026, 3, 7))
    ]
    assert events[0].date == date(2026, 2, 4)


def test_store_extraction_same_document_twice_is_unchanged(engine, settings, now):
    extraction = extraction_factory(commitments=[commitment_factory()], events=[event_factory()])
    first = _store(engine, settings, now, extraction)
    second = _store(engine, settings, now, extraction)
    assert second.state == "unchanged"
    assert second.document_id == first.document_id
    assert _count(engine, t.Document) == 1
    assert _count(engine, t.Item) == 1
    assert _count(engine, t.Evidence) == 1
    assert _count(engine, t.EventEvidence) == 1


def test_store_extraction_same_commitment_two_sources_is_one_item(engine, settings, now):
    _store(engine, settings, now, extraction_factory(commitments=[commitment_factory()]))
    # An English source a day earlier: due one day earlier, a subset of the actors.
    english = commitment_factory(
        trigger="within 30 days",
        due=date(2026, 3, 6),
        actors=["United States"],
        quote="A memorandum of intent is expected within 30 days.",
    )
    outcome = _store(
        engine, settings, now, extraction_factory(commitments=[english]), text="Other text."
    )
    assert outcome.items_new == []
    assert len(outcome.items_merged) == 1
    with read_session(engine) as session:
        (item,) = repository.list_items(session)
    assert [s.trigger for s in item.sources] == ["innerhalb von 30 Tagen", "within 30 days"]
    assert item.due == date(2026, 3, 7)  # the first report's date stays; no silent change


def test_store_extraction_different_deliverable_or_far_due_is_another_item(engine, settings, now):
    _store(engine, settings, now, extraction_factory(commitments=[commitment_factory()]))
    plan = commitment_factory(deliverable="action plan", description="Action plan with Mexico")
    later = commitment_factory(due=date(2026, 6, 30))
    other_actors = commitment_factory(actors=["Japan"])
    extraction = extraction_factory(commitments=[plan, later, other_actors])
    outcome = _store(engine, settings, now, extraction, text="Different text.")
    assert len(outcome.items_new) == 3
    assert _count(engine, t.Item) == 4


def test_store_extraction_event_reported_twice_is_one_event(engine, settings, now):
    _store(engine, settings, now, extraction_factory(events=[event_factory()]))
    again = event_factory(trigger="on Wednesday", span=(5, 17), description="Ministerial meeting")
    outcome = _store(
        engine, settings, now, extraction_factory(events=[again]), text="English report."
    )
    assert outcome.events_merged == 1
    with read_session(engine) as session:
        (event,) = repository.list_events(session)
    assert len(event.sources) == 2


def test_store_extraction_undated_needs_the_same_actors_to_merge(engine, settings, now):
    _store(engine, settings, now, extraction_factory(undated=[undated_factory()]))
    narrower = undated_factory(actors=["United States"])
    outcome = _store(
        engine, settings, now, extraction_factory(undated=[narrower]), text="Another text."
    )
    assert len(outcome.items_new) == 1
