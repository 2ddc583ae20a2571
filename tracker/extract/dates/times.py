"""Times of day ("um 17 Uhr", "16.30 Uhr", "at 11:59 p.m. EST", "gegen 18Uhr", "noon", "a quarter
past 3pm") and recurrences ("jeden Montag", "every 90 days", "montags", "monatlich").

A time next to a date becomes part of it (see `compose`); alone it stands for the anchor day.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from tracker.extract.dates import vocab as v
from tracker.extract.dates.numbers import AMOUNT
from tracker.extract.dates.pieces import Piece, Reading, Scan, day, matches

_ZONE = (
    r"(?:\s*\(?(?:utc|gmt|cet|cest|mez|mesz|est|edt|cst|cdt|mst|mdt|pst|pdt|bst|ist|et|pt|"
    r"ortszeit|local\s+time)\)?)?"
)
_LEAD = re.compile(
    r"\b(?P<lead>um|gegen|ab|bis|at|around|about|from|by|for|approximately|ca\.|etwa)\s+$"
)
_CLOCK = re.compile(
    r"\b(?:"
    r"(?P<h>[01]?\d|2[0-3])(?P<sep>[:.h])(?P<min>[0-5]\d)(?::[0-5]\d)?(?:\s*(?P<suffix>a\.m\.|p\.m\.|am|pm|uhr|h\b))?"
    r"|(?P<h2>[01]?\d|2[0-3])\s*(?P<suffix2>a\.m\.|p\.m\.|am|pm|uhr|h\b|(?=\s*(?:gmt|utc|cet|mez|est|pst|bst)\b))"
    r"|(?P<word>noon|midnight|mittags|mitternacht|mid\s*day)"
    r"|(?P<hhmm>(?:[01]\d|2[0-3])[0-5]\d)(?=\s*(?:ish\b|$|[,.;)]))"
    rf")(?:\s+(?:abends|morgens|nachmittags|früh|in\s+the\s+(?:morning|afternoon|evening)))?{_ZONE}"
    r"(?![\w])"
)
_QUARTER_PAST = re.compile(
    r"\b(?:for\s+)?(?:(?:a\s+)?quarter|half|\d{1,2}\s+minutes?)\s+(?:past|to|after|before)\s+"
    r"(?:noon|midnight|[01]?\d|2[0-3])(?:\s*(?:a\.m\.|p\.m\.|am|pm))?(?![\w])"
)
_SET = re.compile(
    rf"\b(?:every|each|jede[nrs]?|alle)\s+(?:(?P<num>{AMOUNT})\s+|other\s+)?"
    rf"(?P<what>{v.DURATION_UNITS}|{v.alternation(v.WEEKDAYS)}|{v.alternation(v.MONTHS)})(?![\wäöüß])"
    r"(?:\s+(?:thereafter|danach))?"
    r"|\b(?P<adverb>täglich|wöchentlich|monatlich|vierteljährlich|quartalsweise|halbjährlich|"
    r"jährlich|alljährlich|(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)s)(?![\wäöüß])"
    r"|\bon\s+(?:a\s+)?(?:daily|weekly|monthly|quarterly|annual|yearly)\s+basis\b"
    r"|\bon\s+(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)\b"
)
_CLOCK_WORDS = ("noon", "midnight", "mittags", "mitternacht", "mid")
_SET_WORDS = {
    "every", "each", "jede", "jeden", "jeder", "jedes", "alle", "on", "täglich", "wöchentlich",
    "monatlich", "vierteljährlich", "quartalsweise", "halbjährlich", "jährlich", "alljährlich",
    "montags", "dienstags", "mittwochs", "donnerstags", "freitags", "samstags", "sonntags",
}  # fmt: skip
_CLOCK_UNLESS = re.compile(r"[\d.,]$")  # "24.639,10 Zähler": digits before, no clock


def _anchor_day(anchor: date, direction: str) -> Reading | None:
    return day(anchor)


def _up_to_six(word: str) -> bool:
    return len(word) <= 6


def _up_to_two(word: str) -> bool:
    return len(word) <= 2


def clock_times(scan: Scan) -> Iterator[Piece]:
    """ "17:00", "16.30 Uhr", "um 10.10", "at 11:59 p.m. EST", "noon"; a clock word before it
    ("um", "at", "gegen") belongs to it."""
    text = scan.low
    hours = scan.numbers(_up_to_six)  # "17", "1030", "5pm", "16h00", "18uhr"
    for m in matches(_CLOCK, scan, sorted({*hours, *scan.starts(_CLOCK_WORDS)})):
        if m.start() > 0 and _CLOCK_UNLESS.search(text, max(0, m.start() - 2), m.start()):
            continue
        lead = scan.before(_LEAD, m.start(), 2)
        word = lead["lead"] if lead else ""
        if m["sep"] == "." and not (m["suffix"] or word in ("um", "gegen", "ab")):
            continue  # "13.90": a price, "by 1.42": a ratio
        if m["hhmm"] and word not in ("at", "around", "about", "approximately"):
            continue  # "1030" alone is a number, "ab 2027" a year
        start = lead.start() if lead else m.start()
        yield Piece(start, m.end(), "time", "time", _anchor_day, time=_time_of(m))
    for m in matches(
        _QUARTER_PAST,
        scan,
        sorted({*scan.numbers(_up_to_two), *scan.starts(("for", "a", "quarter", "half"))}),
    ):
        yield Piece(m.start(), m.end(), "time", "time", _anchor_day, time="")


def _time_of(m: re.Match[str]) -> str:
    if m["word"]:
        return "00:00" if m["word"].lower() in ("midnight", "mitternacht") else "12:00"
    if m["hhmm"]:
        return f"{m['hhmm'][:2]}:{m['hhmm'][2:]}"
    hour = int(m["h"] or m["h2"])
    minute = int(m["min"] or 0)
    suffix = (m["suffix"] or m["suffix2"] or "").lower().replace(".", "")
    if suffix == "pm" and hour < 12:
        hour += 12
    elif suffix == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


def _no_day(anchor: date, direction: str) -> Reading | None:
    return Reading("set")


def sets(scan: Scan) -> Iterator[Piece]:
    """ "jeden Montag", "every 90 days thereafter", "monatlich", "on a monthly basis"."""
    for m in matches(_SET, scan, scan.starts(_SET_WORDS)):
        yield Piece(m.start(), m.end(), "set", "set", _no_day)


FINDERS = (clock_times, sets)
