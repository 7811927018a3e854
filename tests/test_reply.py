"""Replies carry the headers that keep robots from answering and never stack prefixes or secrets."""

from __future__ import annotations

import email
from email.policy import default

from intake.reading.addresses import parse_mailbox
from intake.replies.rendering import render_reply, reply_subject
from intake.templating import templates_dir

SENDER = parse_mailbox("Account Recovery <support@example.org>")
RECIPIENT = parse_mailbox('"Smith, Jo" <jo@example.net>')


def _render(missing: list[str], redacted: bool = False) -> email.message.EmailMessage:
    assert SENDER and RECIPIENT
    reply = render_reply(
        "missing_details" if missing else "acknowledgement",
        token="PR-7K3M9Q2XHD",
        sender=SENDER,
        recipient=RECIPIENT,
        subject="Re: help [case PR-7K3M9Q2XHD]",
        in_reply_to="<abc@example.net>",
        references=["<root@example.net>"],
        missing=missing,
        redacted=redacted,
    )
    return email.message_from_bytes(reply.raw, policy=default)  # type: ignore[return-value]


def test_reply_headers_stop_loops_and_thread() -> None:
    message = _render(["username"])
    assert message["To"].addresses[0].addr_spec == "jo@example.net"
    assert message["Subject"] == "Re: help [case PR-7K3M9Q2XHD]"
    assert message["Auto-Submitted"] == "auto-replied"
    assert message["X-Auto-Response-Suppress"] == "All"
    assert message["Precedence"] == "bulk"
    assert message["In-Reply-To"] == "<abc@example.net>"
    assert message["References"] == "<root@example.net> <abc@example.net>"
    assert message["Message-ID"].startswith("<PR-7K3M9Q2XHD.") and message["Date"]


def test_missing_details_lists_each_item_with_a_fill_in_line() -> None:
    body = _render(["credentials", "code_of_conduct"]).get_content()
    assert "- Account access:" in body and "- Code of Conduct:" in body
    assert "Access to password (yes/no):" in body and "Code of Conduct agreed (yes/no):" in body
    assert "Username:" not in body and "[case PR-7K3M9Q2XHD]" in body


def test_acknowledgement_promises_nothing_and_mentions_redaction() -> None:
    body = _render([], redacted=True).get_content()
    assert "waiting for review" in body and "PR-7K3M9Q2XHD" in body
    assert "removed it" in body and "promise" not in body.lower()


def test_subject_prefixes_and_tags_do_not_stack() -> None:
    assert reply_subject("RE: Re: AW: help [case PR-7K3M9Q2XHD]", "PR-7K3M9Q2XHD") == (
        "Re: help [case PR-7K3M9Q2XHD]"
    )
    assert reply_subject("bad\r\nBcc: x@example.net", "PR-7K3M9Q2XHD").count("\n") == 0
    assert reply_subject("", "PR-7K3M9Q2XHD") == "Re: Account recovery [case PR-7K3M9Q2XHD]"


def test_templates_are_found() -> None:
    assert (templates_dir() / "acknowledgement.txt.j2").is_file()
