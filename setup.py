"""Packaging beyond pyproject.toml: ship the top-level alembic/ folder inside the wheel.

The migrations live in `alembic/` (the project's layout), and an installed tracker must still be
able to migrate its database, so the wheel carries them as `tracker/migrations/`. The folder has no
`__init__.py` on purpose: a regular package named `alembic` in the checkout would shadow the
alembic library for anything run from the project root.
"""

from __future__ import annotations

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages(include=["tracker", "tracker.*"]),
        "tracker.migrations",
        "tracker.migrations.versions",
    ],
    package_dir={
        "tracker.migrations": "alembic",
        "tracker.migrations.versions": "alembic/versions",
    },
)
