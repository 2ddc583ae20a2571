"""The polite fetcher against a real HTTP server on loopback (time is virtual, nothing sleeps)."""

from __future__ import annotations

import itertools
import time

import pytest
from werkzeug import Response

from tests.integration.watch.site import rss
from tracker.net.addresses import check_url
from tracker.net.fetch import Fetcher, FetchError, FetchLimits

FEED = rss(
    "Pressestelle",
    [{"title": "Eins", "link": "https://x.example.org/1", "date": "2026-02-05", "summary": "s"}],
)


def test_get_sends_user_agent_and_answers_304_to_a_conditional_get(site, fetcher):
    site.put("/feed.xml", FEED, "application/rss+xml")
    first = fetcher.get(site.url("/feed.xml"))
    assert first.status == 200
    assert first.etag
    assert first.last_modified
    again = fetcher.get(site.url("/feed.xml"), etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified
    assert again.body == b""
    _path, headers = site.log[-1]
    assert headers["If-None-Match"] == first.etag
    assert headers["User-Agent"] == "tracker/test (policy deadline tracker; +ops@example.org)"


def test_one_host_is_asked_at_most_once_a_second(site, fetcher, pacer):
    site.put("/feed.xml", FEED, "application/rss+xml")
    for _ in range(4):
        fetcher.get(site.url("/feed.xml"))
    slots = [at for _host, at in pacer.asked]
    assert len(slots) == 5  # robots.txt, then the feed four times
    assert all(b - a >= 1.0 for a, b in itertools.pairwise(slots))


def test_robots_txt_is_respected_and_read_once(site, fetcher):
    site.put("/robots.txt", "User-agent: *\nDisallow: /intern/\n", "text/plain")
    site.put("/intern/feed.xml", FEED, "application/rss+xml")
    site.put("/feed.xml", FEED, "application/rss+xml")
    with pytest.raises(FetchError, match=r"disallowed by robots\.txt"):
        fetcher.get(site.url("/intern/feed.xml"))
    fetcher.get(site.url("/feed.xml"))
    assert site.requests("/intern/feed.xml") == 0
    assert site.requests("/robots.txt") == 1


def test_robots_txt_crawl_delay_spaces_requests(site, fetcher, pacer):
    site.put("/robots.txt", "User-agent: tracker\nCrawl-delay: 5\n", "text/plain")
    site.put("/feed.xml", FEED, "application/rss+xml")
    fetcher.get(site.url("/feed.xml"))
    fetcher.get(site.url("/feed.xml"))
    slots = [at for _host, at in pacer.asked]
    assert slots[2] - slots[1] >= 5.0


def test_robots_txt_server_error_means_do_not_fetch(site, fetcher):
    site.put("/robots.txt", "down", "text/plain", status=503)
    site.put("/feed.xml", FEED, "application/rss+xml")
    with pytest.raises(FetchError, match=r"robots\.txt unavailable"):
        fetcher.get(site.url("/feed.xml"))
    assert site.requests("/feed.xml") == 0


def test_500_is_an_error_with_its_status(site, fetcher):
    site.put("/feed.xml", "oops", "text/plain", status=500)
    with pytest.raises(FetchError, match="HTTP 500") as caught:
        fetcher.get(site.url("/feed.xml"))
    assert caught.value.status == 500
    assert not caught.value.is_gone


def test_410_is_gone(site, fetcher):
    site.put("/feed.xml", "gone", "text/plain", status=410)
    with pytest.raises(FetchError, match="gone") as caught:
        fetcher.get(site.url("/feed.xml"))
    assert caught.value.is_gone


def test_timeout(site, fetcher):
    def slow() -> Response:
        time.sleep(1.5)  # the server is slow; the client gives up after its 1 s timeout
        return Response(FEED, content_type="application/rss+xml")

    site.put("/feed.xml", b"")
    site.pages["/feed.xml"].body = slow
    with pytest.raises(FetchError, match="timed out after 1s"):
        fetcher.get(site.url("/feed.xml"))


def test_redirects_are_followed_within_limits(site, fetcher):
    site.put("/old.xml", "", status=301, headers={"location": "/new.xml"}, conditional=False)
    site.put("/new.xml", FEED, "application/rss+xml")
    response = fetcher.get(site.url("/old.xml"))
    assert response.url == site.url("/new.xml")
    assert response.status == 200


def test_redirect_loop(site, fetcher):
    site.put("/a", "", status=302, headers={"location": "/b"}, conditional=False)
    site.put("/b", "", status=302, headers={"location": "/a"}, conditional=False)
    with pytest.raises(FetchError, match="redirect loop"):
        fetcher.get(site.url("/a"))
    assert site.requests("/a") == 1
    assert site.requests("/b") == 1


def test_too_many_redirects(site, fetcher):
    for n in range(10):
        site.put(f"/r{n}", "", status=302, headers={"location": f"/r{n + 1}"}, conditional=False)
    with pytest.raises(FetchError, match="too many redirects"):
        fetcher.get(site.url("/r0"))
    assert site.requests("/r6") == 0


def test_redirect_to_a_private_address_is_refused(site, pacer):
    # Trust only this test server; every other hop gets the real policy, private refused.
    own = site.url("/")

    def policy(url: str) -> None:
        if not url.startswith(own):
            check_url(url, allow_private=False)

    fetcher = Fetcher(
        user_agent="t",
        limits=FetchLimits(timeout=1),
        allow_private=False,
        pacer=pacer,
        address_check=policy,
    )
    site.put(
        "/feed.xml", "", status=302, headers={"location": "http://10.20.30.40/x"}, conditional=False
    )
    site.put(
        "/local.xml",
        "",
        status=302,
        headers={"location": "http://localhost:9/x"},
        conditional=False,
    )
    try:
        with pytest.raises(FetchError, match=r"10\.20\.30\.40 is a private address"):
            fetcher.get(site.url("/feed.xml"))
        with pytest.raises(FetchError, match=r"loopback.*TRACKER_ALLOW_PRIVATE_ADDRESSES"):
            fetcher.get(site.url("/local.xml"))
    finally:
        fetcher.close()


def test_loopback_source_refused_by_default(site, pacer):
    fetcher = Fetcher(
        user_agent="t", limits=FetchLimits(timeout=1), allow_private=False, pacer=pacer
    )
    try:
        with pytest.raises(FetchError, match="loopback address; set TRACKER_ALLOW_PRIVATE"):
            fetcher.get(site.url("/feed.xml"))
    finally:
        fetcher.close()
    assert site.log == []


TWENTY_MB = 20 * 1024 * 1024


def test_20_mb_page_with_content_length_is_refused_unread(site, fetcher):
    site.put("/big.html", b"<html>" + b"x" * TWENTY_MB, conditional=False)
    with pytest.raises(FetchError, match="response too large"):
        fetcher.get(site.url("/big.html"))


def test_20_mb_streamed_page_is_cut_off_at_the_limit(site, fetcher):
    def stream() -> Response:
        chunks = (b"<p>" + b"x" * 65536 for _ in range(TWENTY_MB // 65536))
        return Response(chunks, content_type="text/html")  # chunked: no Content-Length

    site.put("/big.html", b"")
    site.pages["/big.html"].body = stream
    with pytest.raises(FetchError, match=r"more than 5,000,000 bytes"):
        fetcher.get(site.url("/big.html"))
