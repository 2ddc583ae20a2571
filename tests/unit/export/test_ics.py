from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
import vobject

from tests.unit.export.factories import UPDATED_AT, item_factory, moved, prop, source_factory
from tracker.export.ics import (
    UndatedItemError,
    build_calendar,
    calendar_bytes,
    item_to_ics,
    item_uid,
    render_format,
    vevent_bytes,
)

NOW = datetime(2026, 2, 7, 8, 0, tzinfo=UTC)
LEADS = [timedelta(days=7), timedelta(days=1), timedelta(0)]


def _event(body: bytes) -> icalendar.Event:
    [event] = icalendar.Calendar.from_ical(body).events
    return event


def test_item_to_ics_is_a_calendar_with_one_all_day_event():
    calendar = icalendar.Calendar.from_ical(item_to_ics(item_factory(), now=NOW, leads=LEADS))
    [event] = calendar.events

    assert str(calendar["VERSION"]) == "2.0"
    assert "tracker" in str(calendar["PRODID"])
    assert event.start == date(2026, 3, 7)
    assert event.end == date(2026, 3, 8)  # DTEND is exclusive: the next day
    assert prop(event, "DTSTART").params["VALUE"] == "DATE"
    assert prop(event, "DTSTAMP").dt == NOW
    assert prop(event, "LAST-MODIFIED").dt == UPDATED_AT
    assert str(event["SUMMARY"]) == "Absichtserklärung zu kritischen Mineralien"
    assert event.categories == ["United States", "European Union", "Japan"]
    assert str(event["URL"]) == "https://www.rohstoff-welt.de/news/721408.html"
    assert str(event["TRANSP"]) == "TRANSPARENT"
    assert "STATUS" not in event


def test_item_to_ics_description_holds_status_actors_and_evidence():
    item = item_factory(sources=[source_factory(), source_factory(url=None, quote="Zweite Quelle")])
    description = str(_event(item_to_ics(item, now=NOW, leads=LEADS))["DESCRIPTION"])

    assert "Status: open" in description
    assert "Actors: United States, European Union, Japan" in description
    assert "Tracker item: #7" in description
    assert "Absichtserklärung wird innerhalb von 30 Tagen erwartet." in description
    assert "Rohstoff-Welt.de, 2026-02-05" in description
    assert "Evidence 2: “Zweite Quelle”" in description


def test_item_to_ics_alarms_match_the_lead_times():
    event = _event(item_to_ics(item_factory(), now=NOW, leads=LEADS))

    triggers = [prop(alarm, "TRIGGER").dt for alarm in event.walk("VALARM")]
    assert triggers == [-timedelta(days=7), -timedelta(days=1), timedelta(0)]
    for alarm in event.walk("VALARM"):
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert prop(alarm, "TRIGGER").params.get("RELATED", "START") == "START"
        assert "Absichtserklärung" in str(alarm["DESCRIPTION"])


@pytest.mark.parametrize("status", ["met", "missed", "cancelled"])
def test_item_to_ics_closed_items_have_no_alarms(status):
    event = _event(item_to_ics(item_factory(status=status), now=NOW, leads=LEADS))
    assert event.walk("VALARM") == []


def test_item_to_ics_cancelled_item_is_status_cancelled():
    event = _event(item_to_ics(item_factory(status="cancelled"), now=NOW, leads=LEADS))
    assert str(event["STATUS"]) == "CANCELLED"


def test_item_to_ics_undated_item_raises():
    with pytest.raises(UndatedItemError):
        item_to_ics(item_factory(due=None), now=NOW, leads=LEADS)


def test_item_to_ics_sequence_rises_with_the_version():
    first = _event(item_to_ics(item_factory(), now=NOW, leads=LEADS))
    moved_item = item_factory(
        due=date(2026, 3, 20), version=3, history=[moved(date(2026, 3, 7), date(2026, 3, 20))]
    )
    second = _event(item_to_ics(moved_item, now=NOW, leads=LEADS))

    assert prop(first, "SEQUENCE") == 0
    assert prop(second, "SEQUENCE") == 2
    assert second["UID"] == first["UID"]
    assert "Moved: 2026-03-07 -> 2026-03-20" in str(second["DESCRIPTION"])


