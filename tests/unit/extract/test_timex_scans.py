"""The timex finders' shortcuts (split scans, literal-led twins, pre-checks) equal plain scans."""

from __future__ import annotations

import random
import re

import pytest

from tracker.extract import patterns as p
from tracker.extract.dates import days as timex_dates
from tracker.extract.dates import scan as timex
from tracker.extract.dates import timex_durations
from tracker.extract.dates.numbers import parse_number
from tracker.extract.folding import search_folded_in

WORDS = [
    *("März", "Mai", "May", "Jan.", "Sept.", "Sep", "Dezember", "Montag", "Mondays", "Sonnabend"),
    *("Quartal", "quarter", "Q3", "Q5", "later this year", "noch in diesem Jahr", "Jahresverlauf"),
    *("im Laufe des Jahres", "Jahresende", "end of the year", "year-end", "of this year", "Jahres"),
    *("heute", "Heutigen", "today", "Tonight", "gestern", "yesterday", "last month"),
    *("letzten Monat", "Tage", "Tagen", "days", "Day", "Jahr", "years", "Woche", "Monaten"),
    *("Kalendertage", "Werktag", "calendar", "business", "Vertrag", "say", "clear", "Greek"),
    *("Jahresear", "dayear", "heutoday", "30", "2026", "drei", "one hundred", "a", "einen"),
    *("zwanzig", "twenty-one", "²", "x-30", "1.", "-Tage-Frist", "‑Monats‑Plan", "-day review"),
    *("-year action plan", "-WOCHEN-Pause", "-", "Jahreswechsel 2025/2026"),
    *("turn of the year 2025-2026", "am", "On", "ab dem", "the", "dritten", "tenth", "Tag", "day"),
    *("nach", "after", "following", "of", "seit", "bis zum", "bis spätestens zum", "no later than"),
    *("not later than", "on or before", "Ab", "vom", "den", "einschl.", "effective from", "As of"),
    *("within the next", "in den nächsten", "Kürbis", "ſ", "innerhalb von", "DURING THE COMING"),
    *("over the following", "etwa", "rund", "vor", "ago"),
]
SEPARATORS = [" ", " ", " ", "  ", "", "-", "\n", ". ", ", ", "(", "_", "\xa0"]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(0, 25)):
            parts += [rng.choice(WORDS), rng.choice(SEPARATORS)]
        text = "".join(parts)
        texts.append("".join(c.swapcase() if rng.random() < 0.03 else c for c in text))
    return texts


TEXTS = _texts(600, 7)


@pytest.mark.parametrize(
    ("scanners", "locator"),
    [
        (timex_durations._UNIT_SCANNERS, p.UNIT_LOCATOR),
        (timex._YEAR_END_SCANNERS, p.YEAR_END),
        (timex._TODAY_SCANNERS, p.TODAY_LOCATOR),
        (timex._LAST_MONTH_SCANNERS, p.LAST_MONTH_LOCATOR),
        ((p.YESTERDAY_LOCATOR,), p.YESTERDAY_LOCATOR),
    ],
)
def test_hits_equal_locator_finditer(scanners, locator):
    merged = 0
    for text in TEXTS:
        expected = [m.span() for m in locator.finditer(text)]
        assert [m.span() for m in timex_dates.hits(scanners, locator, text)] == expected
        fallback = re.compile("(?!)")  # finds nothing: shows when the merged hits were kept
        if [m.span() for m in timex_dates.hits(scanners, fallback, text)] == expected:
            merged += 1
    assert merged > len(TEXTS) / 2


def test_hits_merge_only_without_overlaps():
    """Scanners "ab" and "bc" on "abc": the alternation finds "ab" only."""
    scanners = (re.compile("ab"), re.compile("bc"))
    assert [m.span() for m in timex_dates.hits(scanners, re.compile("ab|bc"), "abc abc")] == [
        (0, 2),
        (4, 6),
    ]


@pytest.mark.parametrize(
    ("scanners", "pattern"),
    [
        (timex._MONTH_SCANNERS, p.MONTH_CORE),
        (timex_dates._WEEKDAY_SCANNERS, p.WEEKDAY_CORE),
        (timex._QUARTER_SCANNERS, p.QUARTER_CORE),
        (timex._THIS_YEAR_SCANNERS, p.THIS_YEAR),
        (timex_durations._COMPOUND_SCANNERS, p.COMPOUND_CORE),
        (timex_dates._YEAR_TURN_SCANNERS, p.YEAR_TURN),
    ],
)
def test_scan_equals_finditer(scanners, pattern):
    for text in TEXTS:
        assert [m.span() for m in timex_dates.scan(scanners, text, pattern)] == [
            m.span() for m in pattern.finditer(text)
        ]


