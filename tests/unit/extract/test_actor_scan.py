"""Actor, sentence-end and sentence-boundary scans done in fewer or shorter passes find what the
plain scans find."""

from __future__ import annotations

import random
import re

from tracker.extract.describe.actor_scan import _two_scans, actor_mentions_in
from tracker.extract.describe.actors import _CASE_SENSITIVE, GAZETTEER
from tracker.extract.rules.context import _SENTENCE_END, ActorIndex, _ends_backwards
from tracker.extract.sentences import _boundaries, _is_abbreviation

ALIASES = [alias for name, aliases in GAZETTEER.items() for alias in (name, *aliases)]
NOISE = [
    *("US-Dollar", "EU-weit", "EU-", "-EU", "xUS", "USx", "UK.", "U.S.", "BIS,", "Berlins"),
    *("the", "und", ",", ".", "\n", "\n\n", "-", "(", "'", "’", "ſ", "ı", "K", "İ", "ä"),
]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    vocabulary = [*ALIASES, *sorted(_CASE_SENSITIVE) * 4, *NOISE]
    texts = []
    for _ in range(count):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(0, 25))]
        text = "".join(w + rng.choice([" ", " ", "", "-", ", ", "\n"]) for w in words)
        case = rng.choice([0.0, 0.05, 0.3])
        texts.append("".join(c.swapcase() if rng.random() < case else c for c in text))
    return texts


def test_one_folded_scan_equals_the_two_scans():
    rng = random.Random(11)
    for text in _texts(1500, 12):
        spans = [(0, len(text))]
        spans += [sorted((rng.randint(0, len(text)), rng.randint(0, len(text)))) for _ in range(4)]
        for low, high in spans:
            assert actor_mentions_in(text, low, high) == _two_scans(text, low, high), text


def test_case_sensitive_aliases_are_letters_only():
    """What the one-scan argument needs (see `actor_mentions_in`)."""
    for alias in _CASE_SENSITIVE:
        assert re.fullmatch(r"[^\W\d_]+", alias)
        assert not any(a.lower().startswith(alias.lower()) for a in _CASE_SENSITIVE - {alias})


def test_sentence_ends_found_backwards_equal_the_forward_scan():
    rng = random.Random(13)
    pieces = ["Satz", "x", ".", "!", "?", " ", "  ", "\n", "\t", "A", "Ä", "„", '"', "“", "1", "ü"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        index = ActorIndex(text)
        low = rng.randint(0, len(text))
        high = rng.randint(low, len(text))
        forward = [m.start(1) for m in _SENTENCE_END.finditer(text, max(low - 1, 0), high)]
        assert list(_ends_backwards(index, low, high)) == forward[::-1], (text, low, high)


def test_boundary_scans_per_first_character_equal_the_one_scan():
    one_scan = re.compile(
        r"[.!?…\n](?:(?<=[.!?…])[\"'»«“”’)\]]*\s+(?=[\"'„“«»(\[•\-–]*[A-ZÄÖÜ0-9(„“\"•])"
        r"|(?<=\n)[ \t]*\n\s*"
        r"|(?<=\n)(?=[ \t]*(?:[-•*▪]|\(\w{1,4}\)|\d{1,2}\.)\s))"
    )
    rng = random.Random(14)
    pieces = [
        *(".", "!", "?", "…", "\n", "\n\n", " ", "\t", "Dr", "Satz", "A", "1", "12"),
        *"-•(„”)",
    ]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        expected = {
            m.end()
            for m in one_scan.finditer(text)
            if text[m.start()] != "." or not _is_abbreviation(text, m.start())
        }
        assert set(_boundaries(text)) == expected, text
