from __future__ import annotations

from tracker.extract.meta.lang import detect_language


def test_detect_language_german_text():
    assert (
        detect_language("Die Kommission wird den Bericht bis Ende März vorlegen und prüfen.")
        == "de"
    )


def test_detect_language_english_text():
    assert (
        detect_language("The Secretary shall submit a report to the President within 180 days.")
        == "en"
    )


def test_detect_language_defaults_on_empty_text():
    assert detect_language("") == "en"
    assert detect_language("12345", default="de") == "de"
