"""`tracker source`: watched feeds, article pages and sitemaps."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING, Any

import click

from tracker.cli.context import AppContext
from tracker.cli.params import LANGS
from tracker.errors import InputError

if TYPE_CHECKING:
    from tracker.services.watch import WatchReport
    from tracker.services.watch_fetch import SourceOutcome
    from tracker.store.sources import SourceRow

_UNITS = ((86400 * 7, "w"), (86400, "d"), (3600, "h"), (60, "m"), (1, "s"))


def every_text(seconds: int) -> str:
    """30m, 2h, 1d: the largest unit that divides the interval."""
    return next(f"{seconds // size}{unit}" for size, unit in _UNITS if seconds % size == 0)


@click.group("source")
def source_group() -> None:
    """Watch feeds, article pages and sitemaps; the worker (`tracker run`) fetches them.

    \b
    Example:
      tracker source add https://example.org/press/rss.xml --every 30m --lang de
      tracker source list
    """


@source_group.command("add")
@click.argument("url")
@click.option("--name", "-n", metavar="NAME", help="A label (default: the feed's title).")
@click.option("--every", metavar="DURATION", help="How often to fetch: 30m, 2h, 1d.")
@click.option("--lang", type=LANGS, help="Language of the documents (default: detected).")
@click.option(
    "--backfill",
    default=20,
    show_default=True,
    type=click.IntRange(0, 1000),
    help="On the first fetch, ingest only this many of the newest entries.",
)
@click.option("--no-fetch", is_flag=True, help="Only add it; the worker fetches it later.")
@click.pass_obj
def add_cmd(
    app: AppContext,
    url: str,
    name: str | None,
    every: str | None,
    lang: str | None,
    backfill: int,
    no_fetch: bool,
) -> None:
    """Watch URL (RSS/Atom feed, article page or sitemap) and fetch it once now.

    Private and loopback addresses are refused unless TRACKER_ALLOW_PRIVATE_ADDRESSES=true.

    \b
    Example:
      tracker source add https://www.example.org/feed.xml --name "Press room" --backfill 5
    """
    from tracker.services.sources import add_source, parse_interval

    interval = parse_interval(every) if every else None
    row = add_source(
        app.open_engine(create=True),
        app.settings,
        app.clock,
        url,
        name=name,
        every=interval,
        lang=lang.lower() if lang else None,
        backfill=backfill,
    )
    click.echo(f"source {row.id}: {row.url} every {every_text(row.interval_seconds)}")
    if not app.settings.contact:
        click.echo(
            "note: set TRACKER_CONTACT (an email address or URL) so site owners can reach you",
            err=True,
        )
    if not no_fetch:
        _fetch_and_print(app, row.id)


@source_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (a stable format).")
@click.pass_obj
def list_cmd(app: AppContext, as_json: bool) -> None:
    """List sources: last fetch, last new document, next fetch, error state.

    \b
    Example:
      tracker source list --json
    """
    from tracker.cli.jsonout import print_json
    from tracker.cli.output import print_rows
    from tracker.cli.params import output_format
    from tracker.services.sources import list_sources

    rows = list_sources(app.engine)
    if as_json:
        print_json("source list", {"sources": [source_json(r) for r in rows]})
    elif not rows:
        click.echo("no sources (add one with `tracker source add URL`)")
    else:
        print_rows(_SOURCE_HEADERS, _cells(rows, app), output=output_format(None, False))
        for line in _errors(rows, app):
            click.echo(line)


def source_json(row: SourceRow) -> dict[str, Any]:
    return row.model_dump(mode="json", exclude={"claimed_by", "lease_until"}) | {"state": row.state}


def _when(value: datetime | None, app: AppContext, *, short: bool = False) -> str:
    if value is None:
        return "-"
    local = value.astimezone(app.settings.tz)
    today = app.clock.now().astimezone(app.settings.tz).date()
    if short and local.date() == today:
        return f"{local:%H:%M}"  # today, as `ls -l` shows recent times
    if short and local.year == today.year:
        return f"{local:%m-%d %H:%M}"
    return f"{local:%Y-%m-%d %H:%M}"


_SOURCE_HEADERS = ["ID", "Name", "Kind", "Every", "Fetched", "New doc", "Next", "Docs", "State"]


def _cells(rows: list[SourceRow], app: AppContext) -> list[list[str]]:
    cells = []
    for r in rows:
        next_fetch = (
            "-" if r.state in ("paused", "gave up") else _when(r.next_fetch_at, app, short=True)
        )
        state = f"{r.state} ({r.failures}x)" if r.failures else r.state
        cells.append(
            [
                str(r.id),
                r.name or r.url,
                r.kind,
                every_text(r.interval_seconds),
                _when(r.last_fetch_at, app, short=True),
                _when(r.last_new_at, app, short=True),
                next_fetch,
                str(r.documents),
                state,
            ]
        )
    return cells


def _errors(rows: list[SourceRow], app: AppContext) -> list[str]:
    """One line per failing source: since when, and the last error."""
    return [
        f"source {r.id} {r.state} since {_when(r.failing_since, app)}: {r.last_error}"
        for r in rows
        if r.last_error and r.state in ("failing", "gave up")
    ]


def _change(action: str) -> Any:
    @click.argument("source_id", type=click.IntRange(min=1), metavar="ID")
    @click.pass_obj
    def command(app: AppContext, source_id: int) -> None:
        from tracker.services import sources

        if action == "remove":
            row = sources.remove_source(app.engine, source_id)
            click.echo(f"removed source {row.id}: {row.url} (its documents stay)")
            return
        change = sources.pause_source if action == "pause" else sources.resume_source
        row = change(app.engine, app.clock, source_id)
        click.echo(f"source {row.id} {row.state}: {row.url}")

    return command


_HELP = {
    "pause": "Stop fetching a source until it is resumed.",
    "resume": "Fetch a paused (or given up) source again, starting now.",
    "remove": "Stop watching a source; the documents it brought in stay.",
}
for _action, _help in _HELP.items():
    source_group.command(_action, help=f"{_help}\n\n\b\nExample:\n  tracker source {_action} 3")(
        _change(_action)
    )


@source_group.command("fetch")
@click.argument("source_id", type=click.IntRange(min=1), metavar="[ID]", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print what came in as JSON.")
@click.pass_obj
def fetch_cmd(app: AppContext, source_id: int | None, as_json: bool) -> None:
    """Fetch one source (or every active one) now and print what came in.

    Exits with status 1 when a fetch failed.

    \b
    Example:
      tracker source fetch 3
    """
    _fetch_and_print(app, source_id, as_json=as_json)


def _fetch_and_print(app: AppContext, source_id: int | None, *, as_json: bool = False) -> None:
    from tracker.cli.jsonout import print_json
    from tracker.services.dispatch import default_worker_id
    from tracker.services.watch import fetch_now

    # What the worker logs, this command prints: keep the log quiet (no last-resort stderr).
    logging.getLogger("tracker").addHandler(logging.NullHandler())
    report = fetch_now(
        app.engine, app.settings, app.clock, default_worker_id(), source_id=source_id
    )
    if as_json:
        print_json("source fetch", report.as_dict())
    else:
        _print_report(report, app)
    if report.failed:
        raise InputError(f"{len(report.failed)} of {len(report.sources)} sources failed")


def _print_report(report: WatchReport, app: AppContext) -> None:
    if not report.sources:
        click.echo("no active sources")
    for s in report.sources:
        click.echo(_summary(s, app))
        for d in s.documents:
            label = "new" if d.state == "new" else f"v{d.version}" if d.state == "version" else "="
            items = f"items: {d.items_new} new, {d.items_merged} merged"
            click.echo(f"  {label:>3} {d.title or '(untitled)'} <{d.url}> ({items})")
        for f in s.entry_failures:
            click.echo(f"  err {f.url}: {f.error}{' (retried later)' if f.will_retry else ''}")


def _summary(s: SourceOutcome, app: AppContext) -> str:
    head = f"source {s.source_id} ({s.name or s.url})"
    if s.state in ("failed", "gave up", "busy"):
        retry = f"; next try {_when(s.next_fetch_at, app)}" if s.next_fetch_at else ""
        return f"{head}: {s.state}: {s.error}{retry}"
    if s.state == "not modified":
        return f"{head}: not modified"
    versions = sum(d.state == "version" for d in s.documents)
    parts = [
        f"{sum(d.state == 'new' for d in s.documents)} new",
        f"{versions} new versions" if versions else "",
        f"{s.repeated} seen before",
        f"{s.skipped} older than the backfill" if s.skipped else "",
        f"{s.deferred} left for the next fetch" if s.deferred else "",
        f"{len(s.entry_failures)} failed" if s.entry_failures else "",
    ]
    return f"{head}: {s.kind}, " + ", ".join(p for p in parts if p)
