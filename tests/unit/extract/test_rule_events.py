"""Past events for the timeline: weekdays, today, yesterday, last month, explicit past dates."""

from __future__ import annotations

from datetime import date

from tests.unit.extract.conftest import run

PUBLISHED = date(2026, 2, 4)  # Wednesday


def _dates(text: str, lang: str) -> list[tuple[date, str]]:
    return [(e.date, e.date_precision) for e in run(text, PUBLISHED, lang).events]


def test_event_weekday_is_most_recent_on_or_before_publication_de_en():
    assert _dates("Am Montag hatte die Regierung eine Reserve angekündigt.", "de") == [
        (date(2026, 2, 2), "day")
    ]
    assert _dates("The minister on Wednesday signed the accord.", "en") == [(PUBLISHED, "day")]


def test_event_today_and_heutigen_weekday_de_en():
    assert _dates("Die Minister trafen sich für den heutigen Mittwoch zu einem Treffen.", "de") == [
        (PUBLISHED, "day")
    ]
    assert _dates("Today, the President signed a proclamation.", "en") == [(PUBLISHED, "day")]


def test_event_yesterday_and_last_month_de_en():
    assert _dates("Gestern hatte der Rat zugestimmt.", "de") == [(date(2026, 2, 3), "day")]
    assert _dates("Last month, the agency raised tariffs.", "en") == [(date(2026, 1, 1), "month")]


def test_event_explicit_past_dates_and_past_months_de_en():
    assert _dates("Das Portal wurde am 31. März 2025 freigeschaltet.", "de") == [
        (date(2025, 3, 31), "day")
    ]
    assert _dates("Im Dezember hatte Peking Exportkontrollen verhängt.", "de") == [
        (date(2025, 12, 1), "month")
    ]
    assert _dates("The notice was published on May 26, 2025.", "en") == [(date(2025, 5, 26), "day")]
    assert _dates("The deadline for written comments was July 20, 2025.", "en") == [
        (date(2025, 7, 20), "day")
    ]


def test_event_effective_date_reached_is_not_a_deadline_en():
    x = run("This rule is effective February 4, 2026.", PUBLISHED, "en")
    assert x.commitments == []
    assert [e.date for e in x.events] == [PUBLISHED]


def test_event_ago_counts_back_from_publication_de_en():
    assert _dates("Vor zwei Wochen hatte Japan ein Abkommen geschlossen.", "de") == [
        (date(2026, 1, 21), "day")
    ]
    assert _dates("Three days ago the talks collapsed.", "en") == [(date(2026, 2, 1), "day")]


def test_event_weekday_ranges_and_stative_today_are_ignored_de_en():
    assert _dates("Office hours are Monday through Friday.", "en") == []
    assert _dates("Nach der heute gültigen Fassung gilt die Regel.", "de") == []


def test_event_keys_are_canonical_de_en():
    x = run(
        "Die USA hatten für den heutigen Mittwoch zu einem Ministertreffen eingeladen.",
        PUBLISHED,
        "de",
    )
    assert x.events[0].key == "ministerial meeting"
    x = run("On Monday, the President announced a $12 billion minerals reserve.", PUBLISHED, "en")
    assert x.events[0].key == "reserve announcement"
