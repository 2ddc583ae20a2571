"""Golden articles written for these tests: tests/data/articles/{de,en}/NAME.txt + .expected.json.

Regenerate an expected file after a deliberate change with:
    .venv/bin/python -m tests.unit.extract.test_golden tests/data/articles/de/NAME.txt
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from tracker.extract import extract
from tracker.extract.jsonout import format_date
from tracker.extract.models import Extraction

ARTICLES = Path(__file__).resolve().parents[2] / "data" / "articles"
CASES = sorted(ARTICLES.glob("*/*.txt"))


def summarise(x: Extraction) -> dict[str, Any]:
    """The stable part of an extraction: what, when, and the evidence."""
    return {
        "published": x.document.published.isoformat(),
        "lang": x.document.lang,
        "commitments": [
            {
                "trigger": c.trigger,
                "due": c.due.isoformat(),
                "due_precision": c.due_precision,
                "anchor_kind": c.anchor_kind,
                "deliverable": c.deliverable,
                "description": c.description,
                "actors": c.actors,
            }
            for c in x.commitments
        ],
        "undated": [
            {"trigger": u.trigger, "reason": u.reason, "description": u.description}
            for u in x.undated
        ],
        "events": [
            {
                "trigger": e.trigger,
                "date": format_date(e.date, e.date_precision),
                "description": e.description,
            }
            for e in x.events
        ],
    }


@pytest.mark.parametrize("path", CASES, ids=[f"{p.parent.name}/{p.stem}" for p in CASES])
def test_golden_article(path: Path):
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    got = summarise(extract(path.read_text(encoding="utf-8"), lang=path.parent.name))
    assert got == expected


if __name__ == "__main__":
    for name in sys.argv[1:]:
        source = Path(name)
        data = summarise(extract(source.read_text(encoding="utf-8"), lang=source.parent.name))
        source.with_suffix(".expected.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
