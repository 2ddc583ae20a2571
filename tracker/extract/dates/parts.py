"""Parts of a period: "Anfang März", "Mitte 2026", "end of April", "late 2027", "Ende des Jahres",
"Jahresende", "year-end", "EOM".

A part is a stretch of its period: a month's beginning is days 1-10, its middle 11-20, its end
21 to the last; a year's beginning is January to March, its middle June and July, its end
September to December (Duckling's bounds); a week's beginning Monday to Wednesday, its end
Friday to Sunday; a quarter's parts are its months. The deadline reading (`due`) of "Ende März"
is 31 March, of "Mitte März" the 15th, of "Anfang März" the 1st.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from tracker.extract.dates.calendar import add_months, month_end, shift_period
from tracker.extract.dates.pieces import Piece, Reader, Reading, Scan, matches, period

PART_WORDS = {
    **dict.fromkeys(("anfang", "beginn", "early", "beginning", "start", "b"), "start"),
    **dict.fromkeys(("mitte", "mid", "middle"), "mid"),
    **dict.fromkeys(("ende", "late", "end", "e"), "end"),
}
_PREFIX = re.compile(
    r"(?:\b(?P<p>anfang|mitte|ende|beginn|early|mid|late)[\s-]*"
    r"|\b(?:the\s+)?(?P<q>beginning|start|middle|end)\s+of\s+(?:the\s+)?)$",
)
_UNIT_WORDS = {
    "year": "year", "jahres": "year", "month": "month", "monats": "month", "week": "week",
    "woche": "week", "day": "day", "tages": "day", "quarter": "quarter", "quartals": "quarter",
}  # fmt: skip
_COMPOUNDS = {
    "jahresende": ("end", "year"), "jahresanfang": ("start", "year"),
    "jahresbeginn": ("start", "year"), "jahresmitte": ("mid", "year"),
    "monatsende": ("end", "month"), "monatsanfang": ("start", "month"),
    "monatsbeginn": ("start", "month"), "monatsmitte": ("mid", "month"),
    "quartalsende": ("end", "quarter"), "year-end": ("end", "year"), "year end": ("end", "year"),
    "yearend": ("end", "year"), "mid-year": ("mid", "year"), "midyear": ("mid", "year"),
    "mid year": ("mid", "year"), "mid-month": ("mid", "month"), "end of day": ("end", "day"),
    "end of business": ("end", "day"),
}  # fmt: skip
_SHORT = {"EOY": ("end", "year"), "BOY": ("start", "year"), "EOM": ("end", "month"),
          "BOM": ("start", "month"), "EOD": ("end", "day"), "EOW": ("end", "week")}  # fmt: skip
_CURRENT = re.compile(
    r"\b(?:(?:the\s+)?(?P<p>beginning|start|middle|end)\s+of\s+(?:the\s+|this\s+|current\s+)?"
    r"(?P<u>year|month|week|day|quarter)"
    r"|(?P<pde>anfang|mitte|ende|beginn)\s+(?:des|dieses|diesen|der|dieser)\s+"
    r"(?P<ude>jahres|monats|woche|tages|quartals)"
    r"|(?P<c>" + "|".join(sorted(_COMPOUNDS, key=len, reverse=True)) + r"))"
    r"(?:\s+(?P<y>(?:19|20)\d\d)(?!\d))?\b"
    r"|\b(?P<s>eoy|boy|eom|bom|eod|eow)\b"
)


_FIRST_WORDS = {
    *PART_WORDS,
    "the",
    *(word.split()[0].split("-")[0] for word in _COMPOUNDS),
    *(word.lower() for word in _SHORT),
}


_LAST_WORDS = frozenset({*PART_WORDS, "of", "the"})


def part_bounds(first: date, last: date, grain: str, part: str) -> Reading:
    """The days of one part of the period `first`..`last` (of the given grain)."""
    if grain == "month":
        ranges = {"start": (1, 10), "mid": (11, 20), "end": (21, last.day)}
        low, high = ranges[part]
        due = {"start": first, "mid": first.replace(day=15), "end": last}[part]
        return period(first.replace(day=low), first.replace(day=high), grain, due=due)
    if grain in ("year", "half", "quarter"):
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        span = {"year": (3, 2, 4), "half": (2, 2, 2), "quarter": (1, 1, 1)}[grain]
        size = {"start": span[0], "mid": span[1], "end": span[2]}[part]
        offset = {"start": 0, "mid": (months - size) // 2, "end": months - size}[part]
        start = add_months(first, offset)
        end_month = add_months(start, size - 1)
        end = month_end(end_month.year, end_month.month)
        middle = add_months(first, months // 2) - timedelta(days=1)
        return period(start, end, grain, due={"start": start, "mid": middle, "end": last}[part])
    if grain == "week":
        days = {"start": (0, 2), "mid": (2, 3), "end": (4, 6)}[part]
        start, end = first + timedelta(days=days[0]), first + timedelta(days=days[1])
        return period(start, end, grain, due=end)
    return period(first, last, grain)


def with_part(reader: Reader, part: str) -> Reader:
    """A reader of one part of what `reader` reads (a month, a year, a week...)."""

    def read(anchor: date, direction: str) -> Reading | None:
        whole = reader(anchor, direction)
        if whole is None or whole.start is None or whole.end is None:
            return None
        return part_bounds(whole.start, whole.end, whole.grain, part)

    return read


def part_prefix(scan: Scan, start: int) -> tuple[str, int] | None:
    """The part word right before `start` ("Ende ", "the end of ") and where it begins."""
    if scan.word_before(start) not in _LAST_WORDS:
        return None
    m = scan.before(_PREFIX, start, 5)
    if m is None:
        return None
    return PART_WORDS[(m["p"] or m["q"]).lower()], m.start()


def part_of(scan: Scan) -> Iterator[Piece]:
    """Parts of the anchor's own period: "Ende des Jahres", "the end of the month", "EOY"."""
    for m in matches(_CURRENT, scan, scan.starts(_FIRST_WORDS)):
        if m["s"]:
            if not scan.original(m, "s").isupper():
                continue  # "boy", "bom": words, not abbreviations
            part, unit = _SHORT[m["s"].upper()]
        elif m["c"]:
            part, unit = _COMPOUNDS[" ".join(m["c"].lower().split())]
        else:
            part = PART_WORDS[(m["p"] or m["pde"]).lower()]
            unit = _UNIT_WORDS[(m["u"] or m["ude"]).lower()]
        year = int(m["y"]) if m["y"] else None
        yield Piece(
            m.start(), m.end(), "period", "part", _current_part(part, unit, year), unit=unit,
            part=part,
        )  # fmt: skip


def _current_part(part: str, unit: str, year: int | None) -> Reader:
    def read(anchor: date, direction: str) -> Reading | None:
        base = anchor if year is None else date(year, 6, 30)
        first, last = shift_period(base, unit, 0)
        return part_bounds(first, last, unit, part)

    return read
