"""Time the listing commands as whole processes over 10k-1M items, beside sqlite3 and Taskwarrior.

    .venv/bin/python bench/bench_cli.py --sizes 10000,100000 \
        [--postgres postgresql://postgres@127.0.0.1:5432/postgres] \
        [--checkout before=/tmp/tracker-main] [--tty] [--bytecode | --wheel]

For each size it builds a migrated database with N items (bulk inserts through the driver: one
actor, one piece of evidence from a 3 KB document and one history entry per item), then times,
as whole processes (median of --runs, the commands taken in turn so load spikes hit all alike):
  * `upcoming`, `list --status open --to D`, `show ID`, `timeline --from D`, each also `--json`
  * the floor: a python process running the upcoming query through the sqlite3 module
  * Taskwarrior `task next` over N pending tasks, where `task` is installed
Output is piped (as in scripts); --tty also times `upcoming` and `list` on a pseudo-terminal
(the rich tables). --checkout LABEL=PATH adds the tracker of another checkout (e.g. main before a
change), timed in the same rounds on its own copy of the data. PYTHONDONTWRITEBYTECODE is kept
as it is unless --bytecode lets the children write .pyc files (into a temporary prefix); --wheel
times each checkout as a wheel installed in a fresh venv (pip compiles its .pyc files), which is
what users run. With --ingest-docs it also times ingest of synthetic documents.
"""

from __future__ import annotations

import argparse
import json
import os
import pty
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 2, 5)
UNTIL = AS_OF + timedelta(days=30)
FLOOR = """
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute(
    "SELECT id, description, due_on, status FROM items WHERE status IN ('open', 'extended')"
    " AND due_on BETWEEN ? AND ? ORDER BY due_on, id LIMIT 100", ("{a}", "{b}")
).fetchall()
print(len(rows))
"""
TEXT = ("Die Behörde will innerhalb von 30 Tagen einen Bericht vorlegen. " * 48)[:3000]
COMMANDS: dict[str, list[str]] = {
    "upcoming": ["upcoming", "--as-of", AS_OF.isoformat()],
    "list": ["list", "--status", "open", "--to", UNTIL.isoformat()],
    "show": ["show", "7"],
    "timeline": ["timeline", "--from", AS_OF.isoformat()],
}


@dataclass
class Tracker:
    """One tracker installation to time: a label, its interpreter and environment."""

    label: str
    env: dict[str, str]
    python: str = sys.executable

    def command(self, *args: str) -> list[str]:
        return [self.python, "-m", "tracker", *args]


def _hash(rng: random.Random) -> str:
    return uuid.UUID(int=rng.getrandbits(128)).hex * 2


