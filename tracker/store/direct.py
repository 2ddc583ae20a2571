"""Open a database for reading with the bare driver (sqlite3 or psycopg), without SQLAlchemy.

Only for the plain cases, and only at the schema revision this code expects: anything else (an
unusual URL, a missing file, a database that needs migrating, a server that does not answer)
returns None, and the caller takes the full path, which creates, migrates and words the errors
(`tracker.store.session`). URLs are read by the same rules on both (`tracker.store.dburl`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any
from urllib.parse import quote

from tracker.errors import TrackerError
from tracker.store import queries as q
from tracker.store.dburl import DatabaseTarget, parse_database_url
from tracker.store.reader import Reader
from tracker.store.revision import SCHEMA_REVISION


def connect(url: str) -> Any | None:
    """Return an open DB-API connection to `url` at SCHEMA_REVISION, or None (full path)."""
    try:
        target = parse_database_url(url)
    except TrackerError:  # the full path says what is wrong with the URL
        return None
    if target.backend == "sqlite":
        connection = _open_sqlite(target)
    else:
        connection = _open_postgres(target.url.replace("postgresql+psycopg://", "postgresql://", 1))
    if connection is None:
        return None
    try:
        with reading(connection) as reader:
            revision = reader.fetch((q.REVISION, {}))
    except Exception:  # no alembic_version table, a locked or damaged file: the full path says
        revision = []
    if revision != [(SCHEMA_REVISION,)]:
        connection.close()
        return None
    return connection


@contextmanager
def reading(connection: Any) -> Iterator[Reader]:
    """Read through `connection` in one transaction (one snapshot on SQLite), then roll back."""
    reader = Reader(connection)
    if reader.qmark:
        connection.execute("BEGIN")
    try:
        yield reader
    finally:
        with suppress(Exception):
            connection.rollback()


def _open_sqlite(target: DatabaseTarget) -> Any | None:
    path = target.sqlite_file
    # URL options and SQLite URIs are SQLAlchemy's to read; a missing or empty file the full
    # path's to report (reading never creates one).
    if path is None or "?" in target.url or not path.is_file() or path.stat().st_size == 0:
        return None
    import sqlite3

    mode = "rw" if os.access(path, os.W_OK) else "ro"
    try:
        # isolation_level=None: we BEGIN ourselves (in reading()).
        return sqlite3.connect(
            f"file:{quote(str(path))}?mode={mode}", uri=True, timeout=30, isolation_level=None
        )
    except sqlite3.Error:
        return None


def _open_postgres(url: str) -> Any | None:
    import psycopg

    try:
        connection = psycopg.connect(url.replace("+psycopg", "", 1), connect_timeout=10)
    except psycopg.Error:
        return None
    connection.read_only = True
    return connection
