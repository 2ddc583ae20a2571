"""Shifts: "um zwei Wochen verschoben" counts from the original date, or is undated without one."""

from __future__ import annotations

from datetime import date

from tests.unit.extract.conftest import dated, run, undated

PUBLISHED = date(2026, 2, 5)


def test_shift_from_stated_original_date_de_en():
    text = "Die für den 3. März geplante Anhörung wird um zwei Wochen verschoben."
    x = run(text, PUBLISHED, "de")
    assert [(c.trigger, c.due, c.anchor_kind) for c in x.commitments] == [
        ("um zwei Wochen", date(2026, 3, 17), "explicit")
    ]
    x = run("The hearing scheduled for March 3, 2026 was postponed by two weeks.", PUBLISHED, "en")
    assert [(c.due, c.anchor) for c in x.commitments] == [(date(2026, 3, 17), date(2026, 3, 3))]


def test_shift_with_target_date_keeps_only_the_target_de_en():
    text = "Die Sanktionen werden um sechs Monate bis zum 31. Juli 2026 verlängert."
    x = run(text, PUBLISHED, "de")
    assert list(dated(x)) == ["bis zum 31. Juli 2026"]
    x = run("The suspension is extended by 90 days until May 6, 2026.", PUBLISHED, "en")
    assert list(dated(x)) == ["until May 6, 2026"]


def test_shift_without_original_date_is_undated_de_en():
    x = run("Die Anhörung wird um zwei Wochen verschoben.", PUBLISHED, "de")
    assert x.commitments == []
    assert undated(x)[0].reason == "shifted from a date the text does not give"
    x = run("The vote was postponed by two weeks.", PUBLISHED, "en")
    assert x.commitments == []
    assert len(undated(x)) == 1


def test_weekday_ahead_with_deadline_cue_or_future_verb_de_en():
    assert dated(run("Ein Ergebnis wird bis spätestens Freitag erwartet.", PUBLISHED, "de"))[
        "bis spätestens Freitag"
    ].due == date(2026, 2, 6)
    assert dated(run("The ceasefire expires on Monday.", PUBLISHED, "en"))["on Monday"].due == date(
        2026, 2, 9
    )
