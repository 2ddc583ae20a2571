"""PURE: XML sitemaps (urlset, sitemapindex, Google News extensions) into watch entries."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from tracker.errors import InputError
from tracker.sources.entries import WatchEntry, digest, entry_key
from tracker.sources.readers import parse_iso_date


@dataclass(frozen=True)
class ParsedSitemap:
    entries: list[WatchEntry] = field(default_factory=list)
    children: list[str] = field(default_factory=list)  # nested sitemaps of a sitemapindex


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child_text(element: ET.Element, name: str) -> str | None:
    for child in element.iter():
        if _local(child.tag) == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def parse_sitemap(body: bytes, *, url: str) -> ParsedSitemap:
    """Parse a sitemap; anything else is an InputError naming `url`."""
    try:
        # expat refuses entity expansion bombs (Python 3.11 ships expat >= 2.4); no external
        # entities or DTDs are ever fetched by ElementTree.
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise InputError(f"{url}: not a valid sitemap ({exc})") from exc
    kind = _local(root.tag)
    if kind == "sitemapindex":
        locs = [_child_text(sm, "loc") for sm in root if _local(sm.tag) == "sitemap"]
        return ParsedSitemap(children=[loc for loc in locs if loc])
    if kind != "urlset":
        raise InputError(f"{url}: not a sitemap (root element <{kind}>)")
    return ParsedSitemap(entries=[e for e in map(_entry, root) if e is not None])


def _entry(element: ET.Element) -> WatchEntry | None:
    if _local(element.tag) != "url":
        return None
    loc = _child_text(element, "loc")
    if not loc:
        return None
    lastmod = _child_text(element, "lastmod")
    news_date = _child_text(element, "publication_date")
    try:
        published = parse_iso_date(news_date or lastmod)
    except InputError:
        published = None
    return WatchEntry(
        key=entry_key(loc),
        url=loc,
        fingerprint=digest(loc, lastmod, news_date),
        title=_child_text(element, "title"),
        published=published,
    )
