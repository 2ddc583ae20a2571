"""Short descriptions: the promised clause, without connectors, attributions or the date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.unit.extract.conftest import run
from tracker.extract.describe.summary import LIMIT, summarise

PUBLISHED = date(2026, 3, 3)


def _description(sentence: str, lang: str) -> str:
    x = run(sentence, PUBLISHED, lang)
    [item] = [*x.commitments, *x.undated]
    return item.description


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        (
            "Zudem soll die Agentur binnen zwei Wochen einen Bericht über Lieferketten vorlegen.",
            "de",
            "Agentur soll einen Bericht über Lieferketten vorlegen",
        ),
        (
            "Der Verband will bis Ende Juni eine Stellungnahme zur Batterieverordnung abgeben, "
            "sagte eine Sprecherin.",
            "de",
            "Verband will eine Stellungnahme zur Batterieverordnung abgeben",
        ),
        (
            "Eine Entscheidung über die Förderung wird innerhalb von 60 Tagen erwartet.",
            "de",
            "Entscheidung über die Förderung erwartet",
        ),
        (
            "Laut [Handelsblatt](https://example.org/a) will das Ministerium bis 2027 ein "
            "Rohstoffgesetz verabschieden.",
            "de",
            "Ministerium will ein Rohstoffgesetz verabschieden",
        ),
        (
            "Meanwhile, the agency shall publish updated guidance within 45 days, officials said.",
            "en",
            "Agency to publish updated guidance",
        ),
        (
            "Within 90 days of the date of this order, the Secretary of Energy shall submit a "
            "report on grid transformer shortages to the President.",
            "en",
            "Secretary of Energy to submit a report on grid transformer shortages to the President",
        ),
        ("Rebuttal comments are due by April 10, 2026.", "en", "Rebuttal comments due"),
        (
            "In addition, the ministry is expected to finalise the licensing rules "
            "(see annex) by June 30, 2026.",
            "en",
            "Ministry to finalise the licensing rules",
        ),
    ],
)
def test_description_is_the_promised_clause_de_en(sentence, lang, expected):
    assert _description(sentence, lang) == expected


def test_description_of_a_compound_deliverable_is_its_noun_phrase_de():
    sentence = "Außerdem stellte die Kommission einen 90-Tage-Aktionsplan mit Kanada vor."
    assert _description(sentence, "de") == "90-Tage-Aktionsplan der Kommission mit Kanada"


def test_description_of_a_compound_deliverable_is_its_noun_phrase_en():
    sentence = "Separately, Japan unveiled a 60-day action plan with Australia."
    assert _description(sentence, "en") == "Japan 60-day action plan with Australia"


def test_description_completes_an_anaphoric_deliverable_from_the_paragraph_de():
    text = (
        "Die Staaten arbeiten an einem Abkommen über den Handel mit Seltenen Erden. "
        "Eine entsprechende Absichtserklärung wird binnen 20 Tagen erwartet."
    )
    [memo] = run(text, PUBLISHED, "de").commitments
    assert (
        memo.description
        == "Absichtserklärung zum Abkommen über den Handel mit Seltenen Erden erwartet"
    )


def test_description_of_a_planned_noun_starts_at_the_plan_de():
    sentence = "Der Besuch dient der Vorbereitung einer geplanten Reform des Zollkodex."
    assert _description(sentence, "de") == "Geplante Reform des Zollkodex"


def test_description_is_cut_at_a_word_boundary():
    sentence = (
        "The committee will develop joint guidelines for the certification of recycled "
        "battery materials, the tracing of cobalt and lithium, and the auditing of smelters."
    )
    description = summarise(sentence, 14, lang="en")
    assert len(description) <= LIMIT + 1
    assert description.endswith("…")
    assert description[:-1] in sentence.replace("The committee will", "Committee to")


def test_event_description_keeps_the_happening_without_its_date_de_en():
    de = run("Am Montag hatte die Regierung ein Verbot von Exporten angekündigt.", PUBLISHED, "de")
    assert de.events[0].description == "Regierung hatte ein Verbot von Exporten angekündigt"
    en = run("On Monday, the agency published its final rule.", PUBLISHED, "en")
    assert en.events[0].description == "Agency published its final rule"


def test_quote_stays_the_whole_sentence():
    sentence = "Zudem soll die Agentur binnen zwei Wochen einen Bericht vorlegen."
    [item] = run(sentence, PUBLISHED, "de").commitments
    assert item.quote == sentence


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        (
            "Mit dem 1. Juli 2026 geht das neue Meldesystem in den Regelbetrieb.",
            "de",
            "Das neue Meldesystem geht in den Regelbetrieb",
        ),
        (
            "Ab dem 1. Juli 2026 dürfen nur noch registrierte Händler Batterien verkaufen.",
            "de",
            "Registrierte Händler dürfen nur noch Batterien verkaufen",
        ),
        (
            "Applications are due at 5:00 p.m. EST on April 15, 2026.",
            "en",
            "Applications due",
        ),
        (
            "This rule is effective May 1, 2026, except for the labelling provisions, which "
            "apply to products imported after the transition period has ended.",
            "en",
            "This rule is effective",
        ),
        (
            "The ministry committed to a review of the quota system by June 30, 2026.",
            "en",
            "Ministry committed to a review of the quota system",
        ),
    ],
)
def test_description_drops_clock_times_exceptions_and_orphaned_cues_de_en(sentence, lang, expected):
    assert _description(sentence, lang) == expected


@given(st.text(max_size=300), st.integers(min_value=-5, max_value=305))
def test_summarise_never_raises_and_stays_short(text, focus):
    description = summarise(text, focus, lang="de", context=text)
    assert len(description) <= LIMIT + 1
    assert "\x01" not in description
    assert "\x02" not in description
