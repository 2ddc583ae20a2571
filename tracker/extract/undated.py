"""Undated commitments: planned actions stated without a resolvable date.

A sentence qualifies when an intent marker ("wollen", "geplant", "will", "is set to", "zügig")
precedes or governs an action word from a small lexicon of policy deliverables. We never guess a
date for these.
"""

from __future__ import annotations

import re

from tracker.extract.findings import Finding
from tracker.extract.patterns import COUNTERFACTUAL, PAST_AUX
from tracker.extract.sentences import Sentence

_MARKER = re.compile(
    r"\b(?:wollen|will|werden|wird|werde|würden|soll|sollen|solle|plant|planen|geplante?\w*|"
    r"beabsichtig\w*|vereinbart|kündigt\w*|Vorschlag\w*|aufgerufen|zügig|rasch|rechtzeitig|demnächst|"
    r"später|shall|(?:is|are)\s+set\s+to|plans?\s+to|planned|intends?\s+to|aims?\s+to|agreed\s+to|"
    r"committed\s+to|(?:is|are)\s+seeking|seeks?\s+to|(?:is|are)\s+expected\s+to|expects?\s+to|"
    r"proposed|promised\s+to|pledged\s+to|soon|eventually|in\s+due\s+course)\b"
)
_BOUNDARY = re.compile(r"[,;:]\s|\s[-–]\s")
_VAGUE = re.compile(
    r"\b(?:zügig|rasch|rechtzeitig|demnächst|später|soon|eventually|in\s+due\s+course)\b"
)
_ACTION = re.compile(
    r"(?:entwickel|aufbau|aufzubau|anleg|anzuleg|auffüll|aufzufüll|investier|unterzeichn|"
    r"vorleg|vorzuleg|senk|einsetz|hinzuarbeit|hinarbeit|beantrag|verhandel|überprüf|ausarbeit|"
    r"erarbeit|verabschied|umsetz|umzusetz|veröffentlich|einleit|einzuleit)\w*\b"
    r"|\b(?:Gespräche|Verhandlungen|Aktionspl\w+|Absichtserklärung\w*|Absichtsabkommen\w*|Überprüfung\w*|"
    r"Abkommens?|Handelsallianz|Unterzeichnung|"
    r"develop\w*|invest|investing|submit\w*|promote|inform|publish|negotiate|buy|purchase|"
    r"take\s+delivery|impose|establish|launch|sign|conclude|issue|adopt|talks|negotiations|hold|"
    r"consult\w*|Konsultation\w*|Einigung\w*|erziel\w*|"
    r"comments|action\s+plans?|memorandum|agreement)\b"
)


def find_undated(sentence: Sentence) -> Finding | None:
    """Return an undated plan for a sentence with an intent marker and an action, else None."""
    text = sentence.text
    if text.endswith("?") or COUNTERFACTUAL.search(text):
        return None
    for marker in _MARKER.finditer(text):
        if _ACTION.search(text, marker.start()) and not PAST_AUX.search(
            _clause(text, marker.start())
        ):
            end = len(text.rstrip(".!?\"'“”»« "))
            if end <= marker.start():
                continue
            reason = "vague horizon" if _VAGUE.search(text) else "no date given"
            return Finding(
                "undated",
                sentence.start + marker.start(),
                sentence.start + end,
                sentence,
                cue=marker.group(0),
                reason=reason,
                confidence=0.5,
            )
    return None


def _clause(text: str, position: int) -> str:
    """Return the comma- or dash-bounded clause of `text` around `position`."""
    starts = [m.end() for m in _BOUNDARY.finditer(text, 0, position)]
    end = _BOUNDARY.search(text, position)
    return text[starts[-1] if starts else 0 : end.start() if end else len(text)]


def marker_positions(text: str) -> list[int]:
    """Where intent markers occur in the whole text (sentences without one need no check)."""
    return [m.start() for m in _MARKER.finditer(text)]
