"""Rules for durations: "innerhalb von 30 Tagen", "within 180 days of", "60-Tage-Aktionsplan".

The length comes from the time-expression layer; the rules pick what it counts from (a stated
date in the sentence, the signing of the order, a dated event it names, or the publication
date) and whether it is a commitment, an undated plan, a past event or nothing.
"""

from __future__ import annotations

import re
from datetime import date

from tracker.extract.dates import TimeExpression
from tracker.extract.patterns import PAST_AUX
from tracker.extract.rules.anchors import AnchorBook
from tracker.extract.rules.findings import Context, Finding
from tracker.extract.rules.fixed import event, is_blocked

# The forms of the layer that are lengths the rules count ("in drei Tagen" is an offset from
# the anchor; "zwei Tage nach dem 12. Januar" is a date, read by `rules.fixed`).
DURATION_FORMS = frozenset({"duration", "within", "offset", "next", "compound"})
_WEAK_CUES = re.compile(r"^(?:für|for|in|um|over|weitere|another|an additional)\b", re.IGNORECASE)
_STATE_SO_FAR = re.compile(
    r"\b(?:has|have)\s+been\b|\b(?:bereits|already|seit|since)\b", re.IGNORECASE
)
# "Eine 90-Tage-Frist ... beginnt mit der Veröffentlichung": the period starts at an undated event.
_STARTS_WITH = re.compile(
    r"\b(?:beginnt|beginnen|startet|läuft\s+ab|begins|starts|runs\s+from|will\s+start|will\s+begin)\b"
)
# "um zwei Wochen verschoben", "postponed by 30 days": an amount added to another date.
_SHIFT = re.compile(r"^(?:um|by)$", re.IGNORECASE)
_TARGET_CUE = re.compile(r"^(?:bis|until|till|through|to|auf|no later|not later|by)\b", re.I)
_UNDATED_EVENT = "counted from an event the text does not date"
_PHASE_IN = re.compile(r"^(?:over)$", re.IGNORECASE)
_SUB_DAY = ("hour", "minute", "second")


def is_duration(expr: TimeExpression) -> bool:
    """Whether the rules of this module read the expression (a length counted from an anchor)."""
    return expr.form in DURATION_FORMS and bool(expr.length)


def resolve_duration(
    expr: TimeExpression, ctx: Context, book: AnchorBook, sentence_events: list[Finding]
) -> Finding | None:
    """Turn a duration into a commitment, an undated plan, a past event, or nothing.

    1. Counterfactuals produce nothing; "vor zwei Wochen" / "two weeks ago" is an event.
    2. Approximate horizons ("in etwa einem Jahr") and phase-ins ("over 22 years") are undated.
    3. A bare length without a cue, a reference or a deliverable, and weak cues ("für",
       "for", "in") in a past or stative clause, produce nothing.
    4. A reference ("of this order", "after the hearing") picks the anchor, or makes it undated.
    5. Otherwise count from the sentence's stated date, the last signing, or publication.
    """
    if is_blocked(expr, ctx):
        return None
    if expr.form == "offset" and expr.direction == "past":
        return _ago(expr, ctx)
    if (
        all(unit in _SUB_DAY for _, unit in expr.length)
        and expr.counted_from(ctx.published) == ctx.published
    ):
        return None  # "30 minutes after", "within 3 hours": no day of its own
    if expr.approx and expr.ref:
        return None  # "Wenige Tage vor dem Gipfel": a distance to an event, no plan
    if expr.approx or _PHASE_IN.match(expr.cue):
        return _vague(expr, ctx)
    if not (expr.cue or expr.ref or expr.noun):
        return None
    if _WEAK_CUES.match(expr.cue) and (
        ctx.clause_has(PAST_AUX, expr.span) or _STATE_SO_FAR.search(ctx.clause_text(expr.span))
    ):
        return None
    if _SHIFT.match(expr.cue):
        return _shift(expr, ctx, book)
    if expr.noun and _STARTS_WITH.search(ctx.text, expr.span[1], ctx.sentence.end):
        return _undated(expr, ctx, _UNDATED_EVENT)
    if expr.ref:
        resolved = book.resolve_ref(expr.ref, ctx.sentence.start)
        if resolved is None:
            return _undated(expr, ctx, _UNDATED_EVENT, with_ref=True)
        return _commitment(expr, ctx, *resolved, with_ref=True)
    return _commitment(expr, ctx, *book.default_anchor(expr.span[0], sentence_events))


def _vague(expr: TimeExpression, ctx: Context) -> Finding | None:
    """ "In etwa einem Jahr" is a vague horizon; "will rise over 22 years" is a phase-in."""
    if expr.approx:
        return _undated(expr, ctx, "vague horizon")
    if ctx.has_future_verb(expr.span):
        return _undated(expr, ctx, "phased in over a period")
    return None


def _end(expr: TimeExpression, with_ref: bool) -> int:
    return expr.ref_span[1] if with_ref and expr.ref_span else expr.span[1]


def _commitment(
    expr: TimeExpression, ctx: Context, anchor: date, anchor_kind: str, *, with_ref: bool = False
) -> Finding | None:
    due = expr.counted_from(anchor)
    if due <= ctx.published:
        return event(expr, ctx, due)
    if ctx.is_forecast(expr.span):
        return None
    confidence = 0.9 if expr.cue and not expr.noun else 0.8
    return Finding(
        "commitment",
        expr.span[0],
        _end(expr, with_ref),
        ctx.sentence,
        cue=expr.cue or _ref_link(expr),
        on=due,
        precision="day",
        anchor=anchor,
        anchor_kind=anchor_kind,
        confidence=confidence if anchor_kind != "event" else 0.75,
    )


def _undated(expr: TimeExpression, ctx: Context, reason: str, *, with_ref: bool = False) -> Finding:
    return Finding(
        "undated",
        expr.span[0],
        _end(expr, with_ref),
        ctx.sentence,
        cue=expr.cue,
        reason=reason,
        confidence=0.6,
    )


def _ago(expr: TimeExpression, ctx: Context) -> Finding | None:
    """ "vor zwei Wochen": an event so long before publication (years are too vague)."""
    if any(unit == "year" for _, unit in expr.length) or expr.value is None:
        return None
    precision = "month" if any(unit == "month" for _, unit in expr.length) else "day"
    return event(expr, ctx, expr.value, precision)


def _ref_link(expr: TimeExpression) -> str:
    """Name the cue of a bare duration by its linking word ("after", "nach") or compound form."""
    if expr.noun:
        return expr.cue
    return expr.ref.split()[0].lower() if expr.ref else ""


def _shift(expr: TimeExpression, ctx: Context, book: AnchorBook) -> Finding | None:
    """A shift counts from the original date stated in the sentence, else it is undated.

    With a target date ("um sechs Monate bis zum 31. Juli") the target is the deadline and the
    amount only describes it; an original date ("scheduled for March 3 ... postponed by two
    weeks") is replaced by the shifted one.
    """
    others = [f for f in book.dated if f.sentence.start == ctx.sentence.start and f.on is not None]
    if any(_TARGET_CUE.match(f.cue) for f in others if f.kind == "commitment"):
        return None
    original = others[0] if others else None
    if original is None or original.on is None:
        return _undated(expr, ctx, "shifted from a date the text does not give")
    if original.kind == "commitment":
        original.kind = "superseded"
    return _commitment(expr, ctx, original.on, "explicit")
