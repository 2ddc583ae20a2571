"""Removing the holes that time expressions leave in a description (see `summary`).

A hole (HOLE) marks where a time expression was cut out; the focus mark (FOCUS) may stand right
before it. Prepositions left orphaned by a hole ("bis zum", "by") go with it; so does the
reference of a duration ("nach Inkrafttreten der Verordnung"), see `ref_length`.
"""

from __future__ import annotations

import re

from tracker.extract.describe.headline import HOLE

_WORDS = "für|bis|zum|zur|am|um|ab|vom|seit|im|in|vor|mit|on|by|until|for|from|at|as of"
_ARTICLES = "den|dem|die|der|the"


def _alternatives(words: str, *, backwards: bool = False) -> str:
    """`words` as regex alternatives, with any whitespace between the parts of "as of"."""
    return "|".join((w[::-1] if backwards else w).replace(" ", r"\s+") for w in words.split("|"))


_ORPHAN = re.compile(
    rf"(?:(?:^\x01?|\s+)(?i:{_alternatives(_WORDS)})"
    rf"(?:\s+(?:{_alternatives(_ARTICLES)}))?)+\s*(?=\x01?\x02)"
)
# `_ORPHAN` read from right to left, on the reversed text: a match starts at its hole (a rare
# literal the engine jumps to) instead of trying every whitespace. The parse backwards is unique
# (an article never is a word, a unit ends at whitespace or the text start), so the greedy match
# is the longest orphan run before the hole, which is the leftmost, i.e. `_ORPHAN`'s, match.
# Group 1 is the span `_ORPHAN` matches (reversed); `\Z`, not `$`, because `^` is no line anchor.
_ORPHAN_BACKWARDS = re.compile(
    rf"\x02\x01?(\s*(?:(?:(?:{_alternatives(_ARTICLES, backwards=True)})\s+)?"
    rf"(?i:{_alternatives(_WORDS, backwards=True)})(?:\s+|\x01?\Z))+)"
)
_HOLE_IN_COMMAS = re.compile(r",\s*(\x01?)\x02+\s*,")
_LEADING_PUNCT = re.compile(r"^(\x01?)[\s,;]+")
# `\s+([,;.])` -> `\1` without a group template (slow to expand): the punctuation is only
# looked at, and no match can start on it, so the matches found are the same.
SPACE_BEFORE_PUNCT = re.compile(r"\s+(?=[,;.])")
DOUBLE_COMMA = re.compile(r",\s*,")


def strip_holes(text: str) -> str:
    """Remove time-expression holes and the punctuation they leave behind."""
    if HOLE in text:
        if _HOLE_IN_COMMAS.search(text):  # a sub with a group template is slow to set up
            text = _HOLE_IN_COMMAS.sub(r" \1", text)
        if _may_orphan(text):
            text = _drop_orphans(text)
        text = _without_holes(text)
    lead = _LEADING_PUNCT.match(text)
    if lead is not None:
        text = lead.group(1) + text[lead.end() :]
    if " ," in text or " ;" in text or " ." in text:
        text = SPACE_BEFORE_PUNCT.sub("", text)
    if ", ," in text or ",," in text:
        text = DOUBLE_COMMA.sub(",", text)
    return text.strip(" ,;").lstrip(",; ")


def _may_orphan(text: str) -> bool:
    """Whether a preposition or article stands orphaned before a hole (an `_ORPHAN` match)."""
    return _ORPHAN_BACKWARDS.search(text[::-1]) is not None


def _drop_orphans(text: str) -> str:
    """`_ORPHAN.sub(" \\x02", text)`: matches found backwards, from the holes (see above).

    `_ORPHAN`'s matches cannot cross a hole and end right before one, so each hole has at most one
    and they never overlap: the backward matches, mapped back, are the same spans."""
    size, end = len(text), len(text)
    pieces: list[str] = []
    for match in _ORPHAN_BACKWARDS.finditer(text[::-1]):
        reversed_start, reversed_end = match.span(1)
        pieces += (text[size - reversed_start : end], " \x02")
        end = size - reversed_end
    pieces.append(text[:end])
    return "".join(reversed(pieces))


def _without_holes(text: str) -> str:
    """`re.sub(r"\\s*\\x02+\\s*", " ", text)`, without trying every whitespace as a start.

    The pieces between holes lose their whitespace next to a hole; an empty piece lies between
    two adjacent holes, which make one run (one space)."""
    if HOLE not in text:
        return text
    first, *inner, last = text.split(HOLE)
    return " ".join([first.rstrip(), *[piece.strip() for piece in inner if piece], last.lstrip()])


_DE_REF_WORD = re.compile(
    r"(?:[A-ZÄÖÜ][\w-]*|der|die|das|des|dem|den|ein|eine|einer|eines|einem|ihrer|seiner|dieser|"
    r"diese[sm]?|von|vom|zu|zur|zum|über|für|mit|im|am|nach|ab|seit|folgenden|und)$"
)


_DE_ADJECTIVE = re.compile(
    r"(?!(?:müssen|sollen|werden|können|dürfen|wollen|haben|sind|treten|gelten)$)[a-zäöüß]+(?:e|en|er|es|em)"
)


def ref_length(ref: str, lang: str) -> int:
    """How much of a duration's reference to drop: in German only its noun phrase
    ("30 Tage nach Inkrafttreten der Verordnung erhöht werden" keeps "erhöht werden")."""
    if lang != "de":
        return len(ref)
    end = 0
    words = list(re.finditer(r"\S+", ref))
    for index, word in enumerate(words):
        token = word.group(0)
        is_adjective = (
            _DE_ADJECTIVE.fullmatch(token) is not None
            and index + 1 < len(words)
            and words[index + 1].group(0)[:1].isupper()
        )
        if not (_DE_REF_WORD.match(token) or is_adjective):
            break
        end = word.end()
    return end
