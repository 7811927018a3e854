"""One poll cycle: read new mail, store each message with its case and reply, move it.

Every message is handled in one transaction (message row, case, events, outbox
rows) and only then moved out of the inbox, so a crash anywhere neither loses
nor doubles a case: on restart a stored message is recognised by its source key
(or its bytes, or its Message-ID and sender) and only moved.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from intake.cases import (
    AUTO_REPLY_STATUSES,
    CaseRecord,
    Decision,
    decide_reply,
    evaluate,
    match_case,
    merge_findings,
    new_token,
    status_after,
)
from intake.clock import iso, utcnow
from intake.config import Config
from intake.guard import GuardContext, limit_reason
from intake.logs import event
from intake.outbox import queue_message, replies_in_last_hour, reply_counts
from intake.reading import BatchReader, Read, Unreadable
from intake.reply import render_reply, render_staff_message, render_text
from intake.sources import RawMessage, Source
from intake.store import Store
from intake.summary import case_detail, render_summary
from intake.triage import Triage

log = logging.getLogger(__name__)
SETTLE_EVERY = 1000
COMMIT_EVERY = 20


@dataclass(slots=True)
class CycleSummary:
    """Counts for one cycle; the JSON line of ``intake run --once``."""

    fetched: int = 0
    new_cases: int = 0
    follow_ups: int = 0
    automated: int = 0
    quarantined: int = 0
    replies_sent: int = 0
    replies_failed: int = 0

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.__slots__}

    def count(self, outcome: str) -> None:
        if outcome in ("new_cases", "follow_ups", "automated", "quarantined"):
            setattr(self, outcome, getattr(self, outcome) + 1)


@dataclass(frozen=True, slots=True)
class _SavedCase:
    """What the rest of a message's handling needs of the case it was stored in."""

    id: int
    token: str
    requester: str


@dataclass(slots=True)
class _Settled:
    """Stored messages waiting to be moved out of the inbox (keys only, no bodies).

    Moving in larger groups matters on IMAP: every MOVE makes the server expunge,
    which costs time in proportion to the folder, not to the messages moved.
    """

    processed: list[RawMessage] = field(default_factory=list)
    quarantined: list[RawMessage] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.processed) + len(self.quarantined)

    def add(self, raw: RawMessage, *, quarantined: bool) -> None:
        target = self.quarantined if quarantined else self.processed
        target.append(RawMessage(raw.source_key, raw.size, None))

    def flush(self, source: Source) -> _Settled:
        if self.size:
            source.settle(self.processed, self.quarantined)
        return _Settled()


