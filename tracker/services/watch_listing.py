"""Use case step: what a fetched source lists, by the kind its response turns out to be."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from tracker.errors import InputError
from tracker.net.fetch import Fetcher, FetchError, Response
from tracker.services.ingest import content_hash
from tracker.sources.detect import Kind, detect_kind
from tracker.sources.entries import WatchEntry, digest, entry_key, normalize_url
from tracker.sources.feeds import parse_feed
from tracker.sources.html import page_to_document
from tracker.sources.readers import SourceDocument
from tracker.sources.sitemap import parse_sitemap

logger = logging.getLogger(__name__)
MAX_CHILD_SITEMAPS = 10


@dataclass(frozen=True)
class Listing:
    kind: Kind
    title: str | None
    entries: list[WatchEntry]
    # A single article page: its one entry, already read (entry, document, canonical URL).
    page: tuple[WatchEntry, SourceDocument, str] | None = None


def list_entries(fetcher: Fetcher, url: str, response: Response) -> Listing:
    """Return the entries of a feed, a sitemap (following a sitemap index) or a page."""
    kind = detect_kind(response.content_type, response.body)
    if kind == "feed":
        feed = parse_feed(response.body, url=response.url, content_type=response.content_type)
        return Listing(kind, feed.title, feed.entries)
    if kind == "sitemap":
        return Listing(kind, None, _sitemap_entries(fetcher, response))
    return _page_listing(url, response)


def _page_listing(url: str, response: Response) -> Listing:
    doc = page_to_document(response.body, content_type=response.content_type, name=url)
    canonical = normalize_url(doc.url or response.url)
    entry = WatchEntry(
        key=entry_key(url),
        url=canonical,
        fingerprint=digest("page", content_hash(doc.text)),
        title=doc.title,
        published=doc.published,
    )
    return Listing("page", doc.title, [entry], (entry, replace(doc, url=canonical), canonical))


def _sitemap_entries(fetcher: Fetcher, response: Response) -> list[WatchEntry]:
    sitemap = parse_sitemap(response.body, url=response.url)
    entries = list(sitemap.entries)
    errors: list[FetchError | InputError] = []
    for child in sitemap.children[:MAX_CHILD_SITEMAPS]:
        try:
            entries += parse_sitemap(fetcher.get(child).body, url=child).entries
        except (FetchError, InputError) as exc:
            logger.warning("skipping sitemap %s: %s", child, exc)
            errors.append(exc)
    if errors and not entries:
        raise errors[0]
    return entries
