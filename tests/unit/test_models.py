"""View models: status words and the JSON contract's shapes."""

from __future__ import annotations

from datetime import UTC, date, datetime

from tests.unit.export.factories import item_factory, moved
from tracker.models import STATUS_WORDS, item_json, status_word


def test_every_item_has_one_status_word():
    today = date(2026, 3, 10)
    cases = {
        ("open", date(2026, 3, 9)): "overdue",
        ("open", date(2026, 3, 10)): "open",
        ("open", None): "open",
        ("extended", date(2026, 3, 1)): "overdue",
        ("extended", date(2026, 4, 1)): "extended",
        ("met", date(2026, 3, 1)): "met",
        ("missed", date(2026, 3, 1)): "missed",
        ("cancelled", date(2026, 3, 1)): "cancelled",
    }
    for (status, due), word in cases.items():
        assert status_word(item_factory(status=status, due=due), today) == word
        assert word in STATUS_WORDS


def test_item_json_says_overdue_only_with_a_day():
    item = item_factory(history=[moved(date(2026, 3, 7), date(2026, 4, 7))])
    assert item_json(item)["overdue"] is None
    assert item_json(item, today=date(2026, 3, 8))["overdue"] is True
    data = item_json(item, today=date(2026, 3, 1))
    assert data["overdue"] is False
    assert data["sources"][0]["source"] == "Rohstoff-Welt.de"
    assert data["history"] == [
        {
            "at": "2026-02-06T14:00:00Z",
            "from_status": "open",
            "to_status": "extended",
            "due_before": "2026-03-07",
            "due_after": "2026-04-07",
            "note": "Frist verlängert",
            "document": None,
            "quote": None,
        }
    ]
    stamp = datetime(2026, 2, 6, 14, 0, 0, 5, tzinfo=UTC)
    later = item_factory(
        history=[
            moved(date(2026, 3, 7), date(2026, 4, 7)).__class__(
                at=stamp,
                from_status=None,
                to_status="open",
                due_before=None,
                due_after=None,
                note=None,
            )
        ]
    )
    assert item_json(later)["history"][0]["at"] == "2026-02-06T14:00:00.000005Z"