class Pipeline:
    """Handles messages against one store with one configuration."""

    def __init__(self, config: Config, store: Store) -> None:
        self.config = config
        self.store = store
        self.guard = GuardContext(
            own_addresses=config.own_addresses,
            own_domain=config.reply.from_.domain,
            authserv_id=config.mailbox.authserv_id,
        )
        self._replies_this_hour: int | None = None

    def run_cycle(
        self,
        source: Source,
        stop: threading.Event | None = None,
        on_commit: Callable[[], None] | None = None,
    ) -> CycleSummary:
        """Process everything in the inbox, batch by batch; ``stop`` ends it between messages.

        ``on_commit`` runs after each commit (it wakes the sender).
        """
        summary = CycleSummary()
        self._replies_this_hour = None  # counted afresh each cycle, then kept in memory
        limit = self.config.limits.max_message_bytes
        settled = _Settled()
        try:
            with BatchReader(self.guard, limit) as reader:
                for batch in source.batches(self.store.is_known_source, limit):
                    for raw, outcome in self._store_batch(batch, reader, stop, on_commit):
                        summary.fetched += raw.data is not None
                        summary.count(outcome)
                        settled.add(raw, quarantined=outcome == "quarantined")
                    if stop is not None and stop.is_set():
                        break
                    if settled.size >= SETTLE_EVERY:
                        settled = settled.flush(source)
        finally:
            settled.flush(source)
        return summary

    def _store_batch(
        self,
        batch: list[RawMessage],
        reader: BatchReader,
        stop: threading.Event | None,
        on_commit: Callable[[], None] | None,
    ) -> list[tuple[RawMessage, str]]:
        """Handle a batch a group at a time: one transaction per group, a savepoint per message.

        A group is read before the write lock is taken, so the sender can mark replies
        sent while the helper reads. Nothing is moved or answered before its group
        commits, so a crash only means reading that group again.
        """
        handled: list[tuple[RawMessage, str]] = []
        reads = reader.read(batch)
        for start in range(0, len(batch), COMMIT_EVERY):
            group = batch[start : start + COMMIT_EVERY]
            group_reads = [next(reads) for _ in group]
            with self.store.transaction():
                for raw, read in zip(group, group_reads, strict=True):
                    if stop is not None and stop.is_set():
                        return handled
                    handled.append((raw, self.handle(raw, read)))
            if on_commit is not None:
                on_commit()
        return handled

    def handle(self, raw: RawMessage, read: Read | None) -> str:
        """Store one message and what was read from it (None: it has no bytes).

        Returns the outcome: new_cases, follow_ups, automated, quarantined, …
        """
        if self.store.is_known_source(raw.source_key):
            quarantined = self.store.is_quarantined(raw.source_key)
            return "quarantined" if quarantined else "known"
        if raw.data is None:
            return self._quarantine(raw, None, f"message is over the size limit ({raw.size} bytes)")
        assert read is not None, "every message with bytes has been read"
        if isinstance(read, Unreadable):
            if read.bug:
                log.error(
                    "reading failed:\n%s",
                    read.bug,
                    extra=event("message.error", key=raw.source_key),
                )
            return self._quarantine(raw, hashlib.sha256(raw.data).hexdigest(), read.reason)
        result = read
        message = result.message
        sha = message.raw_sha256  # of the same bytes, hashed once while reading
        if message.sender is None and result.automated_reason is None:
            return self._quarantine(raw, sha, "no valid sender address in From")
        sender = message.sender.email if message.sender else None
        if self.store.is_duplicate(sha, message.message_id, sender):
            return "duplicate"
        try:
            with self.store.transaction():
                return self._record(raw, result)
        except sqlite3.Error:
            raise  # the database itself is in trouble: the whole batch waits for later
        except Exception:
            log.exception("storing failed", extra=event("message.error", key=raw.source_key))
            return self._quarantine(raw, sha, "internal error while storing; see the log")

    def _quarantine(self, raw: RawMessage, sha: str | None, error: str) -> str:
        self.store.record_quarantine(raw.source_key, sha, error)
        log.warning("%s", error, extra=event("message.quarantined", key=raw.source_key))
        return "quarantined"

    def _record(self, raw: RawMessage, result: Triage) -> str:
        message = result.message
        sender = message.sender.email if message.sender else None
        username = result.extraction.findings.get("username")
        match = match_case(
            sender=sender,
            references=[*message.in_reply_to, *message.references],
            subject=message.subject,
            body=message.text,
            username=username.value if username else None,
            lookup=self.store,
        )
        if result.automated_reason or match.foreign_sender:
            flag = None if result.automated_reason else "foreign_sender"
            case_id = match.case.id if match.case else None
            self._store_message(raw, result, case_id, flags=[flag] if flag else [])
            if match.case is not None:
                self.store.add_event(
                    match.case.id,
                    flag or "automated_message",
                    {"from": sender, "reason": result.automated_reason},
                )
            log.info(
                "stored without a reply: %s",
                result.automated_reason or "sender is not the case's requester",
                extra=event(
                    f"message.{flag or 'automated'}",
                    case=match.case.token if match.case else None,
                    key=raw.source_key,
                ),
            )
            return "automated" if result.automated_reason else "follow_ups"
        return self._merge_and_reply(raw, result, match.case)

    def _merge_and_reply(self, raw: RawMessage, result: Triage, case: CaseRecord | None) -> str:
        message = result.message
        merge = merge_findings(case.findings if case else {}, result.extraction, message.message_id)
        fields, missing = evaluate(merge.findings)
        status_before = case.status if case else None
        status = status_after(status_before, missing)
        flags = sorted({*(case.flags if case else ()), *(["conflict"] if merge.conflict else [])})
        requester = case.requester if case else (message.sender.email if message.sender else "")
        saved = self._save_case(case, requester, merge.findings, fields, missing, status, flags)
        case_id = saved.id
        self._case_events(case_id, case, merge.changes, merge.conflict, status_before, status)
        trigger = "new" if case is None else ("changed" if merge.changed else "unchanged")
        decision = self._decide(saved, status_before, status, missing, trigger)
        self._store_message(raw, result, case_id, flags=[], decision=decision)
        if decision.reply != "none":
            self._queue_reply(saved, result, decision, missing, trigger)
        if decision.notify_staff:
            self._notify_staff(case_id)
        outcome = "new_cases" if case is None else "follow_ups"
        log.info(
            "%s, status %s, reply %s",
            "new case" if case is None else "follow-up",
            status,
            decision.reply if decision.reply != "none" else f"none ({decision.why_none})",
            extra=event("message.stored", case=saved.token, key=raw.source_key),
        )
        return outcome

    def _save_case(
        self,
        case: CaseRecord | None,
        requester: str,
        findings: dict[str, dict[str, object]],
        fields: dict[str, object],
        missing: list[str],
        status: str,
        flags: list[str],
    ) -> _SavedCase:
        now = iso(utcnow())
        values = {
            "username": fields.get("username"),
            "status": status,
            "fields": fields,
            "missing": missing,
            "flags": flags,
            "findings": findings,
            "updated_at": now,
        }
        if case is not None:
            self.store.update("cases", case.id, values)
            return _SavedCase(case.id, case.token, requester)
        token = new_token()
        row = {"token": token, "requester": requester, "created_at": now, **values}
        return _SavedCase(self.store.insert("cases", row), token, requester)

    def _case_events(
        self,
        case_id: int,
        case: CaseRecord | None,
        changes: list[dict[str, object]],
        conflict: dict[str, object] | None,
        status_before: str | None,
        status: str,
    ) -> None:
        if case is None:
            self.store.add_event(case_id, "created", {"status": status})
        else:
            for change in changes:
                self.store.add_event(case_id, "field_changed", change)
        if conflict:
            self.store.add_event(case_id, "conflict", conflict)
        if case is not None and status != status_before:
            self.store.add_event(case_id, "status_changed", {"from": status_before, "to": status})

    def _decide(
        self,
        case: _SavedCase,
        status_before: str | None,
        status: str,
        missing: list[str],
        trigger: str,
    ) -> Decision:
        blocked = None
        if status_before in (None, *AUTO_REPLY_STATUSES):
            limits = self.config.limits
            if self._replies_this_hour is None:
                self._replies_this_hour = replies_in_last_hour(self.store)
            blocked = limit_reason(
                reply_counts(self.store, case.requester, case.id, self._replies_this_hour),
                per_sender_per_day=limits.replies_per_sender_per_day,
                per_case_per_day=limits.replies_per_case_per_day,
                per_hour=limits.replies_per_hour,
                changed=trigger != "unchanged",
            )
            if blocked == "global_rate_limit":
                self._global_limit_reached()
        return decide_reply(
            blocked_by=blocked, status_before=status_before, status=status, missing=missing
        )

    def _global_limit_reached(self) -> None:
        if not self.store.claim_notice("global_rate_limit", timedelta(hours=1)):
            return
        log.error(
            "global reply limit reached (%d per hour): auto-replies paused, ingest goes on",
            self.config.limits.replies_per_hour,
            extra=event("limit.global"),
        )
        body = render_text("rate_limit_alert.txt.j2", per_hour=self.config.limits.replies_per_hour)
        for staff in self.config.reply.staff:
            alert = render_staff_message(
                sender=self.config.reply.from_,
                staff=staff,
                subject="Auto-replies paused: global reply limit reached",
                body=body,
                kind="staff_alert",
            )
            queue_message(self.store, None, alert)

    def _queue_reply(
        self, case: _SavedCase, result: Triage, decision: Decision, missing: list[str], trigger: str
    ) -> None:
        message = result.message
        assert message.sender is not None
        reply = render_reply(
            decision.reply,
            token=case.token,
            sender=self.config.reply.from_,
            recipient=message.sender,
            subject=message.subject,
            in_reply_to=message.message_id,
            references=list(message.references),
            missing=missing,
            redacted=bool(message.redactions),
        )
        queue_message(self.store, case.id, reply, trigger=trigger)
        if self._replies_this_hour is not None:
            self._replies_this_hour += 1

    def _notify_staff(self, case_id: int) -> None:
        detail = case_detail(self.store, case_id)
        summary = render_summary(detail)
        case = detail["case"]
        body = render_text("staff_notification.txt.j2", token=case["token"], summary=summary)
        for staff in self.config.reply.staff:
            notice = render_staff_message(
                sender=self.config.reply.from_,
                staff=staff,
                subject=f"[case {case['token']}] ready for review: "
                f"{case['username'] or 'username not given'}",
                body=body,
                kind="staff_notification",
            )
            queue_message(self.store, case_id, notice)

    def _store_message(
        self,
        raw: RawMessage,
        result: Triage,
        case_id: int | None,
        *,
        flags: list[str],
        decision: Decision | None = None,
    ) -> None:
        message = result.message
        reply = decision.reply if decision else "none"
        if decision and decision.why_none:
            flags = [*flags, f"no_reply:{decision.why_none}"]
        self.store.insert(
            "messages",
            {
                "case_id": case_id,
                "direction": "in",
                "message_id": message.message_id,
                "in_reply_to": message.in_reply_to[0] if message.in_reply_to else None,
                "references": list(message.references),
                "sender": message.sender.email if message.sender else message.from_header,
                "subject": message.subject,
                "date": message.date,
                "body_text": message.text,
                "extracted": result.extraction.fields(),
                "evidence": result.extraction.evidence(),
                "attachments": [
                    {"name": a.name, "type": a.type, "size": a.size, "sha256": a.sha256}
                    for a in message.attachments
                ],
                "raw_sha256": message.raw_sha256,
                "source_key": raw.source_key,
                "automated_reason": result.automated_reason,
                "flags": flags,
                "reply": reply,
                "received_at": iso(utcnow()),
            },
        )
