"""`tracker remind`: send due reminders once or continuously, list the outbox, replay."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import click

from tracker.cli.context import AppContext
from tracker.cli.worker import run_worker, worker_options
from tracker.errors import DeliveryFailedError

if TYPE_CHECKING:
    from tracker.services.dispatch import DispatchPolicy
    from tracker.services.outcomes import DispatchReport
    from tracker.store.rows import ReminderRow

STATES = ("pending", "sending", "sent", "superseded", "skipped", "failed", "dead")


class IsoDateTime(click.ParamType[datetime]):
    """An ISO 8601 date-time; without an offset it is read in TRACKER_TIMEZONE."""

    name = "ISO-DATETIME"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> datetime:
        if isinstance(value, datetime):
            return value
        try:
            return datetime.fromisoformat(str(value).strip())
        except ValueError:
            self.fail(f"{value!r} is not an ISO date-time like 2026-03-23T09:00+01:00", param, ctx)


def _worker_options(func: Any) -> Any:
    func = click.option(
        "--concurrency",
        default=1,
        show_default=True,
        type=click.IntRange(1, 64),
        help="Deliveries in flight at once (a crash may repeat up to this many).",
    )(func)
    return click.option(
        "--lease",
        default=300.0,
        show_default=True,
        type=click.FloatRange(min=1),
        help="Seconds a claim stays valid before another worker may take a reminder over.",
    )(func)


def _policy(lease: float, concurrency: int) -> DispatchPolicy:
    from tracker.services.dispatch import DispatchPolicy

    return DispatchPolicy(lease=timedelta(seconds=lease), concurrency=concurrency)


@click.group("remind")
def remind_group() -> None:
    """Send reminders (once, run, list, replay).

    \b
    Example:
      tracker remind once
      tracker run
    """


def _what(o: Any) -> str:
    if o.event == "digest":
        return f"digest of {len(o.reminder_ids)} (#{', #'.join(map(str, o.reminder_ids))})"
    label = o.kind if o.event == "deadline.reminder" else o.event
    return f"#{o.reminder_id} {label} item {o.item_id}"


def _echo_report(report: DispatchReport) -> None:
    for o in report.sent:
        click.echo(f"sent {_what(o)} to {o.channel_kind} {o.target} [{o.idempotency_key}]")
    for o in report.failures:
        when = f", retry at {o.next_attempt_at.isoformat()}" if o.next_attempt_at else ""
        click.echo(
            f"{o.state} {_what(o)} to {o.channel_kind} {o.target} "
            f"(attempt {o.attempts}{when}): {o.error}",
            err=True,
        )
    if report.skipped:
        click.echo(f"skipped {len(report.skipped)} older reminders (a later one was due)")
    if not report.outcomes and not report.skipped:
        click.echo("nothing due")


@remind_group.command("once")
@click.option("--now", "at", type=IsoDateTime(), help="Send what is due at this time.")
@_worker_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON (a stable format).")
@click.pass_obj
def once_cmd(
    app: AppContext, at: datetime | None, lease: float, concurrency: int, as_json: bool
) -> None:
    """Claim and send every reminder and event due now, print what was sent, exit (cron, tests).

    `--now` decides what is due; messages still carry the real sending time (Date header,
    webhook-timestamp). Exits with status 7 if a delivery failed (retried later, or dead).

    \b
    Example:
      tracker remind once --now 2026-03-23T09:00
    """
    from tracker.cli.jsonout import print_json
    from tracker.clock import FixedClock
    from tracker.services.dispatch import default_worker_id, dispatch_due

    clock = (
        app.clock
        if at is None
        else FixedClock(at if at.tzinfo else at.replace(tzinfo=app.settings.tz))
    )
    # The report below says what happened; the service's log lines would say it twice.
    logging.getLogger("tracker.services.dispatch").addHandler(logging.NullHandler())
    policy = _policy(lease, concurrency)
    report = dispatch_due(app.engine, app.settings, clock, default_worker_id(), policy=policy)
    if as_json:
        print_json("remind once", report.as_dict())
    else:
        _echo_report(report)
    if report.failures:
        raise DeliveryFailedError(
            f"{len(report.failures)} of {len(report.outcomes)} reminders failed"
        )


@remind_group.command("run")
@worker_options
@click.pass_obj
def run_cmd(app: AppContext, /, **options: Any) -> None:
    """The worker under its old name: the same as `tracker run` (sources and reminders).

    \b
    Example:
      tracker remind run --interval 30
    """
    run_worker(app, **options)


def _kind_label(kind: str, days_before: int) -> str:
    return f"{days_before}d before" if kind == "lead" else kind


_REMINDER_HEADERS = ["ID", "Fire at", "State", "Kind", "Item", "Channel", "Tries", "Note"]


def _reminder_cells(rows: list[ReminderRow], app: AppContext) -> list[list[str]]:
    tz = app.settings.tz
    cells = []
    for r in rows:
        note = r.last_error or (
            f"sent {r.sent_at.astimezone(tz):%Y-%m-%d %H:%M}" if r.sent_at else ""
        )
        cells.append(
            [
                str(r.id),
                f"{r.fire_at.astimezone(tz):%Y-%m-%d %H:%M %Z}",
                r.state,
                _kind_label(r.kind, r.days_before) if r.kind != "event" else r.event,
                str(r.item_id),
                str(r.channel_id),
                str(r.attempts),
                note,
            ]
        )
    return cells


@remind_group.command("list")
@click.option("--state", type=click.Choice(STATES), help="Only reminders in this state.")
@click.option("--limit", default=200, show_default=True, type=click.IntRange(min=1))
@click.option("--json", "as_json", is_flag=True, help="Print JSON (a stable format).")
@click.pass_obj
def list_cmd(app: AppContext, state: str | None, limit: int, as_json: bool) -> None:
    """List the reminder outbox by fire time.

    \b
    Example:
      tracker remind list --state dead --json
    """
    from tracker.cli.jsonout import print_json
    from tracker.cli.output import print_rows
    from tracker.cli.params import output_format
    from tracker.services.reminders import list_reminders

    rows = list_reminders(app.engine, state=state, limit=limit)
    if as_json:
        print_json("remind list", {"reminders": [r.model_dump(mode="json") for r in rows]})
    elif not rows:
        click.echo("no reminders" + (f" in state {state}" if state else ""))
    else:
        print_rows(_REMINDER_HEADERS, _reminder_cells(rows, app), output=output_format(None, False))


@remind_group.command("replay")
@click.argument("reminder_id", type=click.IntRange(min=1), metavar="ID")
@click.pass_obj
def replay_cmd(app: AppContext, reminder_id: int) -> None:
    """Queue a dead reminder again (fresh attempts, due now); it is sent even if a later
    reminder of its item went out meanwhile.

    \b
    Example:
      tracker remind replay 42
    """
    from tracker.services.reminders import replay_reminder

    row = replay_reminder(app.engine, app.clock, reminder_id)
    click.echo(f"reminder {row.id} queued again ({row.idempotency_key})")
