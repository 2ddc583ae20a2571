from __future__ import annotations

import logging
from datetime import date
from typing import Any

import httpx
import icalendar
import pytest
from sqlalchemy import update

from tests.integration.calendar.conftest import TOKEN, running_server
from tests.integration.calendar.factory import (
    SEED_DESCRIPTIONS,
    ItemSpec,
    Quote,
    add_document,
    add_item,
)
from tracker.store import tables as t
from tracker.store.session import transaction


def _get(url: str, path: str, **kwargs: Any) -> httpx.Response:
    return httpx.get(url + path.lstrip("/"), timeout=30, **kwargs)


def _summaries(response: httpx.Response) -> list[str]:
    return [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(response.content).events]


def test_feed_without_token_is_401(feed_url):
    response = _get(feed_url, "/calendar.ics")
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert _get(feed_url, "/").status_code == 401


def test_feed_with_wrong_token_is_403(feed_url):
    assert _get(feed_url, "/calendar.ics", params={"token": TOKEN + "x"}).status_code == 403
    assert _get(feed_url, "/calendar.ics", params={"token": "ünïcödé"}).status_code == 403
    assert _get(feed_url, "/", params={"token": "nope"}).status_code == 403


def test_feed_serves_the_calendar(feed_url):
    response = _get(feed_url, "/calendar.ics", params={"token": TOKEN})

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["ETag"].startswith('"')
    assert response.headers["Last-Modified"].endswith(" GMT")
    assert SEED_DESCRIPTIONS["declaration"] in _summaries(response)
    assert len(_summaries(response)) == 7


def test_feed_accepts_a_bearer_token(feed_url):
    response = _get(feed_url, "/calendar.ics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200


def test_feed_answers_304_while_the_etag_matches(engine, seeded, feed_url):
    first = _get(feed_url, "/calendar.ics", params={"token": TOKEN})
    etag = first.headers["ETag"]
    again = _get(
        feed_url, "/calendar.ics", params={"token": TOKEN}, headers={"If-None-Match": etag}
    )
    with transaction(engine) as session:
        session.execute(
            update(t.Item)
            .where(t.Item.id == seeded["mexico"])
            .values(due_on=date(2026, 4, 30), version=t.Item.version + 1)
        )
    changed = _get(
        feed_url, "/calendar.ics", params={"token": TOKEN}, headers={"If-None-Match": etag}
    )

    assert (again.status_code, again.content, again.headers["ETag"]) == (304, b"", etag)
    assert changed.status_code == 200
    assert changed.headers["ETag"] != etag


def test_feed_filters_by_status_and_actor(feed_url):
    cancelled = _get(feed_url, "/calendar.ics", params={"token": TOKEN, "status": "cancelled"})
    mexico = _get(feed_url, "/calendar.ics", params={"token": TOKEN, "actor": "Mexiko"})
    bad = _get(feed_url, "/calendar.ics", params={"token": TOKEN, "status": "bogus"})

    assert _summaries(cancelled) == ["Gipfel zu seltenen Erden in Ottawa"]
    assert _summaries(mexico) == [SEED_DESCRIPTIONS["mexico"]]
    assert "Mexiko" in str(icalendar.Calendar.from_ical(mexico.content)["X-WR-CALNAME"])
    assert bad.status_code == 400


def test_feed_head_sends_headers_only(feed_url):
    response = httpx.head(feed_url + "calendar.ics", params={"token": TOKEN}, timeout=30)
    assert response.status_code == 200
    assert int(response.headers["Content-Length"]) > 0
    assert response.content == b""


def test_feed_unknown_path_is_404(feed_url):
    assert _get(feed_url, "/nope", params={"token": TOKEN}).status_code == 404


def test_feed_never_logs_the_token(feed_url, caplog):
    with caplog.at_level(logging.INFO, logger="tracker.web.server"):
        _get(feed_url, "/calendar.ics", params={"token": TOKEN})
        _get(feed_url, "/calendar.ics", params={"token": "wrong-guess"})
    assert "calendar.ics" in caplog.text
    assert TOKEN not in caplog.text
    assert "wrong-guess" not in caplog.text


def test_timeline_page_shows_items_and_events(feed_url):
    response = _get(feed_url, "/", params={"token": TOKEN})
    page = response.text

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["Referrer-Policy"] == "no-referrer"
    for description in SEED_DESCRIPTIONS.values():
        assert description in page
    assert "Ministertreffen zu kritischen Mineralien" in page
    assert 'class="entry item st-open overdue past"' in page  # due 2 Feb, today is 5 Feb
    assert "rohstoff-welt.de/news/721408" in page
    assert f"token={TOKEN}" in page  # filter links keep the token
    for external in ("<script", "<link", "src=", "url("):
        assert external not in page


def test_timeline_page_escapes_article_text(engine, seeded, feed_url):
    with transaction(engine) as session:
        doc = add_document(session, url="javascript:alert(1)", title="<b>Titel</b>", text="x")
        add_item(session, ItemSpec("<script>alert('x')</script> & Co"), [Quote(doc, "<img src=x>")])
    page = _get(feed_url, "/", params={"token": TOKEN}).text

    assert "<script>alert" not in page
    assert "<img src=x>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; Co" in page
    assert 'href="javascript:' not in page


@pytest.mark.parametrize("path", ["/", "/calendar.ics"])
def test_server_without_token_serves_everyone(engine, seeded, path):
    with running_server(engine, token=None) as url:
        assert _get(url, path).status_code == 200
