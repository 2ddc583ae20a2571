"""`tracker ingest` as users run it: Ctrl-C, the progress bar, file names, one reader of files."""

from __future__ import annotations

import os
import pty
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from tests.envelope import json_data
from tracker.cli import cli
from tracker.store import tables as t
from tracker.store.session import create_db_engine, read_session

_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
TOPICS = ["Netzausbau", "Hafenausbau", "Wasserstoffnetz", "Batteriefabrik", "Schienenknoten"]


def write_documents(folder: Path, count: int, *, paragraphs: int = 1) -> list[Path]:
    """Write `count` distinct dated German articles, each promising something by a deadline."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        topic = f"{TOPICS[number % len(TOPICS)]} {number}"
        body = " ".join(
            f"Das Land will innerhalb von {10 + (number + i) % 50} Tagen einen Plan für das"
            f" Vorhaben {topic}-{i} vorlegen. Der Landtag berät am Montag über den Abschnitt {i}."
            for i in range(paragraphs)
        )
        path = folder / f"artikel_{number:03}.txt"
        path.write_text(f"Kiel, 02.03.2026\n\nBericht {topic}\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def _documents(db_url: str) -> int:
    engine = create_db_engine(db_url)
    try:
        with read_session(engine) as session:
            return int(session.scalar(select(func.count()).select_from(t.Document)) or 0)
    finally:
        engine.dispose()


def _tracker(*args: str) -> list[str]:
    return [sys.executable, "-m", "tracker", *args]


def test_ctrl_c_exits_130_with_the_summary_of_what_went_in(db_url, tmp_path):
    docs = tmp_path / "docs"
    total = len(write_documents(docs, 150, paragraphs=20))
    process = subprocess.Popen(
        _tracker("--db", db_url, "ingest", str(docs)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 300
    while _documents(db_url) < 3:  # let a few documents commit, then interrupt
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "ingest did not start"
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=120)

    assert process.returncode == 130, (out, err)
    match = re.search(r"documents: (\d+) new, 0 unchanged, 0 failed", out)
    assert match is not None, out
    committed = int(match[1])
    assert 3 <= committed < total
    assert _documents(db_url) == committed  # every counted document is in, no more
    assert re.search(
        rf"interrupted after \d+ of {total} files: {committed} documents are in"
        r" \(each is its own transaction\)",
        err,
    ), err
    assert "Aborted!" not in err
    assert "Traceback" not in err


def test_ctrl_c_json_summary_says_interrupted(sqlite_url, tmp_path):
    docs = tmp_path / "docs"
    write_documents(docs, 150, paragraphs=20)
    process = subprocess.Popen(
        _tracker("--db", sqlite_url, "ingest", str(docs), "--json"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 300
    while _documents(sqlite_url) < 2:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    out, _ = process.communicate(timeout=120)
    data = json_data(out, "ingest")

    assert process.returncode == 130
    assert data["interrupted"] is True
    assert data["files"]["total"] == 150
    assert data["documents"]["new"] == _documents(sqlite_url)


def _run_on_a_terminal(args: list[str]) -> tuple[int, str]:
    """Run with stderr on a pseudo-terminal; return the exit status and what it showed."""
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100"}
    process = subprocess.Popen(
        args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=follower, env=env
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the process closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    process.communicate(timeout=60)
    plain = _ANSI.sub("", shown.decode("utf-8", "replace"))
    return process.returncode, plain


def test_progress_bar_on_a_terminal_only(sqlite_url, tmp_path):
    docs = tmp_path / "docs"
    write_documents(docs, 12, paragraphs=5)
    status, terminal = _run_on_a_terminal(_tracker("--db", sqlite_url, "ingest", str(docs)))
    piped = subprocess.run(
        _tracker("--db", sqlite_url, "ingest", str(docs)), capture_output=True, text=True
    )

    assert status == 0, terminal
    assert "ingesting" in terminal
    assert re.search(r"\d+/12 files", terminal), terminal
    assert piped.returncode == 0
    assert piped.stderr == ""  # no bar, no control codes when piped


BAD_FILES = {
    "empty.txt": b" \n",
    "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "huge.txt": b"Kiel, 02.03.2026\n\n" + b"Ein Satz ohne Frist. " * 200,
}


@pytest.mark.parametrize("name", [*BAD_FILES, "missing.txt"])
def test_extract_and_ingest_name_a_bad_file_alike(sqlite_url, tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TRACKER_MAX_DOCUMENT_BYTES", "2000")
    if name in BAD_FILES:
        (tmp_path / name).write_bytes(BAD_FILES[name])
    runner = CliRunner()
    extracted = runner.invoke(cli, ["extract", name])
    ingested = runner.invoke(cli, ["--db", sqlite_url, "ingest", name])

    assert extracted.exit_code == ingested.exit_code == 1
    assert extracted.stderr == ingested.stderr
    assert extracted.stderr.startswith(f"error: {name}: ")
    assert len(extracted.stderr.splitlines()) == 1


def test_too_large_document_says_how_to_raise_the_limit(sqlite_url, tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_MAX_DOCUMENT_BYTES", "5000")
    big = tmp_path / "big.txt"
    big.write_bytes(b"Kiel, 02.03.2026\n\n" + b"Ein Satz ohne Frist. " * 1000)
    small = write_documents(tmp_path / "ok", 1)[0]
    result = CliRunner().invoke(cli, ["--db", sqlite_url, "ingest", str(big), str(small)])
    stdin = CliRunner().invoke(cli, ["--db", sqlite_url, "ingest", "-"], input=big.read_bytes())

    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {big}: too large (21,018 bytes, more than max_document_bytes = 5,000 bytes);"
        " split it, or raise the limit with TRACKER_MAX_DOCUMENT_BYTES\n"
    )
    assert "documents: 1 new" in result.stdout
    assert stdin.stderr.startswith("error: <stdin>: too large (more than max_document_bytes")


def test_relative_paths_are_stored_absolute_and_shown_as_file_names(
    sqlite_url, tmp_path, monkeypatch
):
    from tests.integration.calendar.conftest import TOKEN, running_server

    article = write_documents(tmp_path / "texts", 1)[0]
    (tmp_path / "texts" / "leer.txt").write_text(" ")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    runner = CliRunner()
    ingested = runner.invoke(cli, ["--db", sqlite_url, "ingest", "../texts"])
    shown = runner.invoke(cli, ["--db", sqlite_url, "show", "1", "--json"])
    ics = runner.invoke(cli, ["--db", sqlite_url, "export", "ics"]).stdout_bytes
    engine = create_db_engine(sqlite_url)
    try:
        with running_server(engine) as url:
            import httpx

            page = httpx.get(url, params={"token": TOKEN}, timeout=30).text
    finally:
        engine.dispose()

    assert ingested.stderr == "error: ../texts/leer.txt: empty document\n"  # as typed
    assert json_data(shown.stdout, "show")["item"]["sources"][0]["source"] == str(article)
    events = icalendar.Calendar.from_ical(ics).events
    description = str(events[0]["DESCRIPTION"])
    assert f"— Bericht Netzausbau 0, {article.name}, 2026-03-02" in description
    assert f'<span class="outlet">{article.name}</span>' in page
    for leaked in ("../texts", str(tmp_path)):
        assert leaked not in ics.decode().replace("\r\n ", "")
        assert leaked not in page
