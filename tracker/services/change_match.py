"""Which tracked item a change statement refers to (pure: no database).

A candidate is an open item whose due date the change plausibly concerns; it is scored by what
the two passages share (topic terms across languages, actors) and by the old date when the text
names it ("The deadline ... was June 29"). The best one wins only when it is clearly the best:
two close candidates with different deadlines leave the change pending, never applied to a guess.
Candidates that tie on the same due date from the same text are one deadline stated twice, and
all of them follow.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from tracker.extract.describe.topics import topic_score

MIN_SCORE = 4.0  # e.g. two shared concepts, or a concept and two word stems
MARGIN = 2.0  # how far ahead of the next candidate the best one must be
OLD_DATE_BONUS = 4.0
ACTOR_WEIGHT = 1.5
# How far from the change's text the due dates of the items it may concern lie.
MET_WINDOW = (timedelta(days=-21), timedelta(days=7))
MOVE_WINDOW = (timedelta(days=-45), timedelta(days=3 * 366))
OLD_DATE_SLACK = timedelta(days=3)


@dataclass(frozen=True)
class Candidate:
    item_id: int
    due: date
    terms: frozenset[str]
    actors: frozenset[str]
    first_document: int


@dataclass(frozen=True)
class Statement:
    kind: str
    published: date
    terms: frozenset[str]
    actors: frozenset[str]
    old_due: date | None


@dataclass(frozen=True)
class Decision:
    items: tuple[int, ...]  # empty: pending
    reason: str  # why pending, or how it was matched
    nearest: int | None = None  # pending: the likeliest item, where the change shows in review


def window(kind: str, published: date, old_due: date | None) -> tuple[date, date]:
    """The due dates a change of `kind` published on `published` may concern."""
    if old_due is not None:
        return old_due - OLD_DATE_SLACK, old_due + OLD_DATE_SLACK
    low, high = MET_WINDOW if kind == "met" else MOVE_WINDOW
    return published + low, published + high


def score(statement: Statement, candidate: Candidate) -> float:
    """What a change and an item share; the old date, when given and matching, counts most."""
    value = topic_score(statement.terms, candidate.terms)
    value += ACTOR_WEIGHT * len(statement.actors & candidate.actors)
    old = statement.old_due
    if old is not None and abs((candidate.due - old).days) <= OLD_DATE_SLACK.days:
        value += OLD_DATE_BONUS
    return value


def choose(statement: Statement, candidates: list[Candidate]) -> Decision:
    """The items the change applies to, or none (pending) with the reason."""
    low, high = window(statement.kind, statement.published, statement.old_due)
    inside = [c for c in candidates if low <= c.due <= high]
    if not inside:
        return Decision((), "no tracked item it could refer to")
    ranked = sorted(((score(statement, c), c) for c in inside), key=lambda p: (-p[0], p[1].item_id))
    best_score, best = ranked[0]
    if best_score < MIN_SCORE:
        return Decision((), f"no item close enough (best #{best.item_id}, {best_score:.1f})")
    close = [c for s, c in ranked if best_score - s < MARGIN]
    same_deadline = all(
        c.due == best.due and c.first_document == best.first_document for c in close
    )
    if not same_deadline:
        ids = ", ".join(f"#{c.item_id}" for c in close)
        return Decision((), f"{len(close)} close candidates: {ids}", best.item_id)
    return Decision(tuple(sorted(c.item_id for c in close)), f"matched ({best_score:.1f})")