def rows_for(n: int) -> Iterator[dict[str, list[tuple[object, ...]]]]:
    """Yield the rows of every table for N items, in chunks (the same data on every backend)."""
    rng = random.Random(n)
    now = "2026-02-01 00:00:00.000000"
    docs = max(1, n // 10)
    yield {
        "documents": [
            (i, _hash(rng), f"bench-{i}.txt", None, f"Document {i}", "2026-01-01", "de", TEXT, now)
            for i in range(1, docs + 1)
        ],
        "actors": [(i, f"actor {i}", f"Actor {i}") for i in range(1, 51)],
    }
    start = date(2024, 1, 1)
    statuses = ["open"] * 7 + ["met", "missed", "cancelled"]
    for first in range(1, n + 1, 10_000):
        chunk = range(first, min(n, first + 9_999) + 1)
        items = []
        for i in chunk:
            due = None if i % 20 == 0 else start + timedelta(days=rng.randrange(365 * 6))
            what, precision = f"Commitment number {i} to deliver a report", "day" if due else None
            status = rng.choice(statuses)
            items.append(
                (i, what, "report", due, precision, AS_OF, "publication", status, 0.8, 1, now, now)
            )
        yield {
            "items": items,
            "item_actors": [(i, 1 + i % 50) for i in chunk],
            "evidence": [
                (i, 1 + i % docs, "within 30 days", 0, 14, "It will report within 30 days.")
                for i in chunk
            ],
            "status_changes": [
                (i, None, "open", row[3], row[3], None, now)
                for i, row in zip(chunk, items, strict=True)
            ],
        }


COLUMNS = {
    "documents": "id, content_hash, source, url, title, published_on, lang, text, ingested_at",
    "actors": "id, key, name",
    "items": "id, description, deliverable, due_on, due_precision, anchor_on, anchor_kind,"
    " status, confidence, version, created_at, updated_at",
    "item_actors": "item_id, actor_id",
    "evidence": "item_id, document_id, trigger, span_start, span_end, quote",
    "status_changes": "item_id, from_status, to_status, due_before, due_after, note, at",
}


def fill_sqlite(path: Path, n: int) -> None:
    con = sqlite3.connect(path)
    for chunk in rows_for(n):
        for table, rows in chunk.items():
            marks = ",".join("?" * len(rows[0]))
            con.executemany(f"INSERT INTO {table} ({COLUMNS[table]}) VALUES ({marks})", rows)
    con.commit()
    con.execute("ANALYZE")
    con.close()


def fill_postgres(url: str, n: int) -> None:
    import psycopg

    with psycopg.connect(url) as con, con.cursor() as cur:
        for chunk in rows_for(n):
            for table, rows in chunk.items():
                with cur.copy(f"COPY {table} ({COLUMNS[table]}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
        for table in ("documents", "items", "evidence", "status_changes"):
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                f" (SELECT max(id) FROM {table}))"
            )
        cur.execute("ANALYZE")


def migrate(tracker: Tracker, url: str) -> None:
    subprocess.run(
        tracker.command("--db", url, "db", "upgrade"),
        check=True,
        capture_output=True,
        env=tracker.env,
    )


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


def run_once(command: list[str], env: dict[str, str] | None, *, tty: bool = False) -> float:
    """Run a command to its end and return the wall time; fail loudly on a non-zero exit."""
    if not tty:
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, env=env)
        elapsed = time.perf_counter() - start
        if done.returncode:
            raise SystemExit(f"{' '.join(command)} failed: {done.stderr.decode()[-500:]}")
        return elapsed
    main, child = pty.openpty()
    reader = threading.Thread(target=_drain, args=(main,), daemon=True)
    reader.start()
    start = time.perf_counter()
    code = subprocess.run(command, stdout=child, stderr=subprocess.PIPE, env=env).returncode
    elapsed = time.perf_counter() - start
    os.close(child)
    reader.join(timeout=5)
    if code:
        raise SystemExit(f"{' '.join(command)} failed on a terminal")
    return elapsed


def _drain(fd: int) -> None:
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)


def timed_round(
    jobs: dict[str, tuple[list[str], dict[str, str] | None, bool]], runs: int
) -> dict[str, float]:
    """Run every job `runs` times, in turn, and return each one's median."""
    samples: dict[str, list[float]] = {name: [] for name in jobs}
    for command, env, tty in jobs.values():
        run_once(command, env, tty=tty)  # warm the page cache (and .pyc files with --bytecode)
    for _ in range(runs):
        for name, (command, env, tty) in jobs.items():
            samples[name].append(run_once(command, env, tty=tty))
    return {name: statistics.median(values) for name, values in samples.items()}


def jobs_for(
    trackers: list[Tracker], urls: dict[str, str], tty: bool
) -> dict[str, tuple[list[str], dict[str, str] | None, bool]]:
    jobs: dict[str, tuple[list[str], dict[str, str] | None, bool]] = {}
    for tracker in trackers:
        url = urls[tracker.label]
        for name, args in COMMANDS.items():
            base = tracker.command("--db", url, *args)
            jobs[f"{tracker.label} {name}"] = (base, tracker.env, False)
            jobs[f"{tracker.label} {name} --json"] = ([*base, "--json"], tracker.env, False)
            if tty and name in ("upcoming", "list"):
                jobs[f"{tracker.label} {name} (tty)"] = (base, tracker.env, True)
    return jobs


