"""Start `tracker remind ...` worker processes for the process-level tests."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable

ROOT_ARGS = [sys.executable, "-m", "tracker"]


def start_worker(db_url: str, *args: str, capture: bool = False) -> subprocess.Popen[str]:
    out = subprocess.PIPE if capture else subprocess.DEVNULL
    return subprocess.Popen(
        [*ROOT_ARGS, "--db", db_url, "remind", *args], stdout=out, stderr=out, text=True
    )


def wait_for(condition: Callable[[], bool], *, timeout: float, step: float = 0.02) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()
