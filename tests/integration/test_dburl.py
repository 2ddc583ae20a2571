"""Database URLs as users paste them, and the create-versus-open rule for SQLite files."""

from __future__ import annotations

import os

import pytest

from tracker.errors import ConfigError, DatabaseError
from tracker.store.dburl import check_sqlite_file, parse_database_url, redact


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgres://u@db.example.org:5432/app", "postgresql+psycopg://u@db.example.org:5432/app"),
        ("postgresql://u@h/app?sslmode=require", "postgresql+psycopg://u@h/app?sslmode=require"),
        ("postgresql+psycopg://u@h/app", "postgresql+psycopg://u@h/app"),
        ("postgresql+psycopg2://u@h/app", "postgresql+psycopg://u@h/app"),
        ("postgres+psycopg://u@h/app", "postgresql+psycopg://u@h/app"),
        ("  POSTGRES://u@h/app  ", "postgresql+psycopg://u@h/app"),
    ],
)
def test_postgres_urls_open_with_psycopg(url, expected):
    target = parse_database_url(url)
    assert (target.url, target.backend, target.sqlite_file) == (expected, "postgresql", None)


def test_sqlite_paths_become_absolute(tmp_path, monkeypatch, isolated_home):
    monkeypatch.chdir(tmp_path)
    relative = parse_database_url("sqlite:///data/t.db")
    absolute = parse_database_url(f"sqlite:///{tmp_path}/t.db")
    home = parse_database_url("sqlite:///~/t.db")
    assert relative.sqlite_file == tmp_path / "data" / "t.db"
    assert relative.url == f"sqlite:///{tmp_path}/data/t.db"
    assert absolute.sqlite_file == tmp_path / "t.db"
    assert home.sqlite_file == isolated_home / "t.db"


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///", "sqlite:///:memory:", "sqlite://?x"])
def test_in_memory_sqlite_is_refused(url):
    with pytest.raises(ConfigError, match="names no file"):
        parse_database_url(url)


def test_sqlite_url_with_a_host_is_one_clear_line():
    with pytest.raises(ConfigError) as caught:
        parse_database_url("sqlite://data/t.db")
    message = caught.value.message
    assert "'data' is read as a host name" in message
    assert "sqlite:///relative/path.db" in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("url", "hint"),
    [
        ("/var/lib/t.db", "write sqlite:////var/lib/t.db"),
        ("nonsense", "no scheme"),
        ("", "empty"),
        ("mysql://u@h/db", "unsupported database 'mysql'"),
        ("postgresql+asyncpg://u@h/db", "unsupported PostgreSQL driver 'asyncpg'"),
        ("sqlite+aiosqlite:///t.db", "unsupported SQLite driver"),
    ],
)
def test_bad_urls_say_what_to_write(url, hint):
    with pytest.raises(ConfigError, match=r"bad database URL|unsupported|empty") as caught:
        parse_database_url(url)
    assert hint in caught.value.message


def test_passwords_never_appear_in_messages():
    assert redact("postgresql://ana:s3cret@h:5432/db") == "postgresql://ana:***@h:5432/db"
    with pytest.raises(ConfigError) as caught:
        parse_database_url("postgresql+asyncpg://ana:s3cret@h/db")
    assert "s3cret" not in caught.value.message


def test_reading_never_creates_a_file(tmp_path):
    path = tmp_path / "missing.db"
    with pytest.raises(DatabaseError, match=r"no database at .*missing\.db"):
        check_sqlite_file(path, create=False)
    assert not path.exists()


def test_writing_may_create_the_file_but_not_a_typed_folder(tmp_path):
    assert check_sqlite_file(tmp_path / "new.db", create=True) is False
    with pytest.raises(ConfigError, match=r"folder .*typo does not exist"):
        check_sqlite_file(tmp_path / "typo" / "new.db", create=True)
    assert not (tmp_path / "typo").exists()


def test_the_default_folder_is_created_for_writers(tmp_path):
    path = tmp_path / "data" / "tracker" / "tracker.db"
    check_sqlite_file(path, create=True, create_folder=True)
    assert path.parent.is_dir()
    assert not path.exists()  # SQLite creates the file itself


def test_a_folder_is_not_a_database(tmp_path):
    with pytest.raises(ConfigError, match="is a folder"):
        check_sqlite_file(tmp_path, create=False)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write read-only files")
def test_read_only_file_reads_but_refuses_writers(tmp_path):
    path = tmp_path / "ro.db"
    path.write_bytes(b"")
    path.chmod(0o444)
    assert check_sqlite_file(path, create=False) is True
    with pytest.raises(DatabaseError, match="is read-only"):
        check_sqlite_file(path, create=True)
