"""PURE: tell a feed, a sitemap and an HTML page apart by content type and first element."""

from __future__ import annotations

import re
from typing import Literal

from tracker.errors import InputError

Kind = Literal["feed", "sitemap", "page"]
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml"}
)
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
XML_TYPES = frozenset({"application/xml", "text/xml"})
# What a watched URL may answer with; anything else (PDF, images, JSON) is refused.
ACCEPTED_TYPES = FEED_TYPES | HTML_TYPES | XML_TYPES | {"text/plain"}
_ROOTS: dict[str, Kind] = {
    "rss": "feed",
    "feed": "feed",
    "rdf:rdf": "feed",
    "urlset": "sitemap",
    "sitemapindex": "sitemap",
    "html": "page",
}
# Skip the XML declaration, processing instructions, comments and doctypes before the root.
_PROLOG = re.compile(
    rb"\s*(?:(?:<\?.*?\?>|<!--.*?-->|<!(?!doctype\s+html)[^>]*>)\s*)*", re.S | re.I
)
_ROOT = re.compile(rb"<(!doctype\s+html|[A-Za-z][\w:.-]*)", re.I)


def media_type(content_type: str | None) -> str:
    """Return the bare media type of a Content-Type header ("" when absent)."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def detect_kind(content_type: str | None, body: bytes) -> Kind:
    """Return what the response is; an unsupported one is an InputError."""
    mtype = media_type(content_type)
    if mtype and mtype not in ACCEPTED_TYPES:
        raise InputError(f"unsupported content type {mtype} (a feed, sitemap or HTML page)")
    head = body[:4096].lstrip(b"\xef\xbb\xbf")
    prolog = _PROLOG.match(head)
    match = _ROOT.match(head, prolog.end() if prolog else 0)
    root = match.group(1).decode("ascii", "replace").lower() if match else ""
    if root.startswith("!doctype"):
        root = "html"
    if root in _ROOTS:
        return _ROOTS[root]
    if mtype in FEED_TYPES:
        return "feed"
    if mtype in HTML_TYPES or b"<body" in body[:65536].lower():
        return "page"
    raise InputError("not a feed, sitemap or HTML page")
