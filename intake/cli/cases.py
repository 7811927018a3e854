"""``intake cases …``: the queue and one case, for staff and for scripts."""

from __future__ import annotations

import csv
import getpass
import io
from pathlib import Path
from typing import Any

import click

from intake.cases.lookup import find_case
from intake.cases.status import STATUSES
from intake.cli.options import (
    command_config,
    config_option,
    echo_json,
    fails_cleanly,
    verbose_option,
)
from intake.errors import IntakeError
from intake.extraction.fields import FLAT_KEYS
from intake.replies.staff_templates import STAFF_TEMPLATES
from intake.storage import open_store


@click.group()
def cases() -> None:
    """Read and update cases (staff)."""


@cases.command("list")
@config_option
@click.option("--status", type=click.Choice(STATUSES), help="Only cases with this status.")
@click.option(
    "--search", metavar="TEXT", help="Username, requester address or token contains TEXT."
)
@click.option(
    "--older-than",
    "older_than",
    type=click.IntRange(min=0),
    metavar="DAYS",
    help="Only cases opened more than DAYS ago.",
)
@click.option("--oldest-first", is_flag=True, help="Oldest case first (default: newest first).")
@click.option("--json", "as_json", is_flag=True, help="JSON array instead of a table.")
@click.option("--csv", "as_csv", is_flag=True, help="CSV with a header row instead of a table.")
@verbose_option
@fails_cleanly
def cases_list(
    config_file: Path | None,
    status: str | None,
    search: str | None,
    older_than: int | None,
    oldest_first: bool,
    as_json: bool,
    as_csv: bool,
) -> None:
    """List cases, newest first, with their age in days.

    \b
    Examples:
      intake cases list --config config.toml --status ready_for_review --oldest-first
      intake cases list --config config.toml --search alice@example.org
      intake cases list --config config.toml --older-than 30 --csv > old.csv
    """
    from intake.cases.queue import QueueFilter, list_cases

    wanted = QueueFilter(status, search, older_than, oldest_first)
    with open_store(command_config(config_file)) as store:
        rows = list_cases(store, wanted)
    if as_json:
        echo_json(rows)
    elif as_csv:
        click.echo(_csv(rows), nl=False)
    else:
        _table(rows)


def _csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    columns = [
        "id",
        "token",
        "status",
        "age_days",
        "username",
        "requester",
        "missing",
        "flags",
        "created_at",
        "updated_at",
    ]
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {**row, "missing": " ".join(row["missing"]), "flags": " ".join(row["flags"])}
        )
    return out.getvalue()


def _table(rows: list[dict[str, Any]]) -> None:
    click.echo(
        f"{'ID':>4}  {'TOKEN':13}  {'STATUS':16}  {'AGE':>4}  {'USERNAME':20}  "
        f"{'REQUESTER':30}  MISSING"
    )
    for row in rows:
        missing = ", ".join(row["missing"]) or "-"
        click.echo(
            f"{row['id']:>4}  {row['token']:13}  {row['status']:16}  {row['age_days']:>3}d  "
            f"{row['username'] or '-':20}  {row['requester']:30}  {missing}"
        )


@cases.command("show")
@click.argument("ref")
@config_option
@click.option("--json", "as_json", is_flag=True, help="The case, its messages and events.")
@verbose_option
@fails_cleanly
def cases_show(ref: str, config_file: Path | None, as_json: bool) -> None:
    """Show one case (REF is the case number or its token).

    \b
    Example:
      intake cases show PR-7K3M9Q2XHD --config config.toml
    """
    from intake.cases.summary import case_detail, render_summary

    with open_store(command_config(config_file)) as store:
        detail = case_detail(store, ref)
    if as_json:
        echo_json(detail)
    else:
        click.echo(render_summary(detail))


def _acting(staff: str | None) -> str:
    """Who does it: ``--as NAME``, else the login name of whoever runs the command."""
    return staff or f"cli:{getpass.getuser()}"


as_option = click.option(
    "--as",
    "staff",
    metavar="NAME",
    help="Staff name recorded for this action (default: cli:$USER).",
)


@cases.command("set-status")
@click.argument("ref")
@click.argument("status", type=click.Choice(STATUSES))
@click.option("--reason", default="", help="Why; kept in the case's history.")
@click.option("--notify", is_flag=True, help="Also send the requester the message for this status.")
@config_option
@as_option
@verbose_option
@fails_cleanly
def cases_set_status(
    ref: str, status: str, reason: str, notify: bool, config_file: Path | None, staff: str | None
) -> None:
    """Move a case to another status, if the process allows that move.

    \b
    Examples:
      intake cases set-status 12 in_review --config config.toml
      intake cases set-status 12 resolved --notify --reason "branch proof checked"
    """
    from intake.cases.actions import set_status

    config = command_config(config_file)
    with open_store(config) as store:
        if notify:
            from intake.replies.staff_replies import reply_to_requester

            if status not in STAFF_TEMPLATES:
                raise IntakeError(f"there is no message for {status}; use intake cases reply")
            before = find_case(store, ref)["status"]
            reply_to_requester(store, config, ref, _acting(staff), template=status)
            if reason:
                from intake.cases.actions import add_note

                add_note(store, ref, reason, _acting(staff))
        else:
            before = set_status(store, ref, status, _acting(staff), reason)
    click.echo(f"case {ref}: {before} -> {status}" + (" (requester notified)" if notify else ""))


