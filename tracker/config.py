"""Settings: flag > environment (TRACKER_*) > config file > default.

One definition, the `Settings` dataclass below: each field is a setting, its annotation says how
a text value (from the environment) is read, and its default is the default. Read with the
standard library only, so the listing commands start without pydantic.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tracker.errors import ConfigError

APP = "tracker"
ENV_PREFIX = "TRACKER_"
# TRACKER_* variables that are not settings: the config file's path, and the test suite's own.
NOT_SETTINGS = ("TRACKER_CONFIG",)
TEST_PREFIX = "TRACKER_TEST_"


class Secret:
    """A value that never shows in a repr, a log line or a traceback."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def get_secret_value(self) -> str:
        return self._value

    def __len__(self) -> int:
        return len(self._value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __repr__(self) -> str:
        return "Secret('**********')"


@dataclass(frozen=True)
class Settings:
    """All configuration of the program; building one checks every value (ConfigError)."""

    database_url: str = ""
    timezone: str = "UTC"
    reminder_leads: str = "7d,1d,0d"
    reminder_hour: int = 9
    smtp_host: str = "localhost"
    smtp_port: int = 25
    smtp_user: str | None = None
    smtp_password: Secret | None = None
    smtp_starttls: bool = False
    smtp_timeout: float = 30.0
    email_from: str = "tracker@localhost"
    webhook_timeout: float = 15.0
    feed_token: Secret | None = None
    # Watching sources: who we are on the web, and how much we take from it.
    contact: str | None = None
    allow_private_addresses: bool = False
    fetch_timeout: float = 20.0
    max_response_bytes: int = 5_000_000
    source_interval: str = "30m"
    source_give_up_after: str = "3d"
    # Larger documents are refused: extraction holds ~40-60 MB per MB of text (see README).
    max_document_bytes: int = 2_000_000

    def __post_init__(self) -> None:
        for spec in fields(self):
            value = _convert(spec.name, str(spec.type), getattr(self, spec.name))
            object.__setattr__(self, spec.name, value)
        _check(self)

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


def load_settings(**flags: Any) -> Settings:
    """Build the settings from flags (None: not given), TRACKER_* variables and the config file."""
    names = {spec.name for spec in fields(Settings)}
    values = _file_values(config_path(), names)
    values.update(_env_values(os.environ, names))
    values.update({k: v for k, v in flags.items() if v is not None})
    return Settings(**values)


def setting_names() -> list[str]:
    """Return the names of every setting, as the config file spells them."""
    return [spec.name for spec in fields(Settings)]


def _env_values(environ: Any, names: set[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for variable, value in environ.items():
        if not variable.startswith(ENV_PREFIX) or variable in NOT_SETTINGS:
            continue
        if variable.startswith(TEST_PREFIX):
            continue
        name = variable.removeprefix(ENV_PREFIX).lower()
        if name not in names:
            known = [ENV_PREFIX + n.upper() for n in names]
            raise ConfigError(
                f"unknown setting {variable} in the environment{_hint(variable, known)}"
            )
        values[name] = value
    return values


def _file_values(path: Path, names: set[str]) -> dict[str, Any]:
    if not path.exists():
        return {}
    import tomllib

    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}") from exc
    values: dict[str, Any] = {}
    for raw, value in data.items():
        key = raw.replace("-", "_")
        if key not in names:
            raise ConfigError(f"unknown setting {raw!r} in config file {path}{_hint(key, names)}")
        values[key] = value
    return values


def _hint(name: str, known: Any) -> str:
    from difflib import get_close_matches

    close = get_close_matches(name, sorted(known), n=1)
    return f" (did you mean {close[0]}?)" if close else ""


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _convert(name: str, annotation: str, value: Any) -> Any:
    """Read one value as its field's annotation says; text values come from the environment."""
    kind, optional = annotation.removesuffix(" | None"), annotation.endswith(" | None")
    if value is None or (optional and value == ""):
        if optional:
            return None
        raise ConfigError(f"invalid configuration: {name}: a value is required")
    try:
        if kind == "bool":
            return _boolean(value)
        if kind in ("int", "float") and isinstance(value, bool):
            raise ValueError(f"expected a number, got {value!r}")
        if kind == "int":
            return value if isinstance(value, int) else int(str(value).strip())
        if kind == "float":
            return float(value) if isinstance(value, int | float) else float(str(value).strip())
        if kind == "Secret":
            return value if isinstance(value, Secret) else Secret(_text(value))
        return _text(value)
    except ValueError as exc:
        raise ConfigError(f"invalid configuration: {name}: {exc}") from None


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE | _FALSE:
        return text in _TRUE
    raise ValueError(f"expected true or false, got {value!r}")


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {value!r}")
    return value


def _check(settings: Settings) -> None:
    """The checks beyond types: a known time zone, lead times that parse, an hour of the day."""
    try:
        ZoneInfo(settings.timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(
            f"invalid configuration: timezone: unknown time zone {settings.timezone!r}"
        ) from exc
    try:
        parse_leads(settings.reminder_leads)
    except ValueError as exc:
        raise ConfigError(f"invalid configuration: reminder_leads: {exc}") from None
    if not 0 <= settings.reminder_hour <= 23:
        raise ConfigError("invalid configuration: reminder_hour: expected an hour from 0 to 23")
    if not 1 <= settings.smtp_port <= 65535:
        raise ConfigError("invalid configuration: smtp_port: expected a port from 1 to 65535")
    for name in ("source_interval", "source_give_up_after"):
        try:
            parse_duration(getattr(settings, name))
        except ValueError as exc:
            raise ConfigError(f"invalid configuration: {name}: {exc}") from None
    if settings.max_response_bytes < 1024:
        raise ConfigError("invalid configuration: max_response_bytes must be at least 1024")
    if settings.max_document_bytes < 1:
        raise ConfigError("invalid configuration: max_document_bytes: expected a positive number")


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
