"""The words of time expressions in German and English, and regex pieces built from them.

Every piece is a non-capturing alternation, longest words first, to be matched
case-insensitively; the finders wrap them in named groups.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

_T = TypeVar("_T")


def alternation(words: Iterable[str]) -> str:
    """One regex alternation of literal words, longest first (so "märz" never stops at "mär")."""
    escaped = sorted({re.escape(w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(escaped) + ")"


def words(text: str) -> list[str]:
    """The words of a whitespace-separated list."""
    return text.split()


def _table(rows: list[str], start: int = 1) -> dict[str, int]:
    return {word: number for number, row in enumerate(rows, start) for word in words(row)}


def _same(text: str, value: _T) -> dict[str, _T]:
    return dict.fromkeys(words(text), value)


MONTHS = _table(
    [
        "januar jänner january jan",
        "februar feber february feb",
        "märz maerz march mär mar mrz",
        "april apr",
        "mai may",
        "juni june jun",
        "juli july jul",
        "august aug",
        "september sept sep",
        "oktober october okt oct",
        "november nov",
        "dezember december dez dec",
    ]
)
ABBREVIATED_MONTHS = frozenset(
    words("jan feb mär mar mrz apr jun jul aug sep sept okt oct nov dez dec")
)

WEEKDAYS = _table(
    [
        "montag monday mon",
        "dienstag tuesday tues tue",
        "mittwoch wednesday wed",
        "donnerstag thursday thurs thur thu",
        "freitag friday fri",
        "samstag sonnabend saturday sat",
        "sonntag sunday sun",
    ],
    start=0,
)
# German two-letter abbreviations ("Mo.", "Do"), only read in German text; "so" is a word.
WEEKDAYS_DE_SHORT = {"mo": 0, "di": 1, "mi": 2, "do": 3, "fr": 4, "sa": 5}
# Abbreviations that are English words ("sat", "sun", "wed"): only next to a date or a time.
AMBIGUOUS_WEEKDAYS = frozenset(words("sat sun wed mon"))

_ORDINAL_WORDS_EN = words(
    """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
    thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"""
)
_ORDINAL_STEMS_DE = words(
    """erst zweit dritt viert fünft sechst siebt acht neunt zehnt elft zwölft dreizehnt
    vierzehnt fünfzehnt sechzehnt siebzehnt achtzehnt neunzehnt zwanzigst"""
)
_UNITS_DE = words("ein zwei drei vier fünf sechs sieben acht neun")


def _ordinals() -> dict[str, int]:
    """Ordinal words for the days of a month: "first" ... "thirty-first", "erste(r/n/s/m)" ..."""
    english = dict(zip(_ORDINAL_WORDS_EN, range(1, 21), strict=True))
    for n, word in enumerate(_ORDINAL_WORDS_EN[:9], 1):
        english[f"twenty-{word}"] = english[f"twenty {word}"] = 20 + n
    english |= {"thirtieth": 30, "thirty-first": 31, "thirty first": 31}
    stems = dict(zip(_ORDINAL_STEMS_DE, range(1, 21), strict=True)) | {"siebent": 7}
    stems |= {f"{unit}undzwanzigst": 20 + n for n, unit in enumerate(_UNITS_DE, 1)}
    stems |= {"dreißigst": 30, "dreissigst": 30, "einunddreißigst": 31, "einunddreissigst": 31}
    endings = ("e", "er", "en", "es", "em")
    return english | {stem + ending: n for stem, n in stems.items() for ending in endings}


ORDINALS = _ordinals()
ORDINAL_WORD = alternation(ORDINALS)

UNITS: dict[str, str] = {
    **_same("tag tage tagen tages tg day days d", "day"),
    **_same("kalendertag kalendertage kalendertagen calendar-day", "day"),
    **_same("werktag werktage werktagen arbeitstag arbeitstage arbeitstagen", "day"),
    **_same("woche wochen week weeks wk wks", "week"),
    **_same("monat monate monaten monats month months mo mos", "month"),
    **_same("quartal quartale quartalen quartals quarter quarters qtr qtrs", "quarter"),
    **_same("jahr jahre jahren jahres year years yr yrs", "year"),
    **_same("stunde stunden hour hours hrs h", "hour"),
    **_same("minute minuten minutes min mins", "minute"),
    **_same("sekunde sekunden second seconds sec secs", "second"),
    **_same("fortnight fortnights", "fortnight"),
}
# Units a duration finder accepts after a number ("d", "mo", "h" only stand in compact forms).
DURATION_UNITS = alternation(w for w in UNITS if len(w) > 2 or w in ("wk", "yr", "hrs"))

SEASONS = _table(["frühling frühjahr spring", "sommer summer", "herbst autumn fall", "winter"])

# Words that move a period or a weekday: how many units from the anchor's one.
RELATIVE: dict[str, int] = {
    **_same(
        """this current diese dieser diesen dieses diesem laufende laufenden laufendes aktuelle
        aktuellen aktuelles""",
        0,
    ),
    **_same(
        """next coming upcoming following nächste nächster nächsten nächstes nächstem kommende
        kommender kommenden kommendes kommendem folgende folgenden""",
        1,
    ),
    **_same(
        """last past previous letzte letzter letzten letztes letztem vergangene vergangener
        vergangenen vergangenes vergangenem vorige voriger vorigen voriges vorigem""",
        -1,
    ),
    **_same("übernächste übernächster übernächsten übernächstes", 2),
    **_same("vorletzte vorletzter vorletzten vorletztes", -2),
}
RELATIVE_WORD = alternation(RELATIVE)
PERIOD_UNITS: dict[str, str] = {
    **_same("woche week wk", "week"),
    **_same("monat monats month", "month"),
    **_same("quartal quartals quarter qtr", "quarter"),
    **_same("halbjahr halbjahres jahreshälfte half-year", "half"),
    **_same("jahr jahres year yr", "year"),
    **_same("wochenende wochenendes weekend week-end wkend", "weekend"),
    **_same("tag day", "day"),
}

# Holidays with a fixed day (month, day); Easter and the days around it are computed.
HOLIDAYS = {
    **dict.fromkeys(("weihnachten", "christmas", "christmas day", "1. weihnachtstag"), (12, 25)),
    **dict.fromkeys(("heiligabend", "christmas eve", "heiligen abend"), (12, 24)),
    **dict.fromkeys(("silvester", "new year's eve", "new years eve"), (12, 31)),
    **dict.fromkeys(("neujahr", "neujahrstag", "new year's day", "new years day"), (1, 1)),
    **dict.fromkeys(("tag der arbeit", "may day"), (5, 1)),
    **dict.fromkeys(("tag der deutschen einheit",), (10, 3)),
}
EASTER_DAYS = {
    **dict.fromkeys(("ostern", "ostersonntag", "easter", "easter sunday"), 0),
    **dict.fromkeys(("ostermontag", "easter monday"), 1),
    **dict.fromkeys(("karfreitag", "good friday"), -2),
    **dict.fromkeys(("pfingsten", "pfingstsonntag", "pentecost", "whitsun"), 49),
    **dict.fromkeys(("pfingstmontag", "whit monday"), 50),
    **dict.fromkeys(("christi himmelfahrt", "ascension day"), 39),
}
