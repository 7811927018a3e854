"""Reading mail: raw bytes into a ParsedMessage with secrets redacted, and robots spotted.

``parse_message`` decodes MIME within limits (HTML to text, quotes and signatures
split from the requester's own words, attachments as metadata); ``automated_reason``
names the rule saying a machine wrote it. Nothing here touches a database or network.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from intake.lazy import lazy_exports

if TYPE_CHECKING:
    from intake.reading.addresses import Address, parse_mailbox
    from intake.reading.parse import Attachment, ParsedMessage, parse_message
    from intake.reading.robots import MACHINE_WRITTEN, GuardContext, automated_reason

_HOMES = {
    "Address": "intake.reading.addresses",
    "parse_mailbox": "intake.reading.addresses",
    "Attachment": "intake.reading.parse",
    "ParsedMessage": "intake.reading.parse",
    "parse_message": "intake.reading.parse",
    "MACHINE_WRITTEN": "intake.reading.robots",
    "GuardContext": "intake.reading.robots",
    "automated_reason": "intake.reading.robots",
}
__getattr__ = lazy_exports(__name__, _HOMES)
__all__ = [
    "MACHINE_WRITTEN",
    "Address",
    "Attachment",
    "GuardContext",
    "ParsedMessage",
    "automated_reason",
    "parse_mailbox",
    "parse_message",
]
