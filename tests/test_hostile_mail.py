"""Crafted mail on the embedded default: replies go only to addresses the MX saw, and clean.

Each test delivers raw bytes an attacker could send, runs a real cycle, and reads back
what was written to the outbox Maildir with the email module.
"""

from __future__ import annotations

import email
import sqlite3
from email.message import Message
from email.policy import default
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intake.config import load_config
from intake.reading.addresses import parse_mailbox
from intake.replies.rendering import render_reply
from intake.service.runner import run_once
from tests.commands import intake
from tests.messages import INCOMPLETE_BODY, deliver, maildir_messages

BODY = INCOMPLETE_BODY.format(username="target-dev")


def _raw(from_lines: list[str], subject: str = "Account recovery") -> bytes:
    headers = [*from_lines, "To: support@pypi-support.example", f"Subject: {subject}"]
    headers += ["Message-ID: <crafted@example.org>", "Date: Tue, 01 Dec 2026 10:00:00 +0000"]
    return ("\r\n".join(headers) + "\r\n\r\n" + BODY).encode("utf-8")


def _cycle(workspace: Path, raw: bytes, extra_config: str = "") -> list[Message]:
    config = workspace / "config.toml"
    if extra_config:
        config.write_text(config.read_text().replace("[reply]\n", f"[reply]\n{extra_config}\n"))
    deliver(workspace / "inbox", raw)
    run_once(load_config(config))
    return maildir_messages(workspace / "outbox") if (workspace / "outbox").exists() else []


def _row(workspace: Path, sql: str) -> tuple[object, ...] | None:
    with sqlite3.connect(workspace / "intake.db") as db:
        found = db.execute(sql).fetchone()
    return tuple(found) if found else None


@pytest.mark.parametrize(
    "from_line",
    [
        "From: =?utf-8?q?victim=40example=2Enet?=",
        "From: =?utf-8?b?dmljdGltQGV4YW1wbGUubmV0?=",
        "From: =?utf-8?q?Victim?= =?utf-8?q?_=3Cvictim=40example=2Enet=3E?=",
    ],
)
def test_an_address_that_exists_only_after_decoding_is_never_answered(
    workspace: Path, from_line: str
) -> None:
    sent = _cycle(workspace, _raw([from_line]))
    assert sent == []
    assert _row(workspace, "SELECT error FROM quarantine") == ("no valid sender address in From",)
    assert len(maildir_messages(workspace / "inbox" / ".Quarantine")) == 1


def test_a_decoded_display_name_never_replaces_the_raw_address(workspace: Path) -> None:
    sent = _cycle(workspace, _raw(["From: =?utf-8?q?victim=40example=2Enet?= <real@example.org>"]))
    assert [str(m["To"]) for m in sent] == ['"victim@example.net" <real@example.org>']
    assert [m["To"].addresses[0].addr_spec for m in sent] == ["real@example.org"]


@pytest.mark.parametrize(
    "from_lines",
    [
        ["From: one@example.org", "From: two@example.net"],
        ["From: one@example.org, two@example.net"],
        ['From: "One" <one@example.org>, "Two" <two@example.net>'],
    ],
)
def test_several_senders_are_stored_flagged_and_never_answered(
    workspace: Path, from_lines: list[str]
) -> None:
    assert _cycle(workspace, _raw(from_lines)) == []
    assert _row(workspace, "SELECT automated_reason FROM messages") == ("several_senders",)
    assert _row(workspace, "SELECT count(*) FROM quarantine") == (0,)
    assert _row(workspace, "SELECT count(*) FROM outbox") == (0,)


@pytest.mark.parametrize(
    "address",
    [
        "root@localhost",
        "admin@10.0.0.1",
        "printer@office.local",
        "ops@corp.internal",
        "x@foo.invalid",
        "y@bar.test",
        "z@site.example",
        "w@router.home.arpa",
    ],
)
def test_addresses_without_a_public_domain_are_never_answered(
    workspace: Path, address: str
) -> None:
    assert _cycle(workspace, _raw([f"From: {address}"])) == []
    assert _row(workspace, "SELECT automated_reason FROM messages") == ("private_address",)


