"""`match_starts` finds the same match starts as `finditer` on a `word_scan` pattern."""

from __future__ import annotations

import random
import re

from tracker.extract.rules.findings import word_scan
from tracker.extract.rules.marker_scan import match_starts
from tracker.extract.rules.undated import _MARKER_SCAN, marker_positions

# Pieces around word starts: spaces and other non-word characters (non-Latin-1 ones too), words
# glued to them, markers that span white space and overlap ("as soon as" holds "soon").
_PIECES = (
    *("wird", "will", "soll", "bald", "as soon as", "soon", "once", "Once again", "in Kürze"),
    *("is set to", "in the near future", "geplanten", "plant", "wollen", "shall", "planned"),
    *("Xwird", "_soll", "2bald", "ärz", "Übersoon", "x", "as", "in", "the"),
    *(" ", "  ", "\n", "\t", "\xa0", "(", '"', "„", "“", "-", "—", "/", ".", ",", "’"),
)


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 25))) for _ in range(count)]


def test_marker_positions_equal_finditer():
    texts = [*_texts(2000, 5), "", "wird", " wird", "soon", "as soon as soon", "(as soon as)"]
    for text in texts:
        assert marker_positions(text) == [m.start() for m in _MARKER_SCAN.finditer(text)], text


def test_match_starts_on_other_word_scans():
    # five first letters: `word_scan` keeps the `\b(?=[...])` form (with fewer it leads with them)
    pattern = word_scan(re.compile(r"\b(?:ab|abc|b\s+c|c|d|e)\b"))
    rng = random.Random(6)
    for _ in range(2000):
        text = "".join(
            rng.choice(("a", "b", "c", "d", "e", " ", "-", "\n", "é", "ab", "b c"))
            for _ in range(12)
        )
        assert match_starts(pattern, text) == [m.start() for m in pattern.finditer(text)], text
