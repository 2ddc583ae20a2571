"""Rules for time expressions that name a date or a period (durations are in `rules.durations`).

The days come from the time-expression layer (`tracker.extract.dates`); the rules decide what
a date is to the text:
- a day after publication is a commitment (a deadline or a scheduled change), one on or
  before it an event; a day that is the publication day itself is a commitment when its clause
  looks ahead ("will open September 16", "heute Nachmittag ... erwartet"), else an event;
- a period is due at its end ("bis 2027", "im Juni 2026 auslaufen", "Q3 2026", "Mitte März":
  the 15th), except a year that a measure starts or applies in: then its first day ("ab 2027",
  "auf 2028 verschoben", "steigt im nächsten Jahr");
- an open range "ab"/"from"/"starting" is its first day, "seit"/"since" an event on its first
  day, "bis"/"until"/"by" its last day;
- a range of days ("March 11-12: Public hearing") is due on its first day;
- a past month is an event of month precision; past years and quarters give nothing;
- counterfactual and retroactive dates, headers, bare times of day, recurrences, weekday spans
  ("Monday through Friday") and vague horizons ("Mitte 2026", "in the coming weeks") give
  nothing.
"""

from __future__ import annotations

import re
from datetime import date

from tracker.extract.dates import TimeExpression
from tracker.extract.patterns import COUNTERFACTUAL, RETROACTIVE
from tracker.extract.rules.findings import Context, Finding, prepare_scans, scan_folded

prepare_scans(COUNTERFACTUAL, RETROACTIVE)
_HEADER = re.compile(
    r"(?:Federal Register[^\n]{0,60}[/(]|Register Volume[^\n]{0,40}\()\s*(?:[A-Z][a-z]+day,?\s*)?$"
)
_STATIVE_TODAY = re.compile(
    r"(?:[Ss]chon|[Bb]is|[Nn]och|[Vv]on|[Uu]ntil|[Aa]s\s+of|[Uu]p\s+to|[Ff]rom)\s+$"
)
# "die heute gültige Fassung": an adjective after "heute" (not a determiner: "heute ihre Pläne").
_TODAY_ADJECTIVE = re.compile(
    r"^\s+(?!(?:ihre|seine|eine|keine|diese|jene|unsere|alle|beide|viele|einige|manche|jede)"
    r"[nmrs]?\s)[a-zäöü]+(?:en|e|er|es)\s+[A-ZÄÖÜ]"
)
# A measure that starts or applies in a year: its first day is the date that counts.
_STARTS = re.compile(
    r"\b(?:steig(?:t|en)|sink(?:t|en)|tritt|treten|in\s+kraft|inkrafttreten|gilt|gelten|"
    r"beginn(?:t|en)|start(?:et|en)|eingeführt|einführen|erhöht|angehoben|anwendbar|anwendung|"
    r"verschoben|verschiebt|takes?\s+effect|enters?\s+into|comes?\s+into|go(?:es)?\s+into\s+effect|"
    r"starts?|begins?|appl(?:y|ies)|rises?|increases?|introduced|effective|phased?\s+in|"
    r"postponed|delayed|moved|pushed\s+back)\b",
    re.IGNORECASE,
)
# Times of day, recurrences, lengths as adjectives, and the last or past N units ("over the
# past 12 months", "seit zwei Wochen"): no date of their own.
_NOTHING = ("time", "set", "adjective", "last", "since", "decade")
# "the May 9 notice", "the July 7 Order", "the April 2nd Liberation Day Executive Order": a date
# that names a document, not an event and not a deadline.
_ARTICLE_BEFORE = re.compile(r"\b(?:the|this|that|its|their|his|her|our)\s+$", re.IGNORECASE)
_DOCUMENT_AFTER = re.compile(
    r"^(?:\s+[A-Z][\w-]*){0,3}\s+(?:notice|order|proclamation|memorandum|rule|letter|"
    r"notification|decision|regulation|directive|statement|fact\s+sheet|announcement|filing)s?\b",
    re.IGNORECASE,
)
_FUTURE_VERB = re.compile(
    r"\b(?:will|shall|wird|werden|soll|sollen|is\s+to\s+be|are\s+to\s+be)\b", re.I
)
# Cues that make a month an event's date ("for July", "of March" only name it).
_NAMING_CUES = ("for", "of", "to", "für", "des")


def is_blocked(expr: TimeExpression, ctx: Context) -> bool:
    """Tell whether an expression sits in a header, a counterfactual clause or after
    "rückwirkend"."""
    start = expr.span[0]
    before = ctx.text[max(0, start - 80) : start]
    # (Both kinds of header hold "Register": most texts need no regex.)
    if "Register" in before and _HEADER.search(before):
        return True
    return scan_folded(RETROACTIVE, before[-30:]) or ctx.clause_has(COUNTERFACTUAL, expr.span)


def split_spanning(expressions: list[TimeExpression], published: date) -> list[TimeExpression]:
    """A range from before publication to after it ("will run from September 16 through
    October 16" on 17 September) is read as its two ends: an event, and a deadline."""
    out: list[TimeExpression] = []
    for expr in expressions:
        spans = expr.parts and expr.start and expr.end and expr.start <= published < expr.end
        out.extend(expr.parts if spans else (expr,))
    return out


