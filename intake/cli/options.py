"""What every command shares: the config option, -v, JSON output and one-line errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from intake.config import Config, config_path_from, load_config
from intake.config.wording import wording_for
from intake.errors import IntakeError
from intake.logs import configure as configure_logging
from intake.templating import use_wording

F = TypeVar("F", bound=Callable[..., Any])

config_option = click.option(
    "--config",
    "config_file",
    envvar="INTAKE_CONFIG",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Configuration file (TOML). Default: $INTAKE_CONFIG.",
)


def _verbose(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """``-v`` before or after the command name: both turn debug lines on."""
    if value:
        ctx.meta["intake.verbose"] = True
        configure_logging(verbose=True)


def set_up_logging() -> None:
    """Log lines to stderr, verbose when ``-v`` was given before the command name."""
    configure_logging(verbose=bool(click.get_current_context().meta.get("intake.verbose")))


verbose_option = click.option(
    "-v",
    "--verbose",
    is_flag=True,
    expose_value=False,
    callback=_verbose,
    help="Also log intake's debug lines (never bodies, secrets or protocol traffic).",
)


def fails_cleanly(func: F) -> F:
    """Turn IntakeError into one line on stderr and exit status 1."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except IntakeError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def command_config(config_file: Path | None) -> Config:
    """The configuration named by ``--config`` or ``$INTAKE_CONFIG``, its wording in use."""
    config = load_config(config_path_from(str(config_file) if config_file else None))
    use_wording(wording_for(config))
    return config


def echo_json(value: Any) -> None:
    """Print ``value`` as indented JSON (bytes as text)."""
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, default=_json_default))


def _json_default(value: object) -> object:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
