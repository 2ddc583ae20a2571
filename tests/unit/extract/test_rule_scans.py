"""The faster scans of the rules find exactly what the plain patterns find."""

from __future__ import annotations

import random
import re

import pytest

from tracker.extract import patterns as p
from tracker.extract.folding import case_sensitive, split_alternatives
from tracker.extract.rules.findings import factored, scan_folded, word_scan
from tracker.extract.rules.undated import _CONDITION, _MARKER, _MARKER_SCAN, _VAGUE

FOLDED = [p.PAST_AUX, p.COUNTERFACTUAL, p.FORECAST_SUBJECT, p.FORECAST_VERB]
# The case-sensitive patterns, as written before `word_scan` (undated.py keeps only the scans).
VAGUE = (
    r"\b(?:zügig|rasch|rechtzeitig|[Dd]emnächst|später|[Ii]n\s+Kürze|zeitnah|[Bb]ald|[Ii]n\s+"
    r"(?:den\s+)?(?:kommenden|nächsten)\s+(?:Wochen|Monaten|Jahren)|in\s+naher\s+Zukunft|soon|"
    r"shortly|eventually|in\s+due\s+course|[Ii]n\s+the\s+(?:coming|next\s+few)\s+"
    r"(?:weeks|months|years)|[Ii]n\s+the\s+near\s+future)\b"
)
CONDITION = r"\b(?:[Ss]obald|[Ss]ofern|[Oo]nce|as\s+soon\s+as|provided\s+that)\b"


def _samples(pattern: re.Pattern[str]) -> list[str]:
    """A plain text for each alternative of a `\\b(?:...)` pattern (first option of groups)."""
    body = pattern.pattern[5:]
    texts = []
    for alternative in split_alternatives(body):
        text = alternative
        for _ in range(3):
            text = re.sub(r"\(\?:([^()|]*)(?:\|[^()]*)?\)\??", r"\1", text)
        text = re.sub(r"\[(.)[^\]]*\]", r"\1", text)
        text = text.replace(r"\s+", " ").replace(r"\w*", "en").replace(r"\w+", "en")
        texts.append(re.sub(r"[?()\\]|\bb\b", "", text).rstrip(")"))
    return texts


WORDS = [
    *(sample for pattern in (*FOLDED, _MARKER) for sample in _samples(pattern)),
    *("Wochen", "next few", "near", "soon", "again", "more", "the", "x", "en", "s", "ſ", "ı", "İ"),
    *(",", ".", "-", "(", "\n", "  ", "_", "1"),
]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        words = [rng.choice(WORDS) for _ in range(rng.randint(0, 25))]
        glue = [rng.choice([" ", " ", " ", "", "-"]) for _ in words]
        text = "".join(g + w for g, w in zip(glue, words, strict=True))
        texts.append("".join(c.swapcase() if rng.random() < 0.1 else c for c in text))
    return texts


def _spans(pattern: re.Pattern[str], text: str, pos: int, endpos: int) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, pos, endpos)]


@pytest.mark.parametrize(
    ("plain", "scan"),
    [
        *((case_sensitive(pattern), word_scan(case_sensitive(pattern))) for pattern in FOLDED),
        (_MARKER, _MARKER_SCAN),
        (re.compile(VAGUE), _VAGUE),
        (re.compile(CONDITION), _CONDITION),
    ],
)
def test_word_scan_finds_the_same_matches(plain: re.Pattern[str], scan: re.Pattern[str]) -> None:
    rng = random.Random(7)
    for text in _texts(400, seed=len(plain.pattern)):
        for sample in (text, text.lower()):
            pos = rng.randint(0, len(sample))
            endpos = rng.randint(pos, len(sample))
            assert _spans(scan, sample, 0, len(sample)) == _spans(plain, sample, 0, len(sample))
            assert _spans(scan, sample, pos, endpos) == _spans(plain, sample, pos, endpos)


def test_samples_do_match() -> None:
    for pattern in (*FOLDED, _MARKER):
        hits = sum(bool(pattern.search(s)) for s in _samples(pattern))
        assert hits >= len(_samples(pattern)) * 0.8


@pytest.mark.parametrize("pattern", FOLDED)
def test_scan_folded_is_search(pattern: re.Pattern[str]) -> None:
    for text in _texts(400, seed=3):
        assert scan_folded(pattern, text) is (pattern.search(text) is not None)


def test_factored_groups_by_first_letter_in_order() -> None:
    assert factored("ab|[Cc]d|ae|c") == ("aCc", "a(?:b|e)|C(?:d)|c(?:d|)")


@pytest.mark.parametrize(
    "source",
    [r"\b(?:s?oll|will)\b", r"\b(?:\swill)\b", r"\b(?:a|[()]b)", r"\b(?:(a)|b)", r"\b(?:a*b|c)"],
)
def test_word_scan_refuses_what_it_cannot_keep_equivalent(source: str) -> None:
    with pytest.raises(AssertionError):
        word_scan(re.compile(source))


def test_word_scan_refuses_ignorecase() -> None:
    with pytest.raises(AssertionError):
        word_scan(re.compile(r"\b(?:will)\b", re.IGNORECASE))
