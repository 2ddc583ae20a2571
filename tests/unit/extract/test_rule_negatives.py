"""Precision: numbers that are not durations, counterfactuals and retroactive dates give nothing."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.extract.conftest import run
from tracker.extract import extract

PUBLISHED = date(2026, 2, 5)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Vertreter aus mehr als 50 Ländern nahmen teil.", "de"),
        ("Die Reserve hat einen Wert von fast 12 Milliarden US-Dollar.", "de"),
        ("Copyright © by Beispiel.de -1999-2026.", "de"),
        ("The hotline is available 24 hours a day, 7 days a week.", "en"),
        ("Prices rose 5% over the past 12 months.", "en"),
        ("The company, founded 30 years ago, employs 1,200 people.", "en"),
        ("The agreement has been in force for 30 years.", "en"),
    ],
)
def test_numbers_that_are_not_deadlines_give_nothing_de_en(sentence, lang):
    x = run(sentence, PUBLISHED, lang)
    assert x.commitments == []
    assert x.undated == []


def test_counterfactual_gives_nothing_de_en():
    assert run("Diese Frist wäre am Samstag abgelaufen.", PUBLISHED, "de").events == []
    x = run("The tariffs had been due to take effect on March 1, 2026.", PUBLISHED, "en")
    assert x.commitments == []
    assert x.events == []


def test_past_duration_gives_nothing_de_en():
    assert run("Es wurde dann aber für sechs Monate ausgesetzt.", PUBLISHED, "de").commitments == []
    assert run("The measure was suspended for six months.", PUBLISHED, "en").commitments == []


def test_retroactive_reference_date_gives_nothing_de_en():
    x = run("Die USA senken die Zölle rückwirkend zum 1. August auf 15 Prozent.", PUBLISHED, "de")
    assert x.commitments == []
    assert x.events == []
    x = run("The cut applies retroactive to March 1, 2026 for all importers.", PUBLISHED, "en")
    assert x.commitments == []
    assert x.events == []


def test_past_date_is_never_a_deadline_de_en():
    x = run("Die Frist endete am 15. Januar 2026.", PUBLISHED, "de")
    assert x.commitments == []
    assert [e.date for e in x.events] == [date(2026, 1, 15)]
    x = run("Comments were due by January 20, 2026.", PUBLISHED, "en")
    assert x.commitments == []
    assert [e.date for e in x.events] == [date(2026, 1, 20)]


def test_forecast_is_not_a_commitment_de_en():
    assert (
        run("Die Nachfrage nach Kobalt soll sich bis 2030 verdoppeln.", PUBLISHED, "de").commitments
        == []
    )
    assert (
        run(
            "Demand for lithium is expected to grow twelvefold by 2040.", PUBLISHED, "en"
        ).commitments
        == []
    )


def test_policy_target_with_date_is_a_commitment_de_en():
    found = run(
        "Bis 2030 soll der Anteil recycelter Rohstoffe auf 20 Prozent steigen.", PUBLISHED, "de"
    )
    assert [c.due for c in found.commitments] == [date(2030, 12, 31)]
    found = run("The EU aims to process 40% of its needs domestically by 2030.", PUBLISHED, "en")
    assert [c.due for c in found.commitments] == [date(2030, 12, 31)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die Kommission wird innerhalb von 30 Tagen einen Plan vorlegen. Es waren ² Tage.", "de"),
        ("The agency will issue rules within 30 days. The test took 3² days.", "en"),
    ],
)
def test_a_superscript_number_neither_counts_nor_loses_the_other_findings_de_en(text, lang):
    """ "²" is a digit to `str.isdigit` that `int` refuses: it once emptied the whole text."""
    x = run(text, PUBLISHED, lang)
    assert [c.due for c in x.commitments] == [date(2026, 3, 7)]


def test_a_failing_finder_loses_only_its_own_expressions(monkeypatch):
    from tracker.extract.dates import find

    def broken(scan):
        yield from ()
        raise ValueError("a finder bug")

    monkeypatch.setattr(find, "FINDERS", (broken, *find.FINDERS))
    text = "The agency will issue rules within 30 days."
    x = extract(text, published=PUBLISHED, lang="en", strict=False)
    assert [c.due for c in x.commitments] == [date(2026, 3, 7)]
    assert x.warnings == ["dates.broken: ValueError: a finder bug"]
    with pytest.raises(ValueError, match="a finder bug"):
        extract(text, published=PUBLISHED, lang="en", strict=True)


def test_a_failing_rule_is_a_warning_for_users_and_an_error_in_strict_mode(monkeypatch):
    from tracker.extract import pipeline

    def broken(*args):
        raise KeyError("a rule bug")

    monkeypatch.setattr(pipeline, "resolve_fixed", broken)
    for text, lang in [
        (
            "Die Behörde legt bis 31. März 2026 einen Bericht vor. Binnen 30 Tagen folgt ein Plan.",
            "de",
        ),
        ("The agency will report by March 31, 2026. A plan follows within 30 days.", "en"),
    ]:
        x = extract(text, published=PUBLISHED, lang=lang, strict=False)
        assert [c.due for c in x.commitments] == [date(2026, 3, 7)]  # the duration survives
        assert x.warnings == ["broken: KeyError: 'a rule bug'"]  # named by the rule that failed
        with pytest.raises(KeyError):
            extract(text, published=PUBLISHED, lang=lang, strict=True)


def test_a_failing_description_keeps_the_finding_and_is_counted(monkeypatch):
    from tracker.extract import build

    def broken(*args, **kwargs):
        raise RuntimeError("a description bug")

    monkeypatch.setattr(build, "summarise", broken)
    for text, lang in [
        ("Die Behörde legt binnen 30 Tagen einen Bericht vor.", "de"),
        ("The agency will report within 30 days.", "en"),
    ]:
        x = extract(text, published=PUBLISHED, lang=lang, strict=False)
        [commitment] = x.commitments
        assert commitment.description  # the sentence stands in
        assert x.warnings == ["describe: RuntimeError: a description bug"]
        with pytest.raises(RuntimeError):
            extract(text, published=PUBLISHED, lang=lang, strict=True)
