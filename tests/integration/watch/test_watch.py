"""Watching feeds and pages end to end: fetch, ingest once, versions, backfill, on both DBs."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine
from sqlalchemy import func, select

from tests.integration.watch.site import TEXTS, article, atom, rss
from tracker.clock import SystemClock
from tracker.services.sources import add_source, list_sources
from tracker.services.watch import fetch_now
from tracker.store import tables as t
from tracker.store.session import read_session

NOW = datetime(2026, 2, 5, 10, 0, tzinfo=UTC)
WORKER = "test-worker"


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def fetch(engine, settings, fetcher, source_id=None):
    return fetch_now(engine, settings, SystemClock(), WORKER, source_id=source_id, fetcher=fetcher)


def add(engine, settings, url, **options):
    return add_source(engine, settings, SystemClock(), url, **options)


def count(engine, table) -> int:
    with read_session(engine) as session:
        return session.scalar(select(func.count()).select_from(table))


def full_items(*keys, link_base="https://press.example.org"):
    items = []
    for key in keys:
        title, text = TEXTS[key]
        items.append(
            {"title": title, "link": f"{link_base}/{key}", "date": "2026-02-05", "text": text}
        )
    return items


def test_rss_feed_is_ingested_once_and_unchanged_feed_costs_a_304(
    engine, settings, fetcher, site, clock
):
    site.put(
        "/rss.xml",
        rss("Pressestelle", full_items("de_bericht", "de_strategie")),
        "application/rss+xml",
    )
    source = add(engine, settings, site.url("/rss.xml"), lang="de")
    report = fetch(engine, settings, fetcher)
    (outcome,) = report.sources
    assert outcome.state == "ok"
    assert outcome.kind == "feed"
    assert [d.state for d in outcome.documents] == ["new", "new"]
    assert sum(d.items_new for d in outcome.documents) >= 2
    assert count(engine, t.Document) == 2
    with read_session(engine) as session:
        names = set(session.scalars(select(t.Document.source)))
        urls = set(session.scalars(select(t.Document.url)))
    assert names == {"Pressestelle"}
    assert urls == {
        "https://press.example.org/de_bericht",
        "https://press.example.org/de_strategie",
    }

    again = fetch(engine, settings, fetcher).sources[0]
    assert again.state == "not modified"
    assert again.documents == []
    assert site.requests("/rss.xml") == 2
    (row,) = list_sources(engine)
    assert row.name == "Pressestelle"
    assert row.documents == 2
    assert row.state == "ok"
    assert row.last_new_at == NOW
    assert row.id == source.id


def test_repeated_and_reordered_entries_change_nothing(engine, settings, fetcher, site, clock):
    items = full_items("de_bericht", "de_strategie", "en_plan")
    site.put("/rss.xml", rss("P", items), "application/rss+xml", conditional=False)
    add(engine, settings, site.url("/rss.xml"))
    fetch(engine, settings, fetcher)
    documents, items_before = count(engine, t.Document), count(engine, t.Item)
    site.put(
        "/rss.xml",
        rss("P", [items[2], items[0], items[1], items[0]]),
        "application/rss+xml",
        conditional=False,
    )
    outcome = fetch(engine, settings, fetcher).sources[0]
    assert outcome.documents == []
    assert outcome.repeated == 3
    assert (count(engine, t.Document), count(engine, t.Item)) == (documents, items_before)


def test_edited_entry_is_a_new_version_and_evidence_keeps_both(
    engine, settings, fetcher, site, clock
):
    items = full_items("de_bericht")
    site.put("/rss.xml", rss("P", items), "application/rss+xml")
    add(engine, settings, site.url("/rss.xml"))
    first = fetch(engine, settings, fetcher).sources[0].documents[0]
    edited = dict(
        items[0],
        text=items[0]["text"]
        + "\n\nKorrigierte Fassung: ein Tippfehler im Namen der Sprecherin wurde behoben.",
    )
    site.put("/rss.xml", rss("P", [edited]), "application/rss+xml")
    second = fetch(engine, settings, fetcher).sources[0].documents[0]
    assert (first.state, first.version) == ("new", 1)
    assert (second.state, second.version) == ("version", 2)
    with read_session(engine) as session:
        versions = session.scalars(
            select(t.DocumentVersion).order_by(t.DocumentVersion.version)
        ).all()
        assert [(v.document_id, v.previous_id) for v in versions] == [
            (first.document_id, None),
            (second.document_id, first.document_id),
        ]
        evidence_docs = set(session.scalars(select(t.Evidence.document_id)))
    # The same commitment in both versions: one item, evidence from each version.
    assert evidence_docs == {first.document_id, second.document_id}
    assert second.items_new == 0
    assert second.items_merged >= 1


def test_atom_teasers_are_read_from_their_pages(engine, settings, fetcher, site, clock):
    title, text = TEXTS["en_plan"]
    page_url = site.url("/news/plan")
    site.put(
        "/news/plan",
        article(title, text, published=date(2026, 2, 5), canonical=site.url("/artikel/plan-2026")),
    )
    site.put(
        "/atom.xml",
        atom(
            "Commission news",
            [
                {
                    "title": title,
                    "link": page_url + "?utm_source=atom",
                    "date": "2026-02-05",
                    "summary": "Teaser.",
                }
            ],
        ),
        "application/atom+xml",
    )
    add(engine, settings, site.url("/atom.xml"), lang="en")
    (doc,) = fetch(engine, settings, fetcher).sources[0].documents
    assert doc.state == "new"
    assert doc.url == site.url("/artikel/plan-2026")
    with read_session(engine) as session:
        stored = session.get(t.Document, doc.document_id)
        assert stored.published_on == date(2026, 2, 5)
        assert stored.lang == "en"
        assert "within 60 days" in stored.text
        assert "Impressum" not in stored.text
        due = set(session.scalars(select(t.Item.due_on)))
    assert date(2026, 4, 6) in due


def test_backfill_of_a_500_entry_feed(engine, settings, fetcher, site, clock):
    title, text = TEXTS["de_bericht"]
    entries = [
        {
            "title": f"{title} ({n})",
            "link": f"https://press.example.org/{n}",
            "date": f"2025-{1 + n // 50:02d}-{1 + n % 28:02d}",
            "text": f"Meldung {n}. {text}",
        }
        for n in range(500)
    ]
    site.put("/rss.xml", rss("P", entries), "application/rss+xml")
    add(engine, settings, site.url("/rss.xml"), backfill=20)
    outcome = fetch(engine, settings, fetcher).sources[0]
    assert len(outcome.documents) == 20
    assert outcome.skipped == 480
    newest = sorted(entries, key=lambda e: e["date"], reverse=True)[:20]
    assert {d.url for d in outcome.documents} == {e["link"] for e in newest}
    assert count(engine, t.Document) == 20
    # A new entry later: only it comes in; the 480 older ones never do.
    site.put(
        "/rss.xml",
        rss(
            "P",
            [
                *entries,
                {
                    **entries[0],
                    "link": "https://press.example.org/new",
                    "date": "2026-02-05",
                    "text": "Neu. " + text,
                },
            ],
        ),
        "application/rss+xml",
    )
    later = fetch(engine, settings, fetcher).sources[0]
    assert [d.url for d in later.documents] == ["https://press.example.org/new"]
    assert later.repeated == 500
    assert later.skipped == 0


def test_single_article_page_is_watched_and_versioned(engine, settings, fetcher, site, clock):
    title, text = TEXTS["de_strategie"]
    site.put("/artikel", article(title, text, published=date(2026, 2, 5)))
    add(engine, settings, site.url("/artikel"), name="Strategie")
    first = fetch(engine, settings, fetcher).sources[0]
    assert first.kind == "page"
    assert [d.state for d in first.documents] == ["new"]
    assert fetch(engine, settings, fetcher).sources[0].state == "not modified"
    site.put(
        "/artikel",
        article(
            title, text + "\n\nNachtrag: Das Kabinett tagt am Mittwoch.", published=date(2026, 2, 5)
        ),
    )
    edited = fetch(engine, settings, fetcher).sources[0]
    assert [(d.state, d.version) for d in edited.documents] == [("version", 2)]


def test_sitemap_pages_are_read(engine, settings, fetcher, site, clock):
    urls = []
    for key in ("de_bericht", "en_review"):
        title, text = TEXTS[key]
        site.put(f"/p/{key}", article(title, text, published=date(2026, 2, 4)))
        urls.append(site.url(f"/p/{key}"))
    locs = "".join(f"<url><loc>{u}</loc><lastmod>2026-02-04</lastmod></url>" for u in urls)
    site.put(
        "/sitemap.xml",
        f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>',
        "application/xml",
    )
    add(engine, settings, site.url("/sitemap.xml"))
    outcome = fetch(engine, settings, fetcher).sources[0]
    assert outcome.kind == "sitemap"
    assert sorted(d.url for d in outcome.documents) == sorted(urls)


def test_follow_up_in_another_source_merges_into_the_item(engine, settings, fetcher, site, clock):
    site.put(
        "/a.xml",
        rss("A", full_items("en_plan", link_base="https://a.example.org")),
        "application/rss+xml",
    )
    title, text = TEXTS["en_plan"]
    restated = "Brussels, February 5, 2026. " + text.split(". ", 1)[1].replace(
        "The plan", "This plan"
    )
    site.put(
        "/b.xml",
        rss(
            "B",
            [
                {
                    "title": title,
                    "link": "https://b.example.org/x",
                    "date": "2026-02-05",
                    "text": restated,
                }
            ],
        ),
        "application/rss+xml",
    )
    add(engine, settings, site.url("/a.xml"))
    add(engine, settings, site.url("/b.xml"))
    report = fetch(engine, settings, fetcher)
    docs = [s.documents[0] for s in report.sources]
    # Whichever came first created the items; the other merged into them like any ingest.
    assert sorted(d.items_new > 0 for d in docs) == [False, True]
    assert all(d.items_merged > 0 for d in docs if d.items_new == 0)
    with read_session(engine) as session:
        per_item = session.execute(
            select(t.Evidence.item_id, func.count(func.distinct(t.Evidence.document_id))).group_by(
                t.Evidence.item_id
            )
        ).all()
    assert any(n == 2 for _item, n in per_item)
