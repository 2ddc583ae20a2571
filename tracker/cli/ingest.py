"""`tracker ingest`: read documents and track what they promise."""

from __future__ import annotations

import sys
from datetime import date

import click

from tracker.cli.context import AppContext
from tracker.cli.jsonout import print_json
from tracker.cli.params import LANGS, date_option
from tracker.cli.render import console
from tracker.services.ingest_batch import BatchReport, ingest_paths


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@date_option("--published", help="Publication date for documents without one.")
@click.option("--lang", type=LANGS, help="Language of the documents (default: detected).")
@click.option("--source", help="Source name to record (default: the file path).")
@click.option("--url", help="Source URL to record.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_obj
def ingest_cmd(
    app: AppContext,
    paths: tuple[str, ...],
    published: date | None,
    lang: str | None,
    source: str | None,
    url: str | None,
    as_json: bool,
) -> None:
    """Ingest files, folders (recursively; .txt .md .html .jsonl) or '-' for stdin.

    Each document is one transaction: a bad one is reported and skipped, the others go in.
    Exit status 1 when any document failed; Ctrl-C stops with status 130, saying what went in.

    \b
    Example:
      tracker ingest seeds/ article.html - < press-release.txt
    """
    err = console(stderr=True)
    report = ingest_paths(
        app.open_engine(create=True),
        app.settings,
        app.clock,
        list(paths),
        stdin=sys.stdin.buffer,
        published=published,
        lang=lang,
        source=source,
        url=url,
        progress=err if err.is_terminal else None,
        on_failure=lambda name, msg: click.echo(f"error: {name}: {msg}", err=True),
    )
    if as_json:
        print_json("ingest", report.as_dict())
    else:
        click.echo(summary_line(report))
    if report.interrupted:
        click.echo(interrupt_line(report), err=True)
        sys.exit(130)  # 128 + SIGINT, as a shell reports a command ended by Ctrl-C
    if report.failed:
        sys.exit(1)


def summary_line(report: BatchReport) -> str:
    return (
        f"documents: {report.new} new, {report.unchanged} unchanged, {report.failed} failed; "
        f"items: {report.items_new} new, {report.items_merged} merged, "
        f"{report.items_changed} changed by follow-ups, {report.changes_pending} changes pending, "
        f"{report.conflicts} conflicts; "
        f"events: {report.events_new} new, {report.events_merged} merged, "
        f"{report.mentions_linked} mentions linked"
        + (f"; {report.warnings} rule warnings (see the log)" if report.warnings else "")
    )


def interrupt_line(report: BatchReport) -> str:
    """Say what an interrupted batch left: what is committed, what is not."""
    committed = report.new + report.unchanged
    line = (
        f"interrupted after {report.files_done} of {report.files} files: {committed} documents"
        " are in (each is its own transaction)"
    )
    if report.rolled_back:
        line += f"; {report.rolled_back} was in progress and is rolled back"
    if report.in_doubt:
        line += f"; whether {report.in_doubt} went in is unknown (the database did not answer)"
    left = report.files - report.files_done
    if left:
        line += f"; {left} files not done (run the same command again: what is in stays as is)"
    return line
