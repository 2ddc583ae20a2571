"""A batch interrupted by Ctrl-C (KeyboardInterrupt) reports exactly what was committed.

The real signal is sent to a real process in tests/e2e/test_cli_ingest.py; here the interrupt
arrives at chosen points: between documents, inside one, and after one committed.
"""

from __future__ import annotations

import io
from datetime import datetime

from sqlalchemy import func, select

from tracker.clock import FixedClock
from tracker.config import Settings
from tracker.services.ingest_batch import BatchReport, _Batch, ingest_paths
from tracker.sources.readers import SourceDocument
from tracker.store import tables as t
from tracker.store.session import read_session

TEXT = "Kiel, 02.03.2026\n\nDas Land will innerhalb von {n} Tagen einen Plan für {n} vorlegen.\n"


class InterruptedStdin(io.BytesIO):
    def read(self, size: int | None = -1) -> bytes:
        raise KeyboardInterrupt


class InterruptingClock(FixedClock):
    """Ctrl-C while a document is being stored (the service asks the time there)."""

    def now(self) -> datetime:
        raise KeyboardInterrupt


def _documents(engine) -> int:
    with read_session(engine) as session:
        return int(session.scalar(select(func.count()).select_from(t.Document)) or 0)


def _files(tmp_path, count):
    paths = []
    for n in range(count):
        path = tmp_path / f"a{n}.txt"
        path.write_text(TEXT.format(n=10 + n), encoding="utf-8")
        paths.append(str(path))
    return paths


def test_interrupt_between_documents(engine, now, tmp_path):
    first, second = _files(tmp_path, 2)
    report = ingest_paths(
        engine, Settings(), FixedClock(now), [first, "-", second], stdin=InterruptedStdin()
    )
    assert report.interrupted
    assert (report.new, report.files, report.files_done) == (1, 3, 1)
    assert report.rolled_back is None
    assert _documents(engine) == 1


def test_interrupt_inside_a_document_rolls_it_back(engine, now, tmp_path):
    [path] = _files(tmp_path, 1)
    report = ingest_paths(engine, Settings(), InterruptingClock(now), [path], stdin=io.BytesIO())
    assert report.interrupted
    assert report.new == 0
    assert report.rolled_back == path
    assert _documents(engine) == 0


def test_interrupt_after_a_commit_counts_the_document(engine, now, tmp_path):
    [path] = _files(tmp_path, 1)
    assert ingest_paths(engine, Settings(), FixedClock(now), [path], stdin=io.BytesIO()).new == 1
    doc = SourceDocument(name=path, text=TEXT.format(n=10))
    batch = _Batch(engine, Settings(), FixedClock(now), io.BytesIO(), print, BatchReport(files=1))
    batch.current = doc  # interrupted between its commit and the bookkeeping
    batch.settle_interrupt()
    assert (batch.report.new, batch.report.rolled_back) == (1, None)
