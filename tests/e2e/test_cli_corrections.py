# ruff: noqa: E501 (test texts read best one per line)
"""Correcting items by hand through the CLI: merge, split, edit, and extend's guards."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tests.envelope import json_data
from tracker.cli import cli

TEXTS = {
    "a.txt": "date 2026-02-02\nThe Ministry of Energy will present its report on heat pumps within 30 days.\n",
    "b.txt": "date 2026-02-03\nDie Bundesregierung legt innerhalb von 30 Tagen einen Bericht über Wärmepumpen vor.\n",
    "c.txt": "date 2026-02-04\nThe Ministry of Energy will present its report on heat pumps within 30 days, it said.\n",
}  # fmt: skip


@pytest.fixture
def tracker(db_url, tmp_path):
    runner = CliRunner()
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")

    def run(*args):
        return runner.invoke(cli, ["--db", db_url, *args], catch_exceptions=False)

    result = run("ingest", *(str(tmp_path / name) for name in TEXTS))
    assert result.exit_code == 0, result.output
    return run


def _item(tracker, item_id):
    result = tracker("show", str(item_id), "--json")
    assert result.exit_code == 0, result.output
    return json_data(result.stdout, "show")["item"]


def _ids(tracker):
    result = tracker("list", "--json")
    return [i["id"] for i in json_data(result.stdout, "list")["items"]]


def test_merge_folds_one_item_into_another_with_its_sources(tracker):
    first, second = _ids(tracker)  # a.txt and c.txt merged; b.txt apart (another actor)
    result = tracker("merge", str(first), str(second), "--note", "the same report", "--json")
    assert result.exit_code == 0, result.output
    item = json_data(result.stdout, "merge")["item"]
    assert len(item["sources"]) == 3
    assert item["history"][-1]["note"].startswith(f"merged #{second} (")
    assert item["history"][-1]["note"].endswith(": the same report")
    assert _ids(tracker) == [first]
    assert tracker("show", str(second)).exit_code == 4


def test_split_moves_one_source_to_an_item_of_its_own(tracker):
    first, _ = _ids(tracker)
    assert len(_item(tracker, first)["sources"]) == 2
    result = tracker("split", str(first), "--source", "2", "--json")
    assert result.exit_code == 0, result.output
    new = json_data(result.stdout, "split")["item"]
    assert [s["source"].rsplit("/", 1)[-1] for s in new["sources"]] == ["c.txt"]
    assert new["due"] == _item(tracker, first)["due"]
    assert new["history"][0]["note"] == f"split from #{first}"
    assert _item(tracker, first)["history"][-1]["note"] == f"split source 2 off into #{new['id']}"
    again = tracker("split", str(first), "--source", "1")
    assert again.exit_code == 2
    assert "has one source only" in again.stderr


def test_edit_changes_description_and_actors_in_the_history(tracker):
    first, _ = _ids(tracker)
    result = tracker(
        "edit", str(first), "--description", "Energy ministry: heat pump report",
        "--actor", "Ministry of Energy", "--json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    item = json_data(result.stdout, "edit")["item"]
    assert (item["description"], item["actors"]) == (
        "Energy ministry: heat pump report", ["Ministry of Energy"]
    )  # fmt: skip
    assert "actors: - -> Ministry of Energy" in item["history"][-1]["note"]
    assert tracker("edit", str(first)).exit_code == 2


def test_extend_refuses_an_earlier_date_and_a_closed_item_unless_told(tracker):
    first, _ = _ids(tracker)  # due 2026-03-04
    earlier = tracker("extend", str(first), "--due", "2026-03-01")
    assert earlier.exit_code == 2
    assert "add --advance" in earlier.stderr
    assert tracker("extend", str(first), "--due", "2026-03-01", "--advance").exit_code == 0
    assert tracker("status", str(first), "met").exit_code == 0
    closed = tracker("extend", str(first), "--due", "2026-04-01")
    assert closed.exit_code == 2
    assert "is met: add --reopen" in closed.stderr
    assert tracker("extend", str(first), "--due", "2026-04-01", "--reopen").exit_code == 0
    assert _item(tracker, first)["status"] == "extended"
