"""What the finders produce before anchoring: a `Piece` of text and how to read it.

A piece knows what was written ("15. März", no year) and holds a reader that turns it into a
`Reading` once the anchor and the direction are known. Merges (ranges, cues, a weekday beside a
date) build new pieces around the readers of old ones.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from tracker.extract.dates.calendar import safe_date
from tracker.extract.dates.expression import Length


@dataclass(frozen=True, slots=True)
class Reading:
    """The days an expression stands for (see `TimeExpression` for the fields)."""

    type: str
    value: date | None = None
    start: date | None = None
    end: date | None = None
    due: date | None = None
    grain: str = "day"

    @property
    def first(self) -> date | None:
        return self.value if self.value is not None else self.start

    @property
    def last(self) -> date | None:
        return self.value if self.value is not None else self.end


# A reader gets the anchor and a direction ("past", "future" or "" for none) and may decline.
Reader = Callable[[date, str], Reading | None]


@dataclass(slots=True)
class Piece:
    """A stretch of text that is a time expression, with what a merge needs to know of it.

    `kind` says how it may combine: "day" (a day of a month, maybe without year), "weekday",
    "month", "year", "period" (a week, quarter, half, season, relative period), "duration",
    "time", "set"; `form` is the family reported to the rules.
    """

    start: int
    end: int
    kind: str
    form: str
    read: Reader
    flexible: bool = False  # the year or the side of the anchor is not written
    direction: str = ""  # fixed by the expression's own words ("next", "ago", "seit")
    day: int = 0
    month: int = 0
    year: int | None = None
    weekday: int = -1
    unit: str = ""  # the period of a "period"/"month"/"year" piece
    weak: bool = False  # an abbreviation that is also a word ("sat"): kept only when merged
    cue: str = ""
    cue_direction: str = ""  # what the cue suggests ("bis": future), below the tense
    core_start: int = -1
    mod: str = ""
    part: str = ""
    approx: bool = False
    length: Length = ()
    ref: str = ""
    ref_span: tuple[int, int] | None = None
    noun: str = ""
    time: str = ""
    parts: tuple[Piece, ...] = ()  # the two ends of a joined range
    extras: dict[str, str] = field(default_factory=dict)

    def around(self, start: int, end: int, **changes: object) -> Piece:
        """A copy that covers `start`..`end`, the date itself still beginning at `core_start`."""
        changes.setdefault("core_start", self.core_start if self.core_start >= 0 else self.start)
        return replace(self, start=start, end=end, **changes)  # type: ignore[arg-type]


def day(value: date | None) -> Reading | None:
    """A reading of one day."""
    return None if value is None else Reading("date", value=value, due=value)


def period(first: date, last: date, grain: str, due: date | None = None) -> Reading:
    """A reading of a closed period, due at its end unless said otherwise."""
    return Reading("range", start=first, end=last, due=last if due is None else due, grain=grain)


def choose(anchor: date, direction: str, candidates: list[date]) -> date | None:
    """Pick one of several possible days by direction.

    "future": the first on or after the anchor; "past": the last on or before it; "" (none):
    the nearer of those two (ties go to the future).
    """
    ahead = min((d for d in candidates if d >= anchor), default=None)
    behind = max((d for d in candidates if d <= anchor), default=None)
    if direction == "future" or behind is None:
        return ahead
    if direction == "past" or ahead is None:
        return behind
    return ahead if ahead - anchor <= anchor - behind else behind


def place(anchor: date, direction: str, on_year: Callable[[int], date | None]) -> date | None:
    """Place something that comes once a year ("15. März", Easter) by direction (see `choose`)."""
    years = range(anchor.year - 2, anchor.year + 3)
    return choose(anchor, direction, [d for y in years if (d := on_year(y)) is not None])


def day_reader(day_of_month: int, month: int, year: int | None) -> Reader:
    """Read a written day of a month; without a year, place it by direction."""
    if year is not None:
        return fixed(day(safe_date(year, month, day_of_month)))

    def read(anchor: date, direction: str) -> Reading | None:
        side = direction or "future"  # no tense: present tense speaks of schedules
        return day(place(anchor, side, lambda y: safe_date(y, month, day_of_month)))

    return read


def days_reader(first: int, last: int, month: int, year: int | None) -> Reader:
    """Read "14./15.10.", "July 13-15": days of one month, placed by their first day."""

    def read(anchor: date, direction: str) -> Reading | None:
        start = day_reader(first, month, year)(anchor, direction)
        if start is None or start.value is None:
            return None
        end = safe_date(start.value.year, month, last)
        return None if end is None else Reading("range", start=start.value, end=end, due=end)

    return read


_WORD = re.compile(r"\w+")


class Scan:
    """What every finder gets: the text, its language, the anchor day, the text in lowercase
    (same offsets; the finders' patterns are written in lowercase), and where each word of it
    starts, so that a finder tries its patterns only where its words stand."""

    def __init__(self, text: str, lang: str, anchor: date) -> None:
        self.text, self.lang, self.anchor = text, lang, anchor
        # "İ" is the one character whose lowercase is two characters long.
        self.low = low = text.replace("\u0130", "I").lower()
        self.tokens: list[str] = _WORD.findall(low)  # every word, in order
        self.word_starts = [m.start() for m in _WORD.finditer(low)]  # where each one starts
        self.words: dict[str, list[int]] = defaultdict(list)  # where each word stands
        for word, start in zip(self.tokens, self.word_starts, strict=True):
            self.words[word].append(start)
        self.words.default_factory = None  # a word not in the text is a KeyError again
        # The words that start with a digit ("2026", "15", "3rd", "2018q4"), for the finders
        # of numeric forms, which pick the ones of their shape (`numbers`).
        self.number_words = {w: s for w, s in self.words.items() if w[0].isdigit()}
        self._shapes: dict[Callable[[str], bool], list[int]] = {}

    def numbers(self, shape: Callable[[str], bool]) -> list[int]:
        """Where a word of digits of the given shape starts, in text order."""
        if (found := self._shapes.get(shape)) is None:
            found = self._shapes[shape] = sorted(
                s for w, starts in self.number_words.items() if shape(w) for s in starts
            )
        return found

    def starts(self, words: Iterable[str]) -> list[int]:
        """Where any of `words` (lowercase, whole words) starts, in text order."""
        found = self.words.keys() & words
        return sorted(start for word in found for start in self.words[word])

    def word_before(self, end: int) -> str:
        """The word that ends before `end` (past any marks and white space), "" if none."""
        index = bisect_left(self.word_starts, end) - 1
        if index < 0:
            return ""
        start = self.word_starts[index]
        return self.tokens[index][: end - start]

    def before(self, pattern: re.Pattern[str], end: int, words: int) -> re.Match[str] | None:
        """The words right before `end` that `pattern` matches whole, the longest first: tried
        from each of the `words` word starts before `end` (not a scan of the text before)."""
        index = bisect_left(self.word_starts, end)
        for start in self.word_starts[max(0, index - words) : index]:
            if (m := pattern.fullmatch(self.low, start, end)) is not None:
                return m
        return None

    def original(self, m: re.Match[str], group: str | int = 0) -> str:
        """The text of a match's group on the lowercase text, in its original case."""
        return self.text[m.start(group) : m.end(group)]


def matches(pattern: re.Pattern[str], scan: Scan, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """The matches of `pattern` at each of `starts` that do not begin inside the one before."""
    end = -1
    for start in starts:
        if start >= end and (m := pattern.match(scan.low, start)) is not None:
            end = m.end()
            yield m


def fixed(reading: Reading | None) -> Reader:
    """A reader that ignores anchor and direction (a date with its year written)."""
    return lambda anchor, direction: reading


def next_day(reading: Reading | None) -> date | None:
    """The day after a reading's last day (for "after X")."""
    last = reading.last if reading else None
    return None if last is None else last + timedelta(days=1)
