"""Ordinals of a smaller unit inside a period: "erster Dienstag im Oktober", "the last day of
October 2015", "third last week of 2018", "2nd last week of October 2018", "20th of next month",
"letzter Tag im Oktober", "dritter Dienstag nach Weihnachten 2014", "the first Monday of the month".

The weeks of a period are its full Monday-to-Sunday weeks ("the first week of October 2014" is
6-12 October), its weekends the Saturday-Sunday pairs inside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from tracker.extract.dates import vocab as v
from tracker.extract.dates.calendar import shift_period, weekday_after
from tracker.extract.dates.pieces import Piece, Reader, Reading, Scan, day, matches, period
from tracker.extract.dates.weekdays import weekday_of

_ORD = rf"(?:{v.ORDINAL_WORD}|\d{{1,2}}(?:st|nd|rd|th|\.|te[rn]?)?)"
_NTH = re.compile(
    rf"\b(?:the\s+|der\s+|den\s+|am\s+)?(?P<ord>{_ORD}\s+last|{_ORD}|last|letzte[nrsm]?)\s+"
    rf"(?P<what>{v.alternation(v.WEEKDAYS)}|day|tag|week|woche|weekend|week-end|wkend|wochenende)"
    r"\s+(?P<link>of|in|im|des|der|from|after|nach)\s+$",
)
_DAY_OF = re.compile(
    r"\b(?:the\s+)?(?P<d>\d{1,2}(?:st|nd|rd|th)?|"
    + v.ORDINAL_WORD
    + r")(?:\s+day)?\s+of\s+(?:the\s+)?$",
)
_CURRENT = re.compile(
    r"\b(?:the|this|dem|diesem|dieses|des)\s+(?P<unit>month|monat|monats|year|jahr|jahres)\b"
)
NTH_TARGETS = ("month", "year", "period", "day")
_LINKS = frozenset({"of", "in", "im", "des", "der", "from", "after", "nach", "the", "dem"})


def nth_prefix(scan: Scan, piece: Piece) -> Piece:
    """Apply an ordinal before `piece` ("erster Dienstag im", "20th of")."""
    if scan.word_before(piece.start) not in _LINKS:
        return piece  # every ordinal ends in a linking word
    if piece.kind in ("month", "period") and (m := scan.before(_DAY_OF, piece.start, 5)):
        digits = re.match(r"\d+", m["d"])
        number = int(digits.group(0)) if digits else v.ORDINALS[m["d"]]
        return piece.around(
            m.start(), piece.end, read=_day_of(piece.read, number), kind="day", weak=False
        )
    m = scan.before(_NTH, piece.start, 7)
    if m is None:
        return piece
    count = _count(m["ord"])
    if count == 0:
        return piece
    what = m["what"].lower()
    after = m["link"].lower() in ("after", "nach")
    if (after and piece.kind != "day") or (not after and piece.kind == "day"):
        return piece
    reader = _nth_reader(piece.read, what, count, after)
    return piece.around(
        m.start(), piece.end, read=reader, kind="day" if what != "week" else "period", weak=False
    )


def _count(word: str) -> int:
    """1 for "first", 3 for "3rd", -1 for "last", -3 for "third last"."""
    low = " ".join(word.lower().split())
    if low.startswith(("last", "letzt")):
        return -1
    last = low.endswith(" last")
    low = low.removesuffix(" last")
    digits = re.match(r"\d+", low)
    number = int(digits.group(0)) if digits else v.ORDINALS.get(low, 0)
    return -number if last else number


def _day_of(reader: Reader, number: int) -> Reader:
    def read(anchor: date, direction: str) -> Reading | None:
        whole = reader(anchor, direction)
        if whole is None or whole.start is None:
            return None
        try:
            return day(whole.start.replace(day=number))
        except ValueError:
            return None

    return read


def _nth_reader(reader: Reader, what: str, count: int, after: bool) -> Reader:
    """The count-th weekday/day/week/weekend of a period, or the count-th weekday after a day."""

    def read(anchor: date, direction: str) -> Reading | None:
        whole = reader(anchor, direction)
        if whole is None or whole.first is None or whole.last is None:
            return None
        if after:
            first = weekday_after(whole.first, weekday_of(what))
            return day(first + timedelta(weeks=count - 1))
        options = _units_within(whole.first, whole.last, what)
        index = count - 1 if count > 0 else count
        if not -len(options) <= index < len(options):
            return None
        first, last = options[index]
        return day(first) if first == last else period(first, last, "week")

    return read


def _units_within(first: date, last: date, what: str) -> list[tuple[date, date]]:
    """The days, weekdays, full Monday-to-Sunday weeks or weekends inside a period."""
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    if what in ("day", "tag"):
        return [(d, d) for d in days]
    if what in ("week", "woche"):
        mondays = [d for d in days if d.weekday() == 0 and d + timedelta(days=6) <= last]
        return [(d, d + timedelta(days=6)) for d in mondays]
    if what in ("weekend", "week-end", "wkend", "wochenende"):
        saturdays = [d for d in days if d.weekday() == 5 and d + timedelta(days=1) <= last]
        return [(d, d + timedelta(days=1)) for d in saturdays]
    weekday = weekday_of(what)
    return [(d, d) for d in days if d.weekday() == weekday]


def nth_of_current(scan: Scan) -> Iterator[Piece]:
    """ "the first Monday of the month", "der letzte Tag des Monats": of the anchor's period."""
    for target in matches(
        _CURRENT, scan, scan.starts(("the", "this", "dem", "diesem", "dieses", "des"))
    ):
        m = scan.before(_NTH, target.start(), 7)
        count = _count(m["ord"]) if m else 0
        if m is None or count == 0 or m["link"] in ("after", "nach"):
            continue
        unit = "month" if target["unit"].startswith(("month", "monat")) else "year"
        reader = _nth_reader(_current(unit), m["what"], count, after=False)
        yield Piece(m.start(), target.end(), "day", "nth", reader)


def _current(unit: str) -> Reader:
    return lambda anchor, direction: period(*shift_period(anchor, unit, 0), unit)


FINDERS = (nth_of_current,)
