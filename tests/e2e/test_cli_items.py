"""The item commands through the CLI: ingest, list, upcoming, show, timeline, status, extend."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tests.conftest import SEEDS
from tests.envelope import json_data
from tracker.cli import cli


@pytest.fixture
def tracker(db_url):
    runner = CliRunner()

    def run(*args, input=None):
        return runner.invoke(cli, ["--db", db_url, *args], input=input, catch_exceptions=False)

    return run


@pytest.fixture
def ingested(tracker):
    result = tracker("ingest", str(SEEDS))
    assert result.exit_code == 0, result.output
    return result


def _items(tracker, *args):
    result = tracker("list", "--json", *args)
    assert result.exit_code == 0, result.output
    return json_data(result.stdout, "list")["items"]


def test_ingest_prints_a_summary(ingested):
    assert "documents: 2 new, 0 unchanged, 0 failed" in ingested.stdout


def test_list_json_contract(tracker, ingested):
    items = _items(tracker)
    dated = [i for i in items if i["due"]]
    assert [i["due"] for i in dated] == ["2026-03-07", "2026-04-06"]
    assert items[-1]["due"] is None  # undated last
    first = dated[0]
    assert set(first) >= {
        "id",
        "description",
        "due",
        "due_precision",
        "status",
        "actors",
        "anchor",
        "confidence",
        "sources",
        "history",
    }
    source = first["sources"][0]
    assert set(source) >= {"document", "title", "url", "published", "trigger", "quote"}
    assert source["published"] == "2026-02-05"
    assert source["url"].startswith("https://www.rohstoff-welt.de/")
    assert first["history"][0]["to_status"] == "open"


def test_list_actor_filter_accepts_aliases(tracker, ingested):
    english = _items(tracker, "--actor", "Mexico")
    german = _items(tracker, "--actor", "Mexiko")
    assert english == german
    assert any(i["due"] == "2026-04-06" for i in english)


def test_upcoming_shows_due_and_overdue(tracker, ingested):
    result = tracker("upcoming", "--as-of", "2026-03-10", "--days", "30", "--json")
    data = json_data(result.stdout, "upcoming")
    assert [i["due"] for i in data["overdue"]] == ["2026-03-07"]
    assert [i["due"] for i in data["upcoming"]] == ["2026-04-06"]
    table = tracker("upcoming", "--as-of", "2026-03-10", "--days", "30")
    assert "Overdue" in table.stdout
    assert "3d ago" in table.stdout


def test_status_and_extend_keep_history(tracker, ingested):
    plan = next(i for i in _items(tracker) if i["due"] == "2026-04-06")
    result = tracker("extend", str(plan["id"]), "--due", "2026-05-06", "--note", "more time")
    assert result.exit_code == 0, result.output
    result = tracker("status", str(plan["id"]), "met", "--note", "done")
    assert result.exit_code == 0, result.output
    shown = json_data(tracker("show", str(plan["id"]), "--json").stdout, "show")["item"]
    assert shown["status"] == "met"
    assert shown["due"] == "2026-05-06"
    steps = [
        (h["from_status"], h["to_status"], h["due_before"], h["due_after"])
        for h in shown["history"]
    ]
    assert steps[1:] == [
        ("open", "extended", "2026-04-06", "2026-05-06"),
        ("extended", "met", "2026-05-06", "2026-05-06"),
    ]
    text = tracker("show", str(plan["id"])).stdout
    assert "2026-04-06 → 2026-05-06" in text


def test_timeline_has_events_and_deadlines(tracker, ingested):
    data = json_data(tracker("timeline", "--json").stdout, "timeline")
    assert {"2026-02-02", "2026-02-04"} <= {e["date"] for e in data["events"]}
    # Both seeds speak of the meeting and the reserve; the second only without a date.
    for event in data["events"]:
        assert len({s["document"] for s in event["sources"]}) == 2, event
    assert {"2026-03-07", "2026-04-06"} <= {i["due"] for i in data["items"]}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "999"], "error: no item with id 999"),
        (["status", "999", "met"], "error: no item with id 999"),
        (["list", "--to", "next week"], "'next week' is not a date (YYYY-MM-DD, today,"),
        (["list", "--status", "late"], "'late' is not one of 'open', 'overdue', 'extended'"),
    ],
)
def test_user_mistakes_are_one_line(tracker, args, message):
    result = tracker(*args)
    assert result.exit_code != 0
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_ingest_failure_exit_status_is_one(tracker, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    result = tracker("ingest", str(SEEDS), str(bad))
    assert result.exit_code == 1
    assert f"error: {bad}: binary file" in result.stderr
    assert "documents: 2 new, 0 unchanged, 1 failed" in result.stdout
