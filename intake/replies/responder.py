"""The reply side of storing a message: decide within the limits, render, queue, tell staff.

One ``Responder`` serves one cycle. It keeps the count of replies queued this hour in
memory after counting once, so the global limit costs no query per message.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from intake.cases.status import AUTO_REPLY_STATUSES
from intake.cases.summary import case_detail, render_summary
from intake.config import Config
from intake.logs import event
from intake.reading.addresses import Address
from intake.replies.choice import Decision, decide_reply
from intake.replies.limits import limit_reached, replies_in_last_hour
from intake.replies.outbox import queue_message
from intake.replies.rendering import render_reply, render_staff_message
from intake.staff.accounts import find_staff
from intake.storage import Store, claim_notice
from intake.templating import render_text

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SavedCase:
    """What replying needs of the case a message was stored in."""

    id: int
    token: str
    requester: str


@dataclass(frozen=True, slots=True)
class Inbound:
    """What replying needs of the message being answered."""

    sender: Address
    subject: str
    message_id: str | None
    references: tuple[str, ...]
    redacted: bool
    language: str | None = None


class Responder:
    """Replies for one cycle against one store."""

    def __init__(self, config: Config, store: Store) -> None:
        self.config = config
        self.store = store
        self._replies_this_hour: int | None = None

    def decide(
        self,
        case: SavedCase,
        status_before: str | None,
        status: str,
        missing: list[str],
        trigger: str,
    ) -> Decision:
        """Choose the reply; a broken limit means none (``trigger``: new/changed/unchanged)."""
        blocked = None
        if status_before in (None, *AUTO_REPLY_STATUSES):
            blocked = self._limit_reached(case, changed=trigger != "unchanged")
        return decide_reply(
            blocked_by=blocked, status_before=status_before, status=status, missing=missing
        )

    def _limit_reached(self, case: SavedCase, *, changed: bool) -> str | None:
        if self._replies_this_hour is None:
            self._replies_this_hour = replies_in_last_hour(self.store)
        blocked = limit_reached(
            self.store,
            self.config.limits,
            case.requester,
            case.id,
            self._replies_this_hour,
            changed=changed,
        )
        if blocked == "global_rate_limit":
            self._global_limit_reached()
        return blocked

    def _global_limit_reached(self) -> None:
        if not claim_notice(self.store, "global_rate_limit", timedelta(hours=1)):
            return
        log.error(
            "global reply limit reached (%d per hour): auto-replies paused, ingest goes on",
            self.config.limits.replies_per_hour,
            extra=event("limit.global"),
        )
        body = render_text("rate_limit_alert.txt.j2", per_hour=self.config.limits.replies_per_hour)
        self._tell_staff(
            None, "Auto-replies paused: global reply limit reached", body, "staff_alert"
        )

    def queue_reply(
        self,
        case: SavedCase,
        message: Inbound,
        decision: Decision,
        missing: list[str],
        trigger: str,
        stated: frozenset[str] = frozenset(),
    ) -> None:
        """Render the chosen reply to the requester and queue it in the outbox."""
        reply = render_reply(
            decision.reply,
            token=case.token,
            sender=self.config.reply.from_,
            recipient=message.sender,
            subject=message.subject,
            in_reply_to=message.message_id,
            references=list(message.references),
            missing=missing,
            redacted=message.redacted,
            language=message.language,
            stated=stated,
        )
        queue_message(self.store, case.id, reply, trigger=trigger)
        if self._replies_this_hour is not None:
            self._replies_this_hour += 1

    def notify_staff(self, case_id: int) -> None:
        """Queue the case summary to every staff address: the case is ready for review."""
        detail = case_detail(self.store, case_id)
        case = detail["case"]
        body = render_text(
            "staff_notification.txt.j2", token=case["token"], summary=render_summary(detail)
        )
        subject = (
            f"[case {case['token']}] ready for review: {case['username'] or 'username not given'}"
        )
        self._tell_staff(case_id, subject, body, "staff_notification")

    def notify_answer(self, case_id: int) -> None:
        """The requester answered staff's question: tell the assigned staff member."""
        detail = case_detail(self.store, case_id)
        case = detail["case"]
        body = render_text(
            "staff_answer.txt.j2", token=case["token"], summary=render_summary(detail)
        )
        subject = f"[case {case['token']}] the requester answered; back in review"
        assigned = find_staff(self.store, case["assigned_to"]) if case["assigned_to"] else None
        if assigned is None or assigned.disabled:
            self._tell_staff(case_id, subject, body, "staff_notification")
            return
        notice = render_staff_message(
            sender=self.config.reply.from_,
            staff=Address(assigned.name, assigned.email),
            subject=subject,
            body=body,
            kind="staff_notification",
        )
        queue_message(self.store, case_id, notice)

    def notify_reopened(self, case_id: int) -> None:
        """Queue the case summary to staff: the requester wrote again on a decided case."""
        detail = case_detail(self.store, case_id)
        case = detail["case"]
        body = render_text(
            "staff_reopened.txt.j2",
            token=case["token"],
            status=case["status"],
            summary=render_summary(detail),
        )
        subject = (
            f"[case {case['token']}] requester wrote again after the case was {case['status']}"
        )
        self._tell_staff(case_id, subject, body, "staff_notification")

    def _tell_staff(self, case_id: int | None, subject: str, body: str, kind: str) -> None:
        for staff in self.config.reply.staff:
            notice = render_staff_message(
                sender=self.config.reply.from_, staff=staff, subject=subject, body=body, kind=kind
            )
            queue_message(self.store, case_id, notice)
