"""Words before a piece that change what it means, applied from the inside out:

1. an ordinal of a smaller unit: "erster Dienstag im Oktober", "the last day of October 2015",
   "third last week of 2018", "20th of next month", "dritter Dienstag nach Weihnachten";
2. a part: "Anfang März", "Ende 2026", "the end of next week" (see `parts`);
3. a cue: "bis zum" / "until" / "by" / "no later than" (an open range up to its end, due then),
   "vor" / "before" (up to the day before it), "ab" / "from" / "starting" / "effective" (an
   open range from its start), "nach" / "after" (from the day after it), "seit" / "since"
   (from its start, in the past), "am" / "im" / "on" / "in" (nothing but the cue), "um" /
   "gegen" / "around" (approximate).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tracker.extract.dates import vocab as v
from tracker.extract.dates.nth import NTH_TARGETS, nth_prefix
from tracker.extract.dates.parts import part_prefix, with_part
from tracker.extract.dates.pieces import Piece, Reader, Reading, Scan, next_day

_CUE = re.compile(
    r"\b(?:(?P<until>bis(?:\s+spätestens)?(?:\s+(?:zum|zur|einschließlich|einschl\.|inklusive|inkl\.))?"
    r"|spätestens(?:\s+(?:am|zum|bis(?:\s+zum)?))?|no\s+later\s+than|not\s+later\s+than|"
    r"on\s+or\s+before|by(?:\s+the)?|until|till|through|up\s+to|noch\s+(?:im|in))"
    r"|(?P<before>before|prior\s+to|ahead\s+of|vor(?:\s+de[mnr])?|sometimes?\s+before|anytime\s+before)"
    r"|(?P<from>ab(?:\s+de[mn])?|from|starting(?:\s+(?:on|from|in))?|beginning(?:\s+(?:on|in))?|"
    r"effective(?:\s+(?:on|from|as\s+of))?|as\s+of|with\s+effect\s+from|mit\s+wirkung\s+(?:vom|zum|ab))"
    r"|(?P<after>nach(?:\s+de[mn])?|after|later\s+than|anytime\s+after)"
    r"|(?P<since>seit(?:\s+de[mn])?|since)"
    r"|(?P<approx>um|gegen|around|about|circa|ca\.|etwa|approximately|roughly)"
    r"|(?P<back>vom|von)"
    r"|(?P<plain>(?:im|in\s+the|das|dem|des|für\s+das|the|in)\s+(?:jahre?s?|year)|(?:the\s+)?"
    r"(?:calendar|fiscal)\s+year|kalenderjahr|geschäftsjahr|haushaltsjahr|fy|"
    r"am|an(?:\s+de[mn])?|on|im|in(?:\s+the|\s+de[mnr])?|during|für(?:\s+de[mn])?|for|at|zum|"
    r"des|of|per|to|auf(?:\s+de[mn])?|within|later|später|noch))\s+(?:the\s+)?$",
)
_PART_TARGETS = ("month", "year", "period")


def attach(scan: Scan, piece: Piece) -> Piece:
    """Apply the ordinal, the part and the cue before `piece` (each extends it to the left)."""
    if piece.kind in NTH_TARGETS:
        piece = nth_prefix(scan, piece)
    if piece.kind in _PART_TARGETS and not piece.part:
        found = part_prefix(scan, piece.start)
        if found:
            part, start = found
            piece = piece.around(
                start, piece.end, read=with_part(piece.read, part), part=part, weak=False
            )
    if piece.kind not in ("set", "duration", "offset") and not piece.cue:
        piece = _cue(scan, piece)  # (a duration's words are read with it, see `durations`)
    return piece


# The last word of every cue (a quick test before the cue pattern).
_CUE_ENDS = frozenset(
    v.words(
        """bis spätestens zum zur einschließlich einschl inklusive inkl am than before by the until
    till through to im in noch prior of ahead vor dem den der ab from starting on beginning
    effective as with wirkung vom nach after anytime seit since um gegen around about circa ca
    etwa approximately roughly von an during für for at des per auf within later später jahr
    jahre jahres year kalenderjahr geschäftsjahr haushaltsjahr fy das sometime sometimes"""
    )
)


_NAMING = frozenset(v.words("to of for at des per auf on an am the"))


def _cue(scan: Scan, piece: Piece) -> Piece:
    if scan.word_before(piece.start) not in _CUE_ENDS:
        return piece
    m = scan.before(_CUE, piece.start, 4)
    if m is None:
        return piece
    cue = " ".join(scan.original(m).split())
    kind = m.lastgroup or "plain"
    # "plans to march", "may": a word that may be a month stays doubtful after a mere preposition
    naming = kind == "plain" and cue.lower() in _NAMING
    changes: dict[str, object] = {"cue": cue, "weak": piece.weak and naming}
    if piece.kind in ("days", "range") and kind in ("from", "back", "since"):
        kind = "plain"  # "from the 3rd to the 7th", "vom 3. bis 7.": the range's lead
    if kind == "until":
        changes |= {"read": _open(piece.read, "until"), "mod": "before", "cue_direction": "future"}
    elif kind == "before":
        if piece.kind == "duration" or piece.kind == "offset":
            return piece
        changes |= {"read": _open(piece.read, "before"), "mod": "before", "cue_direction": "future"}
    elif kind in ("from", "after", "since"):
        if piece.kind in ("duration", "offset"):
            return piece
        changes |= {"read": _open(piece.read, kind), "mod": "after"}
        changes["cue_direction" if kind != "since" else "direction"] = (
            "future" if kind != "since" else "past"
        )
    elif kind == "approx":
        changes["approx"] = True
    elif kind == "back" and piece.kind not in ("duration", "offset"):
        changes["cue_direction"] = "past"
    return piece.around(m.start(), piece.end, **changes)


def _open(reader: Reader, how: str) -> Reader:
    """An open range: up to the end ("until") or the day before ("before"), or from the start
    ("from", "since") or the day after ("after")."""

    def read(anchor: date, direction: str) -> Reading | None:
        inner = reader(anchor, direction)
        if inner is None or inner.first is None:
            return inner
        if how == "until":
            due = inner.due or inner.last
            return Reading("range", end=inner.last, due=due, grain=inner.grain)
        if how == "before":
            last = inner.first - timedelta(days=1)
            return Reading("range", end=last, due=last, grain=inner.grain)
        start = next_day(inner) if how == "after" else inner.first
        return Reading("range", start=start, grain=inner.grain)

    return read
