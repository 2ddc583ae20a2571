"""The listing use cases on the bare-driver read path: status words, order, pages, timeline."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta

import pytest

from tests.integration.items.factories import (
    commitment_factory,
    document_factory,
    event_factory,
    extraction_factory,
    undated_factory,
)
from tracker.clock import FixedClock
from tracker.config import Settings
from tracker.models import STATUS_WORDS, status_word
from tracker.services import items as changes
from tracker.services import listing
from tracker.services.ingest import content_hash, store_extraction
from tracker.store import direct
from tracker.store.reader import Reader


@contextmanager
def reading(url: str) -> Iterator[Reader]:
    connection = direct.connect(url)
    assert connection is not None, "a database at the current revision takes the driver path"
    try:
        with direct.reading(connection) as reader:
            yield reader
    finally:
        connection.close()


@pytest.fixture
def settings():
    return Settings()


@pytest.fixture
def seeded(engine, settings, now, db_url):
    """Items due 2026-02-01, 2026-03-07 and 2026-04-06, one undated, and two events."""
    commitments = [
        commitment_factory(due=date(2026, 2, 1), deliverable="report", span=(0, 5)),
        commitment_factory(due=date(2026, 3, 7), span=(6, 10)),
        commitment_factory(due=date(2026, 4, 6), deliverable="action plan", span=(11, 15)),
    ]
    events = [
        event_factory(date=date(2026, 2, 4), span=(20, 25)),
        event_factory(date=date(2026, 3, 7), key="summit", description="Summit", span=(30, 35)),
    ]
    extraction = extraction_factory(
        commitments=commitments, undated=[undated_factory()], events=events
    )
    text = "seeded text"
    store_extraction(engine, settings, now, document_factory(text), content_hash(text), extraction)
    with reading(db_url) as reader:
        page = listing.list_items(reader, as_of=date(2026, 2, 5))
    return {i.due: i.id for i in page.items}


def test_upcoming_splits_overdue_and_window(db_url, engine, settings, now, seeded):
    with reading(db_url) as reader:
        view = listing.upcoming(reader, as_of=date(2026, 2, 5), days=29, limit=10)
        assert [i.due for i in view.overdue] == [date(2026, 2, 1)]
        assert view.due == []  # 2026-03-07 is 30 days after 2026-02-05: just outside
        inclusive = listing.upcoming(reader, as_of=date(2026, 2, 5), days=30, limit=10)
        assert [i.due for i in inclusive.due] == [date(2026, 3, 7)]
        wider = listing.upcoming(reader, as_of=date(2026, 2, 5), days=60, limit=10)
        assert [i.due for i in wider.due] == [date(2026, 3, 7), date(2026, 4, 6)]
    changes.set_status(engine, settings, FixedClock(now), seeded[date(2026, 2, 1)], "met", None)
    with reading(db_url) as reader:
        assert listing.upcoming(reader, as_of=date(2026, 2, 5), days=60, limit=10).overdue == []


def test_upcoming_limit_reports_more(db_url, seeded):
    with reading(db_url) as reader:
        view = listing.upcoming(reader, as_of=date(2026, 1, 1), days=365, limit=2)
        assert [i.due for i in view.due] == [date(2026, 2, 1), date(2026, 3, 7)]
        assert view.has_more
        rest = listing.upcoming(reader, as_of=date(2026, 1, 1), days=365, limit=2, offset=2)
        assert [i.due for i in rest.due] == [date(2026, 4, 6)]
        assert not rest.has_more


@pytest.mark.parametrize("as_of", [date(2026, 3, 10), date(2026, 3, 25)])
def test_status_words_partition_the_items(db_url, engine, settings, now, seeded, as_of):
    clock = FixedClock(now)
    changes.extend(engine, settings, clock, seeded[date(2026, 3, 7)], date(2026, 3, 20), None)
    changes.set_status(engine, settings, clock, seeded[date(2026, 4, 6)], "met", None)
    with reading(db_url) as reader:
        everything = listing.list_items(reader, as_of=as_of).items
        found = {w: listing.list_items(reader, words=[w], as_of=as_of).items for w in STATUS_WORDS}
    for word, items in found.items():
        assert all(status_word(i, as_of) == word for i in items), word
    ids = [i.id for items in found.values() for i in items]
    assert sorted(ids) == sorted(i.id for i in everything)  # every item under exactly one word
    extended = seeded[date(2026, 3, 7)]
    expected = "extended" if as_of < date(2026, 3, 20) else "overdue"
    assert extended in {i.id for i in found[expected]}
    assert [i.id for i in found["open"]] == [seeded[None]]  # the overdue open item is not open


def test_status_words_combine_with_a_date_range(db_url, seeded):
    with reading(db_url) as reader:
        page = listing.list_items(
            reader,
            words=["overdue", "open"],
            as_of=date(2026, 3, 10),
            due_from=date(2026, 3, 1),
            due_to=date(2026, 4, 30),
        )
    # 2026-03-07 is overdue on 2026-03-10, 2026-04-06 open; the range leaves out undated items.
    assert [(i.due, status_word(i, date(2026, 3, 10))) for i in page.items] == [
        (date(2026, 3, 7), "overdue"),
        (date(2026, 4, 6), "open"),
    ]


def test_list_sorts_and_pages(db_url, engine, settings, now, seeded):
    later = FixedClock(now + timedelta(hours=1))
    changes.set_status(engine, settings, later, seeded[date(2026, 3, 7)], "missed", None)
    as_of = date(2026, 2, 5)
    with reading(db_url) as reader:

        def dues(sort: str, **page: int) -> list[date | None]:
            return [i.due for i in listing.list_items(reader, as_of=as_of, sort=sort, **page).items]

        ordered = [date(2026, 2, 1), date(2026, 3, 7), date(2026, 4, 6)]
        assert dues("due") == [*ordered, None]
        assert dues("-due") == [*ordered[::-1], None]  # undated last either way
        assert dues("id") == [*ordered, None]  # found in this order
        assert dues("-id") == [None, *ordered[::-1]]
        assert dues("-updated")[0] == date(2026, 3, 7)  # the latest change first
        assert dues("due", limit=2) == ordered[:2]
        assert dues("due", limit=2, offset=2) == [ordered[2], None]
        page = listing.list_items(reader, as_of=as_of, limit=2, offset=1)
        assert page.more
        assert not listing.list_items(reader, as_of=as_of, limit=2, offset=2).more
        assert dues("id", limit=1, offset=3) == [None]


def test_list_by_actor_alias(db_url, seeded):
    keys = listing.actor_keys(["Mexiko"])
    with reading(db_url) as reader:
        page = listing.list_items(reader, actor_keys=keys, as_of=date(2026, 2, 5))
        by_id = listing.list_items(reader, actor_keys=keys, as_of=date(2026, 2, 5), sort="id")
    assert [i.due for i in page.items] == [None]
    assert [i.id for i in by_id.items] == [i.id for i in page.items]


def test_timeline_pages_through_one_chronology(db_url, seeded):
    with reading(db_url) as reader:
        whole = listing.timeline(reader, date_from=None, date_to=None)
        pages = [
            listing.timeline(reader, date_from=None, date_to=None, limit=2, offset=offset)
            for offset in (0, 2, 4)
        ]
        ranged = listing.timeline(
            reader, date_from=date(2026, 3, 1), date_to=date(2026, 3, 31), limit=10
        )

    def chronology(found: listing.Timeline) -> list[tuple[date, str]]:
        rows = [(e.date, "event") for e in found.events]
        rows += [(i.due, "item") for i in found.items if i.due is not None]
        return sorted(rows)

    assert chronology(whole) == [
        (date(2026, 2, 1), "item"),
        (date(2026, 2, 4), "event"),
        (date(2026, 3, 7), "event"),  # an event comes first on its day
        (date(2026, 3, 7), "item"),
        (date(2026, 4, 6), "item"),
    ]
    assert [p.more for p in pages] == [True, True, False]
    assert [row for p in pages for row in chronology(p)] == chronology(whole)
    assert chronology(ranged) == [(date(2026, 3, 7), "event"), (date(2026, 3, 7), "item")]
