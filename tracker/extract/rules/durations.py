"""Rules for durations: "innerhalb von 30 Tagen", "within 180 days of", "60-Tage-Aktionsplan"."""

from __future__ import annotations

import re
from datetime import date

from tracker.extract.dates.calendar import add_duration
from tracker.extract.dates.scan import Timex
from tracker.extract.patterns import PAST_AUX
from tracker.extract.rules.anchors import AnchorBook
from tracker.extract.rules.findings import Context, Finding
from tracker.extract.rules.fixed import event, is_blocked

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


def resolve_duration(
    timex: Timex, ctx: Context, book: AnchorBook, sentence_events: list[Finding]
) -> Finding | None:
    """Turn a duration into a commitment, an undated plan, a past event, or nothing.

    1. Counterfactuals produce nothing; "vor zwei Wochen" / "two weeks ago" is an event.
    2. Approximate horizons ("in etwa einem Jahr") and phase-ins ("over 22 years") are undated.
    3. Weak cues ("für", "for", "in") in a past or stative clause produce nothing.
    4. A reference ("of this order", "after the hearing") picks the anchor, or makes it undated.
    5. Otherwise count from the sentence's stated date, the last signing, or publication.
    """
    if is_blocked(timex, ctx):
        return None
    if timex.ago:
        return _ago(timex, ctx)
    if timex.approx or _PHASE_IN.match(timex.cue):
        return _vague(timex, ctx)
    if _WEAK_CUES.match(timex.cue) and (
        ctx.clause_has(PAST_AUX, timex) or _STATE_SO_FAR.search(ctx.clause_text(timex))
    ):
        return None
    if _SHIFT.match(timex.cue):
        return _shift(timex, ctx, book)
    if timex.noun and _STARTS_WITH.search(ctx.text, timex.end, ctx.sentence.end):
        return _undated(timex, ctx, _UNDATED_EVENT)
    if timex.ref:
        resolved = book.resolve_ref(timex.ref, ctx.sentence.start)
        if resolved is None:
            return _undated(timex, ctx, _UNDATED_EVENT, with_ref=True)
        return _commitment(timex, ctx, *resolved, with_ref=True)
    return _commitment(timex, ctx, *book.default_anchor(timex.start, sentence_events))


def _vague(timex: Timex, ctx: Context) -> Finding | None:
    """ "In etwa einem Jahr" is a vague horizon; "will rise over 22 years" is a phase-in."""
    if timex.approx:
        return _undated(timex, ctx, "vague horizon")
    if ctx.has_future_verb(timex):
        return _undated(timex, ctx, "phased in over a period")
    return None


def _commitment(
    timex: Timex, ctx: Context, anchor: date, anchor_kind: str, *, with_ref: bool = False
) -> Finding | None:
    due = add_duration(anchor, timex.amount, timex.unit)
    end = timex.end + (timex.ref_len if with_ref else 0)
    if due <= ctx.published:
        return event(timex, ctx, due)
    if ctx.is_forecast(timex):
        return None
    confidence = 0.9 if timex.cue and not timex.noun else 0.8
    return Finding(
        "commitment",
        timex.cue_start,
        end,
        ctx.sentence,
        cue=timex.cue or _ref_link(timex),
        on=due,
        precision="day",
        anchor=anchor,
        anchor_kind=anchor_kind,
        confidence=confidence if anchor_kind != "event" else 0.75,
    )


def _undated(timex: Timex, ctx: Context, reason: str, *, with_ref: bool = False) -> Finding:
    end = timex.end + (timex.ref_len if with_ref else 0)
    return Finding(
        "undated", timex.cue_start, end, ctx.sentence, cue=timex.cue, reason=reason, confidence=0.6
    )


def _ago(timex: Timex, ctx: Context) -> Finding | None:
    if timex.unit == "year":
        return None
    on = add_duration(ctx.published, -timex.amount, timex.unit)
    return event(timex, ctx, on, "month" if timex.unit == "month" else "day")


def _ref_link(timex: Timex) -> str:
    """Name the cue of a bare duration by its linking word ("after", "nach") or compound form."""
    if timex.noun:
        return timex.cue
    return timex.ref.split()[0].lower() if timex.ref else ""


def _shift(timex: Timex, ctx: Context, book: AnchorBook) -> Finding | None:
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
        return _undated(timex, ctx, "shifted from a date the text does not give")
    if original.kind == "commitment":
        original.kind = "superseded"
    return _commitment(timex, ctx, original.on, "explicit")
