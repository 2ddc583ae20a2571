from __future__ import annotations

import subprocess
import sys

import pytest

from tracker.extract.describe.actors import canonical_actor, find_actors


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("Mexiko", "Mexico"),
        ("mexico", "Mexico"),
        ("USA", "United States"),
        ("Vereinigte Staaten", "United States"),
        ("us", "United States"),
        ("EU", "European Union"),
        ("Europäische Union", "European Union"),
        ("Kanada", "Canada"),
        ("Australien", "Australia"),
        ("Deutschland", "Germany"),
        ("ustr", "USTR"),
        ("Department of Commerce", "Commerce"),
    ],
)
def test_canonical_actor_maps_aliases_case_insensitively(alias, canonical):
    assert canonical_actor(alias) == canonical


def test_canonical_actor_title_cases_unknown_names():
    assert canonical_actor("  ministry of   mines ") == "Ministry Of Mines"
    assert canonical_actor("Some Agency") == "Some Agency"


def test_find_actors_in_german_and_english_sentences():
    assert find_actors("Die Vereinigten Staaten stellten einen Plan mit Mexiko vor.") == [
        "United States",
        "Mexico",
    ]
    assert find_actors("USTR and the European Union will meet; Canada declined.") == [
        "USTR",
        "European Union",
        "Canada",
    ]


def test_find_actors_ignores_currency_and_lowercase_words():
    assert (
        find_actors("Eine Reserve im Wert von 12 Milliarden US-Dollar; us and eu are words.") == []
    )


def test_actors_module_imports_without_pydantic_or_dateparser():
    code = (
        "import sys, tracker.extract.describe.actors; "
        "print(any(m.startswith(('pydantic', 'dateparser')) for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
