"""Finders for dates and periods: "31.12.2025", "March 11-12, 2025", "Ende Juli", "Q3", weekdays."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tracker.extract import patterns as p
from tracker.extract.timex_model import Finder, Timex, before, located

_DATE_CUE = re.compile(
    r"(?P<cue>(?:[Bb]is\s+(?:zum\s+|spätestens\s+(?:zum\s+|am\s+)?|einschließlich\s+|einschl\.\s+)?"
    r"|[Ss]pätestens\s+(?:am\s+|bis\s+(?:zum\s+)?)?|[Aa]b\s+(?:dem\s+)?|[Vv]om\s+|[Aa]m\s+|"
    r"[Ss]eit\s+(?:dem\s+)?|[Nn]o\s+later\s+than\s+|[Nn]ot\s+later\s+than\s+|[Oo]n\s+or\s+before\s+|"
    r"[Bb]y\s+|[Uu]ntil\s+|[Tt]ill\s+|[Tt]hrough\s+|[Bb]efore\s+|[Ee]ffective\s+(?:on\s+|from\s+)?|"
    r"[Ff]rom\s+|[Ss]tarting\s+(?:on\s+|from\s+)?|[Bb]eginning\s+(?:on\s+)?|[Aa]s\s+of\s+|[Oo]n\s+|"
    r"[Ii]s\s+|[Oo]f\s+|[Ss]ince\s+|[Zz]um\s+))(?:the\s+|de[nm]\s+)?$"
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
# The word right before a deadline year ("bis 2030", "by the end of 2027", "des Jahres 2026").
_YEAR_CUE_WORDS = frozenset(
    {"bis", "by", "until", "spätestens", "than", "ende", "of", "jahres", "jahr", "year"}
)
_SLASH_LOCATOR = re.compile(r"/\d{1,2}/")
_ISO_LOCATOR = re.compile(r"-\d\d-\d\d")
_DMY_LOCATOR = re.compile(r"\.\s?\d{1,2}\.")


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
        if head and (head.start() == 0 or not re.match(r"[\w.,]", text[head.start() - 1])):
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
    for m in p.YEAR_TURN.finditer(text):
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


def quarters(text: str, months: list[re.Match[str]]) -> Iterator[Timex]:
    if "uartal" not in text and "uarter" not in text and "Q" not in text:
        return
    for m in located(p.QUARTER_CORE, p.QUARTER_LOCATOR, text):
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
            year=int(tail.group("year")) if tail else None,
            month=quarter * 3,
            direction="future",
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
                year=int(m.group(0)),
                month=12,
                direction="future",
            )
    if "ahres" not in text and "year" not in text:  # in every `YEAR_END` match
        return
    for hit in p.YEAR_END.finditer(text):
        full = p.YEAR_END_FULL.finditer(text, max(0, hit.start() - 30), hit.end() + 2)
        found = next((f for f in full if f.end() >= hit.end()), None)
        if found:
            yield Timex(
                "yearend",
                found.start(),
                found.end(),
                " ".join(found.group(0).split()),
                month=12,
                direction="future",
            )


def this_year(text: str, months: list[re.Match[str]]) -> Iterator[Timex]:
    """ "later this year", "noch in diesem Jahr": the end of the current year."""
    if "year" not in text and "Jahr" not in text:
        return
    for m in located(p.THIS_YEAR, p.THIS_YEAR_LOCATOR, text):
        cue = " ".join(m.group(0).split())
        yield Timex("yearend", m.start(), m.end(), cue, month=12, direction="future")


def weekdays(text: str, months: list[re.Match[str]]) -> Iterator[Timex]:
    for m in p.WEEKDAY_CORE.finditer(text):
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
        if re.search(r"heutigen|[Hh]eute", pre):
            yield Timex("today", start, m.end(), pre, weekday=weekday)
            continue
        direction = (
            "future"
            if re.search(r"\b(?:bis|by|until|next|kommenden|nächsten)\b", pre, re.IGNORECASE)
            else ""
        )
        yield Timex("weekday", start, m.end(), pre, weekday=weekday, direction=direction)


def simple(
    kind: str, pattern: re.Pattern[str], locator: re.Pattern[str], needles: tuple[str, ...]
) -> Finder:
    """Find `pattern` only around hits of a cheap `locator` (lowercase literals scan fastest);
    every hit holds one of the literal `needles`, so a text without any has none."""

    def finder(text: str, months: list[re.Match[str]]) -> Iterator[Timex]:
        if not any(map(text.__contains__, needles)):
            return
        last_end = -1
        for hit in locator.finditer(text):
            for m in pattern.finditer(text, max(0, hit.start() - 20), hit.end() + 20):
                if m.start() >= last_end and m.start() <= hit.start() < m.end():
                    last_end = m.end()
                    yield Timex(kind, m.start(), m.end(), m.group(0))

    return finder
