"""Use case: ingest one document, idempotently, in one transaction."""

from __future__ import annotations

import hashlib
import logging
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Literal

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tracker.clock import Clock
from tracker.config import Settings
from tracker.errors import InputError
from tracker.extract import extract
from tracker.extract.describe.subject import same_subject, subject_of
from tracker.extract.jsonout import anchor_kind_name
from tracker.extract.rules.mentions import MENTION_PATTERNS, find_mentions, is_linkable
from tracker.services.changes import flag_conflicts, follow_changes
from tracker.services.events import record_item_event
from tracker.sources.readers import SourceDocument
from tracker.store import tables as t
from tracker.store import writes
from tracker.store.session import read_session, transaction

if TYPE_CHECKING:
    from tracker.extract.models import Commitment, Event, Extraction, Undated

logger = logging.getLogger(__name__)
# How far apart an event and an undated mention of it in another source may be.
MENTION_WINDOW = timedelta(days=14)


@dataclass
class IngestOutcome:
    """What one document did to the store."""

    name: str
    state: Literal["new", "unchanged"]
    document_id: int
    items_new: list[int] = field(default_factory=list)
    items_merged: list[int] = field(default_factory=list)
    items_changed: list[int] = field(default_factory=list)  # by its change statements
    changes_pending: int = 0
    conflicts: int = 0  # new items that give an earlier item's deadline another date
    warnings: int = 0  # rules that failed on this text (their findings are lost)
    events_new: int = 0
    events_merged: int = 0
    mentions_linked: int = 0


