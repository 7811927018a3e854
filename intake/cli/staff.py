"""``intake staff …`` (desk accounts) and ``intake audit`` (who did what)."""

from __future__ import annotations

from pathlib import Path
from typing import IO

import click

from intake.cli.options import (
    command_config,
    config_option,
    echo_json,
    fails_cleanly,
    verbose_option,
)
from intake.errors import IntakeError
from intake.storage import open_store


@click.group()
def staff() -> None:
    """Manage the staff accounts that sign in to the desk (intake web)."""


@staff.command("add")
@click.argument("name")
@click.option("--email", required=True, help="Where this staff member gets case notifications.")
@click.option(
    "--password-file",
    type=click.File("r", encoding="utf-8"),
    help="Read the password from a file (- for stdin) instead of asking.",
)
@config_option
@verbose_option
@fails_cleanly
def staff_add(
    name: str, email: str, password_file: IO[str] | None, config_file: Path | None
) -> None:
    """Create an account; prints the TOTP enrolment URI once (scan it, then discard it).

    \\b
    Example:
      intake staff add ada --email ada@example.org --config config.toml
    """
    from intake.staff import add_staff

    if password_file is not None:
        password = password_file.readline().rstrip("\\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    with open_store(command_config(config_file)) as store:
        uri = add_staff(store, name, email, password)
    click.echo(
        f"staff member {name} added. Add this to an authenticator app now; it is shown once:"
    )
    click.echo(uri)


@staff.command("list")
@config_option
@click.option("--json", "as_json", is_flag=True, help="JSON array instead of a table.")
@verbose_option
@fails_cleanly
def staff_list(config_file: Path | None, as_json: bool) -> None:
    """List staff accounts (never their secrets)."""
    from intake.staff import list_staff

    with open_store(command_config(config_file)) as store:
        members = list_staff(store)
    if as_json:
        echo_json([{"name": m.name, "email": m.email, "disabled": m.disabled} for m in members])
        return
    for member in members:
        click.echo(
            f"{member.name:20}  {member.email:40}  {'disabled' if member.disabled else 'active'}"
        )


@staff.command("disable")
@click.argument("name")
@config_option
@verbose_option
@fails_cleanly
def staff_disable(name: str, config_file: Path | None) -> None:
    """Disable an account; its desk sessions end at once."""
    from intake.staff import disable_staff

    with open_store(command_config(config_file)) as store:
        disable_staff(store, name)
    click.echo(f"staff member {name} disabled")


@click.command()
@config_option
@click.option("--staff", "name", metavar="NAME", help="Only what NAME did.")
@click.option("--limit", type=click.IntRange(min=1), default=200, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="JSON array instead of lines.")
@verbose_option
@fails_cleanly
def audit(config_file: Path | None, name: str | None, limit: int, as_json: bool) -> None:
    """Show the audit log, newest first: every case view and action on the desk.

    \\b
    Example:
      intake audit --config /etc/intake/config.toml --staff ada
    """
    from intake.staff import read_audit

    with open_store(command_config(config_file)) as store:
        rows = read_audit(store, limit=limit, staff=name)
    if as_json:
        echo_json(rows)
        return
    if not rows and name:
        raise IntakeError(f"no audit entries for {name!r}")
    for row in rows:
        click.echo(
            f"{row['at']}  {row['staff']:16}  {row['action']:12}  {row['token'] or '-':13}  "
            f"{row['detail']}"
        )


@click.command()
@config_option
@click.option("--listen", metavar="HOST:PORT", help="Loopback address to serve on ([web] listen).")
@click.option(
    "--socket",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Serve on a unix socket instead (for a reverse proxy).",
)
@verbose_option
@fails_cleanly
def web(config_file: Path | None, listen: str | None, socket: Path | None) -> None:
    """Run the staff desk: the review queue in a browser, beside the daemon.

    It shares the daemon's database and only writes rows; replies it queues are sent
    by the daemon. Put a TLS reverse proxy in front of it.

    \\b
    Examples:
      intake web --config /etc/intake/config.toml --listen 127.0.0.1:8080
      intake web --config /etc/intake/config.toml --socket /run/intake-web/desk.sock
    """
    from intake.web import serve

    if listen and socket:
        raise IntakeError("give --listen or --socket, not both")
    config = command_config(config_file)
    open_store(config).close()  # a wrong path is one error line, before serving
    serve(config, listen=listen, socket=socket)
