"""Absolute deadlines and scheduled changes: "bis zum 31. März 2026", "by June 1, 2026"."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.extract.conftest import dated, run

PUBLISHED = date(2026, 2, 5)


@pytest.mark.parametrize(
    ("sentence", "trigger", "due"),
    [
        (
            "Die Stellungnahmen müssen bis zum 31. März 2026 eingehen.",
            "bis zum 31. März 2026",
            date(2026, 3, 31),
        ),
        ("Anträge sind bis 1.3. einzureichen.", "bis 1.3.", date(2026, 3, 1)),
        (
            "Die Unterlagen sind spätestens am 15. April vorzulegen.",
            "spätestens am 15. April",
            date(2026, 4, 15),
        ),
        ("Ab dem 1. Januar 2027 gelten neue Zölle.", "Ab dem 1. Januar 2027", date(2027, 1, 1)),
        (
            "Meldungen sind bis einschließlich 30.06.2026 möglich.",
            "bis einschließlich 30.06.2026",
            date(2026, 6, 30),
        ),
        (
            "Mit dem Jahreswechsel 2026-2027 tritt die Regel in Kraft.",
            "Jahreswechsel 2026-2027",
            date(2027, 1, 1),
        ),
    ],
)
def test_absolute_de(sentence, trigger, due):
    found = dated(run(sentence, PUBLISHED, "de"))
    assert found[trigger].due == due
    assert found[trigger].anchor_kind == "absolute"
    assert found[trigger].due_precision == "day"


@pytest.mark.parametrize(
    ("sentence", "trigger", "due"),
    [
        ("Submit comments by June 1, 2026.", "by June 1, 2026", date(2026, 6, 1)),
        (
            "Comments must be received no later than March 2, 2026.",
            "no later than March 2, 2026",
            date(2026, 3, 2),
        ),
        (
            "The tariffs will be effective April 1, 2026.",
            "effective April 1, 2026",
            date(2026, 4, 1),
        ),
        ("An information session will be held on 9 March.", "on 9 March", date(2026, 3, 9)),
        ("Written comments are due by 03/15/2026.", "by 03/15/2026", date(2026, 3, 15)),
        ("March 11–12, 2026: Public hearing.", "March 11–12, 2026", date(2026, 3, 11)),
    ],
)
def test_absolute_en(sentence, trigger, due):
    found = dated(run(sentence, PUBLISHED, "en"))
    assert found[trigger].due == due


def test_absolute_day_month_without_year_is_next_occurrence_de_en():
    assert dated(run("Die Sitzung findet am 3. Januar statt.", PUBLISHED, "de"))[
        "am 3. Januar"
    ].due == date(2027, 1, 3)
    assert dated(run("The vote will take place on January 3.", PUBLISHED, "en"))[
        "on January 3"
    ].due == date(2027, 1, 3)
