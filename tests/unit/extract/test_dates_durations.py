"""Durations, offsets and counted periods, with digits and number words (de + en); the anchor is
Thursday 5 February 2026."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract.dates import TimeExpression, find_dates

THURSDAY = date(2026, 2, 5)


def only(text: str, lang: str) -> TimeExpression:
    found = find_dates(text, anchor=THURSDAY, lang=lang, strict=True)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "lang", "length", "due"),
    [
        ("Die Behörde entscheidet innerhalb von 30 Tagen.", "de", ((30, "day"),), date(2026, 3, 7)),
        ("Die Behörde entscheidet binnen dreißig Tagen.", "de", ((30, "day"),), date(2026, 3, 7)),
        ("Die Behörde entscheidet binnen zwei Wochen.", "de", ((2, "week"),), date(2026, 2, 19)),
        ("Die Prüfung dauert anderthalb Jahre.", "de", ((18, "month"),), date(2027, 8, 5)),
        ("Die Prüfung dauert sechs Monate.", "de", ((6, "month"),), date(2026, 8, 5)),
        ("The agency decides within 180 days.", "en", ((180, "day"),), date(2026, 8, 4)),
        ("The agency decides within six months.", "en", ((6, "month"),), date(2026, 8, 5)),
        ("The review lasts a month and a half.", "en", ((45, "day"),), date(2026, 3, 22)),
        (
            "The review lasts two years and three months.",
            "en",
            ((2, "year"), (3, "month")),
            date(2028, 5, 5),
        ),
        ("The review lasts a fortnight.", "en", ((14, "day"),), date(2026, 2, 19)),
    ],
)
def test_durations_with_digits_and_number_words_de_en(text, lang, length, due):
    found = only(text, lang)
    assert (found.type, found.length, found.due) == ("duration", length, due)
    assert found.counted_from(date(2026, 1, 1)) > date(2026, 1, 1)


def test_within_a_duration_spans_from_the_anchor_to_its_end_de_en():
    found = only("Innerhalb von 3 Monaten müssen sich Firmen registrieren.", "de")
    assert (found.start, found.end, found.cue) == (THURSDAY, date(2026, 5, 5), "Innerhalb von")
    found = only("Firms must register within 3 months.", "en")
    assert (found.start, found.end, found.cue) == (THURSDAY, date(2026, 5, 5), "within")


def test_a_duration_counted_from_a_reference_has_no_due_day_de_en():
    found = only("Within 180 days of the date of this order, the Secretary shall report.", "en")
    assert found.due is None
    assert found.ref == "of the date of this order"
    assert found.counted_from(date(2025, 4, 9)) == date(2025, 10, 6)
    found = only("Binnen 20 Tagen nach der Veröffentlichung muss er antworten.", "de")
    assert found.ref.startswith("nach der Veröffentlichung")
    assert found.due is None


@pytest.mark.parametrize(
    ("text", "lang", "value", "direction"),
    [
        ("In drei Tagen beginnt der Gipfel.", "de", date(2026, 2, 8), "future"),
        ("Vor zwei Wochen begann der Gipfel.", "de", date(2026, 1, 22), "past"),
        ("Nach 180 Tagen endet die Phase.", "de", date(2026, 8, 4), "future"),
        ("Zwei Tage nach dem 12. Januar kam die Antwort.", "de", date(2026, 1, 14), None),
        ("The summit starts in three days.", "en", date(2026, 2, 8), "future"),
        ("The summit began 3 days ago.", "en", date(2026, 2, 2), "past"),
        ("The summit starts a week hence.", "en", date(2026, 2, 12), "future"),
        ("The summit starts a week from Monday.", "en", date(2026, 2, 16), None),
        ("Three days after Easter the talks resume.", "en", date(2026, 4, 8), None),
    ],
)
def test_offsets_from_the_anchor_or_a_date_de_en(text, lang, value, direction):
    found = only(text, lang)
    assert (found.type, found.value) == ("date", value)
    if direction:
        assert found.direction == direction


def test_a_year_offset_is_read_as_its_month_and_due_on_its_day_de_en():
    found = only("In drei Jahren soll das Werk stehen.", "de")
    assert (found.start, found.end, found.due) == (
        date(2029, 2, 1),
        date(2029, 2, 28),
        date(2029, 2, 5),
    )
    found = only("Two years ago the plant opened.", "en")
    assert (found.start, found.end, found.grain) == (date(2024, 2, 1), date(2024, 2, 29), "month")


@pytest.mark.parametrize(
    ("text", "lang", "start", "end"),
    [
        ("In den nächsten drei Tagen wird verhandelt.", "de", date(2026, 2, 6), date(2026, 2, 8)),
        ("In den letzten zwei Wochen wurde verhandelt.", "de", date(2026, 1, 19), date(2026, 2, 1)),
        ("Over the next two months talks continue.", "en", date(2026, 3, 1), date(2026, 4, 30)),
        ("In the past two years prices rose.", "en", date(2024, 1, 1), date(2025, 12, 31)),
    ],
)
def test_next_and_last_n_units_are_whole_periods_de_en(text, lang, start, end):
    found = only(text, lang)
    assert (found.start, found.end) == (start, end)


def test_compounds_name_their_deliverable_de_en():
    found = only("Die USA legten einen 60-Tage-Aktionsplan vor.", "de")
    assert (found.form, found.noun, found.due) == ("compound", "Aktionsplan", date(2026, 4, 6))
    found = only("He announced a 90 day PAUSE on tariffs.", "en")
    assert (found.form, found.noun, found.due) == ("compound", "PAUSE", date(2026, 5, 6))


def test_shifts_keep_their_cue_for_the_rules_de_en():
    found = only("Die Frist wird um zwei Wochen verschoben.", "de")
    assert (found.cue, found.length, found.ref) == ("um", ((2, "week"),), "")
    found = only("The deadline was postponed by 30 days.", "en")
    assert (found.cue, found.length) == ("by", ((30, "day"),))


def test_rates_are_no_durations_de_en():
    assert find_dates("Staffed 24 hours a day, 7 days a week.", anchor=THURSDAY, lang="en") == []
    assert find_dates("Er trainiert zweimal pro Woche.", anchor=THURSDAY, lang="de") == []
