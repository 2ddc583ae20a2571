"""The per-invocation application context: settings, clock and a lazily created engine."""

from __future__ import annotations

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
        """Open the database, creating and migrating it on first use."""
        if self._engine is None:
            from tracker.store.session import open_database

            self._engine = open_database(self.settings.resolved_database_url)
        return self._engine

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
