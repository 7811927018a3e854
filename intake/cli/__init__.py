"""The ``intake`` command line: click only; each command calls one function of the package."""

from __future__ import annotations

import click

from intake import __version__
from intake.cli.admin import backup, demo, init, purge, report, status
from intake.cli.cases import cases
from intake.cli.mail import check_config, parse, run
from intake.cli.options import set_up_logging, verbose_option
from intake.cli.staff import audit, staff, web


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="intake")
@verbose_option
def main() -> None:
    """Recovery Intake: turns a support mailbox into an account-recovery desk.

    \b
    Examples:
      intake demo --dir demo
      intake parse request.eml --json
      intake run --config /etc/intake/config.toml --once
      intake status --config /etc/intake/config.toml
      intake cases list --config config.toml --status ready_for_review
    """
    set_up_logging()


for command in (
    parse,
    run,
    check_config,
    cases,
    status,
    backup,
    purge,
    init,
    demo,
    staff,
    audit,
    web,
    report,
):
    main.add_command(command)

__all__ = ["main"]
