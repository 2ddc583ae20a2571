"""Engine creation, first-use migration, and the one-transaction-per-use-case helper."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from tracker.errors import ConfigError, DatabaseError
from tracker.store.dburl import check_sqlite_file, no_schema_error, parse_database_url

logger = logging.getLogger(__name__)

# The newest migration. A test asserts it equals Alembic's head, so the fast path
# (no Alembic import) can tell an up-to-date database from one that needs migrating.
SCHEMA_REVISION = "0006"


def create_db_engine(url: str, *, read_only: bool = False) -> Engine:
    """Create an engine for `url` (no file checks: see `connect_database`); ConfigError for a bad
    URL or a missing driver. `read_only` opens a SQLite file with mode=ro."""
    target = parse_database_url(url)
    try:
        parsed = make_url(target.url)
    except (ArgumentError, ValueError) as exc:  # SQLAlchemy's parse: e.g. a port that is no number
        reason = "the port is not a number" if "int()" in str(exc) else _first_line(exc)
        raise ConfigError(f"bad database URL {target.shown}: {reason}") from exc
    options: dict[str, Any] = {}
    if target.backend == "sqlite":
        options["connect_args"] = {"timeout": 30}
        if read_only and target.sqlite_file is not None:
            parsed = parsed.set(
                database=f"file:{target.sqlite_file}", query={"mode": "ro", "uri": "true"}
            )
    else:
        options["connect_args"] = {"connect_timeout": 10}
    try:
        engine = create_engine(parsed, **options)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise ConfigError(f"unsupported database URL {target.shown}: {_first_line(exc)}") from exc
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine, read_only=read_only)
    return engine


def connect_database(url: str, *, create: bool = False, create_folder: bool = False) -> Engine:
    """Create the engine after the create-versus-open rule (`dburl.check_sqlite_file`).

    Commands that only read pass create=False: a missing SQLite file is then an error, never
    created; a read-only file is opened read-only.
    """
    target = parse_database_url(url)
    read_only = False
    if target.sqlite_file is not None:
        read_only = check_sqlite_file(
            target.sqlite_file, create=create, create_folder=create_folder
        )
    return create_db_engine(url, read_only=read_only)


def _configure_sqlite(engine: Engine, *, read_only: bool) -> None:
    """Foreign keys on, WAL, and BEGIN IMMEDIATE for writers (read->write upgrades deadlock)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        if not read_only:  # switching the journal mode is a write
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
    except SQLAlchemyError as exc:
        raise DatabaseError(describe_open_error(engine, exc)) from exc


def open_database(url: str, *, create: bool = False, create_folder: bool = False) -> Engine:
    """Open the database and bring the schema to the newest revision if it is behind.

    With create=False (every command that only reads) nothing is created: a missing SQLite file
    or a database without the tracker schema is a DatabaseError naming it.
    """
    engine = connect_database(url, create=create, create_folder=create_folder)
    try:
        revision = current_revision(engine)
        if revision is None and not create:
            raise no_schema_error(database_shown(engine))
        if revision != SCHEMA_REVISION:
            from tracker.store.migrate import upgrade

            logger.info("migrating database from %s to %s", revision, SCHEMA_REVISION)
            upgrade(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def database_shown(engine: Engine) -> str:
    """Name the engine's database in messages: the SQLite file, or the URL without password."""
    if engine.dialect.name == "sqlite":
        return str(engine.url.database or "").removeprefix("file:")
    return engine.url.set(drivername="postgresql").render_as_string(hide_password=True)


def describe_open_error(engine: Engine, exc: SQLAlchemyError) -> str:
    """One line saying why the database could not be opened, naming it."""
    shown, reason = database_shown(engine), _first_line(exc)
    if engine.dialect.name != "sqlite":
        return f"cannot open the database {shown}: {reason}"
    if "not a database" in reason:
        return f"{shown} is not a SQLite database ({reason})"
    path = Path(shown)
    if path.exists() and not os.access(path.parent, os.W_OK):
        # SQLite keeps its -wal and -shm files beside the database, even for readers.
        return (
            f"cannot open the database {shown}: its folder {path.parent} is read-only, and"
            f" SQLite needs to create {path.name}-wal and {path.name}-shm there ({reason})"
        )
    if "readonly" in reason:
        return f"the database {shown} is read-only ({reason})"
    return f"cannot open the database {shown}: {reason}"


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
        raise DatabaseError(_write_error(engine, exc)) from exc
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


def _write_error(engine: Engine, exc: OperationalError) -> str:
    reason = _first_line(exc)
    if "readonly" in reason:
        return f"the database {database_shown(engine)} is read-only ({reason})"
    return f"database error: {reason}"


def _first_line(exc: BaseException) -> str:
    return str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
