"""ORM tables (SQLAlchemy 2 typed declarative). The schema changes only through migrations."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from tracker.store.types import UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# AUTOINCREMENT on SQLite so ids are never reused after a delete: ids are user-facing.
_NO_REUSE = {"sqlite_autoincrement": True}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = _NO_REUSE

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str] = mapped_column(String(500))
    url: Mapped[str | None] = mapped_column(String(2000))
    title: Mapped[str | None] = mapped_column(String(1000))
    published_on: Mapped[date] = mapped_column(Date, index=True)
    lang: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime())


class DocumentVersion(Base):
    """A document that is a version of an article at a canonical URL (set by watching).

    A table of its own rather than columns on `documents`: adding a foreign key to documents
    would make SQLite copy the table, and dropping the copy's original cascades to evidence.
    """

    __tablename__ = "document_versions"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    # sha256 of the normalised canonical URL, to find the latest version (URLs are too long
    # to index portably).
    canonical_key: Mapped[str] = mapped_column(String(64), index=True)
    canonical_url: Mapped[str] = mapped_column(String(2000))
    version: Mapped[int] = mapped_column(Integer)
    previous_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), index=True
    )


class Actor(Base):
    __tablename__ = "actors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(200))


class ItemActor(Base):
    __tablename__ = "item_actors"

    item_id: Mapped[int] = mapped_column(
        ForeignKey("items.id", ondelete="CASCADE"), primary_key=True
    )
    actor_id: Mapped[int] = mapped_column(
        ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Item(Base):
    __tablename__ = "items"
    __table_args__ = (
        Index("ix_items_status_due_on", "status", "due_on"),
        Index("ix_items_due_on", "due_on"),
        Index("ix_items_updated_at", "updated_at"),  # `list --sort -updated`
        _NO_REUSE,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    description: Mapped[str] = mapped_column(Text)
    deliverable: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date | None] = mapped_column(Date)
    due_precision: Mapped[str | None] = mapped_column(String(10))
    anchor_on: Mapped[date | None] = mapped_column(Date)
    anchor_kind: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="open")
    confidence: Mapped[float] = mapped_column(Float)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="Evidence.id"
    )
    history: Mapped[list[StatusChange]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="StatusChange.id"
    )
    actors: Mapped[list[Actor]] = relationship(secondary="item_actors", order_by="Actor.name")
    # Changes and conflicting dates that wait for review on this item (read only).
    pending: Mapped[list[ItemChange]] = relationship(
        primaryjoin="and_(ItemChange.item_id == Item.id, ItemChange.state == 'pending')",
        order_by="ItemChange.id",
        viewonly=True,
    )


class Evidence(Base):
    __tablename__ = "evidence"
    __table_args__ = (UniqueConstraint("item_id", "document_id", "span_start"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    trigger: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)

    item: Mapped[Item] = relationship(back_populates="evidence")
    document: Mapped[Document] = relationship()


class Event(Base):
    __tablename__ = "events"
    __table_args__ = _NO_REUSE

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    description: Mapped[str] = mapped_column(Text)
    occurred_on: Mapped[date] = mapped_column(Date, index=True)
    date_precision: Mapped[str] = mapped_column(String(10))
    fingerprint: Mapped[str] = mapped_column(String(200), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())

    evidence: Mapped[list[EventEvidence]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventEvidence.id"
    )


class EventEvidence(Base):
    __tablename__ = "event_evidence"
    __table_args__ = (UniqueConstraint("event_id", "document_id", "span_start"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    trigger: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)

    event: Mapped[Event] = relationship(back_populates="evidence")
    document: Mapped[Document] = relationship()


class StatusChange(Base):
    __tablename__ = "status_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    due_before: Mapped[date | None] = mapped_column(Date)
    due_after: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The text that caused the change, when one did (a follow-up's statement).
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), index=True
    )
    quote: Mapped[str | None] = mapped_column(Text)

    item: Mapped[Item] = relationship(back_populates="history")


class ItemChange(Base):
    """A change statement read in a text (or a conflicting date), and what became of it.

    `state` is pending (no sure item yet: shown for review), applied (to `item_id`) or rejected.
    kind "conflict": a later text gives another due date (`new_due`) for `item_id` without
    saying it changed; it waits for the user as a pending change does.
    """

    __tablename__ = "item_changes"
    __table_args__ = (
        Index("ix_item_changes_state", "state"),
        UniqueConstraint("document_id", "span_start", "kind", "item_id"),
        _NO_REUSE,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("items.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(20), default="pending")
    trigger: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    context: Mapped[str] = mapped_column(Text, default="")
    new_due: Mapped[date | None] = mapped_column(Date)
    old_due: Mapped[date | None] = mapped_column(Date)
    shift: Mapped[str] = mapped_column(String(60), default="")  # "-6 day", "1 year"
    actors: Mapped[str] = mapped_column(Text, default="")  # "; "-joined names
    confidence: Mapped[float] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    document: Mapped[Document] = relationship()


class Channel(Base):
    __tablename__ = "channels"
    __table_args__ = (UniqueConstraint("kind", "target"), _NO_REUSE)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    target: Mapped[str] = mapped_column(String(2000))
    secret: Mapped[str | None] = mapped_column(String(200))
    filter_actor: Mapped[str | None] = mapped_column(String(200))
    filter_status: Mapped[str | None] = mapped_column(String(20))
    is_active: Mapped[bool] = mapped_column(default=True)
    disabled_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # What the channel gets: "due" (reminders), "new" (item events), comma-separated.
    events: Mapped[str] = mapped_column(String(40), default="due", server_default="due")
    # None: one message per reminder or event; "daily"/"weekly": one digest at digest_time.
    digest: Mapped[str | None] = mapped_column(String(10))
    digest_time: Mapped[str | None] = mapped_column(String(5))  # HH:MM in TRACKER_TIMEZONE
    digest_weekday: Mapped[int | None] = mapped_column(Integer)  # 0 = Monday (weekly only)


# The claim reads waiting rows in this order and stops after a batch: no sort of the backlog.
_WAITING_SQL = "state IN ('pending', 'failed')"


class Reminder(Base):
    """The outbox: one row per message to one channel (a reminder or an item event).

    Reminders are one row per (item, channel, kind, lead); events one row per occurrence and
    channel. The rows are the source of truth for dispatch.
    """

    __tablename__ = "reminders"
    __table_args__ = (
        Index("ix_reminders_state_next_attempt_at", "state", "next_attempt_at"),
        Index(
            "ix_reminders_waiting_next_attempt_at",
            "next_attempt_at",
            "id",
            sqlite_where=text(_WAITING_SQL),
            postgresql_where=text(_WAITING_SQL),
        ),
        _NO_REUSE,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(200), unique=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    channel_id: Mapped[int] = mapped_column(
        ForeignKey("channels.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(10))  # lead | due | overdue | event
    # deadline.reminder, item.created, item.due_changed, change.pending
    event: Mapped[str] = mapped_column(
        String(30), default="deadline.reminder", server_default="deadline.reminder"
    )
    detail: Mapped[str | None] = mapped_column(Text)  # JSON: what changed (events only)
    days_before: Mapped[int] = mapped_column(Integer)
    due_on: Mapped[date | None] = mapped_column(Date)
    fire_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Set on rows of digest channels: the digest this row goes out with.
    digest_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Set by `remind replay`: sent even if a later reminder of the item went out meanwhile.
    replayed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    state: Mapped[str] = mapped_column(String(12), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime())
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ItemRender(Base):
    """Cached iCalendar bytes of one item's VEVENT, valid while `version` matches the item's."""

    __tablename__ = "item_renders"

    item_id: Mapped[int] = mapped_column(
        ForeignKey("items.id", ondelete="CASCADE"), primary_key=True
    )
    format: Mapped[str] = mapped_column(String(20), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    body: Mapped[bytes] = mapped_column(LargeBinary)
    rendered_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Source(Base):
    """A watched feed, article page or sitemap; the row is the source of truth for fetching."""

    __tablename__ = "sources"
    __table_args__ = (
        Index("ix_sources_next_fetch_at", "next_fetch_at"),
        Index("ix_sources_host", "host"),
        _NO_REUSE,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    host: Mapped[str] = mapped_column(String(255))
    name: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10), default="unknown")
    interval_seconds: Mapped[int] = mapped_column(Integer)
    lang: Mapped[str | None] = mapped_column(String(8))
    backfill: Mapped[int] = mapped_column(Integer)
    is_paused: Mapped[bool] = mapped_column(default=False)
    etag: Mapped[str | None] = mapped_column(String(500))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    next_fetch_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_fetch_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_status: Mapped[str | None] = mapped_column(String(20))
    last_new_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    failures: Mapped[int] = mapped_column(Integer, default=0)
    failing_since: Mapped[datetime | None] = mapped_column(UTCDateTime())
    gave_up_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SourceEntry(Base):
    """One entry (feed item, sitemap URL, the page itself) of a source, as last seen."""

    __tablename__ = "source_entries"
    __table_args__ = (UniqueConstraint("source_id", "entry_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    # sha256 of the entry's normalised link (or its guid): URLs are too long to index.
    entry_key: Mapped[str] = mapped_column(String(64))
    url: Mapped[str | None] = mapped_column(String(2000))
    # Hash of the entry as the source lists it; an unchanged one is not fetched again.
    fingerprint: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(10))  # ingested | skipped | failed
    content_hash: Mapped[str | None] = mapped_column(String(64))
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), index=True
    )
    error: Mapped[str | None] = mapped_column(Text)
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


__all__ = [
    "Actor",
    "Base",
    "Channel",
    "Document",
    "DocumentVersion",
    "Event",
    "EventEvidence",
    "Evidence",
    "Item",
    "ItemActor",
    "ItemRender",
    "Reminder",
    "Source",
    "SourceEntry",
    "StatusChange",
]
