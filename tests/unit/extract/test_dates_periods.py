"""Parts of periods, quarters, halves, seasons, years and open ranges (de + en); the anchor is
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
    ("text", "lang", "start", "end", "due"),
    [
        ("Bis Ende März soll der Plan stehen.", "de", None, date(2026, 3, 31), date(2026, 3, 31)),
        (
            "Mitte März soll der Plan stehen.",
            "de",
            date(2026, 3, 11),
            date(2026, 3, 20),
            date(2026, 3, 15),
        ),
        (
            "Anfang April soll der Plan stehen.",
            "de",
            date(2026, 4, 1),
            date(2026, 4, 10),
            date(2026, 4, 1),
        ),
        (
            "Ende 2027 soll der Plan stehen.",
            "de",
            date(2027, 9, 1),
            date(2027, 12, 31),
            date(2027, 12, 31),
        ),
        ("Bis zum Jahresende soll er stehen.", "de", None, date(2026, 12, 31), date(2026, 12, 31)),
        ("The plan is due by the end of March.", "en", None, date(2026, 3, 31), date(2026, 3, 31)),
        (
            "The plan is due in early April.",
            "en",
            date(2026, 4, 1),
            date(2026, 4, 10),
            date(2026, 4, 1),
        ),
        ("The plan is due by year-end.", "en", None, date(2026, 12, 31), date(2026, 12, 31)),
        (
            "The plan is due at the end of next week.",
            "en",
            date(2026, 2, 13),
            date(2026, 2, 15),
            date(2026, 2, 15),
        ),
        ("The plan is due by late 2027.", "en", None, date(2027, 12, 31), date(2027, 12, 31)),
    ],
)
def test_parts_of_periods_de_en(text, lang, start, end, due):
    found = only(text, lang)
    assert (found.start, found.end, found.due) == (start, end, due)


@pytest.mark.parametrize(
    ("text", "lang", "start", "end"),
    [
        ("Die Zölle gelten im dritten Quartal.", "de", date(2026, 7, 1), date(2026, 9, 30)),
        ("Die Zölle gelten im 3. Quartal 2027.", "de", date(2027, 7, 1), date(2027, 9, 30)),
        (
            "In der ersten Jahreshälfte 2026 folgt der Bericht.",
            "de",
            date(2026, 1, 1),
            date(2026, 6, 30),
        ),
        ("Im zweiten Halbjahr folgt der Bericht.", "de", date(2026, 7, 1), date(2026, 12, 31)),
        ("Im Frühjahr 2027 folgt der Bericht.", "de", date(2027, 3, 20), date(2027, 6, 20)),
        ("The duties apply in Q3 2026.", "en", date(2026, 7, 1), date(2026, 9, 30)),
        ("The duties apply in the fourth quarter.", "en", date(2026, 10, 1), date(2026, 12, 31)),
        ("The review ends in H1 2027.", "en", date(2027, 1, 1), date(2027, 6, 30)),
        ("The review ends in the second half of 2026.", "en", date(2026, 7, 1), date(2026, 12, 31)),
        ("The review ends this summer.", "en", date(2026, 6, 21), date(2026, 9, 22)),
        ("Die Frist endet in KW 12.", "de", date(2026, 3, 16), date(2026, 3, 22)),
        (
            "Im ersten Quartal des laufenden Jahres stiegen die Preise.",
            "de",
            date(2026, 1, 1),
            date(2026, 3, 31),
        ),
        (
            "Im zweiten Halbjahr des kommenden Jahres folgt der Bericht.",
            "de",
            date(2027, 7, 1),
            date(2027, 12, 31),
        ),
        (
            "Prices rose in the fourth quarter of last year.",
            "en",
            date(2025, 10, 1),
            date(2025, 12, 31),
        ),
        (
            "The report follows in the first half of next year.",
            "en",
            date(2027, 1, 1),
            date(2027, 6, 30),
        ),
    ],
)
def test_quarters_halves_seasons_and_weeks_de_en(text, lang, start, end):
    found = only(text, lang)
    assert (found.start, found.end) == (start, end)
    assert found.due == end


@pytest.mark.parametrize(
    ("text", "lang", "start", "end", "mod"),
    [
        ("Die Regel gilt ab 2027.", "de", date(2027, 1, 1), None, "after"),
        ("Die Regel gilt bis 2027.", "de", None, date(2027, 12, 31), "before"),
        ("Die Regel gilt seit Januar.", "de", date(2026, 1, 1), None, "after"),
        ("Die Meldung muss vor dem 1. Juni eingehen.", "de", None, date(2026, 5, 31), "before"),
        ("Die Regel gilt ab dem 1. Juli 2026.", "de", date(2026, 7, 1), None, "after"),
        ("The rule applies from 2027.", "en", date(2027, 1, 1), None, "after"),
        ("The rule applies until July 31, 2026.", "en", None, date(2026, 7, 31), "before"),
        ("Filings are due no later than June 1.", "en", None, date(2026, 6, 1), "before"),
        ("The rule has applied since 2019.", "en", date(2019, 1, 1), None, "after"),
        ("Tariffs take effect starting June 1.", "en", date(2026, 6, 1), None, "after"),
        ("Filings must arrive before June.", "en", None, date(2026, 5, 31), "before"),
    ],
)
def test_open_ranges_keep_one_side_de_en(text, lang, start, end, mod):
    found = only(text, lang)
    assert (found.type, found.start, found.end, found.mod) == ("range", start, end, mod)
    assert found.due == end


@pytest.mark.parametrize(
    ("text", "lang", "start", "end"),
    [
        ("Zwischen Mai und Juli wird verhandelt.", "de", date(2026, 5, 1), date(2026, 7, 31)),
        ("Von 2020 bis 2025 stiegen die Preise.", "de", date(2020, 1, 1), date(2025, 12, 31)),
        ("Between May and July the talks continue.", "en", date(2026, 5, 1), date(2026, 7, 31)),
        ("From March to June the talks continue.", "en", date(2026, 3, 1), date(2026, 6, 30)),
    ],
)
def test_ranges_of_months_and_years_de_en(text, lang, start, end):
    found = only(text, lang)
    assert (found.type, found.start, found.end) == ("range", start, end)


def test_the_year_turn_and_the_course_of_the_year_de_en():
    assert only("Mit dem Jahreswechsel 2026-2027 ändert sich das.", "de").value == date(2027, 1, 1)
    assert only("Das ändert sich im Laufe des Jahres.", "de").end == date(2026, 12, 31)
    assert only("It changes later this year.", "en").end == date(2026, 12, 31)


def test_decades_de_en():
    found = only("Die Preise fielen in den 1990er Jahren.", "de")
    assert (found.start, found.end, found.grain) == (date(1990, 1, 1), date(1999, 12, 31), "year")
    assert only("Prices fell in the 1980s.", "en").end == date(1989, 12, 31)


def test_vague_horizons_and_narrative_days_de_en():
    assert only("In den kommenden Tagen folgen Gespräche.", "de").approx
    assert only("Talks follow in the coming weeks.", "en").approx
    assert (
        find_dates("Am nächsten Tag reiste er ab.", anchor=THURSDAY, lang="de", strict=True) == []
    )
    assert only("Filings close by mid-2027.", "en").end == date(2027, 7, 31)


def test_a_year_that_opens_its_sentence_before_the_verb_de_en():
    assert only("2024 stieg der Umsatz um 5 Prozent.", "de").start == date(2024, 1, 1)
    assert only("2024 was a record year for exports.", "en").end == date(2024, 12, 31)
    # A count is no year: "2000 neue Stellen", "2024 Menschen waren betroffen".
    assert find_dates("2000 neue Stellen entstehen.", anchor=THURSDAY, lang="de") == []
    assert find_dates("Zahl: 2024 Menschen waren betroffen.", anchor=THURSDAY, lang="de") == []
