"""Turn the pipeline's findings into the pydantic `Extraction` (the public contract)."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from tracker.errors import NoPublicationDateError
from tracker.extract.actors import find_actors
from tracker.extract.describe import describe, normalise
from tracker.extract.findings import Finding
from tracker.extract.lang import detect_language
from tracker.extract.meta import FoundMeta, detect_meta
from tracker.extract.models import Commitment, DocumentMeta, Event, Extraction, Undated
from tracker.extract.pipeline import find_all

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
        findings = find_all(text, published, meta, language)
    except Exception:  # a rule bug must not lose the document: log and return what we have
        logger.debug("extraction failed", exc_info=True)
        findings = []
    return Extraction(
        document=document,
        commitments=[
            c for f in findings if f.kind == "commitment" if (c := _safe(_commitment, f, text))
        ],
        undated=[u for f in findings if f.kind == "undated" if (u := _safe(_undated, f, text))],
        events=[e for f in findings if f.kind == "event" if (e := _safe(_event, f, text))],
    )


def _safe_meta(text: str) -> FoundMeta:
    try:
        return detect_meta(text)
    except Exception:
        logger.debug("metadata detection failed", exc_info=True)
        return FoundMeta(None, None, None, None)


def _safe(builder: Any, finding: Finding, text: str) -> Any:
    try:
        return builder(finding, text)
    except Exception:
        logger.debug("could not build %s at %s", finding.kind, finding.start, exc_info=True)
        return None


def _common(finding: Finding, text: str) -> dict[str, Any]:
    return {
        "trigger": text[finding.start : finding.end],
        "span": (finding.start, finding.end),
        "description": describe(finding.sentence.text),
        "actors": find_actors(finding.sentence.text),
        "quote": normalise(finding.sentence.text),
    }


def _commitment(finding: Finding, text: str) -> Commitment:
    assert finding.on is not None
    assert finding.anchor is not None
    return Commitment(
        **_common(finding, text),
        anchor=finding.anchor,
        anchor_kind=finding.anchor_kind,
        due=finding.on,
        due_precision=finding.precision,
        confidence=finding.confidence,
        cue=finding.cue,
        deliverable=finding.key,
    )


def _undated(finding: Finding, text: str) -> Undated:
    return Undated(
        **_common(finding, text),
        reason=finding.reason,
        confidence=finding.confidence,
        cue=finding.cue,
        deliverable=finding.key,
    )


def _event(finding: Finding, text: str) -> Event:
    assert finding.on is not None
    return Event(
        **_common(finding, text),
        date=finding.on,
        date_precision=finding.precision,
        confidence=finding.confidence,
        key=finding.key,
    )
