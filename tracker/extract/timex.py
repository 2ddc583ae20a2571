"""Find time expressions (timexes) in a text with our own regexes; no dateparser here."""

from __future__ import annotations

from dataclasses import replace

from tracker.extract import patterns as p
from tracker.extract.timex_dates import (
    month_dates,
    numeric_dates,
    quarters,
    simple,
    slash_dates,
    this_year,
    weekdays,
    year_turns,
    years,
)
from tracker.extract.timex_durations import compounds, durations, ordinal_days
from tracker.extract.timex_model import Finder, Timex, located

__all__ = ["Timex", "find_timexes"]

_FINDERS: tuple[Finder, ...] = (
    compounds,
    year_turns,
    numeric_dates,
    slash_dates,
    month_dates,
    quarters,
    this_year,
    years,
    weekdays,
    simple("today", p.TODAY, p.TODAY_LOCATOR, ("eut", "oday", "onight")),
    simple("yesterday", p.YESTERDAY, p.YESTERDAY_LOCATOR, ("estern", "esterday")),
    simple("lastmonth", p.LAST_MONTH, p.LAST_MONTH_LOCATOR, ("month", "Monat")),
    durations,
    ordinal_days,
)


def find_timexes(text: str) -> list[Timex]:
    """Return the non-overlapping time expressions of a text, in text order.

    Finders run in priority order; a later expression overlapping an earlier one is dropped.
    """
    months = list(located(p.MONTH_CORE, p.MONTH_LOCATOR, text))
    covered = bytearray(len(text) + 1)
    found: list[Timex] = []
    for finder in _FINDERS:
        for timex in finder(text, months):
            if covered.find(1, timex.start, timex.end) >= 0:
                continue
            covered[timex.start : timex.end] = b"\x01" * (timex.end - timex.start)
            found.append(timex if timex.cue_start >= 0 else replace(timex, cue_start=timex.start))
    return sorted(found, key=lambda t: t.start)
