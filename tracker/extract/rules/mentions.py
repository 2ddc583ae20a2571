"""Undated mentions of known happenings, to link a second source to an event dated elsewhere.

One article dates a ministerial meeting ("für den heutigen Mittwoch"); another, published a day
later, only says "nach einem Ministertreffen". The second is evidence for the same event, but
not an event of its own (it has no date). Only specific event keys are linked this way: a bare
"announced" or "meeting" in another text says too little to be the same happening.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tracker.extract.sentences import split_sentences

# event key -> the surface forms (de/en) that refer back to such a happening
MENTION_PATTERNS: dict[str, str] = {
    "ministerial meeting": r"Ministertreffen\w*|Ministerrunde|ministerial (?:meeting|summit)|"
    r"ministerial\b|meeting of (?:trade |foreign )?ministers",
    "reserve announcement": r"\b[Rr]eserve\b|Reserven\b|stockpile",
    "export controls": r"Exportkontrolle\w*|Ausfuhrkontrolle\w*|export controls?",
    "trade agreement": r"Handelsabkommen\w*|Handelsdeal\w*|trade (?:deal|agreement)",
    "proclamation": r"Proklamation\w*|[Pp]roclamations?",
    "executive order": r"Executive Order|Dekret|Präsidialerlass|executive order",
}
# A mention is at most this long (the trigger is its surface form, not the whole sentence).
_QUOTE_LIMIT = 400


@dataclass(frozen=True)
class Mention:
    """An undated reference to a happening: where it is and the sentence around it."""

    trigger: str
    span: tuple[int, int]
    quote: str


@cache
def _pattern(key: str) -> re.Pattern[str] | None:
    source = MENTION_PATTERNS.get(key)
    return re.compile(source) if source else None


def is_linkable(key: str) -> bool:
    """Return whether events with this key may gain evidence from undated mentions."""
    return key in MENTION_PATTERNS


def find_mentions(text: str, key: str) -> list[Mention]:
    """Find every sentence of `text` that mentions a happening of kind `key` (first hit each)."""
    pattern = _pattern(key)
    if pattern is None or pattern.search(text) is None:
        return []
    found = []
    for sentence in split_sentences(text):
        hit = pattern.search(sentence.text)
        if hit is None:
            continue
        start = sentence.start + hit.start()
        quote = " ".join(sentence.text.split())[:_QUOTE_LIMIT]
        found.append(Mention(hit.group(0), (start, start + len(hit.group(0))), quote))
    return found