def resolve_fixed(expr: TimeExpression, ctx: Context) -> Finding | None:
    """Turn a date or period into a commitment or an event (None when it is neither)."""
    if expr.form in _NOTHING or expr.approx or is_blocked(expr, ctx):
        return None
    if expr.form == "weekday" and expr.type == "range" and not expr.mod:
        return None  # "Monday through Friday": office hours
    if _names_document(expr, ctx):
        return None
    if expr.form == "holiday" and not (expr.mod or expr.direction):
        return None  # "the Christmas period": a season of trade, no date
    if expr.type == "date":
        return _day(expr, ctx)
    if expr.type == "range":
        return _range(expr, ctx)
    return None


def _day(expr: TimeExpression, ctx: Context) -> Finding | None:
    assert expr.value is not None
    if expr.form == "relative_day" and expr.value == ctx.published and _is_stative_today(expr, ctx):
        return None
    return _dated(expr, ctx, expr.value, "day")


def _range(expr: TimeExpression, ctx: Context) -> Finding | None:
    if expr.mod == "after":
        assert expr.start is not None
        if expr.cue.lower().startswith(("seit", "since")):
            return (
                None
                if expr.grain == "year"
                else event(expr, ctx, expr.start, _event_precision(expr))
            )
        return _dated(expr, ctx, expr.start, _precision(expr))
    if expr.mod == "before":
        return _dated(expr, ctx, expr.due or expr.end, _precision(expr)) if expr.end else None
    assert expr.start is not None
    assert expr.end is not None
    if expr.grain == "day" and expr.start != expr.end:
        return _dated(expr, ctx, expr.start, "day", end=expr.end)  # a range of days
    if expr.grain == "week":
        return (
            _dated(expr, ctx, expr.due or expr.end, "day") if expr.start > ctx.published else None
        )
    if expr.part == "mid" and expr.grain == "year":
        return None  # "Mitte 2026": a vague horizon
    due = expr.start if expr.grain == "year" and _starts(expr, ctx) else expr.due or expr.end
    if expr.direction == "past" or due <= ctx.published:
        return _past_period(expr, ctx)
    if expr.form == "absolute" and not expr.cue and expr.grain == "month" and not expr.part:
        return None  # a bare "September" names a month ("the September window")
    if expr.grain == "year" and expr.direction != "future":
        return None  # "Für das Jahr 2025 steht ein Plus": a year named, no deadline
    return _dated(expr, ctx, due, _precision(expr))


def _past_period(expr: TimeExpression, ctx: Context) -> Finding | None:
    """A past month is an event of the month, when a cue dates something by it ("Im April
    hatte Peking ..."); past quarters and years give nothing."""
    assert expr.start is not None
    named_by_cue = expr.cue and expr.cue.lower() not in _NAMING_CUES
    dated_by = expr.part or named_by_cue or expr.form == "relative_period"
    if expr.grain == "month" and expr.start <= ctx.published and dated_by:
        return event(expr, ctx, expr.start, "month")
    return None


def _precision(expr: TimeExpression) -> str:
    return expr.grain if expr.grain in ("day", "month", "quarter", "year") else "day"


def _event_precision(expr: TimeExpression) -> str:
    return "month" if expr.grain == "month" else "day"


def _starts(expr: TimeExpression, ctx: Context) -> bool:
    """Whether the year is when a measure starts or applies ("steigt im nächsten Jahr")."""
    return expr.cue.lower() in ("auf", "to") or ctx.clause_has(_STARTS, expr.span)


def _names_document(expr: TimeExpression, ctx: Context) -> bool:
    """ "the May 9 notice": a date used as the name of a document."""
    start, end = expr.span
    before = _ARTICLE_BEFORE.search(ctx.text, max(0, start - 8), start)
    return before is not None and _DOCUMENT_AFTER.match(ctx.text[end : end + 60]) is not None


def _looks_ahead(expr: TimeExpression, ctx: Context) -> bool:
    """A date on the publication day that is still to come: "The docket will open", "heute
    Nachmittag ... wird erwartet" (a future verb in the sentence, and the future read)."""
    return expr.direction == "future" and _FUTURE_VERB.search(ctx.sentence.text) is not None


def _is_stative_today(expr: TimeExpression, ctx: Context) -> bool:
    """ "bis heute", "schon heute", "die heute gültige Fassung": a state, no event."""
    before = ctx.text[max(0, expr.span[0] - 12) : expr.span[0]]
    after = ctx.text[expr.span[1] : expr.span[1] + 40]
    adjective = expr.text.lower() == "heute" and _TODAY_ADJECTIVE.match(after)
    return bool(_STATIVE_TODAY.search(before) or adjective)


def _dated(
    expr: TimeExpression, ctx: Context, on: date, precision: str, *, end: date | None = None
) -> Finding | None:
    """A commitment when `on` lies after publication (or on it, looking ahead), else an event."""
    ahead = on > ctx.published or (on == ctx.published and _looks_ahead(expr, ctx))
    if ahead and ctx.is_forecast(expr.span):
        return None
    if not ahead:
        return event(expr, ctx, on, "month" if precision == "month" else "day")
    return Finding(
        "commitment",
        expr.span[0],
        expr.span[1],
        ctx.sentence,
        cue=expr.cue,
        on=on,
        range_end=end,
        precision=precision,
        anchor=ctx.published,
        anchor_kind="absolute",
        confidence=0.9 if expr.cue else 0.75,
    )


def event(expr: TimeExpression, ctx: Context, on: date, precision: str = "day") -> Finding:
    """Build an event whose evidence span is the clause around the time expression."""
    start, end = ctx.clause(expr.span)
    if end - start > 200:
        start, end = max(start, expr.span[0] - 120), min(end, expr.span[1] + 80)
    return Finding("event", start, end, ctx.sentence, cue=expr.cue, on=on, precision=precision)
