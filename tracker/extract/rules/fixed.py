"""Rules for time expressions that name a date or a period (not durations).

A date after the publication date is a commitment (a deadline or a scheduled change); a date on
or before it is an event. Counterfactual and retroactive dates produce nothing.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tracker.extract.dates.calendar import (
    add_months,
    infer_month_year,
    infer_year,
    month_end,
    parse_absolute,
    quarter_end,
    safe_date,
    weekday_after,
    weekday_on_or_before,
)
from tracker.extract.dates.scan import Timex
from tracker.extract.patterns import COUNTERFACTUAL, RETROACTIVE
from tracker.extract.rules.findings import Context, Finding, prepare_scans, scan_folded

prepare_scans(COUNTERFACTUAL, RETROACTIVE)
_HEADER = re.compile(
    r"(?:Federal Register[^\n]{0,60}[/(]|Register Volume[^\n]{0,40}\()\s*(?:[A-Z][a-z]+day,?\s*)?$"
)
_STATIVE_TODAY = re.compile(
    r"(?:[Ss]chon|[Bb]is|[Nn]och|[Vv]on|[Uu]ntil|[Aa]s\s+of|[Uu]p\s+to|[Ff]rom)\s+$"
)
_TODAY_ADJECTIVE = re.compile(r"^\s+[a-zäöü]+(?:en|e|er|es)\s+[A-ZÄÖÜ]")


def is_blocked(timex: Timex, ctx: Context) -> bool:
    """Tell whether a timex sits in a header, a counterfactual clause or after "rückwirkend"."""
    before = ctx.text[max(0, timex.cue_start - 80) : timex.cue_start]
    # (Both kinds of header hold "Register": most texts need no regex.)
    if "Register" in before and _HEADER.search(before):
        return True
    return scan_folded(RETROACTIVE, before[-30:]) or ctx.clause_has(COUNTERFACTUAL, timex)


def resolve_fixed(timex: Timex, ctx: Context) -> Finding | None:
    """Turn a date-like timex into a commitment or an event (None when it is neither)."""
    if is_blocked(timex, ctx):
        return None
    handler = _HANDLERS.get(timex.kind)
    return handler(timex, ctx) if handler else None


def _dated(
    timex: Timex, ctx: Context, on: date, precision: str, *, end: date | None = None
) -> Finding | None:
    """Build a commitment when `on` lies after publication (unless a forecast), else an event."""
    if on > ctx.published and ctx.is_forecast(timex):
        return None
    if on > ctx.published:
        return Finding(
            "commitment",
            timex.cue_start,
            timex.end,
            ctx.sentence,
            cue=timex.cue,
            on=on,
            range_end=end,
            precision=precision,
            anchor=ctx.published,
            anchor_kind="absolute",
            confidence=0.9 if timex.cue else 0.75,
        )
    return event(timex, ctx, on, "month" if precision == "month" else "day")


def event(timex: Timex, ctx: Context, on: date, precision: str = "day") -> Finding:
    """Build an event whose evidence span is the clause around the time expression."""
    start, end = ctx.clause(timex)
    if end - start > 200:
        start, end = max(start, timex.start - 120), min(end, timex.end + 80)
    return Finding("event", start, end, ctx.sentence, cue=timex.cue, on=on, precision=precision)


def _date(timex: Timex, ctx: Context) -> Finding | None:
    if timex.year is not None:
        on = safe_date(timex.year, timex.month, timex.day)
    else:
        on = infer_year(ctx.published, timex.month, timex.day, ctx.direction(timex))
    if on is None:
        return None
    end = safe_date(on.year, on.month, timex.end_day) if timex.end_day else None
    return _dated(timex, ctx, on, "day", end=end)


def _raw_date(timex: Timex, ctx: Context) -> Finding | None:
    on = parse_absolute(ctx.text[timex.start : timex.end], lang=ctx.lang, base=ctx.published)
    return _dated(timex, ctx, on, "day") if on is not None else None


def _month(timex: Timex, ctx: Context) -> Finding | None:
    direction = ctx.direction(timex)
    if not timex.cue and direction == "nearest":  # a bare "September 2025" in a byline
        return None
    year = timex.year or infer_month_year(ctx.published, timex.month, direction)
    first = date(year, timex.month, 1)
    due = {"mid": first.replace(day=15), "start": first}.get(
        timex.modifier, month_end(year, timex.month)
    )
    if direction == "past" or due <= ctx.published:
        return event(timex, ctx, first, "month") if first <= ctx.published else None
    return _dated(timex, ctx, due, "month")


def _quarter(timex: Timex, ctx: Context) -> Finding | None:
    year = timex.year or ctx.published.year
    due = quarter_end(year, timex.month // 3)
    if timex.year is None and due < ctx.published:
        due = quarter_end(year + 1, timex.month // 3)
    return _dated(timex, ctx, due, "quarter") if due > ctx.published else None


def _year(timex: Timex, ctx: Context) -> Finding | None:
    due = date(timex.year or ctx.published.year, 12, 31)
    return _dated(timex, ctx, due, "year") if due > ctx.published else None


def _weekday(timex: Timex, ctx: Context) -> Finding | None:
    """A weekday is the most recent one on or before publication, unless the text looks ahead."""
    if timex.direction == "future" or ctx.tense_near(timex) == "future":
        return _dated(timex, ctx, weekday_after(ctx.published, timex.weekday), "day")
    return event(timex, ctx, weekday_on_or_before(ctx.published, timex.weekday))


def _today(timex: Timex, ctx: Context) -> Finding | None:
    before = ctx.text[max(0, timex.start - 12) : timex.start]
    after = ctx.text[timex.end : timex.end + 40]
    if _STATIVE_TODAY.search(before) or _TODAY_ADJECTIVE.match(after):
        return None
    return event(timex, ctx, ctx.published)


def _yesterday(timex: Timex, ctx: Context) -> Finding | None:
    return event(timex, ctx, ctx.published - timedelta(days=1))


def _last_month(timex: Timex, ctx: Context) -> Finding | None:
    return event(timex, ctx, add_months(ctx.published.replace(day=1), -1), "month")


_HANDLERS = {
    "date": _date,
    "rawdate": _raw_date,
    "month": _month,
    "quarter": _quarter,
    "year": _year,
    "yearend": _year,
    "weekday": _weekday,
    "today": _today,
    "yesterday": _yesterday,
    "lastmonth": _last_month,
}
