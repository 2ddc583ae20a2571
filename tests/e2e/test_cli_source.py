"""`tracker source ...` and `tracker run` through the CLI, against a site on loopback."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import select, update

from tests.envelope import json_data
from tests.integration.remind.workers import wait_for
from tests.integration.watch.site import TEXTS, Site, rss
from tracker.cli import cli
from tracker.store import tables as t
from tracker.store.session import create_db_engine, transaction

ENV = {
    "TRACKER_TIMEZONE": "Europe/Berlin",
    "TRACKER_ALLOW_PRIVATE_ADDRESSES": "true",
    "TRACKER_CONTACT": "ops@example.org",
}


@pytest.fixture
def run(sqlite_url: str) -> Callable[..., Result]:
    runner = CliRunner()

    def invoke(*args: str, code: int = 0, env: dict[str, str] | None = None) -> Result:
        result = runner.invoke(cli, ["--db", sqlite_url, *args], env=env or ENV)
        assert result.exit_code == code, result.output + result.stderr
        return result

    return invoke


@pytest.fixture
def site(httpserver) -> Site:
    served = Site()
    httpserver.expect_request(re.compile(".*")).respond_with_handler(served.handle)
    title, text = TEXTS["de_bericht"]
    item = {"title": title, "link": "https://p.example.org/a", "date": "2026-02-05", "text": text}
    served.put("/rss.xml", rss("Pressestelle", [item]), "application/rss+xml")
    return served


def test_cli_source_add_list_pause_resume_fetch_remove(run, site, httpserver):
    url = httpserver.url_for("/rss.xml")
    out = run("source", "add", url, "--every", "2h", "--lang", "de", "--backfill", "5").stdout
    assert out.splitlines()[0] == f"source 1: {url} every 2h"
    assert "TRACKER_CONTACT" not in out
    assert "source 1 (Pressestelle): feed, 1 new, 0 seen before" in out
    assert "new Ministerium kündigt Bericht an <https://p.example.org/a>" in out
    [row] = json_data(run("source", "list", "--json").stdout, "source list")["sources"]
    assert (row["name"], row["kind"], row["state"], row["documents"]) == (
        "Pressestelle",
        "feed",
        "ok",
        1,
    )
    assert (row["interval_seconds"], row["lang"], row["backfill"]) == (7200, "de", 5)
    assert row["last_fetch_at"] is not None
    assert row["next_fetch_at"] > row["last_fetch_at"]
    assert "Pressestelle" in run("source", "list").stdout
    assert run("source", "pause", "1").stdout.strip() == f"source 1 paused: {url}"
    assert json_data(run("source", "list", "--json").stdout)["sources"][0]["state"] == "paused"
    assert run("source", "fetch").stdout.strip() == "no active sources"
    run("source", "resume", "1")
    fetched = json_data(run("source", "fetch", "1", "--json").stdout, "source fetch")
    assert fetched["sources"][0]["state"] == "not modified"
    assert "removed source 1" in run("source", "remove", "1").stdout
    assert run("source", "list").stdout.startswith("no sources")
    assert "ingest" not in run("list", "--json").stdout  # the items it brought in stay
    assert json_data(run("list", "--json").stdout)["items"]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["file:///etc/passwd"],
            2,
            "error: refused URL 'file:///etc/passwd': file:// is not allowed",
        ),
        (
            ["http://127.0.0.1:9/rss"],
            2,
            "is a loopback address; set TRACKER_ALLOW_PRIVATE_ADDRESSES=true",
        ),
        (["https://feeds.example.org/rss", "--every", "10s"], 2, "more often than once a minute"),
        (["https://feeds.example.org/rss", "--every", "soon"], 2, "bad duration 'soon'"),
    ],
)
def test_cli_source_add_refuses(run, args, code, message):
    strict = {"TRACKER_TIMEZONE": "Europe/Berlin"}
    result = run("source", "add", *args, "--no-fetch", code=code, env=strict)
    assert result.stderr.strip().startswith("error:")
    assert len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr


def test_cli_source_errors(run, site, httpserver):
    site.put("/broken.xml", "down", "text/plain", status=500)
    url = httpserver.url_for("/broken.xml")
    result = run("source", "add", url, code=1)
    assert "source 1 (" in result.stdout
    assert "failed: HTTP 500" in result.stdout
    assert result.stderr.strip() == "error: 1 of 1 sources failed"
    assert "source 1 failing since" in run("source", "list").stdout
    run("source", "add", url, "--no-fetch", code=5)
    run("source", "pause", "9", code=4)
    run("source", "fetch", "9", code=4)


def test_cli_run_fetches_due_sources_and_stops_on_sigterm(sqlite_url, site, httpserver):
    base = [sys.executable, "-m", "tracker", "--db", sqlite_url]
    env = {**ENV, "PATH": "/usr/bin:/bin"}
    url = httpserver.url_for("/rss.xml")
    subprocess.run(
        [*base, "source", "add", url, "--no-fetch"], env=env, check=True, capture_output=True
    )
    engine = create_db_engine(sqlite_url)
    for command in (["run"], ["remind", "run"]):  # the worker, and its old name
        before, started = site.requests("/rss.xml"), datetime.now(UTC)
        worker = subprocess.Popen(
            [*base, *command, "--fetch-interval", "0.2", "--interval", "0.2"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert wait_for(lambda: site.requests("/rss.xml") > before, timeout=30)  # noqa: B023
            assert wait_for(lambda: _fetched_since(engine, started), timeout=30)  # noqa: B023
        finally:
            worker.send_signal(signal.SIGTERM)
            out, err = worker.communicate(timeout=30)
        assert worker.returncode == 0, err
        assert "stopped; released 0 claimed reminders and 0 sources" in out
        assert "skipped: maximum number of running instances" not in err
        assert re.search(r"source 1 (ok|not modified): ", err)  # the worker logs each fetch
        with transaction(engine) as session:  # due again, for the next worker
            session.execute(update(t.Source).values(next_fetch_at=datetime.now(UTC)))
    engine.dispose()
    listed = subprocess.run(
        [*base, "source", "list", "--json"], env=env, check=True, capture_output=True, text=True
    )
    assert json_data(listed.stdout)["sources"][0]["documents"] == 1


@pytest.mark.parametrize(
    "args",
    [
        ["source"],
        ["source", "add"],
        ["source", "list"],
        ["source", "pause"],
        ["source", "resume"],
        ["source", "remove"],
        ["source", "fetch"],
        ["run"],
    ],
)
def test_cli_source_commands_have_help_with_example(args):
    result = CliRunner().invoke(cli, [*args, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def _fetched_since(engine, since: datetime) -> bool:
    with transaction(engine) as session:
        source = session.scalars(select(t.Source)).one()
        fetched = source.last_fetch_at
        return fetched is not None and fetched >= since and source.lease_until is None
