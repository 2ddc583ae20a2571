"""Datelines and bylines date the document; only a dated happening is an event."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.extract.conftest import run
from tracker.extract import extract


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("WASHINGTON, March 3, 2026 – The agency released its annual minerals survey.", "en"),
        ("BRUSSELS, 3 March 2026 - The Commission opened a consultation on battery rules.", "en"),
        ("Published: March 3, 2026\n\nThe ministry described its supply chain policy.", "en"),
        ("Berlin, 03.03.2026 – Die Behörde stellte ihren Jahresbericht vor.", "de"),
        ("Frankfurt (Reuters), 3. März 2026 – Der Verband veröffentlichte eine Studie.", "de"),
        ("Stand: 03.03.2026\n\nDie Regierung beschrieb ihre Rohstoffpolitik.", "de"),
    ],
)
def test_dateline_is_the_publication_date_not_an_event_de_en(text, lang):
    x = extract(text, lang=lang)
    assert x.document.published == date(2026, 3, 3)
    assert x.events == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "WASHINGTON, March 3, 2026 – The Department of Commerce today announced new "
            "export licensing rules.",
            "en",
        ),
        (
            "Berlin, 03.03.2026 – Die Bundesregierung und Kanada haben heute ein "
            "Rohstoffabkommen vereinbart.",
            "de",
        ),
    ],
)
def test_today_event_after_a_dateline_is_dated_on_publication_de_en(text, lang):
    x = extract(text, lang=lang)
    [event] = x.events
    assert event.date == date(2026, 3, 3)
    assert "heute" not in event.description
    assert "today" not in event.description


def test_dated_happening_in_the_body_is_still_an_event():
    text = "BRUSSELS, 3 March 2026 – The Council adopted its position on 2 March 2026."
    x = run(text, date(2026, 3, 3), "en")
    assert [e.date for e in x.events] == [date(2026, 3, 2)]


def test_date_in_running_text_at_line_start_is_not_a_dateline():
    text = "March 2, 2026 was the day the Council adopted its position on the rules."
    x = run(text, date(2026, 3, 3), "en")
    assert [e.date for e in x.events] == [date(2026, 3, 2)]
