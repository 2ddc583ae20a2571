"""Intermediate results of the rules, before they become pydantic models."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate

from tracker.extract.dates import TimeExpression
from tracker.extract.folding import (
    case_sensitive,
    lowered,
    prepare,
    search_folded,
    split_alternatives,
)
from tracker.extract.patterns import FORECAST_SUBJECT, FORECAST_VERB, PAST_AUX
from tracker.extract.sentences import Sentence


def factored(alternatives: str) -> tuple[str, str]:
    """Group "|"-separated alternatives by their first letter: (the first letters, the groups).

    A `[Xx]` first letter puts the alternative into both groups. Each alternative must start
    with a letter, or a `[..]` of letters, that no quantifier follows; no "(", ")" or "|" may be
    escaped or stand in a class.
    """
    groups = _first_letters(alternatives)
    joined = "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())
    return "".join(groups), joined


def _first_letters(alternatives: str) -> dict[str, list[str]]:
    """The rests of the alternatives by their first letter, in order (see `factored`)."""
    assert re.search(r"\\[()|]|\[[^\]]*[()|]", alternatives) is None, alternatives
    groups: dict[str, list[str]] = {}
    for alternative in split_alternatives(alternatives):
        letters = re.match(r"(?:\[(\w+)\]|\w)(?![?*+{])", alternative)
        assert letters is not None, alternative
        for letter in letters.group(1) or letters.group(0):
            groups.setdefault(letter, []).append(alternative[letters.end() :])
    return groups


# Up to so many first letters, `word_scan` leads with them rather than with `\b` (see there).
_FEW_LETTERS = 4


def word_scan(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The faster twin of a case-sensitive `\\b(?:word|word...)...` pattern, same matches.

    The regex engine tries every alternative at every word start; the twin first looks ahead
    at the letters alternatives begin with, then tries one group per first letter (`factored`).
    Equivalent: an alternative can only match where its first letter stands, and a group keeps
    the order of its alternatives (so the first that succeeds is the same). Not for IGNORECASE
    patterns (twins are lowercase) nor patterns with groups.

    With few first letters, each group starts with its letter and checks the word start behind
    it, `(?<!\\w.)`: no word character before the letter, which is `\\b` in front of a letter.
    The engine then skips ahead to those letters instead of testing `\\b` everywhere.
    """
    source = pattern.pattern
    assert source.startswith("\\b(?:"), source
    assert not pattern.flags & re.IGNORECASE
    assert not pattern.groups
    depths = accumulate({"(": 1, ")": -1}.get(char, 0) for char in source[2:])
    close = 2 + next(index for index, depth in enumerate(depths) if depth == 0)
    alternatives, rest = source[5:close], source[close + 1 :]
    groups = _first_letters(alternatives)
    if len(groups) <= _FEW_LETTERS and not pattern.flags & re.ASCII:  # (ASCII: \w is no \b)
        led = "|".join(f"{first}(?<!\\w.)(?:{'|'.join(rests)})" for first, rests in groups.items())
        return re.compile(f"(?:{led}){rest}", pattern.flags)
    firsts, joined = factored(alternatives)
    return re.compile(f"\\b(?=[{firsts}])(?:{joined}){rest}", pattern.flags)


_SCANS: dict[re.Pattern[str], re.Pattern[str]] = {}


def prepare_scans(*patterns: re.Pattern[str]) -> None:
    """Build the `word_scan` twins for `scan_folded` now (at import), so that a pattern unfit for
    them fails loudly there rather than inside a rule, where failures are logged and skipped."""
    for pattern in patterns:
        if pattern not in _SCANS:
            _SCANS[pattern] = word_scan(case_sensitive(pattern))


def scan_folded(pattern: re.Pattern[str], text: str) -> bool:
    """`search_folded(pattern, text)` for an IGNORECASE `\\b(?:word|word...)` pattern, with the
    `word_scan` form of its lowercase twin."""
    return scan_lowered(pattern, text, lowered(text))


def scan_lowered(pattern: re.Pattern[str], text: str, low: str | None) -> bool:
    """`scan_folded(pattern, text)`, given `low = lowered(text)` (to lower a text once only)."""
    if low is None:
        return pattern.search(text) is not None
    scan = _SCANS.get(pattern)
    if scan is None:
        scan = _SCANS[pattern] = word_scan(case_sensitive(pattern))
    return scan.search(low) is not None


