"""One happening, dated by one source and mentioned without a date by another: one event."""

from __future__ import annotations

from datetime import date

import pytest

from tests.integration.items.factories import document_factory, event_factory, extraction_factory
from tracker.config import Settings
from tracker.services.ingest import content_hash, store_extraction
from tracker.store import repository
from tracker.store.session import read_session

DATED = "Für den heutigen Mittwoch hatten die USA zu einem Ministertreffen eingeladen."
UNDATED = "Die Initiativen wurden nach einem Ministertreffen in Washington bekannt gegeben."


def _store(engine, now, text, published, events=()):
    extraction = extraction_factory(published=published, events=events)
    doc = document_factory(text, name=text[:10])
    return store_extraction(engine, Settings(), now, doc, content_hash(text), extraction)


def _event_sources(engine):
    with read_session(engine) as session:
        return [[s.trigger for s in e.sources] for e in repository.list_events(session)]


@pytest.mark.parametrize("dated_first", [True, False])
def test_undated_mention_becomes_evidence_of_the_dated_event(engine, now, dated_first):
    meeting = event_factory(trigger="heutigen Mittwoch", span=(8, 25), date=date(2026, 2, 4))
    steps = [
        lambda: _store(engine, now, DATED, date(2026, 2, 4), [meeting]),
        lambda: _store(engine, now, UNDATED, date(2026, 2, 5)),
    ]
    outcomes = [step() for step in (steps if dated_first else steps[::-1])]
    assert sum(o.mentions_linked for o in outcomes) == 1
    assert _event_sources(engine) == [["heutigen Mittwoch", "Ministertreffen"]]


def test_mention_far_from_the_event_is_not_linked(engine, now):
    meeting = event_factory(trigger="heutigen Mittwoch", span=(8, 25), date=date(2026, 2, 4))
    _store(engine, now, DATED, date(2026, 2, 4), [meeting])
    outcome = _store(engine, now, UNDATED, date(2026, 4, 1))
    assert outcome.mentions_linked == 0
    assert _event_sources(engine) == [["heutigen Mittwoch"]]


def test_generic_event_keys_are_not_linked(engine, now):
    announced = event_factory(key="announcement", date=date(2026, 2, 4))
    _store(engine, now, "Am Mittwoch wurde es angekündigt.", date(2026, 2, 4), [announced])
    outcome = _store(engine, now, "Es wurde etwas angekündigt.", date(2026, 2, 5))
    assert outcome.mentions_linked == 0
