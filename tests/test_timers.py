"""Timers with the clock moved forward: one reminder, one close, holds that end, no robots."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from intake.clock import utcnow
from intake.config import load_config
from intake.service.timers import run_timers
from intake.storage import open_store
from tests.commands import intake
from tests.messages import INCOMPLETE_BODY, deliver, make_message


def _case(workspace: Path, sender: str = "quiet@example.org") -> Path:
    config = workspace / "config.toml"
    deliver(workspace / "inbox", make_message(sender, INCOMPLETE_BODY.format(username="quiet")))
    assert intake("run", "--once", "--config", str(config)).returncode == 0
    return config


def _run(config: Path, days: float) -> dict[str, int]:
    loaded = load_config(config)
    with open_store(loaded) as store:
        return run_timers(store, loaded, utcnow() + timedelta(days=days)).done


def _mail_to(workspace: Path, address: str) -> list[str]:
    with sqlite3.connect(workspace / "intake.db") as db:
        rows = db.execute(
            "SELECT m.body_text FROM messages m JOIN outbox o ON o.message_id = m.message_id "
            "WHERE o.recipient = ? ORDER BY o.id",
            (address,),
        ).fetchall()
    return [row[0] for row in rows]


def test_a_silent_requester_is_reminded_once_then_closed_once(workspace: Path) -> None:
    config = _case(workspace)
    assert _run(config, 13) == {}
    assert _run(config, 15) == {"reminded": 1}
    assert _run(config, 20) == {}  # one reminder, not one per run
    assert _run(config, 61) == {"closed": 1}
    assert _run(config, 90) == {}
    sent = _mail_to(workspace, "quiet@example.org")
    assert len(sent) == 3  # missing details, the reminder, the closing message
    assert "still waiting for your answer" in sent[1]
    assert "we are closing it" in sent[2]
    with sqlite3.connect(workspace / "intake.db") as db:
        status = db.execute("SELECT status FROM cases").fetchone()[0]
        kinds = [
            r[0]
            for r in db.execute(
                "SELECT json_extract(detail, '$.to') FROM events WHERE kind = 'status_changed'"
            )
        ]
    assert status == "closed_no_response" and kinds == ["closed_no_response"]


def test_a_reply_from_the_requester_restarts_the_clock(workspace: Path) -> None:
    config = _case(workspace)
    with sqlite3.connect(workspace / "intake.db") as db:
        token = db.execute("SELECT token FROM cases").fetchone()[0]
        later = (utcnow() + timedelta(days=10)).isoformat(timespec="seconds")
        deliver(
            workspace / "inbox",
            make_message(
                "quiet@example.org", "Still looking for it.", subject=f"Re: [case {token}]"
            ),
        )
    assert intake("run", "--once", "--config", str(config)).returncode == 0
    with sqlite3.connect(workspace / "intake.db") as db:
        db.execute(
            "UPDATE messages SET received_at = ? WHERE direction = 'in' AND id = "
            "(SELECT max(id) FROM messages WHERE direction = 'in')",
            (later,),
        )
    assert _run(config, 15) == {}  # 5 days since the reply
    assert _run(config, 25) == {"reminded": 1}


def test_no_reminder_or_closing_mail_goes_to_a_robot_address(workspace: Path) -> None:
    config = _case(workspace)
    with sqlite3.connect(workspace / "intake.db") as db:
        db.execute("UPDATE cases SET requester = 'noreply@example.org'")
    assert _run(config, 15) == {}
    assert _run(config, 61) == {"closed": 1}
    assert _mail_to(workspace, "noreply@example.org") == []


def test_a_hold_ends_on_its_date_and_staff_are_told(workspace: Path) -> None:
    config = _case(workspace)
    assert intake("cases", "set-status", "1", "in_review", "--config", str(config)).returncode == 0
    held = intake("cases", "hold", "1", "--days", "7", "--config", str(config))
    assert held.returncode == 0 and "on hold until" in held.stdout
    assert _run(config, 6) == {}
    assert _run(config, 8) == {"released": 1}
    shown = json.loads(intake("cases", "show", "1", "--json", "--config", str(config)).stdout)
    assert shown["case"]["status"] == "ready_for_review" and shown["case"]["hold_until"] is None
    with sqlite3.connect(workspace / "intake.db") as db:
        notice = db.execute(
            "SELECT count(*) FROM outbox WHERE kind = 'staff_notification'"
        ).fetchone()[0]
    assert notice == 1


def test_the_report_counts_cases_and_times(workspace: Path) -> None:
    config = _case(workspace)
    _case(workspace, "second@example.org")
    _run(config, 61)
    figures = json.loads(intake("report", "--json", "--config", str(config)).stdout)
    assert figures["requests_received"] == 2
    assert figures["cases_by_status"]["closed_no_response"] == 2
    assert figures["share_closed_no_response"] == 1.0
    assert figures["time_to_first_reply"]["count"] == 2
    assert figures["time_to_first_reply"]["median"] < 60
    assert figures["time_to_decision"]["count"] == 2
    text = intake("report", "--prometheus", "--config", str(config)).stdout
    assert 'intake_cases{status="closed_no_response"} 2' in text
    assert "intake_share_closed_no_response 1" in text
    since = (datetime.now() + timedelta(days=1)).date().isoformat()
    later = json.loads(intake("report", "--json", "--since", since, "--config", str(config)).stdout)
    assert later["requests_received"] == 0
