"""The per-invocation application context: settings, clock and a lazily created engine."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tracker.clock import Clock, SystemClock

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from tracker.config import Settings


class AppContext:
    """Built once by the group callback; commands take what they need from it."""

    def __init__(self, *, database_url: str | None = None, clock: Clock | None = None) -> None:
        self._database_url = database_url
        self._settings: Settings | None = None
        self._engine: Engine | None = None
        self.clock: Clock = clock or SystemClock()

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            # Imported here: pydantic-settings costs ~0.1 s that `--help` and `extract` skip.
            from tracker.config import load_settings

            self._settings = load_settings(database_url=self._database_url)
        return self._settings

    @property
    def engine(self) -> Engine:
        """The existing database, migrated if behind; never created (see `open_engine`)."""
        return self.open_engine(create=False)

    def open_engine(self, *, create: bool) -> Engine:
        """Open the database once; `create=True` (commands that write: ingest, db upgrade,
        channel add) may create a new SQLite file, and says so on stderr."""
        if self._engine is None:
            from tracker.store.session import open_database

            url = self.settings.resolved_database_url
            new_file = _new_sqlite_file(url) if create else None
            # Only the default location's folder is created; a typed path must already exist.
            self._engine = open_database(
                url, create=create, create_folder=not self.settings.database_url
            )
            if new_file is not None:
                import click

                click.echo(f"created a new database at {new_file}", err=True)
        return self._engine

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def _new_sqlite_file(url: str) -> Path | None:
    from tracker.store.dburl import parse_database_url

    path = parse_database_url(url).sqlite_file
    return path if path is not None and not path.exists() else None
