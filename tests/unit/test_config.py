"""Settings precedence: flag > environment > config file > default."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tracker.config import (
    Secret,
    Settings,
    default_database_url,
    load_settings,
    parse_leads,
    setting_names,
)
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


def test_settings_unknown_keys_are_named(monkeypatch, config_file):
    config_file.write_text('database_url = "sqlite:///a.db"\nreminder-hours = 8\n')
    with pytest.raises(
        ConfigError,
        match=r"unknown setting 'reminder-hours' in config file .*"
        r" \(did you mean reminder_hour\?\)",
    ):
        load_settings()
    config_file.write_text("[smtp]\nhost = 'mail'\n")
    with pytest.raises(ConfigError, match="unknown setting 'smtp' in config file"):
        load_settings()
    config_file.unlink()
    monkeypatch.setenv("TRACKER_SMTP_HOSTNAME", "mail")
    with pytest.raises(
        ConfigError, match="unknown setting TRACKER_SMTP_HOSTNAME in the environment"
    ):
        load_settings()


def test_settings_env_names_that_are_not_settings(monkeypatch, config_file):
    config_file.write_text('timezone = "Europe/Berlin"\n')
    monkeypatch.setenv("TRACKER_CONFIG", str(config_file))
    monkeypatch.setenv("TRACKER_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1/x")
    assert load_settings().timezone == "Europe/Berlin"


def test_settings_read_text_values_by_type(monkeypatch, config_file):
    config_file.write_text("smtp_port = 2525\nsmtp_timeout = 5\nsmtp-starttls = true\n")
    settings = load_settings()
    assert (settings.smtp_port, settings.smtp_timeout, settings.smtp_starttls) == (2525, 5.0, True)
    monkeypatch.setenv("TRACKER_SMTP_STARTTLS", "off")
    monkeypatch.setenv("TRACKER_SMTP_PORT", " 587 ")
    monkeypatch.setenv("TRACKER_SMTP_PASSWORD", "s3cret")
    monkeypatch.setenv("TRACKER_SMTP_USER", "")
    settings = load_settings()
    assert (settings.smtp_port, settings.smtp_starttls, settings.smtp_user) == (587, False, None)
    assert settings.smtp_password == Secret("s3cret")
    assert "s3cret" not in repr(settings)
    assert Settings(feed_token="t").feed_token.get_secret_value() == "t"


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("TRACKER_SMTP_PORT", "twenty-five", "smtp_port: invalid literal for int"),
        ("TRACKER_SMTP_PORT", "70000", "smtp_port: expected a port from 1 to 65535"),
        ("TRACKER_SMTP_STARTTLS", "maybe", "smtp_starttls: expected true or false, got 'maybe'"),
        ("TRACKER_REMINDER_HOUR", "24", "reminder_hour: expected an hour from 0 to 23"),
        ("TRACKER_WEBHOOK_TIMEOUT", "soon", "webhook_timeout: could not convert"),
    ],
)
def test_settings_bad_text_values(monkeypatch, variable, value, message):
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigError, match=f"invalid configuration: {message}"):
        load_settings()


def test_settings_bad_file_types(config_file):
    config_file.write_text("smtp_host = 25\n")
    with pytest.raises(ConfigError, match="smtp_host: expected text, got 25"):
        load_settings()
    config_file.write_text("smtp_port = true\n")
    with pytest.raises(ConfigError, match="smtp_port: expected a number, got True"):
        load_settings()


def test_settings_names_are_the_dataclass_fields():
    assert "database_url" in setting_names()
    assert "feed_token" in setting_names()
