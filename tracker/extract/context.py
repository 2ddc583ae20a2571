"""What a finding needs from its surroundings: its paragraph, and actors when the clause has none.

Actors come, in this order, from the role of the deliverable (comments are filed by interested
parties), the clause itself without its attribution, the speaker of an attribution, and the
nearest earlier sentence of the same paragraph that names one (anaphora: "die Partner",
"the two sides", "eine entsprechende Absichtserklärung"). Never from another paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import pairwise

from tracker.extract.actors import actor_mentions_in
from tracker.extract.patterns import SPEECH_STEMS, has_any

_PARAGRAPH = re.compile(r"\n[ \t]*\n")
# A character that no actor alias holds: a mention cannot span it (see ActorIndex).
_CUT = re.compile(r"[^\w .'’-]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ\"„“])")
_SPEECH = (
    r"(?:sagte|sagten|sagt|erklärte|erklärten|erklärt|betonte|betonten|betont|meinte|"
    r"hieß\s+es|heißt\s+es|teilte\s+\w+\s+mit|said|says|stated|told|added|noted|explained)"
)
_LEAD_ATTRIBUTION = re.compile(
    rf"^[^.]{{0,140}}?\b{_SPEECH}\b(?:,\s+(?:dass\s+)?|\s+that\s+|,\s+|\s+(?=[a-z]))"
)
_TRAIL_ATTRIBUTION = re.compile(
    rf",\s+(?:(?:so|laut)\s+[^,]{{1,60}}|{_SPEECH}\b[^,]{{0,80}}|according\s+to\s+[^,]{{1,80}}|"
    rf"(?:[\w.'’-]+\s+){{1,6}}{_SPEECH}\b[^,]{{0,40}})[.!?\"”]*$"
)
_FILING_WORDS = ("omment", "ppear", "tellungnahme", "inwendung", "ommentare", "Anträge", "Frist")
_GROUP_WORDS: tuple[str, ...] = (
    *("Seiten", "Länder", "Partner", "Staaten", "Regierung"),
    *("sides", "countries", "parties", "partners", "governments"),
)
_ATTRIBUTION_WORDS = (*SPEECH_STEMS, ", so ", ", laut ", "according")
_GROUP_ANAPHOR = re.compile(
    r"\b(?:beide[nr]?\s+(?:Seiten|Länder|Partner|Staaten|Regierungen)|die\s+Partner|"
    r"die\s+beiden\s+(?:Seiten|Länder|Partner|Staaten)|both\s+(?:sides|countries|parties|partners|"
    r"governments)|the\s+(?:two|three|four)\s+(?:sides|countries|parties|partners|governments)|"
    r"the\s+partners|the\s+parties)\b",
    re.IGNORECASE,
)
_THIRD_PARTY_KEYS = frozenset({"rebuttal comments", "hearing request"})
# Filings by third parties: "written comments must be received by", "Stellungnahmen ... bis".
_FILING = re.compile(
    r"\b(?:(?:[Ww]ritten|[Rr]ebuttal|[Pp]ublic)\s+comments|[Cc]omments\s+(?:on|must|are|may|should|"
    r"will)|[Rr]equests?\s+to\s+appear|(?:submit|file)\s+(?:written\s+)?comments|"
    r"(?:[Ss]tellungnahmen|[Ee]inwendungen|[Kk]ommentare|Anträge)\b.{0,100}?"
    r"(?:eingereicht|einreichen|abgeben|abgegeben|eingehen|vorliegen|möglich|endet)|"
    r"[Ff]rist\s+für\s+(?:Stellungnahmen|Einwendungen|Kommentare|Anträge))\b"
)
_PROJECT = re.compile(r"\b(?:[Pp]roje[ck]t\w*)\b")
CONTEXT_CONFIDENCE = 0.6
SPEAKER_CONFIDENCE = 0.8


@dataclass(frozen=True)
class Paragraphs:
    """Paragraph starts of one text, for "same paragraph" look-ups."""

    text: str
    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Paragraphs:
        """Index the paragraphs of `text` (blank lines separate them)."""
        return cls(text, (0, *(m.end() for m in _PARAGRAPH.finditer(text))))

    def start_of(self, position: int) -> int:
        """Where the paragraph holding `position` starts."""
        return self.starts[bisect_right(self.starts, position) - 1]

    def before(self, position: int) -> str:
        """The text of the paragraph holding `position`, up to `position`."""
        start = self.starts[bisect_right(self.starts, position) - 1]
        return self.text[start:position]


class ActorIndex:
    """Actor mentions of one text, queried by span. A paragraph is scanned only as far as asked
    about (findings sit in few places), in pieces that end after a character no alias holds, so
    that no mention spans two pieces."""

    def __init__(self, text: str, paragraph_starts: tuple[int, ...] = (0,)) -> None:
        self.text = text
        self.bounds = (*paragraph_starts, len(text))
        # paragraph -> (scanned up to, mentions so far)
        self.scanned: dict[int, tuple[int, list[tuple[int, int, str]]]] = {}

    def _mentions(self, low: int, high: int) -> list[tuple[int, int, str]]:
        """The mentions of the paragraphs that overlap [low, high), at least up to `high`."""
        first = max(bisect_right(self.bounds, low) - 1, 0)
        last = max(bisect_left(self.bounds, high) - 1, first)
        mentions: list[tuple[int, int, str]] = []
        for paragraph in range(first, min(last + 1, len(self.bounds) - 1)):
            mentions.extend(self._scan(paragraph, high))
        return mentions

    def _scan(self, paragraph: int, high: int) -> list[tuple[int, int, str]]:
        end = self.bounds[paragraph + 1]
        scanned_to, found = self.scanned.get(paragraph, (self.bounds[paragraph], []))
        if scanned_to < min(high, end):
            cut = _CUT.search(self.text, max(high - 1, scanned_to), end)
            stop = cut.end() if cut else end
            found = [*found, *actor_mentions_in(self.text, scanned_to, stop)]
            self.scanned[paragraph] = (stop, found)
        return found

    def names(self, low: int, high: int) -> list[str]:
        """The canonical actors mentioned wholly inside [low, high), once each, in order."""
        found: dict[str, None] = {}
        for start, end, name in self._mentions(low, high):
            if start >= high:
                break
            if start >= low and end <= high:
                found.setdefault(name, None)
        return list(found)


def without_attribution(sentence: str) -> str:
    """Drop "X sagte, ..." / ", officials said" so the speaker is not taken for the actor."""
    low, high = _content_span(sentence)
    return sentence[low:high]


def _content_span(sentence: str) -> tuple[int, int]:
    """The part of a sentence that is not its attribution, as offsets into it."""
    if not has_any(sentence, _ATTRIBUTION_WORDS):
        return 0, len(sentence)
    trailing = _TRAIL_ATTRIBUTION.search(sentence)
    if trailing is not None:
        return 0, trailing.start()
    lead = _LEAD_ATTRIBUTION.match(sentence)
    return (lead.end() if lead else 0), len(sentence)


def resolve_actors(sentence: str, earlier: str, deliverable: str) -> tuple[list[str], float]:
    """Return the actors of a sentence, given the paragraph's earlier text, and a confidence."""
    text = earlier + sentence
    return actors_at(ActorIndex(text), len(earlier), len(text), 0, deliverable)


