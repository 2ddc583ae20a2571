"""`tracker export ics` and `tracker serve`. icalendar loads only when a command runs."""

from __future__ import annotations

from pathlib import Path

import click

from tracker.cli.context import AppContext
from tracker.errors import ConfigError
from tracker.models import STATUSES

_status_option = click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice(STATUSES),
    help="Only this status (repeatable).",
)
_actor_option = click.option(
    "--actor",
    "actors",
    multiple=True,
    metavar="NAME",
    help="Only items of this actor (repeatable).",
)


@click.group("export")
def export_group() -> None:
    """Export tracked items to other formats."""


@export_group.command("ics")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to FILE (atomically) instead of stdout.",
)
@_status_option
@_actor_option
@click.pass_obj
def ics_cmd(
    app: AppContext, output: Path | None, statuses: tuple[str, ...], actors: tuple[str, ...]
) -> None:
    """Export dated items as an iCalendar (RFC 5545) file, one all-day event each.

    \b
    Example:
      tracker export ics -o deadlines.ics --status open --actor EU
    """
    from tracker.services.calendar import calendar_name, export_calendar, write_file_atomically
    from tracker.services.items import actor_keys

    feed = export_calendar(
        app.engine,
        leads=app.settings.leads,
        now=app.clock.now(),
        statuses=statuses,
        actor_keys=actor_keys(list(actors)) if actors else [],
        name=calendar_name(statuses, actors),
    )
    if output is None:
        click.echo(feed.body, nl=False)  # bytes go to the binary stream unchanged
        return
    write_file_atomically(output, feed.body)
    click.echo(f"wrote {feed.count} events to {output}", err=True)


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port (0: any free port).",
)
@click.option("--no-token", is_flag=True, help="Serve without TRACKER_FEED_TOKEN (local use only).")
@click.pass_obj
def serve_cmd(app: AppContext, host: str, port: int, no_token: bool) -> None:
    """Serve the calendar feed (/calendar.ics) and the timeline page (/).

    \b
    Example:
      TRACKER_FEED_TOKEN=$(openssl rand -hex 16) tracker serve --port 8000
      curl 'http://127.0.0.1:8000/calendar.ics?token=...'
    """
    from tracker.web.server import WebApp, make_server, serve

    secret = app.settings.feed_token.get_secret_value() if app.settings.feed_token else ""
    if not secret and not no_token:
        raise ConfigError(
            "set TRACKER_FEED_TOKEN (or feed_token in the config file),"
            " or pass --no-token for local use"
        )
    web = WebApp(
        app.engine, app.clock, app.settings.leads, app.settings.tz, None if no_token else secret
    )
    server = make_server(web, host, port)
    access = "WITHOUT a token (--no-token)" if no_token else "?token=<TRACKER_FEED_TOKEN>"
    click.echo(
        f"serving {server.url} and {server.url}calendar.ics {access}; Ctrl-C stops", err=True
    )
    serve(server)
    click.echo("stopped", err=True)
