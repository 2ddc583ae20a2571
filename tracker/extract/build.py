"""Turn the pipeline's findings into the pydantic `Extraction` (the public contract)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

from tracker.errors import NoPublicationDateError
from tracker.extract.describe.keys import nearest_key, normalise
from tracker.extract.describe.summary import summarise
from tracker.extract.guard import guarded, is_strict, net, note_failure
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


# Tests and benches set this to True (tests/conftest.py), so a rule bug fails them.
STRICT_DEFAULT = False


def build_extraction(
    text: str, *, published: date | None, lang: str | None, strict: bool | None = None
) -> Extraction:
    """Detect metadata, run the rules, and build the models (see `tracker.extract.extract`)."""
    with net(strict=STRICT_DEFAULT if strict is None else strict) as warnings:
        return _build(str(text), published, lang, warnings)


def _build(text: str, published: date | None, lang: str | None, warnings: list[str]) -> Extraction:
    meta = guarded("metadata", detect_meta, text) or FoundMeta(None, None, None, None)
    published = published or meta.published
    if published is None:
        raise NoPublicationDateError()
    language = lang if lang in ("de", "en") else detect_language(text)
    document = DocumentMeta(title=meta.title, published=published, lang=language, url=meta.url)
    findings, changes = guarded("rules", scan, text, published, meta, language) or ([], [])
    paragraphs = Paragraphs.of(text)
    page = _Page(text, language, paragraphs, ActorIndex(text, paragraphs.starts))
    built = {
        kind: [x for f in findings if f.kind == kind if (x := guarded(kind, build, f, page))]
        for kind, build in (("commitment", _commitment), ("undated", _undated), ("event", _event))
    }
    return Extraction(
        document=document,
        commitments=built["commitment"],
        undated=built["undated"],
        events=built["event"],
        changes=[c for found in changes if (c := guarded("change", _change, found, page))],
        warnings=list(warnings),
    )


@dataclass(frozen=True)
class _Page:
    text: str
    lang: str
    paragraphs: Paragraphs
    actors: ActorIndex


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
    except Exception as exc:  # a description bug must not lose the finding: use the sentence
        if is_strict():
            raise
        logger.warning("could not describe %s at %s: %r", finding.kind, finding.start, exc)
        note_failure("describe", exc)
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
