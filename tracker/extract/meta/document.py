"""Document metadata found in the text itself: publication date, title and source URL."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import islice

from tracker.extract.dates.calendar import safe_date
from tracker.extract.folding import case_sensitive, lowered
from tracker.extract.patterns import MONTH, MONTHS

_HEAD_CHARS = 1500
_DIGIT = re.compile(r"\d")
_FIRST_LINE_DATE = re.compile(r"^\s*date:?\s+(\d{4})-(\d{2})-(\d{2})\b", re.IGNORECASE)
_NUMERIC_DATELINE = re.compile(
    r"^\s*(?:[A-ZÄÖÜ][\w./ -]{1,40},\s*)?(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s*[|–-][^.!?]{0,60})?\s*$"
)
_ISO_LINE = re.compile(r"^\s*(?:[\w ]{0,30}[:,]\s*)?(\d{4})-(\d{2})-(\d{2})\s*$")
_FEDERAL_REGISTER = re.compile(r"Federal Register\s*(?:/\s*)?Vol(?:ume|\.)?\s*\d+", re.IGNORECASE)
_MONTH_DAY = re.compile(
    rf"(?P<month>{MONTH})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d{{2}})\b"
)
_DAY_MONTH = re.compile(
    rf"(?<![\w.,])(?P<day>\d{{1,2}})\.?\s*(?P<month>{MONTH})\s+(?P<year>(?:19|20)\d{{2}})\b"
)
_URL_STATED = re.compile(
    r"(?:URL\s+(?:für\s+diesen\s+Artikel\s+)?lautet|Quelle|Source|Original(?:\s+article)?|Link)"
    r"\s*:?\s*<?(https?://[^\s<>]+)",
    re.IGNORECASE,
)
_URL_STATED_LOWER = case_sensitive(_URL_STATED)
_URL_LINE = re.compile(r"^\s*<?(https?://[^\s<>]+)>?\s*$", re.MULTILINE)


@dataclass(frozen=True)
class FoundMeta:
    """What the text says about itself; any part may be missing."""

    published: date | None
    title: str | None
    url: str | None
    dateline: tuple[int, int] | None  # span of the line that gave the date
    title_span: tuple[int, int] | None = None


def detect_meta(text: str) -> FoundMeta:
    """Find the publication date (first line, dateline or header), the title and a stated URL."""
    published, dateline = _detect_published(text)
    title, title_span = _detect_title(text)
    return FoundMeta(published, title, _detect_url(text), dateline, title_span)


def _lines(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """(offset, line) of each line of `text[:limit]`, as `split("\\n")` cuts them, made lazily:
    the callers stop after the first few."""
    head = text[:limit]
    position = 0
    while (end := head.find("\n", position)) >= 0:
        yield position, head[position:end]
        position = end + 1
    yield position, head[position:]


def _detect_published(text: str) -> tuple[date | None, tuple[int, int] | None]:
    for position, line in _lines(text, _HEAD_CHARS):
        found = _dated_metadata_line(line)
        if found is not None and found[0] is not None:
            (start, end) = found[1]
            return found[0], (position + start, position + end)
    return None, None


def _date_of_metadata_line(line: str) -> date | None:
    """Return the date of a line that is only a date, a dateline or a Federal Register header."""
    found = _dated_metadata_line(line)
    return found[0] if found else None


_BYLINE_LABEL = re.compile(
    r"^\s*(?:Stand|Datum|Date|Published|Updated|Posted|Released|Veröffentlicht|Aktualisiert|"
    r"Erschienen)(?:\s+(?:am|on))?\s*:?\s+(?=\d|[A-ZÄÖÜ])"
)


def _is_date_only(part: str) -> bool:
    """A byline part that is nothing but a date ("March 3, 2026", "03.03.2026")."""
    return bool(
        re.fullmatch(
            rf"\s*(?:{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\.?\s*{MONTH}\s+\d{{4}}|"
            r"\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})\s*",
            part,
        )
    )


@lru_cache(maxsize=64)  # the title's lines are the ones just tried for the date
def _dated_metadata_line(line: str) -> tuple[date | None, tuple[int, int]] | None:
    """Return the date of a metadata line and the span it covers (the whole line unless long)."""
    if _DIGIT.search(line) is None:  # every date form below has digits
        return None
    if "|" in line and len(line) < 120 and not _NUMERIC_DATELINE.match(line):
        for part in line.split("|"):
            found = _dated_metadata_line(part) if part.strip() else None
            if found is not None and (_BYLINE_LABEL.match(part) or _is_date_only(part)):
                return found[0], (0, len(line))
    label = _BYLINE_LABEL.match(line)
    if label is not None:
        found = _dated_metadata_line(line[label.end() :])
        return (found[0], (0, len(line))) if found else None
    match = _FIRST_LINE_DATE.match(line)
    if match:
        return safe_date(*(int(g) for g in match.groups())), match.span()
    for pattern in (_NUMERIC_DATELINE, _ISO_LINE):
        match = pattern.match(line)
        if match:
            a, b, c = (int(g) for g in match.groups())
            return (safe_date(a, b, c) if a > 31 else safe_date(c, b, a)), (0, len(line))
    return _written_date_line(line)


_INLINE_DATELINE = re.compile(
    r"^\s*[A-ZÄÖÜ][\w.'’/-]*(?:\s+[A-ZÄÖÜ][\w.'’/-]*){0,3}(?:\s+\([\w/ ]{1,20}\))?,\s*"
    rf"(?:(?P<month>{MONTH})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d{{2}})"
    rf"|(?P<day2>\d{{1,2}})\.?\s*(?P<month2>{MONTH})\s+(?P<year2>(?:19|20)\d{{2}})"
    r"|(?P<day3>\d{1,2})\.(?P<month3>\d{1,2})\.(?P<year3>(?:19|20)\d{2}))\s*[-–—]\s"
)


def _inline_dateline(line: str) -> tuple[date | None, tuple[int, int]] | None:
    """ "WASHINGTON, March 3, 2026 – The ...": the dateline opens the first paragraph."""
    match = _INLINE_DATELINE.match(line)
    if match is None:
        return None
    groups = match.groupdict()
    if groups["day3"]:
        month = int(groups["month3"])
    else:
        month = MONTHS[(groups["month"] or groups["month2"]).rstrip(".")]
    day = int(groups["day"] or groups["day2"] or groups["day3"])
    year = int(groups["year"] or groups["year2"] or groups["year3"])
    return safe_date(year, month, day), (0, match.end())


def _written_date_line(line: str) -> tuple[date | None, tuple[int, int]] | None:
    """`March 20, 2025`, `20. März 2025`, `Washington, 25. Juli 2018` or a Federal Register line."""
    is_header = bool(_FEDERAL_REGISTER.search(line))
    if len(line.strip()) > 60 and not is_header:
        return _inline_dateline(line)
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        for match in pattern.finditer(line):
            if not match.group("year"):
                continue
            rest = (line[: match.start()] + line[match.end() :]).strip(" ,|-–()[]\t")
            if is_header or _is_dateline_rest(rest):
                month = MONTHS[match.group("month").rstrip(".")]
                found = safe_date(int(match.group("year")), month, int(match.group("day")))
                return found, (match.span() if is_header else (0, len(line)))
    return None


def _detect_title(text: str) -> tuple[str | None, tuple[int, int] | None]:
    """Take the first short line among the first three that is not metadata and not a sentence."""
    candidates = islice(((p, line) for p, line in _lines(text, _HEAD_CHARS) if line.strip()), 3)
    for position, line in candidates:
        stripped = _FIRST_LINE_DATE.sub("", line).strip()
        if not stripped or _date_of_metadata_line(stripped) is not None:
            continue
        if len(stripped) > 200 or stripped.endswith(".") or stripped.startswith(("http", "<", "[")):
            continue
        start = position + line.index(stripped)
        return stripped, (start, start + len(stripped))
    return None, None


def _detect_url(text: str) -> str | None:
    if "http" not in text:
        return None
    match = _url_stated(text) or _URL_LINE.search(text)
    return match.group(1).rstrip(".,;)>") if match else None


def _url_stated(text: str) -> re.Match[str] | None:
    """`_URL_STATED.search(text)`, located case-sensitively on the lowercased text (faster)."""
    low = lowered(text)
    if low is None:
        return _URL_STATED.search(text)
    hit = _URL_STATED_LOWER.search(low)
    return _URL_STATED.search(text, hit.start()) if hit else None


def is_metadata_line(line: str) -> bool:
    """Tell whether a line is only a date, a dateline or a Federal Register header."""
    if _DIGIT.search(line) is None:  # no date without digits
        return False
    if ": " in line and not _FEDERAL_REGISTER.search(line) and not _BYLINE_LABEL.match(line):
        return False
    prefix = _FIRST_LINE_DATE.match(line)
    if prefix and line[prefix.end() :].strip():
        line = line[prefix.end() :]
    if len(line) > 160:
        return False
    return _date_of_metadata_line(line) is not None


def _is_dateline_rest(rest: str) -> bool:
    """What surrounds a dateline's date: a few capitalised words (place, weekday), no sentence."""
    words = rest.split()
    return len(words) <= 4 and not rest.endswith(".") and all(not w[0].islower() for w in words)
