"""Replies: choosing, rendering, queueing and sending what we write back.

``choice`` decides which reply a message gets, ``limits`` keeps within the rate limits,
``rendering`` turns a template into bytes with safe headers, ``outbox`` stores and sends
them at least once, ``sender`` sends from a thread while a cycle stores mail, and
``transports`` carry them away (SMTP, or a Maildir folder).
"""

from __future__ import annotations

from intake.replies.choice import Decision, decide_reply
from intake.replies.outbox import FlushResult, flush_outbox, queue_message
from intake.replies.rendering import OutgoingReply, render_reply, reply_subject

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
