"""Where a `word_scan` pattern matches in a whole text, found by two scans led by the character
before each match instead of one scan led by `\\b`.

A pattern led by `\\b` gives the regex engine nothing to skip ahead to: it tries the pattern at
every position of the text. A pattern led by a literal (the space) is tried only where that
character stands, and a class of characters is at least checked in a tight loop.
"""

from __future__ import annotations

import re
from functools import cache

# The word characters below 256, listed in a class so that a letter leaves the class at its
# bitmap (the `\w` after it is checked only for the other characters).
_LATIN_WORD = "".join(re.escape(chr(code)) for code in range(256) if re.match(r"\w", chr(code)))


@cache
def _scanners(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    r"""`pattern` (`\b(?=[letters])...`) led by a space, and led by any other non-word character.

    At a position after the start of the text, `\b` before a word character means a non-word
    character right before it: so `pattern` matches at `q + 1` exactly when one of the two
    matches at `q` (the space and the others make up all non-word characters)."""
    source = pattern.pattern
    assert source.startswith("\\b(?=["), source
    assert not pattern.flags & re.IGNORECASE
    letters = source[6 : source.index("]")]
    assert re.fullmatch(r"\w+", letters), letters
    rest = source[2:]
    return re.compile(" " + rest, pattern.flags), re.compile(f"[^ {_LATIN_WORD}\\w]{rest}")


def match_starts(pattern: re.Pattern[str], text: str) -> list[int]:
    r"""`[m.start() for m in pattern.finditer(text)]` for a `word_scan` pattern (see `_scanners`).

    The match at 0 is tried apart. Every later match is found by the scanner that matches one
    character before it; the next match must start at `position` or later (its scanner hit at
    `position - 1`), and a scanner whose hit lies before that searches again from there, as a
    single scan would go on after the previous match."""
    spaced, other = _scanners(pattern)
    first = pattern.match(text)
    starts = [0] if first else []
    low = first.end() - 1 if first else 0  # where the scanners' next hits may start
    at_space, at_other = spaced.search(text, low), other.search(text, low)
    while at_space is not None or at_other is not None:
        if at_other is None or (at_space is not None and at_space.start() < at_other.start()):
            hit = at_space
        else:
            hit = at_other
        assert hit is not None
        starts.append(hit.start() + 1)
        low = hit.end() - 1
        if at_space is not None and at_space.start() < low:
            at_space = spaced.search(text, low)
        if at_other is not None and at_other.start() < low:
            at_other = other.search(text, low)
    return starts
