"""`tracker channel ...` and `tracker remind ...` through click's CliRunner."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner, Result

from tests.envelope import json_data
from tests.integration.remind.factories import make_item
from tracker.cli import cli
from tracker.store.session import create_db_engine, transaction

ENV = {"TRACKER_TIMEZONE": "Europe/Berlin", "TRACKER_ALLOW_PRIVATE_ADDRESSES": "true"}


@pytest.fixture
def run(db_url: str) -> Callable[..., Result]:
    runner = CliRunner()

    def invoke(*args: str, code: int = 0) -> Result:
        result = runner.invoke(cli, ["--db", db_url, *args], env=ENV, catch_exceptions=False)
        assert result.exit_code == code, result.output + result.stderr
        return result

    return invoke


@pytest.fixture
def due_soon(db_url):
    """One open item due in ten days (the CLI plans against the real clock)."""
    due_on = (datetime.now(UTC) + timedelta(days=10)).date()
    engine = create_db_engine(db_url)
    try:
        with transaction(engine) as session:
            make_item(session, due_on=due_on)
    finally:
        engine.dispose()
    return due_on


def _fire_7d(run: Callable[..., Result]) -> datetime:
    rows = json_data(run("remind", "list", "--json").stdout, "remind list")["reminders"]
    lead = next(r for r in rows if r["kind"] == "lead" and r["days_before"] == 7)
    return datetime.fromisoformat(lead["fire_at"])


def test_cli_channel_add_list_remove(run, due_soon):
    out = run(
        "channel", "add", "webhook", "https://hooks.example.org/t", "--actor", "European Commission"
    ).stdout
    assert "channel 1: webhook https://hooks.example.org/t" in out
    secret = out.split("signing secret (shown only now): ")[1].strip()
    assert secret.startswith("whsec_")
    listed = run("channel", "list", "--json").stdout
    assert secret not in listed
    [channel] = json_data(listed, "channel list")["channels"]
    assert channel["has_secret"] is True
    assert channel["filter_actor"] == "european commission"
    assert len(json_data(run("remind", "list", "--json").stdout)["reminders"]) == 4
    assert "webhook" in run("channel", "list").stdout
    run("channel", "add", "webhook", "https://hooks.example.org/t", code=5)
    err = run("channel", "add", "email", "not an address", code=2).stderr
    assert err.startswith("error: invalid email address")
    run("channel", "remove", "1")
    assert json_data(run("remind", "list", "--json").stdout)["reminders"] == []
    run("channel", "remove", "1", code=4)


def test_cli_remind_once_sends_and_replays(run, due_soon, httpserver):
    httpserver.expect_ordered_request("/hook").respond_with_data("no", status=400)
    httpserver.expect_ordered_request("/hook").respond_with_data("ok")
    run("channel", "add", "webhook", httpserver.url_for("/hook"))
    fire_at = _fire_7d(run)
    at = (fire_at + timedelta(minutes=1)).isoformat()
    result = run("remind", "once", "--now", at, code=7)
    assert "dead #" in result.stderr
    assert "HTTP 400" in result.stderr
    assert result.stderr.strip().endswith("error: 1 of 1 reminders failed")
    [dead] = json_data(run("remind", "list", "--state", "dead", "--json").stdout)["reminders"]
    assert "queued again" in run("remind", "replay", str(dead["id"])).stdout
    run("remind", "replay", str(dead["id"]), code=2)  # now pending, not dead
    sent = run("remind", "once", "--now", at).stdout
    assert f"sent #{dead['id']} lead item" in sent
    assert dead["idempotency_key"] in sent
    assert run("remind", "once", "--now", at).stdout.strip() == "nothing due"
    ids = {req.headers["webhook-id"] for req, _ in httpserver.log}
    assert ids == {dead["idempotency_key"]}
    assert "sent" in run("remind", "list", "--state", "sent").stdout


def test_cli_remind_once_naive_now_is_local_time(run, due_soon, httpserver):
    httpserver.expect_request("/hook").respond_with_data("ok")
    run("channel", "add", "webhook", httpserver.url_for("/hook"))
    wall = _fire_7d(run).astimezone(ZoneInfo("Europe/Berlin")).replace(tzinfo=None)
    # Read as UTC, one minute before 09:00 Berlin would already be past the fire time.
    early = (wall - timedelta(minutes=1)).isoformat()
    assert run("remind", "once", "--now", early).stdout.strip() == "nothing due"
    assert "sent #" in run("remind", "once", "--now", wall.isoformat()).stdout


@pytest.mark.parametrize(
    "args",
    [
        ["remind"],
        ["remind", "once"],
        ["remind", "run"],
        ["remind", "list"],
        ["remind", "replay"],
        ["channel"],
        ["channel", "add"],
        ["channel", "add", "email"],
        ["channel", "add", "webhook"],
        ["channel", "list"],
        ["channel", "remove"],
    ],
)
def test_cli_every_command_has_help_with_example(args):
    result = CliRunner().invoke(cli, [*args, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
