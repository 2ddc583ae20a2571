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


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Eine Überprüfung der Schutzmaßnahmen ist geplant.", "no date given"),
        ("Neue Einfuhrquoten für Stahl sind vorgesehen.", "no date given"),
        (
            "Die Kommission soll einen Vorschlag für ein Lieferkettengesetz ausarbeiten.",
            "no date given",
        ),
        ("Das Ministerium will zügig eine Rohstoffagentur gründen.", "vague horizon"),
        ("Berlin plant eine nationale Rohstoffreserve für Gallium.", "no date given"),
        ("Die Regierung beabsichtigt, die Exportkontrollen zu verschärfen.", "no date given"),
        ("Der Minister kündigte an, eine Arbeitsgruppe einzusetzen.", "no date given"),
        ("In Kürze will die Behörde die Antragsformulare veröffentlichen.", "vague horizon"),
        (
            "Die Partner wollen demnächst Verhandlungen über ein Freihandelsabkommen aufnehmen.",
            "vague horizon",
        ),
        (
            "Sobald der Rat zustimmt, beginnen die Verhandlungen mit dem Parlament.",
            "conditional on an undated event",
        ),
        ("In den kommenden Wochen sollen die Zölle auf Aluminium gesenkt werden.", "vague horizon"),
        (
            "Die Zölle sollen 30 Tage nach Inkrafttreten der Verordnung erhöht werden.",
            "counted from an event the text does not date",
        ),
    ],
)
def test_undated_german_plans_passives_and_horizons(sentence, reason):
    x = run(sentence, PUBLISHED, "de")
    assert x.commitments == []
    [plan] = undated(x)
    assert plan.reason == reason


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("The agency will also set up a task force on critical minerals.", "no date given"),
        ("Australia plans to introduce an export levy on lithium concentrate.", "no date given"),
        ("The ministry intends to publish guidance for importers.", "no date given"),
        ("The two countries are expected to sign a memorandum on rare earths.", "no date given"),
        ("Brussels aims to conclude the negotiations soon.", "vague horizon"),
        ("The partners agreed to establish a joint stockpiling mechanism.", "no date given"),
        (
            "Once the Council adopts its position, talks with Parliament will start.",
            "conditional on an undated event",
        ),
        ("The department will issue further guidance in the coming weeks.", "vague horizon"),
        ("Canada is preparing to impose countervailing duties on Chinese steel.", "no date given"),
        ("The regulator will launch a review of the fee schedule in due course.", "vague horizon"),
        (
            "Duties will be lifted 90 days after the agreement enters into force.",
            "counted from an event the text does not date",
        ),
    ],
)
def test_undated_english_intents_conditions_and_horizons(sentence, reason):
    x = run(sentence, PUBLISHED, "en")
    assert x.commitments == []
    [plan] = undated(x)
    assert plan.reason == reason


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Die Nachfrage nach Lithium wird stark steigen.", "de"),
        ("Die Regierung hatte im vergangenen Jahr eine Strategie vorgelegt.", "de"),
        ("Deutschland ist der größte Abnehmer von Seltenen Erden in Europa.", "de"),
        ("Die Preise für Kobalt werden in den kommenden Monaten weiter steigen.", "de"),
        ("Eine Verlängerung der Frist ist nicht vorgesehen, die Quoten gelten weiter.", "de"),
        ("Demand for copper is expected to grow by 40 percent.", "en"),
        ("The agency published the rule last year.", "en"),
        ("China is the largest producer of refined gallium.", "en"),
        ("Prices are expected to rise in the coming months.", "en"),
        ("The department had planned to review the tariffs.", "en"),
        ("Once again, the ministry declined to comment.", "en"),
    ],
)
def test_undated_ignores_forecasts_past_actions_and_facts_de_en(sentence, lang):
    x = run(sentence, PUBLISHED, lang)
    assert undated(x) == []
    assert x.commitments == []


@pytest.mark.parametrize(
    ("sentence", "lang", "cue"),
    [
        (
            "Die Regierung will noch in diesem Jahr ein Rohstoffgesetz vorlegen.",
            "de",
            "noch in diesem Jahr",
        ),
        (
            "The Commission will present a proposal on recycling later this year.",
            "en",
            "later this year",
        ),
    ],
)
def test_within_this_year_is_due_at_year_end_de_en(sentence, lang, cue):
    x = run(sentence, PUBLISHED, lang)
    [item] = x.commitments
    assert item.trigger == cue
    assert item.due == date(2026, 12, 31)
    assert item.due_precision == "year"
