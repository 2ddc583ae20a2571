"""Fetching on a schedule: due times, exponential backoff, giving up, resuming; time moved
with time-machine (no sleeping) and the per-host pace on a virtual clock."""

from __future__ import annotations

import itertools
import time
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from werkzeug import Response

from tests.integration.watch.site import TEXTS, article, atom, rss
from tracker.clock import SystemClock
from tracker.services.sources import add_source, list_sources, resume_source
from tracker.services.watch import WatchPolicy, fetch_due

T0 = datetime(2026, 2, 5, 10, 0, tzinfo=UTC)
WORKER = "test-worker"


@pytest.fixture
def travel():
    with time_machine.travel(T0, tick=False) as traveller:
        yield traveller


@pytest.fixture
def engine(sqlite_url):
    from tracker.store.session import create_db_engine

    engine = create_db_engine(sqlite_url)
    yield engine
    engine.dispose()


def tick(engine, settings, fetcher, **policy):
    return fetch_due(
        engine, settings, SystemClock(), WORKER, fetcher=fetcher, policy=WatchPolicy(**policy)
    )


def add(engine, settings, url, **options):
    return add_source(engine, settings, SystemClock(), url, **options)


def only_source(engine):
    (row,) = list_sources(engine)
    return row


def feed(*keys):
    items = []
    for key in keys:
        title, text = TEXTS[key]
        items.append(
            {
                "title": title,
                "link": f"https://p.example.org/{key}",
                "date": "2026-02-05",
                "text": text,
            }
        )
    return rss("P", items)


def test_sources_are_fetched_when_due_and_not_before(engine, settings, fetcher, site, travel):
    site.put("/rss.xml", feed("de_bericht"), "application/rss+xml")
    add(engine, settings, site.url("/rss.xml"), every=timedelta(minutes=30))
    assert [s.state for s in tick(engine, settings, fetcher).sources] == ["ok"]
    travel.shift(timedelta(minutes=29))
    assert tick(engine, settings, fetcher).sources == []
    travel.shift(timedelta(minutes=1))
    assert [s.state for s in tick(engine, settings, fetcher).sources] == ["not modified"]
    assert site.requests("/rss.xml") == 2
    row = only_source(engine)
    assert row.next_fetch_at == T0 + timedelta(minutes=60)
    assert row.last_new_at == T0  # the 304 brought nothing new


def test_failures_back_off_exponentially_then_the_source_is_given_up(
    engine, settings, fetcher, site, travel
):
    site.put("/rss.xml", "server error", "text/plain", status=500)
    source = add(engine, settings, site.url("/rss.xml"), every=timedelta(minutes=30))
    waits = []
    for _ in range(12):
        report = tick(engine, settings, fetcher)
        if not report.sources:
            break
        row = only_source(engine)
        if row.state == "gave up":
            break
        waits.append(row.next_fetch_at - datetime.now(UTC))
        travel.move_to(row.next_fetch_at)
    assert waits[:4] == [timedelta(minutes=m) for m in (30, 60, 120, 240)]
    assert max(waits) == timedelta(days=1)
    row = only_source(engine)
    assert row.state == "gave up"
    assert row.failing_since == T0
    assert "HTTP 500" in (row.last_error or "")
    assert row.gave_up_at - T0 >= timedelta(days=3)
    # Given up: never fetched again, however much time passes...
    requests = site.requests("/rss.xml")
    travel.shift(timedelta(days=30))
    assert tick(engine, settings, fetcher).sources == []
    assert site.requests("/rss.xml") == requests
    # ...until resumed: then fetched at once, and the failures are forgotten.
    site.put("/rss.xml", feed("en_plan"), "application/rss+xml")
    resume_source(engine, SystemClock(), source.id)
    assert [s.state for s in tick(engine, settings, fetcher).sources] == ["ok"]
    row = only_source(engine)
    assert (row.state, row.failures, row.last_error) == ("ok", 0, None)


def test_gone_is_given_up_at_once(engine, settings, fetcher, site, travel):
    site.put("/rss.xml", "gone", "text/plain", status=410)
    add(engine, settings, site.url("/rss.xml"))
    (outcome,) = tick(engine, settings, fetcher).sources
    assert outcome.state == "gave up"
    assert only_source(engine).state == "gave up"


def test_retry_after_is_a_lower_bound(engine, settings, fetcher, site, travel):
    site.put("/rss.xml", "busy", "text/plain", status=503, headers={"retry-after": "7200"})
    add(engine, settings, site.url("/rss.xml"), every=timedelta(minutes=30))
    tick(engine, settings, fetcher)
    assert only_source(engine).next_fetch_at == T0 + timedelta(hours=2)


