"""Start `tracker remind ...` worker processes for the process-level tests."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable

ROOT_ARGS = [sys.executable, "-m", "tracker"]
# The receivers listen on loopback, which the address policy refuses by default.
WORKER_ENV = {**os.environ, "TRACKER_ALLOW_PRIVATE_ADDRESSES": "true"}


def start_worker(db_url: str, *args: str, capture: bool = False) -> subprocess.Popen[str]:
    out = subprocess.PIPE if capture else subprocess.DEVNULL
    return subprocess.Popen(
        [*ROOT_ARGS, "--db", db_url, "remind", *args],
        stdout=out,
        stderr=out,
        text=True,
        env=WORKER_ENV,
    )


def wait_for(condition: Callable[[], bool], *, timeout: float, step: float = 0.02) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()
