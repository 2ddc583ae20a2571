"""Undated commitments: planned actions stated without a resolvable date.

A sentence qualifies when an intent marker ("wollen", "geplant", "will", "is set to", "zügig")
precedes or governs an action word from a small lexicon of policy deliverables. We never guess a
date for these.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tracker.extract.dates.model import located
from tracker.extract.describe.keys import literal_trie
from tracker.extract.folding import lowered, split_alternatives
from tracker.extract.patterns import COUNTERFACTUAL, FORECAST_SUBJECT, FORECAST_VERB, PAST_AUX
from tracker.extract.rules.findings import (
    ClauseMarks,
    Finding,
    prepare_scans,
    scan_folded,
    scan_lowered,
    word_scan,
)
from tracker.extract.rules.marker_scan import match_starts
from tracker.extract.sentences import Sentence

# Intent markers, one alternative each; `word_scan` groups them by first letter so the regex
# engine can skip every position that cannot start one (this scan runs over whole texts).
_MARKERS = (
    r"wollen|will|werden|wird|werde|würden|soll|sollen|solle|möchten?|plant|planen|"
    r"geplante?\w*|vorgesehen\w*|beabsichtig\w*|angestrebt\w*|vereinbart\w*|kündigt\w*|"
    r"Vorschlag\w*|aufgerufen|zügig|rasch|rechtzeitig|demnächst|später|in\s+Kürze|zeitnah|bald|"
    r"in\s+(?:den\s+)?(?:kommenden|nächsten)\s+(?:Wochen|Monaten|Jahren)|in\s+naher\s+Zukunft|"
    r"Sobald|sobald|Sofern|sofern|"
    r"shall|is\s+set\s+to|are\s+set\s+to|plans?\s+to|planning\s+to|planned|intends?\s+to|"
    r"aims?\s+to|agreed\s+to|committed\s+to|is\s+seeking|are\s+seeking|seeks?\s+to|"
    r"is\s+expected\s+to|are\s+expected\s+to|expects?\s+to|is\s+preparing\s+to|are\s+preparing\s+to|"
    r"proposed|promised\s+to|pledged\s+to|vowed\s+to|soon|shortly|eventually|in\s+due\s+course|"
    r"in\s+the\s+(?:coming|next\s+few)\s+(?:weeks|months|years)|in\s+the\s+near\s+future|"
    r"Once(?!\s+(?:again|more|a|an|every|per|upon)\b)|once(?!\s+(?:again|more|a|an|every|per|upon)\b)|"
    r"as\s+soon\s+as|provided\s+that"
)


prepare_scans(COUNTERFACTUAL, FORECAST_SUBJECT, FORECAST_VERB, PAST_AUX)
_MARKER = re.compile(rf"\b(?:{_MARKERS})\b")
_MARKER_SCAN = word_scan(_MARKER)
# ", " / "; " / ": " or " - ".
_BOUNDARIES = ClauseMarks(brackets=False)
_VAGUE = word_scan(
    re.compile(
        r"\b(?:zügig|rasch|rechtzeitig|[Dd]emnächst|später|[Ii]n\s+Kürze|zeitnah|[Bb]ald|[Ii]n\s+(?:den\s+)?"
        r"(?:kommenden|nächsten)\s+(?:Wochen|Monaten|Jahren)|in\s+naher\s+Zukunft|soon|shortly|"
        r"eventually|in\s+due\s+course|[Ii]n\s+the\s+(?:coming|next\s+few)\s+(?:weeks|months|years)|"
        r"[Ii]n\s+the\s+near\s+future)\b"
    )
)
_CONDITION = word_scan(
    re.compile(r"\b(?:[Ss]obald|[Ss]ofern|[Oo]nce|as\s+soon\s+as|provided\s+that)\b")
)
# Markers that follow their action ("Eine Überprüfung ist vorgesehen", "talks are expected").
_PASSIVE_MARKER = re.compile(r"^(?:geplant|vorgesehen|angestrebt|vereinbart|planned|expected)")
# "die geplante Reform", "the proposed rule": the planned noun is the action itself.
_NOMINAL_PLAN = re.compile(
    r"(?:geplant|vorgesehen|angekündigt|beabsichtigt|angestrebt)e[nmrs]?\s+[A-ZÄÖÜ]|"
    r"(?:planned|proposed)\s+[a-z]{3,}|"
    r"(?:plant|planen|beabsichtigt|beabsichtigen)\s+(?:eine[nm]?|ein|die|den|das|neue\w*)\s"
)
# "Neue Quoten sind vorgesehen": the subject of a predicative plan participle is the plan.
_PREDICATIVE_PLAN = re.compile(
    r"\b(?:ist|sind|wird|werden)\s+(?:(?!nicht\b|kein)[a-zäöü]+\s+){0,2}"
    r"(?:geplant|vorgesehen|angestrebt)\b"
)
_ACTION_STEMS = (
    r"entwickel|aufbau|aufzubau|anleg|anzuleg|auffüll|aufzufüll|investier|unterzeichn|"
    r"vorleg|vorzuleg|senk|einsetz|hinzuarbeit|hinarbeit|beantrag|verhandel|überprüf|ausarbeit|"
    r"erarbeit|verabschied|umsetz|umzusetz|veröffentlich|einleit|einzuleit|einführ|einzuführ|"
    r"erhöh|verhäng|abschaff|abzuschaff|aufheb|aufzuheb|gründ|vorstell|"
    r"vorzustell|einricht|einzuricht|abschließ|abzuschließ|beschließ|aufnehm|"
    r"aufzunehm|vorschlag|vorzuschlag|ausschreib|auszuschreib|bereitstell|bereitzustell|finanzier|"
    r"erlass|anheb|anzuheb|verlänger|verschärf|lockern|beitreten|ratifizier|starten|"
    r"treffen|einberuf|abbau|abzubau"
)
_ACTION_WORDS = (
    r"Gespräche|Verhandlungen|Aktionspl\w+|Absichtserklärung\w*|Absichtsabkommen\w*|Überprüfung\w*|"
    r"Abkommens?|Handelsallianz|Unterzeichnung|Einführung|Gesetz\w*|Strategie\w*|Arbeitsgruppe\w*|"
    r"Zölle\w*|Fonds|Programm\w*|"
    r"develop\w*|invest|investing|submit\w*|promote|inform|publish|negotiate|buy|purchase|"
    r"take\s+delivery|impose|establish|launch|sign|conclude|issue|adopt|talks|negotiations|hold|"
    r"consult\w*|Konsultation\w*|Einigung\w*|erziel\w*|set\s+up|create|introduce|raise|lower|"
    r"lift|remove|extend|expand|provide|finali[sz]e|complete|release|present|unveil|propose|"
    r"review|study|assess|designate|fund|build|implement|enforce|appoint|convene|deliver|"
    r"prepare|draft|ratify|announce|work\s+(?:together|towards?|on)|cut|eliminate|"
    r"comments|action\s+plans?|memorandum|agreement|tariffs?|working\s+group|task\s+force"
)
_ACTION = re.compile(rf"(?:{_ACTION_STEMS})\w*\b|\b(?:{_ACTION_WORDS})\b")


def _literal_head(alternative: str) -> str:
    """The literal start of a regex alternative, up to its first special character (without a
    character that a quantifier may leave out): every match of the alternative starts so."""
    cut = re.search(r"[\[(\\.|+]|.[?*{]", alternative)
    head = alternative[: cut.start()] if cut else alternative
    assert head, alternative
    return head


# Where an action can start: the literal start of every stem and word, without the `\b`, as a
# trie (the regex engine then follows one branch per character rather than every alternative).
_ACTION_LOCATOR = re.compile(
    literal_trie(
        _literal_head(alternative)
        for alternative in split_alternatives(f"{_ACTION_STEMS}|{_ACTION_WORDS}")
    )
)


def find_undated(sentence: Sentence) -> Finding | None:
    """Return an undated plan for a sentence with an intent marker and an action, else None."""
    found = _plan_in(sentence.text)
    if found is None:
        return None
    start, end, cue, reason = found
    return Finding(
        "undated",
        sentence.start + start,
        sentence.start + end,
        sentence,
        cue=cue,
        reason=reason,
        confidence=0.5,
    )


@lru_cache(maxsize=1024)
def _plan_in(text: str) -> tuple[int, int, str, str] | None:
    """(start, end, cue, reason) of the plan in a sentence's text, or None."""
    if text.endswith("?"):
        return None
    end = len(text.rstrip(".!?\"'“”»« "))
    for marker in _MARKER_SCAN.finditer(text):  # the same matches as `_MARKER` (tested)
        if end <= marker.start():  # (checked before the clause: it skips the marker either way)
            continue
        clause = _clause(text, marker.start())
        if scan_folded(PAST_AUX, clause) or not _has_action(text, marker, clause):
            continue
        low = lowered(text)
        if scan_lowered(COUNTERFACTUAL, text, low) or _is_forecast(text, low):
            return None
        return marker.start(), end, marker.group(0), _reason(text)
    return None


