"""Feeds, sitemaps and kind detection: pure parsing of documents written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.errors import InputError
from tracker.sources.detect import detect_kind
from tracker.sources.feeds import parse_feed
from tracker.sources.sitemap import parse_sitemap

BODY = "".join(
    f"<p>Absatz {n}: Die Kommission legt innerhalb von 30 Tagen einen Bericht vor.</p>"
    for n in range(1, 5)
)

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- written for the tests -->
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Pressestelle</title>
<item><title>Kurzmeldung</title><link>https://press.example.org/a?utm_source=rss#top</link>
  <guid>a-1</guid><pubDate>Fri, 06 Feb 2026 00:30:00 +0100</pubDate>
  <description>Nur ein Anriss.</description></item>
<item><title>Volltext</title><link>https://press.example.org/b</link>
  <pubDate>Wed, 04 Feb 2026 10:00:00 +0100</pubDate>
  <content:encoded><![CDATA[{BODY}]]></content:encoded></item>
</channel></rss>""".encode()

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Commission news</title>
<entry><title>Action plan</title><link href="https://news.example.org/plan"/>
  <id>urn:uuid:1</id><updated>2026-02-05T09:00:00Z</updated>
  <summary>The Commission will present an action plan.</summary></entry>
</feed>"""


def test_parse_rss_entries_keep_their_own_dates_and_text():
    feed = parse_feed(RSS, url="https://press.example.org/rss")
    assert feed.title == "Pressestelle"
    teaser, full = feed.entries
    # 00:30 at +01:00 is the 6th where it was published, the 5th in UTC.
    assert teaser.published == date(2026, 2, 6)
    assert teaser.text is None
    assert teaser.summary == "Nur ein Anriss."
    assert full.text is not None
    assert "innerhalb von 30 Tagen" in full.text
    assert full.published == date(2026, 2, 4)


def test_parse_atom_entry():
    (entry,) = parse_feed(ATOM, url="https://news.example.org/atom").entries
    assert entry.url == "https://news.example.org/plan"
    assert entry.published == date(2026, 2, 5)
    assert entry.title == "Action plan"
    assert entry.text is None  # a summary that short is a teaser: the page is read


def test_entry_key_ignores_tracking_and_fragment_fingerprint_sees_edits():
    first = parse_feed(RSS, url="u").entries[0]
    clean = parse_feed(RSS.replace(b"?utm_source=rss#top", b""), url="u").entries[0]
    edited = parse_feed(RSS.replace(b"Nur ein Anriss.", b"Ein anderer Anriss."), url="u")
    assert first.key == clean.key
    assert edited.entries[0].key == first.key
    assert edited.entries[0].fingerprint != first.fingerprint


def test_parse_feed_refuses_html():
    with pytest.raises(InputError, match="not an RSS or Atom feed"):
        parse_feed(b"<html><body><p>hello</p></body></html>", url="https://x.example.org/")


@pytest.mark.parametrize(
    ("content_type", "body", "kind"),
    [
        ("application/rss+xml", RSS, "feed"),
        ("text/xml; charset=utf-8", ATOM, "feed"),
        (None, b"\xef\xbb\xbf<?xml version='1.0'?>\n<urlset/>", "sitemap"),
        ("application/xml", b"<sitemapindex></sitemapindex>", "sitemap"),
        ("text/html; charset=utf-8", b"<!DOCTYPE html>\n<html><body></body></html>", "page"),
        ("text/html", b"<!-- c -->\n<html lang='de'></html>", "page"),
        ("text/html", b"<div>no html element</div><body>", "page"),
    ],
)
def test_detect_kind(content_type, body, kind):
    assert detect_kind(content_type, body) == kind


@pytest.mark.parametrize(
    ("content_type", "message"),
    [("application/pdf", "unsupported content type"), ("image/png", "unsupported content type")],
)
def test_detect_kind_refuses_other_content_types(content_type, message):
    with pytest.raises(InputError, match=message):
        detect_kind(content_type, b"%PDF-1.7")


def test_detect_kind_refuses_unknown_xml():
    with pytest.raises(InputError, match="not a feed, sitemap or HTML page"):
        detect_kind("application/xml", b"<?xml version='1.0'?><config/>")


SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://www.example.org/a</loc><lastmod>2026-02-03</lastmod></url>
  <url><loc>https://www.example.org/b</loc>
    <news:news><news:publication_date>2026-02-05T08:00:00+01:00</news:publication_date>
    <news:title>Plan</news:title></news:news></url>
  <url><lastmod>2026-02-01</lastmod></url>
</urlset>"""


def test_parse_sitemap_urls_and_news():
    parsed = parse_sitemap(SITEMAP, url="https://www.example.org/sitemap.xml")
    assert [(e.url, e.published, e.title) for e in parsed.entries] == [
        ("https://www.example.org/a", date(2026, 2, 3), None),
        ("https://www.example.org/b", date(2026, 2, 5), "Plan"),
    ]


def test_parse_sitemap_index_lists_children():
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://www.example.org/s1.xml</loc></sitemap>
      <sitemap><loc>https://www.example.org/s2.xml</loc></sitemap></sitemapindex>"""
    parsed = parse_sitemap(index, url="https://www.example.org/index.xml")
    assert parsed.children == ["https://www.example.org/s1.xml", "https://www.example.org/s2.xml"]


@pytest.mark.parametrize("body", [b"<urlset><url>", b"<rss/>"])
def test_parse_sitemap_refuses_broken_or_other_xml(body):
    with pytest.raises(InputError, match="sitemap"):
        parse_sitemap(body, url="https://www.example.org/s.xml")
