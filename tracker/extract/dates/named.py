"""Dates and months by name: "5. Februar 2026", "Feb 5th", "the 5th of February", "March 11-12",
"erster März", "im Oktober 2014", "nächsten März", "im Mai dieses Jahres", "on the 15th".

Month names are matched in any case, but the ones that are also common words ("may", "march",
"Jan", "Aug") count alone only after a cue ("in May", "bis März") or with a day or a year.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from tracker.extract.dates import vocab as v
from tracker.extract.dates.calendar import (
    add_months,
    full_year,
    infer_month_year,
    month_end,
    safe_date,
)
from tracker.extract.dates.numeric import date_piece, is_numbering, month_piece
from tracker.extract.dates.pieces import (
    Piece,
    Reader,
    Reading,
    Scan,
    choose,
    day,
    days_reader,
    matches,
    period,
)

_FULL = [m for m in v.MONTHS if m not in v.ABBREVIATED_MONTHS]
MONTH = rf"(?:{v.alternation(_FULL)}|{v.alternation(v.ABBREVIATED_MONTHS)}\.?)(?![a-zäöüß])"
_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])(?!\d)"
DAY = rf"(?:{_NUMBER}(?:st|nd|rd|th|ten|ter|tes|te)?\.?|{v.ORDINAL_WORD}(?![a-zäöüß]))"
_DAY_NO_DOT = (
    rf"(?:(?:[12]\d|3[01]|0?[1-9])(?!\d)(?:st|nd|rd|th)?(?![.,]\d)|{v.ORDINAL_WORD}(?![a-zäöüß]))"
)
_YEAR4 = r"(?:19|20)\d\d(?!\d)"
_TO = r"\s*(?:[-–—]|bis|to|thru|through|till|until)\s*"
# Words after a number that make it a count, not a day ("Mai 5 Prozent").
_COUNT = r"(?!\s*(?:uhr|h\b|%|prozent|percent|mio|mill|milliard|billion|euro|eur\b|dollar|\$|€))"
_MONTH = re.compile(rf"\b(?P<m>{MONTH})")
_DIGIT = re.compile(r"\d")
# Around each month name (the patterns before it end where it begins, "$"):
_DAYS_BEFORE = re.compile(
    rf"(?<![\w.,/-])(?:(?:the|der|den|dem)\s+)?(?P<d1>{DAY})(?:{_TO}(?:(?:the|zum|den)\s+)?"
    rf"(?P<d2>{DAY}))?(?:\s*of|[-/])?\s*$"
)
_YEAR_AFTER_DAY = re.compile(
    rf"(?:\s*,\s*|\s+|[-/])(?P<y>{_YEAR4})|[-/](?P<yy>\d\d)(?!\d)|\s+(?P<ye>\d\d)(?=\s*(?:$|[)\]]))"
)
_DAYS_AFTER = re.compile(
    rf"\s*(?:the\s+)?(?P<d1>{_DAY_NO_DOT}){_COUNT}(?:{_TO}(?:(?P<m2>{MONTH})\s*)?(?P<d2>{DAY}))?"
    rf"(?:\s*,?\s*(?P<y>{_YEAR4}))?"
)
_YEAR_AFTER = re.compile(rf"\s*,?\s*(?P<y>{_YEAR4})")
_RELATIVE_BEFORE = re.compile(rf"\b(?P<rel>{v.RELATIVE_WORD})\s+$")
_RELATIVE_AFTER = re.compile(
    rf"\s+(?:(?:des|of)\s+)?(?:the\s+)?(?P<yrel>{v.RELATIVE_WORD})\s+(?:jahres|years?)\b"
    r"|\s+(?P<next>after\s+next|in\s+(?:a|one|1|einem)\s+(?:year|jahr)\b)"
)
_DAY_ALONE = re.compile(
    rf"\b(?:on\s+the|the|am|zum|bis\s+zum)\s+(?P<d>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|ten|te)"
    rf"|{v.ORDINAL_WORD})(?=\s*(?:$|[,.;:!?)]))"
)


def month_of(word: str) -> int:
    """The number of a month name ("März", "Sept.", "mar")."""
    return v.MONTHS[word.lower().rstrip(".")]


def day_of(word: str) -> int:
    """The day a day word stands for ("15.", "15th", "15te", "fünfter", "first")."""
    word = word.lower().rstrip(".")
    digits = re.match(r"\d+", word)
    return int(digits.group(0)) if digits else v.ORDINALS[word]


def _is_weak_month(word: str) -> bool:
    """A month that alone may be a word: "May" (the modal), lowercase names ("march"), and
    abbreviations ("Jan", "Aug")."""
    low = word.lower().rstrip(".")
    return low == "may" or low in v.ABBREVIATED_MONTHS or word.islower()


# A capitalised word right after a month makes it a first name ("April Smith", "Mai Thi
# Nguyen", "August Diehl") unless a cue before it made it a time ("im Juni Gespräche").
_NAME_AFTER = re.compile(r" (?!(?:Uhr|Jahres|Jahr|Year|Jahre)\b)[A-ZÄÖÜ][a-zäöüß]+\b")


def _is_first_name(scan: Scan, end: int) -> bool:
    name = _NAME_AFTER.match(scan.text, end)
    return name is not None and name.group(0)[1:].lower() not in _TIME_WORDS


_TIME_WORDS = frozenset((*v.MONTHS, *v.WEEKDAYS))


def _is_bare_abbreviation(word: str) -> bool:
    return word in v.ABBREVIATED_MONTHS  # (with its dot it is "jan.")


def month_dates(scan: Scan) -> Iterator[Piece]:
    """Everything around a month name: "5. Februar 2026", "the 15th of February", "13 bis 15
    Juli", "31-Oct-74", "Feb 5th", "March 11–12, 2025", "Juli 13 - Juli 15", "Oktober 2014",
    "nächsten März", "im Mai dieses Jahres" (the longest reading wins, see `find`)."""
    low = scan.low
    for m in matches(_MONTH, scan, scan.starts(v.MONTHS)):
        month = month_of(m["m"])
        after = _DAYS_AFTER.match(low, m.end())
        if after and after["m2"] and month_of(after["m2"]) != month:
            # "Mar 30 - Apr 2": two dates, joined as a range later
            yield from _days(after, m.start(), after.end("d1"), month, None, single=True)
        elif after:
            year = int(after["y"]) if after["y"] else None
            yield from _days(after, m.start(), after.end(), month, year)
        head = low[max(0, m.start() - 40) : m.start()]
        may_have_day = _DIGIT.search(head) or not v.ORDINALS.keys().isdisjoint(head.split())
        before = scan.before(_DAYS_BEFORE, m.start(), 7) if may_have_day else None
        if before and not is_numbering(low, before.start()):
            year_after = _YEAR_AFTER_DAY.match(low, m.end())
            yield from _days(
                before, before.start(), _end(m, year_after), month, _year(year_after, scan)
            )
        yield from _month_pieces(scan, m, month)


def _end(m: re.Match[str], tail: re.Match[str] | None) -> int:
    return tail.end() if tail else m.end()


def _year(tail: re.Match[str] | None, scan: Scan) -> int | None:
    if tail is None:
        return None
    return int(tail["y"]) if tail["y"] else full_year(tail["yy"] or tail["ye"], scan.anchor)


def _month_pieces(scan: Scan, m: re.Match[str], month: int) -> Iterator[Piece]:
    """The month itself ("März", "Oktober 2014") and with a word that moves it ("nächsten März",
    "March next year", "March after next")."""
    low = scan.low
    year = _YEAR_AFTER.match(low, m.end())
    if year:
        yield month_piece(m.start(), year.end(), month, int(year["y"]))
    elif not _is_bare_abbreviation(m["m"]):  # "Jan" alone is a name ("Jan Müller")
        yield Piece(
            m.start(), m.end(), "month", "absolute", month_reader(month), flexible=True,
            month=month, unit="month",
            weak=_is_weak_month(scan.original(m, "m")) or _is_first_name(scan, m.end()),
        )  # fmt: skip
    if rel := scan.before(_RELATIVE_BEFORE, m.start(), 1):
        shift = v.RELATIVE[rel["rel"]]
        yield _moved(rel.start(), m.end(), month, _shifted_month(month, shift), shift)
    if after := _RELATIVE_AFTER.match(low, m.end()):
        if after["yrel"]:
            shift = v.RELATIVE[after["yrel"]]
            yield _moved(m.start(), after.end(), month, _month_in_year(month, shift), shift)
        else:
            yield _moved(m.start(), after.end(), month, month_reader(month, years=1), 1)


def _moved(start: int, end: int, month: int, reader: Reader, shift: int) -> Piece:
    direction = "future" if shift > 0 else "past" if shift < 0 else ""
    return Piece(
        start, end, "month", "relative_period", reader, direction=direction, month=month,
        unit="month",
    )  # fmt: skip


def _days(
    m: re.Match[str], start: int, end: int, month: int, year: int | None, *, single: bool = False
) -> Iterator[Piece]:
    first = day_of(m["d1"])
    if not m["d2"] or single:
        if piece := date_piece(start, end, first, month, year):
            yield piece
        return
    last = day_of(m["d2"])
    if first < last and safe_date(year or 2000, month, last):
        yield Piece(
            start, end, "days", "absolute", days_reader(first, last, month, year),
            flexible=year is None, day=first, month=month, year=year,
        )  # fmt: skip


def days_alone(scan: Scan) -> Iterator[Piece]:
    """ "on the 15th", "am 15ten", "the first": a day of the current or a near month."""
    for m in matches(_DAY_ALONE, scan, scan.starts(("on", "the", "am", "zum", "bis"))):
        number = day_of(m["d"])
        yield Piece(
            m.start(), m.end(), "dayonly", "absolute", _day_of_month(number), True, day=number
        )


def _day_of_month(number: int) -> Reader:
    def read(anchor: date, direction: str) -> Reading | None:
        firsts = [add_months(anchor.replace(day=1), k) for k in (-2, -1, 0, 1, 2)]
        days = [d for f in firsts if (d := safe_date(f.year, f.month, number)) is not None]
        return day(choose(anchor, direction or "future", days))

    return read


def month_reader(month: int, years: int = 0) -> Reader:
    """Read a month without a year: the next one by default ("in March"), the last one in the
    past; `years` moves it on ("March in a year")."""

    def read(anchor: date, direction: str) -> Reading | None:
        year = infer_month_year(anchor, month, direction or "future") + years
        return period(date(year, month, 1), month_end(year, month), "month")

    return read


def _shifted_month(month: int, shift: int) -> Reader:
    """ "nächsten März": the first March after the anchor's month; "übernächsten": a year on;
    "last March": the last one before it; "diesen März": this year's or the next."""

    def read(anchor: date, direction: str) -> Reading | None:
        if shift == 0:
            year = infer_month_year(anchor, month, "future")
        elif shift > 0:
            year = (anchor.year if month > anchor.month else anchor.year + 1) + shift - 1
        else:
            year = (anchor.year if month < anchor.month else anchor.year - 1) + shift + 1
        return period(date(year, month, 1), month_end(year, month), "month")

    return read


def _month_in_year(month: int, shift: int) -> Reader:
    def read(anchor: date, direction: str) -> Reading | None:
        year = anchor.year + shift
        return period(date(year, month, 1), month_end(year, month), "month")

    return read


FINDERS = (month_dates, days_alone)
