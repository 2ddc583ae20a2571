"""`tracker channel`: where reminders go (email addresses, webhook URLs)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from tracker.cli.context import AppContext

if TYPE_CHECKING:
    from tracker.services.channels import AddedChannel, Subscription
    from tracker.store.channels import ChannelRow

STATUSES = ("open", "met", "missed", "extended", "cancelled")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _events(ctx: click.Context, param: click.Parameter, value: str) -> tuple[str, ...]:
    parts = tuple(p.strip() for p in value.split(",") if p.strip())
    unknown = [p for p in parts if p not in ("due", "new")]
    if unknown or not parts:
        raise click.BadParameter(f"{value!r}: give due, new or due,new")
    return parts


def _filter_options(func: Any) -> Any:
    options = [
        click.option("--json", "as_json", is_flag=True, help="Print JSON (a stable format)."),
        click.option(
            "--weekday", type=click.Choice(WEEKDAYS), help="Day of a weekly digest (mon)."
        ),
        click.option("--at", "digest_at", metavar="HH:MM", help="Time of the digest (08:00)."),
        click.option(
            "--digest",
            type=click.Choice(("daily", "weekly")),
            help="One message per day or week with everything since the last one.",
        ),
        click.option(
            "--events",
            default="due",
            show_default=True,
            callback=_events,
            help="What to send: due (reminders), new (new items, changed due dates, "
            "changes pending review), or due,new.",
        ),
        click.option("--status", type=click.Choice(STATUSES), help="Only items in this status."),
        click.option("--actor", metavar="NAME", help="Only items of this actor."),
    ]
    for option in options:
        func = option(func)
    return func


def _subscription(opts: dict[str, Any]) -> Subscription:
    from tracker.services.channels import Subscription

    return Subscription(
        events=opts["events"], digest=opts["digest"], at=opts["digest_at"], weekday=opts["weekday"]
    )


def _channel_json(row: ChannelRow) -> dict[str, Any]:
    return row.model_dump(mode="json")


def _print_added(added: AddedChannel, *, as_json: bool) -> None:
    from tracker.cli.jsonout import print_json

    row = added.channel
    if as_json:
        data = {"channel": _channel_json(row), "generated_secret": added.generated_secret}
        print_json("channel add", data)
        return
    click.echo(f"channel {row.id}: {row.kind} {row.target} ({_mode(row)})")
    if added.generated_secret:
        click.echo(f"signing secret (shown only now): {added.generated_secret}")


def _mode(row: ChannelRow) -> str:
    events = ",".join(row.events)
    if row.digest is None:
        return events
    day = f" on {WEEKDAYS[row.digest_weekday or 0]}" if row.digest == "weekly" else ""
    return f"{events}, {row.digest} digest{day} at {row.digest_time}"


@click.group("channel")
def channel_group() -> None:
    """Manage reminder channels.

    \b
    Example:
      tracker channel add email ops@example.org --actor "European Commission"
      tracker channel list
    """


@channel_group.group("add")
def add_group() -> None:
    """Add a channel (email or webhook).

    \b
    Example:
      tracker channel add webhook https://hooks.example.org/tracker
    """


@add_group.command("email")
@click.argument("address")
@_filter_options
@click.pass_obj
def add_email_cmd(
    app: AppContext, /, address: str, actor: str | None, status: str | None, **opts: Any
) -> None:
    """Send reminders (and with --events new, item events) by email to ADDRESS.

    SMTP settings come from TRACKER_SMTP_*.

    \b
    Example:
      tracker channel add email ops@example.org --status open
      tracker channel add email desk@example.org --events due,new --digest daily --at 08:00
    """
    from tracker.services.channels import add_channel

    added = add_channel(
        app.open_engine(create=True),
        app.settings,
        app.clock,
        kind="email",
        target=address,
        actor=actor,
        status=status,
        subscription=_subscription(opts),
    )
    _print_added(added, as_json=opts["as_json"])


@add_group.command("webhook")
@click.argument("url")
@click.option("--secret", metavar="whsec_...", help="Signing secret (generated if not given).")
@_filter_options
@click.pass_obj
def add_webhook_cmd(
    app: AppContext,
    /,
    url: str,
    secret: str | None,
    actor: str | None,
    status: str | None,
    **opts: Any,
) -> None:
    """POST reminders (and with --events new, item events) to URL, signed per Standard Webhooks.

    \b
    Example:
      tracker channel add webhook https://hooks.example.org/tracker --events due,new
    """
    from tracker.services.channels import add_channel

    added = add_channel(
        app.open_engine(create=True),
        app.settings,
        app.clock,
        kind="webhook",
        target=url,
        secret=secret,
        actor=actor,
        status=status,
        subscription=_subscription(opts),
    )
    _print_added(added, as_json=opts["as_json"])


@channel_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (a stable format).")
@click.pass_obj
def list_cmd(app: AppContext, as_json: bool) -> None:
    """List channels (secrets are never shown).

    \b
    Example:
      tracker channel list --json
    """
    from tracker.cli.jsonout import print_json
    from tracker.cli.output import print_rows
    from tracker.cli.params import output_format
    from tracker.services.channels import list_channels

    rows = list_channels(app.engine)
    if as_json:
        print_json("channel list", {"channels": [_channel_json(r) for r in rows]})
        return
    if not rows:
        click.echo("no channels (add one with `tracker channel add email|webhook TARGET`)")
        return
    cells = []
    for r in rows:
        filters = ", ".join(f for f in (r.filter_actor, r.filter_status) if f)
        active = "yes" if r.is_active else f"no: {r.disabled_reason or ''}"
        cells.append([str(r.id), r.kind, r.target, _mode(r), filters, active])
    headers = ["ID", "Kind", "Target", "Sends", "Filter", "Active"]
    print_rows(headers, cells, output=output_format(None, False))


@channel_group.command("enable")
@click.argument("channel_id", type=click.IntRange(min=1), metavar="ID")
@click.pass_obj
def enable_cmd(app: AppContext, channel_id: int) -> None:
    """Enable a disabled channel again (e.g. after its endpoint answered 410).

    Reminders still ahead are planned for it again; what was due meanwhile is not sent.

    \b
    Example:
      tracker channel enable 2
    """
    from tracker.services.channels import enable_channel

    row = enable_channel(app.engine, app.settings, app.clock, channel_id)
    click.echo(f"enabled channel {row.id}: {row.kind} {row.target}")


@channel_group.command("disable")
@click.argument("channel_id", type=click.IntRange(min=1), metavar="ID")
@click.pass_obj
def disable_cmd(app: AppContext, channel_id: int) -> None:
    """Stop sending to a channel until `channel enable` (its waiting messages are dropped).

    \b
    Example:
      tracker channel disable 2
    """
    from tracker.services.channels import disable_channel

    row = disable_channel(app.engine, app.clock, channel_id)
    click.echo(f"disabled channel {row.id}: {row.kind} {row.target}")


@channel_group.command("remove")
@click.argument("channel_id", type=click.IntRange(min=1), metavar="ID")
@click.pass_obj
def remove_cmd(app: AppContext, channel_id: int) -> None:
    """Remove a channel and its reminders.

    \b
    Example:
      tracker channel remove 2
    """
    from tracker.services.channels import remove_channel

    row = remove_channel(app.engine, channel_id)
    click.echo(f"removed channel {row.id}: {row.kind} {row.target}")
