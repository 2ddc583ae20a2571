"""Read the `--json` envelope of a CLI command's output in tests."""

from __future__ import annotations

import json
from typing import Any


def json_data(stdout: str, command: str | None = None) -> Any:
    """Check the envelope (`schema_version`, `command`) and return its `data`."""
    document = json.loads(stdout)
    assert set(document) == {"schema_version", "command", "data"}, document
    assert document["schema_version"] == 1
    if command is not None:
        assert document["command"] == command
    return document["data"]
