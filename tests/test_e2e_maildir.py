"""End to end on the embedded default: Maildir in, SQLite, Maildir outbox."""

from __future__ import annotations

import email
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from email.message import Message
from email.policy import default
from pathlib import Path

import pytest

import intake.pipeline.triage
from intake.config import load_config
from intake.errors import StoreError
from intake.service.runner import run_once
from tests.messages import (
    COMPLETE_BODY,
    FOLLOW_UP,
    INCOMPLETE_BODY,
    body_of,
    deliver,
    maildir_messages,
    make_message,
)


def _db(workspace: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(workspace / "intake.db")
    connection.row_factory = sqlite3.Row
    return connection


def _replies_to(workspace: Path, address: str) -> list[Message]:
    """Messages sent to ``address``, oldest first (the outbox table keeps the order)."""
    rows = _db(workspace).execute(
        "SELECT raw FROM outbox WHERE status = 'sent' AND recipient = ? ORDER BY id", (address,)
    )
    return [email.message_from_bytes(row[0], policy=default) for row in rows]


def test_requests_become_cases_with_replies_and_are_moved(workspace: Path) -> None:
    deliver(
        workspace / "inbox",
        make_message("alice@example.org", COMPLETE_BODY.format(username="alice")),
    )
    deliver(
        workspace / "inbox",
        make_message("bob@example.org", INCOMPLETE_BODY.format(username="bob-dev")),
    )
    summary = run_once(load_config(workspace / "config.toml"))

    assert summary.as_dict() == {
        "fetched": 2,
        "new_cases": 2,
        "follow_ups": 0,
        "automated": 0,
        "quarantined": 0,
        "backlog": 0,
        "replies_sent": 2,
        "replies_failed": 0,
    }
    cases = {row["requester"]: row for row in _db(workspace).execute("SELECT * FROM cases")}
    assert cases["alice@example.org"]["status"] == "ready_for_review"
    assert cases["bob@example.org"]["status"] == "awaiting_details"
    ack = _replies_to(workspace, "alice@example.org")
    assert len(ack) == 1 and "waiting for review" in body_of(ack[0])
    assert f"[case {cases['alice@example.org']['token']}]" in str(ack[0]["Subject"])
    ask = body_of(_replies_to(workspace, "bob@example.org")[0])
    assert "Access to password (yes/no):" in ask and "Username:" not in ask
    assert len(os.listdir(workspace / "inbox" / "new")) == 0
    assert len(os.listdir(workspace / "inbox" / ".Processed" / "cur")) == 2
    assert len(maildir_messages(workspace / "outbox")) == 3  # two replies, one staff notice


def _run(workspace: Path) -> dict[str, int]:
    return run_once(load_config(workspace / "config.toml")).as_dict()


def _case(workspace: Path, requester: str) -> sqlite3.Row:
    row = _db(workspace).execute("SELECT * FROM cases WHERE requester = ?", (requester,)).fetchone()
    assert row is not None
    return row


def _sent_reply(workspace: Path, requester: str) -> Message:
    replies = _replies_to(workspace, requester)
    assert len(replies) == 1
    return replies[0]


def test_running_twice_creates_no_duplicate_cases_or_replies(workspace: Path) -> None:
    deliver(
        workspace / "inbox",
        make_message("carol@example.org", INCOMPLETE_BODY.format(username="carol")),
    )
    first = _run(workspace)
    second = _run(workspace)
    assert first["new_cases"] == 1 and first["replies_sent"] == 1
    assert second == dict.fromkeys(second, 0)
    assert _db(workspace).execute("SELECT count(*) FROM cases").fetchone()[0] == 1
    assert len(maildir_messages(workspace / "outbox")) == 1


def test_same_message_delivered_twice_is_stored_once(workspace: Path) -> None:
    raw = make_message(
        "dan@example.org", INCOMPLETE_BODY.format(username="dan"), message_id="<twice@example.org>"
    )
    deliver(workspace / "inbox", raw)
    deliver(workspace / "inbox", raw.replace(b"To: support", b"Cc: x@example.org\nTo: support"))
    summary = _run(workspace)
    assert summary["new_cases"] == 1 and summary["replies_sent"] == 1
    assert len(os.listdir(workspace / "inbox" / ".Processed" / "cur")) == 2


@pytest.mark.parametrize("threading", ["in_reply_to", "subject_token", "body_token"])
def test_follow_up_threads_merges_and_completes(workspace: Path, threading: str) -> None:
    deliver(
        workspace / "inbox",
        make_message("erin@example.org", INCOMPLETE_BODY.format(username="erin")),
    )
    _run(workspace)
    ask = _sent_reply(workspace, "erin@example.org")
    token = _case(workspace, "erin@example.org")["token"]
    body, subject, in_reply_to = FOLLOW_UP, "more details", None
    if threading == "in_reply_to":
        in_reply_to = str(ask["Message-ID"])
    elif threading == "subject_token":
        subject = f"Re: Account recovery [case {token}]"
    else:
        body = f"{FOLLOW_UP}\nMy case is {token}.\n"
    deliver(
        workspace / "inbox",
        make_message("Erin <erin@example.org>", body, subject=subject, in_reply_to=in_reply_to),
    )

    summary = _run(workspace)

    assert summary["follow_ups"] == 1 and summary["new_cases"] == 0
    case = _case(workspace, "erin@example.org")
    assert case["status"] == "ready_for_review" and case["missing"] == "[]"
    replies = _replies_to(workspace, "erin@example.org")
    assert len(replies) == 2 and "waiting for review" in body_of(replies[-1])
    staff = _replies_to(workspace, "staff@pypi-support.example")
    assert len(staff) == 1 and token in str(staff[0]["Subject"])
    kinds = [
        r[0]
        for r in _db(workspace).execute("SELECT kind FROM events WHERE case_id = ?", (case["id"],))
    ]
    assert kinds.count("field_changed") == 5 and "status_changed" in kinds


def test_answers_typed_after_deleting_our_quote_answer_the_reply_they_thread_to(
    workspace: Path,
) -> None:
    first = "Hello, my username is gwen-k and I lost my phone with the authenticator.\n"
    deliver(workspace / "inbox", make_message("gwen@example.org", first))
    _run(workspace)
    asked = _sent_reply(workspace, "gwen@example.org")
    # Five lines asked: password and email access, codes, conduct, time. The username was
    # named, so its access line is not asked again.
    body = body_of(asked)
    assert "Access to password (yes/no):" in body and "Access to username" not in body
    assert "whether you still have the password and the account's email address" in body
    answers = "yes\nyes\nlost\nyes\nno"
    deliver(
        workspace / "inbox",
        make_message("gwen@example.org", answers, in_reply_to=str(asked["Message-ID"])),
    )
    _run(workspace)
    case = _case(workspace, "gwen@example.org")
    assert json.loads(case["missing"]) == ["time_acknowledgement"]
    fields = json.loads(case["fields"])
    assert fields["recovery_codes"] == "lost" and fields["credentials_confirmed"] is True

    deliver(workspace / "inbox", make_message("gwen@example.org", "yes"))
    _run(workspace)
    assert json.loads(_case(workspace, "gwen@example.org")["missing"]) == [
        "time_acknowledgement"
    ], "a fresh mail that only says yes answers nothing"

    again = _replies_to(workspace, "gwen@example.org")[-1]
    deliver(
        workspace / "inbox",
        make_message("gwen@example.org", "Yes.", in_reply_to=str(again["Message-ID"])),
    )
    _run(workspace)
    case = _case(workspace, "gwen@example.org")
    assert case["missing"] == "[]" and case["status"] == "ready_for_review"


def test_follow_up_from_another_address_is_flagged_not_merged_not_answered(workspace: Path) -> None:
    deliver(
        workspace / "inbox", make_message("fay@example.org", INCOMPLETE_BODY.format(username="fay"))
    )
    _run(workspace)
    token = _case(workspace, "fay@example.org")["token"]
    deliver(
        workspace / "inbox",
        make_message("mallory@example.net", FOLLOW_UP, subject=f"Re: [case {token}]"),
    )

    summary = _run(workspace)

    assert summary["follow_ups"] == 1 and summary["replies_sent"] == 0
    case = _case(workspace, "fay@example.org")
    assert case["status"] == "awaiting_details"
    flags = (
        _db(workspace)
        .execute("SELECT flags FROM messages WHERE sender = 'mallory@example.net'")
        .fetchone()[0]
    )
    assert "foreign_sender" in flags
    assert _replies_to(workspace, "mallory@example.net") == []


def test_automated_mail_is_stored_but_never_answered(workspace: Path) -> None:
    deliver(
        workspace / "inbox",
        make_message(
            "robot@example.com",
            "I am out of the office.",
            headers={"Auto-Submitted": "auto-replied"},
        ),
    )
    summary = _run(workspace)
    assert summary["automated"] == 1 and summary["replies_sent"] == 0
    row = _db(workspace).execute("SELECT automated_reason FROM messages").fetchone()
    assert row["automated_reason"] == "auto_submitted"
    assert not (workspace / "outbox").exists()


def test_bad_mail_is_quarantined_and_the_cycle_goes_on(workspace: Path) -> None:
    deliver(workspace / "inbox", b"From: nobody\nSubject: \xff\xfe\n\n" + b"x" * 100)
    deliver(
        workspace / "inbox", make_message("gus@example.org", INCOMPLETE_BODY.format(username="gus"))
    )
    summary = _run(workspace)
    assert summary["quarantined"] == 1 and summary["new_cases"] == 1
    assert len(os.listdir(workspace / "inbox" / ".Quarantine" / "cur")) == 1
    error = _db(workspace).execute("SELECT error FROM quarantine").fetchone()[0]
    assert "sender" in error


def test_a_bug_on_one_message_quarantines_it_and_the_batch_is_kept(
    workspace: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # Stands in for a bug no test has found yet: extraction raises on one message.
    real = intake.pipeline.triage.extract_fields

    def extract_or_fail(own_text: str, subject: str = "") -> object:
        if "tripwire" in own_text:
            raise KeyError("tripwire")
        return real(own_text, subject)

    monkeypatch.setattr(intake.pipeline.triage, "extract_fields", extract_or_fail)
    for name, body in (("jan", "first"), ("kai", "tripwire"), ("lou", "third")):
        deliver(workspace / "inbox", make_message(f"{name}@example.org", f"I am {name}, {body}."))

    summary = _run(workspace)

    assert summary["quarantined"] == 1 and summary["new_cases"] == 2
    assert summary["replies_sent"] == 2
    assert _db(workspace).execute("SELECT error FROM quarantine").fetchone()[0] == (
        "internal error while reading; see the log"
    )
    assert len(os.listdir(workspace / "inbox" / ".Quarantine" / "cur")) == 1
    assert "KeyError: 'tripwire'" in caplog.text


def test_secrets_never_reach_the_database_or_the_outbox(workspace: Path) -> None:
    body = "my account is hal9000 and my password is Tr0ub4dor&3xyz. 2FA code 493817 failed."
    deliver(workspace / "inbox", make_message("hal@example.org", body))
    _run(workspace)
    database = b"".join(path.read_bytes() for path in workspace.glob("intake.db*"))
    assert b"Tr0ub4dor&3xyz" not in database and b"493817" not in database
    reply = body_of(_sent_reply(workspace, "hal@example.org"))
    assert "Tr0ub4dor" not in reply and "removed it" in reply


def test_replies_per_sender_are_capped(workspace: Path) -> None:
    for n in range(8):
        deliver(
            workspace / "inbox",
            make_message("ivy@example.org", f"Please help, my account is ivy{n}"),
        )
    _run(workspace)
    assert len(_replies_to(workspace, "ivy@example.org")) == 5


KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from intake.config import load_config
    from intake.sources.maildir import MaildirSource

    def settle_then_die(self, processed, quarantined):
        os.kill(os.getpid(), signal.SIGKILL)

    MaildirSource.settle = settle_then_die
    from intake.service.runner import run_once
    run_once(load_config(sys.argv[1]))
    """
)


def test_kill_between_commit_and_move_loses_and_doubles_nothing(workspace: Path) -> None:
    for name in ("kim", "lee", "max"):
        deliver(
            workspace / "inbox",
            make_message(f"{name}@example.org", INCOMPLETE_BODY.format(username=name)),
        )
    killed = subprocess.run(
        [sys.executable, "-c", KILLER, str(workspace / "config.toml")], check=False
    )
    assert killed.returncode == -9
    assert len(os.listdir(workspace / "inbox" / "new")) == 3  # committed, not yet moved

    summary = _run(workspace)

    assert summary["new_cases"] == 0 and summary["replies_sent"] == 3
    assert _db(workspace).execute("SELECT count(*) FROM cases").fetchone()[0] == 3
    assert len(os.listdir(workspace / "inbox" / ".Processed" / "cur")) == 3
    assert len(maildir_messages(workspace / "outbox")) == 3
    assert _run(workspace) == dict.fromkeys(summary, 0)


def test_global_cap_pauses_replies_and_tells_staff_once(
    workspace: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = workspace / "config.toml"
    config.write_text(config.read_text() + "\n[limits]\nreplies_per_hour = 3\n")
    for n in range(6):
        deliver(workspace / "inbox", make_message(f"flood{n}@example.org", f"my account is f{n}"))
    first = _run(workspace)
    for n in range(6, 9):
        deliver(workspace / "inbox", make_message(f"flood{n}@example.org", f"my account is f{n}"))
    second = _run(workspace)

    assert first["new_cases"] == 6 and second["new_cases"] == 3
    assert first["replies_sent"] + second["replies_sent"] == 3
    alerts = _replies_to(workspace, "staff@pypi-support.example")
    assert len(alerts) == 1 and "paused" in str(alerts[0]["Subject"])
    errors = [r for r in caplog.records if "global reply limit" in r.getMessage()]
    assert len(errors) == 1
    flags = [
        row[0]
        for row in _db(workspace).execute("SELECT flags FROM messages WHERE direction = 'in'")
    ]
    assert sum("global_rate_limit" in f for f in flags) == 6


def test_a_database_from_a_newer_release_is_refused(workspace: Path) -> None:
    _run(workspace)
    with sqlite3.connect(workspace / "intake.db") as connection:
        connection.execute("PRAGMA user_version = 99")
    with pytest.raises(StoreError, match="newer than this release"):
        _run(workspace)


def _store_backlog(workspace: Path) -> Path:
    """The embedded default as a new installation has it: backlog left at "store"."""
    config = workspace / "config.toml"
    config.write_text(config.read_text().replace('backlog = "answer"\n', ""))
    return config


def test_first_start_stores_old_mail_as_backlog_and_answers_only_new_mail(
    workspace: Path,
) -> None:
    config = load_config(_store_backlog(workspace))
    for name in ("old1", "old2", "old3"):
        deliver(
            workspace / "inbox",
            make_message(f"{name}@example.org", INCOMPLETE_BODY.format(username=name)),
        )
    first = run_once(config).as_dict()
    assert (first["new_cases"], first["backlog"], first["replies_sent"]) == (3, 3, 0)
    db = _db(workspace)
    assert [json_flags for (json_flags,) in db.execute("SELECT flags FROM cases")] == [
        '["backlog"]'
    ] * 3
    assert db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
    assert len(maildir_messages(workspace / "inbox" / ".Processed")) == 3

    deliver(
        workspace / "inbox", make_message("new@example.org", INCOMPLETE_BODY.format(username="nu"))
    )
    second = run_once(config).as_dict()
    assert (second["new_cases"], second["backlog"], second["replies_sent"]) == (1, 0, 1)
    assert [m["To"] for m in maildir_messages(workspace / "outbox")] == ["new@example.org"]
    assert (
        db.execute("SELECT flags FROM cases WHERE requester = 'new@example.org'").fetchone()[0]
        == "[]"
    )


def test_a_follow_up_to_a_resolved_case_is_kept_flagged_and_told_to_staff_once(
    workspace: Path,
) -> None:
    config = load_config(workspace / "config.toml")
    deliver(
        workspace / "inbox", make_message("ria@example.org", COMPLETE_BODY.format(username="ria"))
    )
    run_once(config)
    db = _db(workspace)
    token = db.execute("SELECT token FROM cases").fetchone()[0]
    db.execute("UPDATE cases SET status = 'resolved'")
    db.commit()
    for text in ("Thanks, but it stopped working again.", "Hello? Anyone there?"):
        deliver(
            workspace / "inbox",
            make_message("ria@example.org", text, subject=f"Re: Account recovery [case {token}]"),
        )
        run_once(config)

    case = db.execute("SELECT status, flags, fields FROM cases").fetchone()
    assert case["status"] == "resolved" and case["flags"] == '["reopened_by_requester"]'
    assert db.execute("SELECT count(*) FROM cases").fetchone()[0] == 1
    assert len(_replies_to(workspace, "ria@example.org")) == 1  # only the first acknowledgement
    notices = _replies_to(workspace, "staff@pypi-support.example")
    assert [str(m["Subject"]) for m in notices][-1] == (
        f"[case {token}] requester wrote again after the case was resolved"
    )
    assert sum("wrote again" in str(m["Subject"]) for m in notices) == 1
    kinds = [row[0] for row in db.execute("SELECT kind FROM events ORDER BY id")]
    assert kinds.count("reopened_by_requester") == 2


def test_a_new_request_from_an_earlier_requester_names_the_earlier_case(workspace: Path) -> None:
    config = load_config(workspace / "config.toml")
    deliver(
        workspace / "inbox", make_message("sam@example.org", COMPLETE_BODY.format(username="sam"))
    )
    run_once(config)
    db = _db(workspace)
    first = db.execute("SELECT token FROM cases").fetchone()[0]
    db.execute("UPDATE cases SET status = 'rejected'")
    db.commit()
    deliver(
        workspace / "inbox", make_message("sam@example.org", "New request: I lost my phone again.")
    )
    run_once(config)

    done = subprocess.run(
        [
            str(Path(sys.executable).parent / "intake"),
            "cases",
            "show",
            "2",
            "--json",
            "--config",
            str(workspace / "config.toml"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout)["previous_case"] == first
    text = subprocess.run(
        [
            str(Path(sys.executable).parent / "intake"),
            "cases",
            "show",
            "2",
            "--config",
            str(workspace / "config.toml"),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert f"Earlier:   case {first} (#1) from this address, rejected" in text


def test_a_request_in_spanish_gets_one_line_in_spanish_and_is_not_called_complete(
    workspace: Path,
) -> None:
    body = (
        "Hola, no puedo entrar en mi cuenta de PyPI, mi usuario es lucia-dev. Perdí mi "
        "teléfono con la aplicación de autenticación y no tengo los códigos de recuperación. "
        "Todavía tengo mi contraseña y mi correo. Acepto el código de conducta y entiendo "
        "que puede tardar mucho tiempo.\n"
    )
    deliver(workspace / "inbox", make_message("lucia@example.org", body, subject="Ayuda"))
    run_once(load_config(workspace / "config.toml"))
    (reply,) = _replies_to(workspace, "lucia@example.org")
    text = body_of(reply)
    assert text.startswith("Gracias por escribirnos")
    assert "Before we can review your request we still need" in text
    assert _db(workspace).execute("SELECT status FROM cases").fetchone()[0] == "awaiting_details"
