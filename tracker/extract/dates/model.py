"""A helper the rules share with the old finders: a pattern tried only where a locator hits."""

from __future__ import annotations

import re
from collections.abc import Iterator


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
