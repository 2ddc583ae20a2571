"""Named periods: quarters ("Q3 2026", "drittes Quartal", "the 4th qtr of 2018", "2018Q4"),
halves ("H1 2026", "erste Jahreshälfte", "second half of 2026"), years ("2027" after a cue,
"im Jahr 2026", "in 2014 A.D."), seasons ("Frühjahr 2026", "im Sommer"), holidays
("Weihnachten", "Easter"), calendar weeks ("KW 12").

A bare year counts only after a word that makes it a time ("bis 2030", "ab 2027", "im Jahr
2026", "seit 2019", "Ende 2026"), and never before a counted noun ("bis 2000 Menschen"), so
neither "1999-2026" nor "50 Ländern" nor "2025 Anträge" is a date. A quarter, half or season
without a year is this year's, or the next one once this year's is over (the last one in the
past).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from functools import partial

from dateutil.easter import easter

from tracker.extract.dates import vocab as v
from tracker.extract.dates.calendar import month_end
from tracker.extract.dates.pieces import (
    Piece,
    Reader,
    Reading,
    Scan,
    day,
    fixed,
    matches,
    period,
    place,
)
from tracker.extract.dates.relative import season_bounds

_Y = r"(?:19|20)\d\d(?!\d)"
_NTH = (
    r"(?P<w>[1-4])(?:st|nd|rd|th|tes|ten|ter|te|\.)"
    r"|(?P<word>first|second|third|fourth|erste[nrsm]?|zweite[nrsm]?|dritte[nrsm]?|vierte[nrsm]?)"
)
# "quarter-finals", "the second half of the game", "die zweite Hälfte der Saison": no period of a
# year (after the quarter or half word: no hyphen, no "of"/"des" with anything but a year).
_OF_A_YEAR_ONLY = (
    r"(?!-)"
    r"(?!\s+of\s+(?!(?:(?:the|this|next|last|current|fiscal|calendar|financial)\s+)*(?:year|fy|\d)))"
    r"(?!\s+(?:des|der)\s+(?!(?:(?:laufenden|kommenden|nächsten|vergangenen|aktuellen)\s+)?"
    r"(?:jahres|geschäftsjahres|kalenderjahres|haushaltsjahres|\d)))"
)
_QUARTER = re.compile(
    rf"\b(?:the\s+)?(?:{_NTH})\s+(?:quarter|qtr|quartal)(?:e?s|e?n)?\b{_OF_A_YEAR_ONLY}"
    rf"(?:\s+(?:of\s+(?:the\s+year\s+)?|des\s+jahres\s+|in\s+)?(?P<y>{_Y}))?"
    rf"|\bq(?P<q>[1-4])(?:\s*[/-]?\s*(?P<qy>{_Y}|'?\d\d(?![\d.,%])))?\b"
    rf"|\b(?P<yq>{_Y}|\d\d)\s?q(?P<q2>[1-4])\b"
)
_HALF = re.compile(
    rf"\b(?:the\s+)?(?:(?P<w>[12])\.?|(?P<word>first|second|erste[nrsm]?|zweite[nrsm]?))\s+"
    rf"(?:half|halbjahr|jahreshälfte|hälfte)(?:e?s)?\b{_OF_A_YEAR_ONLY}(?:\s+(?:of\s+(?:the\s+year\s+)?|des\s+jahres\s+)?(?P<y>{_Y}))?"
    rf"|\bh(?P<h>[12])(?:\s*[/-]?\s*(?P<hy>{_Y}|'?\d\d(?![\d.,%])))?\b"
)
_ORDINAL_NUMBERS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "erst": 1,
    "zweit": 2,
    "dritt": 3,
    "viert": 4,
}
# A year after one of these words (or a part word, see `parts`) is a time.
_YEAR_CUES = (
    r"bis(?:\s+(?:zum|ins|in\s+das))?(?:\s+jahr)?|by|until|till|through|spätestens|ab|from|seit|"
    r"since|von|vor|before|nach|after|in|im|für|for|um|gegen|around|zwischen|between|und|and|auf|"
    r"fiscal|"
    r"to|anno|jahr|jahre|jahres|year|years|calendar\s+year|fiscal\s+year|kalenderjahr|"
    r"geschäftsjahr|haushaltsjahr|fy|than|early|mid|late|anfang|mitte|ende|beginn|end\s+of|"
    r"beginning\s+of|start\s+of|middle\s+of|of|zum|frühjahr|spring|sommer|summer|herbst|autumn|"
    r"fall|winter"
)
_YEAR = re.compile(
    rf"(?<![\w.,/])(?<!\d-)(?P<y>{_Y})(?![\w%-]|[.,]\d|/\d)|\b(?P<ad>\d{{1,4}})\s*(?:a\.d\.|ad\b)"
)
_YEAR_CUE = re.compile(rf"\b(?:{_YEAR_CUES})[\s-]*(?:des\s+|the\s+|de[mn]\s+)?$", re.IGNORECASE)
_COUNTED = re.compile(
    r"\s*(?:euro|eur\b|dollar|usd|€|\$|prozent|percent|menschen|personen|people|mitarbeiter|"
    r"beschäftigte|stellen|jobs|tonnen|tons|tonnes|einheiten|units|stück|fälle|cases|meter|"
    r"km|mw|gw|kwh|twh|punkte|points|zähler|firmen|unternehmen|companies|anträge|mal\b|times)",
    re.IGNORECASE,
)
_SEASON = re.compile(
    rf"\b(?P<s>{v.alternation(v.SEASONS)})(?:e?s)?(?:\s+(?:of\s+)?(?P<y>{_Y}))?(?![\wäöü])"
)
_HOLIDAY = re.compile(
    rf"\b(?P<h>{v.alternation([*v.HOLIDAYS, *v.EASTER_DAYS])})(?![\wäöü])(?:\s+(?P<y>{_Y}))?"
)
_YEAR_TURN = re.compile(
    rf"\b(?:jahreswechsel|jahresbeginn|turn\s+of\s+the\s+year)(?:\s+(?P<y1>{_Y})\s*[-–/]\s*(?P<y2>{_Y}))?"
)
_COURSE_OF_YEAR = re.compile(
    r"\b(?:(?:laufe|verlauf)\s+(?:des|dieses)\s+jahres|(?:weiteren\s+)?jahresverlauf|"
    r"course\s+of\s+(?:the|this)\s+year)\b"
)
# "the 1990s", "the '90s", "in den 1990er Jahren", "der 90er-Jahre": a decade.
_DECADE = re.compile(r"(?P<d>(?:19|20)\d0|'?\d0)(?:s\b|er(?:[-\s]?jahren?\b|\b))")
_WEEK_NUMBER = re.compile(
    rf"\b(?:kw|kalenderwoche|calendar\s+week|week)\s*(?P<n>[1-9]|[1-4]\d|5[0-3])(?!\d)"
    rf"(?:\s*[/,]?\s*(?P<y>{_Y}))?"
)


_ORDINAL_WORDS = {"the", "first", "second", "third", "fourth"} | {
    stem + end
    for stem in ("erst", "zweit", "dritt", "viert")
    for end in ("e", "en", "er", "es", "em")
}
_HOLIDAY_WORDS = {name.split()[0] for name in (*v.HOLIDAYS, *v.EASTER_DAYS)}
_SEASON_WORDS = {*v.SEASONS, *(f"{s}s" for s in v.SEASONS), *(f"{s}es" for s in v.SEASONS)}
_WEEK_WORDS = {"kw", "kalenderwoche", "calendar", "week", *(f"kw{n}" for n in range(1, 54))}


_QS = ("q1", "q2", "q3", "q4")


def _is_short_or_quarter(word: str) -> bool:
    """ "3", "3rd", "4tes" (an ordinal of a quarter or half), "2018q4", "18q4", "3q26"."""
    return len(word) <= 4 or "q" in word


def _ordinal(m: re.Match[str]) -> int:
    if m["w"]:
        return int(m["w"])
    word = m["word"].lower()
    return next(n for stem, n in _ORDINAL_NUMBERS.items() if word.startswith(stem))


def _year_digits(digits: str | None, scan: Scan) -> int | None:
    from tracker.extract.dates.calendar import full_year

    return full_year(digits.lstrip("'"), scan.anchor) if digits else None


def quarters(scan: Scan) -> Iterator[Piece]:
    starts = sorted(
        {*scan.numbers(_is_short_or_quarter), *scan.starts(_ORDINAL_WORDS), *scan.starts(_QS)}
    )
    for m in matches(_QUARTER, scan, starts):
        if m["q"] or m["q2"]:
            number = int(m["q"] or m["q2"])
            year = _year_digits(m["qy"] or m["yq"], scan)
        else:
            number, year = _ordinal(m), _year_digits(m["y"], scan)
        yield _slice_piece(m, "quarter", number, year, scan)


def halves(scan: Scan) -> Iterator[Piece]:
    starts = sorted(
        {
            *scan.numbers(_is_short_or_quarter),
            *scan.starts(_ORDINAL_WORDS),
            *scan.starts(("h1", "h2")),
        }
    )
    for m in matches(_HALF, scan, starts):
        number = int(m["h"]) if m["h"] else _ordinal(m)
        yield _slice_piece(m, "half", number, _year_digits(m["y"] or m["hy"], scan), scan)


# "des kommenden Jahres", "of next year", "letzten Jahres": the year of a quarter or half.
_RELATIVE_YEAR = re.compile(
    rf"\s+(?:(?:des|of)\s+)?(?:the\s+)?(?P<rel>{v.RELATIVE_WORD})\s+(?:jahres|years?)\b"
)


def _slice_piece(m: re.Match[str], unit: str, number: int, year: int | None, scan: Scan) -> Piece:
    months = 3 if unit == "quarter" else 6
    end, direction = m.end(), ""
    if year is None and (relative := _RELATIVE_YEAR.match(scan.low, end)):
        shift = v.RELATIVE[" ".join(relative["rel"].split())]
        year, end = scan.anchor.year + shift, relative.end()
        direction = "future" if shift > 0 else "past" if shift < 0 else ""

    def bounds(y: int) -> tuple[date, date]:
        return date(y, (number - 1) * months + 1, 1), month_end(y, number * months)

    reader = fixed(period(*bounds(year), unit)) if year else _yearly(bounds, unit)
    return Piece(
        m.start(), end, "period", unit, reader, flexible=year is None, year=year, unit=unit,
        direction=direction,
    )  # fmt: skip


def _yearly(bounds: Callable[[int], tuple[date, date]], grain: str) -> Reader:
    """A period that comes every year: this year's unless it is over (the future) or to come."""

    def read(anchor: date, direction: str) -> Reading | None:
        candidates = [bounds(y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
        if direction == "past":
            first, last = next(c for c in reversed(candidates) if c[0] <= anchor)
        else:  # the future, or no tense: the next one not yet over, as for months
            first, last = next(c for c in candidates if c[1] >= anchor)
        return period(first, last, grain)

    return read


def _is_short_number(word: str) -> bool:
    return len(word) <= 4 and word.isdigit()


def years(scan: Scan) -> Iterator[Piece]:
    """ "bis 2030", "ab 2027", "im Jahr 2026", "in 2014 A.D.": a year after a word of time."""
    for m in matches(_YEAR, scan, scan.numbers(_is_short_number)):
        if m["ad"]:
            year = int(m["ad"])
        elif _is_year_of_time(scan, m):
            year = int(m["y"])
        else:
            continue
        if year < 1:
            continue
        reading = period(date(year, 1, 1), date(year, 12, 31), "year")
        yield Piece(m.start(), m.end(), "year", "year", fixed(reading), year=year, unit="year")


# A year that opens a sentence before its verb is a time: "2024 stieg der Umsatz", "2023
# waren es noch 5 Prozent", "2024 was a record year" (not "2000 neue Stellen").
_FRONTED_VERB = re.compile(
    r"\s+(?:war|waren|gab|gibt|hatte|hatten|lag|lagen|stieg|stiegen|sank|sanken|fiel|fielen|"
    r"kam|kamen|wurde|wurden|wird|werden|soll|sollen|dürfte|dürften|könnte|könnten|sollte|"
    r"sollten|ist|sind|hat|haben|will|was|were|saw|had|has|is|brought|marked)\b"
)
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:•]\s*|\n\s*)$")


