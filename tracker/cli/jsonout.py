"""The one JSON envelope of every `--json` output: `{"schema_version", "command", "data"}`.

`data` is always an object whose collections are lists under plural nouns ("items", "events",
"reminders", "channels"); values are never shortened (truncation is for tables only). The JSON
Lines batches of `extract` and `dates` write one bare result object per input line instead.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any

SCHEMA_VERSION = 1


def envelope(command: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """Wrap one command's output in the versioned envelope."""
    return {"schema_version": SCHEMA_VERSION, "command": command, "data": dict(data)}


def print_json(command: str, data: Mapping[str, Any]) -> None:
    """Write one enveloped JSON document to stdout (UTF-8, not ASCII-escaped)."""
    import json  # here: the tables and TSV of the listing commands do without it

    sys.stdout.write(json.dumps(envelope(command, data), ensure_ascii=False, indent=2) + "\n")
