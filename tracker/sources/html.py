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


def fragment_to_text(fragment: str) -> str:
    """Return the text of an HTML fragment (a feed entry's content), paragraphs on lines."""
    import trafilatura

    page = f"<html><body><article>{fragment}</article></body></html>"
    text = trafilatura.extract(page, favor_recall=True, include_comments=False) or ""
    if not text.strip():  # too short for the extractor's idea of an article
        text = trafilatura.html2txt(page) or ""
    return text.strip()


def page_to_document(body: bytes, *, content_type: str | None, name: str) -> SourceDocument:
    """Read a fetched HTML page: the charset its server names, else UTF-8 or cp1252."""
    import codecs

    from tracker.sources.decode import decode_text

    charset = _charset(content_type)
    text: str | None = None
    if charset:
        try:
            text = body.decode(codecs.lookup(charset).name)
        except (LookupError, UnicodeDecodeError):
            text = None  # a wrong header is common: fall back to sniffing
    return html_to_document(text or decode_text(body, name=name), name=name)


def _charset(content_type: str | None) -> str | None:
    for param in (content_type or "").split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
