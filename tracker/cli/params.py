"""Option types and validators shared by commands."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

LANGS = click.Choice(["de", "en"], case_sensitive=False)
FORMATS = ("table", "plain", "tsv", "json")
DATE_HELP = "YYYY-MM-DD, today, tomorrow, yesterday, or +N/-N days, weeks, months, years (+2w)"
_NAMED = {"today": 0, "tomorrow": 1, "yesterday": -1}
_RELATIVE = re.compile(r"([+-])(\d{1,5})([dwmy])")


def parse_date(text: str, today: Callable[[], date]) -> date:
    """Read an ISO date, a day's name, or an offset from today (`+2w`, `-1m`, `+10d`, `+1y`)."""
    value = text.strip().lower()
    if value in _NAMED:
        return today() + timedelta(days=_NAMED[value])
    relative = _RELATIVE.fullmatch(value)
    if relative:
        sign, number, unit = relative.groups()
        return shift(today(), int(number) * (-1 if sign == "-" else 1), unit)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{text!r} is not a date ({DATE_HELP})") from None


def shift(day: date, count: int, unit: str) -> date:
    """Move `day` by `count` units (d, w, m, y); a month end stays within its month (31 -> 30)."""
    if unit in "dw":
        return day + timedelta(days=count * (7 if unit == "w" else 1))
    months = day.year * 12 + day.month - 1 + count * (12 if unit == "y" else 1)
    year, month = divmod(months, 12)
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month + 1, day=min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


class DateType(click.ParamType):  # type: ignore[type-arg]  # generic only in click >= 8.2
    """A date option: ISO, or relative to today in TRACKER_TIMEZONE."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return parse_date(str(value), lambda: _today(ctx))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


def _today(ctx: click.Context | None) -> date:
    from tracker.cli.context import AppContext

    app = ctx.find_object(AppContext) if ctx is not None else None
    if app is None:  # a command invoked without the group (library use)
        app = AppContext()
    return app.today()


DATE = DateType()


def date_option(*names: str, help: str, required: bool = False) -> Callable[[F], F]:
    """An option holding a date (ISO or relative, see DATE_HELP)."""
    return click.option(*names, type=DATE, metavar="DATE", required=required, help=help)


def output_options(func: F) -> F:
    """`--format` (table on a terminal, plain when piped, tsv, json) and `--json`."""
    func = click.option(
        "--json", "as_json", is_flag=True, help="Print JSON for scripts (same as --format json)."
    )(func)
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        help="table (default on a terminal), plain (default when piped), tsv, or json.",
    )(func)


def output_format(fmt: str | None, as_json: bool) -> str:
    """Resolve the output format: --json, else --format, else by whether stdout is a terminal."""
    if as_json:
        return "json"
    if fmt is not None:
        return fmt
    return "table" if sys.stdout.isatty() else "plain"


def page_options(default_limit: int) -> Callable[[F], F]:
    """`--limit` (0: all) and `--offset`."""

    def decorate(func: F) -> F:
        func = click.option(
            "--offset",
            default=0,
            show_default=True,
            type=click.IntRange(min=0),
            help="Skip this many items first.",
        )(func)
        return click.option(
            "--limit",
            default=default_limit,
            show_default=True,
            type=click.IntRange(min=0),
            help="At most this many items (0: all).",
        )(func)

    return decorate
