"""Engine, first-use migration, transactions and the UTC column type."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.exc import StatementError

from tracker.errors import ConfigError, DatabaseError
from tracker.store import tables as t
from tracker.store.session import (
    SCHEMA_REVISION,
    create_db_engine,
    current_revision,
    open_database,
    read_session,
    transaction,
)


def _document(**overrides):
    values = {
        "content_hash": "h" * 64,
        "source": "test",
        "published_on": date(2026, 2, 5),
        "lang": "de",
        "text": "Text",
        "ingested_at": datetime(2026, 2, 5, 12, tzinfo=UTC),
    }
    return t.Document(**{**values, **overrides})


def test_open_database_creates_and_migrates_a_fresh_sqlite_file(tmp_path):
    path = tmp_path / "sub" / "dir" / "tracker.db"
    engine = open_database(f"sqlite:///{path}", create=True, create_folder=True)
    try:
        assert path.exists()
        assert current_revision(engine) == SCHEMA_REVISION
    finally:
        engine.dispose()


def test_open_database_for_reading_creates_nothing(tmp_path):
    path = tmp_path / "sub" / "tracker.db"
    with pytest.raises(DatabaseError, match="no database at"):
        open_database(f"sqlite:///{path}")
    assert not path.parent.exists()


def test_utc_datetime_round_trips_aware_in_utc(engine):
    cet = timezone(timedelta(hours=1))
    with transaction(engine) as session:
        session.add(_document(ingested_at=datetime(2026, 3, 29, 3, 30, tzinfo=cet)))
    with read_session(engine) as session:
        stored = session.scalar(select(t.Document.ingested_at))
    assert stored == datetime(2026, 3, 29, 2, 30, tzinfo=UTC)
    assert stored.tzinfo is not None
    assert stored.utcoffset() == timedelta(0)


def test_utc_datetime_rejects_naive_values(engine):
    with transaction(engine) as session:
        session.add(_document(ingested_at=datetime(2026, 1, 1)))
        with pytest.raises(StatementError, match="naive datetime"):
            session.flush()
        session.rollback()


def _add_then_fail(engine):
    with transaction(engine) as session:
        session.add(_document())
        session.flush()
        raise RuntimeError("boom")


def test_transaction_rolls_back_on_error(engine):
    with pytest.raises(RuntimeError, match="boom"):
        _add_then_fail(engine)
    with read_session(engine) as session:
        assert session.scalar(select(t.Document.id)) is None


def test_bad_url_is_a_config_error():
    with pytest.raises(ConfigError, match="bad database URL"):
        create_db_engine("not a url")
    with pytest.raises(ConfigError, match="unsupported database 'nosuchdb'"):
        create_db_engine("nosuchdb://x/y")


def test_unreachable_server_is_a_database_error():
    engine = create_db_engine("postgresql://postgres@127.0.0.1:1/nothing")
    with pytest.raises(DatabaseError, match="cannot open the database"):
        current_revision(engine)
