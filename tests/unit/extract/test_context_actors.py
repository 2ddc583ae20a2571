"""Actors from context: role of the deliverable, the clause, the speaker, the same paragraph."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.extract.conftest import run
from tracker.extract.describe.actors import canonical_actor
from tracker.extract.rules.context import Paragraphs, resolve_actors, without_attribution

PUBLISHED = date(2026, 3, 3)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Kanada und Australien verhandeln über Lithium. "
            "Eine entsprechende Vereinbarung wird binnen 30 Tagen erwartet.",
            "de",
        ),
        (
            "Canada and Australia are negotiating on lithium. "
            "The two sides will sign the agreement within 30 days.",
            "en",
        ),
    ],
)
def test_actors_are_inherited_from_the_same_paragraph_de_en(text, lang):
    [item] = run(text, PUBLISHED, lang).commitments
    assert item.actors == ["Canada", "Australia"]
    assert item.actors_confidence < 1.0


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Kanada und Australien verhandeln über Lithium.\n\n"
            "Eine entsprechende Vereinbarung wird binnen 30 Tagen erwartet.",
            "de",
        ),
        (
            "Canada and Australia are negotiating on lithium.\n\n"
            "An agreement is expected within 30 days.",
            "en",
        ),
    ],
)
def test_actors_are_never_inherited_from_another_paragraph_de_en(text, lang):
    [item] = run(text, PUBLISHED, lang).commitments
    assert item.actors == []


def test_actors_named_in_the_clause_have_full_confidence():
    [item] = run("Japan will publish a report within 30 days.", PUBLISHED, "en").commitments
    assert item.actors == ["Japan"]
    assert item.actors_confidence == 1.0


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Written comments on the proposed duties must be received by April 2, 2026.", "en"),
        ("Requests to appear at the hearing are due by April 9, 2026.", "en"),
        (
            "Stellungnahmen zu den geplanten Zöllen können bis zum 2. April 2026 "
            "eingereicht werden.",
            "de",
        ),
    ],
)
def test_filing_deadlines_belong_to_interested_parties_de_en(sentence, lang):
    [item] = run(sentence, PUBLISHED, lang).commitments
    assert item.actors == ["interested parties"]


def test_speaker_is_not_the_actor_when_the_clause_names_one():
    sentence = (
        "Die Partner würden binnen 30 Tagen einen Plan mit Mexiko vorlegen, "
        "sagte der US-Handelsbeauftragte."
    )
    [item] = run(sentence, PUBLISHED, "de").commitments
    assert item.actors == ["Mexico"]


def test_speaker_is_the_fallback_actor():
    sentence = "The trade representative said the partners will develop joint action plans."
    actors, confidence = resolve_actors(
        "USTR said the partners will develop joint action plans.", "", "action plan"
    )
    assert actors == ["USTR"]
    assert confidence < 1.0
    assert "USTR" not in without_attribution("USTR said the partners will develop plans.")
    assert run(sentence, PUBLISHED, "en").undated


def test_paragraphs_before_stops_at_a_blank_line():
    text = "First paragraph.\n\nSecond one. Third sentence."
    paragraphs = Paragraphs.of(text)
    assert paragraphs.before(text.index("Third")) == "Second one. "


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("President Trump", "President of the United States"),
        ("Präsident Donald Trump", "President of the United States"),
        ("US-Präsident Donald Trump", "President of the United States"),
        ("President Donald J. Trump", "President of the United States"),
        ("US-Regierung", "United States"),
        ("japanische Regierung", "Japan"),
        ("Canadian government", "Canada"),
        ("EU-Mitgliedstaaten", "European Union"),
        ("Bundeswirtschaftsministerium", "Germany"),
        ("Vizepräsident JD Vance", "Vice President of the United States"),
        ("stakeholders", "interested parties"),
    ],
)
def test_canonical_actor_maps_common_aliases_de_en(alias, canonical):
    assert canonical_actor(alias) == canonical
