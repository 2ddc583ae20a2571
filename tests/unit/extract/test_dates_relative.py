"""Days, weekdays and periods named from the anchor (de + en); the anchor is Thursday 5 Feb 2026."""

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
    ("text", "lang", "value"),
    [
        ("Der Ausschuss berät heute.", "de", date(2026, 2, 5)),
        ("Der Ausschuss berät morgen.", "de", date(2026, 2, 6)),
        ("Der Ausschuss berät übermorgen.", "de", date(2026, 2, 7)),
        ("Der Ausschuss beriet gestern.", "de", date(2026, 2, 4)),
        ("Der Ausschuss beriet vorgestern.", "de", date(2026, 2, 3)),
        ("Die Minister treffen sich heute Nachmittag.", "de", date(2026, 2, 5)),
        ("The committee meets today.", "en", date(2026, 2, 5)),
        ("The committee meets tomorrow.", "en", date(2026, 2, 6)),
        ("The committee meets the day after tomorrow.", "en", date(2026, 2, 7)),
        ("The committee met the day before yesterday.", "en", date(2026, 2, 3)),
        ("The committee meets tonight.", "en", date(2026, 2, 5)),
    ],
)
def test_relative_days_de_en(text, lang, value):
    assert only(text, lang).value == value


def test_morgen_after_an_article_is_the_morning_not_tomorrow():
    assert find_dates("Am Morgen regnete es.", anchor=THURSDAY, lang="de", strict=True) == []


@pytest.mark.parametrize(
    ("text", "lang", "value", "direction"),
    [
        ("Der Rat tagt am nächsten Dienstag.", "de", date(2026, 2, 10), "future"),
        ("Der Rat tagt kommenden Freitag.", "de", date(2026, 2, 6), "future"),
        ("Der Rat tagt am übernächsten Freitag.", "de", date(2026, 2, 13), "future"),
        ("Der Rat tagte vergangenen Montag.", "de", date(2026, 2, 2), "past"),
        ("Der Rat tagt am Mittwoch der nächsten Woche.", "de", date(2026, 2, 11), "future"),
        ("Der Rat tagte am Montag dieser Woche.", "de", date(2026, 2, 2), None),
        ("The council meets next Wednesday.", "en", date(2026, 2, 11), "future"),
        ("The council meets next Friday.", "en", date(2026, 2, 13), "future"),
        ("The council met last Thursday.", "en", date(2026, 1, 29), "past"),
        ("The council meets this Saturday.", "en", date(2026, 2, 7), None),
        ("The council meets on Friday after next.", "en", date(2026, 2, 13), "future"),
    ],
)
def test_weekdays_with_a_word_that_moves_them_de_en(text, lang, value, direction):
    found = only(text, lang)
    assert found.value == value
    if direction:
        assert found.direction == direction


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Die Kommission hat am Montag einen Plan vorgelegt.", "de", date(2026, 2, 2)),
        ("Die Kommission wird am Montag einen Plan vorlegen.", "de", date(2026, 2, 9)),
        ("Nach einem Telefonat am Sonntagabend lenkte er ein.", "de", date(2026, 2, 1)),
        ("The minister said on Tuesday that talks continue.", "en", date(2026, 2, 3)),
        ("The minister will travel on Tuesday.", "en", date(2026, 2, 10)),
        ("The president plans to impose tariffs on Saturday.", "en", date(2026, 2, 7)),
    ],
)
def test_bare_weekdays_follow_the_tense_of_their_clause_de_en(text, lang, value):
    assert only(text, lang).value == value


@pytest.mark.parametrize(
    ("text", "lang", "start", "end", "grain"),
    [
        (
            "Die Gespräche gehen nächste Woche weiter.",
            "de",
            date(2026, 2, 9),
            date(2026, 2, 15),
            "week",
        ),
        ("Die Zahlen kamen letzten Monat.", "de", date(2026, 1, 1), date(2026, 1, 31), "month"),
        (
            "Im kommenden Monat folgt der Bericht.",
            "de",
            date(2026, 3, 1),
            date(2026, 3, 31),
            "month",
        ),
        ("Das Gesetz gilt ab dem nächsten Quartal.", "de", date(2026, 4, 1), None, "quarter"),
        ("Letztes Jahr stiegen die Preise.", "de", date(2025, 1, 1), date(2025, 12, 31), "year"),
        ("Talks resume next week.", "en", date(2026, 2, 9), date(2026, 2, 15), "week"),
        ("The data came out last month.", "en", date(2026, 1, 1), date(2026, 1, 31), "month"),
        (
            "The rule applies in the next quarter.",
            "en",
            date(2026, 4, 1),
            date(2026, 6, 30),
            "quarter",
        ),
        ("Prices rose this year.", "en", date(2026, 1, 1), date(2026, 12, 31), "year"),
        (
            "The talks happened this past weekend.",
            "en",
            date(2026, 1, 31),
            date(2026, 2, 1),
            "week",
        ),
    ],
)
def test_relative_periods_are_whole_calendar_periods_de_en(text, lang, start, end, grain):
    found = only(text, lang)
    assert (found.start, found.end, found.grain) == (start, end, grain)


def test_relative_months_and_years_de_en():
    assert only("Im März nächsten Jahres tagt der Rat.", "de").start == date(2027, 3, 1)
    assert only("Im Mai dieses Jahres tagt der Rat.", "de").end == date(2026, 5, 31)
    assert only("Der Bericht kommt nächsten März.", "de").start == date(2026, 3, 1)
    assert only("The report comes next January.", "en").start == date(2027, 1, 1)
    assert only("The report came last March.", "en").start == date(2025, 3, 1)


def test_the_following_week_is_the_next_one_de_en():
    # As in Duckling: one following period counts from the anchor (the years after a date of the
    # text, "in den folgenden Jahren", are not read: see test_dates_context).
    assert (only("Die Gespräche gehen in der folgenden Woche weiter.", "de").start) == date(
        2026, 2, 9
    )
    assert (only("Talks resume the following week.", "en").start) == date(2026, 2, 9)
