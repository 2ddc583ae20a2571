"""What a deliverable is about: its complement ("Bericht über Mikroplastik", "report on truck
tolls", "Mikroplastikbericht", "steel tariff review"), as word stems (pure).

Two commitments with the same generic deliverable ("a report", "ein Plan") are the same only if
what they are about agrees: `same_subject` says no when both name a subject and the subjects
share nothing. When either names none, it cannot tell and says yes.
"""

from __future__ import annotations

import re
from functools import cache

from tracker.extract.describe.keys import DELIVERABLES
from tracker.extract.describe.topics import topic_terms

_LINKS = frozenset(
    [
        "über",
        "zur",
        "zum",
        "zu",
        "zu",
        "den",
        "zum",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "einen",
        "eine",
        "einer",
        "eines",
        "ein",
        "für",
        "von",
        "vom",
        "im",
        "in",
        "zu",
        "bei",
        "on",
        "about",
        "of",
        "for",
        "regarding",
        "concerning",
        "into",
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "new",
        "neue",
        "neuen",
        "neuer",
        "neues",
        "mit",
        "with",
    ]
)
_STOPS = frozenset(
    [
        "vor",
        "vorlegen",
        "vorgelegt",
        "vorzulegen",
        "legt",
        "legen",
        "present",
        "presents",
        "presented",
        "publish",
        "publishes",
        "published",
        "submit",
        "submits",
        "submitted",
        "deliver",
        "delivers",
        "will",
        "soll",
        "sollen",
        "wird",
        "werden",
        "would",
        "must",
        "by",
        "bis",
        "within",
        "innerhalb",
        "binnen",
        "days",
        "tagen",
        "tage",
        "weeks",
        "wochen",
        "months",
        "monaten",
        "monate",
        "and",
        "und",
        "or",
        "oder",
        "to",
    ]
)
_WORD = re.compile(r"[^\W\d_][\w-]*")
_MAX_WORDS = 4
_MIN_STEM = 4


@cache
def _pattern(key: str) -> re.Pattern[str] | None:
    found = [pattern for pattern, k in DELIVERABLES if k == key]
    return re.compile("|".join(found)) if found else None


def subject_of(text: str, deliverable: str) -> frozenset[str]:
    """The stems of what `deliverable` is about in `text` (empty when the text does not say)."""
    pattern = _pattern(deliverable)
    match = pattern.search(text) if pattern is not None else None
    if match is None:
        return frozenset()
    stems: set[str] = set()
    word_start = max(text.rfind(" ", 0, match.start()) + 1, 0)
    compound = text[word_start : match.start()].strip("-„“\"'(")
    if len(compound) >= _MIN_STEM and not compound[0].isdigit():  # "Mikroplastikbericht"
        stems.add(_stem(compound))
    stems |= _following(text[match.end() :])
    stems |= _preceding(text[:word_start])
    return frozenset(stems)


def same_subject(one: frozenset[str], other: frozenset[str]) -> bool:
    """False only when both name a subject and share no stem or concept.

    Stems are folded ("k" as "c") and may differ in one letter, so many words shared by German
    and English match ("Mikroplastik" / "microplastics", "kritischen" / "critical"); concepts
    (steel / Stahl) match across languages. A translated subject with no such overlap ("Lkw-Maut"
    / "truck tolls") stays apart: two items to merge by hand beat one that hides a deadline.
    """
    if not one or not other:
        return True
    return any(_close(a, b) for a in one for b in other)


def _following(rest: str) -> set[str]:
    """Content words after the noun, past its linking words, up to a verb or clause end."""
    stems: set[str] = set()
    rest = rest.lstrip()
    if rest[:1].isalpha() and not rest.startswith(tuple(_LINKS)) and rest[:1].islower():
        return stems  # "Bericht vorlegen": no complement
    for word in _WORD.findall(re.split(r"[,.;:!?()]", rest, maxsplit=1)[0]):
        lowered = word.casefold()
        if lowered in _LINKS:
            continue
        if lowered in _STOPS or len(stems) >= _MAX_WORDS:
            break
        if len(lowered) >= _MIN_STEM:
            stems.add(_stem(word))
            stems |= {t for t in topic_terms(word) if t.startswith("c:")}
    return stems


def _preceding(before: str) -> set[str]:
    """English noun modifiers right before the noun ("truck toll report")."""
    stems: set[str] = set()
    for word in reversed(_WORD.findall(before)[-2:]):
        lowered = word.casefold()
        if (
            lowered in _LINKS
            or lowered in _STOPS
            or not word[:1].islower()
            or len(lowered) < _MIN_STEM
        ):
            break
        stems.add(_stem(word))
    return stems


def _stem(word: str) -> str:
    return word.casefold().replace("k", "c")[:6]


def _close(one: str, other: str) -> bool:
    """Equal stems, or one letter apart ("microp" / "mikrop" after folding k to c)."""
    if one == other:
        return True
    if one.startswith("c:") or other.startswith("c:") or len(one) != len(other):
        return False
    return sum(a != b for a, b in zip(one, other, strict=True)) <= 1
