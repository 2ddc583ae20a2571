"""Factories of synthetic extractions, so store tests do not depend on the extractor's rules."""

from __future__ import annotations

from datetime import date
from typing import Any

from tracker.extract.models import Commitment, DocumentMeta, Event, Extraction, Undated
from tracker.sources.readers import SourceDocument


def commitment_factory(**overrides: Any) -> Commitment:
    values: dict[str, Any] = {
        "trigger": "innerhalb von 30 Tagen",
        "span": (10, 32),
        "description": "Memorandum of intent on critical minerals",
        "actors": ["United States", "European Union"],
        "anchor": date(2026, 2, 5),
        "anchor_kind": "published",
        "due": date(2026, 3, 7),
        "due_precision": "day",
        "confidence": 0.8,
        "deliverable": "memorandum of intent",
        "quote": "Eine Absichtserklärung wird innerhalb von 30 Tagen erwartet.",
    }
    values.update(overrides)
    return Commitment(**values)


def undated_factory(**overrides: Any) -> Undated:
    values: dict[str, Any] = {
        "trigger": "geplanten Überprüfung",
        "span": (40, 61),
        "description": "Review of the USMCA",
        "actors": ["United States", "Mexico", "Canada"],
        "confidence": 0.6,
        "deliverable": "review",
        "quote": "im Vorfeld einer geplanten Überprüfung des Abkommens",
    }
    values.update(overrides)
    return Undated(**values)


def event_factory(**overrides: Any) -> Event:
    values: dict[str, Any] = {
        "trigger": "heutigen Mittwoch",
        "span": (70, 87),
        "date": date(2026, 2, 4),
        "description": "Ministerial meeting on critical minerals in Washington",
        "key": "ministerial meeting",
        "quote": "für den heutigen Mittwoch zu einem Ministertreffen",
    }
    values.update(overrides)
    return Event(**values)


def extraction_factory(
    *, published: date = date(2026, 2, 5), commitments=(), undated=(), events=()
) -> Extraction:
    return Extraction(
        document=DocumentMeta(title="A title", published=published, lang="de", url=None),
        commitments=list(commitments),
        undated=list(undated),
        events=list(events),
    )


def document_factory(text: str = "Some article text.", **overrides: Any) -> SourceDocument:
    return SourceDocument(**{"name": "article.txt", "text": text, **overrides})
