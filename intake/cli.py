"""The ``intake`` command line (click only; the work happens in the modules it calls)."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from intake import __version__
from intake.cases.status import STATUSES
from intake.cases.summary import case_detail, render_summary
from intake.config import Config, config_path_from, load_config
from intake.errors import IntakeError, MessageError
from intake.logs import configure as configure_logging
from intake.pipeline.triage import triage, triage_json
from intake.reading.robots import GuardContext
from intake.service.runner import run_once
from intake.storage import backup_database, open_store

F = TypeVar("F", bound=Callable[..., Any])
CONFIG_OPTION = click.option(
    "--config",
    "config_file",
    envvar="INTAKE_CONFIG",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Configuration file (TOML). Default: $INTAKE_CONFIG.",
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


def _config(config_file: Path | None) -> Config:
    return load_config(config_path_from(str(config_file) if config_file else None))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="intake")
@click.option("-v", "--verbose", is_flag=True, help="Log debug detail to stderr.")
def main(verbose: bool) -> None:
    """Recovery Intake: turns a support mailbox into an account-recovery desk.

    \b
    Examples:
      intake demo --dir demo
      intake parse request.eml --json
      intake run --config /etc/intake/config.toml --once
      intake cases list --config config.toml --status ready_for_review
    """
    configure_logging(verbose=verbose)


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the fixed JSON object.")
def parse(file: Path, as_json: bool) -> None:
    """Read one .eml file and show what it asks for, without a database.

    \b
    Example:
      intake parse request.eml --json
    """
    try:
        raw = sys.stdin.buffer.read() if str(file) == "-" else file.read_bytes()
        result = triage_json(triage(raw, GuardContext(frozenset(), "")))
    except OSError as exc:
        click.echo(f"error: cannot read {file}: {exc.strerror}", err=True)
        sys.exit(2)
    except MessageError as exc:
        click.echo(f"error: {file}: {exc}", err=True)
        sys.exit(2)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    click.echo(f"From: {result['from']}\nSubject: {result['subject']}")
    click.echo(f"Reply: {result['reply']}   Missing: {', '.join(result['missing']) or 'nothing'}")
    for key, line in result["evidence"].items():
        click.echo(f"  {key}: {line}")


@main.command()
@CONFIG_OPTION
@click.option("--once", is_flag=True, help="One cycle and one outbox flush, then exit.")
@fails_cleanly
def run(config_file: Path | None, once: bool) -> None:
    """Read the support mailbox, store cases and send replies.

    \b
    Examples:
      intake run --config config.toml --once
      intake run --config /etc/intake/config.toml
    """
    config = _config(config_file)
    if once:
        summary = run_once(config)
        click.echo(json.dumps(summary.as_dict()))
        return
    from intake.service.daemon import run_daemon

    run_daemon(config)


@main.command("check-config")
@CONFIG_OPTION
@fails_cleanly
def check_config(config_file: Path | None) -> None:
    """Validate the configuration and try the mailbox and the mail server.

    \b
    Example:
      intake check-config --config /etc/intake/config.toml
    """
    from intake.service.checks import check_all

    config = _config(config_file)
    failures = 0
    for name, problem in check_all(config):
        failures += problem is not None
        click.echo(f"{'FAIL' if problem else 'ok  '} {name}{': ' + problem if problem else ''}")
    if failures:
        sys.exit(1)


@main.command()
@CONFIG_OPTION
@click.argument("destination", type=click.Path(dir_okay=False, path_type=Path))
@fails_cleanly
def backup(config_file: Path | None, destination: Path) -> None:
    """Copy the case database to DESTINATION while intake keeps running.

    \b
    Example:
      intake backup --config /etc/intake/config.toml /var/backups/intake.db
    """
    with open_store(_config(config_file)) as store:
        backup_database(store, destination)
    click.echo(f"backed up to {destination}")


@main.command()
@click.option(
    "--dir",
    "directory",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Workspace folder (default: a new temporary folder).",
)
@fails_cleanly
def demo(directory: Path | None) -> None:
    """Run the whole job on local folders: samples in, replies out, cases shown.

    \b
    Example:
      intake demo --dir demo
    """
    import tempfile

    from intake.demo import run_demo

    logging.getLogger().setLevel(logging.WARNING)  # the demo prints what happens itself
    run_demo(directory or Path(tempfile.mkdtemp(prefix="intake-demo-")), click.echo)


@main.group()
def cases() -> None:
    """Read and update cases (staff)."""


@cases.command("list")
@CONFIG_OPTION
@click.option("--status", type=click.Choice(STATUSES), help="Only cases with this status.")
@click.option("--json", "as_json", is_flag=True, help="JSON array instead of a table.")
@fails_cleanly
def cases_list(config_file: Path | None, status: str | None, as_json: bool) -> None:
    """List cases, newest first.

    \b
    Example:
      intake cases list --config config.toml --status ready_for_review
    """
    with open_store(_config(config_file)) as store:
        sql = "SELECT id, token, status, requester, username, missing, updated_at FROM cases"
        rows = store.rows(
            sql + (" WHERE status = ?" if status else "") + " ORDER BY updated_at DESC, id DESC",
            (status,) if status else (),
        )
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    click.echo(
        f"{'ID':>4}  {'TOKEN':13}  {'STATUS':16}  {'USERNAME':20}  {'REQUESTER':30}  MISSING"
    )
    for row in rows:
        missing = ", ".join(row["missing"]) or "-"
        click.echo(
            f"{row['id']:>4}  {row['token']:13}  {row['status']:16}  "
            f"{row['username'] or '-':20}  {row['requester']:30}  {missing}"
        )


@cases.command("show")
@click.argument("ref")
@CONFIG_OPTION
@click.option("--json", "as_json", is_flag=True, help="The case, its messages and events.")
@fails_cleanly
def cases_show(ref: str, config_file: Path | None, as_json: bool) -> None:
    """Show one case (ID is the case number or its token).

    \b
    Example:
      intake cases show PR-7K3M9Q2XHD --config config.toml
    """
    with open_store(_config(config_file)) as store:
        detail = case_detail(store, ref)
    if as_json:
        click.echo(json.dumps(detail, ensure_ascii=False, indent=2, default=_json_default))
    else:
        click.echo(render_summary(detail))


@cases.command("set-status")
@click.argument("ref")
@click.argument("status", type=click.Choice(STATUSES))
@CONFIG_OPTION
@fails_cleanly
def cases_set_status(ref: str, status: str, config_file: Path | None) -> None:
    """Move a case to another status (recorded as an event).

    \b
    Example:
      intake cases set-status 12 in_review --config config.toml
    """
    from intake.cases.actions import set_status

    with open_store(_config(config_file)) as store:
        before = set_status(store, ref, status)
    click.echo(f"case {ref}: {before} -> {status}")


@cases.command("note")
@click.argument("ref")
@click.argument("text")
@CONFIG_OPTION
@fails_cleanly
def cases_note(ref: str, text: str, config_file: Path | None) -> None:
    """Add a staff note to a case.

    \b
    Example:
      intake cases note 12 "Asked for the GitHub link by phone" --config config.toml
    """
    from intake.cases.actions import add_note

    with open_store(_config(config_file)) as store:
        add_note(store, ref, text)
    click.echo(f"case {ref}: note added")


def _json_default(value: object) -> object:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
