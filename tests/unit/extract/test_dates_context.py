"""How an expression without a year is placed: own words, the clause's tense, the cue, no context
at all, the nearest reading (the rule in `tracker.extract.dates.tense`), de + en."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract.dates import TimeExpression, find_dates

# A Thursday in mid-November: "15. März" is 4 months ahead or 8 months back.
ANCHOR = date(2025, 11, 13)


def only(text: str, lang: str, anchor: date = ANCHOR) -> TimeExpression:
    found = find_dates(text, anchor=anchor, lang=lang, strict=True)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Die Kommission hatte am 15. März einen Entwurf vorgelegt.", "de", date(2025, 3, 15)),
        ("Die Kommission wird am 15. März einen Entwurf vorlegen.", "de", date(2026, 3, 15)),
        ("The commission had published a draft on March 15.", "en", date(2025, 3, 15)),
        ("The commission will publish a draft on March 15.", "en", date(2026, 3, 15)),
        ("The draft was expected to be published in March.", "en", date(2026, 3, 31)),
    ],
)
def test_the_tense_of_the_clause_places_the_day_de_en(text, lang, value):
    found = only(text, lang)
    assert value in (found.value, found.end)


def test_a_plan_told_in_the_past_takes_the_nearer_date_de_en():
    # In a March text, a plan "for mid-April" is this April, not last year's.
    march = date(2025, 3, 10)
    assert only("Für Mitte April waren weitere Gegenzölle geplant.", "de", march).due == date(
        2025, 4, 15
    )
    assert only("Further tariffs had been planned for mid-April.", "en", march).due == date(
        2025, 4, 15
    )


def test_a_month_in_a_forward_looking_clause_is_the_next_one_de_en():
    december = date(2025, 12, 10)
    assert only("Sie erwartet, dass er im März veröffentlicht wird.", "de", december).start == date(
        2026, 3, 1
    )
    assert only("It expects the report to be published in March.", "en", december).start == date(
        2026, 3, 1
    )


def test_without_a_past_tense_a_day_is_the_next_one_de_en():
    assert only("Die Sitzung findet am 3. November statt.", "de").value == date(2026, 11, 3)
    assert only("The session takes place on November 3.", "en").value == date(2026, 11, 3)


def test_an_expression_with_nothing_around_it_is_read_as_upcoming_de_en():
    assert only("15. März", "de").value == date(2026, 3, 15)
    assert only("Montag", "de").value == date(2025, 11, 17)
    assert only("March 15", "en").value == date(2026, 3, 15)
    assert only("Monday", "en").value == date(2025, 11, 17)


def test_a_bare_weekday_in_a_sentence_without_tense_is_the_last_one_de_en():
    assert only("Die Zahlen vom Montag sind da.", "de").value == date(2025, 11, 10)
    assert only("Monday's figures are out.", "en").value == date(2025, 11, 10)


def test_a_cue_points_ahead_when_the_tense_says_nothing_de_en():
    assert only("Anträge bis zum 15. März.", "de").end == date(2026, 3, 15)
    assert only("Applications by March 15.", "en").end == date(2026, 3, 15)


def test_a_participle_reads_with_its_auxiliary_de_en():
    text = "Der Start wird auf den 3. Februar verschoben."
    assert only(text, "de").value == date(2026, 2, 3)
    assert only("The start will be postponed to February 3.", "en").value == date(2026, 2, 3)


def test_direction_is_reported_when_the_text_fixes_it_de_en():
    assert only("Der Ausschuss tagte gestern.", "de").direction == "past"
    assert only("The committee meets next week.", "en").direction == "future"
    assert only("15. März", "de").direction is None


@pytest.mark.parametrize(
    ("text", "lang", "due"),
    [
        ("Die Anhörung wurde auf den 12. Dezember verschoben.", "de", date(2025, 12, 12)),
        ("The hearing was postponed to December 12.", "en", date(2025, 12, 12)),
        ("Die Frist wurde bis zum 31. Oktober verlängert.", "de", date(2026, 10, 31)),
        ("The comment period was extended until October 31.", "en", date(2026, 10, 31)),
        ("Die Abstimmung wurde auf Montag vertagt.", "de", date(2025, 11, 17)),
        ("The vote was moved to Monday.", "en", date(2025, 11, 17)),
    ],
)
def test_the_new_date_of_a_change_told_in_the_past_lies_ahead_de_en(text, lang, due):
    assert only(text, lang).due == due


def test_the_day_a_change_was_made_stays_in_the_past_de_en():
    # A Thursday anchor: the Monday of the change is the one before.
    assert only("Die Abstimmung wurde am Montag vertagt.", "de").value == date(2025, 11, 10)
    assert only("The vote was postponed on Monday.", "en").value == date(2025, 11, 10)


def test_the_following_years_are_counted_from_the_text_not_read_de_en():
    assert find_dates("In den folgenden Jahren stiegen die Zölle.", anchor=ANCHOR, lang="de") == []
    assert find_dates("Fees rise over the following years.", anchor=ANCHOR, lang="en") == []
