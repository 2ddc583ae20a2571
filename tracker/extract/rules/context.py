"""What a finding needs from its surroundings: its paragraph, and actors when the clause has none.

Actors come, in this order, from the role of the deliverable (comments are filed by interested
parties), the clause itself without its attribution, the speaker of an attribution, and the
nearest earlier sentence of the same paragraph that names one (anaphora: "die Partner",
"the two sides", "eine entsprechende Absichtserklärung"). Never from another paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from tracker.extract.describe.actor_scan import actor_mentions_in
from tracker.extract.patterns import SPEECH_STEMS, has_any

_PARAGRAPH = re.compile(r"\n[ \t]*\n")
# A character that no actor alias holds: a mention cannot span it (see ActorIndex).
_CUT = re.compile(r"[^\w .'’-]")
# Where a sentence ends: the white space after [.!?] before a capital (group 1). Taking the mark
# into the match, rather than looking behind for it, lets the engine skip ahead to the marks.
_SENTENCE_END = re.compile(r"[.!?](\s+)(?=[A-ZÄÖÜ\"„“])")
# The same on the reversed text, to find sentence ends from the last one back (see
# `_ends_backwards`).
_SENTENCE_END_REVERSED = re.compile(r"[A-ZÄÖÜ\"„“]\s+[.!?]")
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
# A pre-check for _FILING (and "ommentare" holds "omment": one check less).
_FILING_WORDS = ("omment", "ppear", "tellungnahme", "inwendung", "Anträge", "Frist")
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
    """Actor mentions of one text, queried by span.

    Only the stretches asked about are scanned (findings sit in few places). A query is widened
    to a piece that starts and ends just after a character no alias holds (`_CUT`), or at its
    paragraph's bounds, and the parts of it not scanned before are scanned. No mention spans
    such a point and the aliases' look-arounds see the same characters there, so the mentions
    found do not depend on where the text was cut: they are those of scanning each paragraph
    whole (test_scan_equivalence.py), and a span whose characters were all scanned has all its
    mentions known.
    """

    def __init__(self, text: str, paragraph_starts: tuple[int, ...] = (0,)) -> None:
        self.text = text
        self.bounds = (*paragraph_starts, len(text))
        self._backwards: str | None = None  # the text reversed, to search back for a cut
        self._scanned = bytearray(len(text))  # 1 where scanned
        self._found: list[tuple[int, int, str]] = []  # the mentions found so far, by start
        self._starts: list[int] = []

    def names(self, low: int, high: int) -> list[str]:
        """The canonical actors mentioned wholly inside [low, high), once each, in order."""
        low = max(low, 0)  # (no mention starts before 0; find() would count from the end)
        if high <= low:
            return []
        if self._scanned.find(0, low, high) >= 0:
            self._cover(low, high)
        found: dict[str, None] = {}
        mentions = self._found
        for at in range(bisect_left(self._starts, low), len(mentions)):
            start, end, name = mentions[at]
            if start >= high:
                break
            if end <= high:
                found.setdefault(name, None)
        return list(found)

    def _cover(self, low: int, high: int) -> None:
        """Scan what is not scanned yet of the pieces around [low, high)."""
        bounds, scanned = self.bounds, self._scanned
        for paragraph in range(max(bisect_right(bounds, low) - 1, 0), len(bounds) - 1):
            start, end = bounds[paragraph], bounds[paragraph + 1]
            if start >= high:
                break
            if start >= end or end <= low:
                continue
            stop = self._cut_after(high, end)
            gap = scanned.find(0, self._cut_before(max(low, start), start), stop)
            while gap >= 0:  # the ends of what was scanned are cut points too
                gap_end = scanned.find(1, gap, stop)
                gap_end = stop if gap_end < 0 else gap_end
                self._scan(gap, gap_end)
                gap = scanned.find(0, gap_end, stop)

    def _cut_before(self, position: int, floor: int) -> int:
        """The last point at or before `position` that follows a `_CUT` character, or `floor`."""
        if position <= floor:
            return floor
        size = len(self.text)  # text[i] is backwards()[size - 1 - i]
        cut = _CUT.search(self.backwards(), size - position, size - floor)
        return size - cut.start() if cut else floor

    def backwards(self) -> str:
        """The text reversed (made once), to search back from a position."""
        if self._backwards is None:
            self._backwards = self.text[::-1]
        return self._backwards

    def _cut_after(self, position: int, ceiling: int) -> int:
        """The first point at or after `position` that follows a `_CUT` character, or `ceiling`."""
        if position >= ceiling:
            return ceiling
        cut = _CUT.search(self.text, position - 1, ceiling)
        return cut.end() if cut else ceiling

    def _scan(self, low: int, high: int) -> None:
        """Scan [low, high), which holds no mention found so far."""
        found = actor_mentions_in(self.text, low, high)
        if found:
            at = bisect_left(self._starts, low)
            self._found[at:at] = found
            self._starts[at:at] = [mention[0] for mention in found]
        self._scanned[low:high] = b"\x01" * (high - low)


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
    if deliverable in _THIRD_PARTY_KEYS or (
        has_any(sentence, _FILING_WORDS) and _FILING.search(sentence) is not None
    ):
        return ["interested parties"], 0.9
    if deliverable == "applications" and _PROJECT.search(sentence):
        return ["project promoters"], 0.9
    speaker = index.names(start, end)
    own = speaker  # the clause without its attribution names none when the sentence does not
    if speaker:
        low, high = _content_span(sentence)
        if (low, high) != (0, len(sentence)):
            own = index.names(start + low, start + high)
    if own and not (has_any(sentence, _GROUP_WORDS) and _GROUP_ANAPHOR.search(sentence)):
        return own, 1.0
    inherited = _nearest_actors(index, paragraph_start, start)
    if own or inherited:
        merged = list(dict.fromkeys([*inherited, *own]))
        return merged, 1.0 if not inherited else CONTEXT_CONFIDENCE
    return speaker, SPEAKER_CONFIDENCE if speaker else 1.0


def _nearest_actors(index: ActorIndex, low: int, high: int) -> list[str]:
    """The actors of the nearest earlier sentence in [low, high) that names any (last four).

    (Whether [low, high) names any at all needs no asking first: if not, none of its sentences
    does either, and scanning the last four sentences is cheaper than the whole paragraph.)"""
    if high <= low:
        return []
    ends = _ends_backwards(index, low, high)
    for _ in range(4):
        left = next(ends, None)
        found = index.names(low if left is None else left, high)
        if found or left is None:
            return found
        high = left
    return []


def _ends_backwards(index: ActorIndex, low: int, high: int) -> Iterator[int]:
    """`m.start(1)` for `m` in `_SENTENCE_END.finditer(index.text, max(low - 1, 0), high)`, last
    first: the matches of `_SENTENCE_END_REVERSED` on the reversed text (a mark, the white space
    after it, and the character after that, which the look-ahead needs before `high`; no two of
    them overlap, either way round), searched as far back as needed only."""
    size = len(index.text)  # text[i] is backwards()[size - 1 - i]
    reversed_ends = _SENTENCE_END_REVERSED.finditer(
        index.backwards(), size - high, size - max(low - 1, 0)
    )
    return (size - match.end() + 1 for match in reversed_ends)
