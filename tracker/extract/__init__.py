"""Extraction of commitments, deadlines, undated plans and past events from German and English text.

Pure: no database, no environment, no clock. Importing this package is cheap; the pipeline (and
pydantic) load on the first call to `extract`, the time-expression layer on the first call to
`find_dates` (or `extract`).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.extract.dates import TimeExpression
    from tracker.extract.models import Extraction

__all__ = ["extract", "find_dates"]


def extract(
    text: str, *, published: date | None = None, lang: str | None = None, strict: bool | None = None
) -> Extraction:
    """Extract commitments, undated plans, events and change statements from `text`.

    The publication date, title and URL are taken from the text when not given; without any
    publication date this raises `tracker.errors.NoPublicationDateError`. Otherwise a failing
    rule loses only its own finding: logged at WARNING and listed in `warnings`. With
    `strict` (None: `tracker.extract.build.STRICT_DEFAULT`, which tests turn on) it raises.
    """
    from tracker.extract.build import build_extraction

    return build_extraction(text, published=published, lang=lang, strict=strict)


def find_dates(text: str, *, anchor: date, lang: str, strict: bool = False) -> list[TimeExpression]:
    """Return the time expressions of `text`, read against `anchor` (`tracker.extract.dates`)."""
    from tracker.extract.dates import find_dates as find

    return find(text, anchor=anchor, lang=lang, strict=strict)
