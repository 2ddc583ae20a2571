"""Alembic environment: the engine comes from tracker (config.attributes) or tracker.config."""

from __future__ import annotations

from alembic import context

from tracker.store.tables import Base

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        from tracker.config import load_settings
        from tracker.store.session import create_db_engine

        url = config.get_main_option("sqlalchemy.url") or load_settings().resolved_database_url
        engine = create_db_engine(url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run `tracker db upgrade`")
run_migrations()
