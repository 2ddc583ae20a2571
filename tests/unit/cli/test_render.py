"""Plain and tab-separated listings: headers, alignment, whole values."""

from __future__ import annotations

from datetime import date

from tests.unit.export.factories import item_factory, source_factory
from tracker.cli.render import (
    ITEM_HEADERS,
    item_cells,
    plain_table,
    shorten,
    sources_label,
    timeline_rows,
    tsv_item_cells,
    tsv_table,
)
from tracker.models import EventView


def test_plain_table_aligns_columns_and_keeps_the_last_whole():
    text = plain_table(["ID", "Name", "What"], [["1", "a", "x " * 60], ["22", "bbb", "y"]])
    lines = text.splitlines()
    assert lines[0] == "ID  Name  What"
    assert lines[1] == "1   a     " + " ".join(["x"] * 60)
    assert lines[2] == "22  bbb   y"


def test_plain_table_shortens_actors_and_sources_only():
    actors = ", ".join(f"Actor {n}" for n in range(20))
    text = plain_table(["Actors", "Commitment"], [[actors, "z" * 200]])
    row = text.splitlines()[1]
    assert row.endswith("z" * 200)
    assert "…" in row.split("  ")[0]
    assert len(row.split("  ")[0]) <= 30


def test_tsv_table_flattens_tabs_and_line_breaks():
    text = tsv_table(["A", "B"], [["one\ttwo", "three\nfour"]])
    assert text == "A\tB\none two\tthree four\n"


def test_item_rows_show_status_words_and_labels():
    today = date(2026, 3, 10)
    item = item_factory(sources=[source_factory(), source_factory(document=2)])
    cells = item_cells(item, today, when=True)
    assert cells[:4] == ["7", "2026-03-07", "3d ago", "overdue"]
    assert cells[5] == "rohstoff-welt.de 2026-02-05 +1"
    assert tsv_item_cells(item, today)[:4] == ["7", "2026-03-07", "day", "overdue"]
    assert len(item_cells(item, today)) == len(ITEM_HEADERS)
    undated = item_factory(due=None, due_precision=None)
    assert item_cells(undated, today)[1:3] == ["undated", "open"]


def test_source_label_of_a_file_is_its_name():
    item = item_factory(sources=[source_factory(url=None, title=None, source="../texts/a.txt")])
    assert sources_label(item) == "a.txt 2026-02-05"
    named = item_factory(sources=[source_factory(url=None, source="dpa")])
    assert sources_label(named) == "dpa 2026-02-05"
    assert sources_label(item_factory(sources=[])) == ""


def test_shorten_cuts_at_a_word():
    assert shorten("one two three", 9) == "one two…"
    assert shorten("  spaced   out  ", 20) == "spaced out"
    assert shorten("x" * 12, 5) == "xxxx…"


def test_timeline_rows_put_events_first_on_their_day():
    event = EventView(id=1, date=date(2026, 3, 7), date_precision="month", description="Summit")
    rows = timeline_rows([event], [item_factory()], date(2026, 3, 1))
    assert [cells for _, cells in rows] == [
        ["2026-03", "event", "Summit"],
        ["2026-03-07", "open", "#7 Absichtserklärung zu kritischen Mineralien"],
    ]
