"""Finders for durations: "innerhalb von 30 Tagen", "Seven calendar days after", "60-Tage-Plan"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tracker.extract import patterns as p
from tracker.extract.dates.days import compile_scanners, hits, scan
from tracker.extract.dates.model import Timex, before, located
from tracker.extract.dates.numbers import parse_number
from tracker.extract.folding import prepare, search_folded_in, split_alternatives

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
# `p.DURATION_CUE` with its one alternative led by a group spread out: every alternative starts with
# a literal, so the engine skips to their first letters instead of trying all at each position.
_THE_NEXT = r"\s+the\s+(?:next|coming|following)\s+"
_DURATION_CUE = re.compile(
    p.DURATION_CUE.pattern.replace(
        f"(?:in|over|during){_THE_NEXT}",
        "|".join(f"{word}{_THE_NEXT}" for word in ("in", "over", "during")),
    ),
    re.IGNORECASE,
)
assert _DURATION_CUE.pattern.count(r"|during\s+the") == 1
prepare(_DURATION_CUE)
_VOR = re.compile(r"\b[Vv]or\s+$")
_TOKEN = re.compile(r"\w+(?:-\w+)*")
_QUALIFIER = re.compile(r"(?:[Cc]alendar|[Bb]usiness|[Ww]orking)\s+$")
# `p.UNIT_LOCATOR` split at its first letters, and `p.COMPOUND_CORE` at its two dashes (see `scan`).
_UNIT_HEADS = ("a(?:g|hr|y)", "o(?:che|nat|nth)", "e(?:ek|ar)")
_UNIT_TAIL = r"(?:en|e|n|s)?\b(?![-‑])"
assert p.UNIT_LOCATOR.pattern == f"(?:{'|'.join(_UNIT_HEADS)}){_UNIT_TAIL}"
_UNIT_SCANNERS = compile_scanners(head + _UNIT_TAIL for head in _UNIT_HEADS)
_COMPOUND_TAILS = split_alternatives(p.COMPOUND_CORE.pattern)
assert all(tail.startswith("[-‑]") for tail in _COMPOUND_TAILS)
_COMPOUND_SCANNERS = tuple(
    re.compile("|".join(dash + tail[4:] for tail in _COMPOUND_TAILS), re.IGNORECASE)
    for dash in "-‑"
)


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
    last = tokens[-1].group(0)
    if not parse_number(last):
        return None  # every number, "one hundred eighty" too, ends in a number token
    # Tokens have a non-word character between them: `parse_number`, which reads digits alone or
    # number words, rejects several tokens with digits. After digits, only the last one can count.
    for count in (1,) if last.isdigit() else (3, 2, 1):
        if len(tokens) < count or (tokens[-count].start() == window_start and window_start > 0):
            continue
        first = tokens[-count]
        value = parse_number(text[first.start() : tokens[-1].end()])
        if value and (first.start() == 0 or text[first.start() - 1] not in ".,-"):
            return value, first.start()
    return None


def compounds(text: str, months: list[re.Match[str]]) -> Iterator[Timex]:
    for m in scan(_COMPOUND_SCANNERS, text, p.COMPOUND_CORE):
        number = _number_ending_at(text, m.start(), spaced=False)
        if number:
            unit = m.group("unit") or m.group("unit_en")
            noun = "noun" if m.group("noun") else "noun_en"
            yield Timex(
                "duration",
                number[1],
                m.end(),
                text[number[1] : m.start(noun)].strip(),
                number[1],
                amount=number[0],
                unit=_unit_key(unit),
                noun=m.group(noun),
            )


def _units(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, unit) of the unit words after white space; a cheap locator finds their
    endings first. (Only those can follow a number: see `durations`.)"""
    for hit in hits(_UNIT_SCANNERS, p.UNIT_LOCATOR, text):
        start = hit.start()
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        if start == 0 or not text[start - 1].isspace():
            continue
        word = p.UNIT_WORD.fullmatch(text, start, hit.end())
        if word is None:
            continue
        qualifier = _QUALIFIER.search(text, max(0, start - 10), start)
        yield (qualifier.start() if qualifier else start), hit.end(), word.group(0)


def durations(text: str, months: list[re.Match[str]]) -> Iterator[Timex]:
    # The number ends in white space right before the unit (or its qualifier, which ends in white
    # space): `_units` leaves out the unit words without white space before them.
    for start_unit, end_unit, unit in _units(text):
        number = _number_ending_at(text, start_unit, spaced=True)
        if number is None:
            continue
        amount, start = number
        cue = search_folded_in(_DURATION_CUE, text, max(0, start - 60), start)
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


def _day_words(text: str) -> Iterator[int]:
    r"""Yield the ends of the "Tag" and "day" that `\s(?:Tag|day)\b` would match (`str.find` skips
    to them much faster than the regex engine, which tries a pattern led by `\s` everywhere)."""
    for word in ("Tag", "day"):
        start = text.find(word, 1)
        while start >= 0:
            end = start + 3
            if text[start - 1].isspace() and (end == len(text) or not _is_word(text[end])):
                yield end
            start = text.find(word, start + 1)


def _is_word(char: str) -> bool:
    r"""`\w` on one character of a str (the engine tests `isalnum` and the underscore)."""
    return char.isalnum() or char == "_"


def _linked_ref(text: str, end: int) -> re.Match[str] | None:
    """The reference after an ordinal day ("nach ihrer Veröffentlichung"), if its link fits."""
    ref = p.REF_AFTER.match(text[end : end + 200])
    return ref if ref is not None and ref.group("link").lower() in _ORDINAL_LINKS else None


def ordinal_days(text: str, months: list[re.Match[str]]) -> Iterator[Timex]:
    """ "am zwanzigsten Tag nach ihrer Veröffentlichung": counted from a (usually undated) event."""
    # A match ends in `\s(?:Tag|day)\b` and counts only with a fitting reference right after it:
    # without such an end in the text, the scan for matches can be skipped.
    if not any(_linked_ref(text, end) for end in _day_words(text)):
        return
    for m in located(_ORDINAL_DAY, _ORDINAL_LOCATOR, text):
        amount = parse_ordinal(m.group("ord"))
        ref = _linked_ref(text, m.end())
        if not amount or ref is None:
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
