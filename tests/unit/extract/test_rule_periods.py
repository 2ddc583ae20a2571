"""Period deadlines with their precision: month, quarter, year, year end, "Mitte"."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.extract.conftest import dated, run

PUBLISHED = date(2026, 2, 5)


@pytest.mark.parametrize(
    ("sentence", "lang", "trigger", "due", "precision"),
    [
        ("Der Plan soll bis Ende März stehen.", "de", "bis Ende März", date(2026, 3, 31), "month"),
        (
            "The plan will be ready by the end of March.",
            "en",
            "by the end of March",
            date(2026, 3, 31),
            "month",
        ),
        (
            "Die Liste soll bis Mitte April vorliegen.",
            "de",
            "bis Mitte April",
            date(2026, 4, 15),
            "month",
        ),
        (
            "The list will be published by mid-April.",
            "en",
            "by mid-April",
            date(2026, 4, 15),
            "month",
        ),
        (
            "Die Reform soll bis Jahresende beschlossen werden.",
            "de",
            "bis Jahresende",
            date(2026, 12, 31),
            "year",
        ),
        ("The reform will pass by year-end.", "en", "by year-end", date(2026, 12, 31), "year"),
        (
            "Die Verordnung soll im dritten Quartal 2026 in Kraft treten.",
            "de",
            "im dritten Quartal 2026",
            date(2026, 9, 30),
            "quarter",
        ),
        ("Delivery is planned by Q3 2026.", "en", "by Q3 2026", date(2026, 9, 30), "quarter"),
        (
            "Bis 2030 soll der Anteil auf 20 Prozent steigen.",
            "de",
            "Bis 2030",
            date(2030, 12, 31),
            "year",
        ),
        ("The share should reach 20% by 2030.", "en", "by 2030", date(2030, 12, 31), "year"),
        (
            "Die Kommission soll noch im Februar entscheiden.",
            "de",
            "noch im Februar",
            date(2026, 2, 28),
            "month",
        ),
        (
            "The safeguard runs until June 2026.",
            "en",
            "until June 2026",
            date(2026, 6, 30),
            "month",
        ),
    ],
)
def test_period_deadlines_de_en(sentence, lang, trigger, due, precision):
    found = dated(run(sentence, PUBLISHED, lang))
    assert found[trigger].due == due
    assert found[trigger].due_precision == precision


def test_period_month_without_year_is_next_such_month_de_en():
    assert dated(run("Der Bericht kommt bis Ende Januar.", PUBLISHED, "de"))[
        "bis Ende Januar"
    ].due == date(2027, 1, 31)
    assert dated(run("The report is due by the end of January.", PUBLISHED, "en"))[
        "by the end of January"
    ].due == date(2027, 1, 31)
