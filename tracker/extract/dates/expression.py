"""The public record of one time expression: `TimeExpression` (what `find_dates` returns)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tracker.extract.dates.calendar import add_length

Length = tuple[tuple[int, str], ...]  # ((2, "year"), (3, "month")): "2 years and 3 months"


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One time expression of a text, read against an anchor date.

    `span` covers the whole expression, its cue included ("bis zum 31. März", "within 30 days");
    `core_start` is where the date itself begins, after the cue. Days are inclusive:

    - `type` "date": `value` is the day ("am 5. Februar", "vor drei Tagen", "heute").
    - `type` "range": `start`/`end` are its first and last day ("im März", "Q3 2026",
      "vom 3. bis 7. März"); an open range has one side None ("ab 2027", "bis Ende Juni").
    - `type` "duration": a length (`length`, e.g. ((30, "day"),)); `start`/`end` when the text
      bounds it ("innerhalb von 30 Tagen": anchor to anchor + 30 days).
    - `type` "set": a recurrence ("every 90 days", "jeden Montag"); no day.

    `due` is the deadline reading: the day itself for a date, the last day of a period (the
    15th for "Mitte März"), anchor + length for a duration, None where the text sets no end
    ("ab 2027", a duration counted from `ref`). `direction` is "past" or "future" when the text
    fixes it (its own words or the tense of its clause), else None.
    """

    text: str
    span: tuple[int, int]
    type: str  # "date" | "range" | "duration" | "set"
    value: date | None = None
    start: date | None = None
    end: date | None = None
    due: date | None = None
    grain: str = "day"  # "day" | "week" | "month" | "quarter" | "half" | "year"
    direction: str | None = None
    form: str = ""  # the family the text belongs to: "absolute", "weekday", "offset", ...
    cue: str = ""  # "bis zum", "no later than", "ab", "within", "seit" ("" if none)
    core_start: int = -1
    mod: str = ""  # "before" (bis, until, by) | "after" (ab, since, from) for open ranges
    part: str = ""  # "start" | "mid" | "end": "Anfang März", "mid-2026", "end of the year"
    approx: bool = False  # "etwa", "around", "or so", "gegen"
    length: Length = ()
    ref: str = ""  # what a duration counts from: "of the date of this order"
    ref_span: tuple[int, int] | None = None
    noun: str = ""  # the noun of a compound: "Aktionsplan" in "60-Tage-Aktionsplan"
    time: str = ""  # a time of day read with the date, "17:00"
    # The two ends a range was joined from ("from September 16 ... through October 16")
    parts: tuple[TimeExpression, ...] = ()

    @property
    def first_day(self) -> date | None:
        """The day the expression starts on (its value, or the start of its period)."""
        return self.value if self.value is not None else self.start

    @property
    def last_day(self) -> date | None:
        """The day the expression ends on (its value, or the end of its period)."""
        return self.value if self.value is not None else self.end

    def counted_from(self, anchor: date) -> date:
        """Add this expression's length to another anchor ("180 days of the date of this order")."""
        if not self.length:
            raise ValueError(f"{self.text!r} has no length")
        return add_length(anchor, self.length)


_BRIEF = ("text", "span", "type", "value", "start", "end", "due", "grain")


def expression_to_dict(expression: TimeExpression, *, full: bool = False) -> dict[str, object]:
    """The JSON object of one expression: dates as YYYY-MM-DD or null, the span as a list.

    The brief form (`tracker dates --format jsonl`) has text, span, type, value, start, end,
    due and grain; `full` adds what the rules use (direction, form, cue, ...)."""
    data: dict[str, object] = {}
    names = _BRIEF if not full else tuple(TimeExpression.__dataclass_fields__)
    for name in names:
        value = getattr(expression, name)
        if isinstance(value, date):
            value = value.isoformat()
        elif name == "parts":
            value = [expression_to_dict(part, full=True) for part in value]
        elif isinstance(value, tuple):
            value = [list(part) if isinstance(part, tuple) else part for part in value]
        data[name] = value
    return data
