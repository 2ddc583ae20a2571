"""Settings: flag > environment (TRACKER_*) > config file > default."""

from __future__ import annotations

import os
import tomllib
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import PositiveInt, SecretStr, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from tracker.errors import ConfigError

APP = "tracker"


def _xdg_dir(variable: str, fallback: str) -> Path:
    value = os.environ.get(variable, "")
    # The XDG spec says relative paths in these variables are invalid and must be ignored.
    if value and Path(value).is_absolute():
        return Path(value)
    return Path.home() / fallback


def config_path() -> Path:
    """Return the config file path ($TRACKER_CONFIG, else $XDG_CONFIG_HOME/tracker/config.toml)."""
    explicit = os.environ.get("TRACKER_CONFIG")
    if explicit:
        return Path(explicit)
    return _xdg_dir("XDG_CONFIG_HOME", ".config") / APP / "config.toml"


def default_database_url() -> str:
    """Return the SQLite URL of the default database file under $XDG_DATA_HOME/tracker/."""
    return f"sqlite:///{_xdg_dir('XDG_DATA_HOME', '.local/share') / APP / 'tracker.db'}"


def parse_leads(text: str) -> list[timedelta]:
    """Parse lead times like ``14d,7d,1d,0d`` or ``12h`` into timedeltas, largest first."""
    leads: set[timedelta] = set()
    for raw in text.split(","):
        part = raw.strip().lower()
        if not part:
            continue
        unit, number = part[-1], part[:-1]
        if unit not in "dhw" or not number.isdigit():
            raise ValueError(f"bad lead time {raw.strip()!r} (expected e.g. 7d, 12h, 2w)")
        hours = int(number) * {"h": 1, "d": 24, "w": 24 * 7}[unit]
        leads.add(timedelta(hours=hours))
    if not leads:
        raise ValueError("no lead times given")
    return sorted(leads, reverse=True)


_DURATION_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def parse_duration(text: str) -> timedelta:
    """Parse a duration like ``90s``, ``30m``, ``2h``, ``1d`` or ``1w`` (one number, one unit)."""
    part = text.strip().lower()
    unit, number = part[-1:], part[:-1]
    if unit not in _DURATION_UNITS or not number.isdigit() or int(number) == 0:
        raise ValueError(f"bad duration {text.strip()!r} (expected e.g. 30m, 2h, 1d)")
    return timedelta(seconds=int(number) * _DURATION_UNITS[unit])


class _TomlSource(PydanticBaseSettingsSource):
    """Read the config file; an unreadable or invalid file is a ConfigError, not a traceback."""

    def __init__(self, settings_cls: type[BaseSettings]) -> None:
        super().__init__(settings_cls)
        path = config_path()
        self._data: dict[str, Any] = {}
        if not path.exists():
            return
        try:
            with path.open("rb") as fh:
                data = tomllib.load(fh)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config file {path}: {exc}") from exc
        self._data = {k.replace("-", "_"): v for k, v in data.items()}

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return self._data.get(field_name), field_name, False

    def __call__(self) -> dict[str, Any]:
        return {k: v for k, v in self._data.items() if k in self.settings_cls.model_fields}


class Settings(BaseSettings):
    """All configuration of the program."""

    model_config = SettingsConfigDict(env_prefix="TRACKER_", extra="ignore")

    database_url: str = ""
    timezone: str = "UTC"
    reminder_leads: str = "7d,1d,0d"
    reminder_hour: int = 9
    smtp_host: str = "localhost"
    smtp_port: int = 25
    smtp_user: str | None = None
    smtp_password: SecretStr | None = None
    smtp_starttls: bool = False
    smtp_timeout: float = 30.0
    email_from: str = "tracker@localhost"
    webhook_timeout: float = 15.0
    feed_token: SecretStr | None = None
    # Watching sources: who we are on the web, and how much we take from it.
    contact: str | None = None
    allow_private_addresses: bool = False
    fetch_timeout: float = 20.0
    max_response_bytes: int = 5_000_000
    source_interval: str = "30m"
    source_give_up_after: str = "3d"
    # Larger documents are refused: extraction holds ~40-60 MB per MB of text (see README).
    max_document_bytes: PositiveInt = 2_000_000

    @field_validator("timezone")
    @classmethod
    def _check_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @field_validator("reminder_leads")
    @classmethod
    def _check_leads(cls, value: str) -> str:
        parse_leads(value)
        return value

    @field_validator("source_interval", "source_give_up_after")
    @classmethod
    def _check_duration(cls, value: str) -> str:
        parse_duration(value)
        return value

    @field_validator("max_response_bytes")
    @classmethod
    def _check_size(cls, value: int) -> int:
        if value < 1024:
            raise ValueError("max_response_bytes must be at least 1024")
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, _TomlSource(settings_cls))

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def leads(self) -> list[timedelta]:
        return parse_leads(self.reminder_leads)

    @property
    def source_every(self) -> timedelta:
        return parse_duration(self.source_interval)

    @property
    def give_up_after(self) -> timedelta:
        return parse_duration(self.source_give_up_after)

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or default_database_url()


def load_settings(**overrides: Any) -> Settings:
    """Build the settings once (flags as overrides); turn any problem into a ConfigError."""
    flags = {k: v for k, v in overrides.items() if v is not None}
    try:
        return Settings(**flags)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'config'}: {err['msg']}"
            for err in exc.errors()
        )
        raise ConfigError(f"invalid configuration: {problems}") from exc
