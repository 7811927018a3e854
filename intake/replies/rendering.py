"""Rendering replies to requesters and messages to staff, as bytes ready to send.

Bodies come from the templates (``intake.templating``). Headers: one recipient, our
own Message-ID carrying the case token, and every marker that tells robots not to
answer us (Auto-Submitted, X-Auto-Response-Suppress, Precedence, X-Loop).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from email.header import Header
from email.quoprimime import body_encode
from email.utils import format_datetime, formataddr

from intake.characters import strip_controls
from intake.clock import utcnow
from intake.extraction.fields import (
    CODE_OF_CONDUCT,
    REDACTION_NOTE,
    REQUIREMENTS,
    REVIEW_NOTE,
    SAFETY_NOTE,
    as_asked,
)
from intake.extraction.languages import reply_line
from intake.reading.addresses import Address
from intake.templating import render_text

TOKEN_IN_TEXT = re.compile(r"PR-[0-9A-Z]{10}")
_CASE_TAG = re.compile(r"\s*\[case PR-[0-9A-Z]{10}\]", re.I)
_REPLY_PREFIX = re.compile(r"^\s*((re|aw|sv|antw|fwd?|wg)\s*(\[\d+\])?\s*:\s*)+", re.I)


@dataclass(frozen=True, slots=True)
class OutgoingReply:
    """A rendered message ready for the outbox."""

    kind: str
    message_id: str
    recipient: str
    subject: str
    raw: bytes
    body: str


def reply_subject(original: str, token: str) -> str:
    """``Re: <original> [case PR-…]`` without stacking prefixes or tags."""
    bare = _REPLY_PREFIX.sub("", _CASE_TAG.sub("", strip_controls(original))).strip()
    bare = " ".join(bare.split())[:200] or "Account recovery"
    return f"Re: {bare} [case {token}]"


def render_reply(
    kind: str,
    *,
    token: str,
    sender: Address,
    recipient: Address,
    subject: str,
    in_reply_to: str | None,
    references: Sequence[str],
    missing: Sequence[str],
    redacted: bool,
    language: str | None = None,
    stated: Collection[str] = (),
) -> OutgoingReply:
    """Render the acknowledgement or the missing-details reply for one request.

    A request written in another language gets one line in that language first, where
    a translation is shipped; the rest stays English, the language staff work in.
    ``stated`` names the credential parts already answered, which are not asked again.
    """
    wanted = [as_asked(r, stated) for r in REQUIREMENTS if r.name in missing]
    body = render_text(
        f"{kind}.txt.j2",
        token=token,
        missing=wanted,
        fill_in=[line for r in wanted for line in r.fill_in],
        redacted=redacted,
        redaction_note=REDACTION_NOTE,
        safety_note=SAFETY_NOTE,
        review_note=REVIEW_NOTE,
        default_code_of_conduct=CODE_OF_CONDUCT,
        language_line=reply_line(language) or "",
    )
    return _in_thread(
        kind, token, sender, recipient, subject, body, in_reply_to, references, "auto-replied"
    )


def render_staff_message(
    *, sender: Address, staff: Address, subject: str, body: str, kind: str
) -> OutgoingReply:
    """A message to one staff address (case ready for review, alerts)."""
    token = TOKEN_IN_TEXT.search(subject)
    return _message(
        kind,
        token=token.group(0) if token else "intake",
        sender=sender,
        recipient=staff,
        subject=subject,
        body=body,
        in_reply_to=None,
        references=[],
        auto_submitted="auto-generated",
    )


def render_staff_reply(
    *,
    token: str,
    sender: Address,
    recipient: Address,
    subject: str,
    body: str,
    in_reply_to: str | None,
    references: Sequence[str],
) -> OutgoingReply:
    """A reply a staff member wrote, threaded into the case; not marked as automatic."""
    return _in_thread(
        "staff_reply", token, sender, recipient, subject, body, in_reply_to, references, ""
    )


def _in_thread(
    kind: str,
    token: str,
    sender: Address,
    recipient: Address,
    subject: str,
    body: str,
    in_reply_to: str | None,
    references: Sequence[str],
    auto_submitted: str,
) -> OutgoingReply:
    """A reply in the requester's thread: ``Re:`` and the case tag, References extended."""
    thread = [*references, in_reply_to] if in_reply_to else list(references)
    return _message(
        kind,
        token=token,
        sender=sender,
        recipient=recipient,
        subject=reply_subject(subject, token),
        body=body,
        in_reply_to=in_reply_to,
        references=thread[-20:],
        auto_submitted=auto_submitted,
    )


def _message(
    kind: str,
    *,
    token: str,
    sender: Address,
    recipient: Address,
    subject: str,
    body: str,
    in_reply_to: str | None,
    references: Sequence[str],
    auto_submitted: str,
) -> OutgoingReply:
    """Headers and body as bytes; ``auto_submitted`` empty: a person wrote it (no bulk)."""
    message_id = f"<{token}.{secrets.token_hex(8)}@{sender.domain}>"
    headers = [
        ("From", formataddr((sender.name, sender.email), charset="utf-8")),
        ("To", formataddr((strip_controls(recipient.name), recipient.email), charset="utf-8")),
        ("Subject", subject),
        ("Date", format_datetime(utcnow())),
        ("Message-ID", message_id),
        ("In-Reply-To", in_reply_to or ""),
        ("References", " ".join(references)),
        ("Auto-Submitted", auto_submitted),
        ("X-Auto-Response-Suppress", "All"),
        ("Precedence", "bulk" if auto_submitted else ""),
        ("X-Loop", sender.email),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'text/plain; charset="utf-8"'),
    ]
    return OutgoingReply(
        kind=kind,
        message_id=message_id,
        recipient=recipient.email,
        subject=subject,
        raw=compose(headers, body),
        body=body,
    )


def compose(headers: Sequence[tuple[str, str]], body: str) -> bytes:
    """Serialise a plain-text UTF-8 message with CRLF line ends; empty headers are left out.

    Written by hand because ``EmailMessage`` re-parses every header it is given,
    which made rendering the costliest step of a cycle. Values here are ours or
    already validated; CR and LF never reach a header.
    """
    lines = [_header(name, value) for name, value in headers if value]
    text = body.replace("\r\n", "\n").rstrip("\n")
    if text.isascii() and all(len(line) <= 900 for line in text.split("\n")):
        lines.append("Content-Transfer-Encoding: 7bit")
        encoded = text.replace("\n", "\r\n")
    else:
        lines.append("Content-Transfer-Encoding: quoted-printable")
        encoded = body_encode(text.encode("utf-8").decode("latin-1"), maxlinelen=76, eol="\r\n")
    return ("\r\n".join(lines) + "\r\n\r\n" + encoded + "\r\n").encode("ascii")


def _header(name: str, value: str) -> str:
    """One folded header line; requester text in it has lost every control character."""
    value = strip_controls(value)
    if not value.isascii():
        return f"{name}: " + Header(value, "utf-8", header_name=name).encode(linesep="\r\n")
    line, folded = f"{name}:", []
    for word in value.split(" "):
        if len(line) + 1 + len(word) > 78 and line != f"{name}:":
            folded.append(line)
            line = " "
        line = f"{line} {word}" if line != " " else f" {word}"
    return "\r\n".join([*folded, line])
