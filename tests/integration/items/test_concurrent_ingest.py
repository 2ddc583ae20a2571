"""Two processes ingesting the same documents at once store each document once."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from tests.conftest import SEEDS
from tracker.store import tables as t
from tracker.store.session import read_session


@pytest.mark.slow
def test_concurrent_ingest_of_the_same_documents_gives_no_duplicates(engine, db_url, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    env["TRACKER_DATABASE_URL"] = db_url
    command = [sys.executable, "-m", "tracker", "ingest", str(SEEDS)]
    workers = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(3)
    ]
    results = [w.communicate(timeout=120) for w in workers]
    assert [w.returncode for w in workers] == [0, 0, 0], results
    with read_session(engine) as session:
        documents = session.scalar(select(func.count()).select_from(t.Document))
        items = session.scalar(select(func.count()).select_from(t.Item))
        evidence = session.scalar(select(func.count()).select_from(t.Evidence))
        events = session.scalar(select(func.count()).select_from(t.Event))
    assert documents == 2
    single = tmp_path / "single.db"
    env["TRACKER_DATABASE_URL"] = f"sqlite:///{single}"
    subprocess.run(command, env=env, check=True, capture_output=True)
    from tracker.store.session import create_db_engine

    reference = create_db_engine(f"sqlite:///{single}")
    try:
        with read_session(reference) as session:
            expected = (
                session.scalar(select(func.count()).select_from(t.Item)),
                session.scalar(select(func.count()).select_from(t.Evidence)),
                session.scalar(select(func.count()).select_from(t.Event)),
            )
    finally:
        reference.dispose()
    assert (items, evidence, events) == expected
