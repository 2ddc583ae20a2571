"""Follow-ups: apply the change statements of a text to the items they refer to.

Called inside the ingest transaction, after the text's own commitments are tracked:

1. Each change statement is stored, then matched (tracker.services.change_match) against the
   open items it may concern. Matched: the item's due date moves (or its status becomes met or
   cancelled), the history keeps old and new date with the quote and the text, the text
   becomes evidence, reminders are re-planned, and what the text itself restated of that
   deadline (the old or the new date, the shift) joins the item instead of standing apart.
   Not sure: the change stays pending, for `tracker review`.
2. Pending changes of texts published on or after this one are tried again: the earlier text
   may be what they were waiting for (feeds deliver out of order; both orders end alike).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from tracker.config import Settings
from tracker.extract.dates.calendar import add_length
from tracker.extract.describe.topics import topic_score, topic_terms
from tracker.extract.models import Change
from tracker.models import actor_key
from tracker.services.change_match import Candidate, Statement, choose, window
from tracker.services.events import record_item_event
from tracker.store import changes as store
from tracker.store import tables as t
from tracker.store import writes

MOVES = frozenset({"postponed", "extended", "advanced", "moved", "paused"})
NEAR = timedelta(days=1)


@dataclass
class ChangeOutcome:
    applied: list[int] = field(default_factory=list)  # item ids
    absorbed: set[int] = field(default_factory=set)  # items that joined a changed one
    pending: int = 0


def follow_changes(
    session: Session,
    settings: Settings,
    now: datetime,
    document: t.Document,
    found: list[Change],
) -> ChangeOutcome:
    """Store and apply this text's change statements; retry the pending ones it may unlock."""
    outcome = ChangeOutcome()
    for change in found:
        row = _store(session, document, change, now)
        _try(session, settings, now, row, outcome)
    for row in store.pending_after(
        session, published_from=document.published_on, exclude_document=document.id
    ):
        _try(session, settings, now, row, outcome, retry=True)
    return outcome


def _store(session: Session, document: t.Document, change: Change, now: datetime) -> t.ItemChange:
    row = t.ItemChange(
        document_id=document.id,
        kind=change.kind,
        state="pending",
        trigger=change.trigger,
        span_start=change.span[0],
        span_end=change.span[1],
        quote=change.quote,
        context=change.context,
        new_due=change.new_due,
        old_due=change.old_due,
        shift=" ".join(f"{amount} {unit}" for amount, unit in change.shift),
        actors="; ".join(change.actors),
        confidence=change.confidence,
        reason="",
        created_at=now,
    )
    row.document = document
    session.add(row)
    session.flush()
    return row


def _try(
    session: Session,
    settings: Settings,
    now: datetime,
    row: t.ItemChange,
    outcome: ChangeOutcome,
    *,
    retry: bool = False,
) -> None:
    statement = _statement(row)
    low, high = window(row.kind, statement.published, row.old_due)
    items = store.candidate_items(
        session,
        due_from=low,
        due_to=high,
        published_by=statement.published,
        exclude_document=row.document_id,
    )
    decision = choose(statement, [_candidate(item) for item in items])
    if not decision.items:
        if not retry:
            outcome.pending += 1
            store.decide(
                session, row, state="pending", item_id=None, at=now, reason=decision.reason
            )
        return
    by_id = {item.id: item for item in items}
    for item_id in decision.items:
        outcome.absorbed |= apply_change(session, settings, now, row, by_id[item_id])
        outcome.applied.append(item_id)
    store.decide(
        session, row, state="applied", item_id=decision.items[0], at=now, reason=decision.reason
    )


def _statement(row: t.ItemChange) -> Statement:
    text = f"{row.context} {row.quote}"
    actors = frozenset(actor_key(name) for name in row.actors.split("; ") if name)
    return Statement(row.kind, row.document.published_on, topic_terms(text), actors, row.old_due)


def _candidate(item: t.Item) -> Candidate:
    assert item.due_on is not None
    text = " ".join([item.description, item.deliverable, *(e.quote for e in item.evidence)])
    first = min(item.evidence, key=lambda e: e.id).document_id
    return Candidate(
        item.id, item.due_on, topic_terms(text), frozenset(a.key for a in item.actors), first
    )