def content_hash(text: str) -> str:
    """Hash the text so re-saved copies (line endings, spacing, NFC) count as the same document."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def ingest_document(
    engine: Engine, settings: Settings, clock: Clock, doc: SourceDocument
) -> IngestOutcome:
    """Extract and store one document; raise a TrackerError (and write nothing) on bad input."""
    if "\x00" in doc.text:  # PostgreSQL text cannot hold NUL; such a "text" is binary anyway
        raise InputError(f"{doc.name}: binary content (NUL characters), not text")
    digest = content_hash(doc.text)
    with read_session(engine) as session:
        known = writes.find_document_id(session, digest)
    if known is not None:  # fast path: no extraction for documents we already have
        return IngestOutcome(doc.name, "unchanged", known)
    extraction = extract(doc.text, published=doc.published, lang=doc.lang)
    try:
        return store_extraction(engine, settings, clock.now(), doc, digest, extraction)
    except IntegrityError:
        # Another process stored the same document between our check and our insert.
        with read_session(engine) as session:
            known = writes.find_document_id(session, digest)
        if known is None:
            raise
        return IngestOutcome(doc.name, "unchanged", known)


def store_extraction(
    engine: Engine,
    settings: Settings,
    now: datetime,
    doc: SourceDocument,
    digest: str,
    extraction: Extraction,
) -> IngestOutcome:
    """Store a document and what was extracted from it, merging with what is tracked."""
    with transaction(engine) as session:
        writes.lock_for_ingest(session)
        known = writes.find_document_id(session, digest)
        if known is not None:
            return IngestOutcome(doc.name, "unchanged", known)
        meta = extraction.document
        document = t.Document(
            content_hash=digest,
            source=_clip(doc.name, 500),
            url=_clip(doc.url or meta.url, 2000),
            title=_clip(doc.title or meta.title, 1000),
            published_on=meta.published,
            lang=meta.lang,
            text=doc.text,
            ingested_at=now,
        )
        session.add(document)
        session.flush()
        outcome = IngestOutcome(doc.name, "new", document.id, warnings=len(extraction.warnings))
        tracked: Sequence[Commitment | Undated] = [*extraction.commitments, *extraction.undated]
        for found in tracked:
            _track(session, settings, now, document, found, outcome)
        created = [
            _record_event(session, now, document, event, outcome) for event in extraction.events
        ]
        _link_mentions(session, document, [e for e in created if e is not None], outcome)
        followed = follow_changes(session, settings, now, document, extraction.changes)
        outcome.items_changed, outcome.changes_pending = followed.applied, followed.pending
        outcome.items_new = [i for i in outcome.items_new if i not in followed.absorbed]
        fresh = [i for i in outcome.items_new if i not in followed.applied]
        outcome.conflicts = flag_conflicts(session, settings, now, document, fresh)
        return outcome


def _clip(value: str | None, limit: int) -> str | None:
    """Fit a value into its column (PostgreSQL enforces VARCHAR lengths, SQLite does not)."""
    return value if value is None or len(value) <= limit else value[: limit - 1] + "…"


def _track(
    session: Session,
    settings: Settings,
    now: datetime,
    document: t.Document,
    found: Commitment | Undated,
    outcome: IngestOutcome,
) -> None:
    due_on = getattr(found, "due", None)
    actors = writes.ensure_actors(session, found.actors)
    deliverable = _deliverable(found)
    item = writes.find_item_match(
        session,
        deliverable=deliverable,
        actor_keys={a.key for a in actors},
        due_on=due_on,
        accepts=_same_subject(found, deliverable),
    )
    created = item is None
    if item is None:
        item = _new_item(session, now, document, found, deliverable, actors)
        outcome.items_new.append(item.id)
    elif item.id not in outcome.items_new and item.id not in outcome.items_merged:
        # (a restatement inside the same document is one more evidence, not another merge)
        outcome.items_merged.append(item.id)
    if writes.add_item_evidence(
        session, item, document, trigger=found.trigger, span=found.span, quote=found.quote
    ):
        item.confidence = max(item.confidence, found.confidence)
        item.version += 1
        item.updated_at = now
        session.flush()
    if created:  # the event row also plans the item's reminders
        record_item_event(session, item, "created", settings=settings, now=now)


def _same_subject(found: Commitment | Undated, deliverable: str) -> Callable[[t.Item], bool]:
    """Whether a candidate is about what `found` is about ("Bericht über Mikroplastik" is not
    "Bericht zur Lkw-Maut"); see tracker.extract.describe.subject."""
    mine = subject_of(found.description, deliverable)

    def accepts(item: t.Item) -> bool:
        return same_subject(mine, subject_of(item.description, item.deliverable))

    return accepts


def _new_item(
    session: Session,
    now: datetime,
    document: t.Document,
    found: Commitment | Undated,
    deliverable: str,
    actors: list[t.Actor],
) -> t.Item:
    due_on = getattr(found, "due", None)
    item = t.Item(
        description=found.description,
        deliverable=deliverable,
        due_on=due_on,
        due_precision=getattr(found, "due_precision", None) if due_on else None,
        anchor_on=found.anchor,
        anchor_kind=anchor_kind_name(found.anchor_kind),
        status="open",
        confidence=found.confidence,
        version=0,
        created_at=now,
        updated_at=now,
    )
    item.actors = actors
    session.add(item)
    writes.record_change(
        session,
        item,
        to_status="open",
        at=now,
        due_after=due_on,
        note=f"found in {document.source}",
    )
    session.flush()
    return item


def _deliverable(found: Commitment | Undated) -> str:
    key = found.deliverable or found.description
    return " ".join(key.casefold().split())[:200]


def _record_event(
    session: Session, now: datetime, document: t.Document, found: Event, outcome: IngestOutcome
) -> t.Event | None:
    """Store or merge one event; return it when it is new."""
    fingerprint = " ".join((found.key or found.description).casefold().split())
    event = writes.find_event_match(session, fingerprint=fingerprint[:200], occurred_on=found.date)
    if event is None:
        event = t.Event(
            description=found.description,
            occurred_on=found.date,
            date_precision=found.date_precision,
            fingerprint=fingerprint[:200],
            created_at=now,
        )
        session.add(event)
        session.flush()
        outcome.events_new += 1
        created: t.Event | None = event
    else:
        outcome.events_merged += 1
        created = None
    writes.add_event_evidence(
        session, event, document, trigger=found.trigger, span=found.span, quote=found.quote
    )
    session.flush()
    return created


def _link_mentions(
    session: Session, document: t.Document, created: list[t.Event], outcome: IngestOutcome
) -> None:
    """Attach undated mentions of dated events as evidence, in both directions of time.

    1. This document mentions events other sources dated in the weeks before it.
    2. Documents of the weeks after a newly dated event mention it.
    """
    published = document.published_on
    earlier = writes.linkable_events(
        session, keys=MENTION_PATTERNS, date_from=published - MENTION_WINDOW, date_to=published
    )
    for event in earlier:
        if _attach_mention(session, event, document):
            outcome.mentions_linked += 1
    for event in (e for e in created if is_linkable(e.fingerprint)):
        later = writes.documents_published(
            session,
            date_from=event.occurred_on,
            date_to=event.occurred_on + MENTION_WINDOW,
            exclude=document.id,
        )
        for other in later:
            outcome.mentions_linked += _attach_mention(session, event, other)


def _attach_mention(session: Session, event: t.Event, document: t.Document) -> bool:
    if writes.has_event_evidence(session, event, document):
        return False
    mentions = find_mentions(document.text, event.fingerprint)
    if not mentions:
        return False
    first = mentions[0]
    writes.add_event_evidence(
        session, event, document, trigger=first.trigger, span=first.span, quote=first.quote
    )
    session.flush()
    return True
