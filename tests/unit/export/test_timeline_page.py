from __future__ import annotations

from datetime import date
from typing import Any

from tests.unit.export.factories import item_factory, moved, source_factory
from tracker.models import EventView
from tracker.web.timeline import Filters, render_timeline

TODAY = date(2026, 2, 5)


def _event(**overrides: Any) -> EventView:
    fields = {
        "id": 1,
        "date": date(2026, 2, 4),
        "date_precision": "day",
        "description": "Ministertreffen in Washington",
        "sources": [source_factory()],
    }
    return EventView(**{**fields, **overrides})


def test_render_timeline_orders_past_today_and_upcoming():
    items = [
        item_factory(id=1, description="Künftig", due=date(2026, 3, 7)),
        item_factory(id=2, description="Vergangen", due=date(2026, 1, 20), status="met"),
    ]
    page = render_timeline(items, [_event()], today=TODAY, filters=Filters())

    positions = [page.index(s) for s in ("Vergangen", "Ministertreffen", 'id="today"', "Künftig")]
    assert positions == sorted(positions)
    assert "January 2026" in page
    assert "March 2026" in page
    assert "in 30 days" in page


def test_render_timeline_marks_overdue_active_items_only():
    items = [
        item_factory(id=1, due=date(2026, 2, 2), status="open"),
        item_factory(id=2, due=date(2026, 2, 1), status="met"),
    ]
    page = render_timeline(items, [], today=TODAY, filters=Filters())

    assert 'class="entry item st-open overdue past" id="item-1"' in page
    assert 'class="entry item st-met past" id="item-2"' in page
    assert "overdue · 3 days" in page
    assert page.count("overdue ·") == 1


def test_render_timeline_escapes_article_text_and_drops_script_urls():
    hostile = "<script>alert('x')</script> & \"Co\""
    source = source_factory(quote=hostile, title=hostile, url="javascript:alert(1)")
    item = item_factory(description=hostile, actors=[hostile], sources=[source])
    page = render_timeline([item], [_event(description=hostile)], today=TODAY, filters=Filters())

    assert "<script" not in page
    assert "javascript:" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;Co&quot;" in page


def test_render_timeline_links_sources_and_keeps_the_token_in_links():
    filters = Filters(token="t0k&n", statuses=("open",), actors=("EU",))
    page = render_timeline([item_factory()], [], today=TODAY, filters=filters)

    assert 'href="https://www.rohstoff-welt.de/news/721408.html"' in page
    assert 'rel="noopener noreferrer"' in page
    assert 'href="/calendar.ics?token=t0k%26n&amp;status=open&amp;actor=EU"' in page
    assert 'href="/?token=t0k%26n&amp;status=met&amp;actor=EU"' in page


def test_render_timeline_shows_undated_items_moves_and_left_out_notes():
    items = [
        item_factory(id=3, description="Ohne Datum", due=None),
        item_factory(id=4, history=[moved(date(2026, 3, 1), date(2026, 3, 7))], status="extended"),
    ]
    page = render_timeline(
        items, [], today=TODAY, filters=Filters(), more_before=True, more_after=True
    )

    assert page.index("No date yet") < page.index("Ohne Datum")
    assert "first due 1 Mar 2026" in page
    assert "Older deadlines are left out here" in page
    assert "Later deadlines are left out here" in page


def test_render_timeline_empty_database_says_what_to_do():
    page = render_timeline([], [], today=TODAY, filters=Filters())
    assert "Nothing tracked yet" in page
    assert 'id="today"' not in page
