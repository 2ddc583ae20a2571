"""How lengths read against the anchor: a duration's due day, "within" (anchor to anchor +
length), an offset ("in drei Tagen", "vor zwei Wochen"), whole periods next to the anchor's own
("die nächsten drei Tage"), "seit zwei Wochen"."""

from __future__ import annotations

from datetime import date

from tracker.extract.dates.calendar import add_length, shift_period
from tracker.extract.dates.expression import Length
from tracker.extract.dates.pieces import Reader, Reading, day, period


def lasting(length: Length) -> Reader:
    return lambda anchor, direction: Reading("duration", due=add_length(anchor, length))


def within(length: Length) -> Reader:
    def read(anchor: date, direction: str) -> Reading:
        due = add_length(anchor, length)
        return Reading("duration", start=anchor, end=due, due=due)

    return read


def counted_from_ref(anchor: date, direction: str) -> Reading:
    """Counted from something the text names: the length stays, the anchor's days go."""
    return Reading("duration")


def offset_by(length: Length, sign: int) -> Reader:
    def read(anchor: date, direction: str) -> Reading | None:
        target = add_length(anchor, tuple((sign * n, unit) for n, unit in length))
        if all(unit == "year" for _, unit in length):
            first, last = shift_period(target, "month", 0)
            return Reading("range", start=first, end=last, due=target, grain="month")
        return day(target)

    return read


def whole_units(length: Length, sign: int) -> Reader:
    """ "the next 3 weeks": the three whole weeks after this one; due at anchor + 3 weeks."""
    (amount, unit), *_ = length
    grain = unit if unit in ("day", "week", "month", "quarter", "year") else "day"
    amount = amount if grain == unit else 1

    def read(anchor: date, direction: str) -> Reading | None:
        if sign > 0:
            first, last = shift_period(anchor, grain, 1)[0], shift_period(anchor, grain, amount)[1]
            return period(first, last, grain, due=add_length(anchor, length))
        first, last = shift_period(anchor, grain, -amount)[0], shift_period(anchor, grain, -1)[1]
        return Reading("range", start=first, end=last, grain=grain)

    return read


def since(length: Length) -> Reader:
    def read(anchor: date, direction: str) -> Reading:
        first = add_length(anchor, tuple((-n, unit) for n, unit in length))
        return Reading("range", start=first, end=anchor, grain="day")

    return read
