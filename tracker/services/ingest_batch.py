"""Use case: ingest many paths, one transaction per document, reporting failures and progress."""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from tracker.clock import Clock
from tracker.config import Settings
from tracker.errors import DatabaseError, TrackerError
from tracker.services.ingest import IngestOutcome, content_hash, ingest_document
from tracker.sources.readers import ReadFailure, SourceDocument, expand_paths, read_path
from tracker.store import writes
from tracker.store.session import read_session

if TYPE_CHECKING:
    from rich.console import Console

logger = logging.getLogger(__name__)
# Below this many files a progress bar is noise.
PROGRESS_MIN_FILES = 6


@dataclass
class BatchReport:
    outcomes: list[IngestOutcome] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    files: int = 0  # files (and stdin) to read
    files_done: int = 0
    # Ctrl-C: what was committed stays (one transaction per document), the rest was not read.
    interrupted: bool = False
    rolled_back: str | None = None  # the document in progress when interrupted
    in_doubt: str | None = None  # ... or this one, when the database could not tell

    @property
    def new(self) -> int:
        return sum(o.state == "new" for o in self.outcomes)

    @property
    def unchanged(self) -> int:
        return sum(o.state == "unchanged" for o in self.outcomes)

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def items_new(self) -> int:
        return sum(len(o.items_new) for o in self.outcomes)

    @property
    def items_merged(self) -> int:
        return sum(len(o.items_merged) for o in self.outcomes)

    @property
    def items_changed(self) -> int:
        return len({i for o in self.outcomes for i in o.items_changed})

    @property
    def changes_pending(self) -> int:
        return sum(o.changes_pending for o in self.outcomes)

    @property
    def conflicts(self) -> int:
        return sum(o.conflicts for o in self.outcomes)

    @property
    def warnings(self) -> int:
        return sum(o.warnings for o in self.outcomes)

    @property
    def events_new(self) -> int:
        return sum(o.events_new for o in self.outcomes)

    @property
    def events_merged(self) -> int:
        return sum(o.events_merged for o in self.outcomes)

    @property
    def mentions_linked(self) -> int:
        return sum(o.mentions_linked for o in self.outcomes)

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": {"new": self.new, "unchanged": self.unchanged, "failed": self.failed},
            "items": {
                "new": self.items_new,
                "merged": self.items_merged,
                "changed": self.items_changed,
            },
            "changes": {"pending": self.changes_pending, "conflicts": self.conflicts},
            "warnings": self.warnings,
            "events": {
                "new": self.events_new,
                "merged": self.events_merged,
                "mentions_linked": self.mentions_linked,
            },
            "outcomes": [
                {
                    "name": o.name,
                    "state": o.state,
                    "document": o.document_id,
                    "items_new": o.items_new,
                    "items_merged": o.items_merged,
                }
                for o in self.outcomes
            ],
            "failures": [{"name": n, "error": m} for n, m in self.failures],
            "files": {"total": self.files, "done": self.files_done},
            "interrupted": self.interrupted,
        }


def ingest_paths(
    engine: Engine,
    settings: Settings,
    clock: Clock,
    paths: list[str],
    *,
    stdin: IO[bytes],
    published: date | None = None,
    lang: str | None = None,
    source: str | None = None,
    url: str | None = None,
    progress: Console | None = None,
    on_failure: Callable[[str, str], None] = lambda name, message: None,
) -> BatchReport:
    """Ingest every document under `paths`; a failing document never stops the others.

    Ctrl-C (KeyboardInterrupt) stops the batch and returns the report of what was committed,
    with `interrupted` set; the document in progress is rolled back (or, when the interrupt
    came as it committed, counted: the store is asked).
    """
    files = list(expand_paths(paths))
    batch = _Batch(engine, settings, clock, stdin, on_failure, BatchReport(files=len(files)))
    overrides = {"published": published, "lang": lang, "source": source, "url": url}
    shown = _with_progress(files, progress)
    try:
        for path in shown:
            batch.ingest_file(path, overrides)
    except KeyboardInterrupt:
        batch.settle_interrupt()
    finally:
        shown.close()  # takes the progress bar off the terminal before the summary
    return batch.report


@dataclass
class _Batch:
    engine: Engine
    settings: Settings
    clock: Clock
    stdin: IO[bytes]
    on_failure: Callable[[str, str], None]
    report: BatchReport
    current: SourceDocument | None = None

    def ingest_file(self, path: str, overrides: dict[str, Any]) -> None:
        limit = self.settings.max_document_bytes
        for read in read_path(path, self.stdin, max_bytes=limit):
            if isinstance(read, ReadFailure):
                self.fail(read.name, read.message)
            else:
                self.ingest(_override(read, **overrides))
        self.report.files_done += 1

    def ingest(self, doc: SourceDocument) -> None:
        self.current = doc
        try:
            self.report.outcomes.append(
                ingest_document(self.engine, self.settings, self.clock, doc)
            )
        except DatabaseError:
            raise  # the database is gone: stopping beats failing every remaining document
        except TrackerError as exc:
            self.fail(doc.shown, exc.message.removeprefix(f"{doc.name}: "))
        self.current = None

    def fail(self, name: str, message: str) -> None:
        message = message.removeprefix(f"{name}: ")
        self.report.failures.append((name, message))
        self.on_failure(name, message)

    def settle_interrupt(self) -> None:
        """Record the interrupt; ask the store whether the document in progress went in."""
        self.report.interrupted = True
        doc, self.current = self.current, None
        if doc is None:
            return
        try:
            with read_session(self.engine) as session:
                known = writes.find_document_id(session, content_hash(doc.text))
        except (TrackerError, SQLAlchemyError) as exc:
            logger.warning("could not check %s after the interrupt: %s", doc.shown, exc)
            self.report.in_doubt = doc.shown
            return
        if known is None:
            self.report.rolled_back = doc.shown
        else:  # interrupted between its commit and our bookkeeping: it is in
            self.report.outcomes.append(IngestOutcome(doc.shown, "new", known))


def _with_progress(files: list[str], console: Console | None) -> Generator[str, None, None]:
    """Yield the files, with a progress bar on `console` for batches worth one."""
    if console is None or len(files) < PROGRESS_MIN_FILES:
        yield from files
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("ingesting", total=len(files))
        for path in files:
            yield path
            bar.advance(task)


def _override(doc: SourceDocument, **given: Any) -> SourceDocument:
    changes = {k: v for k, v in given.items() if v is not None}
    if "source" in changes:
        changes["name"] = changes.pop("source")
        changes["display_name"] = None
    return replace(doc, **changes)
