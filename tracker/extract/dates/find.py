"""`find_dates`: every time expression of a text, read against an anchor day.

1. Each finder proposes pieces (numeric dates, named dates and months, weekdays, relative
   days and periods, parts, quarters, years, seasons, holidays, durations, times, sets).
2. Where pieces overlap, the longest wins (then the finder listed first).
3. Pieces that belong together merge (see `merges`), then the words before each one apply
   (see `prefixes`); abbreviations that are also words ("sat", "Jan") go unless they merged or
   took a cue.
4. Each piece is read with the anchor and its direction (see `tense` for the rule).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any, TypeVar

from tracker.extract.dates import (
    durations,
    named,
    nth,
    numeric,
    periods,
    relative,
    times,
    weekdays,
)
from tracker.extract.dates.expression import TimeExpression
from tracker.extract.dates.merges import merge_all
from tracker.extract.dates.pieces import Piece, Scan, day_reader
from tracker.extract.dates.prefixes import attach
from tracker.extract.dates.tense import Tenses
from tracker.extract.guard import note_failure

logger = logging.getLogger(__name__)

Finder = Callable[[Scan], Iterator[Piece]]
FINDERS: tuple[Finder, ...] = (
    *numeric.FINDERS,
    *named.FINDERS,
    *weekdays.FINDERS,
    *relative.FINDERS,
    *periods.FINDERS,
    *nth.FINDERS,
    *durations.FINDERS,
    *times.FINDERS,
)


def find_dates(text: str, *, anchor: date, lang: str, strict: bool = False) -> list[TimeExpression]:
    """Return the time expressions of `text` in text order, read against `anchor`.

    `lang` ("de" or "en") decides the order of numeric dates and a few words. A finder that
    fails (a bug) loses only its own expressions and is logged at WARNING; with `strict` the
    error is raised instead (tests and benches).
    """
    scan = Scan(text, lang if lang in ("de", "en") else "en", anchor)
    found: list[Piece] = []
    for finder in FINDERS:
        found.extend(_guarded(finder.__name__, _run, strict, finder, scan) or [])
    pieces = merge_all(scan, _longest(found))
    pieces = _with_written_years([p for p in _attached(scan, pieces) if not p.weak])
    if not pieces:
        return []
    tenses = Tenses(scan)
    expressions = (_guarded("read", _read, strict, scan, tenses, p) for p in pieces)
    return [e for e in expressions if e is not None]


def _run(finder: Finder, scan: Scan) -> list[Piece]:
    return list(finder(scan))


_R = TypeVar("_R")


def _guarded(name: str, run: Callable[..., _R], strict: bool, *args: Any) -> _R | None:
    """Run one finder or reading; outside strict mode a failure loses only its own result."""
    if strict:
        return run(*args)
    try:
        return run(*args)
    except Exception as exc:
        logger.warning("time expression rule %s failed", name, exc_info=True)
        note_failure(f"dates.{name}", exc)
        return None


def _longest(pieces: Iterable[Piece]) -> list[Piece]:
    """Keep the longest of overlapping pieces (earlier finders win ties), in text order."""
    ranked = sorted(enumerate(pieces), key=lambda item: (item[1].start - item[1].end, item[0]))
    taken = bytearray(max((p.end for _, p in ranked), default=0) + 1)
    kept = []
    for _, piece in ranked:
        if piece.end > piece.start and taken.find(1, piece.start, piece.end) < 0:
            taken[piece.start : piece.end] = b"\x01" * (piece.end - piece.start)
            kept.append(piece)
    return sorted(kept, key=lambda p: p.start)


def _attached(scan: Scan, pieces: list[Piece]) -> list[Piece]:
    """Apply the words before each piece: pieces it grows over wholly become part of it; one
    that would reach into the middle of the piece before keeps its own start."""
    out: list[Piece] = []
    for piece in pieces:
        grown = attach(scan, piece)
        while out and grown.start <= out[-1].start:
            out.pop()  # "letzter Montag im März": the weekday is part of the ordinal
        if out and grown.start < out[-1].end:
            grown = piece
        out.append(grown)
    return out


def _with_written_years(pieces: list[Piece]) -> list[Piece]:
    """A day of a month without a year takes the year the text gave the same day elsewhere
    ("On May 9, 2017, ... The May 9 notice"): the earliest such mention decides."""
    written: dict[tuple[int, int], int] = {}
    for piece in pieces:
        if piece.kind == "day" and piece.year is not None and piece.day and piece.month:
            written.setdefault((piece.month, piece.day), piece.year)
    for piece in pieces:
        year = written.get((piece.month, piece.day))
        if piece.kind == "day" and piece.form == "absolute" and piece.flexible and year:
            piece.read, piece.flexible, piece.year = (
                day_reader(piece.day, piece.month, year),
                False,
                year,
            )
    return pieces


def _read(scan: Scan, tenses: Tenses, piece: Piece) -> TimeExpression | None:
    """Read a piece: its direction from its words, its sentence's tense, its cue, or the lack
    of any context (see `tense`)."""
    text = scan.text
    date_end = int(piece.extras.get("date_end", piece.end))
    said = (
        piece.direction
        or tenses.direction(piece.start, date_end, piece.cue.lower())
        or piece.cue_direction
    )
    direction = said or ("future" if tenses.is_alone(piece.start, piece.end) else "")
    reading = piece.read(scan.anchor, direction)
    if reading is None:
        return None
    parts = tuple(p for part in piece.parts if (p := _read(scan, tenses, part)) is not None)
    return TimeExpression(
        text=text[piece.start : piece.end],
        span=(piece.start, piece.end),
        type=reading.type,
        value=reading.value,
        start=reading.start,
        end=reading.end,
        due=reading.due,
        grain=reading.grain,
        direction=said or None,
        form=piece.form,
        cue=piece.cue,
        core_start=piece.core_start if piece.core_start >= 0 else piece.start,
        mod=piece.mod,
        part=piece.part,
        approx=piece.approx,
        length=piece.length,
        ref=piece.ref,
        ref_span=piece.ref_span,
        noun=piece.noun,
        time=piece.time,
        parts=parts if len(parts) == 2 else (),
    )