def _is_fronted(scan: Scan, start: int, end: int) -> bool:
    opening = _SENTENCE_OPENING.search(scan.low, max(0, start - 3), start)
    return opening is not None and _FRONTED_VERB.match(scan.low, end) is not None


def _is_year_of_time(scan: Scan, m: re.Match[str]) -> bool:
    """After a word of time and before no counted noun, or opening its sentence."""
    if scan.before(_YEAR_CUE, m.start(), 5) and not _COUNTED.match(scan.text, m.end()):
        return True
    return len(m["y"]) == 4 and _is_fronted(scan, m.start(), m.end())


def seasons(scan: Scan) -> Iterator[Piece]:
    """ "Frühjahr 2026", "im Sommer", "winter 2025": a season; "fall" only with a year."""
    for m in matches(_SEASON, scan, scan.starts(_SEASON_WORDS)):
        season = v.SEASONS[m["s"].lower()]
        if m["s"].lower() in ("fall", "spring") and not m["y"]:
            continue  # verbs and nouns too; "this fall", "in the spring" come as periods
        year = int(m["y"]) if m["y"] else None
        bounds = partial(season_bounds, season)
        reader = fixed(period(*bounds(year), "quarter")) if year else _yearly(bounds, "quarter")
        yield Piece(
            m.start(), m.end(), "period", "season", reader, flexible=year is None, year=year,
            unit="season",
        )  # fmt: skip


