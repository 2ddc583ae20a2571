"""Intermediate results of the rules, before they become pydantic models."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from tracker.extract.folding import case_sensitive, lowered, prepare, search_folded
from tracker.extract.patterns import (
    FORECAST_SUBJECT,
    FORECAST_VERB,
    PAST_AUX,
    TENSE_FUTURE,
    TENSE_PAST,
)
from tracker.extract.sentences import Sentence
from tracker.extract.timex import Timex

# ", " / "; " / ": ", " - " or a bracket; the class in front lets the engine skip ahead.
_CLAUSE_MARK = re.compile(r"[,;:\s()](?:(?<=[,;:])\s|(?<=\s)[-–]\s|(?<=[()]))")
_TENSES = ((TENSE_FUTURE, "future"), (TENSE_PAST, "past"))
_TENSES_LOWER = ((case_sensitive(TENSE_FUTURE), "future"), (case_sensitive(TENSE_PAST), "past"))
_FUTURE_VERB = re.compile(
    r"\b(?:will|shall|wird|werden|soll|sollen|is\s+to\s+be|are\s+to\s+be)\b", re.IGNORECASE
)
prepare(FORECAST_SUBJECT, FORECAST_VERB, PAST_AUX, _FUTURE_VERB)


@dataclass
class Finding:
    """A commitment, undated plan or event found by a rule, with its evidence span."""

    kind: str  # "commitment" | "undated" | "event"
    start: int
    end: int
    sentence: Sentence
    cue: str = ""
    on: date | None = None  # due date (commitment) or date (event)
    range_end: date | None = None
    precision: str = "day"
    anchor: date | None = None
    anchor_kind: str | None = None
    confidence: float = 0.8
    reason: str = ""
    key: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    timexes: tuple[Timex, ...] = ()  # every time expression of the sentence (for descriptions)


@dataclass(frozen=True)
class Context:
    """What a rule may look at: the text, its sentence, and the publication date."""

    text: str
    sentence: Sentence
    published: date
    lang: str = "en"

    def clause(self, timex: Timex) -> tuple[int, int]:
        """Return the bounds of the clause around a timex (commas inside it do not count)."""
        sentence = self.sentence
        left_text = sentence.text[: timex.start - sentence.start]
        right_text = sentence.text[timex.end - sentence.start :]
        lefts = [m.end() for m in _CLAUSE_MARK.finditer(left_text)]
        right = _CLAUSE_MARK.search(right_text)
        start = sentence.start + (lefts[-1] if lefts else 0)
        end = timex.end + (right.start() if right else len(right_text.rstrip(".!?\"'“”")))
        return start, max(end, timex.end)

    def clause_text(self, timex: Timex) -> str:
        """Return the text of the clause around a timex."""
        start, end = self.clause(timex)
        return self.text[start:end]

    def direction(self, timex: Timex) -> str:
        """Decide whether a date without a year lies ahead or behind ("future" by default)."""
        return timex.direction or self.tense_near(timex) or "future"

    def tense_near(self, timex: Timex) -> str:
        """Return "future" or "past" after the tense signal closest to the timex ("" if none)."""
        low = max(self.sentence.start, timex.start - 80)
        high = min(self.sentence.end, timex.end + 60)
        best: tuple[int, str] | None = None
        text, offset, patterns = self.text, 0, _TENSES
        window = max(low - 1, 0)  # one character more, for the leading \b
        folded = lowered(self.text[window:high])
        if folded is not None:
            text, offset, patterns = folded, window, _TENSES_LOWER
        for pattern, label in patterns:
            for match in pattern.finditer(text, low - offset, high - offset):
                start, end = match.start() + offset, match.end() + offset
                if timex.start <= start < timex.end:
                    continue
                if label == "past" and TENSE_FUTURE.fullmatch(match.group(0)):
                    continue  # "scheduled", "expected": participles that look ahead
                distance = timex.start - end if end <= timex.start else start - timex.end
                if best is None or distance < best[0]:
                    best = (distance, label)
        return best[1] if best else ""

    def is_forecast(self, timex: Timex) -> bool:
        """Tell whether the clause forecasts a market quantity ("demand will double by 2030")."""
        clause = self.clause_text(timex)
        return search_folded(FORECAST_SUBJECT, clause) and search_folded(FORECAST_VERB, clause)

    def has_future_verb(self, timex: Timex) -> bool:
        """Tell whether the clause speaks of the future (will, shall, wird, werden, soll)."""
        clause = self.clause_text(timex)
        return search_folded(_FUTURE_VERB, clause) and not search_folded(PAST_AUX, clause)
