"""The shortcuts in descriptions (`summary`, `headline`, `holes`) give the plain regex results."""

from __future__ import annotations

import random
import re

from tracker.extract.describe import headline as hl
from tracker.extract.describe import holes
from tracker.extract.describe import summary as su
from tracker.extract.patterns import has_any

WORDS = [
    *("für", "FÜR", "bis", "zum", "am", "in", "by", "until", "as of", "of", "den", "the", "The"),
    *("ſeit", "bİs", "ıN", "Die", "Der", "Das", "Ein", "A", "An", "x", "fürs", "form", "word"),
    *("Abkommen", "EU-Abkommen", "-Plan", "plan", "agreement", "über", "zu", "on", "EU", "Mexiko"),
    *("sagte", "said", "officials", "so", "laut", "according", "to", "teilte", "mit", "despite"),
    *("trotz", "Spannungen", "erwartet", "wird", "effective", "Wirksam", "60-day", "90-Tage"),
    *("11:59", "12.00", "3.5", "2026", "Uhr", "p.m.", "und", "with", "Plan"),
]
SEPARATORS = [" "] * 8 + [
    *("  ", "\n", "\t", "\xa0", "", ",", ", ", " ,", ";", "; ", ": ", ".", " - ", " – "),
    *("(", ")", " (", "[", "]", "-", "\x01", "\x02", "\x02\x02", " \x02 ", "\x01\x02"),
]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        rng.choice(["", *SEPARATORS])
        + "".join(rng.choice(WORDS) + rng.choice(SEPARATORS) for _ in range(rng.randint(0, 24)))
        for _ in range(count)
    ]


def test_orphans_found_backwards_are_the_orphan_matches():
    edges = ["\n\x01für \x02", "\x01am\x02", " \x01am \x02", "am den \x02", "x as \n of\x01\x02"]
    for text in [*_texts(2000, 11), *edges]:
        assert holes._may_orphan(text) == (holes._ORPHAN.search(text) is not None)
        assert holes._drop_orphans(text) == holes._ORPHAN.sub(" \x02", text)


def test_space_before_punctuation_without_a_template():
    for text in _texts(500, 12):
        expected = re.sub(r"\s+([,;.])", r"\1", text)
        assert holes.SPACE_BEFORE_PUNCT.sub("", text) == expected


def test_asides_and_clock_hints_equal_the_plain_patterns():
    aside = re.compile(r"\s*(?:\([^()\x01]*\)|\[[^\]\x01]*\])")
    clock = re.compile(r"\d[:.]\d\d")
    for text in _texts(1000, 13):
        assert su._without_asides(text) == aside.sub("", text)
        hint = su._CLOCK_DOT.search(text) or su._CLOCK_COLON.search(text)
        assert bool(hint) == bool(clock.search(text))


def test_trailing_attribution_looked_for_at_the_last_comma_only():
    def reference(text: str, speech: bool) -> str:
        if not (speech or has_any(text, su._TRAIL_CUES)):
            return text
        match = su._TRAIL_ATTRIBUTION.search(text)
        return text[: match.start()] if match and "\x01" not in match.group(0) else text

    tails = ["", ", said officials", ", so die EU", ", according to x", ", sagte er.\n"]
    rng = random.Random(14)
    for text in (text + rng.choice(tails) for text in _texts(1000, 14)):
        for speech in (True, False):
            assert su._strip_trailing_attribution(text, speech) == reference(text, speech)


def test_cheap_tests_never_hide_a_match():
    for text in _texts(1000, 15):
        cleaned = su._clean(text)
        assert has_any(cleaned, su._SEGMENT_CUES) or su._SEGMENT.search(cleaned) is None
        assert has_any(text, su._CONCESSIVE_WORDS) or su._CONCESSIVE.search(text) is None
        assert ("-" in text or "‑" in text) or su._COMPOUND.search(text) is None
        assert text.startswith(hl._ARTICLE_STARTS) or hl._LEADING_ARTICLE.match(text) is None
        ends = text.removesuffix("\n").endswith(hl._EXPECTED)
        assert ends or hl._DE_EXPECTED.match(text) is None
    for cue in ["effective", "EFFECTIVE", "Wirksam", "wİrksam", "ſ", "", "in the next"]:
        matches = su._PREDICATE_CUE.match(cue) is not None
        assert cue[:1] in su._PREDICATE_INITIALS or not matches


def test_referents_looked_for_from_the_first_head_word():
    phrases = ["EU-Abkommen über Zölle", "das Abkommen zur Energie", "a plan on trade policy, "]
    rng = random.Random(16)
    for context in (text + rng.choice(phrases) + text for text in _texts(1000, 16)):
        start = hl._referent_start(context)
        found = list(hl._REFERENT.finditer(context, start)) if start >= 0 else []
        expected = list(hl._REFERENT.finditer(context))
        assert [m.groupdict() for m in found] == [m.groupdict() for m in expected]


def test_capitalise_upper_cases_the_first_letter_after_marks():
    def reference(text: str) -> str:
        for index, char in enumerate(text):
            if char.isalpha():
                return text[:index] + char.upper() + text[index + 1 :]
            if char not in ("\x01", "\x02", " "):
                break
        return text

    for text in [*_texts(500, 17), "\x01 \x02ßx", "\x01", " 3x", "ǆ"]:
        assert hl.capitalise(text) == reference(text)


def test_dangling_last_word_dropped_as_by_the_pattern():
    dangling = re.compile(
        r"\s+(?:und|oder|der|die|das|den|dem|des|ein|eine|mit|zu|für|von|in|the|a|an|"
        r"and|or|of|to|for|with|in|on)$"
    )
    rng = random.Random(18)
    words = ["und", "oder", "an", "and", "a", "x", "Planung", "the", "theme", "zu", "für"]
    for _ in range(500):
        text = " ".join(rng.choice(words) for _ in range(40))
        text = text[0].upper() + text[1:]
        cut = text[: su.LIMIT].rsplit(" ", 1)[0]
        assert su._finish(text) == dangling.sub("", cut) + "…"
