"""Faults on real servers: kills, dropped connections, UIDVALIDITY changes, poison mail."""

from __future__ import annotations

import dataclasses
import random
import re
import signal
import sqlite3
import subprocess
from pathlib import Path

import pytest

from intake.config import Config, config_from_dict
from intake.service.runner import run_once
from tests.commands import INTAKE, intake
from tests.messages import INCOMPLETE_BODY, make_message
from tests.servers.config import write_server_config
from tests.servers.dovecot import DovecotUser
from tests.servers.smtp import SmtpServer


def _config_file(dovecot: DovecotUser, smtp: SmtpServer, directory: Path) -> Path:
    return write_server_config(
        directory, dovecot, smtp.port, mailbox="batch_size = 10", limits="replies_per_hour = 100000"
    )


def _count(database: Path, sql: str) -> int:
    with sqlite3.connect(database) as connection:
        return int(connection.execute(sql).fetchone()[0])


@pytest.mark.servers
def test_sigkill_at_random_points_loses_and_doubles_nothing(
    dovecot: DovecotUser, smtp_server: SmtpServer, tmp_path: Path, figures: list[str]
) -> None:
    total, kills = 300, 0
    for index in range(total):
        dovecot.append(
            make_message(f"k{index}@example.org", INCOMPLETE_BODY.format(username=f"k{index}"))
        )
    config = _config_file(dovecot, smtp_server, tmp_path)
    chance = random.Random(4)
    for _attempt in range(60):
        process = subprocess.Popen(
            [INTAKE, "run", "--once", "--config", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            process.wait(timeout=chance.uniform(0.2, 2.5))
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=10)
            kills += 1
            continue
        assert process.returncode == 0
        break
    final = intake("run", "--once", "--config", str(config))
    assert final.returncode == 0 and '"fetched": 0' in final.stdout

    database = tmp_path / "intake.db"
    assert kills >= 2
    assert dovecot.uids("INBOX") == []
    processed = [
        re.search(rb"k\d+@example.org", raw) for raw in dovecot.messages("Processed").values()
    ]
    senders = [match.group(0) for match in processed if match]
    assert len(senders) == total and len(set(senders)) == total  # each exactly once
    assert _count(database, "SELECT count(*) FROM cases") == total
    assert _count(database, "SELECT count(*) FROM messages WHERE direction = 'in'") == total
    replies = [m.rcpt_tos[0] for m in smtp_server.received]
    assert set(replies) == {f"k{index}@example.org" for index in range(total)}
    assert len(replies) - total <= kills  # at most one duplicate reply per kill
    figures.append(
        f"faults: {total} messages, {kills} SIGKILLs, each in Processed once, "
        f"{len(replies) - total} duplicate replies"
    )


def _config(dovecot: DovecotUser, smtp: SmtpServer, directory: Path) -> Config:
    base = config_from_dict(
        {
            "reply": {"from": "Account Recovery <support@pypi-support.example>"},
            "database": {"path": "intake.db"},
        },
        base_dir=directory,
    )
    return dataclasses.replace(base, mailbox=dovecot.mailbox_config(), smtp=smtp.smtp_config())


def test_poison_message_is_quarantined_while_the_batch_goes_on(
    dovecot: DovecotUser, smtp_server: SmtpServer, tmp_path: Path
) -> None:
    dovecot.append(make_message("ok1@example.org", INCOMPLETE_BODY.format(username="ok1")))
    dovecot.append(b"From: nobody\r\nSubject: broken\r\n\r\nno sender")
    dovecot.append(make_message("ok2@example.org", INCOMPLETE_BODY.format(username="ok2")))
    summary = run_once(_config(dovecot, smtp_server, tmp_path)).as_dict()
    assert summary["new_cases"] == 2 and summary["quarantined"] == 1
    assert len(dovecot.uids("Quarantine")) == 1 and len(dovecot.uids("Processed")) == 2


def test_oversized_message_is_not_downloaded(
    dovecot: DovecotUser, smtp_server: SmtpServer, tmp_path: Path
) -> None:
    config = _config(dovecot, smtp_server, tmp_path)
    config = dataclasses.replace(
        config, limits=dataclasses.replace(config.limits, max_message_bytes=2048)
    )
    dovecot.append(make_message("big@example.org", "x" * 5000))
    summary = run_once(config).as_dict()
    assert summary["fetched"] == 0 and summary["quarantined"] == 1
    assert len(dovecot.uids("Quarantine")) == 1
    with sqlite3.connect(tmp_path / "intake.db") as connection:
        (error,) = connection.execute("SELECT error FROM quarantine").fetchone()
    assert "size limit" in error


def test_uidvalidity_change_reprocesses_nothing(
    dovecot: DovecotUser, smtp_server: SmtpServer, tmp_path: Path
) -> None:
    config = _config(dovecot, smtp_server, tmp_path)
    dovecot.append(
        make_message("uv@example.org", INCOMPLETE_BODY.format(username="uv"), message_id="<uv@x>")
    )
    assert run_once(config).new_cases == 1
    # The same message shows up again under a new UIDVALIDITY (a restored folder).
    dovecot.append(
        make_message("uv@example.org", INCOMPLETE_BODY.format(username="uv"), message_id="<uv@x>")
    )
    dovecot.change_uidvalidity("INBOX")
    again = run_once(config).as_dict()
    assert again["new_cases"] == 0 and again["replies_sent"] == 0
    assert dovecot.uids("INBOX") == []
    assert len(smtp_server.received) == 1
