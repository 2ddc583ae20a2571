"""Test factory: documents, items (with evidence and actors) and events inserted into the tables
directly, independent of the ingest service. `seed_items` builds the two seed articles' items."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from tracker.extract.describe.actors import canonical_actor
from tracker.store import tables as t
from tracker.store.session import transaction
from tracker.store.writes import ensure_actors

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
CREATED_AT = datetime(2026, 2, 5, 9, 30, tzinfo=UTC)


def add_document(
    session: Session,
    *,
    text: str = "Die Kommission legt bis zum 1. März 2026 einen Entwurf vor.",
    title: str | None = "Kommission kündigt Entwurf an",
    url: str | None = "https://example.org/news/1",
    source: str = "example.org",
    published: date = date(2026, 2, 5),
    lang: str = "de",
) -> t.Document:
    document = t.Document(
        content_hash=hashlib.sha256(f"{text}\x00{url}".encode()).hexdigest(),
        source=source,
        url=url,
        title=title,
        published_on=published,
        lang=lang,
        text=text,
        ingested_at=CREATED_AT,
    )
    session.add(document)
    session.flush()
    return document


@dataclass
class Quote:
    document: t.Document
    quote: str
    trigger: str = "bis zum"
    start: int | None = None


@dataclass
class ItemSpec:
    description: str = "Entwurf der Kommission vorlegen"
    due: date | None = date(2026, 3, 1)
    status: str = "open"
    actors: list[str] = field(default_factory=lambda: ["EU-Kommission"])
    version: int = 1
    due_precision: str | None = "day"
    confidence: float = 0.8
    created_at: datetime = CREATED_AT
    updated_at: datetime = CREATED_AT


def add_item(session: Session, spec: ItemSpec, quotes: Sequence[Quote] = ()) -> int:
    item = t.Item(
        description=spec.description,
        deliverable=spec.description[:200],
        due_on=spec.due,
        due_precision=spec.due_precision if spec.due else None,
        anchor_on=spec.created_at.date(),
        anchor_kind="published",
        status=spec.status,
        confidence=spec.confidence,
        version=spec.version,
        created_at=spec.created_at,
        updated_at=spec.updated_at,
    )
    # Stored as ingest stores them: canonical names ("Mexiko" -> "Mexico").
    item.actors = ensure_actors(session, [canonical_actor(a) for a in spec.actors])
    session.add(item)
    session.flush()
    for quote in quotes:
        start = (
            quote.start
            if quote.start is not None
            else max(quote.document.text.find(quote.quote), 0)
        )
        session.add(
            t.Evidence(
                item_id=item.id,
                document_id=quote.document.id,
                trigger=quote.trigger,
                span_start=start,
                span_end=start + len(quote.quote),
                quote=quote.quote,
            )
        )
    session.flush()
    return item.id


def add_event(
    session: Session, description: str, on: date, document: t.Document, quote: str
) -> int:
    event = t.Event(
        description=description,
        occurred_on=on,
        date_precision="day",
        fingerprint=hashlib.sha1(description.encode()).hexdigest(),
        created_at=CREATED_AT,
    )
    session.add(event)
    session.flush()
    start = max(document.text.find(quote), 0)
    session.add(
        t.EventEvidence(
            event_id=event.id,
            document_id=document.id,
            trigger="angekündigt",
            span_start=start,
            span_end=start + len(quote),
            quote=quote,
        )
    )
    session.flush()
    return event.id


# --- the seed articles ---------------------------------------------------------------------

SEED_DESCRIPTIONS = {
    "declaration": "Absichtserklärung zu einem plurilateralen Abkommen über kritische Mineralien",
    "mexico": "60-Tage-Aktionsplan der USA mit Mexiko zu kritischen Mineralien",
    "usmca": "Überprüfung des Abkommens zwischen den USA, Mexiko und Kanada",
}


def seed_items(engine: Engine) -> dict[str, int]:
    """Insert the commitments and events of seeds/000 and seeds/002; return their ids by name."""
    text_000 = (SEEDS / "000_79dfbcf063f59fb9.txt").read_text(encoding="utf-8")
    text_002 = (SEEDS / "002_c091acc1e5c239c4.txt").read_text(encoding="utf-8")
    with transaction(engine) as session:
        rohstoff = add_document(
            session,
            text=text_000,
            title="US-Behörden mobilisieren EU, Japan & Mexiko im Kampf um kritische Mineralien",
            url="https://www.rohstoff-welt.de/news/721408--US-Behoerden-mobilisieren-EU-Japan-und-Mexiko-im-Kampf-um-kritische-Mineralien.html",
            source="Rohstoff-Welt.de",
            published=date(2026, 2, 5),
        )
        dpa = add_document(
            session,
            text=text_002,
            title="USA wollen Handelsallianz für wichtige Mineralien gründen",
            url=None,
            source="dpa",
            published=date(2026, 2, 4),
        )
        ids = {
            "declaration": add_item(
                session,
                ItemSpec(
                    SEED_DESCRIPTIONS["declaration"],
                    date(2026, 3, 7),
                    actors=["USA", "EU", "Japan"],
                ),
                [
                    Quote(
                        rohstoff,
                        "Absichtserklärung wird innerhalb von 30 Tagen erwartet.",
                        "innerhalb von 30 Tagen",
                    )
                ],
            ),
            "mexico": add_item(
                session,
                ItemSpec(SEED_DESCRIPTIONS["mexico"], date(2026, 4, 6), actors=["USA", "Mexiko"]),
                [
                    Quote(
                        rohstoff,
                        "die USA einen separaten 60-Tage-Aktionsplan mit Mexiko vor.",
                        "60-Tage-Aktionsplan",
                    )
                ],
            ),
            "usmca": add_item(
                session,
                ItemSpec(
                    SEED_DESCRIPTIONS["usmca"],
                    None,
                    actors=["USA", "Mexiko", "Kanada"],
                    confidence=0.5,
                ),
                [
                    Quote(
                        rohstoff,
                        "geplanten Überprüfung des Abkommens zwischen den USA, Mexiko und Kanada",
                        "geplanten",
                    )
                ],
            ),
            "meeting": add_event(
                session,
                "Ministertreffen zu kritischen Mineralien in Washington (mehr als 50 Länder)",
                date(2026, 2, 4),
                dpa,
                "für den heutigen Mittwoch zu einem Ministertreffen zu dem Thema eingeladen",
            ),
            "reserve": add_event(
                session,
                "Trump kündigt Reserve kritischer Mineralien für 12 Mrd. Dollar an",
                date(2026, 2, 2),
                dpa,
                "Am Montag hatte Trump eine Reserve der wertvollen Mineralien im Wert von",
            ),
        }
    return ids


def status_items(engine: Engine) -> dict[str, int]:
    """Insert one item per status (and an overdue one) for colours and filters."""
    with transaction(engine) as session:
        doc = add_document(session)
        quote = [Quote(doc, "bis zum 1. März 2026 einen Entwurf vor")]
        return {
            "met": add_item(
                session,
                ItemSpec(
                    "Konsultation zur Rohstoffstrategie abgeschlossen",
                    date(2026, 1, 20),
                    "met",
                    ["EU-Kommission"],
                ),
                quote,
            ),
            "missed": add_item(
                session,
                ItemSpec(
                    "Bericht an den Rat über Lieferketten",
                    date(2026, 1, 31),
                    "missed",
                    ["Rat der EU"],
                ),
                quote,
            ),
            "overdue": add_item(
                session,
                ItemSpec("Stellungnahme zu Preisuntergrenzen", date(2026, 2, 2), "open", ["Japan"]),
                quote,
            ),
            "extended": add_item(
                session,
                ItemSpec(
                    "Entwurf der Kommission vorlegen",
                    date(2026, 3, 15),
                    "extended",
                    ["EU-Kommission"],
                    version=2,
                ),
                quote,
            ),
            "cancelled": add_item(
                session,
                ItemSpec(
                    "Gipfel zu seltenen Erden in Ottawa",
                    date(2026, 2, 20),
                    "cancelled",
                    ["Kanada"],
                    version=2,
                ),
                quote,
            ),
        }