@pytest.mark.parametrize(
    ("setup", "error"),
    [
        ("timeout", "timed out"),
        ("loop", "redirect loop"),
        ("big", "response too large"),
        ("pdf", "unsupported content type application/pdf"),
        ("robots", "disallowed by robots.txt"),
    ],
)
def test_fetch_errors_are_shown_in_the_source_state(
    engine, settings, fetcher, site, travel, setup, error
):
    path = "/source"
    if setup == "timeout":

        def slow() -> Response:
            time.sleep(1.5)  # the server stalls; the client's timeout is 1 s
            return Response("late", content_type="text/html")

        site.put(path, b"")
        site.pages[path].body = slow
    elif setup == "loop":
        site.put(path, "", status=302, headers={"location": path + "2"}, conditional=False)
        site.put(path + "2", "", status=302, headers={"location": path}, conditional=False)
    elif setup == "big":
        site.put(path, b"<html>" + b"x" * (20 * 1024 * 1024))
    elif setup == "pdf":
        site.put(path, b"%PDF-1.7 ...", "application/pdf")
    else:
        site.put("/robots.txt", "User-agent: *\nDisallow: /source\n", "text/plain")
    add(engine, settings, site.url(path))
    (outcome,) = tick(engine, settings, fetcher).sources
    assert outcome.state == "failed"
    row = only_source(engine)
    assert row.state == "failing"
    assert error in (row.last_error or "")


def test_pages_of_one_host_are_asked_a_second_apart(engine, settings, fetcher, site, travel, pacer):
    entries = []
    for key in ("de_bericht", "de_strategie", "en_plan", "en_review"):
        title, text = TEXTS[key]
        site.put(f"/p/{key}", article(title, text, published=date(2026, 2, 5)))
        entries.append({"title": title, "link": site.url(f"/p/{key}"), "date": "2026-02-05"})
    site.put("/atom.xml", atom("News", entries), "application/atom+xml")
    add(engine, settings, site.url("/atom.xml"))
    (outcome,) = tick(engine, settings, fetcher).sources
    assert len(outcome.documents) == 4
    slots = [at for _host, at in pacer.asked]
    assert len(slots) == 6  # robots.txt, the feed, four pages
    assert min(b - a for a, b in itertools.pairwise(slots)) >= 1.0


def test_entries_over_the_cap_wait_and_the_validators_are_not_kept(
    engine, settings, fetcher, site, travel
):
    site.put(
        "/rss.xml",
        feed("de_bericht", "de_strategie", "en_plan", "en_review"),
        "application/rss+xml",
    )
    add(engine, settings, site.url("/rss.xml"))
    first = tick(engine, settings, fetcher, max_entries=3).sources[0]
    assert (len(first.documents), first.deferred) == (3, 1)
    assert only_source(engine).next_fetch_at == T0  # due again at once
    second = tick(engine, settings, fetcher, max_entries=3).sources[0]
    # Had the ETag been kept, this would have been a 304 hiding the fourth entry.
    assert second.state == "ok"
    assert (len(second.documents), second.repeated, second.deferred) == (1, 3, 0)


def test_a_page_that_fails_for_now_is_read_at_the_next_fetch(
    engine, settings, fetcher, site, travel
):
    title, text = TEXTS["en_review"]
    site.put("/p/review", "try later", "text/plain", status=503)
    site.put(
        "/atom.xml",
        atom("News", [{"title": title, "link": site.url("/p/review"), "date": "2026-02-03"}]),
        "application/atom+xml",
    )
    add(engine, settings, site.url("/atom.xml"), every=timedelta(minutes=30))
    (outcome,) = tick(engine, settings, fetcher).sources
    assert outcome.documents == []
    assert [f.will_retry for f in outcome.entry_failures] == [True]
    site.put("/p/review", article(title, text, published=date(2026, 2, 3)))
    travel.shift(timedelta(minutes=30))
    (again,) = tick(engine, settings, fetcher).sources
    assert again.state == "ok"  # not a 304: the validators were not kept
    assert [d.state for d in again.documents] == ["new"]


def test_entry_without_a_date_is_recorded_as_failed_and_not_retried(
    engine, settings, fetcher, site, travel
):
    text = "Die Kommission wird innerhalb von 30 Tagen einen Bericht vorlegen."
    body = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>P</title><item>'
        f"<title>Ohne Datum</title><guid>x1</guid><description>{text}</description>"
        "</item></channel></rss>"
    )
    site.put("/rss.xml", body, "application/rss+xml", conditional=False)
    add(engine, settings, site.url("/rss.xml"))
    (outcome,) = tick(engine, settings, fetcher).sources
    assert [f.will_retry for f in outcome.entry_failures] == [False]
    assert "publication date" in outcome.entry_failures[0].error
    travel.shift(timedelta(hours=1))
    (again,) = tick(engine, settings, fetcher).sources
    assert (again.entry_failures, again.repeated) == ([], 1)


def test_entry_linking_elsewhere_than_http_is_not_fetched_nor_retried(
    engine, settings, fetcher, site, travel
):
    body = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>P</title><item>'
        "<title>Datei</title><link>ftp://files.example.org/plan.txt</link>"
        "<pubDate>Thu, 05 Feb 2026 09:00:00 +0100</pubDate></item></channel></rss>"
    )
    site.put("/rss.xml", body, "application/rss+xml", conditional=False)
    add(engine, settings, site.url("/rss.xml"))
    (outcome,) = tick(engine, settings, fetcher).sources
    (failure,) = outcome.entry_failures
    assert not failure.will_retry
    assert "ftp:// is not allowed" in failure.error
