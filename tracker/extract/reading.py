"""The time expressions of a document: its anchor (publication date) and language found as
`extract` finds them, then `find_dates`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tracker.errors import NoPublicationDateError
from tracker.extract.dates import TimeExpression, find_dates
from tracker.extract.meta.document import detect_meta
from tracker.extract.meta.lang import detect_language


@dataclass(frozen=True)
class DatedText:
    """A text's anchor, language and time expressions."""

    published: date
    lang: str
    dates: list[TimeExpression]


def read_dates(
    text: str, *, published: date | None = None, lang: str | None = None, strict: bool = False
) -> DatedText:
    """Find the time expressions of `text`, anchored on `published` or on the publication date
    the text states; without either this raises `NoPublicationDateError` (never a guess)."""
    anchor = published or detect_meta(text).published
    if anchor is None:
        raise NoPublicationDateError()
    language = lang if lang in ("de", "en") else detect_language(text)
    return DatedText(
        anchor, language, find_dates(text, anchor=anchor, lang=language, strict=strict)
    )
