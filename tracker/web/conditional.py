"""PURE: HTTP conditional GET (RFC 9110 §13): If-None-Match, then If-Modified-Since."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime


def http_date(moment: datetime) -> str:
    """Format `moment` as an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), whole seconds."""
    return format_datetime(whole_seconds(moment), usegmt=True)


def whole_seconds(moment: datetime) -> datetime:
    """Return `moment` in UTC without its fraction: HTTP dates carry whole seconds."""
    return moment.astimezone(UTC).replace(microsecond=0)


def is_not_modified(
    if_none_match: str | None,
    if_modified_since: Sequence[str],
    *,
    etag: str,
    last_modified: datetime | None,
) -> bool:
    """Decide a GET/HEAD's 304 (RFC 9110 §13.2.2).

    1. If-None-Match, when present, decides alone: 304 when one of its tags matches `etag`
       (weak comparison), and If-Modified-Since is then ignored (§13.1.3).
    2. Else If-Modified-Since: 304 when `last_modified` (in whole seconds) is at or before the
       given date. A field that is not one valid HTTP-date is ignored, as is a resource without
       a modification date.
    """
    if if_none_match is not None:
        return etag_matches(if_none_match, etag)
    since = parse_http_date(if_modified_since)
    if since is None or last_modified is None:
        return False
    return whole_seconds(last_modified) <= since


def etag_matches(header: str, etag: str) -> bool:
    """If-None-Match's weak comparison (RFC 9110 §13.1.2): `*`, or any tag, W/ ignored."""
    if header.strip() == "*":
        return True
    tags = [tag.strip().removeprefix("W/") for tag in header.split(",")]
    return etag.removeprefix("W/") in tags


def parse_http_date(values: Sequence[str]) -> datetime | None:
    """Return the one HTTP-date of a field (IMF-fixdate, RFC 850 or asctime), else None."""
    if len(values) != 1:
        return None
    value = values[0].strip()
    # An IMF-fixdate or RFC 850 date has one comma (after the weekday); more means a list.
    if value.count(",") > 1:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    # asctime dates carry no zone, and HTTP dates are always GMT.
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
