"""A period restated as a date is one commitment: "Innerhalb von 3 Monaten (bis Anfang März
2026)", "within 60 days (by mid-March 2026)".

The count is taken from the anchor that agrees with the stated date: a date the text says the
measure took effect on ("trat am 6.12.2025 in Kraft", "took effect on January 15"), the last
signing, or the publication date, in that order; when none agrees, the stated date itself.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tracker.extract.dates import TimeExpression
from tracker.extract.rules.anchors import AnchorBook
from tracker.extract.rules.findings import Finding

IN_FORCE = re.compile(
    r"in Kraft|wirksam|gilt seit|took effect|takes effect|entered into force|enters into force|"
    r"came into force|effective (?:on|as of|from)|became effective",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"\s*[(\[]\s*$")
_PART = timedelta(days=9)  # "Anfang", "Mitte", "Ende": a third of a month


def join_restated(
    found: list[Finding], timexes: list[TimeExpression], book: AnchorBook, text: str
) -> list[Finding]:
    """Fold each duration commitment followed by a parenthesised date into one finding."""
    by_start = {f.start: f for f in found}
    dropped: set[int] = set()
    durations = [t for t in timexes if t.type == "duration" and t.length]
    for duration in durations:
        finding = by_start.get(duration.span[0])
        stated = _stated_after(duration, timexes, text)
        if finding is None or finding.kind != "commitment" or stated is None:
            continue
        restated = by_start.get(stated.span[0])
        end = stated.end or stated.due
        if end is None:
            continue
        anchor, kind = _agreeing_anchor(
            duration, book, finding.start, (_first_day(stated, end), end)
        )
        finding.on = duration.counted_from(anchor) if anchor is not None else stated.due
        finding.anchor, finding.anchor_kind = (anchor, kind) if anchor else (stated.due, "explicit")
        finding.precision = "day"
        finding.end = max(finding.end, stated.span[1] + 1)
        if restated is not None and restated is not finding:
            dropped.add(id(restated))
    return [f for f in found if id(f) not in dropped]


def _stated_after(
    duration: TimeExpression, timexes: list[TimeExpression], text: str
) -> TimeExpression | None:
    for other in timexes:
        gap = text[duration.span[1] : other.span[0]]
        if other.span[0] >= duration.span[1] and len(gap) <= 3 and _BETWEEN.match(gap):
            return other if other.type in ("date", "range") else None
    return None


def _first_day(stated: TimeExpression, end: date) -> date:
    """The first day of the stated period ("bis Anfang März": 1 March; "by mid-March": the 11th)."""
    if stated.start is not None:
        return stated.start
    if stated.part:
        return end - _PART
    if stated.grain == "year":
        return end.replace(month=1, day=1)
    if stated.grain in ("month", "quarter", "half"):
        return end.replace(day=1)
    return end


def _agreeing_anchor(
    duration: TimeExpression, book: AnchorBook, position: int, period: tuple[date, date]
) -> tuple[date | None, str]:
    anchors = [(on, "event") for offset, on in reversed(book.in_force) if offset < position]
    anchors += [(on, "signing") for offset, on in reversed(book.signings) if offset < position]
    anchors.append((book.published, "published"))
    for anchor, kind in anchors:
        due = duration.counted_from(anchor)
        if period[0] <= due <= period[1]:
            return anchor, kind
    return None, "explicit"
