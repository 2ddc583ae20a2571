"""The issue-11 classes of reading dates, through `extract`: start vs end of a period, future
weekdays, same-day scheduled actions, a time of day next to a date, expiry dates, a month in a
forward-looking clause, year inference for events, durations with number words (de + en)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.extract.conftest import dated, events, run

THURSDAY = date(2026, 2, 5)


@pytest.mark.parametrize(
    ("sentence", "lang", "trigger", "due"),
    [
        (
            "Der Beitrag steigt im nächsten Jahr auf 3 Prozent.",
            "de",
            "im nächsten Jahr",
            date(2027, 1, 1),
        ),
        ("Die Pflicht gilt ab 2028 für alle Firmen.", "de", "ab 2028", date(2028, 1, 1)),
        ("Die Regel wird auf 2029 verschoben.", "de", "auf 2029", date(2029, 1, 1)),
        ("Der Bericht muss bis 2028 vorliegen.", "de", "bis 2028", date(2028, 12, 31)),
        ("The levy takes effect in 2028.", "en", "in 2028", date(2028, 1, 1)),
        ("The agency must report in 2028.", "en", "in 2028", date(2028, 12, 31)),
        ("The rules apply from 2029.", "en", "from 2029", date(2029, 1, 1)),
    ],
)
def test_a_year_is_its_first_day_for_a_start_and_its_last_for_a_deadline_de_en(
    sentence, lang, trigger, due
):
    found = dated(run(sentence, THURSDAY, lang))
    assert found[trigger].due == due
    assert found[trigger].due_precision == "year"


@pytest.mark.parametrize(
    ("sentence", "lang", "trigger", "due"),
    [
        ("Die Zölle sollen am Samstag in Kraft treten.", "de", "am Samstag", date(2026, 2, 7)),
        ("Die Regierung wird am Montag entscheiden.", "de", "am Montag", date(2026, 2, 9)),
        (
            "The president will impose the tariffs on Saturday.",
            "en",
            "on Saturday",
            date(2026, 2, 7),
        ),
        ("Officials plan to announce the list on Monday.", "en", "on Monday", date(2026, 2, 9)),
    ],
)
def test_weekdays_that_point_forward_are_commitments_de_en(sentence, lang, trigger, due):
    assert dated(run(sentence, THURSDAY, lang))[trigger].due == due


def test_same_day_scheduled_actions_are_commitments_due_that_day_de_en():
    x = run("Die Minister werden heute Nachmittag in Brüssel beraten.", THURSDAY, "de")
    assert [c.due for c in x.commitments] == [THURSDAY]
    x = run("The docket will open February 5, 2026, at 12:01 a.m. EST.", THURSDAY, "en")
    assert [c.due for c in x.commitments] == [THURSDAY]
    x = run("The minister signed the decree today.", THURSDAY, "en")
    assert (x.commitments, [e.date for e in x.events]) == ([], [THURSDAY])
    # "heute" before a determiner is no "heute gültige" state.
    x = run("Die Kommission will heute Nachmittag ihre Vorschläge vorlegen.", THURSDAY, "de")
    assert [c.due for c in x.commitments] == [THURSDAY]
    x = run("The Commission will present its proposals this afternoon.", THURSDAY, "en")
    assert [c.due for c in x.commitments] == [THURSDAY]
    assert run("Die heute gültige Fassung wurde geändert.", THURSDAY, "de").events == []


def test_a_time_of_day_beside_a_date_keeps_the_day_de_en():
    x = run(
        "Das Treffen wird am Dienstag (voraussichtlich gegen 17.00 Uhr) stattfinden.",
        THURSDAY,
        "de",
    )
    assert [c.due for c in x.commitments] == [date(2026, 2, 10)]
    x = run("Comments must be received by 5:00 p.m. EST on March 2, 2026.", THURSDAY, "en")
    assert [c.due for c in x.commitments] == [date(2026, 3, 2)]


@pytest.mark.parametrize(
    ("sentence", "lang", "due"),
    [
        ("Die Schutzmaßnahmen sollen im Juni 2026 auslaufen.", "de", date(2026, 6, 30)),
        ("Die Ausnahme bleibt bis zum 31. Juli 2026 in Kraft.", "de", date(2026, 7, 31)),
        ("The exclusions remain in effect until July 31, 2026.", "en", date(2026, 7, 31)),
        ("The safeguard expires at the end of June 2026.", "en", date(2026, 6, 30)),
    ],
)
def test_expiry_dates_are_due_at_their_end_de_en(sentence, lang, due):
    assert [c.due for c in run(sentence, THURSDAY, lang).commitments] == [due]


def test_a_month_in_a_forward_looking_clause_is_the_next_one_de_en():
    december = date(2025, 12, 10)
    x = run("Die Behörde erwartet, dass die Liste im März veröffentlicht wird.", december, "de")
    assert [c.due for c in x.commitments] == [date(2026, 3, 31)]
    x = run("The agency expects the list to be published in March.", december, "en")
    assert [c.due for c in x.commitments] == [date(2026, 3, 31)]


def test_a_plan_told_in_the_past_keeps_the_year_of_the_text_de_en():
    march = date(2025, 3, 10)
    x = run("Für Mitte April waren weitere Gegenzölle geplant.", march, "de")
    assert [c.due for c in x.commitments] == [date(2025, 4, 15)]
    x = run("Further duties were planned for mid-April.", march, "en")
    assert [c.due for c in x.commitments] == [date(2025, 4, 15)]


def test_past_dates_without_a_year_are_events_of_the_right_year_de_en():
    x = run("Im Dezember hatte die Regierung Kontrollen verhängt.", THURSDAY, "de")
    assert [(e.date, e.date_precision) for e in events(x)] == [(date(2025, 12, 1), "month")]
    x = run("The council met on January 28 to discuss the plan.", THURSDAY, "en")
    assert [e.date for e in events(x)] == [date(2026, 1, 28)]


@pytest.mark.parametrize(
    ("sentence", "lang", "due"),
    [
        ("Die Kommission legt binnen dreißig Tagen einen Plan vor.", "de", date(2026, 3, 7)),
        ("Die Kommission legt in anderthalb Jahren einen Plan vor.", "de", date(2027, 8, 5)),
        ("The agency will act within ninety days.", "en", date(2026, 5, 6)),
        ("The agency will report within six months.", "en", date(2026, 8, 5)),
    ],
)
def test_durations_with_number_words_de_en(sentence, lang, due):
    assert [c.due for c in run(sentence, THURSDAY, lang).commitments] == [due]


def test_a_date_naming_a_document_is_no_event_en():
    x = run("See the January 9 notice for details of the hearing.", THURSDAY, "en")
    assert (x.commitments, x.events) == ([], [])
