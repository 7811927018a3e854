"""Raw email bytes into a ParsedMessage: headers, plain text, own words, attachments.

mail-parser does the MIME work; its objects never leave this module. Limits are
checked before and after parsing so hostile mail fails with MessageError (and is
quarantined by the pipeline) instead of exhausting memory or recursion.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import logging
import re
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from email.header import Header, decode_header, make_header
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime
from typing import Any

import mailparser

from intake.errors import MessageError
from intake.reading.addresses import Address, is_addr_spec, parse_mailbox
from intake.reading.htmltext import html_to_text
from intake.reading.quotes import split_quotes
from intake.reading.redact import redact

logging.getLogger("mailparser").setLevel(logging.CRITICAL)

MAX_HEADER_BYTES = 64 * 1024
MAX_PARTS = 100
MAX_DEPTH = 10
_LOOSE_ZERO_WIDTH = re.compile(r"(?<!\w)\u200b+|\u200b+(?!\w)")
_MESSAGE_ID = re.compile(r"<[^<>\s]{1,900}>")


@dataclass(frozen=True, slots=True)
class Attachment:
    """Metadata of one attachment; the content itself is never kept."""

    name: str
    type: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class ParsedMessage:
    """One email, decoded, with secrets already redacted from every text field."""

    message_id: str | None
    sender: Address | None
    from_header: str
    from_addresses: tuple[str, ...]
    subject: str
    date: str | None
    in_reply_to: tuple[str, ...]
    references: tuple[str, ...]
    headers: tuple[tuple[str, str], ...]
    content_type: str
    text: str
    own_text: str
    quoted_text: str
    attachments: tuple[Attachment, ...]
    raw_sha256: str
    size: int
    redactions: tuple[str, ...]

    def header(self, name: str) -> list[str]:
        """All values of header ``name`` (case-insensitive), unfolded."""
        wanted = name.lower()
        return [value for key, value in self.headers if key == wanted]

    def has_header(self, name: str) -> bool:
        return any(key == name.lower() for key, _ in self.headers)


def parse_message(raw: bytes, *, max_bytes: int = 10_000_000) -> ParsedMessage:
    """Parse one email; raise MessageError when it breaks a limit or cannot be read."""
    _check_raw_limits(raw, max_bytes)
    try:
        mail = mailparser.parse_from_bytes(raw)
    except Exception as exc:  # mail-parser raises many unrelated types on hostile input
        raise MessageError(f"unreadable MIME structure: {type(exc).__name__}") from None
    message: Message = mail.message
    _check_structure(message)
    headers = tuple(_decoded_headers(message))
    text = _body_text(mail)
    redacted = redact(text)
    subject = redact(_first(headers, "subject")).text
    split = split_quotes(redacted.text, _first(headers, "from"))
    raw_from = [_unfolded(value) for value in message.get_all("from") or []]
    return ParsedMessage(
        message_id=_first_id(_first(headers, "message-id")),
        sender=parse_mailbox(raw_from[0]) if len(raw_from) == 1 else None,
        from_header=_first(headers, "from"),
        from_addresses=_addresses(raw_from),
        subject=subject,
        date=_iso_date(_first(headers, "date")),
        in_reply_to=tuple(_MESSAGE_ID.findall(_first(headers, "in-reply-to"))),
        references=tuple(_MESSAGE_ID.findall(_first(headers, "references")))[-50:],
        headers=headers,
        content_type=message.get_content_type(),
        text=redacted.text,
        own_text=split.own,
        quoted_text=split.quoted,
        attachments=tuple(_attachments(mail.attachments)),
        raw_sha256=hashlib.sha256(raw).hexdigest(),
        size=len(raw),
        redactions=redacted.kinds,
    )


def _check_raw_limits(raw: bytes, max_bytes: int) -> None:
    if len(raw) > max_bytes:
        raise MessageError(f"message is {len(raw)} bytes, over the limit of {max_bytes}")
    ends = [i for i in (raw.find(b"\r\n\r\n"), raw.find(b"\n\n")) if i >= 0]
    header_end = min(ends) if ends else len(raw)
    if header_end > MAX_HEADER_BYTES:
        raise MessageError(f"header block is over {MAX_HEADER_BYTES} bytes")


def _check_structure(message: Message) -> None:
    for parts, depth in enumerate(_part_depths(message, 0), start=1):
        if parts > MAX_PARTS:
            raise MessageError(f"more than {MAX_PARTS} MIME parts")
        if depth > MAX_DEPTH:
            raise MessageError(f"MIME parts nested deeper than {MAX_DEPTH}")


def _part_depths(part: Message, depth: int) -> Iterator[int]:
    yield depth
    if depth > MAX_DEPTH:
        return
    payload = part.get_payload()
    if part.is_multipart() and isinstance(payload, list):
        for child in payload:
            if isinstance(child, Message):
                yield from _part_depths(child, depth + 1)


def _decoded_headers(message: Message) -> Iterator[tuple[str, str]]:
    for name, value in message.items():
        yield name.lower(), _header_text(value)


def _header_text(value: Any) -> str:
    """Unfold and decode one header value to text, never raising."""
    if isinstance(value, Header):
        text = str(value)
    else:
        text = str(value).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    text = re.sub(r"\r?\n[ \t]+", " ", text).replace("\r", " ").replace("\n", " ")
    if "=?" in text:
        with suppress(ValueError, LookupError, UnicodeError, AssertionError):
            text = str(make_header(decode_header(text)))
    return text.replace("\0", "").strip()


def _unfolded(value: Any) -> str:
    """A header value as it came, unfolded but not decoded.

    The reply address must be an addr-spec that stands in the raw header, where the
    receiving MX checked it: never one that only appears after decoding an encoded-word.
    """
    text = str(value).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return re.sub(r"\r?\n[ \t]+", " ", text).replace("\r", " ").replace("\n", " ").strip()


def _addresses(raw_from: list[str]) -> tuple[str, ...]:
    """Every valid addr-spec in the raw From headers (more than one: several senders)."""
    return tuple(address for _, address in getaddresses(raw_from) if is_addr_spec(address))


def _first(headers: tuple[tuple[str, str], ...], name: str) -> str:
    return next((value for key, value in headers if key == name), "")


def _first_id(value: str) -> str | None:
    found = _MESSAGE_ID.search(value)
    return found.group(0) if found else None


def _iso_date(value: str) -> str | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _body_text(mail: Any) -> str:
    plain = "\n".join(part for part in mail.text_plain if isinstance(part, str))
    if plain.strip():
        return _clean(plain)
    html = "\n".join(part for part in mail.text_html if isinstance(part, str))
    return _clean(html_to_text(html)) if html else ""


def _clean(text: str) -> str:
    """Plain line ends and spaces; a zero-width character goes, unless it sits inside a
    word, where it can only be there to make a name look like another one."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "")
    text = _LOOSE_ZERO_WIDTH.sub("", text.replace("\u00a0", " ").replace("\ufeff", ""))
    return text.encode("utf-8", "replace").decode("utf-8")


def _attachments(items: list[dict[str, Any]]) -> Iterator[Attachment]:
    for item in items:
        content = _attachment_bytes(item)
        yield Attachment(
            name=_header_text(item.get("filename") or "")[:200],
            type=str(item.get("mail_content_type") or "application/octet-stream"),
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
        )


def _attachment_bytes(item: dict[str, Any]) -> bytes:
    payload = item.get("payload") or ""
    if item.get("binary"):
        try:
            return base64.b64decode(payload)
        except (binascii.Error, ValueError):
            return str(payload).encode("utf-8", "replace")
    return str(payload).encode("utf-8", "surrogateescape")
