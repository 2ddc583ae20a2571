"""Dates written out: numeric forms, month names, ordinal words, ranges of days (de + en)."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract.dates import TimeExpression, find_dates

THURSDAY = date(2026, 2, 5)


def read(text: str, lang: str, anchor: date = THURSDAY) -> list[TimeExpression]:
    return find_dates(text, anchor=anchor, lang=lang, strict=True)


def only(text: str, lang: str, anchor: date = THURSDAY) -> TimeExpression:
    found = read(text, lang, anchor)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Der Vertrag wurde am 5.2.2024 geschlossen.", "de", date(2024, 2, 5)),
        ("Die Sitzung fand am 05.02.2024 statt.", "de", date(2024, 2, 5)),
        ("Gemeldet wurde es am 2024-02-05.", "de", date(2024, 2, 5)),
        ("Der Rat tagte am 5. Februar 2024 in Brüssel.", "de", date(2024, 2, 5)),
        ("Die Frist lief am 31.10.74 ab.", "de", date(1974, 10, 31)),
        ("Das Protokoll ist vom 05/02/2024.", "de", date(2024, 2, 5)),
        ("The memo dated 05/02/2024 was leaked.", "en", date(2024, 5, 2)),
        ("The board met on Feb 5th, 2024.", "en", date(2024, 2, 5)),
        ("The board met on the 5th of February 2024.", "en", date(2024, 2, 5)),
        ("The filing is dated February 5, 2024.", "en", date(2024, 2, 5)),
        ("It was signed on 10.31.1974 in Ohio.", "en", date(1974, 10, 31)),
        ("It was signed on 31-Oct-74 in Ohio.", "en", date(1974, 10, 31)),
    ],
)
def test_written_dates_with_a_year_read_as_that_day_de_en(text, lang, value):
    expression = only(text, lang)
    assert expression.type == "date"
    assert expression.value == value
    assert expression.due == value
    assert text[slice(*expression.span)] == expression.text


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Die Anhörung ist am 12. März.", "de", date(2026, 3, 12)),
        ("Die Anhörung ist am zwölften März.", "de", date(2026, 3, 12)),
        ("Bis zum erster April bleibt Zeit.", "de", date(2026, 4, 1)),
        ("The hearing is on March 12th.", "en", date(2026, 3, 12)),
        ("The hearing is on the twelfth of March.", "en", date(2026, 3, 12)),
        ("The hearing is on Mar 2th.", "en", date(2026, 3, 2)),
        ("The hearing is on 3/12.", "en", date(2026, 3, 12)),
    ],
)
def test_a_day_without_year_in_a_plain_sentence_is_the_next_one_de_en(text, lang, value):
    assert {e.value or e.end for e in read(text, lang)} == {value}


def test_a_day_and_month_reuses_the_year_the_text_gave_them_de_en():
    text = (
        "Am 9. Mai 2024 erschien die Mitteilung. In der Mitteilung vom 9. Mai heißt es dazu mehr."
    )
    assert [e.value for e in read(text, "de")] == [date(2024, 5, 9), date(2024, 5, 9)]
    text = "On May 9, 2024, the agency wrote. See the May 9 notice for details."
    assert [e.value for e in read(text, "en")] == [date(2024, 5, 9), date(2024, 5, 9)]


@pytest.mark.parametrize(
    ("text", "lang", "start", "end"),
    [
        ("Die Messe dauert vom 3. bis 7. März 2026.", "de", date(2026, 3, 3), date(2026, 3, 7)),
        ("Die Messe dauert vom 3.3. bis zum 7.3.2026.", "de", date(2026, 3, 3), date(2026, 3, 7)),
        ("Die Messe dauert 3./4.3.2026.", "de", date(2026, 3, 3), date(2026, 3, 4)),
        ("The fair runs March 3-7, 2026.", "en", date(2026, 3, 3), date(2026, 3, 7)),
        (
            "The fair runs from the 3rd to the 7th of March 2026.",
            "en",
            date(2026, 3, 3),
            date(2026, 3, 7),
        ),
        ("The fair runs Mar 30 - Apr 2, 2026.", "en", date(2026, 3, 30), date(2026, 4, 2)),
    ],
)
def test_ranges_of_days_give_both_ends_inclusive_de_en(text, lang, start, end):
    expression = only(text, lang)
    assert (expression.type, expression.start, expression.end) == ("range", start, end)
    assert expression.due == end


def test_a_weekday_beside_a_date_picks_the_year_it_falls_on_de_en():
    # 19 November is a Wednesday in 2025 and in 2031, not in 2026.
    found = only("Die am Mittwoch, 19. November, angekündigte Initiative.", "de")
    assert found.value == date(2025, 11, 19)
    assert only("The talks of Wednesday, November 19 ended.", "en").value == date(2025, 11, 19)


def test_a_time_of_day_joins_its_date_and_keeps_the_day_de_en():
    found = only("Die Abstimmung ist am Dienstag (voraussichtlich gegen 17.00 Uhr).", "de")
    assert found.value == date(2026, 2, 10)
    assert found.time == "17:00"
    assert found.text.endswith(")")
    found = only("Comments are due February 24, 2026, at 11:59 p.m. EST.", "en")
    assert (found.value, found.time) == (date(2026, 2, 24), "23:59")
