"""``intake status``: what a monitor sees, from the database the service writes."""

from __future__ import annotations

import json
import socket
import sqlite3
from pathlib import Path

from intake.storage.schema import MIGRATIONS
from tests.commands import intake
from tests.messages import INCOMPLETE_BODY, deliver, make_message


def _status(config: Path) -> tuple[int, dict[str, object]]:
    done = intake("status", "--json", "--config", str(config))
    return done.returncode, json.loads(done.stdout)


def test_status_after_a_poll_is_healthy_and_counts_the_queue(workspace: Path) -> None:
    config = workspace / "config.toml"
    deliver(
        workspace / "inbox", make_message("ok@example.org", INCOMPLETE_BODY.format(username="ok"))
    )
    deliver(
        workspace / "inbox",
        make_message("bot@example.org", "Away", headers={"Auto-Submitted": "auto-replied"}),
    )
    assert intake("run", "--once", "--config", str(config)).returncode == 0
    code, health = _status(config)
    assert code == 0 and health["problems"] == []
    assert health["last_poll_ok_at"] and health["read_at_last_poll"] == 2
    assert health["cases_by_status"] == {"awaiting_details": 1}
    assert (health["robot_mail_stored"], health["replies_pending"]) == (1, 0)
    assert health["schema_version"] == len(MIGRATIONS)
    text = intake("status", "--config", str(config)).stdout
    assert text.startswith("ok\n") and "cases: awaiting_details 1" in text


def test_status_fails_when_the_last_successful_poll_is_stale(workspace: Path) -> None:
    config = workspace / "config.toml"
    assert intake("run", "--once", "--config", str(config)).returncode == 0
    with sqlite3.connect(workspace / "intake.db") as db:
        db.execute("UPDATE service_state SET at = '2026-01-01T00:00:00+00:00'")
    code, health = _status(config)
    assert code == 1
    assert "more than 3 poll intervals (180s)" in str(health["problems"])


def test_status_fails_while_replies_wait_for_a_retry(workspace: Path) -> None:
    with socket.socket() as unused:  # a port nobody listens on
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    config = workspace / "config.toml"
    text = config.read_text().replace(
        '[smtp]\nkind = "maildir"\npath = "outbox"',
        f'[smtp]\nkind = "smtp"\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"',
    )
    config.write_text(text)
    deliver(
        workspace / "inbox", make_message("w@example.org", INCOMPLETE_BODY.format(username="w"))
    )
    assert intake("run", "--once", "--config", str(config)).returncode == 0
    code, health = _status(config)
    assert code == 1 and health["replies_retrying"] == 1
    assert health["outbox_down_since"] and "connection refused" in str(health["outbox_error"])
    assert "1 replies waiting for a retry (outgoing mail down:" in str(health["problems"])
