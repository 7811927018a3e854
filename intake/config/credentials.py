"""Secrets for the mail servers: read from a file or a command, never logged."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path
from typing import Any

from intake.errors import ConfigError

COMMAND_TIMEOUT = 30.0


def read_secret(
    section: str, *, password: str, password_file: Path | None, password_command: str
) -> str | None:
    """Return the configured secret, or None when none is configured.

    ``password`` (for tests) wins, then ``password_file``, then ``password_command``.
    Errors name the key, never the secret.
    """
    if password:
        return password
    if password_file is not None:
        return _read_file(f"{section}.password_file", password_file)
    if password_command:
        return run_secret_command(f"{section}.password_command", password_command)
    return None


def run_secret_command(key: str, command: str) -> str:
    """Run ``command`` (no shell) and return its first output line, stripped."""
    try:
        done = subprocess.run(
            shlex.split(command),
            capture_output=True,
            timeout=COMMAND_TIMEOUT,
            check=False,
        )
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{key}: cannot run the command: {exc}") from None
    except subprocess.TimeoutExpired:
        raise ConfigError(f"{key}: the command did not finish in {COMMAND_TIMEOUT:.0f}s") from None
    if done.returncode != 0:
        raise ConfigError(f"{key}: the command exited with status {done.returncode}")
    secret = done.stdout.decode("utf-8", "replace").strip().splitlines()
    if not secret or not secret[0]:
        raise ConfigError(f"{key}: the command printed nothing")
    return secret[0]


def _read_file(key: str, path: Path) -> str:
    try:
        secret = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise ConfigError(f"{key} = {str(path)!r}: cannot read: {exc.strerror}") from None
    if not secret:
        raise ConfigError(f"{key} = {str(path)!r}: the file is empty")
    return secret


def check_secrets(section: str, cfg: Any) -> None:
    """Read the secret ``cfg`` (a mailbox or smtp section) is configured with, or raise.

    Used before a running daemon takes a new configuration: a secret file that cannot
    be read must reject the change now, not break the next login.
    """
    if getattr(cfg, "oauth2_token_command", ""):
        run_secret_command(f"{section}.oauth2_token_command", cfg.oauth2_token_command)
        return
    read_secret(
        section,
        password=cfg.password,
        password_file=cfg.password_file,
        password_command=cfg.password_command,
    )
