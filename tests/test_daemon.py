"""The daemon as a sysadmin runs it: a real process, signals, a lock, servers that come and go."""

from __future__ import annotations

import email
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email.policy import default
from pathlib import Path

import pytest

from tests.commands import INTAKE, intake
from tests.messages import INCOMPLETE_BODY, deliver, make_message
from tests.servers.config import write_server_config
from tests.servers.dovecot import DOVECOT, DovecotUser, running_dovecot
from tests.servers.smtp import SmtpServer


def wait_until(check: Callable[[], bool], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.05)


def _count(workspace: Path, sql: str) -> int:
    """One count from the daemon's database; 0 until the daemon has created its tables."""
    database = workspace / "intake.db"
    if not database.exists():
        return 0
    with sqlite3.connect(database) as connection:
        try:
            return int(connection.execute(sql).fetchone()[0])
        except sqlite3.OperationalError:  # the file exists, the migration has not run yet
            return 0


def _replies(workspace: Path) -> int:
    return _count(workspace, "SELECT count(*) FROM outbox WHERE status = 'sent'")


@contextmanager
def running_daemon(
    config: Path, env: dict[str, str] | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """``intake run`` in the background, its log in ``daemon.log`` beside the config."""
    with (config.parent / "daemon.log").open("wb") as log:
        process = subprocess.Popen(
            [INTAKE, "run", "--config", str(config)], stderr=log, env={**os.environ, **(env or {})}
        )
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
    second = intake("run", "--config", str(workspace / "config.toml"), timeout=30)
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


def test_daemon_rides_out_an_imap_server_restart(smtp_server: SmtpServer, tmp_path: Path) -> None:
    with running_dovecot() as server:
        user = server.add_user()
        config = write_server_config(tmp_path, user, smtp_server.port, mailbox="poll_interval = 1")
        with running_daemon(config) as process:
            user.append(make_message("before@example.org", INCOMPLETE_BODY.format(username="b")))
            smtp_server.wait_for(1, timeout=20)

            assert server.process is not None
            server.process.terminate()
            server.process.wait(timeout=10)
            log = tmp_path / "daemon.log"
            wait_until(lambda: "unavailable" in log.read_text(), timeout=20)
            down = intake("status", "--config", str(config))
            assert down.returncode == 1 and "problem: mailbox down since" in down.stdout
            server.process = subprocess.Popen(
                [str(DOVECOT), "-F", "-c", str(server.conf)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            wait_until(lambda: _listening(server.port))
            user.append(make_message("after@example.org", INCOMPLETE_BODY.format(username="a")))

            received = smtp_server.wait_for(2, timeout=30)
            assert received[-1].rcpt_tos == ("after@example.org",)
            wait_until(lambda: "working again" in log.read_text())
            assert log.read_text().count("mailbox unavailable") == 1  # once per outage
            up = intake("status", "--config", str(config))
            assert up.returncode == 0, up.stdout
            assert "mailbox: up" in up.stdout
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=10) == 0


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


def test_sigterm_during_a_batch_then_restart_loses_and_doubles_nothing(workspace: Path) -> None:
    total = 500
    for n in range(total):
        deliver(
            workspace / "inbox",
            make_message(f"t{n}@example.org", INCOMPLETE_BODY.format(username=f"t{n}")),
        )
    config = workspace / "config.toml"
    config.write_text(config.read_text() + "\n[limits]\nreplies_per_hour = 100000\n")
    with running_daemon(config) as process:
        wait_until(lambda: _stored(workspace) > 0)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
    before = _stored(workspace)
    assert 0 < before < total  # it stopped in the middle of the batch

    summary = intake("run", "--once", "--config", str(config))
    assert summary.returncode == 0, summary.stderr
    assert json.loads(summary.stdout)["new_cases"] == total - before
    with sqlite3.connect(workspace / "intake.db") as connection:
        cases = connection.execute("SELECT count(*) FROM cases").fetchone()[0]
        replies = connection.execute(
            "SELECT count(*), count(DISTINCT recipient) FROM outbox WHERE kind = 'missing_details'"
        ).fetchone()
    assert cases == total and replies == (total, total)
    assert os.listdir(workspace / "inbox" / "new") == []


def _stored(workspace: Path) -> int:
    return _count(workspace, "SELECT count(*) FROM cases")


def _from_of_last_reply(workspace: Path) -> str:
    with sqlite3.connect(workspace / "intake.db") as connection:
        raw = connection.execute(
            "SELECT raw FROM outbox WHERE status = 'sent' ORDER BY id DESC LIMIT 1"
        ).fetchone()[0]
    return str(email.message_from_bytes(raw, policy=default)["From"])


def test_sighup_reloads_the_config_and_keeps_it_when_the_new_file_is_bad(
    workspace: Path, maildir_daemon: subprocess.Popen[bytes]
) -> None:
    config = workspace / "config.toml"
    log = workspace / "daemon.log"
    wait_until(lambda: "daemon.ready" in log.read_text())
    config.write_text(config.read_text().replace("Account Recovery <", "Recovery Desk <"))
    maildir_daemon.send_signal(signal.SIGHUP)
    wait_until(lambda: "config.reloaded" in log.read_text())
    deliver(
        workspace / "inbox", make_message("hu@example.org", INCOMPLETE_BODY.format(username="hu"))
    )
    wait_until(lambda: _replies(workspace) == 1)
    assert _from_of_last_reply(workspace).startswith("Recovery Desk")

    config.write_text(config.read_text().replace('path = "inbox"', 'path = "inbox"\nport = "x"'))
    maildir_daemon.send_signal(signal.SIGHUP)
    wait_until(lambda: "config.rejected" in log.read_text())
    rejected = next(line for line in log.read_text().splitlines() if "config.rejected" in line)
    assert "ERROR config.rejected mailbox.port = 'x': expected a whole number" in rejected
    assert "keeping the running configuration" in rejected
    deliver(
        workspace / "inbox", make_message("hi@example.org", INCOMPLETE_BODY.format(username="hi"))
    )
    wait_until(lambda: _replies(workspace) == 2)
    assert _from_of_last_reply(workspace).startswith("Recovery Desk")
    assert maildir_daemon.poll() is None
    maildir_daemon.send_signal(signal.SIGTERM)
    assert maildir_daemon.wait(timeout=10) == 0


def test_systemd_hears_ready_and_a_status_line_after_each_poll(workspace: Path) -> None:
    config = workspace / "config.toml"
    config.write_text(
        config.read_text().replace('path = "inbox"', 'path = "inbox"\npoll_interval = 1')
    )
    address = str(workspace / "notify.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as listener:
        listener.bind(address)
        listener.settimeout(15)
        with running_daemon(config, env={"NOTIFY_SOCKET": address}) as process:
            heard = [listener.recv(4096).decode() for _ in range(2)]
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=10) == 0
    assert heard[0].startswith("READY=1")
    assert re.fullmatch(
        r"STATUS=last poll \S+; 0 replies pending; 0 cases ready for review", heard[1]
    ), heard
