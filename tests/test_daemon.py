"""The daemon as a sysadmin runs it: a real process, signals, a lock, servers that come and go."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.messages import INCOMPLETE_BODY, deliver, make_message
from tests.servers.config import write_server_config
from tests.servers.dovecot import DovecotUser
from tests.servers.smtp import SmtpServer

INTAKE = str(Path(sys.executable).parent / "intake")


def wait_until(check: Callable[[], bool], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.05)


def _replies(workspace: Path) -> int:
    database = workspace / "intake.db"
    if not database.exists():
        return 0
    with sqlite3.connect(database) as connection:
        return int(
            connection.execute("SELECT count(*) FROM outbox WHERE status = 'sent'").fetchone()[0]
        )


@contextmanager
def running_daemon(config: Path) -> Iterator[subprocess.Popen[bytes]]:
    """``intake run`` in the background, its log in ``daemon.log`` beside the config."""
    with (config.parent / "daemon.log").open("wb") as log:
        process = subprocess.Popen([INTAKE, "run", "--config", str(config)], stderr=log)
        try:
            yield process
        finally:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=10)


@pytest.fixture
def maildir_daemon(workspace: Path) -> Iterator[subprocess.Popen[bytes]]:
    config = workspace / "config.toml"
    text = config.read_text().replace('path = "inbox"', 'path = "inbox"\npoll_interval = 1')
    config.write_text(text)
    with running_daemon(config) as process:
        yield process


def test_daemon_answers_new_mail_and_stops_cleanly_on_sigterm(
    workspace: Path, maildir_daemon: subprocess.Popen[bytes]
) -> None:
    deliver(
        workspace / "inbox", make_message("lea@example.org", INCOMPLETE_BODY.format(username="lea"))
    )
    wait_until(lambda: _replies(workspace) == 1)
    started = time.monotonic()
    maildir_daemon.send_signal(signal.SIGTERM)
    assert maildir_daemon.wait(timeout=10) == 0
    assert time.monotonic() - started < 10
    log = (workspace / "daemon.log").read_text()
    assert "finishing the message in hand" in log and "Traceback" not in log


def test_a_second_daemon_on_the_same_database_is_refused(
    workspace: Path, maildir_daemon: subprocess.Popen[bytes]
) -> None:
    wait_until(lambda: (workspace / "intake.db.lock").exists())
    second = subprocess.run(
        [INTAKE, "run", "--config", str(workspace / "config.toml")],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert second.returncode == 1
    assert "another intake daemon" in second.stderr and str(maildir_daemon.pid) in second.stderr


def test_idle_answers_without_waiting_for_the_poll_interval(
    dovecot: DovecotUser, smtp_server: SmtpServer, tmp_path: Path
) -> None:
    config = write_server_config(
        tmp_path, dovecot, smtp_server.port, mailbox="poll_interval = 3600"
    )
    with running_daemon(config) as process:
        wait_until(lambda: "waiting for mail in IDLE" in (tmp_path / "daemon.log").read_text())
        dovecot.append(make_message("mo@example.org", INCOMPLETE_BODY.format(username="mo")))
        started = time.monotonic()
        (reply,) = smtp_server.wait_for(1, timeout=20)
        assert reply.rcpt_tos == ("mo@example.org",)
        assert time.monotonic() - started < 20
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
