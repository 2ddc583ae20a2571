"""Find time expressions (timexes) in a text with our own regexes; no dateparser here.

Besides `find_timexes`, the finders of years, quarters and keywords ("today", "last month")."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import replace

from tracker.extract import patterns as p
from tracker.extract.dates.days import (
    Scanners,
    compile_scanners,
    hits,
    month_dates,
    numeric_dates,
    scan,
    slash_dates,
    weekdays,
    year_turns,
)
from tracker.extract.dates.model import Finder, Timex, before
from tracker.extract.dates.timex_durations import compounds, durations, ordinal_days
from tracker.extract.folding import split_alternatives

__all__ = ["Timex", "find_timexes"]

logger = logging.getLogger(__name__)
# What a finder may raise on odd input (a bug): it loses its own remaining expressions, not the
# text's (the same errors `pipeline._safely` contains for one rule).
_FINDER_ERRORS = (ValueError, OverflowError, ArithmeticError, IndexError, KeyError, AssertionError)


# The word right before a deadline year ("bis 2030", "by the end of 2027", "des Jahres 2026").
_YEAR_CUE_WORDS = frozenset(
    {"bis", "by", "until", "spätestens", "than", "ende", "of", "jahres", "jahr", "year"}
)
_QUARTER_WORDS = {
    "ersten": 1,
    "zweiten": 2,
    "dritten": 3,
    "vierten": 4,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1.": 1,
    "2.": 2,
    "3.": 3,
    "4.": 4,
}
# The locators' alternatives as scanners (see `scan`, `hits`).
_QUARTER_SCANNERS = compile_scanners(
    split_alternatives(p.QUARTER_LOCATOR.pattern), by_first_letter=True
)
_MONTH_SCANNERS = compile_scanners(
    split_alternatives(p.MONTH_LOCATOR.pattern), by_first_letter=True
)
_THIS_YEAR_SCANNERS = compile_scanners(
    split_alternatives(p.THIS_YEAR_LOCATOR.pattern), by_first_letter=True
)
_YEAR_END_SCANNERS = compile_scanners(split_alternatives(p.YEAR_END.pattern))
_TODAY_SCANNERS = compile_scanners(split_alternatives(p.TODAY_LOCATOR.pattern))
# `p.LAST_MONTH_LOCATOR`, its leading group spread over its alternatives.
_LAST_MONTH_SCANNERS = compile_scanners(
    rf"{word}\s+(?:month|Monat)" for word in ("ast", "ergangenen", "etzten", "origen")
)


def years(text: str, months: list[re.Match[str]]) -> Iterator[Timex]:
    for m in p.YEAR_DEADLINE.finditer(text):
        if m.start() > 0 and text[m.start() - 1].isdigit():
            continue
        last_word = text[max(0, m.start() - 16) : m.start()].rsplit(None, 1)[-1:]
        if not last_word or last_word[0].lower() not in _YEAR_CUE_WORDS:
            continue
        head = before(text, m.start(), p.YEAR_BEFORE, 50)
        if head:
            yield Timex(
                "year",
                head.start(),
                m.end(),
                " ".join(head.group("pre").split()),
                head.start(),
                year=int(m.group(0)),
                month=12,
                direction="future",
            )
    if "ahres" not in text and "year" not in text:  # in every `YEAR_END` match
        return
    for hit in hits(_YEAR_END_SCANNERS, p.YEAR_END, text):
        full = p.YEAR_END_FULL.finditer(text, max(0, hit.start() - 30), hit.end() + 2)
        found = next((f for f in full if f.end() >= hit.end()), None)
        if found:
            yield Timex(
                "yearend",
                found.start(),
                found.end(),
                " ".join(found.group(0).split()),
                found.start(),
                month=12,
                direction="future",
            )


def quarters(text: str, months: list[re.Match[str]]) -> Iterator[Timex]:
    if "uartal" not in text and "uarter" not in text and "Q" not in text:
        return
    for m in scan(_QUARTER_SCANNERS, text, p.QUARTER_CORE):
        head = before(text, m.start(), p.QUARTER_BEFORE)
        word = head.group("word") if head else None
        if not m.group("q") and not word:
            continue
        quarter = int(m.group("q")) if m.group("q") else _QUARTER_WORDS[word or ""]
        tail = p.QUARTER_YEAR_TAIL.match(text, m.end())
        start = head.start() if head and (word or head.group("pre")) else m.start()
        pre = " ".join((head.group("pre") or "").split()) if head else ""
        yield Timex(
            "quarter",
            start,
            tail.end() if tail else m.end(),
            pre,
            start,
            year=int(tail.group("year")) if tail else None,
            month=quarter * 3,
            direction="future",
        )


def this_year(text: str, months: list[re.Match[str]]) -> Iterator[Timex]:
    """ "later this year", "noch in diesem Jahr": the end of the current year."""
    if "year" not in text and "Jahr" not in text:
        return
    for m in scan(_THIS_YEAR_SCANNERS, text, p.THIS_YEAR):
        cue = " ".join(m.group(0).split())
        yield Timex("yearend", m.start(), m.end(), cue, m.start(), month=12, direction="future")


def simple(
    kind: str,
    pattern: re.Pattern[str],
    locator: re.Pattern[str],
    needles: tuple[str, ...],
    scanners: Scanners | None = None,
) -> Finder:
    """Find `pattern` only around hits of a cheap `locator` (lowercase literals scan fastest),
    found by its `scanners` if given (see `hits`); every hit holds one of the literal `needles`,
    so a text without any has none."""

    def finder(text: str, months: list[re.Match[str]]) -> Iterator[Timex]:
        if not any(map(text.__contains__, needles)):
            return
        last_end = -1
        for hit in hits(scanners or (locator,), locator, text):
            for m in pattern.finditer(text, max(0, hit.start() - 20), hit.end() + 20):
                if m.start() >= last_end and m.start() <= hit.start() < m.end():
                    last_end = m.end()
                    yield Timex(kind, m.start(), m.end(), m.group(0), m.start())

    return finder


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
    simple("today", p.TODAY, p.TODAY_LOCATOR, ("eut", "oday", "onight"), _TODAY_SCANNERS),
    simple("yesterday", p.YESTERDAY, p.YESTERDAY_LOCATOR, ("estern", "esterday")),
    simple(
        "lastmonth", p.LAST_MONTH, p.LAST_MONTH_LOCATOR, ("month", "Monat"), _LAST_MONTH_SCANNERS
    ),
    durations,
    ordinal_days,
)


def find_timexes(text: str) -> list[Timex]:
    """Return the non-overlapping time expressions of a text, in text order.

    Finders run in priority order; a later expression overlapping an earlier one is dropped.
    (The finders set `cue_start` themselves: `replace` is slow on the frozen dataclass.)
    """
    months = list(scan(_MONTH_SCANNERS, text, p.MONTH_CORE))
    covered = bytearray(len(text) + 1)
    found: list[Timex] = []
    for finder in _FINDERS:
        try:
            for timex in finder(text, months):
                if covered.find(1, timex.start, timex.end) >= 0:
                    continue
                covered[timex.start : timex.end] = b"\x01" * (timex.end - timex.start)
                found.append(
                    timex if timex.cue_start >= 0 else replace(timex, cue_start=timex.start)
                )
        except _FINDER_ERRORS:
            logger.debug("finder %s failed", getattr(finder, "__name__", finder), exc_info=True)
    return sorted(found, key=lambda t: t.start)
