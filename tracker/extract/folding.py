"""Case-insensitive patterns run case-sensitively on lowercased text: the regex engine tries an
IGNORECASE alternation several times slower than the same alternation in lowercase."""

from __future__ import annotations

import re


def lowered(text: str) -> str | None:
    """`text.lower()` when case-insensitive patterns can run case-sensitively on it instead (the
    regex engine is several times faster so): same offsets, and no "ı" or "ſ", which the engine
    folds onto "i" and "s" but `str.lower` keeps. None otherwise."""
    low = text.lower()
    if len(low) != len(text) or "ı" in low or "ſ" in low:
        return None
    return low


def case_sensitive(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The case-sensitive twin of an IGNORECASE pattern, for text from `lowered` (its letters
    lowercased; no uppercase escapes such as \\S to spoil, group names kept)."""
    assert pattern.flags & re.IGNORECASE
    assert re.search(r"\\[A-Z]", pattern.pattern) is None
    source = pattern.pattern.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P=")
    twin = re.compile(source, pattern.flags & ~re.IGNORECASE)
    assert twin.groupindex == pattern.groupindex
    return twin


_TWINS: dict[re.Pattern[str], re.Pattern[str]] = {}


def prepare(*patterns: re.Pattern[str]) -> None:
    """Build the twins of `patterns` now (at import), so that a pattern unfit for folding fails
    loudly there rather than inside a rule, where failures are logged and skipped."""
    for pattern in patterns:
        _twin(pattern)


def _twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    twin = _TWINS.get(pattern)
    if twin is None:
        twin = _TWINS[pattern] = case_sensitive(pattern)
    return twin


def search_folded(pattern: re.Pattern[str], text: str) -> bool:
    """`pattern.search(text) is not None` for an IGNORECASE pattern, faster (see `lowered`)."""
    low = lowered(text)
    if low is None:
        return pattern.search(text) is not None
    return _twin(pattern).search(low) is not None


def split_alternatives(pattern: str) -> list[str]:
    """Split a regex pattern at its top-level "|" (not inside groups)."""
    parts, depth, current = [], 0, ""
    for char in pattern:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]
