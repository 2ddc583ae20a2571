"""The feed's conditional GET over real HTTP: If-None-Match first, then If-Modified-Since."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
from sqlalchemy import update

from tests.integration.calendar.conftest import NOW, TOKEN
from tracker.store import tables as t
from tracker.store.session import transaction
from tracker.web.conditional import http_date

FUTURE = "Fri, 01 Jan 2100 00:00:00 GMT"


def _get(url: str, *headers: tuple[str, str], **params: Any) -> httpx.Response:
    return httpx.get(
        url + "calendar.ics", params={"token": TOKEN, **params}, headers=list(headers), timeout=30
    )


def _touch(engine, item_id: int, **values: Any) -> None:
    """Change an item as the item services do: a new version and a later updated_at."""
    with transaction(engine) as session:
        session.execute(
            update(t.Item)
            .where(t.Item.id == item_id)
            .values(version=t.Item.version + 1, updated_at=NOW + timedelta(hours=1), **values)
        )


def test_last_modified_is_never_before_the_server_started(feed_url):
    # The seeded items changed at 09:30; the server (its clock at NOW) started later.
    assert _get(feed_url).headers["Last-Modified"] == http_date(NOW)


def test_if_modified_since_at_or_after_last_modified_is_304(feed_url):
    first = _get(feed_url)
    last_modified = first.headers["Last-Modified"]
    same = _get(feed_url, ("If-Modified-Since", last_modified))
    future = _get(feed_url, ("If-Modified-Since", FUTURE))
    older = _get(feed_url, ("If-Modified-Since", http_date(NOW - timedelta(seconds=1))))

    assert (same.status_code, same.content) == (304, b"")
    assert same.headers["ETag"] == first.headers["ETag"]
    assert same.headers["Last-Modified"] == last_modified
    assert "Content-Length" not in same.headers
    assert future.status_code == 304
    assert (older.status_code, older.content) == (200, first.content)


def test_head_with_if_modified_since_is_304(feed_url):
    response = httpx.head(
        feed_url + "calendar.ics",
        params={"token": TOKEN},
        headers={"If-Modified-Since": FUTURE},
        timeout=30,
    )
    assert response.status_code == 304


def test_bad_if_modified_since_dates_are_ignored(feed_url):
    for value in ("yesterday", "Thu, 05 Feb 2026 25:61:00 GMT", f"{FUTURE}, {FUTURE}"):
        assert _get(feed_url, ("If-Modified-Since", value)).status_code == 200, value
    twice = _get(feed_url, ("If-Modified-Since", FUTURE), ("If-Modified-Since", FUTURE))
    assert twice.status_code == 200


def test_if_none_match_takes_precedence_over_if_modified_since(feed_url):
    etag = _get(feed_url).headers["ETag"]
    stale_tag = _get(feed_url, ("If-None-Match", '"stale"'), ("If-Modified-Since", FUTURE))
    fresh_tag = _get(
        feed_url, ("If-None-Match", etag), ("If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT")
    )
    assert stale_tag.status_code == 200
    assert fresh_tag.status_code == 304


def test_an_item_changed_after_the_date_is_sent_again(engine, seeded, feed_url):
    last_modified = _get(feed_url).headers["Last-Modified"]
    _touch(engine, seeded["mexico"])
    changed = _get(feed_url, ("If-Modified-Since", last_modified))

    assert changed.status_code == 200
    assert changed.headers["Last-Modified"] == http_date(NOW + timedelta(hours=1))
    assert _get(feed_url, ("If-Modified-Since", changed.headers["Last-Modified"])).status_code == (
        304
    )


def test_an_item_leaving_the_filter_changes_the_filtered_feed(engine, seeded, feed_url):
    first = _get(feed_url, status="open")
    _touch(engine, seeded["mexico"], status="cancelled")  # no longer in ?status=open
    again = _get(feed_url, ("If-Modified-Since", first.headers["Last-Modified"]), status="open")

    assert again.status_code == 200
    assert again.content != first.content