def check_outputs(trackers: list[Tracker], urls: dict[str, str]) -> None:
    """The compared installations must print the same JSON for the same data."""
    if len(trackers) < 2:
        return
    for name, args in COMMANDS.items():
        outputs = set()
        for tracker in trackers:
            done = subprocess.run(
                tracker.command("--db", urls[tracker.label], *args, "--json"),
                capture_output=True,
                env=tracker.env,
                check=True,
            )
            outputs.add(json.dumps(json.loads(done.stdout)["data"], sort_keys=True))
        same = "the same data" if len(outputs) == 1 else "DIFFERENT data"
        print(f"  {name} --json: {same} in every installation")


def report(n: int, backend: str, medians: dict[str, float], task: float | None) -> None:
    print(f"\n{backend}, {n:,} items (medians, seconds; ratio to `task next` at this size)")
    for name, value in medians.items():
        ratio = f"  {value / task:5.2f}x task" if task else ""
        print(f"  {name:<32} {value:7.3f}{ratio}")
    if task:
        print(f"  {'task next':<32} {task:7.3f}")


def bench_size(args: argparse.Namespace, trackers: list[Tracker], work: Path, n: int) -> None:
    sqlite_urls = {}
    for tracker in trackers:
        db = work / f"{tracker.label}-{n}.db"
        sqlite_urls[tracker.label] = f"sqlite:///{db}"
        migrate(tracker, sqlite_urls[tracker.label])
        fill_sqlite(db, n)
    jobs = jobs_for(trackers, sqlite_urls, args.tty)
    db_path = sqlite_urls[trackers[0].label].removeprefix("sqlite:///")
    jobs["sqlite3 floor"] = (
        [sys.executable, "-c", FLOOR.format(a=AS_OF, b=UNTIL), db_path],
        None,
        False,
    )
    task = shutil.which("task")
    if task:
        rc = build_taskwarrior(work / f"task-{n}", n)
        jobs["task next"] = ([task, f"rc:{rc}", "next"], None, False)
    medians = timed_round(jobs, args.runs)
    task_time = medians.pop("task next", None)
    report(n, "SQLite", medians, task_time)
    check_outputs(trackers, sqlite_urls)
    if args.postgres:
        bench_postgres(args, trackers, n, task_time)


def bench_postgres(
    args: argparse.Namespace, trackers: list[Tracker], n: int, task_time: float | None
) -> None:
    import psycopg

    admin = psycopg.connect(args.postgres, autocommit=True)
    base = args.postgres.rsplit("/", 1)[0]
    urls = {}
    try:
        for tracker in trackers:
            name = f"bench_cli_{tracker.label}_{n}_{os.getpid()}"
            admin.execute(f'CREATE DATABASE "{name}"')
            urls[tracker.label] = f"{base}/{name}"
            migrate(tracker, urls[tracker.label])
            fill_postgres(urls[tracker.label], n)
        medians = timed_round(jobs_for(trackers, urls, False), args.runs)
        report(n, "PostgreSQL", medians, task_time)
        check_outputs(trackers, urls)
    finally:
        for url in urls.values():
            admin.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')
        admin.close()


def import_profile(tracker: Tracker, url: str) -> list[tuple[int, str]]:
    result = subprocess.run(
        [tracker.python, "-X", "importtime", "-m", "tracker", "--db", url, *COMMANDS["upcoming"]],
        capture_output=True,
        text=True,
        check=True,
        env=tracker.env,
    )
    rows = []
    for line in result.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            name = parts[2].rstrip()
            if not name.startswith("  "):  # top-level imports only (cumulative time)
                rows.append((int(parts[1]), name.strip()))
    return sorted(rows, reverse=True)[:8]


