"""The migrations and the ORM models agree, and migrate up, down and up again on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from tracker.store.migrate import downgrade, head_revision, upgrade
from tracker.store.session import SCHEMA_REVISION, current_revision
from tracker.store.tables import Base


def _drift(engine):
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(context, Base.metadata)


def test_schema_revision_constant_is_alembic_head():
    assert head_revision() == SCHEMA_REVISION


def test_migrations_match_models(engine):
    assert current_revision(engine) == SCHEMA_REVISION
    assert _drift(engine) == []


def test_migrations_downgrade_and_upgrade_again(engine):
    downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == SCHEMA_REVISION
    assert _drift(engine) == []
