"""`tracker run`: the long-running worker that fetches watched sources and sends reminders."""

from __future__ import annotations

import logging
import threading
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import click

from tracker.cli.context import AppContext

if TYPE_CHECKING:
    from tracker.services.watch import WatchReport

logger = logging.getLogger("tracker.worker")


def worker_options(func: Any) -> Any:
    """The options of `tracker run` (and of its old name, `tracker remind run`)."""
    options = [
        click.option(
            "--interval",
            default=30.0,
            show_default=True,
            type=click.FloatRange(min=0.05),
            help="Seconds between two reminder dispatch ticks.",
        ),
        click.option(
            "--fetch-interval",
            default=60.0,
            show_default=True,
            type=click.FloatRange(min=0.05),
            help="Seconds between two looks for sources due to be fetched.",
        ),
        click.option(
            "--lease",
            default=300.0,
            show_default=True,
            type=click.FloatRange(min=1),
            help="Seconds a reminder claim stays valid before another worker may take it over.",
        ),
        click.option(
            "--concurrency",
            default=1,
            show_default=True,
            type=click.IntRange(1, 64),
            help="Deliveries in flight at once (a crash may repeat up to this many).",
        ),
        click.option(
            "--fetch-concurrency",
            default=4,
            show_default=True,
            type=click.IntRange(1, 32),
            help="Sources fetched at once (each host is still asked at most once a second).",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _log_report(report: WatchReport) -> None:
    for s in report.sources:
        if s.state in ("failed", "gave up"):
            continue  # logged with its error where it happened
        logger.info(
            "source %s %s: %s new documents, %s repeated, %s skipped",
            s.source_id,
            s.state,
            len(s.new_documents),
            s.repeated,
            s.skipped,
            extra={"action": "source_fetched", "source_id": s.source_id},
        )


def run_worker(
    app: AppContext,
    *,
    interval: float,
    fetch_interval: float,
    lease: float,
    concurrency: int,
    fetch_concurrency: int,
) -> None:
    """Run until SIGTERM or Ctrl-C; claimed reminders and sources are released on the way out."""
    from tracker.schedule.runner import Job, install_stop_signals, run_jobs
    from tracker.services.dispatch import (
        DispatchPolicy,
        default_worker_id,
        dispatch_due,
        release_worker,
    )
    from tracker.services.sources import build_fetcher
    from tracker.services.watch import WatchPolicy, fetch_due, release_worker_sources

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    # APScheduler logs every tick, and a warning for each tick skipped behind a running one
    # (expected with max_instances=1): our jobs log what they do themselves.
    logging.getLogger("apscheduler").setLevel(logging.ERROR)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    stop, worker = threading.Event(), default_worker_id()
    install_stop_signals(stop)
    engine, settings, clock = app.engine, app.settings, app.clock
    dispatch_policy = DispatchPolicy(lease=timedelta(seconds=lease), concurrency=concurrency)
    watch_policy = WatchPolicy(concurrency=fetch_concurrency)
    fetcher = build_fetcher(settings)  # one pacer and robots cache for the worker's life

    def dispatch() -> None:  # each delivery is logged where it happens
        dispatch_due(engine, settings, clock, worker, policy=dispatch_policy, stop=stop)

    def watch() -> None:
        report = fetch_due(
            engine, settings, clock, worker, fetcher=fetcher, policy=watch_policy, stop=stop
        )
        _log_report(report)

    jobs = [Job("dispatch_due", dispatch, interval), Job("fetch_due", watch, fetch_interval)]
    try:
        run_jobs(jobs, tz=settings.tz, start_at=clock.now(), stop=stop)
    finally:
        fetcher.close()
    reminders = release_worker(engine, clock, worker)
    sources = release_worker_sources(engine, worker)
    click.echo(f"stopped; released {reminders} claimed reminders and {sources} sources")


@click.command("run")
@worker_options
@click.pass_obj
def run_cmd(app: AppContext, /, **options: Any) -> None:
    """Run the worker: fetch watched sources when due, send reminders when due.

    Several workers (on several machines, with PostgreSQL) share the work: a reminder is
    sent by one of them, a source fetched by one of them at a time. Stops on SIGTERM or
    Ctrl-C, releasing what it holds.

    \b
    Example:
      tracker run
      tracker run --interval 30 --fetch-interval 60
    """
    run_worker(app, **options)
