"""Turn the pipeline's findings into the pydantic `Extraction` (the public contract)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

from tracker.errors import NoPublicationDateError
from tracker.extract.describe.keys import nearest_key, normalise
from tracker.extract.describe.summary import summarise
from tracker.extract.meta.document import FoundMeta, detect_meta
from tracker.extract.meta.lang import detect_language
from tracker.extract.models import (
    Change,
    Commitment,
    DocumentMeta,
    Event,
    Extraction,
    Undated,
)
from tracker.extract.pipeline import scan
from tracker.extract.rules.changes import FoundChange
from tracker.extract.rules.context import ActorIndex, Paragraphs, actors_at
from tracker.extract.rules.findings import Finding

logger = logging.getLogger(__name__)


def build_extraction(text: str, *, published: date | None, lang: str | None) -> Extraction:
    """Detect metadata, run the rules, and build the models (see `tracker.extract.extract`)."""
    text = text if isinstance(text, str) else str(text)
    meta = _safe_meta(text)
    published = published or meta.published
    if published is None:
        raise NoPublicationDateError()
    language = lang if lang in ("de", "en") else detect_language(text)
    document = DocumentMeta(title=meta.title, published=published, lang=language, url=meta.url)
    try:
        findings, changes = scan(text, published, meta, language)
    except Exception:  # a rule bug must not lose the document: log and return what we have
        logger.debug("extraction failed", exc_info=True)
        findings, changes = [], []
    paragraphs = Paragraphs.of(text)
    page = _Page(text, language, paragraphs, ActorIndex(text, paragraphs.starts))
    return Extraction(
        document=document,
        commitments=[
            c for f in findings if f.kind == "commitment" if (c := _safe(_commitment, f, page))
        ],
        undated=[u for f in findings if f.kind == "undated" if (u := _safe(_undated, f, page))],
        events=[e for f in findings if f.kind == "event" if (e := _safe(_event, f, page))],
        changes=[c for found in changes if (c := _safe_change(found, page))],
    )


@dataclass(frozen=True)
class _Page:
    text: str
    lang: str
    paragraphs: Paragraphs
    actors: ActorIndex


def _safe_meta(text: str) -> FoundMeta:
    try:
        return detect_meta(text)
    except Exception:
        logger.debug("metadata detection failed", exc_info=True)
        return FoundMeta(None, None, None, None)


def _safe(builder: Any, finding: Finding, page: _Page) -> Any:
    try:
        return builder(finding, page)
    except Exception:
        logger.debug("could not build %s at %s", finding.kind, finding.start, exc_info=True)
        return None


def _common(finding: Finding, page: _Page) -> dict[str, Any]:
    """Trigger, span, description, actors and quote, shared by the three kinds."""
    sentence = finding.sentence
    earlier = page.paragraphs.before(sentence.start)
    focus = finding.start - sentence.start
    keep = (focus, finding.end - sentence.start) if finding.kind == "commitment" else None
    try:
        description = summarise(
            sentence.text,
            focus,
            lang=page.lang,
            keep=keep,
            context=earlier,
            is_event=finding.kind == "event",
            timexes=finding.timexes,
            offset=sentence.start,
        )
    except Exception:  # a description bug must not lose the finding: fall back to the sentence
        logger.debug("could not describe %s at %s", finding.kind, finding.start, exc_info=True)
        description = ""
    key = finding.key if finding.kind != "event" else ""
    actors, actors_confidence = actors_at(
        page.actors, sentence.start, sentence.end, page.paragraphs.start_of(sentence.start), key
    )
    return {
        "trigger": page.text[finding.start : finding.end],
        "span": (finding.start, finding.end),
        "description": description or _fallback_description(sentence.text),
        "actors": actors,
        "actors_confidence": actors_confidence,
        "quote": normalise(sentence.text),
    }


def _fallback_description(sentence: str, limit: int = 90) -> str:
    text = normalise(sentence)
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _commitment(finding: Finding, page: _Page) -> Commitment:
    assert finding.on is not None
    assert finding.anchor is not None
    return Commitment(
        **_common(finding, page),
        anchor=finding.anchor,
        anchor_kind=finding.anchor_kind,
        due=finding.on,
        due_precision=finding.precision,
        confidence=finding.confidence,
        cue=finding.cue,
        deliverable=finding.key,
    )


def _undated(finding: Finding, page: _Page) -> Undated:
    return Undated(
        **_common(finding, page),
        reason=finding.reason,
        confidence=finding.confidence,
        cue=finding.cue,
        deliverable=finding.key,
    )


def _event(finding: Finding, page: _Page) -> Event:
    assert finding.on is not None
    return Event(
        **_common(finding, page),
        date=finding.on,
        date_precision=finding.precision,
        confidence=finding.confidence,
        key=finding.key,
    )


def _safe_change(found: FoundChange, page: _Page) -> Change | None:
    try:
        return _change(found, page)
    except Exception:
        logger.debug("could not build change at %s", found.start, exc_info=True)
        return None


def _change(found: FoundChange, page: _Page) -> Change:
    sentence = found.sentence
    actors, _ = actors_at(
        page.actors, sentence.start, sentence.end, page.paragraphs.start_of(sentence.start), ""
    )
    return Change(
        kind=found.kind,
        trigger=page.text[found.start : found.end],
        span=(found.start, found.end),
        new_due=found.new_due,
        shift=found.shift,
        old_due=found.old_due,
        refers_to=nearest_key(sentence.text, found.start - sentence.start),
        actors=actors,
        quote=normalise(sentence.text),
        context=normalise(found.context),
        confidence=found.confidence,
    )
