from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
from sqlalchemy import func, select, update
from sqlalchemy.engine import Engine

from tests.integration.calendar.conftest import LEADS
from tests.integration.calendar.factory import SEED_DESCRIPTIONS
from tests.unit.export.factories import prop
from tracker.errors import TrackerError
from tracker.export.ics import build_calendar, render_format
from tracker.services.calendar import export_calendar, write_file_atomically
from tracker.services.items import actor_keys
from tracker.store import repository
from tracker.store import tables as t
from tracker.store.session import read_session, transaction

NOW = datetime(2026, 2, 5, 12, 0, tzinfo=UTC)


def _events(body: bytes) -> dict[str, icalendar.Event]:
    return {str(e["UID"]): e for e in icalendar.Calendar.from_ical(body).events}


def _render_count(engine: Engine) -> int:
    with read_session(engine) as session:
        return session.scalar(select(func.count()).select_from(t.ItemRender)) or 0


def test_export_calendar_renders_each_item_once(engine, seeded):
    first = export_calendar(engine, leads=LEADS, now=NOW)
    second = export_calendar(engine, leads=LEADS, now=NOW + timedelta(hours=1))

    dated = 2 + 5  # two dated seed items, five status items; the undated one is left out
    assert (first.count, first.rendered) == (dated, dated)
    assert (second.count, second.rendered) == (dated, 0)
    assert second.body == first.body
    assert second.etag == first.etag
    assert _render_count(engine) == dated


def test_export_calendar_matches_fresh_icalendar_serialisation(engine, seeded):
    export_calendar(engine, leads=LEADS, now=NOW)  # fill the cache
    fast = export_calendar(engine, leads=LEADS, now=NOW)
    with read_session(engine) as session:
        items = repository.list_items(session, dated_only=True)
    slow = build_calendar(
        items, name="Tracker deadlines", leads=LEADS, last_modified=fast.last_modified
    ).to_ical()

    parsed_fast = icalendar.Calendar.from_ical(fast.body)
    parsed_slow = icalendar.Calendar.from_ical(slow)
    assert fast.rendered == 0
    assert parsed_fast == parsed_slow
    assert [e.to_ical() for e in parsed_fast.events] == [e.to_ical() for e in parsed_slow.events]
    assert fast.body == slow


def test_export_calendar_rerenders_an_item_whose_version_changed(engine, seeded):
    before = _events(export_calendar(engine, leads=LEADS, now=NOW).body)
    item_id = seeded["declaration"]
    with transaction(engine) as session:
        session.execute(
            update(t.Item)
            .where(t.Item.id == item_id)
            .values(due_on=date(2026, 3, 20), version=t.Item.version + 1, updated_at=NOW)
        )
    feed = export_calendar(engine, leads=LEADS, now=NOW)
    after = _events(feed.body)

    assert feed.rendered == 1
    assert set(after) == set(before)  # the same UIDs: clients update, not duplicate
    uid = next(u for u, e in after.items() if e["SUMMARY"] == SEED_DESCRIPTIONS["declaration"])
    assert after[uid].start == date(2026, 3, 20)
    assert prop(after[uid], "SEQUENCE") > prop(before[uid], "SEQUENCE")
    assert prop(after[uid], "LAST-MODIFIED").dt == NOW


def test_export_calendar_ignores_a_render_of_another_version(engine, seeded):
    export_calendar(engine, leads=LEADS, now=NOW)
    with transaction(engine) as session:  # a stale row, as if the item changed behind our back
        session.execute(
            update(t.ItemRender).values(body=b"BROKEN", version=t.ItemRender.version - 1)
        )
    feed = export_calendar(engine, leads=LEADS, now=NOW)

    assert b"BROKEN" not in feed.body
    assert feed.rendered == feed.count


def test_export_calendar_new_lead_times_replace_the_renders(engine, seeded):
    export_calendar(engine, leads=LEADS, now=NOW)
    feed = export_calendar(engine, leads=[timedelta(days=3)], now=NOW)

    assert feed.rendered == feed.count
    with read_session(engine) as session:
        formats = set(session.scalars(select(t.ItemRender.format)))
    assert formats == {render_format([timedelta(days=3)])}
    assert b"TRIGGER;RELATED=START:-P3D" in feed.body
    assert b"-P7D" not in feed.body


def test_export_calendar_filters_by_status_and_actor(engine, seeded):
    cancelled = _events(export_calendar(engine, leads=LEADS, now=NOW, statuses=["cancelled"]).body)
    mexico = _events(
        export_calendar(engine, leads=LEADS, now=NOW, actor_keys=actor_keys(["Mexiko"])).body
    )

    assert [str(e["STATUS"]) for e in cancelled.values()] == ["CANCELLED"]
    assert [str(e["SUMMARY"]) for e in mexico.values()] == [SEED_DESCRIPTIONS["mexico"]]


def test_export_calendar_of_an_empty_database_is_a_valid_calendar(engine):
    feed = export_calendar(engine, leads=LEADS, now=NOW)

    calendar = icalendar.Calendar.from_ical(feed.body)
    assert (feed.count, feed.last_modified) == (0, None)
    assert calendar.events == []
    assert str(calendar["X-WR-CALNAME"]) == "Tracker deadlines"


def test_write_file_atomically_replaces_the_file(tmp_path):
    target = tmp_path / "deadlines.ics"
    target.write_bytes(b"old")
    write_file_atomically(target, b"new")

    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["deadlines.ics"]


def test_write_file_atomically_reports_an_unwritable_place(tmp_path):
    with pytest.raises(TrackerError, match="cannot write"):
        write_file_atomically(tmp_path / "missing" / "deadlines.ics", b"x")
    assert list(tmp_path.iterdir()) == []


def test_export_calendar_never_overwrites_a_newer_render(engine, seeded):
    export_calendar(engine, leads=LEADS, now=NOW)
    with transaction(engine) as session:  # as if a racing request stored a newer version
        session.execute(
            update(t.ItemRender).values(body=b"NEWER", version=t.ItemRender.version + 9)
        )
    feed = export_calendar(engine, leads=LEADS, now=NOW)

    with read_session(engine) as session:
        stored = set(session.scalars(select(t.ItemRender.body)))
    assert feed.rendered == feed.count
    assert b"NEWER" not in feed.body
    assert stored == {b"NEWER"}
