"""PURE: what a watched source lists (feed items, sitemap URLs, the page itself), and its keys."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that only say where a click came from; they never change the article.
_TRACKING = ("utm_", "mc_", "fbclid", "gclid", "msclkid", "wt_", "at_")


@dataclass(frozen=True)
class WatchEntry:
    """One entry a source lists. `text` is set when the source carries the whole article."""

    key: str  # sha256 of the normalised link (or of the guid when there is no link)
    url: str | None
    fingerprint: str  # changes when the listed entry changes (edited, re-dated)
    title: str | None = None
    published: date | None = None
    text: str | None = None
    summary: str | None = None


def normalize_url(url: str) -> str:
    """Return `url` without fragment, tracking parameters and default port, host lowercased."""
    parts = urlsplit(url.strip())
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    port = parts.port
    if port is not None and (scheme, port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING)
    ]
    return urlunsplit((scheme, host, parts.path or "/", urlencode(query), ""))


def digest(*parts: str | None) -> str:
    """Return the sha256 hex digest of the parts, separated so ("ab", "c") != ("a", "bc")."""
    joined = "\x1f".join(part or "" for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


def entry_key(url: str | None, guid: str | None = None) -> str:
    """Return the key of an entry: its normalised link, else its guid."""
    if url:
        return digest("url", normalize_url(url))
    return digest("guid", guid)


def newest_first(entries: list[WatchEntry]) -> list[WatchEntry]:
    """Order entries newest first by date; undated ones keep their listed order after them."""
    # A stable sort, also with reverse=True: entries of one day keep the source's order.
    return sorted(entries, key=lambda e: e.published or date.min, reverse=True)


@dataclass(frozen=True)
class EntryPlan:
    """What one fetch does with the entries a source lists."""

    todo: list[WatchEntry]  # new or changed: read and ingest now
    skipped: list[WatchEntry]  # older than the backfill on the first fetch: recorded, never read
    repeated: int  # listed before and unchanged
    deferred: int  # over this fetch's cap: read at the next fetch


def plan_entries(
    entries: list[WatchEntry],
    seen: Mapping[str, str],
    *,
    is_first_fetch: bool,
    backfill: int,
    max_todo: int,
) -> EntryPlan:
    """Decide which entries to read, given the fingerprints `seen` before (by entry key).

    1. Entries listed twice in one document count once (the first listing wins).
    2. An entry whose fingerprint is unchanged is a repeat: nothing to do.
    3. On the first fetch only the newest `backfill` entries are read; the older ones are
       recorded as skipped, so they are never ingested later either.
    4. At most `max_todo` entries are read per fetch, newest first; the rest wait.
    """
    first_listing: dict[str, WatchEntry] = {}
    for entry in entries:
        first_listing.setdefault(entry.key, entry)
    unique = list(first_listing.values())
    fresh = [e for e in newest_first(unique) if seen.get(e.key) != e.fingerprint]
    repeated = len(unique) - len(fresh)
    skipped: list[WatchEntry] = []
    if is_first_fetch:
        fresh, skipped = fresh[:backfill], fresh[backfill:]
    return EntryPlan(fresh[:max_todo], skipped, repeated, max(len(fresh) - max_todo, 0))