def actors_at(
    index: ActorIndex, start: int, end: int, paragraph_start: int, deliverable: str
) -> tuple[list[str], float]:
    """Return the actors of the sentence at [start, end) and how sure we are of them.

    1. Filings by third parties belong to "interested parties" / "project promoters".
    2. Actors named in the clause without its attribution (all of them, confidence 1).
    3. Otherwise, or for "beide Seiten" / "the two sides", the nearest earlier sentence of the
       same paragraph that names any (lower confidence).
    4. Otherwise the speaker of an attribution.
    """
    sentence = index.text[start:end]
    is_filing = has_any(sentence, _FILING_WORDS) and _FILING.search(sentence) is not None
    if deliverable in _THIRD_PARTY_KEYS or is_filing:
        return ["interested parties"], 0.9
    if deliverable == "applications" and _PROJECT.search(sentence):
        return ["project promoters"], 0.9
    low, high = _content_span(sentence)
    own = index.names(start + low, start + high)
    is_group = has_any(sentence, _GROUP_WORDS) and _GROUP_ANAPHOR.search(sentence) is not None
    if own and not is_group:
        return own, 1.0
    inherited = _nearest_actors(index, paragraph_start, start)
    if own or inherited:
        merged = list(dict.fromkeys([*inherited, *own]))
        return merged, 1.0 if not inherited else CONTEXT_CONFIDENCE
    speaker = index.names(start, end)
    return speaker, SPEAKER_CONFIDENCE if speaker else 1.0


def _nearest_actors(index: ActorIndex, low: int, high: int) -> list[str]:
    """The actors of the nearest earlier sentence in [low, high) that names any (last four)."""
    if high <= low or not index.names(low, high):
        return []
    cuts = [low, *(m.start() for m in _SENTENCE_END.finditer(index.text, low, high)), high]
    pairs = list(pairwise(cuts))[-4:]
    for left, right in reversed(pairs):
        found = index.names(left, right)
        if found:
            return found
    return []
