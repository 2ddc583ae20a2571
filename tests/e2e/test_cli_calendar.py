"""`tracker export ics` and `tracker serve` through the CLI."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys

import httpx
import icalendar
import pytest
from click.testing import CliRunner

from tests.integration.calendar.factory import SEED_DESCRIPTIONS, seed_items, status_items
from tracker.cli import cli
from tracker.store.session import create_db_engine

TOKEN = "cli-feed-token-0123456789"


@pytest.fixture
def seeded_url(sqlite_url):
    engine = create_db_engine(sqlite_url)
    seed_items(engine)
    status_items(engine)
    engine.dispose()
    return sqlite_url


def _summaries(body: bytes) -> list[str]:
    return [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(body).events]


def test_export_ics_writes_the_calendar_to_stdout(seeded_url):
    result = CliRunner().invoke(cli, ["--db", seeded_url, "export", "ics"])

    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"BEGIN:VCALENDAR\r\n")
    assert SEED_DESCRIPTIONS["declaration"] in _summaries(result.stdout_bytes)
    assert len(_summaries(result.stdout_bytes)) == 7


def test_export_ics_writes_a_file(seeded_url, tmp_path):
    target = tmp_path / "deadlines.ics"
    result = CliRunner().invoke(cli, ["--db", seeded_url, "export", "ics", "-o", str(target)])

    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"wrote 7 events to {target}" in result.stderr
    assert len(_summaries(target.read_bytes())) == 7
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_export_ics_filters_by_status_and_actor(seeded_url):
    runner = CliRunner()
    cancelled = runner.invoke(cli, ["--db", seeded_url, "export", "ics", "--status", "cancelled"])
    mexico = runner.invoke(cli, ["--db", seeded_url, "export", "ics", "--actor", "Mexiko"])

    assert _summaries(cancelled.stdout_bytes) == ["Gipfel zu seltenen Erden in Ottawa"]
    assert _summaries(mexico.stdout_bytes) == [SEED_DESCRIPTIONS["mexico"]]


def test_export_ics_rejects_an_unknown_status(seeded_url):
    result = CliRunner().invoke(cli, ["--db", seeded_url, "export", "ics", "--status", "done"])
    assert result.exit_code == 2
    assert "done" in result.stderr


def test_export_ics_reports_an_unwritable_file(seeded_url, tmp_path):
    target = tmp_path / "missing" / "x.ics"
    result = CliRunner().invoke(cli, ["--db", seeded_url, "export", "ics", "-o", str(target)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: cannot write {target}")


def test_serve_refuses_to_start_without_a_token(seeded_url):
    result = CliRunner().invoke(cli, ["--db", seeded_url, "serve", "--port", "0"])
    assert result.exit_code == 3
    assert "TRACKER_FEED_TOKEN" in result.stderr
    assert "--no-token" in result.stderr


@pytest.mark.parametrize("command", [["export", "ics"], ["serve"]])
def test_calendar_commands_have_help_with_an_example(command):
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert f"tracker {command[0]}" in result.output


def test_cli_calendar_module_does_not_import_icalendar():
    code = "import sys, tracker.cli.calendar; print('icalendar' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


@pytest.mark.slow
def test_serve_answers_then_stops_cleanly_on_ctrl_c(seeded_url):
    env = {**os.environ, "TRACKER_FEED_TOKEN": TOKEN}
    command = [sys.executable, "-m", "tracker", "--db", seeded_url, "serve", "--port", "0"]
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stderr is not None
        banner = process.stderr.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", banner)
        assert url, banner
        assert TOKEN not in banner
        feed = httpx.get(url.group(0) + "calendar.ics", params={"token": TOKEN}, timeout=30)
        denied = httpx.get(url.group(0) + "calendar.ics", timeout=30)
        process.send_signal(signal.SIGINT)
        _, rest = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

    assert feed.status_code == 200
    assert len(_summaries(feed.content)) == 7
    assert denied.status_code == 401
    assert process.returncode == 0
    assert "stopped" in rest
    assert 'GET /calendar.ics?token=*** HTTP/1.1" 200' in rest  # request log, token redacted
    assert "Traceback" not in rest
    assert TOKEN not in rest


def test_serve_reports_a_port_in_use(seeded_url):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        result = CliRunner(env={"TRACKER_FEED_TOKEN": TOKEN}).invoke(
            cli, ["--db", seeded_url, "serve", "--port", port]
        )
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: cannot listen on 127.0.0.1:{port}")
