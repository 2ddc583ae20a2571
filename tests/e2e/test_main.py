"""The package runs as a module and as the console script."""

from __future__ import annotations

import subprocess
import sys


def test_python_m_tracker_version():
    result = subprocess.run(
        [sys.executable, "-m", "tracker", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("tracker, version ")


def test_help_lists_every_command_without_importing_them():
    code = (
        "import sys; from tracker.cli import cli; "
        "from click.testing import CliRunner; r = CliRunner().invoke(cli, ['--help']); "
        "print(r.output); "
        "print('HEAVY', sorted(m for m in ('dateparser','apscheduler','icalendar','httpx',"
        "'sqlalchemy','alembic') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    for command in ("ingest", "list", "upcoming", "extract", "remind", "export", "serve"):
        assert f"  {command}" in result.stdout
    assert "HEAVY []" in result.stdout