class ClauseMarks:
    """Where the clause marks ", " "; " ": " " - " (and brackets, if asked) stand in a text.

    The plain pattern, `[,;:\\s()](?:(?<=[,;:])\\s|(?<=\\s)[-–]\\s|(?<=[()]))`, leads with a class
    that holds white space, so the engine stops at every space. The anchor pattern leads with
    the rare character of each mark instead (the comma, the dash, the bracket) and checks the
    white space around it. A match of the plain pattern is found from its anchor: ", " at its
    comma, " - " one character before its dash, a bracket at itself; it ends two characters
    after the anchor (one for a bracket). Anchors come in the order of the matches' starts (no
    anchor is white space), and the plain pattern's look-behinds see only what it consumed, so
    a match at a place does not depend on where a search began (test_clause_marks.py).
    """

    def __init__(self, *, brackets: bool) -> None:
        self.pattern = re.compile(
            r"[,;:\s()](?:(?<=[,;:])\s|(?<=\s)[-–]\s|(?<=[()]))"
            if brackets
            else r"[,;:\s](?:(?<=[,;:])\s|(?<=\s)[-–]\s)"
        )
        self._anchor = re.compile(
            r"[,;:\-–()](?:(?<=[,;:])(?=\s)|(?<=\s[-–])(?=\s)|(?<=[()]))"
            if brackets
            else r"[,;:\-–](?:(?<=[,;:])(?=\s)|(?<=\s[-–])(?=\s))"
        )

    def last_end(self, text: str, endpos: int) -> int:
        """The end of the last match `pattern.finditer(text, 0, endpos)` yields (0 if none).

        finditer goes on from the end of each match; so does this loop over the anchors (marks
        may overlap: in ", - " both ", " and " - " stand)."""
        end = 0
        for anchor in self._anchor.finditer(text, 0, endpos):
            at = anchor.start()
            char = text[at]
            if (at - 1 if char in "-–" else at) >= end:
                end = at + 1 if char in "()" else at + 2
        return end

    def first_start(self, text: str, pos: int = 0) -> int | None:
        """The start of `pattern.search(text, pos)` (None if no match)."""
        for anchor in self._anchor.finditer(text, pos):
            at = anchor.start()
            start = at - 1 if text[at] in "-–" else at
            if start >= pos:  # (a dash at `pos` may follow white space before it)
                return start
        return None


_CLAUSE_MARKS = ClauseMarks(brackets=True)
_FUTURE_VERB = re.compile(
    r"\b(?:will|shall|wird|werden|soll|sollen|is\s+to\s+be|are\s+to\s+be)\b", re.IGNORECASE
)
prepare(_FUTURE_VERB)
prepare_scans(FORECAST_SUBJECT, FORECAST_VERB, PAST_AUX)


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
    # every time expression of the sentence (for descriptions)
    timexes: tuple[TimeExpression, ...] = ()


@dataclass(slots=True)
class Context:
    """What a rule may look at: the text, its sentence, and the publication date.

    One context serves every rule of its sentence; it remembers the clause of each time
    expression, and its lowercased text for the scans (several rules ask for them, and they
    depend only on the sentence and the span).
    """

    text: str
    sentence: Sentence
    published: date
    lang: str = "en"
    _clauses: dict[tuple[int, int], tuple[int, int]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _folded: dict[tuple[int, int], tuple[str, str | None]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def clause(self, span: tuple[int, int]) -> tuple[int, int]:
        """Return the bounds of the clause around a span (commas inside it do not count)."""
        found = self._clauses.get(span)
        if found is None:
            found = self._clauses[span] = self._clause_at(*span)
        return found

    def _clause_at(self, timex_start: int, timex_end: int) -> tuple[int, int]:
        sentence = self.sentence
        left_text = sentence.text[: timex_start - sentence.start]
        right_text = sentence.text[timex_end - sentence.start :]
        right = _CLAUSE_MARKS.first_start(right_text)
        start = sentence.start + _CLAUSE_MARKS.last_end(left_text, len(left_text))
        end = timex_end + (right if right is not None else len(right_text.rstrip(".!?\"'“”")))
        return start, max(end, timex_end)

    def clause_has(self, pattern: re.Pattern[str], span: tuple[int, int]) -> bool:
        """`scan_folded(pattern, self.clause_text(span))`, the clause lowered once for all."""
        folded = self._folded.get(span)
        if folded is None:
            clause = self.clause_text(span)
            folded = self._folded[span] = (clause, lowered(clause))
        return scan_lowered(pattern, *folded)

    def clause_text(self, span: tuple[int, int]) -> str:
        """Return the text of the clause around a span."""
        start, end = self.clause(span)
        return self.text[start:end]

    def is_forecast(self, span: tuple[int, int]) -> bool:
        """Tell whether the clause forecasts a market quantity ("demand will double by 2030")."""
        return self.clause_has(FORECAST_SUBJECT, span) and self.clause_has(FORECAST_VERB, span)

    def has_future_verb(self, span: tuple[int, int]) -> bool:
        """Tell whether the clause speaks of the future (will, shall, wird, werden, soll)."""
        clause = self.clause_text(span)
        return search_folded(_FUTURE_VERB, clause) and not self.clause_has(PAST_AUX, span)
