# ruff: noqa: E501 (tables of subjects and actors read best one row per line)
"""Score item identity: the same commitment from two texts is one item, different ones stay apart.

1. Labelled pairs (tests/data/merge_pairs.jsonl, written for this bench, German and English):
   each pair ingested into a fresh database; merged when one item holds both. Prints merge
   precision and recall.
2. Generated documents: N distinct commitments (subject x actor x date), each restated by
   several texts (paraphrases, both languages): the share of distinct commitments that keep an
   item of their own, and how many extra items the restatements left.
3. The dev corpus (../shared/corpus/dev.jsonl) ingested into one database: items that hold two
   gold commitments with different due dates (distinct commitments merged).

    .venv/bin/python bench/eval_merge.py [--docs 3000] [--skip-corpus]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402
from sqlalchemy.orm import selectinload  # noqa: E402

import tracker.extract.build  # noqa: E402
from tracker.clock import FixedClock  # noqa: E402
from tracker.config import Settings  # noqa: E402
from tracker.services.ingest import ingest_document  # noqa: E402
from tracker.sources.readers import SourceDocument  # noqa: E402
from tracker.store import tables as t  # noqa: E402
from tracker.store.migrate import upgrade  # noqa: E402
from tracker.store.session import create_db_engine, read_session  # noqa: E402

tracker.extract.build.STRICT_DEFAULT = True  # a rule that raises stops the bench
PAIRS = ROOT / "tests" / "data" / "merge_pairs.jsonl"
CORPUS = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
CLOCK = FixedClock(datetime(2026, 12, 1, tzinfo=UTC))

SUBJECTS = [
    ("microplastics", "Mikroplastik"), ("truck tolls", "Lkw-Maut"), ("offshore wind", "Offshore-Windkraft"),
    ("hydrogen imports", "Wasserstoffimporte"), ("battery recycling", "Batterierecycling"),
    ("rail freight", "Schienengüterverkehr"), ("drinking water", "Trinkwasser"), ("rent control", "Mietpreisbremse"),
    ("child benefit", "Kindergeld"), ("steel tariffs", "Stahlzölle"), ("cyber security", "Cybersicherheit"),
    ("grid expansion", "Netzausbau"), ("heat pumps", "Wärmepumpen"), ("fertiliser prices", "Düngerpreise"),
    ("port security", "Hafensicherheit"),
]  # fmt: skip
ACTORS = [
    ("The European Commission", "Die EU-Kommission"), ("The Federal Government", "Die Bundesregierung"),
    ("The United States", "Die USA"), ("Japan", "Japan"),
]  # fmt: skip
DELIVERABLES = [
    ("report", "einen Bericht"),
    ("action plan", "einen Aktionsplan"),
    ("strategy", "eine Strategie"),
]
TEMPLATES = {
    "en": [
        "{actor} will present a {thing} on {subject} within {days} days.",
        "Within {days} days, {actor_lower} is expected to deliver a {thing} on {subject}.",
        "A {thing} on {subject} is due from {actor_lower} within {days} days, officials said.",
    ],
    "de": [
        "{actor} legt innerhalb von {days} Tagen {thing} zu {subject} vor.",
        "Binnen {days} Tagen soll {thing} zu {subject} vorliegen, kündigte {actor_lower} an.",
    ],
}


def _engine(folder: str, name: str) -> Any:
    engine = create_db_engine(f"sqlite:///{folder}/{name}.db")
    upgrade(engine)
    return engine


def _ingest(engine: Any, name: str, text: str, published: date, lang: str | None) -> None:
    doc = SourceDocument(name, text, published=published, lang=lang)
    ingest_document(engine, Settings(), CLOCK, doc)


def score_pairs(path: Path) -> tuple[int, int, int, int]:
    """(true merges, false merges, missed merges, pairs) over the labelled pairs."""
    tp = fp = fn = 0
    pairs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    with tempfile.TemporaryDirectory() as folder:
        for n, pair in enumerate(pairs):
            engine = _engine(folder, f"pair{n}")
            for key in ("a", "b"):
                doc = pair[key]
                _ingest(engine, key, doc["text"], date.fromisoformat(doc["published"]), doc["lang"])
            with read_session(engine) as session:
                items = session.scalar(
                    select(func.count()).select_from(t.Item).where(t.Item.due_on.is_not(None))
                )
            engine.dispose()
            merged = items == 1
            tp += merged and pair["same"]
            fp += merged and not pair["same"]
            fn += (not merged) and pair["same"]
    return tp, fp, fn, len(pairs)


def generated(docs: int, seed: int = 1) -> tuple[int, int, int]:
    """(distinct commitments, those with an item of their own, items in all)."""
    rng = random.Random(seed)
    commitments = [
        (subject, actor, thing, date(2026, 1, 5) + timedelta(days=7 * rng.randrange(40)))
        for subject in SUBJECTS
        for actor in ACTORS
        for thing in DELIVERABLES
    ]
    rng.shuffle(commitments)
    chosen = commitments[: max(1, docs // 10)]
    with tempfile.TemporaryDirectory() as folder:
        engine = _engine(folder, "generated")
        for n in range(docs):
            (s_en, s_de), (a_en, a_de), (d_en, d_de), published = chosen[n % len(chosen)]
            lang = "en" if rng.random() < 0.6 else "de"
            template = rng.choice(TEMPLATES[lang])
            days = 30
            text = template.format(
                actor=a_en if lang == "en" else a_de,
                actor_lower=(a_en if lang == "en" else a_de)[0].lower()
                + (a_en if lang == "en" else a_de)[1:],
                thing=d_en if lang == "en" else d_de,
                subject=s_en if lang == "en" else s_de,
                days=days,
            )
            _ingest(
                engine,
                f"doc{n}",
                f"Meldung {n}\n\n{text} Weitere Einzelheiten sollen folgen.",
                published + timedelta(days=rng.randrange(2)),
                lang,
            )
        with read_session(engine) as session:
            items = session.scalars(select(t.Item).options(selectinload(t.Item.evidence))).all()
            owners: dict[int, set[int]] = defaultdict(set)
            for item in items:
                for evidence in item.evidence:
                    owners[item.id].add(
                        int(evidence.document.source.removeprefix("doc")) % len(chosen)
                    )
            survived = {next(iter(c)) for c in owners.values() if len(c) == 1}
        engine.dispose()
    return len(chosen), len(survived), len(items)


def corpus_merges(path: Path) -> tuple[int, int]:
    """(items holding gold commitments, items holding two with different due dates)."""
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    with tempfile.TemporaryDirectory() as folder:
        engine = _engine(folder, "corpus")
        for doc in docs:
            _ingest(
                engine, doc["id"], doc["text"], date.fromisoformat(doc["published"]), doc["lang"]
            )
        gold = {
            (doc["id"], c["trigger"]): c["due"] for doc in docs for c in doc.get("commitments", [])
        }
        texts = {doc["id"]: doc["text"] for doc in docs}
        with read_session(engine) as session:
            items = session.scalars(select(t.Item).options(selectinload(t.Item.evidence))).all()
            holding = mixed = 0
            for item in items:
                dues = set()
                for evidence in item.evidence:
                    source = evidence.document.source
                    for (doc_id, trigger), due in gold.items():
                        start = texts[doc_id].find(trigger) if doc_id == source else -1
                        if (
                            start >= 0
                            and evidence.span_start < start + len(trigger)
                            and start < evidence.span_end
                        ):
                            dues.add(due)
                holding += bool(dues)
                mixed += len(dues) > 1
        engine.dispose()
    return holding, mixed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--skip-corpus", action="store_true")
    args = parser.parse_args()
    tp, fp, fn, pairs = score_pairs(PAIRS)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"labelled pairs: {pairs} ({tp + fn} the same); merge precision {precision:.3f}, recall {recall:.3f}"
          f" ({fp} wrong merges, {fn} missed)")  # fmt: skip
    distinct, survived, items = generated(args.docs)
    print(f"generated: {args.docs} documents restating {distinct} distinct commitments -> {items} items; "
          f"{survived}/{distinct} ({survived / distinct:.1%}) keep an item of their own")  # fmt: skip
    if not args.skip_corpus and CORPUS.exists():
        holding, mixed = corpus_merges(CORPUS)
        print(
            f"dev corpus: {holding} items hold gold commitments; {mixed} hold two with different due dates"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
