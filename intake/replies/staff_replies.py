"""Replies staff write to a requester: from a template or free text, threaded, queued.

The message goes only to the case's requester, in the case's thread (In-Reply-To and
References of the requester's last message, the token in the subject), and waits in the
outbox for the daemon to send it: the desk itself never talks to a mail server. A
template may also move the case (asking something leaves it ``waiting_on_requester``).
"""

from __future__ import annotations

from typing import Any

from intake.cases.actions import set_status
from intake.cases.history import add_event
from intake.cases.lookup import find_case
from intake.cases.status import check_transition
from intake.config import Config
from intake.errors import IntakeError
from intake.extraction.fields import SAFETY_NOTE
from intake.reading.addresses import is_public_domain, parse_mailbox
from intake.replies.outbox import queue_message
from intake.replies.rendering import OutgoingReply, render_staff_reply
from intake.replies.staff_templates import STAFF_TEMPLATES, StaffTemplate
from intake.staff.audit import audit
from intake.storage import Store
from intake.templating import render_text

MAX_TEXT = 10_000


def reply_to_requester(
    store: Store,
    config: Config,
    ref: str | int,
    staff: str,
    *,
    template: str | None = None,
    text: str = "",
) -> OutgoingReply:
    """Queue a reply to the requester of case ``ref``; return it (sent by the daemon)."""
    chosen = _template(template, text)
    with store.transaction():
        case = find_case(store, ref)
        if chosen and chosen.status and chosen.status != case["status"]:
            check_transition(case["status"], chosen.status)
        reply = _render(store, config, case, template, text.strip())
        queue_message(store, case["id"], reply, trigger="staff")
        add_event(store, case["id"], "staff_reply", {"template": template, "by": staff})
        audit(store, staff, "reply", case["id"], {"template": template})
        if chosen and chosen.status and chosen.status != case["status"]:
            set_status(store, case["id"], chosen.status, staff, f"replied: {chosen.title}")
    return reply


def _template(template: str | None, text: str) -> StaffTemplate | None:
    if template is None:
        if not text.strip():
            raise IntakeError("the reply is empty: give a template or some text")
    elif template not in STAFF_TEMPLATES:
        raise IntakeError(
            f"unknown reply template {template!r}; expected one of {', '.join(STAFF_TEMPLATES)}"
        )
    if len(text) > MAX_TEXT:
        raise IntakeError(f"the reply text is over {MAX_TEXT} characters")
    return STAFF_TEMPLATES.get(template or "")


def _render(
    store: Store, config: Config, case: dict[str, Any], template: str | None, text: str
) -> OutgoingReply:
    recipient = parse_mailbox(case["requester"])
    if recipient is None or not is_public_domain(recipient.domain, config.private_domains_answered):
        raise IntakeError(f"the requester's address {case['requester']!r} cannot be answered")
    last = store.rows(
        'SELECT message_id, "references", subject FROM messages WHERE case_id = ? '
        "AND direction = 'in' AND sender = ? COLLATE NOCASE ORDER BY id DESC LIMIT 1",
        (case["id"], case["requester"]),
    )
    thread = last[0] if last else {"message_id": None, "references": [], "subject": ""}
    body = render_text(
        f"staff_replies/{template or 'free_text'}.txt.j2",
        token=case["token"],
        username=case["username"],
        text=text,
        safety_note=SAFETY_NOTE,
    )
    return render_staff_reply(
        token=case["token"],
        sender=config.reply.from_,
        recipient=recipient,
        subject=thread["subject"] or "Account recovery",
        body=body,
        in_reply_to=thread["message_id"],
        references=thread["references"] or [],
    )
