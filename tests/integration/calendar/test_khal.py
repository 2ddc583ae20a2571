"""A real calendar client: khal imports the export into a fresh calendar and lists the due dates."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlalchemy.engine import Engine

from tests.integration.calendar.conftest import LEADS, NOW
from tests.integration.calendar.factory import SEED_DESCRIPTIONS
from tracker.services.calendar import export_calendar
from tracker.store import tables as t
from tracker.store.session import transaction

KHAL = Path(sys.executable).with_name("khal")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not KHAL.exists(), reason=f"khal is not installed next to {sys.executable}"),
]


def _khal_config(tmp_path: Path) -> Path:
    calendar = tmp_path / "khal-calendar"
    calendar.mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(
        f"""[calendars]
[[tracker]]
path = {calendar}
type = calendar

[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = Europe/Berlin
default_timezone = Europe/Berlin

[sqlite]
path = {tmp_path / "khal.db"}
""",
        encoding="utf-8",
    )
    return config


def _khal(config: Path, *args: str) -> str:
    result = subprocess.run(
        [str(KHAL), "-c", str(config), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _import_export(engine: Engine, config: Path, tmp_path: Path) -> list[str]:
    export = tmp_path / "tracker.ics"
    export.write_bytes(export_calendar(engine, leads=LEADS, now=NOW).body)
    _khal(config, "import", "--batch", "-a", "tracker", str(export))
    listing = _khal(config, "list", "--format", "{start-date} {title}", "2026-01-01", "365d")
    return [line for line in listing.splitlines() if line[:4] == "2026" and " " in line[10:11]]


def test_khal_lists_the_exported_due_dates(engine, seeded, tmp_path):
    config = _khal_config(tmp_path)
    lines = _import_export(engine, config, tmp_path)

    assert f"2026-03-07 {SEED_DESCRIPTIONS['declaration']}" in lines
    assert f"2026-04-06 {SEED_DESCRIPTIONS['mexico']}" in lines
    assert "2026-02-20 Gipfel zu seltenen Erden in Ottawa" in lines  # cancelled, still listed
    assert not any(SEED_DESCRIPTIONS["usmca"] in line for line in lines)  # undated: no event
    assert len(lines) == 7


def test_khal_reimport_moves_the_event_instead_of_duplicating_it(engine, seeded, tmp_path):
    config = _khal_config(tmp_path)
    _import_export(engine, config, tmp_path)
    with transaction(engine) as session:
        session.execute(
            update(t.Item)
            .where(t.Item.id == seeded["declaration"])
            .values(due_on=date(2026, 3, 20), version=t.Item.version + 1, updated_at=NOW)
        )
    lines = _import_export(engine, config, tmp_path)

    declaration = [line for line in lines if SEED_DESCRIPTIONS["declaration"] in line]
    assert declaration == [f"2026-03-20 {SEED_DESCRIPTIONS['declaration']}"]
    assert len(lines) == 7
