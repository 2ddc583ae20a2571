"""Removing the holes that time expressions leave in a description (see `summary`).

A hole (HOLE) marks where a time expression was cut out; the focus mark (FOCUS) may stand right
before it. Prepositions left orphaned by a hole ("bis zum", "by") go with it; so does the
reference of a duration ("nach Inkrafttreten der Verordnung"), see `ref_length`.
"""

from __future__ import annotations

import re

from tracker.extract.headline import FOCUS, HOLE

_ORPHAN = re.compile(
    r"(?:(?:^\x01?|\s+)(?i:für|bis|zum|zur|am|um|ab|vom|seit|im|in|vor|mit|on|by|until|for|from|at|as\s+of)"
    r"(?:\s+(?:den|dem|die|der|the))?)+\s*(?=\x01?\x02)"
)
# The word an `_ORPHAN` match ends with (a cheap test on the few characters before each hole).
_ORPHAN_TAIL = re.compile(
    r"(?i:für|bis|zum|zur|am|um|ab|vom|seit|im|in|vor|mit|on|by|until|for|from|at|of)$"
    r"|(?:den|dem|die|der|the)$"
)
_HOLE_IN_COMMAS = re.compile(r",\s*(\x01?)\x02+\s*,")
_HOLE_RUN = re.compile(r"\x02+\s*")
_LEADING_PUNCT = re.compile(r"^(\x01?)[\s,;]+")
SPACE_BEFORE_PUNCT = re.compile(r"\s+([,;.])")
DOUBLE_COMMA = re.compile(r",\s*,")


def strip_holes(text: str) -> str:
    """Remove time-expression holes and the punctuation they leave behind."""
    if HOLE in text:
        if _HOLE_IN_COMMAS.search(text):  # a sub with a group template is slow to set up
            text = _HOLE_IN_COMMAS.sub(r" \1", text)
        if _may_orphan(text):
            text = _ORPHAN.sub(" \x02", text)
        text = _without_holes(text)
    lead = _LEADING_PUNCT.match(text)
    if lead is not None:
        text = lead.group(1) + text[lead.end() :]
    if " ," in text or " ;" in text or " ." in text:
        text = SPACE_BEFORE_PUNCT.sub(r"\1", text)
    if ", ," in text or ",," in text:
        text = DOUBLE_COMMA.sub(",", text)
    return text.strip(" ,;").lstrip(",; ")


def _may_orphan(text: str) -> bool:
    """Whether a preposition or article stands before any hole (else `_ORPHAN` cannot match)."""
    position = text.find(HOLE)
    while position >= 0:
        if _ORPHAN_TAIL.search(_tail(text, position)):
            return True
        if text[position - 1 : position] == FOCUS and _ORPHAN_TAIL.search(
            _tail(text, position - 1)
        ):
            return True
        position = text.find(HOLE, position + 1)
    return False


def _tail(text: str, end: int) -> str:
    """The last six characters before `end` once trailing whitespace is dropped."""
    head = text[max(0, end - 24) : end].rstrip()
    if len(head) < 6 and end > 24:  # a long run of whitespace: look further back
        head = text[:end].rstrip()
    return head[-6:]


def _without_holes(text: str) -> str:
    """`re.sub(r"\\s*\\x02+\\s*", " ", text)`, without trying every whitespace as a start."""
    pieces = _HOLE_RUN.split(text)
    return " ".join([*(piece.rstrip() for piece in pieces[:-1]), pieces[-1]])


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
