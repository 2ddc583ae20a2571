# ruff: noqa: E501 (tables of test sentences read best one per line)
"""Change statements, one family of verbs at a time, in German and English (own sentences)."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract import extract
from tracker.extract.models import Change

PUBLISHED = date(2026, 3, 2)


def changes(text: str, lang: str) -> list[Change]:
    return extract(text, published=PUBLISHED, lang=lang).changes


@pytest.mark.parametrize(
    ("text", "lang", "kind", "new_due"),
    [
        ("Das Ministerium hat die Frist für Stellungnahmen auf den 15. Mai 2026 verschoben.", "de", "postponed", date(2026, 5, 15)),
        ("Die Anhörung wurde auf den 20. April vertagt.", "de", "postponed", date(2026, 4, 20)),
        ("The agency postponed the hearing to April 20, 2026.", "en", "postponed", date(2026, 4, 20)),
        ("The vote was pushed back to May 5.", "en", "postponed", date(2026, 5, 5)),
        ("Die Kommission verlängert die Konsultation bis zum 30. April 2026.", "de", "extended", date(2026, 4, 30)),
        ("The department extended the comment period until April 30, 2026.", "en", "extended", date(2026, 4, 30)),
        ("Die Abgabefrist wird auf den 10. März vorgezogen.", "de", "advanced", date(2026, 3, 10)),
        ("The council brought the vote forward to March 10.", "en", "advanced", date(2026, 3, 10)),
        ("Today's notice changes the filing deadline to June 1, 2026.", "en", "moved", date(2026, 6, 1)),
    ],
)  # fmt: skip
def test_moves_read_the_new_date(text: str, lang: str, kind: str, new_due: date) -> None:
    [change] = changes(text, lang)
    assert (change.kind, change.new_due) == (kind, new_due)
    assert text[change.span[0] : change.span[1]] == change.trigger


@pytest.mark.parametrize(
    ("text", "lang", "kind", "shift"),
    [
        ("Der Start der Abgabe wurde um zwei Wochen verschoben.", "de", "postponed", ((2, "week"),)),
        ("The reporting obligation was delayed by 12 months.", "en", "postponed", ((12, "month"),)),
        ("Die Übergangsfrist wird um sechs Monate verlängert.", "de", "extended", ((6, "month"),)),
        ("The pause on the duties was extended by 30 days.", "en", "extended", ((30, "day"),)),
        ("The notice moves the deadline for written comments up by five days.", "en", "advanced", ((-5, "day"),)),
    ],
)  # fmt: skip
def test_moves_by_a_shift_keep_it_relative_to_the_old_date(
    text: str, lang: str, kind: str, shift: tuple[tuple[int, str], ...]
) -> None:
    [change] = changes(text, lang)
    assert (change.kind, change.new_due, change.shift) == (kind, None, shift)


@pytest.mark.parametrize(
    ("text", "lang", "old_due", "new_due"),
    [
        ("Die Zölle sollten ursprünglich am 1. April 2026 starten; sie wurden auf den 1. Juli 2026 verschoben.", "de", date(2026, 4, 1), date(2026, 7, 1)),
        ("The tariffs, previously set to start on April 1, 2026, were postponed to July 1, 2026.", "en", date(2026, 4, 1), date(2026, 7, 1)),
        ("Der Anwendungsbeginn wird von Ende Juni 2026 auf Ende Dezember 2026 verschoben.", "de", date(2026, 6, 30), date(2026, 12, 31)),
    ],
)  # fmt: skip
def test_the_old_date_is_read_when_the_text_names_it(
    text: str, lang: str, old_due: date, new_due: date
) -> None:
    [change] = changes(text, lang)
    assert (change.old_due, change.new_due) == (old_due, new_due)


def test_the_old_date_may_stand_in_the_sentence_before() -> None:
    for text, lang in [
        ("The deadline for comments was March 20, 2026. Today's notice changes the deadline to April 3, 2026.", "en"),
        ("Die Frist für Anträge war der 20. März 2026. Sie wurde auf den 3. April 2026 verschoben.", "de"),
    ]:  # fmt: skip
        [change] = changes(text, lang)
        assert (change.old_due, change.new_due) == (date(2026, 3, 20), date(2026, 4, 3))


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        ("Das Treffen der Handelsminister wurde abgesagt.", "de", "cancelled"),
        ("Die Regierung hat den Gesetzentwurf zurückgezogen.", "de", "cancelled"),
        ("The summit was cancelled after the talks collapsed.", "en", "cancelled"),
        ("The administration has scrapped the planned levy.", "en", "cancelled"),
        ("Die Zölle werden bis auf Weiteres ausgesetzt.", "de", "paused"),
        ("The new duties were suspended on Monday.", "en", "paused"),
        ("Der Bericht wurde am Montag vorgelegt.", "de", "met"),
        ("Das Abkommen wurde in Brüssel unterzeichnet.", "de", "met"),
        ("Die Verordnung ist am 1. März in Kraft getreten.", "de", "met"),
        ("The action plan was presented to parliament on Monday.", "en", "met"),
        ("The memorandum was signed in Washington.", "en", "met"),
        ("The regulation entered into force on March 1.", "en", "met"),
        ("Nach ihrem Treffen gaben beide Seiten eine Erklärung ab.", "de", "met"),
        ("After their meeting the ministers announced a framework.", "en", "met"),
    ],
)  # fmt: skip
def test_status_changes(text: str, lang: str, kind: str) -> None:
    [change] = changes(text, lang)
    assert change.kind == kind
    assert change.new_due is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Das Abkommen soll im Mai unterzeichnet werden.", "de"),
        ("The agreement is expected to be signed in May.", "en"),
        ("The plan will be presented within 30 days.", "en"),
        ("Permitting delays hold back new mines.", "en"),
        ("Die Kommission legt binnen 30 Tagen einen Bericht vor.", "de"),
    ],
)  # fmt: skip
def test_plans_and_nouns_are_no_change(text: str, lang: str) -> None:
    assert changes(text, lang) == []


def test_a_move_wins_over_a_meeting_in_the_same_sentence() -> None:
    text = (
        "Nach einem Telefonat verschiebt die Regierung die Einführung der Abgabe auf den 9. Juli."
    )
    [change] = changes(text, "de")
    assert (change.kind, change.new_due) == ("postponed", date(2026, 7, 9))
