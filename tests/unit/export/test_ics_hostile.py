"""Hostile article text must come back unchanged (bar control characters) from every parser."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import icalendar
import vobject
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tests.unit.export.factories import item_factory, source_factory
from tracker.export.ics import item_to_ics

NOW = datetime(2026, 2, 7, 8, 0, tzinfo=UTC)
SPECIAL = ["\r\n", "\r", "\n", ";", ",", "\\", ":", '"', "\t", " ", "\\N", "\\n", "\\,"]
SPECIAL += ["ä", "Ö", "ß", "é", "😀", "🇩🇪", "👩‍👩‍👧", "中"]
SPECIAL += ["\u2028", "\x00", "\x1b", "\x7f", "\x85", "\ud800", "\udfff"]
hostile = st.lists(st.one_of(st.sampled_from(SPECIAL), st.characters()), max_size=200).map("".join)
long_chars = st.sampled_from(["a", "ä", "😀", ",", ";", "\\"])
long_line = st.text(alphabet=long_chars, min_size=300, max_size=3000)


def expected(text: str) -> str:
    """What a reader should get back: newlines as LF, control characters and lone surrogates
    (which no UTF-8 text can carry) removed."""
    text = re.sub(r"\r\n|\r|\u2028|\u2029", "\n", text)
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]", "", text)


def _assert_well_formed(body: bytes) -> None:
    body.decode("utf-8")  # never a split UTF-8 sequence
    assert body.endswith(b"\r\n")
    lines = body[:-2].split(b"\r\n")
    assert all(len(line) <= 75 for line in lines), max(lines, key=len)
    assert all(b"\r" not in line and b"\n" not in line for line in lines)


@settings(max_examples=150, deadline=None)
@given(text=st.one_of(hostile, long_line))
def test_item_to_ics_hostile_text_round_trips(text):
    assume("\u2060" not in text)  # the word joiner is how a literal backslash-N is kept
    item = item_factory(
        description=text,
        actors=["Bund, Länder; \\ Kommunen", "EU"],
        sources=[source_factory(quote=text, title=text)],
    )
    body = item_to_ics(item, now=NOW, leads=[timedelta(days=1)])

    _assert_well_formed(body)
    [event] = icalendar.Calendar.from_ical(body).events
    assert str(event["SUMMARY"]).replace("\u2060", "") == expected(text)
    assert expected(text) in str(event["DESCRIPTION"]).replace("\u2060", "")
    assert event.categories == ["Bund, Länder; \\ Kommunen", "EU"]
    parsed = vobject.readOne(body.decode("utf-8")).vevent
    assert parsed.summary.value.replace("\u2060", "") == expected(text)


@given(text=hostile)
def test_item_to_ics_hostile_actor_names_stay_one_category_each(text):
    assume("\u2060" not in text and expected(text).strip())
    item = item_factory(actors=[text, "EU"])
    [event] = icalendar.Calendar.from_ical(item_to_ics(item, now=NOW, leads=[])).events
    assert [c.replace("\u2060", "") for c in event.categories] == [expected(text).strip(), "EU"]


def test_item_to_ics_keeps_a_literal_backslash_n():
    item = item_factory(description=r"Pfad C:\Neu\nicht")
    [event] = icalendar.Calendar.from_ical(item_to_ics(item, now=NOW, leads=[])).events
    assert str(event["SUMMARY"]).replace("\u2060", "") == r"Pfad C:\Neu\nicht"


def test_item_to_ics_folds_long_umlaut_lines_at_75_octets():
    item = item_factory(description="Überprüfung " * 40)
    body = item_to_ics(item, now=NOW, leads=[])
    _assert_well_formed(body)
    assert b"\r\n " in body  # folded, with the space continuation