@cases.command("reply")
@click.argument("ref")
@click.option(
    "--template",
    type=click.Choice([t.name for t in STAFF_TEMPLATES.values() if t.offered]),
    help="A prepared reply.",
)
@click.option(
    "--text-file",
    type=click.File("r", encoding="utf-8"),
    help="Free text (or text added to the template); - reads stdin.",
)
@config_option
@as_option
@verbose_option
@fails_cleanly
def cases_reply(
    ref: str, template: str | None, text_file: Any, config_file: Path | None, staff: str | None
) -> None:
    """Reply to the requester, threaded into the case; the daemon sends it.

    \b
    Examples:
      intake cases reply 12 --template ask_more_proof --config config.toml
      intake cases reply 12 --text-file answer.txt --config config.toml
    """
    from intake.replies.staff_replies import reply_to_requester

    config = command_config(config_file)
    text = text_file.read() if text_file is not None else ""
    with open_store(config) as store:
        reply = reply_to_requester(store, config, ref, _acting(staff), template=template, text=text)
    click.echo(f"case {ref}: reply to {reply.recipient} queued ({reply.subject})")


@cases.command("set-field")
@click.argument("ref")
@click.argument("field", type=click.Choice(FLAT_KEYS))
@click.argument("value")
@config_option
@as_option
@verbose_option
@fails_cleanly
def cases_set_field(
    ref: str, field: str, value: str, config_file: Path | None, staff: str | None
) -> None:
    """Correct one field of a case ("unknown" clears it); recorded with old and new value.

    \b
    Examples:
      intake cases set-field 12 username alice-dev --config config.toml
      intake cases set-field 12 credentials.email no --config config.toml
    """
    from intake.cases.actions import set_field

    with open_store(command_config(config_file)) as store:
        set_field(store, ref, field, value, _acting(staff))
    click.echo(f"case {ref}: {field} set")


@cases.command("note")
@click.argument("ref")
@click.argument("text")
@config_option
@as_option
@verbose_option
@fails_cleanly
def cases_note(ref: str, text: str, config_file: Path | None, staff: str | None) -> None:
    """Add a staff note to a case.

    \b
    Example:
      intake cases note 12 "Asked for the GitHub link by phone" --config config.toml
    """
    from intake.cases.actions import add_note

    with open_store(command_config(config_file)) as store:
        add_note(store, ref, text, _acting(staff))
    click.echo(f"case {ref}: note added")


@cases.command("hold")
@click.argument("ref")
@click.option("--days", type=click.IntRange(min=1), default=7, show_default=True)
@click.option("--reason", default="", help="Why; kept in the case's history.")
@config_option
@as_option
@verbose_option
@fails_cleanly
def cases_hold(
    ref: str, days: int, reason: str, config_file: Path | None, staff: str | None
) -> None:
    """Put a case on hold (a waiting period); the daemon brings it back for review after.

    \\b
    Example:
      intake cases hold 12 --days 7 --reason "no repository: waiting period" --config F
    """
    from intake.cases.actions import hold

    with open_store(command_config(config_file)) as store:
        until = hold(store, ref, days, _acting(staff), reason)
    click.echo(f"case {ref}: on hold until {until}")


@cases.command("verify")
@click.argument("ref")
@config_option
@click.option("--json", "as_json", is_flag=True, help="The verification pack as JSON.")
@verbose_option
@fails_cleanly
def cases_verify(ref: str, config_file: Path | None, as_json: bool) -> None:
    """Ask the index about the case's account now and show the verification pack.

    \\b
    Example:
      intake cases verify 12 --config config.toml
    """
    from intake.cases.summary import case_detail, render_summary
    from intake.verification import refresh_pack

    config = command_config(config_file)
    if not config.index.api:
        raise IntakeError("no [index] api is configured, so there is nothing to ask")
    with open_store(config) as store:
        pack = refresh_pack(store, config, ref)
        if pack is None:
            raise IntakeError(f"case {ref} names no username yet")
        detail = case_detail(store, ref)
    if as_json:
        echo_json(pack)
    else:
        click.echo(render_summary(detail))


@cases.command("challenge")
@click.argument("ref")
@click.option("--project", required=True, help="A project of the account, from its pack.")
@config_option
@as_option
@verbose_option
@fails_cleanly
def cases_challenge(ref: str, project: str, config_file: Path | None, staff: str | None) -> None:
    """Ask the requester for an empty branch, named after a fresh token, on the repository
    the project's releases name; the daemon looks for it hourly and on each reply.

    \\b
    Example:
      intake cases challenge 12 --project fastcsv --config config.toml
    """
    from intake.verification import challenge

    config = command_config(config_file)
    with open_store(config) as store:
        proof = challenge(store, config, ref, project, _acting(staff))
    click.echo(
        f"case {ref}: asked for branch {proof['branch']} on {proof['repository']} "
        f"until {proof['expires_at']}"
    )
