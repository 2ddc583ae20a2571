"""Pure rendering of reminders: one-line subjects, bodies with sources and quotes."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.unit.notify.conftest import item_view, reminder_ref
from tracker.notify.base import render_reminder, render_subject, single_line

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    ("kind", "days_before", "expected"),
    [
        ("lead", 7, "Due in 7 days (Mon 30 Mar 2026)"),
        ("lead", 1, "Due in 1 day (Mon 30 Mar 2026)"),
        ("due", 0, "Due today (Mon 30 Mar 2026)"),
        ("overdue", -1, "Overdue since Mon 30 Mar 2026"),
    ],
)
def test_render_subject_says_when(kind, days_before, expected):
    subject = render_subject(reminder_ref(kind=kind, days_before=days_before), item_view())
    assert subject == f"[tracker] {expected}: Die Kommission legt den Aktionsplan vor"


def test_render_subject_strips_line_breaks_from_article_text():
    item = item_view(description="Plan\r\nBcc: victim@example.org\u2028next\x85line\n")
    subject = render_subject(reminder_ref(), item)
    assert "\n" not in subject
    assert "\r" not in subject
    assert "\u2028" not in subject
    assert subject.endswith("Plan Bcc: victim@example.org next line")


def test_render_subject_truncates_long_text():
    subject = render_subject(reminder_ref(), item_view(description="x" * 500))
    assert len(subject) < 150
    assert subject.endswith("…")


def test_render_text_lists_item_due_date_and_quoted_sources():
    text = render_reminder(reminder_ref(), item_view(), BERLIN).text
    assert "Due: 2026-03-30" in text
    assert "Actors: Europäische Kommission" in text
    assert "https://example.org/a?x=1&y=2" in text
    assert "“Die Kommission wird den Plan bis zum 30. März 2026 vorlegen.”" in text
    assert "2026-03-29 09:00 CEST" in text  # fire time in the configured zone


def test_render_html_escapes_everything():
    item = item_view(description="<script>alert(1)</script>")
    html = render_reminder(reminder_ref(), item, BERLIN).html
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "Kommission &lt;plant&gt; &amp; handelt" in html
    assert 'href="https://example.org/a?x=1&amp;y=2"' in html


@given(st.text())
def test_single_line_never_keeps_line_breaks(text):
    line = single_line(text)
    assert not any(c in line for c in "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
    assert line == line.strip()
