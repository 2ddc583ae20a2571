"""`tracker channel`: where reminders go (email addresses, webhook URLs)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from tracker.cli.context import AppContext

if TYPE_CHECKING:
    from tracker.services.channels import AddedChannel
    from tracker.store.outbox import ChannelRow

STATUSES = ("open", "met", "missed", "extended", "cancelled")


def _filter_options(func: Any) -> Any:
    func = click.option("--status", type=click.Choice(STATUSES), help="Only items in this status.")(
        func
    )
    return click.option("--actor", metavar="NAME", help="Only items of this actor.")(func)


def _channel_json(row: ChannelRow) -> dict[str, Any]:
    return row.model_dump(mode="json")


def _print_added(added: AddedChannel) -> None:
    row = added.channel
    click.echo(f"channel {row.id}: {row.kind} {row.target}")
    if added.generated_secret:
        click.echo(f"signing secret (shown only now): {added.generated_secret}")


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
def add_email_cmd(app: AppContext, address: str, actor: str | None, status: str | None) -> None:
    """Send reminders by email to ADDRESS (SMTP from TRACKER_SMTP_*).

    \b
    Example:
      tracker channel add email ops@example.org --status open
    """
    from tracker.services.channels import add_channel

    _print_added(
        add_channel(
            app.open_engine(create=True),
            app.settings,
            app.clock,
            kind="email",
            target=address,
            actor=actor,
            status=status,
        )
    )


@add_group.command("webhook")
@click.argument("url")
@click.option("--secret", metavar="whsec_...", help="Signing secret (generated if not given).")
@_filter_options
@click.pass_obj
def add_webhook_cmd(
    app: AppContext, url: str, secret: str | None, actor: str | None, status: str | None
) -> None:
    """POST reminders to URL, signed per Standard Webhooks.

    \b
    Example:
      tracker channel add webhook https://hooks.example.org/tracker
    """
    from tracker.services.channels import add_channel

    _print_added(
        add_channel(
            app.open_engine(create=True),
            app.settings,
            app.clock,
            kind="webhook",
            target=url,
            secret=secret,
            actor=actor,
            status=status,
        )
    )


@channel_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (a stable format).")
@click.pass_obj
def list_cmd(app: AppContext, as_json: bool) -> None:
    """List channels (secrets are never shown).

    \b
    Example:
      tracker channel list --json
    """
    from rich.table import Table

    from tracker.cli.jsonout import print_json
    from tracker.cli.render import console
    from tracker.services.channels import list_channels

    rows = list_channels(app.engine)
    if as_json:
        print_json("channel list", {"channels": [_channel_json(r) for r in rows]})
        return
    table = Table(title_justify="left")
    for name in ("ID", "Kind", "Target", "Filter", "Active"):
        table.add_column(name, overflow="fold")
    for r in rows:
        filters = ", ".join(f for f in (r.filter_actor, r.filter_status) if f)
        active = "yes" if r.is_active else f"no: {r.disabled_reason or ''}"
        table.add_row(str(r.id), r.kind, r.target, filters, active)
    console().print(table)


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
