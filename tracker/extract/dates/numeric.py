"""Dates written in digits: "2026-02-05", "5.2.2026", "15.2.", "05/02/2026", "2/15", "14./15.10.".

Where day and month could be either, the language decides: German reads "05/02/2026" as 5
February, English as May 2; "10.31.1974" can only be October 31. Numbers that only look like
dates are left alone: section and version numbers ("Ziffer 4.2.", "Version 2.10"), prices and
decimals ("13.90 Euro", "3.5 %"), times ("um 10.10", "16.30 Uhr"), fractions ("1/2 hour",
"2/3 majority"), "24/7", and "1999-2026" (no month is 20).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from tracker.extract.dates import vocab as v
from tracker.extract.dates.calendar import full_year, month_end, safe_date
from tracker.extract.dates.pieces import (
    Piece,
    Scan,
    day_reader,
    days_reader,
    fixed,
    matches,
    period,
)

_ISO = re.compile(r"(?<![\w.-])(?P<y>(?:19|20)\d\d)-(?P<m>\d\d?)-(?P<d>\d\d?)(?!\d)(?!-\d)")
_ISO_MONTH = re.compile(r"(?<![\w./-])(?P<y>(?:19|20)\d\d)[-/](?P<m>0[1-9]|1[0-2])(?![\w/.-])")
_YEAR = r"(?P<y>\s?(?:19|20)\d\d|\d\d)"
_DOTTED = re.compile(
    rf"(?<![\w.,/-])(?P<a>\d\d?)\.\s?(?P<b>\d\d?)\.(?:{_YEAR}(?!\d))?(?!\d)(?!\.\d)"
)
# "10.10" without the closing dot (German only): not a time, a decimal or an amount.
_DOTTED_SHORT = re.compile(
    r"(?<![\w.,/-])(?P<a>\d\d?)\.(?P<b>\d\d?)(?![\d.,:/])"
    r"(?!\s*(?:uhr|h\b|%|prozent|percent|euro|eur\b|€|\$|mio|mrd|mill))"
)
_SLASHED = re.compile(r"(?<![\w./-])(?P<a>\d\d?)/(?P<b>\d\d?)/(?P<y>(?:19|20)\d\d|\d\d)(?![\d/])")
_HYPHENED = re.compile(r"(?<![\w./-])(?P<a>\d\d?)-(?P<b>\d\d?)-(?P<y>(?:19|20)\d\d|\d\d)(?![\d-])")
# "2/15", "on 2 / 15": month and day, English only, and no fraction ("1/2 hour").
_SLASHED_SHORT = re.compile(
    r"(?<![\w./,-])(?P<a>\d\d?)\s?/\s?(?P<b>\d\d?)(?![\d/]|[.,]\d|\s*(?:h\b|hours?\b|hrs?\b|of\b|"
    r"stunden?\b|%|percent|miles?\b|km\b|inch|cups?\b|majority|mehrheit)|[a-z])"
)
_MONTH_YEAR = re.compile(r"(?<![\w./-])(?P<m>0?[1-9]|1[0-2])/(?P<y>(?:19|20)\d\d)(?![\d/])")
# "14./15.10.", "14. - 15.10.2013", "14 - 15.10": days of one month.
_DAY_RANGE = re.compile(
    rf"(?<![\w.,/-])(?P<a>\d\d?)\.?\s*(?:[-–/]|bis)\s*(?P<b>\d\d?)\.\s?(?P<m>\d\d?)\.?"
    rf"(?:{_YEAR})?(?!\d)(?!\.\d)"
)
# A number after one of these words is a section, version, page or week, not a date.
_NUMBERING = re.compile(
    r"\b(?:version|release|v|kapitel|abschnitt|section|sec|ziffer|nr|no|art|artikel|article|"
    r"abs|absatz|paragraph|schritt|stufe|phase|level|punkt|tz|rn|rz|seite|page|p|pp|s|tabelle|"
    r"table|abb|fig|anlage|annex|anhang|box|kw|iso|din|tel|fax|phone|clause|klausel|item|rule|regel|chapter|part|teil|number|nummer|nummern)\.?:?\s*$|§\s*$",
    re.IGNORECASE,
)
_CLOCK_WORD = re.compile(r"\b(?:um|gegen|ab|at|by)\s+$", re.IGNORECASE)


def is_numbering(text: str, start: int) -> bool:
    """Tell whether the number at `start` follows a section, version, page or phone word."""
    return _NUMBERING.search(text, max(0, start - 12), start) is not None


def _is_year_word(word: str) -> bool:
    return len(word) == 4 and word.isdigit()


def _is_day_word(word: str) -> bool:
    """One or two digits: a day or a month of a numeric date."""
    return len(word) <= 2 and word.isdigit()


def _after_clock_word(text: str, start: int) -> bool:
    """ "um 10.10", "gegen 16.30": a time of day, not a date."""
    return _CLOCK_WORD.search(text, max(0, start - 7), start) is not None


def _order(a: int, b: int, *, day_first: bool) -> tuple[int, int] | None:
    """(day, month) of two numbers in the language's order, or the other where only it fits."""
    first, second = (a, b) if day_first else (b, a)
    if 1 <= second <= 12 and 1 <= first <= 31:
        return first, second
    if 1 <= first <= 12 and 1 <= second <= 31:
        return second, first
    return None


