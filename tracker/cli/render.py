"""What a listing row says, and the plain and tab-separated forms of listings (no rich here).

The terminal tables (`tracker.cli.tables`, rich) show the same cells; rich is imported only
where it renders, so piped output and scripts start fast.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from tracker.export.labels import source_label
from tracker.models import EventView, ItemView, status_word

if TYPE_CHECKING:
    from rich.console import Console

ITEM_HEADERS = ("ID", "Due", "Status", "Actors", "Source", "Commitment")
WHEN_HEADER = "When"
TSV_HEADERS = ("ID", "Due", "Precision", "Status", "Actors", "Source", "Commitment")
TIMELINE_HEADERS = ("Date", "Kind", "What")


def due_label(item: ItemView) -> str:
    """The due date, with its precision when it is coarser than a day."""
    if item.due is None:
        return "undated"
    label = item.due.isoformat()
    if item.due_precision and item.due_precision != "day":
        label += f" ({item.due_precision})"
    return label


def when_label(item: ItemView, today: date) -> str:
    """Days left (`in 5d`, `today`) or past (`3d ago`) relative to `today`."""
    if item.due is None:
        return ""
    days = (item.due - today).days
    if days == 0:
        return "today"
    return f"in {days}d" if days > 0 else f"{-days}d ago"


def sources_label(item: ItemView) -> str:
    """Name the first source (its site, else its file's name) and its date, count the others."""
    if not item.sources:
        return ""
    first = item.sources[0]
    more = len({s.document for s in item.sources}) - 1
    return f"{source_label(first.source, first.url)} {first.published.isoformat()}" + (
        f" +{more}" if more > 0 else ""
    )


def item_cells(item: ItemView, today: date, *, when: bool = False) -> list[str]:
    """The cells of one item row, in ITEM_HEADERS order (with `When` after `Due`)."""
    cells = [str(item.id), due_label(item), status_word(item, today)]
    if when:
        cells.insert(2, when_label(item, today))
    return [*cells, ", ".join(item.actors), sources_label(item), item.description]


def item_headers(*, when: bool = False) -> list[str]:
    headers = list(ITEM_HEADERS)
    if when:
        headers.insert(2, WHEN_HEADER)
    return headers


def shorten(text: str, width: int) -> str:
    """Cut `text` at a word boundary to at most `width` characters, marking the cut."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0] if " " in text[: width - 1] else text[: width - 1]
    return cut + "…"


def timeline_rows(
    events: Sequence[EventView], items: Sequence[ItemView], today: date
) -> list[tuple[date, list[str]]]:
    """Events and dated items in one chronology (events first on a day): (day, cells)."""
    rows: list[tuple[date, int, int, list[str]]] = []
    for ev in events:
        when = ev.date.isoformat()[:7] if ev.date_precision == "month" else ev.date.isoformat()
        what = ev.description + _sources_suffix(len({s.document for s in ev.sources}))
        rows.append((ev.date, 0, ev.id, [when, "event", what]))
    for it in items:
        assert it.due is not None
        count = len({s.document for s in it.sources})
        what = f"#{it.id} {it.description}" + _sources_suffix(count)
        rows.append((it.due, 1, it.id, [it.due.isoformat(), status_word(it, today), what]))
    return [(day, cells) for day, _, _, cells in sorted(rows, key=lambda r: r[:3])]


def _sources_suffix(count: int) -> str:
    return f" ({count} sources)" if count > 1 else ""


# --- plain and TSV writers --------------------------------------------------------------------

PLAIN_WIDTHS = {"Actors": 30, "Source": 34}


def plain_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Aligned columns separated by two spaces; the last column is neither padded nor cut."""
    body = [
        [_plain_cell(c, PLAIN_WIDTHS.get(h)) for c, h in zip(r, headers, strict=True)] for r in rows
    ]
    lines = [list(headers), *body]
    widths = [max(len(line[i]) for line in lines) for i in range(len(headers) - 1)]
    return "".join(
        "  ".join([*(c.ljust(w) for c, w in zip(line, widths, strict=False)), line[-1]]).rstrip()
        + "\n"
        for line in lines
    )


def _plain_cell(value: str, width: int | None) -> str:
    return shorten(value, width) if width else " ".join(value.split())


def tsv_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Tab-separated values with a header line; tabs and line breaks in values become spaces."""
    lines = [headers, *rows]
    return "".join("\t".join(_tsv_cell(c) for c in line) + "\n" for line in lines)


def _tsv_cell(value: str) -> str:
    return " ".join(value.replace("\t", " ").splitlines()) if value else ""


def tsv_item_cells(item: ItemView, today: date) -> list[str]:
    """One item's row in TSV_HEADERS order: raw values, nothing shortened."""
    due = item.due.isoformat() if item.due else ""
    actors = ", ".join(item.actors)
    cells = [str(item.id), due, item.due_precision or "", status_word(item, today)]
    return [*cells, actors, sources_label(item), item.description]


def write(text: str) -> None:
    sys.stdout.write(text)


def console(*, stderr: bool = False) -> Console:
    """A rich console for terminal output (rich is imported here, on first use)."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)
