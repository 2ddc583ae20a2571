"""Settings precedence: flag > environment > config file > default."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tracker.config import default_database_url, load_settings, parse_leads
from tracker.errors import ConfigError


@pytest.fixture
def config_file(isolated_home):
    path = isolated_home / "config" / "tracker" / "config.toml"
    path.parent.mkdir(parents=True)
    return path


def test_settings_default_database_is_sqlite_under_xdg_data_home(isolated_home):
    settings = load_settings()
    assert settings.resolved_database_url == default_database_url()
    assert (
        default_database_url() == f"sqlite:///{isolated_home / 'data' / 'tracker' / 'tracker.db'}"
    )


def test_settings_relative_xdg_path_is_ignored(monkeypatch, isolated_home):
    monkeypatch.setenv("XDG_DATA_HOME", "relative/path")
    assert default_database_url().startswith(f"sqlite:///{isolated_home}/.local/share/")


def test_settings_precedence_flag_env_file_default(monkeypatch, config_file):
    config_file.write_text('database_url = "sqlite:///from-file.db"\ntimezone = "Europe/Berlin"\n')
    assert load_settings().database_url == "sqlite:///from-file.db"
    assert load_settings().timezone == "Europe/Berlin"
    monkeypatch.setenv("TRACKER_DATABASE_URL", "sqlite:///from-env.db")
    assert load_settings().database_url == "sqlite:///from-env.db"
    assert load_settings(database_url="sqlite:///from-flag.db").database_url == (
        "sqlite:///from-flag.db"
    )
    assert load_settings().reminder_leads == "7d,1d,0d"


def test_settings_unreadable_config_is_one_config_error(config_file):
    config_file.write_text("database_url = [unclosed\n")
    with pytest.raises(ConfigError, match="cannot read config file"):
        load_settings()


def test_settings_invalid_value_is_a_config_error(monkeypatch):
    monkeypatch.setenv("TRACKER_TIMEZONE", "Mars/Olympus")
    with pytest.raises(ConfigError, match="unknown time zone"):
        load_settings()
    monkeypatch.delenv("TRACKER_TIMEZONE")
    monkeypatch.setenv("TRACKER_REMINDER_LEADS", "7x")
    with pytest.raises(ConfigError, match="bad lead time"):
        load_settings()


def test_parse_leads_sorts_largest_first_and_dedups():
    assert parse_leads("1d, 14d,7d,1d,0d,12h") == [
        timedelta(days=14),
        timedelta(days=7),
        timedelta(days=1),
        timedelta(hours=12),
        timedelta(0),
    ]
