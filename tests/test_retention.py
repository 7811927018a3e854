"""Retention: the text of long-decided cases leaves the database file, the case stays."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.commands import intake
from tests.messages import deliver, make_message

OLD = "2025-01-01T00:00:00+00:00"


def _request(username: str, phrase: str) -> str:
    return (
        f"My PyPI account is {username}. {phrase} was stolen with my authenticator app.\n"
        "I still have the password but not the recovery codes.\n"
    )


def _database_bytes(workspace: Path) -> bytes:
    return b"".join(path.read_bytes() for path in workspace.glob("intake.db*"))


def test_purge_removes_old_decided_text_from_the_file_and_keeps_the_case(workspace: Path) -> None:
    config = str(workspace / "config.toml")
    for sender, username, phrase in (
        ("old@example.org", "old-dev", "My zebra-striped laptop"),
        ("new@example.org", "new-dev", "My polka-dotted tablet"),
        ("open@example.org", "open-dev", "My tartan phone"),
    ):
        deliver(workspace / "inbox", make_message(sender, _request(username, phrase)))
    assert intake("run", "--once", "--config", config).returncode == 0
    for case in ("1", "2"):
        assert intake("cases", "set-status", case, "resolved", "--config", config).returncode == 0
    assert (
        intake(
            "cases", "note", "1", "Phoned about the zebra-striped laptop", "--config", config
        ).returncode
        == 0
    )
    with sqlite3.connect(workspace / "intake.db") as db:
        db.execute("UPDATE events SET at = ? WHERE case_id = 1", (OLD,))
        db.execute("UPDATE cases SET updated_at = ? WHERE id = 1", (OLD,))

    dry = intake("purge", "--dry-run", "--config", config)
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.startswith("would purge 1 case(s) decided more than 365 days ago")
    assert b"zebra-striped" in _database_bytes(workspace)

    done = intake("purge", "--config", config)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        "purged 1 case(s) decided more than 365 days ago: 2 message(s), 1 outgoing mail(s)"
    )
    stored = _database_bytes(workspace)
    assert b"zebra-striped" not in stored
    assert b"polka-dotted" in stored and b"tartan" in stored  # not old enough, not decided

    shown = json.loads(intake("cases", "show", "1", "--json", "--config", config).stdout)
    assert shown["case"]["status"] == "resolved" and shown["case"]["username"] == "old-dev"
    kinds = [event["kind"] for event in shown["events"]]
    assert kinds.count("status_changed") == 1 and kinds[-1] == "purged"
    assert all(message["body_text"] is None for message in shown["messages"])
    again = intake("purge", "--config", config)
    assert again.stdout.startswith("purged 0 case(s)")


def test_retention_zero_keeps_everything(workspace: Path) -> None:
    config = workspace / "config.toml"
    config.write_text(config.read_text() + "\n[retention]\ndays = 0\n")
    deliver(workspace / "inbox", make_message("z@example.org", _request("z-dev", "My old pager")))
    assert intake("run", "--once", "--config", str(config)).returncode == 0
    done = intake("purge", "--config", str(config))
    assert done.stdout.strip() == "retention.days = 0: everything is kept"
    assert b"old pager" in _database_bytes(workspace)
