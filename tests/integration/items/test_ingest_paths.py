"""Reading and ingesting real files: encodings, formats, bad documents, one transaction each."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from sqlalchemy import func, select

from tests.conftest import SEEDS
from tracker.clock import FixedClock
from tracker.config import Settings
from tracker.services.ingest_batch import ingest_paths
from tracker.store import repository
from tracker.store import tables as t
from tracker.store.session import read_session

GERMAN = (
    "Berlin, 02.03.2026\n\nDie Kommission will innerhalb von zwei Wochen einen Bericht über "
    "die Zölle vorlegen. Die Mitgliedstaaten begrüßten das Vorhaben.\n"
)


@pytest.fixture
def run(engine, now):
    def run(*paths, stdin=b"", **options):
        return ingest_paths(
            engine,
            Settings(),
            FixedClock(now),
            [str(p) for p in paths],
            stdin=io.BytesIO(stdin),
            **options,
        )

    return run


def _documents(engine):
    with read_session(engine) as session:
        return session.scalar(select(func.count()).select_from(t.Document))


def test_ingest_seeds_folder_twice_is_idempotent(engine, run):
    first = run(SEEDS)
    assert (first.new, first.failed) == (2, 0)
    second = run(SEEDS)
    assert (second.new, second.unchanged, second.items_new) == (0, 2, 0)
    with read_session(engine) as session:
        dated = repository.list_items(session, dated_only=True)
    assert sorted(i.due for i in dated) == [date(2026, 3, 7), date(2026, 4, 6)]


def test_ingest_bad_documents_are_skipped_and_named(engine, run, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GERMAN, encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    undated = tmp_path / "undated.txt"
    undated.write_text("Die Regierung will innerhalb von 30 Tagen handeln.\n")
    missing = tmp_path / "missing.txt"
    report = run(good, binary, empty, undated, missing)
    failures = dict(report.failures)
    assert report.new == 1
    assert set(failures) == {str(binary), str(empty), str(undated), str(missing)}
    assert "binary" in failures[str(binary)]
    assert "empty" in failures[str(empty)]
    assert "publication date" in failures[str(undated)]
    assert "cannot read" in failures[str(missing)]
    assert _documents(engine) == 1


def test_ingest_cp1252_text_is_decoded(engine, run, tmp_path):
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(GERMAN.replace("Berlin", "Düsseldorf").encode("cp1252"))
    report = run(legacy)
    assert report.failed == 0
    with read_session(engine) as session:
        text = session.scalar(select(t.Document.text))
    assert "Düsseldorf" in text
    assert "begrüßten" in text


def test_ingest_jsonl_with_a_bad_line(engine, run, tmp_path):
    lines = [
        json.dumps({"text": GERMAN, "title": "Zölle", "url": "https://example.org/z"}),
        "{not json",
        json.dumps({"text": "Plain text without a date.", "published": "2026-02-05"}),
        json.dumps({"title": "no text"}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = run(path)
    assert report.new == 2
    assert [name for name, _ in report.failures] == [f"{path}:2", f"{path}:4"]
    with read_session(engine) as session:
        titles = set(session.scalars(select(t.Document.title)))
    assert "Zölle" in titles


def test_ingest_stdin_with_overrides(engine, run):
    report = run(
        "-",
        stdin=b"Die Agentur will binnen 14 Tagen antworten.",
        published=date(2026, 2, 5),
        lang="de",
        source="Agentur",
        url="https://x.org/a",
    )
    assert report.new == 1
    with read_session(engine) as session:
        doc = session.scalars(select(t.Document)).one()
        assert (doc.source, doc.url, doc.published_on) == (
            "Agentur",
            "https://x.org/a",
            date(2026, 2, 5),
        )


def test_ingest_html_article(engine, run, tmp_path):
    page = tmp_path / "article.html"
    page.write_text(
        "<html><head><title>Zölle</title>"
        '<meta property="article:published_time" content="2026-02-05T08:00:00+01:00">'
        '<link rel="canonical" href="https://example.org/zoelle"></head><body><article>'
        "<h1>Kommission plant Bericht zu Zöllen</h1>"
        "<p>Die Kommission will innerhalb von 30 Tagen einen Bericht über die Zölle vorlegen, "
        "teilte eine Sprecherin in Brüssel mit.</p><p>Die Mitgliedstaaten hatten den Bericht "
        "seit Monaten gefordert und begrüßten die Ankündigung ausdrücklich.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    report = run(page)
    assert report.failed == 0, report.failures
    with read_session(engine) as session:
        doc = session.scalars(select(t.Document)).one()
        published, url = doc.published_on, doc.url
        items = repository.list_items(session, dated_only=True)
    assert published == date(2026, 2, 5)
    assert url == "https://example.org/zoelle"
    assert [i.due for i in items] == [date(2026, 3, 7)]


def test_ingest_nul_text_and_overlong_metadata(engine, run, tmp_path):
    lines = [
        json.dumps({"text": GERMAN + "\x00tail", "source": "nul"}),
        json.dumps({"text": GERMAN, "title": "T" * 5000, "source": "S" * 900}),
    ]
    path = tmp_path / "odd.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = run(path)
    assert [name for name, _ in report.failures] == ["nul"]
    assert "NUL" in report.failures[0][1]
    assert report.new == 1
    with read_session(engine) as session:
        doc = session.scalars(select(t.Document)).one()
        assert len(doc.title) == 1000
        assert len(doc.source) == 500
