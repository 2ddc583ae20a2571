"""Database URLs and files end to end: what may create a database, and one line for each mistake.

Real SQLite files and a real PostgreSQL (empty databases created and dropped per test).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.conftest import POSTGRES_URL, SEEDS
from tests.envelope import json_data
from tracker.cli import cli
from tracker.store.session import SCHEMA_REVISION

READ_COMMANDS = [
    ["list"],
    ["upcoming"],
    ["show", "1"],
    ["timeline"],
    ["db", "current"],
    ["channel", "list"],
    ["remind", "list"],
    ["export", "ics"],
]


def tracker(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def _one_error_line(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.output
    return lines[0]


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: " ".join(c))
def test_read_commands_never_create_a_database(tmp_path, command):
    path = tmp_path / "typo" / "tracker.db"
    result = tracker("--db", f"sqlite:///{path}", *command)
    assert result.exit_code == 6
    assert f"no database at {path}" in _one_error_line(result)
    assert not path.parent.exists()


def test_read_commands_never_create_the_default_database(isolated_home):
    result = tracker("list")
    assert result.exit_code == 6
    assert "no database at" in _one_error_line(result)
    assert not (isolated_home / "data").exists()


def test_ingest_creates_the_default_database_and_its_folder(isolated_home):
    result = tracker("ingest", str(SEEDS))
    path = isolated_home / "data" / "tracker" / "tracker.db"
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == f"created a new database at {path}"
    assert path.exists()
    assert tracker("list").exit_code == 0


def test_writers_create_a_file_but_not_a_mistyped_folder(tmp_path):
    typo = tmp_path / "nosuchdir" / "t.db"
    refused = tracker("--db", f"sqlite:///{typo}", "ingest", str(SEEDS))
    assert refused.exit_code == 3
    assert f"folder {typo.parent} does not exist" in _one_error_line(refused)
    assert not typo.parent.exists()
    path = tmp_path / "t.db"
    created = tracker("--db", f"sqlite:///{path}", "channel", "add", "email", "a@example.org")
    assert created.exit_code == 0, created.output
    assert f"created a new database at {path}" in created.stderr
    again = tracker("--db", f"sqlite:///{path}", "ingest", str(SEEDS))
    assert "created" not in again.stderr


def test_relative_sqlite_path_is_relative_to_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert tracker("--db", "sqlite:///rel.db", "db", "upgrade").exit_code == 0
    current = tracker("--db", "sqlite:///rel.db", "db", "current")
    assert current.stdout.splitlines()[0] == str(tmp_path / "rel.db")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("sqlite:///", "names no file"),
        ("sqlite://", "names no file"),
        ("sqlite:///:memory:", "names no file"),
        ("sqlite://data/t.db", "'data' is read as a host name"),
        ("/var/lib/t.db", "for this SQLite file write sqlite:////var/lib/t.db"),
        ("mysql://u@h/db", "unsupported database 'mysql'"),
        ("postgresql+asyncpg://u:pw@h/db", "unsupported PostgreSQL driver"),
        ("postgres://u:pw@h:abc/db", "postgresql://u:***@h:abc/db: the port is not a number"),
    ],
)
@pytest.mark.parametrize("command", [["list"], ["ingest", str(SEEDS)], ["db", "upgrade"]])
def test_bad_urls_are_one_line_and_exit_3(url, message, command):
    result = tracker("--db", url, *command)
    assert result.exit_code == 3
    line = _one_error_line(result)
    assert message in line
    assert ":pw@" not in line


def test_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("my notes\n")
    result = tracker("--db", f"sqlite:///{path}", "list")
    assert result.exit_code == 6
    assert f"{path} is not a SQLite database" in _one_error_line(result)


def test_an_empty_sqlite_file_is_not_migrated_by_readers(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    listed = tracker("--db", f"sqlite:///{path}", "list")
    assert listed.exit_code == 6
    assert "has no tracker tables yet" in _one_error_line(listed)
    assert path.stat().st_size == 0
    assert tracker("--db", f"sqlite:///{path}", "ingest", str(SEEDS)).exit_code == 0


def test_db_current_json(sqlite_url):
    result = tracker("--db", sqlite_url, "db", "current", "--json")
    assert result.exit_code == 0, result.output
    assert json_data(result.stdout, "db current") == {
        "database": sqlite_url.removeprefix("sqlite:///"),
        "backend": "sqlite",
        "revision": SCHEMA_REVISION,
        "head": SCHEMA_REVISION,
        "up_to_date": True,
    }


# --- read-only files: run as an unprivileged user (root may write anything) ---------------


def _as_unprivileged() -> list[str]:
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot drop privileges")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder the unprivileged user can enter (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="tracker-ro-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _run_as_user(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(folder), "XDG_CONFIG_HOME": str(folder / "config")}
    return subprocess.run(
        [*_as_unprivileged(), sys.executable, "-m", "tracker", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=folder,
        check=False,
    )


@pytest.fixture
def read_only_db(shared_dir, sqlite_template) -> Path:
    path = shared_dir / "ro.db"
    shutil.copy(sqlite_template, path)
    url = f"sqlite:///{path}"
    assert tracker("--db", url, "ingest", str(SEEDS)).exit_code == 0
    for extra in shared_dir.glob("ro.db-*"):
        extra.unlink()
    path.chmod(0o444)
    return path


def test_read_only_file_lists_but_refuses_ingest(read_only_db, shared_dir):
    shared_dir.chmod(0o777)  # SQLite's -wal/-shm files may be created beside it
    url = f"sqlite:///{read_only_db}"
    listed = _run_as_user(shared_dir, "--db", url, "list", "--json")
    ingested = _run_as_user(shared_dir, "--db", url, "ingest", str(SEEDS))

    assert listed.returncode == 0, listed.stderr
    assert json_data(listed.stdout, "list")["items"]
    assert ingested.returncode == 6
    assert ingested.stderr.strip() == (
        f"error: the database {read_only_db} is read-only (no write permission)"
    )


def test_read_only_folder_is_named(read_only_db, shared_dir):
    url = f"sqlite:///{read_only_db}"
    listed = _run_as_user(shared_dir, "--db", url, "list")
    lines = listed.stderr.strip().splitlines()
    assert listed.returncode == 6
    assert len(lines) == 1
    assert lines[0].startswith(f"error: cannot open the database {read_only_db}: its folder")
    assert "is read-only" in lines[0]


# --- PostgreSQL: the URL forms hosting providers hand out -----------------------------------


@pytest.fixture
def empty_postgres() -> Iterator[str]:
    """A new, empty PostgreSQL database (no schema), dropped afterwards."""
    if not POSTGRES_URL:
        pytest.skip("TRACKER_TEST_POSTGRES_URL is not set (see .ci/run); PostgreSQL tests skipped")
    admin_url = make_url(POSTGRES_URL).set(drivername="postgresql+psycopg")
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"tracker_empty_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.mark.postgres
def test_postgres_scheme_is_accepted(empty_postgres):
    hosted = empty_postgres.replace("postgresql://", "postgres://", 1)
    explicit = empty_postgres.replace("postgresql://", "postgresql+psycopg://", 1)
    ingested = tracker("--db", hosted, "ingest", str(SEEDS))
    assert ingested.exit_code == 0, ingested.output
    listed = tracker("--db", explicit, "list", "--json")
    assert listed.exit_code == 0, listed.output
    assert len(json_data(listed.stdout, "list")["items"]) == 8


@pytest.mark.postgres
def test_empty_postgres_database_is_not_migrated_by_readers(empty_postgres):
    listed = tracker("--db", empty_postgres, "list")
    current = tracker("--db", empty_postgres, "db", "current", "--json")
    assert listed.exit_code == 6
    assert "has no tracker tables yet (run `tracker db upgrade`" in _one_error_line(listed)
    assert current.exit_code == 0
    assert json_data(current.stdout, "db current")["revision"] is None
    assert tracker("--db", empty_postgres, "db", "upgrade").exit_code == 0
    assert tracker("--db", empty_postgres, "list").exit_code == 0


@pytest.mark.postgres
def test_missing_postgres_database_is_one_line(empty_postgres):
    missing = make_url(empty_postgres).set(database="tracker_no_such_db").render_as_string(False)
    result = tracker("--db", missing.replace("postgresql://", "postgres://", 1), "list")
    assert result.exit_code == 6
    assert 'database "tracker_no_such_db" does not exist' in _one_error_line(result)
