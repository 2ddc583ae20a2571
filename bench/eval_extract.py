"""Score `tracker.extract.extract` on the annotated corpus (see ../shared/corpus/README.md).

A prediction matches a gold item when its span overlaps an occurrence of the gold trigger
(one-to-one); strict also needs the same due date (commitments) or date (events). Undated items
are matched by span only.

    .venv/bin/python bench/eval_extract.py [CORPUS.jsonl] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import tracker.extract.build  # noqa: E402
from tracker.extract import extract  # noqa: E402
from tracker.extract.jsonout import extraction_to_dict  # noqa: E402

# Benches run without the safety net: a rule that raises stops the bench, never scores 0.
tracker.extract.build.STRICT_DEFAULT = True

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
KINDS = {"commitments": "due", "undated": None, "events": "date"}


def occurrences(text: str, trigger: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(trigger)
    while start >= 0:
        spans.append((start, start + len(trigger)))
        start = text.find(trigger, start + 1)
    return spans


def match(text: str, gold: list[dict], predicted: list[dict], field: str | None):
    """Greedy one-to-one matching; returns (strict matches, unmatched gold, unmatched predicted)."""
    used: set[int] = set()
    matched, missed = [], []
    for g in gold:
        spans = occurrences(text, g["trigger"])
        hit = None
        for i, p in enumerate(predicted):
            if i in used:
                continue
            s, e = p["span"]
            overlaps = any(s < ge and gs < e for gs, ge in spans)
            if overlaps and (field is None or p[field] == g[field]):
                hit = i
                break
        if hit is None:
            missed.append(g)
        else:
            used.add(hit)
            matched.append((g, predicted[hit]))
    extra = [p for i, p in enumerate(predicted) if i not in used]
    return matched, missed, extra


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument(
        "--verbose", "-v", action="store_true", help="list misses and false positives"
    )
    args = parser.parse_args()
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for line in Path(args.corpus).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        result = extraction_to_dict(
            extract(doc["text"], published=date.fromisoformat(doc["published"]), lang=doc["lang"])
        )
        for kind, field in KINDS.items():
            matched, missed, extra = match(doc["text"], doc.get(kind, []), result[kind], field)
            for lang in (doc["lang"], "all"):
                c = counts[(kind, lang)]
                c[0] += len(matched)
                c[1] += len(result[kind])
                c[2] += len(doc.get(kind, []))
            if args.verbose:
                report(doc["id"], kind, field, missed, extra)
    print_table(counts)


def report(
    doc_id: str, kind: str, field: str | None, missed: list[dict], extra: list[dict]
) -> None:
    for g in missed:
        print(
            f"  MISS {kind:11} {doc_id}: {g['trigger'][:70]!r} {g.get(field, '') if field else ''}"
        )
    for p in extra:
        print(
            f"  FP   {kind:11} {doc_id}: {p['trigger'][:70]!r} {p.get(field, '') if field else ''}"
        )


def print_table(counts: dict[tuple[str, str], list[int]]) -> None:
    print(f"{'kind':12} {'lang':4} {'tp':>4} {'pred':>5} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for kind in KINDS:
        for lang in ("de", "en", "all"):
            tp, n_pred, n_gold = counts[(kind, lang)]
            p, r, f = prf(tp, n_pred, n_gold)
            label = "strict F1" if kind != "undated" else "F1"
            print(
                f"{kind:12} {lang:4} {tp:4d} {n_pred:5d} {n_gold:5d} "
                f"{p:6.3f} {r:6.3f} {f:6.3f}  {label}"
            )


if __name__ == "__main__":
    main()
