"""Score follow-ups: does a later text change the item of the earlier one?

Each pair of ../shared/corpus/updates_dev.jsonl (texts from dev.jsonl) is ingested into a fresh
SQLite database, earlier then later, and again later then earlier. A pair passes an order when:
- one item holds the earlier commitment (evidence overlapping `earlier_trigger`);
- its due date is `new_due` (when the pair gives one), its status `met`/`cancelled` for those;
- its history has an entry caused by the later text, and the later text is among its sources;
- no other item from the later text is due on the new date (no duplicate).

    .venv/bin/python bench/eval_updates.py [PAIRS.jsonl] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402
from sqlalchemy.orm import selectinload  # noqa: E402

import tracker.extract.build  # noqa: E402
from tracker.clock import FixedClock  # noqa: E402
from tracker.config import Settings  # noqa: E402
from tracker.services.ingest import ingest_document  # noqa: E402
from tracker.sources.readers import SourceDocument  # noqa: E402
from tracker.store import tables as t  # noqa: E402
from tracker.store.migrate import upgrade  # noqa: E402
from tracker.store.session import create_db_engine, read_session  # noqa: E402

# Benches run without the safety net: a rule that raises stops the bench, never scores 0.
tracker.extract.build.STRICT_DEFAULT = True

CORPUS = ROOT.parent / "shared" / "corpus"
NOW = datetime(2026, 12, 1, tzinfo=UTC)


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def run_pair(pair: dict[str, Any], docs: dict[str, dict[str, Any]], order: str) -> list[str]:
    """Ingest the pair in `order` ("earlier-first" or "later-first"); return what failed."""
    earlier, later = docs[pair["earlier"]], docs[pair["later"]]
    sequence = [earlier, later] if order == "earlier-first" else [later, earlier]
    with tempfile.TemporaryDirectory() as folder:
        engine = create_db_engine(f"sqlite:///{folder}/eval.db")
        upgrade(engine)
        settings = Settings(database_url=str(engine.url))
        for doc in sequence:
            source = SourceDocument(
                name=doc["id"],
                text=doc["text"],
                published=date.fromisoformat(doc["published"]),
                lang=doc["lang"],
            )
            ingest_document(engine, settings, FixedClock(NOW), source)
        failures = check(engine, pair, earlier, later)
        engine.dispose()
    return failures


def check(
    engine: Any, pair: dict[str, Any], earlier: dict[str, Any], later: dict[str, Any]
) -> list[str]:
    with read_session(engine) as session:
        ids = {d.source: d.id for d in session.scalars(select(t.Document))}
        items = session.scalars(
            select(t.Item).options(selectinload(t.Item.evidence), selectinload(t.Item.history))
        ).all()
        spans = _occurrences(earlier["text"], pair["earlier_trigger"])
        held = [i for i in items if any(_holds(e, ids[earlier["id"]], spans) for e in i.evidence)]
        if len(held) != 1:
            return [f"{len(held)} items hold the earlier commitment"]
        item, later_id = held[0], ids[later["id"]]
        failures = []
        new_due = date.fromisoformat(pair["new_due"]) if pair["new_due"] else None
        if new_due is not None and item.due_on != new_due:
            failures.append(f"due {item.due_on}, expected {new_due}")
        if pair["change"] in ("met", "cancelled") and item.status != pair["change"]:
            failures.append(f"status {item.status}, expected {pair['change']}")
        if not any(h.document_id == later_id for h in item.history):
            failures.append("no history entry from the later text")
        if not any(e.document_id == later_id for e in item.evidence):
            failures.append("the later text is not among its sources")
        duplicates = [
            i.id
            for i in items
            if i.id != item.id
            and new_due is not None
            and i.due_on == new_due
            and any(e.document_id == later_id for e in i.evidence)
        ]
        if duplicates:
            failures.append(f"duplicate items on the new date: {duplicates}")
        return failures


def _occurrences(text: str, trigger: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(trigger)
    while start >= 0:
        spans.append((start, start + len(trigger)))
        start = text.find(trigger, start + 1)
    return spans


def _holds(evidence: t.Evidence, document_id: int, spans: list[tuple[int, int]]) -> bool:
    return evidence.document_id == document_id and any(
        evidence.span_start < end and start < evidence.span_end for start, end in spans
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs", nargs="?", type=Path, default=CORPUS / "updates_dev.jsonl")
    parser.add_argument("--corpus", type=Path, default=CORPUS / "dev.jsonl")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    docs = {d["id"]: d for d in load(args.corpus)}
    pairs = load(args.pairs)
    print(f"{len(pairs)} pairs from {args.pairs.name}")
    for order in ("earlier-first", "later-first"):
        passed = 0
        for pair in pairs:
            failures = run_pair(pair, docs, order)
            passed += not failures
            if failures and args.verbose:
                print(f"  {order} {pair['later']}: {'; '.join(failures)}")
        print(f"{order:14} {passed}/{len(pairs)} applied as the pair says")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
