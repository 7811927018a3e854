"""What happens with time: holds end, silent requesters are reminded and later closed,
verification packs are kept fresh and branch proofs are looked for.

``run_timers`` runs after every poll (and in ``run --once``) with the time passed in, so
tests can move the clock. Messages it sends follow the same rules as any reply: never to
a robot's or a private address, never past the rate limits.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from intake.cases.actions import set_status
from intake.cases.lookup import find_case
from intake.clock import iso, utcnow
from intake.config import Config
from intake.errors import IntakeError
from intake.logs import event
from intake.reading.addresses import is_public_domain
from intake.reading.robots import is_robot_address
from intake.replies.limits import limit_reached, replies_in_last_hour
from intake.replies.responder import Responder
from intake.replies.staff_replies import reply_to_requester
from intake.storage import Store
from intake.verification import check_proofs, refresh_stale_packs

log = logging.getLogger(__name__)
DAEMON = "daemon"
WAITING = ("awaiting_details", "waiting_on_requester")


@dataclass(slots=True)
class TimerResult:
    """What one run did, by kind (``released``, ``reminded``, ``closed``, …)."""

    done: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, n: int = 1) -> None:
        if n:
            self.done[kind] = self.done.get(kind, 0) + n


def run_timers(store: Store, config: Config, now: datetime | None = None) -> TimerResult:
    moment = now or utcnow()
    result = TimerResult()
    result.count("released", _release_holds(store, config, moment))
    quiet_since = iso(moment - timedelta(days=config.timers.remind_after_days))
    for case in _silent_cases(store, quiet_since):
        idle = moment - datetime.fromisoformat(case["idle_since"])
        if idle >= timedelta(days=config.timers.close_after_days):
            result.count("closed", _close(store, config, case))
        elif idle >= timedelta(days=config.timers.remind_after_days) and not case["reminded"]:
            result.count("reminded", _remind(store, config, case))
    if config.index.api:
        result.count("packs", refresh_stale_packs(store, config, moment))
        for happened in check_proofs(store, config, moment):
            result.count(happened)
    return result


def _release_holds(store: Store, config: Config, moment: datetime) -> int:
    rows = store.rows(
        "SELECT id, token FROM cases WHERE status = 'on_hold' AND hold_until <= ?", (iso(moment),)
    )
    for row in rows:
        with store.transaction():
            set_status(store, row["id"], "ready_for_review", DAEMON, "the waiting period is over")
            Responder(config, store).notify_staff(row["id"])
        log.info(
            "waiting period over: ready for review",
            extra=event("timer.released", case=row["token"]),
        )
    return len(rows)


def _silent_cases(store: Store, quiet_since: str) -> list[dict[str, Any]]:
    """Cases waiting on the requester and silent since ``quiet_since`` or longer, with when
    they last heard of them and whether a reminder went out since.

    Silence starts at the latest of: the case's creation, its last status change, and the
    requester's last message on it. Only these few cases are looked at one by one.
    """
    marks = ",".join("?" for _ in WAITING)
    rows = store.rows(
        "SELECT * FROM (SELECT c.id, c.token, c.status, c.requester, max(c.created_at, "
        "COALESCE((SELECT max(at) FROM events e WHERE e.case_id = c.id "
        "AND e.kind = 'status_changed'), ''), "
        "COALESCE((SELECT max(received_at) FROM messages m WHERE m.case_id = c.id "
        "AND m.direction = 'in' AND m.automated_reason IS NULL), '')) AS idle_since "
        f"FROM cases c WHERE c.status IN ({marks})) WHERE idle_since <= ?",
        (*WAITING, quiet_since),
    )
    return [_with_reminder(store, row) for row in rows]


def _with_reminder(store: Store, row: dict[str, Any]) -> dict[str, Any]:
    reminded = store.scalar(
        "SELECT 1 FROM events WHERE case_id = ? AND kind = 'staff_reply' "
        "AND json_extract(detail, '$.template') = 'reminder' AND at >= ?",
        (row["id"], row["idle_since"]),
    )
    return {**row, "reminded": bool(reminded)}


def _answerable(store: Store, config: Config, case: dict[str, Any]) -> str | None:
    """Why no message may go to this case's requester now, or None."""
    address = case["requester"]
    domain = address.rsplit("@", 1)[-1]
    if is_robot_address(address) or not is_public_domain(domain, config.private_domains_answered):
        return "the requester's address is a robot's or private"
    return limit_reached(
        store, config.limits, address, case["id"], replies_in_last_hour(store), changed=True
    )


def _remind(store: Store, config: Config, case: dict[str, Any]) -> int:
    blocked = _answerable(store, config, case)
    if blocked:
        log.info("no reminder: %s", blocked, extra=event("timer.not_reminded", case=case["token"]))
        return 0
    reply_to_requester(store, config, case["id"], DAEMON, template="reminder")
    log.info("reminded the requester", extra=event("timer.reminded", case=case["token"]))
    return 1


def _close(store: Store, config: Config, case: dict[str, Any]) -> int:
    """Close for no response, with the final message where one may be sent."""
    blocked = _answerable(store, config, case)
    try:
        if blocked:
            set_status(store, case["id"], "closed_no_response", DAEMON, "no answer")
        else:
            reply_to_requester(store, config, case["id"], DAEMON, template="closed_no_response")
    except IntakeError as exc:
        log.warning("cannot close: %s", exc, extra=event("timer.error", case=case["token"]))
        return 0
    status = find_case(store, case["id"])["status"]
    log.info(
        "closed for no response%s (now %s)",
        f"; no message: {blocked}" if blocked else "",
        status,
        extra=event("timer.closed", case=case["token"]),
    )
    return 1
