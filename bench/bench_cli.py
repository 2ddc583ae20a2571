"""Time listing commands as whole processes over 10k/100k/1M items, beside sqlite3 and Taskwarrior.

    .venv/bin/python bench/bench_cli.py --sizes 10000,100000,1000000 --ingest-docs 10000

For each size it builds a migrated SQLite database with N items (bulk inserts through sqlite3),
then times, as whole processes (median of --runs):
  * `tracker upcoming --as-of D`  and  `tracker list --status open --to D`
  * the floor: `python3 -c` running the same query through the sqlite3 module
  * Taskwarrior `task next` over N pending tasks, where `task` is installed
It also prints what the listing path imports (python -X importtime) and, with --ingest-docs,
the ingest throughput of synthetic documents.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRACKER = [sys.executable, "-m", "tracker"]
AS_OF = date(2026, 2, 5)
FLOOR = """
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute(
    "SELECT id, description, due_on, status FROM items WHERE status IN ('open', 'extended')"
    " AND due_on BETWEEN ? AND ? ORDER BY due_on, id LIMIT 100", ("{a}", "{b}")
).fetchall()
print(len(rows))
"""


def build_db(path: Path, n: int) -> None:
    subprocess.run(
        [*TRACKER, "--db", f"sqlite:///{path}", "db", "upgrade"], check=True, capture_output=True
    )
    rng = random.Random(n)
    con = sqlite3.connect(path)
    now = "2026-02-01 00:00:00.000000"
    docs = max(1, n // 10)
    con.executemany(
        "INSERT INTO documents (id, content_hash, source, url, title, published_on, lang, text,"
        " ingested_at) VALUES (?,?,?,?,?,?,?,?,?)",
        (
            (
                i,
                uuid.uuid4().hex * 2,
                f"bench-{i}",
                None,
                f"Document {i}",
                "2026-01-01",
                "en",
                "text",
                now,
            )
            for i in range(1, docs + 1)
        ),
    )
    con.executemany(
        "INSERT INTO actors (id, key, name) VALUES (?,?,?)",
        [(i, f"actor {i}", f"Actor {i}") for i in range(1, 51)],
    )
    start = date(2024, 1, 1)
    statuses = ["open"] * 7 + ["met", "missed", "cancelled"]

    def items():
        for i in range(1, n + 1):
            due = (
                None
                if i % 20 == 0
                else (start + timedelta(days=rng.randrange(365 * 6))).isoformat()
            )
            yield (
                i,
                f"Commitment number {i} to deliver a report",
                "report",
                due,
                "day" if due else None,
                "2026-01-01",
                "published",
                rng.choice(statuses),
                0.8,
                1,
                now,
                now,
            )

    con.executemany(
        "INSERT INTO items (id, description, deliverable, due_on, due_precision, anchor_on,"
        " anchor_kind, status, confidence, version, created_at, updated_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        items(),
    )
    con.executemany(
        "INSERT INTO item_actors (item_id, actor_id) VALUES (?,?)",
        ((i, 1 + i % 50) for i in range(1, n + 1)),
    )
    con.executemany(
        "INSERT INTO evidence (item_id, document_id, trigger, span_start, span_end, quote)"
        " VALUES (?,?,?,?,?,?)",
        (
            (i, 1 + i % docs, "within 30 days", 0, 14, "It will report within 30 days.")
            for i in range(1, n + 1)
        ),
    )
    con.commit()
    con.execute("ANALYZE")
    con.close()


def build_taskwarrior(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(n)
    base = int(time.mktime(date(2024, 1, 1).timetuple()))
    with (folder / "pending.data").open("w") as fh:
        for i in range(n):
            due = base + rng.randrange(365 * 6) * 86400
            fh.write(
                f'[description:"Commitment number {i}" due:"{due}" entry:"{base}" '
                f'modified:"{base}" status:"pending" uuid:"{uuid.uuid4()}"]\n'
            )
    rc = folder / "taskrc"
    rc.write_text(f"data.location={folder}\nconfirmation=off\ngc=off\nverbose=nothing\n")
    return rc


def timed(command: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def import_profile(db: Path) -> list[tuple[int, str]]:
    result = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "tracker",
            "--db",
            f"sqlite:///{db}",
            "upcoming",
            "--as-of",
            AS_OF.isoformat(),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in result.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            name = parts[2].rstrip()
            if not name.startswith("  "):  # top-level imports only (cumulative time)
                rows.append((int(parts[1]), name.strip()))
    return sorted(rows, reverse=True)[:8]


def bench_ingest(count: int, folder: Path, runs: int) -> None:
    rng = random.Random(1)
    path = folder / "docs.jsonl"
    verbs = ["einen Bericht vorlegen", "einen Aktionsplan vorstellen", "die Zölle überprüfen"]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(count):
            text = (
                f"Berlin, {1 + i % 28:02d}.0{1 + i % 9}.2026\n\nDie Behörde {i} will innerhalb "
                f"von {rng.randrange(5, 200)} Tagen {rng.choice(verbs)}. Am Montag hatte die "
                f"Ministerin {i} Gespräche geführt. Mehr als {rng.randrange(10, 90)} Länder "
                "nahmen teil.\n"
            )
            fh.write(json.dumps({"text": text, "id": f"doc-{i}"}) + "\n")
    db = folder / "ingest.db"
    start = time.perf_counter()
    subprocess.run(
        [*TRACKER, "--db", f"sqlite:///{db}", "ingest", str(path)], check=True, capture_output=True
    )
    elapsed = time.perf_counter() - start
    print(
        f"ingest {count} documents (one process, SQLite): {elapsed:.1f} s, "
        f"{count / elapsed:.0f} documents/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--ingest-docs", type=int, default=0)
    args = parser.parse_args()
    task = shutil.which("task")
    work = Path(tempfile.mkdtemp(prefix="bench-cli-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    until = AS_OF + timedelta(days=30)
    print(f"python {sys.version.split()[0]}, tracker from {ROOT}; medians of {args.runs} runs")
    print(f"{'items':>9} {'upcoming':>9} {'list':>9} {'sqlite3':>9} {'task next':>10}")
    try:
        for n in (int(s) for s in args.sizes.split(",")):
            db = work / f"items-{n}.db"
            build_db(db, n)
            url = f"sqlite:///{db}"
            up = timed(
                [*TRACKER, "--db", url, "upcoming", "--as-of", AS_OF.isoformat()], args.runs, env
            )
            ls = timed(
                [*TRACKER, "--db", url, "list", "--status", "open", "--to", until.isoformat()],
                args.runs,
                env,
            )
            floor = timed(["python3", "-c", FLOOR.format(a=AS_OF, b=until), str(db)], args.runs)
            tw = "-"
            if task:
                rc = build_taskwarrior(work / f"task-{n}", n)
                tw = f"{timed([task, f'rc:{rc}', 'next'], args.runs):.3f}s"
            print(f"{n:>9} {up:>8.3f}s {ls:>8.3f}s {floor:>8.3f}s {tw:>10}")
        print("\nlargest top-level imports of `tracker upcoming` (cumulative us):")
        for micros, name in import_profile(db):
            print(f"  {micros:>9}  {name}")
        if args.ingest_docs:
            bench_ingest(args.ingest_docs, work, args.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
