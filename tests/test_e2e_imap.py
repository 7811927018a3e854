"""End to end on real servers: Dovecot as the support mailbox, aiosmtpd as the mail server."""

from __future__ import annotations

import dataclasses
import email
from email.message import Message
from email.policy import default
from pathlib import Path

import pytest

from intake.config import Config, config_from_dict
from intake.service.runner import run_once
from tests.commands import intake
from tests.messages import COMPLETE_BODY, FOLLOW_UP, INCOMPLETE_BODY, body_of, make_message
from tests.servers.config import write_server_config
from tests.servers.dovecot import DovecotUser
from tests.servers.smtp import SmtpServer


@pytest.fixture
def config(dovecot: DovecotUser, smtp_server: SmtpServer, tmp_path: Path) -> Config:
    base = config_from_dict(
        {
            "reply": {
                "from": "Account Recovery <support@pypi-support.example>",
                "staff": ["staff@pypi-support.example"],
            },
            "database": {"path": "intake.db"},
        },
        base_dir=tmp_path,
    )
    return dataclasses.replace(
        base, mailbox=dovecot.mailbox_config(), smtp=smtp_server.smtp_config()
    )


def _parsed(raw: bytes) -> Message:
    return email.message_from_bytes(raw, policy=default)


def test_requests_are_answered_over_smtp_and_moved_to_processed(
    config: Config, dovecot: DovecotUser, smtp_server: SmtpServer
) -> None:
    dovecot.append(
        make_message("Alice <alice@example.org>", COMPLETE_BODY.format(username="alice"))
    )
    dovecot.append(make_message("bob@example.org", INCOMPLETE_BODY.format(username="bob-dev")))

    summary = run_once(config).as_dict()

    assert summary["fetched"] == 2 and summary["new_cases"] == 2 and summary["replies_sent"] == 2
    received = smtp_server.wait_for(3)
    by_recipient = {tuple(m.rcpt_tos): m for m in received}
    assert set(by_recipient) == {
        ("alice@example.org",),
        ("bob@example.org",),
        ("staff@pypi-support.example",),
    }
    ack = by_recipient[("alice@example.org",)]
    assert ack.mail_from == "<>"  # null envelope sender for auto-replies
    message = _parsed(ack.data)
    assert message["Auto-Submitted"] == "auto-replied" and message["Precedence"] == "bulk"
    assert message["In-Reply-To"] and "[case PR-" in message["Subject"]
    assert "waiting for review" in body_of(message)
    ask = body_of(_parsed(by_recipient[("bob@example.org",)].data))
    assert "Access to password (yes/no):" in ask
    assert dovecot.uids("INBOX") == [] and len(dovecot.uids("Processed")) == 2
    assert all(b"\\Seen" not in flags for flags in dovecot.flags("Processed").values())

    again = run_once(config).as_dict()
    assert again == dict.fromkeys(again, 0)
    assert len(smtp_server.received) == 3


def test_follow_up_over_imap_completes_the_case_and_tells_staff(
    config: Config, dovecot: DovecotUser, smtp_server: SmtpServer
) -> None:
    dovecot.append(make_message("carol@example.org", INCOMPLETE_BODY.format(username="carol")))
    run_once(config)
    (ask,) = smtp_server.wait_for(1)
    ours = _parsed(ask.data)
    dovecot.append(
        make_message(
            "Carol <carol@example.org>",
            FOLLOW_UP,
            subject=str(ours["Subject"]),
            in_reply_to=str(ours["Message-ID"]),
        )
    )

    summary = run_once(config).as_dict()

    assert summary["follow_ups"] == 1 and summary["new_cases"] == 0
    received = smtp_server.wait_for(3)
    staff = [m for m in received if m.rcpt_tos == ("staff@pypi-support.example",)]
    assert len(staff) == 1 and "ready for review" in _parsed(staff[0].data)["Subject"]
    ack = _parsed(received[-2].data if received[-1] is staff[0] else received[-1].data)
    assert "waiting for review" in body_of(ack)
    assert len(dovecot.uids("Processed")) == 2


def test_smtp_down_for_a_cycle_loses_no_reply(
    config: Config, dovecot: DovecotUser, smtp_server: SmtpServer
) -> None:
    dovecot.append(make_message("dora@example.org", INCOMPLETE_BODY.format(username="dora")))
    smtp_server.fail_next(421, stage="mail")

    first = run_once(config).as_dict()

    assert first["new_cases"] == 1 and first["replies_sent"] == 0
    assert dovecot.uids("INBOX") == []
    from intake.storage import open_store

    with open_store(config) as store:
        store.db.execute("UPDATE outbox SET next_attempt_at = '2000-01-01T00:00:00+00:00'")
        store.db.conn.commit()
    second = run_once(config).as_dict()
    assert second["replies_sent"] == 1
    (reply,) = smtp_server.wait_for(1)
    assert reply.rcpt_tos == ("dora@example.org",)


def test_check_config_logs_in_and_names_what_is_wrong(
    dovecot: DovecotUser, smtp_server: SmtpServer, tmp_path: Path
) -> None:
    good = write_server_config(tmp_path, dovecot, smtp_server.port)
    done = intake("check-config", "--config", str(good), timeout=60)
    assert done.returncode == 1, done.stdout + done.stderr
    # The test server creates Processed itself (auto = create); Quarantine it lacks.
    assert "FAIL mailbox (imap): folder Quarantine missing" in done.stdout, done.stdout
    assert "ok   outgoing mail (smtp): connected" in done.stdout
    assert not dovecot.folder_exists("Quarantine")
    done = intake("check-config", "--config", str(good), "--create-folders", timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "folders INBOX, Processed, Quarantine (created Quarantine)" in done.stdout
    assert dovecot.folder_exists("Quarantine")

    bad = tmp_path / "bad.toml"
    bad.write_text(good.read_text().replace(dovecot.password, "wrong-password"))
    done = intake("check-config", "--config", str(bad), timeout=60)
    assert done.returncode == 1
    assert "FAIL mailbox (imap)" in done.stdout and "wrong-password" not in done.stdout


def test_a_flood_from_one_sender_gets_at_most_the_per_sender_limit(
    config: Config, dovecot: DovecotUser, smtp_server: SmtpServer
) -> None:
    with dovecot.client() as client:
        for n in range(1000):
            client.append("INBOX", make_message("flood@example.org", f"Help! my account is fl{n}"))
    summary = run_once(config).as_dict()
    assert summary["fetched"] == 1000 and summary["replies_sent"] == 5
    assert [m.rcpt_tos for m in smtp_server.received] == [("flood@example.org",)] * 5
    assert dovecot.uids("INBOX") == [] and len(dovecot.uids("Processed")) == 1000
