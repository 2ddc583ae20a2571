"""Engine creation, first-use migration, and the one-transaction-per-use-case helper."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from tracker.errors import ConfigError, DatabaseError

logger = logging.getLogger(__name__)

# The newest migration. A test asserts it equals Alembic's head, so the fast path
# (no Alembic import) can tell an up-to-date database from one that needs migrating.
SCHEMA_REVISION = "0006"


def create_db_engine(url: str) -> Engine:
    """Create an engine for `url`; a malformed URL or missing driver is a ConfigError."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigError(f"bad database URL {url!r}: {exc}") from exc
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() in ("", "psycopg2"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    options: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        _prepare_sqlite_file(parsed.database)
        options["connect_args"] = {"timeout": 30}
    elif parsed.get_backend_name() == "postgresql":
        options["connect_args"] = {"connect_timeout": 10}
    try:
        engine = create_engine(parsed, **options)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise ConfigError(f"unsupported database URL {url!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return engine


def _prepare_sqlite_file(database: str | None) -> None:
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    try:
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create the database folder for {database}: {exc}") from exc


def _configure_sqlite(engine: Engine) -> None:
    """Foreign keys on, WAL, and BEGIN IMMEDIATE for writers (read->write upgrades deadlock)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def current_revision(engine: Engine) -> str | None:
    """Return the database's migration revision, or None for an empty database."""
    try:
        with engine.connect() as conn:
            if not engine.dialect.has_table(conn, "alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except OperationalError as exc:
        raise DatabaseError(f"cannot open the database: {_first_line(exc)}") from exc
    except SQLAlchemyError as exc:
        raise DatabaseError(f"cannot read the database: {_first_line(exc)}") from exc


def open_database(url: str) -> Engine:
    """Create the engine and bring the schema to the newest revision if it is behind."""
    engine = create_db_engine(url)
    revision = current_revision(engine)
    if revision != SCHEMA_REVISION:
        from tracker.store.migrate import upgrade

        logger.info("migrating database from %s to %s", revision, SCHEMA_REVISION)
        upgrade(engine)
    return engine


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """One write transaction: commit on success, roll back on any error."""
    bound = engine.execution_options(sqlite_immediate=True)
    session = Session(bound, expire_on_commit=False)
    try:
        yield session
        session.commit()
    except OperationalError as exc:
        session.rollback()
        raise DatabaseError(f"database error: {_first_line(exc)}") from exc
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    """A read-only session (no BEGIN IMMEDIATE, so readers never wait for writers)."""
    session = Session(engine, expire_on_commit=False)
    try:
        yield session
    except OperationalError as exc:
        raise DatabaseError(f"database error: {_first_line(exc)}") from exc
    finally:
        session.rollback()
        session.close()


def _first_line(exc: BaseException) -> str:
    return str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