def bench_ingest(tracker: Tracker, count: int, folder: Path) -> None:
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
        tracker.command("--db", f"sqlite:///{db}", "ingest", str(path)),
        check=True,
        capture_output=True,
        env=tracker.env,
    )
    elapsed = time.perf_counter() - start
    rate = count / elapsed
    print(f"\ningest {count} documents (one process, SQLite): {elapsed:.1f} s, {rate:.0f}/s")


def trackers_from(args: argparse.Namespace, work: Path) -> list[Tracker]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    if args.bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    sources = [("this", ROOT)]
    sources += [
        (label, Path(path).resolve())
        for label, _, path in (s.partition("=") for s in args.checkout)
    ]
    if not args.wheel:
        return [Tracker(label, dict(env, PYTHONPATH=str(path))) for label, path in sources]
    return [
        Tracker(label, env, install_wheel(path, work / f"venv-{label}")) for label, path in sources
    ]


def install_wheel(checkout: Path, venv: Path) -> str:
    """Install a checkout's wheel into a fresh venv (pip compiles its .pyc files, as for users);
    the dependencies come from this environment (no network)."""
    dist = venv.with_name(f"{venv.name}-dist")
    quiet = {"check": True, "capture_output": True}
    pip = [sys.executable, "-m", "pip"]
    # Built from a copy: setuptools leaves a build/ folder that a later build would ship too.
    source = venv.with_name(f"{venv.name}-source")
    skip = shutil.ignore_patterns(".venv", "build", "*.egg-info", ".git", "__pycache__", ".*_cache")
    shutil.copytree(checkout, source, ignore=skip)
    subprocess.run(
        [*pip, "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", dist, source], **quiet
    )
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], **quiet)
    python = venv / "bin" / "python"
    wheel = next(dist.glob("tracker-*.whl"))
    subprocess.run(
        [*pip, "--python", python, "install", "-q", "--no-deps", "--no-index", wheel], **quiet
    )
    purelib = subprocess.check_output(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
    )
    (Path(purelib.strip()) / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return str(python)


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--postgres", metavar="URL", help="an admin URL; databases are made and dropped"
    )
    parser.add_argument("--checkout", action="append", default=[], metavar="LABEL=PATH")
    parser.add_argument("--tty", action="store_true", help="also time tables on a pseudo-terminal")
    parser.add_argument("--bytecode", action="store_true", help="let the children write .pyc files")
    parser.add_argument("--wheel", action="store_true", help="time wheels installed in fresh venvs")
    parser.add_argument("--ingest-docs", type=int, default=0)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-cli-"))
    os.chdir(work)  # so `python -m tracker` imports from PYTHONPATH, not from the current folder
    trackers = trackers_from(args, work)
    if args.wheel:
        kind = "wheels installed in fresh venvs (.pyc compiled by pip)"
    elif args.bytecode or not os.environ.get("PYTHONDONTWRITEBYTECODE"):
        kind = "checkouts on PYTHONPATH, .pyc written"
    else:
        kind = "checkouts on PYTHONPATH, no .pyc (PYTHONDONTWRITEBYTECODE=1)"
    print(f"python {sys.version.split()[0]} ({sys.executable}); timing {kind}")
    where = [f"{t.label}={t.env.get('PYTHONPATH') or t.python}" for t in trackers]
    print("installations: " + ", ".join(where))
    print(f"load average at start: {_load()}, {os.cpu_count()} cores")
    try:
        for n in (int(s) for s in args.sizes.split(",")):
            bench_size(args, trackers, work, n)
        label = trackers[0].label
        print(f"\nlargest top-level imports of `tracker upcoming` ({label}, cumulative us):")
        db = work / f"{trackers[0].label}-{args.sizes.split(',')[-1]}.db"
        for micros, name in import_profile(trackers[0], f"sqlite:///{db}"):
            print(f"  {micros:>9}  {name}")
        if args.ingest_docs:
            bench_ingest(trackers[0], args.ingest_docs, work)
        print(f"\nload average at end: {_load()}")
    finally:
        os.chdir(ROOT)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
