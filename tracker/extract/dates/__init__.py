"""Time expressions: `find_dates` finds every one in a text and reads it against an anchor day.

Pure (no database, no I/O, no clock). Importing this package is cheap; the finders' patterns
compile on the first call. See `tracker.extract.dates.find` for the steps and
`tracker.extract.dates.tense` for how an expression without a year is placed.
"""

from __future__ import annotations

from datetime import date

from tracker.extract.dates.expression import TimeExpression

__all__ = ["TimeExpression", "find_dates"]


def find_dates(text: str, *, anchor: date, lang: str, strict: bool = False) -> list[TimeExpression]:
    """Return the time expressions of `text` in text order, read against `anchor`.

    `lang` is "de" or "en" (it decides "05/02/2026" and a few words). A failing finder loses
    only its own expressions (logged at WARNING) unless `strict`, which raises instead.
    """
    from tracker.extract.dates.find import find_dates as find

    return find(text, anchor=anchor, lang=lang, strict=strict)
