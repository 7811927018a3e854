"""Commands for the people who run the service: status, backup, purge, init, demo."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from intake.cli.options import (
    command_config,
    config_option,
    echo_json,
    fails_cleanly,
    verbose_option,
)
from intake.storage import open_store

if TYPE_CHECKING:
    from intake.service.health import Health


@click.command()
@config_option
@click.option("--json", "as_json", is_flag=True, help="All figures as one JSON object.")
@verbose_option
@fails_cleanly
def status(config_file: Path | None, as_json: bool) -> None:
    """Say how the service is doing; exit 1 when it needs attention (for monitors).

    Exit 1 when the last successful poll is older than three poll intervals, the
    mailbox is down, or replies are failing or waiting for a retry.

    \b
    Examples:
      intake status --config /etc/intake/config.toml
      intake status --config /etc/intake/config.toml --json
    """
    from intake.service.health import read_health

    config = command_config(config_file)
    with open_store(config) as store:
        health = read_health(store, config)
    if as_json:
        echo_json(health.as_dict())
    else:
        click.echo(_status_text(health))
    if health.problems:
        sys.exit(1)


def _status_text(h: Health) -> str:
    age = h.last_poll_age_seconds
    oldest = h.oldest_ready_for_review
    read = f" ({age}s ago, {h.read_at_last_poll} messages read)" if age is not None else ""
    lines = [
        "problem" if h.problems else "ok",
        *(f"  problem: {problem}" for problem in h.problems),
        f"last successful poll: {h.last_poll_ok_at or 'never'}{read}",
        f"mailbox: {_up_or_down(h.mailbox_down_since, h.mailbox_error)}",
        f"outgoing mail: {_up_or_down(h.outbox_down_since, h.outbox_error)}",
        f"replies: {h.replies_pending} pending, {h.replies_retrying} retrying, "
        f"{h.replies_failed_last_day} failed in the last day",
        f"quarantined mail: {h.quarantined}; robot mail stored: {h.robot_mail_stored}",
        "cases: " + (", ".join(f"{k} {v}" for k, v in h.cases_by_status.items()) or "none"),
        "oldest ready for review: "
        + (f"{oldest['token']} since {oldest['created_at']}" if oldest else "none"),
        f"schema version: {h.schema_version}",
    ]
    return "\n".join(lines)


def _up_or_down(since: str | None, error: str | None) -> str:
    return f"down since {since}: {error}" if since else "up"


@click.command()
@config_option
@click.argument("destination", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace DESTINATION if it exists.")
@verbose_option
@fails_cleanly
def backup(config_file: Path | None, destination: Path, force: bool) -> None:
    """Copy the case database to DESTINATION (mode 0600) while intake keeps running.

    \b
    Example:
      intake backup --config /etc/intake/config.toml /var/backups/intake.db
    """
    from intake.storage import backup_database

    with open_store(command_config(config_file)) as store:
        backup_database(store, destination, force=force)
    click.echo(f"backed up to {destination}")


@click.command()
@config_option
@click.option("--dry-run", is_flag=True, help="Only count what would be removed.")
@verbose_option
@fails_cleanly
def purge(config_file: Path | None, dry_run: bool) -> None:
    """Remove the text of cases decided longer ago than [retention] days.

    Bodies, evidence lines, note texts and outgoing mail bytes go; the case row, its
    status history and the counts stay. The daemon runs this daily.

    \b
    Examples:
      intake purge --config /etc/intake/config.toml --dry-run
      intake purge --config /etc/intake/config.toml
    """
    from intake.cases.retention import purge_expired

    config = command_config(config_file)
    with open_store(config) as store:
        result = purge_expired(store, config.retention.days, dry_run=dry_run)
    verb = "would purge" if dry_run else "purged"
    click.echo(
        f"{verb} {result.cases} case(s) decided more than {config.retention.days} days ago: "
        f"{result.messages} message(s), {result.outbox} outgoing mail(s)"
        if config.retention.days
        else "retention.days = 0: everything is kept"
    )


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace files that exist.")
@fails_cleanly
def init(directory: Path, force: bool) -> None:
    """Write config.toml, intake.service and intake-web.service into DIRECTORY.

    \b
    Example:
      intake init /tmp/intake-setup
    """
    from intake.service.installation import write_install_files

    for path in write_install_files(directory, force=force):
        click.echo(f"wrote {path}")
    click.echo(
        "next: edit config.toml, copy it to /etc/intake/, copy the units to "
        "/etc/systemd/system/, then: intake check-config --config /etc/intake/config.toml"
    )


@click.command()
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

    logging.getLogger("intake").setLevel(logging.WARNING)  # the demo prints what happens
    run_demo(directory or Path(tempfile.mkdtemp(prefix="intake-demo-")), click.echo)


@click.command()
@config_option
@click.option("--since", metavar="DATE", default="", help="Only cases opened on or after DATE.")
@click.option("--json", "as_json", is_flag=True, help="The figures as JSON.")
@click.option("--prometheus", "as_prometheus", is_flag=True, help="Prometheus text format.")
@verbose_option
@fails_cleanly
def report(config_file: Path | None, since: str, as_json: bool, as_prometheus: bool) -> None:
    """Requests, statuses, and the times to first reply, to review and to a decision.

    \\b
    Examples:
      intake report --config /etc/intake/config.toml --since 2026-01-01
      intake report --config /etc/intake/config.toml --prometheus
    """
    from intake.cases.report import build_report, prometheus

    with open_store(command_config(config_file)) as store:
        figures = build_report(store, since)
    if as_json:
        echo_json(figures)
    elif as_prometheus:
        click.echo(prometheus(figures), nl=False)
    else:
        click.echo(_report_text(figures))


def _report_text(figures: dict[str, Any]) -> str:
    lines = [
        f"requests received: {figures['requests_received']}"
        + (f" since {figures['since']}" if figures["since"] else ""),
        "cases: " + ", ".join(f"{k} {v}" for k, v in figures["cases_by_status"].items() if v),
    ]
    for key, title in (
        ("time_to_first_reply", "first reply"),
        ("time_to_ready_for_review", "ready for review"),
        ("time_to_decision", "decision"),
    ):
        spread = figures[key]
        if spread["count"]:
            lines.append(
                f"time to {title}: median {_duration(spread['median'])}, "
                f"p90 {_duration(spread['p90'])} ({spread['count']} cases)"
            )
    share = figures["share_closed_no_response"]
    if share is not None:
        lines.append(f"closed for no response: {share:.0%} of decided cases")
    lines.append(f"branch proofs verified: {figures['proofs_verified']}")
    return "\n".join(lines)


def _duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f}s"
    if seconds < 7200:
        return f"{seconds / 60:.0f}min"
    if seconds < 172800:
        return f"{seconds / 3600:.1f}h"
    return f"{seconds / 86400:.1f}d"