def holidays(scan: Scan) -> Iterator[Piece]:
    """ "Weihnachten", "Easter 2027", "Neujahr": a day of the year, placed like a day of a month."""
    for m in matches(_HOLIDAY, scan, scan.starts(_HOLIDAY_WORDS)):
        name = " ".join(m["h"].lower().split())
        on_year = _holiday(name)
        year = int(m["y"]) if m["y"] else None
        reader = fixed(day(on_year(year))) if year else _placed(on_year)
        yield Piece(m.start(), m.end(), "day", "holiday", reader, flexible=year is None, year=year)


def _holiday(name: str) -> Callable[[int], date]:
    if name in v.HOLIDAYS:
        month, day_of_month = v.HOLIDAYS[name]
        return lambda year: date(year, month, day_of_month)
    shift = v.EASTER_DAYS[name]
    return lambda year: easter(year) + timedelta(days=shift)


def _placed(on_year: Callable[[int], date]) -> Reader:
    return lambda anchor, direction: day(place(anchor, direction, on_year))


def year_turns(scan: Scan) -> Iterator[Piece]:
    """ "zum Jahreswechsel", "Jahreswechsel 2025-2026", "the turn of the year": 1 January;
    "im Laufe des Jahres", "im Jahresverlauf": the anchor's year."""
    for m in matches(_YEAR_TURN, scan, scan.starts(("jahreswechsel", "turn"))):
        year = int(m["y2"]) if m["y2"] else None
        reader = fixed(day(date(year, 1, 1))) if year else _next_new_year
        yield Piece(m.start(), m.end(), "day", "year_turn", reader, year=year)
    course = scan.starts(("laufe", "verlauf", "weiteren", "jahresverlauf", "course"))
    for m in matches(_COURSE_OF_YEAR, scan, course):
        year_start = date(scan.anchor.year, 1, 1)
        reading = period(year_start, date(scan.anchor.year, 12, 31), "year")
        yield Piece(m.start(), m.end(), "period", "relative_period", fixed(reading), unit="year")


