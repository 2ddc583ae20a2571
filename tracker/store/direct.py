"""Open a database for reading with the bare driver (sqlite3 or psycopg), without SQLAlchemy.

Only for the plain cases, and only at the schema revision this code expects: anything else (an
unusual URL, a missing file, a database that needs migrating, a server that does not answer)
returns None, and the caller takes the full path, which creates, migrates and words the errors
(`tracker.store.session`). So the full path stays the one authority on what a URL means.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any
from urllib.parse import quote

from tracker.store import queries as q
from tracker.store.reader import Reader
from tracker.store.revision import SCHEMA_REVISION

_SQLITE = "sqlite:///"
_POSTGRES = ("postgresql://", "postgresql+psycopg://")


def connect(url: str) -> Any | None:
    """Return an open DB-API connection to `url` at SCHEMA_REVISION, or None (full path)."""
    connection = _open_sqlite(url) if url.startswith(_SQLITE) else _open_postgres(url)
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


def _open_sqlite(url: str) -> Any | None:
    path = url.removeprefix(_SQLITE)
    # Leave URL options, memory databases, `~` and escapes to SQLAlchemy's reading of the URL.
    if not path or path == ":memory:" or any(c in path for c in "?%#") or path.startswith("~"):
        return None
    if not Path(path).is_file():
        return None
    import sqlite3

    try:
        # mode=rw: never create a file; isolation_level=None: we BEGIN ourselves (in reading()).
        return sqlite3.connect(
            f"file:{quote(path)}?mode=rw", uri=True, timeout=30, isolation_level=None
        )
    except sqlite3.Error:
        return None


def _open_postgres(url: str) -> Any | None:
    if not url.startswith(_POSTGRES):
        return None
    import psycopg

    try:
        connection = psycopg.connect(url.replace("+psycopg", "", 1), connect_timeout=10)
    except psycopg.Error:
        return None
    connection.read_only = True
    return connection
