"""The shortcuts that make extraction fast give the same results as the plain regex scans."""

from __future__ import annotations

import random
import re

import pytest

from tracker.extract import patterns as p
from tracker.extract.dates.model import located
from tracker.extract.describe.actors import GAZETTEER, actor_mentions
from tracker.extract.describe.holes import _ORPHAN, _may_orphan, _without_holes
from tracker.extract.folding import search_folded
from tracker.extract.rules.context import ActorIndex, Paragraphs
from tracker.extract.rules.findings import _FUTURE_VERB
from tracker.extract.rules.undated import (
    _ACTION,
    _ACTION_LOCATOR,
    _MARKER,
    _MARKER_SCAN,
    marker_positions,
)

ALIASES = [alias for name, aliases in GAZETTEER.items() for alias in (name, *aliases)]
WORDS = [
    *("bis zum", "by", "the", "den", "FÜR", "as of", "x", ",", ".", ";", "\n", "\n\n", "-", "("),
    *("US-Dollar", "EU-weit", "März", "Mar.", "Quarter", "Q3", "later this year", "am dritten Tag"),
    *(
        "wird",
        "plant",
        "entwickeln",
        "would have",
        "WÄRE",
        "Nachfrage",
        "steigt",
        "ſoll",
        "ıs",
        "İst",
    ),
]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    vocabulary = [*ALIASES, *WORDS, "\x01", "\x02"]
    texts = []
    for _ in range(count):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(0, 30))]
        text = " ".join(words)
        texts.append("".join(c.swapcase() if rng.random() < 0.05 else c for c in text))
    return texts


@pytest.mark.parametrize(
    ("pattern", "locator"),
    [
        (_MARKER, _MARKER_SCAN),
        (_ACTION, _ACTION_LOCATOR),
    ],
)
def test_located_equals_finditer(pattern: re.Pattern[str], locator: re.Pattern[str]):
    for text in _texts(300, 1):
        assert [m.span() for m in located(pattern, locator, text)] == [
            m.span() for m in pattern.finditer(text)
        ]


def test_marker_scan_equals_marker():
    """`_MARKER_SCAN`, anchored at word starts and factored, finds exactly `_MARKER`'s matches."""
    texts = [
        *_texts(300, 3),
        "has soon as",
        "Xas soon as possible",
        "_will wird",
        "planned plans to",
    ]
    for text in texts:
        assert [m.span() for m in _MARKER_SCAN.finditer(text)] == [
            m.span() for m in _MARKER.finditer(text)
        ]
    assert marker_positions("Die EU wird bald handeln; sie plant es.") == [7, 12, 30]


def test_search_folded_equals_ignorecase_search():
    for pattern in (
        p.COUNTERFACTUAL,
        p.PAST_AUX,
        p.FORECAST_SUBJECT,
        p.FORECAST_VERB,
        _FUTURE_VERB,
    ):
        for text in _texts(300, 2):
            assert search_folded(pattern, text) == (pattern.search(text) is not None)


def test_hole_shortcuts_equal_the_regexes():
    holes = re.compile(r"\s*\x02+\s*")
    for text in _texts(500, 3):
        assert _without_holes(text) == holes.sub(" ", text)
        assert _may_orphan(text) or _ORPHAN.search(text) is None


def test_actor_index_scans_lazily_but_finds_the_same_names():
    rng = random.Random(4)
    for text in _texts(200, 5):
        mentions = actor_mentions(text)
        index = ActorIndex(text, Paragraphs.of(text).starts)
        for _ in range(5):
            low = rng.randint(0, len(text))
            high = rng.randint(low, len(text))
            expected = dict.fromkeys(n for s, e, n in mentions if s >= low and e <= high)
            assert index.names(low, high) == list(expected)


def test_case_sensitive_actor_pattern_equals_plain_alternation():
    """The case-sensitive aliases, grouped by first letter with the look-behind after it, match
    exactly where the plain `(?<![\\w-])(?:...)` alternation does (from any start position)."""
    from tracker.extract.describe.actors import _CASE_SENSITIVE, _actor_patterns

    aliases = sorted(_CASE_SENSITIVE, key=len, reverse=True)
    plain = re.compile(
        rf"(?<![\w-])(?:{'|'.join(map(re.escape, aliases))})(?![\w]|-[a-zäöü]|-Dollar)"
    )
    sensitive = _actor_patterns()[1]
    extra = ["EU-Kommission", "US-Dollar", "xUS", "-EU", "EUx", "BIS.", "UK-", "US-weit"]
    for text in [*_texts(300, 8), *extra, " ".join(extra)]:
        for start in range(0, len(text) + 1, 7):
            assert [m.span() for m in sensitive.finditer(text, start)] == [
                m.span() for m in plain.finditer(text, start)
            ]
