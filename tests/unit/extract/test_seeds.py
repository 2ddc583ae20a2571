"""The seed documents end to end."""

from __future__ import annotations

from datetime import date

from tests.conftest import SEEDS
from tracker.extract import extract


def _seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def test_seed_000_two_dated_commitments_and_undated_review():
    x = extract(_seed("000_79dfbcf063f59fb9.txt"))
    assert x.document.published == date(2026, 2, 5)
    assert x.document.lang == "de"
    assert x.document.url is not None
    assert x.document.url.startswith("https://www.rohstoff-welt.de/")
    dues = sorted((c.deliverable, c.due) for c in x.commitments)
    assert dues == [("action plan", date(2026, 4, 6)), ("memorandum of intent", date(2026, 3, 7))]
    plan = next(c for c in x.commitments if c.deliverable == "action plan")
    assert "Mexico" in plan.actors
    assert plan.trigger == "60-Tage-Aktionsplan"
    review = [u for u in x.undated if "Überprüfung des Abkommens" in u.trigger]
    assert len(review) == 1
    assert review[0].deliverable == "review"


def test_seed_000_no_deadline_from_numbers_that_are_not_durations():
    x = extract(_seed("000_79dfbcf063f59fb9.txt"))
    for item in [*x.commitments, *x.events]:
        for distractor in ("50 Ländern", "12 Milliarden", "1999-2026"):
            assert distractor not in item.trigger


def test_seed_002_no_dated_commitment_and_two_events():
    x = extract(_seed("002_c091acc1e5c239c4.txt"))
    assert x.document.published == date(2026, 2, 4)
    assert x.commitments == []
    found = {(e.date, e.key) for e in x.events}
    assert found == {
        (date(2026, 2, 4), "ministerial meeting"),
        (date(2026, 2, 2), "reserve announcement"),
    }
    meeting = next(e for e in x.events if e.key == "ministerial meeting")
    assert "heutigen Mittwoch" in meeting.trigger
    reserve = next(e for e in x.events if e.key == "reserve announcement")
    assert reserve.trigger.startswith("Am Montag")
