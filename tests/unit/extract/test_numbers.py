from __future__ import annotations

import pytest

from tracker.extract.dates.numbers import parse_number


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("30", 30),
        ("dreißig", 30),
        ("dreissig", 30),
        ("zwei", 2),
        ("zwölf", 12),
        ("einundzwanzig", 21),
        ("hundertachtzig", 180),
        ("einem", 1),
        ("six", 6),
        ("Seven", 7),
        ("twenty-one", 21),
        ("one hundred eighty", 180),
        ("a", 1),
    ],
)
def test_parse_number_reads_digits_and_words_de_en(word, value):
    assert parse_number(word) == value


@pytest.mark.parametrize("word", ["zweixyz", "Tage", "", "many", "²", "3²"])
def test_parse_number_rejects_non_numbers(word):
    assert parse_number(word) is None
