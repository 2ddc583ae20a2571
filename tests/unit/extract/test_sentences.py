from __future__ import annotations

from tracker.extract.sentences import split_sentences


def test_split_sentences_keeps_offsets_into_the_text():
    text = "Erster Satz. Zweiter Satz mit 25. Juli 2018 darin.\n\nDritter."
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
    assert [s.text for s in split_sentences(text)] == [
        "Erster Satz.",
        "Zweiter Satz mit 25. Juli 2018 darin.",
        "Dritter.",
    ]


def test_split_sentences_does_not_cut_at_abbreviations_en():
    text = (
        "The U.S. Trade Representative met Dr. Smith in Washington, D.C. on Monday. Then he left."
    )
    assert len(split_sentences(text)) == 2


def test_split_sentences_does_not_cut_at_ordinals_de():
    text = "Ab dem 1. Januar 2026 gilt die Regel. Die Frist endet am 3. März."
    assert len(split_sentences(text)) == 2


def test_split_sentences_short_lines_stand_alone():
    text = "Termine\n07.04.2025\nAb dem 1. Januar 2026 gilt die Regel."
    assert [s.text for s in split_sentences(text)][:2] == ["Termine", "07.04.2025"]
