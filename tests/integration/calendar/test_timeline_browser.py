"""The timeline page in a real browser: headless Chromium renders it; the DOM it built holds the
seed items, and the screenshot shows the status colours (see tests/setup/ensure_chromium.sh)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.integration.calendar.conftest import TOKEN, running_server
from tests.integration.calendar.factory import SEED_DESCRIPTIONS, seed_items, status_items
from tests.integration.calendar.png import read_png
from tracker.store.session import create_db_engine

CHROMIUM = Path("/usr/bin/chromium")
WIDTH, HEIGHT = 1100, 2200
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]
# Colours from tracker/web/style.py: each must cover a visible area of the screenshot.
COLOURS = {
    "open": (0x25, 0x63, 0xEB),
    "extended": (0xC2, 0x78, 0x03),
    "met": (0x15, 0x80, 0x3D),
    "missed/overdue": (0xC8, 0x1E, 0x1E),
    "event": (0x7C, 0x3A, 0xED),
    "today": (0xE1, 0x1D, 0x48),
}
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason=f"{CHROMIUM} is missing: run tests/setup/ensure_chromium.sh as root to install it",
    ),
]


@pytest.fixture
def page_url(sqlite_url, tmp_path):
    engine = create_db_engine(sqlite_url)
    seed_items(engine)
    status_items(engine)
    with running_server(engine) as url:
        yield f"{url}?token={TOKEN}"
    engine.dispose()


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "chromium-profile"
    command = [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args]
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def test_timeline_page_in_chromium_shows_the_seed_items(page_url, tmp_path):
    dom = _chromium(tmp_path, "--dump-dom", page_url)
    shot = tmp_path / "timeline.png"
    result = _chromium(
        tmp_path, f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}", page_url
    )

    assert dom.returncode == 0, dom.stderr[-2000:]
    for description in SEED_DESCRIPTIONS.values():
        assert description in dom.stdout
    assert "Ministertreffen zu kritischen Mineralien" in dom.stdout
    assert result.returncode == 0, result.stderr[-2000:]
    image = read_png(shot.read_bytes())
    assert (image.width, image.height) == (WIDTH, HEIGHT)
    counts = image.colour_counts()
    missing = {name: counts[rgb] for name, rgb in COLOURS.items() if counts[rgb] < 200}
    assert not missing, f"colours barely visible in {shot}: {missing}"
    assert counts.most_common(1)[0][0] == (0xF5, 0xF6, 0xF8)  # the page background, not blank
