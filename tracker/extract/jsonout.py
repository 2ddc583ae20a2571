"""JSON serialisation of an extraction (shared by `tracker extract --json` and other commands)."""

from __future__ import annotations

from datetime import date
from typing import Any

from tracker.extract.models import Change, Commitment, Event, Extraction, Undated


def format_date(value: date, precision: str = "day") -> str:
    """Print a date as YYYY-MM-DD, or YYYY-MM when only the month is known."""
    return value.strftime("%Y-%m") if precision == "month" else value.isoformat()


def anchor_kind_name(kind: str | None) -> str | None:
    """The public name of an anchor kind (JSON, the database): "published" is "publication"."""
    return "publication" if kind == "published" else kind


def commitment_to_dict(item: Commitment) -> dict[str, Any]:
    """Serialise a commitment (anchor kinds by their public names, as in the corpus)."""
    data = item.model_dump(mode="json")
    data["span"] = list(item.span)
    data["anchor_kind"] = anchor_kind_name(item.anchor_kind)
    return data


def undated_to_dict(item: Undated) -> dict[str, Any]:
    """Serialise an undated plan."""
    data = item.model_dump(mode="json")
    data["span"] = list(item.span)
    data["anchor_kind"] = anchor_kind_name(item.anchor_kind)
    return data


def event_to_dict(item: Event) -> dict[str, Any]:
    """Serialise an event; month-precision dates print as YYYY-MM."""
    data = item.model_dump(mode="json")
    data["span"] = list(item.span)
    data["date"] = format_date(item.date, item.date_precision)
    return data


def extraction_to_dict(extraction: Extraction) -> dict[str, Any]:
    """Return the JSON object of `tracker extract --json`."""
    doc = extraction.document
    return {
        "document": {
            "title": doc.title,
            "published": doc.published.isoformat(),
            "lang": doc.lang,
            "url": doc.url,
        },
        "commitments": [commitment_to_dict(c) for c in extraction.commitments],
        "undated": [undated_to_dict(u) for u in extraction.undated],
        "events": [event_to_dict(e) for e in extraction.events],
        "changes": [change_to_dict(c) for c in extraction.changes],
        "warnings": list(extraction.warnings),
    }


def change_to_dict(change: Change) -> dict[str, Any]:
    """One change statement: dates as YYYY-MM-DD or null, the shift as [[amount, unit], ...]."""
    return {
        "kind": change.kind,
        "trigger": change.trigger,
        "span": list(change.span),
        "new_due": format_day(change.new_due),
        "shift": [list(part) for part in change.shift],
        "old_due": format_day(change.old_due),
        "refers_to": change.refers_to,
        "actors": list(change.actors),
        "quote": change.quote,
        "confidence": change.confidence,
    }


def format_day(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None
