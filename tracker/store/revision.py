"""The schema revision this code expects, importable without SQLAlchemy or Alembic.

A test asserts it equals Alembic's head, so the bare-driver read path can tell an up-to-date
database from one that needs migrating (which then goes through the full path, which migrates).
"""

from __future__ import annotations

SCHEMA_REVISION = "0008"
