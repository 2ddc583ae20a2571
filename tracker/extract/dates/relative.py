"""Days and periods named from the anchor: "heute", "übermorgen", "the day before yesterday",
"heute Nachmittag", "nächste Woche", "im kommenden Monat", "letztes Jahr", "this quarter",
"dieses Wochenende", "Ende des Jahres", "year-end", "EOM".

A relative period is the whole calendar period (weeks start on Monday): "nächste Woche" on a
Tuesday is the coming Monday to Sunday, "letztes Jahr" the previous calendar year.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from tracker.extract.dates import vocab as v
from tracker.extract.dates.calendar import shift_period
from tracker.extract.dates.parts import part_of
from tracker.extract.dates.pieces import Piece, Reader, Reading, Scan, day, matches, period

_DAY_PART = (
    r"(?:\s+(?:morgen|früh|vormittag|mittag|nachmittag|abend|nacht|morning|afternoon|evening|"
    r"night))?"
)
_DAYS = {
    "heute": 0, "today": 0, "tonight": 0, "zu dieser zeit": 0, "at this time": 0,
    "morgen": 1, "tomorrow": 1, "übermorgen": 2, "the day after tomorrow": 2,
    "day after tomorrow": 2, "gestern": -1, "yesterday": -1, "vorgestern": -2,
    "the day before yesterday": -2, "day before yesterday": -2, "vorvorgestern": -3,
    "this morning": 0, "this afternoon": 0, "this evening": 0, "heutigen tag": 0,
    "heutigen tages": 0,
}  # fmt: skip
_RELATIVE_DAY = re.compile(rf"\b(?P<word>{v.alternation(_DAYS)})(?P<part>{_DAY_PART})(?![\wäöüß])")
# "am Morgen", "jeden Morgen": the noun "Morgen" (morning), not "morgen" (tomorrow).
_MORNING_NOUN = re.compile(
    r"\b(?:am|den|dem|jeden|einem|eines|diesen|diesem|guten|des|der|am\s+frühen)\s+$", re.IGNORECASE
)
_UNITS = v.alternation(v.PERIOD_UNITS)
_SEASON = v.alternation(v.SEASONS)
_RELATIVE_PERIOD = re.compile(
    rf"\b(?:(?P<rel>{v.RELATIVE_WORD}|this\s+past)\s+(?:(?P<unit>{_UNITS})(?P<ending>e?s|en|e|n)?"
    rf"|(?P<season>{_SEASON})|(?P<seasons>seasons?)))(?![\wäöüß])"
    rf"|\b(?P<prior>vor|folge)(?P<punit>jahr|monat|woche|quartal)(?:e?s)?\b"
    rf"|\b(?P<whole>all|die\s+ganze|the\s+whole|rest\s+of\s+the)\s+(?:week|woche)\b"
)
_DAY_WORDS = {word.split()[0] for word in _DAYS}
_PRIOR = [
    f"{lead}{unit}" for lead in ("vor", "folge") for unit in ("jahr", "monat", "woche", "quartal")
]
_PERIOD_WORDS = {*v.RELATIVE, "all", "die", "the", "rest", *_PRIOR, *(f"{w}s" for w in _PRIOR)}
_PERIOD_WORDS |= {f"{w}es" for w in _PRIOR}
# Seasons (Duckling's bounds): spring from 20 March, summer 21 June, autumn 23 September,
# winter 21 December to 19 March.
_SEASON_STARTS = {1: (3, 20), 2: (6, 21), 3: (9, 23), 4: (12, 21)}


def relative_days(scan: Scan) -> Iterator[Piece]:
    """ "heute", "morgen früh", "übermorgen", "yesterday", "heute Nachmittag", "tonight"."""
    for m in matches(_RELATIVE_DAY, scan, scan.starts(_DAY_WORDS)):
        word = " ".join(m["word"].lower().split())
        if word == "morgen" and _is_morning_noun(scan, m):
            continue
        days = _DAYS[word]
        direction = "future" if days > 0 else "past" if days < 0 else ""
        reader = _days_from(days)
        yield Piece(m.start(), m.end(), "day", "relative_day", reader, direction=direction)


def _is_morning_noun(scan: Scan, m: re.Match[str]) -> bool:
    """ "am Morgen", "jeden Morgen": "Morgen" after an article is the morning."""
    before = scan.before(_MORNING_NOUN, m.start(), 3)
    return scan.text[m.start()] == "M" and before is not None


def _days_from(days: int) -> Reader:
    return lambda anchor, direction: day(anchor + timedelta(days=days))


def relative_periods(scan: Scan) -> Iterator[Piece]:
    """ "nächste Woche", "letzten Monat", "dieses Quartal", "nächstes Jahr", "diesen Sommer",
    "this past weekend", "im Vorjahr", "all week"."""
    for m in matches(_RELATIVE_PERIOD, scan, scan.starts(_PERIOD_WORDS)):
        if m["whole"]:
            whole = m["whole"].lower()
            reader = _rest_of_week if whole.startswith("rest") else _period_from("week", 0)
            yield Piece(m.start(), m.end(), "period", "relative_period", reader, unit="week")
            continue
        if m["prior"]:
            if m["prior"].lower() == "folge":
                continue  # "im Folgejahr": counted from a date the text gave, not the anchor
            unit = v.PERIOD_UNITS[m["punit"].lower()]
            yield _relative(m, unit, -1)
            continue
        rel = " ".join(m["rel"].lower().split())
        shift = -1 if rel == "this past" else v.RELATIVE[rel]
        if m["season"] or m["seasons"]:
            season = v.SEASONS[m["season"].lower()] if m["season"] else 0
            yield Piece(
                m.start(), m.end(), "period", "relative_period", _season_reader(season, shift),
                direction=_side(shift), unit="season",
            )  # fmt: skip
            continue
        unit = v.PERIOD_UNITS[m["unit"].lower()]
        plural = _is_plural(m["unit"], m["ending"] or "")  # "in den kommenden Wochen"
        if plural and rel in _NARRATIVE:
            continue  # "in den folgenden Jahren": the years after a date of the text
        if unit == "day" and not plural:
            continue  # "am nächsten Tag", "the last day of": counted from a date of the text
        piece = _relative(m, unit, shift)
        piece.approx = plural
        yield piece


_NARRATIVE = frozenset(("following", "folgende", "folgenden"))


def _is_plural(unit: str, ending: str) -> bool:
    """ "Wochen", "Jahre", "weeks" (a vague horizon); "Jahres", "Monats" are genitives."""
    if (
        unit.isascii()
        and ending == "s"
        and unit.lower() in ("day", "week", "month", "year", "quarter")
    ):
        return True
    return ending.lower() in ("e", "en", "n")


def _relative(m: re.Match[str], unit: str, shift: int) -> Piece:
    reader = _weekend(shift) if unit == "weekend" else _period_from(unit, shift)
    return Piece(
        m.start(), m.end(), "period", "relative_period", reader, direction=_side(shift),
        unit="week" if unit == "weekend" else unit,
    )  # fmt: skip


def _side(shift: int) -> str:
    return "future" if shift > 0 else "past" if shift < 0 else ""


def _period_from(unit: str, shift: int) -> Reader:
    def read(anchor: date, direction: str) -> Reading | None:
        first, last = shift_period(anchor, unit, shift)
        return day(first) if unit == "day" else period(first, last, unit)

    return read


def _rest_of_week(anchor: date, direction: str) -> Reading | None:
    return period(anchor, shift_period(anchor, "week", 0)[1], "week")


def _weekend(shift: int) -> Reader:
    """Saturday and Sunday of this week (or of the one `shift` weeks away)."""

    def read(anchor: date, direction: str) -> Reading | None:
        monday = shift_period(anchor, "week", shift)[0]
        return period(monday + timedelta(days=5), monday + timedelta(days=6), "week")

    return read


def season_bounds(season: int, year: int) -> tuple[date, date]:
    """The first and last day of a season (1 spring ... 4 winter, into the next year)."""
    month, first = _SEASON_STARTS[season]
    end_month, end_first = _SEASON_STARTS[season % 4 + 1]
    end_year = year + 1 if season == 4 else year
    return date(year, month, first), date(end_year, end_month, end_first) - timedelta(days=1)


def _seasons_around(anchor: date) -> list[tuple[int, date, date]]:
    """Every season from two years before the anchor to two after, in order."""
    years = range(anchor.year - 2, anchor.year + 3)
    return [(s, *season_bounds(s, y)) for y in years for s in (1, 2, 3, 4)]


def _season_reader(season: int, shift: int) -> Reader:
    """ "diesen Sommer": the summer holding the anchor, else the next one; "nächsten Sommer": the
    next one to begin; "letzten Sommer": the last one to end; "this/next/last season" likewise
    among all seasons."""

    def read(anchor: date, direction: str) -> Reading | None:
        seasons = [t for t in _seasons_around(anchor) if season in (0, t[0])]
        holding = [t for t in seasons if t[1] <= anchor <= t[2]]
        ahead = [t for t in seasons if t[1] > anchor]
        behind = [t for t in seasons if t[2] < anchor]
        if season == 0:
            index = seasons.index(holding[0]) + shift
            chosen = seasons[index]
        elif shift == 0:
            chosen = (holding or ahead)[0]
        else:
            chosen = ahead[shift - 1] if shift > 0 else behind[shift]
        return period(chosen[1], chosen[2], "quarter")

    return read


def current_parts(scan: Scan) -> Iterator[Piece]:
    """ "Ende des Jahres", "the end of the month", "Jahresende", "year-end", "EOY", "BOM"."""
    yield from part_of(scan)


FINDERS = (relative_days, relative_periods, current_parts)
