"""PURE: RSS and Atom feeds (feedparser, given bytes: it never fetches) into watch entries."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from tracker.errors import InputError
from tracker.sources.entries import WatchEntry, digest, entry_key
from tracker.sources.html import fragment_to_text

# Entry content (content:encoded, atom:content) shorter than this is a teaser, and so is a
# summary shorter than the second: then the linked page is read instead.
FULL_CONTENT_CHARS = 200
FULL_SUMMARY_CHARS = 1500


@dataclass(frozen=True)
class ParsedFeed:
    title: str | None
    entries: list[WatchEntry]


def parse_feed(body: bytes, *, url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse a feed document; a document with no feed in it is an InputError."""
    import feedparser

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed: Any = feedparser.parse(body, response_headers=headers, sanitize_html=True)
    version = parsed.get("version") or ""
    if not version and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise InputError(f"{url}: not an RSS or Atom feed" + (f" ({reason})" if reason else ""))
    feed = parsed.get("feed") or {}
    return ParsedFeed(
        title=_clean(feed.get("title")), entries=[_entry(raw) for raw in parsed.entries]
    )


def _entry(raw: Any) -> WatchEntry:
    link = _clean(raw.get("link"))
    guid = _clean(raw.get("id"))
    title = _clean(raw.get("title"))
    summary_html = raw.get("summary") or ""
    content_html = "\n".join(c.get("value", "") for c in raw.get("content") or [])
    # dict.get: feedparser's own get() maps updated to published with a warning.
    updated, published_at = dict.get(raw, "updated"), dict.get(raw, "published")
    stamp = dict.get(raw, "updated_parsed") or dict.get(raw, "published_parsed")
    published = _local_date(published_at or updated) or _date(
        dict.get(raw, "published_parsed") or dict.get(raw, "updated_parsed")
    )
    content = fragment_to_text(content_html) if content_html.strip() else ""
    summary = fragment_to_text(summary_html) if summary_html.strip() else ""
    full = content if len(content) >= FULL_CONTENT_CHARS else None
    if full is None and (len(summary) >= FULL_SUMMARY_CHARS or (summary and not link)):
        full = summary  # the whole article in the description, or no page to read
    return WatchEntry(
        key=entry_key(link, guid or title),
        url=link,
        fingerprint=digest(link, guid, title, _iso(stamp), content_html, summary_html),
        title=title,
        published=published,
        text=full,
        summary=summary or None,
    )


def _clean(value: Any) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def _local_date(value: Any) -> date | None:
    """The date as the feed wrote it, in its own offset (feedparser's are shifted to UTC)."""
    text = str(value or "").strip()
    if not text:
        return None
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _date(stamp: Any) -> date | None:
    return datetime.fromtimestamp(calendar.timegm(stamp), UTC).date() if stamp else None


def _iso(stamp: Any) -> str | None:
    return datetime.fromtimestamp(calendar.timegm(stamp), UTC).isoformat() if stamp else None
