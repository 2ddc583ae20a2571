"""Alembic wiring: run migrations programmatically against an engine (imported only when needed)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from tracker.errors import DatabaseError


def migrations_dir() -> Path:
    """Return the Alembic environment: inside an installed wheel (`tracker/migrations`, mapped
    from the checkout's `alembic/` by setup.py), else the checkout's top-level `alembic/`."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "migrations"
    return installed if (installed / "env.py").is_file() else package.parent / "alembic"


def alembic_config(engine: Engine | None = None) -> Config:
    """Return an Alembic config pointing at our migrations (and at `engine` when given)."""
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if engine is not None:
        config.attributes["engine"] = engine
        config.set_main_option(
            "sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%")
        )
    return config


def head_revision() -> str:
    """Return the newest migration's revision id."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply migrations up to `revision`."""
    try:
        command.upgrade(alembic_config(engine), revision)
    except SQLAlchemyError as exc:
        raise DatabaseError(f"cannot migrate the database: {exc}") from exc
    except CommandError as exc:  # e.g. a revision this version does not know (a newer tracker's)
        raise DatabaseError(
            f"cannot migrate the database: {exc} (was it made by a newer tracker?)"
        ) from exc


def downgrade(engine: Engine, revision: str = "base") -> None:
    """Revert migrations down to `revision`."""
    command.downgrade(alembic_config(engine), revision)
