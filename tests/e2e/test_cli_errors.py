"""Configuration and database mistakes end in one line and a non-zero exit."""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from tracker.cli import cli
from tracker.store.session import SCHEMA_REVISION


def test_bad_db_url_is_one_line():
    result = CliRunner().invoke(cli, ["--db", "nonsense", "list"])
    assert result.exit_code == 3
    assert result.stderr.strip().startswith("error: bad database URL 'nonsense'")
    assert len(result.stderr.strip().splitlines()) == 1


def test_unreachable_database_is_exit_6():
    result = CliRunner().invoke(cli, ["--db", "postgresql://postgres@127.0.0.1:1/x", "list"])
    assert result.exit_code == 6
    assert result.stderr.startswith("error: cannot open the database")


def test_unreadable_config_file_is_one_line(isolated_home):
    path = isolated_home / "config" / "tracker" / "config.toml"
    path.parent.mkdir(parents=True)
    path.write_text("timezone = \n")
    result = subprocess.run(
        [sys.executable, "-m", "tracker", "list"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 3
    assert result.stderr.startswith(f"error: cannot read config file {path}")
    assert "Traceback" not in result.stderr


def test_db_current_and_upgrade(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    runner = CliRunner()
    upgraded = runner.invoke(cli, ["--db", url, "db", "upgrade"])
    assert upgraded.exit_code == 0, upgraded.output
    assert f"upgraded from empty to {SCHEMA_REVISION}" in upgraded.stdout
    current = runner.invoke(cli, ["--db", url, "db", "current"])
    assert f"revision {SCHEMA_REVISION} (up to date)" in current.stdout
