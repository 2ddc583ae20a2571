"""The time expression record shared by the finders."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Timex:
    """One time expression; offsets are into the whole text, `cue_start` is where its cue begins."""

    kind: str
    start: int
    end: int
    cue: str = ""
    cue_start: int = -1
    amount: int = 0
    unit: str = ""
    year: int | None = None
    month: int = 0
    day: int = 0
    end_day: int = 0
    modifier: str = ""
    weekday: int = -1
    approx: bool = False
    ago: bool = False
    ref: str = ""
    ref_len: int = 0
    noun: str = ""
    direction: str = ""  # "future" / "past" when the cue itself fixes it


def before(
    text: str, start: int, pattern: re.Pattern[str], width: int = 40
) -> re.Match[str] | None:
    """Match a `$`-anchored pattern on the window that ends at `start`."""
    return pattern.search(text, max(0, start - width), start)


Finder = Callable[[str, list[re.Match[str]]], Iterator["Timex"]]


def located(
    pattern: re.Pattern[str], locator: re.Pattern[str], text: str, position: int = 0
) -> Iterator[re.Match[str]]:
    """Yield the matches `pattern.finditer(text, position)` would, trying `pattern` only where a
    cheap `locator` matches. The locator must match wherever `pattern` can start (a superset
    without the leading `\\b` that keeps the regex engine from skipping ahead); `pattern` never
    matches the empty string."""
    while (hit := locator.search(text, position)) is not None:
        match = pattern.match(text, hit.start())
        if match is None:
            position = hit.start() + 1
            continue
        yield match
        position = match.end()
