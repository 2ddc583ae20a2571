"""Properties of `find_dates` on arbitrary text, strict (a finder bug raises): it never raises,
spans index the text, days are real dates in order, and expressions do not overlap."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.extract.dates import find_dates

FRAGMENTS = st.sampled_from(
    [
        "am 31. Februar", "31.02.2026", "99.99.9999", "2026-02-30", "29.2.", "Feb 29th",
        "bis Ende März", "Mitte 2026", "ab 2027", "vom 3. bis 7. März", "zwischen Mai und Juli",
        "innerhalb von 30 Tagen", "binnen dreißig Tagen", "anderthalb Jahre", "vor zwei Wochen",
        "nächsten Dienstag", "am heutigen Mittwoch", "Sonntagabend", "übermorgen", "KW 53",
        "erster Dienstag im Oktober", "letzter Tag im Februar", "3 fridays from now",
        "the 31st", "on the first", "Q3 2026", "H2", "1H", "2018Q4", "the 4th qtr of 2018",
        "within 180 days of the date of this order", "a month and a half", "3 years from today",
        "next Wednesday", "last week's sunday", "the day after tomorrow", "EOY", "by EOM",
        "at 11:59 p.m. EST", "um 17 Uhr", "(gegen 17.00 Uhr)", "Weihnachten", "Easter 2027",
        "every 90 days thereafter", "monatlich", "1999-2026", "3,5 %", "13,90 Euro", "2/3",
        "05/02/2026", "Jahreswechsel 2025-2026", "in 14 a.d.", "0 Tage", "Tag", "den", "the",
        "bis", "until", "from", "-", "/", ".", ",", "\n\n", "(", ")", "İstanbul", "ſ",
    ]
)  # fmt: skip
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(FRAGMENTS, st.text(max_size=12)), max_size=20).map(" ".join),
)
ANCHORS = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, anchor=ANCHORS, lang=st.sampled_from(["de", "en"]))
def test_find_dates_never_raises_and_its_spans_index_the_text(text, anchor, lang):
    found = find_dates(text, anchor=anchor, lang=lang, strict=True)
    previous_end = 0
    for e in found:
        start, end = e.span
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == e.text
        assert start <= e.core_start < end
        previous_end = end
        for day in (e.value, e.start, e.end, e.due):
            assert day is None or isinstance(day, date)
        if e.start and e.end:
            assert e.start <= e.end
        assert e.type in ("date", "range", "duration", "set")
        assert e.grain in ("day", "week", "month", "quarter", "half", "year")
        assert e.direction in (None, "past", "future")
        if e.type == "date":
            assert e.value is not None
        if e.ref_span is not None:
            assert text[slice(*e.ref_span)] == e.ref


@settings(max_examples=100, deadline=None)
@given(text=TEXTS, anchor=ANCHORS, lang=st.sampled_from(["de", "en"]))
def test_find_dates_reads_the_same_text_the_same_way(text, anchor, lang):
    assert find_dates(text, anchor=anchor, lang=lang) == find_dates(text, anchor=anchor, lang=lang)
