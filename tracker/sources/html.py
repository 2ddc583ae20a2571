"""HTML articles: main text and metadata through trafilatura (imported only for HTML)."""

from __future__ import annotations

import logging
from typing import Any

from tracker.errors import InputError
from tracker.sources.readers import SourceDocument, parse_iso_date

logger = logging.getLogger(__name__)


def html_to_document(html: str, *, name: str) -> SourceDocument:
    """Extract the article text, title, URL and publication date from an HTML page."""
    import trafilatura

    result: Any = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, favor_precision=True
    )
    data = result.as_dict() if hasattr(result, "as_dict") else result
    if not data or not (data.get("text") or "").strip():
        raise InputError(f"{name}: no article text found in the HTML")
    published = None
    try:
        published = parse_iso_date(data.get("date"))
    except InputError:
        logger.debug("ignoring unparsable HTML date %r in %s", data.get("date"), name)
    title = data.get("title") or None
    text = str(data["text"])
    if title and not text.startswith(title):
        # The title carries meaning (and a dateline may follow it), keep it as the first line.
        text = f"{title}\n\n{text}"
    return SourceDocument(
        name=name, text=text, published=published, title=title, url=data.get("url") or None
    )
