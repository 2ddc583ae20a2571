"""`tracker channel ...` and `tracker remind ...` through click's CliRunner."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner, Result
from standardwebhooks.webhooks import Webhook

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
        ["channel", "enable"],
        ["channel", "disable"],
        ["channel", "remove"],
    ],
)
def test_cli_every_command_has_help_with_example(args):
    result = CliRunner().invoke(cli, [*args, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


def test_cli_remind_once_now_decides_what_is_due_but_signs_the_real_time(run, due_soon, httpserver):
    """A receiver verifying with the standardwebhooks package (5 minutes of tolerance) at the
    real time accepts a reminder sent by `remind once --now` ten days ahead."""
    httpserver.expect_request("/hook").respond_with_data("ok")
    run("channel", "add", "webhook", httpserver.url_for("/hook"), "--secret", SECRET)
    at = (_fire_7d(run) + timedelta(minutes=1)).isoformat()
    before = datetime.now(UTC).replace(microsecond=0)
    data = json_data(run("remind", "once", "--now", at, "--json").stdout, "remind once")
    after = datetime.now(UTC)
    [sent] = data["sent"]
    assert (sent["type"], sent["kind"], sent["state"]) == ("deadline.reminder", "lead", "sent")
    assert (data["failed"], data["skipped"]) == ([], [])
    [(request, _)] = httpserver.log
    payload = Webhook(SECRET).verify(request.get_data(), dict(request.headers))
    assert payload["data"]["reminder"]["fire_at"] == _fire_7d(run).isoformat()
    assert before <= parsedate_to_datetime(request.headers["date"]) <= after
    assert before.timestamp() <= int(request.headers["webhook-timestamp"]) <= after.timestamp()


def test_cli_replayed_dead_reminder_is_sent_after_a_later_one(run, due_soon, httpserver):
    httpserver.expect_ordered_request("/hook").respond_with_data("no", status=400)
    httpserver.expect_request("/hook").respond_with_data("ok")
    run("channel", "add", "webhook", httpserver.url_for("/hook"))
    week = _fire_7d(run)
    run("remind", "once", "--now", (week + timedelta(minutes=1)).isoformat(), code=7)
    overdue = (week + timedelta(days=8, hours=1)).isoformat()
    assert "skipped 2 older reminders" in run("remind", "once", "--now", overdue).stdout
    [dead] = json_data(run("remind", "list", "--state", "dead", "--json").stdout)["reminders"]
    run("remind", "replay", str(dead["id"]))
    sent = run("remind", "once", "--now", overdue).stdout  # a later one went out meanwhile
    assert f"sent #{dead['id']} lead item" in sent
    ids = [req.headers["webhook-id"] for req, _ in httpserver.log]
    assert ids.count(dead["idempotency_key"]) == 2  # the refused attempt and the replay
    assert len(ids) == 3


def test_cli_failed_delivery_is_reported_once(run, due_soon, httpserver):
    httpserver.expect_request("/hook").respond_with_data("boom", status=500)
    run("channel", "add", "webhook", httpserver.url_for("/hook"))
    at = (_fire_7d(run) + timedelta(minutes=1)).isoformat()
    err = run("remind", "once", "--now", at, code=7).stderr
    assert err.count("HTTP 500") == 1, err
    assert err.startswith("failed #")


def test_cli_channel_gone_then_enabled_again(run, due_soon, httpserver):
    httpserver.expect_ordered_request("/hook").respond_with_data("gone", status=410)
    httpserver.expect_request("/hook").respond_with_data("ok")
    out = json_data(
        run("channel", "add", "webhook", httpserver.url_for("/hook"), "--json").stdout,
        "channel add",
    )
    assert out["channel"]["id"] == 1
    assert out["generated_secret"].startswith("whsec_")
    week = _fire_7d(run)
    run("remind", "once", "--now", (week + timedelta(minutes=1)).isoformat(), code=7)
    [channel] = json_data(run("channel", "list", "--json").stdout)["channels"]
    assert channel["is_active"] is False
    assert "410" in channel["disabled_reason"]
    [dead] = json_data(run("remind", "list", "--state", "dead", "--json").stdout)["reminders"]
    err = run("remind", "replay", str(dead["id"]), code=2).stderr
    assert "tracker channel enable 1" in err
    assert "enabled channel 1" in run("channel", "enable", "1").stdout
    run("channel", "enable", "1", code=2)
    rows = json_data(run("remind", "list", "--json").stdout)["reminders"]
    assert sorted(r["state"] for r in rows) == ["dead", "pending", "pending", "pending"]
    assert "disabled channel 1" in run("channel", "disable", "1").stdout
    rows = json_data(run("remind", "list", "--state", "pending", "--json").stdout)["reminders"]
    assert rows == []
    run("channel", "enable", "1")
    at = (week + timedelta(days=6, hours=1)).isoformat()  # the 1-day reminder
    assert "sent #" in run("remind", "once", "--now", at).stdout


def test_cli_channel_add_events_and_digest_options(run):
    out = run(
        "channel", "add", "email", "desk@example.org", "--events", "due,new",
        "--digest", "weekly", "--weekday", "fri", "--at", "07:30",
    ).stdout  # fmt: skip
    assert "(due,new, weekly digest on fri at 07:30)" in out
    [row] = json_data(run("channel", "list", "--json").stdout)["channels"]
    assert (row["events"], row["digest"], row["digest_time"], row["digest_weekday"]) == (
        ["due", "new"],
        "weekly",
        "07:30",
        4,
    )
    err = run("channel", "add", "email", "b@example.org", "--at", "08:00", code=2).stderr
    assert "--at and --weekday need --digest" in err
    run("channel", "add", "email", "c@example.org", "--digest", "daily", "--at", "25:00", code=2)
    run("channel", "add", "email", "d@example.org", "--events", "later", code=2)


def test_cli_channel_and_remind_lists_are_plain_text_when_piped(run, due_soon):
    run("channel", "add", "email", "ops@example.org")
    channels = run("channel", "list").stdout.splitlines()
    assert channels[0].split() == ["ID", "Kind", "Target", "Sends", "Filter", "Active"]
    assert channels[1].split()[:3] == ["1", "email", "ops@example.org"]
    reminders = run("remind", "list").stdout
    assert reminders.splitlines()[0].split()[:3] == ["ID", "Fire", "at"]
    assert not any(mark in channels[0] + reminders for mark in "┏┃│━")
    run("channel", "remove", "1")
    assert run("channel", "list").stdout.startswith("no channels")
    assert run("remind", "list").stdout.startswith("no reminders")
