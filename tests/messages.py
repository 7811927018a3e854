"""Building test emails and reading what the product wrote."""

from __future__ import annotations

import email
import mailbox
from datetime import UTC, datetime
from email.message import EmailMessage, Message
from email.policy import default
from email.utils import format_datetime, make_msgid
from pathlib import Path

COMPLETE_BODY = """Hello,

I'm locked out of my PyPI account {username}. I lost my phone with the authenticator app.
I never saved the recovery codes.
I still have my username and password, and I can read mail at the address on the account.
I agree to follow the PSF Code of Conduct and I understand that it may take a significant
amount of time to process my request.
"""

FOLLOW_UP = """Access to username (yes/no): yes
Access to password (yes/no): yes
Access to account email (yes/no): yes
Recovery codes (lost / not working / never saved / have): lost
Code of Conduct agreed (yes/no): yes
Accept that recovery can take a long time (yes/no): yes
"""

INCOMPLETE_BODY = """Hi, my PyPI account is {username} and I lost my phone with the
authenticator app. Please help.
"""


def make_message(
    sender: str,
    body: str,
    *,
    subject: str = "Account recovery",
    message_id: str | None = None,
    in_reply_to: str | None = None,
    headers: dict[str, str] | None = None,
) -> bytes:
    """A plain-text email as bytes."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "support@pypi-support.example"
    message["Subject"] = subject
    message["Date"] = format_datetime(datetime.now(UTC))
    message["Message-ID"] = message_id or make_msgid(domain="example.org")
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        message["References"] = in_reply_to
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body)
    return message.as_bytes()


def deliver(inbox: Path, raw: bytes) -> str:
    """Drop a message into a Maildir's new/ folder; return its key."""
    return mailbox.Maildir(inbox, create=True).add(raw)


def maildir_messages(path: Path) -> list[Message]:
    """Every message in a Maildir (new/ and cur/), parsed."""
    box = mailbox.Maildir(path, create=False)
    return [email.message_from_bytes(box.get_bytes(key), policy=default) for key in box.iterkeys()]


def body_of(message: Message) -> str:
    part = message.get_body(preferencelist=("plain",))  # type: ignore[attr-defined]
    return str(part.get_content()) if part else ""
