"""Log lines as a sysadmin reads them: one per event, with the case token, never a secret."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.commands import INTAKE, intake
from tests.messages import INCOMPLETE_BODY, deliver, make_message
from tests.servers.config import write_server_config
from tests.servers.dovecot import DovecotUser
from tests.servers.smtp import SmtpServer

SECRET = "Tr0ub4dor&3-horse"


def _run_once(workspace: Path, env: dict[str, str] | None = None) -> list[str]:
    """Run ``intake run --once`` with stderr in a file; return its lines."""
    body = INCOMPLETE_BODY.format(username="nia") + f"\nmy password is {SECRET}\n"
    deliver(workspace / "inbox", make_message("nia@example.org", body))
    log_path = workspace / "stderr.log"
    with log_path.open("wb") as stderr:
        if env is not None:
            status = os.fstat(stderr.fileno())
            env = {**env, "JOURNAL_STREAM": f"{status.st_dev}:{status.st_ino}"}
        subprocess.run(
            [INTAKE, "run", "--once", "--config", str(workspace / "config.toml")],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            env={**os.environ, **(env or {})},
            timeout=60,
            check=True,
        )
    return log_path.read_text().splitlines()


def _token(workspace: Path) -> str:
    with sqlite3.connect(workspace / "intake.db") as connection:
        return str(connection.execute("SELECT token FROM cases").fetchone()[0])


def test_each_stored_message_is_one_line_with_event_case_and_key(workspace: Path) -> None:
    lines = _run_once(workspace)

    stored = [line for line in lines if " message.stored " in line]
    assert len(stored) == 1
    pattern = (
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ INFO message\.stored "
        rf"case={_token(workspace)} key=maildir:\S+ new case, status awaiting_details, "
        r"reply missing_details"
    )
    assert re.fullmatch(pattern, stored[0]), stored[0]
    assert not any(SECRET in line or "authenticator" in line for line in lines)


def test_under_systemd_lines_carry_a_journald_priority_instead_of_a_time(
    workspace: Path,
) -> None:
    lines = _run_once(workspace, env={})

    assert lines
    assert all(re.match(r"<[2-7]>(DEBUG|INFO|WARNING|ERROR|CRITICAL) \S+", line) for line in lines)
    assert any(line.startswith("<6>INFO message.stored case=") for line in lines)


@pytest.mark.parametrize("order", ["before", "after"])
def test_verbose_never_prints_a_body_a_secret_or_protocol_traffic(
    dovecot: DovecotUser, smtp_server: SmtpServer, tmp_path: Path, order: str
) -> None:
    config = write_server_config(tmp_path, dovecot, smtp_server.port)
    body = INCOMPLETE_BODY.format(username="vic") + f"\nmy password is {SECRET}\n"
    dovecot.append(make_message("vic@example.org", body, subject="Locked out of vic"))
    args = ["-v", "run", "--once"] if order == "before" else ["run", "-v", "--once"]
    done = intake(*args, "--config", str(config))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["replies_sent"] == 1
    smtp_server.wait_for(1)
    log = done.stderr
    assert " message.stored " in log
    for forbidden in (SECRET, dovecot.password, "authenticator", "Locked out of vic"):
        assert forbidden not in log, forbidden
    for protocol in ("FETCH", "BODY[", "LOGIN", "MAIL FROM", "RCPT TO", "DATA", "imapclient"):
        assert protocol not in log, protocol
