"""Error hierarchy: each error knows its exit code; its docstring is the default message."""

from __future__ import annotations

from typing import ClassVar


class TrackerError(Exception):
    """Something went wrong."""

    exit_code: ClassVar[int] = 1

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or (self.__doc__ or "").strip())

    @property
    def message(self) -> str:
        return str(self.args[0])


class UsageError(TrackerError):
    """Invalid usage."""

    exit_code = 2


class ConfigError(TrackerError):
    """The configuration is invalid."""

    exit_code = 3


class NotFoundError(TrackerError):
    """Not found."""

    exit_code = 4


class AlreadyExistsError(TrackerError):
    """Already exists."""

    exit_code = 5


class DatabaseError(TrackerError):
    """The database is unavailable or not migrated."""

    exit_code = 6


class DeliveryFailedError(TrackerError):
    """A notification could not be delivered."""

    exit_code = 7


class InputError(TrackerError):
    """The input could not be read."""

    exit_code = 1


class NoPublicationDateError(InputError):
    """No publication date found in the text and none given (use --published YYYY-MM-DD)."""
