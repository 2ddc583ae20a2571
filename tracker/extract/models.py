"""Pydantic models of an extraction: what `tracker.extract.extract` returns.

This is the contract between extraction (pure) and the rest of the program (ingest, CLI, JSON).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

DuePrecision = Literal["day", "month", "quarter", "year"]
AnchorKind = Literal["published", "signing", "explicit", "absolute", "event"]
DatePrecision = Literal["day", "month"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class DocumentMeta(_Frozen):
    """Metadata of the text: given by the caller or detected in the text."""

    title: str | None = None
    published: date
    lang: str
    url: str | None = None


class Commitment(_Frozen):
    """A forward-looking promise or scheduled change with a resolved due date."""

    trigger: str
    span: tuple[int, int]
    description: str
    actors: list[str] = Field(default_factory=list)
    # 1.0 when the clause names them; lower when taken from the speaker or earlier sentences
    actors_confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    anchor: date
    anchor_kind: AnchorKind
    due: date
    due_precision: DuePrecision = "day"
    confidence: float = Field(ge=0.0, le=1.0)
    cue: str = ""
    quote: str = ""
    deliverable: str = ""  # canonical English key of what is promised, for dedup


class Undated(_Frozen):
    """A planned action without a resolvable due date; `reason` says why it has none."""

    trigger: str
    span: tuple[int, int]
    description: str
    actors: list[str] = Field(default_factory=list)
    # 1.0 when the clause names them; lower when taken from the speaker or earlier sentences
    actors_confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    anchor: date | None = None
    anchor_kind: AnchorKind | None = None
    reason: str = ""
    confidence: float = Field(ge=0.0, le=1.0)
    cue: str = ""
    quote: str = ""
    deliverable: str = ""  # canonical English key of what is promised, for dedup


class Event(_Frozen):
    """A dated happening on or before the anchor, for the timeline."""

    trigger: str
    span: tuple[int, int]
    date: date
    date_precision: DatePrecision = "day"
    description: str
    actors: list[str] = Field(default_factory=list)
    # 1.0 when the clause names them; lower when taken from the speaker or earlier sentences
    actors_confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    confidence: float = Field(default=0.8, ge=0.0, le=1.0)
    quote: str = ""
    key: str = ""  # canonical English key of the happening, for dedup across sources


ChangeKind = Literal["postponed", "extended", "advanced", "moved", "paused", "cancelled", "met"]


class Change(_Frozen):
    """A statement that an earlier commitment moved, was paused, cancelled or done.

    `new_due` when the text gives the new date; else `shift` moves the old date ("um zwei Wochen
    verschoben": ((14, "day"),); negative when brought forward). `old_due` is the date it
    replaces when the text names it. `refers_to` is the canonical key of what changed
    ("tariff", "comments"); `context` the sentence before, which often names it. Which item
    it changes is decided against the tracked items at ingest. "moved" is a move whose
    direction the item's current date decides ("changes the deadline to ...").
    """

    kind: ChangeKind
    trigger: str
    span: tuple[int, int]
    new_due: date | None = None
    shift: tuple[tuple[int, str], ...] = ()
    old_due: date | None = None
    refers_to: str = ""
    actors: list[str] = Field(default_factory=list)
    quote: str = ""
    context: str = ""
    confidence: float = Field(ge=0.0, le=1.0)


class Extraction(_Frozen):
    """Everything found in one text."""

    document: DocumentMeta
    commitments: list[Commitment] = Field(default_factory=list)
    undated: list[Undated] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    changes: list[Change] = Field(default_factory=list)
    # One line per rule that failed on this text (its finding is lost, the rest kept).
    warnings: list[str] = Field(default_factory=list)
