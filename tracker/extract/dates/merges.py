"""Pieces that belong together become one: a weekday beside its date ("Mittwoch, 19. November"),
a time beside its day ("heute um 20 Uhr", "am Dienstag (gegen 17.00 Uhr)"), a length counted
from a date ("zwei Tage nach dem 12. Januar", "a week from Monday", "18th Dec for 10 days"),
and two ends of a range ("vom 3. bis 7. März", "zwischen Mai und Juli", "Aug 8 - Aug 12").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from tracker.extract.dates.calendar import add_length, add_months, safe_date
from tracker.extract.dates.pieces import (
    Piece,
    Reader,
    Reading,
    Scan,
    choose,
    day,
    day_reader,
    period,
)

_WEEKDAY_THEN_DATE = re.compile(r"\s*,?\s*(?:(?:der|den|the)\s+)?")
_DATE_THEN_WEEKDAY = re.compile(r"\s*,\s*")
_DAY_THEN_TIME = re.compile(
    r"\s*,?\s*(?:\(\s*(?:voraussichtlich|etwa|ca\.|circa|approximately|about|around|ab)?\s*)?",
)
_TIME_THEN_DAY = re.compile(r"\s*,?\s*(?:on|am)?\s*")
_RANGE = re.compile(
    r"\s*(?:-|–|—|bis(?:\s+(?:zum|zur|einschließlich|einschl\.))?|to|thru|through|till|until|"
    r"auf\s+den|/)\s*(?:the\s+|den\s+|dem\s+)?",
)
_AND = re.compile(r"\s*(?:und|and)\s+(?:dem\s+|the\s+|den\s+)?")
_RANGE_LEAD = re.compile(r"\b(?P<lead>vom|von|from|zwischen|between)\s+(?:the\s+|dem\s+|den\s+)?$")
_DATED = ("day", "weekday", "dayonly", "days")
# Kinds that can stand at either end of a range, with what each end may be joined to.
_RANGE_KINDS = {
    "day": {"day", "weekday", "days"}, "weekday": {"weekday", "day"},
    "days": {"day", "days"}, "month": {"month"}, "year": {"year"}, "period": {"period"},
}  # fmt: skip


def _joined(text: str, a: Piece, b: Piece, gap: re.Pattern[str]) -> bool:
    return a.end <= b.start and gap.fullmatch(text, a.end, b.start) is not None


def merge_all(scan: Scan, pieces: list[Piece]) -> list[Piece]:
    """Run each merge over the pieces (in text order) and return the pieces that remain."""
    for merge in (_weekday_dates, _day_times, _offsets, _ranges):
        pieces = _pairwise(scan, pieces, merge)
    return pieces


Merge = Callable[[Scan, Piece, Piece], Piece | None]


def _pairwise(scan: Scan, pieces: list[Piece], merge: Merge) -> list[Piece]:
    out: list[Piece] = []
    for piece in pieces:
        joined = merge(scan, out[-1], piece) if out else None
        if joined is None:
            out.append(piece)
        else:
            out[-1] = joined
    return out


def _weekday_dates(scan: Scan, a: Piece, b: Piece) -> Piece | None:
    """ "Mittwoch, 19. November", "Fri, Jul 18", "Jul 18, Fri", "Tuesday the 19th"."""
    text = scan.low
    dated = b.kind in ("day", "dayonly") and b.form == "absolute"
    if a.kind == "weekday" and a.weekday >= 0 and dated and _joined(text, a, b, _WEEKDAY_THEN_DATE):
        return _dated_weekday(a.start, b.end, b, a.weekday)
    if a.kind == "day" and a.form == "absolute" and b.kind == "weekday" and b.flexible:
        return (
            _dated_weekday(a.start, b.end, a, b.weekday)
            if _joined(text, a, b, _DATE_THEN_WEEKDAY)
            else None
        )
    return None


def _dated_weekday(start: int, end: int, date_piece: Piece, weekday: int) -> Piece:
    """The date, its year (or month) chosen so that it falls on the weekday."""
    if date_piece.year is not None:
        return date_piece.around(start, end, weak=False)
    number, month = date_piece.day, date_piece.month

    def read(anchor: date, direction: str) -> Reading | None:
        if month:
            years = range(anchor.year - 6, anchor.year + 7)
            days = [d for y in years if (d := safe_date(y, month, number))]
        else:
            firsts = [add_months(anchor.replace(day=1), k) for k in range(-14, 15)]
            days = [d for f in firsts if (d := safe_date(f.year, f.month, number))]
        # The weekday says which occurrence: the nearest one that falls on it.
        matching = [d for d in days if d.weekday() == weekday]
        return day(choose(anchor, "past" if direction == "past" else "", matching))

    return date_piece.around(start, end, read=read, weekday=weekday, weak=False)


def _day_times(scan: Scan, a: Piece, b: Piece) -> Piece | None:
    """A time of day joins the day beside it; the day keeps its reading."""
    text = scan.low
    if a.kind in _DATED and b.kind == "time" and _joined(text, a, b, _DAY_THEN_TIME):
        end = (
            b.end + 1 if text[b.end : b.end + 1] == ")" and "(" in text[a.end : b.start] else b.end
        )
        extras = {**a.extras, "date_end": str(a.end)}  # the words that follow may be tense words
        return a.around(a.start, end, time=b.time, weak=False, extras=extras)
    if a.kind == "time" and b.kind in _DATED and _joined(text, a, b, _TIME_THEN_DAY):
        return b.around(a.start, b.end, time=a.time, weak=False)
    return None


def _offsets(scan: Scan, a: Piece, b: Piece) -> Piece | None:
    """ "zwei Tage nach dem 12. Januar", "a week from Monday", "18th Dec for 10 days"."""
    text = scan.low
    link = a.extras.get("link", "")
    if a.kind == "duration" and link and b.kind in (*_DATED, "holiday") and a.length:
        gap = re.match(r"(?:the|dem|der|den)?\s*", text[int(a.extras["link_end"]) : b.start])
        if int(a.extras["link_end"]) + (gap.end() if gap else 0) != b.start:
            return None
        sign = -1 if link in ("before", "prior to", "vor") else 1
        if link == "from" and a.cue.lower().startswith("for"):
            return _lasting_from(a.start, b.end, b, a)
        reader = _shifted(b.read, a.length, sign)
        return b.around(a.start, b.end, read=reader, kind="day", form="offset", length=a.length,
                        cue=a.cue, core_start=a.core_start)  # fmt: skip
    is_for = a.kind in _DATED and b.kind == "duration" and b.cue.lower() == "for" and not b.ref
    if is_for and not text[a.end : b.start].strip():
        return _lasting_from(a.start, b.end, a, b)
    return None


def _shifted(reader: Reader, length: tuple[tuple[int, str], ...], sign: int) -> Reader:
    def read(anchor: date, direction: str) -> Reading | None:
        base = reader(anchor, direction)
        first = base.first if base else None
        if first is None:
            return None
        return day(add_length(first, tuple((sign * n, unit) for n, unit in length)))

    return read


def _lasting_from(start: int, end: int, date_piece: Piece, duration: Piece) -> Piece:
    """ "for 10 days from 18th Dec": from that day to the day the length ends."""
    inner = date_piece.read

    def read(anchor: date, direction: str) -> Reading | None:
        base = inner(anchor, direction)
        if base is None or base.first is None:
            return None
        return period(base.first, add_length(base.first, duration.length), "day")

    return date_piece.around(start, end, read=read, kind="days", length=duration.length)


def _ranges(scan: Scan, a: Piece, b: Piece) -> Piece | None:
    """ "vom 3. bis 7. März", "14.10. - 15.10.2018", "zwischen Mai und Juli", "2020 bis 2025"."""
    text = scan.low
    if b.kind not in _RANGE_KINDS.get(a.kind, set()) or (a.kind == "period" and a.unit != b.unit):
        return None
    lead = scan.before(_RANGE_LEAD, a.start, 3)
    joined = _joined(text, a, b, _RANGE) or (
        lead is not None
        and lead["lead"].lower() in ("zwischen", "between")
        and _joined(text, a, b, _AND)
    )
    if not joined or (a.kind in ("month", "year") and "auf" in text[a.end : b.start].lower()):
        return None
    start = lead.start() if lead else a.start
    reader = _span(_with_year_of(a, b), b.read)
    cue = scan.original(lead, "lead") if lead else ""
    return a.around(
        start, b.end, read=reader, kind="range", form=a.form, cue=cue, core_start=a.start,
        flexible=a.flexible and b.flexible, weak=False, parts=(a, b),
    )  # fmt: skip


def _with_year_of(a: Piece, b: Piece) -> Reader:
    """The first end takes the year of the second when it has none ("14.10. - 15.10.2018")."""
    if a.year is not None or b.year is None or a.kind not in ("day", "month", "days"):
        return a.read
    if a.kind == "month":
        year = b.year

        def read_month(anchor: date, direction: str) -> Reading | None:
            first = date(year if a.month <= b.month else year - 1, a.month, 1)
            return period(first, add_months(first, 1) - timedelta(days=1), "month")

        return read_month
    year = b.year if (a.month, a.day) <= (b.month or 13, b.day) else b.year - 1
    return day_reader(a.day, a.month, year)


def _span(first: Reader, last: Reader) -> Reader:
    def read(anchor: date, direction: str) -> Reading | None:
        a, b = first(anchor, direction), last(anchor, direction)
        if a is None or b is None or a.first is None or b.last is None or a.first > b.last:
            return None
        grain = a.grain if a.grain == b.grain else "day"
        return period(a.first, b.last, grain)

    return read
