"""A small web site on loopback for the watch tests: feeds and pages written for the tests.

One catch-all handler serves whatever the test put under a path, answers conditional GETs
with 304, and logs every request (path, headers) so tests can count them.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.utils import format_datetime
from html import escape

from werkzeug import Request, Response

LAST_MODIFIED = format_datetime(datetime(2026, 2, 5, 8, 0, tzinfo=UTC), usegmt=True)


@dataclass
class Page:
    body: bytes | Callable[[], Response]
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    conditional: bool = True  # answer If-None-Match / If-Modified-Since


class Site:
    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        self.log: list[tuple[str, dict[str, str]]] = []
        self._lock = threading.Lock()

    def put(
        self,
        path: str,
        body: str | bytes,
        content_type: str = "text/html; charset=utf-8",
        **options,
    ) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.pages[path] = Page(data, content_type, **options)

    def requests(self, path: str) -> int:
        with self._lock:
            return sum(1 for p, _ in self.log if p == path)

    def handle(self, request: Request) -> Response:
        with self._lock:
            self.log.append((request.full_path.rstrip("?"), dict(request.headers)))
        page = self.pages.get(request.path)
        if page is None:
            return Response("not found", status=404)
        if callable(page.body):
            return page.body()
        etag = '"' + hashlib.sha256(page.body).hexdigest()[:16] + '"'
        headers = {"content-type": page.content_type, **page.headers}
        if page.conditional and page.status == 200:
            headers |= {"etag": etag, "last-modified": LAST_MODIFIED}
            if request.headers.get("if-none-match") == etag:
                return Response(status=304, headers={"etag": etag})
        return Response(page.body, status=page.status, headers=headers)


def rss(title: str, items: list[dict[str, str]]) -> str:
    """An RSS 2.0 feed; each item: title, link, date (YYYY-MM-DD), and text or summary."""
    entries = "".join(_rss_item(item) for item in items)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{escape(title)}</title>{entries}</channel></rss>"
    )


def _rss_item(item: dict[str, str]) -> str:
    when = format_datetime(datetime.fromisoformat(item["date"] + "T09:00:00+01:00"))
    parts = [f"<title>{escape(item['title'])}</title>", f"<pubDate>{when}</pubDate>"]
    if "link" in item:
        parts.append(f"<link>{escape(item['link'])}</link>")
    parts.append(f"<guid>{escape(item.get('guid', item.get('link', item['title'])))}</guid>")
    if "text" in item:
        parts.append(f"<content:encoded><![CDATA[{paragraphs(item['text'])}]]></content:encoded>")
    if "summary" in item:
        parts.append(f"<description>{escape(item['summary'])}</description>")
    return "<item>" + "".join(parts) + "</item>"


def atom(title: str, entries: list[dict[str, str]]) -> str:
    """An Atom feed; each entry: title, link, date, summary (a teaser: the page is read)."""
    body = "".join(
        f'<entry><title>{escape(e["title"])}</title><link href="{escape(e["link"])}"/>'
        f"<id>{escape(e['link'])}</id><updated>{e['date']}T08:00:00Z</updated>"
        f"<summary>{escape(e.get('summary', ''))}</summary></entry>"
        for e in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{escape(title)}</title>{body}</feed>'
    )


def paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))


def article(title: str, text: str, *, published: date, canonical: str | None = None) -> str:
    """An article page with its metadata, as a CMS writes one."""
    link = f'<link rel="canonical" href="{escape(canonical)}">' if canonical else ""
    return (
        f"<!DOCTYPE html><html lang='de'><head><title>{escape(title)} | Pressestelle</title>{link}"
        f'<meta property="og:title" content="{escape(title)}">'
        f'<meta property="article:published_time" content="{published.isoformat()}T09:00:00+01:00">'
        f"</head><body><nav><a href='/'>Start</a> <a href='/presse'>Presse</a></nav>"
        f"<article><h1>{escape(title)}</h1>{paragraphs(text)}</article>"
        "<footer>Impressum · Datenschutz</footer></body></html>"
    )


# Texts written for these tests (German and English), each with a deadline.
TEXTS = {
    "de_bericht": (
        "Ministerium kündigt Bericht an",
        "Berlin, 04.02.2026. Das Bundesministerium für Wirtschaft wird innerhalb von 30 Tagen "
        "einen Bericht zur Versorgung mit kritischen Rohstoffen vorlegen. Der Bericht soll "
        "die Lage der Industrie beschreiben und Vorschläge für eine bessere Bevorratung "
        "enthalten.\n\nDie Abstimmung mit den Ländern beginnt in der kommenden Woche, "
        "teilte eine Sprecherin mit. Die Verbände werden angehört.",
    ),
    "de_strategie": (
        "Regierung plant neue Strategie",
        "Berlin, 05.02.2026. Die Bundesregierung will bis zum 31. März 2026 eine neue "
        "Rohstoffstrategie beschließen. Die Strategie soll die Abhängigkeit von einzelnen "
        "Lieferländern verringern und Partnerschaften stärken.\n\nDer Entwurf wird derzeit "
        "zwischen den Ressorts abgestimmt, hieß es aus Regierungskreisen.",
    ),
    "en_plan": (
        "Commission to present action plan",
        "Brussels, February 5, 2026. The European Commission will present an action plan on "
        "critical raw materials within 60 days. The plan is meant to secure supply for "
        "industry and to prepare new partnerships with third countries.\n\nMember states "
        "will be consulted on the draft in the coming weeks, a spokesperson said.",
    ),
    "en_review": (
        "Agency opens review of export rules",
        "Washington, February 3, 2026. The Department of Commerce will complete a review of "
        "export controls on battery materials within 90 days. Comments from the public are "
        "invited.\n\nThe department said it would publish its findings together with any "
        "proposed changes to the rules.",
    ),
}
