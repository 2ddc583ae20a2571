"""Helpers for extraction tests: run the extractor and pick results by trigger."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract import extract
from tracker.extract.models import Commitment, Event, Extraction, Undated


def run(text: str, published: date, lang: str) -> Extraction:
    return extract(text, published=published, lang=lang)


def dated(x: Extraction) -> dict[str, Commitment]:
    return {c.trigger: c for c in x.commitments}


def events(x: Extraction) -> list[Event]:
    return list(x.events)


def undated(x: Extraction) -> list[Undated]:
    return list(x.undated)


@pytest.fixture
def published() -> date:
    return date(2026, 2, 5)  # a Thursday