def _reason(text: str) -> str:
    if _VAGUE.search(text):
        return "vague horizon"
    if _CONDITION.search(text):
        return "conditional on an undated event"
    return "no date given"


def _has_action(text: str, marker: re.Match[str], clause: str) -> bool:
    """An action follows the marker, or, for a participle marker, stands in its clause."""
    if _has(_ACTION, text, marker.start()) or _NOMINAL_PLAN.match(text, marker.start()):
        return True
    if _PREDICATIVE_PLAN.search(clause):
        return True
    return bool(_PASSIVE_MARKER.match(marker.group(0)) and _has(_ACTION, clause))


def _has(pattern: re.Pattern[str], text: str, position: int = 0) -> bool:
    """`pattern.search(text, position) is not None` for `_ACTION`, tried only at its words."""
    return next(located(pattern, _ACTION_LOCATOR, text, position), None) is not None


def _is_forecast(text: str, low: str | None) -> bool:
    """ "Demand is expected to double": a market quantity that grows is no plan (`low` is
    `lowered(text)`)."""
    return scan_lowered(FORECAST_SUBJECT, text, low) and scan_lowered(FORECAST_VERB, text, low)


def _clause(text: str, position: int) -> str:
    """Return the comma- or dash-bounded clause of `text` around `position`."""
    end = _BOUNDARIES.first_start(text, position)
    return text[_BOUNDARIES.last_end(text, position) : len(text) if end is None else end]


def marker_positions(text: str) -> list[int]:
    """Where intent markers occur in the whole text (sentences without one need no check)."""
    return match_starts(_MARKER_SCAN, text)  # `_MARKER_SCAN.finditer` starts, faster
