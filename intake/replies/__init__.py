"""Replies: choosing, rendering, queueing and sending what we write back.

``choice`` decides which reply a message gets, ``limits`` keeps within the rate limits,
``rendering`` turns a template into bytes with safe headers, ``outbox`` stores and sends
them at least once, ``sender`` sends from a thread while a cycle stores mail, and
``transports`` carry them away (SMTP, or a Maildir folder).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from intake.lazy import lazy_exports

if TYPE_CHECKING:
    from intake.replies.choice import Decision, decide_reply
    from intake.replies.outbox import FlushResult, flush_outbox, queue_message
    from intake.replies.rendering import OutgoingReply, render_reply, reply_subject

_HOMES = {
    "Decision": "intake.replies.choice",
    "decide_reply": "intake.replies.choice",
    "FlushResult": "intake.replies.outbox",
    "flush_outbox": "intake.replies.outbox",
    "queue_message": "intake.replies.outbox",
    "OutgoingReply": "intake.replies.rendering",
    "render_reply": "intake.replies.rendering",
    "reply_subject": "intake.replies.rendering",
}
__getattr__ = lazy_exports(__name__, _HOMES)
__all__ = [
    "Decision",
    "FlushResult",
    "OutgoingReply",
    "decide_reply",
    "flush_outbox",
    "queue_message",
    "render_reply",
    "reply_subject",
]
