"""Commands that read mail: ``parse``, ``run`` and ``check-config``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from intake.cli.options import command_config, config_option, fails_cleanly, verbose_option
from intake.errors import MessageError


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the fixed JSON object.")
@verbose_option
def parse(file: Path, as_json: bool) -> None:
    """Read one .eml file and show what it asks for, without a database.

    Exit status 2 when FILE cannot be read or is not an email.

    \b
    Example:
      intake parse request.eml --json
    """
    from intake.pipeline.triage import triage, triage_json
    from intake.reading.headers import require_email
    from intake.reading.robots import GuardContext

    try:
        raw = sys.stdin.buffer.read() if str(file) == "-" else file.read_bytes()
        require_email(raw)
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


@click.command()
@config_option
@click.option("--once", is_flag=True, help="One cycle and one outbox flush, then exit.")
@verbose_option
@fails_cleanly
def run(config_file: Path | None, once: bool) -> None:
    """Read the support mailbox, store cases and send replies.

    Without --once: the daemon, polling until SIGTERM; SIGHUP reloads the config.

    \b
    Examples:
      intake run --config config.toml --once
      intake run --config /etc/intake/config.toml
    """
    config = command_config(config_file)
    if once:
        from intake.service.runner import run_once

        click.echo(json.dumps(run_once(config).as_dict()))
        return
    from intake.service.daemon import run_daemon

    run_daemon(config)


@click.command("check-config")
@config_option
@click.option("--create-folders", is_flag=True, help="Create missing mail folders (nothing else).")
@click.option(
    "--credentials-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Read relative secret files from DIR, as the service does from $CREDENTIALS_DIRECTORY.",
)
@verbose_option
@fails_cleanly
def check_config(
    config_file: Path | None, create_folders: bool, credentials_dir: Path | None
) -> None:
    """Validate the configuration and try the database, mailbox and mail server.

    Creates no file, folder or database (except folders with --create-folders).
    Exit status 1 when any check fails.

    \b
    Examples:
      intake check-config --config /etc/intake/config.toml
      intake check-config --config config.toml --create-folders
    """
    import os

    from intake.service.checks import check_all

    if credentials_dir is not None:
        os.environ["CREDENTIALS_DIRECTORY"] = str(credentials_dir.resolve())
    config = command_config(config_file)
    failures = 0
    for name, problem in check_all(config, create_folders=create_folders):
        failures += problem is not None
        click.echo(f"{'FAIL' if problem else 'ok  '} {name}{': ' + problem if problem else ''}")
    if failures:
        sys.exit(1)