def test_item_uid_depends_on_the_evidence_not_the_row_id():
    same_elsewhere = item_factory(id=912, created_at=NOW)
    other_article = item_factory(sources=[source_factory(url="https://example.org/other")])
    later_evidence = item_factory(sources=[source_factory(), source_factory(quote="mehr")])
    same_sentence = item_factory(description="Aktionsplan mit Mexiko")

    uid = item_uid(item_factory())
    assert uid.startswith("item-")
    assert uid.endswith("@tracker")
    assert item_uid(same_elsewhere) == uid
    assert item_uid(later_evidence) == uid
    assert item_uid(other_article) != uid
    assert item_uid(same_sentence) != uid


def test_item_uid_without_evidence_uses_id_and_creation():
    assert item_uid(item_factory(sources=[])) == "item-7-20260205T093000000000Z@tracker"
    assert item_uid(item_factory(sources=[], id=8)) != item_uid(item_factory(sources=[]))


def test_calendar_bytes_has_the_feed_properties():
    body = calendar_bytes([], name="Tracker deadlines", last_modified=UPDATED_AT)
    calendar = icalendar.Calendar.from_ical(body)

    assert str(calendar["NAME"]) == "Tracker deadlines"
    assert str(calendar["X-WR-CALNAME"]) == "Tracker deadlines"
    assert prop(calendar, "REFRESH-INTERVAL").dt == timedelta(hours=6)
    assert prop(calendar, "REFRESH-INTERVAL").params["VALUE"] == "DURATION"
    assert b"\r\nX-PUBLISHED-TTL:PT6H\r\n" in body
    assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n" in body
    assert "METHOD" not in calendar  # a published feed: DTSTAMP means "last revised"
    assert calendar_bytes([], name="Tracker deadlines", last_modified=UPDATED_AT) == body


def test_calendar_bytes_equals_the_fresh_serialisation():
    items = [
        item_factory(),
        item_factory(id=8, status="cancelled", sources=[source_factory(span=(1, 2))]),
        item_factory(id=9, due=date(2026, 10, 25), sources=[], actors=[]),
    ]
    fast = calendar_bytes(
        [vevent_bytes(i, leads=LEADS) for i in items], name="All", last_modified=UPDATED_AT
    )
    slow = build_calendar(items, name="All", leads=LEADS, last_modified=UPDATED_AT).to_ical()

    assert icalendar.Calendar.from_ical(fast) == icalendar.Calendar.from_ical(slow)
    assert fast == slow


def test_vevent_bytes_is_stamped_with_the_last_revision():
    event = icalendar.Event.from_ical(vevent_bytes(item_factory(), leads=LEADS))
    assert prop(event, "DTSTAMP").dt == UPDATED_AT


def test_render_format_differs_by_lead_times_and_fits_the_column():
    formats = {render_format(LEADS), render_format([timedelta(days=7)]), render_format([])}
    assert len(formats) == 3
    assert all(len(f) <= 20 and f.startswith("vevent-") for f in formats)


def test_export_round_trips_through_vobject():
    items = [item_factory(), item_factory(id=8, status="cancelled", due=date(2026, 3, 29))]
    body = calendar_bytes([vevent_bytes(i, leads=LEADS) for i in items], name="Tracker")
    calendar = vobject.readOne(body.decode("utf-8"))

    events = calendar.contents["vevent"]
    assert [e.dtstart.value for e in events] == [date(2026, 3, 7), date(2026, 3, 29)]
    assert events[0].summary.value == "Absichtserklärung zu kritischen Mineralien"
    assert events[1].status.value == "CANCELLED"
    assert [a.trigger.value for a in events[0].contents["valarm"]] == [
        -timedelta(days=7),
        -timedelta(days=1),
        timedelta(0),
    ]
    assert events[0].categories.value == ["United States", "European Union", "Japan"]
