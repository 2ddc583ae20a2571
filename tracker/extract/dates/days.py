"""Finders for dates and periods: "31.12.2025", "March 11-12, 2025", "Ende Juli", weekdays; and
the scans that the finders share."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from heapq import heapify, heappop, heapreplace
from itertools import pairwise

from tracker.extract import patterns as p
from tracker.extract.dates.model import Timex, before

# Scanners stand in for a pattern led by a class of characters, such as the month names' first
# letters: the regex engine tries such a pattern at every character and is several times slower
# than when it skips to the literal that starts each scanner, so several scans beat one.
Scanners = tuple[re.Pattern[str], ...]


def compile_scanners(alternatives: Iterable[str], *, by_first_letter: bool = False) -> Scanners:
    """Compile regex alternatives that each start with a literal; `by_first_letter` joins those
    with the same first letter ("M(?:ai|ay|ärz)"): one scan beats several if the letter is rare."""
    if not by_first_letter:
        return tuple(map(re.compile, alternatives))
    heads: dict[str, list[str]] = {}
    for alternative in alternatives:
        assert alternative[0].isalpha(), alternative  # a literal, no escape or class
        heads.setdefault(alternative[0], []).append(alternative[1:])
    return tuple(re.compile(f"{head}(?:{'|'.join(tails)})") for head, tails in heads.items())


def hits(scanners: Scanners, locator: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """The matches of `locator.finditer(text)` (their spans), where `locator` is the alternation
    of the `scanners` in their order, from each scanner's own `finditer`, merged.

    It is the same as long as no two hits overlap: a scanner's `finditer` only passes over the
    places inside its own hits, so then no scanner matches between two merged hits (or two at one
    place), and the leftmost hit is the alternation's. If some overlap, the locator scans itself."""
    found = sorted((hit for scanner in scanners for hit in scanner.finditer(text)), key=_start)
    if any(first.end() > second.start() for first, second in pairwise(found)):
        return list(locator.finditer(text))
    return found


def _start(match: re.Match[str]) -> int:
    return match.start()


