"""Peak memory and time of one large document, as whole `tracker` processes.

    .venv/bin/python bench/bench_large_text.py --sizes 0.5,1,2 [--commands extract,ingest]

For each size (MB) it writes one text, either the corpus texts (../shared/corpus/dev.jsonl, read
from there, never copied into the project) repeated until the size is reached (`--text corpus`),
or a dense synthetic report of sentences written for this bench, every one a commitment or an
event with its own topic, so nothing merges (`--text dense`, the worst case); then it runs
`tracker extract --json` and `tracker ingest` on it with the size limit raised, each in a fresh
process and a fresh SQLite file, and reports wall time and peak RSS (from wait4, per child).
Last it runs `tracker ingest` once more at the default `max_document_bytes` on the largest
file, to show that a refused document costs nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
if not CORPUS.exists():
    CORPUS = Path("/work/shared/corpus/dev.jsonl")
TRACKER = [sys.executable, "-m", "tracker"]
_DATE_LINE = re.compile(r"^date \d{4}-\d{2}-\d{2}\s*")


def build_text(megabytes: float, corpus: Path) -> str:
    """Concatenate the corpus texts (their own date lines dropped) until `megabytes` is reached."""
    texts = []
    for line in corpus.read_text(encoding="utf-8").splitlines():
        texts.append(_DATE_LINE.sub("", json.loads(line)["text"]))
    target, parts, size = int(megabytes * 1_000_000), [], 0
    while size < target:
        for text in texts:
            parts.append(text)
            size += len(text.encode("utf-8")) + 2
            if size >= target:
                break
    return "\n\n".join(parts)


_TOPICS = ["Netzausbau", "Wasserstoff", "Batterierecycling", "Hafenausbau", "Digitalpakt"]
_ACTORS = ["Die Bundesregierung", "Das Ministerium", "Die Kommission", "Der Senat"]
_SENTENCES = [
    "{a} will innerhalb von {n} Tagen einen Bericht zum Projekt {t} vorlegen.",
    "{a} kündigte an, bis Ende März einen Entwurf für das Projekt {t} zu veröffentlichen.",
    "Die Gespräche über das Projekt {t} wurden am Montag fortgesetzt.",
    "The agency will publish its review of project {t} within {n} days.",
    "The council plans to present a report on project {t} by the end of the year.",
    "Critics said little had happened on project {t} for years.",
]


def build_dense_text(megabytes: float) -> str:
    """A report whose every sentence is a commitment or an event about its own numbered topic."""
    rng = random.Random(13)
    parts, size, target = ["Berlin, 02.03.2026\n\nLagebericht\n"], 0, int(megabytes * 1e6)
    while size < target:
        paragraph = " ".join(
            rng.choice(_SENTENCES).format(
                a=rng.choice(_ACTORS),
                n=rng.randint(5, 120),
                t=f"{rng.choice(_TOPICS)} {rng.randint(1, 99_999)}",
            )
            for _ in range(6)
        )
        parts.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
    return "\n\n".join(parts)


def run(args: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Run one tracker process; return (seconds, peak RSS in MB, exit status)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [*TRACKER, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.stderr is not None:
        process.stderr.close()
    return elapsed, usage.ru_maxrss / 1024, process.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.5,1,2", help="document sizes in MB")
    parser.add_argument("--commands", default="extract,ingest")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--text", choices=["corpus", "dense"], default="corpus")
    options = parser.parse_args()
    sizes = [float(s) for s in options.sizes.split(",")]
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    with tempfile.TemporaryDirectory() as folder:
        env["HOME"] = folder
        unlimited = {**env, "TRACKER_MAX_DOCUMENT_BYTES": str(10**9)}
        print("size_mb  command  seconds  peak_rss_mb  exit")
        path = Path(folder) / "large.txt"
        for megabytes in sizes:
            text = (
                build_dense_text(megabytes)
                if options.text == "dense"
                else build_text(megabytes, options.corpus)
            )
            path.write_text(text, encoding="utf-8")
            for command in options.commands.split(","):
                db = Path(folder) / f"{command}-{megabytes}.db"
                args = _command(command, path, db)
                seconds, rss, code = run(args, unlimited)
                print(f"{megabytes:7.2f}  {command:7}  {seconds:7.1f}  {rss:11.0f}  {code:4}")
        db = Path(folder) / "refused.db"
        seconds, rss, code = run(_command("ingest", path, db), env)
        print(f"{sizes[-1]:7.2f}  refused  {seconds:7.1f}  {rss:11.0f}  {code:4}  (default limit)")


def _command(command: str, path: Path, db: Path) -> list[str]:
    if command == "extract":
        return ["extract", str(path), "--published", "2026-02-05", "--json"]
    return ["--db", f"sqlite:///{db}", "ingest", str(path), "--published", "2026-02-05"]


if __name__ == "__main__":
    main()
