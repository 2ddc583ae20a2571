"""`tracker db`: create, upgrade and inspect the schema."""

from __future__ import annotations

import click

from tracker.cli.context import AppContext


@click.group("db")
def db_group() -> None:
    """Database schema: upgrade, current.

    \b
    Example:
      tracker --db postgresql://postgres@127.0.0.1/tracker db upgrade
    """


@db_group.command("upgrade")
@click.pass_obj
def upgrade_cmd(app: AppContext) -> None:
    """Apply all migrations (a fresh database is also migrated on first use).

    \b
    Example:
      tracker db upgrade
    """
    from tracker.store.migrate import upgrade
    from tracker.store.session import create_db_engine, current_revision

    engine = create_db_engine(app.settings.resolved_database_url)
    try:
        before = current_revision(engine)
        upgrade(engine)
        after = current_revision(engine)
    finally:
        engine.dispose()
    if before == after:
        click.echo(f"database already at revision {after}")
    else:
        click.echo(f"database upgraded from {before or 'empty'} to {after}")


@db_group.command("current")
@click.pass_obj
def current_cmd(app: AppContext) -> None:
    """Show the database URL and its schema revision.

    \b
    Example:
      tracker db current
    """
    from sqlalchemy.engine import make_url

    from tracker.store.session import SCHEMA_REVISION, create_db_engine, current_revision

    url = app.settings.resolved_database_url
    engine = create_db_engine(url)
    try:
        revision = current_revision(engine)
    finally:
        engine.dispose()
    state = "up to date" if revision == SCHEMA_REVISION else f"head is {SCHEMA_REVISION}"
    click.echo(f"{make_url(url).render_as_string(hide_password=True)}")
    click.echo(f"revision {revision or 'none (empty database)'} ({state})")
