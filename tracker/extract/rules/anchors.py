"""Which date a relative expression counts from: publication, signing, a stated date or an event."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from tracker.extract.describe.keys import nearest_key
from tracker.extract.rules.findings import Finding, word_scan

SIGNING_VERB = re.compile(
    r"\b(?:signed|signs|unterzeichnet\w*|unterschrieben|unterschrieb|unterzeichneten)\b"
)
SIGNING_SCAN = word_scan(SIGNING_VERB)  # the same matches, faster
ORDER_OF = re.compile(
    r"(?:Executive\s+Order|Proclamation|Presidential\s+Memorandum|Memorandum|Durchführungsverordnung|"
    r"Verordnung|Anordnung|Beschluss)\s+(?:No\.\s*|Nr\.\s*)?[\d/-]*\s*(?:of|vom)\s+$"
)
SIGNING_REF = re.compile(
    r"^(?:of|after|from|following|nach|ab)\s+(?:(?:the\s+)?(?:date|day)\s+of\s+)?(?:this|the|dieser|der)\s+"
    r"(?:executive\s+order|order|proclamation|memorandum|directive|Anordnung|Proklamation)\b"
    r"(?!\s+(?:is|was|that|of|to)\b)",
    re.IGNORECASE,
)
_LAST_DAY = re.compile(r"\b(?:last|final|letzten)\s+(?:day|Tag)\b", re.IGNORECASE)
_UNDATED_REF = re.compile(
    r"^(?:of|after|from|following)\s+(?:the\s+)?(?:date|day)\s+(?:that|on\s+which|when)\b",
    re.IGNORECASE,
)


@dataclass
class AnchorBook:
    """Dates the text itself provides to count from."""

    published: date
    order_date: date | None = None
    signings: list[tuple[int, date]] = field(default_factory=list)
    in_force: list[tuple[int, date]] = field(default_factory=list)  # "trat am ... in Kraft"
    dated: list[Finding] = field(default_factory=list)

    @property
    def signing_date(self) -> date:
        """The date of the order or agreement the text is about (publication date by default)."""
        if self.order_date is not None:
            return self.order_date
        return self.signings[0][1] if self.signings else self.published

    def default_anchor(self, position: int, sentence_events: list[Finding]) -> tuple[date, str]:
        """Pick the anchor: a date in the sentence, the last signing before it, or publication."""
        if sentence_events and sentence_events[0].on is not None:
            kind = (
                "signing" if SIGNING_SCAN.search(sentence_events[0].sentence.text) else "explicit"
            )
            return sentence_events[0].on, kind
        earlier = [on for offset, on in self.signings if offset < position]
        if earlier:
            return earlier[-1], "signing"
        return self.published, "published"

    def resolve_ref(self, ref: str, position: int) -> tuple[date, str] | None:
        """Return the anchor a reference names ("of this order", "after the hearing").

        None when the reference is an event the text does not date.
        """
        if SIGNING_REF.match(ref):
            return self.signing_date, "signing"
        if _UNDATED_REF.match(ref):
            return None
        key = nearest_key(ref, 0)
        if not key:
            return None
        for finding in self.dated:
            if not finding.key:
                finding.key = nearest_key(
                    finding.sentence.text, finding.start - finding.sentence.start
                )
        candidates = [f for f in self.dated if f.key == key and f.sentence.start != position]
        if not candidates:
            return None
        before = [f for f in candidates if f.start < position]
        chosen = before[-1] if before else candidates[0]
        assert chosen.on is not None
        if _LAST_DAY.search(ref) and chosen.range_end is not None:
            return chosen.range_end, "event"
        return chosen.on, "event"
