"""The claim reads a batch in index order: no sort of the backlog (EXPLAIN on both backends)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from tests.integration.remind.factories import bulk_due_reminders
from tracker.store import outbox
from tracker.store.session import transaction

NOW = datetime.now(UTC)
INDEX = "ix_reminders_waiting_next_attempt_at"


def _plan(engine, query) -> str:
    sql = str(query.compile(engine, compile_kwargs={"literal_binds": True}))
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        rows = conn.execute(text(("EXPLAIN QUERY PLAN " if sqlite else "EXPLAIN ") + sql)).all()
    return "\n".join(str(row[-1] if sqlite else row[0]) for row in rows)


def test_claim_query_uses_the_waiting_index_without_sorting(engine):
    bulk_due_reminders(engine, 3000, target="http://127.0.0.1:9/", fire_at=NOW - timedelta(hours=1))
    plan = _plan(engine, outbox.claim_query(NOW, 50))
    assert INDEX in plan
    assert "TEMP B-TREE" not in plan  # SQLite's sort
    assert "Sort" not in plan  # PostgreSQL's sort node
    # Index order: the claim locks the oldest due rows first.
    with transaction(engine) as session:
        claim = outbox.claim_due(
            session, now=NOW, lease_now=NOW, worker_id="w", lease=timedelta(minutes=1), limit=50
        )
    assert len(claim.deliveries) == 50
