"""Compound durations naming the deliverable: "60-Tage-Aktionsplan", "90-day review"."""

from __future__ import annotations

from datetime import date

from tests.unit.extract.conftest import dated, run, undated

PUBLISHED = date(2026, 2, 5)


def test_compound_de_action_plan_and_deadline():
    x = run(
        "Die USA stellten einen 60-Tage-Aktionsplan vor und setzten eine 90-Tage-Frist.",
        PUBLISHED,
        "de",
    )
    found = dated(x)
    assert found["60-Tage-Aktionsplan"].due == date(2026, 4, 6)
    assert found["60-Tage-Aktionsplan"].deliverable == "action plan"
    assert found["90-Tage-Frist"].due == date(2026, 5, 6)


def test_compound_en_review_and_pause():
    x = run(
        "The agencies agreed a six-month review and a 90-day pause on new tariffs.", PUBLISHED, "en"
    )
    found = dated(x)
    assert found["six-month review"].due == date(2026, 8, 5)
    assert found["six-month review"].deliverable == "review"
    assert found["90-day pause"].due == date(2026, 5, 6)


def test_compound_descriptors_of_events_are_ignored_de_en():
    assert (
        run(
            "USTR held a two-day public hearing in a year-long investigation.", PUBLISHED, "en"
        ).commitments
        == []
    )
    assert (
        run(
            "Nach einer dreitägigen Konferenz reisten die Minister ab.", PUBLISHED, "de"
        ).commitments
        == []
    )


def test_compound_starting_at_undated_event_is_undated_de_en():
    x = run("Eine 90-Tage-Frist beginnt mit der Veröffentlichung im Amtsblatt.", PUBLISHED, "de")
    assert x.commitments == []
    assert [u.trigger for u in undated(x)] == ["90-Tage-Frist"]
    x = run("A 30-day comment period starts when the notice is published.", PUBLISHED, "en")
    assert x.commitments == []
    assert len(undated(x)) == 1
