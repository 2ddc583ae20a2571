"""Numbers that are no dates give no expression: counts, amounts, percentages, year spans,
versions, phone numbers, section numbers, ratios, scores (de + en)."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract.dates import find_dates

ANCHOR = date(2026, 2, 5)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Das Abkommen gilt in 50 Ländern.", "de"),
        ("Der Fonds umfasst 12 Milliarden Euro.", "de"),
        ("Die Statistik deckt 1999-2026 ab.", "de"),
        ("Die Inflation lag bei 3,5 %.", "de"),
        ("Der Mindestlohn steigt auf 13,90 Euro pro Stunde.", "de"),
        ("Installieren Sie Version 2.10 oder Version 3.1.4.", "de"),
        ("Rufen Sie +49 30 1234-5678 oder 030/1234567 an.", "de"),
        ("Siehe Ziffer 4.2. und Abschnitt 3.1 der Richtlinie.", "de"),
        ("Der Dax schloss bei 24.639,10 Punkten.", "de"),
        ("Die Mehrheit lag bei 2/3 der Stimmen.", "de"),
        ("Bis zu 2000 Menschen kamen.", "de"),
        ("The fund holds 12 billion dollars in 50 countries.", "en"),
        ("Inflation was 3.5 percent, prices rose 13.90 dollars.", "en"),
        ("The series covers 1999-2026.", "en"),
        ("Upgrade to version 2.10 or call 555-0199.", "en"),
        ("Advancers outnumbered decliners by 1.42-to-1.", "en"),
        ("A 2/3 majority of members voted.", "en"),
        ("See section 3.2 and clause 4 of the agreement.", "en"),
        ("The service runs 24 hours a day.", "en"),
        ("It may rain, and they march on.", "en"),
        ("Das Update auf iOS 18.2 und Kapitel 4.3 sind fertig.", "de"),
        ("In der zweiten Hälfte der Saison fielen die Tore.", "de"),
        ("Growth was 3.2.", "en"),
        ("She scored in the second half of the game and in the quarter-finals.", "en"),
        ("Prices rose in the first quarter-century of the euro.", "en"),
        ("Sprecherin Mai Thi Nguyen und der Schauspieler August Diehl kamen.", "de"),
        ("Reporter June Kim and April Smith wrote it.", "en"),
        ("Security rules were tightened after 9/11.", "en"),
    ],
)
def test_numbers_and_words_that_are_not_dates_de_en(text, lang):
    found = find_dates(text, anchor=ANCHOR, lang=lang, strict=True)
    dated = [e for e in found if e.type != "set" and (e.value or e.start or e.end)]
    assert dated == [], dated
