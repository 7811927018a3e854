"""A config file that points intake at the throw-away servers (for subprocess runs)."""

from __future__ import annotations

from pathlib import Path

from tests.servers.dovecot import DovecotUser


def write_server_config(
    directory: Path,
    user: DovecotUser,
    smtp_port: int,
    *,
    mailbox: str = "",
    limits: str = "",
    login: str | None = None,
) -> Path:
    """Write ``config.toml`` for IMAP at ``user`` and SMTP on ``smtp_port``; return its path.

    ``mailbox`` and ``limits`` are extra TOML lines for those sections; ``login`` replaces
    the mailbox's ``password`` line.
    """
    if login is None:
        login = f'password = "{user.password}"'
    path = directory / "config.toml"
    path.write_text(
        f"""
[mailbox]
kind = "imap"
host = "{user.host}"
port = {user.port}
security = "none"
username = "{user.user}"
backlog = "answer"
{login}
{mailbox}
[smtp]
kind = "smtp"
host = "127.0.0.1"
port = {smtp_port}
security = "none"
[reply]
from = "Account Recovery <support@pypi-support.example>"
[limits]
{limits}
[database]
path = "intake.db"
"""
    )
    return path
