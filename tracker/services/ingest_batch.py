"""Use case: ingest many paths, one transaction per document, reporting failures and progress."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy.engine import Engine

from tracker.clock import Clock
from tracker.config import Settings
from tracker.errors import DatabaseError, TrackerError
from tracker.services.ingest import IngestOutcome, ingest_document
from tracker.sources.readers import ReadFailure, SourceDocument, expand_paths, read_path

if TYPE_CHECKING:
    from rich.console import Console

logger = logging.getLogger(__name__)
# Below this many files a progress bar is noise.
PROGRESS_MIN_FILES = 6


@dataclass
class BatchReport:
    outcomes: list[IngestOutcome] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)

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
            "items": {"new": self.items_new, "merged": self.items_merged},
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
    """Ingest every document under `paths`; a failing document never stops the others."""
    files = list(expand_paths(paths))
    report = BatchReport()

    def one_file(path: str) -> None:
        for read in read_path(path, stdin):
            if isinstance(read, ReadFailure):
                report.failures.append((read.name, read.message))
                on_failure(read.name, read.message)
                continue
            doc = _override(read, published=published, lang=lang, source=source, url=url)
            try:
                report.outcomes.append(ingest_document(engine, settings, clock, doc))
            except DatabaseError:
                raise  # the database is gone: stopping beats failing every remaining document
            except TrackerError as exc:
                message = exc.message.removeprefix(f"{doc.name}: ")
                report.failures.append((doc.name, message))
                on_failure(doc.name, message)

    if progress is not None and len(files) >= PROGRESS_MIN_FILES:
        from rich.progress import track

        for path in track(files, description="ingesting", console=progress, transient=True):
            one_file(path)
    else:
        for path in files:
            one_file(path)
    return report


def _override(doc: SourceDocument, **given: Any) -> SourceDocument:
    changes = {k: v for k, v in given.items() if v is not None}
    if "source" in changes:
        changes["name"] = changes.pop("source")
    return replace(doc, **changes)
