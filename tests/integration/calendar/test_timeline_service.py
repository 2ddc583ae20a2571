from __future__ import annotations

from datetime import date, timedelta

from tests.integration.calendar.factory import ItemSpec, add_item
from tracker.services.calendar import timeline
from tracker.store.session import transaction

TODAY = date(2026, 2, 5)


def test_timeline_shows_the_deadlines_nearest_to_today(engine):
    with transaction(engine) as session:
        for offset in range(-5, 6):
            add_item(session, ItemSpec(f"Frist {offset:+d}", TODAY + timedelta(days=offset)))
        add_item(session, ItemSpec("Ohne Datum", None))

    page = timeline(engine, today=TODAY, past=2, ahead=3)

    assert [i.description for i in page.items] == [
        "Frist -2",
        "Frist -1",
        "Frist +0",
        "Frist +1",
        "Frist +2",
        "Ohne Datum",
    ]
    assert (page.more_before, page.more_after) == (True, True)


def test_timeline_with_everything_on_one_page(engine, seeded):
    page = timeline(engine, today=TODAY)

    assert len(page.items) == 8
    assert len(page.events) == 2
    assert (page.more_before, page.more_after) == (False, False)


def test_timeline_filters_by_status(engine, seeded):
    page = timeline(engine, today=TODAY, statuses=["met", "missed"])
    assert sorted(i.status for i in page.items) == ["met", "missed"]
