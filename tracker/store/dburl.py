"""Database URLs as users write them, and the one rule for when a SQLite file may be created.

Standard library only, so a read path that opens databases without SQLAlchemy applies exactly
these rules: `parse_database_url` for the URL, `check_sqlite_file` before opening the file.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from tracker.errors import ConfigError, DatabaseError

_SCHEME = re.compile(r"^(?P<backend>[A-Za-z][A-Za-z0-9]*)(?:\+(?P<driver>[A-Za-z0-9_]+))?://")
_PASSWORD = re.compile(r"(://[^:/@]*:)[^@/]*@")
_FORMS = "sqlite:///relative/path.db or sqlite:////absolute/path.db"


@dataclass(frozen=True)
class DatabaseTarget:
    """A database URL made explicit: what SQLAlchemy should open, and the SQLite file if any."""

    url: str  # postgresql+psycopg://... or sqlite:////absolute/path.db
    backend: str  # "sqlite" or "postgresql"
    sqlite_file: Path | None  # absolute; None for PostgreSQL and SQLite "file:" URIs

    @property
    def shown(self) -> str:
        """The database as messages name it: the file's path, or the URL without a password."""
        if self.sqlite_file is not None:
            return str(self.sqlite_file)
        return redact(self.url.replace("postgresql+psycopg://", "postgresql://", 1))


def redact(url: str) -> str:
    """Hide the password of a URL (`postgresql://user:***@host/db`)."""
    return _PASSWORD.sub(r"\1***@", url)


def parse_database_url(url: str) -> DatabaseTarget:
    """Accept the URLs users paste (postgres://, postgresql://, sqlite:///...); ConfigError else.

    `postgres://` (what hosting providers hand out) and `postgresql+psycopg2://` open with psycopg;
    a SQLite path is made absolute (and `~` expanded); an in-memory SQLite database is refused,
    since everything written to it would be lost when the command ends.
    """
    raw = url.strip()
    match = _SCHEME.match(raw)
    if match is None:
        raise ConfigError(_no_scheme(raw))
    backend, driver = match["backend"].lower(), (match["driver"] or "").lower()
    rest = raw[match.end() :]
    if backend in ("postgres", "postgresql"):
        if driver not in ("", "psycopg", "psycopg2"):
            raise ConfigError(
                f"unsupported PostgreSQL driver {driver!r} in {redact(raw)}: tracker uses psycopg"
                " (write postgresql://user@host/db)"
            )
        return DatabaseTarget(f"postgresql+psycopg://{rest}", "postgresql", None)
    if backend == "sqlite":
        if driver not in ("", "pysqlite"):
            raise ConfigError(f"unsupported SQLite driver {driver!r} in {raw}: write {_FORMS}")
        return _sqlite_target(raw, rest)
    raise ConfigError(
        f"unsupported database {backend!r} in {redact(raw)}: tracker stores its data in SQLite"
        " (sqlite:///path.db) or PostgreSQL (postgresql://user@host/db)"
    )


def _no_scheme(raw: str) -> str:
    if not raw:
        return f"the database URL is empty: write {_FORMS}, or postgresql://user@host/db"
    looks_like_path = raw.startswith(("/", ".", "~")) or raw.endswith((".db", ".sqlite"))
    if looks_like_path:
        absolute = os.path.abspath(os.path.expanduser(raw))
        return (
            f"bad database URL {raw!r}: no scheme; for this SQLite file write sqlite:///{absolute}"
        )
    return f"bad database URL {raw!r}: no scheme; write {_FORMS}, or postgresql://user@host/db"


def _sqlite_target(raw: str, rest: str) -> DatabaseTarget:
    path, _, query = rest.partition("?")
    if path in ("", "/") or path == "/:memory:" or "mode=memory" in query:
        raise ConfigError(
            f"bad database URL {raw!r}: it names no file (SQLite would keep everything in"
            f" memory and lose it when the command ends): write {_FORMS}"
        )
    if not path.startswith("/"):
        raise ConfigError(
            f"bad SQLite URL {raw!r}: {path.split('/')[0]!r} is read as a host name;"
            f" write {_FORMS} (three slashes, a fourth for an absolute path)"
        )
    path = path[1:]
    if path.startswith("file:"):  # an SQLite URI: the user takes charge of how it opens
        return DatabaseTarget(raw, "sqlite", None)
    absolute = Path(os.path.abspath(os.path.expanduser(path)))
    suffix = f"?{query}" if query else ""
    return DatabaseTarget(f"sqlite:///{absolute}{suffix}", "sqlite", absolute)


def check_sqlite_file(path: Path, *, create: bool, create_folder: bool = False) -> bool:
    """The create-versus-open rule; return True when the file can only be read.

    Only commands that write pass `create=True`: they may create a missing file, and its folder
    too when `create_folder` (the default location under $XDG_DATA_HOME), never a folder of a
    path the user typed. Commands that only read never create anything: a missing file is a
    DatabaseError (exit 6). A read-only file is fine for reading and an error for writing.
    """
    if path.is_dir():
        raise ConfigError(f"the database path {path} is a folder, not a file")
    if not path.exists():
        if not create:
            raise DatabaseError(
                f"no database at {path} (check --db / TRACKER_DATABASE_URL;"
                " `tracker ingest` or `tracker db upgrade` creates one)"
            )
        _prepare_folder(path, create_folder=create_folder)
        return False
    if not os.access(path, os.R_OK):
        raise DatabaseError(f"cannot read the database {path}: permission denied")
    if not create and path.stat().st_size == 0:  # opening it would write SQLite's header
        raise no_schema_error(str(path))
    writable = os.access(path, os.W_OK)
    if create and not writable:
        raise DatabaseError(f"the database {path} is read-only (no write permission)")
    return not writable


def no_schema_error(shown: str) -> DatabaseError:
    """The error of a reader that finds an empty database: it never creates the schema."""
    return DatabaseError(
        f"the database {shown} has no tracker tables yet"
        " (run `tracker db upgrade`, or `tracker ingest` a document)"
    )


def _prepare_folder(path: Path, *, create_folder: bool) -> None:
    folder = path.parent
    if not folder.is_dir():
        if not create_folder:
            raise ConfigError(f"the folder {folder} does not exist (database {path})")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"cannot create the folder {folder}: {exc.strerror}") from exc
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DatabaseError(f"cannot create the database {path}: the folder {folder} is read-only")