# `_DATE_CUE` as it was written before its alternatives were led by literals.
_DATE_CUE_CLASSES = re.compile(
    r"(?P<cue>(?:[Bb]is\s+(?:zum\s+|spätestens\s+(?:zum\s+|am\s+)?|einschließlich\s+|einschl\.\s+)?"
    r"|[Ss]pätestens\s+(?:am\s+|bis\s+(?:zum\s+)?)?|[Aa]b\s+(?:dem\s+)?|[Vv]om\s+|[Aa]m\s+|"
    r"[Ss]eit\s+(?:dem\s+)?|[Nn]o\s+later\s+than\s+|[Nn]ot\s+later\s+than\s+|[Oo]n\s+or\s+before\s+|"
    r"[Bb]y\s+|[Uu]ntil\s+|[Tt]ill\s+|[Tt]hrough\s+|[Bb]efore\s+|[Ee]ffective\s+(?:on\s+|from\s+)?|"
    r"[Ff]rom\s+|[Ss]tarting\s+(?:on\s+|from\s+)?|[Bb]eginning\s+(?:on\s+)?|[Aa]s\s+of\s+|[Oo]n\s+|"
    r"[Ii]s\s+|[Oo]f\s+|[Ss]ince\s+|[Zz]um\s+))(?:the\s+|de[nm]\s+)?$"
)


def _same(first: re.Match[str] | None, second: re.Match[str] | None) -> bool:
    if first is None or second is None:
        return first is second
    return first.span() == second.span() and first.groupdict() == second.groupdict()


def test_cue_patterns_equal_their_class_led_forms():
    checked = 0
    for text in TEXTS:
        for end in range(len(text) + 1):
            start = max(0, end - 60)
            assert _same(
                timex_dates._DATE_CUE.search(text, start, end),
                _DATE_CUE_CLASSES.search(text, start, end),
            )
            assert _same(
                search_folded_in(timex_durations._DURATION_CUE, text, start, end),
                p.DURATION_CUE.search(text, start, end),
            )
            checked += 1
    assert checked > 10_000


def test_day_words_are_the_ends_of_tag_or_day():
    for text in [*TEXTS, "Tag", " day", "x day_", " Tage", "\tday."]:
        expected = [m.end() for m in re.finditer(r"\s(?:Tag|day)\b", text)]
        assert sorted(timex_durations._day_words(text)) == expected


def _number_ending_at_all_counts(text: str, end: int, *, spaced: bool) -> tuple[int, int] | None:
    """`_number_ending_at` as it was, trying three tokens, two and one after digits too."""
    window_start = max(0, end - 45)
    tokens = list(timex_durations._TOKEN.finditer(text, window_start, end))
    gap = text[tokens[-1].end() : end] if tokens else ""
    if not tokens or (gap.strip() or (bool(gap) != spaced)):
        return None
    if not parse_number(tokens[-1].group(0)):
        return None
    for count in (3, 2, 1):
        if len(tokens) < count or (tokens[-count].start() == window_start and window_start > 0):
            continue
        first = tokens[-count]
        value = parse_number(text[first.start() : tokens[-1].end()])
        if value and (first.start() == 0 or text[first.start() - 1] not in ".,-"):
            return value, first.start()
    return None


def test_number_ending_at_skips_longer_spans_after_digits():
    for text in TEXTS:
        for end in range(len(text) + 1):
            for spaced in (True, False):
                try:
                    expected = _number_ending_at_all_counts(text, end, spaced=spaced)
                except ValueError:  # int("²"), in both
                    with pytest.raises(ValueError, match="invalid literal"):
                        timex_durations._number_ending_at(text, end, spaced=spaced)
                    continue
                assert timex_durations._number_ending_at(text, end, spaced=spaced) == expected


def test_units_left_out_have_no_number_before_them():
    """`_units` skips unit words without white space before them: no number ends there."""
    for text in TEXTS:
        kept = {(start, end) for start, end, _ in timex_durations._units(text)}
        for hit in p.UNIT_LOCATOR.finditer(text):
            start = hit.start()
            while start > 0 and text[start - 1].isalpha():
                start -= 1
            if p.UNIT_WORD.fullmatch(text, start, hit.end()) is None:
                continue
            qualifier = timex_durations._QUALIFIER.search(text, max(0, start - 10), start)
            start = qualifier.start() if qualifier else start
            if (start, hit.end()) not in kept:
                assert timex_durations._number_ending_at(text, start, spaced=True) is None
