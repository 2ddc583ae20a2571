"""Undated commitments: planned actions without a resolvable date, never guessed."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.extract.conftest import run, undated

PUBLISHED = date(2026, 2, 5)


@pytest.mark.parametrize(
    ("sentence", "lang", "deliverable", "reason"),
    [
        (
            "Die Partner würden gemeinsame Aktionspläne entwickeln.",
            "de",
            "action plan",
            "no date given",
        ),
        (
            "Der Schritt erfolgt vor einer geplanten Überprüfung des Abkommens.",
            "de",
            "review",
            "no date given",
        ),
        ("Die USA sollen die Zölle zügig senken.", "de", "tariff", "vague horizon"),
        ("In etwa einem Jahr werden wir genug Rohstoffe haben.", "de", "", "vague horizon"),
        ("The partners will develop joint action plans.", "en", "action plan", "no date given"),
        (
            "The agency is seeking public comments on the proposed tariffs.",
            "en",
            "comments",
            "no date given",
        ),
        ("About a year from now, supply will double.", "en", "", "vague horizon"),
        (
            "These restrictions will increase incrementally over 22 years.",
            "en",
            "",
            "phased in over a period",
        ),
    ],
)
def test_undated_plans_de_en(sentence, lang, deliverable, reason):
    x = run(sentence, PUBLISHED, lang)
    assert x.commitments == []
    [plan] = undated(x)
    assert plan.reason == reason
    if deliverable:
        assert plan.deliverable == deliverable
    assert sentence[plan.span[0] : plan.span[1]] == plan.trigger


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Die Reserve solle sicherstellen, dass es keine Engpässe gebe.", "de"),
        ("Die EU-Kommission hatte ihren Vorschlag veröffentlicht.", "de"),
        ("The extension is set to benefit seasonal imports.", "en"),
        ("You will receive a reply during normal business hours.", "en"),
    ],
)
def test_undated_ignores_statements_without_a_planned_deliverable_de_en(sentence, lang):
    assert undated(run(sentence, PUBLISHED, lang)) == []
