"""Score `find_dates` on Duckling's expressions (../shared/corpus/peer_dev.jsonl).

A case counts when a returned expression's value, start, end or due is an accepted reading
(PEER_DEV.md): a `date` case's `expected_any`, a `datetime` case's day, a `daterange` case's
first or last day (its `end` is exclusive there, ours inclusive), a `duration` case's
`expected_date`. "exact" asks more: the value for a date, both ends for a range (an open side
stays open), the due day for a duration. The same run scores `dateparser.parse` (languages,
RELATIVE_BASE, PREFER_DATES_FROM="future") and, with --extract, the dates `tracker extract`
puts into commitments and events.

    .venv/bin/python bench/eval_dates.py [PEER_DEV.jsonl] [--extract] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections import defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.extract.dates import TimeExpression, find_dates  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "peer_dev.jsonl"


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


def accepted(case: dict) -> set[date]:
    """Every day that counts as a reading of the case."""
    expected = case["expected"]
    if case["kind"] == "date":
        return {_day(d) for d in case.get("expected_any") or [expected]}  # type: ignore[misc]
    if case["kind"] == "datetime":
        return {_day(expected)}  # type: ignore[arg-type]
    if case["kind"] == "duration":
        return {_day(case["expected_date"])}  # type: ignore[arg-type]
    days = set()
    if expected["start"]:
        days.add(_day(expected["start"]))
    if expected["end"]:
        days.add(_day(expected["end"]) - timedelta(days=1))  # type: ignore[operator]
    return days  # type: ignore[return-value]


def readings(found: list[TimeExpression]) -> set[date]:
    return {d for e in found for d in (e.value, e.start, e.end, e.due) if d is not None}


def is_exact(case: dict, found: list[TimeExpression]) -> bool:
    """The reading of the case's kind: a value, both ends of a range, a due day."""
    expected = case["expected"]
    if case["kind"] in ("date", "datetime"):
        return bool({e.value for e in found} & accepted(case))
    if case["kind"] == "duration":
        return any(e.due == _day(case["expected_date"]) for e in found)
    first = _day(expected["start"])
    last = _day(expected["end"]) - timedelta(days=1) if expected["end"] else None
    return any((e.start, e.end) == (first, last) for e in found)


def dateparser_day(case: dict, anchor: datetime) -> date | None:
    import dateparser

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = dateparser.parse(
            case["input"],
            languages=[case["lang"]],
            settings={"RELATIVE_BASE": anchor, "PREFER_DATES_FROM": "future"},
        )
    return parsed.date() if parsed else None


def extract_days(case: dict, anchor: date) -> set[date]:
    from tracker.extract import extract

    result = extract(case["input"], published=anchor, lang=case["lang"])
    return {c.due for c in result.commitments} | {e.date for e in result.events}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--extract", action="store_true", help="also score `tracker extract`")
    parser.add_argument("--verbose", "-v", action="store_true", help="list the cases missed")
    args = parser.parse_args()
    lines = Path(args.corpus).read_text(encoding="utf-8").splitlines()
    cases = [json.loads(line) for line in lines if line.strip()]
    columns = ["ours", "exact", "dateparser", *(["extract"] if args.extract else [])]
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for case in cases:
        moment = datetime.fromisoformat(case["reference"])
        found = find_dates(case["input"], anchor=moment.date(), lang=case["lang"], strict=True)
        good = accepted(case)
        hits = {
            "ours": bool(readings(found) & good),
            "exact": is_exact(case, found),
            "dateparser": dateparser_day(case, moment) in good,
        }
        if args.extract:
            hits["extract"] = bool(extract_days(case, moment.date()) & good)
        for key in ((case["lang"], case["kind"]), (case["lang"], "all")):
            counts[key]["n"] += 1
            for column, hit in hits.items():
                counts[key][column] += hit
        if args.verbose and not hits["ours"]:
            shown = [(e.text, e.value, e.start, e.end, e.due) for e in found]
            head = f"  MISS {case['lang']} {case['kind']:9} {case['input']!r}"
            print(f"{head}: {sorted(good)} got {shown}")
    print_table(counts, columns)


def print_table(counts: dict[tuple[str, str], dict[str, int]], columns: list[str]) -> None:
    print(f"{'lang':4} {'kind':9} {'n':>4} " + " ".join(f"{c:>10}" for c in columns))
    for lang in ("de", "en"):
        kinds = sorted(k for (language, k) in counts if language == lang and k != "all")
        for kind in [*kinds, "all"]:
            row = counts[(lang, kind)]
            shares = " ".join(f"{row[c] / row['n']:10.3f}" for c in columns)
            print(f"{lang:4} {kind:9} {row['n']:4d} {shares}")


if __name__ == "__main__":
    main()