def apply_change(
    session: Session, settings: Settings, now: datetime, row: t.ItemChange, item: t.Item
) -> set[int]:
    """Apply one change statement (or a conflict's date) to `item`; return the ids of the items
    its text had made of the same deadline, now joined to `item`."""
    before_due, before_status = item.due_on, item.status
    new_due = _new_due(row, item)
    if row.kind == "met":
        status, due = "met", item.due_on
    elif row.kind == "cancelled":
        status, due = "cancelled", item.due_on
    elif new_due is None:  # a move without a new date ("paused", "postponed indefinitely")
        status, due = item.status, item.due_on
    else:
        status, due = ("extended" if new_due > (before_due or new_due) else item.status), new_due
    writes.record_change(
        session,
        item,
        from_status=before_status,
        to_status=status,
        at=now,
        note=f"{row.kind} per {row.document.source}",
        due_before=before_due,
        due_after=due,
        document_id=row.document_id,
        quote=row.quote,
    )
    item.status, item.due_on = status, due
    if due != before_due:
        item.due_precision = "day"
    writes.add_item_evidence(
        session,
        item,
        row.document,
        trigger=row.trigger,
        span=(row.span_start, row.span_end),
        quote=row.quote,
    )
    item.version += 1
    item.updated_at = now
    session.flush()
    absorbed = _absorb_restatements(session, row, item, {before_due, due})
    detail = {"due_before": before_due, "due_after": due, "status": status, "change_id": row.id}
    record_item_event(session, item, "due_changed", settings=settings, now=now, detail=detail)
    return absorbed


def _new_due(row: t.ItemChange, item: t.Item) -> date | None:
    if row.new_due is not None:
        return row.new_due
    base = row.old_due or item.due_on
    if not row.shift or base is None:
        return None
    parts = row.shift.split()
    return add_length(
        base, [(int(n), unit) for n, unit in zip(parts[::2], parts[1::2], strict=True)]
    )


def _absorb_restatements(
    session: Session, row: t.ItemChange, item: t.Item, dates: set[date | None]
) -> set[int]:
    """Items the change's own text made of this deadline (its old or new date, or a date in
    the change's sentence) are that deadline restated: they join the changed item."""
    absorbed: set[int] = set()
    for other in store.items_of_document(session, row.document_id):
        if other.id == item.id:
            continue
        in_sentence = any(
            abs(e.span_start - row.span_start) <= len(row.quote) for e in other.evidence
        )
        near = any(
            d is not None and other.due_on is not None and abs(other.due_on - d) <= NEAR
            for d in dates
        )
        if in_sentence or near:
            absorbed.add(other.id)
            store.absorb_item(session, item, other)
    return absorbed


def _note_pending(
    session: Session, settings: Settings, now: datetime, row: t.ItemChange, item_id: int | None
) -> None:
    """Tell the channels that a change waits for review on the item it most likely concerns."""
    item = session.get(t.Item, item_id) if item_id is not None else None
    if item is not None:
        detail = {"change_id": row.id, "kind": row.kind, "new_due": row.new_due, "quote": row.quote}
        record_item_event(session, item, "pending", settings=settings, now=now, detail=detail)


CONFLICT_SCORE = 6.0  # three shared concepts, or two and two word stems


def flag_conflicts(
    session: Session, settings: Settings, now: datetime, document: t.Document, item_ids: list[int]
) -> int:
    """A new item of this text that restates an earlier one with another date, without saying
    it changed: both stay, and the earlier item gets a conflict to resolve in review."""
    flagged = 0
    for item in (session.get(t.Item, i) for i in item_ids):
        if item is None or item.due_on is None or not item.deliverable:
            continue
        for other in store.restating_items(session, item, published_by=document.published_on):
            if topic_score(_terms(item), _terms(other)) < CONFLICT_SCORE:
                continue
            evidence = item.evidence[0]
            session.add(
                t.ItemChange(
                    document_id=document.id, item_id=other.id, kind="conflict", state="pending",
                    trigger=evidence.trigger, span_start=evidence.span_start,
                    span_end=evidence.span_end, quote=evidence.quote, context="",
                    new_due=item.due_on, old_due=other.due_on, shift="", actors="",
                    confidence=0.7, reason=f"#{item.id} from this text is due {item.due_on}",
                    created_at=now,
                )
            )  # fmt: skip
            session.flush()
            detail = {"kind": "conflict", "new_due": item.due_on, "item": item.id}
            record_item_event(session, other, "pending", settings=settings, now=now, detail=detail)
            flagged += 1
    return flagged


def _terms(item: t.Item) -> frozenset[str]:
    return topic_terms(" ".join([item.description, *(e.quote for e in item.evidence)]))