def test_a_reserved_domain_is_answered_only_when_configured(workspace: Path) -> None:
    sent = _cycle(workspace, _raw(["From: z@site.example"]), 'allow_private_domains = ["example"]')
    assert [m["To"].addresses[0].addr_spec for m in sent] == ["z@site.example"]


CONTROLS = "\x0b\x0c\x1b\x1c\x1d\x1e\x7f\u202e\u2066\u200f"


def test_control_characters_never_reach_our_headers_and_staff_see_them(
    workspace: Path,
) -> None:
    subject = "=?utf-8?q?Help_=0B=0C=1B=1C=1D=1E=7F_=E2=80=AEgpj.exe?="
    name = "=?utf-8?q?Mallory_=E2=80=AE_Admin?="
    sent = _cycle(workspace, _raw([f"From: {name} <m@example.org>"], subject=subject))
    (reply,) = sent
    raw = reply.as_string()
    for header in ("Subject", "To"):
        value = str(reply[header])
        assert not any(ch in value for ch in CONTROLS), (header, value)
    assert str(reply["Subject"]).startswith("Re: Help gpj.exe [case PR-")
    assert "\x1b" not in raw and "\x0b" not in raw
    shown = intake("cases", "show", "1", "--config", str(workspace / "config.toml")).stdout
    assert "\\u202egpj.exe" in shown and "\u202e" not in shown


@settings(max_examples=200, deadline=None)
@given(subject=st.text(max_size=300), name=st.text(max_size=80))
def test_any_subject_and_display_name_give_one_clean_header_each(subject: str, name: str) -> None:
    sender = parse_mailbox("Account Recovery <support@pypi-support.example>")
    recipient = parse_mailbox("jo@example.org")
    assert sender and recipient
    reply = render_reply(
        "missing_details",
        token="PR-7K3M9Q2XHD",
        sender=sender,
        recipient=type(recipient)(name=name, email=recipient.email),
        subject=subject,
        in_reply_to=None,
        references=[],
        missing=["username"],
        redacted=False,
    )
    parsed = email.message_from_bytes(reply.raw, policy=default)
    assert parsed.get_all("To") is not None and len(parsed.get_all("To")) == 1
    assert parsed["To"].addresses[0].addr_spec == "jo@example.org"
    assert len(parsed.get_all("Subject")) == 1
    for header in ("Subject", "To"):
        assert not any(ch in str(parsed[header]) for ch in CONTROLS + "\r\n")


def test_a_message_that_takes_too_long_to_read_is_quarantined_and_the_rest_answered(
    workspace: Path,
) -> None:
    config = workspace / "config.toml"
    config.write_text(config.read_text() + "\n[limits]\nread_timeout = 0.05\n")
    slow = _raw(["From: slow@example.org"]) + b"Username: " + b"x" * 4_000_000 + b"\r\n"
    deliver(workspace / "inbox", slow)
    quick = _raw(["From: quick@example.org"]).replace(b"<crafted@", b"<quick@")
    deliver(workspace / "inbox", quick)
    summary = run_once(load_config(config)).as_dict()
    assert (summary["quarantined"], summary["new_cases"], summary["replies_sent"]) == (1, 1, 1)
    assert _row(workspace, "SELECT error FROM quarantine") == ("reading timed out",)
    sent = maildir_messages(workspace / "outbox")
    assert [m["To"].addresses[0].addr_spec for m in sent] == ["quick@example.org"]


@pytest.mark.parametrize("username", ["\u0440aypal", "\uff41lice\uff11", "ad\u200bmin"])
def test_a_look_alike_username_is_not_taken_and_staff_see_it_escaped(
    workspace: Path, username: str
) -> None:
    raw = _raw(["From: pat@example.org"]).replace(
        BODY.encode(), f"Username: {username}\nI lost my phone.\n".encode()
    )
    sent = _cycle(workspace, raw)
    assert _row(workspace, "SELECT username FROM cases") == (None,)
    assert "- Username:" in sent[0].get_content()  # we ask for it again
    shown = intake("cases", "show", "1", "--config", str(workspace / "config.toml")).stdout
    escaped = username.encode("ascii", "backslashreplace").decode()
    assert f"so it was not taken: {escaped}" in shown
