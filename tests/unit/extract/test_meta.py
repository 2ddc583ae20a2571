from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import SEEDS
from tracker.extract.meta.document import detect_meta, is_metadata_line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" date 2026-02-04 Abhängigkeit von China\n\nText.", date(2026, 2, 4)),
        ("Titel\n\n05.02.2026 | [Redaktion](#)\n\nText.", date(2026, 2, 5)),
        ("Berlin, 02.03.2026\n\nDie Regierung plant.", date(2026, 3, 2)),
        ("March 20, 2025\n\nThe agency said.", date(2025, 3, 20)),
        ("20. März 2025\n\nDie Behörde teilte mit.", date(2025, 3, 20)),
        ("Washington, 25. Juli 2018\n\nText.", date(2018, 7, 25)),
        (
            "Federal Register / Vol. 89, No. 249 / Monday, December 30, 2024 / Notices",
            date(2024, 12, 30),
        ),
    ],
)
def test_detect_meta_finds_publication_date_forms(text, expected):
    assert detect_meta(text).published == expected


def test_detect_meta_finds_no_date_in_plain_prose():
    found = detect_meta("The minister will meet her counterpart on 4 March 2026 to sign it.")
    assert found.published is None


def test_detect_meta_reads_title_and_stated_url_from_seed():
    found = detect_meta((SEEDS / "000_79dfbcf063f59fb9.txt").read_text(encoding="utf-8"))
    assert found.published == date(2026, 2, 5)
    assert found.title is not None
    assert found.title.startswith("US-Behörden mobilisieren")
    assert found.url is not None
    assert found.url.startswith("https://www.rohstoff-welt.de/news/721408")


def test_detect_meta_title_skips_date_lines():
    found = detect_meta("April 17, 2025\n\nUSTR announces action on ships\n\nToday, USTR acted.")
    assert found.title == "USTR announces action on ships"


def test_is_metadata_line_accepts_datelines_only():
    assert is_metadata_line("Washington, 25. Juli 2018")
    assert is_metadata_line("04.02.2026 - 19:34:32")
    assert not is_metadata_line("Deadline: March 31, 2026")
    assert not is_metadata_line("The hearing will be held on March 31, 2026, in Washington.")