def _next_new_year(anchor: date, direction: str) -> Reading | None:
    return day(date(anchor.year + (0 if direction == "past" else 1), 1, 1))


def _is_decade_word(word: str) -> bool:
    return word.endswith(("0s", "0er"))


def decades(scan: Scan) -> Iterator[Piece]:
    """ "the 1990s", "in den 2020er Jahren": the ten years of a decade (as a range of years)."""
    for m in matches(_DECADE, scan, scan.numbers(_is_decade_word)):
        digits = m["d"].lstrip("'")
        first = int(digits) if len(digits) == 4 else 1900 + int(digits)
        if len(digits) == 2 and first + 100 <= scan.anchor.year - 20:
            first += 100  # "the 20s" read in 2026 is the 2020s
        reading = period(date(first, 1, 1), date(first + 9, 12, 31), "year")
        yield Piece(m.start(), m.end(), "period", "decade", fixed(reading), unit="decade")


def week_numbers(scan: Scan) -> Iterator[Piece]:
    """ "KW 12", "Kalenderwoche 12/2026", "calendar week 12": an ISO week."""
    for m in matches(_WEEK_NUMBER, scan, scan.starts(_WEEK_WORDS)):
        year = int(m["y"]) if m["y"] else scan.anchor.year
        try:
            monday = date.fromisocalendar(year, int(m["n"]), 1)
        except ValueError:
            continue
        reading = period(monday, monday + timedelta(days=6), "week")
        yield Piece(m.start(), m.end(), "period", "week", fixed(reading), year=year, unit="week")


FINDERS = (quarters, halves, years, seasons, holidays, year_turns, decades, week_numbers)
