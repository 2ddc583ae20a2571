"""Durations with a deadline: "innerhalb von 30 Tagen", "within 180 days", number words, units."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.extract.conftest import dated, run

PUBLISHED = date(2026, 2, 5)


@pytest.mark.parametrize(
    ("sentence", "trigger", "due"),
    [
        (
            "Die Kommission legt innerhalb von 30 Tagen einen Bericht vor.",
            "innerhalb von 30 Tagen",
            date(2026, 3, 7),
        ),
        (
            "Die Regierung will binnen zwei Wochen entscheiden.",
            "binnen zwei Wochen",
            date(2026, 2, 19),
        ),
        (
            "Das Ministerium wird in den nächsten 90 Tagen eine Liste veröffentlichen.",
            "in den nächsten 90 Tagen",
            date(2026, 5, 6),
        ),
        (
            "Die Behörde muss innerhalb von dreißig Tagen antworten.",
            "innerhalb von dreißig Tagen",
            date(2026, 3, 7),
        ),
        (
            "Beide Seiten wollen in den kommenden sechs Monaten investieren.",
            "in den kommenden sechs Monaten",
            date(2026, 8, 5),
        ),
        ("Die Prüfung soll binnen eines Jahres abgeschlossen sein.", None, None),
    ],
)
def test_duration_de(sentence, trigger, due):
    found = dated(run(sentence, PUBLISHED, "de"))
    if trigger is None:
        assert found == {}
    else:
        assert found[trigger].due == due
        assert found[trigger].anchor_kind == "published"


@pytest.mark.parametrize(
    ("sentence", "trigger", "due"),
    [
        ("The agency will publish guidance within 180 days.", "within 180 days", date(2026, 8, 4)),
        (
            "Comments are due no later than 60 days after publication of this notice.",
            None,
            None,
        ),
        (
            "The Secretary shall report to Congress within six months.",
            "within six months",
            date(2026, 8, 5),
        ),
        (
            "Both governments will invest $1 billion over the next two years.",
            "over the next two years",
            date(2028, 2, 5),
        ),
        ("The pause will last for another 90 days.", "for another 90 days", date(2026, 5, 6)),
        ("In the second phase, after 3 years, fees will rise.", "after 3 years", date(2029, 2, 5)),
        ("The board must decide within two weeks.", "within two weeks", date(2026, 2, 19)),
    ],
)
def test_duration_en(sentence, trigger, due):
    found = dated(run(sentence, PUBLISHED, "en"))
    if trigger is None:
        assert found == {}
    else:
        assert found[trigger].due == due


def test_duration_cue_is_recorded_de_en():
    assert (
        dated(run("Die Antwort kommt binnen 14 Tagen.", PUBLISHED, "de"))["binnen 14 Tagen"].cue
        == "binnen"
    )
    found = dated(run("Reports are due not later than 1 year from now.", PUBLISHED, "en"))
    assert next(iter(found.values())).cue == "not later than"


def test_duration_spans_index_the_text_de_en():
    for text, lang in [
        ("Die Kommission legt binnen zwei Wochen einen Plan vor.", "de"),
        ("The agency will act within 45 days.", "en"),
    ]:
        for c in run(text, PUBLISHED, lang).commitments:
            assert text[c.span[0] : c.span[1]] == c.trigger
