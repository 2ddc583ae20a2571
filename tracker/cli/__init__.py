"""Command-line entry point: a click group that loads each command's module only when it runs.

Lazy loading keeps `tracker --help` and listing commands free of heavy imports
(dateparser, apscheduler, icalendar, httpx).
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from tracker.cli.context import AppContext
from tracker.errors import TrackerError

# command name -> "module:attribute"; each module owns one concern.
COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("tracker.cli.extract:extract_cmd", "Extract commitments, deadlines and events."),
    "dates": ("tracker.cli.dates:dates_cmd", "List a text's time expressions and their days."),
    "ingest": ("tracker.cli.ingest:ingest_cmd", "Ingest documents into the tracker."),
    "list": ("tracker.cli.items:list_cmd", "List tracked items by due date."),
    "upcoming": ("tracker.cli.items:upcoming_cmd", "Open items due soon, and overdue ones."),
    "show": ("tracker.cli.items:show_cmd", "Show one item with its evidence and history."),
    "timeline": ("tracker.cli.items:timeline_cmd", "Events and deadlines in one chronology."),
    "status": ("tracker.cli.edit:status_cmd", "Set an item's status (met, missed, ...)."),
    "extend": ("tracker.cli.edit:extend_cmd", "Move an item's due date, keeping history."),
    "review": ("tracker.cli.review:review_group", "Changes and conflicts waiting for review."),
    "merge": ("tracker.cli.corrections:merge_cmd", "Fold one item into another (found twice)."),
    "split": (
        "tracker.cli.corrections:split_cmd",
        "Move one source of an item to an item of its own.",
    ),
    "edit": ("tracker.cli.corrections:edit_cmd", "Correct an item's description or actors."),
    "db": ("tracker.cli.db:db_group", "Database schema: upgrade, current."),
    "remind": ("tracker.cli.remind:remind_group", "Send reminders (once, run, list, replay)."),
    "source": ("tracker.cli.source:source_group", "Watch feeds, pages and sitemaps."),
    "run": ("tracker.cli.worker:run_cmd", "The worker: fetch sources, send reminders."),
    "channel": ("tracker.cli.channel:channel_group", "Manage reminder channels."),
    "export": ("tracker.cli.calendar:export_group", "Export items (ics)."),
    "serve": ("tracker.cli.calendar:serve_cmd", "Serve the calendar feed and timeline page."),
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use; TrackerErrors become one line."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*COMMANDS, *super().list_commands(ctx)])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return super().get_command(ctx, cmd_name)
        module_name, attribute = COMMANDS[cmd_name][0].split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Short help from the table above, so `--help` does not import every command module.
        rows = [(name, COMMANDS[name][1]) for name in sorted(COMMANDS)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TrackerError as exc:
            report_error(exc, debug=bool(ctx.meta.get("tracker.debug")))
            ctx.exit(exc.exit_code)


def report_error(exc: BaseException, *, debug: bool) -> None:
    """Print `error: <message>` and the cause chain to stderr (traceback only with --debug)."""
    if debug:
        import traceback

        traceback.print_exception(exc)
    message = str(exc) or type(exc).__name__
    click.echo(f"error: {message}", err=True)
    cause = exc.__cause__
    while cause is not None and debug:
        click.echo(f"  caused by: {cause}", err=True)
        cause = cause.__cause__


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="tracker", prog_name="tracker")
@click.option(
    "--db", "database_url", metavar="URL", help="Database URL (env TRACKER_DATABASE_URL)."
)
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.pass_context
def cli(ctx: click.Context, database_url: str | None, debug: bool) -> None:
    """Track policy commitments and deadlines found in news and official texts.

    \b
    Example:
      tracker ingest seeds/
      tracker upcoming --days 60
    """
    ctx.meta["tracker.debug"] = debug
    app = AppContext(database_url=database_url)
    ctx.obj = app
    ctx.call_on_close(app.close)


def main() -> None:
    """Run the CLI (console script and `python -m tracker`)."""
    try:
        cli.main(prog_name="tracker")
    except TrackerError as exc:  # raised outside a command, e.g. while closing
        report_error(exc, debug="--debug" in sys.argv)
        sys.exit(exc.exit_code)