def date_piece(start: int, end: int, d: int, m: int, year: int | None) -> Piece | None:
    """A written day ("kind" day), or None if day and month do not form one."""
    if safe_date(year or 2000, m, d) is None:  # (2000 is a leap year: 29 February counts)
        return None
    return Piece(
        start, end, "day", "absolute", day_reader(d, m, year),
        flexible=year is None, day=d, month=m, year=year,
    )  # fmt: skip


def month_piece(start: int, end: int, month: int, year: int) -> Piece:
    """A written month of a written year ("2/2013", "2014-10")."""
    reading = period(date(year, month, 1), month_end(year, month), "month")
    return Piece(
        start, end, "month", "absolute", fixed(reading), month=month, year=year, unit="month"
    )


def _year(digits: str | None, scan: Scan) -> int | None:
    digits = (digits or "").strip()
    return full_year(digits, scan.anchor) if digits else None


def iso_dates(scan: Scan) -> Iterator[Piece]:
    """ "2026-02-05", "2018-8-31", and the months "2014-10", "2014/10"."""
    years = scan.numbers(_is_year_word)
    for m in matches(_ISO, scan, years):
        if piece := date_piece(m.start(), m.end(), int(m["d"]), int(m["m"]), int(m["y"])):
            yield piece
    for m in matches(_ISO_MONTH, scan, years):
        yield month_piece(m.start(), m.end(), int(m["m"]), int(m["y"]))


def dotted_dates(scan: Scan) -> Iterator[Piece]:
    """ "5.2.2026", "31.10.74", "15.2." and, in German, "10.10"."""
    text = scan.low
    for pattern in (_DOTTED, _DOTTED_SHORT) if scan.lang == "de" else (_DOTTED,):
        for m in matches(pattern, scan, scan.numbers(_is_day_word)):
            if is_numbering(text, m.start()) or _after_clock_word(text, m.start()):
                continue
            if pattern is _DOTTED and scan.lang == "en" and not m["y"]:
                continue  # "growth was 3.2.": English writes no day and month with dots
            if pattern is _DOTTED_SHORT and not _may_lead_short_date(scan.word_before(m.start())):
                continue  # "iOS 18.2", "Kapitel 4.3": a version or a section
            order = _order(int(m["a"]), int(m["b"]), day_first=True)
            year = _year(m.groupdict().get("y"), scan)
            if order and (piece := date_piece(m.start(), m.end(), *order, year)):
                yield piece


# The words a German "10.10" (no closing dot) may follow; after any other word it is a number.
_SHORT_DATE_LEADS = frozenset(
    [
        "am",
        "vom",
        "von",
        "bis",
        "zum",
        "ab",
        "seit",
        "den",
        "dem",
        "der",
        "zwischen",
        "und",
        "oder",
        "sowie",
    ]
)


def _may_lead_short_date(word: str) -> bool:
    return not word.isalpha() or word in _SHORT_DATE_LEADS or word in v.WEEKDAYS


def slashed_dates(scan: Scan) -> Iterator[Piece]:
    """ "05/02/2026", "10-31-74", "2/2013", and in English "2/15"."""
    text, day_first = scan.low, scan.lang == "de"
    for pattern in (_SLASHED, _HYPHENED):
        for m in matches(pattern, scan, scan.numbers(_is_day_word)):
            order = _order(int(m["a"]), int(m["b"]), day_first=day_first)
            piece = date_piece(m.start(), m.end(), *order, _year(m["y"], scan)) if order else None
            if piece and not is_numbering(text, m.start()):
                yield piece
    for m in matches(_MONTH_YEAR, scan, scan.numbers(_is_day_word)):
        if not is_numbering(text, m.start()):
            yield month_piece(m.start(), m.end(), int(m["m"]), int(m["y"]))
    if scan.lang != "en":
        return
    for m in matches(_SLASHED_SHORT, scan, scan.numbers(_is_day_word)):
        if m.group(0) == "9/11":
            continue  # the attacks of 2001, a name
        month, day_of_month = int(m["a"]), int(m["b"])
        piece = date_piece(m.start(), m.end(), day_of_month, month, None) if month <= 12 else None
        if piece and not is_numbering(text, m.start()):
            yield piece


def day_ranges(scan: Scan) -> Iterator[Piece]:
    """ "14./15.10.", "14. - 15.10.2018": the days of one month, from the first to the second."""
    for m in matches(_DAY_RANGE, scan, scan.numbers(_is_day_word)):
        first, last, month = int(m["a"]), int(m["b"]), int(m["m"])
        if not (1 <= first < last <= 31 and 1 <= month <= 12) or is_numbering(scan.low, m.start()):
            continue
        year = _year(m["y"], scan)
        yield Piece(
            m.start(), m.end(), "days", "absolute", days_reader(first, last, month, year),
            flexible=year is None, day=first, month=month, year=year,
        )  # fmt: skip


FINDERS = (iso_dates, dotted_dates, slashed_dates, day_ranges)
