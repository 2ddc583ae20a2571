"""Import cost: `import tracker.extract` loads neither dateparser nor pydantic."""

from __future__ import annotations

import subprocess
import sys


def _modules_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


def test_import_tracker_extract_is_light():
    modules = _modules_after("import tracker.extract")
    assert not any(m.startswith(("dateparser", "pydantic")) for m in modules)


def test_extract_call_does_not_load_dateparser_for_common_dates():
    statement = (
        "from datetime import date; from tracker.extract import extract; "
        "extract('Bis zum 31. März 2026 und binnen 30 Tagen.', "
        "published=date(2026, 2, 5), lang='de')"
    )
    assert not any(m.startswith("dateparser") for m in _modules_after(statement))
