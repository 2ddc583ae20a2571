"""Option types and validators shared by commands."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

LANGS = click.Choice(["de", "en"], case_sensitive=False)


def iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    """Click callback: parse an optional YYYY-MM-DD option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def date_option(*names: str, help: str, required: bool = False) -> Callable[[F], F]:
    """An option holding a YYYY-MM-DD date."""
    return click.option(
        *names, metavar="YYYY-MM-DD", callback=iso_date, required=required, help=help
    )
