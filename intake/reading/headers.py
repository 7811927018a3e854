"""Whether raw bytes are an email at all, judged from the header block alone.

An empty file, a binary file or a text file without ``Name: value`` header lines parses
"successfully" into a message with no headers. That is not a request to read: it is a
file given by mistake, and saying so beats printing ``From: None``.
"""

from __future__ import annotations

from email.parser import BytesHeaderParser
from email.policy import compat32

from intake.errors import MessageError

# Headers that every real email carries at least one of.
_CORE = ("from", "date", "subject", "message-id", "to")
_SNIFF_BYTES = 64 * 1024


def require_email(raw: bytes) -> None:
    """Raise MessageError unless ``raw`` starts with a header block naming a core header."""
    if not raw.strip():
        raise MessageError("not an email: the file is empty")
    if b"\0" in raw[:_SNIFF_BYTES]:
        raise MessageError("not an email: the file is binary")
    headers = BytesHeaderParser(policy=compat32).parsebytes(raw[:_SNIFF_BYTES])
    names = {name.lower() for name in headers}
    if not names.intersection(_CORE):
        raise MessageError("not an email: no From, Date, Subject, Message-ID or To header")
