"""Weekdays: "am Montag", "nächsten Dienstag", "next Wednesday", "Sonntagabend", "mittwoch der
nächsten woche", "wednesday after next", "3 fridays from now", "am heutigen Mittwoch".

How a weekday is placed:
- "diesen"/"this": the next one on or after the anchor (the anchor day counts);
- German "nächsten"/"kommenden", English "coming"/"upcoming": the next one after the anchor;
- English "next": the one of next week (weeks start on Monday), so on a Tuesday "next
  Wednesday" is eight days ahead;
- "letzten"/"vergangenen"/"last"/"past": the last one before the anchor;
- "übernächsten", "after next", "nach dem nächsten": the second one after the anchor;
- "der nächsten Woche", "of this week", "in 2 Wochen": that day of the named week;
- a bare weekday is placed by the direction of its clause (see `tracker.extract.dates.tense`):
  the next one after the anchor in the future, the last one on or before it otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from tracker.extract.dates import vocab as v
from tracker.extract.dates.calendar import (
    add_months,
    safe_date,
    week_start,
    weekday_after,
    weekday_before,
    weekday_on_or_before,
)
from tracker.extract.dates.numbers import parse_number
from tracker.extract.dates.pieces import Piece, Reader, Reading, Scan, choose, day, matches

_FULL = [w for w in v.WEEKDAYS if len(w) > 5]
_SHORT = [w for w in v.WEEKDAYS if len(w) <= 5]
_PARTS = "morgen|vormittag|mittag|nachmittag|abend|nacht|früh"
_WEEKDAY_EN_DE = rf"(?:{v.alternation(_FULL)}(?:{_PARTS})?|{v.alternation(_SHORT)}\.?)"
_WEEKDAY_DE_SHORT = rf"(?:{v.alternation(v.WEEKDAYS_DE_SHORT)}\.?)"
_BEFORE = re.compile(
    rf"(?:\b(?P<rel>{v.RELATIVE_WORD}|heutigen|heutige)|\b(?P<lastweeks>last\s+week'?s))\s+$"
)
_AFTER = re.compile(
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    rf"(?:\s+(?:(?:der|of)\s+(?:the\s+)?)?(?P<wrel>{v.RELATIVE_WORD})\s+(?:woche|week)\b"
    r"|\s+from\s+(?P<frel>last|next|this)\s+week\b"
    r"|\s+(?P<twice>nach\s+dem\s+nächsten|after\s+next)\b"
    r"|\s+(?P<inout>in|vor)\s+(?P<weeks>\w+)\s+(?:wochen|weeks?)\b)?"
    r"(?:\s*,?\s+(?:the\s+)?(?P<dom>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?![\w]))?"
)
_COUNT_BEFORE = re.compile(r"\b(?P<n>\w+)\s+$")
_COUNT_AFTER = re.compile(r"\s+(?P<way>from\s+now|hence|back|ago)\b")
_NAMES = {
    "en": re.compile(rf"\b(?P<wd>{_WEEKDAY_EN_DE})(?P<plural>s)?(?![\w])"),
    "de": re.compile(rf"\b(?P<wd>{_WEEKDAY_EN_DE}|{_WEEKDAY_DE_SHORT})(?P<plural>s)?(?![\w])"),
}


# Every word a weekday finder starts at: names, compounds ("Sonntagabend"), plurals ("montags").
_NAMES_EN = {
    *v.WEEKDAYS,
    *(f"{w}{p}" for w in _FULL for p in _PARTS.split("|")),
    *(f"{w}s" for w in _FULL),
}
_WORDS = {"en": _NAMES_EN, "de": {*_NAMES_EN, *v.WEEKDAYS_DE_SHORT}}


class _Found:
    """A weekday name with the words found before and after it."""

    def __init__(self, start: int, end: int, groups: dict[str, str | None]) -> None:
        self.start, self.end, self.groups = start, end, groups

    def __getitem__(self, name: str) -> str | None:
        return self.groups.get(name)


def weekday_of(word: str) -> int:
    """The weekday (Monday=0) a name, compound or abbreviation stands for."""
    low = word.lower().rstrip(".")
    for name, number in (*v.WEEKDAYS.items(), *v.WEEKDAYS_DE_SHORT.items()):
        if low == name or (len(name) > 5 and low.startswith(name)):
            return number
    raise KeyError(word)


def weekdays(scan: Scan) -> Iterator[Piece]:
    """Named weekdays with what moves them; "montags"/"on Mondays" are recurrences (sets)."""
    low = scan.low
    names = _NAMES.get(scan.lang, _NAMES["en"])
    for m in matches(names, scan, scan.starts(_WORDS["de" if scan.lang == "de" else "en"])):
        weekday = weekday_of(m["wd"])
        if m["plural"]:
            yield from _counted(scan, m, weekday)
            continue
        before = scan.before(_BEFORE, m.start(), 3)
        after = _AFTER.match(low, m.end())
        groups = {**(before.groupdict() if before else {}), **(after.groupdict() if after else {})}
        start, end = before.start() if before else m.start(), after.end() if after else m.end()
        found = _Found(start, end, groups)
        if piece := _piece(found, weekday, scan.lang):
            piece.weak = _is_weak(scan.original(m, "wd"), found, scan.lang)
            yield piece


def _counted(scan: Scan, m: re.Match[str], weekday: int) -> Iterator[Piece]:
    """ "3 fridays from now", "2 thursdays ago"."""
    before = scan.before(_COUNT_BEFORE, m.start(), 1)
    after = _COUNT_AFTER.match(scan.low, m.end())
    count = parse_number(before["n"]) if before and after else None
    if before and after and count:
        ahead = not after["way"].startswith(("back", "ago"))
        reader = _nth_after(weekday, count) if ahead else _nth_before(weekday, count)
        found = _Found(before.start(), after.end(), {})
        yield _fixed(found, reader, "future" if ahead else "past", weekday)


def _is_weak(word: str, m: _Found, lang: str) -> bool:
    """An abbreviation that is also a word ("sat", "sun", "Fr." for Frau) needs a date beside it."""
    low = word.lower().rstrip(".")
    if m["rel"] or m["wrel"] or m["frel"]:
        return False
    return low in v.AMBIGUOUS_WEEKDAYS or (lang == "de" and word[:2] == "Fr" and len(low) == 2)


def _piece(m: _Found, weekday: int, lang: str) -> Piece | None:
    """The piece for one match: its reader and the direction its words fix."""
    rel = (m["rel"] or "").lower()
    if rel.startswith("heutig"):
        return Piece(m.start, m.end, "weekday", "weekday", _today, weekday=weekday)
    if m["wrel"] or m["frel"] or m["lastweeks"]:
        shift = v.RELATIVE[(m["wrel"] or m["frel"] or "last").lower()]
        return _fixed(m, _in_week(weekday, shift), _side(shift), weekday)
    if m["inout"]:
        weeks = parse_number(m["weeks"] or "") or 0
        shift = weeks if m["inout"].lower() == "in" else -weeks
        return _fixed(m, _in_week(weekday, shift), _side(shift), weekday) if weeks else None
    if m["twice"]:
        return _fixed(m, _nth_after(weekday, 2), "future", weekday)
    if rel:
        return _relative(m, weekday, rel, lang)
    if m["dom"]:  # "Tuesday the 19th", "Thu 15th"
        reader = _dated(weekday, int(m["dom"]))
        return Piece(m.start, m.end, "day", "weekday", reader, weekday=weekday)
    reader = _bare(weekday)
    return Piece(m.start, m.end, "weekday", "weekday", reader, flexible=True, weekday=weekday)


def _dated(weekday: int, number: int) -> Reader:
    """The nearest day of that number that falls on the weekday."""

    def read(anchor: date, direction: str) -> Reading | None:
        firsts = [add_months(anchor.replace(day=1), k) for k in range(-14, 15)]
        days = [d for f in firsts if (d := safe_date(f.year, f.month, number))]
        return day(choose(anchor, "", [d for d in days if d.weekday() == weekday]))

    return read


def _fixed(m: _Found, reader: Reader, direction: str, weekday: int) -> Piece:
    return Piece(m.start, m.end, "weekday", "weekday", reader, direction=direction, weekday=weekday)


def _side(shift: int) -> str:
    return "future" if shift > 0 else "past" if shift < 0 else ""


def _relative(m: _Found, weekday: int, rel: str, lang: str) -> Piece:
    shift = v.RELATIVE[rel]
    if shift == 0:
        reader = _on_or_after(weekday)
    elif shift == 1 and rel == "next" and lang == "en":
        reader = _in_week(weekday, 1)
    elif shift > 0:
        reader = _nth_after(weekday, shift)
    else:
        reader = _nth_before(weekday, -shift)
    return _fixed(m, reader, _side(shift), weekday)


def _on_or_after(weekday: int) -> Reader:
    return lambda anchor, direction: day(anchor + timedelta(days=(weekday - anchor.weekday()) % 7))


def _today(anchor: date, direction: str) -> Reading | None:
    return day(anchor)


def _bare(weekday: int) -> Reader:
    def read(anchor: date, direction: str) -> Reading | None:
        if direction == "future":
            return day(weekday_after(anchor, weekday))
        return day(weekday_on_or_before(anchor, weekday))

    return read


def _in_week(weekday: int, weeks: int) -> Reader:
    return lambda a, d: day(week_start(a) + timedelta(days=7 * weeks + weekday))


def _nth_after(weekday: int, n: int) -> Reader:
    return lambda a, d: day(weekday_after(a, weekday) + timedelta(weeks=n - 1))


def _nth_before(weekday: int, n: int) -> Reader:
    return lambda a, d: day(weekday_before(a, weekday) - timedelta(weeks=n - 1))


FINDERS = (weekdays,)
