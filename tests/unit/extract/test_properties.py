"""Robustness: extract never raises on arbitrary text, and every span indexes the input."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.extract import extract

FRAGMENTS = st.sampled_from(
    [
        "innerhalb von 30 Tagen",
        "binnen zwei Wochen",
        "60-Tage-Aktionsplan",
        "bis Ende März",
        "within 180 days of the date of this order",
        "by June 1, 2026",
        "am Montag",
        "heute",
        "Q3 2026",
        "bis 2030",
        "March 11–12, 2025:",
        "05.02.2026 |",
        "wäre",
        "rückwirkend zum 1. August",
        "Seven calendar days after the last day of the hearing",
        "31.02.2026",
        "99.99.9999",
        "\n\n",
        "will develop",
        "geplanten Überprüfung",
        "2026-02-30",
        "Jahreswechsel 2025-2026",
        "03/15/2026",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(FRAGMENTS, st.text(max_size=20)), max_size=25).map(" ".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, lang=st.sampled_from(["de", "en", None]))
def test_extract_never_raises_and_spans_index_the_input(text, lang):
    x = extract(text, published=date(2026, 2, 5), lang=lang)
    for item in [*x.commitments, *x.undated, *x.events]:
        start, end = item.span
        assert 0 <= start < end <= len(text)
        assert text[start:end] == item.trigger