def scan(scanners: Scanners, text: str, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """Yield the matches `located(pattern, locator, text)` yields, where `locator` is the
    alternation of the `scanners`; together they must match wherever `pattern` can start. A heap
    holds where each scanner matches next, renewed once the position has passed it."""
    ahead = [
        (hit.start(), index)
        for index, scanner in enumerate(scanners)
        if (hit := scanner.search(text))
    ]
    heapify(ahead)
    position = 0
    while ahead:
        start, index = ahead[0]
        if start < position:
            if (hit := scanners[index].search(text, position)) is None:
                heappop(ahead)
            else:
                heapreplace(ahead, (hit.start(), index))
            continue
        match = pattern.match(text, start)
        if match is None:
            position = start + 1
        else:
            yield match
            position = match.end()


def _literal_led(*alternatives: str) -> str:
    """Join regex alternatives, each spelled "[Xx]rest", as "Xrest|xrest|...": a branch that starts
    with a literal lets the engine skip to the positions of those letters and skip the other
    branches cheaply (a class at the head defeats both, the search then tries every branch at every
    position). Same language, and the branches that can match at one position keep their order."""
    assert all(f"[{a[1]}{a[1].lower()}]" == a[:4] for a in alternatives)
    return "|".join(f"{head}{rest[4:]}" for rest in alternatives for head in rest[1:3])


# The cue before a date ("bis zum", "no later than"); the article is matched too, not kept.
_DATE_CUE = re.compile(
    "(?P<cue>"
    + _literal_led(
        r"[Bb]is\s+(?:zum\s+|spätestens\s+(?:zum\s+|am\s+)?|einschließlich\s+|einschl\.\s+)?",
        r"[Ss]pätestens\s+(?:am\s+|bis\s+(?:zum\s+)?)?",
        r"[Aa]b\s+(?:dem\s+)?",
        r"[Vv]om\s+",
        r"[Aa]m\s+",
        r"[Ss]eit\s+(?:dem\s+)?",
        r"[Nn]o\s+later\s+than\s+",
        r"[Nn]ot\s+later\s+than\s+",
        r"[Oo]n\s+or\s+before\s+",
        r"[Bb]y\s+",
        r"[Uu]ntil\s+",
        r"[Tt]ill\s+",
        r"[Tt]hrough\s+",
        r"[Bb]efore\s+",
        r"[Ee]ffective\s+(?:on\s+|from\s+)?",
        r"[Ff]rom\s+",
        r"[Ss]tarting\s+(?:on\s+|from\s+)?",
        r"[Bb]eginning\s+(?:on\s+)?",
        r"[Aa]s\s+of\s+",
        r"[Oo]n\s+",
        r"[Ii]s\s+",
        r"[Oo]f\s+",
        r"[Ss]ince\s+",
        r"[Zz]um\s+",
    )
    + r")(?:the\s+|de[nm]\s+)?$"
)
_FUTURE_PRE = re.compile(
    r"^(?:bis|by|until|till|through|no later|not later|on or before|spätestens|ab|from|starting|"
    r"beginning|effective|noch im|next|nächsten|kommenden|before)",
    re.IGNORECASE,
)
_PAST_PRE = re.compile(r"^(?:seit|since|last|letzten|vergangenen|von)", re.IGNORECASE)
_MODIFIERS = (
    (re.compile(r"Ende|end|[Ll]ate", re.IGNORECASE), "end"),
    (re.compile(r"Mitte|middle|mid", re.IGNORECASE), "mid"),
    (re.compile(r"Anfang|beginning|early", re.IGNORECASE), "start"),
)
_SLASH_LOCATOR = re.compile(r"/\d{1,2}/")
_ISO_LOCATOR = re.compile(r"-\d\d-\d\d")
_DMY_LOCATOR = re.compile(r"\.\s?\d{1,2}\.")
_WORD_OR_DOT = re.compile(r"[\w.,]")
_TODAY_PRE = re.compile(r"heutigen|[Hh]eute")
_FUTURE_WEEKDAY_PRE = re.compile(r"\b(?:bis|by|until|next|kommenden|nächsten)\b", re.IGNORECASE)
_YEAR_TURN_SCANNERS = compile_scanners(
    ("Jahreswechsel", "jahreswechsel", r"turn\s+of\s+the\s+year")
)
_WEEKDAY_SCANNERS = compile_scanners(p.WEEKDAYS, by_first_letter=True)


def _date_cue(text: str, start: int) -> tuple[str, int, str]:
    """Return the cue right before `start`, where it begins, and the direction it implies."""
    match = before(text, start, _DATE_CUE)
    if not match:
        return "", start, ""
    cue = " ".join(match.group("cue").split())
    direction = "future" if _FUTURE_PRE.match(cue) else "past" if _PAST_PRE.match(cue) else ""
    return cue, match.start(), direction


def numeric_dates(text: str, months: list[re.Match[str]]) -> Iterator[Timex]:
    """ "2026-02-04" and "31.12.2025" / "1.3.": a literal locator finds the separators first."""
    for pattern, locator, back in (
        (p.ISO_DATE, _ISO_LOCATOR, 4),
        (p.NUMERIC_DATE, _DMY_LOCATOR, 2),
    ):
        last_end = -1
        for hit in locator.finditer(text):
            m = pattern.search(text, max(0, hit.start() - back), hit.end() + 8)
            if m is None or m.start() < last_end or m.start() > hit.start():
                continue
            last_end = m.end()
            if m.start() > 0 and (text[m.start() - 1] in ".,-" or text[m.start() - 1].isalnum()):
                continue
            year = int(m.group("year")) if m.group("year") else None
            yield from _date_timex(
                text, m.start(), m.end(), year, int(m.group("month")), int(m.group("day"))
            )


def slash_dates(text: str, months: list[re.Match[str]]) -> Iterator[Timex]:
    """Numeric dates with slashes: the order (M/D or D/M) depends on the language, so the rule
    resolves them with dateparser."""
    for hit in _SLASH_LOCATOR.finditer(text):
        m = p.SLASH_DATE.search(text, max(0, hit.start() - 2), hit.end() + 4)
        if m is None:
            continue
        cue, cue_start, direction = _date_cue(text, m.start())
        yield Timex("rawdate", m.start(), m.end(), cue, cue_start, direction=direction)


def _date_timex(
    text: str, start: int, end: int, year: int | None, month: int, day: int, end_day: int = 0
) -> Iterator[Timex]:
    if 1 <= month <= 12 and 1 <= day <= 31:
        cue, cue_start, direction = _date_cue(text, start)
        yield Timex(
            "date",
            start,
            end,
            cue,
            cue_start,
            year=year,
            month=month,
            day=day,
            end_day=end_day,
            direction=direction,
        )


def month_dates(text: str, months: list[re.Match[str]]) -> Iterator[Timex]:
    """Dates and periods around a month name: "March 11-12, 2025", "25. Juli 2018", "Ende März"."""
    for m in months:
        month = p.MONTHS[m.group("month").rstrip(".")]
        tail = p.MONTH_DAY_TAIL.match(text, m.end())
        if tail:
            end_day = int(tail.group("end") or 0)
            year = int(tail.group("year")) if tail.group("year") else None
            yield from _date_timex(
                text, m.start(), tail.end(), year, month, int(tail.group("day")), end_day
            )
            continue
        head = before(text, m.start(), p.DAY_BEFORE, 12)
        year_tail = p.YEAR_TAIL.match(text, m.end())
        year = int(year_tail.group("year")) if year_tail else None
        end = year_tail.end() if year_tail else m.end()
        if head and (head.start() == 0 or not _WORD_OR_DOT.match(text[head.start() - 1])):
            end_day = int(head.group("end") or 0)
            yield from _date_timex(
                text, head.start(), end, year, month, int(head.group("day")), end_day
            )
        elif not head:
            yield from _month_period(text, m.start(), end, month, year)


def _month_period(text: str, start: int, end: int, month: int, year: int | None) -> Iterator[Timex]:
    pre_match = before(text, start, p.MONTH_PRE)
    pre = " ".join(pre_match.group("pre").split()) if pre_match else ""
    if not pre and year is None:
        return
    modifier = next((name for rx, name in _MODIFIERS if rx.search(pre)), "")
    direction = "future" if _FUTURE_PRE.match(pre) else "past" if _PAST_PRE.match(pre) else ""
    begin = pre_match.start() if pre_match else start
    yield Timex(
        "month",
        begin,
        end,
        pre,
        begin,
        year=year,
        month=month,
        modifier=modifier,
        direction=direction,
    )


def year_turns(text: str, months: list[re.Match[str]]) -> Iterator[Timex]:
    if "ahreswechsel" not in text and "turn of the year" not in text:
        return
    for m in scan(_YEAR_TURN_SCANNERS, text, p.YEAR_TURN):
        cue, cue_start, _ = _date_cue(text, m.start())
        yield Timex(
            "date",
            m.start(),
            m.end(),
            cue or "Jahreswechsel",
            cue_start,
            year=int(m.group("y2")),
            month=1,
            day=1,
            direction="future",
        )


def weekdays(text: str, months: list[re.Match[str]]) -> Iterator[Timex]:
    for m in scan(_WEEKDAY_SCANNERS, text, p.WEEKDAY_CORE):  # it starts with a weekday name
        if m.start() > 0 and text[m.start() - 1].isalnum():
            continue
        if (
            p.WEEKDAY_RANGE_TAIL.match(text[m.end() : m.end() + 20])
            or before(text, m.start(), p.WEEKDAY_RANGE_HEAD, 20)
            or p.WEEKDAY_OF_DATE.match(text[m.end() : m.end() + 20])
        ):
            continue  # "Monday through Friday", or the weekday of a written date
        head = before(text, m.start(), p.WEEKDAY_PRE)
        pre = " ".join(head.group("pre").split()) if head else ""
        start = head.start() if head else m.start()
        weekday = p.WEEKDAYS[m.group("weekday")]
        if _TODAY_PRE.search(pre):
            yield Timex("today", start, m.end(), pre, start, weekday=weekday)
            continue
        direction = "future" if _FUTURE_WEEKDAY_PRE.search(pre) else ""
        yield Timex("weekday", start, m.end(), pre, start, weekday=weekday, direction=direction)
