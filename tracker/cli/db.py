"""`tracker db`: create, upgrade and inspect the schema."""

from __future__ import annotations

import click

from tracker.cli.context import AppContext
from tracker.cli.jsonout import print_json


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
    """Apply all migrations, creating the SQLite file if there is none yet.

    \b
    Example:
      tracker db upgrade
    """
    from tracker.store.dburl import parse_database_url
    from tracker.store.migrate import upgrade
    from tracker.store.session import connect_database, current_revision

    url = app.settings.resolved_database_url
    target = parse_database_url(url)
    is_new = target.sqlite_file is not None and not target.sqlite_file.exists()
    engine = connect_database(url, create=True, create_folder=not app.settings.database_url)
    try:
        before = current_revision(engine)
        upgrade(engine)
        after = current_revision(engine)
    finally:
        engine.dispose()
    if is_new:
        click.echo(f"created a new database at {target.sqlite_file}", err=True)
    if before == after:
        click.echo(f"database already at revision {after}")
    else:
        click.echo(f"database upgraded from {before or 'empty'} to {after}")


@db_group.command("current")
@click.option("--json", "as_json", is_flag=True, help="Print the database and revision as JSON.")
@click.pass_obj
def current_cmd(app: AppContext, as_json: bool) -> None:
    """Show the database and its schema revision (never creates or migrates anything).

    \b
    Example:
      tracker db current --json
    """
    from tracker.store.session import (
        SCHEMA_REVISION,
        connect_database,
        current_revision,
        database_shown,
    )

    engine = connect_database(app.settings.resolved_database_url, create=False)
    try:
        shown, revision = database_shown(engine), current_revision(engine)
        backend = engine.dialect.name
    finally:
        engine.dispose()
    if as_json:
        data = {
            "database": shown,
            "backend": backend,
            "revision": revision,
            "head": SCHEMA_REVISION,
            "up_to_date": revision == SCHEMA_REVISION,
        }
        print_json("db current", data)
        return
    state = "up to date" if revision == SCHEMA_REVISION else f"head is {SCHEMA_REVISION}"
    click.echo(shown)
    click.echo(f"revision {revision or 'none (empty database)'} ({state})")
