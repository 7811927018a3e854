"""The outbox: replies are stored (rendered bytes and Message-ID) before any send.

Sending is at-least-once: a row leaves ``pending`` only after the transport took
it. Temporary failures back off from one minute, doubling up to an hour;
permanent ones (5xx) are marked ``failed`` and recorded on the case for staff.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from collections.abc import AsyncGenerator, Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from intake.cases.history import add_event
from intake.clock import iso, utcnow
from intake.errors import DeliveryError
from intake.logs import event
from intake.replies.rendering import OutgoingReply
from intake.replies.transports import Transport
from intake.storage import Store

log = logging.getLogger(__name__)

FIRST_RETRY = timedelta(minutes=1)
LAST_RETRY = timedelta(hours=1)
REPLY_KINDS = ("acknowledgement", "missing_details", "staff_reply")  # to requesters
PAGE = 200


@dataclass(frozen=True, slots=True)
class FlushResult:
    """What one pass over the due outbox rows did (``sent``/``failed`` count replies
    to requesters; ``staff_sent`` counts notifications and alerts; ``error`` says why
    the transport was unavailable, when it was)."""

    sent: int = 0
    failed: int = 0
    deferred: int = 0
    staff_sent: int = 0
    error: str = ""


def queue_message(
    store: Store, case_id: int | None, reply: OutgoingReply, *, trigger: str = "new"
) -> None:
    """Store a rendered message for sending (inside the caller's transaction)."""
    now = iso(utcnow())
    store.insert(
        "outbox",
        {
            "case_id": case_id,
            "message_id": reply.message_id,
            "recipient": reply.recipient,
            "kind": reply.kind,
            "trigger": trigger,
            "raw": reply.raw,
            "status": "pending",
            "attempts": 0,
            "next_attempt_at": now,
            "created_at": now,
        },
    )
    store.insert(
        "messages",
        {
            "case_id": case_id,
            "direction": "out",
            "message_id": reply.message_id,
            "recipient": reply.recipient,
            "subject": reply.subject,
            "body_text": reply.body,
            "reply": reply.kind,
            "received_at": now,
        },
    )


async def flush_outbox(
    store: Store,
    transport: Transport,
    *,
    now: datetime | None = None,
    stop: threading.Event | None = None,
    more: Callable[[], Awaitable[bool]] | None = None,
) -> FlushResult:
    """Send every due pending row over one transport session, a page of rows at a time.

    ``stop`` ends the pass between two messages (a signal). ``more`` is awaited when
    nothing is due: while it returns True the session stays open for rows stored
    meanwhile. The transport is opened only when something is due.
    """
    rows = _due_rows(store, now, stop, more)
    row = await anext(rows, None)
    if row is None:
        return FlushResult()
    tally: Counter[tuple[bool, str]] = Counter()
    error = ""
    try:
        async with transport as session:
            while row is not None:
                outcome = await _send_one(store, session, row, now or utcnow())
                tally[row.kind in REPLY_KINDS, outcome] += 1
                row = await anext(rows, None)
    except DeliveryError as exc:
        waiting = _defer_due(store, now or utcnow(), str(exc))
        log.warning(
            "transport unavailable, %d messages wait: %s",
            waiting,
            exc,
            extra=event("outbox.deferred"),
        )
        tally[True, "deferred"] += waiting
        error = str(exc)
    finally:
        await rows.aclose()
    return FlushResult(
        sent=tally[True, "sent"],
        failed=tally[True, "failed"],
        deferred=tally[True, "deferred"],
        staff_sent=tally[False, "sent"],
        error=error,
    )


async def _due_rows(
    store: Store,
    now: datetime | None,
    stop: threading.Event | None,
    more: Callable[[], Awaitable[bool]] | None,
) -> AsyncGenerator[_Due, None]:
    after = 0
    while True:
        page = _due_page(store, now or utcnow(), after=after)
        for row in page:
            if stop is not None and stop.is_set():
                return
            yield row
        if page:
            after = page[-1].id
        elif more is None or not await more():
            return


def _due_page(store: Store, moment: datetime, *, after: int) -> list[_Due]:
    """The next due rows after id ``after``; paging keeps memory flat however long the queue."""
    rows = store.rows(
        "SELECT id, case_id, message_id, kind, recipient, raw, attempts "
        "FROM outbox INDEXED BY outbox_pending "
        "WHERE status = 'pending' AND next_attempt_at <= ? AND id > ? ORDER BY id LIMIT ?",
        (iso(moment), after, PAGE),
    )
    return [_Due(**row) for row in rows]


def _defer_due(store: Store, moment: datetime, error: str) -> int:
    """Back off every row that is still due; return how many wait."""
    due = store.rows(
        "SELECT id, attempts FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?",
        (iso(moment),),
    )
    with store.transaction():
        for row in due:
            attempts = int(row["attempts"]) + 1
            delay = min(FIRST_RETRY * 2 ** (attempts - 1), LAST_RETRY)
            store.db.execute(
                "UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                (attempts, iso(moment + delay), error[:500], row["id"]),
            )
    return len(due)


@dataclass(frozen=True, slots=True)
class _Due:
    id: int
    case_id: int | None
    message_id: str
    kind: str
    recipient: str
    raw: bytes
    attempts: int


async def _send_one(store: Store, session: Transport, row: _Due, now: datetime) -> str:
    try:
        await session.send("", row.recipient, row.raw)
    except DeliveryError as exc:
        if not exc.permanent:
            raise
        _fail(store, row, str(exc))
        return "failed"
    with store.transaction():
        store.db.execute(
            "UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = ?, "
            "last_error = NULL WHERE id = ?",
            (iso(now), row.id),
        )
    return "sent"


def _fail(store: Store, row: _Due, error: str) -> None:
    with store.transaction():
        store.db.execute(
            "UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ? "
            "WHERE id = ?",
            (error[:500], row.id),
        )
        if row.case_id is not None:
            detail = {"recipient": row.recipient, "error": error[:500]}
            add_event(store, row.case_id, "reply_failed", detail)
    log.error(
        "reply to %s failed permanently: %s",
        row.recipient,
        error,
        extra=event("outbox.failed", key=row.message_id),
    )
