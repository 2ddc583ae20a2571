"""Which entries one fetch reads: repeats, reorders, backfill and the per-fetch cap."""

from __future__ import annotations

from datetime import date, timedelta

from tracker.sources.entries import WatchEntry, entry_key, normalize_url, plan_entries


def entry(n: int, *, edited: bool = False) -> WatchEntry:
    url = f"https://press.example.org/{n}"
    return WatchEntry(
        key=entry_key(url),
        url=url,
        fingerprint=f"{n}-{'edited' if edited else 'first'}",
        published=date(2026, 1, 1) + timedelta(days=n),
    )


def test_plan_first_fetch_reads_only_the_newest_backfill():
    entries = [entry(n) for n in range(500)]
    plan = plan_entries(entries, {}, is_first_fetch=True, backfill=20, max_todo=50)
    assert [e.url for e in plan.todo] == [entry(n).url for n in range(499, 479, -1)]
    assert len(plan.skipped) == 480
    assert plan.repeated == 0
    assert plan.deferred == 0


def test_plan_repeated_and_reordered_entries_change_nothing():
    entries = [entry(n) for n in range(5)]
    seen = {e.key: e.fingerprint for e in entries}
    plan = plan_entries(
        entries[::-1] + entries[:2], seen, is_first_fetch=False, backfill=20, max_todo=50
    )
    assert plan.todo == []
    assert plan.skipped == []
    assert plan.repeated == 5


def test_plan_edited_entry_is_read_again():
    entries = [entry(n) for n in range(3)]
    seen = {e.key: e.fingerprint for e in entries}
    plan = plan_entries(
        [entries[0], entry(1, edited=True), entries[2]],
        seen,
        is_first_fetch=False,
        backfill=20,
        max_todo=50,
    )
    assert [e.fingerprint for e in plan.todo] == ["1-edited"]


def test_plan_caps_one_fetch_and_defers_the_rest():
    plan = plan_entries(
        [entry(n) for n in range(8)], {}, is_first_fetch=False, backfill=20, max_todo=3
    )
    assert len(plan.todo) == 3
    assert plan.deferred == 5
    assert plan.todo[0].url == entry(7).url  # newest first


def test_plan_backfill_zero_only_records():
    plan = plan_entries(
        [entry(n) for n in range(4)], {}, is_first_fetch=True, backfill=0, max_todo=50
    )
    assert plan.todo == []
    assert len(plan.skipped) == 4


def test_normalize_url():
    assert normalize_url("HTTPS://Press.Example.org:443/a?b=1&utm_medium=x#frag") == (
        "https://press.example.org/a?b=1"
    )
    assert normalize_url("http://press.example.org:8080") == "http://press.example.org:8080/"
