"""The shortcuts of the rules (clause marks from their anchors, first-letter scans, stem finders)
give the same results as the plain scans they replace."""

from __future__ import annotations

import random
import re

import pytest

from tracker.extract import patterns as p
from tracker.extract.dates.model import located
from tracker.extract.describe.keys import DELIVERABLES, EVENT_KEYS, _candidates, _prepared, _stems
from tracker.extract.folding import case_sensitive
from tracker.extract.rules.anchors import SIGNING_SCAN, SIGNING_VERB
from tracker.extract.rules.findings import ClauseMarks, scan_folded, word_scan
from tracker.extract.rules.undated import _ACTION, _ACTION_LOCATOR, _literal_head

PIECES = [
    *(",", ";", ":", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "-", "–", "—", "(", ")", "."),
    *("a", "wort", "Wort", "x1", "_", "ä"),
]


def _texts(count: int, seed: int, pieces: list[str], most: int = 30) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, most))) for _ in range(count)]


@pytest.mark.parametrize("brackets", [True, False])
def test_clause_marks_find_what_the_plain_pattern_finds(brackets: bool) -> None:
    marks = ClauseMarks(brackets=brackets)
    rng = random.Random(5)
    for text in _texts(3000, seed=int(brackets), pieces=PIECES):
        for _ in range(3):
            pos = rng.randint(0, len(text))
            ends = [m.end() for m in marks.pattern.finditer(text, 0, pos)]
            assert marks.last_end(text, pos) == (ends[-1] if ends else 0), (text, pos)
            first = marks.pattern.search(text, pos)
            assert marks.first_start(text, pos) == (first.start() if first else None), (text, pos)


def test_clause_marks_plain_patterns_are_the_rules_own() -> None:
    """The plain patterns are those the rules used before (findings.py and undated.py)."""
    assert ClauseMarks(brackets=True).pattern.pattern == (
        r"[,;:\s()](?:(?<=[,;:])\s|(?<=\s)[-–]\s|(?<=[()]))"
    )
    assert ClauseMarks(brackets=False).pattern.pattern == r"[,;:\s](?:(?<=[,;:])\s|(?<=\s)[-–]\s)"


WORDS = [
    *("signed", "signs", "unterzeichnet", "unterzeichneten", "unterschrieben", "unterschrieb"),
    *("rückwirkend", "retroactive", "retroactively", "mit Wirkung vom", "with retroactive"),
    *("would have", "wäre", "hätten", "had been due", "hatte ursprünglich geplant", "could have"),
    *("war", "was", "hatte", "had", "were", "Wurden"),
    *(" ", " ", "-", "_", "1", "x", "en", "\n", "ſ", "ı", "İ", "K"),
]
FEW_LETTERS = [p.COUNTERFACTUAL, p.PAST_AUX, p.RETROACTIVE]


@pytest.mark.parametrize(
    ("plain", "scan"),
    [
        (SIGNING_VERB, SIGNING_SCAN),
        *((case_sensitive(pattern), word_scan(case_sensitive(pattern))) for pattern in FEW_LETTERS),
    ],
)
def test_letter_led_scans_find_the_same_matches(plain: re.Pattern[str], scan: re.Pattern[str]):
    assert not scan.pattern.startswith("\\b")  # the letter-led form
    rng = random.Random(9)
    for text in _texts(2000, seed=len(plain.pattern), pieces=WORDS, most=12):
        for sample in (text, text.lower(), text.upper()):
            pos = rng.randint(0, len(sample))
            endpos = rng.randint(pos, len(sample))
            spans = [m.span() for m in plain.finditer(sample, pos, endpos)]
            assert [m.span() for m in scan.finditer(sample, pos, endpos)] == spans


@pytest.mark.parametrize("pattern", FEW_LETTERS)
def test_scan_folded_of_letter_led_scans_is_search(pattern: re.Pattern[str]) -> None:
    for text in _texts(2000, seed=4, pieces=WORDS, most=12):
        assert scan_folded(pattern, text) is (pattern.search(text) is not None)


@pytest.mark.parametrize("table", [DELIVERABLES, EVENT_KEYS])
def test_candidates_are_the_ranks_whose_stems_occur(table: tuple[tuple[str, str], ...]) -> None:
    stems = [stem for entry in _stems(table) if entry for stem in entry]
    # Stems, their parts and overlaps ("plans", "report" in "reports", "rule" in "rules"...).
    pieces = [*stems, *(stem[: len(stem) // 2] for stem in stems), *(s[1:] for s in stems)]
    pieces += [" ", "s", "e", "x", "-", "ä"]
    _, _, _, always = _prepared(table)
    for text in _texts(2000, seed=len(table), pieces=pieces, most=8):
        expected = sorted(
            always
            | {
                rank
                for rank, entry in enumerate(_stems(table))
                if entry and any(s in text for s in entry)
            }
        )
        assert _candidates(table, text) == expected, text


def test_action_locator_finds_every_action() -> None:
    """The trie of the actions' literal starts finds them where `_ACTION` does."""
    alternatives = ("tariffs?", "Aktionspl\\w+", "take\\s+x", "finali[sz]e")
    assert [_literal_head(a) for a in alternatives] == ["tariff", "Aktionspl", "take", "finali"]
    pieces = [
        *("entwickeln", "weiterentwickelt", "Aktionsplan", "Abkommen", "Abkommens", "take it"),
        *("take delivery", "work together", "working", "action plans", "tariff", "tariffs"),
        *("finalize", "set up", "Zölle", "Gesetzentwurf", "invest", "investing", "sign"),
        *("signal", "review", " ", " ", "-", "x", "en", "\n", ".", ","),
    ]
    for text in _texts(2000, seed=11, pieces=pieces, most=10):
        expected = [m.span() for m in _ACTION.finditer(text)]
        assert [m.span() for m in located(_ACTION, _ACTION_LOCATOR, text)] == expected, text
