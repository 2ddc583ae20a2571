"""Lengths of time and what the words around them make of them.

- "30 Tage", "dreißig Tage", "six months", "anderthalb Jahre", "a month and a half",
  "2 years and 3 months": a duration, due at anchor + length;
- "innerhalb von 30 Tagen", "binnen zwei Wochen", "within 180 days": from the anchor to
  anchor + length; "within 180 days of the date of this order": counted from `ref`, no due;
- "in drei Tagen", "nach 180 Tagen", "3 years from today", "a week hence": the day so far
  ahead; "vor zwei Wochen", "3 days ago": the day so far back (a year offset is read as its
  month, as Duckling does: "in 3 Jahren" is February 2016 from 12 February 2013);
- "die nächsten drei Tage", "the last 2 weeks", "2 upcoming months": whole periods next to the
  anchor's own (the next 3 weeks of a Tuesday start on the coming Monday), due at anchor +
  length;
- "seit zwei Wochen", "for the past 3 years": from anchor - length to the anchor;
- "60-Tage-Aktionsplan", "a 90-day review", "90 day PAUSE": a duration naming its deliverable;
  "30-tägige", "dreimonatigen": a length used as an adjective.

Each finder looks for the unit word ("Tagen", "months") and reads the amount before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tracker.extract.dates import vocab as v
from tracker.extract.dates.expression import Length
from tracker.extract.dates.lengths import (
    counted_from_ref,
    lasting,
    offset_by,
    since,
    whole_units,
    within,
)
from tracker.extract.dates.numbers import AMOUNT, VAGUE_AMOUNTS, parse_amount
from tracker.extract.dates.pieces import Piece, Scan, matches

_UNIT = re.compile(rf"(?<![\w])(?P<unit>{v.DURATION_UNITS}|fortnights?)(?![\wäöüß])")
_AMOUNT_BEFORE = re.compile(
    rf"(?<![\w.,])(?P<num>{AMOUNT})(?P<upcoming>\s+(?:upcoming|kommenden|nächsten))?"
    r"(?:\s+(?:weitere[sn]?|additional|further|more|zusätzliche[n]?))?"
    r"(?:\s+|[-‑])(?:(?:calendar|business|working)\s+)?$"
)
_HALF_BEFORE = re.compile(
    r"(?<![\w])(?:(?:a|an|ein|eine|einem|einen|einer)\s+)?(?:half|halbes|halben|halbe)\s+(?:an?\s+)?$"
)
_MORE = re.compile(
    rf"\s*(?:,\s*|\s+)(?:(?:and|und)\s+)?(?P<num>{AMOUNT})\s+(?P<unit>{v.DURATION_UNITS})(?![\wäöüß])"
)
_AND_A_HALF = re.compile(r"\s+(?:and\s+(?:a\s+)?half|und\s+(?:ein\s+)?halb(?:e[rs]?)?)\b")
_ADJECTIVE = re.compile(
    rf"(?<![\w])(?P<num>\d+|{AMOUNT})[-‑]?(?P<adj>tägig|wöchig|monatig|jährig)(?:e[nrsm]?)?\b"
)
_ADJECTIVE_UNITS = {"tägig": "day", "wöchig": "week", "monatig": "month", "jährig": "year"}
_ADJECTIVE_STEM = re.compile("tägig|wöchig|monatig|jährig")
_UNIT_WORDS = {word for word in v.UNITS if re.fullmatch(v.DURATION_UNITS, word)} | {
    "fortnight",
    "fortnights",
}
_NOUN_DE = (
    "aktionsplan|aktionsplans|plan|frist|übergangsfrist|überprüfung|prüfung|pause|zollpause|"
    "aussetzung|moratorium|waffenruhe|bericht|konsultation|konsultationsfrist|zeitplan"
)
_NOUN_EN = (
    r"action\s+plan|plan|review|pause|truce|suspension|moratorium|deadline|(?:comment\s+)?period|"
    r"window|report|study|assessment|extension|reprieve|timeline|consultation"
)
_COMPOUND_DE = re.compile(rf"[-‑](?P<noun>{_NOUN_DE})(?![\wäöüß])")
_COMPOUND_EN = re.compile(rf"[ \t]+(?:[a-z]+\s+)?(?P<noun>{_NOUN_EN})\b")
# The words before a duration that decide what it is (matched on the text before it).
_BEFORE = re.compile(
    r"\b(?:(?P<within>innerhalb\s+(?:von\s+|der\s+(?:nächsten|kommenden|folgenden)\s+|des\s+)?|binnen\s+|"
    r"within\s+(?:the\s+(?:next|coming|following)\s+)?|spätestens\s+(?:(?:nach|in|binnen)\s+)?|"
    r"no\s+later\s+than\s+|not\s+later\s+than\s+|im\s+laufe\s+der\s+(?:nächsten|kommenden)\s+)"
    r"|(?P<next>(?:in\s+|während\s+|für\s+|over\s+|during\s+|for\s+)?(?:den\s+|die\s+|the\s+)?"
    r"(?:next|coming|upcoming|following|nächste[nr]?|kommende[nr]?|folgende[nr]?)\s+)"
    r"|(?P<last>(?:in\s+|während\s+|für\s+|over\s+|during\s+|for\s+)?(?:den\s+|die\s+|the\s+)?"
    r"(?:last|past|previous|letzte[nr]?|vergangene[nr]?|zurückliegende[nr]?)\s+)"
    r"|(?P<ago>vor\s+)|(?P<since>seit\s+)|(?P<in>in\s+)|(?P<after>nach\s+|after\s+)"
    r"|(?P<plain>(?:für|for|um|by|weitere|another|an\s+additional|a\s+further|over|während|"
    r"during|(?:für|for)\s+(?:weitere|another|an\s+additional|a\s+further|die\s+ersten|the\s+first|"
    r"the\s+next)|by\s+(?:another|an\s+additional))\s+))"
    r"(?P<approx>(?:etwa|ungefähr|rund|circa|ca\.|about|around|roughly|approximately|some|gut|knapp)\s+)?$"
)
_APPROX = re.compile(
    r"\b(?:etwa|ungefähr|rund|circa|ca\.|about|around|roughly|approximately|some|gut|knapp)\s+$"
)
_AFTER = re.compile(
    r"\s+(?:(?P<ago>ago|back|zuvor|earlier)|(?P<hence>hence|from\s+(?:right\s+)?(?:now|today)|"
    r"ab\s+heute|von\s+heute\s+an|later)|(?P<orso>or\s+so|oder\s+so))\b"
)
_REF = re.compile(
    r"\s*(?P<link>of|after|from|following|nach|ab|seit|folgenden|before|prior\s+to|vor)\s+"
    r"(?!now\b|jetzt\b|heute\b|today\b|hinten\b|vorne?\b|oben\b|unten\b)(?P<ref>[^.;:!?,]{1,160})"
)
# "am zwanzigsten Tag nach ihrer Veröffentlichung": the n-th day after something.
_DAY_WORD = re.compile(r"(?:tag|day)\b")
_ORDINAL_BEFORE = re.compile(
    rf"\b(?P<cue>am|on|ab\s+dem|from|vom|bis\s+zum|by)\s+(?:the\s+)?"
    rf"(?P<ord>{v.ORDINAL_WORD}|(?:[1-9]\d{{0,2}})(?:st|nd|rd|th|\.))\s+$"
)
_ORDINAL_LINKS = ("after", "following", "nach", "folgenden")
# "twice a week", "3 times a day", "24 hours a day": a rate, not a length.
_RATE_BEFORE = re.compile(r"\b(?:once|twice|times|einmal|zweimal|mal|per|pro|je)\s+$")
_RATE_AFTER = re.compile(
    r"\s+(?:a|an|per|pro|je|im|in\s+the)\s+(?:day|week|month|year|tag|woche|monat|jahr)\b"
)
_FRACTIONS = {
    "year": ("month", 12), "quarter": ("month", 3), "half": ("month", 6), "month": ("day", 30),
    "week": ("day", 7), "day": ("hour", 24), "hour": ("minute", 60), "minute": ("second", 60),
}  # fmt: skip


def unit_of(word: str) -> str:
    """The unit a unit word stands for ("Tagen" -> "day", "qtrs" -> "quarter")."""
    return "fortnight" if word.startswith("fortnight") else v.UNITS[word]


def to_length(amount: float, unit: str) -> Length:
    """A length in whole units; a fraction goes to the smaller unit (1.5 years = 18 months,
    a month and a half = 45 days, as Duckling counts)."""
    if unit == "fortnight":
        amount, unit = amount * 14, "day"
    if amount == int(amount) or unit not in _FRACTIONS:
        return ((int(amount), unit),)
    smaller, factor = _FRACTIONS[unit]
    return ((round(amount * factor), smaller),)


def durations(scan: Scan) -> Iterator[Piece]:
    low = scan.low
    for m in matches(_UNIT, scan, scan.starts(_UNIT_WORDS)):
        if (half := scan.before(_HALF_BEFORE, m.start(), 3)) is not None:
            yield _duration_piece(
                scan, half.start(), m.start(), to_length(0.5, unit_of(m["unit"])), m.end(), False
            )
            continue
        if not _may_count(scan.word_before(m.start())):
            continue
        number = scan.before(_AMOUNT_BEFORE, m.start(), 6)
        amount = parse_amount(number["num"]) if number else None
        if number is None or not amount or _is_rate(scan, number.start(), m.end()):
            continue
        if number["num"] in ("a", "an", "ein", "eine", "einen") and _after_unit(
            scan, number.start()
        ):
            continue  # "24 hours a day", "7 days a week": a rate
        if _is_adjective(low, m.end()):
            continue  # "a year-long inquiry"
        length, end = _more(low, m, amount)
        piece = _duration_piece(
            scan, number.start(), number.start(), length, end, bool(number["upcoming"])
        )
        piece.approx = piece.approx or number["num"] in VAGUE_AMOUNTS
        yield piece


_BETWEEN = frozenset(
    v.words(
        """upcoming kommenden nächsten weitere weiteres weiteren additional further more
        zusätzliche zusätzlichen calendar business working half halbes halben halbe"""
    )
)


def adjectives(scan: Scan) -> Iterator[Piece]:
    """ "30-tägige", "dreimonatigen": a length used as an adjective."""
    low = scan.low
    for stem in _ADJECTIVE_STEM.finditer(low):
        adjective = _ADJECTIVE.search(low, max(0, stem.start() - 24), stem.end() + 4)
        if adjective is None:
            continue
        amount = parse_amount(adjective["num"])
        if amount:
            length = to_length(amount, _ADJECTIVE_UNITS[adjective["adj"]])
            yield Piece(
                adjective.start(),
                adjective.end(),
                "duration",
                "adjective",
                lasting(length),
                length=length,
            )


def _may_count(word: str) -> bool:
    """Whether the word before a unit may end its amount ("30", "dreißig", "a", "weitere")."""
    return word[:1].isdigit() or word in _BETWEEN or parse_amount(word) is not None


def _is_adjective(low: str, end: int) -> bool:
    """ "year-long", "day-old": a unit joined to a word that is not a deliverable."""
    joined = low[end : end + 1] in ("-", "‑") and low[end + 1 : end + 2].isalpha()
    return joined and _COMPOUND_DE.match(low, end) is None


def _after_unit(scan: Scan, start: int) -> bool:
    """Whether the word before `start` is a unit or a number ("hours a day")."""
    word = scan.word_before(start)
    return word in v.UNITS or word.isdigit()


def _is_rate(scan: Scan, start: int, end: int) -> bool:
    return bool(scan.before(_RATE_BEFORE, start, 1) or _RATE_AFTER.match(scan.low, end))


def _more(low: str, m: re.Match[str], amount: float) -> tuple[Length, int]:
    """Read "2 years and 3 months", "1 Jahr, 2 Tage", "a month and a half" to their end."""
    unit = unit_of(m["unit"])
    if half := _AND_A_HALF.match(low, m.end()):
        return to_length(amount + 0.5, unit), half.end()
    length, end = to_length(amount, unit), m.end()
    while more := _MORE.match(low, end):
        extra = parse_amount(more["num"])
        if not extra or more["num"] in ("a", "an", "ein", "eine", "einen"):
            break  # "24 hours a day": a rate
        length, end = length + to_length(extra, unit_of(more["unit"])), more.end()
    return length, end


def _duration_piece(
    scan: Scan, start: int, core: int, length: Length, end: int, upcoming: bool
) -> Piece:
    """Decide from the words around a length what it is (see the module docstring)."""
    low = scan.low
    before = scan.before(_BEFORE, start, 6)
    after = _AFTER.match(low, end)
    alone = scan.before(_APPROX, start, 1) if before is None else None
    cue = " ".join(scan.original(before).split()) if before else ""
    start = alone.start() if alone else start
    piece = Piece(
        before.start() if before else start, end, "duration", "duration", lasting(length),
        length=length, cue=cue, core_start=core,
        approx=bool(before and before["approx"]) or bool(after and after["orso"]) or bool(alone),
    )  # fmt: skip
    if upcoming:
        piece.form, piece.direction, piece.read = "next", "future", whole_units(length, 1)
        return piece
    if after and (after["ago"] or after["hence"]):
        piece.end = after.end()
        return _asoffset_by(piece, -1 if after["ago"] else 1)
    if before is None or before["plain"]:
        return _with_noun_or_ref(scan, piece)
    if before["within"]:
        piece.form, piece.read, piece.cue_direction = "within", within(length), "future"
        return _with_ref(scan, piece)
    if before["next"] or before["last"]:
        sign = 1 if before["next"] else -1
        piece.form, piece.direction = ("next", "future") if sign > 0 else ("last", "past")
        piece.read = whole_units(length, sign)
        return piece
    if before["since"]:
        piece.form, piece.direction, piece.read = "since", "past", since(length)
        return piece
    piece = _asoffset_by(piece, -1 if before["ago"] else 1)
    return _with_ref(scan, piece) if before["after"] else piece


def _asoffset_by(piece: Piece, sign: int) -> Piece:
    piece.form = piece.kind = "offset"
    piece.direction = "future" if sign > 0 else "past"
    piece.read = offset_by(piece.length, sign)
    return piece


def _with_noun_or_ref(scan: Scan, piece: Piece) -> Piece:
    """ "60-Tage-Aktionsplan", "a 90-day review": the deliverable; else a reference, if any."""
    low = scan.low
    hyphened = "-" in low[piece.core_start : piece.end] or "‑" in low[piece.core_start : piece.end]
    compound = _COMPOUND_DE.match(low, piece.end) or _COMPOUND_EN.match(low, piece.end)
    if compound and len(piece.length) == 1 and (hyphened or low[piece.end - 1] != "s"):
        piece.form, piece.end = "compound", compound.end()
        piece.noun = scan.original(compound, "noun")
        return piece
    return _with_ref(scan, piece)


def _with_ref(scan: Scan, piece: Piece) -> Piece:
    """ "within 180 days of the date of this order": the reference it counts from."""
    ref = _REF.match(scan.low, piece.end)
    if ref is None:
        return piece
    piece.extras["link"] = ref["link"]
    piece.extras["link_end"] = str(ref.start("ref"))
    ref_end = ref.start("ref") + len(ref["ref"].rstrip())
    piece.ref = scan.text[ref.start("link") : ref_end]
    piece.ref_span = (ref.start("link"), ref_end)
    piece.read = counted_from_ref
    return piece


def ordinal_days(scan: Scan) -> Iterator[Piece]:
    """ "am zwanzigsten Tag nach ihrer Veröffentlichung", "on the 30th day after the hearing":
    so many days counted from what follows (`ref`)."""
    for m in matches(_DAY_WORD, scan, scan.starts(("tag", "day"))):
        before = scan.before(_ORDINAL_BEFORE, m.start(), 4)
        if before is None:
            continue
        word = before["ord"].rstrip(".")
        number = int(re.sub(r"\D", "", word)) if word[0].isdigit() else v.ORDINALS.get(word, 0)
        length = ((number, "day"),)
        piece = Piece(
            before.start(), m.end(), "duration", "duration", lasting(length), length=length,
            cue=" ".join(scan.original(before, "cue").split()), core_start=before.start("ord"),
        )  # fmt: skip
        piece = _with_ref(scan, piece)
        if number and piece.extras.get("link") in _ORDINAL_LINKS:
            yield piece


FINDERS = (durations, adjectives, ordinal_days)
