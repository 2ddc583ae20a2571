# ruff: noqa: E501 (tables of test texts read best one per line)
"""Follow-up texts change the items they refer to, in either order of arrival (own texts)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from tracker.clock import FixedClock
from tracker.config import Settings
from tracker.errors import UsageError
from tracker.services import review
from tracker.services.ingest import ingest_document
from tracker.sources.readers import SourceDocument
from tracker.store import tables as t
from tracker.store.session import read_session

PAIRS = {
    "shift-en": (
        ("2026-02-02", "en", "The Ministry of Transport will present its report on truck tolls within 30 days."),
        ("2026-02-20", "en", "The Ministry of Transport postponed its report on truck tolls by two weeks."),
        date(2026, 3, 18), "extended",
    ),
    "absolute-de": (
        ("2026-03-02", "de", "Das Wirtschaftsministerium legt bis zum 30. April 2026 eine Strategie für Wasserstoff vor."),
        ("2026-04-10", "de", "Das Wirtschaftsministerium hat die Strategie für Wasserstoff auf den 15. Juni 2026 verschoben."),
        date(2026, 6, 15), "extended",
    ),
    "cross-language": (
        ("2026-05-04", "en", "The European Union will impose 25% tariffs on steel imports from the United States starting June 1, 2026."),
        ("2026-05-20", "de", "Die EU verschiebt die Zölle von 25 Prozent auf Stahlimporte aus den USA auf den 1. September 2026."),
        date(2026, 9, 1), "extended",
    ),
    "advanced-en": (
        ("2026-01-12", "en", "Comments on the draft rule for battery recycling must be received by March 20, 2026."),
        ("2026-02-02", "en", "The deadline for comments on the battery recycling rule was March 20, 2026. Today's notice moves the deadline for comments up by six days."),
        date(2026, 3, 14), "open",
    ),
    "met-de": (
        ("2026-02-02", "de", "Das Umweltministerium legt bis zum 31. März 2026 einen Bericht über Mikroplastik vor."),
        ("2026-03-30", "de", "Das Umweltministerium hat den Bericht über Mikroplastik am Montag vorgelegt."),
        date(2026, 3, 31), "met",
    ),
    "cancelled-en": (
        ("2026-04-01", "en", "The trade ministers will hold a summit on critical minerals on May 12, 2026."),
        ("2026-05-05", "en", "The summit of trade ministers on critical minerals was cancelled."),
        date(2026, 5, 12), "cancelled",
    ),
}  # fmt: skip


def _day(iso: str) -> FixedClock:
    return FixedClock(datetime.fromisoformat(iso).replace(hour=9, tzinfo=UTC))


def _ingest(engine, published: str, lang: str, text: str, name: str) -> None:
    doc = SourceDocument(name, text, published=date.fromisoformat(published), lang=lang)
    ingest_document(engine, Settings(), _day(published), doc)


def _state(engine) -> list[tuple]:
    with read_session(engine) as session:
        items = session.scalars(
            select(t.Item)
            .options(selectinload(t.Item.evidence), selectinload(t.Item.history))
            .order_by(t.Item.due_on)
        ).all()
        names = {d.id: d.source for d in session.scalars(select(t.Document))}
        return [
            (
                i.due_on,
                i.status,
                sorted({names[e.document_id] for e in i.evidence}),
                sorted(
                    (h.due_before, h.due_after, names.get(h.document_id))
                    for h in i.history
                    if h.document_id
                ),
            )
            for i in items
        ]


@pytest.mark.parametrize("case", sorted(PAIRS))
def test_a_follow_up_changes_the_item_in_either_order(engine, case):
    earlier, later, due, status = PAIRS[case]
    _ingest(engine, *earlier, name="earlier")
    _ingest(engine, *later, name="later")
    state = _state(engine)
    [(item_due, item_status, sources, changes)] = state
    assert (item_due, item_status, sources) == (due, status, ["earlier", "later"])
    assert [source for _, _, source in changes] == ["later"]


@pytest.mark.parametrize("case", sorted(PAIRS))
def test_the_order_of_arrival_does_not_matter(engine, case, sqlite_template, tmp_path):
    from tracker.store.session import create_db_engine

    earlier, later, _, _ = PAIRS[case]
    _ingest(engine, *earlier, name="earlier")
    _ingest(engine, *later, name="later")
    other_path = tmp_path / "reverse.db"
    other_path.write_bytes(sqlite_template.read_bytes())
    other = create_db_engine(f"sqlite:///{other_path}")
    _ingest(other, *later, name="later")
    _ingest(other, *earlier, name="earlier")
    assert _state(other) == _state(engine)
    other.dispose()


def test_two_close_candidates_leave_the_change_pending_until_the_user_applies_it(engine):
    first = (
        "Das Verkehrsministerium legt bis zum 30. April 2026 einen Bericht über die Lkw-Maut vor."
    )
    second = "Das Verkehrsministerium legt bis zum 30. Mai 2026 einen Bericht über die Lkw-Maut für Busse vor."
    _ingest(engine, "2026-03-02", "de", first, "a")
    _ingest(engine, "2026-03-03", "de", second, "b")
    _ingest(
        engine,
        "2026-03-20",
        "de",
        "Der Bericht über die Lkw-Maut wurde um zwei Wochen verschoben.",
        "c",
    )
    # (the two reports look alike, so the second is also flagged as a possible conflict)
    [waiting] = [c for c in review.list_pending(engine) if c.kind == "postponed"]
    assert "close candidates" in waiting.reason
    with read_session(engine) as session:
        ids = sorted(session.scalars(select(t.Item.id)))
        before = {i.id: i.due_on for i in session.scalars(select(t.Item))}
    assert before == {ids[0]: date(2026, 4, 30), ids[1]: date(2026, 5, 30)}  # nothing guessed
    review.apply(engine, Settings(), _day("2026-03-21"), waiting.id, ids[1])
    with read_session(engine) as session:
        after = {i.id: i.due_on for i in session.scalars(select(t.Item))}
    assert after == {ids[0]: date(2026, 4, 30), ids[1]: date(2026, 6, 13)}
    assert [c.kind for c in review.list_pending(engine)] == ["conflict"]
    with pytest.raises(UsageError, match="already applied"):
        review.reject(engine, _day("2026-03-22"), waiting.id)


@pytest.mark.parametrize(
    ("first", "second", "lang"),
    [
        ("The Ministry of Energy will publish its plan for grid expansion by May 31, 2026.",
         "The Ministry of Energy will publish its plan for grid expansion by July 31, 2026.", "en"),
        ("Das Energieministerium veröffentlicht bis zum 31. Mai 2026 seinen Plan für den Netzausbau.",
         "Das Energieministerium veröffentlicht bis zum 31. Juli 2026 seinen Plan für den Netzausbau.", "de"),
    ],
)  # fmt: skip
def test_another_date_without_a_change_is_a_conflict_nothing_is_overwritten(
    engine, first, second, lang
):
    _ingest(engine, "2026-03-02", lang, first, "a")
    _ingest(engine, "2026-03-09", lang, second, "b")
    [conflict] = review.list_pending(engine)
    assert (conflict.kind, conflict.old_due, conflict.new_due) == (
        "conflict",
        date(2026, 5, 31),
        date(2026, 7, 31),
    )
    with read_session(engine) as session:
        assert sorted(i.due_on for i in session.scalars(select(t.Item))) == [
            date(2026, 5, 31), date(2026, 7, 31)
        ]  # fmt: skip
    review.apply(engine, Settings(), _day("2026-03-10"), conflict.id, None)
    with read_session(engine) as session:
        [item] = session.scalars(select(t.Item).options(selectinload(t.Item.evidence))).all()
        assert item.due_on == date(2026, 7, 31)
        assert len({e.document_id for e in item.evidence}) == 2
