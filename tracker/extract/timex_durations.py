"""Finders for durations: "innerhalb von 30 Tagen", "Seven calendar days after", "60-Tage-Plan"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tracker.extract import patterns as p
from tracker.extract.folding import prepare, search_folded_in
from tracker.extract.numbers import parse_number
from tracker.extract.timex_model import Timex, before, located

_UNIT_KEYS = (
    ("tag", "day"),
    ("day", "day"),
    ("woche", "week"),
    ("week", "week"),
    ("monat", "month"),
    ("month", "month"),
    ("jahr", "year"),
    ("year", "year"),
)
prepare(p.DURATION_CUE)
_VOR = re.compile(r"\b[Vv]or\s+$")
_TOKEN = re.compile(r"\w+(?:-\w+)*")
_QUALIFIER = re.compile(r"(?:[Cc]alendar|[Bb]usiness|[Ww]orking)\s+$")


def _unit_key(unit: str) -> str:
    lowered = unit.lower()
    return next(key for stem, key in _UNIT_KEYS if stem in lowered)


def _number_ending_at(text: str, end: int, *, spaced: bool) -> tuple[int, int] | None:
    """Parse the number (digits or words) that ends right before `end`; return (value, start)."""
    window_start = max(0, end - 45)
    tokens = list(_TOKEN.finditer(text, window_start, end))
    gap = text[tokens[-1].end() : end] if tokens else ""
    if not tokens or (gap.strip() or (bool(gap) != spaced)):
        return None
    if not parse_number(tokens[-1].group(0)):
        return None  # every number, "one hundred eighty" too, ends in a number token
    for count in (3, 2, 1):
        if len(tokens) < count or (tokens[-count].start() == window_start and window_start > 0):
            continue
        first = tokens[-count]
        value = parse_number(text[first.start() : tokens[-1].end()])
        if value and (first.start() == 0 or text[first.start() - 1] not in ".,-"):
            return value, first.start()
    return None


def compounds(text: str, months: list[re.Match[str]]) -> Iterator[Timex]:
    for m in p.COMPOUND_CORE.finditer(text):
        number = _number_ending_at(text, m.start(), spaced=False)
        if number:
            unit = m.group("unit") or m.group("unit_en")
            noun = "noun" if m.group("noun") else "noun_en"
            yield Timex(
                "duration",
                number[1],
                m.end(),
                text[number[1] : m.start(noun)].strip(),
                amount=number[0],
                unit=_unit_key(unit),
                noun=m.group(noun),
            )


def _units(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, unit) of unit words; a cheap locator finds their endings first."""
    for hit in p.UNIT_LOCATOR.finditer(text):
        start = hit.start()
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        word = p.UNIT_WORD.fullmatch(text, start, hit.end())
        if word is None:
            continue
        qualifier = _QUALIFIER.search(text, max(0, start - 10), start)
        yield (qualifier.start() if qualifier else start), hit.end(), word.group(0)


def durations(text: str, months: list[re.Match[str]]) -> Iterator[Timex]:
    for start_unit, end_unit, unit in _units(text):
        number = _number_ending_at(text, start_unit, spaced=True)
        if number is None:
            continue
        amount, start = number
        cue = search_folded_in(p.DURATION_CUE, text, max(0, start - 60), start)
        after = text[end_unit : end_unit + 200]
        ref = p.REF_AFTER.match(after)
        approx = bool(p.APPROX_AFTER.match(after) or before(text, start, p.APPROX_BEFORE, 20))
        ago = bool(p.AGO.match(after) or before(text, start, _VOR, 10))
        if cue is None and ref is None and not approx and not ago:
            continue
        yield Timex(
            "duration",
            start,
            end_unit,
            " ".join(cue.group("cue").split()) if cue else "",
            cue.start() if cue else start,
            amount=amount,
            unit=_unit_key(unit),
            approx=approx or bool(cue and cue.group("approx")),
            ago=ago,
            ref=ref.group(0).strip() if ref else "",
            ref_len=len(ref.group(0).rstrip()) if ref else 0,
        )


_ORDINAL_DAY = re.compile(
    r"\b(?P<cue>[Aa]m|[Oo]n|[Aa]b\s+dem|[Ff]rom)\s+(?:the\s+)?(?P<ord>[a-zäöüß]+)\s+(?:Tag|day)\b"
)
# `_ORDINAL_DAY` without its leading `\b`, cues spelled out so the engine can skip ahead.
_ORDINAL_LOCATOR = re.compile(
    r"(?:Am|am|On|on|Ab\s+dem|ab\s+dem|From|from)\s+(?:the\s+)?[a-zäöüß]+\s+(?:Tag|day)\b"
)
_TAG_OR_DAY = re.compile(r"\s(?:Tag|day)\b")  # in every `_ORDINAL_DAY` match
_ORDINAL_LINKS = frozenset({"after", "following", "nach", "folgenden"})
_IRREGULAR_ORDINALS = {
    "first": 1,
    "erste": 1,
    "ersten": 1,
    "second": 2,
    "zweiten": 2,
    "third": 3,
    "dritten": 3,
    "fifth": 5,
    "eighth": 8,
    "achten": 8,
    "ninth": 9,
    "twelfth": 12,
}


def parse_ordinal(word: str) -> int | None:
    """Read an ordinal number word: "twentieth", "zwanzigsten", "dritten" (None if not one)."""
    word = word.lower()
    if word in _IRREGULAR_ORDINALS:
        return _IRREGULAR_ORDINALS[word]
    for suffix, replacement in (("ieth", "y"), ("th", ""), ("sten", ""), ("ten", ""), ("te", "")):
        if word.endswith(suffix):
            return parse_number(word[: -len(suffix)] + replacement)
    return None


def ordinal_days(text: str, months: list[re.Match[str]]) -> Iterator[Timex]:
    """ "am zwanzigsten Tag nach ihrer Veröffentlichung": counted from a (usually undated) event."""
    if ("Tag" not in text and "day" not in text) or _TAG_OR_DAY.search(text) is None:
        return
    for m in located(_ORDINAL_DAY, _ORDINAL_LOCATOR, text):
        amount = parse_ordinal(m.group("ord"))
        ref = p.REF_AFTER.match(text[m.end() : m.end() + 200])
        if not amount or ref is None or ref.group("link").lower() not in _ORDINAL_LINKS:
            continue
        yield Timex(
            "duration",
            m.start("ord"),
            m.end(),
            m.group("cue"),
            m.start(),
            amount=amount,
            unit="day",
            ref=ref.group(0).strip(),
            ref_len=len(ref.group(0).rstrip()),
        )
